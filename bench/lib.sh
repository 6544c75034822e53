# shellcheck shell=bash
# Shared helpers of the bench scripts (sourced, not run): publish the API in Release, pick a
# free loopback port, start and stop the published service (one or several, kept by port), time in
# microseconds.
#
# Environment:
#   PUBLISH_DIR   where the Release publish goes (default: a folder under $TMPDIR or /tmp)
#   SKIP_PUBLISH  1 = reuse what PUBLISH_DIR already holds
#   PUBLISH_ARGS  extra `dotnet publish` arguments, e.g. "-r linux-x64 -p:PublishReadyToRun=true"
#                 (give such a variant its own PUBLISH_DIR)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PUBLISH_DIR="${PUBLISH_DIR:-${TMPDIR:-/tmp}/surrogateservice-bench/publish}"
API_DLL="SurrogateService.Api.dll"
SERVER_PID=""
SERVER_LOG=""

log() { printf '%s\n' "$*" >&2; }

die() { log "error: $*"; exit 1; }

# Wall-clock time in microseconds; bash 5's EPOCHREALTIME needs no fork, which keeps polling tight.
now_us() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        printf '%s\n' "${EPOCHREALTIME//[.,]/}"
    else
        printf '%s\n' "$(( $(date +%s%N) / 1000 ))"
    fi
}

# ensure_python_modules PYTHON "import a, b" DEBIAN_PACKAGE...: succeeds when PYTHON can run the
# import line, installing the Debian packages with apt-get first if it cannot.
ensure_python_modules() {
    local python="$1" imports="$2"
    shift 2
    "$python" -c "$imports" 2>/dev/null && return 0
    if ! command -v apt-get >/dev/null; then
        log "$python cannot '$imports' and there is no apt-get to install $*."
        return 1
    fi
    log "Installing $* ..."
    if ! { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }; then
        log "Installing them failed."
        return 1
    fi
    "$python" -c "$imports" 2>/dev/null
}

publish_api() {
    if [[ "${SKIP_PUBLISH:-0}" == 1 && -f "$PUBLISH_DIR/$API_DLL" ]]; then
        log "Reusing the publish in $PUBLISH_DIR"
        return
    fi
    log "Publishing SurrogateService.Api (Release) to $PUBLISH_DIR ..."
    mkdir -p "$PUBLISH_DIR"
    # shellcheck disable=SC2086 # PUBLISH_ARGS is a list of words
    dotnet publish "$REPO_ROOT/src/SurrogateService.Api" -c Release -o "$PUBLISH_DIR" --nologo -v quiet \
        ${PUBLISH_ARGS:-} >&2
}

# A port nothing listens on at 127.0.0.1 right now (a connect attempt is refused), below the kernel's
# ephemeral range: a port that is the local end of some outbound connection refuses connects too, yet a
# server cannot bind it (a cold-start run failed so). 10000 up to that range's start.
free_port() {
    local port attempt ephemeral_low=32768
    [[ -r /proc/sys/net/ipv4/ip_local_port_range ]] && read -r ephemeral_low _ </proc/sys/net/ipv4/ip_local_port_range
    for attempt in $(seq 1 100); do
        port=$((10000 + RANDOM % (ephemeral_low - 10000)))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    die "no free loopback port found after $attempt attempts"
}

# Servers are kept by port, so a script can run several (replicas, a baseline beside today's service):
# SERVER_PIDS[PORT] and SERVER_LOGS[PORT]. SERVER_PID, SERVER_LOG and SERVER_PORT name the last one
# started, so that a script with one server need not say which.
declare -A SERVER_PIDS=() SERVER_LOGS=()
SERVER_PORT=""

