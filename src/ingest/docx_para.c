/* docx_para.c: turns a read paragraph into a model paragraph.
 *
 * Style (through basedOn), outline level, numbering label, kind, table cell,
 * note/comment links, and the paragraph-mark revision: a paragraph whose
 * mark is deleted in the view (a deleted mark when accepting, an inserted
 * one when rejecting) joins the next paragraph, as Word does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/docx_int.h"
#include "util/utf8.h"

int tl_docx_mark_add(tl_docx_state *s, tl_docx_ctx *c, char what, long id)
{
	if (what == 'x' && !c->open && !c->has_carry && c->last_index >= 0)
		return tl_docx_ref_add(s->dx, what, id, c->last_index);
	if (c->nmarks >= TL_DOCX_MAX_MARKS)
		return 0;
	c->marks[c->nmarks++] = (tl_docx_mark){what, id};
	return 0;
}

static int S_resolve_marks(tl_docx_state *s, tl_docx_ctx *c, int32_t idx)
{
	for (int i = 0; i < c->nmarks; i++)
		if (tl_docx_ref_add(s->dx, c->marks[i].what, c->marks[i].id, idx) != 0)
			return TL_ENOMEM;
	c->nmarks = 0;
	return 0;
}

static tl_para_kind S_story_kind(tl_docx_story st)
{
	switch (st) {
	case TL_DOCX_STORY_FOOTNOTES: return TL_PARA_FOOTNOTE;
	case TL_DOCX_STORY_ENDNOTES: return TL_PARA_ENDNOTE;
	case TL_DOCX_STORY_COMMENTS: return TL_PARA_COMMENT;
	case TL_DOCX_STORY_HEADER: return TL_PARA_HEADER;
	case TL_DOCX_STORY_FOOTER: return TL_PARA_FOOTER;
	default: return TL_PARA_BODY;
	}
}

/* The number of a paragraph: advances the counters, writes its label and
 * returns its list level (0: not a list item).  ilvl -1: the level its
 * numbering-linked style sits at. */
static int S_number(tl_docx *dx, int num_id, int ilvl, const tl_docx_style *st, char *label,
                    int *bullet)
{
	if (ilvl < 0)
		ilvl = tl_docx_numbering_level_of_style(&dx->numbering, num_id, st->id);
	if (ilvl < 0)
		ilvl = 0;
	label[0] = 0;
	*bullet = 0;
	return tl_docx_numbering_next(&dx->numbering, num_id, ilvl, label, bullet) ? ilvl + 1 : 0;
}

static void S_set_number(tl_document *doc, tl_para *p, const char *label, int list_level)
{
	if (label && *label)
		p->label = tl_doc_str(doc, label);
	if (list_level > 0) {
		p->list_level = list_level;
		p->flags |= TL_PARA_F_LIST;
	}
}

int tl_docx_numwait_flush(tl_docx *dx)
{
	char label[TL_NUMFMT_LABEL_MAX];
	for (size_t i = 0; i < dx->nnumwait; i++) {
		const tl_docx_numwait *w = &dx->numwait[i];
		int bullet;
		int level = S_number(dx, w->num_id, w->ilvl, w->st, label, &bullet);
		S_set_number(dx->doc, &dx->doc->paras[w->para], label, level);
	}
	dx->nnumwait = 0;
	return 0;
}

/* A numbered paragraph while numbering.xml is still being parsed: a
 * non-empty one is numbered later, in order (tl_docx_numwait_flush); an
 * empty one needs its label now (it is kept only with a number).  2: waits;
 * else tl_docx_numjob_finish's answer. */
static int S_wait(tl_docx *dx, const tl_para *p, const tl_docx_numwait *w, tl_error *err)
{
	if (p->len == 0)
		return tl_docx_numjob_finish(dx, err);
	if (dx->nnumwait == dx->anumwait) {
		size_t n = dx->anumwait ? dx->anumwait * 2 : 256;
		tl_docx_numwait *v = realloc(dx->numwait, n * sizeof *v);
		if (!v)
			return tl_error_set(err, TL_ENOMEM, "out of memory");
		dx->numwait = v;
		dx->anumwait = n;
	}
	dx->numwait[dx->nnumwait] = *w;
	dx->numwait[dx->nnumwait++].para = p->index;
	return 2;
}

