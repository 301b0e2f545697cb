#!/bin/sh
# bench/gate/gate.sh BINARY CEILING INGEST_DIR [--quick] — gate events over HTTP from the out
# lanes of gate DYW1 (wrk, keep-alive), each decided with its conditions against the demo's
# released containers (a month at --scale GATE_SCALE, default 10: about 10,000 containers; their
# exits cleared so that each may leave again) and written durably (synchronous=FULL, audit row,
# event, the exit and the declaration's gate-out); then the same while bench/ingest's
# declarations saturate the server; and the storage ceiling of a bare SQLite program writing the
# same rows (the run's passes and holds) in batches, in the same run. Ends with one summary
# line. Called by bench/run gate.
set -eu
bin=$1
ceiling=$2
ingest=$3
duration=30
scale=${GATE_SCALE:-10}
[ "${4:-}" = "--quick" ] && duration=10 && scale=${GATE_SCALE:-3}
work=$(mktemp -d)
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; [ -n "${GATE_KEEP:-}" ] || rm -rf "$work"' EXIT
export HAIGUAN_DB="$work/gate.db" HAIGUAN_KEYS="$work/keys"
"$bin" init >/dev/null
"$bin" demo --days 30 --scale "$scale" --seed 17 >/dev/null
# every released container may leave again: the bench's list is what the gate would let out
sqlite3 "$HAIGUAN_DB" "DELETE FROM gate_exits; UPDATE declarations SET gate_out_ms = NULL;"
"$bin" serve --listen 127.0.0.1:0 --threads ${GATE_THREADS:-4} >"$work/out" 2>"$work/server.log" &
echo $! >"$work/pid"
for _ in 1 2 3 4 5 6 7 8 9 10; do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.3; done
url=$(sed -n 's/^listening on //p' "$work/out")
GATE_TOKEN=$("$bin" token create --user gate01 --scopes gate 2>/dev/null | grep -o '[0-9a-f]\{64\}')
# the units the release feed says may leave, page by page
cursor=""
: >"$work/units"
while :; do
    page=$(curl -s -f -H "Authorization: Bearer $GATE_TOKEN" "$url/api/v1/releases?gone=false&limit=200${cursor:+&cursor=$cursor}")
    echo "$page" | python3 -c 'import json, sys
for u in json.load(sys.stdin)["items"]:
    if u["container_no"] and u["may_leave"]:
        print(u["entry_no"], u["container_no"])' >>"$work/units"
    cursor=$(echo "$page" | python3 -c 'import json, sys, urllib.parse; c = json.load(sys.stdin)["next_cursor"]; print(urllib.parse.quote(c) if c else "")')
    [ -n "$cursor" ] || break
done
units=$(wc -l <"$work/units")
[ "$units" -gt 0 ] || { echo "gate-bench: no released container to let out" >&2; exit 1; }
# the ceiling's copy of the database, before any event of the bench
sqlite3 "$HAIGUAN_DB" ".backup '$work/ceil.db'"
# half of the list for the run alone, half for the run under the ingest
head -n $((units / 2)) "$work/units" >"$work/units-a"
tail -n +$((units / 2 + 1)) "$work/units" >"$work/units-b"
GATE_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
export GATE_TOKEN GATE_AT
count_events() { sqlite3 "$HAIGUAN_DB" "SELECT COUNT(*) || ' ' || COALESCE(SUM(decision = 'pass'), 0) FROM gate_events"; }
c=${GATE_CONNECTIONS:-16}
before=$(count_events)
GATE_UNITS="$work/units-a" GATE_RUN=a wrk -t2 -c"$c" -d"${duration}s" --latency -s "$(dirname "$0")/event.lua" \
    "$url/api/v1/gate/events" >"$work/wrk1" 2>&1
after=$(count_events)
# under load: bench/ingest's declarations from 64 connections, the gate's events meanwhile
agent_csrf=$(curl -s -c "$work/agent.c" -H 'Content-Type: application/json' \
    -d '{"username":"dl-agent","password":"agent-demo-2026"}' "$url/api/v1/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
awk 'BEGIN { printf "{\"direction\":\"import\",\"transport_mode\":\"sea\",\"vessel_imo\":\"IMO9074729\",\"port\":\"0901\",";
    printf "\"eta\":\"2026-12-05T08:00:00+08:00\",\"bills\":[";
    for (i = 0; i < 500; i++)
        printf "%s{\"bill_no\":\"GBENCH%06d\",\"consignee\":\"91210200241600015L\",\"goods_description\":\"gear boxes\",\"packages\":100000,\"gross_weight_kg\":100000000}", (i ? "," : ""), i;
    printf "]}" }' >"$work/manifest.json"
