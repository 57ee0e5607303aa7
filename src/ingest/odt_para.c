/* odt_para.c: paragraph records of the ODT reader, from the open paragraph
 * to the document model.
 *
 * Paragraphs nest in ODF (a note, a comment or a text box inside a text:p),
 * but the model is a flat list in reading order.  A paragraph that closes
 * while another is open is kept in the outer one's record list and added
 * right after it, so that a note or comment can name its holder by a
 * relative offset (ref_off) that stays right wherever the group ends up:
 * in the document, in a repeated table row copied N times, or in a
 * tracked deletion replayed in the "reject" view. */
#include <stdlib.h>
#include <string.h>

#include "ingest/odt_int.h"

static int S_nomem(tl_odt *r)
{
	return tl_error_set(r->err, TL_ENOMEM, "out of memory");
}

static int S_seq_push(tl_odt *r, odt_seq *s, const odt_rec *rec)
{
	if (s->n == s->a) {
		size_t a = s->a ? s->a * 2 : 8;
		odt_rec *v = realloc(s->v, a * sizeof *v);
		if (!v)
			return S_nomem(r);
		s->v = v;
		s->a = a;
	}
	s->v[s->n++] = *rec;
	return 0;
}

void odt_seq_free(odt_seq *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].text);
	free(s->v);
	s->v = NULL;
	s->n = s->a = 0;
}

/* ---- into the document */

typedef struct S_ann {
	int32_t first, last, end;
} S_ann;

static S_ann *S_ann_get(tl_odt *r, const char *name)
{
	S_ann *a = odt_map_get(&r->comments, name);
	if (a)
		return a;
	a = tl_arena_alloc(&r->arena, sizeof *a);
	if (!a)
		return NULL;
	a->first = a->last = a->end = -1;
	return odt_map_put(r, &r->comments, name, a) == 0 ? a : NULL;
}

static int S_emit(tl_odt *r, odt_rec *rec)
{
	tl_document *d = r->doc;
	int part = rec->part;
	tl_para *p = tl_doc_add_para(d, rec->kind, r->part_name[part], r->part_index[part], rec->text,
	                             rec->len, r->err);
	free(rec->text);
	rec->text = NULL;
	if (!p) {
		snprintf(r->err->part, sizeof r->err->part, "%s", r->part_name[part]);
		r->err->para = r->part_index[part];
		return r->err->code ? r->err->code : TL_ENOMEM;
	}
	r->part_index[part]++;
	p->flags = rec->flags;
	p->outline = rec->kind == TL_PARA_HEADING ? rec->outline : 0;
	p->list_level = rec->list_level;
	p->label = rec->label ? tl_doc_str(d, rec->label) : NULL;
	p->style = rec->style;
	p->table = rec->table;
	p->row = rec->row;
	p->col = rec->col;
	p->note_id = rec->note_id ? tl_doc_str(d, rec->note_id) : NULL;
	p->author = rec->author ? tl_doc_str(d, rec->author) : NULL;
	int32_t idx = p->index;
	if (rec->ref_off > 0 && rec->ref_off <= idx)
		p->ref = idx - rec->ref_off;
	if (rec->kind == TL_PARA_COMMENT) {
		p->ref_end = p->ref;
		if (rec->ann_name) {
			S_ann *a = S_ann_get(r, rec->ann_name);
			if (!a)
				return S_nomem(r);
			if (a->first < 0)
				a->first = idx;
			a->last = idx;
			if (a->end >= 0)
				p->ref_end = a->end;
		}
	}
	for (odt_name *e = rec->ends; e; e = e->next) {
		S_ann *a = S_ann_get(r, e->s);
		if (!a)
			return S_nomem(r);
		a->end = idx;
		for (int32_t i = a->first; i >= 0 && i <= a->last; i++)
			if (d->paras[i].kind == TL_PARA_COMMENT)
				d->paras[i].ref_end = idx;
	}
	return 0;
}

/* Moves a record into container `at` (-1: the document). */
static int S_put(tl_odt *r, long at, odt_rec *rec)
{
	if (at < 0)
		return S_emit(r, rec);
	if (S_seq_push(r, &r->cont[at].seq, rec) != 0) {
		free(rec->text);
		return r->err->code;
	}
	return 0;
}

/* ---- open paragraphs */

static int S_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

