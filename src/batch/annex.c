/* annex.c: following an incorporated framework into the batch.
 *
 * A contract declares a framework ("De Standaard Verwerkersovereenkomst is
 * opgenomen in Bijlage 7"); when another document of the same batch is that
 * framework's own text (its report has "framework_text", see
 * src/rules/identify.c), the contract's findings that the text leaves open
 * are settled by what the annex actually says instead of by the generic
 * article mapping:
 *
 *   contract finding            annex finding          result
 *   missing (text)              met/partial/violated   the annex's status
 *   partial (text), no term     met                    met
 *   met/partial by reference    met/partial/violated   the annex's status
 *   anything else                                      unchanged
 *
 * "No term": the partial sentence states no quantity of its own (a contract
 * that sets 72 hours keeps its partial, as tl_frameworks_apply does).  Annex
 * evidence in an article the contract deviates from does not count.  The
 * finding gets basis "annex" and an "annex" object naming the annex file, the
 * framework, the clause that incorporates it, the annex's own status, reason
 * and evidence; the annex's report gets "annex_of".  The nearest annex (the
 * longest common folder) is taken when several documents are the same
 * framework's text.  Linking is idempotent: a finding already on basis annex
 * is left alone, so merging linked reports again changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tenderlint.h"

static const char *S_str(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int S_readable(const cJSON *d)
{
	return cJSON_IsObject(d) && !cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(d, "error"));
}

/* Length of the common folder prefix of two paths. */
static size_t S_common_dir(const char *a, const char *b)
{
	size_t last = 0;
	for (size_t i = 0; a[i] && a[i] == b[i]; i++)
		if (a[i] == '/')
			last = i + 1;
	return last;
}

static const char *S_base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* "24" deviates from "24.14" and "24.14."; "24.1" does not from "24.14". */
static int S_deviated(const cJSON *devs, const char *clause)
{
	if (!clause)
		return 0;
	const cJSON *d;
	cJSON_ArrayForEach(d, devs)
	{
		if (!cJSON_IsString(d))
			continue;
		size_t n = strlen(d->valuestring);
		if (n && !strncmp(d->valuestring, clause, n) && (clause[n] == '\0' || clause[n] == '.'))
			return 1;
	}
	return 0;
}

static const cJSON *S_finding(const cJSON *doc, const char *rule)
{
	const cJSON *f;
	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(doc, "findings"))
	{
		const char *r = S_str(f, "rule");
		if (r && !strcmp(r, rule))
			return f;
	}
	return NULL;
}

/* A partial whose sentences state a quantity of their own ("within 72 hours"). */
static int S_own_term(const cJSON *f)
{
	const cJSON *ev, *q;
	cJSON_ArrayForEach(ev, cJSON_GetObjectItemCaseSensitive(f, "evidence"))
	{
		const char *st = S_str(ev, "status");
		if (!st || strcmp(st, "partial"))
			continue;
		cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(ev, "quantities"))
		{
			if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(q, "vague")))
				return 1;
		}
	}
	return 0;
}

static void S_set(cJSON *o, const char *k, cJSON *v)
{
	if (!v)
		return;
	if (cJSON_GetObjectItemCaseSensitive(o, k))
		cJSON_ReplaceItemInObjectCaseSensitive(o, k, v);
	else
		cJSON_AddItemToObject(o, k, v);
}

static const char *S_status_word(int nl, const char *st)
{
	if (!strcmp(st, "met"))
		return nl ? "voldoet" : "meets";
	if (!strcmp(st, "partial"))
		return nl ? "voldoet deels aan" : "partly meets";
	return nl ? "strijdt met" : "conflicts with";
}

/* The finding's new reason: the annex, the incorporating clause, and the
 * annex's own reason. */
