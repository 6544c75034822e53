# shellcheck shell=bash
# Shared helpers of the bench scripts (sourced, not run): publish the API in Release, pick a
# free loopback port, start and stop the published service, time in microseconds.
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

# A port nothing listens on at 127.0.0.1 right now (a connect attempt is refused).
free_port() {
    local port attempt
    for attempt in $(seq 1 100); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    die "no free loopback port found after $attempt attempts"
}

# start_server PORT [NAME=VALUE ...]: starts the published service on 127.0.0.1:PORT with the
# given environment and sets SERVER_PID. The working directory is the publish folder because
# ASP.NET Core finds appsettings*.json in its content root, the current directory.
start_server() {
    local port="$1"
    shift
    SERVER_LOG="${SERVER_LOG:-$(mktemp "${TMPDIR:-/tmp}/surrogateservice-bench-server.XXXXXX")}"
    (
        cd "$PUBLISH_DIR" || exit 1
        exec env "$@" dotnet "$API_DLL" --urls "http://127.0.0.1:$port"
    ) >>"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
}

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

# wait_for_200 TIMEOUT_S CURL_ARGS...: polls about every 5 ms until curl sees HTTP 200; fails if
# the server process dies or the timeout passes.
wait_for_200() {
    local timeout_us=$(($1 * 1000000))
    shift
    local start code
    start="$(now_us)"
    while :; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$@" || true)"
        [[ "$code" == 200 ]] && return 0
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            log "The server exited before answering 200; its log ($SERVER_LOG):"
            tail -n 20 "$SERVER_LOG" >&2
            return 1
        fi
        (($(now_us) - start < timeout_us)) || { log "no 200 within $((timeout_us / 1000000)) s"; return 1; }
        sleep 0.005
    done
}

# median of the numbers on standard input (the mean of the middle two for an even count)
median() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
