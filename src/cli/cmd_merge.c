/* cmd_merge.c: `tenderlint merge REPORT...`: combines JSON or JSON Lines
 * reports (for example the shards of a national audit) into one report and
 * renders it in any format.  Shards made with another tool version or
 * ruleset are refused: their findings would not be comparable. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/exit.h"
#include "cli/opt.h"
#include "tenderlint.h"

static const char *const S_formats[] = {"text", "md", "html", "json", "jsonl", "sarif", "csv",
                                        "csv-long", NULL};
static const tl_opt_spec S_specs[] = {
	{TL_OPT_VALUE, "format", 'f', "FORMAT", "text, md, html, json, jsonl, sarif, csv, csv-long", "json", S_formats},
	{TL_OPT_VALUE, "output", 'o', "FILE", "write the merged report to FILE instead of stdout", NULL, NULL},
	{TL_OPT_VALUE, "lang", 'l', "LANG", "report language nl or en", NULL, NULL},
	{TL_OPT_END, NULL, 0, NULL, NULL, NULL, NULL},
};
static const tl_opt_cmd S_cmd = {
	"merge", "[options] REPORT...",
	"Combines JSON or JSON Lines reports (e.g. the outputs of `check --shard K/N`) into one report, "
	"documents sorted by path, and renders it.",
	S_specs};

static const char *S_get(const cJSON *o, const char *a, const char *b)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, a);
	const cJSON *y = x ? cJSON_GetObjectItemCaseSensitive(x, b) : NULL;
	return cJSON_IsString(y) ? y->valuestring : "";
}

static int S_cmp_doc(const void *a, const void *b)
{
	const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
	const cJSON *px = cJSON_GetObjectItemCaseSensitive(x, "path");
	const cJSON *py = cJSON_GetObjectItemCaseSensitive(y, "path");
	return strcmp(cJSON_IsString(px) ? px->valuestring : "", cJSON_IsString(py) ? py->valuestring : "");
}

int tl_cmd_merge(int argc, char **argv)
{
	tl_opts o;
	int prc = tl_opt_parse(&o, &S_cmd, argc, argv);
	if (prc != TL_OPT_OK) {
		tl_opt_free(&o);
		return prc == TL_OPT_HELP ? TL_EXIT_OK : TL_EXIT_USAGE;
	}
	if (!o.nargs) {
		tl_opt_usage_error(&S_cmd, "no reports to merge");
		tl_opt_free(&o);
		return TL_EXIT_USAGE;
	}
	int rc = TL_EXIT_OK;
	cJSON *merged = NULL;
	cJSON **all = NULL;
	size_t nall = 0, aall = 0;
	char msg[2048];
	for (size_t i = 0; i < o.nargs; i++) {
		cJSON *r = NULL;
		tl_error err = TL_ERROR_INIT;
		if (tl_report_read_file(&r, o.args[i], &err) != 0) {
			tl_error_format(&err, msg, sizeof msg);
			fprintf(stderr, "tenderlint merge: %s\n", msg);
			rc = TL_EXIT_USAGE;
			goto done;
		}
		if (!merged) {
			merged = r;
		} else {
			if (strcmp(S_get(r, "ruleset", "id"), S_get(merged, "ruleset", "id")) ||
			    strcmp(S_get(r, "ruleset", "version"), S_get(merged, "ruleset", "version")) ||
			    strcmp(S_get(r, "tool", "version"), S_get(merged, "tool", "version"))) {
				fprintf(stderr, "tenderlint merge: %s: made with ruleset %s %s / tenderlint %s, "
				                "but %s with ruleset %s %s / tenderlint %s\n",
				        o.args[i], S_get(r, "ruleset", "id"), S_get(r, "ruleset", "version"),
				        S_get(r, "tool", "version"), o.args[0], S_get(merged, "ruleset", "id"),
				        S_get(merged, "ruleset", "version"), S_get(merged, "tool", "version"));
				cJSON_Delete(r);
				rc = TL_EXIT_USAGE;
				goto done;
			}
			cJSON *docs = cJSON_DetachItemFromObjectCaseSensitive(r, "documents");
			cJSON *d = docs ? docs->child : NULL;
			cJSON *into = cJSON_GetObjectItemCaseSensitive(merged, "documents");
			while (d) {
				cJSON *next = d->next;
				cJSON_AddItemToArray(into, cJSON_DetachItemViaPointer(docs, d));
				d = next;
			}
			cJSON_Delete(docs);
			cJSON_Delete(r);
		}
	}
	/* documents sorted by path, so merged shards equal a single run */
	cJSON *docs = cJSON_GetObjectItemCaseSensitive(merged, "documents");
	for (cJSON *d = docs ? docs->child : NULL; d; d = d->next) {
		if (nall == aall) {
			aall = aall ? aall * 2 : 256;
			cJSON **na = realloc(all, aall * sizeof *na);
			if (!na) {
				rc = TL_EXIT_INTERNAL;
				goto done;
			}
			all = na;
		}
		all[nall++] = d;
	}
	if (nall > 1)
		qsort(all, nall, sizeof *all, S_cmp_doc);
	for (size_t i = 0; i < nall; i++)
		cJSON_DetachItemViaPointer(docs, all[i]);
	for (size_t i = 0; i < nall; i++)
		cJSON_AddItemToArray(docs, all[i]);
	/* an annex checked in another shard (or streamed as JSON Lines) is followed here */
	if (tl_annex_link(docs) < 0) {
		rc = TL_EXIT_INTERNAL;
		goto done;
	}

	tl_render_format fmt = TL_RENDER_JSON;
	tl_render_format_parse(tl_opt_str(&o, "format"), &fmt);
	const char *path = tl_opt_str(&o, "output");
	FILE *out = path ? fopen(path, "w") : stdout;
	if (!out) {
		fprintf(stderr, "tenderlint merge: cannot write %s\n", path);
		rc = TL_EXIT_USAGE;
		goto done;
	}
	tl_render_options ro = TL_RENDER_OPTIONS_INIT;
	ro.lang = tl_opt_str(&o, "lang");
	tl_error err = TL_ERROR_INIT;
	if (tl_render(merged, fmt, &ro, out, &err) != 0) {
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint merge: %s\n", msg);
		rc = TL_EXIT_INTERNAL;
	}
	if (out != stdout && fclose(out) != 0)
		rc = TL_EXIT_INTERNAL;
done:
	free(all);
	cJSON_Delete(merged);
	tl_opt_free(&o);
	return rc;
}
