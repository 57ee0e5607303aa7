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

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_XML "http://www.w3.org/XML/1998/namespace"

enum { MODE_MAIN, MODE_MASTER, MODE_META };

enum {
	E_OTHER = 0, E_SKIP, E_TRANSPARENT,
	/* office */
	E_STYLES, E_AUTO_STYLES, E_MASTER_STYLES, E_META, E_ANNOTATION, E_ANNOTATION_END,
	E_CHANGE_INFO, E_TOPSKIP,
	/* style */
	E_STYLE, E_TEXT_PROPS, E_HEADER, E_FOOTER,
	/* text */
	E_P, E_H, E_LIST, E_LIST_ITEM, E_LIST_HEADER, E_NUMBERED_PARA, E_NUMBER, E_LIST_STYLE,
	E_OUTLINE_STYLE, E_LEVEL_NUMBER, E_LEVEL_BULLET, E_LEVEL_IMAGE, E_OUTLINE_LEVEL, E_S, E_TAB,
	E_LINE_BREAK, E_NOTE, E_NOTE_CITATION, E_SECTION, E_TRACKED_CHANGES, E_CHANGED_REGION,
	E_INSERTION, E_DELETION, E_FORMAT_CHANGE, E_CHANGE, E_CHANGE_START, E_CHANGE_END, E_SPAN,
	E_HIDDEN_TEXT, E_HIDDEN_PARA, E_INDEX, E_FIELD_DISPLAY,
	/* table */
	E_TABLE, E_ROW, E_CELL, E_COVERED,
	/* draw */
	E_TEXT_BOX, E_SHAPE,
	/* dc */
	E_CREATOR, E_TITLE
};

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

static long S_num(const char *s, long dflt, long lo, long hi)
{
	if (!s || !*s)
		return dflt;
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s)
		return dflt;
	return v < lo ? lo : v > hi ? hi : v;
}

static int S_nomem(tl_odt *r)
{
	return tl_error_set(r->err, TL_ENOMEM, "out of memory");
}

/* text to the capture buffer or the open paragraph */
static int S_text(tl_odt *r, const char *s, size_t n)
{
	if (r->ctx.cap) {
		if (tl_buf_put(r->ctx.cap, s, n) != 0)
			return tl_error_set(r->err, TL_ELIMIT_TEXT, "text exceeds its cap");
		return 0;
	}
	if (!r->ctx.inpara || (r->ctx.changes && !r->ctx.deletion))
		return 0;
	return odt_text(r, s, n);
}

static int S_push_list(tl_odt *r)
{
	if (r->nlists == r->alists) {
		size_t a = r->alists ? r->alists * 2 : 16;
		odt_list *v = realloc(r->lists, a * sizeof *v);
		if (!v)
			return S_nomem(r);
		r->lists = v;
		r->alists = a;
	}
	memset(&r->lists[r->nlists++], 0, sizeof r->lists[0]);
	r->lists[r->nlists - 1].item_start = -1;
	return 0;
}

static odt_chain *S_new_chain(tl_odt *r)
{
	odt_chain *c = tl_arena_calloc(&r->arena, 1, sizeof *c);
	if (!c)
		tl_error_set(r->err, TL_ELIMIT_MEMORY, "lists exceed the memory budget");
	return c;
}

static int S_list_start(tl_odt *r, xmlTextReaderPtr x)
{
	int parent = r->ctx.inlist;
	const odt_liststyle *ls = odt_liststyle_find(r, odt_att(r, x, NS_TEXT, "style-name"));
	const char *sname = odt_att(r, x, NS_TEXT, "style-name");
	int rc = S_push_list(r);
	if (rc)
		return rc;
	odt_list *l = &r->lists[r->nlists - 1];
	if (parent >= 0) {
		const odt_list *p = &r->lists[parent];
		l->level = p->level + 1;
		l->chain = p->chain;
		/* an item's text:style-override holds for its sub-lists too */
		l->style = ls ? ls : p->item_style ? p->item_style : p->style;
		return 0;
	}
	l->level = 1;
	l->style = ls;
	const char *cont = odt_att(r, x, NS_TEXT, "continue-list");
	if (cont)
		l->chain = odt_map_get(&r->chains_by_id, cont);
	if (!l->chain && S_true(odt_att(r, x, NS_TEXT, "continue-numbering")))
		l->chain = sname ? odt_map_get(&r->chains_by_style, sname) : r->last_chain;
	if (!l->chain && !(l->chain = S_new_chain(r)))
		return r->err->code;
	if (r->ctx.deletion)
		return 0;
	const char *id = odt_att(r, x, NS_XML, "id");
	if (id && (rc = odt_map_put(r, &r->chains_by_id, id, l->chain)) != 0)
		return rc;
	if (sname && (rc = odt_map_put(r, &r->chains_by_style, sname, l->chain)) != 0)
		return rc;
	r->last_chain = l->chain;
	return 0;
}

