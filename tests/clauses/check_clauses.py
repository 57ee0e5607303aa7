#!/usr/bin/env python3
"""Every suggested clause must satisfy its own rule.

For each clause of the given areas and each language, the clause text is filled with the
default placeholders (docs/clause-format.md), put after the self-test preamble of that
language (docs/ruleset-format.md, "Examples") in a plain-text document, and checked with
`tenderlint check --format json` with every context forced on.  The clause's own rule must
report `met`, and no rule of these areas may report `violated` because of our own suggested wording
(a violation by another area's rule is printed as a warning).
Prints one line per problem; exits 1 on any.
"""
import argparse, json, os, subprocess, sys, tempfile

DEFAULTS = {
    "nl": {"vendor": "Opdrachtnemer", "customer": "Opdrachtgever", "data": "de Gegevens",
           "agreement": "de Overeenkomst", "personal_data": "Persoonsgegevens"},
    "en": {"vendor": "the Supplier", "customer": "the Customer", "data": "the Customer Data",
           "agreement": "the Agreement", "personal_data": "Personal Data"},
}
PREAMBLE = {
    "nl": 'Opdrachtgever: de Gemeente (hierna: "Opdrachtgever"). Opdrachtnemer: de leverancier '
          '(hierna: "Opdrachtnemer"). "Gegevens": alle gegevens die Opdrachtnemer in het kader van '
          'de Overeenkomst verwerkt.',
    "en": 'The Municipality (the "Customer") and the supplier (the "Supplier"). "Customer Data" '
          'means all data processed by the Supplier under this Agreement.',
}
CONTEXTS = ["personal-data", "sensors", "algorithms", "custom-software", "cloud", "public-space"]


def fill(text, lang):
    for key, value in DEFAULTS[lang].items():
        text = text.replace("{" + key + "}", value)
        text = text.replace("{" + key.capitalize() + "}", value[0].upper() + value[1:])
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tenderlint", required=True)
    ap.add_argument("--root", required=True, help="source tree (clauses/ and rulesets/)")
    ap.add_argument("--areas", default="sec,chain,surv,acct,priv")
    args = ap.parse_args()
    ruleset = os.path.join(args.root, "rulesets", "vng-2022.json")
    problems = checked = 0
    areas = set(args.areas.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        for area in args.areas.split(","):
            path = os.path.join(args.root, "clauses", "vng-2022", area + ".json")
            for clause in json.load(open(path, encoding="utf-8"))["clauses"]:
                for lang in ("nl", "en"):
                    doc = os.path.join(tmp, "%s-%s.txt" % (clause["id"], lang))
                    with open(doc, "w", encoding="utf-8") as f:
                        f.write(PREAMBLE[lang] + "\n\n" + fill(clause[lang], lang) + "\n")
                    cmd = [args.tenderlint, "check", "-r", ruleset, "-f", "json", "--fail-on", "never", doc]
                    for c in CONTEXTS:
                        cmd += ["--context", c]
                    out = subprocess.run(cmd, capture_output=True, text=True)
                    if out.returncode != 0:
                        print("%s:%s: tenderlint check failed: %s" % (clause["id"], lang, out.stderr.strip()))
                        problems += 1
                        continue
                    report = json.loads(out.stdout)
                    docs = report.get("documents", [report])
                    findings = {f["rule"]: f for f in docs[0]["findings"]}
                    checked += 1
                    own = findings.get(clause["id"])
                    if own is None or own["status"] != "met":
                        print("%s:%s: own rule gives %s: %s" % (clause["id"], lang,
                              own["status"] if own else "no finding", own["reason"] if own else ""))
                        problems += 1
                    for rid, f in findings.items():
                        if f["status"] == "violated":
                            # a violation by a rule of another area is reported but left to that
                            # area's owner (the rule, not the clause, is usually what is wrong)
                            own_area = rid.split("-")[0].lower() in areas
                            print("%s:%s: %sour clause makes %s violated: %s" % (clause["id"], lang,
                                  "" if own_area else "warning: ", rid, f["reason"]))
                            problems += own_area
    print("%d clause texts checked, %d problems" % (checked, problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
