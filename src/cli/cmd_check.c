/* cmd_check.c: `tenderlint check FILE...` -- thin: options, then per file
 * tl_check_file (the library does the work), then tl_render.  Exit codes
 * are in exit.h and docs/exit-codes.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/exit.h"
#include "cli/opt.h"
#include "tenderlint.h"

static const char *const S_formats[] = {"text", "md", "html", "json", "jsonl", "sarif", "csv",
                                        "csv-long", NULL};
static const char *const S_revs[] = {"accept", "reject", "both", NULL};
static const char *const S_langs[] = {"nl", "en", NULL};
static const char *const S_fail[] = {"violated", "partial", "missing", "critical", "high", "medium",
                                     "low", "info", "never", NULL};

static const tl_opt_spec S_specs[] = {
	{TL_OPT_VALUE, "ruleset", 'r', "PATH", "ruleset file (default: the built-in vng-2022)", NULL, NULL},
	{TL_OPT_VALUE, "format", 'f', "FORMAT", "text, md, html, json, jsonl, sarif, csv, csv-long", "text", S_formats},
	{TL_OPT_VALUE, "revisions", 0, "VIEW", "tracked changes: accept, reject or both", "accept", S_revs},
	{TL_OPT_VALUE, "lang", 'l', "LANG", "report language nl or en (default: each document's)", NULL, S_langs},
	{TL_OPT_MULTI, "context", 0, "TAG", "force a context tag on (repeatable)", NULL, NULL},
	{TL_OPT_MULTI, "no-context", 0, "TAG", "force a context tag off (repeatable)", NULL, NULL},
	{TL_OPT_VALUE, "fail-on", 0, "LEVEL",
	 "exit 1 on a status (violated, partial, missing) or a gap of at least a severity (critical ... info); never",
	 "violated", S_fail},
	{TL_OPT_VALUE, "output", 'o', "FILE", "write the report to FILE instead of stdout", NULL, NULL},
	{TL_OPT_FLAG, "color", 0, NULL, "ANSI colour in the text report", NULL, NULL},
	{TL_OPT_END, NULL, 0, NULL, NULL, NULL, NULL},
};

static const tl_opt_cmd S_cmd = {
	"check", "[options] FILE...",
	"Checks contracts, tenders and vendor terms (DOCX, ODT, text) against a ruleset and reports, "
	"per document and requirement, met / partial / violated / missing / not_applicable with the "
	"clauses that show it and a suggested clause for each gap.",
	S_specs};

static int S_rank_status(const char *s)
{
	if (!s)
		return 0;
	if (!strcmp(s, "violated"))
		return 3;
	if (!strcmp(s, "partial"))
		return 2;
	if (!strcmp(s, "missing"))
		return 1;
	return 0;
}

static int S_rank_sev(const char *s)
{
	static const char *const n[] = {"info", "low", "medium", "high", "critical"};
	for (int i = 0; s && i < 5; i++)
		if (!strcmp(s, n[i]))
			return i + 1;
	return 0;
}

/* 1 when a finding reaches the --fail-on level. */
static int S_fails(const cJSON *doc, const char *level)
{
	if (!strcmp(level, "never"))
		return 0;
	int want_status = S_rank_status(level), want_sev = S_rank_sev(level);
	const cJSON *f;
	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(doc, "findings"))
	{
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "waived")))
			continue;
		const cJSON *st = cJSON_GetObjectItemCaseSensitive(f, "status");
		const cJSON *sv = cJSON_GetObjectItemCaseSensitive(f, "severity");
		int s = S_rank_status(cJSON_IsString(st) ? st->valuestring : NULL);
		if (want_status && s >= want_status)
			return 1;
		if (want_sev && s > 0 && S_rank_sev(cJSON_IsString(sv) ? sv->valuestring : NULL) >= want_sev)
			return 1;
	}
	return 0;
}

