-- wrk script for one route of the load test: POSTs the file given as argument (or GETs without
-- one) and counts responses by status code across all threads. At the end it prints:
--   RESULT requests=N rps=R p50_ms=A p99_ms=B errors=E statuses=200:n,429:m
-- Usage: wrk -s status.lua URL [-- BODY_FILE]

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
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

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local totals = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            totals[status] = (totals[status] or 0) + count
        end
    end
    local parts = {}
    for status, count in pairs(totals) do
        table.insert(parts, status .. ":" .. count)
    end
    table.sort(parts)
    local e = summary.errors
    io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d statuses=%s\n",
        summary.requests, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        e.connect + e.read + e.write + e.timeout, table.concat(parts, ",")))
end
