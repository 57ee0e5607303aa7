/* build.c: merged ruleset JSON -> concepts, contexts, rules and patterns,
 * with every check the JSON Schema cannot express (unknown concepts,
 * thresholds, contexts, rules in also_met_by) reported at file:line:col. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rules/load.h"
#include "text/text.h"

#define ARENA_N(L, T, n) ((T *)tl_arena_calloc(&(L)->rs->arena, (n) ? (n) : 1, sizeof(T)))

/* cJSON_GetObjectItemCaseSensitive, inlined and comparing first bytes first:
 * the build looks members up about 50,000 times. */
static const cJSON *S_get(const cJSON *o, const char *k)
{
	if (!o)
		return NULL;
	for (const cJSON *c = o->child; c && c->string; c = c->next)
		if (c->string[0] == k[0] && !strcmp(c->string, k))
			return c;
	return NULL;
}

static void S_lang_pair(tl_load *L, const cJSON *obj, const char *what, const char **dst)
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

/* A string or an array of strings -> names. */
static const cJSON *S_str_list(tl_load *L, const cJSON *v, const char *what, uint32_t *n)
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

static int S_concept_find(const tl_load *L, const char *name)
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
static int32_t *S_concepts(tl_load *L, const cJSON *v, const char *what, uint32_t *n)
{
	const cJSON *c = S_str_list(L, v, what, n);
	int32_t *out = ARENA_N(L, int32_t, *n);
	if (!out) {
		L->oom = 1;
		*n = 0;
		return NULL;
	}
	for (uint32_t i = 0; i < *n; i++, c = c->next) {
		int k = S_concept_find(L, c->valuestring);
		if (k < 0)
			tl_load_error(L, c, "unknown concept '%s'", c->valuestring);
		out[i] = k < 0 ? 0 : k;
	}
	return out;
}

