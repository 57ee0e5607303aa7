/* docx_body.c: the streaming reader of one WordprocessingML story.
 *
 * One pass over the part's events (xev.h: from the fast pass, or node by
 * node from xmlTextReader when the document is read slowly); nothing is
 * built but the paragraphs.  What an element opened is remembered by its
 * depth (kind_at[]), so empty elements need no special end handling.  Two ways of
 * not reading: `skip` ignores a whole subtree (the unchosen branch of
 * mc:AlternateContent, old properties in *PrChange, content-control
 * properties), `hide` keeps walking a tracked change that the view leaves out
 * (so fields stay balanced and revisions are still counted) but adds no text. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/docx_int.h"
#include "ingest/xev.h"
#include "util/utf8.h"

/* namespace classes of the events (S_spec) */
enum { NS_W = 0, NS_W_STRICT, NS_MC, NS_M, NS_M_STRICT };

/* the element being started */
typedef tl_xev S_el;

/* w:NAME (either WordprocessingML namespace) or a plain NAME, as tl_docx_attr */
static const char *S_a(const S_el *e, const char *name)
{
	return tl_xev_attr(e, name);
}

/* tl_docx_onoff */
static int S_onoff(const S_el *e)
{
	const char *v = S_a(e, "val");
	return !(v && (strcmp(v, "false") == 0 || strcmp(v, "0") == 0 || strcmp(v, "off") == 0));
}

enum {
	K_NONE = 0, K_P, K_PPR, K_PPR_RPR, K_R, K_RPR, K_T, K_INSTR, K_INS, K_DEL, K_TBL, K_TR, K_TC,
	K_TCPR, K_TRPR, K_TXBX, K_NOTE, K_AC
};

static tl_docx_ctx *S_top(tl_docx_state *s) { return s->ctx[s->nctx - 1]; }

static int S_push_ctx(tl_docx_state *s, int depth, int textbox)
{
	tl_docx_ctx *c = calloc(1, sizeof *c);
	if (!c)
		return TL_ENOMEM;
	size_t cap = s->dx->doc->limits.max_doc_text;
	tl_buf_init(&c->text, cap);
	tl_buf_init(&c->carry, cap);
	c->depth = depth;
	c->textbox = textbox;
	c->last_index = -1;
	s->ctx[s->nctx++] = c;
	return 0;
}

static void S_free_ctx(tl_docx_ctx *c)
{
	tl_buf_free(&c->text);
	tl_buf_free(&c->carry);
	free(c);
}

static int S_visible(const tl_docx_state *s)
{
	return s->hide < 0 && s->nfld_instr == 0;
}

static int S_put(tl_docx_state *s, tl_error *err, const char *t, size_t n)
{
	tl_docx_ctx *c = S_top(s);
	if (!c->open || !S_visible(s))
		return 0;
	if (s->ins)
		c->flags |= TL_PARA_F_INSERTED;
	if (s->del)
		c->flags |= TL_PARA_F_DELETED;
	if (c->vanish)
		c->flags |= TL_PARA_F_HIDDEN;
	for (int i = 0; i < s->nfld; i++)
		if (s->fld[i].toc && s->fld[i].result)
			c->flags |= TL_PARA_F_TOC;
	int rc = tl_buf_put(&c->text, t, n);
	return rc ? tl_error_set(err, rc, "paragraph text exceeds the text cap") : 0;
}

static long S_attr_long(const S_el *e, const char *name, long def, long lo, long hi)
{
	return tl_docx_long(S_a(e, name), def, lo, hi);
}

static void S_count(tl_docx_state *s, const S_el *e, int32_t *counter)
{
	tl_revision_info *rev = &s->dx->doc->rev;
	(*counter)++;
	rev->pending++;
	const char *a = S_a(e, "author");
	if (a)
		tl_doc_add_author(s->dx->doc, a);
}

/* mc:Choice Requires="wps w14": the event's flag says whether every prefix
 * names one of these namespaces (the ones we read) */
