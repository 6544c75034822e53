-- wrk script for one route of the service. With a file argument it POSTs that file as a JSON
-- body; without, it sends wrk's plain GET. At the end it prints one machine-readable line:
--   RESULT requests=N seconds=S rps=R p50_ms=A p99_ms=B errors=E non2xx=F
-- Usage: wrk -s route.lua URL [-- BODY_FILE]

function init(args)
    local path = args[1]
    if path == nil then
        return
    end
    local file = assert(io.open(path, "rb"))
    wrk.body = file:read("*a")
    file:close()
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
        "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        e.connect + e.read + e.write + e.timeout, e.status))
end
