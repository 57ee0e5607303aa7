/* odt_body.c: the ODT body elements, from text:p to tracked changes.
 *
 * odt.c classifies each element and keeps the frame stack; here a start tag
 * opens paragraphs, lists, tables, notes, comments, text boxes and changed
 * regions, and an end tag closes them.  The context (odt_ctx) a frame saves
 * is restored before the end handler runs, so an end handler sees its
 * parent's context. */
#include <stdlib.h>
#include <string.h>

#include "ingest/odt_int.h"

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

int odt_text_in(tl_odt *r, const char *s, size_t n)
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

static int S_list_start(tl_odt *r, const tl_xev *x)
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

static int S_numbered_para_start(tl_odt *r, const tl_xev *x)
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

static int S_para_start(tl_odt *r, const tl_xev *x, int heading, int item, int first)
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
int odt_body_start(tl_odt *r, const tl_xev *x, int el, odt_frame *f, int item, int first,
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
		for (; n > 0 && !(rc = odt_text_in(r, sp, (size_t)(n > 32 ? 32 : n))); n -= 32)
			;
		return n > 0 ? rc : 0;
	}
	case E_TAB:
		return odt_text_in(r, "\t", 1);
	case E_LINE_BREAK:
		return odt_text_in(r, "\n", 1);
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
		if (x->empty && (v = odt_att(r, x, NS_TEXT, "string-value")))
			return odt_text_in(r, v, strlen(v));
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

int odt_body_end(tl_odt *r, const odt_frame *f)
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