int odt_para_open(tl_odt *r, int heading)
{
	if (r->ncont == r->acont) {
		size_t a = r->acont ? r->acont * 2 : 16;
		odt_cont *v = realloc(r->cont, a * sizeof *v);
		if (!v)
			return S_nomem(r);
		r->cont = v;
		r->acont = a;
	}
	odt_cont *c = &r->cont[r->ncont++];
	memset(c, 0, sizeof *c);
	c->type = ODT_C_PARA;
	tl_buf_init(&c->text, r->limits->max_doc_text);
	tl_buf_init(&c->number, 1024);
	c->list = -1;
	c->heading = heading;
	c->start_in_ins = r->nopen_ins > 0;
	odt_rec *rec = &c->rec;
	const odt_ctx *x = &r->ctx;
	rec->kind = x->region != TL_PARA_BODY  ? (tl_para_kind)x->region
	            : x->local != TL_PARA_BODY ? (tl_para_kind)x->local
	            : heading                  ? TL_PARA_HEADING
	                                       : TL_PARA_BODY;
	rec->table = rec->row = rec->col = -1;
	if (x->table >= 0) {
		const odt_table *t = &r->tables[x->table];
		rec->table = t->ordinal;
		rec->row = t->row;
		rec->col = t->cell_col;
	}
	rec->note_id = x->note_id;
	rec->author = x->author;
	rec->ann_name = x->region == TL_PARA_COMMENT ? x->ann_name : NULL;
	rec->needs_ref = x->region == TL_PARA_FOOTNOTE || x->region == TL_PARA_ENDNOTE ||
	                 x->region == TL_PARA_COMMENT;
	rec->part = r->part;
	if (x->hidden)
		rec->flags |= TL_PARA_F_HIDDEN;
	if (x->toc)
		rec->flags |= TL_PARA_F_TOC;
	return 0;
}

static void S_cont_free(odt_cont *c)
{
	tl_buf_free(&c->text);
	tl_buf_free(&c->number);
	odt_seq_free(&c->seq);
}

void odt_conts_free(tl_odt *r)
{
	for (size_t i = 0; i < r->ncont; i++)
		S_cont_free(&r->cont[i]);
	free(r->cont);
	r->cont = NULL;
	r->ncont = r->acont = 0;
}

static const char *S_trim_dup(tl_odt *r, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
		n--;
	return n ? tl_arena_strndup(&r->arena, s, n) : NULL;
}

/* The number of the paragraph: its list item's, or the outline's for a
 * heading outside lists.  text:number, when the writer stored the label it
 * computed, wins; the counters advance either way. */
static const char *S_label(tl_odt *r, odt_cont *c)
{
	const char *label = NULL;
	if (c->numbered)
		return NULL;
	c->numbered = 1;
	if (c->list >= 0) {
		odt_list *l = &r->lists[c->list];
		c->rec.list_level = l->level > 9 ? 9 : l->level;
		c->rec.flags |= TL_PARA_F_LIST;
		if (c->list_first) {
			const odt_liststyle *ls = l->item_style ? l->item_style : l->style;
			if (!ls && c->pstyle)
				ls = odt_liststyle_find(r, c->pstyle->r_list);
			if (!ls)
				ls = r->default_list;
			if (ls && ls == r->outline && c->heading)
				label = odt_number(r, &r->outline_chain, ls, c->h_level - 1, l->item_start,
				                   l->header);
			else
				label = odt_number(r, l->chain, ls, l->level - 1, l->item_start, l->header);
		}
	} else if (c->heading && !r->ctx.deletion) {
		label = odt_number(r, &r->outline_chain, r->outline, c->h_level - 1,
		                   c->h_restart ? c->h_start : -1, c->h_list_header);
	}
	if (c->number.len)
		label = S_trim_dup(r, c->number.data, c->number.len);
	return label;
}

/* Turns container i (a paragraph) into its group of records, added to the
 * container below (or the document), and empties it for reuse. */
static int S_flush_para(tl_odt *r, size_t i, int final)
{
	odt_cont *c = &r->cont[i];
	long below = (long)i - 1;
	/* rejecting: a paragraph whose text is all inserted goes, with its number */
	int dropped = final && r->view == TL_REVISIONS_REJECT && (c->start_in_ins || c->had_ins) &&
	              !c->text_outside_ins;
	c->rec.label = dropped ? NULL : S_label(r, c);
	c->rec.outline = c->heading ? c->h_level : 0;
	if (c->pstyle)
		c->rec.style = c->pstyle->doc_name;
	int empty = S_blank(c->text.data ? c->text.data : "", c->text.len);
	if (dropped || (empty && !c->rec.label && !c->seq.n && !c->ends)) {
		tl_buf_reset(&c->text);
		odt_seq_free(&c->seq);
		return 0;
	}
	odt_rec rec = c->rec;
	rec.ends = c->ends;
	c->ends = NULL;
	size_t len = c->text.len;
	rec.text = tl_buf_detach(&c->text, &len);
	rec.len = rec.text ? len : 0;
	tl_buf_init(&c->text, r->limits->max_doc_text);
	int rc = S_put(r, below, &rec);
	for (size_t k = 0; k < c->seq.n; k++) {
		odt_rec *ch = &c->seq.v[k];
		if (ch->needs_ref && !ch->ref_off)
			ch->ref_off = (int32_t)(k + 1);
		ch->needs_ref = 0;
		if (!rc)
			rc = S_put(r, below, ch);
		else
			free(ch->text);
		ch->text = NULL;
	}
	c->seq.n = 0;
	return rc;
}

