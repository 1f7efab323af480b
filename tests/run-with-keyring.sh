#!/bin/sh
# Runs a command inside its own D-Bus session with a real, unlocked gnome-keyring (the
# Secret Service QtKeychain talks to). Use inside run-isolated.sh, which provides a
# throw-away HOME for the keyring's files. Usage: run-with-keyring.sh CMD [ARGS...]
set -u
exec dbus-run-session -- sh -c '
    printf %s credvault-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
    exec "$@"' sh "$@"
