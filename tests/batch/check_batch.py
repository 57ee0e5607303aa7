#!/usr/bin/env python3
"""Batch-mode tests of `tenderlint check` (issue 6 and issue 7's batch bar).

modes:
  shards    --shard K/N outputs merged with `tenderlint merge` equal one run; --jobs 1 and 2 agree
  waivers   a waiver file turns a gap into a waived finding (no --fail-on exit), expiry brings it back
  baseline  --baseline keeps only new and changed findings and lists resolved ones
  hostile   every hostile file plus ten good contracts in ONE check run: the ten are reported in
            full (every rule once), each hostile file gets one clear error with its code, nothing
            crashes the batch; exit status 3 (some input unreadable)
  exit      exit codes 0/1/2/3 and the clear error line that names the file
"""
import argparse, glob, json, os, shutil, subprocess, sys, tempfile

def run(tool, args, **kw):
    return subprocess.run([tool] + args, capture_output=True, text=True, **kw)

def docs_of(path):
    with open(path) as f:
        lines = [json.loads(l) for l in f if l.strip()]
    return [l for l in lines if l.get("type") == "document"]

def fail(msg):
    print("FAIL:", msg)
    return 1

def mode_shards(a, tmp):
    inputs = [os.path.join(a.root, "samples")]
    r = run(a.tool, ["check", "-q", "--jobs", "1", "--format", "jsonl", "-o", f"{tmp}/one.jsonl"] + inputs)
    if r.returncode not in (0, 1):
        return fail(f"single run exit {r.returncode}: {r.stderr}")
    r2 = run(a.tool, ["check", "-q", "--jobs", "2", "--format", "jsonl", "-o", f"{tmp}/two.jsonl"] + inputs)
    if open(f"{tmp}/one.jsonl").read() != open(f"{tmp}/two.jsonl").read():
        return fail("--jobs 1 and --jobs 2 outputs differ")
    for k in (1, 2, 3):
        r = run(a.tool, ["check", "-q", "--shard", f"{k}/3", "--format", "jsonl", "-o", f"{tmp}/s{k}.jsonl"] + inputs)
        if r.returncode not in (0, 1):
            return fail(f"shard {k} exit {r.returncode}")
    counts = [len(docs_of(f"{tmp}/s{k}.jsonl")) for k in (1, 2, 3)]
    total = len(docs_of(f"{tmp}/one.jsonl"))
    if sum(counts) != total or 0 in counts:
        return fail(f"shards hold {counts} documents, the single run {total}")
    run(a.tool, ["merge", "--format", "json", "-o", f"{tmp}/merged.json"] + [f"{tmp}/s{k}.jsonl" for k in (1, 2, 3)])
    run(a.tool, ["merge", "--format", "json", "-o", f"{tmp}/single.json", f"{tmp}/one.jsonl"])
    if open(f"{tmp}/merged.json").read() != open(f"{tmp}/single.json").read():
        return fail("merged shards differ from the single run")
    r = run(a.tool, ["merge", "--format", "csv", f"{tmp}/s1.jsonl", f"{tmp}/s2.jsonl", f"{tmp}/s3.jsonl"])
    if r.returncode != 0 or len(r.stdout.strip().splitlines()) != total + 1:
        return fail("merged CSV matrix should have a header and one row per document")
    print(f"shards: {counts} = {total} documents; merged == single run; jobs 1 == jobs 2")
    return 0

