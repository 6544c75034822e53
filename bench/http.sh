#!/usr/bin/env bash
# HTTP throughput of the published service on loopback, measured with wrk:
#   - GET  /healthz/live                              (the floor: routing, Kestrel, no work)
#   - POST /v1/functions/branin/evaluate, 1 point     (JSON binding, validation, auth pipeline)
#   - POST /v1/functions/branin/evaluate, 10 000 points (JSON parsing and writing at size)
# For each route: requests/s and latency p50/p99 after a short warm-up, then the ratio of the
# one-point evaluate to the health probe (goal ≥ 0.5: the service adds little over the probe).
#
# The service runs from a Release publish in Development with Authentication:Mode=None (no token
# needed) and Serilog at Warning, so request logging stays out of the measurement. wrk runs on
# the same machine and shares its cores with the server: compare ratios, not absolute numbers.
#
# Environment (defaults in brackets):
#   DURATION [10s]  WARMUP [3s]  THREADS [2]  CONNECTIONS [32]  TIMEOUT [10s]  LARGE_POINTS [10000]
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
LARGE_POINTS="${LARGE_POINTS:-10000}"
ROUTE_SCRIPT="$BENCH_DIR/wrk/route.lua"

# Points spread over Branin's domain [-5,10]×[0,15] by the R2 sequence: deterministic, any count.
write_points_body() {
    awk -v n="$1" 'BEGIN {
        printf "{\"points\":["
        for (i = 0; i < n; i++) {
            a = i * 0.7548776662466927; b = i * 0.5698402909980532
            printf "%s[%.6f,%.6f]", (i ? "," : ""), -5 + 15 * (a - int(a)), 15 * (b - int(b))
        }
        print "]}"
    }'
}

# check_values URL BODY_FILE EXPECTED_COUNT: one request first, so a broken route cannot pass
# as fast 4xx answers.
check_values() {
    local response count
    response="$(curl -sf -H 'Content-Type: application/json' --data-binary "@$2" "$1")" ||
        die "POST $1 with $2 did not answer 2xx"
    count="$(printf '%s' "$response" | tr ',' '\n' | grep -c '[0-9]' || true)"
    [[ "$count" == "$3" ]] || die "POST $1 returned $count values, expected $3"
}

ensure_wrk
publish_api

work="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-http.XXXXXX")"
SERVER_LOG="$work/server.log"
trap 'stop_server; rm -rf "$work"' EXIT

printf '{"points":[[3.14159,2.275]]}\n' >"$work/one.json"
write_points_body "$LARGE_POINTS" >"$work/large.json"

port="$(free_port)"
base="http://127.0.0.1:$port"
start_server "$port" ASPNETCORE_ENVIRONMENT=Development Authentication__Mode=None \
    Serilog__MinimumLevel__Default=Warning
wait_for_200 30 "$base/healthz/ready" || die "the service did not become ready"

evaluate="$base/v1/functions/branin/evaluate"
check_values "$evaluate" "$work/one.json" 1
check_values "$evaluate" "$work/large.json" "$LARGE_POINTS"

log "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per route after $WARMUP warm-up;" \
    "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
live="$(measure "$base/healthz/live")"
one="$(measure "$evaluate" "$work/one.json")"
large="$(measure "$evaluate" "$work/large.json")"

printf '\n%-46s %12s %10s %10s %8s\n' "route" "requests/s" "p50 ms" "p99 ms" "errors"
row() {
    printf '%-46s %12s %10s %10s %8s\n' "$1" "$(field rps "$2")" "$(field p50_ms "$2")" \
        "$(field p99_ms "$2")" "$(($(field errors "$2") + $(field non2xx "$2")))"
}
row "GET  /healthz/live" "$live"
row "POST /v1/functions/branin/evaluate (1 point)" "$one"
row "POST ... ($LARGE_POINTS points)" "$large"

ratio="$(awk -v a="$(field rps "$one")" -v b="$(field rps "$live")" 'BEGIN { printf "%.2f", a / b }')"
verdict="$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5 ? "met" : "NOT met") }')"
printf '\nevaluate(1 point) / health probe = %s  (goal >= 0.5: %s)\n' "$ratio" "$verdict"
