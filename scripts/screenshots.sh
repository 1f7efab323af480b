#!/usr/bin/env bash
# Takes real screenshots of the desktop apps under Xvfb into docs/screenshots/: the
# customer story against a fresh demo deployment (sign-in, first use of the vault's key,
# the locked list, the unlock dialog, the unlocked list with an entry's details, the
# editor, the access history, the settings, the keyboard shortcuts) and the support
# app's story (sign-in, staff certificate, a customer's account, the support unlock, the
# unlocked account, its audit), in English and in German (de-*.png). Needs a built tree with the tests (default: build/release; set BUILD_DIR
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

source scripts/lib/demo-servers.sh
tmp=$(mktemp -d)
trap 'stop_demo_servers; rm -rf "$tmp"' EXIT
# Each language on a fresh deployment and a fresh home (the first use of the key is shown).
for language in en de; do
    export HOME="$tmp/$language/home" XDG_RUNTIME_DIR="$tmp/$language/run"
    mkdir -m 700 -p "$HOME" "$XDG_RUNTIME_DIR"
    demo="$tmp/$language/demo"
    "$bin/credvault-cli" init-demo --dir "$demo" >/dev/null
    start_demo_servers "$bin" "$demo" >/dev/null
    "$bin/credvault-cli" demo-entries --dir "$demo" >/dev/null
    export CREDVAULT_SCREENSHOT_LANGUAGE=$language
    # The customer story, against real servers.
    awk '$2 == "alice" { print $3 }' "$demo/demo-credentials.txt" |
        "$bin/credvault-test-screenshots" customer "$demo" "$out"
    # The support story on the same deployment: sam, his staff certificate, alice's account.
    awk '$2 == "sam" { print $3 }' "$demo/demo-credentials.txt" |
        "$bin/credvault-test-screenshots" support "$demo" "$out"
    stop_demo_servers
    demo_server_pids=()
done
rm -f "$out/support-main-window.png" "$out/de-support-main-window.png" # the empty frame before the screens
