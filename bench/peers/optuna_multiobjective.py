"""Peer for the multi-objective quality goal: Optuna 3.1's NSGA-II (population 20, so that 80
trials make four generations; the default 50 would leave fewer than two) and its multi-objective
TPE (TPESampler with two directions, default 10 random startup trials) on ZDT1 in 6 dimensions and
on Branin-Currin, 80 trials per seed. Prints one JSON line per (problem, sampler, seed) with every
trial's objective values; the C# runner computes the hypervolumes with the same reference points
for both sides.

Usage: /usr/bin/python3 optuna_multiobjective.py SEEDS
"""
import json
import math
import sys
import warnings

import optuna

TRIALS = 80


def zdt1(x):
    # Zitzler, Deb & Thiele (2000): f1 = x1, g = 1 + 9 * mean(x2..xd), f2 = g * (1 - sqrt(f1 / g)).
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    return x[0], g * (1 - math.sqrt(x[0] / g))


def branin_currin(x):
    # BoTorch's BraninCurrin on [0, 1]^2: Branin at (15 u1 - 5, 15 u2) and Currin's exponential function.
    a, b = 15 * x[0] - 5, 15 * x[1]
    branin = (b - 5.1 / (4 * math.pi ** 2) * a * a + 5 / math.pi * a - 6) ** 2 + 10 * (1 - 1 / (8 * math.pi)) * math.cos(a) + 10
    u1, u2 = x
    factor = 1 - math.exp(-1 / (2 * u2)) if u2 > 0 else 1.0
    currin = factor * (2300 * u1 ** 3 + 1900 * u1 ** 2 + 2092 * u1 + 60) / (100 * u1 ** 3 + 500 * u1 ** 2 + 4 * u1 + 20)
    return branin, currin


PROBLEMS = {"zdt1": (zdt1, 6), "braninCurrin": (branin_currin, 2)}


def sampler(name, seed):
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(population_size=20, seed=seed)
    return optuna.samplers.TPESampler(seed=seed)


def main():
    seeds = int(sys.argv[1])
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    for problem, (function, dimension) in PROBLEMS.items():
        for name in ("nsga2", "tpe"):
            for seed in range(seeds):
                study = optuna.create_study(directions=["minimize", "minimize"], sampler=sampler(name, seed))
                study.optimize(lambda t: function([t.suggest_float(f"x{i}", 0, 1) for i in range(dimension)]), n_trials=TRIALS)
                values = [list(t.values) for t in study.trials]
                print(json.dumps({"problem": problem, "sampler": name, "seed": seed, "values": values}), flush=True)


if __name__ == "__main__":
    main()
