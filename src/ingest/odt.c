/* odt.c: the OpenDocument text reader (.odt/.ott packages and flat .fodt).
 *
 * One streaming walk per part, through the safe reader of pkg.h:
 *   styles.xml   common and automatic styles, list styles, outline style
 *   content.xml  automatic styles, tracked changes, then the body
 *   styles.xml   again, only the master pages: headers and footers come
 *                after the body, so body paragraphs are numbered from 0
 *   meta.xml     dc:title
 * A flat ODT is the same walk over its one document.
 *
 * Decisions (see docs/extract-format.md for the model):
 *  - hidden text (text:hidden-text, text:hidden-paragraph, a style with
 *    text:display="none", a hidden section) is kept and flagged
 *    TL_PARA_F_HIDDEN, as the DOCX reader does with w:vanish; fields with
 *    text:display="none" (a variable that is set but not shown) show
 *    nothing, as in LibreOffice;
 *  - a table-of-contents or index body is kept and flagged TL_PARA_F_TOC;
 *    its *-source templates are not text;
 *  - paragraphs inside notes, comments and header/footer take that kind
 *    even in a table or text box; otherwise a table cell's paragraph is
 *    TL_PARA_CELL and a text box's TL_PARA_TEXTBOX;
 *  - empty paragraphs without a label are dropped. */
#include <stdlib.h>
#include <string.h>

#include "ingest/odt_int.h"
#include "ingest/readers.h"

const char *const odt_ns[ODT_NNS] = {NS_OFFICE, NS_STYLE, NS_TEXT, NS_TABLE,
                                     NS_DRAW,   NS_DC,    NS_XML,  NS_LOEXT};


typedef struct S_name {
	const char *name;
	int el;
} S_name;

static const S_name S_n_office[] = {
	{"styles", E_STYLES}, {"automatic-styles", E_AUTO_STYLES},
	{"master-styles", E_MASTER_STYLES}, {"meta", E_META}, {"annotation", E_ANNOTATION},
	{"annotation-end", E_ANNOTATION_END}, {"change-info", E_CHANGE_INFO},
	{"forms", E_SKIP}, {"binary-data", E_SKIP}, {"event-listeners", E_SKIP},
	{"settings", E_TOPSKIP}, {"scripts", E_TOPSKIP}, {"font-face-decls", E_TOPSKIP}, {NULL, 0}};
static const S_name S_n_style[] = {
	{"style", E_STYLE}, {"text-properties", E_TEXT_PROPS}, {"header", E_HEADER},
	{"header-left", E_HEADER}, {"header-first", E_HEADER}, {"footer", E_FOOTER},
	{"footer-left", E_FOOTER}, {"footer-first", E_FOOTER}, {NULL, 0}};
static const S_name S_n_text[] = {
	{"p", E_P}, {"span", E_SPAN}, {"s", E_S}, {"h", E_H}, {"list-item", E_LIST_ITEM},
	{"list", E_LIST}, {"tab", E_TAB}, {"line-break", E_LINE_BREAK}, {"a", E_TRANSPARENT},
	{"soft-page-break", E_TRANSPARENT}, {"note", E_NOTE}, {"note-citation", E_NOTE_CITATION},
	{"note-body", E_TRANSPARENT}, {"list-header", E_LIST_HEADER},
	{"numbered-paragraph", E_NUMBERED_PARA}, {"number", E_NUMBER}, {"list-style", E_LIST_STYLE},
	{"outline-style", E_OUTLINE_STYLE}, {"list-level-style-number", E_LEVEL_NUMBER},
	{"list-level-style-bullet", E_LEVEL_BULLET}, {"list-level-style-image", E_LEVEL_IMAGE},
	{"outline-level-style", E_OUTLINE_LEVEL}, {"section", E_SECTION},
	{"tracked-changes", E_TRACKED_CHANGES}, {"changed-region", E_CHANGED_REGION},
	{"insertion", E_INSERTION}, {"deletion", E_DELETION}, {"format-change", E_FORMAT_CHANGE},
	{"change", E_CHANGE}, {"change-start", E_CHANGE_START}, {"change-end", E_CHANGE_END},
	{"hidden-text", E_HIDDEN_TEXT}, {"hidden-paragraph", E_HIDDEN_PARA},
	{"table-of-content", E_INDEX}, {"illustration-index", E_INDEX}, {"table-index", E_INDEX},
	{"object-index", E_INDEX}, {"user-index", E_INDEX}, {"alphabetical-index", E_INDEX},
	{"bibliography", E_INDEX}, {"sequence-decls", E_SKIP}, {"variable-decls", E_SKIP},
	{"user-field-decls", E_SKIP}, {"dde-connection-decls", E_SKIP}, {"ruby-text", E_SKIP},
	{"variable-set", E_FIELD_DISPLAY}, {"variable-get", E_FIELD_DISPLAY},
	{"user-field-get", E_FIELD_DISPLAY}, {"expression", E_FIELD_DISPLAY},
	{"user-defined", E_FIELD_DISPLAY}, {"table-formula", E_FIELD_DISPLAY}, {NULL, 0}};
