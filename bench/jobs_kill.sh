#!/usr/bin/env bash
# Durability of a job: a 500-evaluation run whose worker process is SIGKILLed KILLS (5) times at
# random points ends with the same result, byte for byte, as the same job run by a worker never
# killed (bench/jobs.py kill). Exits non-zero if it does not.
#
# Environment (defaults in brackets): JOBS_PORT [5201]  KILLS [5]  KILL_SEED [1]  JOBS_LOG [/dev/null]
#   PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS (lib.sh)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

publish_api
log "Machine load: $(uptime)"
PUBLISH_DIR="$PUBLISH_DIR" python3 "$BENCH_DIR/jobs.py" kill