static cJSON *S_reason(const cJSON *d, const cJSON *annex_doc, const char *title, const char *clause,
                       const char *st, const char *areason, int capped)
{
	const char *lang = S_str(d, "report_language");
	int nl = !lang || strcmp(lang, "en") != 0;
	const char *base = S_base(S_str(annex_doc, "path"));
	char buf[4096];
	if (nl)
		snprintf(buf, sizeof buf,
		         "De bijlage %s (%s), die %s%s van deze overeenkomst van toepassing verklaart, %s deze "
		         "eis.%s In de bijlage: %s",
		         base, title, clause ? "artikel " : "een bepaling", clause ? clause : "",
		         S_status_word(1, st),
		         capped ? " Dit raamwerk dekt de eis maar ten dele (zie de mapping), dus hoogstens deels." : "",
		         areason ? areason : "");
	else
		snprintf(buf, sizeof buf,
		         "The annex %s (%s), which %s%s of this agreement incorporates, %s this requirement.%s "
		         "In the annex: %s",
		         base, title, clause ? "clause " : "a clause", clause ? clause : "", S_status_word(0, st),
		         capped ? " This framework covers the requirement only in part (see its mapping), so at "
		                  "most partial."
		                : "",
		         areason ? areason : "");
	return cJSON_CreateString(buf);
}

/* A suggestion for a finding that had none (it was met by reference): the
 * annex's clause text, inserted at the end of the contract. */
static cJSON *S_suggestion(const cJSON *d, const cJSON *g)
{
	const cJSON *gs = cJSON_GetObjectItemCaseSensitive(g, "suggestion");
	if (!cJSON_IsObject(gs))
		return cJSON_CreateNull();
	cJSON *s = cJSON_Duplicate(gs, 1);
	if (!s)
		return NULL;
	const char *lang = S_str(d, "report_language");
	int nl = !lang || strcmp(lang, "en") != 0;
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(d, "stats");
	const cJSON *np = cJSON_GetObjectItemCaseSensitive(st, "paragraphs");
	double last = cJSON_IsNumber(np) && np->valuedouble >= 1 ? np->valuedouble - 1 : 0;
	cJSON *in = cJSON_CreateObject();
	if (!in) {
		cJSON_Delete(s);
		return NULL;
	}
	cJSON_AddNullToObject(in, "after_clause");
	cJSON_AddNumberToObject(in, "after_para", last);
	cJSON_AddNullToObject(in, "part");
	cJSON_AddNullToObject(in, "part_para");
	cJSON_AddStringToObject(in, "hint", nl ? "aan het einde van de overeenkomst, of in de bijlage"
	                                       : "at the end of the agreement, or in the annex");
	S_set(s, "insert", in);
	return s;
}

static void S_recount(cJSON *d)
{
	static const char *const st[] = {"met", "partial", "violated", "missing", "not_applicable"};
	double n[5] = {0};
	const cJSON *f;
	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(d, "findings"))
	{
		const char *s = S_str(f, "status");
		for (int i = 0; s && i < 5; i++)
			if (!strcmp(s, st[i]))
				n[i]++;
	}
	cJSON *sum = cJSON_GetObjectItemCaseSensitive(d, "summary");
	for (int i = 0; cJSON_IsObject(sum) && i < 5; i++)
		S_set(sum, st[i], cJSON_CreateNumber(n[i]));
}

/* The new status of contract finding f given the annex finding g (status
 * gst) of framework fwid, or NULL when f stays.  A finding met or partial by
 * reference to the same framework takes the annex's actual text; one by
 * reference to another framework only improves. */
static const char *S_outcome(const cJSON *f, const char *gst, const char *fwid)
{
	const char *fst = S_str(f, "status"), *basis = S_str(f, "basis");
	if (!fst || !basis)
		return NULL;
	if (!strcmp(basis, "reference")) {
		const char *rfw = S_str(cJSON_GetObjectItemCaseSensitive(f, "reference"), "framework");
		if (rfw && fwid && !strcmp(rfw, fwid))
			return gst;
		return !strcmp(fst, "partial") && !strcmp(gst, "met") ? gst : NULL;
	}
	if (strcmp(basis, "text"))
		return NULL;
	if (!strcmp(fst, "missing"))
		return gst;
	if (!strcmp(fst, "partial") && !strcmp(gst, "met") && !S_own_term(f))
		return gst;
	return NULL;
}

