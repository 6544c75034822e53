"""Peer for the mixed-variable quality goal: Optuna's TPE on mixedBranin (Cat-3 of the Cat-Suite
benchmark: two categorical inputs with levels A, B, two integers in 1..5, two continuous in [0, 1]),
10 random startup trials and 60 in all, per seed. Prints "seed best_value" lines.

The formula is written out here from its description (the service's MixedBranin), so that the peer
does not depend on the service.

Usage: /usr/bin/python3 optuna_mixed.py SEEDS
"""
import math
import sys

import optuna

WEIGHTS = {("A", "A"): 1.0, ("A", "B"): 0.4, ("B", "A"): -0.75, ("B", "B"): -0.5}


def mixed_branin(c1, c2, n1, n2, u1, u2):
    shifted = 15 * u1 - n2
    square = 15 * u2 - n1 / (4 * math.pi ** 2) * shifted ** 2 + n1 / math.pi * shifted
    h = (square ** 2 + (n1 - 1 / (8 * math.pi)) * math.cos(15 * u1 - 5) + n1 - 54.8104) / 51.9496
    return 10 + WEIGHTS[(c1, c2)] * h


def main():
    seeds = int(sys.argv[1])
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for seed in range(seeds):
        def objective(trial):
            return mixed_branin(
                trial.suggest_categorical("c1", ["A", "B"]),
                trial.suggest_categorical("c2", ["A", "B"]),
                trial.suggest_int("n1", 1, 5),
                trial.suggest_int("n2", 1, 5),
                trial.suggest_float("u1", 0, 1),
                trial.suggest_float("u2", 0, 1))

        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed, n_startup_trials=10))
        study.optimize(objective, n_trials=60)
        print(seed, study.best_value)


if __name__ == "__main__":
    main()