def mode_waivers(a, tmp):
    doc = os.path.join(a.root, "samples", "vendor-red-flags-en.docx")
    r = run(a.tool, ["check", "-q", "--format", "json", doc])
    rep = json.loads(r.stdout)
    gaps = [f["rule"] for f in rep["documents"][0]["findings"] if f["status"] == "violated"]
    if r.returncode != 1 or not gaps:
        return fail("the red-flags sample should have violations and exit 1")
    w = {"waivers": [{"path": "*red-flags*", "rule": g, "reason": "accepted by council", "by": "legal"} for g in gaps]}
    json.dump(w, open(f"{tmp}/w.json", "w"))
    r = run(a.tool, ["check", "-q", "--format", "json", "--waivers", f"{tmp}/w.json", doc])
    rep = json.loads(r.stdout)
    waived = [f["rule"] for f in rep["documents"][0]["findings"] if f.get("waived")]
    if sorted(waived) != sorted(gaps) or r.returncode != 0:
        return fail(f"waived {waived} (exit {r.returncode}), expected {gaps} and exit 0")
    if rep["documents"][0]["summary"].get("waived") != len(gaps):
        return fail("summary.waived should count the waived findings")
    for x in w["waivers"]:
        x["until"] = "2000-01-01"
    json.dump(w, open(f"{tmp}/w.json", "w"))
    r = run(a.tool, ["check", "-q", "--format", "json", "--waivers", f"{tmp}/w.json", doc])
    if r.returncode != 1 or any(f.get("waived") for f in json.loads(r.stdout)["documents"][0]["findings"]):
        return fail("expired waivers must not waive")
    open(f"{tmp}/bad.json", "w").write('{"waivers": [{"path": "x"}]}')
    r = run(a.tool, ["check", "-q", "--waivers", f"{tmp}/bad.json", doc])
    if r.returncode != 2 or "bad.json" not in r.stderr:
        return fail(f"a bad waiver file should be a usage error naming the file: {r.stderr}")
    print(f"waivers: {len(gaps)} violations waived, expiry honoured, bad file refused")
    return 0

def mode_baseline(a, tmp):
    src = os.path.join(a.root, "samples", "src")
    d = f"{tmp}/contracts"
    os.makedirs(d)
    shutil.copy(os.path.join(a.root, "samples", "vendor-red-flags-en.docx"), d)
    r = run(a.tool, ["check", "-q", "--format", "jsonl", "-o", f"{tmp}/base.jsonl", d])
    r = run(a.tool, ["check", "-q", "--format", "json", "--baseline", f"{tmp}/base.jsonl", d])
    rep = json.loads(r.stdout)
    if rep["documents"][0]["findings"]:
        return fail("an unchanged document should have no findings against its own baseline")
    # a new contract appears: all its gaps are new
    shutil.copy(os.path.join(a.root, "samples", "saas-contract-en.odt"), d) if os.path.exists(os.path.join(a.root, "samples", "saas-contract-en.odt")) else None
    extra = [p for p in glob.glob(os.path.join(a.root, "samples", "*.odt"))][:1]
    for p in extra:
        shutil.copy(p, d)
    r = run(a.tool, ["check", "-q", "--format", "json", "--baseline", f"{tmp}/base.jsonl", d])
    rep = json.loads(r.stdout)
    new = [f for doc in rep["documents"] for f in doc["findings"] if f.get("change") == "new"]
    if not new:
        return fail("a document missing from the baseline should bring new findings")
    print(f"baseline: unchanged document quiet, {len(new)} new findings for an added document")
    return 0

