#!/usr/bin/env bash
# Runs examples/ against the published build, as a user would: publish, start it on a loopback port in
# Development (no Azure AD), wait for /healthz/ready, run the scripts, stop it. The notebook's RMSEs must
# equal examples/expected-rmse.json (which a test also checks), and ask-tell must come near Branin's minimum;
# the wave at two resolutions must show co-Kriging beating fine-grid Kriging at equal cost (it asserts that).
set -euo pipefail
cd "$(dirname "$0")/.."
# publish_api, free_port, start_server, wait_for_200, stop_server: shared with the bench scripts.
source bench/lib.sh

work="$(mktemp -d)"
PUBLISH_DIR="$work/publish"
SERVER_LOG="$work/service.log"
trap 'stop_server; rm -rf "$work"' EXIT

publish_api
port="$(free_port)"
url="http://127.0.0.1:${port}"
start_server "$port" ASPNETCORE_ENVIRONMENT=Development
wait_for_200 120 "$url/healthz/ready"

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

/usr/bin/python3 examples/wave_multifidelity.py --url "$url"
