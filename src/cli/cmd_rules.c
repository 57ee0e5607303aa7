/* cmd_rules.c: `tenderlint rules list|show ID|lint [FILE]|test [RULESET]`.
 *
 * list/show/test take --ruleset PATH (test also a positional RULESET);
 * without one they use the built-in default ruleset. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/exit.h"
#include "cli/opt.h"
#include "rules/rules.h"

static void S_usage(FILE *f)
{
	fprintf(f,
	        "usage: tenderlint rules list [--ruleset PATH] [--lang nl|en]\n"
	        "       tenderlint rules show ID [--ruleset PATH]\n"
	        "       tenderlint rules lint [FILE]\n"
	        "       tenderlint rules test [RULESET] [--rule ID] [--lang nl|en]\n"
	        "\n"
	        "  list   every rule: id, severity, area, title\n"
	        "  show   one rule as the loader merged it (extends, overrides), with its clause\n"
	        "  lint   check a ruleset: file:line:col: error|warning: message; exit 1 on errors\n"
	        "  test   run every rule's examples; failures as file:RULE:lang:list#n; exit 1 on failures\n");
}

static int S_sub(const char *sub, const char *ruleset, const char *rule, const char *lang_s,
                 const char **pos, int npos);

static int S_load(tl_ruleset **rs, const char *path)
{
	tl_error err = TL_ERROR_INIT;
	tl_diag diag = {0, 0, stderr, NULL, 1};
	if (tl_rules_load(rs, path, &diag, &err) != 0) {
		char msg[2048];
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint: cannot load the ruleset: %s\n", msg);
		return TL_EXIT_USAGE;
	}
	return 0;
}

static tl_lang S_lang(const char *s)
{
	if (!s)
		return TL_LANG_UNKNOWN;
	if (!strcmp(s, "nl"))
		return TL_LANG_NL;
	if (!strcmp(s, "en"))
		return TL_LANG_EN;
	return (tl_lang)-1;
}

static int S_list(const tl_ruleset *rs, tl_lang lang)
{
	if (lang == TL_LANG_UNKNOWN)
		lang = TL_LANG_EN;
	printf("%s %s: %zu rules\n", tl_ruleset_id(rs), tl_ruleset_version(rs), tl_ruleset_rule_count(rs));
	for (uint32_t i = 0; i < rs->nrules; i++) {
		const tl_rule *r = &rs->rules[i];
		const char *t = tl_rules_text(cJSON_GetObjectItemCaseSensitive(r->json, "title"), lang);
		printf("%-20s %-8s %-6s %s\n", r->id, tl_rules_severity_name(r->severity), r->area, t ? t : "");
	}
	return TL_EXIT_OK;
}

static int S_show(const tl_ruleset *rs, const char *id)
{
	int i = tl_rules_find(rs, id);
	if (i < 0) {
		fprintf(stderr, "tenderlint: no rule '%s' in %s\n", id, tl_ruleset_id(rs));
		return TL_EXIT_USAGE;
	}
	const tl_rule *r = &rs->rules[i];
	cJSON *o = cJSON_Duplicate(r->json, 1);
	if (!o)
		return TL_EXIT_INTERNAL;
	/* the effective severity after overrides */
	cJSON_ReplaceItemInObjectCaseSensitive(o, "severity", cJSON_CreateString(tl_rules_severity_name(r->severity)));
	char *s = cJSON_Print(o);
	cJSON_Delete(o);
	if (!s)
		return TL_EXIT_INTERNAL;
	printf("# %s (from %s)\n%s\n", r->id, r->file, s);
	cJSON_free(s);
	const tl_clause_tpl *c = tl_rules_clause(rs, r->clause);
	if (c)
		printf("\n# suggested clause %s\nnl: %s\nen: %s\n", c->id, c->text[TL_LANG_NL] ? c->text[TL_LANG_NL] : "",
		       c->text[TL_LANG_EN] ? c->text[TL_LANG_EN] : "");
	return TL_EXIT_OK;
}

