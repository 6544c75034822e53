"""Noisy-data bench (issue "Surrogates for real data"): our Kriging with noise "fit" beside
scikit-learn's GaussianProcessRegressor (Matern(5/2) + WhiteKernel, normalize_y, 5 restarts), on the
same points and the same noisy values, measured in one run.

Cases: Branin with 100 Sobol points and Gaussian noise sigma = 1 and 5 (3 noise seeds each), Hartmann-6
with 200 points and sigma = 0.05, noise-free Branin (the noise estimate must vanish), a heteroscedastic
Branin (per-point variances spanning 100x across the box: known variances beside one average
variance), and fit times at 100 and 500 points. Truth: the noise-free function at 4000 uniform random
points. Coverage: the share of true values inside prediction +/- 1.96 standard errors.

Usage: noisy_gp.py URL   (the service's base URL). Needs Debian's python3-sklearn, python3-requests."""
import json
import sys
import time
import warnings

import numpy as np
import requests
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel

from bench_functions import BRANIN_BOX, UNIT6, branin, hartmann6


class Service:
    def __init__(self, url):
        self.url = url.rstrip("/")
        self.session = requests.Session()

    def sobol(self, count, box):
        body = {"method": "sobol", "count": count, "lowerBound": box[0], "upperBound": box[1]}
        response = self.session.post(self.url + "/v1/samples", json=body, timeout=60)
        response.raise_for_status()
        return np.asarray(response.json()["points"])

    def fit_predict(self, x, y, box, test, options, noise_variances=None):
        fit = {"kind": "kriging", "points": x.tolist(), "values": y.tolist(),
               "lowerBound": box[0], "upperBound": box[1], "options": options}
        if noise_variances is not None:
            fit["noiseVariances"] = noise_variances.tolist()
        start = time.perf_counter()
        response = self.session.post(self.url + "/v1/surrogates/fit", json=fit, timeout=600)
        fit_seconds = time.perf_counter() - start
        response.raise_for_status()
        document = response.json()
        body = {"model": document["model"], "points": test.tolist(), "includeStandardError": True}
        response = self.session.post(self.url + "/v1/surrogates/predict", json=body, timeout=600)
        response.raise_for_status()
        prediction = response.json()
        return (np.asarray(prediction["values"]), np.asarray(prediction["standardErrors"]),
                fit_seconds, document["diagnostics"])


def sklearn_fit_predict(x, y, test):
    kernel = ConstantKernel(1.0) * Matern(np.ones(x.shape[1]), nu=2.5) + WhiteKernel(1e-2)
    start = time.perf_counter()
    model = GaussianProcessRegressor(kernel, normalize_y=True, n_restarts_optimizer=5, random_state=0)
    model.fit(x, y)
    fit_seconds = time.perf_counter() - start
    mean, std = model.predict(test, return_std=True)
    # predict's std includes the fitted white noise: remove it to get the function's uncertainty.
    noise = model.kernel_.k2.noise_level * model._y_train_std ** 2
    std_function = np.sqrt(np.maximum(std ** 2 - noise, 0))
    return mean, std_function, fit_seconds


def scores(mean, std, truth):
    rmse = float(np.sqrt(np.mean((mean - truth) ** 2)))
    coverage = float(np.mean(np.abs(mean - truth) <= 1.96 * std))
    return rmse, coverage


def row(name, ours, peer, extra=""):
    (ours_rmse, ours_cov, ours_fit), (peer_rmse, peer_cov, peer_fit) = ours, peer
    print(f"{name:<28} {ours_rmse:9.4f} {peer_rmse:9.4f} {ours_rmse / peer_rmse:6.2f}   "
          f"{100 * ours_cov:5.1f}% {100 * peer_cov:5.1f}%   {ours_fit:7.3f} {peer_fit:7.3f} {ours_fit / peer_fit:6.3f} {extra}")