int odt_para_close(tl_odt *r)
{
	if (!r->ncont || r->cont[r->ncont - 1].type != ODT_C_PARA)
		return 0;
	size_t i = r->ncont - 1;
	int rc = S_flush_para(r, i, 1);
	S_cont_free(&r->cont[i]);
	r->ncont--;
	return rc;
}

int odt_text(tl_odt *r, const char *s, size_t n)
{
	if (!r->ncont || r->cont[r->ncont - 1].type != ODT_C_PARA)
		return 0;
	odt_cont *c = &r->cont[r->ncont - 1];
	int in_ins = r->nopen_ins > 0;
	int blank = S_blank(s, n);
	if (in_ins && !blank)
		c->had_ins = 1;
	if (in_ins && r->view == TL_REVISIONS_REJECT)
		return 0;
	if (in_ins && !blank)
		c->rec.flags |= TL_PARA_F_INSERTED;
	else if (!blank)
		c->text_outside_ins = 1;
	if (r->ctx.hidden && !blank)
		c->rec.flags |= TL_PARA_F_HIDDEN;
	if (tl_buf_put(&c->text, s, n) != 0)
		return tl_error_set(r->err, TL_ELIMIT_TEXT, "a paragraph exceeds %zu bytes",
		                    r->limits->max_doc_text);
	return 0;
}

/* ---- record buffers */

int odt_seq_open(tl_odt *r)
{
	if (r->ncont == r->acont) {
		size_t a = r->acont ? r->acont * 2 : 16;
		odt_cont *v = realloc(r->cont, a * sizeof *v);
		if (!v)
			return S_nomem(r);
		r->cont = v;
		r->acont = a;
	}
	odt_cont *c = &r->cont[r->ncont++];
	memset(c, 0, sizeof *c);
	c->type = ODT_C_SEQ;
	c->list = -1;
	return 0;
}

static int S_copy(tl_odt *r, odt_rec *dst, const odt_rec *src)
{
	*dst = *src;
	dst->text = malloc(src->len + 1);
	if (!dst->text)
		return S_nomem(r);
	memcpy(dst->text, src->text ? src->text : "", src->len);
	dst->text[src->len] = 0;
	r->buffered += src->len;
	if (r->buffered > r->limits->max_doc_text) {
		free(dst->text);
		return tl_error_set(r->err, TL_ELIMIT_TEXT, "repeated table content exceeds %zu bytes",
		                    r->limits->max_doc_text);
	}
	return 0;
}

int odt_seq_close_repeat(tl_odt *r, long repeat, int dim, long step, int32_t t)
{
	if (!r->ncont || r->cont[r->ncont - 1].type != ODT_C_SEQ)
		return 0;
	odt_seq s = r->cont[r->ncont - 1].seq;
	r->ncont--;
	long below = (long)r->ncont - 1;
	int rc = 0;
	if (s.n && repeat > 1) {
		long room = (long)((ODT_MAX_COPIES - (r->copies < ODT_MAX_COPIES ? r->copies : ODT_MAX_COPIES)) /
		                   s.n);
		if (repeat - 1 > room)
			repeat = room + 1;
		r->copies += (size_t)(repeat - 1) * s.n;
	}
	for (long k = 0; k < repeat && !rc; k++) {
		for (size_t j = 0; j < s.n && !rc; j++) {
			odt_rec rec;
			if (k == repeat - 1) {
				rec = s.v[j];
				s.v[j].text = NULL;
			} else if ((rc = S_copy(r, &rec, &s.v[j])) != 0) {
				break;
			}
			if (rec.table == t) {
				long v = (dim ? rec.col : rec.row) + k * step;
				if (v > INT32_MAX)
					v = INT32_MAX;
				if (dim)
					rec.col = (int32_t)v;
				else
					rec.row = (int32_t)v;
			}
			rc = S_put(r, below, &rec);
		}
	}
	odt_seq_free(&s);
	return rc;
}

