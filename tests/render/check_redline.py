#!/usr/bin/env python3
"""check_redline.py BIN REPORT OUTDIR [EXPECTED_DIR]: writes the contract of
REPORT (made by make_fixtures.py) back with --redline and checks it:

 1. every member but the edited parts keeps its compressed bytes (zipcmp.py);
 2. one comment per unwaived gap, by "tenderlint", anchored at the paragraph
    holding the evidence quote (for a missing finding: the paragraph the
    clause goes after); each suggested clause follows as a tracked insertion
    by "tenderlint" (DOCX: w:ins on the run and the paragraph mark; ODT: a
    text:changed-region/text:insertion with change-start/change-end marks);
 3. the edited parts equal the golden ones in EXPECTED_DIR (when given);
 4. LibreOffice headless converts it to PDF and to the other format, and the
    converted file still has the comments and the insertions; the first PDF
    page is saved as a PNG;
 5. tenderlint reads it back: with --revisions accept the inserted clauses
    are paragraphs of the document, with --revisions reject they are not,
    and the comments are comments, never contract text."""
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_fixtures  # noqa: E402
import zipcmp  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
EPOCH = "1767225600"
problems = []


def fail(msg):
    problems.append(msg)


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def gaps(doc):
    return [f for f in doc["findings"]
            if f["status"] in ("partial", "violated", "missing") and not f.get("waived")]


MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def docx_paras(e):
    """w:p in document order as the reader counts them (one mc branch)."""
    for c in e:
        if c.tag == MC_FALLBACK:
            continue
        if c.tag == W + "p":
            yield c
        yield from docx_paras(c)


def docx_text(p):
    return norm("".join(t.text or "" for t in p.iter(W + "t")))


def docx_range(p, cid):
    """The text a comment range covers inside paragraph p."""
    inside, parts = False, []
    for e in p.iter():
        if e.tag == W + "commentRangeStart" and e.get(W + "id") == cid:
            inside = True
        elif e.tag == W + "commentRangeEnd" and e.get(W + "id") == cid:
            inside = False
        elif inside and e.tag == W + "t":
            parts.append(e.text or "")
        elif inside and e.tag in (W + "tab", W + "br"):
            parts.append(" ")
    return norm("".join(parts))


def check_docx(out, doc, src):
    orig = [docx_text(p) for p in docx_paras(ET.fromstring(zipfile.ZipFile(src).read("word/document.xml")))]
    z = zipfile.ZipFile(out)
    body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
    comments = ET.fromstring(z.read("word/comments.xml"))
    rels = z.read("word/_rels/document.xml.rels").decode()
    ctypes = z.read("[Content_Types].xml").decode()
    if "relationships/comments" not in rels or "/word/comments.xml" not in ctypes:
        fail("comments part not registered in the relationships and content types")
    paras = list(docx_paras(body))
    by_id = {c.get(W + "id"): c for c in comments.findall(W + "comment")}
    for c in by_id.values():
        if c.get(W + "author") != "tenderlint":
            fail(f"comment {c.get(W + 'id')} has author {c.get(W + 'author')}")
    want = gaps(doc)
    if len(by_id) != len(want):
        fail(f"{len(by_id)} comments for {len(want)} gaps")
    anchors = {}
    for p in paras:
        for s in p.findall(W + "commentRangeStart"):
            anchors[s.get(W + "id")] = p
            if p.find(f"{W}commentRangeEnd[@{W}id='{s.get(W + 'id')}']") is None:
                fail(f"comment {s.get(W + 'id')}: range does not end in its paragraph")
    inserted = [p for p in paras if p.find(f"{W}pPr/{W}rPr/{W}ins[@{W}author='tenderlint']") is not None
                and p.find(f"{W}ins[@{W}author='tenderlint']") is not None]
    inserted_texts = [docx_text(p) for p in inserted]
    for f in want:
        cid = next((i for i, c in by_id.items()
                    if docx_text(c).startswith("tenderlint: " + f["rule"] + " ")), None)
        if cid is None or cid not in anchors:
            fail(f"{f['rule']}: no anchored comment")
            continue
        anchor = anchors[cid]
        ev = [e for e in f["evidence"] if e.get("status") == f["status"]] or f["evidence"]
        if ev and docx_range(anchor, cid) != norm(ev[0]["quote"]):
            fail(f"{f['rule']}: the comment covers \"{docx_range(anchor, cid)[:60]}\", not the quote")
        # insert.part_para is the paragraph's index in the part (it differs from
        # after_para around a text box); reports without it fall back to after_para
        ins = f["suggestion"]["insert"]
        at = ins.get("part_para", ins["after_para"])
        if not ev and docx_text(anchor) != orig[at]:
            fail(f"{f['rule']}: missing finding anchored at \"{docx_text(anchor)[:60]}\", "
                 f"not at paragraph {at} of the part (\"{orig[at][:60]}\")")
        for line in filter(None, f.get("suggestion", {}).get("text", "").split("\n")):
            if norm(line) not in inserted_texts:
                fail(f"{f['rule']}: clause line not inserted: {line[:60]}")
                continue
            ins = inserted[inserted_texts.index(norm(line))]
            if paras.index(ins) < paras.index(anchor):
                fail(f"{f['rule']}: clause inserted before its anchor")
            if ins not in list(body):
                fail(f"{f['rule']}: clause not inserted at body level")
    return [norm(line) for f in want for line in f.get("suggestion", {}).get("text", "").split("\n") if line]


