#!/usr/bin/env bash
# Multi-fidelity (issue 16): on Currin's two-fidelity pair, co-Kriging (B/2 high- and 5·B low-fidelity
# points) against Kriging on B high-fidelity points at equal cost (a low-fidelity run costs a tenth), over
# several design seeds, beside scikit-learn's GaussianProcessRegressor on the high-fidelity points alone and
# a two-stage co-Kriging built from it, all in one run (bench/peers/multifidelity_currin.py).
# Goal: co-Kriging's RMSE below high-fidelity-only Kriging's at equal cost. Also printed: the coverage of our
# 95 % intervals on the grid.
# Environment: SEEDS [5], BUDGETS [20,30], KERNEL [powerExponential] (our kriging's kernel), PYTHON [/usr/bin/python3] (python3-sklearn, python3-requests are
# apt-installed when missing), and lib.sh's PUBLISH_DIR / SKIP_PUBLISH.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
PYTHON="${PYTHON:-/usr/bin/python3}"

ensure_python_modules "$PYTHON" "import sklearn, requests" python3-sklearn python3-requests || die "needs scikit-learn and requests"

start_development_service
nice -n 5 "$PYTHON" "$BENCH_DIR/peers/multifidelity_currin.py" "http://127.0.0.1:$port" "${SEEDS:-5}" "${BUDGETS:-20,30}" "${KERNEL:-powerExponential}"
