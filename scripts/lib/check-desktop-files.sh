#!/usr/bin/env bash
# The desktop integration and the manual pages, checked (CTest: desktop_files_and_man_pages):
#   - each .desktop file valid under desktop-file-validate, each AppStream file under
#     appstreamcli validate (no network);
#   - each manual page names every option its executable's --help lists, and
#     credvault-cli's names every command (the page is made from the --help texts; this
#     catches a template that lost its @COMMANDS@ or a generator that stopped finding them).
#
#   check-desktop-files.sh SOURCE_DIR BIN_DIR MAN_BUILD_DIR
set -euo pipefail
src=$1 bin=$2 man=$3
status=0
fail() { echo "FAIL: $*"; status=1; }

for f in "$src"/resources/linux/*.desktop; do
    out=$(desktop-file-validate "$f" 2>&1) || fail "$f: $out"
    grep -v ': hint: ' <<<"$out" | grep -q . && fail "$f: $out"
done
for f in "$src"/resources/linux/*.metainfo.xml; do
    appstreamcli validate --no-net --no-color "$f" >/tmp/credvault-appstream.$$ 2>&1 || fail "$f: $(cat /tmp/credvault-appstream.$$)"
    rm -f /tmp/credvault-appstream.$$
done

# A page in roff writes "--name" as "\-\-name".
page_has() { grep -qF -- "$(sed 's/-/\\-/g' <<<"$2")" "$1"; }
options_of() { "$bin/$1" --help 2>/dev/null | grep -oE '^ +(-[a-z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z][a-z-]*'; }
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8
for pair in credvault:credvault.1 credvault-support:credvault-support.1 \
    credvault-server:credvault-server.8 credvault-keyserver:credvault-keyserver.8; do
    exe=${pair%%:*} page=$src/installer/man/${pair#*:}
    n=0
    for o in $(options_of "$exe"); do
        [ "$o" = --help-all ] && o=--help
        page_has "$page" "$o" || fail "$page does not name $o (from $exe --help)"
        n=$((n + 1))
    done
    [ "$n" -ge 3 ] || fail "$exe --help listed only $n options"
done
cli_page=$man/credvault-cli.1
[ -s "$cli_page" ] || fail "$cli_page is missing"
commands=$("$bin/credvault-cli" --help | sed -n '/^Commands:/,$p' | sed 1d | sed -E 's/^  ([a-z][a-z -]*[a-z]) +[A-Z].*/\1/' | grep .)
count=0
while read -r c; do
    grep -qF ".SS $(sed 's/-/\\-/g' <<<"$c")" "$cli_page" || fail "$cli_page has no section for '$c'"
    for o in $("$bin/credvault-cli" $c --help | grep -oE '^ +--[a-z][a-z-]*' | tr -d ' '); do
        [ "$o" = --help ] && continue
        page_has "$cli_page" "$o" || fail "$cli_page does not name $o of '$c'"
    done
    count=$((count + 1))
done <<<"$commands"
[ "$count" -ge 20 ] || fail "credvault-cli --help listed only $count commands"
echo "desktop files, AppStream files and manual pages: $([ $status = 0 ] && echo ok || echo FAILED) ($count cli commands)"
exit $status
