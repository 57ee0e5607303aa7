/* build_rules.c: the ruleset's rules (tl_bd_rule_table): overrides
 * checked and applied (severity, disabled, thresholds), each rule's keys,
 * id, severity, "applies" and examples checked, its met / partial /
 * violated patterns built (concept lists, party, modality, exception,
 * quantity with "@threshold" numbers, scope, ...), and also_met_by
 * resolved to rule indexes once every rule exists. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rules/build_int.h"

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
		const cJSON *id = tl_bd_get(rule, "id");
		const cJSON *ov = S_override(L, id->valuestring);
		const cJSON *t = ov ? tl_bd_get(tl_bd_get(ov, "thresholds"), name) : NULL;
		if (!t)
			t = tl_bd_get(tl_bd_get(rule, "thresholds"), name);
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
	const cJSON *k = tl_bd_get(q, "kind");
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
	const cJSON *mx = tl_bd_get(q, maxk), *mn = tl_bd_get(q, mink);
	if (mx && !S_number(L, mx, rule, &out->max))
		out->has_max = 1;
	if (mn && !S_number(L, mn, rule, &out->min))
		out->has_min = 1;
	const char *overk = out->kind == TL_Q_DURATION ? "over_hours" : "over";
	const char *underk = out->kind == TL_Q_DURATION ? "under_hours" : "under";
	const cJSON *ov = tl_bd_get(q, overk), *un = tl_bd_get(q, underk);
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
	if (tl_bd_get(q, wrongmax) || tl_bd_get(q, wrongmin) || tl_bd_get(q, wrongover) ||
	    tl_bd_get(q, wrongunder))
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
	const cJSON *c = tl_bd_str_list(L, v, what, &n);
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
	out->all = tl_bd_concepts(L, tl_bd_get(p, "all"), "\"all\"", &out->nall);
	out->any = tl_bd_concepts(L, tl_bd_get(p, "any"), "\"any\"", &out->nany);
	out->none = tl_bd_concepts(L, tl_bd_get(p, "none"), "\"none\"", &out->nnone);
	const cJSON *v = tl_bd_get(p, "party");
	if (v) {
		int k = cJSON_IsString(v) ? S_enum(v->valuestring, S_party_names) : -1;
		if (k < 0)
			tl_load_error(L, v, "\"party\" must be any, vendor, customer, vendor-or-passive, third or not-customer");
		else
			out->party = (uint8_t)k;
	}
	out->modmask = S_mask(L, tl_bd_get(p, "modality"), "modality", S_mod_names);
	out->excmask = S_mask(L, tl_bd_get(p, "exception"), "exception", S_exc_names);
	if ((v = tl_bd_get(p, "quantity")))
		S_quantity(L, v, rule, &out->q);
	out->vague = (int8_t)S_tristate(L, tl_bd_get(p, "vague"), "vague");
	out->efforts = (int8_t)S_tristate(L, tl_bd_get(p, "efforts"), "efforts");
	out->negated = (int8_t)S_tristate(L, tl_bd_get(p, "negated"), "negated");
	out->doc_has = tl_bd_concepts(L, tl_bd_get(p, "document_has"), "\"document_has\"", &out->ndoc_has);
	out->doc_lacks =
		tl_bd_concepts(L, tl_bd_get(p, "document_lacks"), "\"document_lacks\"", &out->ndoc_lacks);
	if ((v = tl_bd_get(p, "near"))) {
		if (!cJSON_IsNumber(v) || v->valuedouble < 1)
			tl_load_error(L, v, "\"near\" must be a number of tokens >= 1");
		else
			out->near = v->valueint;
	}
	if ((v = tl_bd_get(p, "scope"))) {
		if (cJSON_IsString(v) && !strcmp(v->valuestring, "clause"))
			out->clause_scope = TL_SCOPE_CLAUSE;
		else if (cJSON_IsString(v) && !strcmp(v->valuestring, "article"))
			out->clause_scope = TL_SCOPE_ARTICLE;
		else if (!cJSON_IsString(v) || strcmp(v->valuestring, "sentence") != 0)
			tl_load_error(L, v, "\"scope\" must be \"sentence\", \"clause\" or \"article\"");
	}
	int dg = S_tristate(L, tl_bd_get(p, "downgrades"), "downgrades");
	if (dg == 1 && list != TL_LIST_PARTIAL)
		tl_load_error(L, tl_bd_get(p, "downgrades"),
		              "\"downgrades\" only makes sense in \"partial\"");
	out->downgrades = dg == 1;
	tl_bd_lang_pair(L, tl_bd_get(p, "why"), "\"why\"", out->why);
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
	r->applies_always = cJSON_IsTrue(tl_bd_get(a, "always"));
	r->app_any = tl_bd_contexts(L, tl_bd_get(a, "any"), "\"any\"", &r->napp_any);
	r->app_all = tl_bd_contexts(L, tl_bd_get(a, "all"), "\"all\"", &r->napp_all);
	r->app_mentions = tl_bd_concepts(L, tl_bd_get(a, "mentions"), "\"mentions\"", &r->napp_mentions);
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
		const cJSON *byl = tl_bd_get(ex, langs[l]), *lst;
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
				if (!cJSON_IsObject(e) || !cJSON_IsString(tl_bd_get(e, "text"))) {
					tl_load_error(L, e, "an example is a string or {\"text\": ...}");
					continue;
				}
				tl_load_check_keys(L, e, "example", objkeys);
				uint32_t n;
				tl_bd_contexts(L, tl_bd_get(e, "contexts"), "\"contexts\"", &n);
			}
		}
	}
}

static void S_rule(tl_load *L, const cJSON *j, int src, const cJSON *ov, tl_rule *r)
{
	tl_ruleset *rs = L->rs;
	tl_load_check_keys(L, j, "rule", S_rule_keys);
	r->json = j;
	r->id = tl_load_strdup(L, tl_bd_get(j, "id")->valuestring);
	r->file = src >= 0 ? tl_load_strdup(L, L->srcs[src].path) : rs->path;
	for (const char *c = r->id; *c; c++)
		if (!(isupper((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '-' || *c == '_')) {
			tl_load_error(L, tl_bd_get(j, "id"), "rule id '%s': use capitals, digits and '-'",
			              r->id);
			break;
		}
	const cJSON *v = tl_bd_get(j, "area");
	r->area = cJSON_IsString(v) ? tl_load_strdup(L, v->valuestring) : "";
	if (!cJSON_IsObject(tl_bd_get(j, "title")))
		tl_load_error(L, j, "rule %s needs \"title\": {\"nl\", \"en\"}", r->id);
	const char *tmp[3] = {0};
	tl_bd_lang_pair(L, tl_bd_get(j, "title"), "\"title\"", tmp);
	tl_bd_lang_pair(L, tl_bd_get(j, "description"), "\"description\"", tmp);
	v = ov && tl_bd_get(ov, "severity") ? tl_bd_get(ov, "severity") : tl_bd_get(j, "severity");
	int sev = cJSON_IsString(v) ? tl_rules_severity_parse(v->valuestring) : -1;
	if (sev < 0)
		tl_load_error(L, v ? v : j, "\"severity\" must be critical, high, medium, low or info");
	r->severity = sev < 0 ? TL_RSEV_MEDIUM : (tl_rsev)sev;
	S_applies(L, tl_bd_get(j, "applies"), r);
	static const char *const lists[] = {"met", "partial", "violated"};
	uint32_t npat = 0;
	for (int l = 0; l < 3; l++) {
		v = tl_bd_get(j, lists[l]);
		if (v && !cJSON_IsArray(v))
			tl_load_error(L, v, "\"%s\" must be an array of patterns", lists[l]);
		else if (v)
			npat += (uint32_t)cJSON_GetArraySize(v);
	}
	r->pat = TL_BD_NEW(L, tl_pattern, npat);
	if (!r->pat) {
		L->oom = 1;
		return;
	}
	for (int l = 0; l < 3; l++) {
		const cJSON *p;
		v = tl_bd_get(j, lists[l]);
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
	if (!tl_bd_get(j, "met"))
		tl_load_error(L, j, "rule %s has no \"met\" patterns", r->id);
	if ((v = tl_bd_get(j, "thresholds"))) {
		const cJSON *t;
		if (!cJSON_IsObject(v))
			tl_load_error(L, v, "\"thresholds\" must be an object of numbers");
		else
			cJSON_ArrayForEach(t, v) if (!cJSON_IsNumber(t) && !tl_load_is_comment_key(t->string))
				tl_load_error(L, t, "threshold '%s' must be a number", t->string);
	}
	v = tl_bd_get(j, "clause");
	if (v && !cJSON_IsString(v))
		tl_load_error(L, v, "\"clause\" must be a clause id");
	r->clause = cJSON_IsString(v) ? tl_load_strdup(L, v->valuestring) : r->id;
	if ((v = tl_bd_get(j, "reasons"))) {
		static const char *const keys[] = {"missing", "met", "not_applicable", NULL};
		if (cJSON_IsObject(v))
			tl_load_check_keys(L, v, "reasons", keys);
		tl_bd_lang_pair(L, tl_bd_get(v, "missing"), "\"missing\"", r->reason_missing);
	}
	/* a check reads no built-in examples (tl_ruleset_load_for_check) */
	if (!L->check_only || tl_bd_get(j, "examples"))
		S_examples(L, tl_bd_get(j, "examples"), r->id);
}

void tl_bd_rule_table(tl_load *L)
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
	rs->rules = TL_BD_NEW(L, tl_rule, L->rules.n);
	if (!rs->rules) {
		L->oom = 1;
		return;
	}
	for (uint32_t i = 0; i < L->rules.n; i++) {
		const cJSON *ov = S_override(L, L->rules.v[i].name);
		if (cJSON_IsTrue(tl_bd_get(ov, "disabled")))
			continue;
		S_rule(L, L->rules.v[i].node, L->rules.v[i].src, ov, &rs->rules[rs->nrules++]);
	}
	/* also_met_by refers to rules by id */
	for (uint32_t i = 0; i < rs->nrules; i++) {
		tl_rule *r = &rs->rules[i];
		uint32_t n;
		const cJSON *c = tl_bd_str_list(L, tl_bd_get(r->json, "also_met_by"), "\"also_met_by\"", &n);
		r->also = TL_BD_NEW(L, int32_t, n);
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
