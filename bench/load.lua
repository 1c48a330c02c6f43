-- wrk script: each connection is one user who waits 1 s between requests, cycling through the pages given in
-- the PATHS environment variable (space-separated); the users' SESSION cookies come from COOKIES (space-separated),
-- taken in turn, so that requests in flight together are nearly always of different users. Prints p50/p95/p99.
-- The users start at random moments within the first second (USERS_PER_THREAD of them per wrk thread): started
-- all at once they would stay in step and ask for fifty pages in the same millisecond every second, which no
-- office does.
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "/", "%S+") do paths[#paths + 1] = p end
local cookies = {}
for c in string.gmatch(os.getenv("COOKIES") or "", "%S+") do cookies[#cookies + 1] = c end
local i = 0
local started = 0
local users = tonumber(os.getenv("USERS_PER_THREAD") or "25")

function setup(thread)
  thread:set("offset", math.random(#paths))
end

function init(args)
  i = tonumber(offset) or 0
  math.randomseed(i * 7919 + os.time())
end

function delay()
  if started < users then
    started = started + 1
    return math.random(0, 999)
  end
  return 1000
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], {["Cookie"] = cookies[(i % #cookies) + 1], ["Accept"] = "text/html"})
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("requests=%d errors=%d non2xx=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, errors, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
