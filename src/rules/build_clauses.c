/* build_clauses.c: the clause library (tl_bd_clause_library): every
 * clause file of the ruleset's clause folders (a later layer's clause
 * replaces an earlier one of the same id), placeholders checked against
 * the few the library fills from a contract's own defined terms, and
 * clause_terms, the concepts those placeholders come from. */
#include <stdlib.h>
#include <string.h>

#include "rules/build_int.h"

/** ## Clause library */

static const char *const S_ph[] = {"vendor", "customer", "data", "agreement", "personal_data",
                                   "Vendor", "Customer", "Data", "Agreement", "Personal_data", NULL};

static void S_check_placeholders(tl_load *L, const cJSON *node)
{
	const char *s = node->valuestring;
	for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
		const char *e = strchr(p, '}');
		size_t n = e ? (size_t)(e - p - 1) : strlen(p + 1);
		int ok = 0;
		for (int i = 0; S_ph[i] && e; i++)
			ok |= strlen(S_ph[i]) == n && !strncmp(S_ph[i], p + 1, n);
		if (!ok)
			tl_load_error(L, node, "unknown placeholder {%.*s} (allowed: {vendor} {customer} {data} "
			              "{agreement} {personal_data}, capitalised for a sentence start)",
			              (int)(n > 40 ? 40 : n), p + 1);
	}
}

static void S_clause_file(tl_load *L, int src, void *ud)
{
	int layer = *(const int *)ud;
	tl_ruleset *rs = L->rs;
	const cJSON *root = L->srcs[src].root, *c;
	static const char *const fkeys[] = {"clauses", NULL};
	static const char *const ckeys[] = {"id", "title", "topics", "nl", "en", "notes", NULL};
	const cJSON *arr = tl_bd_get(root, "clauses");
	if (!cJSON_IsObject(root) || !cJSON_IsArray(arr)) {
		tl_load_error(L, root, "a clause file must be {\"clauses\": [...]}");
		return;
	}
	tl_load_check_keys(L, root, "clause file", fkeys);
	int n = cJSON_GetArraySize(arr);
	tl_clause_tpl *nv = TL_BD_NEW(L, tl_clause_tpl, rs->nclauses + (uint32_t)n);
	if (!nv) {
		L->oom = 1;
		return;
	}
	if (rs->nclauses)
		memcpy(nv, rs->clauses, rs->nclauses * sizeof *nv);
	rs->clauses = nv;
	cJSON_ArrayForEach(c, arr)
	{
		const cJSON *id = tl_bd_get(c, "id");
		if (!cJSON_IsObject(c) || !cJSON_IsString(id)) {
			tl_load_error(L, c, "a clause needs a string \"id\"");
			continue;
		}
		tl_load_check_keys(L, c, "clause", ckeys);
		tl_clause_tpl t;
		memset(&t, 0, sizeof t);
		t.id = tl_load_strdup(L, id->valuestring);
		tl_bd_lang_pair(L, tl_bd_get(c, "title"), "\"title\"", t.title);
		for (int l = TL_LANG_NL; l <= TL_LANG_EN; l++) {
			const cJSON *x = tl_bd_get(c, l == TL_LANG_NL ? "nl" : "en");
			if (!cJSON_IsString(x)) {
				tl_load_error(L, x ? x : c, "clause %s needs \"%s\" text", t.id,
				              l == TL_LANG_NL ? "nl" : "en");
				continue;
			}
			S_check_placeholders(L, x);
			t.text[l] = tl_load_strdup(L, x->valuestring);
		}
		t.topics = tl_bd_concepts(L, tl_bd_get(c, "topics"), "\"topics\"", &t.ntopics);
		uint32_t k;
		for (k = 0; k < rs->nclauses; k++)
			if (!strcmp(rs->clauses[k].id, t.id))
				break;
		t.layer = layer;
		if (k < rs->nclauses && rs->clauses[k].layer == layer)
			tl_load_error(L, id, "clause '%s' is defined twice", t.id);
		rs->clauses[k] = t;
		if (k == rs->nclauses)
			rs->nclauses++;
	}
}

void tl_bd_clause_library(tl_load *L)
{
	for (uint32_t i = 0; i < L->clause_dirs.n; i++) {
		const tl_def *d = &L->clause_dirs.v[i];
		int layer = d->layer;
		tl_load_dir(L, d->src, d->name, d->node, S_clause_file, &layer);
	}
	const cJSON *ct = L->clause_terms, *c;
	if (!ct)
		return;
	static const char *const keys[] = {"data", "personal_data", "agreement", NULL};
	if (!cJSON_IsObject(ct)) {
		tl_load_error(L, ct, "\"clause_terms\" must be an object of concept names");
		return;
	}
	tl_load_check_keys(L, ct, "clause_terms", keys);
	cJSON_ArrayForEach(c, ct)
	{
		int k = cJSON_IsString(c) ? tl_bd_concept_find(L, c->valuestring) : -1;
		if (k < 0) {
			tl_load_error(L, c, "clause_terms: unknown concept");
			continue;
		}
		if (!strcmp(c->string, "data"))
			L->rs->data_concept = k;
		else if (!strcmp(c->string, "personal_data"))
			L->rs->personal_concept = k;
		else if (!strcmp(c->string, "agreement"))
			L->rs->agreement_concept = k;
	}
}
