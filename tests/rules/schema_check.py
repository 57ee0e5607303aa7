#!/usr/bin/env python3
"""Validates data files and reports against docs/schema/*.schema.json.

usage: schema_check.py SRC_DIR TENDERLINT
  - rulesets/**/*.json (ruleset files, framework mappings) against ruleset.schema.json
  - clauses/**/*.json and rulesets/test/clauses/*.json against its clauseFile definition
  - tests/rules/golden/*.json, and `check --format json` of the golden samples with the
    default ruleset, against report.schema.json
Prints one line per problem; exit 1 when there is any."""
import glob, json, os, subprocess, sys

import jsonschema

src, tl = sys.argv[1], sys.argv[2]
rs_schema = json.load(open(os.path.join(src, "docs/schema/ruleset.schema.json")))
rep_schema = json.load(open(os.path.join(src, "docs/schema/report.schema.json")))
V = jsonschema.Draft202012Validator


def sub(schema, name):
    return dict(schema["$defs"][name], **{"$defs": schema["$defs"]})


problems = 0


def check(validator, inst, what):
    global problems
    for e in sorted(validator.iter_errors(inst), key=lambda e: list(e.path)):
        problems += 1
        print(f"{what}: {'/'.join(map(str, e.path))}: {e.message[:300]}")


ruleset_v, fw_v, clause_v, report_v = V(rs_schema), V(sub(rs_schema, "frameworkMapping")), \
    V(sub(rs_schema, "clauseFile")), V(rep_schema)
n = 0
for path in sorted(glob.glob(os.path.join(src, "rulesets/**/*.json"), recursive=True)):
    data = json.load(open(path))
    rel = os.path.relpath(path, src)
    if "/clauses/" in rel:
        check(clause_v, data, rel)
    elif "framework" in data and "covers" in data:
        check(fw_v, data, rel)
    else:
        check(ruleset_v, data, rel)
    n += 1
for path in sorted(glob.glob(os.path.join(src, "clauses/**/*.json"), recursive=True)):
    check(clause_v, json.load(open(path)), os.path.relpath(path, src))
    n += 1
for path in sorted(glob.glob(os.path.join(src, "tests/rules/golden/*.json"))):
    check(report_v, json.load(open(path)), os.path.relpath(path, src))
    n += 1
for path in sorted(glob.glob(os.path.join(src, "tests/rules/golden/*.txt"))):
    out = subprocess.run([tl, "check", "--format", "json", "--fail-on", "never", path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        problems += 1
        print(f"check {path}: exit {out.returncode}: {out.stderr.strip()[:300]}")
        continue
    check(report_v, json.loads(out.stdout), f"check {os.path.relpath(path, src)} (default ruleset)")
    n += 1
print(f"{n} files checked, {problems} problems")
sys.exit(1 if problems else 0)