static int S_understood_uri(const char *u)
{
	return strncmp(u, "http://schemas.microsoft.com/office/word/", 41) == 0 ||
	       strcmp(u, "http://schemas.microsoft.com/office/drawing/2010/main") == 0 ||
	       strcmp(u, "urn:schemas-microsoft-com:vml") == 0 ||
	       strcmp(u, "urn:schemas-microsoft-com:office:office") == 0 ||
	       strcmp(u, "urn:schemas-microsoft-com:office:word") == 0;
}

/* w:rFonts naming a symbol font: its characters are not Unicode text */
static const char *S_symbol_font(const S_el *e)
{
	const char *f = S_a(e, "ascii");
	if (!f)
		f = S_a(e, "hAnsi");
	return !f ? NULL
	       : strcasecmp(f, "Symbol") == 0 ? "Symbol"
	       : strncasecmp(f, "Wingdings", 9) == 0 ? "Wingdings"
	                                              : NULL;
}

/* Text in a Symbol/Wingdings run: each character is a glyph code (0x20..0xFF,
 * or F020..F0FF), mapped like w:sym; glyphs without a meaning are dropped. */
static int S_put_symbol(tl_docx_state *s, tl_error *err, const char *font, const char *t, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += tl_utf8_decode(t + i, n - i, &cp);
		char hex[8], buf[8];
		const char *m = NULL;
		if (cp < 0x100 || (cp >= 0xF000 && cp <= 0xF0FF)) {
			snprintf(hex, sizeof hex, "%X", (unsigned)(0xF000 | (cp & 0xFF)));
			m = cp == ' ' ? " " : tl_docx_sym(font, hex, buf);
		} else if (cp < 0xE000 || cp > 0xF8FF) {
			m = buf;
			buf[tl_utf8_encode(cp, buf)] = 0;
		}
		int rc = m ? S_put(s, err, m, strlen(m)) : 0;
		if (rc)
			return rc;
	}
	return 0;
}

static void S_field_char(tl_docx_state *s, const char *type)
{
	if (!type)
		return;
	if (strcmp(type, "begin") == 0) {
		if (s->nfld >= TL_DOCX_MAX_FLD) {
			s->overflow_fld++;
			return;
		}
		memset(&s->fld[s->nfld], 0, sizeof s->fld[0]);
		s->nfld++;
		s->nfld_instr++;
	} else if (strcmp(type, "separate") == 0) {
		if (s->overflow_fld || !s->nfld || s->fld[s->nfld - 1].result)
			return;
		tl_docx_field *f = &s->fld[s->nfld - 1];
		f->result = 1;
		s->nfld_instr--;
		f->toc = strncasecmp(f->instr, "TOC", 3) == 0 && (f->instr[3] == 0 || f->instr[3] == ' ');
		if (f->toc && s->nctx)
			S_top(s)->flags |= TL_PARA_F_TOC;
	} else if (strcmp(type, "end") == 0) {
		if (s->overflow_fld) {
			s->overflow_fld--;
			return;
		}
		if (!s->nfld)
			return;
		if (!s->fld[s->nfld - 1].result)
			s->nfld_instr--;
		s->nfld--;
	}
}

static void S_instr(tl_docx_state *s, const char *t, size_t n)
{
	if (!s->nfld || s->overflow_fld)
		return;
	tl_docx_field *f = &s->fld[s->nfld - 1];
	if (f->result)
		return;
	for (const char *end = t + n; t < end && *t && f->ninstr + 1 < sizeof f->instr; t++) {
		if (f->ninstr == 0 && (*t == ' ' || *t == '\t'))
			continue;
		f->instr[f->ninstr++] = *t;
	}
	f->instr[f->ninstr] = 0;
}