int tl_cmd_check(int argc, char **argv)
{
	tl_opts o;
	int prc = tl_opt_parse(&o, &S_cmd, argc, argv);
	if (prc != TL_OPT_OK) {
		tl_opt_free(&o);
		return prc == TL_OPT_HELP ? TL_EXIT_OK : TL_EXIT_USAGE;
	}
	if (!o.nargs) {
		tl_opt_usage_error(&S_cmd, "no input files");
		tl_opt_free(&o);
		return TL_EXIT_USAGE;
	}
	tl_render_format fmt = TL_RENDER_TEXT;
	tl_render_format_parse(tl_opt_str(&o, "format"), &fmt);
	tl_check_options co = TL_CHECK_OPTIONS_INIT;
	const char *rv = tl_opt_str(&o, "revisions");
	co.read.revisions = !strcmp(rv, "reject") ? TL_REVISIONS_REJECT
	                    : !strcmp(rv, "both") ? TL_REVISIONS_BOTH : TL_REVISIONS_ACCEPT;
	co.report_lang = tl_opt_str(&o, "lang");
	/* --context TAG -> "TAG", --no-context TAG -> "!TAG" */
	const tl_opt_value *on = tl_opt_get(&o, "context"), *off = tl_opt_get(&o, "no-context");
	size_t nf = (on ? on->nvalues : 0) + (off ? off->nvalues : 0);
	const char **force = calloc(nf + 1, sizeof *force);
	char **offs = calloc(nf + 1, sizeof *offs);
	int rc = TL_EXIT_OK;
	tl_ruleset *rs = NULL;
	cJSON *report = NULL;
	FILE *out = stdout;
	if (!force || !offs) {
		rc = TL_EXIT_INTERNAL;
		goto done;
	}
	size_t k = 0;
	for (size_t i = 0; on && i < on->nvalues; i++)
		force[k++] = on->values[i];
	for (size_t i = 0; off && i < off->nvalues; i++) {
		size_t n = strlen(off->values[i]) + 2;
		offs[i] = malloc(n);
		if (!offs[i]) {
			rc = TL_EXIT_INTERNAL;
			goto done;
		}
		snprintf(offs[i], n, "!%s", off->values[i]);
		force[k++] = offs[i];
	}
	co.force_contexts = nf ? force : NULL;

	tl_error err = TL_ERROR_INIT;
	char msg[2048];
	if (tl_ruleset_load(&rs, tl_opt_str(&o, "ruleset"), &err) != 0) {
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint check: cannot load the ruleset: %s\n", msg);
		rc = err.code == TL_ENOMEM ? TL_EXIT_INTERNAL : TL_EXIT_USAGE;
		goto done;
	}
	for (size_t i = 0; i < nf; i++) {
		const char *tag = force[i][0] == '!' ? force[i] + 1 : force[i];
		if (!tl_ruleset_has_context(rs, tag)) {
			tl_opt_usage_error(&S_cmd, "the ruleset has no context '%s'", tag);
			rc = TL_EXIT_USAGE;
			goto done;
		}
	}
	if (tl_report_new(&report, rs, &err) != 0) {
		rc = TL_EXIT_INTERNAL;
		goto done;
	}
	cJSON *docs = cJSON_GetObjectItemCaseSensitive(report, "documents");
	int unreadable = 0, failing = 0;
	const char *level = tl_opt_str(&o, "fail-on");
	for (size_t i = 0; i < o.nargs; i++) {
		cJSON *d = NULL;
		tl_error_clear(&err);
		int crc = tl_check_file(&d, rs, o.args[i], &co, &err);
		if (!d) {
			fprintf(stderr, "tenderlint check: %s: out of memory\n", o.args[i]);
			rc = TL_EXIT_INTERNAL;
			goto done;
		}
		if (crc) {
			tl_error_format(&err, msg, sizeof msg);
			fprintf(stderr, "tenderlint check: %s\n", msg);
			unreadable = 1;
		}
		failing |= S_fails(d, level);
		cJSON_AddItemToArray(docs, d);
	}
	const char *path = tl_opt_str(&o, "output");
	if (path && !(out = fopen(path, "w"))) {
		fprintf(stderr, "tenderlint check: cannot write %s\n", path);
		out = stdout;
		rc = TL_EXIT_USAGE;
		goto done;
	}
	tl_render_options ro = TL_RENDER_OPTIONS_INIT;
	ro.lang = co.report_lang;
	if (tl_opt_flag(&o, "color"))
		ro.flags |= TL_RENDER_F_COLOR;
	if (tl_render(report, fmt, &ro, out, &err) != 0) {
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint check: %s\n", msg);
		rc = TL_EXIT_INTERNAL;
		goto done;
	}
	rc = unreadable ? TL_EXIT_UNREADABLE : failing ? TL_EXIT_FINDINGS : TL_EXIT_OK;
done:
	if (out != stdout && fclose(out) != 0 && rc == TL_EXIT_OK)
		rc = TL_EXIT_INTERNAL;
	for (size_t i = 0; offs && i < nf; i++)
		free(offs[i]);
	free(offs);
	free(force);
	cJSON_Delete(report);
	tl_ruleset_free(rs);
	tl_opt_free(&o);
	return rc;
}
