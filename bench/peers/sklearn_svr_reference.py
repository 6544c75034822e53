"""Writes the scikit-learn reference that SupportVectorTests compares our supportVector kind with: SVR
(RBF kernel, tol 1e-12 so that both solvers reach the same optimum) fitted with given C, epsilon and gamma
to 40 points of a smooth function plus a small deterministic wiggle, in the box [-2, 3] x [0, 10], with the
inputs mapped to the unit cube as our kind maps them; its predictions at 25 query points.

Run from the repository root with Debian's python3-sklearn:
  /usr/bin/python3 bench/peers/sklearn_svr_reference.py \
      > tests/SurrogateService.Numerics.Tests/Surrogates/SupportVector/sklearn_svr_reference.json
The points are defined by formulas that the test repeats, so only settings and predictions are stored."""
import json
import math
import sys

import numpy as np
import sklearn
from sklearn.svm import SVR

LOWER = [-2.0, 0.0]
UPPER = [3.0, 10.0]
CASES = [
    {"c": 5.0, "epsilon": 0.1, "gamma": 2.0},
    {"c": 0.5, "epsilon": 0.2, "gamma": 8.0},
]


def training_point(i):
    u = [(i * 0.618033988749895 + 0.1) % 1.0, (i * 0.754877666246693 + 0.3) % 1.0]
    return [LOWER[j] + (UPPER[j] - LOWER[j]) * u[j] for j in range(2)]


def query_point(k):
    return [LOWER[0] + (UPPER[0] - LOWER[0]) * (k % 5 + 0.5) / 5, LOWER[1] + (UPPER[1] - LOWER[1]) * (k // 5 + 0.5) / 5]


def unit(x):
    return [(x[j] - LOWER[j]) / (UPPER[j] - LOWER[j]) for j in range(2)]


def value(i, x):
    u = unit(x)
    return 3 * math.sin(6 * u[0]) + 4 * (u[1] - 0.5) ** 2 + 0.05 * math.sin(37 * i)


def main():
    points = [training_point(i) for i in range(40)]
    values = [value(i, x) for i, x in enumerate(points)]
    queries = [query_point(k) for k in range(25)]
    cases = []
    for case in CASES:
        model = SVR(kernel="rbf", C=case["c"], epsilon=case["epsilon"], gamma=case["gamma"], tol=1e-12)
        model.fit(np.array([unit(x) for x in points]), np.array(values))
        predictions = model.predict(np.array([unit(q) for q in queries]))
        cases.append(dict(case, predictions=[float(p) for p in predictions]))
    json.dump({"generator": "bench/peers/sklearn_svr_reference.py", "sklearn": sklearn.__version__, "cases": cases}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