def mode_hostile(a, tmp):
    hostile = sorted(glob.glob(os.path.join(a.corpus, "*.docx")) + glob.glob(os.path.join(a.corpus, "*.odt")))
    if not hostile:
        return fail(f"no hostile corpus in {a.corpus}")
    good = sorted(glob.glob(os.path.join(a.root, "samples", "*.docx")) + glob.glob(os.path.join(a.root, "samples", "*.odt")))
    good += sorted(glob.glob(os.path.join(a.shared, "corpus", "contracts", "commonpaper__*.docx")))
    good = good[:10]
    gd = f"{tmp}/good"
    os.makedirs(gd)
    for i, p in enumerate(good):
        shutil.copy(p, os.path.join(gd, f"good{i:02d}-" + os.path.basename(p)))
    index = {}
    for line in open(os.path.join(a.corpus, "INDEX.tsv")).read().splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 4:
            index[cols[0]] = cols[3]
    r = run(a.tool, ["check", "-q", "--jobs", "2", "--time-limit", str(30 * a.slow), "--format", "jsonl",
                     "-o", f"{tmp}/h.jsonl", gd] + hostile, timeout=1800)
    if r.returncode != 3:
        return fail(f"exit {r.returncode}, expected 3 (some input unreadable); stderr: {r.stderr[-500:]}")
    docs = docs_of(f"{tmp}/h.jsonl")
    if len(docs) != len(hostile) + len(good):
        return fail(f"{len(docs)} results for {len(hostile) + len(good)} inputs")
    header = json.loads(open(f"{tmp}/h.jsonl").readline())
    nrules = len(header.get("rules", []))
    bad = 0
    for d in docs:
        name = os.path.basename(d["path"])
        if d["path"].startswith(gd):
            if d.get("error") or len(d["findings"]) != nrules or len({f["rule"] for f in d["findings"]}) != nrules:
                print(f"  good file not reported in full: {name}: {d.get('error')}")
                bad += 1
        else:
            codes = index.get(name, "")
            if "OK" in codes.split("|") and not d.get("error"):
                if len(d["findings"]) != nrules:
                    print(f"  {name}: parsed but not every rule reported")
                    bad += 1
            elif codes == "OK":
                print(f"  {name}: expected parsed, got {d['error']}")
                bad += 1
            else:
                err = d.get("error") or {}
                if err.get("code") not in codes.split("|") or not err.get("message"):
                    print(f"  {name}: expected one of {codes}, got {err}")
                    bad += 1
    if bad:
        return fail(f"{bad} results wrong")
    print(f"hostile batch: {len(hostile)} hostile files each with its error or content, {len(good)} good contracts in full ({nrules} rules each)")
    return 0

def mode_exit(a, tmp):
    s = os.path.join(a.root, "samples")
    ok = f"{tmp}/clean.txt"
    open(ok, "w").write("Deze overeenkomst regelt de levering van kantoorstoelen.\n")
    r = run(a.tool, ["check", "-q", "--fail-on", "never", ok])
    if r.returncode != 0:
        return fail(f"--fail-on never: exit {r.returncode}")
    r = run(a.tool, ["check", "-q", os.path.join(s, "vendor-red-flags-en.docx")])
    if r.returncode != 1:
        return fail(f"violations: exit {r.returncode}, expected 1")
    # a small --memory-limit is the document's: the ruleset is loaded outside it
    r = run(a.tool, ["check", "-q", "--memory-limit", "100", os.path.join(s, "vendor-red-flags-en.docx")])
    if r.returncode != 1:
        return fail(f"--memory-limit 100: exit {r.returncode}, expected 1, stderr {r.stderr!r}")
    r = run(a.tool, ["check", "--bogus"])
    if r.returncode != 2:
        return fail(f"usage error: exit {r.returncode}")
    pdf = f"{tmp}/scan.docx"
    open(pdf, "wb").write(b"%PDF-1.4\n%\xe2\xe3\n")
    r = run(a.tool, ["check", "--fail-on", "never", pdf, ok])
    if r.returncode != 3 or "scan.docx" not in r.stderr or "E_FORMAT_PDF" not in r.stderr:
        return fail(f"unreadable input: exit {r.returncode}, stderr {r.stderr!r}")
    print("exit codes 0/1/2/3 and a clear error line naming the file")
    return 0