/* Adds one paragraph; text empty and no number: nothing is added (its
 * references move on to the next paragraph).  `wait`: its number is not
 * known yet (label and list_level are then worked out here or later). */
static int S_add(tl_docx_state *s, tl_docx_ctx *c, const char *text, size_t len, unsigned flags,
                 int32_t part_index, const tl_docx_style *st, int outline, char *label,
                 int list_level, int bullet, const tl_docx_numwait *wait, tl_error *err)
{
	tl_document *doc = s->dx->doc;
	tl_para_kind kind = S_story_kind(s->story);
	int in_cell = 0;
	if (c->textbox)
		kind = TL_PARA_TEXTBOX;
	else if (s->story == TL_DOCX_STORY_BODY && s->ntbl > 0)
		kind = TL_PARA_CELL, in_cell = 1;
	else if (s->story == TL_DOCX_STORY_BODY && outline > 0)
		kind = TL_PARA_HEADING;
	tl_para *p = tl_doc_add_para(doc, kind, s->part, part_index, text, len, err);
	if (!p)
		return err && err->code ? err->code : TL_ENOMEM;
	int waits = 0;
	if (wait) {
		int rc = S_wait(s->dx, p, wait, err);
		if (rc != 0 && rc != 2)
			return rc;
		waits = rc == 2;
		if (!waits) /* numbering is there now */
			list_level = S_number(s->dx, wait->num_id, wait->ilvl, st, label, &bullet);
	}
	if (p->len == 0 && (!label || !*label || bullet)) {
		doc->npara--; /* an empty paragraph: nothing to cite */
		return 0;
	}
	p->flags = flags;
	p->outline = outline;
	p->style = st ? st->name : NULL;
	if (!waits)
		S_set_number(doc, p, label, list_level);
	if (in_cell) {
		const tl_docx_table *t = &s->tbl[s->ntbl - 1];
		p->table = t->ordinal;
		p->row = t->row < 0 ? 0 : t->row;
		p->col = t->col;
	}
	if (s->note_id && !c->textbox) {
		p->note_id = s->note_id;
		p->author = s->author;
		if (s->story == TL_DOCX_STORY_COMMENTS) {
			int32_t a = tl_docx_ref_find(s->dx, 's', s->note_num);
			int32_t b = tl_docx_ref_find(s->dx, 'x', s->note_num);
			int32_t r = tl_docx_ref_find(s->dx, 'r', s->note_num);
			p->ref = a >= 0 ? a : r;
			p->ref_end = b >= 0 ? b : r >= 0 ? r : p->ref;
			if (p->ref_end >= 0 && p->ref >= 0 && p->ref_end < p->ref)
				p->ref_end = p->ref;
		} else {
			p->ref = tl_docx_ref_find(s->dx,
			                          s->story == TL_DOCX_STORY_ENDNOTES ? 'e' : 'f', s->note_num);
		}
	}
	int32_t idx = p->index;
	c->last_index = idx;
	return S_resolve_marks(s, c, idx);
}