curl -s -f -b "$work/agent.c" -H "X-CSRF-Token: $agent_csrf" -H 'Content-Type: application/json' -o /dev/null \
    --data-binary @"$work/manifest.json" "$url/api/v1/manifests"
INGEST_CSRF=$(curl -s -c "$work/trading.c" -H 'Content-Type: application/json' \
    -d '{"username":"dl-trading","password":"trading-demo-2026"}' "$url/api/v1/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
INGEST_COOKIE="hg_session=$(awk '$6 == "hg_session" {print $7}' "$work/trading.c")"
item='{"hs_code":"8483409000","name":"齿轮箱","origin":"DE","quantity":10,"unit":"台","value":"10000.00","currency":"CNY","gross_weight_kg":100,"net_weight_kg":90}'
INGEST_BODY="{\"direction\":\"import\",\"kind\":\"complete\",\"declarant\":\"91210200241600015L\",\"consignee\":\"91210200241600015L\",\"port\":\"0901\",\"transport_mode\":\"sea\",\"bill_no\":\"@BILL@\",\"trade_country\":\"DE\",\"packages\":1,\"items\":[$item,$item,$item]}"
INGEST_BILLS=500
# post.lua names its bills BENCH%06d: this run's are GBENCH%06d
sed 's/"BENCH%06d"/"GBENCH%06d"/' "$ingest/post.lua" >"$work/post.lua"
export INGEST_CSRF INGEST_COOKIE INGEST_BODY INGEST_BILLS
wrk -t1 -c64 -d"$((duration + 4))s" -s "$work/post.lua" "$url/api/v1/declarations" >"$work/wrk-ingest" 2>&1 &
ingest_pid=$!
sleep 2
GATE_UNITS="$work/units-b" GATE_RUN=b GATE_WRK_THREADS=1 wrk -t1 -c"$c" -d"${duration}s" --latency \
    -s "$(dirname "$0")/event.lua" "$url/api/v1/gate/events" >"$work/wrk2" 2>&1
under=$(count_events)
wait "$ingest_pid" || true
kill "$(cat "$work/pid")"
wait "$(cat "$work/pid")" 2>/dev/null || true
"$bin" audit verify >/dev/null || { echo "gate-bench: audit chain broken after the run" >&2; exit 1; }
get() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$work/$1"; }
answered=$(get wrk1 answered); p50=$(get wrk1 p50_ms); p99=$(get wrk1 p99_ms); p99u=$(get wrk2 p99_ms)
answered_u=$(get wrk2 answered)
n_alone=$(( ${after% *} - ${before% *} )); passes=$(( ${after#* } - ${before#* } ))
n_under=$(( ${under% *} - ${after% *} ))
# every acknowledged event is in the database (each request is a new event id)
lost=$((answered - n_alone)); [ "$lost" -lt 0 ] && lost=0
# the ceiling writes the run's mix: as many passes in proportion, the rest holds
n_ceil=$(( n_alone > 5000 ? n_alone : 5000 ))
ceil=$("$ceiling" "$work/ceil.db" "$work/units-a" "$n_ceil" "$(( n_alone > 0 ? n_ceil * passes / n_alone : n_ceil ))")
cr=$(echo "$ceil" | sed -n 's/.*gate_ceiling_per_s=\([0-9]*\).*/\1/p')
echo "wrk gate alone: $(grep -E 'Requests/sec|Non-2xx|Socket errors' "$work/wrk1" | tr -s ' ' | tr '\n' ';') durable=$n_alone passes=$passes units=$units"
echo "wrk gate under ingest: $(grep -E 'Requests/sec|Non-2xx|Socket errors' "$work/wrk2" | tr -s ' ' | tr '\n' ';') durable=$n_under answered=$answered_u"
echo "wrk ingest meanwhile: $(grep -E 'Requests/sec|Non-2xx' "$work/wrk-ingest" | tr -s ' ' | tr '\n' ';')"
echo "group commit: $(grep -o 'writer: [0-9]* writes in [0-9]* commits' "$work/server.log" | tail -1 | sed 's/writer: //')"
awk -v n="$n_alone" -v t="$duration" -v cr="$cr" -v p50="$p50" -v p99="$p99" -v p99u="$p99u" -v lost="$lost" 'BEGIN {
    r = n / t;
    printf "gate-bench: events_per_s=%.0f ceiling_per_s=%s vs_ceiling=%.3f p50_ms=%s p99_ms=%s p99_under_ingest_ms=%s (x%.1f) lost=%d\n",
        r, cr, r / cr, p50, p99, p99u, p99u / p99, lost }'
