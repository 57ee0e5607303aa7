/* docx_num.c: numbering.xml -> labels as Word shows them.
 *
 * Counters live on the abstractNum, so every w:num that points at the same
 * abstractNum continues one list; the first paragraph of a w:num with a
 * startOverride restarts that shared list (Word's "restart numbering"
 * creates exactly such a num), and paragraphs of the other nums continue
 * from there (docx4j's listnumbering/startOverride.docx shows Word's result).  Links
 * through numbering styles (numStyleLink -> style -> numId -> abstractNum)
 * are followed with the max_ref_hops cap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/docx_int.h"
#include "ingest/xev.h"
#include "util/utf8.h"

static int S_cmp_abs(const void *a, const void *b)
{
	long x = ((const tl_docx_abstract *)a)->id, y = ((const tl_docx_abstract *)b)->id;
	return x < y ? -1 : x > y;
}

static int S_cmp_num(const void *a, const void *b)
{
	long x = ((const tl_docx_num *)a)->id, y = ((const tl_docx_num *)b)->id;
	return x < y ? -1 : x > y;
}

static tl_docx_num *S_num(const tl_docx_numbering *nb, long id)
{
	tl_docx_num key;
	key.id = id;
	return nb->nnum ? bsearch(&key, nb->num, nb->nnum, sizeof key, S_cmp_num) : NULL;
}

static int S_abs(const tl_docx_numbering *nb, long id)
{
	tl_docx_abstract key;
	key.id = id;
	const tl_docx_abstract *a =
		nb->nabs ? bsearch(&key, nb->abs, nb->nabs, sizeof key, S_cmp_abs) : NULL;
	return a ? (int)(a - nb->abs) : -1;
}

static void S_lvl_init(tl_docx_lvl *l)
{
	memset(l, 0, sizeof *l);
	l->start = 1; /* Word's default when w:start is absent */
	l->restart = -1;
	l->fmt = TL_NUMFMT_DECIMAL;
}

/* Where S_node finds the element and its attributes */
typedef struct S_src {
	const tl_xev *ev;
} S_src;

/* tl_docx_attr's answer: w:NAME in either namespace, else a plain NAME */
static const char *S_attr(const S_src *src, const char *name)
{
	return tl_xev_attr(src->ev, name);
}

/* tl_docx_onoff over S_attr */
static int S_onoff(const S_src *src)
{
	const char *v = S_attr(src, "val");
	return !(v && (strcmp(v, "false") == 0 || strcmp(v, "0") == 0 || strcmp(v, "off") == 0));
}

/* The element names this reader acts on, in strcmp order (S_names). */
enum {
	N_OTHER = 0,
	N_abstractNum, N_abstractNumId, N_isLgl, N_lvl, N_lvlOverride, N_lvlRestart,
	N_lvlText, N_num, N_numFmt, N_numStyleLink, N_pStyle, N_start, N_startOverride,
};

static const char *const S_names[] = {
	"abstractNum", "abstractNumId", "isLgl", "lvl", "lvlOverride", "lvlRestart",
	"lvlText", "num", "numFmt", "numStyleLink", "pStyle", "start", "startOverride",
};

/* The fast pass asks once per name (xev.h name_id); S_node switches on it. */
static int S_name_id(int ns, const char *uri, const char *ln)
{
	(void)ns, (void)uri;
	int i = tl_xev_name_index(S_names, sizeof S_names / sizeof S_names[0], ln);
	if (i >= 0)
		return N_OTHER + 1 + i;
	return N_OTHER;
}

/* One child of a w:lvl element. */
static void S_lvl_child(tl_docx_lvl *l, const S_src *src, tl_document *doc)
{
	int nid = src->ev->id; /* S_name_id */
	if (nid != N_start && nid != N_numFmt && nid != N_lvlText && nid != N_lvlRestart &&
	    nid != N_isLgl && nid != N_pStyle)
		return; /* lvlJc, pPr, rPr and the rest */
	const char *v = nid == N_isLgl ? NULL : S_attr(src, "val");
	if (nid == N_start)
		l->start = tl_numfmt_clamp(tl_docx_long(v, 1, 0, TL_NUMFMT_MAX_VALUE));
	else if (nid == N_numFmt)
		l->fmt = tl_numfmt_from_docx(v);
	else if (nid == N_lvlText)
		l->text = tl_doc_str(doc, v ? v : "");
	else if (nid == N_lvlRestart)
		l->restart = (int)tl_docx_long(v, -1, 0, TL_DOCX_LEVELS);
	else if (nid == N_isLgl)
		l->is_lgl = S_onoff(src);
	else if (nid == N_pStyle)
		l->pstyle = tl_doc_str(doc, v);
}

