#!/usr/bin/env bash
# The README's first command: installs everything, builds, makes a local deployment
# (credvault-cli init-demo), starts the keyserver and the vault server on loopback, puts a
# few demo entries in alice's vault (credvault-cli demo-entries, sealed like the app does)
# and opens the customer app signed in as alice. Unlock codes land in the deployment's
# Maildir outbox (printed). Ctrl-C (or closing the app) stops everything.
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

source scripts/lib/demo-servers.sh
start_demo_servers "$bin" "$demo"

"$bin/credvault-cli" demo-entries --dir "$demo" | sed 's/^/demo: /'

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
echo "demo: opening the customer app signed in as alice (close its window or press Ctrl-C to stop everything)"
echo "demo: to read the entries: \"Send me an unlock code\", then the code from the newest file in $demo/outbox/new"
awk '$2 == "alice" { print $3 }' "$demo/demo-credentials.txt" |
    "$bin/credvault" --config "$demo/client.conf" --user alice --password-stdin "$@"
