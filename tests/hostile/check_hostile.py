#!/usr/bin/env python3
"""Checks tenderlint against the hostile corpus (../shared/hostile/INDEX.tsv).

Modes (one per CTest test, see CMakeLists.txt):
  files   one `tenderlint extract --format json FILE` process per row, with a
          wall-time limit and the child's peak RSS (wait4); checks the code
          (any of the A|B alternatives) or, for OK rows, the canary text
  batch   all files in ONE process: every file gets exactly one result, the
          same as alone, and the controls 00/21/42/99 are read in full
  strace  the batch under `strace -f`: no socket()/connect(), no open() of
          anything but the inputs, shared libraries and locale/ICU data, and
          nothing opened for writing
  cli     `tenderlint extract` as a command: exit statuses 0/2/3, --help,
          jq-style messages, text output, standard input, JSON error objects

Canary text is compared the way the model normalises text (docs/extract-
format.md): NFC, zero-width and bidi controls removed, whitespace collapsed.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

MIB = 1024 * 1024
CONTROLS = ("00_", "21_", "42_", "99_")


def read_index(corpus):
    rows = []
    with open(os.path.join(corpus, "INDEX.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4:
                rows.append(dict(zip(header, cols)))
    return rows


def norm(s):
    """The model's text normalisation (src/model/doc.c tl_doc_normalize)."""
    out = []
    for ch in s:
        cp = ord(ch)
        if ch.isspace() or cp in (0xA0, 0x202F, 0x2007):
            out.append(" ")
        elif (cp in (0xAD, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x200E, 0x200F)
              or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069
              or cp < 0x20 or 0x7F <= cp < 0xA0):
            continue
        else:
            out.append(ch)
    return re.sub(r" +", " ", unicodedata.normalize("NFC", "".join(out))).strip()


def expectations(expected):
    """What an OK row's `expected` column asks for: (must, order, counts,
    first, last, nparas, never)."""
    text = expected
    if "\\u" in text or "\\x" in text or "\\U" in text:
        text = text.encode("latin-1", "backslashreplace").decode("unicode_escape")
    never = re.findall(r"never '([^']*)'", text)
    text = re.sub(r"\(never '[^']*'\)", "", text)
    must, counts, order = [], {}, []
    first = last = None
    nparas = None
    m = re.search(r"(\d+) paragraphs", text)
    if m:
        nparas = int(m.group(1))
    m = re.search(r"first '([^']*)'", text)
    if m:
        first = m.group(1).rstrip(". ").rstrip(":")
        first = first[:-3] if first.endswith("...") else first
    m = re.search(r"last '([^']*)'", text)
    if m:
        last = m.group(1).rstrip(". ").rstrip(":")
    for m in re.finditer(r"(\d+) x '([^']*)'", text):
        counts[m.group(2)] = int(m.group(1))
    # ranges: 'X 1' .. 'X 5' and 'X a' .. 'X f'
    for m in re.finditer(r"'([^']*?)(\d+|\w)' \.\. '([^']*?)(\d+|\w)'", text):
        p1, a, p2, b = m.groups()
        if p1 == p2 and a.isdigit() and b.isdigit():
            must += [f"{p1}{i}" for i in range(int(a), int(b) + 1)]
        elif p1 == p2 and len(a) == 1 and len(b) == 1:
            must += [f"{p1}{chr(c)}" for c in range(ord(a), ord(b) + 1)]
    quoted = re.findall(r"'([^']*)'", text)
    for q in quoted:
        if first and q.startswith(first):
            continue
        if last and q.rstrip(". ").rstrip(":") == last:
            continue
        if q in never:
            continue
        must.append(q.rstrip(".").rstrip(":") if q.endswith("...") else q)
    m = re.search(r"'([^']*)' then '([^']*)'", text)
    if m:
        order = [m.group(1), m.group(2)]
    clean = []
    for q in must:
        q = q[:-3].rstrip(": ") if q.endswith("...") else q
        if q and q not in clean:
            clean.append(q)
    return clean, order, counts, first, last, nparas, never


