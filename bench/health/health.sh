#!/bin/sh
# bench/health/health.sh BINARY CEILING [--quick] — passenger health over HTTP, each answer
# durable (synchronous=FULL, audit row, event): first the travellers' declarations (public
# POST, validation, Ed25519 signature, zlib, Base45) from wrk with keep-alive, then the
# counter's scans of the QR codes they got (Base45, inflate, COSE_Sign1 verification, the
# barcode written) — against the storage ceiling of a bare SQLite program writing the same
# rows in batches, in the same run. Ends with one summary line. Called by bench/run health.
set -eu
bin=$1
ceiling=$2
duration=30
count=50000
[ "${3:-}" = "--quick" ] && duration=10 && count=20000
work=$(mktemp -d)
trap 'kill $(cat "$work/pid" 2>/dev/null) 2>/dev/null || true; [ -n "${HEALTH_KEEP:-}" ] || rm -rf "$work"' EXIT
export HAIGUAN_DB="$work/health.db" HAIGUAN_KEYS="$work/keys"
"$bin" init >/dev/null
"$bin" demo >/dev/null
# wrk's 64 connections are one address: the per-address limit of the declaration route (what a
# flight's 300 phones never meet) is off, so that the run measures the path and its storage
HAIGUAN_HEALTH_DECLARE_PER_MIN=0 "$bin" serve --listen 127.0.0.1:0 --threads ${HEALTH_THREADS:-4} >"$work/out" 2>"$work/server.log" &
echo $! >"$work/pid"
for _ in 1 2 3 4 5 6 7 8 9 10; do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.3; done
url=$(sed -n 's/^listening on //p' "$work/out")
csrf=$(curl -s -c "$work/q.c" -H 'Content-Type: application/json' \
    -d '{"username":"quarantine","password":"quarantine-demo-2026"}' "$url/api/v1/session" |
    sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
HEALTH_COOKIE="hg_session=$(awk '$6 == "hg_session" {print $7}' "$work/q.c")"
HEALTH_CSRF=$csrf
today=$(TZ=Asia/Shanghai date +%Y-%m-%d)
ago() { date -u -d "@$(($(date +%s) - $1))" +%Y-%m-%dT%H:%M:%SZ; }
post() { curl -s -f -b "$work/q.c" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -o /dev/null -d "$2" "$url$1"; }
post /api/v1/health/flights "{\"flight_no\":\"HB1\",\"origin\":\"KRSEL\",\"port\":\"CNDLC\",\"scheduled_at\":\"$(ago 1800)\",\"passengers\":300,\"crew\":12}"
post "/api/v1/health/flights/HB1-$(echo "$today" | tr -d -)/landing" "{\"landed_at\":\"$(ago 600)\"}"
HEALTH_BODY="{\"name\":\"张三\",\"name_mrz\":\"ZHANG<<SAN\",\"sex\":\"M\",\"birth_date\":\"1949-12-31\",\"nationality\":\"CN\",\"document_type\":\"resident_id\",\"document_no\":\"11010519491231002X\",\"flight_no\":\"HB1\",\"seat\":\"32A\",\"port\":\"CNDLC\",\"entry_date\":\"$today\",\"visits\":[{\"country\":\"KR\",\"arrived_on\":\"$today\",\"left_on\":\"$today\"}],\"address\":\"大连市中山区人民路15号1203室\",\"phone\":\"13912345678\",\"contact_cases\":false,\"fever_cluster\":false,\"symptoms\":[],\"antipyretics\":false,\"warning_accepted\":true,\"language\":\"zh\"}"
HEALTH_QR_DIR=$work
export HEALTH_BODY HEALTH_QR_DIR HEALTH_COOKIE HEALTH_CSRF
c=${HEALTH_CONNECTIONS:-64}
wrk -t2 -c"$c" -d"${duration}s" --latency -s "$(dirname "$0")/declare.lua" "$url/api/v1/health/declarations" >"$work/wrk1" 2>&1
cat "$work"/qr-*.txt >"$work/all.txt"
decl_db=$(sqlite3 "$HAIGUAN_DB" "SELECT COUNT(*) FROM health_declarations")
# half as long, so that the codes of the first phase last (a code scanned again writes nothing)
scan_s=$((duration / 2))
wrk -t2 -c"$c" -d"${scan_s}s" --latency -s "$(dirname "$0")/scan.lua" "$url/api/v1/health/scans" >"$work/wrk2" 2>&1
kill "$(cat "$work/pid")"
wait "$(cat "$work/pid")" 2>/dev/null || true
scans_db=$(sqlite3 "$HAIGUAN_DB" "SELECT COUNT(*) FROM health_travellers")
"$bin" audit verify >/dev/null || { echo "health-bench: audit chain broken after the run" >&2; exit 1; }
get() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$work/$1"; }
d_ok=$(get wrk1 created); d_p50=$(get wrk1 p50_ms); d_p99=$(get wrk1 p99_ms)
s_all=$(get wrk2 answered); s_p50=$(get wrk2 p50_ms); s_p99=$(get wrk2 p99_ms)
lost=$((d_ok - decl_db)); [ "$lost" -lt 0 ] && lost=0
# the ceiling: the same rows into a fresh database of the same schema
ceil_db="$work/ceil.db"
HAIGUAN_DB="$ceil_db" "$bin" init >/dev/null
ceil=$("$ceiling" "$ceil_db" "$count")
dc=$(echo "$ceil" | sed -n 's/.*declare_ceiling_per_s=\([0-9]*\).*/\1/p')
sc=$(echo "$ceil" | sed -n 's/.*scan_ceiling_per_s=\([0-9]*\).*/\1/p')
echo "wrk declarations: $(grep -E 'Requests/sec|Non-2xx|Socket errors' "$work/wrk1" | tr -s ' ' | tr '\n' ';')"
echo "wrk scans: $(grep -E 'Requests/sec|Non-2xx|Socket errors' "$work/wrk2" | tr -s ' ' | tr '\n' ';') answered=$s_all durable=$scans_db codes=$(wc -l <"$work/all.txt")"
echo "group commit: $(grep -o 'writer: [0-9]* writes in [0-9]* commits' "$work/server.log" | tail -1 | sed 's/writer: //')"
awk -v d="$decl_db" -v s="$scans_db" -v t="$duration" -v ts="$scan_s" -v dc="$dc" -v sc="$sc" -v dp50="$d_p50" -v dp99="$d_p99" \
    -v sp50="$s_p50" -v sp99="$s_p99" -v lost="$lost" 'BEGIN {
    dr = d / t; sr = s / ts;
    printf "health-bench: decl_per_s=%.0f ceiling_per_s=%s vs_ceiling=%.3f p50_ms=%s p99_ms=%s | scan_per_s=%.0f ceiling_per_s=%s vs_ceiling=%.3f p50_ms=%s p99_ms=%s | lost=%d\n",
        dr, dc, dr / dc, dp50, dp99, sr, sc, sr / sc, sp50, sp99, lost }'
