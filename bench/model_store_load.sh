#!/usr/bin/env bash
# The model store under load (docs/model-store.md): CLIENTS concurrent clients for LOAD_SECONDS each store
# models of their own through one replica and predict them by id (and read them back) through the other,
# on a folder store and on Blob Storage (Azurite). Every stored document is a new model, so the replicas'
# caches, bounded small here, evict all the time. Checked: no error, no lost or mixed-up model (each
# client knows what its own model must predict). Reported: the replicas' memory (RSS, sampled twice a
# second) beside the cache bound plus the requests in flight, and beside what keeping every model would take.
# Clients and servers share the machine's cores; `uptime` is printed.
#
# Then the memory bound, which the load above cannot show with margin on a slow machine (few, small models):
# MEMORY_CLIENTS clients store MEMORY_MODELS distinct Kriging models of MEMORY_POINTS points in 6-D (tens of MiB
# each as prepared) through one replica with a cache bound of three models, then the same work through a
# replica whose cache keeps everything. Fails when the bounded replica's RSS grows by more than the cache bound
# plus the requests in flight, plus 50 % (model_store.py, MEMORY_MARGIN), or when the unbounded one does not
# outgrow that allowance (the measurement would not tell the two apart).
#
# Environment (defaults in brackets): LOAD_SECONDS [30]  CLIENTS [32]  LOAD_CACHE_BYTES [16777216]
#   STORES ["folder azurite"; empty skips the load]  AZURITE_PORT [10100]  PORT_A [5180]  PORT_B [5181]
#   MEMORY [1; 0 skips the memory bound]  MEMORY_MODELS [30]  MEMORY_POINTS [1000]  MEMORY_CLIENTS [2]
#   PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS: see lib.sh
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

LOAD_SECONDS="${LOAD_SECONDS:-30}"
CLIENTS="${CLIENTS:-32}"
LOAD_CACHE_BYTES="${LOAD_CACHE_BYTES:-16777216}"
STORES="${STORES-folder azurite}"

publish_api
work="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-modelstore-load.XXXXXX")"
# shellcheck source=model_store_lib.sh
source "$BENCH_DIR/model_store_lib.sh"
cleanup() { stop_server; stop_pid "$AZURITE_PID"; rm -rf "$work"; }
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
    stop_server "$PORT_A"; stop_server "$PORT_B"; stop_pid "$AZURITE_PID"
    log "Machine load after ($store): $(uptime)"
done

if [[ "${MEMORY:-1}" == 1 ]]; then
    MEMORY_MODELS="${MEMORY_MODELS:-30}"
    MEMORY_POINTS="${MEMORY_POINTS:-1000}"
    MEMORY_CLIENTS="${MEMORY_CLIENTS:-2}"
    # Three models as the cache charges them (PreparedModelCache.Charge, d = 6), and 1 TiB: no bound at all.
    charge=$((8 * (2 * MEMORY_POINTS * MEMORY_POINTS + MEMORY_POINTS * (2 * 6 + 8)) + 4096))
    printf '\nMemory bound: one replica, folder store, %s models of %s points (charged %s MiB each):\n' \
        "$MEMORY_MODELS" "$MEMORY_POINTS" "$((charge / 1048576))"
    for bound in "$((3 * charge))" "$((1 << 40))"; do
        log "Machine load before (cache bound $bound): $(uptime)"
        STORE_SETTING="Storage__Folder=$work/memory-store-$bound"
        start_replica "$PORT_A" "$bound"
        wait_ready "$PORT_A"
        python3 "$BENCH_DIR/model_store.py" memory "http://127.0.0.1:$PORT_A" "$MEMORY_MODELS" "$MEMORY_CLIENTS" "${SERVER_PIDS[$PORT_A]}" \
            "$bound" "$MEMORY_POINTS" "$work/memory-$bound.json" || status=1
        stop_server "$PORT_A"
        log "Machine load after: $(uptime)"
    done
    python3 "$BENCH_DIR/model_store.py" memory-verdict "$work/memory-$((3 * charge)).json" "$work/memory-$((1 << 40)).json" || status=1
fi
exit "$status"
