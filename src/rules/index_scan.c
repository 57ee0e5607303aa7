/* index_scan.c: a sentence scanned with the prefilter (index.c builds it):
 * each word looks up the entries its stem, its form as written, its folded
 * prefixes and its compound head start, and only the terms those list are
 * verified, the cheapest filters first (the next words' signatures), then
 * the words themselves (S_rest); a keyed term (listed under a later word)
 * from its key backwards to its starts (S_starts), then forwards.  What a
 * sentence finds is reported by token, in the order of the first-word
 * lookups (tl_ix_group). */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "model/doc.h"
#include "rules/index_int.h"
#include "rules/rules.h"
#include "text/text.h"

/** ## Scanning a sentence */

tl_lang tl_index_lang(const tl_annotated *a, const tl_sentence *s)
{
	if (s->lang != TL_LANG_UNKNOWN)
		return s->lang;
	return a->lang != TL_LANG_UNKNOWN ? a->lang : TL_LANG_NL;
}

static int S_word_at(const tl_annotated *a, const tl_sentence *s, const tl_rword *w, uint32_t i)
{
	const tl_token *t = &s->tok[i];
	switch (w->kind) {
	/* most candidates differ in the first byte: test it before the rest */
	case TL_W_STEM: {
		if (!t->stem || t->stem[0] != w->s[0])
			return 0;
		/* strncmp(t->stem, w->s, w->len) == 0 and the stem ends there; stems are short */
		uint32_t k = 1;
		while (k < w->len && t->stem[k] == w->s[k])
			k++;
		return k >= w->len && t->stem[w->len] == '\0';
	}
	case TL_W_PREFIX:
		return t->fold && (!w->len || t->fold[0] == w->s[0]) && !strncmp(t->fold, w->s, w->len);
	case TL_W_HEAD: {
		size_t n = t->stem ? strlen(t->stem) : 0;
		return n >= (size_t)w->len + TL_HEAD_MIN_BEFORE && !memcmp(t->stem + n - w->len, w->s, w->len);
	}
	default: {
		const tl_para *p = &a->doc->paras[s->para];
		return t->end - t->start == w->len && t->end <= p->len &&
		       !memcmp(p->text + t->start, w->s, w->len);
	}
	}
}

/* A separable verb's particle closes its phrase: "draagt de Gegevens over."
 * or "draagt alle Gegevens over aan Opdrachtgever", but not the preposition
 * of "draagt zorg voor een rapport over de Gegevens", which a noun phrase
 * follows. */
/* 1 when token t is written in capitals only ("LIABLE", "FOR"): in a clause
 * set in capitals, a capital says nothing about names. */
static int S_all_caps(const tl_annotated *a, const tl_sentence *s, const tl_token *t)
{
	const tl_para *p = &a->doc->paras[s->para];
	int letters = 0;
	if (t->end > p->len || t->end <= t->start)
		return 0;
	for (uint32_t k = t->start; k < t->end; k++) {
		unsigned char c = (unsigned char)p->text[k];
		if (c >= 'a' && c <= 'z')
			return 0;
		letters += c >= 'A' && c <= 'Z';
	}
	return letters > 0;
}

static int S_particle_closes(const tl_annotated *a, const tl_sentence *s, uint32_t i)
{
	static const char *const np[] = {"de", "het", "een", "'s", "alle", "deze", "dit", "die", "dat",
	                                 "zijn", "haar", "hun", "onze", "ons", "uw", "elk", "elke",
	                                 "ieder", "iedere", "welke", "wat", "hem", "hen", "the", "a",
	                                 "an", "this", "that", "its", "their", "all", "any", NULL};
	if (i + 1 >= s->ntok || (s->tok[i + 1].flags & TL_TOK_PUNCT))
		return 1;
	const tl_token *n = &s->tok[i + 1];
	if (!n->fold || (n->flags & TL_TOK_NUMBER) ||
	    ((n->flags & TL_TOK_CAPITAL) && !(S_all_caps(a, s, n) && S_all_caps(a, s, &s->tok[i]))))
		return 0;
	for (const char *const *w = np; *w; w++)
		if (n->fold[0] == (*w)[0] && !strcmp(n->fold, *w))
			return 0;
	return 1;
}

#define MAX_GAP_WORDS 40

/* Matches words wi.. from the token after `prev`; returns the last token + 1 or 0. */
static uint32_t S_rest(const tl_annotated *a, const tl_sentence *s, const tl_rterm *rt, uint32_t wi,
                       uint32_t prev)
{
	if (wi == rt->nw)
		return prev + 1;
	uint32_t words = 0;
	if (rt->w[wi].gap) {
		for (uint32_t i = prev + 1; i < s->ntok && words < MAX_GAP_WORDS; i++) {
			if (s->tok[i].flags & TL_TOK_PUNCT)
				continue;
			words++;
			if (S_word_at(a, s, &rt->w[wi], i) && S_particle_closes(a, s, i)) {
				uint32_t r = S_rest(a, s, rt, wi + 1, i);
				if (r)
					return r;
			}
		}
		return 0;
	}
	for (uint32_t i = prev + 1; i < s->ntok && words < 2; i++) {
		if (s->tok[i].flags & TL_TOK_PUNCT)
			continue;
		words++;
		if (S_word_at(a, s, &rt->w[wi], i)) {
			uint32_t r = S_rest(a, s, rt, wi + 1, i);
			if (r)
				return r;
		}
	}
	return 0;
}

