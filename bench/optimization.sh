#!/usr/bin/env bash
# Surrogate optimisation quality and suggest latency (issue 5's goals):
#   1. quality tables over SEEDS seeds, each beside random search with the same budget and seeds:
#      Branin ei (≤ 40 evaluations), srbf and dycors (≤ 100), Hartmann-6 ei (within 2 % of
#      −3.32237, ≤ 150); printed by the SurrogateService.OptimizationBench console runner;
#   1b. issue 13's constrained goal over SEEDS seeds: Gramacy et al.'s toy problem, ei with
#      constraints from 10 start points to 40 evaluations, best feasible within 1 % of 0.5998 in
#      ≥ 8 of 10 seeds; Optuna 3.1's TPE with its constraints function (Debian's python3-optuna,
#      installed with apt-get when missing) on the same seeds beside it; and Branin observed with
#      noise σ = 1, ei, 60 evaluations: the true value of the recommended point ≤ 0.45 in ≥ 8 of
#      10 seeds, Optuna TPE's recommendation beside it; and mixedBranin (Cat-Suite's Cat-3: two
#      categories, two integers, two continuous inputs), ei, 10 start points, 60 evaluations: median
#      best below Optuna TPE's on the same seeds and budget;
#   1c. issue 13's multi-objective goal over SEEDS seeds: ZDT1 (6-D) and Branin–Currin, 80
#      evaluations, the median hypervolume (same reference point, the literature's, for all) of ehvi
#      and parego beside Optuna 3.1's NSGA-II and multi-objective TPE; goal: above both;
#   2. POST /v1/optimization/suggest latency for 100 known points of Hartmann-6 (6-D), batch 1,
#      per strategy: the first call (no state: ei and lcb search the Kriging likelihood in full),
#      a next call with the returned state (θ kept), and for ei and lcb a call whose state asks
#      for a new likelihood search from θ. Goal: under 100 ms. Then ehvi and parego with 100 known
#      points of ZDT1 (6-D), 2 objectives, batch 1, the same calls. Goal: under 300 ms.
#
# The service runs from a Release publish in Development with Authentication:Mode=None and Serilog
# at Warning; curl runs on the same machine. Development machines are shared: the load average is
# printed with the results.
#
# Environment (defaults in brackets):
#   SEEDS [10]  REQUESTS [15] (timed requests per body)  POINTS [100]  SKIP_QUALITY [0]
#   SKIP_CONSTRAINED [0]  SKIP_MULTIOBJECTIVE [0]  SKIP_LATENCY [0]  PYTHON [/usr/bin/python3] (the Optuna peer's interpreter)
#   PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS: see lib.sh
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

SEEDS="${SEEDS:-10}"
REQUESTS="${REQUESTS:-15}"
POINTS="${POINTS:-100}"
RUNNER_PROJECT="$REPO_ROOT/bench/SurrogateService.OptimizationBench"
PYTHON="${PYTHON:-/usr/bin/python3}"

# Succeeds when PYTHON can import Optuna, installing Debian's python3-optuna if needed.
ensure_optuna() {
    "$PYTHON" -c 'import optuna' 2>/dev/null && return 0
    command -v apt-get >/dev/null || { log "No Optuna for $PYTHON and no apt-get to install it."; return 1; }
    log "Installing python3-optuna ..."
    { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-optuna >/dev/null; } || return 1
    "$PYTHON" -c 'import optuna' 2>/dev/null
}

work="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-optimization.XXXXXX")"
SERVER_LOG="$work/server.log"
trap 'stop_server; rm -rf "$work"' EXIT

log "Building the optimisation runner (Release) ..."
dotnet build "$RUNNER_PROJECT" -c Release --nologo -v quiet -o "$work/runner" >&2
runner() { dotnet "$work/runner/SurrogateService.OptimizationBench.dll" "$@"; }

if [[ "${SKIP_QUALITY:-0}" != 1 ]]; then
    echo "## Quality over $SEEDS seeds"
    runner quality "$SEEDS"
    echo
fi

