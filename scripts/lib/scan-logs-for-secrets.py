#!/usr/bin/python3
"""The suite's last test: no secret a test used appears in any log of the run, and no
server reported a sanitizer error (a leak at exit included: the everyday build runs the
servers under AddressSanitizer with LeakSanitizer on).

    scan-logs-for-secrets.py SCAN_DIR [EXTRA_LOG ...]

SCAN_DIR is CREDVAULT_SECRET_SCAN_DIR: secrets/*.txt hold the secrets the tests noted
(one base64 line each: passwords, key files, unlock codes, tokens, session ids), logs/
every server log the tests collected. EXTRA_LOG files (CTest's record of every test's
output) are searched too. Exits 1 naming the log and the first characters of each secret
found; 2 if tests noted secrets but no log was kept (the keeping is broken). A run whose
tests started no server (unit tests alone) has nothing to scan, and passes saying so.
"""
import base64
import os
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    scan_dir = sys.argv[1]
    secrets = set()
    for root, _, files in os.walk(os.path.join(scan_dir, "secrets")):
        for name in files:
            with open(os.path.join(root, name), "rb") as f:
                for line in f:
                    line = line.strip()
                    if line:
                        secret = base64.b64decode(line)
                        if len(secret) >= 8 and b"\n" not in secret:
                            secrets.add(secret)
    logs = []
    for root, _, files in os.walk(os.path.join(scan_dir, "logs")):
        logs += [os.path.join(root, n) for n in sorted(files)]
    logs += [p for p in sys.argv[2:] if os.path.isfile(p)]
    kept = [p for p in logs if p.startswith(os.path.join(scan_dir, "logs"))]
    if not secrets:
        print(f"nothing to scan: no test of this run noted a secret ({len(kept)} server logs kept)")
        return 0
    if not kept:
        print(f"{len(secrets)} secrets noted but no server log kept in {scan_dir}", file=sys.stderr)
        return 2
    lines = 0
    for p in logs:
        with open(p, "rb") as f:
            lines += sum(1 for _ in f)

    # grep -F (Aho-Corasick) with every secret at once, then name what each hit was.
    with tempfile.NamedTemporaryFile(prefix="credvault-scan.") as patterns:
        patterns.write(b"\n".join(sorted(secrets)) + b"\n")
        patterns.flush()
        hits = subprocess.run(["grep", "-F", "-a", "-l", "-f", patterns.name, "--"] + logs,
                              stdout=subprocess.PIPE, check=False)
    if hits.returncode not in (0, 1):
        print("grep failed", file=sys.stderr)
        return 2
    found = [p for p in hits.stdout.decode().splitlines() if p]
    for p in found:
        with open(p, "rb") as f:
            text = f.read()
        shown = sorted({s[:4].decode(errors="replace") + "…" for s in secrets if s in text})
        print(f"SECRET IN LOG: {p}: {', '.join(shown)}")
    reports = []
    for p in kept:
        with open(p, "rb") as f:
            text = f.read()
        for marker in (b"ERROR: LeakSanitizer", b"ERROR: AddressSanitizer", b"runtime error:",
                       b"LeakSanitizer has encountered a fatal error"):
            if marker in text:
                reports.append(p)
                at = text.index(marker)
                print(f"SANITIZER REPORT IN LOG: {p}:\n{text[at:at + 2000].decode(errors='replace')}")
                break
    print(f"scanned {len(logs)} logs ({lines} lines) for {len(secrets)} secrets: "
          f"{'found in ' + str(len(found)) + ' logs' if found else 'none found'}; "
          f"sanitizer reports in {len(reports)} of {len(kept)} server logs")
    return 1 if found or reports else 0


if __name__ == "__main__":
    sys.exit(main())
