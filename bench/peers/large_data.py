"""Large-data bench (issue 20): nearest-neighbour Kriging over HTTP beside scikit-learn's exact
GaussianProcessRegressor (Matern(5/2) + WhiteKernel, normalize_y, 2 restarts), measured in one run.

Borehole (8 inputs, its standard ranges), uniform random points, test RMSE against the function at
10 000 fresh points, coverage of the 95 % intervals (prediction +/- 1.96 standard errors):
  - ours, nearest neighbour, n = N_LARGE (default 100 000): fit + 10 000 predictions with standard errors;
  - scikit-learn on the first 1 000 of the same points;
  - our exact Kriging on the first 2 000 (approximation "exact");
  - the fit-time curve of the nearest-neighbour fit at 10^3, 10^4, 10^5 points.
With CASE=noisy instead: a noisy 4-D function, fit (noise "fit") + 10 000 predictions with standard errors,
all arrays as .npy parts of multipart bodies, on the first 10^5 and then on all N_LARGE (10^6) points, with the
server's peak resident memory (VmHWM of /proc/SERVER_PID/status) after each.
The script prints one JSON line per measurement and a summary table with the ratios the goals name.

Usage: large_data.py URL N_LARGE CASE SERVER_PID (CASE "noisy" or "borehole"); each of our runs reports the server's CPU seconds
and the load average at its end. PEERS=0 leaves out scikit-learn and our exact fit (borehole), TREND sets the trend option. Needs Debian's python3-sklearn, python3-requests."""
import io
import json
import math
import os
import sys
import time
import warnings

import numpy as np
import requests
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel

# Harper & Gupta (1983) via Surjanovic & Bingham's library: (r_w, r, T_u, H_u, T_l, H_l, L, K_w).
LOWER = [0.05, 100, 63070, 990, 63.1, 700, 1120, 9855]
UPPER = [0.15, 50000, 115600, 1110, 116, 820, 1680, 12045]


def borehole(x):
    rw, r, tu, hu, tl, hl, length, kw = x.T
    log_ratio = np.log(r / rw)
    return 2 * np.pi * tu * (hu - hl) / (log_ratio * (1 + 2 * length * tu / (log_ratio * rw ** 2 * kw) + tu / tl))


def uniform(count, seed):
    random = np.random.default_rng(seed)
    return np.asarray(LOWER) + (np.asarray(UPPER) - np.asarray(LOWER)) * random.random((count, 8))


def scores(mean, std, truth):
    return {"rmse": float(np.sqrt(np.mean((mean - truth) ** 2))),
            "coverage": float(np.mean(np.abs(mean - truth) <= 1.96 * std))}


def server_cpu_seconds(pid):
    """User + system CPU seconds of the server process so far (/proc/PID/stat fields 14 and 15, in clock ticks)."""
    if pid is None:
        return None
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average():
    with open("/proc/loadavg") as load:
        return " ".join(load.read().split()[:3])


def ours(session, url, x, y, test, truth, approximation, pid=None):
    """Fit (a heavy request), then predict with standard errors from the returned model document (a light one).
    Nearest-neighbour fits take the trend of TREND (default auto, the service's default: polynomial there; constant for ordinary Kriging)."""
    options = {"kernel": "matern52", "approximation": approximation, "restarts": 2}
    if approximation == "nearestNeighbour":
        options["trend"] = os.environ.get("TREND", "auto")
    fit = {"kind": "kriging", "points": x.tolist(), "values": y.tolist(), "lowerBound": LOWER, "upperBound": UPPER, "options": options}
    cpu = server_cpu_seconds(pid)
    start = time.perf_counter()
    response = fit_request(session, url, fit)
    fit_seconds = time.perf_counter() - start
    if response.status_code != 200:
        return {"error": f"fit {response.status_code}: {response.text[:400]}", "seconds": fit_seconds, "load": load_average(),
                "serverCpuSeconds": None if cpu is None else server_cpu_seconds(pid) - cpu}
    fitted = response.json()
    values, errors = [], []
    for first in range(0, len(test), PREDICT_CHUNK):
        body = {"model": fitted["model"], "points": test[first:first + PREDICT_CHUNK].tolist(), "includeStandardError": True}
        response = session.post(url + "/v1/surrogates/predict", json=body, timeout=900)
        if response.status_code != 200:
            return {"error": f"predict {response.status_code}: {response.text[:400]}", "seconds": time.perf_counter() - start}
        answer = response.json()
        values += answer["values"]
        errors += answer["standardErrors"]
    seconds = time.perf_counter() - start
    result = scores(np.asarray(values), np.asarray(errors), truth)
    diagnostics = fitted["diagnostics"]
    result.update(seconds=seconds, fitSeconds=fit_seconds, looSpread=diagnostics.get("leaveOneOutStandardisedSpread"), theta=diagnostics.get("theta"),
                  trend=diagnostics.get("trend"), load=load_average())
    if cpu is not None:
        result["serverCpuSeconds"] = server_cpu_seconds(pid) - cpu
    return result


