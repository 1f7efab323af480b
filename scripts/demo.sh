#!/usr/bin/env bash
# The README's first command: installs everything, builds, and opens the customer app.
# As the product grows this sets up a local deployment (init-demo), starts both servers
# on loopback and signs the demo customer in; today it opens the app's main window.
#
#   bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j 2 --target credvault credvault-support credvault-server credvault-keyserver credvault-cli

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "demo: built, but there is no display to open the app on." >&2
    echo "demo: run this from a desktop session, or under Xvfb: xvfb-run -a bash scripts/demo.sh" >&2
    exit 1
fi
echo "demo: opening the customer app (close its window to stop)"
exec build/release/bin/credvault "$@"