static int S_open_para(tl_docx_state *s, int depth, tl_error *err)
{
	tl_docx_ctx *c = S_top(s);
	int rc = 0;
	if (c->open)
		rc = tl_docx_emit(s, c, 0, err); /* malformed nesting: end the open one */
	c->open = 1;
	c->part_index = s->npart++;
	tl_buf_reset(&c->text);
	c->style[0] = 0;
	c->num_id = c->ilvl = c->outline = -1;
	c->mark_ins = c->mark_del = c->drop_cap = 0;
	c->flags = 0;
	c->in_run = c->in_t = c->vanish = 0;
	for (int i = 0; i < s->nfld; i++)
		if (s->fld[i].toc && s->fld[i].result)
			c->flags |= TL_PARA_F_TOC;
	(void)depth;
	return rc;
}

/* The element names this reader acts on (in strcmp order, as S_names),
 * and any other name holding "PrChange" (old properties of a revision). */
enum {
	N_OTHER = 0,
	N_AlternateContent, N_Choice, N_Fallback, N_br, N_cellDel, N_cellIns, N_comment,
	N_commentRangeEnd, N_commentRangeStart, N_commentReference, N_cr, N_customXmlPr, N_del,
	N_delInstrText, N_delText, N_endnote, N_endnoteReference, N_fldChar, N_footnote,
	N_footnoteReference, N_framePr, N_gridBefore, N_gridSpan, N_ilvl, N_ins, N_instrText,
	N_moveFrom, N_moveTo, N_noBreakHyphen, N_numId, N_numPr, N_numberingChange, N_outlineLvl,
	N_p, N_pPr, N_pStyle, N_ptab, N_r, N_rFonts, N_rPr, N_rt, N_sdtEndPr, N_sdtPr, N_sectPr,
	N_smartTagPr, N_specVanish, N_sym, N_t, N_tab, N_tbl, N_tblGrid, N_tblPr, N_tblPrEx, N_tc,
	N_tcPr, N_tr, N_trPr, N_txbxContent, N_vanish, N_PrChange,
};

static const char *const S_names[] = {
	"AlternateContent", "Choice", "Fallback", "br", "cellDel", "cellIns", "comment",
	"commentRangeEnd", "commentRangeStart", "commentReference", "cr", "customXmlPr", "del",
	"delInstrText", "delText", "endnote", "endnoteReference", "fldChar", "footnote",
	"footnoteReference", "framePr", "gridBefore", "gridSpan", "ilvl", "ins", "instrText",
	"moveFrom", "moveTo", "noBreakHyphen", "numId", "numPr", "numberingChange", "outlineLvl",
	"p", "pPr", "pStyle", "ptab", "r", "rFonts", "rPr", "rt", "sdtEndPr", "sdtPr", "sectPr",
	"smartTagPr", "specVanish", "sym", "t", "tab", "tbl", "tblGrid", "tblPr", "tblPrEx", "tc",
	"tcPr", "tr", "trPr", "txbxContent", "vanish",
};

/* The fast pass asks once per name (xev.h name_id): the handlers below
 * switch on the answer instead of comparing names at every start tag. */
static int S_name_id(int ns, const char *uri, const char *ln)
{
	(void)ns, (void)uri;
	int i = tl_xev_name_index(S_names, sizeof S_names / sizeof S_names[0], ln);
	if (i >= 0)
		return N_OTHER + 1 + i;
	return strstr(ln, "PrChange") ? N_PrChange : N_OTHER;
}

