/* csv.c: CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when
 * they hold a comma, quote, CR or LF, quotes doubled).
 *  matrix: a row per document, a column per requirement, status values;
 *  long:   a row per finding: document, rule, status, severity, clause, quote,
 *          paragraph, waived.
 * A field that starts with = + - @ or a tab gets a leading apostrophe, so a
 * spreadsheet never runs a quote from a contract as a formula. */
#include <stdlib.h>
#include <string.h>

#include "report/render.h"

static void S_field(FILE *out, const char *s, int first)
{
	if (!first)
		fputc(',', out);
	if (!s || !*s)
		return;
	int guard = strchr("=+-@\t", s[0]) != NULL;
	int quote = guard || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (guard)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void S_eol(FILE *out)
{
	fputs("\r\n", out);
}

/* Column order: the report's rules[], then any rule only findings name. */
static int S_columns(const cJSON *report, const char ***out, size_t *n)
{
	size_t cap = 16, len = 0;
	const char **cols = malloc(cap * sizeof *cols);
	const cJSON *r, *d, *f;
	if (!cols)
		return TL_ENOMEM;
#define S_ADD(id_)                                                       \
	do {                                                             \
		const char *id = (id_);                                  \
		int dup = 0;                                             \
		for (size_t i = 0; id && i < len && !dup; i++)           \
			dup = !strcmp(cols[i], id);                      \
		if (!id || dup)                                          \
			break;                                           \
		if (len == cap) {                                        \
			const char **nc = realloc(cols, 2 * cap * sizeof *nc); \
			if (!nc) {                                       \
				free(cols);                              \
				return TL_ENOMEM;                        \
			}                                                \
			cols = nc;                                       \
			cap *= 2;                                        \
		}                                                        \
		cols[len++] = id;                                        \
	} while (0)
	cJSON_ArrayForEach(r, tl_rj_arr(report, "rules")) S_ADD(tl_rj_str(r, "id"));
	cJSON_ArrayForEach(d, tl_rj_arr(report, "documents"))
	{
		cJSON_ArrayForEach(f, tl_rj_arr(d, "findings")) S_ADD(tl_rj_str(f, "rule"));
	}
#undef S_ADD
	*out = cols;
	*n = len;
	return 0;
}

static const cJSON *S_finding(const cJSON *doc, const char *rule)
{
	const cJSON *f;
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		const char *r = tl_rj_str(f, "rule");
		if (r && !strcmp(r, rule))
			return f;
	}
	return NULL;
}

static int S_matrix(const cJSON *report, FILE *out, tl_error *err)
{
	const char **cols;
	size_t ncols;
	const cJSON *d;
	if (S_columns(report, &cols, &ncols))
		return tl_error_set(err, TL_ENOMEM, "render csv: out of memory");
	S_field(out, "document", 1);
	S_field(out, "format", 0);
	S_field(out, "language", 0);
	S_field(out, "error", 0);
	for (size_t i = 0; i < ncols; i++)
		S_field(out, cols[i], 0);
	S_eol(out);
	cJSON_ArrayForEach(d, tl_rj_arr(report, "documents"))
	{
		const cJSON *e = tl_rj_obj(d, "error");
		S_field(out, tl_rj_str(d, "path"), 1);
		S_field(out, tl_rj_str(d, "format"), 0);
		S_field(out, tl_rj_str(d, "language"), 0);
		S_field(out, tl_rj_str(e, "code"), 0);
		for (size_t i = 0; i < ncols; i++) {
			const cJSON *f = e ? NULL : S_finding(d, cols[i]);
			char cell[64] = "";
			if (f)
				snprintf(cell, sizeof cell, "%s%s", tl_status_key(tl_finding_status(f)),
				         tl_finding_waived(f) ? ";waived" : "");
			S_field(out, cell, 0);
		}
		S_eol(out);
	}
	free(cols);
	return tl_render_check_stream(out, err);
}

static int S_long(const cJSON *report, FILE *out, tl_error *err)
{
	const cJSON *d, *f;
	static const char *const head[] = {"document", "rule",  "status",    "severity",
	                                   "clause",   "quote", "paragraph", "waived"};
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		S_field(out, head[i], i == 0);
	S_eol(out);
	cJSON_ArrayForEach(d, tl_rj_arr(report, "documents"))
	{
		const char *path = tl_rj_str(d, "path");
		const cJSON *e = tl_rj_obj(d, "error");
		if (e) {
			tl_buf b = TL_BUF_INIT(1 << 16);
			tl_buf_printf(&b, "%s: %s", tl_rj_str(e, "code") ? tl_rj_str(e, "code") : "?",
			              tl_rj_str(e, "message") ? tl_rj_str(e, "message") : "");
			S_field(out, path, 1);
			S_field(out, "", 0);
			S_field(out, "error", 0);
			S_field(out, "", 0);
			S_field(out, "", 0);
			S_field(out, b.data, 0);
			S_field(out, "", 0);
			S_field(out, "", 0);
			S_eol(out);
			tl_buf_free(&b);
			continue;
		}
		cJSON_ArrayForEach(f, tl_rj_arr(d, "findings"))
		{
			const cJSON *ev = tl_finding_main_evidence(f);
			long para = tl_rj_long(ev, "para", -1);
			char num[24] = "";
			if (para >= 0)
				snprintf(num, sizeof num, "%ld", para);
			S_field(out, path, 1);
			S_field(out, tl_rj_str(f, "rule"), 0);
			S_field(out, tl_status_key(tl_finding_status(f)), 0);
			S_field(out, tl_rj_str(f, "severity"), 0);
			S_field(out, tl_rj_str(ev, "clause"), 0);
			S_field(out, tl_rj_str(ev, "quote"), 0);
			S_field(out, num, 0);
			S_field(out, tl_finding_waived(f) ? "yes" : "no", 0);
			S_eol(out);
		}
	}
	return tl_render_check_stream(out, err);
}

int tl_render_csv(const cJSON *report, int long_format, const tl_render_options *o, FILE *out,
                  tl_error *err)
{
	(void)o;
	return long_format ? S_long(report, out, err) : S_matrix(report, out, err);
}