/* The finding cites the sentence that incorporates the annex (the
 * declaration's evidence), unless it already does; its status is the
 * finding's. */
static void S_cite_declaration(cJSON *f, const cJSON *decl, const char *status)
{
	const cJSON *de = cJSON_GetObjectItemCaseSensitive(decl, "evidence");
	cJSON *ev = cJSON_GetObjectItemCaseSensitive(f, "evidence");
	if (!cJSON_IsObject(de) || !cJSON_IsArray(ev))
		return;
	const cJSON *dp = cJSON_GetObjectItemCaseSensitive(de, "para"), *e;
	cJSON_ArrayForEach(e, ev)
	{
		const cJSON *p = cJSON_GetObjectItemCaseSensitive(e, "para");
		if (cJSON_IsNumber(p) && cJSON_IsNumber(dp) && p->valuedouble == dp->valuedouble)
			return;
	}
	cJSON *x = cJSON_Duplicate(de, 1);
	if (!x)
		return;
	S_set(x, "status", cJSON_CreateString(status));
	cJSON_InsertItemInArray(ev, 0, x);
}

/* "12.2." is cited as "12.2"; NULL stays NULL. */
static const char *S_clause(const cJSON *decl, char *buf, size_t cap)
{
	const char *c = S_str(decl, "clause");
	if (!c)
		return NULL;
	snprintf(buf, cap, "%s", c);
	size_t n = strlen(buf);
	while (n > 1 && buf[n - 1] == '.')
		buf[--n] = '\0';
	return buf;
}

/* Links contract d to annex a for the framework declaration decl. */
static int S_link(cJSON *d, cJSON *a, const cJSON *decl, const char *clause)
{
	const cJSON *devs = cJSON_GetObjectItemCaseSensitive(decl, "deviations");
	const cJSON *ft = cJSON_GetObjectItemCaseSensitive(a, "framework_text");
	const char *fwid = S_str(ft, "id"), *title = S_str(ft, "title");
	int changed = 0;
	cJSON *f;
	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(d, "findings"))
	{
		const char *rule = S_str(f, "rule");
		const cJSON *g = rule ? S_finding(a, rule) : NULL;
		const char *gst = S_str(g, "status"), *gbasis = S_str(g, "basis");
		if (!gst || !gbasis || strcmp(gbasis, "text") ||
		    (strcmp(gst, "met") && strcmp(gst, "partial") && strcmp(gst, "violated")))
			continue;
		/* the framework's known limits hold for its text too: a rule the
		 * mapping covers only in part ("personal data only") is at most partial */
		const char *cov = S_str(cJSON_GetObjectItemCaseSensitive(ft, "covers"), rule);
		const char *gown = gst;
		if (!strcmp(gst, "met") && cov && strcmp(cov, "full"))
			gst = "partial";
		const char *nst = S_outcome(f, gst, fwid);
		if (!nst)
			continue;
		cJSON *ev = cJSON_CreateArray();
		const cJSON *e;
		int total = 0;
		cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(g, "evidence"))
		{
			total++;
			if (!S_deviated(devs, S_str(e, "clause")))
				cJSON_AddItemToArray(ev, cJSON_Duplicate(e, 1));
		}
		if (!ev || (total && !cJSON_GetArraySize(ev))) {
			cJSON_Delete(ev); /* the contract deviates from every annex article that shows it */
			continue;
		}
		cJSON *ax = cJSON_CreateObject();
		if (!ax) {
			cJSON_Delete(ev);
			return -1;
		}
		cJSON_AddStringToObject(ax, "framework", fwid ? fwid : "");
		cJSON_AddStringToObject(ax, "title", title ? title : (fwid ? fwid : ""));
		cJSON_AddStringToObject(ax, "path", S_str(a, "path"));
		if (clause)
			cJSON_AddStringToObject(ax, "declared_in", clause);
		else
			cJSON_AddNullToObject(ax, "declared_in");
		cJSON_AddStringToObject(ax, "status", gown); /* as the annex's own report has it */
		if (gown != gst)
			cJSON_AddStringToObject(ax, "capped_by", cov); /* the mapping's coverage */
		const char *gr = S_str(g, "reason");
		cJSON_AddStringToObject(ax, "reason", gr ? gr : "");
		cJSON_AddItemToObject(ax, "evidence", ev);
		cJSON *had_sug = cJSON_GetObjectItemCaseSensitive(f, "suggestion");
		if (!strcmp(nst, "met"))
			S_set(f, "suggestion", cJSON_CreateNull());
		else if (!cJSON_IsObject(had_sug))
			S_set(f, "suggestion", S_suggestion(d, g));
		S_set(f, "reason", S_reason(d, a, title ? title : fwid, clause, nst, gr, gown != gst));
		S_set(f, "status", cJSON_CreateString(nst));
		S_set(f, "basis", cJSON_CreateString("annex"));
		cJSON_DeleteItemFromObjectCaseSensitive(f, "reference");
		S_set(f, "annex", ax);
		S_cite_declaration(f, decl, nst);
		changed++;
	}
	if (changed)
		S_recount(d);
	return changed;
}