def check_doc(row, doc, errors):
    """An OK row's document against its canaries."""
    must, order, counts, first, last, nparas, never = expectations(row["expected"])
    paras = [norm(p.get("text", "")) for p in doc.get("paragraphs", [])]
    # labels are shown apart from text; a canary may span label + text
    full = [norm(((p.get("label") or "") + " " + p.get("text", "")))
            for p in doc.get("paragraphs", [])]
    joined = "\n".join(paras) + "\n" + "\n".join(full)
    for q in must:
        if norm(q) not in joined:
            errors.append(f"canary {q!r} missing")
    for q, n in counts.items():
        got = sum(p.count(norm(q)) for p in paras)
        if got < n:
            errors.append(f"canary {q!r} seen {got} times, want {n}")
    if order:
        a, b = joined.find(norm(order[0])), joined.find(norm(order[1]))
        if a < 0 or b < 0 or a > b:
            errors.append(f"{order[0]!r} must come before {order[1]!r}")
    body = [p for p in doc.get("paragraphs", []) if p.get("kind") in ("body", "heading")]
    if nparas is not None and len(body) != nparas:
        errors.append(f"{len(body)} body paragraphs, want {nparas}")
    if first and (not body or not norm(body[0]["text"]).startswith(norm(first))):
        errors.append(f"first paragraph does not start with {first!r}")
    if last and (not body or not norm(body[-1]["text"]).startswith(norm(last))):
        errors.append(f"last paragraph does not start with {last!r}")
    for q in never:
        if norm(q) in joined:
            errors.append(f"forbidden text {q!r} present")


def run_one(runner, tool, path, timeout):
    """Runs extract on one file under run_limited; returns (rc or -signal,
    seconds, peak RSS bytes, stdout, stderr); rc None on timeout."""
    with tempfile.TemporaryDirectory() as td:
        out, err = os.path.join(td, "out"), os.path.join(td, "err")
        p = subprocess.run([runner, str(timeout), out, err, "--", tool, "extract", "--format",
                            "json", path], stdout=subprocess.PIPE, check=True)
        rc, secs, rss_kb, timed_out = p.stdout.decode().split()
        with open(out, "rb") as f:
            data = f.read()
        with open(err, "rb") as f:
            msg = f.read()
        return (None if timed_out == "1" else int(rc)), float(secs), int(rss_kb) * 1024, data, msg


def parse_stream(data):
    dec = json.JSONDecoder()
    text = data.decode("utf-8")
    i, vals = 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return vals
        v, i = dec.raw_decode(text, i)
        vals.append(v)


def verdict(row, result, errors):
    """Checks one result object (document or error) against its row."""
    allowed = row["code"].split("|")
    if "error" in result:
        code = result["error"].get("code")
        if code not in allowed:
            errors.append(f"code {code} ({result['error'].get('message')}), want {row['code']}")
        if not result["error"].get("message"):
            errors.append("error without a message")
        return code
    if "OK" not in allowed:
        errors.append(f"parsed, want {row['code']}")
        return "OK"
    check_doc(row, result, errors)
    return "OK"


def mode_files(args, rows):
    failures = 0
    for row in rows:
        name = row["file"]
        path = os.path.join(args.corpus, name)
        tlimit = (10.0 if name.startswith("43_") else 5.0) * args.slow
        mlimit = 128 * MIB * args.mem
        rc, secs, rss, out, err = run_one(args.runner, args.tool, path, tlimit * 2 + 5)
        errors = []
        code = "?"
        if rc is None:
            errors.append(f"killed after {secs:.1f} s (hang)")
        elif rc < 0:
            errors.append(f"died of signal {-rc}")
        else:
            try:
                vals = parse_stream(out)
            except (ValueError, UnicodeDecodeError) as e:
                vals = []
                errors.append(f"output is not JSON: {e}")
            if len(vals) != 1:
                errors.append(f"{len(vals)} results, want exactly 1")
            else:
                code = verdict(row, vals[0], errors)
                want_rc = 0 if code == "OK" else 3
                if rc != want_rc:
                    errors.append(f"exit status {rc}, want {want_rc}")
                if code != "OK" and not err.strip():
                    errors.append("no message on stderr")
            if b"root:" in out or b"root:" in err:
                errors.append("output contains 'root:' (file content leaked)")
            if secs > tlimit:
                errors.append(f"{secs:.2f} s, limit {tlimit:.0f} s")
            if rss > mlimit:
                errors.append(f"peak RSS {rss / MIB:.0f} MiB, limit {mlimit / MIB:.0f} MiB")
        status = "FAIL" if errors else "pass"
        failures += bool(errors)
        print(f"{status} {name:45} {code:22} {secs:6.2f} s {rss / MIB:6.1f} MiB"
              + ("  " + "; ".join(errors) if errors else ""))
    print(f"{len(rows) - failures} of {len(rows)} rows pass")
    return 1 if failures else 0


