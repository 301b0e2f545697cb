-- declare.lua — wrk script for bench/run health, first phase: POSTs health declarations (public,
-- no account), and keeps each acknowledged declaration's QR text (one file per wrk thread) for
-- the second phase's scans. Acknowledged = 201.
local n = 0
local out

function setup(thread)
  n = n + 1
  thread:set("id", n)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = os.getenv("HEALTH_BODY")
  out = io.open(os.getenv("HEALTH_QR_DIR") .. "/qr-" .. id .. ".txt", "w")
end

function response(status, headers, body)
  if status == 201 then
    local qr = string.match(body, '"qr":"(HG1:[^"]+)"')
    if qr then out:write(qr, "\n") end
  end
end

function done(summary, latency, requests)
  local refused = summary.errors.status
  io.write(string.format("created=%d other=%d p50_ms=%.2f p99_ms=%.2f\n", summary.requests - refused, refused,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