/* The signature of each form of a word (tl_ix_wsig's, one per S_FK_* kind,
 * TL_IX_NONE for an absent form): a term word of that kind can match the word
 * only if its signature equals this one.  Common first words ("de", "in",
 * "niet", "the") head dozens of terms each; most are rejected on these. */
typedef struct S_sig {
	uint32_t v[TL_IX_NFK];
} S_sig;

static const S_sig S_no_word = {{TL_IX_NONE, TL_IX_NONE, TL_IX_NONE, TL_IX_NONE}};

/* The signature of token t's stem and folded forms (what its word fixes);
 * sh: the hash of its stem as tl_ix_find takes it, or NULL to compute it. */
static void S_sig_word(const tl_token *t, uint8_t lang, const uint32_t *sh, S_sig *sg)
{
	*sg = S_no_word;
	if (t->stem)
		sg->v[TL_IX_FK_STEM] = (uint32_t)TL_IX_FK_STEM << 28 |
		                   ((sh ? *sh : tl_ix_hash(t->stem, strlen(t->stem), TL_W_STEM, lang)) & TL_IX_SIG_HASH);
	if (t->fold) {
		uint32_t b0 = (unsigned char)t->fold[0];
		sg->v[TL_IX_FK_PREFIX] = (uint32_t)TL_IX_FK_PREFIX << 28 | b0 << 8 |
		                     (b0 ? (unsigned char)t->fold[1] : 0u);
		sg->v[TL_IX_FK_PREFIX1] = (uint32_t)TL_IX_FK_PREFIX1 << 28 | b0 << 8;
	}
}

/* The signature of token t's form as written, TL_IX_NONE for none; *act
 * gets S_ACT_EXACT when an exact key may be that form (tl_index.e1, e2). */
static inline uint32_t S_sig_exact(const tl_index *ix, uint8_t lang, const tl_para *p, const tl_token *t,
                                   uint32_t *act)
{
	if (t->end <= t->start || t->end > p->len)
		return TL_IX_NONE;
	const char *o = p->text + t->start;
	uint32_t n = t->end - t->start, b0 = (unsigned char)o[0];
	if (ix->e1[lang][b0] & tl_ix_exact_len(n)) {
		unsigned b = tl_ix_exact_bit(o, n);
		*act |= (ix->e2[lang][b >> 3] >> (b & 7) & 1u) << 1;
	}
	return (uint32_t)TL_IX_FK_EXACT << 28 | (n < 4095 ? n : 4095u) << 16 | b0 << 8 |
	       (n >= 2 ? (unsigned char)o[1] : 0u);
}

/* S_word.act: what a word looks up: its stem, prefixes and heads (always
 * without a memo entry; with one, when it lists any), its form as written. */
#define S_ACT_WORD 1u
#define S_ACT_EXACT 2u

/* A word of the sentence being scanned: its token, what it looks up (S_ACT_*),
 * its memo entry (or NULL: look up directly) and signature. */
typedef struct S_word {
	uint32_t tok, act;
	const struct S_memo_ent *me;
	S_sig sg;
} S_word;

/* A term found (or, end 0, a keyed term's start to verify) at token i;
 * reported in the order of (i, rank): rank is filled in to sort. */
typedef struct S_hit {
	uint32_t i, term, end;
	uint32_t rep;    /* a keyed posting's member: the posting's term (its starts, its match); else term */
	uint64_t rank;
} S_hit;

/* One sentence's scan: its words, and the terms found so far. */
typedef struct S_scan {
	const tl_ruleset *rs;
	const tl_index *ix;
	const tl_annotated *a;
	const tl_sentence *s;
	const S_word *wd;
	uint32_t nw;
	S_hit **hit;     /* the memo's (or the scratch) buffer: the terms found, by (token, rank) */
	uint32_t *ahit;
	uint32_t nhit;
	S_hit **kst;     /* and the keyed terms' starts to verify, in any order */
	uint32_t *akst;
	uint32_t nkst;
	int fail;        /* out of memory */
	const int32_t *mem; /* the members of the keyed posting whose starts are found */
	uint32_t nmem;
	uint32_t nver, vpost[16], vend[16]; /* postings verified at this word and entry (tl_index.pdup) */
} S_scan;

static __attribute__((noinline)) int S_hit_grow(S_scan *c, S_hit **v, uint32_t *cap)
{
	uint32_t na = *cap ? *cap * 2 : 64;
	S_hit *nv = na > *cap ? realloc(*v, (size_t)na * sizeof *nv) : NULL;
	if (!nv) {
		c->fail = 1;
		return -1;
	}
	*v = nv;
	*cap = na;
	return 0;
}