int odt_seq_close_into(tl_odt *r, odt_seq *out)
{
	if (!r->ncont || r->cont[r->ncont - 1].type != ODT_C_SEQ)
		return 0;
	odt_seq s = r->cont[r->ncont - 1].seq;
	r->ncont--;
	for (size_t j = 0; j < s.n; j++) {
		if (S_seq_push(r, out, &s.v[j]) != 0) {
			for (size_t k = j; k < s.n; k++)
				free(s.v[k].text);
			free(s.v);
			return r->err->code;
		}
	}
	free(s.v);
	return 0;
}

/* ---- tracked changes in the body */

/* Reject/both view at a deletion mark: the deleted paragraphs come back at
 * that point; the first joins the open paragraph, the last continues it. */
static int S_insert_deleted(tl_odt *r, const odt_change *ch)
{
	const odt_seq *d = &ch->del;
	if (!d->n)
		return 0;
	long top = (long)r->ncont - 1;
	if (top < 0 || r->cont[top].type != ODT_C_PARA) {
		for (size_t j = 0; j < d->n; j++) {
			odt_rec rec;
			int rc = S_copy(r, &rec, &d->v[j]);
			if (rc)
				return rc;
			rec.flags |= TL_PARA_F_DELETED;
			rec.part = r->part;
			if ((rc = S_put(r, top, &rec)) != 0)
				return rc;
		}
		return 0;
	}
	odt_cont *c = &r->cont[top];
	c->rec.flags |= TL_PARA_F_DELETED;
	c->text_outside_ins = 1;
	if (tl_buf_put(&c->text, d->v[0].text ? d->v[0].text : "", d->v[0].len) != 0)
		return tl_error_set(r->err, TL_ELIMIT_TEXT, "a paragraph exceeds %zu bytes",
		                    r->limits->max_doc_text);
	if (d->n == 1)
		return 0;
	int rc = S_flush_para(r, (size_t)top, 0);
	c = &r->cont[top];
	for (size_t j = 1; j + 1 < d->n && !rc; j++) {
		odt_rec rec = c->rec;
		rec.label = NULL;
		rec.ends = NULL;
		rec.ref_off = 0;
		rec.text = NULL;
		rec.len = 0;
		odt_rec tmp;
		if ((rc = S_copy(r, &tmp, &d->v[j])) != 0)
			break;
		rec.text = tmp.text;
		rec.len = tmp.len;
		rc = S_put(r, top - 1, &rec);
	}
	if (!rc && tl_buf_put(&c->text, d->v[d->n - 1].text ? d->v[d->n - 1].text : "",
	                      d->v[d->n - 1].len) != 0)
		rc = tl_error_set(r->err, TL_ELIMIT_TEXT, "a paragraph exceeds %zu bytes",
		                  r->limits->max_doc_text);
	return rc;
}

int odt_change_mark(tl_odt *r, const char *id, int kind)
{
	const odt_change *ch = id ? odt_map_get(&r->changes, id) : NULL;
	if (!ch)
		return 0;
	if (ch->type == ODT_CH_DELETE) {
		if (kind == 2 || r->view == TL_REVISIONS_ACCEPT)
			return 0;
		return S_insert_deleted(r, ch);
	}
	if (ch->type != ODT_CH_INSERT)
		return 0;
	if (kind == 1) {
		if (r->nopen_ins < ODT_MAX_OPEN_INS)
			r->open_ins[r->nopen_ins++] = ch->id;
		return 0;
	}
	if (kind == 2) {
		for (int i = r->nopen_ins - 1; i >= 0; i--) {
			if (r->open_ins[i] && strcmp(r->open_ins[i], id) == 0) {
				memmove(&r->open_ins[i], &r->open_ins[i + 1],
				        (size_t)(r->nopen_ins - i - 1) * sizeof r->open_ins[0]);
				r->nopen_ins--;
				break;
			}
		}
	}
	return 0;
}

int odt_annotation_end(tl_odt *r, const char *name)
{
	if (!name)
		return 0;
	for (long i = (long)r->ncont - 1; i >= 0; i--) {
		if (r->cont[i].type != ODT_C_PARA)
			continue;
		odt_name *e = tl_arena_alloc(&r->arena, sizeof *e);
		if (!e)
			return S_nomem(r);
		e->s = tl_arena_strdup(&r->arena, name);
		e->next = r->cont[i].ends;
		r->cont[i].ends = e;
		return 0;
	}
	return 0;
}