/* Start tags of a w:pPr (and of its w:rPr, which holds the paragraph mark). */
static void S_ppr(tl_docx_state *s, const S_el *r, const char *ln, int depth, int empty,
                  int in_mark)
{
	int nid = r->id; /* S_name_id */
	tl_docx_ctx *c = S_top(s);
	tl_revision_info *rev = &s->dx->doc->rev;
	if (nid == N_PrChange || nid == N_numberingChange) {
		S_count(s, r, &rev->format_changes);
		if (!empty)
			s->skip = depth;
	} else if (in_mark) {
		if (nid == N_ins || nid == N_moveTo) {
			S_count(s, r, ln[0] == 'i' ? &rev->insertions : &rev->moves);
			c->mark_ins = 1;
		} else if (nid == N_del || nid == N_moveFrom) {
			S_count(s, r, ln[0] == 'd' ? &rev->deletions : &rev->moves);
			c->mark_del = 1;
		}
	} else if (nid == N_rPr) {
		if (!empty)
			s->kind_at[depth] = K_PPR_RPR;
	} else if (nid == N_numPr) {
		if (!empty)
			s->kind_at[depth] = K_PPR;
	} else if (nid == N_pStyle) {
		const char *v = S_a(r, "val");
		size_t n = v ? strlen(v) : 0; /* cut at the field's size, as snprintf would */
		if (n >= sizeof c->style)
			n = sizeof c->style - 1;
		if (n)
			memcpy(c->style, v, n);
		c->style[n] = '\0';
	} else if (nid == N_numId) {
		c->num_id = (int)S_attr_long(r, "val", -1, -1, 0x7fffffff);
	} else if (nid == N_ilvl) {
		long l = S_attr_long(r, "val", -1, -1, 1000);
		c->ilvl = l >= 0 && l < TL_DOCX_LEVELS ? (int)l : -2; /* -2: out of range, ignored */
	} else if (nid == N_framePr) {
		const char *v = S_a(r, "dropCap");
		c->drop_cap = v && (strcmp(v, "drop") == 0 || strcmp(v, "margin") == 0);
	} else if (nid == N_outlineLvl) {
		c->outline = (int)S_attr_long(r, "val", -1, -1, 9);
	} else if (nid == N_sectPr) {
		if (!empty)
			s->skip = depth;
	}
}

/* A tracked change around runs, cells or rows. */
static void S_revision(tl_docx_state *s, const S_el *r, const char *ln, int depth, int empty)
{
	int nid = r->id; /* S_name_id */
	tl_revision_info *rev = &s->dx->doc->rev;
	int ins = nid == N_ins || nid == N_moveTo;
	S_count(s, r, ln[0] == 'm' ? &rev->moves : ins ? &rev->insertions : &rev->deletions);
	if (empty)
		return;
	tl_revisions v = s->dx->o->revisions;
	int shown = ins ? v != TL_REVISIONS_REJECT : v != TL_REVISIONS_ACCEPT;
	s->kind_at[depth] = ins ? K_INS : K_DEL;
	if (!shown) {
		if (s->hide < 0)
			s->hide = depth;
	} else if (ins) {
		s->ins++;
	} else {
		s->del++;
	}
}