/* The terms that start at a token are found in the order they are
 * reported in (tl_ix_group), but for the keyed ones, whose starts are
 * found later (S_push_start) and merged in by rank. */
static inline void S_push(S_scan *c, uint32_t i, uint32_t term, uint32_t end)
{
	if (c->nhit == *c->ahit && S_hit_grow(c, c->hit, c->ahit) != 0)
		return;
	(*c->hit)[c->nhit++] = (S_hit){i, term, end, term, 0};
}

/* A keyed term's start at token i to verify (rep: see S_hit). */
static void S_push_start(S_scan *c, uint32_t i, uint32_t term, uint32_t rep)
{
	if (c->nkst == *c->akst && S_hit_grow(c, c->kst, c->akst) != 0)
		return;
	(*c->kst)[c->nkst++] = (S_hit){i, term, 0, rep, 0};
}

/* The signature of word w of wd (nw words), or none. */
static const S_sig *S_wd_sig(const S_word *wd, uint32_t nw, uint32_t w)
{
	return w < nw ? &wd[w].sg : &S_no_word;
}

/* Posting k of e at word w: its filters, then S_rest. */
static void S_try_one(S_scan *c, const tl_ix_ent *e, uint32_t k, uint32_t w)
{
	const tl_index *ix = c->ix;
	const S_word *wd = c->wd;
	uint32_t nw = c->nw;
	uint32_t f = ix->pfilt[e->first + k], i = wd[w].tok, t = (uint32_t)ix->pterm[e->first + k];
	if (f < TL_IX_GAP) {
		uint32_t kind = f >> 28;
		if (f != S_wd_sig(wd, nw, w + 1)->v[kind] && f != S_wd_sig(wd, nw, w + 2)->v[kind])
			return;
		uint32_t g = ix->pfilt2[e->first + k];
		if (g < TL_IX_GAP) {
			kind = g >> 28;
			if (g != S_wd_sig(wd, nw, w + 2)->v[kind] && g != S_wd_sig(wd, nw, w + 3)->v[kind] &&
			    g != S_wd_sig(wd, nw, w + 4)->v[kind])
				return;
		}
	} else if (f == TL_IX_SINGLE) {
		S_push(c, i, t, i + 1);
		return;
	} else if (f < TL_IX_SINGLE) {
		/* after a gap: one of the next MAX_GAP_WORDS words */
		uint32_t g = f & TL_IX_SIG, kind = g >> 28, q = w + 1;
		uint32_t qe = nw - w - 1 < MAX_GAP_WORDS ? nw : w + 1 + MAX_GAP_WORDS;
		while (q < qe && wd[q].sg.v[kind] != g)
			q++;
		if (q == qe)
			return;
	}
	uint32_t p = e->first + k, d = ix->pdup[p], end = 0, v = 0;
	if (d)
		while (v < c->nver && c->vpost[v] != p - d)
			v++;
	if (d && v < c->nver) {
		end = c->vend[v];
	} else {
		end = S_rest(c->a, c->s, &c->rs->terms[t], 1, i);
		if (c->nver < 16) {
			c->vpost[c->nver] = p;
			c->vend[c->nver++] = end;
		}
	}
	if (end)
		S_push(c, i, t, end);
}

/* 1 when a word within reach of word w has signature f (tl_index.kback,
 * kfwd): one of the two words before it (dir -1) or after it (dir 1), of the
 * MAX_GAP_WORDS words for TL_IX_GAP; always for TL_IX_ANY. */
static inline int S_near(const S_word *wd, uint32_t nw, uint32_t w, uint32_t f, int dir)
{
	if (f >= TL_IX_SINGLE)
		return 1;
	uint32_t g = f & TL_IX_SIG, kind = g >> 28;
	if (!(f & TL_IX_GAP)) {
		if (dir < 0)
			return (w >= 1 && wd[w - 1].sg.v[kind] == g) || (w >= 2 && wd[w - 2].sg.v[kind] == g);
		return (w + 1 < nw && wd[w + 1].sg.v[kind] == g) || (w + 2 < nw && wd[w + 2].sg.v[kind] == g);
	}
	for (uint32_t d = 1; d <= MAX_GAP_WORDS; d++) {
		if (dir < 0 ? d > w : w + d >= nw)
			return 0;
		if (wd[dir < 0 ? w - d : w + d].sg.v[kind] == g)
			return 1;
	}
	return 0;
}

/* Word wi of term t matched at token j: every token its first word can
 * match at so that the words between come where S_rest looks for them
 * (a word one of the two words after the one before, after a gap one of
 * the next MAX_GAP_WORDS, closing its phrase), pushed as starts to verify. */
