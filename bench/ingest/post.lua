-- post.lua — wrk script for bench/ingest: POSTs three-item declarations with the session
-- cookie and CSRF token from the environment, each naming one of the manifested bills. The
-- requests are formatted once, in init, and there is no per-response callback: the load
-- generator shares the two cores with the server, so it should spend as little as it can.
-- Acknowledged (201) = completed requests less non-2xx answers (the route answers 201 or an
-- error), from wrk's own summary.
local pool = {}
local at = 0

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = os.getenv("INGEST_COOKIE")
  wrk.headers["X-CSRF-Token"] = os.getenv("INGEST_CSRF")
  local nbills = tonumber(os.getenv("INGEST_BILLS"))
  local body = os.getenv("INGEST_BODY")
  local cut = string.find(body, "@BILL@", 1, true)
  local head, tail = string.sub(body, 1, cut - 1), string.sub(body, cut + 6)
  -- each thread starts at its own place in the bills, as declarations at a port would
  local first = math.random(nbills)
  for i = 0, nbills - 1 do
    pool[i + 1] = wrk.format(nil, nil, nil, head .. string.format("BENCH%06d", (first + i) % nbills) .. tail)
  end
end

function request()
  at = at % #pool + 1
  return pool[at]
end

function done(summary, latency, requests)
  local refused = summary.errors.status
  io.write(string.format("created=%d other=%d p50_ms=%.2f p99_ms=%.2f\n", summary.requests - refused, refused,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
