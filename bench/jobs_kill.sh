#!/usr/bin/env bash
# Durability of a job: a 500-evaluation run whose worker process is SIGKILLed KILLS (5) times at
# random points ends with the same result, byte for byte, as the same job run by a worker never
# killed (bench/jobs.py kill); then the same, KILLS_PER_KIND (3) times each, for a Sobol' study, an automatic
# fit, a multi-objective run, a wave simulation, a Kriging fit and a model-store fit (bench/jobs.py kinds).
# Exits non-zero if a result differs.
#
# Environment (defaults in brackets): JOBS_PORT [5201]  KILLS [5]  KILLS_PER_KIND [3]  KILL_SEED [1]  JOBS_LOG [/dev/null]
#   SKIP_RUN_KILL [0] (1: only the kinds)  ONLY_KINDS (comma-separated names of bench/jobs.py's KINDS)
#   PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS (lib.sh)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

publish_api
log "Machine load: $(uptime)"
if [[ "${SKIP_RUN_KILL:-0}" != 1 ]]; then
    PUBLISH_DIR="$PUBLISH_DIR" python3 "$BENCH_DIR/jobs.py" kill
fi
PUBLISH_DIR="$PUBLISH_DIR" KILLS="${KILLS_PER_KIND:-3}" python3 "$BENCH_DIR/jobs.py" kinds
