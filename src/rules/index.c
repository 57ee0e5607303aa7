/* index.c: the prefilter: a hash of every term's first word (stem, exact
 * form, folded prefix or compound head, per language), or of its rarest
 * later word when the first is a common one (S_rekey: keyed postings).  A
 * sentence is scanned once: each token does one stem lookup, one exact
 * lookup and one per distinct prefix and head length, and only the terms
 * listed there are verified.  Patterns are reached through the concepts that occur (trigger
 * lists), so the cost grows with the document's length and with what
 * actually occurs, not with the number of rules.  A phrase that comes in
 * several concepts is one term per concept: in the built-in ruleset those of
 * one entry are verified once (tl_index.pdup, kmem).  The terms themselves
 * are compiled in compile.c; the scan is index_scan.c. */
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

/* Counts a posting for w's entry (keyed: a keyed posting; h: w's
 * tl_ix_hash), adding the entry on first sight. */
static int S_put_h(tl_index *ix, const tl_rword *w, uint8_t lang, int keyed, uint32_t h)
{
	if ((ix->n + 1) * 2 > ix->cap && S_grow(ix) != 0)
		return -1;
	tl_ix_ent *e = tl_ix_find(ix, w->s, w->len, w->kind, lang, h);
	if (!e->key) {
		e->key = w->s;
		e->klen = w->len;
		e->hash = h;
		e->kind = w->kind;
		e->lang = lang;
		ix->n++;
	}
	if (keyed)
		e->kn++;
	else
		e->n++;
	return 0;
}

/* tl_ix_wsig of w, whose key hash (tl_ix_hash) is h: a stem's signature is
 * made of that hash. */
static uint32_t S_wsig_h(const tl_rword *w, uint8_t lang, uint32_t h)
{
	if (w->kind == TL_W_STEM && w->len)
		return (uint32_t)TL_IX_FK_STEM << 28 | (h & TL_IX_SIG_HASH);
	return tl_ix_wsig(w, lang);
}