static int S_start_w(tl_docx_state *s, const S_el *r, const char *ln, int depth, int empty,
                     tl_error *err)
{
	int nid = r->id; /* S_name_id */
	tl_docx_ctx *c = S_top(s);
	unsigned char parent = depth > 0 ? s->kind_at[depth - 1] : K_NONE;
	tl_revision_info *rev = &s->dx->doc->rev;
	int rc = 0;
	char sym[8];

	if (parent == K_PPR || parent == K_PPR_RPR) {
		S_ppr(s, r, ln, depth, empty, parent == K_PPR_RPR);
		return 0;
	}
	if (parent == K_RPR) {
		if (nid == N_vanish || nid == N_specVanish)
			c->vanish = S_onoff(r);
		else if (nid == N_rFonts)
			c->symfont = S_symbol_font(r);
		else if (nid == N_PrChange) {
			S_count(s, r, &rev->format_changes);
			if (!empty)
				s->skip = depth;
		}
		return 0;
	}
	if (parent == K_TRPR || parent == K_TCPR) {
		tl_docx_table *t = s->ntbl ? &s->tbl[s->ntbl - 1] : NULL;
		if (nid == N_PrChange) {
			S_count(s, r, &rev->format_changes);
			if (!empty)
				s->skip = depth;
		} else if (t && nid == N_gridBefore) {
			t->next_col += (int32_t)S_attr_long(r, "val", 0, 0, 1000);
		} else if (t && nid == N_gridSpan) {
			t->span = (int32_t)S_attr_long(r, "val", 1, 1, 1000);
		} else if (t && parent == K_TRPR && (nid == N_ins || nid == N_del)) {
			int ins = ln[0] == 'i';
			S_count(s, r, ins ? &rev->insertions : &rev->deletions);
			tl_revisions v = s->dx->o->revisions;
			if ((ins && v == TL_REVISIONS_REJECT) || (!ins && v == TL_REVISIONS_ACCEPT))
				t->row_skip = 1;
		} else if (parent == K_TCPR && (nid == N_cellIns || nid == N_cellDel)) {
			S_count(s, r, ln[4] == 'I' ? &rev->insertions : &rev->deletions);
		}
		return 0;
	}

	switch (ln[0]) {
	case 'p':
		if (nid == N_p) {
			if ((rc = S_open_para(s, depth, err)) != 0)
				return rc;
			c->discard = s->hide >= 0; /* inside a hidden row or a deleted text box */
			if (empty)
				return tl_docx_emit(s, c, 0, err);
			s->kind_at[depth] = K_P;
			return 0;
		}
		if (nid == N_pPr && !empty && parent == K_P)
			s->kind_at[depth] = K_PPR;
		else if (nid == N_ptab && c->in_run)
			rc = S_put(s, err, "\t", 1);
		return rc;
	case 'r':
		if (nid == N_r && !empty) {
			s->kind_at[depth] = K_R;
			c->in_run = 1;
			c->vanish = 0;
			c->symfont = NULL;
		} else if (nid == N_rPr && !empty && parent == K_R) {
			s->kind_at[depth] = K_RPR;
		} else if (nid == N_rt && !empty) {
			s->skip = depth; /* phonetic guide over the base text */
		}
		return 0;
	case 't':
		if (nid == N_t && !empty && c->in_run) {
			s->kind_at[depth] = K_T;
			c->in_t = 1;
		} else if (nid == N_tab && c->in_run) {
			rc = S_put(s, err, "\t", 1);
		} else if (nid == N_tbl && !empty) {
			if (s->ntbl >= TL_DOCX_MAX_TBL) {
				s->skip = depth;
				return 0;
			}
			tl_docx_table *t = &s->tbl[s->ntbl++];
			memset(t, 0, sizeof *t);
			t->ordinal = s->dx->ntables++;
			t->row = -1;
			s->kind_at[depth] = K_TBL;
		} else if (nid == N_tr && !empty && s->ntbl) {
			tl_docx_table *t = &s->tbl[s->ntbl - 1];
			t->row++;
			t->next_col = 0;
			t->row_skip = 0;
			s->kind_at[depth] = K_TR;
		} else if (nid == N_trPr && !empty && parent == K_TR) {
			s->kind_at[depth] = K_TRPR;
		} else if (nid == N_tc && !empty && s->ntbl) {
			tl_docx_table *t = &s->tbl[s->ntbl - 1];
			if (t->row_skip && s->hide < 0)
				s->hide = depth; /* read (revisions are counted) but not shown */
			t->col = t->next_col;
			t->span = 1;
			s->kind_at[depth] = K_TC;
		} else if (nid == N_tcPr && !empty && parent == K_TC) {
			s->kind_at[depth] = K_TCPR;
		} else if ((nid == N_tblPr || nid == N_tblGrid ||
		            nid == N_tblPrEx) && !empty) {
			s->skip = depth;
		} else if (nid == N_txbxContent && !empty) {
			if (s->nctx >= TL_DOCX_MAX_CTX) {
				s->skip = depth;
				return 0;
			}
			if ((rc = S_push_ctx(s, depth, 1)) != 0)
				return tl_error_set(err, rc, "out of memory");
			s->kind_at[depth] = K_TXBX;
		}
		return rc;
	case 'd':
		if (nid == N_delText && !empty && c->in_run) {
			s->kind_at[depth] = K_T;
			c->in_t = 1;
		} else if (nid == N_del) {
			S_revision(s, r, ln, depth, empty);
		} else if (nid == N_delInstrText && !empty) {
			s->skip = depth;
		}
		return 0;
	case 'i':
		if (nid == N_ins)
			S_revision(s, r, ln, depth, empty);
		else if (nid == N_instrText && !empty)
			s->kind_at[depth] = K_INSTR;
		return 0;
	case 'm':
		if (nid == N_moveFrom || nid == N_moveTo)
			S_revision(s, r, ln, depth, empty);
		return 0;
	case 'b':
		if (nid == N_br && c->in_run) {
			const char *ty = S_a(r, "type");
			rc = S_put(s, err, ty && strcmp(ty, "textWrapping") != 0 ? " " : "\n", 1);
		}
		return rc;
	case 'c':
		if (nid == N_cr && c->in_run)
			return S_put(s, err, "\n", 1);
		if (nid == N_commentRangeStart || nid == N_commentRangeEnd ||
		    nid == N_commentReference) {
			char what = nid == N_commentRangeStart ? 's'
			            : nid == N_commentRangeEnd ? 'x'
			                                                  : 'r';
			long id = S_attr_long(r, "id", -1, -1, 0x7fffffffL);
			if (id >= 0 && s->story != TL_DOCX_STORY_COMMENTS)
				return tl_docx_mark_add(s, c, what, id);
		} else if (nid == N_comment && !empty && s->story == TL_DOCX_STORY_COMMENTS) {
			const char *id = S_a(r, "id"), *a = S_a(r, "author");
			s->note_id = tl_doc_str(s->dx->doc, id ? id : "");
			s->author = a ? tl_doc_str(s->dx->doc, a) : NULL;
			s->note_num = tl_docx_long(id, -1, -1, 0x7fffffffL);
			s->kind_at[depth] = K_NOTE;
		} else if (nid == N_customXmlPr && !empty) {
			s->skip = depth;
		}
		return 0;
	case 'f':
		if (nid == N_fldChar) {
			S_field_char(s, S_a(r, "fldCharType"));
		} else if ((nid == N_footnoteReference || nid == N_endnoteReference) &&
		           s->hide < 0) {
			long id = S_attr_long(r, "id", -1, -1, 0x7fffffffL);
			if (id >= 0)
				return tl_docx_mark_add(s, c, ln[0], id);
		} else if (nid == N_footnote && !empty &&
		           (s->story == TL_DOCX_STORY_FOOTNOTES)) {
			goto note;
		}
		return 0;
	case 'e':
		if (nid == N_endnoteReference && s->hide < 0) {
			long id = S_attr_long(r, "id", -1, -1, 0x7fffffffL);
			if (id >= 0)
				return tl_docx_mark_add(s, c, 'e', id);
		} else if (nid == N_endnote && !empty && s->story == TL_DOCX_STORY_ENDNOTES) {
			goto note;
		}
		return 0;
	case 'n':
		if (nid == N_noBreakHyphen && c->in_run)
			return S_put(s, err, "-", 1);
		return 0;
	case 's':
		if (nid == N_sym && c->in_run) {
			const char *t = tl_docx_sym(S_a(r, "font"), S_a(r, "char"), sym);
			if (t)
				return S_put(s, err, t, strlen(t));
		} else if ((nid == N_sdtPr || nid == N_sdtEndPr ||
		            nid == N_smartTagPr || nid == N_sectPr) && !empty) {
			s->skip = depth;
		}
		return 0;
	default:
		return 0;
	}
note: {
	const char *ty = S_a(r, "type");
	if (ty && (strcmp(ty, "separator") == 0 || strcmp(ty, "continuationSeparator") == 0 ||
	           strcmp(ty, "continuationNotice") == 0)) {
		s->skip = depth;
		return 0;
	}
	const char *id = S_a(r, "id");
	s->note_id = tl_doc_str(s->dx->doc, id ? id : "");
	s->author = NULL;
	s->note_num = tl_docx_long(id, -1, -1, 0x7fffffffL);
	s->kind_at[depth] = K_NOTE;
	return 0;
}
}

