/* cmd_extract.c: `tenderlint extract FILE...`: prints what the checker reads
 * (the clause tree, paragraphs, notes, comments, revision info) as text or
 * as JSON (docs/extract-format.md).  One result per input: a file that cannot
 * be read gets a jq-style message on stderr (and an error object in JSON),
 * the others are still printed; exit 3 when any input was unreadable. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/exit.h"
#include "cli/opt.h"
#include "tenderlint.h"

static const char *const S_formats[] = {"text", "json", NULL};
static const char *const S_views[] = {"accept", "reject", "both", NULL};
static const char *const S_inputs[] = {"auto", "docx", "odt", "fodt", "text", "markdown", NULL};

static const tl_opt_spec S_specs[] = {
	{TL_OPT_VALUE, "format", 'f', "FORMAT", "output format", "text", S_formats},
	{TL_OPT_VALUE, "revisions", 'r', "VIEW",
	 "tracked-change view: insertions in and deletions out, the text before the changes, or both",
	 "accept", S_views},
	{TL_OPT_VALUE, "input-format", 0, "FORMAT",
	 "read inputs as this format instead of detecting it", "auto", S_inputs},
	{TL_OPT_MULTI, "limit", 0, "NAME=VALUE", TL_OPT_LIMIT_HELP, NULL, NULL},
	{TL_OPT_FLAG, "quiet", 'q', NULL, "print nothing for unreadable files (the exit status still says)",
	 NULL, NULL},
	{TL_OPT_END, NULL, 0, NULL, NULL, NULL, NULL},
};

static const tl_opt_cmd S_cmd = {
	"extract", "[options] FILE...",
	"Prints the clause tree the checker reads: labels, titles and paragraphs with their kind\n"
	"(heading, table cell, text box, ...), then footnotes, comments and headers/footers apart,\n"
	"and the tracked-change view.  The format is detected from the content: DOCX, ODT, flat\n"
	"ODT, plain text or Markdown.  FILE '-' reads standard input.\n"
	"Exit status: 0 all read, 2 usage error, 3 some input could not be read, 4 internal error.",
	S_specs};

static tl_format S_input_format(const char *s)
{
	static const struct {
		const char *name;
		tl_format f;
	} m[] = {{"docx", TL_FORMAT_DOCX}, {"odt", TL_FORMAT_ODT}, {"fodt", TL_FORMAT_FODT},
	         {"text", TL_FORMAT_TEXT}, {"markdown", TL_FORMAT_MARKDOWN}};
	for (size_t i = 0; s && i < sizeof m / sizeof m[0]; i++)
		if (!strcmp(s, m[i].name))
			return m[i].f;
	return TL_FORMAT_UNKNOWN;
}

static void S_json_error(const char *path, const tl_error *err)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return;
	cJSON_AddStringToObject(o, "path", path);
	cJSON *e = cJSON_AddObjectToObject(o, "error");
	if (e) {
		cJSON_AddStringToObject(e, "code", tl_code_name(err->code));
		cJSON_AddStringToObject(e, "message", err->message);
		if (err->part[0])
			cJSON_AddStringToObject(e, "part", err->part);
		else
			cJSON_AddNullToObject(e, "part");
		if (err->line > 0)
			cJSON_AddNumberToObject(e, "line", (double)err->line);
		else
			cJSON_AddNullToObject(e, "line");
	}
	char *s = cJSON_PrintUnformatted(o);
	if (s) {
		printf("%s\n", s);
		cJSON_free(s);
	}
	cJSON_Delete(o);
}

int tl_cmd_extract(int argc, char **argv)
{
	tl_opts o;
	int rc = tl_opt_parse(&o, &S_cmd, argc, argv);
	tl_read_options ro = TL_READ_OPTIONS_INIT;
	if (rc == TL_OPT_OK && o.nargs == 0)
		rc = tl_opt_usage_error(&S_cmd, "no input files");
	if (rc == TL_OPT_OK)
		rc = tl_opt_limits(&o, "limit", &ro.limits);
	if (rc != TL_OPT_OK) {
		tl_opt_free(&o);
		return rc == TL_OPT_HELP ? TL_EXIT_OK : TL_EXIT_USAGE;
	}
	int json = !strcmp(tl_opt_str(&o, "format"), "json");
	const char *view = tl_opt_str(&o, "revisions");
	ro.revisions = !strcmp(view, "reject") ? TL_REVISIONS_REJECT
	             : !strcmp(view, "both")   ? TL_REVISIONS_BOTH
	                                       : TL_REVISIONS_ACCEPT;
	ro.format = S_input_format(tl_opt_str(&o, "input-format"));
	int quiet = tl_opt_flag(&o, "quiet");
	int status = TL_EXIT_OK;
	for (size_t i = 0; i < o.nargs; i++) {
		const char *path = o.args[i];
		tl_document *doc = NULL;
		tl_error err = TL_ERROR_INIT;
		int r = tl_document_read(&doc, path, &ro, &err);
		if (r) {
			if (!quiet) {
				char msg[TL_ERROR_MSG_MAX + TL_ERROR_PATH_MAX + TL_ERROR_PART_MAX + 64];
				tl_error_format(&err, msg, sizeof msg);
				fprintf(stderr, "%s\n", msg);
			}
			if (json)
				S_json_error(path, &err);
			if (r == TL_ENOMEM || r == TL_EINTERNAL)
				status = TL_EXIT_INTERNAL;
			else if (status == TL_EXIT_OK)
				status = TL_EXIT_UNREADABLE;
			continue;
		}
		if (!json && i > 0)
			putchar('\n');
		int w = json ? tl_document_write_json(doc, stdout) : tl_document_write_text(doc, stdout);
		tl_document_free(doc);
		if (w) {
			fprintf(stderr, "tenderlint extract: %s: cannot write the output [%s]\n", path,
			        tl_code_name(w));
			status = TL_EXIT_INTERNAL;
			break;
		}
	}
	tl_opt_free(&o);
	if (fflush(stdout) != 0 && status == TL_EXIT_OK)
		status = TL_EXIT_INTERNAL;
	return status;
}
