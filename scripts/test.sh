#!/usr/bin/env bash
# The README's second command: installs everything, builds the sanitizer build
# (AddressSanitizer + UndefinedBehaviorSanitizer) and runs every test in it, then builds
# the libFuzzer targets and runs each for 15 s (scripts/fuzz.sh; the replay of their seeds
# and regressions is among the tests). Prints the time of each phase, and ends with
# CTest's summary line; fails if a test or a fuzz target failed. .ci/run calls exactly
# this.
#
#   bash scripts/test.sh [extra ctest arguments, e.g. -L unit]
#   CREDVAULT_FUZZ_SECONDS=N   seconds per fuzz target (default 15; 0 leaves fuzzing out)
set -euo pipefail
cd "$(dirname "$0")/.."

declare -a phase_names=() phase_secs=()
phase() {
    local name=$1
    shift
    echo "== ${name}"
    local start=$SECONDS rc=0
    "$@" || rc=$?
    local took=$((SECONDS - start))
    phase_names+=("$name")
    phase_secs+=("$took")
    echo "== ${name}: ${took} s"
    return "$rc"
}
# A phase whose failure does not stop the script: its exit code is left in phase_rc.
phase_rc=0
soft_phase() {
    phase_rc=0
    phase "$@" || phase_rc=$?
}

phase dependencies bash scripts/install-deps.sh
phase configure cmake --preset asan
# Two jobs on two cores; a Boost.Beast file under ASan needs ~3.4 GB, so no more.
phase build cmake --build --preset asan -j 2

log=$(mktemp /tmp/credvault-ctest.XXXXXX.log)
trap 'rm -f "$log"' EXIT
echo "== tests"
start=$SECONDS
set +e
ctest --preset asan "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
phase_names+=(tests)
phase_secs+=($((SECONDS - start)))

# Fuzzing: after the tests, so a failing test is reported either way.
fuzz_seconds=${CREDVAULT_FUZZ_SECONDS:-15}
fuzz_result=""
if [ "$fuzz_seconds" != 0 ]; then
    soft_phase "fuzz build" bash scripts/fuzz.sh --build-only
    if [ "$phase_rc" = 0 ]; then
        soft_phase fuzz bash scripts/fuzz.sh --no-build --seconds "$fuzz_seconds"
        [ "$phase_rc" = 0 ] || fuzz_result="fuzz: a target failed (see the table above and build/fuzz/logs)"
    else
        fuzz_result="fuzz: the fuzz build failed"
    fi
fi

echo
echo "== phase times"
total=0
for i in "${!phase_names[@]}"; do
    printf '   %-14s %5d s\n' "${phase_names[$i]}" "${phase_secs[$i]}"
    total=$((total + phase_secs[i]))
done
printf '   %-14s %5d s\n' total "$total"
if [ -n "$fuzz_result" ]; then
    echo "$fuzz_result"
    [ "$rc" != 0 ] || rc=1
fi
# CTest's own summary line, last, so the result is the final word.
grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || echo "ctest printed no summary (exit $rc)"
exit "$rc"