static int S_grow(void **v, size_t *a, size_t n, size_t size)
{
	if (n < *a)
		return 0;
	size_t k = *a ? *a * 2 : 16;
	void *p = realloc(*v, k * size);
	if (!p)
		return TL_ENOMEM;
	*v = p;
	*a = k;
	return 0;
}

/* The parse in progress: which abstractNum, num, level and override the
 * elements met so far are inside. */
typedef struct S_state {
	tl_docx_numbering *nb;
	tl_document *doc;
	tl_error *err;
	tl_docx_abstract *ca;
	tl_docx_num *cn;
	tl_docx_lvl *cl;
	int override_lvl, lvl_depth;
} S_state;

/* One element (start or end) in the WordprocessingML namespace. */
static int S_node(S_state *st, const S_src *src)
{
	tl_docx_numbering *nb = st->nb;
	int nid = src->ev->id; /* S_name_id */
	int depth = src->ev->depth, empty = src->ev->empty, type = src->ev->type;
	if (type == TL_XEV_END) {
		if (nid == N_abstractNum)
			st->ca = NULL;
		else if (nid == N_num)
			st->cn = NULL;
		else if (nid == N_lvlOverride)
			st->override_lvl = -1;
		if (depth == st->lvl_depth && nid == N_lvl)
			st->cl = NULL, st->lvl_depth = -1;
		return 0;
	}
	if (type != TL_XEV_START)
		return 0;
	if (nid == N_abstractNum && !empty) {
		if (S_grow((void **)&nb->abs, &nb->aabs, nb->nabs, sizeof *nb->abs))
			return tl_error_set(st->err, TL_ENOMEM, "out of memory reading numbering");
		const char *id = S_attr(src, "abstractNumId");
		st->ca = &nb->abs[nb->nabs++];
		memset(st->ca, 0, sizeof *st->ca);
		st->ca->id = tl_docx_long(id, -1, -1, 0x7fffffffL);
		for (int i = 0; i < TL_DOCX_LEVELS; i++)
			S_lvl_init(&st->ca->lvl[i]);
	} else if (nid == N_num && !empty) {
		if (S_grow((void **)&nb->num, &nb->anum, nb->nnum, sizeof *nb->num))
			return tl_error_set(st->err, TL_ENOMEM, "out of memory reading numbering");
		const char *id = S_attr(src, "numId");
		st->cn = &nb->num[nb->nnum++];
		memset(st->cn, 0, sizeof *st->cn);
		st->cn->id = tl_docx_long(id, -1, -1, 0x7fffffffL);
		st->cn->abstract_id = -1;
		st->cn->abs = -1;
		st->ca = NULL;
	} else if (nid == N_lvl && !empty && (st->ca || (st->cn && st->override_lvl >= 0))) {
		const char *il = S_attr(src, "ilvl");
		long k = st->cn ? st->override_lvl : tl_docx_long(il, -1, -1, 1000);
		st->cl = NULL;
		if (k >= 0 && k < TL_DOCX_LEVELS) {
			st->cl = st->cn ? &st->cn->lvl[k] : &st->ca->lvl[k];
			S_lvl_init(st->cl);
			st->cl->set = 1;
			st->lvl_depth = depth;
		}
	} else if (st->cl) {
		S_lvl_child(st->cl, src, st->doc);
	} else if (st->ca && nid == N_numStyleLink) {
		st->ca->num_style_link = tl_doc_str(st->doc, S_attr(src, "val"));
	} else if (st->cn && nid == N_abstractNumId) {
		st->cn->abstract_id = tl_docx_long(S_attr(src, "val"), -1, -1, 0x7fffffffL);
	} else if (st->cn && nid == N_lvlOverride && !empty) {
		long k = tl_docx_long(S_attr(src, "ilvl"), -1, -1, 1000);
		st->override_lvl = k >= 0 && k < TL_DOCX_LEVELS ? (int)k : -1;
	} else if (st->cn && st->override_lvl >= 0 && nid == N_startOverride) {
		st->cn->start_override[st->override_lvl] =
			tl_numfmt_clamp(tl_docx_long(S_attr(src, "val"), 0, 0, TL_NUMFMT_MAX_VALUE));
		st->cn->override_mask |= 1u << st->override_lvl;
	}
	return 0;
}