int tl_docx_emit(tl_docx_state *s, tl_docx_ctx *c, int final, tl_error *err)
{
	tl_docx *dx = s->dx;
	tl_revisions view = dx->o->revisions;
	int rc = 0;
	if (!c->open) {
		if (final && c->has_carry) {
			rc = S_add(s, c, c->carry.data ? c->carry.data : "", c->carry.len, c->carry_flags,
			           c->carry_part_index, NULL, 0, NULL, 0, 0, NULL, err);
			c->has_carry = 0;
			tl_buf_reset(&c->carry);
		}
		if (final && c->nmarks && c->last_index >= 0)
			rc = rc ? rc : S_resolve_marks(s, c, c->last_index);
		return rc;
	}
	c->open = 0;
	if (c->discard) {
		c->discard = 0;
		return 0;
	}
	int joins = (view == TL_REVISIONS_ACCEPT && c->mark_del) ||
	            (view == TL_REVISIONS_REJECT && c->mark_ins) || c->drop_cap;
	if (joins && !final) {
		if (!c->has_carry) {
			c->carry_part_index = c->part_index;
			c->carry_flags = 0;
		}
		c->has_carry = 1;
		c->carry_flags |= c->flags;
		if (c->text.len && (rc = tl_buf_put(&c->carry, c->text.data, c->text.len)) != 0)
			return tl_error_set(err, rc, "paragraph text exceeds the text cap");
		return 0;
	}
	/* the carried text comes first; this paragraph's properties rule the joined one */
	const char *text = c->text.data ? c->text.data : "";
	size_t len = c->text.len;
	int32_t part_index = c->part_index;
	unsigned flags = c->flags;
	if (c->has_carry) {
		if (c->text.len && (rc = tl_buf_put(&c->carry, c->text.data, c->text.len)) != 0)
			return tl_error_set(err, rc, "paragraph text exceeds the text cap");
		text = c->carry.data ? c->carry.data : "";
		len = c->carry.len;
		part_index = c->carry_part_index;
		flags |= c->carry_flags;
	}
	if (view == TL_REVISIONS_BOTH) {
		if (c->mark_ins)
			flags |= TL_PARA_F_INSERTED;
		if (c->mark_del)
			flags |= TL_PARA_F_DELETED;
	}
	const tl_docx_styles *sts = &dx->styles;
	const tl_docx_style *st = NULL;
	if (c->style[0] && dx->memo_ok && strcmp(dx->memo_style, c->style) == 0) {
		st = dx->memo_st;
	} else if (c->style[0]) {
		st = tl_docx_style_find(sts, c->style);
		memcpy(dx->memo_style, c->style, sizeof dx->memo_style); /* both NUL-terminated within */
		dx->memo_st = st;
		dx->memo_ok = 1;
	}
	if (!st && sts->default_para >= 0)
		st = &sts->v[sts->default_para];
	int outline = c->outline >= 0 ? (c->outline >= 9 ? 0 : c->outline + 1) : st ? st->r_outline : 0;
	int num_id = c->num_id >= 0 ? c->num_id : st ? st->r_num_id : -1;
	/* -1: the level its numbering-linked style sits at (S_number) */
	int ilvl = c->ilvl;
	if (ilvl < 0 && c->num_id < 0 && st)
		ilvl = st->r_ilvl;
	else if (ilvl < 0)
		ilvl = 0;
	char label[TL_NUMFMT_LABEL_MAX];
	int bullet = 0, list_level = 0;
	label[0] = 0;
	if (c->ilvl == -2)
		num_id = -1; /* an ilvl outside 0..8 names no level: no number */
	tl_docx_numwait wait = {-1, num_id, ilvl, st};
	int waits = num_id > 0 && dx->numjob;
	if (num_id > 0 && !waits)
		list_level = S_number(dx, num_id, ilvl, st, label, &bullet);
	if (st && st->r_toc)
		flags |= TL_PARA_F_TOC;
	rc = S_add(s, c, text, len, flags, part_index, st, outline, label, list_level, bullet,
	           waits ? &wait : NULL, err);
	c->has_carry = 0;
	tl_buf_reset(&c->carry);
	return rc;
}

