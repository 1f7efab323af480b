#!/usr/bin/env bash
# Brings a Debian 12 (bookworm) machine to everything CredVault needs to build, test,
# benchmark and package. Idempotent: when every package is present it only checks and
# exits within a second or two.
#
# SQLCipher 4.6.1 comes from bookworm-backports. The backports source is derived from the
# machine's own bookworm source (same URIs, same Signed-By), so no mirror is named here.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        exec sudo -E bash "$0" "$@"
    fi
    echo "install-deps: run as root (or install sudo)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive

# Build, run and test packages. Keep one package a line, sorted within each group.
packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config clang-format clang-tidy git
    # fuzzing (scripts/fuzz.sh): Debian's clang and its libFuzzer and sanitizer runtimes
    clang libclang-rt-14-dev
    # libraries
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins qt6-translations-l10n qtkeychain-qt6-dev libssl-dev openssl libcurl4-openssl-dev
    libargon2-dev libboost1.81-dev
    # tests: real SMTP, a headless display, a real keyring, fonts for screenshots
    python3 python3-aiosmtpd xvfb xauth x11-utils imagemagick gnome-keyring dbus dbus-x11
    fonts-dejavu-core
    # fault tests: a wall clock that jumps (libfaketime), a filesystem that fills (unshare)
    libfaketime util-linux
    # benchmarks, packages and their checks
    libsodium-dev nginx rpm wrk file dpkg-dev desktop-file-utils appstream lintian debootstrap
)
backports_packages=(libsqlcipher-dev sqlcipher)
sqlcipher_min_version="4.6.1"

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
        missing+=("$p")
    fi
done
need_sqlcipher=0
for p in "${backports_packages[@]}"; do
    v=$(dpkg-query -W -f='${db:Status-Status} ${Version}' "$p" 2>/dev/null || true)
    case "$v" in
        installed\ *)
            if ! dpkg --compare-versions "${v#installed }" ge "$sqlcipher_min_version"; then
                need_sqlcipher=1
            fi
            ;;
        *) need_sqlcipher=1 ;;
    esac
done

if [ ${#missing[@]} -eq 0 ] && [ "$need_sqlcipher" -eq 0 ]; then
    echo "install-deps: all dependencies present"
    exit 0
fi

# shellcheck source=lib/backports.sh
. "$(dirname "$0")/lib/backports.sh"
add_backports_source / install-deps || exit 1

log=$(mktemp /tmp/credvault-install-deps.XXXXXX.log)
echo "install-deps: installing ${#missing[@]} package(s)$([ "$need_sqlcipher" -eq 1 ] && echo " and SQLCipher from bookworm-backports") (log: $log)"
run_logged() {
    if ! "$@" >>"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "install-deps: failed: $*" >&2
        exit 1
    fi
}
run_logged apt-get update
# nginx is only the benchmark's side-by-side: no package may start a service while we
# install (policy-rc.d, removed again unless it was there before).
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    own_policy=1
    trap '[ "$own_policy" = 1 ] && rm -f "$policy"' EXIT
fi
# Backports only for SQLCipher: "-t bookworm-backports" for everything would drag other
# packages along.
run_logged apt-get install -y --no-install-recommends "${packages[@]}" \
    libsqlcipher-dev/bookworm-backports sqlcipher/bookworm-backports
rm -f "$log"
if [ "$own_policy" = 1 ]; then
    rm -f "$policy"
fi
echo "install-deps: done"
