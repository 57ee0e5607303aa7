/* cmd_compare.c: `tenderlint compare TENDER CONTRACT`: which requirements
 * the tender states, and where the contract is weaker, contradicts them, or
 * is silent, citing both documents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/exit.h"
#include "cli/opt.h"
#include "tenderlint.h"

static const char *const S_formats[] = {"text", "json", NULL};
static const char *const S_revs[] = {"accept", "reject", "both", NULL};
static const tl_opt_spec S_specs[] = {
	{TL_OPT_VALUE, "ruleset", 'r', "PATH", "ruleset file (default: the built-in vng-2022)", NULL, NULL},
	{TL_OPT_VALUE, "format", 'f', "FORMAT", "text or json", "text", S_formats},
	{TL_OPT_VALUE, "revisions", 0, "VIEW", "tracked changes: accept, reject or both", "accept", S_revs},
	{TL_OPT_VALUE, "output", 'o', "FILE", "write to FILE instead of stdout", NULL, NULL},
	{TL_OPT_END, NULL, 0, NULL, NULL, NULL, NULL},
};
static const tl_opt_cmd S_cmd = {
	"compare", "[options] TENDER CONTRACT",
	"Finds the requirements a tender states and reports where the contract is weaker (e.g. 72 hours "
	"against 24), contradicts them, or is silent. Exit 1 when any is weaker, contradicted or silent.",
	S_specs};

int tl_cmd_compare(int argc, char **argv)
{
	tl_opts o;
	int prc = tl_opt_parse(&o, &S_cmd, argc, argv);
	if (prc != TL_OPT_OK) {
		tl_opt_free(&o);
		return prc == TL_OPT_HELP ? TL_EXIT_OK : TL_EXIT_USAGE;
	}
	if (o.nargs != 2) {
		tl_opt_usage_error(&S_cmd, "expected a tender and a contract");
		tl_opt_free(&o);
		return TL_EXIT_USAGE;
	}
	int rc = TL_EXIT_OK;
	tl_ruleset *rs = NULL;
	cJSON *docs[2] = {NULL, NULL}, *cmp = NULL;
	char msg[2048];
	tl_error err = TL_ERROR_INIT;
	if (tl_ruleset_load_for_check(&rs, tl_opt_str(&o, "ruleset"), &err) != 0) {
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint compare: cannot load the ruleset: %s\n", msg);
		rc = TL_EXIT_USAGE;
		goto done;
	}
	tl_check_options co = TL_CHECK_OPTIONS_INIT;
	const char *rv = tl_opt_str(&o, "revisions");
	co.read.revisions = !strcmp(rv, "reject") ? TL_REVISIONS_REJECT
	                    : !strcmp(rv, "both") ? TL_REVISIONS_BOTH : TL_REVISIONS_ACCEPT;
	for (int i = 0; i < 2; i++) {
		tl_error_clear(&err);
		if (tl_check_file(&docs[i], rs, o.args[i], &co, &err) != 0) {
			tl_error_format(&err, msg, sizeof msg);
			fprintf(stderr, "tenderlint compare: %s\n", msg);
			rc = docs[i] ? TL_EXIT_UNREADABLE : TL_EXIT_INTERNAL;
			goto done;
		}
	}
	cmp = tl_compare_reports(docs[0], docs[1]);
	if (!cmp) {
		rc = TL_EXIT_INTERNAL;
		goto done;
	}
	const char *path = tl_opt_str(&o, "output");
	FILE *out = path ? fopen(path, "w") : stdout;
	if (!out) {
		fprintf(stderr, "tenderlint compare: cannot write %s\n", path);
		rc = TL_EXIT_USAGE;
		goto done;
	}
	if (!strcmp(tl_opt_str(&o, "format"), "json")) {
		char *s = cJSON_Print(cmp);
		if (s)
			fprintf(out, "%s\n", s);
		free(s);
	} else {
		tl_compare_write_text(cmp, out);
	}
	if (out != stdout)
		fclose(out);
	const cJSON *sum = cJSON_GetObjectItemCaseSensitive(cmp, "summary");
	int gaps = 0;
	const char *keys[] = {"weaker", "contradicts", "silent"};
	for (int i = 0; i < 3; i++) {
		const cJSON *n = cJSON_GetObjectItemCaseSensitive(sum, keys[i]);
		gaps += cJSON_IsNumber(n) ? n->valueint : 0;
	}
	rc = gaps ? TL_EXIT_FINDINGS : TL_EXIT_OK;
done:
	cJSON_Delete(cmp);
	cJSON_Delete(docs[0]);
	cJSON_Delete(docs[1]);
	tl_ruleset_free(rs);
	tl_opt_free(&o);
	return rc;
}
