#!/usr/bin/env python3
"""check_html.py BIN REPORT OUTDIR: renders REPORT as HTML and opens it in
headless Chromium (a fresh profile, no network services): the page must log
nothing to the console, its #selftest (filters by status, area and severity,
link targets, copy sources, no external resources, no script errors) must
write PASS into the DOM, and a screenshot is written to OUTDIR/NAME.png.
When the page has the whole-text view, it is also printed to PDF
(Chromium's print of the page, as a reader would print it) and the last page,
where the text view ends, is written to OUTDIR/NAME-text.png.
REPORT may also be a contract (.docx, .odt, ...): it is checked first with
`check --with-text --format json`, so the page has the whole-text view of a
real check."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--disable-extensions"]


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("chromium is not installed (scripts/deps test)")


def run_chromium(args, profile):
    cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(cmd, capture_output=True, timeout=120)


def print_text_view(page, outdir, name):
    pdf = os.path.join(outdir, name + ".pdf")
    png = os.path.join(outdir, name + "-text")
    for f in (pdf, png + ".png"):
        if os.path.exists(f):
            os.unlink(f)
    with tempfile.TemporaryDirectory(prefix="tl-chromium-") as profile:
        run = run_chromium(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + os.path.abspath(page)],
                           profile)
    if not os.path.exists(pdf) or os.path.getsize(pdf) < 1000:
        return [f"no PDF print (chromium exit {run.returncode})"]
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, timeout=60).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    last = pages
    while last > 1 and len(subprocess.run(["pdftotext", "-f", str(last), "-l", str(last), pdf, "-"],
                                          capture_output=True, timeout=60).stdout.strip()) == 0:
        last -= 1  # a trailing empty page
    if subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(last), "-l", str(last), pdf, png],
                      capture_output=True, timeout=60).returncode != 0:
        return ["pdftoppm failed on the printed page"]
    print(f"{name}: printed {pages} pages; page {last} (the end of the text view) in {png}.png")
    return []


def main():
    binary, report, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(outdir, exist_ok=True)
    name = os.path.splitext(os.path.basename(report))[0]
    page = os.path.join(outdir, name + ".html")
    if not report.endswith((".json", ".jsonl")):
        checked = os.path.join(outdir, name + ".report.json")
        with open(checked, "wb") as f:
            rc = subprocess.run([binary, "check", "--with-text", "--format", "json", "--fail-on", "never",
                                 report], stdout=f, timeout=120).returncode
        if rc != 0:
            print(f"{name}: check exited {rc}")
            return 1
        report = checked
    with open(page, "wb") as f:
        subprocess.run([binary, "render", "--format", "html", report], stdout=f, check=True, timeout=60)
    html = open(page, encoding="utf-8").read()
    problems = []
    if re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I):
        problems.append("the page refers to a network resource")
    if "Content-Security-Policy" not in html:
        problems.append("no Content-Security-Policy")
    url = "file://" + os.path.abspath(page)
    with tempfile.TemporaryDirectory(prefix="tl-chromium-") as profile:
        dom = run_chromium(["--virtual-time-budget=5000", "--dump-dom", url + "#selftest"], profile)
        shot = os.path.join(outdir, name + ".png")
        if os.path.exists(shot):
            os.unlink(shot)
        cap = run_chromium(["--hide-scrollbars", f"--screenshot={shot}", "--window-size=1280,2000", url],
                           profile)
    out = dom.stdout.decode(errors="replace")
    m = re.search(r'<pre id="selftest-result" data-result="(\w+)">([^<]*)</pre>', out)
    if not m:
        problems.append(f"no self-test result in the DOM (chromium exit {dom.returncode})")
    else:
        print(f"{name}: selftest {m.group(2).strip()}")
        if m.group(1) != "PASS":
            problems.append("self-test failed")
    console = [l for l in (dom.stderr + cap.stderr).decode(errors="replace").splitlines()
               if "CONSOLE" in l]
    problems += [f"console: {l}" for l in console]
    if not os.path.exists(shot) or os.path.getsize(shot) < 10000:
        problems.append(f"no screenshot (chromium exit {cap.returncode})")
    else:
        print(f"{name}: screenshot {shot} ({os.path.getsize(shot)} bytes)")
    if 'class="textview fulltext' in html:
        problems += print_text_view(page, outdir, name)
    for p in problems:
        print(f"{name}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