static const S_name S_n_table[] = {
	{"table-cell", E_CELL}, {"table-row", E_ROW}, {"table", E_TABLE},
	{"covered-table-cell", E_COVERED}, {"table-column", E_SKIP}, {"table-columns", E_SKIP},
	{"table-header-columns", E_SKIP}, {"table-column-group", E_SKIP},
	{"table-source", E_SKIP}, {NULL, 0}};
static const S_name S_n_draw[] = {
	{"frame", E_TRANSPARENT}, {"text-box", E_TEXT_BOX}, {"g", E_TRANSPARENT},
	{"a", E_TRANSPARENT}, {"image", E_SKIP}, {"object", E_SKIP}, {"object-ole", E_SKIP},
	{"applet", E_SKIP}, {"plugin", E_SKIP}, {"enhanced-geometry", E_SKIP},
	{"contour-polygon", E_SKIP}, {"contour-path", E_SKIP}, {"image-map", E_SKIP},
	{"glue-point", E_SKIP}, {"param", E_SKIP}, {"floating-frame", E_SKIP}, {NULL, 0}};

static int S_find(const S_name *t, const char *local, int dflt)
{
	for (; t->name; t++)
		if (strcmp(t->name, local) == 0)
			return t->el;
	return dflt;
}

static int S_classify(const char *ns, const char *local)
{
	if (!ns || !local)
		return E_OTHER;
	if (strcmp(ns, NS_TEXT) == 0) {
		size_t n = strlen(local);
		if (n > 7 && strcmp(local + n - 7, "-source") == 0)
			return E_SKIP; /* index templates */
		return S_find(S_n_text, local, E_OTHER);
	}
	if (strcmp(ns, NS_TABLE) == 0)
		return S_find(S_n_table, local, E_OTHER);
	if (strcmp(ns, NS_OFFICE) == 0)
		return S_find(S_n_office, local, E_OTHER);
	if (strcmp(ns, NS_STYLE) == 0)
		return S_find(S_n_style, local, E_OTHER);
	if (strcmp(ns, NS_DRAW) == 0)
		return S_find(S_n_draw, local, E_SHAPE);
	if (strcmp(ns, NS_DC) == 0)
		return strcmp(local, "creator") == 0 ? E_CREATOR
		       : strcmp(local, "title") == 0 ? E_TITLE
		                                     : E_SKIP;
	if (strstr(ns, ":svg-compatible:") || strstr(ns, ":xmlns:form:") ||
	    strstr(ns, ":xmlns:math:") || strstr(ns, "/MathML") || strstr(ns, ":xmlns:script:") ||
	    strstr(ns, ":xmlns:presentation:") || strstr(ns, ":xmlns:dr3d:") ||
	    strstr(ns, ":xmlns:chart:"))
		return E_SKIP;
	return E_OTHER;
}

static int S_true(const char *v)
{
	return v && strcmp(v, "true") == 0;
}

static int S_nomem(tl_odt *r)
{
	return tl_error_set(r->err, TL_ENOMEM, "out of memory");
}

/* S_classify, with the namespace already known by its class (odt_ns
 * order): the events' name_id, so the fast pass classifies each name once */
static int S_classify_ev(int ns, const char *uri, const char *ln)
{
	switch (ns) {
	case 0:
		return S_find(S_n_office, ln, E_OTHER);
	case 1:
		return S_find(S_n_style, ln, E_OTHER);
	case 3:
		return S_find(S_n_table, ln, E_OTHER);
	case 4:
		return S_find(S_n_draw, ln, E_SHAPE);
	default:
		return S_classify(uri, ln); /* text:, dc: and the rest */
	}
}

/* every element and text, with the attributes odt_att reads */
static const tl_xspec S_spec = {odt_ns, ODT_NNS, 0, (1u << ODT_NNS) - 1, NULL, -1, NULL, 1,
                                S_classify_ev, 0};

