/* build_int.h: shared by the files that turn the merged ruleset JSON into
 * the ruleset's structures (tl_load_build): build.c (the order of the
 * steps, shared helpers, contexts), build_concepts.c (concepts, their
 * terms and ancestors; concept names to indexes), build_rules.c (rules and
 * their patterns) and build_clauses.c (the clause library).  Internal to
 * src/rules. */
#ifndef TL_RULES_BUILD_INT_H
#define TL_RULES_BUILD_INT_H

#include <string.h>

#include "rules/load.h"

/* n zeroed T in the ruleset's arena (at least one), NULL when out of memory */
#define TL_BD_NEW(L, T, n) ((T *)tl_arena_calloc(&(L)->rs->arena, (n) ? (n) : 1, sizeof(T)))

/* cJSON_GetObjectItemCaseSensitive, inlined and comparing first bytes first:
 * the build looks members up about 50,000 times. */
static inline const cJSON *tl_bd_get(const cJSON *o, const char *k)
{
	if (!o)
		return NULL;
	for (const cJSON *c = o->child; c && c->string; c = c->next)
		if (c->string[0] == k[0] && !strcmp(c->string, k))
			return c;
	return NULL;
}

/* {"nl": ..., "en": ...} -> dst[TL_LANG_NL], dst[TL_LANG_EN] (borrowed from
 * the tree); errors at obj.  NULL obj: nothing. */
static inline void tl_bd_lang_pair(tl_load *L, const cJSON *obj, const char *what, const char **dst)
{
	if (!obj)
		return;
	if (!cJSON_IsObject(obj)) {
		tl_load_error(L, obj, "%s must be an object {\"nl\": ..., \"en\": ...}", what);
		return;
	}
	static const char *const keys[] = {"nl", "en", NULL};
	tl_load_check_keys(L, obj, what, keys);
	dst[TL_LANG_NL] = tl_load_lang_text(L, obj, TL_LANG_NL);
	dst[TL_LANG_EN] = tl_load_lang_text(L, obj, TL_LANG_EN);
}

/* A string or an array of strings: the first (or only) string node, *n of
 * them; errors at v. */
static inline const cJSON *tl_bd_str_list(tl_load *L, const cJSON *v, const char *what, uint32_t *n)
{
	*n = 0;
	if (!v)
		return NULL;
	if (cJSON_IsString(v)) {
		*n = 1;
		return v;
	}
	if (!cJSON_IsArray(v)) {
		tl_load_error(L, v, "%s must be a string or an array of strings", what);
		return NULL;
	}
	const cJSON *c;
	cJSON_ArrayForEach(c, v)
	{
		if (!cJSON_IsString(c)) {
			tl_load_error(L, c, "%s must hold strings", what);
			*n = 0;
			return NULL;
		}
		(*n)++;
	}
	return v->child;
}

/* Context tags -> indexes (in the arena); unknown tags are errors at the tag. */
int32_t *tl_bd_contexts(tl_load *L, const cJSON *v, const char *what, uint32_t *n);

/* build_concepts.c: rs->concepts and rs->terms from the merged concepts:
 * 0, or -1 when out of memory (L->oom set). */
int tl_bd_concept_table(tl_load *L);
/* The index of a concept name, -1 unknown (after tl_bd_concept_table). */
int tl_bd_concept_find(const tl_load *L, const char *name);
/* Concept names -> indexes (in the arena); unknown names are errors at the name. */
int32_t *tl_bd_concepts(tl_load *L, const cJSON *v, const char *what, uint32_t *n);

/* build_rules.c: rs->rules from the merged rules and overrides. */
void tl_bd_rule_table(tl_load *L);

/* build_clauses.c: rs->clauses from the clause folders, and clause_terms. */
void tl_bd_clause_library(tl_load *L);

#endif
