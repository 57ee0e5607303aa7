#!/usr/bin/env python3
"""check_paragraphs.py BIN INPUT...: the report's "paragraphs" (check
--with-text, TL_CHECK_F_TEXT; docs/report-format.md) against `tenderlint
extract` of the same file:

 - every paragraph that is not a comment is there, once, in reading order,
   with its index ("para"), kind, label, text and clause label as extract
   gives them; no comment is there (their texts are reviewers' notes);
 - every evidence item of every finding cites a paragraph of the list, and
   its byte offsets fall inside that paragraph's UTF-8 text and give its
   quote exactly;
 - the section is opt-in: without --with-text the report has no
   "paragraphs" and is otherwise the same report;
 - `check --format html` sets the flag itself: the page has the whole-text
   view with one element per paragraph;
 - the report with paragraphs is valid against docs/schema/report.schema.json."""
import json
import os
import re
import subprocess
import sys

import jsonschema

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "schema",
                      "report.schema.json")

problems = []


def run(binary, *args):
    r = subprocess.run([binary, *args], capture_output=True, timeout=120)
    if r.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)}: exit {r.returncode}: {r.stderr.decode(errors='replace')}")
    return r.stdout


def check(binary, path):
    ex = json.loads(run(binary, "extract", "--format", "json", path))
    labels = [c["label"] for c in ex["clauses"]]
    want = [p for p in ex["paragraphs"] if p["kind"] != "comment"]
    comments = [p for p in ex["paragraphs"] if p["kind"] == "comment"]
    with_text = json.loads(run(binary, "check", "--with-text", "--format", "json", "--fail-on", "never", path))
    doc = with_text["documents"][0]
    for e in jsonschema.Draft202012Validator(json.load(open(SCHEMA))).iter_errors(with_text):
        problems.append(f"{path}: schema: {e.message[:200]} at {list(e.absolute_path)}")
    got = doc.get("paragraphs")
    if not isinstance(got, list):
        problems.append(f"{path}: no paragraphs with --with-text")
        return
    if [p["para"] for p in got] != [p["index"] for p in want]:
        problems.append(f"{path}: paragraphs {[p['para'] for p in got]} != extract's non-comment "
                        f"{[p['index'] for p in want]}")
    for g, w in zip(got, want):
        clause = labels[w["clause"]] if w["clause"] is not None else None
        exp = {"para": w["index"], "kind": w["kind"], "clause": clause, "label": w["label"], "text": w["text"]}
        if g != exp:
            problems.append(f"{path}: paragraph {w['index']}: {g} != {exp}")
    if any(p["kind"] == "comment" for p in got) or {c["index"] for c in comments} & {p["para"] for p in got}:
        problems.append(f"{path}: a comment is in the paragraphs")
    texts = {p["para"]: p["text"].encode() for p in got}
    nev = 0
    for f in doc["findings"]:
        for e in f["evidence"]:
            nev += 1
            t = texts.get(e["para"])
            if t is None:
                problems.append(f"{path}: {f['rule']}: evidence paragraph {e['para']} not in the paragraphs")
            elif not (0 <= e["start"] < e["end"] <= len(t)) or t[e["start"]:e["end"]].decode() != e["quote"]:
                problems.append(f"{path}: {f['rule']}: offsets {e['start']}..{e['end']} do not give the quote "
                                f"in paragraph {e['para']}")
    plain = json.loads(run(binary, "check", "--format", "json", "--fail-on", "never", path))
    if "paragraphs" in plain["documents"][0]:
        problems.append(f"{path}: paragraphs without --with-text")
    del doc["paragraphs"]
    if plain != with_text:
        problems.append(f"{path}: --with-text changed more than adding the paragraphs")
    html = run(binary, "check", "--format", "html", "--fail-on", "never", path).decode()
    n = len(re.findall(r'<p class="para k-', html))
    if 'class="textview fulltext"' not in html or n != len(got):
        problems.append(f"{path}: the HTML page has {n} text-view paragraphs, want {len(got)}")
    kinds = sorted({p["kind"] for p in got})
    print(f"{path}: {len(got)} paragraphs ({', '.join(kinds)}), {len(comments)} comments left out, "
          f"{nev} evidence offsets checked")


def main():
    binary = sys.argv[1]
    for path in sys.argv[2:]:
        check(binary, path)
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
