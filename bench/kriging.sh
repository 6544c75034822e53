#!/usr/bin/env bash
# Kriging accuracy and speed (issue 4, "Accuracy and speed"): our Kriging with maximum-likelihood
# θ beside scikit-learn's GaussianProcessRegressor, and on the notebook case also scipy's
# RBFInterpolator, all measured in one run on the same points:
#   - Branin at the notebook's 80 Sobol points (sample(80, [-5,0], [10,15])) and at 500 and 1000,
#     RMSE on the 101×101 grid, fit time, and the time to predict the grid with standard errors;
#   - Hartmann-6 at 200 Sobol points, RMSE on 4096 scrambled Sobol test points.
# Goals: RMSE no worse than scikit-learn's; fit and predict-with-standard-error at least 2× faster.
# The table ends each case with the ratios. The machine is shared: compare ratios, not times.
#
# The notebook case's peers come from branin_peers.py in PEERS_DIR; every other case (and the
# notebook case when PEERS_DIR has no branin_peers.py) from bench/peers/sklearn_gpr.py, which fits
# scikit-learn's GPR with the same settings to the points this bench writes to a JSON file.
#
# Environment (defaults in brackets):
#   PEERS_DIR  [<repo>/../shared/peers]  folder with branin_peers.py (optional)
#   PYTHON     [/usr/bin/python3]         interpreter for the peers; python3-sklearn and python3-scipy
#                                         are installed with apt-get when missing
#   SIZES      [80,500,1000]              Branin training sizes (scikit-learn needs minutes at 1000)
#   HARTMANN   [200]                      Hartmann-6 training points; 0 leaves the case out
#   REPEATS    [3]                        timed runs of ours per case (median)
#   SKIP_PEERS [0]                        1 = our numbers only
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

PEERS_DIR="${PEERS_DIR:-$REPO_ROOT/../shared/peers}"
PYTHON="${PYTHON:-/usr/bin/python3}"
SIZES="${SIZES:-80,500,1000}"
HARTMANN="${HARTMANN:-200}"
REPEATS="${REPEATS:-3}"
PROJECT="$BENCH_DIR/SurrogateService.KrigingBench"

# Succeeds when PYTHON can import scikit-learn and scipy, installing Debian's packages if needed.
ensure_peer_packages() { ensure_python_modules "$PYTHON" 'import sklearn, scipy' python3-sklearn python3-scipy; }

peer_args=()
if [[ "${SKIP_PEERS:-0}" == 1 ]]; then
    log "SKIP_PEERS=1: our numbers only."
elif ensure_peer_packages; then
    peer_args=(--python "$PYTHON" --gpr-helper "$BENCH_DIR/peers/sklearn_gpr.py")
    if [[ -f "$PEERS_DIR/branin_peers.py" ]]; then
        peer_args+=(--branin-peers "$PEERS_DIR/branin_peers.py")
    else
        log "No branin_peers.py in $PEERS_DIR (set PEERS_DIR): the notebook case uses bench/peers/sklearn_gpr.py, without scipy's RBF."
    fi
else
    log "Skipping the peers: only our numbers follow."
fi

log "Building the Kriging bench (Release) ..."
dotnet build "$PROJECT" -c Release --nologo -v quiet >&2
dotnet "$PROJECT/bin/Release/net10.0/SurrogateService.KrigingBench.dll" \
    --sizes "$SIZES" --hartmann "$HARTMANN" --repeats "$REPEATS" "${peer_args[@]}"
