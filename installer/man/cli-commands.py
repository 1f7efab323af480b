#!/usr/bin/python3
"""Writes credvault-cli's manual page: the template with @VERSION@ and @COMMANDS@ filled
in, the commands from the executable's own --help texts, so the page says what the
code does.

    cli-commands.py CREDVAULT_CLI TEMPLATE VERSION OUTPUT
"""
import re
import subprocess
import sys


def roff(text: str) -> str:
    text = text.replace("\\", "\\e").replace("-", "\\-")
    # A line starting with . or ' would be a request.
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.M)


def help_of(cli: str, args: list[str]) -> str:
    return subprocess.run([cli, *args, "--help"], check=True, capture_output=True, text=True,
                          env={"LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}).stdout


def options(block: list[str]) -> list[tuple[str, str]]:
    """Qt's option listing: "  --name <v>  text", continued on indented lines."""
    out: list[tuple[str, str]] = []
    for line in block:
        m = re.match(r"^  (-\S.*?)(?:\s{2,}(.*))?$", line)
        if m:
            out.append((m.group(1).strip(), (m.group(2) or "").strip()))
        elif out and line.strip():
            out[-1] = (out[-1][0], (out[-1][1] + " " + line.strip()).strip())
    return out


def main() -> int:
    cli, template, version, output = sys.argv[1:5]
    top = help_of(cli, [])
    commands = []
    in_commands = False
    for line in top.splitlines():
        if line.startswith("Commands:"):
            in_commands = True
            continue
        if in_commands and line.strip():
            m = re.match(r"^  (\S+(?: [a-z][a-z-]*)*?)\s{2,}", line) or re.match(r"^  (\S+(?: \S+)*?) (?=[A-Z])", line)
            if m:
                commands.append(m.group(1))
    if not commands:
        print("cli-commands: no commands in credvault-cli --help", file=sys.stderr)
        return 1
    parts = []
    for command in commands:
        text = help_of(cli, command.split())
        lines = text.splitlines()
        description = lines[1].strip() if len(lines) > 1 else ""
        try:
            start = lines.index("Options:") + 1
        except ValueError:
            start = len(lines)
        parts.append(".SS " + roff(command))
        parts.append(roff(description))
        for name, what in options(lines[start:]):
            if name.startswith("-h, --help"):
                continue
            parts.append(".TP")
            parts.append(".B " + roff(name) if "<" not in name else roff(name))
            parts.append(roff(what))
    page = open(template, encoding="utf-8").read()
    page = page.replace("@VERSION@", version).replace("@COMMANDS@", "\n".join(parts))
    with open(output, "w", encoding="utf-8") as f:
        f.write(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