static void S_starts(S_scan *c, const tl_rterm *rt, uint32_t t, uint32_t wi, uint32_t j)
{
	if (!wi) {
		S_push_start(c, j, t, t);
		for (uint32_t q = 0; q < c->nmem; q++)
			S_push_start(c, j, (uint32_t)c->mem[q], t);
		return;
	}
	const tl_sentence *s = c->s;
	const tl_rword *pw = &rt->w[wi - 1];
	uint32_t limit = rt->w[wi].gap ? MAX_GAP_WORDS : 2, between = 0;
	for (uint32_t p = j; p-- > 0 && between < limit;) {
		if (s->tok[p].flags & TL_TOK_PUNCT)
			continue;
		/* word wi is the (between + 1)th word after p */
		if (S_word_at(c->a, s, pw, p) && (!pw->gap || S_particle_closes(c->a, s, p)))
			S_starts(c, rt, t, wi - 1, p);
		between++;
	}
}

/* Keyed posting k at word w: its filters, then its starts. */
static inline void S_keyed_one(S_scan *c, uint32_t k, uint32_t w)
{
	const tl_index *ix = c->ix;
	if (!S_near(c->wd, c->nw, w, ix->kback[k], -1) || !S_near(c->wd, c->nw, w, ix->kfwd[k], 1))
		return;
	uint32_t t = (uint32_t)ix->kterm[k], r = ix->kword[k], j = c->wd[w].tok;
	const tl_rterm *rt = &c->rs->terms[t];
	if (rt->w[r].gap && !S_particle_closes(c->a, c->s, j))
		return;
	c->mem = ix->kmem + ix->kmat[k];
	c->nmem = ix->kmat[k + 1] - ix->kmat[k];
	S_starts(c, rt, t, r, j);
}

#ifdef __SSE2__
/* The eight signatures of two words, each broadcast to a vector, for S_pass4. */
static inline void S_sig_vecs(__m128i *v, const S_sig *s0, const S_sig *s1)
{
	for (int q = 0; q < TL_IX_NFK; q++) {
		v[2 * q] = _mm_set1_epi32((int)s0->v[q]);
		v[2 * q + 1] = _mm_set1_epi32((int)s1->v[q]);
	}
}

/* Which of the four filters f[0..3] pass (bit j for f[j]): equal to one of the
 * signatures in v, or not a plain signature (TL_IX_GAP, TL_IX_SINGLE, TL_IX_ANY:
 * the top two bits set). */
static inline unsigned S_pass4(const uint32_t *f4, const __m128i *v)
{
	__m128i f = _mm_loadu_si128((const __m128i *)(const void *)f4);
	__m128i hit = _mm_cmpeq_epi32(f, v[0]);
	for (int q = 1; q < 2 * TL_IX_NFK; q++)
		hit = _mm_or_si128(hit, _mm_cmpeq_epi32(f, v[q]));
	__m128i plain = _mm_cmpeq_epi32(_mm_srli_epi32(f, 30), _mm_setzero_si128());
	return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(hit)) |
	       (~(unsigned)_mm_movemask_ps(_mm_castsi128_ps(plain)) & 0xFu);
}
#endif

/* The keyed postings of e at word w (their starts are sorted by rank
 * afterwards, so the order they are tried in does not matter): a plain
 * kback passes when it equals one of the eight signatures of the two words
 * before (its kind is in it), four postings compared at once with SSE2;
 * those that pass, and the others, on all filters (S_keyed_one). */
static void S_try_keyed(S_scan *c, const tl_ix_ent *e, uint32_t w)
{
	uint32_t k = e->kfirst, ke = e->kfirst + e->kn;
#ifdef __SSE2__
	if (e->kn >= 4) {
		__m128i v[2 * TL_IX_NFK];
		S_sig_vecs(v, w >= 1 ? &c->wd[w - 1].sg : &S_no_word, w >= 2 ? &c->wd[w - 2].sg : &S_no_word);
		for (; k + 4 <= ke; k += 4)
			for (unsigned m = S_pass4(c->ix->kback + k, v); m; m &= m - 1)
				S_keyed_one(c, k + (unsigned)__builtin_ctz(m), w);
	}
#endif
	for (; k < ke; k++)
		S_keyed_one(c, k, w);
}

/* A long list's postings at word w: the plain postings of the eight
 * signatures of the next two words (tl_ix_bucket), and the others, in list
 * order. */
static __attribute__((noinline)) void S_try_bucketed(S_scan *c, const tl_ix_ent *e, uint32_t w)
{
	const tl_index *ix = c->ix;
	const S_sig *n0 = S_wd_sig(c->wd, c->nw, w + 1), *n1 = S_wd_sig(c->wd, c->nw, w + 2);
	uint32_t cand[TL_IX_LONG_MAX], nc = 0, ent = (uint32_t)(e - ix->ent) + 1, n = e->n;
	for (int q = 0; q < 2 * TL_IX_NFK; q++) {
		uint32_t v = q < TL_IX_NFK ? n0->v[q] : n1->v[q - TL_IX_NFK];
		if (v == TL_IX_NONE || (q >= TL_IX_NFK && v == n0->v[q - TL_IX_NFK]))
			continue;
		for (uint32_t h = tl_ix_bucket_hash(ent, v) & (ix->btcap - 1); ix->bt[h].ent;
		     h = (h + 1) & (ix->btcap - 1))
			if (ix->bt[h].ent == ent && ix->bt[h].sig == v) {
				memcpy(cand + nc, ix->bord + ix->bt[h].first, ix->bt[h].n * sizeof *cand);
				nc += ix->bt[h].n;
				break;
			}
	}
	for (uint32_t j = e->nplain; j < n; j++)
		cand[nc++] = ix->bord[e->first + j];
	for (uint32_t j = 1; j < nc; j++) {
		uint32_t v = cand[j], m = j;
		for (; m > 0 && cand[m - 1] > v; m--)
			cand[m] = cand[m - 1];
		cand[m] = v;
	}
	for (uint32_t j = 0; j < nc; j++)
		S_try_one(c, e, cand[j], w);
}

