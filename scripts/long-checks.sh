#!/usr/bin/env bash
# The long hardening runs (issue 12), by hand or on a nightly machine; not part of the
# everyday test command (scripts/test.sh), which runs the short versions:
#   1. the load run for 60 s per server (16 clients, one request in ten malformed)
#      against the sanitizer build, leaks checked when the servers stop;
#   2. every libFuzzer target for 10 minutes (scripts/fuzz.sh --long).
# About 80 minutes on two cores once built. Fails if either fails.
#
#   bash scripts/long-checks.sh [--load-seconds N] [--fuzz-seconds N]
set -euo pipefail
cd "$(dirname "$0")/.."

load_seconds=60
fuzz_args=(--long)
while [ $# -gt 0 ]; do
    case "$1" in
        --load-seconds)
            load_seconds=${2:?--load-seconds needs a number}
            shift
            ;;
        --fuzz-seconds)
            fuzz_args=(--seconds "${2:?--fuzz-seconds needs a number}")
            shift
            ;;
        -h | --help)
            sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "long-checks.sh: unknown argument $1 (see --help)" >&2
            exit 2
            ;;
    esac
    shift
done

bash scripts/install-deps.sh
cmake --preset asan
cmake --build --preset asan -j 2 --target credvault-bench credvault-server credvault-keyserver credvault-cli
# The sanitizer settings the asan test preset gives every test.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
echo "== load: ${load_seconds} s per server"
build/asan/bin/credvault-bench load --seconds "$load_seconds"
echo "== fuzz"
bash scripts/fuzz.sh "${fuzz_args[@]}"
