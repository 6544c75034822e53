#!/usr/bin/env bash
# Co-Kriging coverage (issue 25): the mean coverage of our 95 % intervals over five disjoint sets of ten designs on
# Currin's and Forrester's two-fidelity pairs, through the service, beside scikit-learn's two-stage co-Kriging in the
# same run (bench/peers/cokriging_coverage.py). Goal: every set in 90-98 %. Accuracy, not time, is measured; about
# 10 minutes on a loaded 2-core machine.
# Environment: SETS [5], PAIRS [currin,forrester], PORT [a free one], PYTHON [/usr/bin/python3] (python3-sklearn, python3-requests are apt-installed when missing),
# and lib.sh's PUBLISH_DIR / SKIP_PUBLISH.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
PYTHON="${PYTHON:-/usr/bin/python3}"

ensure_python_modules "$PYTHON" "import sklearn, requests" python3-sklearn python3-requests || die "needs scikit-learn and requests"

start_development_service
cd "$BENCH_DIR/peers"
nice -n 5 "$PYTHON" cokriging_coverage.py "http://127.0.0.1:$port" "${SETS:-5}" "${PAIRS:-currin,forrester}"
