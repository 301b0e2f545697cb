# lib.sh — what bench/ingest/ingest.sh and districts.sh share (sourced): an installation made
# ready for the load (init, demo, a server, 20 manifests of 500 bills, the declarant signed in)
# and one load of declarations against it from wrk with keep-alive. Each works in a directory
# of its own ($1), which receives the server's pid, url, log and wrk's answer. HAIGUAN_DB (and
# HAIGUAN_DB_SCHEMA, HAIGUAN_KEYS) name the installation, as for every command.
BILLS=10000

ingest_setup() {
    dir=$1
    "$bin" init >/dev/null
    "$bin" demo >/dev/null
    "$bin" serve --listen 127.0.0.1:0 --threads "${INGEST_THREADS:-4}" >"$dir/out" 2>"$dir/server.log" &
    echo $! >"$dir/pid"
    for _ in 1 2 3 4 5 6 7 8 9 10; do grep -q listening "$dir/out" 2>/dev/null && break; sleep 0.3; done
    url=$(sed -n 's/^listening on //p' "$dir/out")
    echo "$url" >"$dir/url"
    agent_csrf=$(ingest_login "$dir" dl-agent agent-demo-2026)
    # 20 manifests of 500 bills: declarations spread over 10,000 bills
    for m in $(seq 0 19); do
        awk -v m="$m" 'BEGIN {
            printf "{\"direction\":\"import\",\"transport_mode\":\"sea\",\"vessel_imo\":\"IMO9074729\",\"port\":\"0901\",";
            printf "\"eta\":\"2026-12-05T08:00:00+08:00\",\"bills\":[";
            for (i = 0; i < 500; i++)
                printf "%s{\"bill_no\":\"BENCH%06d\",\"consignee\":\"91210200241600015L\",\"goods_description\":\"gear boxes\",\"packages\":100000,\"gross_weight_kg\":100000000}", (i ? "," : ""), m * 500 + i;
            printf "]}" }' >"$dir/manifest.json"
        curl -s -f -b "$dir/dl-agent.c" -H "X-CSRF-Token: $agent_csrf" -H 'Content-Type: application/json' \
            -o /dev/null --data-binary @"$dir/manifest.json" "$url/api/v1/manifests"
    done
    ingest_login "$dir" dl-trading trading-demo-2026 >"$dir/csrf"
}

ingest_login() {
    curl -s -c "$1/$2.c" -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$3\"}" \
        "$(cat "$1/url")/api/v1/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/'
}

# ingest_load DIR DURATION: wrk's answer in DIR/wrk (its last line: created= other= p50_ms= p99_ms=)
ingest_load() {
    item='{"hs_code":"8483409000","name":"齿轮箱","origin":"DE","quantity":10,"unit":"台","value":"10000.00","currency":"CNY","gross_weight_kg":100,"net_weight_kg":90}'
    INGEST_CSRF=$(cat "$1/csrf") \
    INGEST_COOKIE="hg_session=$(awk '$6 == "hg_session" {print $7}' "$1/dl-trading.c")" \
    INGEST_BODY="{\"direction\":\"import\",\"kind\":\"complete\",\"declarant\":\"91210200241600015L\",\"consignee\":\"91210200241600015L\",\"port\":\"0901\",\"transport_mode\":\"sea\",\"bill_no\":\"@BILL@\",\"trade_country\":\"DE\",\"packages\":1,\"items\":[$item,$item,$item]}" \
    INGEST_BILLS=$BILLS \
        wrk -t2 -c"${INGEST_CONNECTIONS:-64}" -d"$2" --latency -s "$(dirname "$0")/post.lua" \
        "$(cat "$1/url")/api/v1/declarations" >"$1/wrk" 2>&1
}

# ingest_field DIR NAME: a value of wrk's last line (created, other, p50_ms, p99_ms)
ingest_field() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$1/wrk"; }
