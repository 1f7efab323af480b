#!/usr/bin/env bash
# Refreshes the translation sources in translations/ from the code: every tr() of the
# desktop apps (ui/, core/client/, app/customer, app/support) into each .ts file, without
# source locations and without obsolete messages, so a diff shows only real changes.
# English plural forms are filled in by scripts/lib/english-plurals.py.
# The build turns the .ts files into .qm files embedded in the apps (qt_add_translations).
# Refresh them with this script, not with the build's update_translations target: that
# one reads fewer sources and leaves the English plural forms empty.
#
#   bash scripts/update-translations.sh          # rewrites translations/*.ts
#   bash scripts/update-translations.sh --check  # fails if any .ts is not up to date
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
sources=(ui core/client app/customer app/support)
check=0
[ "${1:-}" = "--check" ] && check=1

shopt -s nullglob
files=(translations/credvault_*.ts)
[ -e translations/credvault_en.ts ] || files+=(translations/credvault_en.ts) # the English source
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for ts in "${files[@]}"; do
    lang=${ts#translations/credvault_}
    lang=${lang%.ts}
    out=$ts
    if [ $check = 1 ]; then
        out="$tmp/$(basename "$ts")"
        cp "$ts" "$out"
    fi
    "$lupdate" -silent -locations none -no-obsolete -source-language en -target-language "$lang" \
        -I core -I ui -extensions cpp,h "${sources[@]}" -ts "$out"
    # English plural forms (lupdate leaves them empty) from the %n sources.
    [ "$lang" = en ] && { /usr/bin/python3 scripts/lib/english-plurals.py "$out" || status=1; }
    if [ $check = 1 ] && ! cmp -s "$ts" "$out"; then
        echo "$ts is not up to date with the code; run: bash scripts/update-translations.sh" >&2
        diff -u "$ts" "$out" | head -40 >&2 || true
        status=1
    fi
done
exit $status
