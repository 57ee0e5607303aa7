/* build.c: merged ruleset JSON -> concepts, contexts, rules and patterns,
 * with every check the JSON Schema cannot express (unknown concepts,
 * thresholds, contexts, rules in also_met_by) reported at file:line:col.
 * This file runs the steps in order (tl_load_build) and holds the helpers
 * they share and the contexts; concepts are built in build_concepts.c,
 * rules in build_rules.c, the clause library in build_clauses.c. */
#include <stdlib.h>
#include <string.h>

#include "rules/build_int.h"

int32_t *tl_bd_contexts(tl_load *L, const cJSON *v, const char *what, uint32_t *n)
{
	const cJSON *c = tl_bd_str_list(L, v, what, n);
	int32_t *out = TL_BD_NEW(L, int32_t, *n);
	if (!out) {
		L->oom = 1;
		*n = 0;
		return NULL;
	}
	for (uint32_t i = 0; i < *n; i++, c = c->next) {
		int k = tl_rules_context(L->rs, c->valuestring);
		if (k < 0)
			tl_load_error(L, c, "unknown context '%s'", c->valuestring);
		out[i] = k < 0 ? 0 : k;
	}
	return out;
}

/** ## Contexts */

static void S_build_contexts(tl_load *L)
{
	tl_ruleset *rs = L->rs;
	rs->contexts = TL_BD_NEW(L, tl_context_def, L->contexts.n);
	if (!rs->contexts) {
		L->oom = 1;
		return;
	}
	rs->ncontexts = L->contexts.n;
	for (uint32_t i = 0; i < L->contexts.n; i++)
		rs->contexts[i].tag = tl_load_strdup(L, L->contexts.v[i].name);
	static const char *const keys[] = {"any", "none", "min_mentions", "title", "description", NULL};
	for (uint32_t i = 0; i < L->contexts.n; i++) {
		const cJSON *c = L->contexts.v[i].node;
		tl_context_def *d = &rs->contexts[i];
		if (!cJSON_IsObject(c)) {
			tl_load_error(L, c, "context '%s' must be an object", d->tag);
			continue;
		}
		tl_load_check_keys(L, c, "context", keys);
		d->any = tl_bd_concepts(L, tl_bd_get(c, "any"), "\"any\"", &d->nany);
		if (!d->nany)
			tl_load_error(L, c, "context '%s' needs \"any\": [concepts]", d->tag);
		d->none = tl_bd_concepts(L, tl_bd_get(c, "none"), "\"none\"", &d->nnone);
		const cJSON *mm = tl_bd_get(c, "min_mentions");
		d->min_mentions = 1;
		if (mm && (!cJSON_IsNumber(mm) || mm->valuedouble < 1))
			tl_load_error(L, mm, "\"min_mentions\" must be a number >= 1");
		else if (mm)
			d->min_mentions = mm->valueint;
		tl_bd_lang_pair(L, tl_bd_get(c, "title"), "\"title\"", d->title);
	}
}

int tl_load_build(tl_load *L)
{
	tl_ruleset *rs = L->rs;
	if (!rs->id)
		rs->id = "ruleset";
	if (tl_bd_concept_table(L) < 0)
		return -1;
	S_build_contexts(L);
	tl_bd_rule_table(L);
	tl_bd_clause_library(L);
	for (uint32_t i = 0; i < L->frameworks.n; i++) {
		tl_frameworks_load(L, L->frameworks.v[i].src);
	}
	for (uint32_t i = 0; i < rs->nrules && rs->nclauses; i++)
		if (!tl_rules_clause(rs, rs->rules[i].clause))
			tl_load_warn(L, tl_bd_get(rs->rules[i].json, "id"),
			             "rule %s: no clause '%s' in the clause library", rs->rules[i].id,
			             rs->rules[i].clause);
	if (L->oom || L->diag->errors)
		return -1;
	if (tl_index_build(rs) < 0)
		return L->oom = 1, -1;
	return 0;
}
