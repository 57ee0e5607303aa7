/* build_concepts.c: the ruleset's concepts (tl_bd_concept_table).
 * Each concept's terms in both languages, and its definition heads, are
 * compiled into rs->terms (tl_compile_term: tokenised, stemmed and
 * normalised as a contract's words are); then each concept gets its
 * ancestors, every concept that includes it transitively, which is what a
 * pattern's "all"/"any" match against.  Also the hash that turns concept
 * names into indexes, looked up tens of thousands of times while patterns
 * are built (tl_bd_concepts). */
#include <stdlib.h>
#include <string.h>

#include "rules/build_int.h"
#include "text/text.h"

/* Concept names are looked up tens of thousands of times while patterns
 * are built: a hash over rs->concepts, filled in index order so that the
 * first concept of a name wins, as in tl_rules_concept. */
static uint32_t S_name_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void S_concept_index(tl_load *L)
{
	const tl_ruleset *rs = L->rs;
	uint32_t cap = 64;
	while (cap < rs->nconcepts * 2)
		cap *= 2;
	L->concept_slots = calloc(cap, sizeof *L->concept_slots);
	if (!L->concept_slots)
		return; /* lookups fall back to tl_rules_concept */
	L->concept_cap = cap;
	for (uint32_t i = 0; i < rs->nconcepts; i++) {
		const char *name = rs->concepts[i].name;
		if (!name)
			continue;
		uint32_t k = S_name_hash(name) & (cap - 1);
		while (L->concept_slots[k] && strcmp(rs->concepts[L->concept_slots[k] - 1].name, name))
			k = (k + 1) & (cap - 1);
		if (!L->concept_slots[k])
			L->concept_slots[k] = (int32_t)i + 1;
	}
}

int tl_bd_concept_find(const tl_load *L, const char *name)
{
	if (!L->concept_slots)
		return tl_rules_concept(L->rs, name);
	uint32_t k = S_name_hash(name) & (L->concept_cap - 1);
	for (; L->concept_slots[k]; k = (k + 1) & (L->concept_cap - 1))
		if (!strcmp(L->rs->concepts[L->concept_slots[k] - 1].name, name))
			return L->concept_slots[k] - 1;
	return -1;
}

/* Concept names -> indexes; unknown names are errors at the name. */
int32_t *tl_bd_concepts(tl_load *L, const cJSON *v, const char *what, uint32_t *n)
{
	const cJSON *c = tl_bd_str_list(L, v, what, n);
	int32_t *out = TL_BD_NEW(L, int32_t, *n);
	if (!out) {
		L->oom = 1;
		*n = 0;
		return NULL;
	}
	for (uint32_t i = 0; i < *n; i++, c = c->next) {
		int k = tl_bd_concept_find(L, c->valuestring);
		if (k < 0)
			tl_load_error(L, c, "unknown concept '%s'", c->valuestring);
		out[i] = k < 0 ? 0 : k;
	}
	return out;
}

/** ## Concepts */

/* rs->concepts with their names (the two party concepts first) and the
 * name hash: 0, or -1 when out of memory. */
static int S_names(tl_load *L)
{
	tl_ruleset *rs = L->rs;
	uint32_t n = L->concepts.n + TL_CONCEPT_FIRST_USER;
	rs->concepts = TL_BD_NEW(L, tl_concept, n);
	if (!rs->concepts)
		return L->oom = 1, -1;
	/* in the arena, as every other name: the build-time image of the
	 * ruleset (snapshot.h) may point nowhere else */
	rs->concepts[TL_CONCEPT_VENDOR].name = tl_load_strdup(L, "@vendor");
	rs->concepts[TL_CONCEPT_CUSTOMER].name = tl_load_strdup(L, "@customer");
	if (!rs->concepts[TL_CONCEPT_VENDOR].name || !rs->concepts[TL_CONCEPT_CUSTOMER].name)
		return L->oom = 1, -1;
	rs->nconcepts = n;
	for (uint32_t i = 0; i < L->concepts.n; i++) {
		const char *name = L->concepts.v[i].name;
		if (name[0] == '@')
			tl_load_error(L, tl_load_key(L->concepts.v[i].node),
			              "concept names starting with '@' are reserved (@vendor, @customer)");
		rs->concepts[TL_CONCEPT_FIRST_USER + i].name = tl_load_strdup(L, name);
	}
	S_concept_index(L);
	return 0;
}

/* Each concept's keys and definition heads checked; the number of terms
 * and heads to compile. */