def odt_text(p):
    parts = [p.text or ""]
    for c in p:
        if c.tag not in (O + "annotation", T + "note"):
            parts.append(odt_text(c))
        parts.append(c.tail or "")
    return norm("".join(parts))


def odt_stream(e):
    if e.tag != O + "annotation":
        yield ("text", e.text or "")
    for c in e:
        yield ("el", c)
        if c.tag not in (O + "annotation", T + "note"):
            yield from odt_stream(c)
        yield ("text", c.tail or "")


def odt_range(p, name):
    inside, parts = False, []
    for kind, x in odt_stream(p):
        if kind == "el" and x.tag == O + "annotation" and x.get(O + "name") == name:
            inside = True
        elif kind == "el" and x.tag == O + "annotation-end" and x.get(O + "name") == name:
            inside = False
        elif inside and kind == "text":
            parts.append(x)
        elif inside and x.tag in (T + "s", T + "tab", T + "line-break"):
            parts.append(" ")
    return norm("".join(parts))


def check_odt(out, doc):
    z = zipfile.ZipFile(out)
    if z.infolist()[0].filename != "mimetype" or z.infolist()[0].compress_type != zipfile.ZIP_STORED:
        fail("mimetype is not the first, stored member")
    text = ET.fromstring(z.read("content.xml")).find(f"{O}body/{O}text")
    paras = [e for e in text.iter() if e.tag in (T + "p", T + "h")
             and not any(e in a.iter() for a in text.iter(O + "annotation"))]
    anns = {}
    for p in paras:
        for a in p.findall(O + "annotation"):
            if a.findtext(DC + "creator") != "tenderlint":
                fail("annotation not by tenderlint")
            name = a.get(O + "name")
            if p.find(f"{O}annotation-end[@{O}name='{name}']") is None:
                fail(f"annotation {name}: no annotation-end in its paragraph")
            body = " ".join(norm("".join(x.itertext())) for x in a.findall(T + "p"))
            anns[body] = (p, name)
    want = gaps(doc)
    if len(anns) != len(want):
        fail(f"{len(anns)} annotations for {len(want)} gaps")
    regions = {r.get(T + "id"): r for r in text.iter(T + "changed-region")}
    for r in regions.values():
        if r.find(f"{T}insertion/{O}change-info/{DC}creator") is None or \
           r.find(f"{T}insertion/{O}change-info/{DC}creator").text != "tenderlint":
            fail(f"region {r.get(T + 'id')}: not an insertion by tenderlint")
    starts = [s.get(T + "change-id") for s in text.iter(T + "change-start")]
    ends = [s.get(T + "change-id") for s in text.iter(T + "change-end")]
    if sorted(starts) != sorted(ends) or sorted(starts) != sorted(regions):
        fail("change-start/change-end marks do not match the changed regions")
    texts = [odt_text(p) for p in paras]
    for f in want:
        hit = next((pn for b, pn in anns.items() if b.startswith("tenderlint: " + f["rule"] + " ")), None)
        if hit is None:
            fail(f"{f['rule']}: no annotation")
            continue
        anchor, name = hit
        ev = [e for e in f["evidence"] if e.get("status") == f["status"]] or f["evidence"]
        if ev and odt_range(anchor, name) != norm(ev[0]["quote"]):
            fail(f"{f['rule']}: the annotation covers \"{odt_range(anchor, name)[:60]}\", not the quote")
        for line in filter(None, f.get("suggestion", {}).get("text", "").split("\n")):
            if norm(line) not in texts:
                fail(f"{f['rule']}: clause line not inserted: {line[:60]}")
            elif texts.index(norm(line)) < paras.index(anchor):
                fail(f"{f['rule']}: clause inserted before its anchor")
    return [norm(line) for f in want for line in f.get("suggestion", {}).get("text", "").split("\n") if line]


