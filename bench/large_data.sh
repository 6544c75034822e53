#!/usr/bin/env bash
# Large data (issue 20): nearest-neighbour Kriging on 10^5 borehole points over HTTP beside
# scikit-learn's exact GPR on 1 000 of them and our exact Kriging on 2 000, in one run; the
# fit-time curve; the machine load before and after (the CPUs may be shared).
# Goals: fit + 10 000 predictions faster than scikit-learn on 1 000; RMSE <= 1/5 of scikit-learn's
# and <= 1/2 of our exact fit's; 90-99 % coverage; fit time 10^5 / 10^4 <= 15.
# CASE=noisy: a noisy 4-D function on 10^5 and then N_LARGE (default 10^6) points sent as .npy parts,
# with the server's peak resident memory; goals: within the heavy timeout, under 4 GiB, RMSE lower on more points.
# Every run of ours reports the server's CPU seconds (serverCpuSeconds) and the load at its end.
# Environment: TREND [auto] (the nearest-neighbour fits' trend option), PEERS [1] (0 leaves out scikit-learn and our exact fit, for a
# run that measures only ours), CURVE [1] (0 leaves out the fit-time curve), ASYNC_FIT [0] (1: fits as jobs, polled), PREDICT_CHUNK [10000] (points per predict request), PYTHON [/usr/bin/python3] (python3-sklearn, python3-requests are apt-installed when
# missing), CASE [borehole], N_LARGE [100000; noisy: 1000000], TIMEOUT_SECONDS [the service's], PORT [a free one], and lib.sh's PUBLISH_DIR / SKIP_PUBLISH.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
PYTHON="${PYTHON:-/usr/bin/python3}"

ensure_python_modules "$PYTHON" "import sklearn, requests" python3-sklearn python3-requests || die "python3-sklearn and python3-requests are needed"

publish_api
port="${PORT:-$(free_port)}"
trap stop_server EXIT
# The timeouts are raised only when asked (TIMEOUT_SECONDS, at most 230): on a machine shared by others the fit can pass them.
start_server "$port" ASPNETCORE_ENVIRONMENT=Development ${TIMEOUT_SECONDS:+Limits__HeavyRequestTimeoutSeconds=$TIMEOUT_SECONDS Limits__LightRequestTimeoutSeconds=$TIMEOUT_SECONDS}
# A loaded machine (load 80) took more than a minute to start the service.
wait_for_200 180 "http://127.0.0.1:$port/healthz/ready"
log "load before: $(uptime)"
case="${CASE:-borehole}"
if [[ "$case" == noisy ]]; then
    "$PYTHON" "$BENCH_DIR/peers/large_data.py" "http://127.0.0.1:$port" "${N_LARGE:-1000000}" noisy "$SERVER_PID"
else
    "$PYTHON" "$BENCH_DIR/peers/large_data.py" "http://127.0.0.1:$port" "${N_LARGE:-100000}" borehole "$SERVER_PID"
fi
log "load after: $(uptime)"
