#!/usr/bin/env python3
"""check_formats.py BIN REPORT...: properties of the machine formats beyond
their golden files.
 - JSON Lines: a header line (type "header", no documents) and one line per
   document (type "document"), each a complete JSON object; rendering the
   JSON Lines back to JSON gives the same report as rendering the JSON.
 - CSV matrix: RFC 4180 (CRLF, quoted fields) read back by Python's csv
   module: a row per document, a column per rule, cells are statuses.
 - CSV long: a row per finding (a row per unreadable document), columns
   document, rule, status, severity, clause, quote, paragraph, waived; the
   quote is the finding's evidence quote, byte for byte.
 - A spreadsheet formula in a quote is neutralised with a leading apostrophe."""
import csv
import io
import json
import subprocess
import sys
import tempfile

STATUSES = {"met", "partial", "violated", "missing", "not_applicable"}
problems = []


def render(binary, fmt, path, stdin=None):
    run = subprocess.run([binary, "render", "--format", fmt, path], input=stdin, capture_output=True,
                         timeout=60)
    if run.returncode != 0:
        raise SystemExit(f"render {fmt} {path}: {run.stderr.decode(errors='replace')}")
    return run.stdout


def check(binary, path):
    report = json.load(open(path, encoding="utf-8"))
    docs = report["documents"]
    lines = render(binary, "jsonl", path).decode().splitlines()
    objs = [json.loads(l) for l in lines]
    if objs[0].get("type") != "header" or "documents" in objs[0] or objs[0]["rules"] != report["rules"]:
        problems.append(f"{path}: bad JSON Lines header")
    if [o.get("type") for o in objs[1:]] != ["document"] * len(docs):
        problems.append(f"{path}: not one document line per document")
    for o, d in zip(objs[1:], docs):
        o.pop("type")
        if o != d:
            problems.append(f"{path}: JSON Lines document {d.get('path')} differs from the report's")
    back = render(binary, "json", "-", stdin="\n".join(lines).encode())
    if back != render(binary, "json", path):
        problems.append(f"{path}: JSON Lines -> JSON is not the JSON rendering")
    raw = render(binary, "csv", path)
    if raw and (b"\n" in raw.replace(b"\r\n", b"") and not b'"' in raw):
        problems.append(f"{path}: CSV lines must end in CRLF")
    rows = list(csv.reader(io.StringIO(raw.decode(), newline="")))
    rules = [r["id"] for r in report["rules"]]
    if rows[0] != ["document", "format", "language", "error", *rules] or len(rows) != len(docs) + 1:
        problems.append(f"{path}: CSV matrix shape {len(rows)}x{len(rows[0])}")
    for row, d in zip(rows[1:], docs):
        if row[0] != d["path"]:
            problems.append(f"{path}: CSV matrix row {row[0]!r} for {d['path']!r}")
        for rule, cell in zip(rules, row[4:]):
            f = next((f for f in d.get("findings", []) if f["rule"] == rule), None)
            want = "" if f is None else f["status"] + (";waived" if f.get("waived") else "")
            if cell != want or (cell and cell.split(";")[0] not in STATUSES):
                problems.append(f"{path}: {d['path']} {rule}: {cell!r}, want {want!r}")
    rows = list(csv.reader(io.StringIO(render(binary, "csv-long", path).decode(), newline="")))
    if rows[0] != ["document", "rule", "status", "severity", "clause", "quote", "paragraph", "waived"]:
        problems.append(f"{path}: CSV long header {rows[0]}")
    want_rows = sum(max(1, len(d.get("findings", []))) for d in docs)
    if len(rows) - 1 != want_rows:
        problems.append(f"{path}: CSV long has {len(rows) - 1} rows, want {want_rows}")
    i = 1
    for d in docs:
        for f in d.get("findings", []):
            ev = [e for e in f["evidence"] if e.get("status") == f["status"]] or f["evidence"]
            quote = ev[0]["quote"] if ev else ""
            got = rows[i][5]
            if got != quote and got != "'" + quote:
                problems.append(f"{path}: CSV long quote for {f['rule']}: {got!r}")
            i += 1
        if not d.get("findings"):
            i += 1


def formula_guard(binary):
    report = {"tool": {"name": "tenderlint", "version": "0"}, "ruleset": {"id": "t", "version": "1"},
              "rules": [{"id": "R1"}], "documents": [{"path": "=cmd.docx", "format": "docx", "language": "en",
              "findings": [{"rule": "R1", "status": "violated", "severity": "high", "evidence": [
                  {"clause": "1", "para": 0, "quote": "=HYPERLINK(\"http://x\",\"a, b\")", "status": "violated"}]}]}]}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as t:
        json.dump(report, t)
    rows = list(csv.reader(io.StringIO(render(binary, "csv-long", t.name).decode(), newline="")))
    if rows[1][0] != "'=cmd.docx" or rows[1][5] != "'=HYPERLINK(\"http://x\",\"a, b\")":
        problems.append(f"formula guard: {rows[1]}")


def main():
    binary = sys.argv[1]
    for path in sys.argv[2:]:
        check(binary, path)
    formula_guard(binary)
    for p in problems:
        print(p)
    print(f"{len(sys.argv) - 2} reports, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
