/* compare.c: tender versus contract.  Both documents are checked with the
 * same ruleset; a requirement the tender states (a met or partial finding
 * with text evidence in the tender) is compared with the contract's finding
 * for the same rule: silent (missing), contradicted (violated), weaker
 * (partial, or a longer stated period than the tender's), or carried (met,
 * with a period no longer than the tender's).  Works on report documents
 * only (docs/report-format.md), so it sees neither parser nor rules. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tenderlint.h"

static const char *S_str(const cJSON *o, const char *key)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(it) ? it->valuestring : NULL;
}

/* The shortest duration (hours) stated in a finding's evidence, or NAN. */
static double S_min_hours(const cJSON *finding, const char *want_status)
{
	double best = NAN;
	const cJSON *ev = cJSON_GetObjectItemCaseSensitive(finding, "evidence"), *e;
	cJSON_ArrayForEach(e, ev)
	{
		const char *st = S_str(e, "status");
		if (want_status && st && strcmp(st, want_status) != 0)
			continue;
		const cJSON *qs = cJSON_GetObjectItemCaseSensitive(e, "quantities"), *q;
		cJSON_ArrayForEach(q, qs)
		{
			const char *kind = S_str(q, "kind");
			const cJSON *h = cJSON_GetObjectItemCaseSensitive(q, "hours");
			if (kind && !strcmp(kind, "duration") && cJSON_IsNumber(h))
				if (isnan(best) || h->valuedouble < best)
					best = h->valuedouble;
		}
	}
	return best;
}

static const cJSON *S_finding(const cJSON *doc, const char *rule)
{
	const cJSON *fs = cJSON_GetObjectItemCaseSensitive(doc, "findings"), *f;
	cJSON_ArrayForEach(f, fs)
	{
		const char *r = S_str(f, "rule");
		if (r && !strcmp(r, rule))
			return f;
	}
	return NULL;
}

static cJSON *S_first_evidence(const cJSON *finding)
{
	const cJSON *ev = cJSON_GetObjectItemCaseSensitive(finding, "evidence");
	const cJSON *e = cJSON_IsArray(ev) ? ev->child : NULL;
	return e ? cJSON_Duplicate(e, 1) : cJSON_CreateNull();
}

/* Returns {"tender": path, "contract": path, "items": [...], "summary": {...}}. */