static int S_end(tl_docx_state *s, int depth, tl_error *err)
{
	unsigned char k = s->kind_at[depth];
	s->kind_at[depth] = K_NONE;
	tl_docx_ctx *c = S_top(s);
	switch (k) {
	case K_P:
		return tl_docx_emit(s, c, 0, err);
	case K_R:
		c->in_run = 0;
		c->vanish = 0;
		return 0;
	case K_T:
		c->in_t = 0;
		return 0;
	case K_INS:
	case K_DEL:
		if (s->hide == depth)
			s->hide = -1;
		else if (k == K_INS && s->ins > 0)
			s->ins--;
		else if (k == K_DEL && s->del > 0)
			s->del--;
		return 0;
	case K_TBL:
		if (s->ntbl)
			s->ntbl--;
		return 0;
	case K_TC:
		if (s->hide == depth)
			s->hide = -1;
		if (s->ntbl) {
			tl_docx_table *t = &s->tbl[s->ntbl - 1];
			t->next_col = t->col + t->span;
		}
		return tl_docx_emit(s, c, 1, err); /* a joined paragraph never crosses a cell */
	case K_TXBX: {
		int rc = tl_docx_emit(s, c, 1, err);
		S_free_ctx(c);
		s->nctx--;
		return rc;
	}
	case K_NOTE: {
		int rc = tl_docx_emit(s, c, 1, err);
		s->note_id = s->author = NULL;
		s->note_num = -1;
		return rc;
	}
	case K_AC:
		if (s->nac)
			s->nac--;
		return 0;
	default:
		return 0;
	}
}