def main(url):
    warnings.filterwarnings("ignore")
    service = Service(url)
    rng = np.random.default_rng(12345)
    branin_test = np.column_stack([rng.uniform(-5, 10, 4000), rng.uniform(0, 15, 4000)])
    branin_truth = branin(branin_test)
    options = {"kernel": "matern52", "noise": "fit"}
    print(f"{'case':<28} {'rmse ours':>9} {'sklearn':>9} {'ratio':>6}   {'cover ours':>10} {'sk':>6}   "
          f"{'fit s ours':>7} {'sklearn':>7} {'ratio':>6}")

    x100 = service.sobol(100, BRANIN_BOX)
    for sigma in (1.0, 5.0):
        for seed in (1, 2, 3):
            noisy = branin(x100) + np.random.default_rng(seed).normal(0, sigma, len(x100))
            mean, std, fit_s, diag = service.fit_predict(x100, noisy, BRANIN_BOX, branin_test, options)
            peer_mean, peer_std, peer_fit = sklearn_fit_predict(x100, noisy, branin_test)
            row(f"branin s={sigma:g} seed={seed}", (*scores(mean, std, branin_truth), fit_s),
                (*scores(peer_mean, peer_std, branin_truth), peer_fit),
                f"tau2={diag['noiseVariance']:.3g} loo z: {diag['leaveOneOutStandardisedMean']:.2f}/{diag['leaveOneOutStandardisedSpread']:.2f}")

    h_x = service.sobol(200, UNIT6)
    h_test = np.random.default_rng(7).uniform(0, 1, (4000, 6))
    h_truth = hartmann6(h_test)
    noisy = hartmann6(h_x) + np.random.default_rng(4).normal(0, 0.05, len(h_x))
    mean, std, fit_s, _ = service.fit_predict(h_x, noisy, UNIT6, h_test, options)
    peer_mean, peer_std, peer_fit = sklearn_fit_predict(h_x, noisy, h_test)
    row("hartmann6 s=0.05 n=200", (*scores(mean, std, h_truth), fit_s), (*scores(peer_mean, peer_std, h_truth), peer_fit))

    exact = branin(x100)
    mean, std, fit_s, diag = service.fit_predict(x100, exact, BRANIN_BOX, branin_test, options)
    peer_mean, peer_std, peer_fit = sklearn_fit_predict(x100, exact, branin_test)
    row("branin noise-free", (*scores(mean, std, branin_truth), fit_s), (*scores(peer_mean, peer_std, branin_truth), peer_fit),
        f"tau2/var(y)={diag['noiseVariance'] / np.var(exact):.2e}")

    x80 = service.sobol(80, BRANIN_BOX)
    notebook = {"kernel": "powerExponential"}
    base, _, _, _ = service.fit_predict(x80, branin(x80), BRANIN_BOX, branin_test, notebook)
    fitted, _, _, _ = service.fit_predict(x80, branin(x80), BRANIN_BOX, branin_test, {**notebook, "noise": "fit"})
    print(f"notebook case (80 Sobol, default kriging): rmse {scores(base, np.ones(1), branin_truth)[0]:.5f} exact, "
          f"{scores(fitted, np.ones(1), branin_truth)[0]:.5f} with noise 'fit'")

    # Heteroscedastic: noise sd from 0.5 (left) to 5 (right) of the box: variances span 100x.
    sd = 0.5 + 4.5 * (x100[:, 0] + 5) / 15
    noisy = branin(x100) + np.random.default_rng(9).normal(0, 1, len(x100)) * sd
    known, _, _, _ = service.fit_predict(x100, noisy, BRANIN_BOX, branin_test, {"kernel": "matern52"}, sd ** 2)
    average, _, _, _ = service.fit_predict(x100, noisy, BRANIN_BOX, branin_test, {"kernel": "matern52", "noise": float(np.mean(sd ** 2))})
    print(f"heteroscedastic: rmse {scores(known, np.ones(1), branin_truth)[0]:.4f} with per-point variances, "
          f"{scores(average, np.ones(1), branin_truth)[0]:.4f} with their average")

    for n in (100, 500):
        x = service.sobol(n, BRANIN_BOX)
        noisy = branin(x) + np.random.default_rng(11).normal(0, 1, n)
        mean, std, fit_s, _ = service.fit_predict(x, noisy, BRANIN_BOX, branin_test, options)
        peer_mean, peer_std, peer_fit = sklearn_fit_predict(x, noisy, branin_test)
        row(f"fit time n={n} s=1", (*scores(mean, std, branin_truth), fit_s), (*scores(peer_mean, peer_std, branin_truth), peer_fit))
    sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
