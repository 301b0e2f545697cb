#!/bin/sh
# bench/ingest/districts.sh BINARY N [--quick] — N customs districts on one PostgreSQL database
# (INGEST_PG, a server of the benchmark's own: bench/run ingest-pg --districts N), each in a
# schema of its own with its own server (docs/SCALING.md §2). The same load as bench/ingest:
# first against district 1 alone, then against all N at once; the sum of the N rates against
# the one alone says how far districts write in parallel (they share no lock, only the
# machine). Ends with one summary line.
set -eu
bin=$1
n=${2:?usage: districts.sh BINARY N [--quick]}
duration=60s
[ "${3:-}" = "--quick" ] && duration=20s
pg=${INGEST_PG:?districts.sh runs on PostgreSQL: INGEST_PG}
work=$(mktemp -d)
trap 'for p in "$work"/*/pid; do kill "$(cat "$p")" 2>/dev/null || true; done; rm -rf "$work"' EXIT
. "$(dirname "$0")/lib.sh"
psql -X -q -d "$pg/postgres" -c "CREATE DATABASE districts LOCALE 'C.UTF-8' TEMPLATE template0"
export HAIGUAN_DB="$pg/districts"
for i in $(seq 1 "$n"); do
    mkdir "$work/d$i"
    (HAIGUAN_DB_SCHEMA=d$i HAIGUAN_KEYS=$work/d$i/keys ingest_setup "$work/d$i")
done
secs=${duration%s}
ingest_load "$work/d1" "$duration"
alone=$(ingest_field "$work/d1" created)
mv "$work/d1/wrk" "$work/d1/wrk.alone"
for i in $(seq 1 "$n"); do
    ingest_load "$work/d$i" "$duration" &
done
wait
total=0
lost=0
rates=""
for i in $(seq 1 "$n"); do
    c=$(ingest_field "$work/d$i" created)
    total=$((total + c))
    rates="$rates d$i=$((c / secs))"
    stored=$(psql -X -qAt -d "$HAIGUAN_DB" -c "SELECT COUNT(*) FROM d$i.declarations")
    want=$c
    [ "$i" = 1 ] && want=$((c + alone))
    [ "$stored" -lt "$want" ] && lost=$((lost + want - stored))
    HAIGUAN_DB_SCHEMA=d$i HAIGUAN_KEYS=$work/d$i/keys "$bin" audit verify >/dev/null ||
        { echo "districts-bench: district d$i's audit chain broken after the run" >&2; exit 1; }
done
echo "together:$rates (declarations a second each)"
awk -v a="$alone" -v t="$total" -v s="$secs" -v n="$n" -v lost="$lost" 'BEGIN {
    printf "districts-bench: districts=%d alone_per_s=%.0f together_per_s=%.0f vs_alone=%.3f lost=%d\n",
        n, a / s, t / s, (a > 0 ? t / a : 0), lost }'
