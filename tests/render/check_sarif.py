#!/usr/bin/env python3
"""check_sarif.py BIN SCHEMA REPORT...: renders each report as SARIF and
validates it against the official SARIF 2.1.0 JSON schema, then checks what
docs/output-formats.md promises: one result per gap (partial, violated,
missing), ruleId/ruleIndex pointing into tool.driver.rules, a level, the
document as artifactLocation.uri, the clause as a logical location and the
quote as region.snippet, suppressions for waived gaps."""
import json
import subprocess
import sys

import jsonschema


def check(binary, schema, path):
    out = subprocess.run([binary, "render", "--format", "sarif", path], capture_output=True,
                         check=True, timeout=60).stdout
    log = json.loads(out)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    problems = [f"schema: {'/'.join(map(str, e.path))}: {e.message[:200]}" for e in errors]
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    if rules != [r["id"] for r in report["rules"]]:
        problems.append("tool.driver.rules is not the report's rules in order")
    for r in run["tool"]["driver"]["rules"]:
        if not r.get("help", {}).get("text") or "references" not in r.get("properties", {}):
            problems.append(f"rule {r['id']}: no help text or references")
    gaps = [(d, f) for d in report["documents"] for f in d.get("findings", [])
            if f["status"] in ("partial", "violated", "missing")]
    results = run.get("results", [])
    if len(results) != len(gaps):
        problems.append(f"{len(results)} results for {len(gaps)} gaps")
    for res, (doc, f) in zip(results, gaps):
        where = f"{doc['path']} {f['rule']}"
        if res["ruleId"] != f["rule"] or rules[res["ruleIndex"]] != f["rule"]:
            problems.append(f"{where}: ruleId/ruleIndex")
        if res.get("level") not in ("error", "warning", "note"):
            problems.append(f"{where}: level {res.get('level')}")
        loc = res["locations"][0]
        art = run["artifacts"][loc["physicalLocation"]["artifactLocation"]["index"]]
        if art["location"]["uri"] != loc["physicalLocation"]["artifactLocation"]["uri"]:
            problems.append(f"{where}: artifact index and uri disagree")
        ev = [e for e in f["evidence"] if e.get("status") == f["status"]] or f["evidence"]
        if ev:
            if loc["physicalLocation"]["region"]["snippet"]["text"] != ev[0]["quote"]:
                problems.append(f"{where}: snippet is not the quote")
            if ev[0]["clause"] and loc["logicalLocations"][0]["name"] != ev[0]["clause"]:
                problems.append(f"{where}: logical location is not the clause")
        if f.get("waived") and not res.get("suppressions"):
            problems.append(f"{where}: waived but not suppressed")
    for p in problems:
        print(f"{path}: {p}")
    print(f"{path}: {len(results)} results, {len(errors)} schema errors")
    return not problems


def main():
    binary, schema_path, reports = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    ok = all([check(binary, schema, r) for r in reports])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