static int S_lint(const char *path)
{
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	tl_diag diag = {0, 0, stdout, NULL, 0};
	int rc = tl_rules_load(&rs, path, &diag, &err);
	if (rc == TL_ENOMEM) {
		fprintf(stderr, "tenderlint: out of memory\n");
		return TL_EXIT_INTERNAL;
	}
	if (rs) {
		uint32_t npat = 0;
		for (uint32_t i = 0; i < rs->nrules; i++)
			npat += rs->rules[i].npat;
		printf("%s: %u rules, %u concepts, %u contexts, %u patterns, %u terms, %u clauses, %u framework mappings\n",
		       path ? path : "built-in " "vng-2022", rs->nrules, rs->nconcepts - TL_CONCEPT_FIRST_USER,
		       rs->ncontexts, npat, rs->nterms, rs->nclauses, rs->nfw);
	}
	printf("%d errors, %d warnings\n", diag.errors, diag.warnings);
	tl_ruleset_free(rs);
	return diag.errors ? TL_EXIT_FINDINGS : TL_EXIT_OK;
}

static const char *const S_langs[] = {"nl", "en", NULL};
static const tl_opt_spec S_specs[] = {
	{TL_OPT_VALUE, "ruleset", 'r', "PATH", "ruleset file (default: the built-in vng-2022)", NULL, NULL},
	{TL_OPT_VALUE, "rule", 0, "ID", "test: only this rule's examples", NULL, NULL},
	{TL_OPT_VALUE, "lang", 'l', "LANG", "list: titles in nl or en; test: only that language", NULL, S_langs},
	{TL_OPT_END, NULL, 0, NULL, NULL, NULL, NULL},
};

int tl_cmd_rules(int argc, char **argv)
{
	if (argc < 2) {
		S_usage(stderr);
		return TL_EXIT_USAGE;
	}
	const char *sub = argv[1];
	if (!strcmp(sub, "--help") || !strcmp(sub, "-h")) {
		S_usage(stdout);
		return TL_EXIT_OK;
	}
	char name[64];
	snprintf(name, sizeof name, "rules %s", sub);
	const tl_opt_cmd cmd = {name, "[options] [ARG]", "See 'tenderlint rules --help'.", S_specs};
	tl_opts o;
	int prc = tl_opt_parse(&o, &cmd, argc - 1, argv + 1);
	if (prc != TL_OPT_OK) {
		tl_opt_free(&o);
		return prc == TL_OPT_HELP ? TL_EXIT_OK : TL_EXIT_USAGE;
	}
	const char *ruleset = tl_opt_str(&o, "ruleset"), *rule = tl_opt_str(&o, "rule");
	const char *lang_s = tl_opt_str(&o, "lang");
	const char **pos = o.args;
	int npos = (int)o.nargs;
	int rc = S_sub(sub, ruleset, rule, lang_s, pos, npos);
	tl_opt_free(&o);
	return rc;
}

static int S_sub(const char *sub, const char *ruleset, const char *rule, const char *lang_s,
                 const char **pos, int npos)
{
	tl_lang lang = S_lang(lang_s);
	if ((int)lang < 0) {
		fprintf(stderr, "tenderlint: --lang must be nl or en\n");
		return TL_EXIT_USAGE;
	}
	if (!strcmp(sub, "lint")) {
		if (npos > 1 || (npos == 1 && ruleset)) {
			S_usage(stderr);
			return TL_EXIT_USAGE;
		}
		return S_lint(npos ? pos[0] : ruleset);
	}
	if (!strcmp(sub, "test") && npos == 1 && !ruleset) {
		ruleset = pos[0];
		npos = 0;
	}
	if ((!strcmp(sub, "show") && npos != 1) || (strcmp(sub, "show") && npos != 0)) {
		S_usage(stderr);
		return TL_EXIT_USAGE;
	}
	if (strcmp(sub, "list") && strcmp(sub, "show") && strcmp(sub, "test")) {
		fprintf(stderr, "tenderlint: unknown 'rules' command '%s'\n", sub);
		S_usage(stderr);
		return TL_EXIT_USAGE;
	}
	tl_ruleset *rs = NULL;
	int rc = S_load(&rs, ruleset);
	if (rc)
		return rc;
	if (!strcmp(sub, "list")) {
		rc = S_list(rs, lang);
	} else if (!strcmp(sub, "show")) {
		rc = S_show(rs, pos[0]);
	} else {
		tl_selftest_stats st;
		tl_error err = TL_ERROR_INIT;
		if (tl_rules_selftest(rs, rule, lang, stdout, &st, &err) != 0) {
			char msg[2048];
			tl_error_format(&err, msg, sizeof msg);
			fprintf(stderr, "tenderlint: %s\n", msg);
			rc = err.code == TL_ENOMEM ? TL_EXIT_INTERNAL : TL_EXIT_USAGE;
		} else {
			rc = st.failed ? TL_EXIT_FINDINGS : TL_EXIT_OK;
		}
	}
	tl_ruleset_free(rs);
	return rc;
}
