#!/usr/bin/env bash
# Asynchronous jobs on the published service (bench/jobs.py does the work):
#   1. overhead: a 200-evaluation run as a job against the same run answered synchronously (goal ≤ 1.2×);
#   2. 50 jobs from 5 callers at once, each POST retried with its Idempotency-Key, worked by two worker
#      processes: all complete, none lost or duplicated.
# The service listens on 127.0.0.1:$JOBS_PORT (5201) and keeps its jobs in a temporary folder.
#
# Environment (defaults in brackets): JOBS_PORT [5201]  REPEATS [3]  JOBS_LOG [/dev/null]
#   PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS (lib.sh)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

publish_api
log "Machine load before: $(uptime)"
PUBLISH_DIR="$PUBLISH_DIR" python3 "$BENCH_DIR/jobs.py" overhead
PUBLISH_DIR="$PUBLISH_DIR" python3 "$BENCH_DIR/jobs.py" many
log "Machine load after: $(uptime)"
