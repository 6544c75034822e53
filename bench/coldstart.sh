#!/usr/bin/env bash
# Cold start of the published service: milliseconds from launching `dotnet SurrogateService.Api.dll`
# to the first HTTP 200, polled about every 5 ms with curl on a loopback port.
#   - Production (Azure AD configured with fake tenant and client ids): first 200 of /healthz/ready,
#     what a Container Apps readiness probe waits for. Goal: under 1 s.
#   - Development (Authentication:Mode=None): first 200 of POST /v1/functions/branin/evaluate,
#     which adds the JIT and JSON work of the first real request.
#   - The first heavy request, for each publish and runtime setting in SETTINGS: after /healthz/ready
#     answers 200 (Development), a Kriging fit of 100 points with maximum-likelihood theta, timed by curl,
#     then FITS more of the same: the first fit against the median of the others (cold/warm, goal <= 3),
#     beside that process's time to ready (goal: at most 20 % more than without the warm-up) and the CPU
#     time it had used by then (from /proc; less sensitive than the wall time to what else runs). Each run
#     starts one process per setting in turn, so that a drift in the machine's load falls on all of them
#     alike, and prints each run's time to ready relative to the first setting's.
# Each run is a new process; the disk cache stays warm after the first run, so run 1 may be slower.
# The resolution is a few ms: one curl call's own cost plus the 5 ms pause.
#
# Environment (defaults in brackets): RUNS [5]  TIMEOUT_S [30]  FITS [5]  PORT [a free one each run]
#   PROBES [1] 0 skips the first-200 tables
#   SETTINGS [all] space-separated names from the settings table below (e.g. "jit r2r r2r+warmup")
#   RUNTIME_ENV [] runtime settings added to every run, e.g. "DOTNET_TieredPGO=0"
#   PUBLISH_DIR (a folder per publish variant is made under it), SKIP_PUBLISH (lib.sh)
# The R2R publishes need the runtime packs and Microsoft.NETCore.App.Crossgen2.linux-x64, which
# `dotnet publish -r linux-x64` restores from NuGet at the SDK's own version.
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
    port="${PORT:-$(free_port)}"
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

# cpu_ms PID: the CPU time (user + system, all threads) the process has used so far, in ms, from
# /proc/PID/stat (fields 14 and 15, in clock ticks; the command name in field 2 has no spaces here).
cpu_ms() {
    local fields
    read -r -a fields <"/proc/$1/stat"
    printf '%s\n' $(((fields[13] + fields[14]) * 1000 / $(getconf CLK_TCK)))
}

# fit_once: one process; sets READY_MS (start to the first 200 of /healthz/ready), READY_CPU_MS (the
# process's CPU time then: less sensitive to the load of others than the wall time), COLD_MS (the first
# Kriging fit) and WARM_MS (the median of the next FITS fits).
fit_once() {
    local port base start i warm=()
    port="${PORT:-$(free_port)}"
    base="http://127.0.0.1:$port"
    start="$(now_us)"
    start_server "$port" ASPNETCORE_ENVIRONMENT=Development Authentication__Mode=None "${RUNTIME_ENV[@]}" "${SETTING_ENV[@]}"
    wait_for_200 "$TIMEOUT_S" "$base/healthz/ready" || die "the fit run did not become ready"
    READY_MS=$((($(now_us) - start + 500) / 1000))
    READY_CPU_MS="$(cpu_ms "$SERVER_PID")"
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

# The settings: name, publish variant, runtime environment. The Dockerfile publishes the r2r variant and
# runs with the warm-up on (Hosting:WarmUpSeconds defaults to 10).
DOCKERFILE_ARGS="-r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:InvariantGlobalization=true -p:UseAppHost=false"
declare -A VARIANT_ARGS=(
    [jit]=""
    [r2r]="$DOCKERFILE_ARGS"
    [composite]="$DOCKERFILE_ARGS -p:PublishReadyToRunComposite=true"
)
SETTING_NAMES=(jit jit+warmup r2r r2r+warmup r2r+nopgo r2r+notiering r2r+warmup+nopgo composite composite+warmup)
declare -A SETTING_VARIANT=(
    [jit]=jit [jit+warmup]=jit [r2r]=r2r [r2r+warmup]=r2r [r2r+nopgo]=r2r [r2r+notiering]=r2r
    [r2r+warmup+nopgo]=r2r [composite]=composite [composite+warmup]=composite
)
declare -A SETTING_RUNTIME=(
    [jit]="Hosting__WarmUpSeconds=0" [jit+warmup]=""
    [r2r]="Hosting__WarmUpSeconds=0" [r2r+warmup]=""
    [r2r+nopgo]="Hosting__WarmUpSeconds=0 DOTNET_TieredPGO=0"
    [r2r+notiering]="Hosting__WarmUpSeconds=0 DOTNET_TieredCompilation=0"
    [r2r+warmup+nopgo]="DOTNET_TieredPGO=0"
    [composite]="Hosting__WarmUpSeconds=0" [composite+warmup]=""
)
read -r -a SETTINGS <<<"${SETTINGS:-${SETTING_NAMES[*]}}"
BASE_DIR="${PUBLISH_DIR%/}"

# use_variant NAME: publishes (or reuses) that variant and points lib.sh's PUBLISH_DIR at it.
use_variant() {
    PUBLISH_DIR="$BASE_DIR-$1"
    # crossgen2's images stay in obj/.../R2R between publishes and are reused where their inputs did not
    # change: after a composite publish, a plain ReadyToRun one kept the dependencies' composite stubs
    # without the composite image and the runtime aborted at start (SIGABRT, no output). Start clean.
    # A fresh clone has no obj folder yet, and find would fail on it.
    local obj="$REPO_ROOT/src/SurrogateService.Api/obj"
    [[ "${SKIP_PUBLISH:-0}" == 1 || ! -d "$obj" ]] || find "$obj" -type d -name R2R -prune -exec rm -rf {} +
    PUBLISH_ARGS="${VARIANT_ARGS[$1]}" publish_api
}

work="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-coldstart.XXXXXX")"
SERVER_LOG="$work/server.log"
SETTING_ENV=()
trap 'stop_server; rm -rf "$work"' EXIT

