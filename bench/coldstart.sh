#!/usr/bin/env bash
# Cold start of the published service: milliseconds from launching `dotnet SurrogateService.Api.dll`
# to the first HTTP 200, polled about every 5 ms with curl on a loopback port.
#   - Production (Azure AD configured with fake tenant and client ids): first 200 of /healthz/ready,
#     what a Container Apps readiness probe waits for. Goal: under 1 s.
#   - Development (Authentication:Mode=None): first 200 of POST /v1/functions/branin/evaluate,
#     which adds the JIT and JSON work of the first real request.
#   - The first heavy request: after /healthz/ready answers 200 (Development), a Kriging fit of 100
#     points with maximum-likelihood theta, timed by curl, then FITS more of the same: the first fit
#     against the median of the others (cold/warm, goal <= 3), beside that process's time to ready.
# Each run is a new process; the disk cache stays warm after the first run, so run 1 may be slower.
# The resolution is a few ms: one curl call's own cost plus the 5 ms pause.
#
# Environment (defaults in brackets): RUNS [5]  TIMEOUT_S [30]  FITS [5]
#   RUNTIME_ENV [] runtime settings added to the service's environment, e.g. "DOTNET_TieredPGO=0"
#   PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS (lib.sh); the Dockerfile publishes with
#   PUBLISH_ARGS="-r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:InvariantGlobalization=true -p:UseAppHost=false"
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

RUNS="${RUNS:-5}"
TIMEOUT_S="${TIMEOUT_S:-30}"
FITS="${FITS:-5}"
read -r -a RUNTIME_ENV <<<"${RUNTIME_ENV:-}"
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
    start_server "$port" "${server_env[@]}" "${RUNTIME_ENV[@]}"
    wait_for_200 "$TIMEOUT_S" "${probe[@]}" || die "$1 run did not reach 200"
    end="$(now_us)"
    stop_server
    RUN_MS=$(((end - start + 500) / 1000))
}

# fit_once: one process; sets READY_MS (start to the first 200 of /healthz/ready), COLD_MS (the first
# Kriging fit) and WARM_MS (the median of the next FITS fits).
fit_once() {
    local port base start i warm=()
    port="$(free_port)"
    base="http://127.0.0.1:$port"
    start="$(now_us)"
    start_server "$port" ASPNETCORE_ENVIRONMENT=Development Authentication__Mode=None "${RUNTIME_ENV[@]}"
    wait_for_200 "$TIMEOUT_S" "$base/healthz/ready" || die "the fit run did not become ready"
    READY_MS=$((($(now_us) - start + 500) / 1000))
    COLD_MS="$(fit_ms "$base")"
    for ((i = 1; i <= FITS; i++)); do
        warm+=("$(fit_ms "$base")")
    done
    stop_server
    WARM_MS="$(printf '%s\n' "${warm[@]}" | median)"
}

# fit_ms BASE: milliseconds of one Kriging fit of the 100 points in $work/fit.json (fails on non-200).
fit_ms() {
    curl -s -o /dev/null --fail -w '%{time_total}' -H 'Content-Type: application/json' \
        --data-binary "@$work/fit.json" "$1/v1/surrogates/fit" | awk '{ printf "%.1f\n", $1 * 1000 }'
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

# 100 points of Branin in its box (a fixed pseudo-random design) for the first heavy request.
/usr/bin/python3 - "$work/fit.json" <<'PY'
import json, math, random, sys
rng = random.Random(1)
points = [[rng.uniform(-5, 10), rng.uniform(0, 15)] for _ in range(100)]
def branin(x1, x2):
    return (x2 - 5.1 / (4 * math.pi ** 2) * x1 ** 2 + 5 / math.pi * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10
json.dump({"kind": "kriging", "points": points, "values": [branin(*p) for p in points],
           "lowerBound": [-5, 0], "upperBound": [10, 15]}, open(sys.argv[1], "w"))
PY
printf '\nthe first heavy request: Kriging fit of 100 points (Development), ms\n'
printf '%-6s %10s %10s %10s %10s\n' "run" "ready" "first fit" "warm fit" "cold/warm"
readies=()
ratios=()
for ((run = 1; run <= RUNS; run++)); do
    fit_once
    ratio="$(awk -v c="$COLD_MS" -v w="$WARM_MS" 'BEGIN { printf "%.1f", c / w }')"
    printf '%-6s %10s %10s %10s %10s\n' "$run" "$READY_MS" "$COLD_MS" "$WARM_MS" "$ratio"
    readies+=("$READY_MS")
    ratios+=("$ratio")
done
printf 'median ready %s ms, median cold/warm %s (goal <= 3)\n' \
    "$(printf '%s\n' "${readies[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | median)"
