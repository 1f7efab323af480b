#!/usr/bin/env bash
# Takes real screenshots of the desktop apps under Xvfb into docs/screenshots/: the
# customer story against a fresh demo deployment (sign-in, first use of the vault's key,
# the locked list, the unlock dialog, the unlocked list with an entry's details, the
# editor, the access history, the settings, the keyboard shortcuts) and the support
# app's story (sign-in, staff certificate, a customer's account, the support unlock, the
# unlocked account, its audit). Needs a built tree with the tests (default: build/release; set BUILD_DIR
# to use another).
#
#   bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/${BUILD_DIR:-build/release}/bin
out=$PWD/docs/screenshots
mkdir -p "$out"

if [ -z "${CREDVAULT_IN_XVFB:-}" ]; then
    exec env CREDVAULT_IN_XVFB=1 xvfb-run -a -s "-screen 0 1100x700x24" bash "$0" "$@"
fi

tmp=$(mktemp -d)
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run"
mkdir -m 700 -p "$HOME" "$XDG_RUNTIME_DIR"

# The customer story, against real servers.
demo="$tmp/demo"
"$bin/credvault-cli" init-demo --dir "$demo" >/dev/null
source scripts/lib/demo-servers.sh
trap 'stop_demo_servers; rm -rf "$tmp"' EXIT
start_demo_servers "$bin" "$demo" >/dev/null
"$bin/credvault-cli" demo-entries --dir "$demo" >/dev/null
awk '$2 == "alice" { print $3 }' "$demo/demo-credentials.txt" |
    "$bin/credvault-test-screenshots" customer "$demo" "$out"
# The support story on the same deployment: sam, his staff certificate, alice's account.
awk '$2 == "sam" { print $3 }' "$demo/demo-credentials.txt" |
    "$bin/credvault-test-screenshots" support "$demo" "$out"
rm -f "$out/support-main-window.png" # the empty frame it showed before it had screens
