#!/usr/bin/env bash
# Builds the libFuzzer targets (preset fuzz: clang 14, ASan + UBSan; tests/fuzz) and runs
# each for a while, two at a time on two cores. Each run starts from the committed seeds
# (tests/fuzz/corpus/NAME) and the regressions (tests/fuzz/regressions/NAME), which it
# only reads; what it finds new goes to build/fuzz/corpus/NAME, kept between runs. Prints
# per target the runs, the coverage (cov: edges, ft: features) and the result; a crash,
# leak, sanitizer report, timeout or memory blow-up prints the reproducer's path and
# fails the script. The log of each run is build/fuzz/logs/NAME.log.
#
#   bash scripts/fuzz.sh [--seconds N | --long] [--build-only | --no-build] [TARGET...]
#
#   --seconds N   seconds per target (default 15: what scripts/test.sh runs)
#   --long        600 seconds per target: the long run, by hand (about an hour)
#   --build-only  configure and build, do not run
#   --no-build    run what build/fuzz holds
#   TARGET...     only these (entry_envelope, keyserver_api, …); default: every target
#
# Reproduce a crash: build/fuzz/bin/fuzz_NAME PATH (runs the one input, with the report).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=15
build=1
run=1
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds)
            seconds=${2:?--seconds needs a number}
            shift
            ;;
        --long) seconds=600 ;;
        --build-only) run=0 ;;
        --no-build) build=0 ;;
        -h | --help)
            sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        -*)
            echo "fuzz.sh: unknown option $1 (see --help)" >&2
            exit 2
            ;;
        *) targets+=("$1") ;;
    esac
    shift
done

if [ "$build" = 1 ]; then
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz -j 2
fi
[ "$run" = 1 ] || exit 0

bin=build/fuzz/bin
if [ ${#targets[@]} -eq 0 ]; then
    for f in "$bin"/fuzz_*; do
        [ -x "$f" ] && targets+=("${f##*/fuzz_}")
    done
fi
if [ ${#targets[@]} -eq 0 ]; then
    echo "fuzz.sh: no fuzz targets in $bin (build first)" >&2
    exit 1
fi

mkdir -p build/fuzz/logs
# Sanitizer settings as in the test build; leaks are checked after every input.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"

# One target: its run, then one line "runs cov ft corpus result" in build/fuzz/logs/NAME.result.
fuzz_one() {
    local name=$1
    local exe=$bin/fuzz_$name log=build/fuzz/logs/$name.log
    local work=build/fuzz/corpus/$name artifacts=build/fuzz/artifacts/$name/
    mkdir -p "$work" "$artifacts"
    local args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192
        -print_final_stats=1 -close_fd_mask=1 -artifact_prefix="$artifacts")
    [ -f "tests/fuzz/$name.dict" ] && args+=(-dict="tests/fuzz/$name.dict")
    local seeds=("tests/fuzz/corpus/$name")
    [ -d "tests/fuzz/regressions/$name" ] && seeds+=("tests/fuzz/regressions/$name")
    local rc=0
    "$exe" "${args[@]}" "$work" "${seeds[@]}" >"$log" 2>&1 || rc=$?
    local runs cov ft corpus result
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1 || true)
    cov=$(grep -oE ' cov: [0-9]+' "$log" | tail -n 1 | tr -dc 0-9 || true)
    ft=$(grep -oE ' ft: [0-9]+' "$log" | tail -n 1 | tr -dc 0-9 || true)
    corpus=$(find "$work" -type f | wc -l || true)
    if [ "$rc" = 0 ]; then
        result=ok
    else
        local reproducer
        reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1 || true)
        result="FAILED (exit $rc): reproducer ${reproducer:-none written}; log $log"
    fi
    echo "${runs:-0} ${cov:-0} ${ft:-0} $corpus $result" >"build/fuzz/logs/$name.result"
}

echo "fuzzing ${#targets[@]} targets, ${seconds} s each, two at a time"
running=0
for name in "${targets[@]}"; do
    if [ ! -x "$bin/fuzz_$name" ]; then
        echo "fuzz.sh: no target $name in $bin" >&2
        exit 1
    fi
    rm -f "build/fuzz/logs/$name.result"
    fuzz_one "$name" &
    running=$((running + 1))
    if [ "$running" -ge 2 ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait || true

failed=0
printf '   %-16s %10s %7s %7s %7s  %s\n' target runs cov ft corpus result
for name in "${targets[@]}"; do
    if [ -f "build/fuzz/logs/$name.result" ]; then
        read -r runs cov ft corpus result <"build/fuzz/logs/$name.result"
    else
        runs=0 cov=0 ft=0 corpus=0 result="FAILED: the run did not finish; log build/fuzz/logs/$name.log"
    fi
    printf '   %-16s %10s %7s %7s %7s  %s\n' "$name" "$runs" "$cov" "$ft" "$corpus" "$result"
    [ "$result" = ok ] || failed=$((failed + 1))
done
if [ "$failed" -gt 0 ]; then
    echo "fuzz: $failed of ${#targets[@]} targets failed (reproduce: build/fuzz/bin/fuzz_NAME REPRODUCER)"
    exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran ${seconds} s without a failure"
