#!/usr/bin/env python3
"""Whole-corpus robustness run: `tenderlint extract` over every
.docx/.docm/.dotx/.dotm/.odt/.ott/.fodt under the shared corpus.

Each file runs in its own process (two at a time) under run_limited with a
10 s wall-time limit.  A file is "read" (exit 0), "refused" (exit 3 with a
stable [E_...] code on stderr) or a failure: a signal (crash), a hang over
the limit, any other exit status, or a refusal without a code.  Prints the
counts per source folder and the refusals by code, writes every result to
corpus-results.tsv in the current folder, and exits 1 on any failure.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import time

EXTS = (".docx", ".docm", ".dotx", ".dotm", ".odt", ".ott", ".fodt")
CODE = re.compile(r"\[(E_[A-Z0-9_]+)\]\s*$")


def run(runner, tool, path, limit):
    with tempfile.TemporaryDirectory() as td:
        err = os.path.join(td, "err")
        p = subprocess.run([runner, str(limit + 5), "/dev/null", err, "--", tool, "extract",
                            "--format", "json", path], stdout=subprocess.PIPE, check=True)
        rc, secs, rss_kb, timed_out = p.stdout.decode().split()
        with open(err, encoding="utf-8", errors="replace") as f:
            msg = f.read().strip()
    rc, secs = int(rc), float(secs)
    if timed_out == "1" or secs > limit:
        return "hang", None, secs, int(rss_kb), msg
    if rc < 0:
        return "crash", f"signal {-rc}", secs, int(rss_kb), msg
    if rc == 0:
        return "read", None, secs, int(rss_kb), msg
    m = CODE.search(msg.splitlines()[-1]) if msg else None
    if rc == 3 and m and m.group(1) not in ("E_INTERNAL", "E_CRASH"):
        return "refused", m.group(1), secs, int(rss_kb), msg
    return "unclear", f"exit {rc}", secs, int(rss_kb), msg


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tool", required=True)
    ap.add_argument("--runner", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=float, default=10.0, help="seconds per file")
    args = ap.parse_args()
    files = []
    for root, _, names in os.walk(args.corpus):
        for n in names:
            if n.lower().endswith(EXTS):
                files.append(os.path.join(root, n))
    files.sort()
    if len(files) < 100:
        print(f"FAIL only {len(files)} documents found under {args.corpus}")
        return 1
    t0 = time.monotonic()
    results = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        futs = {ex.submit(run, args.runner, args.tool, f, args.limit): f for f in files}
        for fut in concurrent.futures.as_completed(futs):
            results[futs[fut]] = fut.result()
    wall = time.monotonic() - t0
    per = collections.defaultdict(collections.Counter)
    codes = collections.Counter()
    failures = []
    slowest = sorted(results.items(), key=lambda kv: -kv[1][2])[:5]
    with open("corpus-results.tsv", "w", encoding="utf-8") as out:
        out.write("file\tstatus\tcode\tseconds\trss_kib\tmessage\n")
        for f in files:
            status, code, secs, rss, msg = results[f]
            rel = os.path.relpath(f, args.corpus)
            folder = rel.split(os.sep)[0]
            per[folder][status] += 1
            if status == "refused":
                codes[code] += 1
            if status not in ("read", "refused"):
                failures.append((rel, status, code, msg))
            last = msg.splitlines()[-1] if msg else ""
            out.write(f"{rel}\t{status}\t{code or ''}\t{secs:.3f}\t{rss}\t{last}\n")
    print(f"{'folder':22} {'files':>6} {'read':>6} {'refused':>8} {'failed':>7}")
    tot = collections.Counter()
    for folder in sorted(per):
        c = per[folder]
        n = sum(c.values())
        bad = n - c["read"] - c["refused"]
        tot.update(c)
        print(f"{folder:22} {n:6} {c['read']:6} {c['refused']:8} {bad:7}")
    n = sum(tot.values())
    print(f"{'total':22} {n:6} {tot['read']:6} {tot['refused']:8} "
          f"{n - tot['read'] - tot['refused']:7}")
    print("refusals by code: " + ", ".join(f"{k} {v}" for k, v in codes.most_common()))
    print("slowest: " + ", ".join(f"{os.path.relpath(f, args.corpus)} {r[2]:.2f} s"
                                  for f, r in slowest))
    print(f"{len(files)} files in {wall:.0f} s with {args.jobs} jobs")
    for rel, status, code, msg in failures:
        print(f"FAIL {status} {rel} {code or ''}: {msg[-300:]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
