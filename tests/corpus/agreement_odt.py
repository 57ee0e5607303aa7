#!/usr/bin/env python3
"""Word-level agreement of `tenderlint extract` with pandoc's ODT reader tests.

pandoc's test/odt folder holds, for each NAME.odt, either NAME.native (the
AST pandoc must produce) or NAME.md (the Markdown it must write).  This
script compares both kinds, reusing agreement.py for the .native side, for
running `tenderlint extract --format json` and for the word rules (NFC,
punctuation stripped at word ends, multiset F1).  For the .md side the words
are those of the Markdown with its markup removed: emphasis and strike marks,
link targets, image references, note and citation markers, heading, quote and
list markers (list markers are labels: pandoc's, not the document's), rules.

List labels and text-box words pandoc drops are counted apart (as in
agreement.py), never mixed into the score.

Usage: agreement_odt.py --tenderlint BIN DIR [--floor 97] [-v]
Exit status 1 when the median over the fair files is below the floor.
"""
import argparse
import os
import re
import statistics
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import agreement as A  # noqa: E402

# compared and printed, but left out of the median, and why
UNFAIR = {
    "listBlocks.md": "pandoc's expected file holds raw ODF XML, not Markdown output",
    "formula.md": "a formula object: pandoc writes it as TeX, tenderlint does not read "
                  "embedded objects (draw:object)",
}

MD_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),        # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),     # links: the text
    (re.compile(r"\[\^[^\]]*\]:?"), " "),              # note markers and definitions
    (re.compile(r"\[@[^\]]*\]"), " "),                 # citations
    (re.compile(r"\*\*|__|~~|\$\$|\*|\\"), ""),        # emphasis, strike, display math
]
MD_LINE = [
    re.compile(r"^\s{0,3}#{1,6}\s+"),                  # ATX heading
    re.compile(r"^\s*(>\s*)+"),                        # block quote
    re.compile(r"^\s*([-*+]|\(?[0-9]+[.)]|\(?[a-zA-Z][.)]|\(?[ivxlcIVXLC]+[.)])\s+"),  # list
]
MD_RULE = re.compile(r"^\s*([-*_=|:+]\s*)+$")          # rules and table borders


def md_words(text):
    out = []
    for line in text.splitlines():
        if MD_RULE.match(line):
            continue
        for rx in MD_LINE:
            line = rx.sub("", line, count=1)
        for rx, rep in MD_INLINE:
            line = rx.sub(rep, line)
        line = line.replace("|", " ")
        out.extend(A.words_of(line))
    return out


def plan(folder):
    """(reference file, kind, document) for every .native, and every .md
    whose document has no .native"""
    out = []
    for n in sorted(os.listdir(folder)):
        stem, ext = os.path.splitext(n)
        if ext not in (".native", ".md"):
            continue
        if ext == ".md" and os.path.exists(os.path.join(folder, stem + ".native")):
            continue
        src = next((stem + e for e in (".odt", ".fodt", ".ott")
                    if os.path.exists(os.path.join(folder, stem + e))), None)
        out.append((n, ext[1:], src))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tenderlint", required=True)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--floor", type=float, default=97.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("folder")
    args = ap.parse_args()
    if not os.path.isdir(args.folder):
        print("no such folder: %s" % args.folder)
        return 1
    scores, totals, rows = [], Counter(), 0
    for ref_name, kind, src in plan(args.folder):
        if not src:
            print("%-40s excluded: no document of that name" % ref_name)
            continue
        with open(os.path.join(args.folder, ref_name), encoding="utf-8") as fh:
            text = fh.read()
        ref = Counter(A.pandoc_words(text) if kind == "native" else md_words(text))
        paras, err = A.extract(args, os.path.join(args.folder, src), "accept")
        if err:
            print("%-40s ERROR: %s" % (ref_name, err))
            scores.append(0.0)
            continue
        ours, box, labels = Counter(), Counter(), 0
        for p in paras:
            if p["kind"] in A.MAIN_KINDS:
                ours.update(A.words_of(p["text"]))
                if p.get("label") and not p.get("label_typed"):
                    labels += len(A.words_of(p["label"]))
            elif p["kind"] == "textbox":
                box.update(A.words_of(p["text"]))
        box_matched = box & (ref - ours)
        ours_cmp = ours + box_matched
        score = A.f1(ref, ours_cmp)
        missing, extra = ref - ours_cmp, ours_cmp - ref
        note = ""
        if ref_name in UNFAIR:
            note = "  (not in the median: %s)" % UNFAIR[ref_name]
        else:
            scores.append(score)
        rows += 1
        print("%-40s %6.2f%%  %-6s words=%d missing=%d extra=%d labels=%d textbox_only=%d%s" % (
            ref_name, 100 * score, kind, sum(ref.values()), sum(missing.values()),
            sum(extra.values()), labels, sum((box - box_matched).values()), note))
        if args.verbose and (missing or extra):
            print("    missing: %s\n    extra: %s" % (list(missing.elements())[:12],
                                                     list(extra.elements())[:12]))
        totals.update({"pandoc_words": sum(ref.values()), "missing": sum(missing.values()),
                       "extra": sum(extra.values()), "labels": labels,
                       "textbox_only": sum((box - box_matched).values())})
    med = 100 * statistics.median(scores) if scores else 0.0
    print("files compared: %d, in the median: %d, median agreement: %.2f%%, mean: %.2f%%" % (
        rows, len(scores), med, 100 * statistics.mean(scores) if scores else 0.0))
    print("totals: pandoc words %d, missing %d, extra %d, list-label words kept apart %d, "
          "text-box words pandoc drops %d" % (totals["pandoc_words"], totals["missing"],
                                              totals["extra"], totals["labels"],
                                              totals["textbox_only"]))
    if med < args.floor:
        print("FAIL: median %.2f%% is below the floor %.2f%%" % (med, args.floor))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