/* A list of four postings or more at word w: a second word's signature
 * carries its kind, so a posting passes the first filter when its pfilt
 * equals one of the eight signatures of the next two words; with SSE2 four
 * postings are compared at once. */
static __attribute__((noinline)) void S_try_list(S_scan *c, const tl_ix_ent *e, uint32_t w)
{
	const uint32_t *pf = c->ix->pfilt + e->first;
	const S_sig *n0 = S_wd_sig(c->wd, c->nw, w + 1), *n1 = S_wd_sig(c->wd, c->nw, w + 2);
	uint32_t n = e->n, k = 0;
#ifdef __SSE2__
	__m128i v[2 * TL_IX_NFK];
	S_sig_vecs(v, n0, n1);
	for (; k + 4 <= n; k += 4)
		for (unsigned m = S_pass4(pf + k, v); m; m &= m - 1)
			S_try_one(c, e, k + (unsigned)__builtin_ctz(m), w);
#endif
	for (; k < n; k++) {
		uint32_t f = pf[k];
		if (f < TL_IX_GAP && f != n0->v[f >> 28] && f != n1->v[f >> 28])
			continue;
		S_try_one(c, e, k, w);
	}
}

/* Verifies e's postings at word w on all filters (a short list here, a
 * long one in S_try_bucketed or S_try_list), then its keyed postings. */
static inline void S_try_words(S_scan *c, const tl_ix_ent *e, uint32_t w)
{
	if (!e || !e->key)
		return;
	c->nver = 0;
	if (e->kn)
		S_try_keyed(c, e, w);
	uint32_t n = e->n;
	if (e->bucketed) {
		S_try_bucketed(c, e, w);
	} else if (n >= 4) {
		S_try_list(c, e, w);
	} else if (n) {
		const uint32_t *pf = c->ix->pfilt + e->first;
		const S_sig *n0 = S_wd_sig(c->wd, c->nw, w + 1), *n1 = S_wd_sig(c->wd, c->nw, w + 2);
		for (uint32_t k = 0; k < n; k++) {
			uint32_t f = pf[k];
			if (f < TL_IX_GAP && f != n0->v[f >> 28] && f != n1->v[f >> 28])
				continue;
			S_try_one(c, e, k, w);
		}
	}
}

/* The non-empty prefix entries of a folded word, in the order of the
 * index's prefix lengths; returns their number. */
static uint32_t S_prefix_entries(const tl_index *ix, const char *fold, uint8_t lang,
                                 const tl_ix_ent **out)
{
	int may_prefix = fold && ix->nplen[lang];
	if (may_prefix && !ix->short_prefix[lang]) {
		/* no prefix key starts with this word's first two bytes: skip them all */
		unsigned b = (unsigned char)fold[0] << 8 | (fold[0] ? (unsigned char)fold[1] : 0u);
		may_prefix = fold[0] && (ix->p2[lang][b >> 3] >> (b & 7) & 1);
	}
	if (!may_prefix)
		return 0;
	/* the hash of every prefix length in one pass over the word
	 * (tl_ix_hash is FNV-1a: the hash of n+1 bytes extends that of n) */
	uint32_t hp[TL_MAX_KEY_LEN + 1], n = 0;
	size_t fl = 0;
	hp[0] = tl_ix_hash(fold, 0, TL_W_PREFIX, lang);
	for (; fold[fl] && fl < ix->maxplen[lang]; fl++)
		hp[fl + 1] = (hp[fl] ^ (unsigned char)fold[fl]) * 16777619u;
	for (uint32_t k = 0; k < ix->nplen[lang]; k++) {
		size_t len = ix->plen[lang][k];
		if (len <= fl) {
			const tl_ix_ent *e = tl_ix_find(ix, fold, len, TL_W_PREFIX, lang, hp[len]);
			if (e && e->key && (e->n || e->kn))
				out[n++] = e;
		}
	}
	return n;
}

/* The non-empty compound-head entries of a stem ("toewijzingsalgoritm" ends
 * with the key "algoritm"), appended to out[n..); returns the new count. */
