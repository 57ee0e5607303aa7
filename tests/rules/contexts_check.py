#!/usr/bin/env python3
"""Check the default ruleset's context tags on tiny documents (contexts/cases.tsv).

Usage: contexts_check.py TENDERLINT CASES.tsv
Each case is a Markdown document of a title line and one clause; `check --format json -` must set
(+) or not set (-) the named tag. Prints every failure with the tags found and their evidence.
"""
import json
import subprocess
import sys


def tags_of(tenderlint, text):
    doc = "# Overeenkomst / Agreement\n\n" + text + "\n"
    proc = subprocess.run([tenderlint, "check", "--format", "json", "-"], input=doc,
                          capture_output=True, text=True, timeout=60)
    report = json.loads(proc.stdout)
    d = report["documents"][0] if "documents" in report else report
    return {c["tag"]: [e["quote"] for e in c.get("evidence", [])] for c in d.get("contexts", [])}


def main():
    tenderlint, cases = sys.argv[1], sys.argv[2]
    passed = failed = 0
    with open(cases, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            expect, tag, text = line.split("\t", 2)
            found = tags_of(tenderlint, text)
            ok = (tag in found) == (expect == "+")
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"{cases}:{n}: expected {tag} {'set' if expect == '+' else 'not set'}, "
                      f"got {sorted(found)} — {text}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
