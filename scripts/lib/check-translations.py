#!/usr/bin/python3
"""Fails on any translation that is not complete and right (CTest: translations_complete).

For every translations/credvault_LANG.ts but the English source:
  - the same messages as the English source (nothing missing, nothing extra);
  - no message unfinished, vanished or obsolete, none empty;
  - the placeholders (%1 … %99, %L1, %n) of the source in every form, as often;
  - as many keyboard accelerators ("&" before a letter) as the source;
  - plural messages with the language's number of forms, each using %n.

    check-translations.py [translations folder]
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter

# Plural forms per language, as Qt's lrelease counts them (qtbase/src/.../qlocale plural rules).
PLURAL_FORMS = {"de": 2, "fr": 2, "en": 2}
PLACEHOLDER = re.compile(r"%L?\d{1,2}|%n")
ACCELERATOR = re.compile(r"&(?=[^&\s;])")


def accelerators(text: str) -> int:
    return len(ACCELERATOR.findall(text.replace("&&", "")))


def messages(path: pathlib.Path):
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            yield name, m


def main() -> int:
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2] / "translations")
    source = folder / "credvault_en.ts"
    expected = Counter((ctx, m.findtext("source")) for ctx, m in messages(source))
    problems: list[str] = []
    files = sorted(p for p in folder.glob("credvault_*.ts") if p != source)
    if not files:
        problems.append(f"{folder}: no translations besides the English source")
    for path in files:
        lang = path.stem.split("_", 1)[1]
        forms_wanted = PLURAL_FORMS.get(lang.split("_")[0])
        if forms_wanted is None:
            problems.append(f"{path.name}: no plural rule known for '{lang}'; add it to PLURAL_FORMS")
            continue
        seen = Counter()
        for ctx, m in messages(path):
            src = m.findtext("source") or ""
            seen[(ctx, src)] += 1
            where = f"{path.name}: {ctx}: {src!r}"
            tr = m.find("translation")
            if tr is None:
                problems.append(f"{where}: no translation")
                continue
            kind = tr.get("type")
            if kind:
                problems.append(f"{where}: {kind}")
                continue
            if m.get("numerus") == "yes":
                forms = [f.text or "" for f in tr.findall("numerusform")]
                if len(forms) != forms_wanted:
                    problems.append(f"{where}: {len(forms)} plural forms, '{lang}' has {forms_wanted}")
                for f in forms:
                    if "%n" not in f:
                        problems.append(f"{where}: a plural form without %n: {f!r}")
            else:
                forms = [tr.text or ""]
            for f in forms:
                if not f.strip():
                    problems.append(f"{where}: empty")
                    continue
                if Counter(PLACEHOLDER.findall(src)) != Counter(PLACEHOLDER.findall(f)):
                    problems.append(f"{where}: placeholders {sorted(PLACEHOLDER.findall(src))} "
                                    f"but {sorted(PLACEHOLDER.findall(f))} in {f!r}")
                if accelerators(src) != accelerators(f):
                    problems.append(f"{where}: {accelerators(src)} accelerator(s) but {accelerators(f)} in {f!r}")
        for key in expected - seen:
            problems.append(f"{path.name}: missing {key[0]}: {key[1]!r} (run scripts/update-translations.sh)")
        for key in seen - expected:
            problems.append(f"{path.name}: not in the source {key[0]}: {key[1]!r}")
    for p in problems:
        print(p)
    checked = ", ".join(f"{p.name} ({sum(1 for _ in messages(p))})" for p in files)
    print(f"check-translations: {checked}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