def check_again(binary, report_path, out, outdir, env, n):
    """A package that already has comments: they are kept, the new ones get
    fresh ids, and the relationships and content types are left alone."""
    again = os.path.join(outdir, "redlined-twice.docx")
    run = subprocess.run([binary, "render", "--redline", again, "--input", out, "--document", "0",
                          os.path.abspath(report_path)], env=env, capture_output=True, timeout=60)
    if run.returncode != 0:
        fail(f"second redline failed: {run.stderr.decode(errors='replace')}")
        return
    sys.argv = ["zipcmp", out, again, "word/document.xml", "word/comments.xml"]
    if zipcmp.main() != 0:
        fail("second redline changed more than document.xml and comments.xml")
    z = zipfile.ZipFile(again)
    ids = re.findall(r'<w:comment w:id="(\d+)"', z.read("word/comments.xml").decode())
    revs = re.findall(r'<w:(?:ins|del) w:id="(\d+)"', z.read("word/document.xml").decode())
    if len(ids) != 2 * n or len(set(ids + revs)) != len(ids) + len(revs):
        fail(f"second redline: {len(ids)} comments (want {2 * n}), ids not unique")


def soffice(args, outdir):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("LibreOffice is not installed (scripts/deps test)")
    profile = "file://" + os.path.join(outdir, "lo-profile")
    run = subprocess.run([exe, "--headless", "--norestore", f"-env:UserInstallation={profile}", *args,
                          "--outdir", outdir], capture_output=True, timeout=240)
    return run


def check_libreoffice(out, outdir, kind, ncomments):
    stem = os.path.splitext(os.path.basename(out))[0]
    conv = os.path.join(outdir, "converted")
    os.makedirs(conv, exist_ok=True)
    to = "odt" if kind == "docx" else "docx"
    # the PDF with the comments as PDF annotations, so the page image shows them
    pdf_filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    for fmt, arg in (("pdf", pdf_filter), (to, to)):
        target = os.path.join(conv, f"{stem}.{fmt}")
        if os.path.exists(target):
            os.unlink(target)
        run = soffice(["--convert-to", arg, out], conv)
        if run.returncode != 0 or not os.path.exists(target) or os.path.getsize(target) == 0:
            fail(f"LibreOffice could not convert to {fmt}: {run.stderr.decode(errors='replace')[-300:]}")
            return
    z = zipfile.ZipFile(os.path.join(conv, f"{stem}.{to}"))
    if to == "odt":
        xml = z.read("content.xml").decode()
        n_comments = len(re.findall(r"<office:annotation[ >]", xml))
        n_ins = len(re.findall(r"<text:insertion>\s*<office:change-info>\s*<dc:creator>tenderlint<", xml))
    else:
        xml = z.read("word/document.xml").decode()
        n_comments = len(re.findall(r"<w:comment ", z.read("word/comments.xml").decode()))
        n_ins = len(re.findall(r'<w:ins [^>]*w:author="tenderlint"', xml))
    print(f"LibreOffice {kind} -> {to}: {n_comments} comments, {n_ins} insertions by tenderlint")
    if n_comments != ncomments:
        fail(f"converted {to} has {n_comments} comments, want {ncomments}")
    if n_ins == 0:
        fail(f"converted {to} has no insertions by tenderlint")
    pdf = os.path.join(conv, f"{stem}.pdf")
    png = os.path.join(outdir, f"{stem}-page")
    if subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", pdf, png],
                      capture_output=True, timeout=60).returncode != 0:
        fail("pdftoppm failed")
    else:
        print(f"page image: {png}-1.png")