static int32_t *S_contexts(tl_load *L, const cJSON *v, const char *what, uint32_t *n)
{
	const cJSON *c = S_str_list(L, v, what, n);
	int32_t *out = ARENA_N(L, int32_t, *n);
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

/** ## Concepts */

static int S_build_concepts(tl_load *L)
{
	tl_ruleset *rs = L->rs;
	uint32_t n = L->concepts.n + TL_CONCEPT_FIRST_USER;
	rs->concepts = ARENA_N(L, tl_concept, n);
	if (!rs->concepts)
		return L->oom = 1, -1;
	rs->concepts[TL_CONCEPT_VENDOR].name = "@vendor";
	rs->concepts[TL_CONCEPT_CUSTOMER].name = "@customer";
	rs->nconcepts = n;
	for (uint32_t i = 0; i < L->concepts.n; i++) {
		const char *name = L->concepts.v[i].name;
		if (name[0] == '@')
			tl_load_error(L, tl_load_key(L->concepts.v[i].node),
			              "concept names starting with '@' are reserved (@vendor, @customer)");
		rs->concepts[TL_CONCEPT_FIRST_USER + i].name = tl_load_strdup(L, name);
	}
	S_concept_index(L);
	/* count terms, then compile them */
	size_t nterms = 0;
	static const char *const keys[] = {"nl",          "en",          "include",          "defined_terms",
	                                   "not_party",   "description", "definition_heads", NULL};
	static const char *const head_keys[] = {"nl", "en", NULL};
	for (uint32_t i = 0; i < L->concepts.n; i++) {
		const cJSON *c = L->concepts.v[i].node;
		if (!cJSON_IsObject(c)) {
			tl_load_error(L, c, "concept '%s' must be an object", L->concepts.v[i].name);
			continue;
		}
		tl_load_check_keys(L, c, "concept", keys);
		const cJSON *dh = S_get(c, "definition_heads");
		if (dh && !cJSON_IsObject(dh))
			tl_load_error(L, dh, "\"definition_heads\" must be an object with \"nl\" and \"en\" terms");
		else if (dh)
			tl_load_check_keys(L, dh, "definition_heads", head_keys);
		if (dh && !cJSON_IsTrue(S_get(c, "defined_terms")) &&
		    !(cJSON_IsString(S_get(c, "defined_terms")) &&
		      !strcmp(S_get(c, "defined_terms")->valuestring, "anywhere")))
			tl_load_error(L, dh, "\"definition_heads\" needs \"defined_terms\": true");
		for (int lang = TL_LANG_NL; lang <= TL_LANG_EN; lang++) {
			const char *lk = lang == TL_LANG_NL ? "nl" : "en";
			const cJSON *t = S_get(c, lk);
			if (t && !cJSON_IsArray(t))
				tl_load_error(L, t, "concept terms must be an array of strings");
			else if (t)
				nterms += (size_t)cJSON_GetArraySize(t);
			const cJSON *h = cJSON_IsObject(dh) ? S_get(dh, lk) : NULL;
			if (h && !cJSON_IsArray(h))
				tl_load_error(L, h, "definition heads must be an array of strings");
			else if (h)
				nterms += (size_t)cJSON_GetArraySize(h);
		}
	}
	rs->terms = ARENA_N(L, tl_rterm, nterms);
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
		const cJSON *dh = S_get(c, "definition_heads");
		for (int heads = 0; heads < 2; heads++)
			for (int lang = TL_LANG_NL; lang <= TL_LANG_EN; lang++) {
				const char *lk = lang == TL_LANG_NL ? "nl" : "en";
				const cJSON *t = heads ? (cJSON_IsObject(dh) ? S_get(dh, lk) : NULL) : S_get(c, lk), *w;
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
		const cJSON *dt = S_get(c, "defined_terms");
		int anywhere = cJSON_IsString(dt) && !strcmp(dt->valuestring, "anywhere");
		if (dt && !cJSON_IsBool(dt) && !anywhere)
			tl_load_error(L, dt, "\"defined_terms\" must be true, false or \"anywhere\"");
		cd->defined_terms = anywhere ? TL_DEFTERMS_ANYWHERE : cJSON_IsTrue(dt) ? TL_DEFTERMS_HEADED : 0;
		const cJSON *np = S_get(c, "not_party");
		if (np && !cJSON_IsBool(np))
			tl_load_error(L, np, "\"not_party\" must be true or false");
		cd->not_party = cJSON_IsTrue(np);
		cd->inc = S_concepts(L, S_get(c, "include"), "\"include\"", &cd->ninc);
		for (uint32_t k = 0; k < cd->ninc; k++)
			if (cd->inc[k] == (int32_t)(TL_CONCEPT_FIRST_USER + i))
				tl_load_error(L, S_get(c, "include"), "concept '%s' includes itself", cd->name);
		if (!cd->ninc && !cd->nterms[TL_LANG_NL] && !cd->nterms[TL_LANG_EN])
			tl_load_warn(L, c, "concept '%s' has no terms", cd->name);
	}
	tl_text_close(lx);
	tl_term_cache_free(cache);
	tl_arena_free(&scratch);
	/* ancestors: every concept that includes this one, transitively (itself
	 * first).  The concepts that include c directly, in index order, are
	 * by[byoff[c] .. byoff[c + 1]): the walk pushes them in the order a scan
	 * of every concept's includes would find them, without that scan */
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
		rs->concepts[i].anc = ARENA_N(L, int32_t, na);
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

/** ## Contexts */

static void S_build_contexts(tl_load *L)
{
	tl_ruleset *rs = L->rs;
	rs->contexts = ARENA_N(L, tl_context_def, L->contexts.n);
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
		d->any = S_concepts(L, S_get(c, "any"), "\"any\"", &d->nany);
		if (!d->nany)
			tl_load_error(L, c, "context '%s' needs \"any\": [concepts]", d->tag);
		d->none = S_concepts(L, S_get(c, "none"), "\"none\"", &d->nnone);
		const cJSON *mm = S_get(c, "min_mentions");
		d->min_mentions = 1;
		if (mm && (!cJSON_IsNumber(mm) || mm->valuedouble < 1))
			tl_load_error(L, mm, "\"min_mentions\" must be a number >= 1");
		else if (mm)
			d->min_mentions = mm->valueint;
		S_lang_pair(L, S_get(c, "title"), "\"title\"", d->title);
	}
}

/** ## Patterns */

static const cJSON *S_override(tl_load *L, const char *rule_id)
{
	for (uint32_t i = 0; i < L->overrides.n; i++)
		if (!strcmp(L->overrides.v[i].name, rule_id))
			return L->overrides.v[i].node;
	return NULL;
}

/* A number or "@name" from the rule's thresholds (overrides first). */
static int S_number(tl_load *L, const cJSON *v, const cJSON *rule, double *out)
{
	if (cJSON_IsNumber(v)) {
		*out = v->valuedouble;
		return 0;
	}
	if (cJSON_IsString(v) && v->valuestring[0] == '@') {
		const char *name = v->valuestring + 1;
		const cJSON *id = S_get(rule, "id");
		const cJSON *ov = S_override(L, id->valuestring);
		const cJSON *t = ov ? S_get(S_get(ov, "thresholds"), name) : NULL;
		if (!t)
			t = S_get(S_get(rule, "thresholds"), name);
		if (!cJSON_IsNumber(t)) {
			tl_load_error(L, v, "unknown threshold '%s' (define it in the rule's \"thresholds\")",
			              name);
			return -1;
		}
		*out = t->valuedouble;
		return 0;
	}
	tl_load_error(L, v, "expected a number or \"@threshold\"");
	return -1;
}

static void S_quantity(tl_load *L, const cJSON *q, const cJSON *rule, tl_qcond *out)
{
	static const char *const keys[] = {"kind", "max_hours", "min_hours", "over_hours", "under_hours",
	                                   "max", "min", "over", "under", NULL};
	if (!cJSON_IsObject(q)) {
		tl_load_error(L, q, "\"quantity\" must be an object");
		return;
	}
	tl_load_check_keys(L, q, "quantity", keys);
	const cJSON *k = S_get(q, "kind");
	const char *ks = cJSON_IsString(k) ? k->valuestring : "";
	if (!strcmp(ks, "duration"))
		out->kind = TL_Q_DURATION;
	else if (!strcmp(ks, "money"))
		out->kind = TL_Q_MONEY;
	else if (!strcmp(ks, "percent"))
		out->kind = TL_Q_PERCENT;
	else if (!strcmp(ks, "count"))
		out->kind = TL_Q_COUNT;
	else if (!strcmp(ks, "none"))
		out->kind = -1;
	else
		tl_load_error(L, k ? k : q, "quantity \"kind\" must be duration, money, percent, count or none");
	const char *maxk = out->kind == TL_Q_DURATION ? "max_hours" : "max";
	const char *mink = out->kind == TL_Q_DURATION ? "min_hours" : "min";
	const cJSON *mx = S_get(q, maxk), *mn = S_get(q, mink);
	if (mx && !S_number(L, mx, rule, &out->max))
		out->has_max = 1;
	if (mn && !S_number(L, mn, rule, &out->min))
		out->has_min = 1;
	const char *overk = out->kind == TL_Q_DURATION ? "over_hours" : "over";
	const char *underk = out->kind == TL_Q_DURATION ? "under_hours" : "under";
	const cJSON *ov = S_get(q, overk), *un = S_get(q, underk);
	if (ov && !S_number(L, ov, rule, &out->over))
		out->has_over = 1;
	if (un && !S_number(L, un, rule, &out->under))
		out->has_under = 1;
	if ((mn && ov) || (mx && un))
		tl_load_error(L, q, "give one lower bound (%s or %s) and one upper bound (%s or %s)", mink,
		              overk, maxk, underk);
	const char *wrongmax = out->kind == TL_Q_DURATION ? "max" : "max_hours";
	const char *wrongmin = out->kind == TL_Q_DURATION ? "min" : "min_hours";
	const char *wrongover = out->kind == TL_Q_DURATION ? "over" : "over_hours";
	const char *wrongunder = out->kind == TL_Q_DURATION ? "under" : "under_hours";
	if (S_get(q, wrongmax) || S_get(q, wrongmin) || S_get(q, wrongover) || S_get(q, wrongunder))
		tl_load_error(L, q, "use %s/%s/%s/%s for quantity kind \"%s\"", mink, maxk, overk, underk, ks);
}

static int S_enum(const char *s, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

static uint8_t S_mask(tl_load *L, const cJSON *v, const char *what, const char *const *names)
{
	uint32_t n;
	const cJSON *c = S_str_list(L, v, what, &n);
	uint8_t m = 0;
	for (uint32_t i = 0; i < n; i++, c = c->next) {
		int k = S_enum(c->valuestring, names);
		if (k < 0)
			tl_load_error(L, c, "unknown %s value '%s'", what, c->valuestring);
		else
			m |= (uint8_t)(1u << k);
	}
	return m;
}

static const char *const S_pat_keys[] = {"all", "any", "none", "party", "modality", "exception",
                                         "quantity", "vague", "efforts", "negated", "near", "scope",
                                         "document_has", "document_lacks", "downgrades", "why", NULL};
static const char *const S_party_names[] = {"any", "vendor", "customer", "vendor-or-passive",
                                            "third", "not-customer", NULL};
static const char *const S_mod_names[] = {"statement", "obligation", "permission", "prohibition",
                                          NULL};
static const char *const S_exc_names[] = {"none", "customer", "vendor", "law", "other", NULL};

static int S_tristate(tl_load *L, const cJSON *v, const char *what)
{
	if (!v)
		return -1;
	if (!cJSON_IsBool(v)) {
		tl_load_error(L, v, "\"%s\" must be true or false", what);
		return -1;
	}
	return cJSON_IsTrue(v) ? 1 : 0;
}

static void S_pattern(tl_load *L, const cJSON *p, const cJSON *rule, int list, tl_pattern *out)
{
	if (!cJSON_IsObject(p)) {
		tl_load_error(L, p, "a pattern must be an object");
		return;
	}
	tl_load_check_keys(L, p, "pattern", S_pat_keys);
	out->list = (uint8_t)list;
	out->all = S_concepts(L, S_get(p, "all"), "\"all\"", &out->nall);
	out->any = S_concepts(L, S_get(p, "any"), "\"any\"", &out->nany);
	out->none = S_concepts(L, S_get(p, "none"), "\"none\"", &out->nnone);
	const cJSON *v = S_get(p, "party");
	if (v) {
		int k = cJSON_IsString(v) ? S_enum(v->valuestring, S_party_names) : -1;
		if (k < 0)
			tl_load_error(L, v, "\"party\" must be any, vendor, customer, vendor-or-passive, third or not-customer");
		else
			out->party = (uint8_t)k;
	}
	out->modmask = S_mask(L, S_get(p, "modality"), "modality", S_mod_names);
	out->excmask = S_mask(L, S_get(p, "exception"), "exception", S_exc_names);
	if ((v = S_get(p, "quantity")))
		S_quantity(L, v, rule, &out->q);
	out->vague = (int8_t)S_tristate(L, S_get(p, "vague"), "vague");
	out->efforts = (int8_t)S_tristate(L, S_get(p, "efforts"), "efforts");
	out->negated = (int8_t)S_tristate(L, S_get(p, "negated"), "negated");
	out->doc_has = S_concepts(L, S_get(p, "document_has"), "\"document_has\"", &out->ndoc_has);
	out->doc_lacks = S_concepts(L, S_get(p, "document_lacks"), "\"document_lacks\"", &out->ndoc_lacks);
	if ((v = S_get(p, "near"))) {
		if (!cJSON_IsNumber(v) || v->valuedouble < 1)
			tl_load_error(L, v, "\"near\" must be a number of tokens >= 1");
		else
			out->near = v->valueint;
	}
	if ((v = S_get(p, "scope"))) {
		if (cJSON_IsString(v) && !strcmp(v->valuestring, "clause"))
			out->clause_scope = TL_SCOPE_CLAUSE;
		else if (cJSON_IsString(v) && !strcmp(v->valuestring, "article"))
			out->clause_scope = TL_SCOPE_ARTICLE;
		else if (!cJSON_IsString(v) || strcmp(v->valuestring, "sentence") != 0)
			tl_load_error(L, v, "\"scope\" must be \"sentence\", \"clause\" or \"article\"");
	}
	int dg = S_tristate(L, S_get(p, "downgrades"), "downgrades");
	if (dg == 1 && list != TL_LIST_PARTIAL)
		tl_load_error(L, S_get(p, "downgrades"), "\"downgrades\" only makes sense in \"partial\"");
	out->downgrades = dg == 1;
	S_lang_pair(L, S_get(p, "why"), "\"why\"", out->why);
	if (!out->nall && !out->nany)
		tl_load_warn(L, p, "a pattern without \"all\" or \"any\" concepts is tried on every sentence");
}

/** ## Rules */

static const char *const S_rule_keys[] = {"id", "area", "title", "description", "severity",
                                          "references", "applies", "met", "partial", "violated",
                                          "also_met_by", "thresholds", "clause", "reasons",
                                          "examples", "notes", NULL};

static void S_applies(tl_load *L, const cJSON *a, tl_rule *r)
{
	static const char *const keys[] = {"always", "any", "all", "mentions", NULL};
	if (!a) {
		r->applies_always = 1;
		return;
	}
	if (!cJSON_IsObject(a)) {
		tl_load_error(L, a, "\"applies\" must be {\"always\": true} or {\"any\": [contexts]}");
		return;
	}
	tl_load_check_keys(L, a, "applies", keys);
	r->applies_always = cJSON_IsTrue(S_get(a, "always"));
	r->app_any = S_contexts(L, S_get(a, "any"), "\"any\"", &r->napp_any);
	r->app_all = S_contexts(L, S_get(a, "all"), "\"all\"", &r->napp_all);
	r->app_mentions = S_concepts(L, S_get(a, "mentions"), "\"mentions\"", &r->napp_mentions);
	if (!r->applies_always && !r->napp_any && !r->napp_all)
		tl_load_error(L, a, "\"applies\" needs \"always\": true, \"any\" or \"all\"");
}

static void S_examples(tl_load *L, const cJSON *ex, const char *id)
{
	static const char *const langs[] = {"nl", "en", NULL};
	static const char *const lists[] = {"met", "partial", "violated", "none", NULL};
	static const char *const objkeys[] = {"text", "preamble", "contexts", NULL};
	if (!ex) {
		tl_load_warn(L, NULL, "rule %s has no examples", id);
		return;
	}
	if (!cJSON_IsObject(ex)) {
		tl_load_error(L, ex, "\"examples\" must be an object {\"nl\": ..., \"en\": ...}");
		return;
	}
	tl_load_check_keys(L, ex, "examples", langs);
	for (int l = 0; langs[l]; l++) {
		const cJSON *byl = S_get(ex, langs[l]), *lst;
		if (!byl) {
			tl_load_warn(L, ex, "rule %s has no %s examples", id, langs[l]);
			continue;
		}
		if (!cJSON_IsObject(byl)) {
			tl_load_error(L, byl, "examples per language must be an object of lists");
			continue;
		}
		tl_load_check_keys(L, byl, "examples", lists);
		cJSON_ArrayForEach(lst, byl)
		{
			if (!cJSON_IsArray(lst)) {
				if (!tl_load_is_comment_key(lst->string))
					tl_load_error(L, lst, "an example list must be an array");
				continue;
			}
			const cJSON *e;
			cJSON_ArrayForEach(e, lst)
			{
				if (cJSON_IsString(e))
					continue;
				if (!cJSON_IsObject(e) || !cJSON_IsString(S_get(e, "text"))) {
					tl_load_error(L, e, "an example is a string or {\"text\": ...}");
					continue;
				}
				tl_load_check_keys(L, e, "example", objkeys);
				uint32_t n;
				S_contexts(L, S_get(e, "contexts"), "\"contexts\"", &n);
			}
		}
	}
}

static void S_rule(tl_load *L, const cJSON *j, int src, const cJSON *ov, tl_rule *r)
{
	tl_ruleset *rs = L->rs;
	tl_load_check_keys(L, j, "rule", S_rule_keys);
	r->json = j;
	r->id = tl_load_strdup(L, S_get(j, "id")->valuestring);
	r->file = src >= 0 ? tl_load_strdup(L, L->srcs[src].path) : rs->path;
	for (const char *c = r->id; *c; c++)
		if (!(isupper((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '-' || *c == '_')) {
			tl_load_error(L, S_get(j, "id"), "rule id '%s': use capitals, digits and '-'", r->id);
			break;
		}
	const cJSON *v = S_get(j, "area");
	r->area = cJSON_IsString(v) ? tl_load_strdup(L, v->valuestring) : "";
	if (!cJSON_IsObject(S_get(j, "title")))
		tl_load_error(L, j, "rule %s needs \"title\": {\"nl\", \"en\"}", r->id);
	const char *tmp[3] = {0};
	S_lang_pair(L, S_get(j, "title"), "\"title\"", tmp);
	S_lang_pair(L, S_get(j, "description"), "\"description\"", tmp);
	v = ov && S_get(ov, "severity") ? S_get(ov, "severity") : S_get(j, "severity");
	int sev = cJSON_IsString(v) ? tl_rules_severity_parse(v->valuestring) : -1;
	if (sev < 0)
		tl_load_error(L, v ? v : j, "\"severity\" must be critical, high, medium, low or info");
	r->severity = sev < 0 ? TL_RSEV_MEDIUM : (tl_rsev)sev;
	S_applies(L, S_get(j, "applies"), r);
	static const char *const lists[] = {"met", "partial", "violated"};
	uint32_t npat = 0;
	for (int l = 0; l < 3; l++) {
		v = S_get(j, lists[l]);
		if (v && !cJSON_IsArray(v))
			tl_load_error(L, v, "\"%s\" must be an array of patterns", lists[l]);
		else if (v)
			npat += (uint32_t)cJSON_GetArraySize(v);
	}
	r->pat = ARENA_N(L, tl_pattern, npat);
	if (!r->pat) {
		L->oom = 1;
		return;
	}
	for (int l = 0; l < 3; l++) {
		const cJSON *p;
		v = S_get(j, lists[l]);
		if (!cJSON_IsArray(v))
			continue;
		int idx = 0;
		cJSON_ArrayForEach(p, v)
		{
			tl_pattern *pt = &r->pat[r->npat++];
			pt->rule = (int32_t)(r - rs->rules);
			pt->index = idx++;
			S_pattern(L, p, j, l + 1, pt);
		}
	}
	if (!S_get(j, "met"))
		tl_load_error(L, j, "rule %s has no \"met\" patterns", r->id);
	if ((v = S_get(j, "thresholds"))) {
		const cJSON *t;
		if (!cJSON_IsObject(v))
			tl_load_error(L, v, "\"thresholds\" must be an object of numbers");
		else
			cJSON_ArrayForEach(t, v) if (!cJSON_IsNumber(t) && !tl_load_is_comment_key(t->string))
				tl_load_error(L, t, "threshold '%s' must be a number", t->string);
	}
	v = S_get(j, "clause");
	if (v && !cJSON_IsString(v))
		tl_load_error(L, v, "\"clause\" must be a clause id");
	r->clause = cJSON_IsString(v) ? tl_load_strdup(L, v->valuestring) : r->id;
	if ((v = S_get(j, "reasons"))) {
		static const char *const keys[] = {"missing", "met", "not_applicable", NULL};
		if (cJSON_IsObject(v))
			tl_load_check_keys(L, v, "reasons", keys);
		S_lang_pair(L, S_get(v, "missing"), "\"missing\"", r->reason_missing);
	}
	S_examples(L, S_get(j, "examples"), r->id);
}

static void S_build_rules(tl_load *L)
{
	tl_ruleset *rs = L->rs;
	static const char *const okeys[] = {"severity", "disabled", "thresholds", NULL};
	for (uint32_t i = 0; i < L->overrides.n; i++) {
		const cJSON *o = L->overrides.v[i].node;
		int found = 0;
		for (uint32_t k = 0; k < L->rules.n && !found; k++)
			found = !strcmp(L->rules.v[k].name, L->overrides.v[i].name);
		if (!found)
			tl_load_error(L, tl_load_key(o), "override for unknown rule '%s'", L->overrides.v[i].name);
		if (!cJSON_IsObject(o))
			tl_load_error(L, o, "an override must be an object");
		else
			tl_load_check_keys(L, o, "override", okeys);
	}
	rs->rules = ARENA_N(L, tl_rule, L->rules.n);
	if (!rs->rules) {
		L->oom = 1;
		return;
	}
	for (uint32_t i = 0; i < L->rules.n; i++) {
		const cJSON *ov = S_override(L, L->rules.v[i].name);
		if (cJSON_IsTrue(S_get(ov, "disabled")))
			continue;
		S_rule(L, L->rules.v[i].node, L->rules.v[i].src, ov, &rs->rules[rs->nrules++]);
	}
	/* also_met_by refers to rules by id */
	for (uint32_t i = 0; i < rs->nrules; i++) {
		tl_rule *r = &rs->rules[i];
		uint32_t n;
		const cJSON *c = S_str_list(L, S_get(r->json, "also_met_by"), "\"also_met_by\"", &n);
		r->also = ARENA_N(L, int32_t, n);
		if (!r->also) {
			L->oom = 1;
			return;
		}
		for (uint32_t k = 0; k < n; k++, c = c->next) {
			int idx = tl_rules_find(rs, c->valuestring);
			if (idx < 0 && !S_override(L, c->valuestring))
				tl_load_error(L, c, "unknown rule '%s' in also_met_by", c->valuestring);
			if (idx >= 0 && idx != (int)i)
				r->also[r->nalso++] = idx;
		}
	}
}

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
	const cJSON *arr = S_get(root, "clauses");
	if (!cJSON_IsObject(root) || !cJSON_IsArray(arr)) {
		tl_load_error(L, root, "a clause file must be {\"clauses\": [...]}");
		return;
	}
	tl_load_check_keys(L, root, "clause file", fkeys);
	int n = cJSON_GetArraySize(arr);
	tl_clause_tpl *nv = ARENA_N(L, tl_clause_tpl, rs->nclauses + (uint32_t)n);
	if (!nv) {
		L->oom = 1;
		return;
	}
	if (rs->nclauses)
		memcpy(nv, rs->clauses, rs->nclauses * sizeof *nv);
	rs->clauses = nv;
	cJSON_ArrayForEach(c, arr)
	{
		const cJSON *id = S_get(c, "id");
		if (!cJSON_IsObject(c) || !cJSON_IsString(id)) {
			tl_load_error(L, c, "a clause needs a string \"id\"");
			continue;
		}
		tl_load_check_keys(L, c, "clause", ckeys);
		tl_clause_tpl t;
		memset(&t, 0, sizeof t);
		t.id = tl_load_strdup(L, id->valuestring);
		S_lang_pair(L, S_get(c, "title"), "\"title\"", t.title);
		for (int l = TL_LANG_NL; l <= TL_LANG_EN; l++) {
			const cJSON *x = S_get(c, l == TL_LANG_NL ? "nl" : "en");
			if (!cJSON_IsString(x)) {
				tl_load_error(L, x ? x : c, "clause %s needs \"%s\" text", t.id,
				              l == TL_LANG_NL ? "nl" : "en");
				continue;
			}
			S_check_placeholders(L, x);
			t.text[l] = tl_load_strdup(L, x->valuestring);
		}
		t.topics = S_concepts(L, S_get(c, "topics"), "\"topics\"", &t.ntopics);
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

static void S_build_clauses(tl_load *L)
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
		int k = cJSON_IsString(c) ? S_concept_find(L, c->valuestring) : -1;
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

int tl_load_build(tl_load *L)
{
	tl_ruleset *rs = L->rs;
	if (!rs->id)
		rs->id = "ruleset";
	if (S_build_concepts(L) < 0)
		return -1;
	S_build_contexts(L);
	S_build_rules(L);
	S_build_clauses(L);
	for (uint32_t i = 0; i < L->frameworks.n; i++) {
		tl_frameworks_load(L, L->frameworks.v[i].src);
	}
	for (uint32_t i = 0; i < rs->nrules && rs->nclauses; i++)
		if (!tl_rules_clause(rs, rs->rules[i].clause))
			tl_load_warn(L, S_get(rs->rules[i].json, "id"), "rule %s: no clause '%s' in the clause library",
			             rs->rules[i].id, rs->rules[i].clause);
	if (L->oom || L->diag->errors)
		return -1;
	if (tl_index_build(rs) < 0)
		return L->oom = 1, -1;
	return 0;
}
