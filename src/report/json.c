/* json.c: the report model as JSON (pretty, as is) and as JSON Lines (a
 * header line, then one compact line per document, so a batch can stream). */
#include <stdlib.h>
#include <string.h>

#include "report/render.h"

static int S_put_json(const cJSON *v, int pretty, FILE *out, tl_error *err)
{
	char *s = pretty ? cJSON_Print(v) : cJSON_PrintUnformatted(v);
	if (!s)
		return tl_error_set(err, TL_ENOMEM, "render json: out of memory");
	fputs(s, out);
	fputc('\n', out);
	free(s);
	return 0;
}

int tl_render_json(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err)
{
	(void)o;
	int rc = S_put_json(report, 1, out, err);
	return rc ? rc : tl_render_check_stream(out, err);
}

/* cJSON_Print(v) with `depth` tabs after each line break: v as it stands
 * `depth` levels down in a pretty-printed tree.  A string never holds a raw
 * line break (cJSON escapes it), so every one is layout.  The tabs go in
 * place, from the end backwards, so a large document is not copied twice. */
static char *S_print_at(const cJSON *v, int depth, size_t *len)
{
	char *s = cJSON_Print(v);
	if (!s)
		return NULL;
	size_t n = strlen(s), lines = 0;
	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
		lines++;
	size_t extra = lines * (size_t)depth;
	char *o = extra ? realloc(s, n + extra + 1) : s;
	if (!o) {
		free(s);
		return NULL;
	}
	char *r = o + n, *w = o + n + extra;
	*w = '\0';
	while (w > r) {
		char *nl = r;
		while (nl[-1] != '\n')
			nl--;
		size_t tail = (size_t)(r - nl);
		w -= tail;
		memmove(w, nl, tail);
		w -= depth;
		memset(w, '\t', (size_t)depth);
		r = nl - 1; /* the line break stays where it is when w meets r */
		*--w = '\n';
	}
	*len = n + extra;
	return o;
}

char *tl_render_json_head(const cJSON *report, size_t *len)
{
	static const char tail[] = "[]\n}";
	const cJSON *last = report && cJSON_IsObject(report) && report->child ? report->child->prev : NULL;
	/* the report's documents are its last member, so the head is all before them */
	if (!last || !last->string || strcmp(last->string, "documents") != 0 || !cJSON_IsArray(last))
		return NULL;
	cJSON *v = cJSON_CreateObject();
	const cJSON *m;
	int ok = v != NULL;
	cJSON_ArrayForEach(m, report)
	{
		if (!ok || m == last)
			break;
		ok = cJSON_AddItemReferenceToObject(v, m->string, (cJSON *)m);
	}
	ok = ok && cJSON_AddArrayToObject(v, "documents");
	char *s = ok ? cJSON_Print(v) : NULL;
	cJSON_Delete(v);
	size_t n = s ? strlen(s) : 0;
	if (!s || n < sizeof tail - 1 || strcmp(s + n - (sizeof tail - 1), tail) != 0) {
		free(s);
		return NULL;
	}
	n -= sizeof tail - 2; /* keep the '[' */
	s[n] = '\0';
	*len = n;
	return s;
}

char *tl_render_json_document(const cJSON *document, size_t *len)
{
	return S_print_at(document, 2, len);
}

/* A shallow object whose members are references to `src`'s members after a
 * leading "type" member; `skip` names one member to leave out.  References
 * are not freed with the wrapper, so the caller's tree is never touched. */
static cJSON *S_typed_view(const cJSON *src, const char *type, const char *skip)
{
	cJSON *o = cJSON_CreateObject();
	const cJSON *m;
	if (!o || !cJSON_AddStringToObject(o, "type", type)) {
		cJSON_Delete(o);
		return NULL;
	}
	cJSON_ArrayForEach(m, src)
	{
		if (!m->string || !strcmp(m->string, "type") || (skip && !strcmp(m->string, skip)))
			continue;
		if (!cJSON_AddItemReferenceToObject(o, m->string, (cJSON *)m)) {
			cJSON_Delete(o);
			return NULL;
		}
	}
	return o;
}

static int S_typed_line(const cJSON *src, const char *type, const char *skip, FILE *out,
                        tl_error *err)
{
	if (!cJSON_IsObject(src))
		return tl_error_set(err, TL_EINVAL, "render jsonl: a %s is not a JSON object", type);
	cJSON *v = S_typed_view(src, type, skip);
	if (!v)
		return tl_error_set(err, TL_ENOMEM, "render jsonl: out of memory");
	int rc = S_put_json(v, 0, out, err);
	cJSON_Delete(v);
	return rc;
}

int tl_render_jsonl_header(const cJSON *report, FILE *out, tl_error *err)
{
	int rc = S_typed_line(report, "header", "documents", out, err);
	return rc ? rc : tl_render_check_stream(out, err);
}

char *tl_render_jsonl_header_text(const cJSON *report, size_t *len)
{
	cJSON *v = cJSON_IsObject(report) ? S_typed_view(report, "header", "documents") : NULL;
	char *s = v ? cJSON_PrintUnformatted(v) : NULL;
	cJSON_Delete(v);
	size_t n = s ? strlen(s) : 0;
	char *o = s ? realloc(s, n + 2) : NULL;
	if (!o) {
		free(s);
		return NULL;
	}
	o[n] = '\n';
	o[n + 1] = '\0';
	*len = n + 1;
	return o;
}

int tl_render_jsonl_document(const cJSON *document, FILE *out, tl_error *err)
{
	int rc = S_typed_line(document, "document", NULL, out, err);
	return rc ? rc : tl_render_check_stream(out, err);
}

int tl_render_jsonl(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err)
{
	const cJSON *d;
	(void)o;
	int rc = S_typed_line(report, "header", "documents", out, err);
	cJSON_ArrayForEach(d, tl_rj_arr(report, "documents"))
	{
		if (rc)
			break;
		rc = S_typed_line(d, "document", NULL, out, err);
	}
	return rc ? rc : tl_render_check_stream(out, err);
}
