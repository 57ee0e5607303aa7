#!/usr/bin/env python3
"""check_recheck.py BIN CONTRACT OUTDIR: the round trip the redline exists
for.  `check` the contract, write it back with --redline, and `check
--revisions=accept` the result: every requirement that was missing now has
its suggested clause in the contract (a requirement still missing fails the
test when its clause is not in the accept view; when it is, its rule does not
recognise its own clause, printed as a RULES line), and the count of met
requirements grows; a met one that got worse is printed as a warning
(that is the rules' precedence, not the redline).  A violation stays a
violation (the conflicting text is only commented, never deleted), so
violated findings are reported, not asserted."""
import json
import os
import re
import subprocess
import sys


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def check(binary, path, *extra):
    run = subprocess.run([binary, "check", "--format", "json", *extra, path], capture_output=True, timeout=120)
    if run.returncode not in (0, 1):
        raise SystemExit(f"check {path} exited {run.returncode}: {run.stderr.decode(errors='replace')}")
    return json.loads(run.stdout)


def main():
    binary, contract, outdir = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    os.makedirs(outdir, exist_ok=True)
    name = os.path.basename(contract)
    report = check(binary, contract)
    saved = os.path.join(outdir, name + ".json")
    with open(saved, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False)
    out = os.path.join(outdir, "redlined-" + name)
    run = subprocess.run([binary, "render", "--redline", out, "--input", contract, saved],
                         capture_output=True, timeout=120)
    if run.returncode != 0:
        print(f"redline failed: {run.stderr.decode(errors='replace')}")
        return 1
    before = {f["rule"]: f["status"] for f in report["documents"][0]["findings"]}
    after_doc = check(binary, out, "--revisions=accept")["documents"][0]
    if after_doc.get("error"):
        print(f"the redlined file could not be read: {after_doc['error']}")
        return 1
    after = {f["rule"]: f["status"] for f in after_doc["findings"]}
    run = subprocess.run([binary, "extract", "--format", "json", "--revisions", "accept", out],
                         capture_output=True, timeout=120)
    accepted = [norm(p["text"]) for p in json.loads(run.stdout)["paragraphs"] if p["kind"] != "comment"]
    problems = []
    moved = {}
    for rule, st in before.items():
        moved.setdefault((st, after.get(rule)), []).append(rule)
        if st == "missing" and after.get(rule) == "missing":
            text = next((f.get("suggestion", {}).get("text", "") for f in report["documents"][0]["findings"]
                         if f["rule"] == rule), "")
            lines = [norm(l) for l in text.split("\n") if l.strip()]
            if lines and all(any(l in t for t in accepted) for l in lines):
                # the clause is in the contract and its own rule does not see it: the rules' business
                print(f"RULES: {rule}: still missing although its suggested clause is in the contract")
            else:
                problems.append(f"{rule}: still missing, and its clause is not in the accept view")
        if st == "met" and after.get(rule) != "met":
            # an inserted clause that matches another rule's partial list can
            # outrank its met (engine precedence): reported, not the redline's fault
            print(f"WARNING: {rule}: met before, {after.get(rule)} after")
    n_before = sum(s == "met" for s in before.values())
    n_after = sum(s == "met" for s in after.values())
    fixable = [r for r, st in before.items() if st in ("partial", "missing")]
    if fixable and n_after <= n_before:
        problems.append(f"met did not grow: {n_before} -> {n_after}")
    if not fixable and n_after < n_before:
        # nothing to insert: the redline must leave the findings as they were
        problems.append(f"met fell with nothing inserted: {n_before} -> {n_after}")
    for (a, b), rules in sorted(moved.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        if a != b:
            print(f"{a:>14} -> {str(b):<14} {len(rules):3}  {' '.join(rules)}")
    gaps = [r for r, s in before.items() if s in ("partial", "violated", "missing")]
    print(f"{name}: {len(gaps)} gaps, {sum(after.get(r) == 'met' for r in gaps)} met after the redline; "
          f"met {n_before} -> {n_after}")
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
