/* write.c: tl_document_write_text / tl_document_write_json, what
 * `tenderlint extract` prints (docs/extract-format.md).
 *
 * Both stream: one paragraph at a time, so a 200,000-paragraph document
 * never becomes one big cJSON tree or string. */
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"

/* ---- text ---- */

static int S_depth(const tl_document *doc, const tl_para *p)
{
	if (p->clause < 0 || (size_t)p->clause >= doc->nclause)
		return 0;
	const tl_clause *c = &doc->clauses[p->clause];
	int d = c->level > 0 ? c->level : 1;
	return c->first_para == p->index ? d - 1 : d;
}

static void S_flags_text(FILE *out, uint32_t f)
{
	if (f & TL_PARA_F_INSERTED)
		fputs("[ins] ", out);
	if (f & TL_PARA_F_DELETED)
		fputs("[del] ", out);
	if (f & TL_PARA_F_HIDDEN)
		fputs("[hidden] ", out);
	if (f & TL_PARA_F_TOC)
		fputs("[toc] ", out);
}

static void S_text_para(const tl_document *doc, const tl_para *p, FILE *out)
{
	fprintf(out, "%6d  ", p->index);
	int depth = S_depth(doc, p);
	for (int i = 0; i < depth && i < 12; i++)
		fputs("    ", out);
	switch (p->kind) {
	case TL_PARA_HEADING:
		fprintf(out, "#%d ", p->outline > 0 ? p->outline : 1);
		break;
	case TL_PARA_CELL:
		fprintf(out, "[cell %d:%d:%d] ", p->table, p->row, p->col);
		break;
	case TL_PARA_TEXTBOX:
		fputs("[textbox] ", out);
		break;
	default:
		break;
	}
	S_flags_text(out, p->flags);
	/* a typed label is still part of the text */
	if (p->label && !(p->flags & TL_PARA_F_LABEL_TYPED))
		fprintf(out, "%s ", p->label);
	fprintf(out, "%s\n", p->text);
}

static void S_text_apart(const tl_document *doc, FILE *out, const char *title,
                         int (*want)(tl_para_kind))
{
	int any = 0;
	for (size_t i = 0; i < doc->npara; i++) {
		const tl_para *p = &doc->paras[i];
		if (!want(p->kind))
			continue;
		if (!any++)
			fprintf(out, "\n%s:\n", title);
		fprintf(out, "%6d  [%s", p->index, tl_para_kind_name(p->kind));
		if (p->note_id)
			fprintf(out, " %s", p->note_id);
		if (p->author)
			fprintf(out, " by %s", p->author);
		if (p->ref >= 0 && p->ref_end > p->ref)
			fprintf(out, " on %d..%d", p->ref, p->ref_end);
		else if (p->ref >= 0)
			fprintf(out, " on %d", p->ref);
		fputs("] ", out);
		S_flags_text(out, p->flags);
		if (p->label && !(p->flags & TL_PARA_F_LABEL_TYPED))
			fprintf(out, "%s ", p->label);
		fprintf(out, "%s\n", p->text);
	}
}

static int S_is_note(tl_para_kind k) { return k == TL_PARA_FOOTNOTE || k == TL_PARA_ENDNOTE; }
static int S_is_comment(tl_para_kind k) { return k == TL_PARA_COMMENT; }
static int S_is_hf(tl_para_kind k) { return k == TL_PARA_HEADER || k == TL_PARA_FOOTER; }
static int S_is_main(tl_para_kind k) { return !S_is_note(k) && !S_is_comment(k) && !S_is_hf(k); }

static void S_revisions_text(const tl_document *doc, FILE *out)
{
	const tl_revision_info *r = &doc->rev;
	fprintf(out, "revisions: %s view", tl_revisions_name(r->view));
	if (r->pending == 0) {
		fputs("; no tracked changes\n", out);
		return;
	}
	fprintf(out, "; %d tracked changes (%d insertions, %d deletions, %d moves, %d format changes)",
	        r->pending, r->insertions, r->deletions, r->moves, r->format_changes);
	for (int32_t i = 0; i < r->nauthors; i++)
		fprintf(out, "%s%s", i ? ", " : " by ", r->authors[i]);
	fputc('\n', out);
}

