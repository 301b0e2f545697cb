-- event.lua — wrk script for bench/run gate: each request a gate event from one of the out lanes
-- of gate DYW1 (5 to 8), for the next released container of the bench's list (each thread its
-- share), with the truck's card and plate read, by the gate controller's token; every request a
-- new event id, so that each is decided and written (a container seen again, once the list
-- wraps, is held: already out). Passes and holds are counted in the database afterwards.
local n = 0
local pool = {}
local at = 0
local seq = 0

function setup(thread)
  n = n + 1
  thread:set("id", n)
  thread:set("threads", tonumber(os.getenv("GATE_WRK_THREADS") or "2"))
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("GATE_TOKEN")
  local at_text = os.getenv("GATE_AT")
  run_tag = (os.getenv("GATE_RUN") or "a") .. id
  local i = 0
  for line in io.lines(os.getenv("GATE_UNITS")) do
    if i % threads == id - 1 then
      local entry, box = line:match("(%S+) (%S+)")
      local truck = i % 24
      pool[#pool + 1] = string.format(
        '","gate":"DYW1","lane":%d,"direction":"out","at":"%s","card":"IC0902%06d",' ..
        '"plate":{"text":"辽B%05d","confidence":0.97},"containers":[{"text":"%s","confidence":0.96}],' ..
        '"gross_weight_kg":28000,"tare_kg":8000}', 5 + i % 4, at_text, truck + 1, 60001 + truck, box)
    end
    i = i + 1
  end
end

function request()
  at = at % #pool + 1
  seq = seq + 1
  return wrk.format(nil, nil, nil, '{"event_id":"B' .. run_tag .. '-' .. seq .. pool[at])
end


function done(summary, latency, requests)
  local refused = summary.errors.status
  io.write(string.format("answered=%d other=%d p50_ms=%.2f p99_ms=%.2f\n", summary.requests - refused, refused,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
