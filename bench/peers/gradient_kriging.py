"""Gradient-enhanced Kriging bench (issue "More information per evaluation"): our Kriging fitted to n
points with their gradients beside our Kriging on (d + 1)·n/2 points without gradients (the budget of
an adjoint solver whose gradient costs about as much as the value, counted generously for plain
Kriging), with the same design method (Latin hypercube, maximin, seeds 1-3), and scikit-learn's
GaussianProcessRegressor (Matern 5/2, normalize_y, 5 restarts) on the plain points as a peer.

Cases: Branin (d = 2) with n = 10 and 20; Hartmann-6 (d = 6) with n = 20 and 40. Truth: 4000 uniform
random points. Prints RMSE per seed and the fit times. Goal: GEK's RMSE <= plain Kriging's.

Usage: gradient_kriging.py URL. Needs Debian's python3-sklearn, python3-requests."""
import sys
import time
import warnings

import numpy as np
import requests
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern

from bench_functions import BRANIN_BOX, UNIT6, branin, branin_gradient, hartmann6, hartmann6_gradient


class Service:
    def __init__(self, url):
        self.url = url.rstrip("/")
        self.session = requests.Session()

    def design(self, count, box, seed):
        body = {"method": "latinHypercube", "count": count, "lowerBound": box[0], "upperBound": box[1], "seed": seed}
        response = self.session.post(self.url + "/v1/samples", json=body, timeout=60)
        response.raise_for_status()
        return np.asarray(response.json()["points"])

    def fit_predict(self, x, y, box, test, gradients=None):
        fit = {"kind": "kriging", "points": x.tolist(), "values": y.tolist(),
               "lowerBound": box[0], "upperBound": box[1], "options": {"kernel": "matern52"}}
        if gradients is not None:
            fit["gradients"] = gradients.tolist()
        start = time.perf_counter()
        response = self.session.post(self.url + "/v1/surrogates/predict", json={"fit": fit, "points": test.tolist()}, timeout=600)
        elapsed = time.perf_counter() - start
        if response.status_code != 200:
            raise RuntimeError(response.text)
        return np.asarray(response.json()["values"]), elapsed


def sklearn_fit_predict(x, y, test):
    kernel = ConstantKernel(1.0, (1e-3, 1e6)) * Matern(length_scale=np.ones(x.shape[1]), length_scale_bounds=(1e-3, 1e3), nu=2.5)
    model = GaussianProcessRegressor(kernel, normalize_y=True, n_restarts_optimizer=5, random_state=0)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(x, y)
    elapsed = time.perf_counter() - start
    return model.predict(test), elapsed


def rmse(predicted, truth):
    return float(np.sqrt(np.mean((predicted - truth) ** 2)))


def main(url):
    service = Service(url)
    rng = np.random.default_rng(2026)
    cases = [("branin", 2, BRANIN_BOX, branin, branin_gradient, [10, 20]),
             ("hartmann6", 6, UNIT6, hartmann6, hartmann6_gradient, [20, 40])]
    print("| function | n (GEK) | plain points | seed | RMSE GEK | RMSE Kriging | RMSE sklearn | GEK / Kriging | fit s GEK / Kriging / sklearn |")
    print("|---|---|---|---|---|---|---|---|---|")
    wins = total = 0
    for name, d, box, f, gradient, sizes in cases:
        lower, upper = np.asarray(box[0]), np.asarray(box[1])
        test = lower + (upper - lower) * rng.random((4000, d))
        truth = f(test)
        for n in sizes:
            plain_n = (d + 1) * n // 2
            for seed in (1, 2, 3):
                x = service.design(n, box, seed)
                gek, gek_time = service.fit_predict(x, f(x), box, test, gradient(x))
                x_plain = service.design(plain_n, box, seed)
                kriging, kriging_time = service.fit_predict(x_plain, f(x_plain), box, test)
                peer, peer_time = sklearn_fit_predict(x_plain, f(x_plain), test)
                ratio = rmse(gek, truth) / rmse(kriging, truth)
                wins += ratio <= 1
                total += 1
                print(f"| {name} | {n} | {plain_n} | {seed} | {rmse(gek, truth):.4g} | {rmse(kriging, truth):.4g} | {rmse(peer, truth):.4g} "
                      f"| {ratio:.3f} | {gek_time:.2f} / {kriging_time:.2f} / {peer_time:.2f} |", flush=True)
    print(f"\nGEK at least as accurate as plain Kriging with (d+1)n/2 points in {wins} of {total} cases.")


if __name__ == "__main__":
    main(sys.argv[1])
