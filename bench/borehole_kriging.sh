#!/usr/bin/env bash
# Exact Kriging on the borehole function (issue 25): our kriging (Matérn 5/2, maximum-likelihood θ) beside
# scikit-learn's GaussianProcessRegressor (Matérn 5/2 + WhiteKernel, normalize_y, 2 restarts) on the same
# uniform random points, in one run (bench/peers/borehole_kriging.py): RMSE on held-out points, fit times,
# their ratios, and our log-likelihood at our optimum and at scikit-learn's length scales.
# Goal: our RMSE no worse than scikit-learn's, at no loss of speed.
# Environment: SIZES [1000] (1000,2000 takes several minutes), TEST [2000] held-out points, PORT [a free one],
# PYTHON [/usr/bin/python3] (python3-sklearn, python3-requests are apt-installed when missing), and lib.sh's
# PUBLISH_DIR / SKIP_PUBLISH.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
PYTHON="${PYTHON:-/usr/bin/python3}"

ensure_python_modules "$PYTHON" "import sklearn, requests" python3-sklearn python3-requests || die "needs scikit-learn and requests"

start_development_service
"$PYTHON" "$BENCH_DIR/peers/borehole_kriging.py" "http://127.0.0.1:$port" "${SIZES:-1000}" "${TEST:-2000}"
