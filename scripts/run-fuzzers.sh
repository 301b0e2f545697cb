#!/bin/sh
# Runs every libFuzzer harness for a bounded time on a copy of its committed corpus, so
# that new inputs found during the run do not land in the repository.
#   scripts/run-fuzzers.sh BUILD_DIR SECONDS
set -eu
build=$1
secs=$2
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for h in fuzz_check:check fuzz_body:body fuzz_csv:csv fuzz_risk:risk fuzz_mo:mo fuzz_health:health fuzz_vessel:vessel fuzz_gate:gate fuzz_services:services fuzz_tax:tax fuzz_certificate:certificate fuzz_list_query:list_query fuzz_i18n:i18n fuzz_decimal:decimal; do
    exe=${h%%:*}
    corpus=${h##*:}
    mkdir -p "$work/$corpus"
    echo "fuzz: $exe for ${secs}s"
    ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/$exe" -max_total_time="$secs" -print_final_stats=0 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/" "$work/$corpus" "$root/tests/fuzz/corpus/$corpus" \
        >"$work/$exe.log" 2>&1 || { tail -n 40 "$work/$exe.log"; cp "$work"/crash-* "$work"/leak-* . 2>/dev/null || true; exit 1; }
    grep -E '^#[0-9]+.*DONE' "$work/$exe.log" | tail -n 1 || true
done
echo "fuzz: all harnesses ran clean"
