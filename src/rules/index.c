/* index.c: the prefilter: a hash of every term's FIRST word (stem, exact
 * form, folded prefix or compound head, per language).  A sentence is
 * scanned once: each token does one stem lookup, one exact lookup and one per
 * distinct prefix and head length, and only the terms that start there are
 * verified.  Patterns are reached through the concepts that occur (trigger
 * lists), so the cost grows with the document's length and with what
 * actually occurs, not with the number of rules.  The terms themselves are
 * compiled in compile.c; the scan is index_scan.c. */
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"
#include "rules/index_int.h"
#include "rules/rules.h"
#include "text/text.h"

/** ## Building the index */

/* Doubles the table when it is half full (entries keep their postings). */
static int S_grow(tl_index *ix)
{
	uint32_t na = ix->cap * 2;
	tl_ix_ent *ne = na > ix->cap ? calloc(na, sizeof *ne) : NULL;
	if (!ne)
		return -1;
	for (uint32_t i = 0; i < ix->cap; i++) {
		if (!ix->ent[i].key)
			continue;
		uint32_t j = ix->ent[i].hash & (na - 1);
		while (ne[j].key)
			j = (j + 1) & (na - 1);
		ne[j] = ix->ent[i];
	}
	free(ix->ent);
	ix->ent = ne;
	ix->cap = na;
	return 0;
}

/* Counts a posting for w's entry, adding the entry on first sight. */
static int S_put(tl_index *ix, const tl_rword *w, uint8_t lang, uint32_t *hash)
{
	if ((ix->n + 1) * 2 > ix->cap && S_grow(ix) != 0)
		return -1;
	uint32_t h = tl_ix_hash(w->s, w->len, w->kind, lang);
	tl_ix_ent *e = tl_ix_find(ix, w->s, w->len, w->kind, lang, h);
	if (!e->key) {
		e->key = w->s;
		e->klen = w->len;
		e->hash = h;
		e->kind = w->kind;
		e->lang = lang;
		ix->n++;
	}
	e->n++;
	*hash = h;
	return 0;
}

static void S_filters(const tl_rterm *rt, uint32_t *f1, uint32_t *f2)
{
	*f2 = TL_IX_ANY;
	if (rt->nw < 2) {
		*f1 = TL_IX_SINGLE;
		return;
	}
	const tl_rword *w = &rt->w[1];
	uint32_t g = tl_ix_wsig(w, rt->lang);
	if (w->gap) {
		*f1 = g == TL_IX_ANY ? TL_IX_ANY : TL_IX_GAP | g;
		return;
	}
	*f1 = g;
	if (rt->nw >= 3 && !rt->w[2].gap)
		*f2 = tl_ix_wsig(&rt->w[2], rt->lang);
}

/* The sort key of a posting in a long list: its signature when plain, else
 * TL_IX_GAP (the others keep their order, after the plain ones). */
static uint32_t S_bucket_key(uint32_t f) { return f < TL_IX_GAP ? f : TL_IX_GAP; }

/* Groups the postings of every long list (see tl_ix_bucket). */
static int S_buckets(tl_index *ix, uint32_t nterms)
{
	uint32_t nplain = 0;
	for (uint32_t i = 0; i < ix->cap; i++) {
		const tl_ix_ent *e = &ix->ent[i];
		if (e->key && e->n >= TL_IX_LONG_MIN && e->n <= TL_IX_LONG_MAX)
			for (uint32_t k = 0; k < e->n; k++)
				nplain += ix->pfilt[e->first + k] < TL_IX_GAP;
	}
	if (!nplain)
		return 0;
	ix->btcap = 16;
	while (ix->btcap < nplain * 2)
		ix->btcap *= 2;
	ix->bt = calloc(ix->btcap, sizeof *ix->bt);
	ix->bord = malloc(((size_t)nterms + 1) * sizeof *ix->bord);
	if (!ix->bt || !ix->bord)
		return -1;
	for (uint32_t i = 0; i < ix->cap; i++) {
		tl_ix_ent *e = &ix->ent[i];
		if (!e->key || e->n < TL_IX_LONG_MIN || e->n > TL_IX_LONG_MAX)
			continue;
		/* a stable insertion sort of the list's indexes by key */
		uint32_t *o = ix->bord + e->first;
		const uint32_t *pf = ix->pfilt + e->first;
		for (uint32_t k = 0; k < e->n; k++) {
			uint32_t key = S_bucket_key(pf[k]), j = k;
			for (; j > 0 && S_bucket_key(pf[o[j - 1]]) > key; j--)
				o[j] = o[j - 1];
			o[j] = k;
		}
		uint32_t np = 0;
		while (np < e->n && pf[o[np]] < TL_IX_GAP)
			np++;
		for (uint32_t j = 0; j < np;) {
			uint32_t r = j;
			while (r < np && pf[o[r]] == pf[o[j]])
				r++;
			uint32_t h = tl_ix_bucket_hash(i + 1, pf[o[j]]) & (ix->btcap - 1);
			while (ix->bt[h].ent)
				h = (h + 1) & (ix->btcap - 1);
			ix->bt[h] = (tl_ix_bucket){i + 1, pf[o[j]], e->first + j, r - j};
			j = r;
		}
		e->nplain = np;
		e->bucketed = 1;
	}
	return 0;
}

