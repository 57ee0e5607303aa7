/* cmd_render.c: `tenderlint render` re-renders a saved report (JSON, or JSON
 * Lines as written by --format jsonl) in any output format, and writes the
 * contract back with comments and tracked changes (--redline). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/exit.h"
#include "tenderlint.h"


static void S_usage(FILE *f)
{
	fprintf(f,
	        "usage: tenderlint render [options] REPORT.json|-\n"
	        "       tenderlint render --redline OUT --input CONTRACT [--document N] REPORT.json\n\n"
	        "options:\n"
	        "  --format F       text, md, html, json, jsonl, sarif, csv, csv-long (default text)\n"
	        "  --lang L         report language nl or en (default: each document's language)\n"
	        "  --color          ANSI colour in text output (default: on a TTY unless NO_COLOR is set)\n"
	        "  --no-color       no colour\n"
	        "  -o, --output F   write to F instead of standard output\n"
	        "  --redline OUT    write CONTRACT back with a comment per gap and the suggested\n"
	        "                   clauses as tracked insertions (DOCX -> .docx, ODT -> .odt)\n"
	        "  --input F        the contract the report was made from (with --redline)\n"
	        "  --document N     which documents[] entry (0-based) when the report has several;\n"
	        "                   default: the one whose path equals --input, else the only one\n");
}

static const cJSON *S_pick_doc(const cJSON *report, const char *input, long want)
{
	const cJSON *docs = cJSON_GetObjectItemCaseSensitive(report, "documents"), *d;
	if (want >= 0)
		return cJSON_GetArrayItem(docs, (int)want);
	cJSON_ArrayForEach(d, docs)
	{
		const cJSON *p = cJSON_GetObjectItemCaseSensitive(d, "path");
		if (cJSON_IsString(p) && !strcmp(p->valuestring, input))
			return d;
	}
	return cJSON_GetArraySize(docs) == 1 ? cJSON_GetArrayItem(docs, 0) : NULL;
}

int tl_cmd_render(int argc, char **argv)
{
	tl_render_options ro = TL_RENDER_OPTIONS_INIT;
	tl_render_format fmt = TL_RENDER_TEXT;
	const char *report_path = NULL, *output = NULL, *redline = NULL, *input = NULL;
	int color = -1;
	long docno = -1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			S_usage(stdout);
			return TL_EXIT_OK;
		} else if (!strcmp(a, "--format") && val) {
			if (tl_render_format_parse(val, &fmt)) {
				fprintf(stderr, "tenderlint render: unknown format '%s'\n", val);
				return TL_EXIT_USAGE;
			}
			i++;
		} else if (!strcmp(a, "--lang") && val) {
			if (strcmp(val, "nl") && strcmp(val, "en")) {
				fprintf(stderr, "tenderlint render: --lang takes nl or en\n");
				return TL_EXIT_USAGE;
			}
			ro.lang = val;
			i++;
		} else if (!strcmp(a, "--color")) {
			color = 1;
		} else if (!strcmp(a, "--no-color")) {
			color = 0;
		} else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && val) {
			output = val;
			i++;
		} else if (!strcmp(a, "--redline") && val) {
			redline = val;
			i++;
		} else if (!strcmp(a, "--input") && val) {
			input = val;
			i++;
		} else if (!strcmp(a, "--document") && val) {
			char *end;
			docno = strtol(val, &end, 10);
			if (*end || docno < 0) {
				fprintf(stderr, "tenderlint render: --document takes a number\n");
				return TL_EXIT_USAGE;
			}
			i++;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "tenderlint render: unknown option or missing value: %s\n", a);
			S_usage(stderr);
			return TL_EXIT_USAGE;
		} else if (!report_path) {
			report_path = a;
		} else {
			fprintf(stderr, "tenderlint render: one report at a time\n");
			return TL_EXIT_USAGE;
		}
	}
	if (!report_path || (redline && !input)) {
		S_usage(stderr);
		return TL_EXIT_USAGE;
	}
	tl_error err = TL_ERROR_INIT;
	cJSON *report = NULL;
	/* one JSON object, or JSON Lines: a "header" line and "document" lines */
	if (tl_report_read_file(&report, report_path, &err) != 0 || !cJSON_IsObject(report)) {
		char msg[2048];
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint render: %s is not a JSON report or JSON Lines: %s\n", report_path,
		        msg);
		cJSON_Delete(report);
		return TL_EXIT_USAGE;
	}
	tl_error_clear(&err);
	int rc;
	if (redline) {
		const cJSON *doc = S_pick_doc(report, input, docno);
		if (!doc) {
			fprintf(stderr, "tenderlint render: no document in the report for %s (use --document)\n",
			        input);
			cJSON_Delete(report);
			return TL_EXIT_USAGE;
		}
		rc = tl_redline_write(doc, input, redline, &ro, &err);
	} else {
		FILE *out = output ? fopen(output, "wb") : stdout;
		if (!out) {
			fprintf(stderr, "tenderlint render: cannot write %s\n", output);
			cJSON_Delete(report);
			return TL_EXIT_USAGE;
		}
		if (color < 0)
			color = !output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
		if (color)
			ro.flags |= TL_RENDER_F_COLOR;
		rc = tl_render(report, fmt, &ro, out, &err);
		if (output && fclose(out) != 0 && !rc)
			rc = tl_error_set(&err, TL_EIO, "cannot write %s", output);
	}
	cJSON_Delete(report);
	if (rc) {
		char msg[2048];
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint render: %s\n", msg);
		return rc == TL_ENOMEM ? TL_EXIT_INTERNAL : rc == TL_EINVAL ? TL_EXIT_USAGE : TL_EXIT_UNREADABLE;
	}
	return TL_EXIT_OK;
}