def mode_compare(a, tmp):
    pre = ('Opdrachtgever: de Gemeente Voorbeeld (hierna: "Opdrachtgever"). '
           'Opdrachtnemer: Acme B.V. (hierna: "Opdrachtnemer").\n\n')
    tender = f"{tmp}/tender.txt"
    contract = f"{tmp}/contract.txt"
    open(tender, "w").write(pre + "1. Eisen\n\n1.1 Opdrachtnemer meldt elk beveiligingsincident binnen 24 uur aan Opdrachtgever.\n\n"
                            "1.2 Opdrachtnemer verkoopt de Gegevens niet en verstrekt deze niet aan derden.\n\n"
                            "1.3 Opdrachtnemer levert de dienst als SaaS-clouddienst en slaat de Gegevens uitsluitend op binnen de Europese Economische Ruimte.\n")
    open(contract, "w").write(pre + "Artikel 7 Beveiliging\n\n7.1 Opdrachtnemer meldt een beveiligingsincident binnen 72 uur aan Opdrachtgever.\n\n"
                              "Artikel 8 Gegevens\n\n8.1 Opdrachtnemer mag de Gegevens verkopen aan partners.\n")
    r = run(a.tool, ["compare", "--format", "json", tender, contract])
    if r.returncode != 1:
        return fail(f"exit {r.returncode}, expected 1: {r.stderr}")
    cmp = json.loads(r.stdout)
    verdict = {i["rule"]: i for i in cmp["items"]}
    want = {"SEC-INCIDENT": "weaker", "RESALE-BAN": "contradicts", "DATA-LOCATION": "silent"}
    bad = [f"{k}: {verdict.get(k, {}).get('verdict')} (want {v})" for k, v in want.items() if verdict.get(k, {}).get("verdict") != v]
    if bad:
        return fail("; ".join(bad))
    inc = verdict["SEC-INCIDENT"]
    if inc.get("tender_hours") != 24 or inc.get("contract_hours") != 72 or "72" not in inc["reason"]:
        return fail(f"SEC-INCIDENT should compare 24 with 72 hours: {inc}")
    if not inc["tender_evidence"] or not inc["contract_evidence"] or inc["contract_evidence"].get("clause") is None:
        return fail("both documents should be cited")
    r = run(a.tool, ["compare", tender, contract])
    if "weaker" not in r.stdout or "72" not in r.stdout:
        return fail("the text output should show the weaker incident period")
    print("compare: 24 h vs 72 h weaker, resale contradicted, location silent; both documents cited")
    return 0

