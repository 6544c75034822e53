#!/usr/bin/env bash
# UM-Bridge port against the REST surface of the same published service, in one run:
#   1. Protocol overhead: one-point Branin through POST /Evaluate on the UM-Bridge port against
#      POST /v1/functions/branin/evaluate on the REST port, with the same wrk script (wrk/route.lua).
#      Goal: UM-Bridge requests/s ≥ 0.5 × REST requests/s.
#   2. The parametric wave at 255² × 1000 steps with 4 receivers (acoustic2d's default config): the
#      model's share of each request, the Server-Timing "model" duration (solver, pulse set-up and
#      trace copies) over the request time curl measures. Goal: ≥ 0.90.
# wrk and the server share the machine's cores: compare ratios, not absolute numbers.
#
# Environment (defaults in brackets):
#   DURATION [10s]  WARMUP [3s]  THREADS [2]  CONNECTIONS [32]  TIMEOUT [10s]  WAVE_RUNS [5]
#   PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS: see lib.sh
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-3s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
TIMEOUT="${TIMEOUT:-10s}"
WAVE_RUNS="${WAVE_RUNS:-5}"
ROUTE_SCRIPT="$BENCH_DIR/wrk/route.lua"

ensure_wrk
publish_api
work="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-umbridge.XXXXXX")"
SERVER_LOG="$work/server.log"
trap 'stop_server; rm -rf "$work"' EXIT

port="$(free_port)"
bridge_port="$(free_port)"
rest="http://127.0.0.1:$port"
bridge="http://127.0.0.1:$bridge_port"
start_server "$port" ASPNETCORE_ENVIRONMENT=Development Authentication__Mode=None \
    Serilog__MinimumLevel__Default=Warning UmBridge__Port="$bridge_port"
wait_for_200 30 "$rest/healthz/ready" || die "the service did not become ready"
wait_for_200 30 "$bridge/Info" || die "the UM-Bridge port did not open"

printf '{"points":[[3.14159,2.275]]}\n' >"$work/rest.json"
printf '{"name":"branin","input":[[3.14159,2.275]],"config":{}}\n' >"$work/bridge.json"
curl -sf -H 'Content-Type: application/json' --data-binary "@$work/rest.json" "$rest/v1/functions/branin/evaluate" | grep -q '0.397' ||
    die "REST evaluate did not answer Branin's minimum"
curl -sf -H 'Content-Type: application/json' --data-binary "@$work/bridge.json" "$bridge/Evaluate" | grep -q '0.397' ||
    die "UM-Bridge Evaluate did not answer Branin's minimum"

log "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per route after $WARMUP warm-up;" \
    "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
rest_result="$(measure "$rest/v1/functions/branin/evaluate" "$work/rest.json")"
bridge_result="$(measure "$bridge/Evaluate" "$work/bridge.json")"

printf '\n%-44s %12s %10s %10s %8s\n' "route (Branin, 1 point)" "requests/s" "p50 ms" "p99 ms" "errors"
row() {
    printf '%-44s %12s %10s %10s %8s\n' "$1" "$(field rps "$2")" "$(field p50_ms "$2")" \
        "$(field p99_ms "$2")" "$(($(field errors "$2") + $(field non2xx "$2")))"
}
row "REST POST /v1/functions/branin/evaluate" "$rest_result"
row "UM-Bridge POST /Evaluate" "$bridge_result"
ratio="$(awk -v a="$(field rps "$bridge_result")" -v b="$(field rps "$rest_result")" 'BEGIN { printf "%.2f", a / b }')"
printf '\nUM-Bridge / REST requests/s = %s  (goal >= 0.5: %s)\n' "$ratio" "$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5 ? "met" : "NOT met") }')"

# The wave: default config of acoustic2d is 255² × 1000 steps with 4 receivers.
printf '{"name":"acoustic2d","input":[[1,1,20,20,1]]}\n' >"$work/wave.json"
printf '\n%-10s %12s %12s %8s\n' "wave run" "request ms" "model ms" "share"
shares=()
for run in $(seq 0 "$WAVE_RUNS"); do
    headers="$(curl -sf -o "$work/wave.out" -D - -w 'TOTAL %{time_total}\n' -H 'Content-Type: application/json' \
        --data-binary "@$work/wave.json" "$bridge/Evaluate")" || die "the wave evaluation failed"
    total_ms="$(awk '/^TOTAL/ { printf "%.1f", $2 * 1000 }' <<<"$headers")"
    model_ms="$(sed -n 's/.*model;dur=\([0-9.]*\).*/\1/p' <<<"$headers" | tr -d '\r')"
    [[ $run -eq 0 ]] && continue # warm-up
    share="$(awk -v m="$model_ms" -v t="$total_ms" 'BEGIN { printf "%.3f", m / t }')"
    shares+=("$share")
    printf '%-10s %12s %12s %8s\n' "$run" "$total_ms" "$model_ms" "$share"
done
median="$(printf '%s\n' "${shares[@]}" | median)"
printf '\nwave model share of the request (median of %s) = %s  (goal >= 0.90: %s)\n' "$WAVE_RUNS" "$median" \
    "$(awk -v r="$median" 'BEGIN { print (r >= 0.9 ? "met" : "NOT met") }')"