static int S_numbered_para_start(tl_odt *r, xmlTextReaderPtr x)
{
	const char *id = odt_att(r, x, NS_TEXT, "list-id");
	odt_chain *chain = id ? odt_map_get(&r->chains_by_id, id) : NULL;
	int rc;
	if (!chain) {
		if (!(chain = S_new_chain(r)))
			return r->err->code;
		if (id && (rc = odt_map_put(r, &r->chains_by_id, id, chain)) != 0)
			return rc;
	}
	const odt_liststyle *ls = odt_liststyle_find(r, odt_att(r, x, NS_TEXT, "style-name"));
	long level = S_num(odt_att(r, x, NS_TEXT, "level"), 1, 1, ODT_LEVELS);
	long start = S_num(odt_att(r, x, NS_TEXT, "start-value"), -1, 0, 1000000);
	if ((rc = S_push_list(r)) != 0)
		return rc;
	odt_list *l = &r->lists[r->nlists - 1];
	l->chain = chain;
	l->style = ls;
	l->level = (int)level;
	l->first_pending = 1;
	l->item_start = start;
	r->ctx.item = r->ctx.inlist = (int)r->nlists - 1;
	tl_buf_reset(&r->numbuf);
	return 0;
}

static int S_para_start(tl_odt *r, xmlTextReaderPtr x, int heading, int item, int first)
{
	int rc = odt_para_open(r, heading);
	if (rc)
		return rc;
	odt_cont *c = &r->cont[r->ncont - 1];
	if (item >= 0 && first) {
		c->list = item;
		c->list_first = 1;
	} else {
		c->list = r->ctx.inlist;
	}
	c->pstyle = odt_style_resolve(r, odt_style_find(r, odt_att(r, x, NS_TEXT, "style-name"), 'P'));
	if (c->pstyle && c->pstyle->r_hidden)
		c->rec.flags |= TL_PARA_F_HIDDEN;
	if (heading) {
		long lv = S_num(odt_att(r, x, NS_TEXT, "outline-level"),
		                c->pstyle && c->pstyle->r_outline ? c->pstyle->r_outline : 1, 1, 1000);
		c->h_level = lv > ODT_LEVELS ? ODT_LEVELS : (int)lv;
		c->h_restart = S_true(odt_att(r, x, NS_TEXT, "restart-numbering"));
		const odt_level *ol = r->outline ? &r->outline->lv[c->h_level - 1] : NULL;
		c->h_start = S_num(odt_att(r, x, NS_TEXT, "start-value"),
		                   ol && ol->defined ? ol->start : 1, 0, 1000000);
		c->h_list_header = S_true(odt_att(r, x, NS_TEXT, "is-list-header"));
		if (c->rec.kind == TL_PARA_HEADING)
			c->rec.outline = c->h_level;
	}
	if (r->numbuf.len && item >= 0 && first) {
		if (tl_buf_put(&c->number, r->numbuf.data, r->numbuf.len) != 0)
			return tl_error_set(r->err, TL_ELIMIT_TEXT, "text:number too long");
		tl_buf_reset(&r->numbuf);
	}
	r->ctx.cap = NULL;
	r->ctx.inpara = 1;
	return 0;
}

static odt_table *S_table(tl_odt *r)
{
	return r->ntables ? &r->tables[r->ntables - 1] : NULL;
}

