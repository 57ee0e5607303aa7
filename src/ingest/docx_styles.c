/* docx_styles.c: styles.xml -> style table with basedOn chains resolved.
 *
 * A chain is walked iteratively with a visited stamp and the max_ref_hops cap,
 * so basedOn cycles and 100,000-long chains cost at most cap hops per style. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/docx_int.h"
#include "ingest/xev.h"

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

typedef struct S_parse {
	tl_docx_styles *st;
	tl_document *doc;
	tl_error *err;
	tl_docx_style *cur;
	int in_ppr, skip;
} S_parse;

/* One event in the WordprocessingML namespaces (or, with skip, any event). */
static int S_event(S_parse *ps, const tl_xev *ev)
{
	int type = ev->type, depth = ev->depth;
	if (ps->skip >= 0) {
		if (type == TL_XEV_END && depth == ps->skip)
			ps->skip = -1;
		return 0;
	}
	if (ev->ns > 1)
		return 0;
	const char *ln = ev->ln;
	if (type == TL_XEV_END) {
		if (strcmp(ln, "style") == 0)
			ps->cur = NULL;
		else if (strcmp(ln, "pPr") == 0)
			ps->in_ppr = 0;
		return 0;
	}
	if (type != TL_XEV_START)
		return 0;
	int empty = ev->empty;
	tl_docx_style *cur = ps->cur;
	if (strcmp(ln, "style") == 0 && !empty) {
		if (S_grow(ps->st))
			return tl_error_set(ps->err, TL_ENOMEM, "out of memory reading styles");
		const char *id = tl_xev_attr(ev, "styleId"), *ty = tl_xev_attr(ev, "type");
		const char *def = tl_xev_attr(ev, "default");
		cur = ps->cur = &ps->st->v[ps->st->n++];
		memset(cur, 0, sizeof *cur);
		cur->id = tl_doc_str(ps->doc, id ? id : "");
		cur->type = ty && strcmp(ty, "character") == 0 ? 'c'
		            : ty && strcmp(ty, "table") == 0   ? 't'
		            : ty && strcmp(ty, "numbering") == 0 ? 'n'
		                                                 : 'p';
		cur->outline = cur->num_id = cur->ilvl = -1;
		cur->based_on = -1;
		cur->is_default = def && (strcmp(def, "1") == 0 || strcmp(def, "true") == 0 ||
		                          strcmp(def, "on") == 0);
		if (!cur->id)
			return tl_error_set(ps->err, TL_ENOMEM, "out of memory reading styles");
		return 0;
	}
	if (!cur)
		return 0;
	if (strcmp(ln, "pPrChange") == 0 || strcmp(ln, "rPrChange") == 0) {
		if (!empty)
			ps->skip = depth;
		return 0;
	}
	if (strcmp(ln, "pPr") == 0) {
		ps->in_ppr = !empty;
	} else if (strcmp(ln, "name") == 0 || strcmp(ln, "basedOn") == 0) {
		const char *v = tl_xev_attr(ev, "val");
		if (v) {
			if (ln[0] == 'n')
				cur->name = tl_doc_str(ps->doc, v);
			else
				cur->based_on_id = tl_doc_str(ps->doc, v);
		}
	} else if (ps->in_ppr && strcmp(ln, "outlineLvl") == 0) {
		cur->outline = (int)tl_docx_long(tl_xev_attr(ev, "val"), -1, -1, 9);
	} else if (ps->in_ppr && strcmp(ln, "numId") == 0) {
		cur->num_id = (int)tl_docx_long(tl_xev_attr(ev, "val"), -1, -1, 0x7fffffff);
	} else if (ps->in_ppr && strcmp(ln, "ilvl") == 0) {
		long l = tl_docx_long(tl_xev_attr(ev, "val"), -1, -1, 1000);
		if (l >= 0 && l < TL_DOCX_LEVELS)
			cur->ilvl = (int)l;
	}
	return 0;
}

static int S_on_event(void *ctx, const tl_xev *ev)
{
	return S_event(ctx, ev) != 0;
}

/* The reader's events: elements only (the reader also shows text). */
static int S_on_reader_event(void *ctx, const tl_xev *ev)
{
	return ev->type != TL_XEV_TEXT ? S_event(ctx, ev) : 0;
}

static const char *const S_ns[] = {TL_NS_W, TL_NS_W_STRICT};
/* WordprocessingML elements (a skipped subtree starts and ends with one), no text */
static const tl_xspec S_spec = {S_ns, 2, 0x3, 0x3, NULL, -1, NULL, 0, NULL, 0};

int tl_docx_styles_parse(tl_docx_styles *st, tl_document *doc, const char *part, const char *data,
                         size_t len, int slow, tl_error *err)
{
	S_parse ps = {st, doc, err, NULL, 0, -1};
	const tl_limits *lim = &doc->limits;
	int rc = 0;
	if (!slow) {
		unsigned maxd = lim->max_xml_depth < TL_DOCX_MAX_DEPTH ? lim->max_xml_depth : TL_DOCX_MAX_DEPTH;
		if (!tl_xev_parse(data, len, &S_spec, maxd, lim->max_text_len, S_on_event, &ps))
			return TL_DOCX_SLOW;
	} else {
		rc = tl_xev_read_part(data, len, part, lim, &S_spec, S_on_reader_event, &ps, "styles", err);
		if (rc < 0)
			return rc;
	}
	S_resolve(st, doc->limits.max_ref_hops ? doc->limits.max_ref_hops : 64);
	return 0;
}

void tl_docx_styles_free(tl_docx_styles *st)
{
	free(st->v);
	memset(st, 0, sizeof *st);
	st->default_para = -1;
}
