#!/usr/bin/env bash
# Cold start of the published service: milliseconds from launching `dotnet SurrogateService.Api.dll`
# to the first HTTP 200, polled about every 5 ms with curl on a loopback port.
#   - Production (Azure AD configured with fake tenant and client ids): first 200 of /healthz/ready,
#     what a Container Apps readiness probe waits for. Goal: under 1 s.
#   - Development (Authentication:Mode=None): first 200 of POST /v1/functions/branin/evaluate,
#     which adds the JIT and JSON work of the first real request.
# Each run is a new process; the disk cache stays warm after the first run, so run 1 may be slower.
# The resolution is a few ms: one curl call's own cost plus the 5 ms pause.
#
# Environment (defaults in brackets): RUNS [5]  TIMEOUT_S [30]  PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS (lib.sh)
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

RUNS="${RUNS:-5}"
TIMEOUT_S="${TIMEOUT_S:-30}"
GOAL_MS=1000
# Any GUIDs do: nothing contacts Azure AD until a request carries a token.
FAKE_TENANT_ID="11111111-2222-3333-4444-555555555555"
FAKE_CLIENT_ID="66666666-7777-8888-9999-000000000000"

# run_once MODE: one cold start; sets RUN_MS. Runs in this shell (not in $(...)), so the EXIT
# trap always knows the server to stop.
run_once() {
    local port base start end server_env probe
    port="$(free_port)"
    base="http://127.0.0.1:$port"
    case "$1" in
        production)
            server_env=(ASPNETCORE_ENVIRONMENT=Production AzureAd__TenantId="$FAKE_TENANT_ID" Storage__Folder="${TMPDIR:-/tmp}/surrogateservice-bench/store"
                AzureAd__ClientId="$FAKE_CLIENT_ID")
            probe=("$base/healthz/ready")
            ;;
        development)
            server_env=(ASPNETCORE_ENVIRONMENT=Development Authentication__Mode=None)
            probe=(-H 'Content-Type: application/json' --data-binary '{"points":[[3.14159,2.275]]}'
                "$base/v1/functions/branin/evaluate")
            ;;
        *) die "unknown mode $1" ;;
    esac
    start="$(now_us)"
    start_server "$port" "${server_env[@]}"
    wait_for_200 "$TIMEOUT_S" "${probe[@]}" || die "$1 run did not reach 200"
    end="$(now_us)"
    stop_server
    RUN_MS=$(((end - start + 500) / 1000))
}

# measure MODE LABEL: RUNS cold starts; prints a table row and sets MEDIAN_MS.
measure() {
    local runs=() i
    for ((i = 1; i <= RUNS; i++)); do
        run_once "$1"
        runs+=("$RUN_MS")
    done
    MEDIAN_MS="$(printf '%s\n' "${runs[@]}" | median)"
    printf '%-12s %-42s %10s   %s\n' "$1" "$2" "$MEDIAN_MS" "${runs[*]}"
}

publish_api
work="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-coldstart.XXXXXX")"
SERVER_LOG="$work/server.log"
trap 'stop_server; rm -rf "$work"' EXIT

log "$RUNS runs per mode; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '\nms from process start to the first 200\n'
printf '%-12s %-42s %10s   %s\n' "environment" "first 200 of" "median" "all runs"
measure production "GET /healthz/ready"
ready_ms="$MEDIAN_MS"
measure development "POST /v1/functions/branin/evaluate"

verdict="$(awk -v m="$ready_ms" -v g="$GOAL_MS" 'BEGIN { print (m < g ? "met" : "NOT met") }')"
printf '\nProduction ready median %s ms (goal < %s ms: %s)\n' "$ready_ms" "$GOAL_MS" "$verdict"
