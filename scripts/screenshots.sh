#!/usr/bin/env bash
# Takes real screenshots of the desktop apps under Xvfb into docs/screenshots/.
# Needs a built tree (default: build/release; set BUILD_DIR to use another).
#
#   bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BUILD_DIR:-build/release}/bin
out=docs/screenshots
mkdir -p "$out"

if [ -z "${CREDVAULT_IN_XVFB:-}" ]; then
    exec env CREDVAULT_IN_XVFB=1 xvfb-run -a -s "-screen 0 1100x720x24" bash "$0" "$@"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run"
mkdir -m 700 -p "$HOME" "$XDG_RUNTIME_DIR"

# shot EXECUTABLE WINDOW-TITLE FILE
shot() {
    "$bin/$1" &
    local pid=$! id=""
    for _ in $(seq 1 100); do
        id=$(xwininfo -root -tree 2>/dev/null | grep -F "\"$2\": (" | awk '{ print $1; exit }' || true)
        [ -n "$id" ] && break
        sleep 0.1
    done
    if [ -z "$id" ]; then
        echo "screenshots: no window \"$2\" appeared" >&2
        kill "$pid"
        exit 1
    fi
    sleep 1 # let it paint
    import -window "$id" "$out/$3"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "screenshots: $out/$3"
}

shot credvault "CredVault" customer-main-window.png
shot credvault-support "CredVault Support" support-main-window.png
