#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy at the root) over the project's sources, or the files
# given. GCC builds the tree, so the compile database is cleaned first of what clang
# cannot take: GCC's precompiled headers and GCC-only flags.
#
#   bash scripts/tidy.sh [FILE...]      (uses build/dev; configure it first)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build/dev}
[ -f "$build/compile_commands.json" ] || cmake --preset dev >/dev/null
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
/usr/bin/python3 - "$build/compile_commands.json" "$db/compile_commands.json" <<'PY'
import json, shlex, sys
entries = json.load(open(sys.argv[1]))
drop_next = False
for e in entries:
    args = shlex.split(e["command"])
    out = []
    skip = False
    for i, a in enumerate(args):
        if skip:
            skip = False
            continue
        if a == "-include" and i + 1 < len(args) and "cmake_pch" in args[i + 1]:
            skip = True
            continue
        if a in ("-Winvalid-pch", "-ftrivial-auto-var-init=zero", "-fno-delete-null-pointer-checks"):
            continue
        out.append(a)
    e["command"] = shlex.join(out)
json.dump([e for e in entries if "_autogen" not in e["file"]], open(sys.argv[2], "w"))
PY
if [ $# -gt 0 ]; then
    files=("$@")
else
    mapfile -t files < <(git ls-files 'core/*.cpp' 'server/*.cpp' 'ui/*.cpp' 'app/*.cpp')
fi
clang-tidy -p "$db" --quiet "${files[@]}"
