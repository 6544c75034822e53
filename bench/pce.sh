#!/usr/bin/env bash
# Polynomial chaos accuracy and speed (issue 16, "Polynomial chaos"): our polynomialChaos kind beside
# OpenTURNS' FunctionalChaosAlgorithm (LARS with corrected leave-one-out, the industrial reference) on
# Ishigami (a = 7, b = 0.1) with the same Sobol' points on [−π, π]³, in the same run. Prints every
# first-order and total index's error against the analytic values, the mean and variance, and both
# times (fit + indices). Goals: every index within 2e-3 of the analytic value, faster than OpenTURNS;
# mean and variance within 0.1 %. The machine is shared: compare the ratio, not the times.
#
# Environment (defaults in brackets):
#   PYTHON      [/usr/bin/python3]  interpreter for bench/peers/openturns_pce.py; Debian's
#                                   python3-openturns is installed with apt-get when missing
#   POINTS      [600]               Sobol' points (indices 1 … POINTS of the unscrambled sequence)
#   MAX_DEGREE  [16]                our maxDegree (the degree itself is chosen by leave-one-out error)
#   PEER_DEGREE [10]                OpenTURNS' total degree (its basis is fixed; LARS picks the terms)
#   REPEATS     [3]                 timed runs of ours after a warm-up (median)
#   SKIP_PEERS  [0]                 1 = our numbers only
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

PYTHON="${PYTHON:-/usr/bin/python3}"
PROJECT="$BENCH_DIR/SurrogateService.PceBench"

# Succeeds when PYTHON can import openturns, installing Debian's package if needed.
ensure_openturns() { ensure_python_modules "$PYTHON" 'import openturns' python3-openturns; }

peer_args=()
if [[ "${SKIP_PEERS:-0}" == 1 ]]; then
    log "SKIP_PEERS=1: our numbers only."
elif ensure_openturns; then
    peer_args=(--python "$PYTHON" --peer "$BENCH_DIR/peers/openturns_pce.py" --peer-degree "${PEER_DEGREE:-10}")
else
    log "Skipping OpenTURNS: only our numbers follow."
fi

log "Building the polynomial chaos bench (Release) ..."
dotnet build "$PROJECT" -c Release --nologo -v quiet >&2
log "Load average: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$PROJECT/bin/Release/net10.0/SurrogateService.PceBench.dll" \
    --points "${POINTS:-600}" --max-degree "${MAX_DEGREE:-16}" --repeats "${REPEATS:-3}" "${peer_args[@]}"
