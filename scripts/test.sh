#!/usr/bin/env bash
# The README's second command: installs everything, builds the sanitizer build
# (AddressSanitizer + UndefinedBehaviorSanitizer) and runs every test in it. Prints the
# time of each phase, and ends with CTest's summary line. .ci/run calls exactly this.
#
#   bash scripts/test.sh [extra ctest arguments, e.g. -L unit]
set -euo pipefail
cd "$(dirname "$0")/.."

declare -a phase_names=() phase_secs=()
phase() {
    local name=$1
    shift
    echo "== ${name}"
    local start=$SECONDS
    "$@"
    local took=$((SECONDS - start))
    phase_names+=("$name")
    phase_secs+=("$took")
    echo "== ${name}: ${took} s"
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

echo
echo "== phase times"
total=0
for i in "${!phase_names[@]}"; do
    printf '   %-14s %5d s\n' "${phase_names[$i]}" "${phase_secs[$i]}"
    total=$((total + phase_secs[i]))
done
printf '   %-14s %5d s\n' total "$total"
# CTest's own summary line, last, so the result is the final word.
grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || echo "ctest printed no summary (exit $rc)"
exit "$rc"
