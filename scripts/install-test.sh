#!/usr/bin/env bash
# The install test (README: "Packages"): builds the packages (scripts/package.sh: the
# `package` preset, CPack, lintian), then
#   .deb  — in a clean Debian 12 root made by `debootstrap --variant=minbase bookworm`
#           (debootstrap's default mirror; bookworm-backports derived from the root's own
#           source, for SQLCipher 4.6.1): apt installs the three packages and resolves
#           their dependencies; every executable answers --version; the system user and
#           folders exist; the units pass systemd-analyze verify, score at most 2.0 on
#           its exposure scale and are not enabled; init-demo, both servers started there
#           as the user credvault and answering over TLS, demo entries sealed through
#           them, the customer app started on the offscreen platform; an upgrade (the
#           same package one version later) keeps /etc/credvault; a purge removes every
#           file the packages installed and keeps keys and data;
#   .rpm  — their requirements listed, the scriptlets checked by sh -n, a test install
#           and a real one (no dependencies, no scripts: this is not an RPM system) into
#           a scratch root, then erased;
#   .tar.gz — unpacked, the server executables run from there.
# Needs root (debootstrap, chroot) and the network to the Debian archive. Takes ~10 min
# the first time (the base root is kept in build/install-test/base for later runs).
#
#   bash scripts/install-test.sh [--no-build]   # --no-build: use build/packages as it is
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null && exec sudo -E bash "$0" "$@"
    echo "install-test: run as root" >&2
    exit 1
fi
cd "$(dirname "$0")/.."
src=$PWD
packages=$src/build/packages
work=$src/build/install-test
version=$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' CMakeLists.txt | head -n 1)

start=$SECONDS
step() { echo "== $* ($((SECONDS - start)) s)"; }
fail() {
    echo "install-test: FAILED: $*" >&2
    exit 1
}

if [ "${1:-}" != --no-build ]; then
    step "packages"
    bash scripts/package.sh
else
    step "lintian on the packages as they are"
    bash scripts/package.sh --check
fi
debs=("$packages"/credvault_*.deb "$packages"/credvault-support_*.deb "$packages"/credvault-server_*.deb)
for f in "${debs[@]}"; do [ -f "$f" ] || fail "no package $f (run scripts/package.sh)"; done

