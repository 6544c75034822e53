#!/usr/bin/env bash
# Noisy data (issue "Surrogates for real data"): Kriging with noise "fit" and the Matérn 5/2 kernel
# beside scikit-learn's GaussianProcessRegressor (Matérn 5/2 + white noise, 5 restarts), same points,
# same noisy values, one run: RMSE to the noise-free truth, coverage of the 95 % interval, fit times.
# Goals: RMSE ≤ scikit-learn's; coverage 90–98 %; fit time at most a fifth of scikit-learn's.
# Environment: PYTHON [/usr/bin/python3] (python3-sklearn, python3-requests are apt-installed when missing),
# and lib.sh's PUBLISH_DIR / SKIP_PUBLISH.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
PYTHON="${PYTHON:-/usr/bin/python3}"

if ! "$PYTHON" -c 'import sklearn, requests' 2>/dev/null; then
    log "Installing python3-sklearn and python3-requests ..."
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn python3-requests >/dev/null
fi

start_development_service
"$PYTHON" "$BENCH_DIR/peers/noisy_gp.py" "http://127.0.0.1:$port"
