#!/bin/sh
# Runs every libFuzzer harness for a bounded time on a copy of its committed corpus, so
# that new inputs found during the run do not land in the repository.
#   scripts/run-fuzzers.sh BUILD_DIR SECONDS [LANES]
# A libFuzzer run uses one core, so the harnesses run in LANES lanes side by side (default 2,
# env FUZZ_LANES; the CI machine has two cores), each harness still for SECONDS. A lane stops
# at its first failing harness; the other lane finishes its own, then every failure is shown
# with the tail of its log and its crash-*/leak-* files are copied into the current directory.
set -eu
build=$1
secs=$2
lanes=${3:-${FUZZ_LANES:-2}}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
harnesses="fuzz_check:check fuzz_body:body fuzz_csv:csv fuzz_risk:risk fuzz_mo:mo fuzz_health:health fuzz_vessel:vessel fuzz_gate:gate fuzz_services:services fuzz_tax:tax fuzz_certificate:certificate fuzz_list_query:list_query fuzz_i18n:i18n fuzz_decimal:decimal"

# one harness: its own corpus copy and artifact directory; one summary line when it is done
# (a single short write, so the lanes' lines do not interleave)
run_one() {
    exe=${1%%:*}
    corpus=${1##*:}
    mkdir -p "$work/$corpus" "$work/art-$exe"
    if ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/$exe" -max_total_time="$secs" -print_final_stats=0 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/art-$exe/" "$work/$corpus" "$root/tests/fuzz/corpus/$corpus" \
        >"$work/$exe.log" 2>&1; then
        printf 'fuzz: %s for %ss: %s\n' "$exe" "$secs" "$(grep -E '^#[0-9]+.*DONE' "$work/$exe.log" | tail -n 1)"
    else
        printf 'fuzz: %s for %ss: FAILED\n' "$exe" "$secs"
        echo "$exe" >"$work/failed-$exe"
        return 1
    fi
}

# lane k takes harnesses k, k+lanes, k+2*lanes, ...
k=0
pids=
while [ "$k" -lt "$lanes" ]; do
    (
        i=0
        for h in $harnesses; do
            if [ $((i % lanes)) -eq "$k" ]; then
                run_one "$h" || exit 1
            fi
            i=$((i + 1))
        done
    ) &
    pids="$pids $!"
    k=$((k + 1))
done
rc=0
for p in $pids; do
    wait "$p" || rc=1
done
if [ "$rc" -ne 0 ]; then
    for f in "$work"/failed-*; do
        exe=$(cat "$f")
        echo "--- $exe: last lines of its log ---"
        tail -n 40 "$work/$exe.log"
        cp "$work/art-$exe"/crash-* "$work/art-$exe"/leak-* "$work/art-$exe"/timeout-* "$work/art-$exe"/oom-* . 2>/dev/null || true
    done
    exit 1
fi
echo "fuzz: all harnesses ran clean"
