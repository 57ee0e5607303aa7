/* conditions.c: the conditions of a pattern on one sentence (party, modality,
 * exception, quantity, vague, efforts, negated, near), the definition a
 * match relied on, the words for why a pattern did not match (self-tests),
 * and the clause or article a wider scope covers.  match.c does the
 * bookkeeping; this file only answers questions about one sentence. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/doc.h"
#include "rules/rules.h"
#include "util/buf.h"

int tl_cond_party_ok(const tl_pattern *p, const tl_sentence *s)
{
	switch (p->party) {
	case TL_PARTY_VENDOR:
		return s->bound == TL_ROLE_VENDOR || s->bound == TL_ROLE_BOTH;
	case TL_PARTY_CUSTOMER:
		return s->bound == TL_ROLE_CUSTOMER || s->bound == TL_ROLE_BOTH;
	case TL_PARTY_THIRD:
		return s->bound == TL_ROLE_THIRD;
	case TL_PARTY_VENDOR_OR_PASSIVE:
		return s->bound == TL_ROLE_VENDOR || s->bound == TL_ROLE_BOTH ||
		       ((s->flags & TL_SENT_PASSIVE) && s->bound == TL_ROLE_NONE);
	case TL_PARTY_NOT_CUSTOMER:
		return s->bound != TL_ROLE_CUSTOMER;
	default:
		return 1;
	}
}

int tl_cond_exc_ok(const tl_pattern *p, const tl_sentence *s)
{
	if (!p->excmask)
		return 1;
	if (!s->nexc)
		return (p->excmask & TL_EXCBIT(TL_EXC_NONE)) != 0;
	if (p->excmask & TL_EXCBIT(TL_EXC_NONE)) {
		for (uint32_t i = 0; i < s->nexc; i++)
			if (!(p->excmask & TL_EXCBIT(s->exc[i].kind)))
				return 0;
		return 1;
	}
	for (uint32_t i = 0; i < s->nexc; i++)
		if (p->excmask & TL_EXCBIT(s->exc[i].kind))
			return 1;
	return 0;
}

int tl_cond_q_ok(const tl_pattern *p, const tl_sentence *s)
{
	const tl_qcond *q = &p->q;
	if (!q->kind)
		return 1;
	if (q->kind < 0) {
		for (uint32_t i = 0; i < s->nq; i++)
			if (s->q[i].kind == TL_Q_DURATION)
				return 0;
		return 1;
	}
	for (uint32_t i = 0; i < s->nq; i++) {
		const tl_quantity *x = &s->q[i];
		if ((int)x->kind != q->kind)
			continue;
		if (q->has_max && x->value > q->max)
			continue;
		if (q->has_min && x->value < q->min)
			continue;
		if (q->has_over && !(x->value > q->over))
			continue;
		if (q->has_under && !(x->value < q->under))
			continue;
		return 1;
	}
	return 0;
}

/* Conditions on the one sentence that carries the pattern. */
int tl_cond_sentence_ok(const tl_pattern *p, const tl_sentence *s)
{
	if (p->modmask && !(p->modmask & (1u << s->modality)))
		return 0;
	if (!tl_cond_party_ok(p, s) || !tl_cond_exc_ok(p, s) || !tl_cond_q_ok(p, s))
		return 0;
	if (p->vague >= 0 && !!(s->flags & TL_SENT_VAGUE_TIME) != p->vague)
		return 0;
	if (p->efforts >= 0 && !!(s->flags & TL_SENT_EFFORTS) != p->efforts)
		return 0;
	if (p->negated >= 0 && !!(s->flags & TL_SENT_NEGATED) != p->negated)
		return 0;
	return 1;
}

static int S_occ_near(const tl_match *m, uint32_t s, int32_t c, uint32_t at, int32_t near)
{
	for (uint32_t o = m->occ_start[s]; o < m->occ_start[s + 1]; o++) {
		const tl_occ *x = &m->occ[o];
		if (x->concept != c)
			continue;
		uint32_t d = x->tok_start > at ? x->tok_start - at : at - x->tok_start;
		if (d <= (uint32_t)near)
			return 1;
	}
	return 0;
}

