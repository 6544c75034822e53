#!/usr/bin/python3
"""The Surrogates.jl Branin notebook, step by step, through SurrogateService.

1. 80 Sobol points in [-5, 10] x [0, 15] and Branin at them,
2. the true function as a surface and a contour map with the samples,
3. three surrogates fitted by the service - Kriging (p = [1.9, 1.9], theta from Surrogates.jl's
   formula), inverse distance, Lobachevsky (alpha = [2.8, 2.8], n = 8) - each drawn the same way,
   and each one's RMSE against Branin on a 101 x 101 grid printed as "rmse <kind> <value>".

Needs Debian's python3-requests, python3-numpy and python3-matplotlib only:
    /usr/bin/python3 examples/notebook.py --url http://localhost:5080 [--token TOKEN] [--out figures]
The token (an Azure AD access token for the API) may also come from SURROGATE_TOKEN.
"""
import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import requests  # noqa: E402

LOWER, UPPER = [-5.0, 0.0], [10.0, 15.0]
GRID_SIZE = 101

SURROGATES = [
    ("kriging", {"p": [1.9, 1.9], "theta": "heuristic"}),
    ("inverseDistance", {}),
    ("lobachevsky", {"alpha": [2.8, 2.8], "n": 8}),
]


def branin(x):
    """Branin-Hoo as the notebook defines it, on an array of points (n, 2)."""
    x1, x2 = x[:, 0], x[:, 1]
    b, c = 5.1 / (4 * np.pi**2), 5 / np.pi
    r, s, t = 6.0, 10.0, 1 / (8 * np.pi)
    return (x2 - b * x1**2 + c * x1 - r) ** 2 + s * (1 - t) * np.cos(x1) + s


class Service:
    """One POST per step; any answer but 200 stops the script with the service's problem details."""

    def __init__(self, url, token):
        self.url = url.rstrip("/")
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def post(self, path, body):
        response = self.session.post(self.url + path, json=body, timeout=240)
        if response.status_code != 200:
            sys.exit(f"POST {path} -> {response.status_code}: {response.text}")
        return response.json()


def grid():
    """The 101 x 101 grid over the box, as axes for plotting and as points for the service."""
    x1 = np.linspace(LOWER[0], UPPER[0], GRID_SIZE)
    x2 = np.linspace(LOWER[1], UPPER[1], GRID_SIZE)
    mesh1, mesh2 = np.meshgrid(x1, x2)
    return mesh1, mesh2, np.column_stack([mesh1.ravel(), mesh2.ravel()])


def figure(title, mesh1, mesh2, surface, samples, values, path):
    """Surface and contour map side by side, the samples on both, coloured by their value."""
    fig = plt.figure(figsize=(12, 5))
    ax3d = fig.add_subplot(1, 2, 1, projection="3d")
    ax3d.plot_surface(mesh1, mesh2, surface, cmap="viridis", alpha=0.8)
    ax3d.scatter(samples[:, 0], samples[:, 1], values, c=values, cmap="viridis", edgecolors="black")
    ax3d.set_xlabel("x1")
    ax3d.set_ylabel("x2")
    ax2d = fig.add_subplot(1, 2, 2)
    contour = ax2d.contourf(mesh1, mesh2, surface, levels=30, cmap="viridis")
    ax2d.scatter(samples[:, 0], samples[:, 1], c=values, cmap="viridis", edgecolors="black")
    ax2d.set_xlabel("x1")
    ax2d.set_ylabel("x2")
    fig.colorbar(contour, ax=ax2d)
    fig.suptitle(title)
    fig.savefig(path, dpi=80)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://localhost:5080", help="the service's base URL")
    parser.add_argument("--token", default=os.environ.get("SURROGATE_TOKEN"), help="bearer token (default: $SURROGATE_TOKEN)")
    parser.add_argument("--out", default="figures", help="folder for the PNG files")
    args = parser.parse_args()
    service = Service(args.url, args.token)
    os.makedirs(args.out, exist_ok=True)

    # 1. sample(80, lb, ub, SobolSample()) and Branin at the points.
    plan = service.post("/v1/samples", {"method": "sobol", "count": 80, "lowerBound": LOWER, "upperBound": UPPER})
    samples = np.array(plan["points"])
    values = branin(samples)
    served = np.array(service.post("/v1/functions/branin/evaluate", {"points": plan["points"]})["values"])
    print(f"branin: local and served values differ by at most {np.max(np.abs(served - values)):.1e}")

    # 2. The true function.
    mesh1, mesh2, points = grid()
    truth = branin(points)
    figure("Branin", mesh1, mesh2, truth.reshape(mesh1.shape), samples, values, os.path.join(args.out, "branin.png"))

    # 3. Each surrogate: fit, predict on the grid, draw, and compare with the truth.
    for kind, options in SURROGATES:
        fit = service.post("/v1/surrogates/fit", {
            "kind": kind, "points": samples.tolist(), "values": values.tolist(),
            "lowerBound": LOWER, "upperBound": UPPER, "options": options})
        predicted = np.array(service.post("/v1/surrogates/predict", {"model": fit["model"], "points": points.tolist()})["values"])
        rmse = float(np.sqrt(np.mean((predicted - truth) ** 2)))
        figure(f"{kind} surrogate (RMSE {rmse:.4g})", mesh1, mesh2, predicted.reshape(mesh1.shape), samples, values,
               os.path.join(args.out, f"{kind}.png"))
        print(f"rmse {kind} {rmse:.10g}")


if __name__ == "__main__":
    main()