def mode_annex(a, tmp):
    """A contract that incorporates the VNG processing agreement as Bijlage 7, with Bijlage 7 itself
    in the batch (the real municipal GIBIT 2023 tender set): the contract takes the annex's findings
    over, in every way of running the batch (json, jsonl + merge, shards + merge)."""
    import jsonschema
    src = os.path.join(a.shared, "corpus", "contracts")
    contract = "vng-softwarecatalogus__Bijlage 3.01 - Overeenkomst ten behoeve van ICT Prestatie GIBIT 2023.docx"
    vwo = "vng-softwarecatalogus__Bijlage 7 - Standaard-Verwerkersovereenkomst-v-2.51.docx"
    os.makedirs(f"{tmp}/batch/tender")
    os.makedirs(f"{tmp}/batch/other")
    shutil.copy(os.path.join(src, contract), f"{tmp}/batch/tender/contract.docx")
    shutil.copy(os.path.join(src, vwo), f"{tmp}/batch/tender/bijlage-7.docx")
    shutil.copy(os.path.join(src, vwo), f"{tmp}/batch/other/vwo-copy.docx")  # farther away
    alone = json.loads(run(a.tool, ["check", "-q", "--format", "json", f"{tmp}/batch/tender/contract.docx"]).stdout)
    r = run(a.tool, ["check", "-q", "--format", "json", f"{tmp}/batch"])
    rep = json.loads(r.stdout)
    schema = json.load(open(os.path.join(a.root, "docs", "schema", "report.schema.json")))
    errs = list(jsonschema.Draft202012Validator(schema).iter_errors(rep))
    if errs:
        return fail(f"the linked report breaks the schema: {errs[0].message}")
    docs = {os.path.basename(d["path"]): d for d in rep["documents"]}
    c, ax = docs["contract.docx"], docs["bijlage-7.docx"]
    if (ax.get("framework_text") or {}).get("id") != "vng-vwo" or (docs["vwo-copy.docx"].get("framework_text") or {}).get("id") != "vng-vwo":
        return fail("both copies of the VWO should be recognised as its text")
    if c.get("framework_text") is not None:
        return fail("the contract is no framework text")
    if [x["path"] for x in c.get("annexes", [])] != [ax["path"]]:
        return fail(f"the contract should follow the nearest annex: {c.get('annexes')}")
    if [x["path"] for x in ax.get("annex_of", [])] != [c["path"]] or docs["vwo-copy.docx"].get("annex_of"):
        return fail("the annex should name the contract that incorporates it, the far copy nothing")
    linked = {f["rule"]: f for f in c["findings"] if f["basis"] == "annex"}
    if len(linked) < 5:
        return fail(f"expected several findings through the annex, got {sorted(linked)}")
    inc = linked.get("SEC-INCIDENT")
    if not inc or inc["status"] != "met" or inc["annex"]["declared_in"] != "12.2" or \
       not any(e["clause"] == "5.1" for e in inc["annex"]["evidence"]):
        return fail(f"SEC-INCIDENT should be met through annex art. 5.1, declared in 12.2: {inc}")
    before = {f["rule"]: f for f in alone["documents"][0]["findings"]}
    for rule, f in linked.items():
        b = before[rule]
        if b["status"] == "met" and f["status"] != "met" and (b.get("reference") or {}).get("framework") == "gibit-2023":
            return fail(f"{rule}: a finding met through another framework (GIBIT) must not get worse")
        if b["basis"] == "text" and b["status"] in ("met", "violated"):
            return fail(f"{rule}: what the contract's own text settles stays")
    counts = {}
    for f in c["findings"]:
        counts[f["status"]] = counts.get(f["status"], 0) + 1
    if any(c["summary"][k] != counts.get(k, 0) for k in ("met", "partial", "violated", "missing", "not_applicable")):
        return fail("the summary should be counted again after linking")
    # streamed JSON Lines cannot look ahead; merge follows the annex, and shards merge to the same
    run(a.tool, ["check", "-q", "--format", "jsonl", "-o", f"{tmp}/all.jsonl", f"{tmp}/batch"])
    streamed = [json.loads(l) for l in open(f"{tmp}/all.jsonl") if '"document"' in l[:40]]
    if any(f["basis"] == "annex" for d in streamed for f in d.get("findings", [])):
        return fail("JSON Lines streams each document as checked (no annex basis)")
    for k in (1, 2):
        run(a.tool, ["check", "-q", "--format", "jsonl", "--shard", f"{k}/2", "-o", f"{tmp}/s{k}.jsonl", f"{tmp}/batch"])
    for name, inputs in (("merge", [f"{tmp}/all.jsonl"]), ("shards", [f"{tmp}/s1.jsonl", f"{tmp}/s2.jsonl"])):
        m = json.loads(run(a.tool, ["merge", "--format", "json"] + inputs).stdout)
        got = {os.path.basename(d["path"]): d for d in m["documents"]}
        if json.dumps(got["contract.docx"], sort_keys=True) != json.dumps(c, sort_keys=True):
            return fail(f"{name}: the merged contract should equal the single json run")
    # waivers and --fail-on see the linked findings
    w = {"waivers": [{"path": "*contract.docx", "rule": r_, "reason": "annex accepted", "by": "legal"}
                     for r_, f in linked.items() if f["status"] != "met"]}
    json.dump(w, open(f"{tmp}/w.json", "w"))
    rep = json.loads(run(a.tool, ["check", "-q", "--format", "json", "--waivers", f"{tmp}/w.json", f"{tmp}/batch"]).stdout)
    c2 = [d for d in rep["documents"] if d["path"].endswith("contract.docx")][0]
    waived = sorted(f["rule"] for f in c2["findings"] if f.get("waived"))
    if waived != sorted(x["rule"] for x in w["waivers"]):
        return fail(f"waivers should apply to the linked findings: {waived}")
    print(f"annex: {len(linked)} findings of the contract through Bijlage 7 "
          f"({', '.join(sorted(linked))}); nearest annex chosen; merge and shards agree; waivers apply")
    return 0

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["shards", "waivers", "baseline", "hostile", "exit", "compare", "annex"])
    ap.add_argument("--tool", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--corpus", default="")
    ap.add_argument("--slow", type=int, default=1)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="tl_batch_")
    try:
        rc = globals()["mode_" + a.mode](a, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("1 passed, 0 failed" if rc == 0 else "0 passed, 1 failed")
    return rc

if __name__ == "__main__":
    sys.exit(main())