# stop_pid PID: SIGTERM to a process this shell started (if it still runs), then wait for it to end.
stop_pid() {
    local pid="$1"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# start_server PORT [NAME=VALUE ...]: starts the published service (PUBLISH_DIR) on 127.0.0.1:PORT with
# the given environment. The working directory is the publish folder because ASP.NET Core finds
# appsettings*.json in its content root, the current directory. The log is SERVER_LOG_DIR/server-PORT.log
# when SERVER_LOG_DIR is set, else SERVER_LOG (one server), else a temporary file; a restart on the same
# port appends to the same log.
start_server() {
    local port="$1" server_log
    shift
    server_log="${SERVER_LOGS[$port]:-}"
    if [[ -z "$server_log" && -n "${SERVER_LOG_DIR:-}" ]]; then
        server_log="$SERVER_LOG_DIR/server-$port.log"
    elif [[ -z "$server_log" ]]; then
        server_log="${SERVER_LOG:-$(mktemp "${TMPDIR:-/tmp}/surrogateservice-bench-server.XXXXXX")}"
    fi
    (
        cd "$PUBLISH_DIR" || exit 1
        exec env "$@" dotnet "$API_DLL" --urls "http://127.0.0.1:$port"
    ) >>"$server_log" 2>&1 &
    SERVER_PIDS[$port]=$!
    SERVER_LOGS[$port]="$server_log"
    SERVER_PID=$!
    SERVER_LOG="$server_log"
    SERVER_PORT="$port"
}

# start_development_service: publishes the service, starts it in Development on PORT (a free port when unset), to be
# stopped on exit, and waits until it is ready; sets port.
start_development_service() {
    publish_api
    port="${PORT:-$(free_port)}"
    trap stop_server EXIT
    start_server "$port" ASPNETCORE_ENVIRONMENT=Development
    wait_for_200 60 "http://127.0.0.1:$port/healthz/ready"
}

# stop_server [PORT]: stops the server on PORT, or without one every server started (for an EXIT trap).
stop_server() {
    local port
    if [[ $# -eq 0 ]]; then
        for port in "${!SERVER_PIDS[@]}"; do stop_server "$port"; done
        return 0
    fi
    port="$1"
    stop_pid "${SERVER_PIDS[$port]:-}"
    unset "SERVER_PIDS[$port]"
    if [[ "$port" == "$SERVER_PORT" ]]; then SERVER_PID=""; fi
}

# wait_for_200 TIMEOUT_S CURL_ARGS...: wait_for_200_from the last server started.
wait_for_200() { wait_for_200_from "$SERVER_PORT" "$@"; }

# wait_for_200_from PORT TIMEOUT_S CURL_ARGS...: polls about every 5 ms until curl sees HTTP 200; fails if
# the server on PORT dies (printing the end of its log) or the timeout passes.
wait_for_200_from() {
    local port="$1" timeout_us=$(($2 * 1000000))
    shift 2
    local start code pid="${SERVER_PIDS[$port]:-}"
    start="$(now_us)"
    while :; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$@" || true)"
        [[ "$code" == 200 ]] && return 0
        if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
            log "The server on port $port exited before answering 200; its log (${SERVER_LOGS[$port]:-none}):"
            tail -n 20 "${SERVER_LOGS[$port]:-/dev/null}" >&2
            return 1
        fi
        (($(now_us) - start < timeout_us)) || { log "no 200 from port $port within $((timeout_us / 1000000)) s"; return 1; }
        sleep 0.005
    done
}

# median of the numbers on standard input (the mean of the middle two for an even count)
median() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# wrk helpers of the load scripts (they set THREADS, CONNECTIONS, WARMUP, DURATION, TIMEOUT, ROUTE_SCRIPT).
ensure_wrk() {
    command -v wrk >/dev/null && return
    log "Installing wrk ..."
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
}

# field NAME LINE: the value of NAME=... in a RESULT line
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# measure URL [BODY_FILE]: warm-up run, then the measured run; prints its RESULT line.
measure() {
    local url="$1" body=("${@:2}") result
    if [[ ${#body[@]} -gt 0 ]]; then body=(-- "${body[@]}"); fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$TIMEOUT" -s "$ROUTE_SCRIPT" "$url" "${body[@]}" >/dev/null
    result="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" -s "$ROUTE_SCRIPT" "$url" "${body[@]}")"
    grep '^RESULT ' <<<"$result" || die "wrk printed no RESULT line for $url: $result"
}
