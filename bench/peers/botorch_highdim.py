"""BoTorch peer of bench/highdim.sh (issue 21), run from BoTorch 0.11.3's sources on PYTHONPATH.

Modes (initial points are read from DIR/<problem>-seed<s>.csv, written by the .NET runner, so both
sides start from the same points; every line printed is "seed best median_wall_s median_cpu_s total_wall_s"):

  hartmann DIR SEEDS BUDGET BATCH      Hartmann-6 in the first 6 of 100 inputs of [0, 1]^100:
                                       SingleTaskGP with the dimension-scaled length-scale prior and
                                       noise prior of BoTorch 0.12's defaults (Hvarfner et al. 2024), built
                                       by hand since 0.11.3 predates them, and qLogNoisyExpectedImprovement.
  turbo DIR SEEDS BUDGET BATCH TUTORIAL   Ackley-20 on [-5, 10]^20 with BoTorch's TuRBO-1 tutorial: its
                                       TurboState, update_state and generate_batch are executed from the
                                       tutorial notebook TUTORIAL (nothing of it is copied here); the GP is the
                                       tutorial's (Matern-5/2 ARD in a ScaleKernel). On a collapse the state
                                       restarts with the data kept, since the tutorial stops there.
  ask DIR COUNT                        one fit + optimize_acqf (qLogNEI, q = 1) on the first COUNT points of
                                       seed 0's hartmann plan; then again with the fitted hyperparameters
                                       loaded as the fit's start. Prints "first_wall first_cpu warm_wall warm_cpu".
"""
import json
import math
import sys
import time
import warnings

import torch
from botorch.acquisition.logei import qLogNoisyExpectedImprovement
from botorch.fit import fit_gpytorch_mll
from botorch.models import SingleTaskGP
from botorch.models.transforms.outcome import Standardize
from botorch.optim import optimize_acqf
from gpytorch.constraints import GreaterThan, Interval
from gpytorch.kernels import MaternKernel, RBFKernel, ScaleKernel
from gpytorch.likelihoods import GaussianLikelihood
from gpytorch.mlls import ExactMarginalLogLikelihood
from gpytorch.priors import LogNormalPrior

warnings.filterwarnings("ignore")
torch.set_default_dtype(torch.double)

HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
              [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]
HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]


def hartmann6(x):
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - 1e-4 * HARTMANN_P[i][j]) ** 2 for j in range(6))
        total -= HARTMANN_ALPHA[i] * math.exp(-inner)
    return total


def ackley(x):
    d = len(x)
    squares = sum(v * v for v in x) / d
    cosines = sum(math.cos(2 * math.pi * v) for v in x) / d
    return -20 * math.exp(-0.2 * math.sqrt(squares)) - math.exp(cosines) + 20 + math.e


def read_points(directory, problem, seed):
    with open(f"{directory}/{problem}-seed{seed}.csv") as handle:
        return [[float(v) for v in line.split(",")] for line in handle if line.strip()]


def dimension_scaled_gp(x, y):
    """SingleTaskGP with BoTorch 0.12's default priors (botorch/models/utils/gpytorch_modules.py)."""
    d = x.shape[-1]
    lengthscale_prior = LogNormalPrior(loc=math.sqrt(2) + 0.5 * math.log(d), scale=math.sqrt(3))
    lengthscale_mode = math.exp(math.sqrt(2) + 0.5 * math.log(d) - 3.0)
    covar = RBFKernel(ard_num_dims=d, lengthscale_prior=lengthscale_prior,
                      lengthscale_constraint=GreaterThan(2.5e-2, transform=None, initial_value=lengthscale_mode))
    noise_prior = LogNormalPrior(loc=-4.0, scale=1.0)
    likelihood = GaussianLikelihood(noise_prior=noise_prior,
                                    noise_constraint=GreaterThan(1e-4, transform=None, initial_value=math.exp(-4.0 - 1.0)))
    return SingleTaskGP(x, y, covar_module=covar, likelihood=likelihood, outcome_transform=Standardize(m=1))


def fit(model):
    fit_gpytorch_mll(ExactMarginalLogLikelihood(model.likelihood, model))
    return model


def qlognei_batch(model, x, q):
    acquisition = qLogNoisyExpectedImprovement(model, X_baseline=x, prune_baseline=True)
    bounds = torch.stack([torch.zeros(x.shape[-1]), torch.ones(x.shape[-1])])
    candidate, _ = optimize_acqf(acquisition, bounds=bounds, q=q, num_restarts=10, raw_samples=512)
    return candidate


def median(values):
    ordered = sorted(values)
    m = len(ordered) // 2
    return ordered[m] if len(ordered) % 2 else 0.5 * (ordered[m - 1] + ordered[m])