static const char *const S_ns[] = {TL_NS_W, TL_NS_W_STRICT};
/* WordprocessingML elements with their attributes; no text */
/* S_node does nothing with an element whose name it does not know
 * (S_name_id 0: lvlJc, pPr, rPr, ind, ...): the fast pass leaves those out */
static const tl_xspec S_spec = {S_ns, 2, 0x3, 0x3, NULL, -1, NULL, 0, S_name_id, 1};

/* numbering.xml is mostly attributes (a w:num per list, nine overrides
 * each): the fast pass (xev.h) records the WordprocessingML elements, and
 * anything it does not take goes through the reader node by node, so
 * errors and limits stay the reader's. */
static int S_on_event(void *ctx, const tl_xev *ev)
{
	S_src src = {ev};
	return S_node(ctx, &src) != 0;
}

/* The reader's events: WordprocessingML elements only, as the fast pass's spec keeps. */
static int S_on_reader_event(void *ctx, const tl_xev *ev)
{
	S_src src = {ev};
	return ev->ns <= 1 ? S_node(ctx, &src) : 0;
}

int tl_docx_numbering_parse(tl_docx_numbering *nb, tl_document *doc, const char *part,
                            const char *data, size_t len, int slow, tl_error *err)
{
	S_state st = {nb, doc, err, NULL, NULL, NULL, -1, -1};
	const tl_limits *lim = &doc->limits;
	unsigned maxd = lim->max_xml_depth < TL_DOCX_MAX_DEPTH ? lim->max_xml_depth : TL_DOCX_MAX_DEPTH;
	int rc = 0;
	if (!slow) {
		if (!tl_xev_parse(data, len, &S_spec, maxd, lim->max_text_len, S_on_event, &st))
			return TL_DOCX_SLOW;
	} else {
		rc = tl_xev_read_part(data, len, part, lim, &S_spec, S_on_reader_event, &st, "numbering", err);
		if (rc < 0)
			return rc;
	}
	if (nb->nabs > 1)
		qsort(nb->abs, nb->nabs, sizeof *nb->abs, S_cmp_abs);
	if (nb->nnum > 1)
		qsort(nb->num, nb->nnum, sizeof *nb->num, S_cmp_num);
	return 0;
}

void tl_docx_numbering_resolve(tl_docx_numbering *nb, const tl_docx_styles *st, unsigned max_hops)
{
	for (size_t i = 0; i < nb->nnum; i++) {
		tl_docx_num *n = &nb->num[i];
		int a = S_abs(nb, n->abstract_id);
		/* abstractNum -numStyleLink-> numbering style -numId-> num -> abstractNum ... */
		for (unsigned hop = 0; a >= 0 && nb->abs[a].num_style_link && hop < max_hops; hop++) {
			const tl_docx_style *s = tl_docx_style_find(st, nb->abs[a].num_style_link);
			int nid = s ? (s->num_id >= 0 ? s->num_id : s->r_num_id) : -1;
			const tl_docx_num *n2 = nid > 0 ? S_num(nb, nid) : NULL;
			int a2 = n2 ? S_abs(nb, n2->abstract_id) : -1;
			if (a2 < 0 || a2 == a)
				break;
			a = a2;
		}
		n->abs = a;
	}
}

void tl_docx_numbering_free(tl_docx_numbering *nb)
{
	free(nb->abs);
	free(nb->num);
	memset(nb, 0, sizeof *nb);
}

int tl_docx_numbering_level_of_style(const tl_docx_numbering *nb, int num_id, const char *style_id)
{
	const tl_docx_num *n = S_num(nb, num_id);
	if (!n || n->abs < 0 || !style_id)
		return -1;
	for (int k = 0; k < TL_DOCX_LEVELS; k++) {
		const tl_docx_lvl *l = n->lvl[k].set ? &n->lvl[k] : &nb->abs[n->abs].lvl[k];
		if (l->pstyle && strcmp(l->pstyle, style_id) == 0)
			return k;
	}
	return -1;
}

