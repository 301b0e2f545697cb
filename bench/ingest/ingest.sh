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
. "$(dirname "$0")/lib.sh"
ingest_setup "$work"
before=$(count_rows "SELECT COUNT(*) FROM declarations")
ingest_load "$work" "$duration"
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
created=$(ingest_field "$work" created)
other=$(ingest_field "$work" other)
p50=$(ingest_field "$work" p50_ms)
p99=$(ingest_field "$work" p99_ms)
after=$(count_rows "SELECT COUNT(*) FROM declarations")
lost=$((created - (after - before)))
[ "$lost" -lt 0 ] && lost=0
"$bin" audit verify >/dev/null || { echo "ingest-bench: audit chain broken after the run" >&2; exit 1; }
# the ceiling: the same rows into a fresh database of the same schema
ceil_db="$work/ceil.db"
[ -n "$pg" ] && ceil_db="$pg/ingest_ceiling"
rm -f "$work/ceil.db"*
HAIGUAN_DB="$ceil_db" "$bin" init >/dev/null
ceil_out=$("$ceiling" "$ceil_db" "$count")
ceil=$(echo "$ceil_out" | sed -n 's/^ceiling_per_s=//p')
# ceiling_pg measures two ways (pipelined INSERTs, COPY) and names both
echo "$ceil_out" | grep -v '^ceiling_per_s=' || true
echo "wrk: $(grep -E 'Requests/sec|Non-2xx|Socket errors' "$work/wrk" | tr -s ' ' | tr '\n' ';') refused=$other"
awk -v w="$writer_ticks" -v s="$server_ticks" -v n="$created" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    if (n > 0) printf "server CPU per declaration: writer thread %.0f us, whole process %.0f us\n", w / hz / n * 1e6, s / hz / n * 1e6 }'
echo "group commit: $(grep -o 'writer: [0-9]* writes in [0-9]* commits' "$work/server.log" | tail -1 | sed 's/writer: //')"
awk -v r="$created" -v d="$duration" -v c="$ceil" -v p50="$p50" -v p99="$p99" -v lost="$lost" -v be="$backend" 'BEGIN {
    secs = d + 0; rate = r / secs;
    printf "ingest-bench: backend=%s decl_per_s=%.0f ceiling_per_s=%s vs_ceiling=%.3f p50_ms=%s p99_ms=%s lost=%d\n",
        be, rate, c, rate / c, p50, p99, lost }'
