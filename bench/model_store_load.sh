#!/usr/bin/env bash
# The model store under load (docs/model-store.md): CLIENTS concurrent clients for LOAD_SECONDS each store
# models of their own through one replica and predict them by id (and read them back) through the other,
# on a folder store and on Blob Storage (Azurite). Every stored document is a new model, so the replicas'
# caches, bounded small here, evict all the time. Checked: no error, no lost or mixed-up model (each
# client knows what its own model must predict). Reported: the replicas' memory (RSS, sampled twice a
# second) beside the cache bound plus the requests in flight, and beside what keeping every model would take.
# Clients and servers share the machine's cores; `uptime` is printed.
#
# Environment (defaults in brackets): LOAD_SECONDS [30]  CLIENTS [32]  LOAD_CACHE_BYTES [16777216]
#   STORES ["folder azurite"]  AZURITE_PORT [10100]  PORT_A [5180]  PORT_B [5181]
#   PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS: see lib.sh
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

LOAD_SECONDS="${LOAD_SECONDS:-30}"
CLIENTS="${CLIENTS:-32}"
LOAD_CACHE_BYTES="${LOAD_CACHE_BYTES:-16777216}"
STORES="${STORES:-folder azurite}"

publish_api
work="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-modelstore-load.XXXXXX")"
# shellcheck source=model_store_lib.sh
source "$BENCH_DIR/model_store_lib.sh"
cleanup() { stop_pid "$PID_A"; stop_pid "$PID_B"; stop_pid "$AZURITE_PID"; rm -rf "$work"; }
trap cleanup EXIT

status=0
for store in $STORES; do
    log "Machine load before ($store): $(uptime)"
    case "$store" in
        folder) STORE_SETTING="Storage__Folder=$work/store" ;;
        azurite) start_azurite; STORE_SETTING="Storage__ConnectionString=$CONNECTION" ;;
        *) die "unknown store '$store' (folder or azurite)" ;;
    esac
    start_both "$LOAD_CACHE_BYTES"
    printf '\n%s store, two replicas:\n' "$store"
    python3 "$BENCH_DIR/model_store.py" load "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" \
        "$LOAD_SECONDS" "$CLIENTS" "$PID_A" "$PID_B" "$LOAD_CACHE_BYTES" || status=1
    stop_pid "$PID_A"; stop_pid "$PID_B"; stop_pid "$AZURITE_PID"
    log "Machine load after ($store): $(uptime)"
done
exit "$status"