def check_reread(binary, out, clauses):
    views = {}
    for view in ("accept", "reject"):
        run = subprocess.run([binary, "extract", "--format", "json", "--revisions", view, out],
                             capture_output=True, timeout=60)
        if run.returncode != 0:
            fail(f"tenderlint extract --revisions {view} failed: {run.stderr.decode(errors='replace')}")
            return
        views[view] = json.loads(run.stdout)["paragraphs"]
    body = lambda ps: [norm(p["text"]) for p in ps if p["kind"] != "comment"]
    comments = [p for p in views["accept"] if p["kind"] == "comment"]
    for c in clauses:
        if not any(c in t for t in body(views["accept"])):
            fail(f"accept view lacks the inserted clause: {c[:60]}")
        if any(c in t for t in body(views["reject"])):
            fail(f"reject view still has the inserted clause: {c[:60]}")
    if any(t.startswith("tenderlint: ") for t in body(views["accept"])):
        fail("a comment was read as contract text")
    print(f"re-read: {len(clauses)} inserted clause paragraphs in the accept view, none in reject; "
          f"{len(comments)} comment paragraphs")


def main():
    binary, report_path, outdir = os.path.abspath(sys.argv[1]), sys.argv[2], os.path.abspath(sys.argv[3])
    expected = sys.argv[4] if len(sys.argv) > 4 else None
    os.makedirs(outdir, exist_ok=True)
    make_fixtures.write_docx(os.path.join(outdir, "fixture-nl.docx"))
    make_fixtures.write_odt(os.path.join(outdir, "fixture-en.odt"))
    with open(report_path, encoding="utf-8") as f:
        doc = json.load(f)["documents"][0]
    src = os.path.join(outdir, doc["path"])
    kind = "docx" if src.endswith(".docx") else "odt"
    out = os.path.join(outdir, "redlined-" + doc["path"])
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    run = subprocess.run([binary, "render", "--redline", out, "--input", doc["path"],
                          os.path.abspath(report_path)], cwd=outdir, env=env, capture_output=True, timeout=60)
    if run.returncode != 0:
        print(f"redline failed: {run.stderr.decode(errors='replace')}")
        return 1
    edited = ["word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels",
              "[Content_Types].xml"] if kind == "docx" else ["content.xml"]
    sys.argv = ["zipcmp", src, out, *edited]
    if zipcmp.main() != 0:
        fail("members other than the edited parts changed")
    clauses = check_docx(out, doc, src) if kind == "docx" else check_odt(out, doc)
    if expected:
        z = zipfile.ZipFile(out)
        for part in edited[:2]:
            golden = os.path.join(expected, f"redline-{kind}.{part.replace('/', '_')}")
            got = z.read(part)
            if os.environ.get("TL_UPDATE_GOLDEN") == "1":
                open(golden, "wb").write(got)
            elif open(golden, "rb").read() != got:
                fail(f"{part} differs from {golden}")
    if kind == "docx":
        check_again(binary, report_path, out, outdir, env, len(gaps(doc)))
    check_libreoffice(out, outdir, kind, len(gaps(doc)))
    check_reread(binary, out, clauses)
    for p in problems:
        print("FAIL:", p)
    print(f"{os.path.basename(out)}: {len(gaps(doc))} comments, {len(clauses)} inserted paragraphs, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
