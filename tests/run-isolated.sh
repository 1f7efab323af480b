#!/bin/sh
# Runs one test with a fresh HOME and XDG_RUNTIME_DIR (0700) and the offscreen Qt
# platform, so no test reads or writes the developer's own settings, keyring or display,
# then removes them. Usage: run-isolated.sh TEST [ARGS...]
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/credvault-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -m 700 "$tmp/home" "$tmp/runtime"
export HOME="$tmp/home"
export XDG_RUNTIME_DIR="$tmp/runtime"
export XDG_CONFIG_HOME="$tmp/home/.config"
export XDG_DATA_HOME="$tmp/home/.local/share"
export XDG_CACHE_HOME="$tmp/home/.cache"
export CREDVAULT_TEST_TMP="$tmp"
export QT_QPA_PLATFORM=offscreen
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
"$@"