static size_t S_count_terms(tl_load *L)
{
	size_t nterms = 0;
	static const char *const keys[] = {"nl",          "en",          "include",          "defined_terms",
	                                   "not_party",   "description", "definition_heads", "by_reference",
	                                   NULL};
	static const char *const head_keys[] = {"nl", "en", NULL};
	for (uint32_t i = 0; i < L->concepts.n; i++) {
		const cJSON *c = L->concepts.v[i].node;
		if (!cJSON_IsObject(c)) {
			tl_load_error(L, c, "concept '%s' must be an object", L->concepts.v[i].name);
			continue;
		}
		tl_load_check_keys(L, c, "concept", keys);
		const cJSON *dh = tl_bd_get(c, "definition_heads");
		if (dh && !cJSON_IsObject(dh))
			tl_load_error(L, dh, "\"definition_heads\" must be an object with \"nl\" and \"en\" terms");
		else if (dh)
			tl_load_check_keys(L, dh, "definition_heads", head_keys);
		if (dh && !cJSON_IsTrue(tl_bd_get(c, "defined_terms")) &&
		    !(cJSON_IsString(tl_bd_get(c, "defined_terms")) &&
		      !strcmp(tl_bd_get(c, "defined_terms")->valuestring, "anywhere")))
			tl_load_error(L, dh, "\"definition_heads\" needs \"defined_terms\": true");
		for (int lang = TL_LANG_NL; lang <= TL_LANG_EN; lang++) {
			const char *lk = lang == TL_LANG_NL ? "nl" : "en";
			const cJSON *t = tl_bd_get(c, lk);
			if (t && !cJSON_IsArray(t))
				tl_load_error(L, t, "concept terms must be an array of strings");
			else if (t)
				nterms += (size_t)cJSON_GetArraySize(t);
			const cJSON *h = cJSON_IsObject(dh) ? tl_bd_get(dh, lk) : NULL;
			if (h && !cJSON_IsArray(h))
				tl_load_error(L, h, "definition heads must be an array of strings");
			else if (h)
				nterms += (size_t)cJSON_GetArraySize(h);
		}
	}
	return nterms;
}

/* The concepts' terms and definition heads compiled into rs->terms, and
 * each concept's other fields (defined_terms, not_party, include): 0, or
 * -1 when out of memory. */
static int S_compile_terms(tl_load *L, size_t nterms)
{
	tl_ruleset *rs = L->rs;
	rs->terms = TL_BD_NEW(L, tl_rterm, nterms);
	tl_arena scratch;
	tl_arena_init(&scratch, 0);
	tl_text *lx = NULL;
	tl_term_cache *cache = tl_term_cache_new(nterms > UINT32_MAX / 4 ? UINT32_MAX / 4 : (uint32_t)nterms);
	if (!rs->terms || !cache || tl_text_open(&lx, &scratch, L->err) != 0) {
		tl_term_cache_free(cache);
		tl_arena_free(&scratch);
		return L->oom = 1, -1;
	}
	for (uint32_t i = 0; i < L->concepts.n; i++) {
		const cJSON *c = L->concepts.v[i].node;
		tl_concept *cd = &rs->concepts[TL_CONCEPT_FIRST_USER + i];
		if (!cJSON_IsObject(c))
			continue;
		const cJSON *dh = tl_bd_get(c, "definition_heads");
		for (int heads = 0; heads < 2; heads++)
			for (int lang = TL_LANG_NL; lang <= TL_LANG_EN; lang++) {
				const char *lk = lang == TL_LANG_NL ? "nl" : "en";
				const cJSON *t = heads ? (cJSON_IsObject(dh) ? tl_bd_get(dh, lk) : NULL)
				                       : tl_bd_get(c, lk), *w;
				if (!cJSON_IsArray(t))
					continue;
				cJSON_ArrayForEach(w, t)
				{
					if (!cJSON_IsString(w)) {
						tl_load_error(L, w, "a term must be a string");
						continue;
					}
					tl_rterm *rt = &rs->terms[rs->nterms];
					const char *msg = tl_compile_term(rs, lx, cache, (tl_lang)lang, w->valuestring,
					                                  (int32_t)(TL_CONCEPT_FIRST_USER + i), rt);
					if (msg) {
						tl_load_error(L, w, "term \"%s\": %s", w->valuestring, msg);
						continue;
					}
					rt->def_only = (uint8_t)heads;
					rs->nterms++;
					if (!heads)
						cd->nterms[lang]++;
				}
			}
		const cJSON *dt = tl_bd_get(c, "defined_terms");
		int anywhere = cJSON_IsString(dt) && !strcmp(dt->valuestring, "anywhere");
		if (dt && !cJSON_IsBool(dt) && !anywhere)
			tl_load_error(L, dt, "\"defined_terms\" must be true, false or \"anywhere\"");
		cd->defined_terms = anywhere ? TL_DEFTERMS_ANYWHERE : cJSON_IsTrue(dt) ? TL_DEFTERMS_HEADED : 0;
		const cJSON *np = tl_bd_get(c, "not_party");
		if (np && !cJSON_IsBool(np))
			tl_load_error(L, np, "\"not_party\" must be true or false");
		cd->not_party = cJSON_IsTrue(np);
		const cJSON *br = tl_bd_get(c, "by_reference");
		if (br && !cJSON_IsBool(br))
			tl_load_error(L, br, "\"by_reference\" must be true or false");
		cd->by_reference = cJSON_IsTrue(br);
		cd->inc = tl_bd_concepts(L, tl_bd_get(c, "include"), "\"include\"", &cd->ninc);
		for (uint32_t k = 0; k < cd->ninc; k++)
			if (cd->inc[k] == (int32_t)(TL_CONCEPT_FIRST_USER + i))
				tl_load_error(L, tl_bd_get(c, "include"), "concept '%s' includes itself",
				              cd->name);
		if (!cd->ninc && !cd->nterms[TL_LANG_NL] && !cd->nterms[TL_LANG_EN])
			tl_load_warn(L, c, "concept '%s' has no terms", cd->name);
	}
	tl_text_close(lx);
	tl_term_cache_free(cache);
	tl_arena_free(&scratch);
	return 0;
}

