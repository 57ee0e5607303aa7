/* defmark.c: where the defined terms occur (tl_definitions_mark).
 *
 * After definitions.c has found the document's defined terms and party
 * aliases, every token gets the longest term that starts there (tok.term, or
 * -1): a term's words as folded, the last one also with a plural ending
 * ("Sub-processors", "Leveranciers"), looked up through a sorted index of
 * the terms' first words. */
#include <stdlib.h>
#include <string.h>

#include "analyze/annot_int.h"

typedef struct {
	const char *w0;
	uint32_t term;
} S_idx;

static int S_idx_cmp(const void *x, const void *y)
{
	const S_idx *p = x, *q = y;
	int c = strcmp(p->w0, q->w0);
	return c ? c : (p->term > q->term) - (p->term < q->term);
}

/* 1 when the words of term t match tok[i..]; the last word may be a plural
 * ("Sub-processors", "Leveranciers"). */
static int S_term_at(const tl_ann_ctx *c, uint32_t t, const tl_token *tok, uint32_t n, uint32_t i)
{
	uint32_t nw = c->term_nwords[t];
	if (i + nw > n)
		return 0;
	if (c->a->terms[t].flags & TL_TERM_SHORT) {
		/* a company's short name only as a bare word: "Lumen may suspend ...", not the
		 * product in "the Lumen CMS", "Lumen CMS" or "the Lumen platform" */
		static const char *const det[] = {"the", "a", "an", "its", "our", "their", "this", "de",
		                                  "het", "een", "haar", "zijn", "onze", "hun", "deze", NULL};
		if (!(tok[i].flags & TL_TOK_CAPITAL) || strcmp(tok[i].fold, c->term_words[t][0]) != 0 ||
		    (i > 0 && tl_tok_in(&tok[i - 1], det)) ||
		    (i + 1 < n && (tok[i + 1].flags & TL_TOK_CAPITAL) && !(tok[i + 1].flags & TL_TOK_PUNCT)))
			return 0;
	}
	for (uint32_t k = 0; k < nw; k++) {
		const char *tf = tok[i + k].fold, *w = c->term_words[t][k];
		if (strcmp(tf, w) == 0)
			continue;
		size_t wl = strlen(w);
		if (k + 1 == nw && strncmp(tf, w, wl) == 0 &&
		    (strcmp(tf + wl, "s") == 0 || strcmp(tf + wl, "en") == 0 || strcmp(tf + wl, "n") == 0))
			continue;
		return 0;
	}
	return 1;
}

int tl_definitions_mark(tl_ann_ctx *c)
{
	tl_annotated *a = c->a;
	uint32_t nt = a->nterms;
	if (!nt)
		return 0;
	c->term_words = calloc(nt, sizeof *c->term_words);
	c->term_nwords = calloc(nt, sizeof *c->term_nwords);
	S_idx *idx = calloc(nt, sizeof *idx);
	if (!c->term_words || !c->term_nwords || !idx) {
		free(idx);
		return TL_ENOMEM;
	}
	for (uint32_t t = 0; t < nt; t++) {
		const char *f = a->terms[t].fold;
		uint32_t nw = 1;
		for (const char *p = f; *p; p++)
			nw += *p == ' ';
		const char **w = tl_arena_alloc(&a->arena, nw * sizeof *w);
		char *copy = tl_arena_strdup(&a->arena, f);
		if (!w || !copy) {
			free(idx);
			return TL_ENOMEM;
		}
		uint32_t k = 0;
		for (char *p = copy, *q; p; p = q) {
			q = strchr(p, ' ');
			if (q)
				*q++ = '\0';
			w[k++] = p;
		}
		c->term_words[t] = w;
		c->term_nwords[t] = k;
		a->terms[t].nwords = k;
		idx[t].w0 = w[0];
		idx[t].term = t;
	}
	qsort(idx, nt, sizeof *idx, S_idx_cmp);
	/* per token: the longest term starting there, found through its first word (as
	 * written, or without a plural ending when the term is one word) */
	for (size_t p = 0; p < c->npara; p++) {
		tl_token *tok = c->pt[p].tok;
		uint32_t n = c->pt[p].ntok;
		for (uint32_t i = 0; i < n; i++) {
			int32_t best = -1;
			uint32_t bestn = 0;
			const char *f = tok[i].fold;
			size_t fl = strlen(f);
			char key[64];
			for (int v = 0; v < 4; v++) {
				static const size_t cut[] = {0, 1, 2, 1};
				static const char *const end[] = {"", "s", "en", "n"};
				if (v > 0 && !(fl > cut[v] + 2 && strcmp(f + fl - cut[v], end[v]) == 0))
					continue;
				size_t kl = fl - cut[v];
				if (kl >= sizeof key)
					continue;
				memcpy(key, f, kl);
				key[kl] = '\0';
				uint32_t lo = 0, hi = nt;
				while (lo < hi) {
					uint32_t mid = (lo + hi) / 2;
					if (strcmp(idx[mid].w0, key) < 0)
						lo = mid + 1;
					else
						hi = mid;
				}
				for (uint32_t e = lo; e < nt && strcmp(idx[e].w0, key) == 0; e++) {
					uint32_t t = idx[e].term;
					if (c->term_nwords[t] > bestn && S_term_at(c, t, tok, n, i)) {
						best = (int32_t)t;
						bestn = c->term_nwords[t];
					}
				}
			}
			tok[i].term = best;
		}
	}
	free(idx);
	return 0;
}