log "$RUNS runs per mode; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "${PROBES:-1}" == 1 ]]; then
    use_variant r2r
    printf '\nms from process start to the first 200 (the Dockerfile publish, warm-up on)\n'
    printf '%-12s %-42s %10s   %s\n' "environment" "first 200 of" "median" "all runs"
    measure production "GET /healthz/ready"
    ready_ms="$MEDIAN_MS"
    measure development "POST /v1/functions/branin/evaluate"

    verdict="$(awk -v m="$ready_ms" -v g="$GOAL_MS" 'BEGIN { print (m < g ? "met" : "NOT met") }')"
    printf '\nProduction ready median %s ms (goal < %s ms: %s)\n' "$ready_ms" "$GOAL_MS" "$verdict"
fi

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
printf '\nthe first heavy request: Kriging fit of 100 points (Development), medians over %s runs, ms; load average %s\n' \
    "$RUNS" "$(cut -d' ' -f1-3 /proc/loadavg)"
# Every variant is published first; then each run starts one process per setting in turn, so the settings
# of a run see about the same load (drift in the load of others cancels in their ratios).
for setting in "${SETTINGS[@]}"; do
    [[ -n "${SETTING_VARIANT[$setting]:-}" ]] || die "unknown setting $setting (known: ${SETTING_NAMES[*]})"
done
declare -A published=()
for setting in "${SETTINGS[@]}"; do
    variant="${SETTING_VARIANT[$setting]}"
    [[ -n "${published[$variant]:-}" ]] || { use_variant "$variant"; published[$variant]=1; }
done
declare -A readies=() cpus=() colds=() warms=() ratios=() versus=()
for ((run = 1; run <= RUNS; run++)); do
    for setting in "${SETTINGS[@]}"; do
        PUBLISH_DIR="$BASE_DIR-${SETTING_VARIANT[$setting]}"
        read -r -a SETTING_ENV <<<"${SETTING_RUNTIME[$setting]}"
        fit_once
        readies[$setting]+="$READY_MS "
        cpus[$setting]+="$READY_CPU_MS "
        colds[$setting]+="$COLD_MS "
        warms[$setting]+="$WARM_MS "
        ratios[$setting]+="$(awk -v c="$COLD_MS" -v w="$WARM_MS" 'BEGIN { printf "%.1f", c / w }') "
        [[ "$setting" == "${SETTINGS[0]}" ]] && first_ready="$READY_MS"
        versus[$setting]+="$(awk -v r="$READY_MS" -v f="$first_ready" 'BEGIN { printf "%.2f", r / f }') "
    done
    log "run $run of $RUNS done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
# median_of "V1 V2 ...": the median of a space-separated list.
median_of() { tr ' ' '\n' <<<"$1" | grep . | median; }
printf '%-18s %8s %8s %10s %9s %10s   %-26s %s\n' "setting" "ready" "CPU" "first fit" "warm fit" "cold/warm" \
    "cold/warm of each run" "ready / ready of ${SETTINGS[0]}, each run"
for setting in "${SETTINGS[@]}"; do
    printf '%-18s %8s %8s %10s %9s %10s   %-26s %s\n' "$setting" "$(median_of "${readies[$setting]}")" \
        "$(median_of "${cpus[$setting]}")" "$(median_of "${colds[$setting]}")" "$(median_of "${warms[$setting]}")" \
        "$(median_of "${ratios[$setting]}")" "${ratios[$setting]}" "${versus[$setting]}"
done
printf 'ready: ms to the first 200 of /healthz/ready; CPU: ms of CPU the process used by then\n'
printf 'goal: cold/warm <= 3, and ready with the warm-up at most 1.2 x ready without it\n'