/* Bullets from symbol fonts sit in the private use area: show them as "•". */
static void S_bullet(char *label, const char *text)
{
	size_t n = text ? strlen(text) : 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += tl_utf8_decode(text + i, n - i, &cp);
		if ((cp >= 0xE000 && cp <= 0xF8FF) || cp == 0xFFFD) {
			strcpy(label, "\xE2\x80\xA2");
			return;
		}
	}
	if (n == 0 || (n == 1 && text[0] == 'o'))
		strcpy(label, n ? "\xE2\x97\xA6" : "\xE2\x80\xA2");
	else
		snprintf(label, TL_NUMFMT_LABEL_MAX, "%s", text);
	/* a bullet label is at most a few characters; cut on a character boundary */
	if (strlen(label) > 16) {
		size_t k = 16;
		while (k > 0 && ((unsigned char)label[k] & 0xC0) == 0x80)
			k--;
		label[k] = 0;
	}
}

int tl_docx_numbering_next(tl_docx_numbering *nb, int num_id, int ilvl, char *label, int *bullet)
{
	label[0] = 0;
	*bullet = 0;
	if (num_id <= 0 || ilvl < 0 || ilvl >= TL_DOCX_LEVELS)
		return 0;
	tl_docx_num *n = nb->last && nb->last->id == num_id ? nb->last : S_num(nb, num_id);
	if (!n || n->abs < 0)
		return 0;
	nb->last = n;
	tl_docx_abstract *a = &nb->abs[n->abs];
	if (!n->ready) {
		for (int k = 0; k < TL_DOCX_LEVELS; k++) {
			n->lv[k] = n->lvl[k].set ? &n->lvl[k] : &a->lvl[k];
			n->start[k] = (n->override_mask & (1u << k)) ? n->start_override[k] : n->lv[k]->start;
		}
		n->ready = 1;
	}
	const tl_docx_lvl *const *lv = n->lv;
	if (!lv[ilvl]->set)
		return 0;
	tl_docx_counters *c = &a->c;
	const long *start = n->start;
	unsigned bit = 1u << ilvl;
	if ((n->override_mask & bit) && !(n->applied_mask & bit)) {
		/* the first paragraph of this num at this level restarts the shared list */
		c->val[ilvl] = start[ilvl];
		c->started[ilvl] = 1;
		n->applied_mask |= bit;
	} else if (!c->started[ilvl]) {
		c->val[ilvl] = start[ilvl];
		c->started[ilvl] = 1;
	} else {
		c->val[ilvl] = tl_numfmt_clamp(c->val[ilvl] + 1);
	}
	for (int k = ilvl + 1; k < TL_DOCX_LEVELS; k++) {
		int rs = lv[k]->restart;
		if (rs < 0 || (rs > 0 && ilvl < rs))
			c->started[k] = 0;
	}
	if (lv[ilvl]->fmt == TL_NUMFMT_BULLET) {
		*bullet = 1;
		S_bullet(label, lv[ilvl]->text);
		return 1;
	}
	long vals[TL_DOCX_LEVELS];
	tl_numfmt fmts[TL_DOCX_LEVELS];
	for (int k = 0; k < TL_DOCX_LEVELS; k++) {
		/* a level not used yet shows its start value */
		vals[k] = c->started[k] ? c->val[k] : start[k];
		fmts[k] = lv[k]->fmt;
	}
	tl_numfmt_label(label, TL_NUMFMT_LABEL_MAX, lv[ilvl]->text ? lv[ilvl]->text : "", vals, fmts,
	                TL_DOCX_LEVELS, lv[ilvl]->is_lgl);
	/* numFmt none with "%1." leaves only punctuation: no visible number;
	 * a symbol as the level text ("–") is a bullet */
	if (tl_numfmt_is_bullet_label(label)) {
		int ascii = 1;
		for (const char *q = label; *q; q++)
			ascii &= (unsigned char)*q < 0x80;
		if (ascii)
			label[0] = 0;
		else
			*bullet = 1;
	}
	return 1;
}