int tl_cond_near_ok(const tl_match *m, uint32_t s, const tl_pattern *p)
{
	if (!p->near || (!p->nall && !p->nany))
		return 1;
	int32_t anchor = p->nall ? p->all[0] : -1;
	for (uint32_t o = m->occ_start[s]; o < m->occ_start[s + 1]; o++) {
		const tl_occ *x = &m->occ[o];
		int is_anchor = anchor >= 0 ? x->concept == anchor : 0;
		for (uint32_t k = 0; anchor < 0 && k < p->nany; k++)
			is_anchor |= x->concept == p->any[k];
		if (!is_anchor)
			continue;
		int ok = 1;
		for (uint32_t i = 1; i < p->nall && ok; i++)
			ok = S_occ_near(m, s, p->all[i], x->tok_start, p->near);
		if (ok && p->nall && p->nany) {
			int any = 0;
			for (uint32_t i = 0; i < p->nany && !any; i++)
				any = S_occ_near(m, s, p->any[i], x->tok_start, p->near);
			ok = any;
		}
		if (ok)
			return 1;
	}
	return 0;
}

/* The definition a match relied on: a concept of the pattern reached through a defined term. */
int32_t tl_cond_def_term(const tl_match *m, uint32_t s, const tl_pattern *p)
{
	for (uint32_t o = m->occ_start[s]; o < m->occ_start[s + 1]; o++) {
		const tl_occ *x = &m->occ[o];
		if (x->term < 0)
			continue;
		for (uint32_t i = 0; i < p->nall; i++)
			if (p->all[i] == x->concept)
				return x->term;
		for (uint32_t i = 0; i < p->nany; i++)
			if (p->any[i] == x->concept)
				return x->term;
	}
	return -1;
}

int tl_cond_sentence_has(const tl_match *m, uint32_t s, int32_t c)
{
	for (uint32_t o = m->occ_start[s]; o < m->occ_start[s + 1]; o++)
		if (m->occ[o].concept == c)
			return 1;
	return 0;
}

/* The first condition of p that sentence s fails, in words (self-tests). */
void tl_match_why_not(const tl_match *m, uint32_t s, const tl_pattern *p, tl_buf *out)
{
	const tl_ruleset *rs = m->rs;
	const tl_sentence *sn = &m->a->sent[s];
	for (uint32_t i = 0; i < p->nall; i++)
		if (!tl_cond_sentence_has(m, s, p->all[i])) {
			tl_buf_printf(out, "no '%s'", rs->concepts[p->all[i]].name);
			return;
		}
	int any = !p->nany;
	for (uint32_t i = 0; i < p->nany && !any; i++)
		any = tl_cond_sentence_has(m, s, p->any[i]);
	if (!any) {
		tl_buf_puts(out, "none of \"any\"");
		return;
	}
	for (uint32_t i = 0; i < p->nnone; i++)
		if (tl_cond_sentence_has(m, s, p->none[i])) {
			tl_buf_printf(out, "has '%s' (none)", rs->concepts[p->none[i]].name);
			return;
		}
	for (uint32_t i = 0; i < p->ndoc_has; i++)
		if (!m->doc_concepts[p->doc_has[i]]) {
			tl_buf_printf(out, "document has no '%s'", rs->concepts[p->doc_has[i]].name);
			return;
		}
	for (uint32_t i = 0; i < p->ndoc_lacks; i++)
		if (m->doc_concepts[p->doc_lacks[i]]) {
			tl_buf_printf(out, "document has '%s' (document_lacks)", rs->concepts[p->doc_lacks[i]].name);
			return;
		}
	if (p->modmask && !(p->modmask & (1u << sn->modality)))
		tl_buf_printf(out, "modality is %s", tl_modality_name(sn->modality));
	else if (!tl_cond_party_ok(p, sn))
		tl_buf_printf(out, "party: binds %s%s", tl_role_name(sn->bound),
		              (sn->flags & TL_SENT_PASSIVE) ? " (passive)" : "");
	else if (!tl_cond_exc_ok(p, sn))
		tl_buf_puts(out, sn->nexc ? "exception kind not allowed" : "no exception of the listed kind");
	else if (!tl_cond_q_ok(p, sn))
		tl_buf_puts(out, "quantity condition fails");
	else if (p->vague >= 0 && !!(sn->flags & TL_SENT_VAGUE_TIME) != p->vague)
		tl_buf_puts(out, p->vague ? "no vague term" : "has a vague term");
	else if (p->efforts >= 0 && !!(sn->flags & TL_SENT_EFFORTS) != p->efforts)
		tl_buf_puts(out, p->efforts ? "no efforts wording" : "has efforts wording");
	else if (p->negated >= 0 && !!(sn->flags & TL_SENT_NEGATED) != p->negated)
		tl_buf_puts(out, p->negated ? "predicate not negated" : "predicate negated");
	else if (!tl_cond_near_ok(m, s, p))
		tl_buf_printf(out, "concepts further apart than %d tokens", p->near);
	else if (!tl_match_sentence_counts(m->a, s))
		tl_buf_puts(out, "sentence not operative (guidance, heading or definition)");
	else
		tl_buf_puts(out, "all conditions hold here");
}

