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
