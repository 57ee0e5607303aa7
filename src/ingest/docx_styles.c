/* docx_styles.c: styles.xml -> style table with basedOn chains resolved.
 *
 * A chain is walked iteratively with a visited stamp and the max_ref_hops cap,
 * so basedOn cycles and 100,000-long chains cost at most cap hops per style. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/docx_int.h"

static int S_grow(tl_docx_styles *st)
{
	if (st->n < st->a)
		return 0;
	size_t n = st->a ? st->a * 2 : 64;
	tl_docx_style *v = realloc(st->v, n * sizeof *v);
	if (!v)
		return TL_ENOMEM;
	st->v = v;
	st->a = n;
	return 0;
}

static int S_cmp(const void *a, const void *b)
{
	const tl_docx_style *x = a, *y = b;
	return strcmp(x->id, y->id);
}

const tl_docx_style *tl_docx_style_find(const tl_docx_styles *st, const char *id)
{
	if (!id || !st->n)
		return NULL;
	tl_docx_style key;
	key.id = id;
	return bsearch(&key, st->v, st->n, sizeof *st->v, S_cmp);
}

/* "heading 3", "Kop 3", "Überschrift 3" -> 3 */
static int S_heading_name(const char *name)
{
	static const char *const pre[] = {"heading ", "kop ", ("\xC3\xBC" "berschrift "), "titre "};
	if (!name)
		return 0;
	for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
		size_t n = strlen(pre[i]);
		if (strncasecmp(name, pre[i], n) == 0 && name[n] >= '1' && name[n] <= '9' && !name[n + 1])
			return name[n] - '0';
	}
	return 0;
}

static int S_toc_name(const char *name)
{
	if (!name)
		return 0;
	if (strncasecmp(name, "toc ", 4) == 0 || strncasecmp(name, "inhopg ", 7) == 0 ||
	    strcasecmp(name, "toc heading") == 0 || strcasecmp(name, "kopvaninhoudsopgave") == 0 ||
	    strcasecmp(name, "table of figures") == 0 || strcasecmp(name, "lijst met afbeeldingen") == 0)
		return 1;
	return 0;
}

static void S_resolve(tl_docx_styles *st, unsigned max_hops)
{
	if (st->n > 1)
		qsort(st->v, st->n, sizeof *st->v, S_cmp);
	/* duplicate ids: the first one wins, as in Word */
	for (size_t i = 0; i < st->n; i++) {
		const tl_docx_style *b = tl_docx_style_find(st, st->v[i].based_on_id);
		st->v[i].based_on = b ? (int)(b - st->v) : -1;
	}
	unsigned *stamp = calloc(st->n ? st->n : 1, sizeof *stamp);
	/* names are matched once per style, not once per hop */
	signed char *hname = calloc(st->n ? st->n : 1, 2);
	if (hname)
		for (size_t i = 0; i < st->n; i++) {
			hname[2 * i] = (signed char)S_heading_name(st->v[i].name);
			hname[2 * i + 1] = (signed char)S_toc_name(st->v[i].name);
		}
	for (size_t i = 0; i < st->n; i++) {
		tl_docx_style *s = &st->v[i];
		int outline = -1, num = -1, ilvl = -1, toc = 0;
		unsigned hops = 0;
		for (int k = (int)i; k >= 0 && hops <= max_hops; hops++) {
			const tl_docx_style *c = &st->v[k];
			if (stamp) {
				if (stamp[k] == (unsigned)i + 1)
					break; /* a cycle */
				stamp[k] = (unsigned)i + 1;
			}
			int hn = hname ? hname[2 * k] : S_heading_name(c->name);
			if (outline < 0) {
				if (c->outline >= 0)
					outline = c->outline >= 9 ? 0 : c->outline + 1;
				else if (hn)
					outline = hn;
			}
			if (num < 0 && c->num_id >= 0)
				num = c->num_id;
			if (ilvl < 0 && c->ilvl >= 0)
				ilvl = c->ilvl;
			if (!toc && (hname ? hname[2 * k + 1] : S_toc_name(c->name)))
				toc = 1;
			k = c->based_on;
		}
		s->r_outline = outline > 0 ? outline : 0;
		s->r_num_id = num;
		s->r_ilvl = ilvl;
		s->r_toc = toc;
	}
	free(stamp);
	free(hname);
	st->default_para = -1;
	for (size_t i = 0; i < st->n; i++)
		if (st->v[i].type == 'p' && st->v[i].is_default && st->default_para < 0)
			st->default_para = (int)i;
}