int tl_document_write_text(const tl_document *doc, FILE *out)
{
	fprintf(out, "document: %s\nformat: %s\n", doc->path, tl_format_name(doc->format));
	if (doc->title)
		fprintf(out, "title: %s\n", doc->title);
	S_revisions_text(doc, out);
	fprintf(out, "paragraphs: %zu, clauses: %zu\n\n", doc->npara, doc->nclause);
	for (size_t i = 0; i < doc->npara; i++)
		if (S_is_main(doc->paras[i].kind))
			S_text_para(doc, &doc->paras[i], out);
	S_text_apart(doc, out, "footnotes and endnotes", S_is_note);
	S_text_apart(doc, out, "comments (not contract text)", S_is_comment);
	S_text_apart(doc, out, "headers and footers", S_is_hf);
	return ferror(out) ? TL_EIO : 0;
}

/* ---- JSON ---- */

static cJSON *S_str_or_null(const char *s) { return s ? cJSON_CreateString(s) : cJSON_CreateNull(); }

/* A JSON string (RFC 8259): the text is valid UTF-8 already (the readers
 * guarantee it), so only quotes, backslashes and control characters need
 * escaping.  Paragraphs are written directly rather than through cJSON
 * objects: a 200,000-paragraph document would otherwise build and free
 * millions of small nodes.  `cjson` escapes \b and \f by name, as
 * cJSON_Print does, so a clause reads the same as when it was printed
 * through a cJSON object. */
static void S_json_str_as(FILE *out, const char *s, int cjson)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	putc('"', out);
	const char *run = s;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		fwrite(run, 1, (size_t)(s - run), out);
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\r': fputs("\\r", out); break;
		case '\b':
		case '\f':
			if (cjson) {
				fputs(c == '\b' ? "\\b" : "\\f", out);
				break;
			}
			/* fall through */
		default: fprintf(out, "\\u%04x", c); break;
		}
		run = s + 1;
	}
	fwrite(run, 1, (size_t)(s - run), out);
	putc('"', out);
}

static void S_json_str(FILE *out, const char *s) { S_json_str_as(out, s, 0); }
static void S_cjson_str(FILE *out, const char *s) { S_json_str_as(out, s, 1); }

/* A decimal integer, as printf's %d writes it, without printf. */
static void S_put_int(FILE *out, int32_t v)
{
	char b[16];
	size_t i = sizeof b;
	uint32_t u = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
	do {
		b[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		b[--i] = '-';
	fwrite(b + i, 1, sizeof b - i, out);
}

static void S_json_int(FILE *out, int32_t v)
{
	if (v >= 0)
		S_put_int(out, v);
	else
		fputs("null", out);
}

static void S_para_json(const tl_para *p, FILE *out)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} flags[] = {{TL_PARA_F_INSERTED, "inserted"}, {TL_PARA_F_DELETED, "deleted"},
	             {TL_PARA_F_TOC, "toc"},           {TL_PARA_F_LABEL_TYPED, "label_typed"},
	             {TL_PARA_F_LIST, "list"},         {TL_PARA_F_HIDDEN, "hidden"}};
	fputs("{\"index\":", out);
	S_put_int(out, p->index);
	fputs(",\"kind\":\"", out);
	fputs(tl_para_kind_name(p->kind), out);
	fputs("\",\"part\":", out);
	S_json_str(out, p->part);
	fputs(",\"part_index\":", out);
	S_put_int(out, p->part_index);
	fputs(",\"outline\":", out);
	S_put_int(out, p->outline);
	fputs(",\"list_level\":", out);
	S_put_int(out, p->list_level);
	fputs(",\"label\":", out);
	S_json_str(out, p->label);
	fputs(",\"style\":", out);
	S_json_str(out, p->style);
	fputs(",\"text\":", out);
	S_json_str(out, p->text ? p->text : "");
	fputs(",\"table\":", out);
	S_json_int(out, p->table);
	fputs(",\"row\":", out);
	S_json_int(out, p->row);
	fputs(",\"col\":", out);
	S_json_int(out, p->col);
	fputs(",\"ref\":", out);
	S_json_int(out, p->ref);
	fputs(",\"ref_end\":", out);
	S_json_int(out, p->ref_end);
	fputs(",\"note_id\":", out);
	S_json_str(out, p->note_id);
	fputs(",\"author\":", out);
	S_json_str(out, p->author);
	fputs(",\"clause\":", out);
	S_json_int(out, p->clause);
	fputs(",\"flags\":[", out);
	int n = 0;
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (p->flags & flags[i].bit)
			fprintf(out, "%s\"%s\"", n++ ? "," : "", flags[i].name);
	fputs("]}", out);
}

