#!/usr/bin/env bash
# The model store (docs/model-store.md) on Blob Storage (Azurite), against peers measured in the same run:
#   1. Kriging on 2 000 Hartmann-6 points: predicting one point by modelId (warm), median latency, against
#      a one-point Branin evaluation on the same service. Goal: ≤ 2×.
#   2. 10 000 points with standard errors by modelId against predict-from-document, both today's and the
#      service's as issue 22 was filed (BASELINE_COMMIT, published from a temporary git worktree outside the
#      repository and run beside the replicas). Goal: ≥ 20× faster than the latter. The two services' values
#      and standard errors are compared too (equal up to the rounding of the reordered sums).
#   3. Two replicas sharing one Azurite: stored through one, predicted through the other, identical.
#   4. Both replicas and Azurite stopped and started again: the stored model is still there, unchanged.
#   5. (bench/model_store_load.sh runs the load test: 32 clients for 30 s on a folder and on Azurite.)
# Clients and servers share the machine's cores: read ratios, not absolute numbers; `uptime` is printed.
# The services' request timeouts are lifted (model_store_lib.sh) so that the fit and the peers finish on a
# loaded machine.
#
# Environment (defaults in brackets): AZURITE_PORT [10100]  PORT_A [5180]  PORT_B [5181]  PORT_OLD [5182]
#   PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS: see lib.sh
#   BASELINE_COMMIT [1721ab1…, the last commit before the model store]  BASELINE_PUBLISH_DIR [a folder under
#   $TMPDIR named after the commit; reused when it holds a publish, since a commit's publish never changes]
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

PORT_OLD="${PORT_OLD:-5182}"
# The last commit before the model store (98baba9 began it): the service as issue 22 found it.
BASELINE_COMMIT="${BASELINE_COMMIT:-1721ab176265c582c1a9ed114f6da36758869e24}"
BASELINE_PUBLISH_DIR="${BASELINE_PUBLISH_DIR:-${TMPDIR:-/tmp}/surrogateservice-bench/baseline-${BASELINE_COMMIT:0:12}}"
publish_api
work="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-modelstore.XXXXXX")"
# shellcheck source=model_store_lib.sh
source "$BENCH_DIR/model_store_lib.sh"
STORE_SETTING="Storage__ConnectionString=$CONNECTION"

# publish_baseline: the API as of BASELINE_COMMIT, from a temporary worktree that is removed again.
publish_baseline() {
    if [[ -f "$BASELINE_PUBLISH_DIR/$API_DLL" ]]; then
        log "Reusing the baseline publish in $BASELINE_PUBLISH_DIR"
        return
    fi
    local tree="$work/baseline-source"
    log "Publishing the baseline ${BASELINE_COMMIT:0:12} (Release) to $BASELINE_PUBLISH_DIR ..."
    git -C "$REPO_ROOT" worktree add --detach --quiet "$tree" "$BASELINE_COMMIT"
    mkdir -p "$BASELINE_PUBLISH_DIR"
    if ! dotnet publish "$tree/src/SurrogateService.Api" -c Release -o "$BASELINE_PUBLISH_DIR" --nologo -v quiet >&2; then
        rm -rf "$BASELINE_PUBLISH_DIR"
        die "publishing the baseline failed"
    fi
    git -C "$REPO_ROOT" worktree remove --force "$tree"
}

cleanup() {
    stop_server; stop_pid "$AZURITE_PID"
    if [[ -d "$work/baseline-source" ]]; then git -C "$REPO_ROOT" worktree remove --force "$work/baseline-source"; fi
    rm -rf "$work"
}
trap cleanup EXIT

# start_baseline: the baseline service (no store: it predicts from documents only).
start_baseline() {
    PUBLISH_DIR="$BASELINE_PUBLISH_DIR" SERVER_LOG_DIR="$work" start_server "$PORT_OLD" ASPNETCORE_ENVIRONMENT=Development \
        Authentication__Mode=None Serilog__MinimumLevel__Default=Warning "${BENCH_TIMEOUTS[@]}"
    wait_ready "$PORT_OLD"
}

publish_baseline
log "Machine load before: $(uptime)"
start_azurite
start_both 536870912
start_baseline
python3 "$BENCH_DIR/model_store.py" measure "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$work/state.json" \
    "http://127.0.0.1:$PORT_OLD" "$PID_A" "${SERVER_PIDS[$PORT_OLD]}"
stop_server "$PORT_OLD"

log "Stopping both replicas and Azurite, starting them again on the same data ..."
stop_server "$PORT_A"; stop_server "$PORT_B"; stop_pid "$AZURITE_PID"
start_azurite
start_both 536870912
python3 "$BENCH_DIR/model_store.py" after-restart "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" "$work/state.json"
log "Machine load after: $(uptime)"
