"""Benchmark functions the Python peers share, vectorised over rows of x: Branin and Hartmann-6 with
their gradients, and their boxes."""
import numpy as np

BRANIN_BOX = ([-5.0, 0.0], [10.0, 15.0])
UNIT6 = ([0.0] * 6, [1.0] * 6)
B, C, T = 5.1 / (4 * np.pi ** 2), 5 / np.pi, 1 / (8 * np.pi)


def branin(x):
    a = x[:, 1] - B * x[:, 0] ** 2 + C * x[:, 0] - 6
    return a ** 2 + 10 * (1 - T) * np.cos(x[:, 0]) + 10


def branin_gradient(x):
    a = x[:, 1] - B * x[:, 0] ** 2 + C * x[:, 0] - 6
    return np.stack([2 * a * (C - 2 * B * x[:, 0]) - 10 * (1 - T) * np.sin(x[:, 0]), 2 * a], axis=1)


# Hartmann-6 constants (Dixon & Szego 1978, as tabulated in Surjanovic & Bingham's library).
H_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])
H_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
H_P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                       [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])


def hartmann6(x):
    inner = np.einsum("ij,nij->ni", H_A, (x[:, None, :] - H_P[None, :, :]) ** 2)
    return -np.exp(-inner) @ H_ALPHA


def hartmann6_gradient(x):
    difference = x[:, None, :] - H_P[None, :, :]
    weights = H_ALPHA[None, :] * np.exp(-np.einsum("ij,nij->ni", H_A, difference ** 2))
    return np.einsum("ni,ij,nij->nj", weights, 2 * H_A, difference)
