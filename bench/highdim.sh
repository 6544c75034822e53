#!/usr/bin/env bash
# High-dimensional and long optimisation campaigns (issue 21), side by side with BoTorch 0.11.3:
#   1. Hartmann-6 in the first 6 of 100 inputs, 150 evaluations (10 scrambled-Sobol' points, batches
#      of 5), SEEDS seeds: ei's median best vs BoTorch's SingleTaskGP with the dimension-scaled prior and
#      qLogNEI from the same points; goal: at least as good and ≤ −3.0;
#   2. Ackley-20 on [−5, 10]²⁰, 300 evaluations (40 points, batches of 5): turbo vs BoTorch's TuRBO-1
#      tutorial from the same points; goal: median best at least as good;
#   3. one ei ask with 1 000 points in 100 dimensions: first call and with its state, vs BoTorch's fit
#      plus optimize_acqf (and again with its fitted hyperparameters as the start);
#   and the median time per ask of the campaigns beside BoTorch's per iteration (wall and CPU seconds,
#   since development machines are shared: the load average is printed with every table).
# Rerun bench/optimization.sh for the low-dimensional tables (nothing may get worse).
#
# The peer is BoTorch 0.11.3 (the newest release that accepts Debian's python3-torch 1.13.1) with the
# GPyTorch 1.12 and linear_operator 0.5.2 it pins, run from their sources: BOTORCH_PYTHONPATH must
# point at them (and at import stand-ins for pyro-ppl and jaxtyping, which Debian lacks and which
# the code paths used here never call); without it the peer columns are skipped with a message.
# BOTORCH_TUTORIAL is the path of BoTorch's tutorials/turbo_1.ipynb, whose TuRBO-1 functions the peer
# executes. Nothing of BoTorch is part of this repository, and this script installs none of it.
#
# Environment (defaults in brackets): SEEDS [5]  HARTMANN_BUDGET [150]  ACKLEY_BUDGET [300]
#   ASK_POINTS [1000]  SKIP_CAMPAIGNS [0]  SKIP_ASK [0]  BOTORCH_PYTHONPATH  BOTORCH_TUTORIAL
#   PYTHON [/usr/bin/python3] (Debian's, with python3-torch and python3-scipy)
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

SEEDS="${SEEDS:-5}"
HARTMANN_BUDGET="${HARTMANN_BUDGET:-150}"
ACKLEY_BUDGET="${ACKLEY_BUDGET:-300}"
ASK_POINTS="${ASK_POINTS:-1000}"
PYTHON="${PYTHON:-/usr/bin/python3}"
RUNNER_PROJECT="$REPO_ROOT/bench/SurrogateService.HighDimBench"

work="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-highdim.XXXXXX")"
trap 'rm -rf "$work"' EXIT

log "Building the campaign runner (Release) ..."
dotnet build "$RUNNER_PROJECT" -c Release --nologo -v quiet -o "$work/runner" >&2
runner() { dotnet "$work/runner/SurrogateService.HighDimBench.dll" "$@"; }

peer=1
if [[ -z "${BOTORCH_PYTHONPATH:-}" ]] || ! PYTHONPATH="$BOTORCH_PYTHONPATH" "$PYTHON" -c 'import botorch' 2>/dev/null; then
    log "BoTorch is not importable (set BOTORCH_PYTHONPATH to its sources): the peer columns are skipped."
    peer=0
fi
botorch() { PYTHONPATH="$BOTORCH_PYTHONPATH" "$PYTHON" "$BENCH_DIR/peers/botorch_highdim.py" "$@"; }

# summary FILE: median best, median of the per-seed median ask times (wall, CPU) of "seed best wall [cpu] total" lines.
summary() {
    awk '{ best[NR] = $2; wall[NR] = $3; cpu[NR] = (NF >= 5 ? $4 : "-") } END {
        n = asort(best); m = (n % 2 ? best[(n + 1) / 2] : (best[n / 2] + best[n / 2 + 1]) / 2);
        k = asort(wall); w = (k % 2 ? wall[(k + 1) / 2] : (wall[k / 2] + wall[k / 2 + 1]) / 2);
        printf "%.4f | %.2f | %s | %d seeds", m, w, cpu[1], n }' "$1"
}

runner initial hartmann6in100 10 "$SEEDS" "$work/plans"
runner initial ackley20 40 "$SEEDS" "$work/plans"
runner initial hartmann6in100 "$ASK_POINTS" 1 "$work/ask"

if [[ "${SKIP_CAMPAIGNS:-0}" != 1 ]]; then
    echo "## Campaigns over $SEEDS seeds"
    echo
    echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    runner campaign hartmann6in100 ei "$HARTMANN_BUDGET" 5 "$SEEDS" "$work/plans" >"$work/ours-hartmann.txt"
    runner campaign ackley20 turbo "$ACKLEY_BUDGET" 5 "$SEEDS" "$work/plans" >"$work/ours-ackley.txt"
    echo "| problem | optimiser | median best | median ask wall s | ask CPU s (seed 0) | seeds |"
    echo "|---|---|---:|---:|---:|---|"
    echo "| Hartmann-6 in 100-D, $HARTMANN_BUDGET evaluations | ei | $(summary "$work/ours-hartmann.txt") |"
    if [[ "$peer" == 1 ]]; then
        botorch hartmann "$work/plans" "$SEEDS" "$HARTMANN_BUDGET" 5 >"$work/peer-hartmann.txt"
        echo "| Hartmann-6 in 100-D, $HARTMANN_BUDGET evaluations | BoTorch qLogNEI | $(summary "$work/peer-hartmann.txt") |"
    fi
    echo "| Ackley-20, $ACKLEY_BUDGET evaluations | turbo | $(summary "$work/ours-ackley.txt") |"
    if [[ "$peer" == 1 && -n "${BOTORCH_TUTORIAL:-}" ]]; then
        botorch turbo "$work/plans" "$SEEDS" "$ACKLEY_BUDGET" 5 "$BOTORCH_TUTORIAL" >"$work/peer-ackley.txt"
        echo "| Ackley-20, $ACKLEY_BUDGET evaluations | BoTorch TuRBO-1 tutorial | $(summary "$work/peer-ackley.txt") |"
    fi
    echo
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
fi

if [[ "${SKIP_ASK:-0}" != 1 ]]; then
    echo "## One ei ask, $ASK_POINTS points in 100-D (Hartmann-6 embedded)"
    echo
    echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| optimiser | first call wall s | first call CPU s | with state wall s | with state CPU s |"
    echo "|---|---:|---:|---:|---:|"
    echo "| ei | $(runner ask hartmann6in100 "$ASK_POINTS" "$work/ask" | awk '{ printf "%s | %s | %s | %s", $1, $2, $3, $4 }') |"
    if [[ "$peer" == 1 ]]; then
        echo "| BoTorch fit + optimize_acqf (qLogNEI) | $(botorch ask "$work/ask" "$ASK_POINTS" | awk '{ printf "%s | %s | %s | %s", $1, $2, $3, $4 }') |"
    fi
fi