# ASYNC_FIT=1 submits fits as jobs (Prefer: respond-async) and polls them, for a loaded machine on which a fit passes the
# synchronous timeout; PREDICT_CHUNK splits the predictions into requests of that many points, for the same reason.
ASYNC_FIT = os.environ.get("ASYNC_FIT", "0") == "1"
PREDICT_CHUNK = int(os.environ.get("PREDICT_CHUNK", "10000"))


def fit_request(session, url, fit):
    if not ASYNC_FIT:
        return session.post(url + "/v1/surrogates/fit", json=fit, timeout=900)
    response = session.post(url + "/v1/surrogates/fit", json=fit, headers={"Prefer": "respond-async"}, timeout=900)
    if response.status_code != 202:
        return response
    job = url + response.headers["Location"]
    while True:
        time.sleep(2)
        status = session.get(job, timeout=60).json()["status"]
        if status not in ("queued", "running"):
            return session.get(job + "/result", timeout=900)


def sklearn_gpr(x, y, test, truth):
    # Inputs scaled to the unit cube: with the raw ranges (r up to 50 000, K_w about 10^4) the
    # optimiser's length-scale bounds (1e-5 to 1e5) do not reach the data and the fit fails (RMSE 45).
    lower, width = np.asarray(LOWER), np.asarray(UPPER) - np.asarray(LOWER)
    x, test = (x - lower) / width, (test - lower) / width
    kernel = ConstantKernel(1.0) * Matern(np.ones(8), nu=2.5) + WhiteKernel(1e-5)
    start = time.perf_counter()
    model = GaussianProcessRegressor(kernel, normalize_y=True, n_restarts_optimizer=2, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(x, y)
    fit_seconds = time.perf_counter() - start
    mean, std = model.predict(test, return_std=True)
    result = scores(mean, std, truth)
    result.update(seconds=time.perf_counter() - start, fitSeconds=fit_seconds, kernel=str(model.kernel_))
    return result


def npy(array):
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array, dtype=np.float64))
    return buffer.getvalue()


def noisy_function(x):
    """A smooth 4-D function on the unit cube (its range is about 3); the noise added to it has standard deviation 0.1."""
    return np.sin(2 * np.pi * x[:, 0]) * np.cos(np.pi * x[:, 1]) + x[:, 2] ** 2 + 0.5 * np.exp(-4 * (x[:, 3] - 0.5) ** 2)


def peak_rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


def ours_multipart(session, url, x, y, test, truth, pid):
    """Fit with noise 'fit' from .npy parts, then predict from the returned document, its arrays sent back as parts."""
    request = {"kind": "kriging", "lowerBound": [0.0] * 4, "upperBound": [1.0] * 4,
               "options": {"kernel": "matern52", "noise": "fit", "restarts": 2}}
    if "TREND" in os.environ:
        request["options"]["trend"] = os.environ["TREND"]
    files = {"request": (None, json.dumps(request), "application/json"),
             "points": ("points.npy", npy(x)), "values": ("values.npy", npy(y))}
    cpu = server_cpu_seconds(pid)
    start = time.perf_counter()
    response = session.post(url + "/v1/surrogates/fit/multipart", files=files, timeout=900)
    fit_seconds = time.perf_counter() - start
    if response.status_code != 200:
        return {"error": f"fit {response.status_code}: {response.text[:400]}", "seconds": fit_seconds, "peakRssMiB": peak_rss_mib(pid),
                "serverCpuSeconds": server_cpu_seconds(pid) - cpu, "load": load_average()}
    fitted = response.json()
    document = fitted["model"]
    document.pop("points", None)
    document.pop("values", None)
    files = {"request": (None, json.dumps({"model": document, "includeStandardError": True}), "application/json"),
             "model.points": ("points.npy", npy(x)), "model.values": ("values.npy", npy(y)), "points": ("query.npy", npy(test))}
    response = session.post(url + "/v1/surrogates/predict/multipart", files=files, timeout=900)
    seconds = time.perf_counter() - start
    if response.status_code != 200:
        return {"error": f"predict {response.status_code}: {response.text[:400]}", "seconds": seconds, "peakRssMiB": peak_rss_mib(pid)}
    answer = response.json()
    result = scores(np.asarray(answer["values"]), np.asarray(answer["standardErrors"]), truth)
    diagnostics = fitted["diagnostics"]
    result.update(seconds=seconds, fitSeconds=fit_seconds, peakRssMiB=peak_rss_mib(pid), noiseVariance=diagnostics.get("noiseVariance"),
                  looSpread=diagnostics.get("leaveOneOutStandardisedSpread"), theta=diagnostics.get("theta"),
                  serverCpuSeconds=server_cpu_seconds(pid) - cpu, load=load_average(), trend=diagnostics.get("trend"))
    return result


