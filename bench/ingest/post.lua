-- post.lua — wrk script for bench/ingest: POSTs the same three-item declaration with the
-- session cookie and CSRF token from the environment, and counts 201 answers per thread.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local counter = 0
local nbills, head, tail

function init(args)
  created = 0
  other = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = os.getenv("INGEST_COOKIE")
  wrk.headers["X-CSRF-Token"] = os.getenv("INGEST_CSRF")
  nbills = tonumber(os.getenv("INGEST_BILLS"))
  local body = os.getenv("INGEST_BODY")
  local at = string.find(body, "@BILL@", 1, true)
  head, tail = string.sub(body, 1, at - 1), string.sub(body, at + 6)
  counter = math.random(nbills)
end

-- each declaration names one of the manifested bills, as declarations at a port do
function request()
  counter = counter + 1
  return wrk.format(nil, nil, nil, head .. string.format("BENCH%06d", counter % nbills) .. tail)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("created=%d other=%d p50_ms=%.2f p99_ms=%.2f\n", c, o,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
