"""Peer for the constrained quality goal: Optuna's TPE with its constraints function on the
two-constraint toy problem of Gramacy et al. (2016), 10 start trials (TPE's random startup) and
40 trials in all, per seed. Prints "seed best_feasible" lines (nan when no trial was feasible).

Usage: /usr/bin/python3 optuna_constrained.py SEEDS
"""
import math
import sys
import warnings

import optuna


def toy(x1, x2):
    f = x1 + x2
    c1 = 1.5 - x1 - 2 * x2 - 0.5 * math.sin(2 * math.pi * (x1 * x1 - 2 * x2))
    c2 = x1 * x1 + x2 * x2 - 1.5
    return f, (c1, c2)


def objective(trial):
    f, constraints = toy(trial.suggest_float("x1", 0, 1), trial.suggest_float("x2", 0, 1))
    trial.set_user_attr("constraints", constraints)
    return f


def main():
    seeds = int(sys.argv[1])
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    for seed in range(seeds):
        sampler = optuna.samplers.TPESampler(
            seed=seed, n_startup_trials=10, constraints_func=lambda t: t.user_attrs["constraints"])
        study = optuna.create_study(sampler=sampler)
        study.optimize(objective, n_trials=40)
        feasible = [t.value for t in study.trials if all(c <= 0 for c in t.user_attrs["constraints"])]
        print(seed, min(feasible) if feasible else float("nan"))


if __name__ == "__main__":
    main()