/* Handles a start tag; sets *skip when the subtree is not text. */
static int S_body_start(tl_odt *r, xmlTextReaderPtr x, int el, odt_frame *f, int item, int first,
                        int *skip)
{
	odt_ctx *c = &r->ctx;
	odt_table *t;
	const char *v;
	int rc;
	if (c->changes && !c->deletion && el != E_CHANGED_REGION && el != E_INSERTION &&
	    el != E_DELETION && el != E_FORMAT_CHANGE && el != E_CHANGE_INFO && el != E_CREATOR) {
		*skip = 1;
		return 0;
	}
	switch (el) {
	case E_P:
	case E_H:
		if (c->changeinfo) {
			*skip = 1;
			return 0;
		}
		f->seq = 1;
		return S_para_start(r, x, el == E_H, item, first);
	case E_NUMBER:
		if (r->ncont && r->cont[r->ncont - 1].type == ODT_C_PARA) {
			tl_buf_reset(&r->cont[r->ncont - 1].number);
			c->cap = &r->cont[r->ncont - 1].number;
		} else {
			tl_buf_reset(&r->numbuf);
			c->cap = &r->numbuf;
		}
		return 0;
	case E_LIST:
		f->a = 1;
		return S_list_start(r, x);
	case E_LIST_ITEM:
	case E_LIST_HEADER:
		if (!r->nlists || (f > r->fr && f[-1].el != E_LIST))
			return 0;
		{
			odt_list *l = &r->lists[r->nlists - 1];
			l->first_pending = 1;
			l->header = el == E_LIST_HEADER;
			l->item_start = S_num(odt_att(r, x, NS_TEXT, "start-value"), -1, 0, 1000000);
			l->item_style = odt_liststyle_find(r, odt_att(r, x, NS_TEXT, "style-override"));
			c->item = c->inlist = (int)r->nlists - 1;
		}
		return 0;
	case E_NUMBERED_PARA:
		f->a = 1;
		return S_numbered_para_start(r, x);
	case E_S: {
		static const char sp[] = "                                ";
		long n = S_num(odt_att(r, x, NS_TEXT, "c"), 1, 1, ODT_MAX_SPACES);
		rc = 0;
		for (; n > 0 && !(rc = S_text(r, sp, (size_t)(n > 32 ? 32 : n))); n -= 32)
			;
		return n > 0 ? rc : 0;
	}
	case E_TAB:
		return S_text(r, "\t", 1);
	case E_LINE_BREAK:
		return S_text(r, "\n", 1);
	case E_NOTE:
		v = odt_att(r, x, NS_TEXT, "note-class");
		c->region = v && strcmp(v, "endnote") == 0 ? TL_PARA_ENDNOTE : TL_PARA_FOOTNOTE;
		v = odt_att(r, x, NS_TEXT, "id");
		c->note_id = v ? tl_arena_strdup(&r->arena, v) : NULL;
		c->local = TL_PARA_BODY;
		c->table = c->inlist = c->item = -1;
		c->cap = NULL;
		c->inpara = 0;
		return 0;
	case E_NOTE_CITATION:
		*skip = 1;
		return 0;
	case E_ANNOTATION:
		if (c->deletion || c->region == TL_PARA_COMMENT) {
			*skip = 1;
			return 0;
		}
		c->region = TL_PARA_COMMENT;
		v = odt_att(r, x, NS_OFFICE, "name");
		c->ann_name = v ? tl_arena_strdup(&r->arena, v) : NULL;
		c->note_id = c->ann_name;
		c->author = NULL;
		c->local = TL_PARA_BODY;
		c->table = c->inlist = c->item = -1;
		c->cap = NULL;
		c->inpara = 0;
		return 0;
	case E_ANNOTATION_END:
		return odt_annotation_end(r, odt_att(r, x, NS_OFFICE, "name"));
	case E_CREATOR:
		if (f > r->fr && (f[-1].el == E_ANNOTATION || f[-1].el == E_CHANGE_INFO)) {
			tl_buf_reset(&r->capbuf);
			c->cap = &r->capbuf;
		} else {
			*skip = 1;
		}
		return 0;
	case E_TITLE:
		if (c->meta) {
			tl_buf_reset(&r->title);
			c->cap = &r->title;
		} else {
			*skip = 1;
		}
		return 0;
	case E_SECTION:
		v = odt_att(r, x, NS_TEXT, "display");
		if (v && strcmp(v, "none") == 0)
			c->hidden = 1;
		return 0;
	case E_SPAN: {
		const odt_style *s =
			odt_style_resolve(r, odt_style_find(r, odt_att(r, x, NS_TEXT, "style-name"), 'T'));
		if (s && s->r_hidden)
			c->hidden = 1;
		return 0;
	}
	case E_HIDDEN_TEXT:
		if (S_true(odt_att(r, x, NS_TEXT, "is-hidden")))
			c->hidden = 1;
		/* LibreOffice leaves the element empty and keeps the text in an attribute */
		if (xmlTextReaderIsEmptyElement(x) && (v = odt_att(r, x, NS_TEXT, "string-value")))
			return S_text(r, v, strlen(v));
		return 0;
	case E_HIDDEN_PARA:
		if (S_true(odt_att(r, x, NS_TEXT, "is-hidden")) && r->ncont &&
		    r->cont[r->ncont - 1].type == ODT_C_PARA)
			r->cont[r->ncont - 1].rec.flags |= TL_PARA_F_HIDDEN;
		return 0;
	case E_FIELD_DISPLAY:
		v = odt_att(r, x, NS_TEXT, "display");
		if (v && strcmp(v, "none") == 0)
			*skip = 1;
		return 0;
	case E_INDEX:
		c->toc = 1;
		return 0;
	case E_TRACKED_CHANGES:
		if (r->mode != MODE_MAIN || c->deletion)
			*skip = 1;
		c->changes = 1;
		return 0;
	case E_CHANGED_REGION: {
		const char *id = odt_att(r, x, NS_TEXT, "id");
		if (!id)
			id = odt_att(r, x, NS_XML, "id");
		odt_change *ch = tl_arena_calloc(&r->arena, 1, sizeof *ch);
		if (!ch)
			return tl_error_set(r->err, TL_ELIMIT_MEMORY, "tracked changes exceed the budget");
		ch->id = id ? tl_arena_strdup(&r->arena, id) : NULL;
		ch->next = r->all_changes;
		r->all_changes = ch;
		r->cur_change = ch;
		r->doc->rev.pending++;
		return id ? odt_map_put(r, &r->changes, id, ch) : 0;
	}
	case E_INSERTION:
	case E_DELETION:
	case E_FORMAT_CHANGE:
		if (!r->cur_change || r->cur_change->type) {
			*skip = 1;
			return 0;
		}
		r->cur_change->type = el == E_INSERTION ? ODT_CH_INSERT
		                      : el == E_DELETION ? ODT_CH_DELETE
		                                         : ODT_CH_FORMAT;
		if (el == E_INSERTION)
			r->doc->rev.insertions++;
		else if (el == E_DELETION)
			r->doc->rev.deletions++;
		else
			r->doc->rev.format_changes++;
		if (el == E_DELETION) {
			c->deletion = 1;
			c->inpara = 0;
			c->inlist = c->item = -1;
			f->b = 1;
			return odt_seq_open(r);
		}
		return 0;
	case E_CHANGE_INFO:
		c->changeinfo = 1;
		return 0;
	case E_CHANGE:
	case E_CHANGE_START:
	case E_CHANGE_END:
		if (c->deletion)
			return 0;
		return odt_change_mark(r, odt_att(r, x, NS_TEXT, "change-id"),
		                       el == E_CHANGE ? 0 : el == E_CHANGE_START ? 1 : 2);
	case E_TABLE:
		if (r->ntables == r->atables) {
			size_t a = r->atables ? r->atables * 2 : 8;
			odt_table *tv = realloc(r->tables, a * sizeof *tv);
			if (!tv)
				return S_nomem(r);
			r->tables = tv;
			r->atables = a;
		}
		t = &r->tables[r->ntables++];
		memset(t, 0, sizeof *t);
		t->ordinal = r->table_count < INT32_MAX ? r->table_count++ : INT32_MAX;
		f->a = 1;
		return 0;
	case E_ROW:
		if (!(t = S_table(r)))
			return 0;
		f->a = S_num(odt_att(r, x, NS_TABLE, "number-rows-repeated"), 1, 1, INT32_MAX);
		t->row = t->next_row > INT32_MAX ? INT32_MAX : (int32_t)t->next_row;
		t->col = 0;
		t->pending_cover = 0;
		if (f->a > 1) {
			f->b = 1;
			return odt_seq_open(r);
		}
		return 0;
	case E_CELL:
		if (!(t = S_table(r)))
			return 0;
		f->a = S_num(odt_att(r, x, NS_TABLE, "number-columns-repeated"), 1, 1, INT32_MAX);
		f->b = S_num(odt_att(r, x, NS_TABLE, "number-columns-spanned"), 1, 1, INT32_MAX);
		t->cell_col = t->col > INT32_MAX ? INT32_MAX : (int32_t)t->col;
		c->table = (int)r->ntables - 1;
		c->local = TL_PARA_CELL;
		c->inlist = c->item = -1;
		c->cap = NULL;
		c->inpara = 0;
		if (f->a > 1) {
			f->seq = 2;
			return odt_seq_open(r);
		}
		return 0;
	case E_COVERED:
		*skip = 1;
		if (!(t = S_table(r)))
			return 0;
		{
			long rep = S_num(odt_att(r, x, NS_TABLE, "number-columns-repeated"), 1, 1, INT32_MAX);
			long absorbed = rep < t->pending_cover ? rep : t->pending_cover;
			t->pending_cover -= absorbed;
			if (t->col < INT32_MAX)
				t->col += rep - absorbed;
		}
		return 0;
	case E_TEXT_BOX:
	case E_SHAPE:
		c->local = TL_PARA_TEXTBOX;
		c->table = c->inlist = c->item = -1;
		c->cap = NULL;
		c->inpara = 0;
		return 0;
	case E_SKIP:
	case E_TOPSKIP:
		*skip = 1;
		return 0;
	default:
		return 0;
	}
}