static uint32_t S_head_entries(const tl_index *ix, const char *stem, uint8_t lang,
                               const tl_ix_ent **out, uint32_t n)
{
	if (!stem || !ix->nhlen[lang])
		return n;
	size_t sl = strlen(stem);
	for (uint32_t k = 0; k < ix->nhlen[lang] && n < 2 * TL_MAX_KEY_LEN; k++) {
		size_t len = ix->hlen[lang][k];
		if (sl < len + TL_HEAD_MIN_BEFORE)
			continue;
		const char *key = stem + sl - len;
		const tl_ix_ent *e = tl_ix_find(ix, key, len, TL_W_HEAD, lang, tl_ix_hash(key, len, TL_W_HEAD, lang));
		if (e && e->key && (e->n || e->kn))
			out[n++] = e;
	}
	return n;
}

/* What the stem and prefix lookups of a token depend on (its word, which
 * fixes the folded form; its stem; the language), remembered per scan
 * thread: a word recurs, and each lookup hashes and probes. */
typedef struct S_memo_ent {
	const void *word, *stem; /* word NULL: an empty slot */
	uint32_t lang;
	const tl_ix_ent *st;         /* the stem's entry, or NULL */
	uint32_t first, n;       /* its prefix entries: memo->pfx[first .. first + n) */
	S_sig sg;                /* its signature, but for the exact form */
} S_memo_ent;

struct tl_index_memo {
	S_memo_ent *ent;
	uint32_t cap, n;
	const tl_ix_ent **pfx;
	uint32_t npfx, apfx;
	S_word *wd;              /* the words of the sentence being scanned */
	uint32_t awd;
	S_hit *hit;              /* and what it found */
	uint32_t ahit;
	S_hit *kst;              /* and the keyed terms' starts */
	uint32_t akst;
	int fail;                /* out of memory: scan without the memo */
};

tl_index_memo *tl_index_memo_new(void) { return calloc(1, sizeof(tl_index_memo)); }

void tl_index_memo_free(tl_index_memo *m)
{
	if (!m)
		return;
	free(m->ent);
	free(m->pfx);
	free(m->wd);
	free(m->hit);
	free(m->kst);
	free(m);
}

static uint32_t S_memo_hash(const void *w, const void *st, uint32_t lang)
{
	uint64_t h = (uint64_t)(uintptr_t)w * 0x9E3779B97F4A7C15ull ^
	             (uint64_t)(uintptr_t)st * 0xC2B2AE3D27D4EB4Full ^ lang;
	return (uint32_t)(h >> 32);
}

static int S_memo_grow(tl_index_memo *m)
{
	uint32_t cap = m->cap ? m->cap * 2 : 1024;
	if (cap < m->cap)
		return -1;
	S_memo_ent *ne = calloc(cap, sizeof *ne);
	if (!ne)
		return -1;
	for (uint32_t i = 0; i < m->cap; i++) {
		const S_memo_ent *o = &m->ent[i];
		if (!o->word)
			continue;
		uint32_t j = S_memo_hash(o->word, o->stem, o->lang) & (cap - 1);
		while (ne[j].word)
			j = (j + 1) & (cap - 1);
		ne[j] = *o;
	}
	free(m->ent);
	m->ent = ne;
	m->cap = cap;
	return 0;
}

static const S_memo_ent *S_memo_fill(tl_index_memo *m, const tl_index *ix, const tl_token *t, uint8_t lang,
                                    uint32_t j);

/* The memo entry of token t in S_words, where the memo has room for every
 * token's entry: the entry found, else filled in; NULL for no word, or when
 * out of memory. */
static inline const S_memo_ent *S_memo_word(tl_index_memo *m, const tl_index *ix, const tl_token *t,
                                            uint8_t lang)
{
	if (!t->word)
		return NULL;
	uint32_t mask = m->cap - 1, j = S_memo_hash(t->word, t->stem, lang) & mask;
	for (const S_memo_ent *e; (e = &m->ent[j])->word; j = (j + 1) & mask)
		if (e->word == t->word && e->stem == t->stem && e->lang == lang)
			return e;
	return S_memo_fill(m, ix, t, lang, j);
}

/* Fills in empty slot j of the memo for token t. */
static __attribute__((noinline)) const S_memo_ent *S_memo_fill(tl_index_memo *m, const tl_index *ix,
                                                              const tl_token *t, uint8_t lang, uint32_t j)
{
	const tl_ix_ent *pe[2 * TL_MAX_KEY_LEN];
	uint32_t np = S_prefix_entries(ix, t->fold, lang, pe);
	np = S_head_entries(ix, t->stem, lang, pe, np);
	if (m->npfx + np > m->apfx) {
		uint32_t na = m->apfx ? m->apfx : 1024;
		while (na < m->npfx + np)
			na *= 2;
		const tl_ix_ent **nv = realloc(m->pfx, (size_t)na * sizeof *nv);
		if (!nv) {
			m->fail = 1;
			return NULL;
		}
		m->pfx = nv;
		m->apfx = na;
	}
	S_memo_ent *e = &m->ent[j];
	e->word = t->word;
	e->stem = t->stem;
	e->lang = lang;
	e->st = NULL;
	uint32_t sh = 0;
	if (t->stem) {
		size_t n = strlen(t->stem);
		sh = tl_ix_hash(t->stem, n, TL_W_STEM, lang);
		const tl_ix_ent *se = tl_ix_find(ix, t->stem, n, TL_W_STEM, lang, sh);
		e->st = se && se->key && (se->n || se->kn) ? se : NULL;
	}
	S_sig_word(t, lang, &sh, &e->sg);
	e->first = m->npfx;
	e->n = np;
	if (np)
		memcpy(m->pfx + m->npfx, pe, np * sizeof *pe);
	m->npfx += np;
	m->n++;
	return e;
}