static void S_mc(tl_docx_state *s, const S_el *r, const char *ln, int depth, int empty)
{
	int nid = r->id; /* S_name_id */
	if (nid == N_AlternateContent && !empty) {
		if (s->nac >= TL_DOCX_MAX_AC) {
			s->skip = depth;
			return;
		}
		s->ac[s->nac].depth = depth;
		s->ac[s->nac].chosen = 0;
		s->nac++;
		s->kind_at[depth] = K_AC;
	} else if ((nid == N_Choice || nid == N_Fallback) && !empty) {
		if (!s->nac || s->ac[s->nac - 1].depth != depth - 1) {
			s->skip = depth;
			return;
		}
		int *chosen = &s->ac[s->nac - 1].chosen;
		if (*chosen || (ln[0] == 'C' && !r->flag))
			s->skip = depth; /* one branch only */
		else
			*chosen = 1;
	}
}

static int S_keep_text(int ns, const char *ln)
{
	if (ns == NS_W || ns == NS_W_STRICT)
		return strcmp(ln, "t") == 0 || strcmp(ln, "delText") == 0 || strcmp(ln, "instrText") == 0;
	return (ns == NS_M || ns == NS_M_STRICT) && strcmp(ln, "t") == 0;
}

static const char *const S_ns[] = {TL_NS_W, TL_NS_W_STRICT, TL_NS_MC, TL_NS_M, TL_NS_M_STRICT};

/* Elements of other namespaces, elements whose name this reader does not
 * act on (S_name_id 0: w:bookmarkStart, the run properties other than
 * w:vanish and w:rFonts, ...) and text outside w:t, w:delText, w:instrText
 * and m:t change nothing below (what they open is K_NONE, which every
 * element's end leaves behind at its depth), so the fast pass leaves them
 * out. */
static const tl_xspec S_spec = {S_ns, 5, 0x1f, (1u << NS_W) | (1u << NS_W_STRICT), S_keep_text,
                                NS_MC, S_understood_uri, 0, S_name_id, 1};

