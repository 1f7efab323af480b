#!/usr/bin/env bash
# Builds the packages: installs everything, builds the `package` preset (release, no
# tests, /usr) and runs CPack — credvault, credvault-support and credvault-server, each as
# .deb, .rpm and .tar.gz — into build/packages, then lintian on the .debs (no errors
# allowed). Prints the packages and their sizes.
#
#   bash scripts/package.sh           # build, package, check
#   bash scripts/package.sh --check   # only lintian on the packages in build/packages
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/build/packages

if [ "${1:-}" != --check ]; then
    bash scripts/install-deps.sh
    cmake --preset package
    cmake --build --preset package -j 2

    rm -rf "$out"
    mkdir -p "$out"
    # CPack's rpmbuild writes into $HOME: a scratch one, so nothing of the user's is touched.
    scratch=$(mktemp -d /tmp/credvault-cpack.XXXXXX)
    trap 'rm -rf "$scratch"' EXIT
    (cd build/package && HOME=$scratch cpack -B "$out" --config CPackConfig.cmake)
    rm -rf "$out/_CPack_Packages"
fi

echo "== lintian"
status=0
for deb in "$out"/*.deb; do
    # Errors fail; warnings are shown. The overrides say why each remaining tag is right.
    lintian --tag-display-limit 0 --suppress-tags-from-file installer/debian/lintian-overrides \
        --fail-on error "$deb" || status=1
done
echo "== packages"
(cd "$out" && ls -l --block-size=K ./*.deb ./*.rpm ./*.tar.gz | awk '{print $5, $9}')
exit $status
