#!/usr/bin/env python3
"""Word-level agreement of `tenderlint extract --format json` with other readers.

Two measures:

* pandoc: for every pandoc expected output (*.native) in a folder, the words
  are the `Str "..."` tokens (adjacent Str tokens without Space between them
  are one word, as in `Str "ver",Strong [Str "kopen"]`).  Our words are the
  whitespace-separated words of the paragraphs pandoc also reads (body,
  headings, table cells, notes; comments only where pandoc was run with
  --track-changes=all).  Both sides are NFC'd and stripped of punctuation at
  word ends (pandoc turns quotes into Quoted nodes).  Agreement per file is
  the multiset F1 = 2|A∩B| / (|A|+|B|).  List labels (ours are in `label`,
  never in the text) and text-box words pandoc drops are counted separately:
  a text-box word that pandoc has too counts as matched, the others are
  reported as "textbox_only", never hidden.
* oxpt (Open-XML-PowerTools RevisionProcessor documents): X.docx read with
  --revisions accept must give the same word sequence as X-Accepted.docx, and
  with --revisions reject the same as X-Rejected.docx.
* labels (docx4j's list-numbering fixtures): a paragraph whose text starts
  with "[expect]LABEL[/expect]" must carry exactly that list label, as Word
  shows it.

Usage:
  agreement.py --tenderlint BIN pandoc DIR [--floor 97] [--format docx|odt]
  agreement.py --tenderlint BIN oxpt DIR [--min-pass N]
  agreement.py --tenderlint BIN labels DIR [--min-pass N]
Exit status 1 when a floor is not met.  Any folder of pandoc tests works
(pandoc-docx, pandoc-odt): the reader is chosen by tenderlint from content.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import unicodedata
from collections import Counter

# ---------------------------------------------------------------- pandoc side

# .native files that are no fair reference for a plain read, and why
EXCLUDE = [
    (r"^custom-style", "output of pandoc's +styles extension (custom-style divs), not of a plain read"),
    (r"_writer", "input of pandoc's writer tests, no DOCX of that name"),
    (r"^image_no_embed$|^image_writer_test$|^inline_images_writer_test$",
     "writer round-trip output, no DOCX of that name"),
    (r"^document-properties", "metadata only (docProps), no DOCX of that name"),
    (r"^raw-|_rawblock$", "raw-block option output, no DOCX of that name"),
    (r"^tables-default-widths$|^lists_9994$|^lists_div_bullets$|^lists_multiple_initial$",
     "markdown-side test output, no DOCX of that name"),
    (r"_plus$", "pandoc's +citations extension turns field results into citation objects"),
]

# option variants: suffix -> (revisions view, include comments)
VARIANTS = [
    ("_accept", "accept", False),
    ("_reject", "reject", False),
    ("_all", "both", True),
    ("_no_comments", "accept", False),
    ("_minus", "accept", False),
]

# files pandoc reads with --track-changes=all in its own test suite
ALL_MODE = {"comments", "track_changes_scrubbed_metadata"}

# compared and printed, but left out of the median: pandoc is no fair reference
UNFAIR = {
    "paragraph_insertion_deletion_accept":
        "Word joins the paragraphs of a deleted paragraph mark without a space "
        "('splitParagraph.', as Open-XML-PowerTools' RP005 shows); pandoc inserts one",
    "diagram": "pandoc writes a '[DIAGRAM]' placeholder for SmartArt",
}

BREAK = {"Para", "Plain", "Header", "CodeBlock", "BulletList", "OrderedList", "Table",
         "Cell", "Row", "Div", "BlockQuote", "DefinitionList", "LineBlock",
         "HorizontalRule", "Caption", "TableHead", "TableBody", "TableFoot",
         "Space", "SoftBreak", "LineBreak", "Meta", "MetaInlines", "MetaList", "MetaBlocks",
         "MetaString", "MetaMap", "Pandoc"}

LEX = re.compile(r'"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?|[\[\](){},=]')
HS_ESC = re.compile(r'\\(\d+|x[0-9a-fA-F]+|.)(\\&)?')
HS_NAMED = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "'": "'", "&": ""}


def hs_unescape(s):
    def rep(m):
        e = m.group(1)
        if e.isdigit():
            return chr(int(e))
        if e[0] == "x" and len(e) > 1:
            return chr(int(e[1:], 16))
        return HS_NAMED.get(e, e)
    return HS_ESC.sub(rep, s)


def strip_word(w):
    w = unicodedata.normalize("NFC", w)
    w = "".join(c for c in w if unicodedata.category(c) != "Cf")  # soft hyphen, ZW chars
    i, j = 0, len(w)
    while i < j and unicodedata.category(w[i])[0] in "PSZ":
        i += 1
    while j > i and unicodedata.category(w[j - 1])[0] in "PSZ":
        j -= 1
    return w[i:j]


def _match(toks, i):
    """index of the bracket closing toks[i] ('[' or '(')"""
    close = {"[": "]", "(": ")"}[toks[i]]
    depth = 0
    for k in range(i, len(toks)):
        if toks[k] in ("[", "("):
            depth += 1
        elif toks[k] in ("]", ")"):
            depth -= 1
            if depth == 0:
                return k
    return len(toks) - 1


def pandoc_words(native_text):
    """Words of a pandoc AST: Str tokens glued until Space or a block, plus the
    strings of Code/CodeBlock/Math (text the document shows); image alt text is
    left out (it is not document text); notes and comment spans are words of
    their own."""
    toks = LEX.findall(native_text)
    words, cur = [], []
    ends = set()  # token indexes after which a word ends

    def brk():
        if cur:
            words.append("".join(cur))
            cur.clear()

    i = 0
    while i < len(toks):
        t = toks[i]
        if i in ends:
            brk()
        if t == "Str" and i + 1 < len(toks) and toks[i + 1].startswith('"'):
            cur.append(hs_unescape(toks[i + 1][1:-1]))
            i += 2
            continue
        if t in ("Code", "CodeBlock", "Math", "RawInline"):
            k = i + 1
            while k < len(toks) and not toks[k].startswith('"'):
                k = _match(toks, k) + 1 if toks[k] in ("(", "[") else k + 1
            if t in ("RawInline",):
                k += 1  # format string first, then the text
            if k < len(toks):
                text = hs_unescape(toks[k][1:-1])
                if t == "CodeBlock":
                    brk()
                parts = text.split()
                if text[:1].isspace():
                    brk()
                for n, part in enumerate(parts):
                    if n:
                        brk()
                    cur.append(part)
                if text[-1:].isspace() or t == "CodeBlock":
                    brk()
            i = k + 1
            continue
        if t == "Image":
            k = i + 1
            if k < len(toks) and toks[k] == "(":
                k = _match(toks, k) + 1
            if k < len(toks) and toks[k] == "[":
                k = _match(toks, k) + 1
            i = k
            continue
        if t in ("Note",) or (t == "Span" and "comment-start" in "".join(toks[i + 1:i + 8])):
            brk()
            k = i + 1
            if t == "Span" and toks[k] == "(":
                k = _match(toks, k) + 1
            if k < len(toks) and toks[k] == "[":
                ends.add(_match(toks, k) + 1)
            i = k
            continue
        if t in BREAK or (t == "(" and i + 1 < len(toks) and toks[i + 1] == "["):
            brk()
        i += 1
    brk()
    out = []
    for w in words:
        for part in w.split():
            s = strip_word(part)
            if s:
                out.append(s)
    return out


# ---------------------------------------------------------------- our side

def collect_paras(node, out, seen):
    if isinstance(node, dict):
        if isinstance(node.get("text"), str) and isinstance(node.get("kind"), str):
            key = node.get("index", id(node))
            if key not in seen:
                seen.add(key)
                out.append(node)
        for v in node.values():
            collect_paras(v, out, seen)
    elif isinstance(node, list):
        for v in node:
            collect_paras(v, out, seen)


def extract(args, path, view):
    cmd = [args.tenderlint, "extract", "--format", "json", "--revisions", view, path]
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if r.returncode != 0:
        return None, (r.stderr.decode("utf-8", "replace").strip() or "exit %d" % r.returncode)
    try:
        doc = json.loads(r.stdout.decode("utf-8"))
    except ValueError as e:
        return None, "bad JSON: %s" % e
    paras = []
    collect_paras(doc, paras, set())
    if paras and all(isinstance(p.get("index"), int) for p in paras):
        paras.sort(key=lambda p: p["index"])
    return paras, None


def words_of(text):
    out = []
    for part in text.split():
        s = strip_word(part)
        if s:
            out.append(s)
    return out


MAIN_KINDS = {"body", "heading", "cell", "footnote", "endnote"}


def f1(a, b):
    inter = sum((a & b).values())
    tot = sum(a.values()) + sum(b.values())
    return 1.0 if tot == 0 else 2.0 * inter / tot


def plan_pandoc(folder):
    """(native, source document, view, comments, excluded reason) per .native"""
    plans = []
    names = sorted(f for f in os.listdir(folder) if f.endswith(".native"))
    for n in names:
        stem = n[:-len(".native")]
        reason = next((why for pat, why in EXCLUDE if re.search(pat, stem)), None)
        src, comments = None, stem in ALL_MODE
        view = "both" if comments else "accept"
        for ext in (".docx", ".odt", ".fodt"):
            if os.path.exists(os.path.join(folder, stem + ext)):
                src = stem + ext
        if not src:
            for suf, v, c in VARIANTS:
                if stem.endswith(suf):
                    base = stem[:-len(suf)]
                    for ext in (".docx", ".odt", ".fodt"):
                        if os.path.exists(os.path.join(folder, base + ext)):
                            src, view, comments = base + ext, v, c
        if not src and not reason:
            reason = "no document of that name"
        plans.append((n, src, view, comments, reason))
    return plans


def run_pandoc(args):
    rows, scores = [], []
    totals = Counter()
    for native, src, view, comments, reason in plan_pandoc(args.folder):
        if reason:
            rows.append({"file": native, "excluded": reason})
            continue
        with open(os.path.join(args.folder, native), encoding="utf-8") as fh:
            ref = Counter(pandoc_words(fh.read()))
        paras, err = extract(args, os.path.join(args.folder, src), view)
        if err:
            rows.append({"file": native, "source": src, "error": err})
            scores.append(0.0)
            continue
        kinds = set(MAIN_KINDS) | ({"comment"} if comments else set())
        ours = Counter()
        box = Counter()
        labels = 0
        for p in paras:
            if p.get("label") and "label_typed" not in (p.get("flags") or []) and p["kind"] in kinds:
                labels += len(words_of(p["label"]))
            if p["kind"] in kinds:
                ours.update(words_of(p["text"]))
            elif p["kind"] == "textbox":
                box.update(words_of(p["text"]))
        # text-box words pandoc has too are matched; the rest are ours to keep
        left = ref - ours
        box_matched = box & left
        ours_cmp = ours + box_matched
        score = f1(ref, ours_cmp)
        row = {"file": native, "source": src, "view": view, "agreement": round(100 * score, 2),
               "pandoc_words": sum(ref.values()), "our_words": sum(ours_cmp.values()),
               "missing": sum((ref - ours_cmp).values()), "extra": sum((ours_cmp - ref).values()),
               "labels": labels, "textbox_only": sum((box - box_matched).values())}
        if args.verbose:
            row["missing_sample"] = list((ref - ours_cmp).elements())[:12]
            row["extra_sample"] = list((ours_cmp - ref).elements())[:12]
        stem = native[:-len(".native")]
        if stem in UNFAIR:
            row["unfair"] = UNFAIR[stem]
        else:
            scores.append(score)
        rows.append(row)
        for k in ("pandoc_words", "missing", "extra", "labels", "textbox_only"):
            totals[k] += row[k]
    med = 100 * statistics.median(scores) if scores else 0.0
    for r in rows:
        if "excluded" in r:
            print("%-48s excluded: %s" % (r["file"], r["excluded"]))
        elif "error" in r:
            print("%-48s ERROR: %s" % (r["file"], r["error"]))
        else:
            print("%-48s %6.2f%%  view=%-6s words=%d missing=%d extra=%d labels=%d textbox_only=%d%s%s" % (
                r["file"], r["agreement"], r["view"], r["pandoc_words"], r["missing"], r["extra"],
                r["labels"], r["textbox_only"],
                ("  (not in the median: %s)" % r["unfair"]) if "unfair" in r else "",
                ("\n    missing: %s\n    extra: %s" % (r["missing_sample"], r["extra_sample"])
                 if args.verbose else "")))
    print("files in the median: %d, compared but not fair: %d, excluded: %d, median agreement: %.2f%%, mean: %.2f%%" % (
        len(scores), sum(1 for r in rows if "unfair" in r), sum(1 for r in rows if "excluded" in r), med,
        100 * statistics.mean(scores) if scores else 0.0))
    print("totals: pandoc words %d, missing %d, extra %d, list-label words kept apart %d, "
          "text-box words pandoc drops %d" % (totals["pandoc_words"], totals["missing"],
                                              totals["extra"], totals["labels"], totals["textbox_only"]))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"median": med, "files": rows}, fh, indent=1, ensure_ascii=False)
    if med < args.floor:
        print("FAIL: median %.2f%% is below the floor %.2f%%" % (med, args.floor))
        return 1
    return 0


def seq(paras):
    out = []
    for p in paras:
        out.extend(words_of(p["text"]))
    return out


def run_oxpt(args):
    files = sorted(os.listdir(args.folder))
    ok = fail = 0
    for f in files:
        for view, suffix in (("accept", "-Accepted.docx"), ("reject", "-Rejected.docx")):
            if not f.endswith(suffix):
                continue
            src = f[:-len(suffix)] + ".docx"
            if src not in files:
                continue
            ours, err1 = extract(args, os.path.join(args.folder, src), view)
            want, err2 = extract(args, os.path.join(args.folder, f), "accept")
            if err1 or err2:
                print("%-60s ERROR %s" % (f, err1 or err2))
                fail += 1
                continue
            a, b = seq(ours), seq(want)
            if a == b:
                ok += 1
                print("%-60s ok (%d words)" % (f, len(b)))
            else:
                fail += 1
                i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
                print("%-60s DIFF at word %d: ours %r, expected %r" % (
                    f, i, " ".join(a[max(0, i - 3):i + 5]), " ".join(b[max(0, i - 3):i + 5])))
    print("OXPT revision views: %d of %d match word for word" % (ok, ok + fail))
    if ok < args.min_pass:
        print("FAIL: fewer than %d matches" % args.min_pass)
        return 1
    return 0


EXPECT = re.compile(r"^\[expect\](.*?)\[/expect\]")


def run_labels(args):
    ok = fail = 0
    for f in sorted(os.listdir(args.folder)):
        if not f.endswith(".docx"):
            continue
        paras, err = extract(args, os.path.join(args.folder, f), "accept")
        if err:
            continue
        for p in paras:
            m = EXPECT.match(p["text"])
            if not m or "w:" in m.group(1):
                continue  # NumberingIndents-*.docx state indentation (w:ind), not labels
            if (p.get("label") or "") == m.group(1):
                ok += 1
            else:
                fail += 1
                print("%s paragraph %s: label %r, Word shows %r" % (f, p.get("index"), p.get("label"), m.group(1)))
    print("list labels: %d of %d as Word shows them" % (ok, ok + fail))
    if fail or ok < args.min_pass:
        print("FAIL")
        return 1
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tenderlint", required=True, help="the tenderlint executable")
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--floor", type=float, default=97.0, help="minimum median agreement, percent")
    ap.add_argument("--min-pass", type=int, default=0, help="oxpt: minimum number of matches")
    ap.add_argument("--json", help="write the figures as JSON here")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("mode", choices=["pandoc", "oxpt", "labels"])
    ap.add_argument("folder")
    args = ap.parse_args()
    if not os.path.isdir(args.folder):
        print("no such folder: %s" % args.folder)
        return 1
    return {"pandoc": run_pandoc, "oxpt": run_oxpt, "labels": run_labels}[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