def main_noisy(url, n_large, pid):
    url = url.rstrip("/")
    session = requests.Session()
    random = np.random.default_rng(3)
    x = random.random((n_large, 4))
    y = noisy_function(x) + 0.1 * random.standard_normal(n_large)
    test = np.random.default_rng(4).random((10_000, 4))
    truth = noisy_function(test)
    rows = {}
    for n in sorted({min(100_000, n_large), n_large}):
        rows[n] = ours_multipart(session, url, x[:n], y[:n], test, truth, pid)
        print(json.dumps({"case": f"noisy 4-D n={n}", **rows[n]}), flush=True)
    print()
    print("| case | fit s | fit + 10 000 predictions s | RMSE (noise-free truth) | 95 % coverage | server peak RSS MiB |")
    print("|---|---|---|---|---|---|")
    for n, row in rows.items():
        if "error" in row:
            print(f"| noisy 4-D n={n} | | {row['seconds']:.1f} | failed: {row['error'][:80]} | | {row['peakRssMiB']:.0f} |")
        else:
            print(f"| noisy 4-D n={n} | {row['fitSeconds']:.1f} | {row['seconds']:.1f} | {row['rmse']:.4g} | {row['coverage']:.3f} | {row['peakRssMiB']:.0f} |")
    if len(rows) == 2 and all("error" not in row for row in rows.values()):
        small, large = rows[min(rows)], rows[max(rows)]
        print(f"RMSE n={max(rows)} / n={min(rows)} = {large['rmse'] / small['rmse']:.3f}  (goal < 1)")


def main(url, n_large, pid=None):
    url = url.rstrip("/")
    session = requests.Session()
    x = uniform(n_large, seed=1)
    y = borehole(x)
    test = uniform(10_000, seed=2)
    truth = borehole(test)
    rows = {}

    def report(name, result):
        rows[name] = result
        print(json.dumps({"case": name, **result}), flush=True)

    report(f"ours nearestNeighbour n={n_large}", ours(session, url, x, y, test, truth, "nearestNeighbour", pid))
    if os.environ.get("PEERS", "1") == "0":
        return
    report("scikit-learn exact n=1000", sklearn_gpr(x[:1000], y[:1000], test, truth))
    report("ours exact n=2000", ours(session, url, x[:2000], y[:2000], test, truth, "exact", pid))
    for n in [1000, 10_000, 100_000]:
        if n <= n_large and os.environ.get("CURVE", "1") != "0":
            report(f"curve nearestNeighbour n={n}", ours(session, url, x[:n], y[:n], test[:100], truth[:100], "nearestNeighbour"))

    large, peer, exact = rows[f"ours nearestNeighbour n={n_large}"], rows["scikit-learn exact n=1000"], rows["ours exact n=2000"]
    print()
    print(f"| case | seconds | RMSE | 95 % coverage |")
    print(f"|---|---|---|---|")
    for name, row in rows.items():
        if "error" in row:
            print(f"| {name} | {row['seconds']:.1f} | failed: {row['error'][:80]} | |")
        else:
            print(f"| {name} | {row['seconds']:.1f} | {row['rmse']:.4g} | {row['coverage']:.3f} |")
    if "error" not in large:
        print()
        print(f"time ours(n={n_large}, fit + 10 000 predictions with SE) / scikit-learn(1 000) = {large['seconds'] / peer['seconds']:.2f}  (goal < 1)")
        print(f"RMSE ours / scikit-learn(1 000) = {large['rmse'] / peer['rmse']:.3f}  (goal <= 0.2)")
        if "error" not in exact:
            print(f"RMSE ours / our exact(2 000) = {large['rmse'] / exact['rmse']:.3f}  (goal <= 0.5)")
        print(f"coverage = {large['coverage']:.3f}  (goal 0.90-0.99)")
    curve = {n: rows.get(f"curve nearestNeighbour n={n}", {}).get("fitSeconds") for n in [1000, 10_000, 100_000]}
    if curve[10_000] and curve[100_000]:
        print(f"fit time 10^5 / 10^4 = {curve[100_000] / curve[10_000]:.1f}  (goal <= 15)")


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[3] == "noisy":
        main_noisy(sys.argv[1], int(sys.argv[2]), int(sys.argv[4]))
    else:
        main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100_000, int(sys.argv[4]) if len(sys.argv) > 4 else None)
