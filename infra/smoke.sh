#!/usr/bin/env bash
# Smoke test of a deployed SurrogateService, run after `azd up`:
#
#   infra/smoke.sh URL TOKEN [APP RESOURCE_GROUP]
#
# URL    the app's address (the deployment output appUrl)
# TOKEN  an access token for the API with Surrogates.Invoke or Surrogates.Invoke.All
# APP, RESOURCE_GROUP  optional: first wait (az CLI) until the app has scaled to zero replicas, so
#        the first request's time is a cold start; without them the first request is timed as it comes.
#
# Checks: both probes answer 200, an anonymous /v1 call gets 401, an authorised Branin evaluation
# gets 200 with Branin's global minimum 0.397887 at its three minimisers. Exits non-zero when any
# check failed.
set -euo pipefail

if [[ $# -ne 2 && $# -ne 4 ]]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
url=${1%/}
token=$2
app=${3:-}
resource_group=${4:-}

# The ingress ends a request after 240 s; a cold start is far shorter.
curl_opts=(--silent --show-error --max-time 240)
failures=0

check() { # description expected actual
  if [[ $2 == "$3" ]]; then
    printf 'ok    %s\n' "$1"
  else
    printf 'FAIL  %s: expected %s, got %s\n' "$1" "$2" "$3"
    failures=$((failures + 1))
  fi
}

if [[ -n $app ]]; then
  printf 'waiting for %s to scale to zero replicas (idle apps do after about five minutes)\n' "$app"
  until [[ $(az containerapp replica list -n "$app" -g "$resource_group" --query 'length(@)' -o tsv) == 0 ]]; do
    sleep 15
  done
fi

# The first request: after a scale to zero it waits for a replica to start.
read -r status seconds < <(curl "${curl_opts[@]}" -o /dev/null -w '%{http_code} %{time_total}\n' "$url/healthz/live")
check "GET /healthz/live" 200 "$status"
if [[ -n $app ]]; then
  printf 'first request after scale to zero: %s s\n' "$seconds"
else
  printf 'first request: %s s (a cold start only if the app had scaled to zero)\n' "$seconds"
fi

status=$(curl "${curl_opts[@]}" -o /dev/null -w '%{http_code}' "$url/healthz/ready")
check "GET /healthz/ready" 200 "$status"

# Branin's three global minimisers; each value is 0.397887.
body='{"points": [[-3.141592653589793, 12.275], [3.141592653589793, 2.275], [9.42477796076938, 2.475]]}'
evaluate="$url/v1/functions/branin/evaluate"

status=$(curl "${curl_opts[@]}" -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d "$body" "$evaluate")
check "POST /v1/functions/branin/evaluate without a token" 401 "$status"

response=$(mktemp)
trap 'rm -f "$response"' EXIT
status=$(curl "${curl_opts[@]}" -o "$response" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $token" -d "$body" "$evaluate")
check "POST /v1/functions/branin/evaluate with the token" 200 "$status"
minima=$(grep -Eo '0\.39788735[0-9]*' "$response" | wc -l)
check "Branin's value at its three minimisers is 0.397887" 3 "$minima"

if [[ $failures -gt 0 ]]; then
  printf '%d check(s) failed\n' "$failures"
  exit 1
fi
printf 'all checks passed\n'
