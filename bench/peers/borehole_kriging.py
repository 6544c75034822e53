"""Exact Kriging on the borehole function (issue 25): ours (kriging, Matérn 5/2, theta by maximum likelihood)
beside scikit-learn's GaussianProcessRegressor (ConstantKernel * Matern(nu=2.5, one length scale per input)
+ WhiteKernel, normalize_y, 2 optimiser restarts) on the same uniform random points, in one run.

The borehole function (Harper & Gupta 1983; https://www.sfu.ca/~ssurjano/borehole.html), inputs
(r_w, r, T_u, H_u, T_l, H_l, L, K_w) on the standard ranges, is computed here with numpy; the service gets the
same values. scikit-learn sees the inputs scaled to [0, 1]^8 (its length scales start at 1); the service
gets the box. RMSE on a held-out set of uniform random points. Also printed: our concentrated log-likelihood
at our optimum and at scikit-learn's length scales (the service evaluates it with theta given), to tell a
likelihood optimum we missed from a different model.

Usage: borehole_kriging.py URL SIZES [TEST]   e.g. ... http://127.0.0.1:5100 1000,2000 2000
Needs Debian's python3-sklearn, python3-requests."""
import os
import sys
import time
import warnings

import numpy as np
import requests
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel

LOWER = np.array([0.05, 100, 63070, 990, 63.1, 700, 1120, 9855])
UPPER = np.array([0.15, 50000, 115600, 1110, 116, 820, 1680, 12045])


def borehole(x):
    rw, r, tu, hu, tl, hl, length, kw = x.T
    log_ratio = np.log(r / rw)
    return 2 * np.pi * tu * (hu - hl) / (log_ratio * (1 + 2 * length * tu / (log_ratio * rw ** 2 * kw) + tu / tl))


def post(url, body):
    response = requests.post(url, json=body, timeout=1200)
    if response.status_code != 200:
        sys.exit(f"POST {url} answered {response.status_code}: {response.text[:400]}")
    return response.json()


def ours(url, x, y, test_x, theta=None):
    options = {"kernel": "matern52"}
    if theta is not None:
        options["theta"] = list(theta)
    fit = {"kind": "kriging", "points": x.tolist(), "values": y.tolist(), "lowerBound": LOWER.tolist(), "upperBound": UPPER.tolist(), "options": options}
    start = time.perf_counter()
    fitted = post(f"{url}/v1/surrogates/fit", fit)
    fit_seconds = time.perf_counter() - start
    predicted = np.array(post(f"{url}/v1/surrogates/predict", {"model": fitted["model"], "points": test_x.tolist()})["values"])
    return predicted, fit_seconds, fitted["diagnostics"]


def sklearn(x, y, test_x):
    unit = (x - LOWER) / (UPPER - LOWER)
    kernel = ConstantKernel(1.0) * Matern(np.ones(8), nu=2.5) + WhiteKernel(1e-5, (1e-12, 1e-1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        model = GaussianProcessRegressor(kernel, normalize_y=True, n_restarts_optimizer=2, random_state=0).fit(unit, y)
        fit_seconds = time.perf_counter() - start
    return model.predict((test_x - LOWER) / (UPPER - LOWER)), fit_seconds, model


def rmse(predicted, truth):
    return float(np.sqrt(np.mean((predicted - truth) ** 2)))


def main():
    url = sys.argv[1]
    sizes = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "1000").split(",")]
    test_count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    test_x = LOWER + (UPPER - LOWER) * np.random.default_rng(1).random((test_count, 8))
    truth = borehole(test_x)
    print(f"Borehole (8-D), uniform random points (seed 0), {test_count} held-out points (seed 1); "
          f"output range {truth.min():.1f}..{truth.max():.1f}; load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores")
    print(f"{'n':>5} | {'ours RMSE':>10} {'fit s':>7} | {'sklearn RMSE':>12} {'fit s':>7} | {'RMSE ratio':>10} {'time ratio':>10} | "
          f"{'our logL':>10} {'our logL at sklearn θ':>22} | sklearn kernel")
    for n in sizes:
        x = LOWER + (UPPER - LOWER) * np.random.default_rng(0).random((n, 8))
        y = borehole(x)
        our_prediction, our_seconds, diagnostics = ours(url, x, y, test_x)
        peer_prediction, peer_seconds, peer = sklearn(x, y, test_x)
        # sklearn's Matérn distance is |Δu|/ℓ on the unit cube; ours is sqrt(Σ θ_l Δx_l²) on the box: θ_l = 1/(ℓ_l·width_l)².
        scales = peer.kernel_.k1.k2.length_scale
        at_peer = ours(url, x, y, test_x, theta=1.0 / (scales * (UPPER - LOWER)) ** 2)[2]["logLikelihood"]
        ours_rmse, peer_rmse = rmse(our_prediction, truth), rmse(peer_prediction, truth)
        print(f"{n:>5} | {ours_rmse:>10.5f} {our_seconds:>7.2f} | {peer_rmse:>12.5f} {peer_seconds:>7.2f} | "
              f"{ours_rmse / peer_rmse:>10.3f} {our_seconds / peer_seconds:>10.3f} | {diagnostics['logLikelihood']:>10.2f} {at_peer:>22.2f} | {peer.kernel_}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