int tl_docx_styles_parse(tl_docx_styles *st, tl_document *doc, const char *part, const char *data,
                         size_t len, tl_error *err)
{
	xmlTextReaderPtr r = NULL;
	int rc = tl_xml_reader(&r, data, len, part, &doc->limits, err);
	if (rc < 0)
		return rc;
	tl_docx_style *cur = NULL;
	int cur_default = 0, in_ppr = 0, skip = -1;
	while ((rc = tl_xml_next(r, part, &doc->limits, err)) == 1) {
		int type = xmlTextReaderNodeType(r);
		int depth = xmlTextReaderDepth(r);
		if (skip >= 0) {
			if (type == XML_READER_TYPE_END_ELEMENT && depth == skip)
				skip = -1;
			continue;
		}
		if (!tl_docx_is_w(r))
			continue;
		const char *ln = (const char *)xmlTextReaderConstLocalName(r);
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (strcmp(ln, "style") == 0)
				cur = NULL;
			else if (strcmp(ln, "pPr") == 0)
				in_ppr = 0;
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		int empty = xmlTextReaderIsEmptyElement(r);
		if (strcmp(ln, "style") == 0 && !empty) {
			if ((rc = S_grow(st)) != 0) {
				tl_error_set(err, rc, "out of memory reading styles");
				break;
			}
			char *id = tl_docx_attr(r, "styleId"), *ty = tl_docx_attr(r, "type");
			char *def = tl_docx_attr(r, "default");
			cur = &st->v[st->n++];
			memset(cur, 0, sizeof *cur);
			cur->id = tl_doc_str(doc, id ? id : "");
			cur->type = ty && strcmp(ty, "character") == 0 ? 'c'
			            : ty && strcmp(ty, "table") == 0   ? 't'
			            : ty && strcmp(ty, "numbering") == 0 ? 'n'
			                                                 : 'p';
			cur->outline = cur->num_id = cur->ilvl = -1;
			cur->based_on = -1;
			cur_default = def && (strcmp(def, "1") == 0 || strcmp(def, "true") == 0 ||
			                      strcmp(def, "on") == 0);
			cur->is_default = cur_default;
			xmlFree(id), xmlFree(ty), xmlFree(def);
			if (!cur->id) {
				rc = tl_error_set(err, TL_ENOMEM, "out of memory reading styles");
				break;
			}
			continue;
		}
		if (!cur)
			continue;
		if (strcmp(ln, "pPrChange") == 0 || strcmp(ln, "rPrChange") == 0) {
			if (!empty)
				skip = depth;
			continue;
		}
		if (strcmp(ln, "pPr") == 0) {
			in_ppr = !empty;
		} else if (strcmp(ln, "name") == 0 || strcmp(ln, "basedOn") == 0) {
			char *v = tl_docx_attr(r, "val");
			if (v) {
				if (ln[0] == 'n')
					cur->name = tl_doc_str(doc, v);
				else
					cur->based_on_id = tl_doc_str(doc, v);
			}
			xmlFree(v);
		} else if (in_ppr && strcmp(ln, "outlineLvl") == 0) {
			char *v = tl_docx_attr(r, "val");
			cur->outline = (int)tl_docx_long(v, -1, -1, 9);
			xmlFree(v);
		} else if (in_ppr && strcmp(ln, "numId") == 0) {
			char *v = tl_docx_attr(r, "val");
			cur->num_id = (int)tl_docx_long(v, -1, -1, 0x7fffffff);
			xmlFree(v);
		} else if (in_ppr && strcmp(ln, "ilvl") == 0) {
			char *v = tl_docx_attr(r, "val");
			long l = tl_docx_long(v, -1, -1, 1000);
			if (l >= 0 && l < TL_DOCX_LEVELS)
				cur->ilvl = (int)l;
			xmlFree(v);
		}
	}
	xmlFreeTextReader(r);
	if (rc < 0)
		return rc;
	S_resolve(st, doc->limits.max_ref_hops ? doc->limits.max_ref_hops : 64);
	return 0;
}

void tl_docx_styles_free(tl_docx_styles *st)
{
	free(st->v);
	memset(st, 0, sizeof *st);
	st->default_para = -1;
}
