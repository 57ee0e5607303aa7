#!/usr/bin/env python3
"""Blind evaluation: compare `tenderlint check --format json` on tests/eval/contracts with the
statuses a procurement lawyer gave beforehand (expected.tsv).

Prints overall accuracy, precision/recall per status (with the violated figures spelled out),
accuracy per area, per language and per contract, and every mismatch with the evidence quote and
the reason tenderlint gave. Exits 1 when accuracy is below --floor, when a contract cannot be
read, or when a finding is absent or doubled; it asserts nothing else, so it guards against
regressions without claiming more than was measured.
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys

STATUSES = ["met", "partial", "violated", "missing", "not_applicable"]


def load_expected(path):
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["expected_status"] not in STATUSES:
                raise SystemExit(f"{path}: bad status {row['expected_status']!r} for "
                                 f"{row['contract']} {row['rule']}")
            rows.append(row)
    return rows


def run_check(tenderlint, path):
    proc = subprocess.run([tenderlint, "check", "--format", "json", path],
                          capture_output=True, text=True, timeout=120)
    # exit 1 only means gaps were found; 2 and above are errors
    if proc.returncode >= 2:
        raise RuntimeError(f"{path}: tenderlint exit {proc.returncode}: {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    doc = report["documents"][0]
    if doc.get("error"):
        raise RuntimeError(f"{path}: {doc['error']}")
    return doc


def language_of(contract):
    return contract.split("-", 1)[0]


def pct(num, den):
    return f"{100.0 * num / den:5.1f}%" if den else "  n/a "


def short(text, limit=220):
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tenderlint", required=True)
    ap.add_argument("--contracts", required=True)
    ap.add_argument("--expected", required=True)
    ap.add_argument("--floor", type=float, default=0.0, help="minimum overall accuracy (0..1)")
    args = ap.parse_args()

    expected = load_expected(args.expected)
    by_contract = collections.OrderedDict()
    for row in expected:
        by_contract.setdefault(row["contract"], []).append(row)

    failures = []
    results = []  # (row, got_status, finding)
    contexts = {}
    for contract, rows in by_contract.items():
        try:
            doc = run_check(args.tenderlint, os.path.join(args.contracts, contract))
        except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError, KeyError,
                IndexError) as e:
            failures.append(f"{contract}: unreadable: {e}")
            continue
        contexts[contract] = [c["tag"] for c in doc.get("contexts", [])]
        findings = collections.defaultdict(list)
        for f in doc.get("findings", []):
            findings[f["rule"]].append(f)
        for row in rows:
            got = findings.get(row["rule"], [])
            if len(got) != 1:
                failures.append(f"{contract} {row['rule']}: {len(got)} findings")
                continue
            results.append((row, got[0]["status"], got[0]))

    total = len(results)
    correct = sum(1 for r, g, _ in results if r["expected_status"] == g)
    print(f"overall accuracy: {correct}/{total} = {pct(correct, total)}")

    print("\nper status (expected rows / got rows):")
    print(f"  {'status':15} {'expected':>8} {'got':>5} {'agree':>6} {'recall':>7} {'precision':>9}")
    for s in STATUSES:
        exp_n = sum(1 for r, _, _ in results if r["expected_status"] == s)
        got_n = sum(1 for _, g, _ in results if g == s)
        both = sum(1 for r, g, _ in results if r["expected_status"] == s and g == s)
        print(f"  {s:15} {exp_n:8} {got_n:5} {both:6} {pct(both, exp_n):>7} {pct(both, got_n):>9}")
    v_exp = sum(1 for r, _, _ in results if r["expected_status"] == "violated")
    v_found = sum(1 for r, g, _ in results if r["expected_status"] == "violated" and g == "violated")
    v_flagged = sum(1 for r, g, _ in results
                    if r["expected_status"] == "violated" and g in ("violated", "partial"))
    v_false = sum(1 for r, g, _ in results if g == "violated" and r["expected_status"] != "violated")
    print(f"  violated found / violated expected: {v_found}/{v_exp}"
          f" (flagged as violated or partial: {v_flagged}/{v_exp})")
    print(f"  false violated (got violated, expected otherwise): {v_false}")
    gap_exp = [x for x in results if x[0]["expected_status"] in ("partial", "violated", "missing")]
    gap_hidden = sum(1 for r, g, _ in gap_exp if g in ("met", "not_applicable"))
    print(f"  gaps reported as met or not_applicable: {gap_hidden}/{len(gap_exp)}")

    print("\nconfusion (rows: expected, columns: got):")
    print("  " + " " * 15 + "".join(f"{s[:8]:>9}" for s in STATUSES))
    for e in STATUSES:
        line = "".join(f"{sum(1 for r, g, _ in results if r['expected_status'] == e and g == s):9}"
                       for s in STATUSES)
        print(f"  {e:15}{line}")

    def breakdown(title, key):
        print(f"\nper {title}:")
        groups = collections.OrderedDict()
        for r, g, _ in results:
            groups.setdefault(key(r), []).append(r["expected_status"] == g)
        for k in sorted(groups):
            v = groups[k]
            print(f"  {k:30} {sum(v):3}/{len(v):3} {pct(sum(v), len(v))}")

    breakdown("area", lambda r: r["rule"].split("-", 1)[0])
    breakdown("language", lambda r: language_of(r["contract"]))
    breakdown("contract", lambda r: r["contract"])

    print("\ncontexts detected:")
    for c, tags in contexts.items():
        print(f"  {c:30} {', '.join(tags) or '(none)'}")

    mismatches = [(r, g, f) for r, g, f in results if r["expected_status"] != g]
    print(f"\nmismatches ({len(mismatches)}):")
    for r, g, f in mismatches:
        print(f"- {r['contract']} {r['rule']}: expected {r['expected_status']}"
              f" (clause {r['clause'] or '-'}), got {g}"
              f"{' [by reference]' if f.get('basis') == 'reference' else ''}")
        if r["note"]:
            print(f"    expectation: {short(r['note'])}")
        print(f"    reason: {short(f.get('reason'))}")
        for ev in (f.get("evidence") or [])[:2]:
            print(f"    evidence [{ev.get('clause')}] ({ev.get('status')}): {short(ev.get('quote'), 200)}")

    for msg in failures:
        print(f"FAIL: {msg}")
    accuracy = correct / total if total else 0.0
    if accuracy < args.floor:
        print(f"FAIL: accuracy {accuracy:.3f} below the floor {args.floor:.3f}")
        failures.append("floor")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