if [[ "${SKIP_CONSTRAINED:-0}" != 1 ]]; then
    ensure_optuna || die "the constrained table needs Optuna (python3-optuna) for $PYTHON"
    echo "## Constrained quality over $SEEDS seeds"
    echo
    "$PYTHON" "$BENCH_DIR/peers/optuna_constrained.py" "$SEEDS" >"$work/optuna-constrained.txt"
    runner constrained "$SEEDS" "$work/optuna-constrained.txt"
    echo
    echo "## Noisy quality over $SEEDS seeds"
    echo
    "$PYTHON" "$BENCH_DIR/peers/optuna_noisy.py" "$SEEDS" >"$work/optuna-noisy.txt"
    runner noisy "$SEEDS" "$work/optuna-noisy.txt"
    echo
    echo "## Mixed-variable quality over $SEEDS seeds"
    echo
    "$PYTHON" "$BENCH_DIR/peers/optuna_mixed.py" "$SEEDS" >"$work/optuna-mixed.txt"
    runner mixed "$SEEDS" "$work/optuna-mixed.txt"
    echo
fi

if [[ "${SKIP_MULTIOBJECTIVE:-0}" != 1 ]]; then
    ensure_optuna || die "the multi-objective table needs Optuna (python3-optuna) for $PYTHON"
    echo "## Multi-objective quality over $SEEDS seeds"
    echo
    echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    "$PYTHON" "$BENCH_DIR/peers/optuna_multiobjective.py" "$SEEDS" >"$work/optuna-multiobjective.txt"
    runner multiobjective "$SEEDS" "$work/optuna-multiobjective.txt"
    echo
fi

[[ "${SKIP_LATENCY:-0}" == 1 ]] && exit 0
publish_api
runner bodies "$work/bodies" "$POINTS"
port="$(free_port)"
base="http://127.0.0.1:$port"
start_server "$port" ASPNETCORE_ENVIRONMENT=Development Authentication__Mode=None \
    Serilog__MinimumLevel__Default=Warning
wait_for_200 30 "$base/healthz/ready" || die "the service did not become ready"

# time_ms BODY: one POST, its total time in ms; fails unless the answer is 200.
time_ms() {
    local out code seconds
    out="$(curl -s -o "$work/response.json" -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
        --data-binary "@$1" "$base/v1/optimization/suggest")"
    read -r code seconds <<<"$out"
    [[ "$code" == 200 ]] || die "suggest with $(basename "$1") answered $code: $(head -c 400 "$work/response.json")"
    awk -v s="$seconds" 'BEGIN { printf "%.1f\n", s * 1000 }'
}

# latency_rows GOAL_MS STRATEGY...: one table row per strategy and call.
# The service's CPU time (user + system) in ms, from /proc: per request it is what a suggestion
# costs, whatever else the shared machine runs (the wall-clock columns are not).
cpu_ms() { awk -v tick="$(getconf CLK_TCK)" '{ printf "%.0f\n", ($14 + $15) * 1000 / tick }' "/proc/$SERVER_PID/stat"; }

latency_rows() {
    local goal="$1" strategy call body times med cpu_before cpu
    shift
    for strategy in "$@"; do
        for call in first next refit; do
            body="$work/bodies/$strategy-$call.json"
            [[ -f "$body" ]] || continue
            time_ms "$body" >/dev/null # warm-up: JIT and first-request costs are not the steady state
            cpu_before="$(cpu_ms)"
            times="$(for _ in $(seq 1 "$REQUESTS"); do time_ms "$body"; done)"
            cpu="$(awk -v a="$cpu_before" -v b="$(cpu_ms)" -v n="$REQUESTS" 'BEGIN { printf "%.1f", (b - a) / n }')"
            med="$(median <<<"$times")"
            printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$strategy" "$call" "$med" \
                "$(sort -n <<<"$times" | head -n1)" "$(sort -n <<<"$times" | tail -n1)" "$cpu" \
                "$(awk -v m="$med" -v g="$goal" 'BEGIN { print (m < g ? "met" : "not met") }')"
        done
    done
}

echo "## Suggest latency: $POINTS known points, 6-D (Hartmann-6), batch 1, $REQUESTS requests per row"
echo
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| strategy | call | median ms | min ms | max ms | service CPU ms per request | goal < 100 ms |"
echo "|---|---|---:|---:|---:|---:|---|"
latency_rows 100 ei lcb srbf dycors ei-noisy
echo
echo "## Suggest latency, two objectives: $POINTS known points of ZDT1 (6-D), batch 1, $REQUESTS requests per row"
echo
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| strategy | call | median ms | min ms | max ms | service CPU ms per request | goal < 300 ms |"
echo "|---|---|---:|---:|---:|---:|---|"
latency_rows 300 ehvi parego
