#!/bin/sh
# bench/ingest/ingest.sh BINARY CEILING [--quick] — declarations over HTTP through the whole
# path (validation, screening, tax, storage with synchronous=FULL, audit) from wrk with
# keep-alive, against the storage ceiling of a bare SQLite program writing the same rows in
# batches, in the same run. Ends with one summary line. Called by bench/run ingest.
# With INGEST_PG=postgres://user@host:port (a server of the benchmark's own: bench/run
# ingest-pg starts one) the same run on PostgreSQL, CEILING being ceiling_pg (bare libpq).
# INGEST_CONNECTIONS (default 64) and INGEST_THREADS (server threads, default 4) vary the load.
set -eu
bin=$1
ceiling=$2
duration=60s
count=100000
[ "${3:-}" = "--quick" ] && duration=20s && count=30000
work=$(mktemp -d)
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
pg=${INGEST_PG:-}
backend=sqlite
export HAIGUAN_DB="$work/ingest.db" HAIGUAN_KEYS="$work/keys"
if [ -n "$pg" ]; then
    backend=postgres
    psql -X -q -d "$pg/postgres" -c "CREATE DATABASE ingest" -c "CREATE DATABASE ingest_ceiling"
    HAIGUAN_DB="$pg/ingest"
fi
count_rows() {
    if [ -n "$pg" ]; then psql -X -qAt -d "$HAIGUAN_DB" -c "$1"; else sqlite3 "$HAIGUAN_DB" "$1"; fi
}
"$bin" init >/dev/null
"$bin" demo >/dev/null
"$bin" serve --listen 127.0.0.1:0 --threads ${INGEST_THREADS:-4} >"$work/out" 2>"$work/server.log" &
echo $! >"$work/pid"
for _ in 1 2 3 4 5 6 7 8 9 10; do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.3; done
url=$(sed -n 's/^listening on //p' "$work/out")
login() { curl -s -c "$work/$1.c" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$url/api/v1/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/'; }
agent_csrf=$(login dl-agent agent-demo-2026)
# 20 manifests of 500 bills: declarations spread over 10,000 bills
bills=10000
for m in $(seq 0 19); do
    awk -v m="$m" 'BEGIN {
        printf "{\"direction\":\"import\",\"transport_mode\":\"sea\",\"vessel_imo\":\"IMO9074729\",\"port\":\"0902\",";
        printf "\"eta\":\"2026-12-05T08:00:00+08:00\",\"bills\":[";
        for (i = 0; i < 500; i++)
            printf "%s{\"bill_no\":\"BENCH%06d\",\"consignee\":\"91210200241600015L\",\"goods_description\":\"gear boxes\",\"packages\":100000,\"gross_weight_kg\":100000000}", (i ? "," : ""), m * 500 + i;
        printf "]}" }' >"$work/manifest.json"
    curl -s -f -b "$work/dl-agent.c" -H "X-CSRF-Token: $agent_csrf" -H 'Content-Type: application/json' -o /dev/null \
        --data-binary @"$work/manifest.json" "$url/api/v1/manifests"
done
INGEST_CSRF=$(login dl-trading trading-demo-2026)
INGEST_COOKIE="hg_session=$(awk '$6 == "hg_session" {print $7}' "$work/dl-trading.c")"
item='{"hs_code":"8483409000","name":"齿轮箱","origin":"DE","quantity":10,"unit":"台","value":"10000.00","currency":"CNY","gross_weight_kg":100,"net_weight_kg":90}'
INGEST_BODY="{\"direction\":\"import\",\"kind\":\"complete\",\"declarant\":\"91210200241600015L\",\"consignee\":\"91210200241600015L\",\"port\":\"0902\",\"transport_mode\":\"sea\",\"bill_no\":\"@BILL@\",\"trade_country\":\"DE\",\"packages\":1,\"items\":[$item,$item,$item]}"
INGEST_BILLS=$bills
export INGEST_CSRF INGEST_COOKIE INGEST_BODY INGEST_BILLS
before=$(count_rows "SELECT COUNT(*) FROM declarations")
wrk -t2 -c"${INGEST_CONNECTIONS:-64}" -d"$duration" --latency -s "$(dirname "$0")/post.lua" "$url/api/v1/declarations" >"$work/wrk" 2>&1
# CPU the server spent (Linux /proc: utime + stime in clock ticks): its busiest thread (the
# group-commit writer) and the whole process, per declaration acknowledged; on a shared
# machine these say more than the rate does
pid=$(cat "$work/pid")
writer_ticks=0
for t in /proc/"$pid"/task/*; do
    v=$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)
    [ "$v" -gt "$writer_ticks" ] && writer_ticks=$v
done
server_ticks=$(awk '{print $14 + $15}' /proc/"$pid"/stat)
kill "$pid"
wait "$pid" 2>/dev/null || true
rate=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$work/wrk")
created=$(sed -n 's/.*created=\([0-9]*\).*/\1/p' "$work/wrk")
other=$(sed -n 's/.*other=\([0-9]*\).*/\1/p' "$work/wrk")
p50=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' "$work/wrk")
p99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' "$work/wrk")
after=$(count_rows "SELECT COUNT(*) FROM declarations")
lost=$((created - (after - before)))
[ "$lost" -lt 0 ] && lost=0
"$bin" audit verify >/dev/null || { echo "ingest-bench: audit chain broken after the run" >&2; exit 1; }
# the ceiling: the same rows into a fresh database of the same schema
ceil_db="$work/ceil.db"
[ -n "$pg" ] && ceil_db="$pg/ingest_ceiling"
rm -f "$work/ceil.db"*
HAIGUAN_DB="$ceil_db" "$bin" init >/dev/null
ceil=$("$ceiling" "$ceil_db" "$count" | sed -n 's/ceiling_per_s=//p')
echo "wrk: $(grep -E 'Requests/sec|Non-2xx|Socket errors' "$work/wrk" | tr -s ' ' | tr '\n' ';') refused=$other"
awk -v w="$writer_ticks" -v s="$server_ticks" -v n="$created" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    if (n > 0) printf "server CPU per declaration: writer thread %.0f us, whole process %.0f us\n", w / hz / n * 1e6, s / hz / n * 1e6 }'
echo "group commit: $(grep -o 'writer: [0-9]* writes in [0-9]* commits' "$work/server.log" | tail -1 | sed 's/writer: //')"
awk -v r="$created" -v d="$duration" -v c="$ceil" -v p50="$p50" -v p99="$p99" -v lost="$lost" -v be="$backend" 'BEGIN {
    secs = d + 0; rate = r / secs;
    printf "ingest-bench: backend=%s decl_per_s=%.0f ceiling_per_s=%s vs_ceiling=%.3f p50_ms=%s p99_ms=%s lost=%d\n",
        be, rate, c, rate / c, p50, p99, lost }'
