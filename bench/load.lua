-- wrk script: each connection is one user who waits 1 s between requests, cycling through the pages given in
-- the PATHS environment variable (space-separated); the SESSION cookie comes from COOKIE. Prints p50/p95/p99.
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "/", "%S+") do paths[#paths + 1] = p end
local cookie = os.getenv("COOKIE") or ""
local i = 0

function setup(thread)
  thread:set("offset", math.random(#paths))
end

function init(args)
  i = tonumber(offset) or 0
end

function delay()
  return 1000
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], {["Cookie"] = cookie, ["Accept"] = "text/html"})
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("requests=%d errors=%d non2xx=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, errors, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
