/* names.c: lookups by name and the names of enums used in reports. */
#include <string.h>

#include "rules/rules.h"

int tl_rules_find(const tl_ruleset *rs, const char *id)
{
	for (uint32_t i = 0; i < rs->nrules; i++)
		if (rs->rules[i].id && !strcmp(rs->rules[i].id, id))
			return (int)i;
	return -1;
}

int tl_rules_concept(const tl_ruleset *rs, const char *name)
{
	for (uint32_t i = 0; i < rs->nconcepts; i++)
		if (rs->concepts[i].name && !strcmp(rs->concepts[i].name, name))
			return (int)i;
	return -1;
}

int tl_rules_context(const tl_ruleset *rs, const char *tag)
{
	for (uint32_t i = 0; i < rs->ncontexts; i++)
		if (!strcmp(rs->contexts[i].tag, tag))
			return (int)i;
	return -1;
}

const tl_clause_tpl *tl_rules_clause(const tl_ruleset *rs, const char *id)
{
	for (uint32_t i = 0; id && i < rs->nclauses; i++)
		if (!strcmp(rs->clauses[i].id, id))
			return &rs->clauses[i];
	return NULL;
}

static const char *const S_sev[] = {"info", "low", "medium", "high", "critical"};

const char *tl_rules_severity_name(tl_rsev s)
{
	return (unsigned)s <= TL_RSEV_CRITICAL ? S_sev[s] : "medium";
}

int tl_rules_severity_parse(const char *s)
{
	for (int i = 0; i <= TL_RSEV_CRITICAL; i++)
		if (!strcmp(s, S_sev[i]))
			return i;
	return -1;
}

const char *tl_list_name(int list)
{
	static const char *const n[] = {"none", "met", "partial", "violated"};
	return list >= 0 && list <= TL_LIST_VIOLATED ? n[list] : "none";
}

const char *tl_rules_text(const cJSON *obj, tl_lang lang)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(obj, lang == TL_LANG_EN ? "en" : "nl");
	const cJSON *b = cJSON_GetObjectItemCaseSensitive(obj, lang == TL_LANG_EN ? "nl" : "en");
	if (cJSON_IsString(a) && a->valuestring[0])
		return a->valuestring;
	return cJSON_IsString(b) ? b->valuestring : NULL;
}
