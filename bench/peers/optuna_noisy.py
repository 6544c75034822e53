"""Peer for the noisy quality goal: Optuna's TPE on Branin observed with Gaussian noise σ = 1,
10 random startup trials and 60 in all, per seed; its recommendation is the best observed trial.
Prints "seed true_value_of_recommendation" lines.

Usage: /usr/bin/python3 optuna_noisy.py SEEDS
"""
import math
import random
import sys

import optuna


def branin(x1, x2):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def main():
    seeds = int(sys.argv[1])
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for seed in range(seeds):
        noise = random.Random(seed)

        def objective(trial):
            x1 = trial.suggest_float("x1", -5, 10)
            x2 = trial.suggest_float("x2", 0, 15)
            return branin(x1, x2) + noise.gauss(0, 1)

        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed, n_startup_trials=10))
        study.optimize(objective, n_trials=60)
        best = study.best_trial.params
        print(seed, branin(best["x1"], best["x2"]))


if __name__ == "__main__":
    main()
