#!/usr/bin/env bash
# Fair sharing of heavy work between callers, on a Release build over loopback (authentication off,
# so callers are told apart by their address: caller A connects from 127.0.0.2, caller B from 127.0.0.3).
#   Idle:   B alone sends REQUESTS heavy requests one after another (a Kriging fit of 80 Branin points
#           with maximum-likelihood θ); their median latency is the reference, measured in the same run.
#   Flood:  A keeps FLOOD heavy requests in flight without pause (each of its FLOOD workers sends the next
#           as soon as the last is answered, 429s included) while B sends REQUESTS heavy requests as above.
# Prints B's statuses and median latency under the flood against idle, and A's answers by status and its
# completed fits per second (its share). Goals: B gets no 429, B's median under the flood ≤ 2× idle,
# A completes fits throughout.
# Environment: REQUESTS [20]  FLOOD [16]  plus lib.sh's PUBLISH_DIR, SKIP_PUBLISH, PUBLISH_ARGS
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

REQUESTS="${REQUESTS:-20}"
FLOOD="${FLOOD:-16}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/surrogateservice-fairness.XXXXXX")"
trap 'stop_server; rm -rf "$WORK"' EXIT

publish_api
PORT="$(free_port)"
start_server "$PORT" ASPNETCORE_ENVIRONMENT=Development Authentication__Mode=None Serilog__MinimumLevel__Default=Warning
wait_for_200 60 "http://127.0.0.1:$PORT/healthz/ready" || die "service did not start"
log "load before: $(uptime)"

/usr/bin/python3 - "$PORT" "$REQUESTS" "$FLOOD" <<'PY'
import http.client, json, math, statistics, sys, threading, time

port, requests, flood = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
CALLER_A, CALLER_B = "127.0.0.2", "127.0.0.3"

def post(source, path, body):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600, source_address=(source, 0))
    try:
        started = time.perf_counter()
        connection.request("POST", path, body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        answer = response.read()
        return response.status, time.perf_counter() - started, answer
    finally:
        connection.close()

status, _, answer = post(CALLER_B, "/v1/samples", json.dumps(
    {"method": "sobol", "count": 80, "lowerBound": [-5, 0], "upperBound": [10, 15]}))
points = json.loads(answer)["points"]
def branin(x1, x2):
    return (x2 - 5.1 / (4 * math.pi ** 2) * x1 ** 2 + 5 / math.pi * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10
fit = json.dumps({"kind": "kriging", "points": points, "values": [branin(*p) for p in points],
                  "lowerBound": [-5, 0], "upperBound": [10, 15]})

def caller_b():
    results = [post(CALLER_B, "/v1/surrogates/fit", fit)[:2] for _ in range(requests)]
    return [s for s, _ in results], [t for _, t in results]

for _ in range(3):  # warm-up: JIT and the first fits
    post(CALLER_B, "/v1/surrogates/fit", fit)

idle_status, idle_times = caller_b()

stop = threading.Event()
a_answers, a_lock = {}, threading.Lock()
def caller_a():
    while not stop.is_set():
        status, _, _ = post(CALLER_A, "/v1/surrogates/fit", fit)
        with a_lock:
            a_answers[status] = a_answers.get(status, 0) + 1
workers = [threading.Thread(target=caller_a, daemon=True) for _ in range(flood)]
for worker in workers:
    worker.start()
time.sleep(1.0)  # let A's flood fill the slots and the queue before B starts
with a_lock:
    a_answers.clear()
flood_started = time.perf_counter()
flood_status, flood_times = caller_b()
flood_seconds = time.perf_counter() - flood_started
with a_lock:
    a_during = dict(a_answers)
stop.set()
for worker in workers:
    worker.join()

def count(statuses, code):
    return sum(1 for s in statuses if s == code)
idle_median, flood_median = statistics.median(idle_times), statistics.median(flood_times)
print(f"heavy request: Kriging fit, 80 Branin points, maximum-likelihood theta; {requests} requests of B per phase; A: {flood} in flight")
print(f"B idle:        {count(idle_status, 200)}x200 {count(idle_status, 429)}x429  median {idle_median * 1000:.1f} ms")
print(f"B under flood: {count(flood_status, 200)}x200 {count(flood_status, 429)}x429  median {flood_median * 1000:.1f} ms  ratio {flood_median / idle_median:.2f} (goal <= 2)")
print(f"A during B's {flood_seconds:.1f} s: " + ", ".join(f"{n}x{s}" for s, n in sorted(a_during.items()))
      + f"; {a_during.get(200, 0) / flood_seconds:.2f} fits/s against B's {count(flood_status, 200) / flood_seconds:.2f}")
ok = count(flood_status, 429) == 0 and count(flood_status, 200) == requests and flood_median <= 2 * idle_median and a_during.get(200, 0) > 0
print("goals met" if ok else "goals NOT met")
PY
log "load after: $(uptime)"
