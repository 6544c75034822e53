"""Co-Kriging coverage bench (issue 25): the mean coverage of our 95 % intervals (prediction +/- 1.96 standard
errors) over five disjoint sets of ten designs, on Currin's pair (10 high- and 100 low-fidelity points, truth on a
50 x 50 grid) and on Forrester, Sobester & Keane's (2007) pair (4 and 11 points, truth on 201 points), the designs
of CoKrigingCoverageTests (the service's scrambled Sobol' sequence, seeds 1-50; the high-fidelity points are the
first low-fidelity ones). Goal: every set's mean coverage in 90-98 %, the RMSE unchanged.

Peer in the same run: scikit-learn's two-stage co-Kriging of bench/peers/multifidelity_currin.py (a GP of the
low-fidelity data, rho and a constant by least squares, a GP of the residual), its standard error
sqrt(rho^2 s_low^2 + s_residual^2) from the two GPs' predictive standard deviations.

Usage: cokriging_coverage.py URL [SETS] [PAIRS]   e.g. ... http://127.0.0.1:5000 5 currin,forrester
Needs Debian's python3-sklearn, python3-requests."""
import os
import sys

import numpy as np

import warnings

from multifidelity_currin import UNIT, evaluate, post
from sklearn.exceptions import ConvergenceWarning
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel


def forrester_high(x):
    return (6 * x - 2) ** 2 * np.sin(12 * x - 4)


def forrester_low(x):
    return 0.5 * forrester_high(x) + 10 * (x - 0.5) - 5


def sobol(url, count, seed, box):
    body = {"method": "sobol", "count": count, "seed": seed, "options": {"sequence": "plain", "scramble": True}, **box}
    return np.array(post(f"{url}/v1/samples", body)["points"])


def ours(url, high, low, test, box):
    fit = {"kind": "kriging", "points": high[0].tolist(), "values": high[1].tolist(),
           "lowFidelity": {"points": low[0].tolist(), "values": low[1].tolist()}, **box}
    answer = post(f"{url}/v1/surrogates/predict", {"fit": fit, "points": test.tolist(), "includeStandardError": True})
    return np.array(answer["values"]), np.array(answer["standardErrors"])


def sklearn_gp(points, values, seed):
    """multifidelity_currin.py's GP with one length scale per input of these points (Forrester's are 1-D)."""
    kernel = ConstantKernel(1.0, (1e-3, 1e4)) * RBF([0.3] * points.shape[1], (1e-3, 1e2))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return GaussianProcessRegressor(kernel, normalize_y=True, n_restarts_optimizer=5, random_state=seed).fit(points, values)


def peer(high, low, test, seed):
    low_gp = sklearn_gp(low[0], low[1], seed)
    low_at_high = low_gp.predict(high[0])
    (mean, rho), *_ = np.linalg.lstsq(np.column_stack([np.ones(len(low_at_high)), low_at_high]), high[1], rcond=None)
    residual_gp = sklearn_gp(high[0], high[1] - rho * low_at_high - mean, seed)
    low_mean, low_sd = low_gp.predict(test, return_std=True)
    residual_mean, residual_sd = residual_gp.predict(test, return_std=True)
    return rho * low_mean + mean + residual_mean, np.sqrt(rho ** 2 * low_sd ** 2 + residual_sd ** 2)


def pairs(url):
    side = np.linspace(0, 1, 50)
    grid = np.array([[a, b] for a in side for b in side])
    line = np.linspace(0, 1, 201).reshape(-1, 1)
    line_box = {"lowerBound": [0.0], "upperBound": [1.0]}
    yield ("currin", 10, 100, grid, UNIT, lambda x: evaluate(url, "currinHigh", x), lambda x: evaluate(url, "currinLow", x))
    yield ("forrester", 4, 11, line, line_box, lambda x: forrester_high(x[:, 0]), lambda x: forrester_low(x[:, 0]))


def main():
    url = sys.argv[1]
    sets = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    wanted = (sys.argv[3] if len(sys.argv) > 3 else "currin,forrester").split(",")
    print(f"load average {os.getloadavg()[0]:.1f}; coverage of prediction +/- 1.96 s, mean over 10 designs per set")
    print(f"{'pair':>15} {'seeds':>7} | {'ours':>6} {'width/RMSE':>10} {'RMSE':>8} | {'sklearn':>7} {'width/RMSE':>10} {'RMSE':>8}")
    failures = 0
    for name, high_count, low_count, test, box, high_f, low_f in pairs(url):
        if name not in wanted:
            continue
        truth = high_f(test)
        for first in range(1, 10 * sets + 1, 10):
            rows = []
            for seed in range(first, first + 10):
                low_x = sobol(url, low_count, seed, box)
                high_x = low_x[:high_count]
                low, high = (low_x, low_f(low_x)), (high_x, high_f(high_x))
                row = []
                for predicted, se in (ours(url, high, low, test, box), peer(high, low, test, seed)):
                    error = np.abs(predicted - truth)
                    row += [np.mean(error <= 1.96 * se), np.mean(2 * 1.96 * se), np.sqrt(np.mean(error ** 2))]
                rows.append(row)
            m = np.mean(rows, axis=0)
            inside = 0.90 <= m[0] <= 0.98
            failures += not inside
            print(f"{name + f' {high_count}+{low_count}':>15} {first:>3}-{first + 9:<3} | {m[0]:>6.1%} {m[1] / m[2]:>10.2f} {m[2]:>8.4f} | {m[3]:>7.1%} {m[4] / m[5]:>10.2f} {m[5]:>8.4f}"
                  f"{'' if inside else '   <- outside 90-98 %'}")
    print(f"{failures} set(s) outside the 90-98 % band")


if __name__ == "__main__":
    main()
