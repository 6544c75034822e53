#!/usr/bin/env bash
# Tree ensembles beside scikit-learn (issue 24): our randomForest and gradientBoosting against
# RandomForestRegressor and HistGradientBoostingRegressor with the same settings, on the same noisy
# training data, in the same run: Friedman #1 (10 inputs, 5 000 points, noise σ = 1) and a 20-input
# noisy function. Prints each RMSE against the noise-free function on held-out points, median fit
# times with their ratios, and the coverage of the forest's 95 % intervals. Goals: RMSE within 5 % of
# scikit-learn's, fit time at most scikit-learn's. The machine is shared: compare ratios, and read the
# load average printed first.
# The jump suite fits every single kind, auto and mixtureOfExperts (smooth and hard gating) to a 200-point
# Sobol' plan of functions with a jump of 2 across a curve on [0, 1]², and prints each RMSE on 5 000 held-out
# points, the ratio of the best single kind's RMSE to the mixture's (goal: at least 2), fit times and the
# coverage of the mixture's 95 % intervals.
#
# Environment (defaults in brackets):
#   PYTHON      [/usr/bin/python3]  interpreter for bench/peers/sklearn_trees.py; Debian's python3-sklearn
#                                   is installed with apt-get when missing
#   POINTS      [5000]              training points per function
#   TEST        [5000]              held-out points
#   REPEATS     [3]                 timed fits per model (median; ours after a warm-up fit)
#   SKIP_PEERS  [0]                 1 = our numbers only
#   SUITE       [all]               all, trees (the ensembles and SVR beside scikit-learn), jump, gekpls
#                                   (Kriging with components = 2 at d = 30, with and without gradients), or auto
#                                   (auto's fit time, choice and candidates on three data sets)
#   GEKPLS_VARIANTS ["0 1 2 4"]     the gekpls suite's extraPoints settings; add "full" for gradient-enhanced
#                                   Kriging along the directions (minutes per fit at d = 30)
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

PYTHON="${PYTHON:-/usr/bin/python3}"
PROJECT="$BENCH_DIR/SurrogateService.ZooBench"

peer_args=()
if [[ "${SKIP_PEERS:-0}" == 1 ]]; then
    log "SKIP_PEERS=1: our numbers only."
elif ensure_python_modules "$PYTHON" 'import sklearn, threadpoolctl' python3-sklearn python3-threadpoolctl; then
    peer_args=(--python "$PYTHON" --peer "$BENCH_DIR/peers/sklearn_trees.py")
else
    log "Skipping scikit-learn: only our numbers follow."
fi

log "Building the zoo bench (Release) ..."
dotnet build "$PROJECT" -c Release --nologo -v quiet >&2
log "Load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
dotnet "$PROJECT/bin/Release/net10.0/SurrogateService.ZooBench.dll" \
    --suite "${SUITE:-all}" --points "${POINTS:-5000}" --test "${TEST:-5000}" --repeats "${REPEATS:-3}" "${peer_args[@]}"
