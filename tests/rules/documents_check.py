#!/usr/bin/env python3
"""Check rule statuses of the default ruleset on small documents (documents/cases.tsv).

Usage: documents_check.py TENDERLINT CASES.tsv [--ruleset PATH]
Some patterns read a whole article or the whole document (scope "article", document_has), which a
rule's one-paragraph examples cannot show: each case names a Markdown document beside cases.tsv, a
rule and the status `check --format json` must give. Prints every failure with the evidence.
"""
import json
import os
import subprocess
import sys


def findings(tenderlint, path, extra):
    proc = subprocess.run([tenderlint, "check", "--format", "json", path] + extra,
                          capture_output=True, text=True, timeout=60)
    report = json.loads(proc.stdout)
    d = report["documents"][0] if "documents" in report else report
    return {f["rule"]: f for f in d.get("findings", [])}


def main():
    tenderlint, cases = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]
    folder = os.path.dirname(os.path.abspath(cases))
    passed = failed = 0
    cache = {}
    with open(cases, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            doc, rule, expect = line.split("\t")
            if doc not in cache:
                cache[doc] = findings(tenderlint, os.path.join(folder, doc), extra)
            got = cache[doc].get(rule)
            status = got["status"] if got else "(no finding)"
            if status == expect:
                passed += 1
            else:
                failed += 1
                quotes = [e.get("quote", "")[:100] for e in (got or {}).get("evidence", [])]
                print(f"{cases}:{n}: {doc} {rule}: expected {expect}, got {status} {quotes}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
