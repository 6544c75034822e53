# shellcheck shell=bash
# Helpers of the model-store bench scripts (sourced after lib.sh, not run): Azurite and replicas of the
# published service on loopback, sharing one store. The sourcing script sets `work` (a temporary folder)
# and STORE_SETTING (the replicas' storage setting, e.g. "Storage__Folder=$work/store" or
# "Storage__ConnectionString=$CONNECTION") before starting anything.
#
# Environment: AZURITE_PORT [10100]  PORT_A [5180]  PORT_B [5181]

AZURITE_PORT="${AZURITE_PORT:-10100}"
PORT_A="${PORT_A:-5180}"
PORT_B="${PORT_B:-5181}"
AZURITE="$REPO_ROOT/.ci/.tools/azurite/node_modules/.bin/azurite-blob"
# The emulator's published development account (Azurite's README, "Default Storage Account"), not a secret.
CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
BENCH_TIMEOUTS=(Limits__LightRequestTimeoutSeconds=230 Limits__HeavyRequestTimeoutSeconds=230)
AZURITE_PID=""
PID_A=""
PID_B=""

# --skipApiVersionCheck: Azure.Storage.Blobs 12.30 asks for a newer REST version than Azurite 3.37 knows.
start_azurite() {
    [[ -x "$AZURITE" ]] || die "Azurite is not installed: npm install --prefix .ci/.tools/azurite azurite@3.37.0 (as .ci/run does)"
    # A fresh log each start: the readiness check below must not find the previous run's "listens on".
    : >"$work/azurite.log"
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

# start_replica PORT CACHE_BYTES: a replica of the service on the shared store (lib.sh's start_server; its log is
# $work/server-PORT.log). BENCH_TIMEOUTS lift the request timeouts to the most the service accepts (230 s) so that
# the peers (predict-from-document of 10 000 points with standard errors) finish on a loaded machine.
start_replica() {
    SERVER_LOG_DIR="$work" start_server "$1" ASPNETCORE_ENVIRONMENT=Development Authentication__Mode=None \
        Serilog__MinimumLevel__Default=Warning "$STORE_SETTING" Limits__ModelCacheBytes="$2" "${BENCH_TIMEOUTS[@]}"
}

# wait_ready PORT: the server on PORT answers its readiness probe (2 minutes at most: a loaded machine starts slowly).
wait_ready() {
    wait_for_200_from "$1" 120 "http://127.0.0.1:$1/healthz/ready" || die "the server on port $1 did not become ready"
}

# start_both CACHE_BYTES: replicas A and B, ready; PID_A and PID_B are their processes.
start_both() {
    start_replica "$PORT_A" "$1"
    start_replica "$PORT_B" "$1"
    PID_A="${SERVER_PIDS[$PORT_A]}"
    PID_B="${SERVER_PIDS[$PORT_B]}"
    wait_ready "$PORT_A"
    wait_ready "$PORT_B"
}
