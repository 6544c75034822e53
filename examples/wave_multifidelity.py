#!/usr/bin/python3
"""The wave at two resolutions: co-Kriging of a coarse and a fine grid against Kriging of the fine grid alone.

The quantity of interest is the energy a receiver records, E = Σ p(t)²·dt over 0 < t ≤ 20, of the 2-D
acoustic wave on a 20 × 20 box with the receiver at (16, 10), as a function of two inputs: the source's x
(the source sits at (x, 10), x in [3, 10]) and the pulse width w in [0.5, 1.5]. Every run goes through
POST /v1/simulations/acoustic2d with the receiver's trace only ("snapshots": false):

- low fidelity: a 41 × 41 grid (dx = 0.5, 164 steps), which smears the narrow pulses;
- high fidelity: a 101 × 101 grid (dx = 0.2, 410 steps).

The cost of a run is the solver's work, (nx + 32)·ny·steps cell updates (the service's own measure), so a
coarse run costs 1/11.2 of a fine one. At equal cost, 6 fine + 44 coarse runs (6 + 44/11.2 = 9.9 fine
runs) are set against 10 fine runs; both designs are Sobol' points from POST /v1/samples (the 6 fine
points are the first 6 coarse ones). POST /v1/surrogates/fit fits Kriging with "lowFidelity" (co-Kriging)
and without; both predict 25 fine-grid check points (a 5 × 5 grid), and the script prints their errors.

Needs Debian's python3-requests and numpy. Start the service (dotnet run --project src/SurrogateService.Api)
and run  /usr/bin/python3 examples/wave_multifidelity.py --url http://localhost:5080
"""
import argparse
import sys

import numpy as np
import requests

LOWER, UPPER = [3.0, 0.5], [10.0, 1.5]
SIDE, RECEIVER, DURATION, CFL = 20.0, [16.0, 10.0], 20.0, 4.1
COARSE, FINE = 41, 101


def post(url, body):
    response = requests.post(url, json=body, timeout=300)
    if response.status_code != 200:
        sys.exit(f"POST {url} answered {response.status_code}: {response.text[:500]}")
    return response.json()


def steps(n):
    """Time steps that reach t = DURATION with the service's dt = dx / c / cflFactor (c = 1)."""
    return int(round(DURATION / (SIDE / (n - 1) / CFL)))


def cost(n):
    """The solver's work for one run, (nx + 32)·ny·steps cell updates."""
    return (n + 32) * n * steps(n)


def energy(url, n, point):
    body = {"nx": n, "ny": n, "lx": SIDE, "ly": SIDE, "steps": steps(n), "cflFactor": CFL, "threads": 1,
            "pulse": {"centre": [point[0], SIDE / 2], "width": point[1]},
            "receivers": [RECEIVER], "snapshots": False}
    run = post(f"{url}/v1/simulations/acoustic2d", body)
    trace = np.array(run["traces"]["values"][0])
    return float(np.sum(trace ** 2) * run["dt"])


def sobol(url, count):
    body = {"method": "sobol", "count": count, "lowerBound": LOWER, "upperBound": UPPER, "seed": 3,
            "options": {"sequence": "plain", "scramble": True}}
    return post(f"{url}/v1/samples", body)["points"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:5080", help="the service's base URL")
    args = parser.parse_args()
    url = args.url.rstrip("/")

    ratio = cost(FINE) / cost(COARSE)
    coarse_points = sobol(url, 44)
    fine_points = coarse_points[:6]
    budget_points = sobol(url, 10)
    print(f"cost of a run: coarse {cost(COARSE):,} and fine {cost(FINE):,} cell updates (ratio {ratio:.1f}); "
          f"co-Kriging 6 fine + 44 coarse = {6 + 44 / ratio:.1f} fine runs, Kriging 10 fine runs")

    coarse_values = [energy(url, COARSE, p) for p in coarse_points]
    fine_values = [energy(url, FINE, p) for p in fine_points]
    budget_values = [energy(url, FINE, p) for p in budget_points]
    check = [[x, w] for x in np.linspace(*[LOWER[0], UPPER[0]], 5) for w in np.linspace(*[LOWER[1], UPPER[1]], 5)]
    truth = np.array([energy(url, FINE, p) for p in check])

    box = {"lowerBound": LOWER, "upperBound": UPPER}
    co_fit = {"kind": "kriging", "points": fine_points, "values": fine_values, **box,
              "lowFidelity": {"points": coarse_points, "values": coarse_values}}
    co = post(f"{url}/v1/surrogates/fit", co_fit)
    high = post(f"{url}/v1/surrogates/fit", {"kind": "kriging", "points": budget_points, "values": budget_values, **box})
    rho = co["model"]["parameters"]["rho"][0]

    def rmse(model):
        predicted = np.array(post(f"{url}/v1/surrogates/predict", {"model": model, "points": check})["values"])
        return float(np.sqrt(np.mean((predicted - truth) ** 2)))

    co_error, high_error = rmse(co["model"]), rmse(high["model"])
    spread = float(truth.max() - truth.min())
    print(f"receiver energy on the check points: {truth.min():.5f} … {truth.max():.5f}")
    print(f"rmse coKriging {co_error:.6f} ({co_error / spread:.2%} of the range), rho {rho:.3f}")
    print(f"rmse kriging {high_error:.6f} ({high_error / spread:.2%} of the range)")
    print(f"co-Kriging error / Kriging error = {co_error / high_error:.2f} at equal cost")
    auto = post(f"{url}/v1/surrogates/fit", {**co_fit, "kind": "auto"})
    chosen = [c for c in auto["diagnostics"]["candidates"] if c["leaveOneOutRmse"] == auto["diagnostics"]["leaveOneOutRmse"]]
    print(f"auto with the same data keeps {auto['model']['kind']}"
          f"{' with the low-fidelity data (co-Kriging)' if any(c['usesLowFidelity'] for c in chosen) else ''}")
    assert co_error < high_error, "co-Kriging should beat Kriging on the fine grid alone at equal cost"


if __name__ == "__main__":
    main()
