#!/usr/bin/env bash
# The README's first command: installs everything, builds, makes a local deployment
# (credvault-cli init-demo), starts the keyserver and the vault server on loopback, and
# opens the customer app on that deployment, which asks you to sign in (the demo
# sign-ins are printed). Ctrl-C (or closing the app) stops everything.
#
#   bash scripts/demo.sh            # the deployment goes to build/demo (kept between runs)
#   CREDVAULT_DEMO_DIR=D bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j 2 --target credvault credvault-support credvault-server credvault-keyserver credvault-cli

bin="$PWD/build/release/bin"
demo="${CREDVAULT_DEMO_DIR:-$PWD/build/demo}"
"$bin/credvault-cli" init-demo --dir "$demo"

pids=()
stop() {
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

# Each server prints its "listening on" lines, then logs to a file.
start() { # NAME EXECUTABLE CONFIG LISTENERS
    local out="$demo/$1.out"
    "$bin/$2" --config "$demo/$3" >"$out" 2>"$demo/$1.log" &
    pids+=($!)
    for _ in $(seq 1 100); do
        if [ "$(grep -c '^listening on' "$out" 2>/dev/null || true)" -ge "$4" ]; then
            sed "s/^/demo: $1 /" "$out"
            return 0
        fi
        if ! kill -0 "${pids[-1]}" 2>/dev/null; then
            echo "demo: $1 did not start:" >&2
            cat "$demo/$1.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "demo: $1 did not start in time (see $demo/$1.log)" >&2
    exit 1
}
start keyserver credvault-keyserver keyserver.conf 3
start vault-server credvault-server server.conf 1

echo "demo: sign-ins (ROLE USERNAME PASSWORD ACCOUNT_ID) in $demo/demo-credentials.txt:"
grep -v '^#' "$demo/demo-credentials.txt" | sed 's/^/demo:   /'
echo "demo: unlock e-mails land in $demo/outbox/new"
echo "demo: server logs: $demo/keyserver.log, $demo/vault-server.log"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: no display to open the app on (run from a desktop session, or: xvfb-run -a bash scripts/demo.sh);"
    echo "demo: the servers keep running until Ctrl-C."
    wait
    exit 0
fi
echo "demo: opening the customer app (close its window or press Ctrl-C to stop everything)"
"$bin/credvault" --config "$demo/client.conf" "$@"