static int S_event(tl_docx_state *s, const tl_xev *ev, tl_error *err)
{
	int depth = ev->depth;
	if (depth < 0 || depth >= TL_DOCX_MAX_DEPTH)
		return 0;
	if (s->skip >= 0) {
		if (ev->type == TL_XEV_END && depth == s->skip)
			s->skip = -1;
		return 0;
	}
	if (ev->type == TL_XEV_START) {
		const char *ln = ev->ln;
		int empty = ev->empty;
		s->kind_at[depth] = K_NONE;
		if (ev->ns == NS_W || ev->ns == NS_W_STRICT) {
			return S_start_w(s, ev, ln, depth, empty, err);
		} else if (ev->ns == NS_MC) {
			S_mc(s, ev, ln, depth, empty);
		} else if ((ev->ns == NS_M || ev->ns == NS_M_STRICT) && ev->id == N_t && !empty) {
			s->kind_at[depth] = K_T; /* math text reads as text */
			S_top(s)->in_t = 1;
		}
		return 0;
	}
	if (ev->type == TL_XEV_END)
		return S_end(s, depth, err);
	if (ev->flag & TL_XEV_TEXT_WS)
		return 0; /* not a kind of text node this reader ever took */
	unsigned char k = depth > 0 ? s->kind_at[depth - 1] : K_NONE;
	if (k == K_T && S_top(s)->symfont)
		return S_put_symbol(s, err, S_top(s)->symfont, ev->ln, ev->len);
	if (k == K_T)
		return S_put(s, err, ev->ln, ev->len);
	if (k == K_INSTR)
		S_instr(s, ev->ln, ev->len);
	return 0;
}

typedef struct S_fast {
	tl_docx_state *s;
	tl_error *err;
} S_fast;

static int S_on_event(void *ctx, const tl_xev *ev)
{
	S_fast *f = ctx;
	if (S_event(f->s, ev, f->err) != 0)
		return 1;
	/* a subtree this reader ignores (s->skip): the pass need not hand it over */
	return ev->type == TL_XEV_START && f->s->skip == ev->depth && !ev->empty ? TL_XEV_SKIP : 0;
}

int tl_docx_read_story(tl_docx *dx, tl_docx_story story, const char *part, const char *data,
                       size_t len, tl_error *err)
{
	tl_docx_state *s = calloc(1, sizeof *s);
	if (!s)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	s->dx = dx;
	s->story = story;
	s->part = part;
	s->skip = s->hide = -1;
	s->note_num = -1;
	tl_docx_refs_sort(dx);
	const tl_limits *lim = &dx->doc->limits;
	int rc = S_push_ctx(s, -1, 0);
	if (rc)
		rc = tl_error_set(err, rc, "out of memory");
	unsigned maxd = lim->max_xml_depth < TL_DOCX_MAX_DEPTH ? lim->max_xml_depth : TL_DOCX_MAX_DEPTH;
	if (rc == 0 && !dx->slow) {
		/* any stop (a part the pass does not take, or an error of ours, which
		 * the reader may report differently) reads the document again slowly */
		S_fast f = {s, err};
		if (!tl_xev_parse(data, len, &S_spec, maxd, lim->max_text_len, S_on_event, &f))
			rc = TL_DOCX_SLOW;
	} else if (rc == 0) { /* libxml2's reader, node by node */
		xmlTextReaderPtr r = NULL;
		tl_xscratch sc = {0};
		rc = tl_xml_reader(&r, data, len, part, lim, err);
		while (rc == 0 && (rc = tl_xml_next(r, part, lim, err)) == 1) {
			tl_xev ev;
			int x = tl_xev_from_reader(&sc, r, &S_spec, &ev);
			rc = x < 0 ? tl_error_set(err, TL_ENOMEM, "out of memory") : x ? S_event(s, &ev, err) : 0;
		}
		if (r)
			xmlFreeTextReader(r);
		tl_xscratch_free(&sc);
	}
	if (rc == 0) {
		/* unclosed text boxes (a truncated part) and the story itself */
		while (rc == 0 && s->nctx > 0) {
			rc = tl_docx_emit(s, S_top(s), 1, err);
			S_free_ctx(s->ctx[--s->nctx]);
		}
	}
	while (s->nctx > 0)
		S_free_ctx(s->ctx[--s->nctx]);
	free(s);
	return rc;
}