/* Each concept's ancestors: every concept that includes it, transitively
 * (itself first).  The concepts that include c directly, in index order,
 * are by[byoff[c] .. byoff[c + 1]): the walk pushes them in the order a
 * scan of every concept's includes would find them, without that scan.
 * 0, or -1 when out of memory (an ancestor list that does not fit sets
 * L->oom only). */
static int S_ancestors(tl_load *L)
{
	tl_ruleset *rs = L->rs;
	uint32_t n = rs->nconcepts;
	int32_t *stack = malloc(n * sizeof *stack);
	uint8_t *seen = malloc(n);
	uint32_t *byoff = calloc((size_t)n + 1, sizeof *byoff);
	size_t nby = 0;
	for (uint32_t j = 0; j < n; j++)
		nby += rs->concepts[j].ninc;
	int32_t *by = malloc((nby ? nby : 1) * sizeof *by);
	if (!stack || !seen || !byoff || !by) {
		free(stack);
		free(seen);
		free(byoff);
		free(by);
		return L->oom = 1, -1;
	}
	for (uint32_t j = 0; j < n; j++)
		for (uint32_t k = 0; k < rs->concepts[j].ninc; k++) {
			int32_t c = rs->concepts[j].inc[k];
			if (c >= 0 && (uint32_t)c < n)
				byoff[c + 1]++;
		}
	for (uint32_t c = 0; c < n; c++)
		byoff[c + 1] += byoff[c];
	uint32_t *fill = malloc(((size_t)n + 1) * sizeof *fill);
	if (!fill) {
		free(stack);
		free(seen);
		free(byoff);
		free(by);
		return L->oom = 1, -1;
	}
	memcpy(fill, byoff, ((size_t)n + 1) * sizeof *fill);
	for (uint32_t j = 0; j < n; j++)
		for (uint32_t k = 0; k < rs->concepts[j].ninc; k++) {
			int32_t c = rs->concepts[j].inc[k];
			/* j once per c, though it may name c twice */
			if (c >= 0 && (uint32_t)c < n && (fill[c] == byoff[c] || by[fill[c] - 1] != (int32_t)j))
				by[fill[c]++] = (int32_t)j;
		}
	for (uint32_t i = 0; i < n; i++) {
		memset(seen, 0, n);
		uint32_t na = 0, sp = 0;
		stack[sp++] = (int32_t)i;
		seen[i] = 1;
		int32_t buf[256];
		while (sp) {
			int32_t c = stack[--sp];
			if (na < 256)
				buf[na++] = c;
			for (uint32_t k = byoff[c]; k < fill[c]; k++) {
				int32_t j = by[k];
				if (!seen[j]) {
					seen[j] = 1;
					stack[sp++] = j;
				}
			}
		}
		rs->concepts[i].anc = TL_BD_NEW(L, int32_t, na);
		if (!rs->concepts[i].anc) {
			L->oom = 1;
			break;
		}
		memcpy(rs->concepts[i].anc, buf, na * sizeof *buf);
		rs->concepts[i].nanc = na;
	}
	free(fill);
	free(byoff);
	free(by);
	free(stack);
	free(seen);
	return 0;
}

int tl_bd_concept_table(tl_load *L)
{
	if (S_names(L) < 0)
		return -1;
	size_t nterms = S_count_terms(L);
	if (S_compile_terms(L, nterms) < 0)
		return -1;
	return S_ancestors(L);
}
