#!/usr/bin/env bash
# Side-by-side speed of the acoustic wave solver: the C peer (acoustic2d.c, gcc -O3 -march=native
# -fopenmp) and the C# solver on the same grids in one run, with the machine's memory bandwidth
# (stream.c) as the ceiling for T_eff on large grids. Then the whole HTTP request for
# 255² × 1000 steps with 100 frames as .npy and as GIF, and the solver's share of it.
#
# usage: bench/wave.sh            (REPEAT=3 runs per case, best kept; HTTP=0 skips the HTTP part)
# T_eff = 6·nx·ny·8 bytes per step / time per step (ParallelStencil's metric), timed after 10 warm-up steps.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS="${PEERS:-$ROOT/../shared/peers}"
REPEAT="${REPEAT:-3}"
HTTP="${HTTP:-1}"
PORT="${PORT:-5090}"
WORK="$(mktemp -d)"
API_PID=""
cleanup() {
    if [[ -n "$API_PID" ]]; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== build"
gcc -O3 -march=native -fopenmp "$PEERS/acoustic2d.c" -o "$WORK/ac2d" -lm
gcc -O3 -march=native -fopenmp "$PEERS/stream.c" -o "$WORK/stream"
dotnet build -c Release -v q -nologo "$ROOT/bench/SurrogateService.WaveBench" >/dev/null
CSHARP="$ROOT/bench/SurrogateService.WaveBench/bin/Release/net10.0/SurrogateService.WaveBench"
echo "$(gcc --version | head -1); $(dotnet --version) ; $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

field() { sed -n "s/.*$1=\([0-9.eE+-]*\).*/\1/p"; }

echo
echo "== memory bandwidth (stream.c, best of 10)"
for t in 1 2; do OMP_NUM_THREADS=$t "$WORK/stream"; done

echo
echo "== acoustic2D, best of $REPEAT (C and C# interleaved)"
printf '%-14s %7s %8s | %10s %10s | %10s %10s | %7s\n' grid threads steps "C GB/s" "C Mcell/s" "C# GB/s" "C# Mcell/s" "C#/C"
for t in 1 2; do
    for grid in "255 255 1000" "2047 2047 100"; do
        read -r nx ny nt <<<"$grid"
        c_line=""; cs_line=""; c_best=0; cs_best=0
        for ((r = 0; r < REPEAT; r++)); do
            line="$(OMP_NUM_THREADS=$t "$WORK/ac2d" "$nx" "$ny" "$nt")"
            teff="$(field T_eff_GBs <<<"$line")"
            if awk -v a="$teff" -v b="$c_best" 'BEGIN { exit !(a > b) }'; then c_line="$line"; c_best="$teff"; fi
            line="$("$CSHARP" "$nx" "$ny" "$nt" "$t")"
            teff="$(field T_eff_GBs <<<"$line")"
            if awk -v a="$teff" -v b="$cs_best" 'BEGIN { exit !(a > b) }'; then cs_line="$line"; cs_best="$teff"; fi
        done
        # Both must agree on the physics before their speeds are compared.
        c_sum="$(field sumP <<<"$c_line")"; cs_sum="$(field sumP <<<"$cs_line")"
        awk -v a="$c_sum" -v b="$cs_sum" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= 1e-9 * a) }' \
            || { echo "sum P differs: C $c_sum, C# $cs_sum" >&2; exit 1; }
        printf '%-14s %7s %8s | %10s %10s | %10s %10s | %6.0f%%\n' "${nx}x${ny}" "$t" "$nt" \
            "$c_best" "$(field Mcells_per_s <<<"$c_line")" "$cs_best" "$(field Mcells_per_s <<<"$cs_line")" \
            "$(awk -v a="$cs_best" -v b="$c_best" 'BEGIN { print 100 * a / b }')"
    done
done

[[ "$HTTP" == 1 ]] || exit 0
echo
echo "== HTTP: POST /v1/simulations/acoustic2d, 255x255, 1000 steps, 100 frames (Release, Development, loopback)"
dotnet build -c Release -v q -nologo "$ROOT/src/SurrogateService.Api" >/dev/null
# The project directory as content root, so the Development settings (authentication off) are found.
ASPNETCORE_ENVIRONMENT=Development "$ROOT/src/SurrogateService.Api/bin/Release/net10.0/SurrogateService.Api" \
    --contentRoot "$ROOT/src/SurrogateService.Api" --urls "http://127.0.0.1:$PORT" >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz/live" >/dev/null && break; sleep 0.2; done
URL="http://127.0.0.1:$PORT/v1/simulations/acoustic2d"
for format in npy gif; do
    curl -s -o /dev/null -X POST "$URL" -H 'content-type: application/json' -d "{\"format\":\"$format\"}" # warm-up
    for ((r = 0; r < REPEAT; r++)); do
        curl -s -o "$WORK/out.$format" -X POST "$URL" -H 'content-type: application/json' -d "{\"format\":\"$format\"}" \
            -w "$format: %{size_download} bytes, first byte %{time_starttransfer} s, total %{time_total} s; " 
        sleep 0.3
        grep -o 'solver [0-9]* ms of [0-9]* ms' "$WORK/api.log" | tail -1 | sed 's/^/server: /'
    done
done