def mode_batch(args, rows):
    paths = [os.path.join(args.corpus, r["file"]) for r in rows]
    t0 = time.monotonic()
    p = subprocess.run([args.tool, "extract", "--format", "json", *paths], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=300 * args.slow)
    secs = time.monotonic() - t0
    errors = []
    if p.returncode != 3:
        errors.append(f"exit status {p.returncode}, want 3 (some inputs unreadable)")
    vals = parse_stream(p.stdout)
    if len(vals) != len(rows):
        errors.append(f"{len(vals)} results for {len(rows)} files")
    for row, v in zip(rows, vals):
        e = []
        if os.path.basename(v.get("path", "")) != row["file"]:
            e.append(f"result for {v.get('path')} out of order")
        code = verdict(row, v, e)
        if row["file"].startswith(CONTROLS) and code != "OK":
            e.append("control not read")
        errors += [f"{row['file']}: {x}" for x in e]
    if b"root:" in p.stdout:
        errors.append("output contains 'root:'")
    for e in errors:
        print("FAIL", e)
    print(f"batch of {len(rows)} files in {secs:.1f} s: {'FAIL' if errors else 'pass'}")
    return 1 if errors else 0


FORBIDDEN = re.compile(r"/etc/passwd|/etc/hostname|/proc/self/environ|evil\.dtd|oob\.dtd|"
                       r"t\.dotm|x\.png|hostile_|\.\./\.\./x|127\.0\.0\.1|\\\\")
ALLOWED_PREFIXES = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/etc/ld.so.",
                    "/usr/share/icu/", "/usr/share/locale/", "/usr/lib/locale/",
                    "/etc/localtime", "/dev/null", "/dev/urandom", "/proc/self/",
                    "/sys/devices/system/cpu", "/usr/share/zoneinfo/", "/etc/nsswitch.conf",
                    "/proc/sys/vm/overcommit_memory", "/proc/meminfo", "/sys/fs/cgroup/")


