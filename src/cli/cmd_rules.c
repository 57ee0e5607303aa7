/* cmd_rules.c: `tenderlint rules list|show ID|lint [FILE]|test [RULESET]`.
 *
 * list/show/test take --ruleset PATH (test also a positional RULESET);
 * without one they use the built-in default ruleset.  Only the public API. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/exit.h"
#include "cli/opt.h"
#include "tenderlint.h"

static void S_usage(FILE *f)
{
	fprintf(f,
	        "usage: tenderlint rules list [--ruleset PATH] [--lang nl|en]\n"
	        "       tenderlint rules show ID [--ruleset PATH]\n"
	        "       tenderlint rules lint [FILE]\n"
	        "       tenderlint rules test [RULESET] [--rule ID] [--lang nl|en]\n"
	        "       tenderlint rules try \"SENTENCE\" [--ruleset PATH] [--rule ID] [--lang nl|en]\n"
	        "\n"
	        "  list   every rule: id, severity, area, title\n"
	        "  show   one rule as loaded (extends, overrides applied), with its suggested clause\n"
	        "  lint   check a ruleset: file:line:col: error|warning: message; exit 1 on errors\n"
	        "  test   run every rule's examples; failures as file:RULE:lang:list#n; exit 1 on failures\n"
	        "  try    check one sentence: the rules that fire and how it was read\n");
}

static const char *const S_langs[] = {"nl", "en", NULL};
static const tl_opt_spec S_specs[] = {
	{TL_OPT_VALUE, "ruleset", 'r', "PATH", "ruleset file (default: the built-in vng-2022)", NULL, NULL},
	{TL_OPT_VALUE, "rule", 0, "ID", "test: only this rule's examples", NULL, NULL},
	{TL_OPT_VALUE, "lang", 'l', "LANG", "list: titles in nl or en; test: only that language", NULL, S_langs},
	{TL_OPT_END, NULL, 0, NULL, NULL, NULL, NULL},
};

static int S_fail(const tl_error *err, const char *what)
{
	char msg[2048];
	tl_error_format(err, msg, sizeof msg);
	fprintf(stderr, "tenderlint rules: %s: %s\n", what, msg);
	return err->code == TL_ENOMEM ? TL_EXIT_INTERNAL : TL_EXIT_USAGE;
}

static int S_run(const char *sub, const char *ruleset, const char *rule, const char *lang,
                 const char **pos, size_t npos)
{
	tl_error err = TL_ERROR_INIT;
	if (!strcmp(sub, "lint")) {
		if (npos > 1 || (npos == 1 && ruleset)) {
			S_usage(stderr);
			return TL_EXIT_USAGE;
		}
		int rc = tl_ruleset_lint(npos ? pos[0] : ruleset, stdout, NULL, &err);
		if (rc < 0)
			return S_fail(&err, "lint");
		return rc ? TL_EXIT_FINDINGS : TL_EXIT_OK;
	}
	if (!strcmp(sub, "test") && npos == 1 && !ruleset) {
		ruleset = pos[0];
		npos = 0;
	}
	int is_show = !strcmp(sub, "show") || !strcmp(sub, "try");
	if (!is_show && strcmp(sub, "list") && strcmp(sub, "test")) {
		fprintf(stderr, "tenderlint rules: unknown command '%s'\n", sub);
		S_usage(stderr);
		return TL_EXIT_USAGE;
	}
	if (npos != (size_t)is_show) {
		S_usage(stderr);
		return TL_EXIT_USAGE;
	}
	tl_ruleset *rs = NULL;
	if (tl_ruleset_load(&rs, ruleset, &err) != 0)
		return S_fail(&err, "cannot load the ruleset");
	int rc = TL_EXIT_OK;
	if (!strcmp(sub, "list")) {
		tl_ruleset_write_list(rs, lang, stdout);
	} else if (!strcmp(sub, "try")) {
		if (tl_ruleset_try(rs, pos[0], lang, rule, stdout, &err) != 0)
			rc = S_fail(&err, "try");
	} else if (is_show) {
		if (tl_ruleset_write_rule(rs, pos[0], stdout, &err) != 0)
			rc = S_fail(&err, "show");
	} else {
		int passed = 0, failed = 0;
		if (tl_ruleset_selftest(rs, rule, lang, stdout, &passed, &failed, &err) != 0)
			rc = S_fail(&err, "test");
		else
			rc = failed ? TL_EXIT_FINDINGS : TL_EXIT_OK;
	}
	tl_ruleset_free(rs);
	return rc;
}

int tl_cmd_rules(int argc, char **argv)
{
	if (argc < 2) {
		S_usage(stderr);
		return TL_EXIT_USAGE;
	}
	const char *sub = argv[1];
	if (!strcmp(sub, "--help") || !strcmp(sub, "-h") || !strcmp(sub, "help")) {
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
	int rc = S_run(sub, tl_opt_str(&o, "ruleset"), tl_opt_str(&o, "rule"), tl_opt_str(&o, "lang"),
	               o.args, o.nargs);
	tl_opt_free(&o);
	return rc;
}
