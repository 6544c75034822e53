#!/usr/bin/env bash
# Gradient-enhanced Kriging (issue "More information per evaluation"): n points with gradients beside
# (d + 1)·n/2 points without, on Branin and Hartmann-6, with scikit-learn's GP on the plain points as
# the peer; see peers/gradient_kriging.py. Goal: GEK's RMSE ≤ plain Kriging's.
# Environment: PYTHON [/usr/bin/python3] (python3-sklearn, python3-requests are apt-installed when missing),
# and lib.sh's PUBLISH_DIR / SKIP_PUBLISH.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
PYTHON="${PYTHON:-/usr/bin/python3}"

ensure_python_modules "$PYTHON" "import sklearn, requests" python3-sklearn python3-requests || die "python3-sklearn and python3-requests are needed"
start_development_service
"$PYTHON" "$BENCH_DIR/peers/gradient_kriging.py" "http://127.0.0.1:$port"