#define S_WORDS_MAX 4096

/* The sentence's words into m->wd, each with its memo entry looked up once
 * (use_memo); returns their number, or -1 when out of memory. */
static int64_t S_words(tl_index_memo *m, const tl_index *ix, const tl_annotated *a,
                       const tl_sentence *s, uint8_t lang, int use_memo)
{
	if (s->ntok > m->awd) {
		uint32_t na = m->awd ? m->awd : 256;
		while (na < s->ntok && na < UINT32_MAX / 2)
			na *= 2;
		S_word *nv = na >= s->ntok ? realloc(m->wd, (size_t)na * sizeof *nv) : NULL;
		if (!nv)
			return -1;
		m->wd = nv;
		m->awd = na;
	}
	/* room for every word's entry first: the entries do not move while
	 * the words point at them */
	while (use_memo && (uint64_t)(m->n + s->ntok + 1) * 2 > m->cap)
		if (S_memo_grow(m) != 0) {
			m->fail = 1;
			use_memo = 0;
		}
	const tl_para *para = &a->doc->paras[s->para];
	uint32_t nw = 0;
	for (uint32_t k = 0; k < s->ntok; k++) {
		const tl_token *t = &s->tok[k];
		if (t->flags & TL_TOK_PUNCT)
			continue;
		S_word *w = &m->wd[nw++];
		w->tok = k;
		w->me = use_memo ? S_memo_word(m, ix, t, lang) : NULL;
		uint32_t act = S_ACT_WORD;
		if (w->me) {
			w->sg = w->me->sg;
			act = w->me->st || w->me->n ? S_ACT_WORD : 0;
		} else {
			S_sig_word(t, lang, NULL, &w->sg);
		}
		w->sg.v[TL_IX_FK_EXACT] = S_sig_exact(ix, lang, para, t, &act);
		w->act = act;
	}
	return nw;
}

/* The report rank of term t: its group (tl_ix_group), then its index. */
static uint64_t S_rank(const tl_ruleset *rs, uint32_t t)
{
	return (uint64_t)tl_ix_group(rs->index, &rs->terms[t]) << 32 | t;
}

/* Every term at every word by brute force, in the order of the scan (by
 * token, then rank), without memory: the scan when out of memory. */
static void S_scan_ranked(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                          void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud)
{
	uint8_t lang = (uint8_t)tl_index_lang(a, s);
	for (uint32_t i = 0; i < s->ntok; i++) {
		if (s->tok[i].flags & TL_TOK_PUNCT)
			continue;
		/* the next term by rank after the one reported last */
		for (uint64_t last = 0, first = 1;; first = 0) {
			uint64_t best = UINT64_MAX;
			uint32_t bend = 0;
			for (uint32_t t = 0; t < rs->nterms; t++) {
				const tl_rterm *rt = &rs->terms[t];
				uint64_t r = rt->lang == lang ? S_rank(rs, t) : UINT64_MAX;
				if (r >= best || (!first && r <= last) || !S_word_at(a, s, &rt->w[0], i))
					continue;
				uint32_t end = S_rest(a, s, rt, 1, i);
				if (end) {
					best = r;
					bend = end;
				}
			}
			if (best == UINT64_MAX)
				break;
			fn(ud, &rs->terms[(uint32_t)best], i, bend);
			last = best;
		}
	}
}