/* h: the hashes of rt's words. */
static void S_filters(const tl_rterm *rt, const uint32_t *h, uint32_t *f1, uint32_t *f2)
{
	*f2 = TL_IX_ANY;
	if (rt->nw < 2) {
		*f1 = TL_IX_SINGLE;
		return;
	}
	const tl_rword *w = &rt->w[1];
	uint32_t g = S_wsig_h(w, rt->lang, h[1]);
	if (w->gap) {
		*f1 = g == TL_IX_ANY ? TL_IX_ANY : TL_IX_GAP | g;
		return;
	}
	*f1 = g;
	if (rt->nw >= 3 && !rt->w[2].gap)
		*f2 = S_wsig_h(&rt->w[2], rt->lang, h[2]);
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

/** ## Keys: the rarest word of a term */

/* How often a word occurs in a contract, estimated by the number of the
 * ruleset's term words (at any place) with its key: the words that join
 * dozens of terms ("de", "van", "niet", "opdrachtgever", "the", "of") are
 * the words a contract is full of.  Counted in a sketch of two rows of
 * counters by the key's hash (the smaller count is the estimate; a
 * collision only makes a word look commoner). */
#define S_DF_BITS 14
#define S_KEY_MIN 2
typedef struct S_df {
	uint16_t *row; /* 2 << S_DF_BITS counters */
} S_df;

static uint32_t S_df_slot2(uint32_t h) { return (1u << S_DF_BITS) + ((h * 0x9E3779B1u) >> (32 - S_DF_BITS)); }

static void S_df_count(S_df *d, uint32_t h)
{
	uint16_t *a = &d->row[h & ((1u << S_DF_BITS) - 1)], *b = &d->row[S_df_slot2(h)];
	*a += *a < UINT16_MAX;
	*b += *b < UINT16_MAX;
}

/* Marks a word as common (S_df_common). */
static void S_df_mark(S_df *d, uint32_t h)
{
	d->row[h & ((1u << S_DF_BITS) - 1)] = UINT16_MAX;
	d->row[S_df_slot2(h)] = UINT16_MAX;
}

static uint32_t S_df_get(const S_df *d, uint32_t h)
{
	uint32_t a = d->row[h & ((1u << S_DF_BITS) - 1)], b = d->row[S_df_slot2(h)];
	return a < b ? a : b;
}

/* Words every contract is full of, whether or not many terms join them:
 * articles, prepositions, conjunctions, "niet"/"not", the parties' usual
 * names, modal verbs, the contract and its parts (Snowball stems, and the
 * names as written): never a key but for a term of such words only. */
static const char *const S_common_stem[3][64] = {
	{NULL},
	{"opdrachtgever", "opdrachtnemer", "leverancier", "partij", "overeenkomst", "dienst", "dienstverlen",
	 "artikel", "gegeven", "zal", "moet", "kan", "dez", "die", "dat", "all", "de", "het", "een", "van",
	 "in", "op", "te", "en", "of", "vor", "met", "aan", "dor", "niet", "is", "zijn", "wordt", "word",
	 "bij", "na", "om", "uit", "tot", "over", "har", "hun", NULL},
	{"shall", "will", "may", "must", "parti", "supplier", "custom", "vendor", "provid", "contractor",
	 "client", "agreement", "contract", "servic", "claus", "section", "data", "ani", "all", "such",
	 "other", "the", "a", "an", "to", "of", "in", "it", "and", "or", "for", "by", "with", "on", "be",
	 "is", "not", "this", "that", "their", "at", "as", "from", NULL},
};
static const char *const S_common_exact[3][12] = {
	{NULL},
	{"Opdrachtgever", "Opdrachtnemer", "Leverancier", "Partijen", "Partij", "Overeenkomst", NULL},
	{"Supplier", "Customer", "Vendor", "Provider", "Contractor", "Client", "Agreement", "Party",
	 "Parties", NULL},
};

static void S_df_common(S_df *d)
{
	for (uint8_t lang = 1; lang < 3; lang++) {
		for (const char *const *c = S_common_stem[lang]; *c; c++)
			S_df_mark(d, tl_ix_hash(*c, strlen(*c), TL_W_STEM, lang));
		for (const char *const *c = S_common_exact[lang]; *c; c++)
			S_df_mark(d, tl_ix_hash(*c, strlen(*c), TL_W_EXACT, lang));
	}
}

/* A word the scan could find a term from: not empty, and neither a prefix
 * of up to three bytes ("ver*") nor a compound head, which match many
 * words whatever they join. */
static int S_keyable(const tl_rword *w)
{
	return w->len && w->len <= TL_MAX_KEY_LEN && w->kind != TL_W_HEAD &&
	       !(w->kind == TL_W_PREFIX && w->len <= 3);
}

/* The index of the rarest later word of rt, rarer than its first, or 0;
 * h: the hashes of its words. */
static uint32_t S_key(const S_df *d, const tl_rterm *rt, const uint32_t *h)
{
	uint32_t best = 0, bn = S_df_get(d, h[0]);
	for (uint32_t k = 1; k < rt->nw; k++) {
		if (!S_keyable(&rt->w[k]))
			continue;
		uint32_t n = S_df_get(d, h[k]);
		if (n < bn) {
			best = k;
			bn = n;
		}
	}
	return best;
}

/* 1 when a key word's prefix or head length is in the index's lists or
 * has room there. */
static int S_len_fits(const uint8_t *list, uint32_t n, uint32_t len)
{
	for (uint32_t k = 0; k < n; k++)
		if (list[k] == len)
			return 1;
	return n < TL_MAX_KEY_LEN && len <= TL_MAX_KEY_LEN;
}

/* What the scan must know of a key word w: its exact-form bit, its prefix
 * or head length (the index of a new first word's length in the lists is
 * its report group: tl_ix_group); 0, or -1 when w can never be looked up. */
static int S_key_meta(tl_index *ix, const tl_rword *w, uint8_t lang, int first)
{
	if (w->kind == TL_W_EXACT && w->len) {
		unsigned b = tl_ix_exact_bit(w->s, w->len);
		ix->e2[lang][b >> 3] |= (uint8_t)(1u << (b & 7));
		ix->e1[lang][(unsigned char)w->s[0]] |= tl_ix_exact_len(w->len);
	}
	if (w->kind == TL_W_HEAD) {
		uint32_t *nh = &ix->nhlen[lang];
		int have = 0;
		for (uint32_t k = 0; k < *nh; k++)
			have |= ix->hlen[lang][k] == w->len;
		if (!have && *nh < TL_MAX_KEY_LEN && w->len <= TL_MAX_KEY_LEN) {
			if (first)
				ix->hgroup[lang][w->len] = (uint16_t)*nh;
			ix->hlen[lang][(*nh)++] = (uint8_t)w->len;
		} else if (!have) {
			return -1;
		}
	}
	if (w->kind == TL_W_PREFIX) {
		uint32_t *np = &ix->nplen[lang];
		int have = 0;
		for (uint32_t k = 0; k < *np; k++)
			have |= ix->plen[lang][k] == w->len;
		if (!have && *np < TL_MAX_KEY_LEN) {
			if (first && w->len <= TL_MAX_KEY_LEN)
				ix->pgroup[lang][w->len] = (uint16_t)*np;
			ix->plen[lang][(*np)++] = (uint8_t)w->len;
		} else if (!have) {
			return -1;
		}
		if (w->len > ix->maxplen[lang])
			ix->maxplen[lang] = w->len;
		if (w->len < 2) {
			ix->short_prefix[lang] = 1;
		} else {
			unsigned b = (unsigned char)w->s[0] << 8 | (unsigned char)w->s[1];
			ix->p2[lang][b >> 3] |= (uint8_t)(1u << (b & 7));
		}
	}
	return 0;
}

/* A term whose first word joins S_KEY_MIN term words or more and that has
 * a rarer later word (S_key) is keyed on it (tk[t]: the key word, th[t] its
 * hash; th[t] comes in as the first word's); wh gets every word's hash,
 * term by term; 0, or -1 when out of memory. */
static int S_rekey(tl_ruleset *rs, tl_index *ix, uint32_t *th, uint16_t *tk, const uint8_t *unfound,
                   uint32_t *wh)
{
	S_df d = {calloc(2u << S_DF_BITS, sizeof(uint16_t))};
	if (!d.row)
		return -1;
	size_t at = 0;
	for (uint32_t t = 0; t < rs->nterms; t++) {
		const tl_rterm *rt = &rs->terms[t];
		wh[at] = th[t];
		S_df_count(&d, th[t]);
		for (uint32_t k = 1; k < rt->nw; k++) {
			uint32_t h = tl_ix_hash(rt->w[k].s, rt->w[k].len, rt->w[k].kind, rt->lang);
			wh[at + k] = h;
			S_df_count(&d, h);
		}
		at += rt->nw;
	}
	S_df_common(&d);
	at = 0;
	for (uint32_t t = 0; t < rs->nterms; at += rs->terms[t++].nw) {
		const tl_rterm *rt = &rs->terms[t];
		if (rt->nw < 2 || unfound[t] || S_df_get(&d, th[t]) < S_KEY_MIN)
			continue;
		uint32_t r = S_key(&d, rt, wh + at);
		const tl_rword *w = &rt->w[r];
		if (!r || (w->kind == TL_W_PREFIX && !S_len_fits(ix->plen[rt->lang], ix->nplen[rt->lang], w->len)))
			continue;
		tk[t] = (uint16_t)r;
		th[t] = wh[at + r];
		(void)S_key_meta(ix, w, rt->lang, 0);
		ix->nkeyed++;
	}
	free(d.row);
	return 0;
}

/* 1 when terms a and b have the same words in the same language: they
 * match at the same tokens. */
static int S_same_term(const tl_rterm *a, const tl_rterm *b)
{
	if (a->lang != b->lang || a->nw != b->nw)
		return 0;
	for (uint32_t k = 0; k < a->nw; k++) {
		const tl_rword *x = &a->w[k], *y = &b->w[k];
		if (x->kind != y->kind || x->gap != y->gap || x->len != y->len || memcmp(x->s, y->s, x->len))
			return 0;
	}
	return 1;
}

/* ft[t]: the first term (in ruleset order) the same as term t (S_same_term),
 * t when none is before it; wh: every word's hash, term by term. */
static int S_firsts(const tl_ruleset *rs, const uint32_t *wh, uint32_t *ft)
{
	uint32_t cap = 64;
	while (cap < rs->nterms * 2)
		cap *= 2;
	uint32_t *slot = calloc(cap, sizeof *slot), *hh = malloc((rs->nterms + 1) * sizeof *hh);
	if (!slot || !hh) {
		free(slot);
		free(hh);
		return -1;
	}
	size_t at = 0;
	for (uint32_t t = 0; t < rs->nterms; at += rs->terms[t++].nw) {
		const tl_rterm *rt = &rs->terms[t];
		ft[t] = t;
		if (rt->nw < 2) /* a one-word term is pushed where it is found, keyed never */
			continue;
		uint32_t h = 2166136261u ^ rt->lang;
		for (uint32_t k = 0; k < rt->nw; k++)
			h = (h ^ wh[at + k] ^ (rt->w[k].gap ? 0x5bd1e995u : 0u)) * 16777619u;
		hh[t] = h;
		uint32_t j = h & (cap - 1);
		for (; slot[j]; j = (j + 1) & (cap - 1))
			if (hh[slot[j] - 1] == h && S_same_term(&rs->terms[slot[j] - 1], rt)) {
				ft[t] = slot[j] - 1;
				break;
			}
		if (ft[t] == t)
			slot[j] = t + 1;
	}
	free(slot);
	free(hh);
	return 0;
}

int tl_index_build(tl_ruleset *rs)
{
	tl_index *ix = calloc(1, sizeof *ix);
	if (!ix)
		return -1;
	rs->index = ix;
	/* the keys are the distinct key words, about a third of the terms
	 * (5,817 of 17,413 in the built-in ruleset of the twelfth session):
	 * one slot per two terms, doubled by S_put_h if the table gets more
	 * than half full */
	ix->cap = 64;
	while (ix->cap < rs->nterms / 2 + 16)
		ix->cap *= 2;
	ix->ent = calloc(ix->cap, sizeof *ix->ent);
	ix->pterm = tl_arena_calloc(&rs->arena, rs->nterms + 1, sizeof *ix->pterm);
	ix->pfilt = tl_arena_calloc(&rs->arena, rs->nterms + 1, sizeof *ix->pfilt);
	ix->pfilt2 = tl_arena_calloc(&rs->arena, rs->nterms + 1, sizeof *ix->pfilt2);
	ix->trig = tl_arena_calloc(&rs->arena, rs->nconcepts + 1, sizeof *ix->trig);
	uint32_t *th = malloc((rs->nterms + 1) * sizeof *th); /* each term's key hash */
	uint16_t *tk = calloc(rs->nterms + 1, sizeof *tk);    /* its key word */
	uint8_t *unfound = calloc(rs->nterms + 1, 1);          /* its first word never looked up */
	size_t nw = 0;
	for (uint32_t t = 0; t < rs->nterms; t++)
		nw += rs->terms[t].nw;
	uint32_t *wh = malloc((nw + 1) * sizeof *wh);         /* every word's hash, term by term */
	/* the same phrases are found for the built-in ruleset only, whose index
	 * is built with the executable (its image): for a ruleset file the
	 * search would cost its load more than it saves a check */
	int same = rs->builtin;
	uint32_t *kof = same ? calloc(rs->nterms + 1, sizeof *kof) : NULL;   /* a member's keyed posting + 1 */
	uint32_t *ft = same ? malloc((rs->nterms + 1) * sizeof *ft) : NULL;  /* the first term the same as it */
	uint32_t *tpos = same ? calloc(rs->nterms + 1, sizeof *tpos) : NULL; /* its posting + 1 */
	if (!ix->ent || !ix->pterm || !ix->pfilt || !ix->pfilt2 || !ix->trig || !th || !tk || !unfound || !wh ||
	    (same && (!kof || !ft || !tpos))) {
		free(th);
		free(tk);
		free(unfound);
		free(wh);
		free(kof);
		free(ft);
		free(tpos);
		return -1;
	}
	memset(ix->pgroup, 0xFF, sizeof ix->pgroup);
	memset(ix->hgroup, 0xFF, sizeof ix->hgroup);
	/* every first word's lookup lengths (in ruleset order: the report
	 * groups), then each term's key word, then its posting */
	for (uint32_t t = 0; t < rs->nterms; t++) {
		const tl_rterm *rt = &rs->terms[t];
		const tl_rword *w = &rt->w[0];
		unfound[t] = S_key_meta(ix, w, rt->lang, 1) != 0;
		th[t] = tl_ix_hash(w->s, w->len, w->kind, rt->lang);
	}
	int rc = S_rekey(rs, ix, th, tk, unfound, wh);
	if (!rc && same)
		rc = S_firsts(rs, wh, ft);
	for (uint32_t t = 0; t < rs->nterms && !rc; t++) {
		const tl_rterm *rt = &rs->terms[t];
		rc = S_put_h(ix, &rt->w[tk[t]], rt->lang, tk[t] != 0, th[t]);
	}
	free(unfound);
	if (!rc && ix->nkeyed) {
		ix->kterm = tl_arena_calloc(&rs->arena, ix->nkeyed, sizeof *ix->kterm);
		ix->kword = tl_arena_calloc(&rs->arena, ix->nkeyed, sizeof *ix->kword);
		ix->kback = tl_arena_calloc(&rs->arena, ix->nkeyed, sizeof *ix->kback);
		ix->kfwd = tl_arena_calloc(&rs->arena, ix->nkeyed, sizeof *ix->kfwd);
		ix->kmat = tl_arena_calloc(&rs->arena, ix->nkeyed + 1, sizeof *ix->kmat);
		rc = ix->kterm && ix->kword && ix->kback && ix->kfwd && ix->kmat ? 0 : -1;
	}
	if (rc) {
		free(th);
		free(tk);
		free(wh);
		free(kof);
		free(ft);
		free(tpos);
		return -1;
	}
	uint32_t at = 0, kat = 0;
	for (uint32_t i = 0; i < ix->cap; i++)
		if (ix->ent[i].key) {
			ix->ent[i].first = at;
			at += ix->ent[i].n;
			ix->ent[i].n = 0;
			ix->ent[i].kfirst = kat;
			kat += ix->ent[i].kn;
			ix->ent[i].kn = 0;
		}
	size_t wat = 0;
	for (uint32_t t = 0; t < rs->nterms; wat += rs->terms[t++].nw) {
		const tl_rterm *rt = &rs->terms[t];
		const uint32_t *h = wh + wat;
		uint32_t r = tk[t];
		const tl_rword *w = &rt->w[r];
		tl_ix_ent *e = tl_ix_find(ix, w->s, w->len, w->kind, rt->lang, th[t]);
		if (!r) {
			uint32_t k = e->first + e->n++;
			if (same)
				tpos[t] = k + 1;
			ix->pterm[k] = (int32_t)t;
			S_filters(rt, h, &ix->pfilt[k], &ix->pfilt2[k]);
			continue;
		}
		if (same && ft[t] != t && tk[ft[t]] == r && tpos[ft[t]]) {
			uint32_t k = tpos[ft[t]] - 1;
			kof[t] = k + 1;
			ix->kmat[k + 1]++;
			continue;
		}
		uint32_t k = e->kfirst + e->kn++;
		if (same)
			tpos[t] = k + 1;
		ix->kterm[k] = (int32_t)t;
		ix->kword[k] = (uint16_t)r;
		uint32_t b = S_wsig_h(&rt->w[r - 1], rt->lang, h[r - 1]);
		ix->kback[k] = b == TL_IX_ANY || !w->gap ? b : TL_IX_GAP | b;
		uint32_t f = r + 1 < rt->nw ? S_wsig_h(&rt->w[r + 1], rt->lang, h[r + 1]) : TL_IX_ANY;
		ix->kfwd[k] = f == TL_IX_ANY || !rt->w[r + 1].gap ? f : TL_IX_GAP | f;
	}
	free(th);
	free(wh);
	/* the members, by keyed posting (the slots a member would have had
	 * stay empty at the end of its entry's keyed postings) */
	uint32_t nmem = 0;
	for (uint32_t k = 0; k < ix->nkeyed; k++) {
		uint32_t c = ix->kmat[k + 1];
		ix->kmat[k + 1] = ix->kmat[k] + c;
		nmem += c;
	}
	if (ix->nkeyed) {
		ix->kmem = tl_arena_calloc(&rs->arena, nmem + 1, sizeof *ix->kmem);
		uint32_t *fill = same ? calloc(ix->nkeyed + 1, sizeof *fill) : NULL;
		if (!ix->kmem || (same && !fill)) {
			free(fill);
			free(kof);
			free(tk);
			free(ft);
			free(tpos);
			return -1;
		}
		for (uint32_t t = 0; same && t < rs->nterms; t++)
			if (kof[t])
				ix->kmem[ix->kmat[kof[t] - 1] + fill[kof[t] - 1]++] = (int32_t)t;
		free(fill);
	}
	free(kof);
	/* a posting the same as an earlier one of its entry (the same first
	 * word: the same entry); a one-word term is pushed without a test */
	ix->pdup = tl_arena_calloc(&rs->arena, rs->nterms + 1, sizeof *ix->pdup);
	for (uint32_t t = 0; same && ix->pdup && t < rs->nterms; t++) {
		uint32_t f = ft[t];
		if (f == t || tk[t] || tk[f] || !tpos[t] || !tpos[f])
			continue;
		uint32_t p = tpos[t] - 1, o = tpos[f] - 1;
		if (ix->pfilt[p] != TL_IX_SINGLE && p > o && p - o <= UINT16_MAX)
			ix->pdup[p] = (uint16_t)(p - o);
	}
	free(tk);
	free(ft);
	free(tpos);
	if (!ix->pdup)
		return -1;
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
