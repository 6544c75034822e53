"""Multi-fidelity bench (issue 16): co-Kriging against Kriging on the high-fidelity points alone at equal
cost, on Currin's two-fidelity pair (Xiong, Qian & Wu 2013, Technometrics 55(1)), all in one run.

Cost model: a low-fidelity run costs a tenth of a high-fidelity one. A budget of B high-fidelity runs buys
either B high-fidelity points (high-only Kriging), or B/2 high- and 5·B low-fidelity points (co-Kriging):
B/2 + 5B/10 = B. Designs come from the service's scrambled Sobol' sequence (one seed per repetition); the
high-fidelity points of the co-Kriging design are the first B/2 of its low-fidelity points (nested).
Values come from the service's currinHigh / currinLow. Truth: currinHigh on a 50 x 50 grid.

Ours: kriging (the given kernel, by default the power exponential with p = 2; theta by maximum likelihood) without and with
lowFidelity, through POST /v1/surrogates/predict, with the coverage of their 95 % intervals (prediction
+/- 1.96 standard errors) on the grid. Peers (scikit-learn's GaussianProcessRegressor,
ConstantKernel * RBF with one length scale per input, normalize_y, 5 restarts): on the B high-fidelity
points alone, and a two-stage co-Kriging built from it (a GP of the low-fidelity data; rho and a constant
by least squares of y_high on the GP's low-fidelity predictions at the high-fidelity points; a GP of the
residual), the same recursive model without the generalised-least-squares concentration.

Usage: multifidelity_currin.py URL [SEEDS] [BUDGETS] [KERNEL]   e.g. ... http://127.0.0.1:5000 5 20,30 matern52
Needs Debian's python3-sklearn, python3-requests."""
import os
import sys
import warnings

import numpy as np
import requests
from sklearn.exceptions import ConvergenceWarning
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel

UNIT = {"lowerBound": [0.0, 0.0], "upperBound": [1.0, 1.0]}
COST_RATIO = 10  # a high-fidelity run costs as much as this many low-fidelity runs


def post(url, body):
    response = requests.post(url, json=body, timeout=600)
    if response.status_code != 200:
        sys.exit(f"POST {url} answered {response.status_code}: {response.text[:400]}")
    return response.json()


def sobol(url, count, seed):
    body = {"method": "sobol", "count": count, "seed": seed, "options": {"sequence": "plain", "scramble": True}, **UNIT}
    return np.array(post(f"{url}/v1/samples", body)["points"])


def evaluate(url, name, points):
    return np.array(post(f"{url}/v1/functions/{name}/evaluate", {"points": points.tolist()})["values"])


def ours(url, points, values, grid, kernel, low=None):
    """Predictions and standard errors on the grid."""
    fit = {"kind": "kriging", "points": points.tolist(), "values": values.tolist(), "options": {"kernel": kernel}, **UNIT}
    if low is not None:
        fit["lowFidelity"] = {"points": low[0].tolist(), "values": low[1].tolist()}
    answer = post(f"{url}/v1/surrogates/predict", {"fit": fit, "points": grid.tolist(), "includeStandardError": True})
    return np.array(answer["values"]), np.array(answer["standardErrors"])


def sklearn_gp(points, values, seed):
    kernel = ConstantKernel(1.0, (1e-3, 1e4)) * RBF([0.3, 0.3], (1e-3, 1e2))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return GaussianProcessRegressor(kernel, normalize_y=True, n_restarts_optimizer=5, random_state=seed).fit(points, values)


def sklearn_two_stage(high, low, grid, seed):
    low_gp = sklearn_gp(low[0], low[1], seed)
    low_at_high = low_gp.predict(high[0])
    design = np.column_stack([np.ones(len(low_at_high)), low_at_high])
    (mean, rho), *_ = np.linalg.lstsq(design, high[1], rcond=None)
    residual_gp = sklearn_gp(high[0], high[1] - rho * low_at_high - mean, seed)
    return rho * low_gp.predict(grid) + mean + residual_gp.predict(grid)


def rmse(predicted, truth):
    return float(np.sqrt(np.mean((predicted - truth) ** 2)))


def coverage(predicted, standard_errors, truth):
    """Share of the grid where the truth lies inside prediction +/- 1.96 standard errors."""
    return float(np.mean(np.abs(predicted - truth) <= 1.96 * standard_errors))


def main():
    url = sys.argv[1]
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    budgets = [int(b) for b in (sys.argv[3] if len(sys.argv) > 3 else "20,30").split(",")]
    kernel = sys.argv[4] if len(sys.argv) > 4 else "powerExponential"
    side = np.linspace(0, 1, 50)
    grid = np.array([[a, b] for a in side for b in side])
    truth = evaluate(url, "currinHigh", grid)
    print(f"Currin pair, cost ratio 1:{COST_RATIO}; our kernel {kernel}; RMSE of currinHigh on a 50x50 grid (range {truth.min():.2f}..{truth.max():.2f}); "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'budget':>6} {'seed':>4} {'design':>18} | {'ours co-Kriging':>15} {'ours high-only':>14} | {'sklearn 2-stage':>15} {'sklearn high-only':>17} | "
          f"{'95% cov. co':>11} {'high-only':>9}")
    for budget in budgets:
        high_points, low_points = budget // 2, COST_RATIO * (budget - budget // 2)
        rows = []
        for seed in range(1, seeds + 1):
            low_x = sobol(url, low_points, seed)
            low_y = evaluate(url, "currinLow", low_x)
            high_x = low_x[:high_points]
            high_y = evaluate(url, "currinHigh", high_x)
            only_x = sobol(url, budget, seed)
            only_y = evaluate(url, "currinHigh", only_x)
            co, co_se = ours(url, high_x, high_y, grid, kernel, low=(low_x, low_y))
            alone, alone_se = ours(url, only_x, only_y, grid, kernel)
            row = [
                rmse(co, truth),
                rmse(alone, truth),
                rmse(sklearn_two_stage((high_x, high_y), (low_x, low_y), grid, seed), truth),
                rmse(sklearn_gp(only_x, only_y, seed).predict(grid), truth),
                coverage(co, co_se, truth),
                coverage(alone, alone_se, truth),
            ]
            rows.append(row)
            design = f"{high_points}+{low_points} / {budget}"
            print(f"{budget:>6} {seed:>4} {design:>18} | {row[0]:>15.4f} {row[1]:>14.4f} | {row[2]:>15.4f} {row[3]:>17.4f} | "
                  f"{row[4]:>11.1%} {row[5]:>9.1%}")
        mean = np.mean(rows, axis=0)
        wins = sum(r[0] < r[1] for r in rows)
        print(f"{budget:>6} {'mean':>4} {'':>18} | {mean[0]:>15.4f} {mean[1]:>14.4f} | {mean[2]:>15.4f} {mean[3]:>17.4f} | "
              f"{mean[4]:>11.1%} {mean[5]:>9.1%}")
        print(f"budget {budget}: co-Kriging beats our high-only Kriging in {wins}/{seeds} seeds, mean RMSE ratio "
              f"{mean[1] / mean[0]:.2f}x; beats scikit-learn high-only by {mean[3] / mean[0]:.2f}x; "
              f"scikit-learn two-stage / ours co-Kriging {mean[2] / mean[0]:.2f}")


if __name__ == "__main__":
    main()
