/* api.c: the public ruleset functions behind `tenderlint rules ...`. */
#include <string.h>
#include <strings.h>

#include "rules/rules.h"

/* Stems that are common short words of the language: a term whose one word
 * stems to one of them matches far more than it means ("overheid" stems to
 * "over", "openbaar" to "open", "vóór" to "voor", "settings" to "set",
 * "workings" to "work"). */
static int S_trap_stem(const tl_rterm *t, const char **stem)
{
	static const char *const nl[] = {"over", "vor", "open", "dor", "nar", "met", "van", "op",
	                                 "in", "aan", "bij", "zet", "kan", "mag", "wel", "plat",
	                                 "stel", "geef", "hou", "leg", "ga", "sta", "kom", NULL};
	static const char *const en[] = {"be", "ad", "set", "work", "over", "open", "noth", "oper",
	                                 "wind", "tell", "bind", "rent", "get", "use", "make", "go",
	                                 "put", "take", "give", "run", "law", "part", "can", NULL};
	if (t->nw != 1 || t->w[0].kind != TL_W_STEM || !t->text)
		return 0;
	/* an inflection of the stem's own word ("uses", "laws", "ads") is no trap */
	static const char *const infl[] = {"", "s", "es", "d", "ed", "ing", "e", "en", "t", "n", NULL};
	const char *const *list = t->lang == TL_LANG_NL ? nl : en;
	size_t sl = t->w[0].len;
	for (size_t i = 0; list[i]; i++) {
		if (sl != strlen(list[i]) || memcmp(t->w[0].s, list[i], sl))
			continue;
		int inflected = strncasecmp(t->text, list[i], sl) == 0;
		for (size_t k = 0; inflected && infl[k]; k++)
			if (!strcasecmp(t->text + sl, infl[k]))
				return 0;
		*stem = list[i];
		return 1;
	}
	return 0;
}

int tl_ruleset_lint(const char *path, FILE *out, int *warnings, tl_error *err)
{
	tl_ruleset *rs = NULL;
	tl_diag diag = {0, 0, out, NULL, 0};
	int rc = tl_rules_load(&rs, path, &diag, err);
	if (rc == TL_ENOMEM)
		return rc;
	for (uint32_t i = 0; rs && i < rs->nterms; i++) {
		const tl_rterm *t = &rs->terms[i];
		const char *stem;
		if (t->concept >= 0 && (uint32_t)t->concept < rs->nconcepts && S_trap_stem(t, &stem)) {
			fprintf(out, "%s: warning: concept '%s': the term \"%s\" stems to \"%s\" and so matches "
			             "every \"%s\"; write it as an exact word (\"\\\"%s\\\"\") or a prefix\n",
			        path ? path : "built-in ruleset", rs->concepts[t->concept].name, t->text, stem, stem,
			        t->text);
			diag.warnings++;
		}
	}
	if (rs) {
		uint32_t npat = 0;
		for (uint32_t i = 0; i < rs->nrules; i++)
			npat += rs->rules[i].npat;
		fprintf(out, "%s: %u rules, %u concepts, %u contexts, %u patterns, %u terms, %u clauses, "
		             "%u framework mappings\n",
		        path ? path : "built-in ruleset", rs->nrules, rs->nconcepts - TL_CONCEPT_FIRST_USER,
		        rs->ncontexts, npat, rs->nterms, rs->nclauses, rs->nfw);
	}
	fprintf(out, "%d errors, %d warnings\n", diag.errors, diag.warnings);
	tl_ruleset_free(rs);
	if (warnings)
		*warnings = diag.warnings;
	return diag.errors;
}

int tl_ruleset_selftest(const tl_ruleset *rs, const char *rule_id, const char *lang, FILE *out,
                        int *passed, int *failed, tl_error *err)
{
	tl_lang l = TL_LANG_UNKNOWN;
	if (lang && !strcmp(lang, "nl"))
		l = TL_LANG_NL;
	else if (lang && !strcmp(lang, "en"))
		l = TL_LANG_EN;
	else if (lang)
		return tl_error_set(err, TL_EINVAL, "unknown language '%s' (nl or en)", lang);
	if (rs->check_only)
		return tl_error_set(err, TL_EINVAL, "the ruleset was loaded for checking only, without its examples");
	tl_selftest_stats st = {0, 0};
	int rc = tl_rules_selftest(rs, rule_id, l, out, &st, err);
	if (passed)
		*passed = st.passed;
	if (failed)
		*failed = st.failed;
	return rc;
}

int tl_ruleset_write_list(const tl_ruleset *rs, const char *lang, FILE *out)
{
	tl_lang l = lang && !strcmp(lang, "nl") ? TL_LANG_NL : TL_LANG_EN;
	fprintf(out, "%s %s: %zu rules\n", tl_ruleset_id(rs), tl_ruleset_version(rs),
	        tl_ruleset_rule_count(rs));
	for (uint32_t i = 0; i < rs->nrules; i++) {
		const tl_rule *r = &rs->rules[i];
		const char *t = tl_rules_text(cJSON_GetObjectItemCaseSensitive(r->json, "title"), l);
		fprintf(out, "%-20s %-8s %-6s %s\n", r->id, tl_rules_severity_name(r->severity), r->area,
		        t ? t : "");
	}
	return 0;
}

int tl_ruleset_write_rule(const tl_ruleset *rs, const char *id, FILE *out, tl_error *err)
{
	int i = tl_rules_find(rs, id);
	if (i < 0)
		return tl_error_set(err, TL_EINVAL, "no rule '%s' in %s", id, tl_ruleset_id(rs));
	const tl_rule *r = &rs->rules[i];
	cJSON *o = cJSON_Duplicate(r->json, 1);
	if (!o)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	/* the effective severity after overrides */
	cJSON_DeleteItemFromObjectCaseSensitive(o, "severity");
	cJSON_AddStringToObject(o, "severity", tl_rules_severity_name(r->severity));
	char *s = cJSON_Print(o);
	cJSON_Delete(o);
	if (!s)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	fprintf(out, "# %s (from %s)\n%s\n", r->id, r->file, s);
	cJSON_free(s);
	const tl_clause_tpl *c = tl_rules_clause(rs, r->clause);
	if (c)
		fprintf(out, "\n# suggested clause %s\nnl: %s\nen: %s\n", c->id,
		        c->text[TL_LANG_NL] ? c->text[TL_LANG_NL] : "",
		        c->text[TL_LANG_EN] ? c->text[TL_LANG_EN] : "");
	return 0;
}

int tl_ruleset_has_context(const tl_ruleset *rs, const char *tag)
{
	return rs && tag && tl_rules_context(rs, tag) >= 0;
}
