#!/usr/bin/env bash
# Runs examples/ against the published build, as a user would: publish, start it on a loopback port in
# Development (no Azure AD), wait for /healthz/ready, run both scripts, stop it. The notebook's RMSEs must
# equal examples/expected-rmse.json (which a test also checks), and ask-tell must come near Branin's minimum.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
port="${EXAMPLES_PORT:-5391}"
url="http://127.0.0.1:${port}"
service_pid=""
cleanup() {
    if [[ -n "$service_pid" ]]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

dotnet publish src/SurrogateService.Api -c Release -o "$work/publish" >"$work/publish.log" || { cat "$work/publish.log"; exit 1; }
# From its own folder, as the container starts it: the content root holds appsettings.Development.json.
(cd "$work/publish" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" exec dotnet SurrogateService.Api.dll) >"$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
    if curl -fsS "$url/healthz/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$service_pid" 2>/dev/null; then cat "$work/service.log"; exit 1; fi
    sleep 0.5
done
curl -fsS "$url/healthz/ready" >/dev/null || { echo "the service did not become ready"; cat "$work/service.log"; exit 1; }

/usr/bin/python3 examples/notebook.py --url "$url" --out "$work/figures" | tee "$work/notebook.out"
for figure in branin kriging inverseDistance lobachevsky; do
    test -s "$work/figures/$figure.png" || { echo "examples/notebook.py drew no $figure.png"; exit 1; }
done
/usr/bin/python3 - "$work/notebook.out" examples/expected-rmse.json <<'PY'
import json, sys
printed = {kind: float(value) for tag, kind, value in (line.split() for line in open(sys.argv[1]) if line.startswith("rmse "))}
expected = json.load(open(sys.argv[2]))
tolerance = expected["relativeTolerance"]
failed = [f"{kind}: printed {printed.get(kind)}, expected {value}" for kind, value in expected["rmse"].items()
          if kind not in printed or abs(printed[kind] - value) > tolerance * value]
print("\n".join(failed) if failed else f"examples/notebook.py: {len(printed)} RMSEs as recorded")
sys.exit(1 if failed else 0)
PY

/usr/bin/python3 examples/ask_tell.py --url "$url" | tee "$work/ask_tell.out"
/usr/bin/python3 -c '
import math, sys
best = float([line for line in open(sys.argv[1]) if line.startswith("best ")][-1].split()[1])
minimum = 5 / (4 * math.pi)  # Branin global minimum, as TestFunctions/Branin.cs documents it
print(f"examples/ask_tell.py: best {best} vs minimum {minimum}")
sys.exit(0 if best - minimum < 0.01 else 1)
' "$work/ask_tell.out"
