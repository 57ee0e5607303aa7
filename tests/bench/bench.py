#!/usr/bin/env python3
"""tenderlint benchmarks: run by hand (scripts/bench), not as timed tests.

Prints Markdown tables: extraction against the peers (pandoc -t plain, mammoth, python-docx,
docx2txt, odt2txt) and the floor (unzip -p | xmllint --stream), full checks at 20/120/600
articles, the cost of doubling the rules, batch throughput with --jobs 1 and 2, and peak memory.
Every figure in one table comes from the same run, and the ratios are computed from it. The 2x
floor and 50x pandoc targets are also measured alternating (check and floor, check and pandoc in
turn), so that a slow moment of a shared machine falls on both sides.

usage: bench.py BUILD_DIR [--out DIR] [--reps N] [--pairs N] [--batch N] [--batch-reps N] [--quick]
"""
import argparse
import ctypes
import errno
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("TL_SHARED_DIR", os.path.join(ROOT, "..", "shared"))


def become_subreaper():
    """Processes that outlive their parent come to this script, which waits for them
    (reap_orphans): `tenderlint check` does not wait for its finished workers
    (TL_BATCH_F_NO_WAIT), so GNU time, which counts only waited-for processes, would
    not see a worker's memory."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


SUBREAPER = False


def reap_orphans():
    """Waits for every orphan handed to this script; the largest peak RSS (KiB) among them."""
    peak = 0
    while SUBREAPER:
        try:
            _, _, ru = os.wait4(-1, 0)
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        peak = max(peak, ru.ru_maxrss)
    return peak


def children_cpu():
    """User + system CPU seconds of every child process reaped so far (GNU time's, and through
    it the command's, and the orphans reap_orphans waited for)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_timed(cmd, shell=False, reps=5, env=None, cpu=None):
    """Median wall time over reps (until the command itself exits) and the peak RSS (KiB)
    over them and any process it left behind, via GNU time and reap_orphans.  With a list
    `cpu`, the median CPU time (user + system, all processes, reaped workers included) is
    appended to it."""
    times, rss, cpus = [], 0, []
    for _ in range(reps):
        c0 = children_cpu()
        with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
            full = ["/usr/bin/time", "-f", "%e %M", "-o", tf.name]
            full += ["sh", "-c", cmd] if shell else cmd
            t0 = time.perf_counter()
            p = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            t = time.perf_counter() - t0
            rss = max(rss, reap_orphans())
            line = open(tf.name).read().strip().splitlines()
            if line:
                try:
                    rss = max(rss, int(line[-1].split()[1]))
                except (IndexError, ValueError):
                    pass
            if p.returncode not in (0, 1):  # 1 = tenderlint found gaps
                return None, None, p.returncode
            times.append(t)
            cpus.append(children_cpu() - c0)
    if cpu is not None:
        cpu.append(statistics.median(cpus))
    return statistics.median(times), rss, 0


def have(tool):
    return shutil.which(tool) is not None


def fmt_t(t):
    return "n/a" if t is None else ("%.3f s" % t if t >= 0.01 else "%.1f ms" % (t * 1000))


def ensure_bench(out):
    os.makedirs(out, exist_ok=True)
    if not os.path.exists(os.path.join(out, "bench-nl-600.docx")):
        subprocess.run([sys.executable, os.path.join(SHARED, "bench", "make_contracts.py"), out],
                       check=True, stdout=subprocess.DEVNULL)


def ensure_mammoth(out):
    d = os.path.join(out, "npm")
    exe = os.path.join(d, "node_modules", ".bin", "mammoth")
    if not os.path.exists(exe) and have("npm"):
        os.makedirs(d, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", d, "mammoth"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return exe if os.path.exists(exe) else None


def doubled_ruleset(tl, out):
    """The default ruleset with every rule twice (ids suffixed), written as one file:
    includes are merged here so that the file stands alone."""
    top = os.path.join(ROOT, "rulesets", "vng-2022.json")
    with open(top) as f:
        rs = json.load(f)
    for inc in rs.pop("include", []):
        with open(os.path.join(os.path.dirname(top), inc)) as f:
            part = json.load(f)
        for key in ("concepts", "contexts"):
            rs.setdefault(key, {}).update(part.get(key, {}))
        rs.setdefault("rules", []).extend(part.get("rules", []))
        for key, val in part.items():
            if key not in ("concepts", "contexts", "rules"):
                rs.setdefault(key, val)
    # paths in the ruleset are relative to its own folder: make them absolute
    base = os.path.dirname(top)
    rs["frameworks"] = [os.path.join(base, f) for f in rs.get("frameworks", [])]
    if isinstance(rs.get("clauses"), str):
        rs["clauses"] = os.path.normpath(os.path.join(base, rs["clauses"]))
    # the same rules once, written the same way: the baseline, so that only the
    # number of rules differs (the built-in ruleset is embedded and loads faster)
    single = os.path.join(out, "single.json")
    with open(single, "w") as f:
        json.dump(rs, f)
    dup = []
    for r in rs.get("rules", []):
        c = json.loads(json.dumps(r))
        c["id"] = r["id"] + "-DUP"
        dup.append(c)
    rs["rules"] = rs.get("rules", []) + dup
    rs["id"] = "vng-2022-doubled"
    path = os.path.join(out, "doubled.json")
    with open(path, "w") as f:
        json.dump(rs, f)
    return single, path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--out", default="/tmp/tenderlint-bench")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--pairs", type=int, default=40,
                    help="check and floor runs, alternating, for the 2x target (default 40; pandoc and check: an eighth of it, at least 3)")
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--batch-reps", type=int, default=3,
                    help="alternating --jobs 1 / --jobs 2 batch runs, each (default 3)")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, a 200-file batch")
    a = ap.parse_args()
    global SUBREAPER
    SUBREAPER = become_subreaper()
    if not SUBREAPER:
        print("note: cannot become a subreaper; peak memory misses check's workers", file=sys.stderr)
    if a.quick:
        a.reps, a.batch, a.pairs, a.batch_reps = 2, 200, 10, 1
    tl = os.path.abspath(os.path.join(a.build, "tenderlint"))
    ensure_bench(a.out)
    B = lambda n, lang="nl", ext="docx": os.path.join(a.out, "bench-%s-%d.%s" % (lang, n, ext))

    print("## Extraction, bench-nl-600 (median of %d runs)\n" % a.reps)
    print("| command | time | peak RSS | tenderlint extract is ... faster |")
    print("|---|---|---|---|")
    docx, odt = B(600), B(600, ext="odt")
    rows = [("tenderlint extract (docx)", [tl, "extract", docx], False),
            ("floor: unzip -p | xmllint --stream", "unzip -p '%s' word/document.xml | xmllint --stream --noout -" % docx, True)]
    if have("pandoc"):
        rows.append(("pandoc -t plain (docx)", ["pandoc", "-t", "plain", docx], False))
    mam = ensure_mammoth(a.out)
    if mam:
        rows.append(("mammoth --output-format=markdown", [mam, docx, "--output-format=markdown"], False))
    py = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable  # Debian's python3-docx
    rows.append(("python-docx (paragraph text)",
                 [py, "-c", "import docx,sys;d=docx.Document(sys.argv[1]);[p.text for p in d.paragraphs]", docx], False))
    if have("docx2txt"):
        rows.append(("docx2txt", "docx2txt < '%s'" % docx, True))
    rows.append(("tenderlint extract (odt)", [tl, "extract", odt], False))
    if have("odt2txt"):
        rows.append(("odt2txt", ["odt2txt", odt], False))
    if have("pandoc"):
        rows.append(("pandoc -t plain (odt)", ["pandoc", "-t", "plain", odt], False))
    res = {}
    for name, cmd, shell in rows:
        reps = a.reps if not name.startswith("pandoc") else max(1, min(a.reps, 2))
        t, rss, rc = run_timed(cmd, shell=shell, reps=reps)
        res[name] = (t, rss)
    base_docx = res["tenderlint extract (docx)"][0]
    base_odt = res["tenderlint extract (odt)"][0]
    for name, (t, rss) in res.items():
        base = base_odt if "(odt)" in name or name == "odt2txt" else base_docx
        ratio = "%.1fx" % (t / base) if t and base else "n/a"
        print("| %s | %s | %s | %s |" % (name, fmt_t(t), "%.1f MiB" % (rss / 1024) if rss else "n/a", ratio))

    print("\n## Full check (read + all rules + JSON)\n")
    print("| input | time | CPU time | peak RSS |")
    print("|---|---|---|---|")
    full, cpu_of = {}, {}
    for n in (20, 120, 600):
        for lang in ("nl", "en"):
            c = []
            t, rss, rc = run_timed([tl, "check", "--format", "json", B(n, lang)], reps=a.reps, cpu=c)
            full[(lang, n)] = (t, rss)
            cpu_of[(lang, n)] = c[0] if c else None
            print("| bench-%s-%d.docx | %s | %s | %s |" % (lang, n, fmt_t(t), fmt_t(c[0]) if c else "n/a",
                                                        "%.1f MiB" % (rss / 1024) if rss else "n/a"))
    floor = res["floor: unzip -p | xmllint --stream"][0]
    t600 = full[("nl", 600)][0]
    # the 2x target again, the check and the floor alternating run by run so
    # that both see the same moment of a shared machine
    fl_cmd = "unzip -p '%s' word/document.xml | xmllint --stream --noout -" % B(600)
    fts, cts = [], []
    for _ in range(a.pairs):
        ft, _, _ = run_timed(fl_cmd, shell=True, reps=1)
        ct, _, _ = run_timed([tl, "check", "--format", "json", B(600)], reps=1)
        if ft and ct:
            fts.append(ft)
            cts.append(ct)
    alt = (statistics.median(cts), statistics.median(fts)) if fts else None
    # the pandoc target the same way: pandoc and the check alternating, so that a
    # slow moment of the machine falls on both (pandoc takes ~1.5 s, so few pairs)
    palt = None
    if have("pandoc"):
        pts, pcs = [], []
        for _ in range(max(3, a.pairs // 8)):
            pt, _, _ = run_timed(["pandoc", "-t", "plain", B(600)], reps=1)
            ct, _, _ = run_timed([tl, "check", "--format", "json", B(600)], reps=3)
            if pt and ct:
                pts.append(pt)
                pcs.append(ct)
        palt = (statistics.median(pts), statistics.median(pcs)) if pts else None
    t120 = full[("nl", 120)][0]
    print("\n| target | measured |")
    print("|---|---|")
    if t600 and floor:
        print("| check bench-nl-600 within 2x the floor | %.2fx the floor |" % (t600 / floor))
    if alt:
        print("| the same, check and floor alternating (%d pairs) | %.2fx (%s against %s) |"
              % (len(fts), alt[0] / alt[1], fmt_t(alt[0]), fmt_t(alt[1])))
    if t600 and res.get("pandoc -t plain (docx)", (None,))[0]:
        print("| at least 50x faster than pandoc -t plain | %.0fx faster |" % (res["pandoc -t plain (docx)"][0] / t600))
    if palt:
        print("| the same, pandoc and check alternating (%d pairs) | %.0fx faster (%s against %s) |"
              % (max(3, a.pairs // 8), palt[0] / palt[1], fmt_t(palt[1]), fmt_t(palt[0])))
    if full[("nl", 600)][1]:
        print("| peak memory at most 30 MiB | %.1f MiB |" % (full[("nl", 600)][1] / 1024))
    if t600 and t120:
        r = t600 / t120
        with open(B(600, ext="md")) as f6, open(B(120, ext="md")) as f1:
            size_ratio = len(f6.read()) / len(f1.read())
        print("| 600 articles cost 5x 120 within 25%% | %.2fx (text is %.2fx larger) |" % (r, size_ratio))
    t20 = full.get(("nl", 20), (None,))[0]
    if t600 and t120 and t20 and t120 > t20:
        with open(B(600, ext="md")) as f6, open(B(120, ext="md")) as f1, open(B(20, ext="md")) as f0:
            n6, n1, n0 = len(f6.read()), len(f1.read()), len(f0.read())
        print("| the same, less the 20-article check's time (the fixed start-up) | %.2fx (text added: %.2fx) |"
              % ((t600 - t20) / (t120 - t20), (n6 - n0) / (n1 - n0)))
        c0, c1, c6 = cpu_of.get(("nl", 20)), cpu_of.get(("nl", 120)), cpu_of.get(("nl", 600))
        if c0 and c1 and c6 and c1 > c0:
            # CPU time does not depend on how much of the work two threads overlap
            print("| the same in CPU time, less the 20-article check's | %.2fx (text added: %.2fx; %.1f -> %.1f -> %.1f ms) |"
                  % ((c6 - c0) / (c1 - c0), (n6 - n0) / (n1 - n0), c0 * 1e3, c1 * 1e3, c6 * 1e3))
    single, dbl = doubled_ruleset(tl, a.out)
    if dbl and t600:
        # interleaved, so that both see the same machine
        t1s, t2s = [], []
        for _ in range(3):
            t1, _, _ = run_timed([tl, "check", "--format", "json", "--ruleset", single, B(600)], reps=a.reps)
            t2, _, _ = run_timed([tl, "check", "--format", "json", "--ruleset", dbl, B(600)], reps=a.reps)
            if t1 and t2:
                t1s.append(t1)
                t2s.append(t2)
        if t1s:
            t1, t2 = statistics.median(t1s), statistics.median(t2s)
            print("| doubling the rules adds at most 30%% | %+.0f%% (%s -> %s, both rulesets from a file) |"
                  % ((t2 / t1 - 1) * 100, fmt_t(t1), fmt_t(t2)))

    print("\n## Batch throughput\n")
    corpus = []
    for d in ("contracts", "nl-gov"):
        p = os.path.join(SHARED, "corpus", d)
        for root, _, files in os.walk(p):
            corpus += [os.path.join(root, f) for f in sorted(files) if f.endswith((".docx", ".odt"))]
    corpus += [B(n, l, e) for n in (20, 120) for l in ("nl", "en") for e in ("docx", "odt")]
    bdir = os.path.join(a.out, "batch")
    shutil.rmtree(bdir, ignore_errors=True)
    os.makedirs(bdir)
    for i in range(a.batch):
        src = corpus[i % len(corpus)]
        os.symlink(src, os.path.join(bdir, "%04d-%s" % (i, os.path.basename(src))))
    print("| jobs | documents | time | documents/s |")
    print("|---|---|---|---|")
    # --jobs 1 and 2 alternating, a.batch_reps times each, so that both see
    # the same moments of a shared machine; the median of each
    runs = {1: [], 2: []}
    for _ in range(a.batch_reps):
        for j in (1, 2):
            t, rss, rc = run_timed([tl, "check", "--jobs", str(j), "--format", "jsonl", "-o",
                                    os.path.join(a.out, "batch.jsonl"), bdir], reps=1)
            if t:
                runs[j].append(t)
    rate = {}
    for j in (1, 2):
        t = statistics.median(runs[j]) if runs[j] else None
        rate[j] = a.batch / t if t else None
        print("| %d | %d | %s | %s |" % (j, a.batch, fmt_t(t), "%.1f" % rate[j] if rate[j] else "n/a"))
    if rate.get(1) and rate.get(2):
        print("\n--jobs 2 / --jobs 1 throughput: %.2fx (median of %d alternating runs each; target at least 1.8x)"
              % (rate[2] / rate[1], len(runs[2])))


if __name__ == "__main__":
    main()