static int S_hit_cmp(const void *x, const void *y)
{
	const S_hit *a = x, *b = y;
	if (a->i != b->i)
		return a->i < b->i ? -1 : 1;
	return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* The scan of s with m's buffers (and its memo when use_memo); 0, or -1
 * when out of memory (nothing reported). */
static int S_scan_words(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                        tl_index_memo *m, int use_memo,
                        void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud)
{
	const tl_index *ix = rs->index;
	uint8_t lang = (uint8_t)tl_index_lang(a, s);
	int64_t nw = S_words(m, ix, a, s, lang, use_memo);
	if (nw < 0)
		return -1;
	S_scan c = {rs, ix, a, s, m->wd, (uint32_t)nw, &m->hit, &m->ahit, 0, &m->kst, &m->akst, 0, 0, NULL, 0, 0, {0}, {0}};
	const tl_para *para = &a->doc->paras[s->para];
	const S_word *wd = m->wd;
	for (uint32_t w = 0; w < (uint32_t)nw && !c.fail; w++) {
		uint32_t act = wd[w].act;
		if (!act)
			continue;
		const tl_token *t = &s->tok[wd[w].tok];
		const S_memo_ent *me = wd[w].me;
		if (me) {
			if (me->st)
				S_try_words(&c, me->st, w);
		} else if (t->stem) {
			size_t n = strlen(t->stem);
			S_try_words(&c, tl_ix_find(ix, t->stem, n, TL_W_STEM, lang, tl_ix_hash(t->stem, n, TL_W_STEM, lang)),
			            w);
		}
		if (act & S_ACT_EXACT) {
			const char *o = para->text + t->start;
			size_t n = t->end - t->start;
			S_try_words(&c, tl_ix_find(ix, o, n, TL_W_EXACT, lang, tl_ix_hash(o, n, TL_W_EXACT, lang)), w);
		}
		if (me) {
			for (uint32_t k = 0; k < me->n; k++)
				S_try_words(&c, m->pfx[me->first + k], w);
		} else {
			const tl_ix_ent *pe[2 * TL_MAX_KEY_LEN];
			uint32_t np = S_prefix_entries(ix, t->fold, lang, pe);
			np = S_head_entries(ix, t->stem, lang, pe, np);
			for (uint32_t k = 0; k < np; k++)
				S_try_words(&c, pe[k], w);
		}
	}
	if (c.fail)
		return -1;
	/* the keyed terms' starts by (token, rank), merged into the terms
	 * found; a start may have been pushed more than once: verified once */
	S_hit *h = m->hit, *k = m->kst;
	uint32_t nh = c.nhit, nk = c.nkst;
	if (nk) {
		for (uint32_t j = 0; j < nk; j++)
			k[j].rank = S_rank(rs, k[j].term);
		if (nk <= 32) {
			for (uint32_t j = 1; j < nk; j++) {
				S_hit v = k[j];
				uint32_t q = j;
				for (; q > 0 && S_hit_cmp(&k[q - 1], &v) > 0; q--)
					k[q] = k[q - 1];
				k[q] = v;
			}
		} else {
			qsort(k, nk, sizeof *k, S_hit_cmp);
		}
	}
	/* a member's start is verified as its posting's term's was (at the
	 * same token and before it: the same first word, a lower index) */
	uint32_t vi = UINT32_MAX, vn = 0, vterm[16], vend[16];
	uint32_t lasti = UINT32_MAX, lastt = UINT32_MAX;
	for (uint32_t p = 0, q = 0; p < nh || q < nk;) {
		const S_hit *x;
		if (q < nk && (p >= nh || k[q].i < h[p].i || (k[q].i == h[p].i && k[q].rank < S_rank(rs, h[p].term))))
			x = &k[q++];
		else
			x = &h[p++];
		if (x->i == lasti && x->term == lastt)
			continue;
		lasti = x->i;
		lastt = x->term;
		const tl_rterm *rt = &rs->terms[x->term];
		uint32_t end = x->end;
		if (!end) {
			if (x->i != vi) {
				vi = x->i;
				vn = 0;
			}
			uint32_t r = 0;
			if (x->rep != x->term)
				while (r < vn && vterm[r] != x->rep)
					r++;
			if (x->rep != x->term && r < vn) {
				end = vend[r];
			} else {
				end = S_rest(a, s, rt, 1, x->i);
				if (vn < 16) {
					vterm[vn] = x->term;
					vend[vn++] = end;
				}
			}
		}
		if (end)
			fn(ud, rt, x->i, end);
	}
	return 0;
}

void tl_index_scan(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                   void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud)
{
	if (!rs->index)
		return;
	tl_index_memo m;
	memset(&m, 0, sizeof m);
	if (S_scan_words(rs, a, s, &m, 0, fn, ud) != 0)
		S_scan_ranked(rs, a, s, fn, ud);
	free(m.wd);
	free(m.hit);
	free(m.kst);
}

void tl_index_scan_memo(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                        tl_index_memo *memo, void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t),
                        void *ud)
{
	if (!rs->index)
		return;
	if (!memo) {
		tl_index_scan(rs, a, s, fn, ud);
		return;
	}
	/* a sentence of more than S_WORDS_MAX tokens (no punctuation in a
	 * huge table cell) is scanned without the memo, which would reserve
	 * an entry for each */
	if (S_scan_words(rs, a, s, memo, !memo->fail && s->ntok <= S_WORDS_MAX, fn, ud) != 0)
		S_scan_ranked(rs, a, s, fn, ud);
}

void tl_index_scan_brute(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                         void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud)
{
	uint8_t lang = (uint8_t)tl_index_lang(a, s);
	for (uint32_t i = 0; i < s->ntok; i++) {
		if (s->tok[i].flags & TL_TOK_PUNCT)
			continue;
		for (uint32_t t = 0; t < rs->nterms; t++) {
			const tl_rterm *rt = &rs->terms[t];
			if (rt->lang != lang || !S_word_at(a, s, &rt->w[0], i))
				continue;
			uint32_t end = S_rest(a, s, rt, 1, i);
			if (end)
				fn(ud, rt, i, end);
		}
	}
}
