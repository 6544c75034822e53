#!/usr/bin/env bash
# The model store (docs/model-store.md) on Blob Storage (Azurite), against peers measured in the same run:
#   1. Kriging on 2 000 Hartmann-6 points: predicting one point by modelId (warm), median latency, against
#      a one-point Branin evaluation on the same service. Goal: ≤ 2×.
#   2. 10 000 points with standard errors by modelId against predict-from-document. Goal: ≥ 20× faster.
#   3. Two replicas sharing one Azurite: stored through one, predicted through the other, identical.
#   4. Both replicas and Azurite stopped and started again: the stored model is still there, unchanged.
#   5. 32 concurrent clients for 30 s storing model documents and predicting by modelId: no error, no lost or
#      mixed-up model (each client predicts its own model at its training points and gets its values back),
#      the server's memory sampled against the cache bound.
# Clients and servers share the machine's cores: read ratios, not absolute numbers; `uptime` is printed.
# The replicas get a light-request timeout of 200 s so that the peer (predict-from-document of 10 000 points
# with standard errors, which rebuilds the model) finishes on a loaded machine.
#
# Environment (defaults in brackets): LOAD_SECONDS [30]  CLIENTS [32]  LOAD_CACHE_BYTES [83886080]
#   AZURITE_PORT [10100]  PORT_A [5180]  PORT_B [5181]  PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS: see lib.sh
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

LOAD_SECONDS="${LOAD_SECONDS:-30}"
CLIENTS="${CLIENTS:-32}"
LOAD_CACHE_BYTES="${LOAD_CACHE_BYTES:-83886080}"
AZURITE_PORT="${AZURITE_PORT:-10100}"
PORT_A="${PORT_A:-5180}"
PORT_B="${PORT_B:-5181}"
AZURITE="$REPO_ROOT/.ci/.tools/azurite/node_modules/.bin/azurite-blob"
[[ -x "$AZURITE" ]] || die "Azurite is not installed: npm install --prefix .ci/.tools/azurite azurite@3.37.0 (as .ci/run does)"
# The emulator's published development account (Azurite's README, "Default Storage Account"), not a secret.
CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"

publish_api
work="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-modelstore.XXXXXX")"
AZURITE_PID=""
PID_A=""
PID_B=""

stop_pid() {
    local pid="$1"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() { stop_pid "$PID_A"; stop_pid "$PID_B"; stop_pid "$AZURITE_PID"; rm -rf "$work"; }
trap cleanup EXIT

# --skipApiVersionCheck: Azure.Storage.Blobs 12.30 asks for a newer REST version than Azurite 3.37 knows.
start_azurite() {
    "$AZURITE" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" --location "$work/azurite" \
        --skipApiVersionCheck --disableTelemetry --silent >>"$work/azurite.log" 2>&1 &
    AZURITE_PID=$!
    local i
    for i in $(seq 1 600); do
        grep -q "listens on" "$work/azurite.log" 2>/dev/null && return 0
        kill -0 "$AZURITE_PID" 2>/dev/null || die "Azurite exited: $(cat "$work/azurite.log")"
        sleep 0.1
    done
    die "Azurite did not start"
}

# start_replica PORT CACHE_BYTES: a replica of the service on the shared store; prints its pid.
start_replica() {
    (
        cd "$PUBLISH_DIR" || exit 1
        exec env ASPNETCORE_ENVIRONMENT=Development Authentication__Mode=None Serilog__MinimumLevel__Default=Warning \
            Storage__ConnectionString="$CONNECTION" Limits__ModelCacheBytes="$2" Limits__LightRequestTimeoutSeconds=200 \
            dotnet "$API_DLL" --urls "http://127.0.0.1:$1"
    ) >>"$work/replica-$1.log" 2>&1 &
    printf '%s\n' "$!"
}

wait_ready() {
    local port="$1" pid="$2" i
    for i in $(seq 1 1200); do
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz/ready" || true)" == 200 ]] && return 0
        kill -0 "$pid" 2>/dev/null || die "replica on $port exited: $(tail -n 20 "$work/replica-$port.log")"
        sleep 0.1
    done
    die "replica on $port did not become ready"
}

start_both() {
    PID_A="$(start_replica "$PORT_A" "$1")"
    PID_B="$(start_replica "$PORT_B" "$1")"
    wait_ready "$PORT_A" "$PID_A"
    wait_ready "$PORT_B" "$PID_B"
}

log "Machine load before: $(uptime)"
start_azurite
start_both 536870912
python3 "$BENCH_DIR/model_store.py" measure "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$work/state.json"

log "Stopping both replicas and Azurite, starting them again on the same data ..."
stop_pid "$PID_A"; stop_pid "$PID_B"; stop_pid "$AZURITE_PID"
start_azurite
start_both "$LOAD_CACHE_BYTES"
python3 "$BENCH_DIR/model_store.py" after-restart "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$work/state.json"

python3 "$BENCH_DIR/model_store.py" load "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$work/state.json" \
    "$LOAD_SECONDS" "$CLIENTS" "$PID_A" "$PID_B" "$LOAD_CACHE_BYTES"
log "Machine load after: $(uptime)"