static int S_start(tl_odt *r, const tl_xev *x, int *skip)
{
	int el = x->id; /* S_classify_ev */
	/* the first child of a list item decides whether the item is numbered */
	int item = r->ctx.item, first = 0;
	if (item >= 0 && el != E_TRANSPARENT && el != E_NUMBER && (size_t)item < r->nlists) {
		first = r->lists[item].first_pending;
		r->lists[item].first_pending = 0;
	}
	if (r->nfr == r->afr) {
		size_t a = r->afr ? r->afr * 2 : 64;
		if (a > (size_t)r->limits->max_xml_depth * 2 + 64)
			return tl_error_set(r->err, TL_EXML_LIMIT, "elements nested too deep");
		odt_frame *v = realloc(r->fr, a * sizeof *v);
		if (!v)
			return S_nomem(r);
		r->fr = v;
		r->afr = a;
	}
	odt_frame *f = &r->fr[r->nfr++];
	f->el = el;
	f->saved = r->ctx;
	f->a = f->b = 0;
	f->seq = 0;
	if (el != E_TRANSPARENT)
		r->ctx.item = -1;

	/* top level of a part: pick what this pass reads */
	if (r->nfr == 2) {
		int want = r->mode == MODE_MASTER ? el == E_MASTER_STYLES
		           : r->mode == MODE_META ? el == E_META
		                                  : el != E_MASTER_STYLES && el != E_TOPSKIP;
		if (!want) {
			*skip = 1;
			return 0;
		}
	}
	switch (el) {
	case E_STYLES:
		r->ctx.styles = 0;
		return 0;
	case E_AUTO_STYLES:
		r->ctx.styles = 1;
		return 0;
	case E_META:
		r->ctx.meta = 1;
		return 0;
	case E_HEADER:
	case E_FOOTER:
		if (r->ctx.styles >= 0)
			break;
		if (!S_true(odt_att(r, x, NS_STYLE, "display")) &&
		    odt_att(r, x, NS_STYLE, "display")) {
			*skip = 1;
			return 0;
		}
		r->ctx.region = el == E_HEADER ? TL_PARA_HEADER : TL_PARA_FOOTER;
		return 0;
	default:
		break;
	}
	if (r->ctx.styles >= 0) {
		int scope = r->ctx.styles ? r->auto_scope : 0;
		switch (el) {
		case E_STYLE:
			return odt_style_start(r, x, scope);
		case E_TEXT_PROPS:
			return odt_text_props(r, x);
		case E_LIST_STYLE:
		case E_OUTLINE_STYLE:
			return odt_liststyle_start(r, x, scope, el == E_OUTLINE_STYLE);
		case E_LEVEL_NUMBER:
		case E_OUTLINE_LEVEL:
		case E_LEVEL_BULLET:
		case E_LEVEL_IMAGE:
			return odt_level_start(r, x, el == E_LEVEL_BULLET || el == E_LEVEL_IMAGE);
		default:
			return 0;
		}
	}
	if (r->ctx.meta)
		return el == E_TITLE ? odt_body_start(r, x, el, f, item, first, skip) : 0;
	return odt_body_start(r, x, el, f, item, first, skip);
}

static int S_end(tl_odt *r)
{
	if (!r->nfr)
		return 0;
	odt_frame *f = &r->fr[--r->nfr];
	r->ctx = f->saved;
	if (f->el == E_STYLE)
		r->cur_style = NULL;
	else if (f->el == E_LIST_STYLE || f->el == E_OUTLINE_STYLE)
		r->cur_list = NULL;
	if (r->ctx.styles >= 0 || r->ctx.meta)
		return 0;
	return odt_body_end(r, f);
}

/* One event of a walk. */
static int S_event(tl_odt *r, const tl_xev *ev)
{
	int rc = 0;
	if (r->skip) {
		if (ev->type == TL_XEV_START && !ev->empty)
			r->skip++;
		else if (ev->type == TL_XEV_END)
			r->skip--;
		return 0;
	}
	if (ev->type == TL_XEV_START) {
		int skip = 0;
		rc = S_start(r, ev, &skip);
		if (!rc && skip) {
			/* a skipped element runs no end handler; its frame goes now */
			r->ctx = r->fr[--r->nfr].saved;
			if (!ev->empty)
				r->skip = 1;
		} else if (!rc && ev->empty) {
			rc = S_end(r);
		}
	} else if (ev->type == TL_XEV_END) {
		rc = S_end(r);
	} else {
		rc = odt_text_in(r, ev->ln, ev->len);
	}
	return rc;
}