/* Symbol and Wingdings code points sit in the private use area (F0xx). */
const char *tl_docx_sym(const char *font, const char *hex, char *buf)
{
	long cp = hex ? strtol(hex, NULL, 16) : 0;
	if (cp <= 0 || cp > 0x10FFFF)
		return NULL;
	int low = (int)(cp & 0xFF);
	int symfont = font && (strncasecmp(font, "Symbol", 6) == 0 || strncasecmp(font, "Wingdings", 9) == 0);
	if (symfont && cp >= 0x20 && cp < 0x100)
		cp |= 0xF000; /* a glyph code of the symbol font, not a Latin-1 character */
	if (cp >= 0xF000 && cp <= 0xF0FF) {
		if (font && strncasecmp(font, "Symbol", 6) == 0) {
			static const char *const greek = "abgdezhqiklmnxoprstuvwcyABGDEZHQIKLMNXOPRSTUVWCY";
			static const unsigned short gcp[] = {
				0x3B1, 0x3B2, 0x3B3, 0x3B4, 0x3B5, 0x3B6, 0x3B7, 0x3B8, 0x3B9, 0x3BA, 0x3BB, 0x3BC,
				0x3BD, 0x3BE, 0x3BF, 0x3C0, 0x3C1, 0x3C3, 0x3C4, 0x3C5, 0x3D6, 0x3C9, 0x3C7, 0x3C8,
				0x391, 0x392, 0x393, 0x394, 0x395, 0x396, 0x397, 0x398, 0x399, 0x39A, 0x39B, 0x39C,
				0x39D, 0x39E, 0x39F, 0x3A0, 0x3A1, 0x3A3, 0x3A4, 0x3A5, 0x3C2, 0x3A9, 0x3A7, 0x3A8};
			const char *g = low ? strchr(greek, low) : NULL;
			if (g)
				cp = gcp[g - greek];
			else if (low >= 0x20 && low < 0x40)
				cp = low; /* digits and punctuation are where ASCII has them */
			else if (low == 0xB7)
				cp = 0x2022;
			else if (low == 0xB1)
				cp = 0xB1;
			else if (low == 0xB4)
				cp = 0xD7;
			else if (low == 0xA3)
				cp = 0x2264;
			else if (low == 0xB3)
				cp = 0x2265;
			else if (low == 0xAE)
				cp = 0x2192;
			else if (low == 0xB0)
				cp = 0xB0;
			else if (low == 0xD3 || low == 0xE3)
				cp = 0xA9;
			else if (low == 0xD2 || low == 0xE2)
				cp = 0xAE;
			else if (low == 0xD4 || low == 0xE4)
				cp = 0x2122;
			else if (low == 0xDA || low == 0xD9)
				cp = low == 0xDA ? 0x2228 : 0x2227;
			else if (low == 0xB9 || low == 0xBB || low == 0xA5)
				cp = low == 0xB9 ? 0x2260 : low == 0xBB ? 0x2248 : 0x221E;
			else if (low == 0xD6 || low == 0xE5 || low == 0xF2)
				cp = low == 0xD6 ? 0x221A : low == 0xE5 ? 0x2211 : 0x222B;
			else if (low == 0xA2 || low == 0xA4)
				cp = low == 0xA2 ? 0x2032 : 0x2044;
			else
				return NULL;
		} else if (font && strncasecmp(font, "Wingdings", 9) == 0) {
			if (low == 0x9F || low == 0x6C || low == 0x6E || low == 0xA7 || low == 0xA1 ||
			    low == 0x77)
				cp = 0x2022;
			else if (low == 0xFC)
				cp = 0x2713;
			else if (low == 0xFB)
				cp = 0x2717;
			else if (low == 0xA8 || low == 0x6F || low == 0x71)
				cp = 0x2610;
			else if (low == 0xFE)
				cp = 0x2611;
			else if (low == 0xE0 || low == 0xE8 || low == 0xF0)
				cp = 0x2192;
			else
				return NULL;
		} else if (low >= 0x20 && low < 0x7F) {
			cp = low;
		} else {
			return NULL;
		}
	} else if ((cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xD800 && cp <= 0xDFFF) || cp < 0x20) {
		return NULL;
	}
	size_t n = tl_utf8_encode((uint32_t)cp, buf);
	buf[n] = 0;
	return buf;
}
