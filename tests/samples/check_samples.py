#!/usr/bin/env python3
"""Golden test for samples/: runs `tenderlint check --format json` on every sample named in
expected.tsv and compares each finding's status (and basis) with the expected one, judged by hand
against shared/spec/requirements.md.  Prints per-sample and per-area accuracy and every mismatch.

Fails when: a sample is unreadable, a rule is reported twice or not at all, a not_applicable has
no reason, or the status accuracy falls below --floor (a regression guard; the figure is printed)."""
import argparse, collections, json, os, subprocess, sys

def load_expected(path):
    exp = collections.OrderedDict()
    with open(path, encoding='utf-8') as f:
        for line in f:
            if not line.strip() or line.startswith('#'):
                continue
            sample, rule, status, basis = line.rstrip('\n').split('\t')
            exp.setdefault(sample, collections.OrderedDict())[rule] = (status, basis)
    return exp

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tenderlint', required=True)
    ap.add_argument('--samples', required=True)
    ap.add_argument('--expected', required=True)
    ap.add_argument('--ruleset', help='ruleset file (default: the built-in one)')
    ap.add_argument('--floor', type=float, default=0.0, help='minimum status accuracy, 0..1')
    ap.add_argument('--quiet', action='store_true', help='do not list mismatches')
    a = ap.parse_args()
    exp = load_expected(a.expected)
    errors, total, right, basis_total, basis_right = [], 0, 0, 0, 0
    by_area = collections.defaultdict(lambda: [0, 0])
    confusion = collections.Counter()
    for sample, rules in exp.items():
        cmd = [a.tenderlint, 'check', '--format', 'json']
        if a.ruleset:
            cmd += ['--ruleset', a.ruleset]
        cmd.append(os.path.join(a.samples, sample))
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode not in (0, 1):
            errors.append('%s: tenderlint exited %d: %s' % (sample, p.returncode, p.stderr.strip()[:300]))
            continue
        doc = json.loads(p.stdout)['documents'][0]
        if doc.get('error'):
            errors.append('%s: unreadable: %s' % (sample, doc['error']))
            continue
        got = {}
        for f in doc['findings']:
            if f['rule'] in got:
                errors.append('%s: rule %s reported twice' % (sample, f['rule']))
            got[f['rule']] = f
            if f['status'] == 'not_applicable' and not f.get('reason'):
                errors.append('%s: %s is not_applicable without a reason' % (sample, f['rule']))
        s_total = s_right = 0
        mism = []
        for rule, (status, basis) in rules.items():
            f = got.get(rule)
            if f is None:
                errors.append('%s: rule %s missing from the report' % (sample, rule))
                continue
            total += 1; s_total += 1
            area = rule.split('-')[0]
            by_area[area][1] += 1
            confusion[(status, f['status'])] += 1
            if f['status'] == status:
                right += 1; s_right += 1; by_area[area][0] += 1
                if basis != '-':
                    basis_total += 1
                    basis_right += f.get('basis') == basis
            else:
                q = f['evidence'][0]['quote'][:110] if f.get('evidence') else ''
                mism.append('  %-17s expected %-14s got %-14s %s' % (rule, status, f['status'], q))
        print('%-32s %3d/%-3d %5.1f%%' % (sample, s_right, s_total, 100.0 * s_right / max(s_total, 1)))
        if not a.quiet:
            for m in mism:
                print(m)
    print('per area: ' + ', '.join('%s %d/%d' % (k, v[0], v[1]) for k, v in sorted(by_area.items())))
    print('confusion (expected -> got): ' + ', '.join('%s->%s %d' % (e, g, n) for (e, g), n in sorted(confusion.items()) if e != g))
    acc = right / max(total, 1)
    print('status accuracy: %d/%d = %.1f%%; basis agreement on matching met/partial/violated: %d/%d'
          % (right, total, 100 * acc, basis_right, basis_total))
    for e in errors:
        print('ERROR: ' + e)
    if errors:
        return 1
    if acc < a.floor:
        print('FAIL: accuracy %.1f%% is below the floor %.1f%%' % (100 * acc, 100 * a.floor))
        return 1
    return 0

if __name__ == '__main__':
    sys.exit(main())