/* Written directly, member by member as cJSON_PrintUnformatted would write
 * the object (numbers are int32, which cJSON prints as %d would). */
static void S_clause_json(const tl_clause *c, FILE *out)
{
	fputs("{\"index\":", out);
	S_put_int(out, c->index);
	fputs(",\"parent\":", out);
	S_json_int(out, c->parent);
	fputs(",\"level\":", out);
	S_put_int(out, c->level);
	fputs(",\"label\":", out);
	S_cjson_str(out, c->label);
	fputs(",\"title\":", out);
	S_cjson_str(out, c->title);
	fputs(",\"first_para\":", out);
	S_put_int(out, c->first_para);
	fputs(",\"last_para\":", out);
	S_put_int(out, c->last_para);
	putc('}', out);
}

static cJSON *S_head_json(const tl_document *doc)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	cJSON_AddStringToObject(o, "path", doc->path);
	cJSON_AddStringToObject(o, "format", tl_format_name(doc->format));
	cJSON_AddItemToObject(o, "title", S_str_or_null(doc->title));
	cJSON *r = cJSON_AddObjectToObject(o, "revisions");
	if (r) {
		const tl_revision_info *ri = &doc->rev;
		cJSON_AddStringToObject(r, "view", tl_revisions_name(ri->view));
		cJSON_AddNumberToObject(r, "pending", ri->pending);
		cJSON_AddNumberToObject(r, "insertions", ri->insertions);
		cJSON_AddNumberToObject(r, "deletions", ri->deletions);
		cJSON_AddNumberToObject(r, "moves", ri->moves);
		cJSON_AddNumberToObject(r, "format_changes", ri->format_changes);
		cJSON *a = cJSON_AddArrayToObject(r, "authors");
		for (int32_t i = 0; a && i < ri->nauthors; i++)
			cJSON_AddItemToArray(a, cJSON_CreateString(ri->authors[i]));
	}
	return o;
}

int tl_document_write_json(const tl_document *doc, FILE *out)
{
	/* the head object is printed without its closing brace, then the two
	 * arrays are streamed element by element */
	cJSON *head = S_head_json(doc);
	if (!head)
		return TL_ENOMEM;
	char *hs = cJSON_PrintUnformatted(head);
	cJSON_Delete(head);
	if (!hs)
		return TL_ENOMEM;
	size_t hl = strlen(hs);
	fwrite(hs, 1, hl - 1, out);
	cJSON_free(hs);
	fputs(",\"paragraphs\":[", out);
	for (size_t i = 0; i < doc->npara; i++) {
		fputs(i ? ",\n" : "\n", out);
		S_para_json(&doc->paras[i], out);
	}
	fputs("\n],\"clauses\":[", out);
	for (size_t i = 0; i < doc->nclause; i++) {
		fputs(i ? ",\n" : "\n", out);
		S_clause_json(&doc->clauses[i], out);
	}
	fputs("\n]}\n", out);
	return ferror(out) ? TL_EIO : 0;
}