cJSON *tl_compare_reports(const cJSON *tender, const cJSON *contract)
{
	cJSON *out = cJSON_CreateObject();
	cJSON *items = cJSON_CreateArray();
	if (!out || !items) {
		cJSON_Delete(out);
		cJSON_Delete(items);
		return NULL;
	}
	cJSON_AddStringToObject(out, "tender", S_str(tender, "path") ? S_str(tender, "path") : "");
	cJSON_AddStringToObject(out, "contract", S_str(contract, "path") ? S_str(contract, "path") : "");
	int n_carried = 0, n_weaker = 0, n_contra = 0, n_silent = 0;
	const char *lang = S_str(tender, "language");
	int nl = lang && !strcmp(lang, "nl");
	const cJSON *fs = cJSON_GetObjectItemCaseSensitive(tender, "findings"), *tf;
	cJSON_ArrayForEach(tf, fs)
	{
		const char *rule = S_str(tf, "rule"), *tst = S_str(tf, "status");
		const char *tbasis = S_str(tf, "basis");
		if (!rule || !tst || (strcmp(tst, "met") && strcmp(tst, "partial")))
			continue; /* the tender does not state this requirement */
		const cJSON *cf = S_finding(contract, rule);
		const char *cst = cf ? S_str(cf, "status") : "missing";
		const char *verdict;
		char why[400];
		double th = S_min_hours(tf, NULL), ch = cf ? S_min_hours(cf, NULL) : NAN;
		if (!strcmp(cst, "violated")) {
			verdict = "contradicts";
			snprintf(why, sizeof why, "%s", nl ? "De aanbesteding eist dit; het contract zegt het tegendeel."
			                                   : "The tender requires this; the contract says the opposite.");
		} else if (!strcmp(cst, "missing") || !strcmp(cst, "not_applicable")) {
			verdict = "silent";
			snprintf(why, sizeof why, "%s", nl ? "De aanbesteding eist dit; het contract regelt het niet."
			                                   : "The tender requires this; the contract does not address it.");
		} else if (!isnan(th) && !isnan(ch) && ch > th) {
			verdict = "weaker";
			snprintf(why, sizeof why,
			         nl ? "De aanbesteding vraagt %g uur; het contract staat %g uur toe."
			            : "The tender asks for %g hours; the contract allows %g hours.", th, ch);
		} else if (!strcmp(cst, "partial") && !strcmp(tst, "met")) {
			verdict = "weaker";
			snprintf(why, sizeof why, "%s", nl ? "De aanbesteding stelt dit volledig; het contract slechts gedeeltelijk."
			                                   : "The tender states this fully; the contract only partly.");
		} else {
			verdict = "carried";
			snprintf(why, sizeof why, "%s", nl ? "Het contract neemt de eis uit de aanbesteding over."
			                                   : "The contract carries the tender's requirement.");
		}
		if (!strcmp(verdict, "carried"))
			n_carried++;
		else if (!strcmp(verdict, "weaker"))
			n_weaker++;
		else if (!strcmp(verdict, "contradicts"))
			n_contra++;
		else
			n_silent++;
		cJSON *it = cJSON_CreateObject();
		if (!it)
			break;
		cJSON_AddStringToObject(it, "rule", rule);
		const char *title = S_str(tf, "title");
		cJSON_AddStringToObject(it, "title", title ? title : rule);
		cJSON_AddStringToObject(it, "verdict", verdict);
		cJSON_AddStringToObject(it, "reason", why);
		cJSON_AddStringToObject(it, "tender_status", tst);
		cJSON_AddStringToObject(it, "contract_status", cst);
		if (tbasis)
			cJSON_AddStringToObject(it, "tender_basis", tbasis);
		if (!isnan(th))
			cJSON_AddNumberToObject(it, "tender_hours", th);
		if (!isnan(ch))
			cJSON_AddNumberToObject(it, "contract_hours", ch);
		cJSON_AddItemToObject(it, "tender_evidence", S_first_evidence(tf));
		cJSON_AddItemToObject(it, "contract_evidence", cf ? S_first_evidence(cf) : cJSON_CreateNull());
		cJSON_AddItemToArray(items, it);
	}
	cJSON_AddItemToObject(out, "items", items);
	cJSON *sum = cJSON_AddObjectToObject(out, "summary");
	if (sum) {
		cJSON_AddNumberToObject(sum, "carried", n_carried);
		cJSON_AddNumberToObject(sum, "weaker", n_weaker);
		cJSON_AddNumberToObject(sum, "contradicts", n_contra);
		cJSON_AddNumberToObject(sum, "silent", n_silent);
	}
	return out;
}

static void S_quote(FILE *out, const char *label, const cJSON *ev)
{
	const char *clause = cJSON_IsObject(ev) ? S_str(ev, "clause") : NULL;
	const char *quote = cJSON_IsObject(ev) ? S_str(ev, "quote") : NULL;
	if (!quote)
		return;
	fprintf(out, "    %s%s%s: \"%.300s%s\"\n", label, clause ? " " : "", clause ? clause : "", quote,
	        strlen(quote) > 300 ? "..." : "");
}

int tl_compare_write_text(const cJSON *cmp, FILE *out)
{
	fprintf(out, "tender:   %s\ncontract: %s\n\n", S_str(cmp, "tender"), S_str(cmp, "contract"));
	const cJSON *items = cJSON_GetObjectItemCaseSensitive(cmp, "items"), *it;
	static const char *const order[] = {"contradicts", "weaker", "silent", "carried"};
	for (size_t k = 0; k < 4; k++) {
		cJSON_ArrayForEach(it, items)
		{
			const char *v = S_str(it, "verdict");
			if (!v || strcmp(v, order[k]))
				continue;
			fprintf(out, "%-11s %s  %s\n    %s\n", v, S_str(it, "rule"), S_str(it, "title"), S_str(it, "reason"));
			S_quote(out, "tender", cJSON_GetObjectItemCaseSensitive(it, "tender_evidence"));
			S_quote(out, "contract", cJSON_GetObjectItemCaseSensitive(it, "contract_evidence"));
		}
	}
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(cmp, "summary");
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(s, "carried"), *w = cJSON_GetObjectItemCaseSensitive(s, "weaker");
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(s, "contradicts"), *m = cJSON_GetObjectItemCaseSensitive(s, "silent");
	fprintf(out, "\n%d carried, %d weaker, %d contradicted, %d silent\n", c ? c->valueint : 0,
	        w ? w->valueint : 0, x ? x->valueint : 0, m ? m->valueint : 0);
	return ferror(out) ? TL_EIO : 0;
}