def hartmann_campaign(directory, seed, budget, batch):
    torch.manual_seed(seed)
    x = torch.tensor(read_points(directory, "hartmann6in100", seed))
    f = [hartmann6(row[:6]) for row in x.tolist()]
    walls, cpus = [], []
    while len(f) < budget:
        q = min(batch, budget - len(f))
        wall, cpu = time.perf_counter(), time.process_time()
        model = fit(dimension_scaled_gp(x, -torch.tensor(f).unsqueeze(-1)))
        candidate = qlognei_batch(model, x, q)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        x = torch.cat([x, candidate.detach()])
        f += [hartmann6(row[:6]) for row in candidate.tolist()]
        progress(seed, f, walls, cpus)
    return min(f), walls, cpus


def turbo_campaign(directory, seed, budget, batch, tutorial):
    namespace = tutorial_functions(tutorial)
    torch.manual_seed(seed)
    lower, width = -5.0, 15.0
    x = torch.tensor([[(v - lower) / width for v in row] for row in read_points(directory, "ackley20", seed)])
    f = [ackley([lower + width * v for v in row]) for row in x.tolist()]
    dim = x.shape[-1]
    state = namespace["TurboState"](dim, batch_size=batch, best_value=-min(f))
    walls, cpus = [], []
    while len(f) < budget:
        q = min(batch, budget - len(f))
        wall, cpu = time.perf_counter(), time.process_time()
        y = -torch.tensor(f).unsqueeze(-1)
        train_y = (y - y.mean()) / y.std()
        likelihood = GaussianLikelihood(noise_constraint=Interval(1e-8, 1e-3))
        covar = ScaleKernel(MaternKernel(nu=2.5, ard_num_dims=dim, lengthscale_constraint=Interval(0.005, 4.0)))
        model = fit(SingleTaskGP(x, train_y, covar_module=covar, likelihood=likelihood))
        candidate = namespace["generate_batch"](state=state, model=model, X=x, Y=train_y, batch_size=q,
                                                n_candidates=min(5000, max(2000, 200 * dim)), acqf="ts")
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        values = [ackley([lower + width * v for v in row]) for row in candidate.tolist()]
        state = namespace["update_state"](state=state, Y_next=-torch.tensor(values).unsqueeze(-1))
        if state.restart_triggered:
            state = namespace["TurboState"](dim, batch_size=batch, best_value=-min(f + values))
        x = torch.cat([x, candidate.detach()])
        f += values
        progress(seed, f, walls, cpus)
    return min(f), walls, cpus


def progress(seed, f, walls, cpus):
    """One line per iteration on stderr, so that a campaign cut short still tells how far it got."""
    print(f"seed {seed}: {len(f)} evaluations, best {min(f):.5f}, ask {walls[-1]:.1f} s wall {cpus[-1]:.1f} s CPU", file=sys.stderr, flush=True)


def tutorial_functions(path):
    """Executes the tutorial's code cells that define TurboState, update_state and generate_batch."""
    with open(path) as handle:
        cells = [''.join(c["source"]) for c in json.load(handle)["cells"] if c["cell_type"] == "code"]
    namespace = {"dtype": torch.double, "device": torch.device("cpu")}
    exec(cells[0], namespace)
    for cell in cells:
        if "class TurboState" in cell or "def generate_batch" in cell:
            exec(cell, namespace)
    return namespace


def single_ask(directory, count):
    x = torch.tensor(read_points(directory, "hartmann6in100", 0)[:count])
    y = -torch.tensor([hartmann6(row[:6]) for row in x.tolist()]).unsqueeze(-1)
    wall, cpu = time.perf_counter(), time.process_time()
    model = fit(dimension_scaled_gp(x, y))
    qlognei_batch(model, x, 1)
    first = (time.perf_counter() - wall, time.process_time() - cpu)
    wall, cpu = time.perf_counter(), time.process_time()
    warm = dimension_scaled_gp(x, y)
    warm.load_state_dict(model.state_dict())
    qlognei_batch(fit(warm), x, 1)
    print(f"{first[0]:.2f} {first[1]:.2f} {time.perf_counter() - wall:.2f} {time.process_time() - cpu:.2f}")


def main(args):
    mode = args[0]
    if mode == "ask":
        single_ask(args[1], int(args[2]))
        return
    directory, seeds, budget, batch = args[1], int(args[2]), int(args[3]), int(args[4])
    for seed in range(seeds):
        if mode == "hartmann":
            best, walls, cpus = hartmann_campaign(directory, seed, budget, batch)
        else:
            best, walls, cpus = turbo_campaign(directory, seed, budget, batch, args[5])
        print(f"{seed} {best!r} {median(walls):.3f} {median(cpus):.3f} {sum(walls):.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