# --- a clean Debian 12 root
mkdir -p "$work"
if [ ! -f "$work/base/.complete" ]; then
    step "debootstrap --variant=minbase bookworm"
    rm -rf "$work/base"
    debootstrap --variant=minbase bookworm "$work/base" >"$work/debootstrap.log" 2>&1 ||
        { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
    touch "$work/base/.complete"
fi
root=$work/root
mounted=()
cleanup() {
    set +e
    [ -n "${keyserver_pid:-}" ] && kill "$keyserver_pid" 2>/dev/null
    [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}"; done
}
trap cleanup EXIT
step "a fresh copy of the root"
# A run that was killed may have left its mounts: never delete through them.
{ findmnt -rn -o TARGET | grep -F "$root/" || true; } | sort -r | xargs -r umount -l
rm -rf --one-file-system "$root"
cp -a "$work/base" "$root"
for m in proc sys dev dev/pts; do
    mount --bind "/$m" "$root/$m"
    mounted+=("$root/$m")
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
# Nothing may be started by a package here.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
# shellcheck source=lib/backports.sh
. scripts/lib/backports.sh
add_backports_source "$root" install-test
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

step "apt installs the three packages, resolving their dependencies"
mkdir -p "$root/tmp/debs"
cp "${debs[@]}" "$root/tmp/debs/"
in_root apt-get update -qq
# A server has systemd (minbase has not): the units are verified against it below. It is
# not running here, so the maintainer scripts take their no-systemd paths.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd \
    >"$work/apt-systemd.log" 2>&1 || { tail -30 "$work/apt-systemd.log"; fail "apt-get install systemd"; }
in_debs=()
for f in "${debs[@]}"; do in_debs+=("/tmp/debs/$(basename "$f")"); done
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${in_debs[@]}" \
    >"$work/apt-install.log" 2>&1 || { tail -30 "$work/apt-install.log"; fail "apt-get install"; }
grep -E '^(Setting up|Unpacking) credvault' "$work/apt-install.log" || true

step "--version"
for exe in credvault credvault-support credvault-server credvault-keyserver credvault-cli; do
    out=$(in_root "$exe" --version) || fail "$exe --version"
    [ "$out" = "$exe $version" ] || fail "$exe --version said '$out'"
    echo "   $out"
done

step "the system user, the folders, the units (verified, not enabled)"
in_root getent passwd credvault | grep -q ':/var/lib/credvault:' || fail "no system user credvault"
[ "$(in_root stat -c '%a %U %G' /etc/credvault)" = "750 root credvault" ] || fail "/etc/credvault: $(in_root stat -c '%a %U %G' /etc/credvault)"
[ "$(in_root stat -c '%a %U' /var/lib/credvault)" = "700 credvault" ] || fail "/var/lib/credvault: $(in_root stat -c '%a %U' /var/lib/credvault)"
for unit in credvault-keyserver credvault-server; do
    [ -f "$root/usr/lib/systemd/system/$unit.service" ] || fail "no $unit.service"
    grep -q "^ConditionPathExists=/etc/credvault/" "$root/usr/lib/systemd/system/$unit.service" || fail "$unit starts unconfigured"
    if find "$root/etc/systemd/system" -name "$unit.service" 2>/dev/null | grep -q .; then fail "$unit is enabled"; fi
    # systemd's own checks of the unit as installed, and its exposure score (0 best, 10 worst).
    out=$(systemd-analyze verify --man=no --root="$root" "/usr/lib/systemd/system/$unit.service" 2>&1) ||
        fail "systemd-analyze verify $unit: $out"
    exposure=$(systemd-analyze security --offline=yes "$root/usr/lib/systemd/system/$unit.service" 2>/dev/null |
        sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
    awk -v e="${exposure:-99}" 'BEGIN { exit !(e <= 2.0) }' || fail "$unit: exposure ${exposure:-unknown} (more than 2.0)"
    echo "   $unit.service: verified; exposure $exposure"
done
echo "   credvault:x … /var/lib/credvault; /etc/credvault 750 root:credvault; units present, none enabled"

step "init-demo and both servers inside the root, as the user credvault"
in_root credvault-cli init-demo --dir /srv/demo >/dev/null
in_root chown -R credvault:credvault /srv/demo
wait_listening() { # LOG COUNT
    for _ in $(seq 1 100); do
        [ "$(grep -c '^listening on https://' "$1" 2>/dev/null || true)" -ge "$2" ] && return 0
        sleep 0.2
    done
    return 1
}
chroot --userspec=credvault:credvault "$root" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \
    credvault-keyserver --config /srv/demo/keyserver.conf \
    >"$work/keyserver.out" 2>"$work/keyserver.err" &
keyserver_pid=$!
wait_listening "$work/keyserver.out" 3 || { cat "$work/keyserver.err"; fail "the keyserver did not listen"; }
chroot --userspec=credvault:credvault "$root" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \
    credvault-server --config /srv/demo/server.conf \
    >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
wait_listening "$work/server.out" 1 || { cat "$work/server.err"; fail "the vault server did not listen"; }
cat "$work/keyserver.out" "$work/server.out" | sed 's/^/   /'
api=$(sed -n 's|^listening on \(https://[^ ]*\) (api)$|\1|p' "$work/server.out")
code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$root/srv/demo/pki/root.pem" "$api/v1/health" || true)
[ "$code" = 200 ] || fail "GET $api/v1/health answered $code"
echo "   GET $api/v1/health: $code over TLS, the deployment's root trusted"
in_root credvault-cli demo-entries --dir /srv/demo >/dev/null || fail "demo-entries"
echo "   demo-entries: five entries sealed for alice through both servers"
set +e
timeout 6 chroot "$root" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/tmp QT_QPA_PLATFORM=offscreen \
    XDG_RUNTIME_DIR=/tmp credvault --config /srv/demo/client.conf >"$work/app.log" 2>&1
rc=$?
set -e
[ "$rc" = 124 ] || { cat "$work/app.log"; fail "the customer app ended at once (exit $rc)"; }
echo "   the customer app ran until stopped (offscreen platform)"
kill -TERM "$keyserver_pid" "$server_pid" || fail "a server had already stopped: $(cat "$work/keyserver.err" "$work/server.err")"
wait "$keyserver_pid" || fail "the keyserver did not stop cleanly"
wait "$server_pid" || fail "the vault server did not stop cleanly"
keyserver_pid="" server_pid=""
echo "   both stopped on SIGTERM with exit 0"

step "an upgrade keeps /etc/credvault"
cp "$root/usr/share/doc/credvault-server/examples/server.conf" "$root/etc/credvault/server.conf"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$root/etc/credvault/vault-db.key"
chmod 600 "$root/etc/credvault/vault-db.key"
before=$(cd "$root/etc/credvault" && sha256sum server.conf vault-db.key)
# The same package one version later (its control file rewritten): dpkg runs the upgrade
# paths of the maintainer scripts (prerm upgrade, postinst configure OLD).
rm -rf "$work/upgrade"
dpkg-deb -R "${debs[2]}" "$work/upgrade"
sed -i "s/^Version: .*/Version: ${version}+upgrade1/" "$work/upgrade/DEBIAN/control"
dpkg-deb -b "$work/upgrade" "$root/tmp/debs/upgrade.deb" >/dev/null
in_root dpkg -i /tmp/debs/upgrade.deb >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log"; fail "upgrade"; }
[ "$(in_root dpkg-query -W -f='${Version}' credvault-server)" = "${version}+upgrade1" ] || fail "not upgraded"
after=$(cd "$root/etc/credvault" && sha256sum server.conf vault-db.key)
[ "$before" = "$after" ] || fail "the upgrade changed /etc/credvault"
echo "   upgraded to ${version}+upgrade1; server.conf and a key file unchanged"

step "purge"
printf 'a database\n' >"$root/var/lib/credvault/vault.db"
installed=$(in_root dpkg -L credvault credvault-support credvault-server | sort -u)
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq credvault credvault-support credvault-server \
    >"$work/apt-purge.log" 2>&1 || { tail -30 "$work/apt-purge.log"; fail "purge"; }
if in_root dpkg -l 'credvault*' 2>/dev/null | grep -q '^[a-z][a-z] '; then
    in_root dpkg -l 'credvault*' | grep '^[a-z][a-z] ' | grep -v '^un' && fail "packages left after purge"
fi
left=0
while read -r f; do
    [ -n "$f" ] || continue
    if [ -f "$root$f" ] || [ -L "$root$f" ]; then
        echo "   left: $f"
        left=1
    fi
done <<<"$installed"
[ "$left" = 0 ] || fail "files left after purge"
[ -f "$root/etc/credvault/server.conf" ] || fail "the purge deleted the operator's configuration"
[ -f "$root/var/lib/credvault/vault.db" ] || fail "the purge deleted the data"
grep -q "kept /etc/credvault" "$work/apt-purge.log" || fail "the purge did not say what it kept"
echo "   $(wc -l <<<"$installed") paths of the packages gone; /etc/credvault and /var/lib/credvault kept and said so"
umount_all() { for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}"; done; mounted=(); }
umount_all

# --- RPM, as far as a Debian machine allows
step "rpm"
rpms=("$packages"/*.rpm)
scratch=$work/rpm-root
rm -rf "$scratch"
mkdir -p "$scratch"
rpm --root "$scratch" --initdb
for r in "${rpms[@]}"; do
    name=$(rpm -qp --qf '%{NAME}' "$r")
    requires=$(rpm -qpR "$r" | grep -v '^rpmlib(' | sort -u)
    echo "   $name requires $(grep -c '(64bit)' <<<"$requires") shared-library symbols (rpmbuild's) and:" \
        "$(grep -v '(64bit)' <<<"$requires" | grep -v '^rtld(' | tr '\n' ' ')"
    for tag in PREIN POSTIN PREUN POSTUN; do
        script=$(rpm -qp --qf "%{$tag}" "$r")
        [ "$script" = "(none)" ] && continue
        sh -n <<<"$script" || fail "$name: the $tag scriptlet does not parse"
    done
done
# (Debian's rpm warns that it is not the system's package manager: it is not, here.)
out=$(rpm --root "$scratch" -i --test --nodeps "${rpms[@]}" 2>&1) || { echo "$out"; fail "rpm --test -i"; }
if rpm --root "$scratch" -q --quiet credvault 2>/dev/null; then fail "rpm --test -i installed something"; fi
rpm --root "$scratch" -i --nodeps --noscripts "${rpms[@]}" 2>/dev/null || fail "rpm -i"
for f in usr/bin/credvault usr/bin/credvault-support usr/bin/credvault-server usr/bin/credvault-keyserver \
    usr/bin/credvault-cli usr/lib/systemd/system/credvault-keyserver.service; do
    [ -f "$scratch/$f" ] || fail "rpm did not install /$f"
done
rpm --root "$scratch" -e --nodeps --noscripts credvault credvault-support credvault-server 2>/dev/null || fail "rpm -e"
[ ! -e "$scratch/usr/bin/credvault-cli" ] || fail "rpm -e left /usr/bin/credvault-cli"
echo "   test install, install and erase in a scratch root: ok"

step "tar.gz"
tgz=$work/tgz
rm -rf "$tgz"
mkdir -p "$tgz"
for t in "$packages"/*.tar.gz; do tar -xzf "$t" -C "$tgz"; done
for exe in credvault-server credvault-keyserver credvault-cli; do
    out=$(find "$tgz" -path "*/bin/$exe" -exec {} --version \;)
    [ "$out" = "$exe $version" ] || fail "$exe from the archive said '$out'"
done
echo "   unpacked; the servers and credvault-cli run from there"

step "install test passed"
