#!/usr/bin/python3
"""Fills the English plural forms of translations/credvault_en.ts that lupdate leaves
empty: a %n message's source is its plural form; the singular drops "(s)" or turns the
plural word next to %n into its singular. Messages it cannot derive are listed and make
it exit 1, so a new kind of %n message is noticed. Used by update-translations.sh."""
import re
import sys

SINGULAR = {"entries": "entry", "tries": "try", "minutes": "minute", "seconds": "second",
            "hours": "hour", "bits": "bit", "days": "day", "events": "event", "unlocks": "unlock",
            "customers": "customer"}


def forms(source):
    if "(s)" in source:
        return source.replace("(s)", ""), source.replace("(s)", "s")
    m = re.search(r"%n (\w+)", source)
    if m and m.group(1) in SINGULAR:
        return source[:m.start(1)] + SINGULAR[m.group(1)] + source[m.end(1):], source
    if re.search(r"%n by ", source):  # "%n by support": the same in both forms
        return source, source
    return None


def main(path):
    text = open(path, encoding="utf-8").read()
    missing = []
    pattern = re.compile(r'(<message numerus="yes">\s*<source>)([^<]*)(</source>\s*)'
                         r'<translation type="unfinished">\s*<numerusform></numerusform>\s*'
                         r'<numerusform></numerusform>\s*</translation>', re.S)

    def fill(m):
        f = forms(m.group(2))
        if f is None:
            missing.append(m.group(2))
            return m.group(0)
        return (m.group(1) + m.group(2) + m.group(3) + "<translation>\n            <numerusform>" + f[0] +
                "</numerusform>\n            <numerusform>" + f[1] + "</numerusform>\n        </translation>")

    text = pattern.sub(fill, text)
    open(path, "w", encoding="utf-8").write(text)
    for s in missing:
        print(f"english-plurals: cannot derive the forms of: {s}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