static int S_on_event(void *ctx, const tl_xev *ev)
{
	tl_odt *r = ctx;
	if (S_event(r, ev) != 0)
		return 1;
	if (ev->type != TL_XEV_START || ev->empty)
		return 0;
	/* a subtree this reader ignores (r->skip): the pass need not hand it over */
	if (r->skip == 1)
		return TL_XEV_SKIP;
	/* text directly in an element outside paragraphs and captures (the white
	 * space between elements): odt_text_in ignores it, and the element's
	 * context, which decides, stays as it is now for all of its own text */
	return !r->skip && !r->ctx.inpara && !r->ctx.cap ? TL_XEV_NOTEXT : 0;
}

/* One part: the fast pass (ODT_SLOW when it does not take the whole part,
 * or when an error of ours stops it: the reader may report that one
 * differently), or with r->slow the reader node by node. */
static int S_walk(tl_odt *r, const char *data, size_t len, int part, const char *pname, int mode)
{
	xmlTextReaderPtr x = NULL;
	int rc = 0;
	if (r->slow && (rc = tl_xml_reader(&x, data, len, pname, r->limits, r->err)) != 0)
		return rc;
	r->part = part;
	r->mode = mode;
	r->skip = 0;
	r->nfr = 0;
	memset(&r->ctx, 0, sizeof r->ctx);
	r->ctx.region = r->ctx.local = TL_PARA_BODY;
	r->ctx.table = r->ctx.inlist = r->ctx.item = -1;
	r->ctx.styles = -1;
	if (!r->slow) {
		if (!tl_xev_parse(data, len, &S_spec, r->limits->max_xml_depth, r->limits->max_text_len,
		                  S_on_event, r))
			return ODT_SLOW;
	} else {
		tl_xscratch sc = {0};
		while ((rc = tl_xml_next(x, pname, r->limits, r->err)) == 1) {
			tl_xev ev;
			int k = tl_xev_from_reader(&sc, x, &S_spec, &ev);
			rc = k < 0 ? S_nomem(r) : k ? S_event(r, &ev) : 0;
			if (rc)
				break;
		}
		tl_xscratch_free(&sc);
		if (rc < 0 && !r->err->part[0]) {
			snprintf(r->err->part, sizeof r->err->part, "%s", pname);
			r->err->line = xmlTextReaderGetParserLineNumber(x);
		}
	}
	/* unbalanced input ends inside paragraphs: keep what was read */
	while (!rc && r->ncont)
		rc = r->cont[r->ncont - 1].type == ODT_C_PARA ? odt_para_close(r)
		                                              : odt_seq_close_repeat(r, 1, 0, 0, -1);
	if (x)
		xmlFreeTextReader(x);
	return rc < 0 ? rc : 0;
}

static void S_free(tl_odt *r)
{
	odt_conts_free(r);
	free(r->fr);
	free(r->lists);
	free(r->tables);
	odt_map_free(&r->styles);
	odt_map_free(&r->liststyles);
	odt_map_free(&r->chains_by_id);
	odt_map_free(&r->chains_by_style);
	odt_map_free(&r->comments);
	for (odt_change *ch = r->all_changes; ch; ch = ch->next)
		odt_seq_free(&ch->del);
	odt_map_free(&r->changes);
	tl_buf_free(&r->capbuf);
	tl_buf_free(&r->title);
	tl_buf_free(&r->numbuf);
	tl_arena_free(&r->arena);
}

static int S_init(tl_odt *r, tl_document **out, const char *name, tl_format fmt,
                  const tl_read_options *o, tl_error *err)
{
	static const tl_read_options dflt = TL_READ_OPTIONS_INIT;
	if (!o)
		o = &dflt;
	memset(r, 0, sizeof *r);
	*out = NULL;
	if (err && !err->path[0])
		snprintf(err->path, sizeof err->path, "%s", name ? name : "-");
	r->err = err;
	r->doc = tl_doc_new(name, fmt, &o->limits);
	if (!r->doc)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	r->limits = &r->doc->limits;
	r->view = o->revisions;
	r->doc->rev.view = o->revisions;
	tl_arena_init(&r->arena, r->limits->max_doc_text);
	r->default_list = tl_arena_calloc(&r->arena, 1, sizeof *r->default_list);
	for (int i = 0; r->default_list && i < ODT_LEVELS; i++) {
		odt_level *lv = &r->default_list->lv[i];
		lv->defined = lv->bullet = 1;
		lv->display = 1;
		lv->start = 1;
		lv->bullet_char = "\xE2\x80\xA2";
	}
	tl_buf_init(&r->capbuf, 64 * 1024);
	tl_buf_init(&r->title, 64 * 1024);
	tl_buf_init(&r->numbuf, 1024);
	return 0;
}