int tl_index_build(tl_ruleset *rs)
{
	tl_index *ix = calloc(1, sizeof *ix);
	if (!ix)
		return -1;
	rs->index = ix;
	/* the keys are the distinct first words, about half the terms (3,360
	 * of 7,240 in the built-in ruleset): one slot per term, doubled by
	 * S_put if the table gets more than half full */
	ix->cap = 64;
	while (ix->cap < rs->nterms + 16)
		ix->cap *= 2;
	ix->ent = calloc(ix->cap, sizeof *ix->ent);
	ix->pterm = tl_arena_calloc(&rs->arena, rs->nterms + 1, sizeof *ix->pterm);
	ix->pfilt = tl_arena_calloc(&rs->arena, rs->nterms + 1, sizeof *ix->pfilt);
	ix->pfilt2 = tl_arena_calloc(&rs->arena, rs->nterms + 1, sizeof *ix->pfilt2);
	ix->trig = tl_arena_calloc(&rs->arena, rs->nconcepts + 1, sizeof *ix->trig);
	uint32_t *th = malloc((rs->nterms + 1) * sizeof *th); /* each term's key hash */
	if (!ix->ent || !ix->pterm || !ix->pfilt || !ix->pfilt2 || !ix->trig || !th) {
		free(th);
		return -1;
	}
	/* count the postings per entry, then place them in ruleset order */
	for (uint32_t t = 0; t < rs->nterms; t++) {
		const tl_rterm *rt = &rs->terms[t];
		const tl_rword *w = &rt->w[0];
		if (S_put(ix, w, rt->lang, &th[t]) != 0) {
			free(th);
			return -1;
		}
		if (w->kind == TL_W_EXACT && w->len) {
			unsigned b = tl_ix_exact_bit(w->s, w->len);
			ix->e2[rt->lang][b >> 3] |= (uint8_t)(1u << (b & 7));
		}
		if (w->kind == TL_W_HEAD) {
			uint32_t *nh = &ix->nhlen[rt->lang];
			int have = 0;
			for (uint32_t k = 0; k < *nh; k++)
				have |= ix->hlen[rt->lang][k] == w->len;
			if (!have && *nh < TL_MAX_KEY_LEN && w->len <= TL_MAX_KEY_LEN)
				ix->hlen[rt->lang][(*nh)++] = (uint8_t)w->len;
		}
		if (w->kind == TL_W_PREFIX) {
			uint32_t *np = &ix->nplen[rt->lang];
			int have = 0;
			for (uint32_t k = 0; k < *np; k++)
				have |= ix->plen[rt->lang][k] == w->len;
			if (!have && *np < TL_MAX_KEY_LEN)
				ix->plen[rt->lang][(*np)++] = (uint8_t)w->len;
			if (w->len > ix->maxplen[rt->lang])
				ix->maxplen[rt->lang] = w->len;
			if (w->len < 2) {
				ix->short_prefix[rt->lang] = 1;
			} else {
				unsigned b = (unsigned char)w->s[0] << 8 | (unsigned char)w->s[1];
				ix->p2[rt->lang][b >> 3] |= (uint8_t)(1u << (b & 7));
			}
		}
	}
	uint32_t at = 0;
	for (uint32_t i = 0; i < ix->cap; i++)
		if (ix->ent[i].key) {
			ix->ent[i].first = at;
			at += ix->ent[i].n;
			ix->ent[i].n = 0;
		}
	for (uint32_t t = 0; t < rs->nterms; t++) {
		const tl_rterm *rt = &rs->terms[t];
		const tl_rword *w = &rt->w[0];
		tl_ix_ent *e = tl_ix_find(ix, w->s, w->len, w->kind, rt->lang, th[t]);
		uint32_t k = e->first + e->n++;
		ix->pterm[k] = (int32_t)t;
		S_filters(rt, &ix->pfilt[k], &ix->pfilt2[k]);
	}
	free(th);
	if (S_buckets(ix, rs->nterms) != 0)
		return -1;
	rs->npatterns = 0;
	for (uint32_t r = 0; r < rs->nrules; r++)
		for (uint32_t i = 0; i < rs->rules[r].npat; i++)
			rs->rules[r].pat[i].gidx = rs->npatterns++;
	/* trigger lists */
	uint32_t *cnt = calloc(rs->nconcepts, sizeof *cnt);
	if (!cnt)
		return -1;
	uint32_t nfree = 0;
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			for (uint32_t c = 0; c < rs->nconcepts; c++) {
				ix->trig[c] = tl_arena_calloc(&rs->arena, cnt[c] + 1, sizeof **ix->trig);
				if (!ix->trig[c]) {
					free(cnt);
					return -1;
				}
				cnt[c] = 0;
			}
			rs->trig_all = tl_arena_calloc(&rs->arena, nfree + 1, sizeof *rs->trig_all);
			if (!rs->trig_all) {
				free(cnt);
				return -1;
			}
		}
		for (uint32_t r = 0; r < rs->nrules; r++)
			for (uint32_t i = 0; i < rs->rules[r].npat; i++) {
				tl_pattern *p = &rs->rules[r].pat[i];
				const int32_t *tc = p->nall ? p->all : p->any;
				uint32_t ntc = p->nall ? 1 : p->nany;
				if (!ntc) {
					if (pass)
						rs->trig_all[rs->ntrig_all++] = p;
					else
						nfree++;
				}
				for (uint32_t k = 0; k < ntc; k++) {
					int dup = 0;
					for (uint32_t j = 0; j < k; j++)
						dup |= tc[j] == tc[k];
					if (dup)
						continue;
					if (pass)
						ix->trig[tc[k]][cnt[tc[k]]++] = p;
					else
						cnt[tc[k]]++;
				}
			}
	}
	free(cnt);
	return 0;
}

void tl_index_free(tl_index *ix)
{
	if (!ix)
		return;
	free(ix->ent);
	free(ix->bt);
	free(ix->bord);
	free(ix);
}

tl_pattern *const *tl_index_trigger(const tl_ruleset *rs, int32_t concept)
{
	return rs->index && concept >= 0 && (uint32_t)concept < rs->nconcepts ? rs->index->trig[concept]
	                                                                       : NULL;
}