static int S_body_end(tl_odt *r, const odt_frame *f)
{
	odt_table *t;
	int rc = 0;
	switch (f->el) {
	case E_P:
	case E_H:
		return f->seq ? odt_para_close(r) : 0;
	case E_LIST:
	case E_NUMBERED_PARA:
		if (f->a && r->nlists)
			r->nlists--;
		return 0;
	case E_CREATOR:
		if (r->ctx.region == TL_PARA_COMMENT && !r->ctx.changeinfo && f > r->fr &&
		    f[-1].el == E_ANNOTATION) {
			r->ctx.author = r->capbuf.len ? tl_arena_strndup(&r->arena, r->capbuf.data,
			                                                 r->capbuf.len)
			                              : NULL;
		} else if (r->ctx.changeinfo && r->capbuf.len) {
			char *a = tl_doc_normalize(r->doc, r->capbuf.data, r->capbuf.len, &(size_t){0});
			if (a && *a && (rc = tl_doc_add_author(r->doc, a)) != 0)
				return tl_error_set(r->err, rc, "out of memory");
		}
		return 0;
	case E_DELETION:
		if (f->b && r->cur_change)
			return odt_seq_close_into(r, &r->cur_change->del);
		return 0;
	case E_CHANGED_REGION:
		r->cur_change = NULL;
		return 0;
	case E_TABLE:
		if (f->a && r->ntables)
			r->ntables--;
		return 0;
	case E_ROW:
		if (!(t = S_table(r)))
			return 0;
		if (f->b)
			rc = odt_seq_close_repeat(r, f->a > ODT_MAX_REPEAT ? ODT_MAX_REPEAT : f->a, 0, 1,
			                          t->ordinal);
		t->next_row = t->next_row + f->a > INT32_MAX ? INT32_MAX : t->next_row + f->a;
		return rc;
	case E_CELL:
		if (!(t = S_table(r)))
			return 0;
		if (f->seq == 2)
			rc = odt_seq_close_repeat(r, f->a > ODT_MAX_REPEAT ? ODT_MAX_REPEAT : f->a, 1, f->b,
			                          t->ordinal);
		{
			long adv = f->a * f->b;
			t->col = t->col + adv > INT32_MAX || adv / f->b != f->a ? INT32_MAX : t->col + adv;
			t->pending_cover = f->a == 1 ? f->b - 1 : 0;
		}
		return rc;
	default:
		return 0;
	}
}

