#!/usr/bin/env bash
# Mixed load on a Release build over loopback, then a burst of heavy requests past the limiter.
#   Phase 1 (DURATION_S, default 60): one wrk per route at once — Branin evaluate, Sobol samples,
#   Kriging predict from a model document, a Kriging fit of 80 points, a small wave simulation.
#   Phase 2 (BURST_S, default 15): many connections on the heavy fit route, beside light evaluates.
# Prints per-route throughput, p50/p99 latency, responses by status, connection errors, and the
# process's RSS (peak, mean of the first and of the last 10 s). Goals: no 5xx, no connection errors,
# 429 only on heavy routes and only in the burst, RSS < 1 GiB and no growth over the run.
# Environment: DURATION_S [60]  BURST_S [15]  CONNECTIONS [4 per route]  BURST_CONNECTIONS [64]
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

DURATION_S="${DURATION_S:-60}"
BURST_S="${BURST_S:-15}"
CONNECTIONS="${CONNECTIONS:-4}"
BURST_CONNECTIONS="${BURST_CONNECTIONS:-64}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-load.XXXXXX")"
trap 'stop_server; [[ -n "${RSS_PID:-}" ]] && kill "$RSS_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
publish_api
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT"
start_server "$PORT" ASPNETCORE_ENVIRONMENT=Development Authentication__Mode=None Serilog__MinimumLevel__Default=Warning
wait_for_200 60 "$BASE/healthz/ready" || die "service did not start"

# Request bodies: 80 Sobol points of Branin, their values, a fitted model document.
curl -s -H 'Content-Type: application/json' -d '{"method":"sobol","count":80,"lowerBound":[-5,0],"upperBound":[10,15]}' \
    "$BASE/v1/samples" >"$WORK/samples.json"
python3 - "$WORK" <<'PY'
import json, math, sys
work = sys.argv[1]
points = json.load(open(f"{work}/samples.json"))["points"]
def branin(x1, x2):
    return (x2 - 5.1 / (4 * math.pi ** 2) * x1 ** 2 + 5 / math.pi * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10
fit = {"kind": "kriging", "points": points, "values": [branin(*p) for p in points],
       "lowerBound": [-5, 0], "upperBound": [10, 15]}
json.dump(fit, open(f"{work}/fit.json", "w"))
json.dump({"points": [[0.5, 2.5]]}, open(f"{work}/evaluate.json", "w"))
json.dump({"method": "sobol", "count": 80, "lowerBound": [-5, 0], "upperBound": [10, 15]}, open(f"{work}/sample.json", "w"))
json.dump({"nx": 64, "ny": 64, "steps": 200, "snapshotEvery": 50, "format": "npy"}, open(f"{work}/simulate.json", "w"))
PY
curl -s -H 'Content-Type: application/json' --data-binary "@$WORK/fit.json" "$BASE/v1/surrogates/fit" \
    | python3 -c 'import json,sys; m=json.load(sys.stdin)["model"]; json.dump({"model": m, "points": [[0.5, 2.5], [3, 4]], "includeStandardError": True}, sys.stdout)' \
    >"$WORK/predict.json"

# RSS every second into a file: elapsed-seconds rss-kB.
(
    t=0
    while kill -0 "$SERVER_PID" 2>/dev/null; do
        awk -v t="$t" '/VmRSS/ { print t, $2 }' "/proc/$SERVER_PID/status" 2>/dev/null || true
        sleep 1
        t=$((t + 1))
    done
) >"$WORK/rss.txt" &
RSS_PID=$!

run_route() { # name duration connections path [body]
    local name="$1" duration="$2" connections="$3" path="$4" body="${5:-}"
    wrk -t1 -c"$connections" -d"${duration}s" --timeout 60s -s "$BENCH_DIR/wrk/status.lua" "$BASE$path" ${body:+-- "$body"} \
        | sed -n "s/^RESULT /$name /p" >"$WORK/result.$name"
}

# The RSS sampler runs in the background too, so wait for the wrk runs by their pids only.
log "Phase 1: mixed load for ${DURATION_S}s"
pids=()
run_route evaluate "$DURATION_S" "$CONNECTIONS" /v1/functions/branin/evaluate "$WORK/evaluate.json" & pids+=($!)
run_route samples "$DURATION_S" "$CONNECTIONS" /v1/samples "$WORK/sample.json" & pids+=($!)
run_route predict "$DURATION_S" "$CONNECTIONS" /v1/surrogates/predict "$WORK/predict.json" & pids+=($!)
run_route fit "$DURATION_S" 2 /v1/surrogates/fit "$WORK/fit.json" & pids+=($!)
run_route simulate "$DURATION_S" 2 /v1/simulations/acoustic2d "$WORK/simulate.json" & pids+=($!)
wait "${pids[@]}"

log "Phase 2: burst of heavy fits with ${BURST_CONNECTIONS} connections for ${BURST_S}s"
pids=()
run_route burst-fit "$BURST_S" "$BURST_CONNECTIONS" /v1/surrogates/fit "$WORK/fit.json" & pids+=($!)
run_route burst-evaluate "$BURST_S" "$CONNECTIONS" /v1/functions/branin/evaluate "$WORK/evaluate.json" & pids+=($!)
wait "${pids[@]}"
sleep 1
kill "$RSS_PID" 2>/dev/null || true

printf '\n%-16s %10s %10s %10s %10s %7s  %s\n' route requests "req/s" "p50 ms" "p99 ms" errors "statuses"
for name in evaluate samples predict fit simulate burst-fit burst-evaluate; do
    awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
           printf "%-16s %10s %10s %10s %10s %7s  %s\n", $1, v["requests"], v["rps"], v["p50_ms"], v["p99_ms"], v["errors"], v["statuses"] }' \
        "$WORK/result.$name"
done

awk -v duration="$DURATION_S" '
    { rss[$1] = $2; if ($2 > peak) peak = $2; last = $1 }
    END {
        for (t = 0; t < 10; t++) if (t in rss) { first += rss[t]; nf++ }
        for (t = duration - 10; t < duration; t++) if (t in rss) { end += rss[t]; ne++ }
        printf "\nRSS: peak %.0f MiB, mean of the first 10 s %.0f MiB, of the last 10 s of phase 1 %.0f MiB, final %.0f MiB\n",
            peak / 1024, first / nf / 1024, end / ne / 1024, rss[last] / 1024
    }' "$WORK/rss.txt"

fivexx="$(cat "$WORK"/result.* | grep -oE '5[0-9]{2}:[0-9]+' || true)"
errors="$(cat "$WORK"/result.* | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^errors=/) { split($i, kv, "="); s += kv[2] } } END { print s + 0 }')"
light429="$(grep -hE '^(evaluate|samples|predict|burst-evaluate) ' "$WORK"/result.* | grep -c '429:' || true)"
printf 'Goals: 5xx [%s], connection errors %s, 429 on light routes: %s\n' "${fivexx:-none}" "$errors" "$light429"