def mode_strace(args, rows):
    strace = shutil.which("strace")
    if not strace:
        print("FAIL strace is not installed (scripts/deps test installs it)")
        return 1
    paths = [os.path.join(args.corpus, r["file"]) for r in rows]
    with tempfile.TemporaryDirectory() as td:
        trace = os.path.join(td, "trace")
        p = subprocess.run([strace, "-f", "-qq", "-o", trace, "-e",
                            "trace=%network,open,openat,openat2,creat,execve,connect",
                            args.tool, "extract", "--format", "json", *paths],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=600 * args.slow)
        with open(trace, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    errors = []
    if p.returncode not in (0, 3):
        errors.append(f"exit status {p.returncode}")
    corpus = os.path.realpath(args.corpus) + "/"
    tool = os.path.realpath(args.tool)
    opened = 0
    for ln in lines:
        call = re.search(r"\b(socket|connect|bind|sendto|open|openat|openat2|creat|execve)\(", ln)
        if not call:
            continue
        name = call.group(1)
        if name in ("socket", "connect", "bind", "sendto"):
            errors.append(f"network call: {ln.strip()}")
            continue
        m = re.search(r'"((?:[^"\\]|\\.)*)"', ln)
        target = m.group(1) if m else ""
        if FORBIDDEN.search(target):
            errors.append(f"forbidden path: {ln.strip()}")
            continue
        if name == "execve":
            if os.path.realpath(target) != tool:
                errors.append(f"unexpected exec: {ln.strip()}")
            continue
        opened += 1
        if re.search(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC", ln) or name == "creat":
            if target != "/dev/null":
                errors.append(f"opened for writing: {ln.strip()}")
            continue
        real = os.path.realpath(target) if target.startswith("/") else target
        if real.startswith(corpus) or target.startswith(corpus):
            continue
        if target.startswith(ALLOWED_PREFIXES) or real.startswith(ALLOWED_PREFIXES):
            continue
        errors.append(f"open outside the inputs: {ln.strip()}")
    for e in errors[:50]:
        print("FAIL", e)
    print(f"strace: {len(lines)} traced calls, {opened} opens checked: "
          f"{'FAIL' if errors else 'pass'}")
    return 1 if errors else 0


def mode_cli(args, rows):
    tool = args.tool
    c = os.path.join(args.corpus, "00_control_minimal.docx")
    bad = os.path.join(args.corpus, "32_pdf_renamed.docx")
    errors = []

    def run(argv, stdin=None):
        p = subprocess.run([tool, "extract", *argv], input=stdin, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=60)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def want(what, cond):
        if not cond:
            errors.append(what)

    rc, out, err = run(["--help"])
    want("--help exits 0 and prints usage", rc == 0 and out.startswith("usage: tenderlint extract"))
    want("--help lists the table's options", "--revisions VIEW" in out and "--limit" in out)
    rc, out, err = run(["--bogus", c])
    want("unknown option exits 2", rc == 2 and "unknown option '--bogus'" in err)
    rc, out, err = run(["--format", "pdf", c])
    want("bad --format value exits 2", rc == 2 and "invalid value 'pdf'" in err)
    rc, out, err = run(["--limit", "max_xml_depth=9999", c])
    want("out-of-range --limit exits 2", rc == 2)
    rc, out, err = run([])
    want("no input exits 2", rc == 2)
    rc, out, err = run([c])
    want("text output of a control", rc == 0 and "format: docx" in out and "CANARY-00" in out)
    rc, out, err = run([c, bad, c])
    want("unreadable input: exit 3, both good files printed",
         rc == 3 and out.count("CANARY-00") == 2)
    want("jq-style message: path: message [CODE]",
         re.search(r"32_pdf_renamed\.docx: .*convert it to DOCX or ODT first \[E_FORMAT_PDF\]",
                   err) is not None)
    rc, out, err = run(["--format", "json", bad, c])
    vals = parse_stream(out.encode())
    want("JSON: an error object, then the document",
         rc == 3 and len(vals) == 2 and vals[0]["error"]["code"] == "E_FORMAT_PDF"
         and vals[1]["format"] == "docx")
    rc, out, err = run(["-q", bad])
    want("--quiet: exit 3 and no message", rc == 3 and err == "")
    rc, out, err = run([os.path.join(args.corpus, "no-such-file.docx")])
    want("missing file: exit 3, E_IO", rc == 3 and "[E_IO]" in err)
    rc, out, err = run([args.corpus])
    want("a directory: exit 3", rc == 3 and "is a directory" in err)
    rc, out, err = run(["--format", "json", "-"], stdin=b"# Kop\n\n1. Partijen\n")
    vals = parse_stream(out.encode()) if rc == 0 else []
    want("standard input as Markdown", rc == 0 and vals and vals[0]["format"] == "markdown"
         and vals[0]["paragraphs"][1]["label"] == "1.")
    rc, out, err = run(["--input-format", "text", "-"], stdin=b"# not a heading\n")
    want("--input-format text", rc == 0 and "format: text" in out)
    rc, out, err = run(["--limit", "max_entry_size=100", c])
    want("--limit max_entry_size=100 refuses the control",
         rc == 3 and "[E_LIMIT_ENTRY_SIZE]" in err)
    for e in errors:
        print("FAIL", e)
    print(f"extract CLI: {'FAIL' if errors else 'pass'}")
    return 1 if errors else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("mode", choices=["files", "batch", "strace", "cli"])
    ap.add_argument("--tool", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--runner", help="run_limited (files mode)")
    ap.add_argument("--slow", type=float, default=1.0,
                    help="time-limit factor (sanitizer builds)")
    ap.add_argument("--mem", type=float, default=1.0,
                    help="memory-limit factor (sanitizer builds)")
    args = ap.parse_args()
    args.corpus = os.path.abspath(args.corpus)
    rows = read_index(args.corpus)
    if len(rows) < 50:
        print(f"FAIL only {len(rows)} rows in INDEX.tsv")
        return 1
    modes = {"files": mode_files, "batch": mode_batch, "strace": mode_strace, "cli": mode_cli}
    return modes[args.mode](args, rows)


if __name__ == "__main__":
    sys.exit(main())