/* Whether a clause label names a grouping above articles ("Hoofdstuk 3",
 * "Bijlage 2", "Part II"): an article scope stops below it. */
static int S_grouping_label(const char *l)
{
	static const struct {
		const char *w;
		size_t n;
	} g[] = {{"hoofdstuk", 9}, {"deel", 4}, {"bijlage", 7}, {"titel", 5}, {"afdeling", 8},
	         {"paragraaf", 9}, {"chapter", 7}, {"part", 4}, {"annex", 5}, {"schedule", 8},
	         {"appendix", 8}, {"section", 7}};
	/* the label's first word, lower-cased: no grouping word is longer than 9 letters */
	char w[10];
	size_t n = 0;
	while (l && l[n] && l[n] != ' ' && n < sizeof w)
		w[n] = (char)tolower((unsigned char)l[n]), n++;
	if (!l || n == sizeof w)
		return 0;
	for (size_t i = 0; i < sizeof g / sizeof g[0]; i++)
		if (g[i].n == n && !memcmp(g[i].w, w, n))
			return 1;
	return 0;
}

/* The article number a top-level clause label starts with ("16.1", "16",
 * "Artikel 16", "art. 16.2"), or -1. */
static long S_article_number(const char *l)
{
	if (!l)
		return -1;
	while (isalpha((unsigned char)*l))
		l++;
	if (*l == '.')
		l++;
	while (*l == ' ')
		l++;
	if (!isdigit((unsigned char)*l))
		return -1;
	/* strtol's reading, without its cost: digits only, anything above the cap is too large */
	long n = 0;
	const char *e = l;
	for (; isdigit((unsigned char)*e); e++)
		if (n <= 100000)
			n = n * 10 + (*e - '0');
	if (n > 100000 || (*e && *e != '.' && *e != ' '))
		return -1;
	return n;
}

/* The clause a "clause" scope covers: the sentence's innermost clause, or for
 * a list item ("a)", "iv.", a bullet) the clause its lead-in belongs to, so
 * "Opdrachtnemer zal: a) ... b) ..." is one scope.  An "article" scope is
 * the top-level numbered clause holding it (16 for 16.1 and 16.2), below any
 * unnumbered heading or chapter. */
int32_t tl_match_scope_key(const tl_annotated *a, const tl_sentence *s, int mode)
{
	size_t ncl = 0;
	const tl_clause *cls = tl_document_clauses(a->doc, &ncl);
	int32_t c = s->clause;
	if (mode == TL_SCOPE_ARTICLE) {
		for (int hop = 0; c >= 0 && (size_t)c < ncl && hop < 16; hop++) {
			int32_t up = cls[c].parent;
			if (up < 0 || (size_t)up >= ncl || !cls[up].label || S_grouping_label(cls[up].label))
				break;
			c = up;
		}
		/* "16.1" and "16.2" as top-level siblings without a clause "16": one article */
		long num = c >= 0 && (size_t)c < ncl ? S_article_number(cls[c].label) : -1;
		if (num >= 0)
			return INT32_MIN / 2 + (int32_t)num;
		return c >= 0 ? c : -2 - s->para;
	}
	/* a row of a table is a clause of its own: a requirements table's rows are separate
	 * requirements, whatever article holds the table (keys only need to differ between
	 * neighbouring sentences) */
	size_t np = 0;
	const tl_para *ps = tl_document_paras(a->doc, &np);
	if (s->para >= 0 && (size_t)s->para < np && ps[s->para].kind == TL_PARA_CELL && ps[s->para].row >= 0)
		return -(1 << 29) - (int32_t)((((uint32_t)ps[s->para].table & 0x3fffu) << 14) |
		                              ((uint32_t)ps[s->para].row & 0x3fffu));
	for (int hop = 0; c >= 0 && (size_t)c < ncl && hop < 4 && cls[c].parent >= 0; hop++) {
		/* a list item's label: 1 to 4 letters, maybe in parentheses ("a)", "(iv)", "B.") */
		const char *l = cls[c].label;
		size_t n = 0;
		if (l && *l == '(')
			l++;
		while (l && isalpha((unsigned char)l[n]))
			n++;
		if (!l || n < 1 || n > 4 || (l[n] && !strchr(".):", l[n])))
			break;
		c = cls[c].parent;
	}
	return c >= 0 ? c : -2 - s->para;
}