static int S_start(tl_odt *r, xmlTextReaderPtr x, int *skip)
{
	int el = S_classify((const char *)xmlTextReaderConstNamespaceUri(x),
	                    (const char *)xmlTextReaderConstLocalName(x));
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
		return el == E_TITLE ? S_body_start(r, x, el, f, item, first, skip) : 0;
	return S_body_start(r, x, el, f, item, first, skip);
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
	return S_body_end(r, f);
}

static int S_walk(tl_odt *r, const char *data, size_t len, int part, const char *pname, int mode)
{
	xmlTextReaderPtr x = NULL;
	int rc = tl_xml_reader(&x, data, len, pname, r->limits, r->err);
	if (rc)
		return rc;
	r->part = part;
	r->mode = mode;
	r->skip = 0;
	r->nfr = 0;
	memset(&r->ctx, 0, sizeof r->ctx);
	r->ctx.region = r->ctx.local = TL_PARA_BODY;
	r->ctx.table = r->ctx.inlist = r->ctx.item = -1;
	r->ctx.styles = -1;
	while ((rc = tl_xml_next(x, pname, r->limits, r->err)) == 1) {
		int type = xmlTextReaderNodeType(x);
		rc = 0;
		if (r->skip) {
			if (type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement(x))
				r->skip++;
			else if (type == XML_READER_TYPE_END_ELEMENT)
				r->skip--;
			continue;
		}
		if (type == XML_READER_TYPE_ELEMENT) {
			int empty = xmlTextReaderIsEmptyElement(x), skip = 0;
			rc = S_start(r, x, &skip);
			if (!rc && skip) {
				/* a skipped element runs no end handler; its frame goes now */
				r->ctx = r->fr[--r->nfr].saved;
				if (!empty)
					r->skip = 1;
			} else if (!rc && empty) {
				rc = S_end(r);
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			rc = S_end(r);
		} else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
		           type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
		           type == XML_READER_TYPE_WHITESPACE) {
			const char *s = (const char *)xmlTextReaderConstValue(x);
			if (s)
				rc = S_text(r, s, strlen(s));
		}
		if (rc)
			break;
	}
	if (rc < 0 && !r->err->part[0]) {
		snprintf(r->err->part, sizeof r->err->part, "%s", pname);
		r->err->line = xmlTextReaderGetParserLineNumber(x);
	}
	/* unbalanced input ends inside paragraphs: keep what was read */
	while (!rc && r->ncont)
		rc = r->cont[r->ncont - 1].type == ODT_C_PARA ? odt_para_close(r)
		                                              : odt_seq_close_repeat(r, 1, 0, 0, -1);
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
	for (int i = 0; i < 8; i++)
		xmlFree(r->att[i]);
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

int tl_odt_read(tl_document **out, tl_zip *z, const char *name, const tl_read_options *o,
                tl_error *err)
{
	tl_odt r;
	int rc = S_init(&r, out, name, TL_FORMAT_ODT, o, err);
	if (rc)
		return rc;
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
		(void)S_walk(&r, data, len, 0, "meta.xml", MODE_META);
		r.err = err;
	}
	free(data);
	return S_finish(&r, out, rc < 0 ? rc : 0);
}

int tl_fodt_read(tl_document **out, const char *name, const char *data, size_t len,
                 const tl_read_options *o, tl_error *err)
{
	tl_odt r;
	int rc = S_init(&r, out, name, TL_FORMAT_FODT, o, err);
	if (rc)
		return rc;
	/* one part: header and footer paragraphs continue its paragraph count */
	r.part_name[0] = r.part_name[1] = tl_doc_str(r.doc, "content.xml");
	r.auto_scope = 2;
	rc = S_walk(&r, data, len, 0, "content.xml", MODE_MAIN);
	if (rc >= 0)
		rc = S_walk(&r, data, len, 0, "content.xml", MODE_MASTER);
	return S_finish(&r, out, rc < 0 ? rc : 0);
}