static int S_finish(tl_odt *r, tl_document **out, int rc)
{
	tl_document *d = r->doc;
	if (!rc && r->title.len) {
		size_t n = 0;
		char *t = tl_doc_normalize(d, r->title.data, r->title.len, &n);
		if (t && n)
			d->title = t;
	}
	S_free(r);
	if (!rc)
		rc = tl_doc_finish(d, r->err);
	if (rc) {
		tl_document_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

static int S_odt_read(tl_document **out, tl_zip *z, const char *name, const tl_read_options *o,
                      int slow, tl_error *err)
{
	tl_odt r;
	int rc = S_init(&r, out, name, TL_FORMAT_ODT, o, err);
	if (rc)
		return rc;
	r.slow = slow;
	char *data = NULL, *styles = NULL;
	size_t len = 0, slen = 0;
	/* a password-protected package stores content.xml encrypted */
	if ((rc = tl_zip_read(z, "META-INF/manifest.xml", 0, &data, &len, err)) == 0 && data &&
	    strstr(data, "encryption-data"))
		rc = tl_error_set(err, TL_EENCRYPTED,
		                  "the ODT is password-protected: save it without a password first");
	free(data);
	data = NULL;
	if (rc < 0)
		return S_finish(&r, out, rc);
	r.part_name[0] = tl_doc_str(r.doc, "content.xml");
	r.part_name[1] = tl_doc_str(r.doc, "styles.xml");
	rc = tl_zip_read(z, "styles.xml", 0, &styles, &slen, err);
	if (rc >= 0 && styles) {
		r.auto_scope = 1;
		rc = S_walk(&r, styles, slen, 1, "styles.xml", MODE_MAIN);
	}
	if (rc >= 0 && (rc = tl_zip_read(z, "content.xml", 1, &data, &len, err)) == 0) {
		r.auto_scope = 2;
		/* LibreOffice and pandoc write 300 to 2,000 bytes per paragraph */
		tl_doc_reserve(r.doc, len / 256 + 64); /* a hint: growing still works without it */
		rc = S_walk(&r, data, len, 0, "content.xml", MODE_MAIN);
	}
	free(data);
	data = NULL;
	if (rc >= 0 && styles) {
		r.auto_scope = 1;
		rc = S_walk(&r, styles, slen, 1, "styles.xml", MODE_MASTER);
	}
	free(styles);
	tl_error merr = TL_ERROR_INIT;
	if (rc >= 0 && tl_zip_read(z, "meta.xml", 0, &data, &len, &merr) == 0 && data) {
		/* the title is a nicety: a broken meta.xml does not stop the read */
		r.err = &merr;
		r.auto_scope = 2;
		if (S_walk(&r, data, len, 0, "meta.xml", MODE_META) == ODT_SLOW)
			rc = ODT_SLOW;
		r.err = err;
	}
	free(data);
	return S_finish(&r, out, rc < 0 ? rc : 0);
}

/* The fast pass first; a walk it does not take: everything again with the
 * reader, from the same starting point. */
int tl_odt_read(tl_document **out, tl_zip *z, const char *name, const tl_read_options *o,
                tl_error *err)
{
	uint64_t inflated = tl_zip_inflated(z);
	tl_error err0;
	if (err)
		err0 = *err;
	int rc = S_odt_read(out, z, name, o, 0, err);
	if (rc == ODT_SLOW) {
		tl_zip_set_inflated(z, inflated);
		if (err)
			*err = err0;
		rc = S_odt_read(out, z, name, o, 1, err);
	}
	return rc;
}

static int S_fodt_read(tl_document **out, const char *name, const char *data, size_t len,
                       const tl_read_options *o, int slow, tl_error *err)
{
	tl_odt r;
	int rc = S_init(&r, out, name, TL_FORMAT_FODT, o, err);
	if (rc)
		return rc;
	r.slow = slow;
	/* one part: header and footer paragraphs continue its paragraph count */
	r.part_name[0] = r.part_name[1] = tl_doc_str(r.doc, "content.xml");
	r.auto_scope = 2;
	rc = S_walk(&r, data, len, 0, "content.xml", MODE_MAIN);
	if (rc >= 0)
		rc = S_walk(&r, data, len, 0, "content.xml", MODE_MASTER);
	return S_finish(&r, out, rc < 0 ? rc : 0);
}

int tl_fodt_read(tl_document **out, const char *name, const char *data, size_t len,
                 const tl_read_options *o, tl_error *err)
{
	tl_error err0;
	if (err)
		err0 = *err;
	int rc = S_fodt_read(out, name, data, len, o, 0, err);
	if (rc == ODT_SLOW) {
		if (err)
			*err = err0;
		rc = S_fodt_read(out, name, data, len, o, 1, err);
	}
	return rc;
}
