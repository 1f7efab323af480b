# add_backports_source ROOT WHO: makes ROOT/etc/apt/sources.list.d/backports.sources
# (bookworm-backports, main) unless ROOT already has a backports source, from ROOT's own
# bookworm source — same URIs, same Signed-By — so no mirror is named in this project.
# Used by install-deps.sh (ROOT /) and by the install test (ROOT a debootstrap root).
add_backports_source() {
    local root=${1%/} who=$2
    local backports_file=$root/etc/apt/sources.list.d/backports.sources
    if [ -f "$backports_file" ] || grep -rqs 'bookworm-backports' "$root/etc/apt/sources.list" "$root/etc/apt/sources.list.d/"; then
        return 0
    fi
    local uris="" signed_by=""
    if [ -f "$root/etc/apt/sources.list.d/debian.sources" ]; then
        # deb822: take the stanza whose Suites holds the word "bookworm".
        read -r uris signed_by < <(awk '
            BEGIN { RS = ""; FS = "\n" }
            {
                u = ""; s = ""; suites = ""
                for (i = 1; i <= NF; i++) {
                    if ($i ~ /^URIs:/)      { u = $i; sub(/^URIs:[ \t]*/, "", u) }
                    if ($i ~ /^Signed-By:/) { s = $i; sub(/^Signed-By:[ \t]*/, "", s) }
                    if ($i ~ /^Suites:/)    { suites = " " $i " " }
                }
                if (suites ~ /[ \t]bookworm[ \t]/ && u != "") { split(u, a, " "); print a[1], s; exit }
            }' "$root/etc/apt/sources.list.d/debian.sources")
    fi
    if [ -z "$uris" ] && [ -f "$root/etc/apt/sources.list" ]; then
        # One-line format: "deb [options] URI bookworm main ..."
        uris=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { if ($(i+1) == "bookworm") { print $i; exit } break } }' "$root/etc/apt/sources.list")
    fi
    if [ -z "$uris" ]; then
        echo "$who: found no apt source for bookworm in $root to derive bookworm-backports from" >&2
        return 1
    fi
    [ -n "$signed_by" ] || signed_by=/usr/share/keyrings/debian-archive-keyring.gpg
    mkdir -p "$(dirname "$backports_file")"
    printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: %s\n' \
        "$uris" "$signed_by" >"$backports_file"
    echo "$who: wrote $backports_file"
}