static void S_note_link(cJSON *list_owner, const char *key, const char *path, const char *fwid,
                        const char *clause)
{
	cJSON *arr = cJSON_GetObjectItemCaseSensitive(list_owner, key);
	if (!arr)
		arr = cJSON_AddArrayToObject(list_owner, key);
	const cJSON *x;
	cJSON_ArrayForEach(x, arr)
	{
		const char *p = S_str(x, "path"), *fw = S_str(x, "framework");
		if (p && fw && !strcmp(p, path) && !strcmp(fw, fwid))
			return;
	}
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return;
	cJSON_AddStringToObject(o, "path", path);
	cJSON_AddStringToObject(o, "framework", fwid);
	if (clause)
		cJSON_AddStringToObject(o, "declared_in", clause);
	else
		cJSON_AddNullToObject(o, "declared_in");
	cJSON_AddItemToArray(arr, o);
}

int tl_annex_link(cJSON *documents)
{
	if (!cJSON_IsArray(documents))
		return 0;
	int n = cJSON_GetArraySize(documents), total = 0;
	int any = 0;
	cJSON *a;
	cJSON_ArrayForEach(a, documents)
	{
		any |= S_readable(a) && cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(a, "framework_text"));
	}
	if (!any || n < 2)
		return 0;
	cJSON *d;
	cJSON_ArrayForEach(d, documents)
	{
		const char *dpath = S_str(d, "path");
		if (!S_readable(d) || !dpath)
			continue;
		const cJSON *decl;
		cJSON_ArrayForEach(decl, cJSON_GetObjectItemCaseSensitive(d, "frameworks"))
		{
			const char *id = S_str(decl, "id");
			if (!id)
				continue;
			cJSON *best = NULL;
			size_t best_common = 0;
			cJSON_ArrayForEach(a, documents)
			{
				const char *apath = S_str(a, "path");
				const char *fid = S_str(cJSON_GetObjectItemCaseSensitive(a, "framework_text"), "id");
				if (a == d || !S_readable(a) || !apath || !fid || strcmp(fid, id))
					continue;
				size_t c = S_common_dir(dpath, apath);
				if (!best || c > best_common) {
					best = a;
					best_common = c;
				}
			}
			if (!best)
				continue;
			char cbuf[64];
			const char *clause = S_clause(decl, cbuf, sizeof cbuf);
			int rc = S_link(d, best, decl, clause);
			if (rc < 0)
				return -1;
			total += rc;
			S_note_link(d, "annexes", S_str(best, "path"), id, clause);
			S_note_link(best, "annex_of", dpath, id, clause);
		}
	}
	return total;
}
