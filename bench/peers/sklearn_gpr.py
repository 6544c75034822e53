"""scikit-learn's GaussianProcessRegressor on a case the Kriging bench writes: fits it to the
training points in a JSON file, predicts the test points with standard deviations, and prints the
test RMSE and the wall times as JSON. The settings are those of ../shared/peers/branin_peers.py:
ConstantKernel * anisotropic RBF, normalize_y, 5 optimiser restarts, random_state 0.

Input (a JSON file, path as the only argument):
  {"name": str, "trainX": [[...], ...], "trainY": [...], "testX": [[...], ...], "testY": [...]}
Needs Debian's python3-sklearn (apt-get install -y python3-sklearn); run with /usr/bin/python3."""
import json
import sys
import time
import warnings

import numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel


def main(path):
    with open(path, encoding="utf-8") as handle:
        case = json.load(handle)
    train_x = np.asarray(case["trainX"], dtype=float)
    train_y = np.asarray(case["trainY"], dtype=float)
    test_x = np.asarray(case["testX"], dtype=float)
    test_y = np.asarray(case["testY"], dtype=float)
    kernel = ConstantKernel(1.0) * RBF(np.ones(train_x.shape[1]))
    warnings.filterwarnings("ignore")

    start = time.perf_counter()
    model = GaussianProcessRegressor(kernel, normalize_y=True, n_restarts_optimizer=5, random_state=0)
    model.fit(train_x, train_y)
    fit_seconds = time.perf_counter() - start

    start = time.perf_counter()
    mean, _ = model.predict(test_x, return_std=True)
    predict_seconds = time.perf_counter() - start

    json.dump({
        "name": case.get("name", ""),
        "rmse": float(np.sqrt(np.mean((mean - test_y) ** 2))),
        "fitSeconds": fit_seconds,
        "predictWithStdSeconds": predict_seconds,
        "kernel": str(model.kernel_),
    }, sys.stdout)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
