-- scan.lua — wrk script for bench/run health, second phase: the counter scans the first phase's
-- QR codes (each once, from the files it wrote; each thread its share), with the quarantine
-- officer's session cookie and CSRF token. A code scanned again (when the run outlasts the
-- codes) writes nothing: the durable scans are counted in the database afterwards.
local n = 0
local pool = {}
local at = 0

function setup(thread)
  n = n + 1
  thread:set("id", n)
  thread:set("threads", 2)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = os.getenv("HEALTH_COOKIE")
  wrk.headers["X-CSRF-Token"] = os.getenv("HEALTH_CSRF")
  local i = 0
  for line in io.lines(os.getenv("HEALTH_QR_DIR") .. "/all.txt") do
    if i % threads == id - 1 then
      pool[#pool + 1] = wrk.format(nil, nil, nil, '{"qr":"' .. line .. '"}')
    end
    i = i + 1
  end
end

function request()
  at = at % #pool + 1
  return pool[at]
end

function done(summary, latency, requests)
  local refused = summary.errors.status
  io.write(string.format("answered=%d other=%d p50_ms=%.2f p99_ms=%.2f\n", summary.requests - refused, refused,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
