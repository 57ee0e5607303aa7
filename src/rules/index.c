/* index.c: the prefilter: a hash of every term's FIRST word (stem, exact
 * form, folded prefix or compound head, per language).  A sentence is
 * scanned once: each token does one stem lookup, one exact lookup and one per
 * distinct prefix and head length, and only the terms that start there are
 * verified.  Patterns are reached through the concepts that occur (trigger
 * lists), so the cost grows with the document's length and with what
 * actually occurs, not with the number of rules.  The terms themselves are
 * compiled in compile.c. */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "model/doc.h"
#include "rules/rules.h"
#include "text/text.h"

#define MAX_PREFIX_LEN TL_MAX_KEY_LEN
#define S_HEAD_MIN_BEFORE TL_HEAD_MIN_BEFORE

typedef struct S_ent {
	const char *key;
	uint32_t klen, hash;
	uint8_t kind, lang;
	uint32_t first, n; /* its postings: tl_index.pterm/pfilt[first .. first + n), ruleset order */
	uint32_t nplain;   /* a long list (bucketed): bord[first .. first + nplain) holds its plain
	                      postings by pfilt, the rest its others (F_GAP, F_SINGLE, F_ANY) */
	uint8_t bucketed;
} S_ent;

/* A long posting list is not walked: its plain postings are grouped by
 * their second word's signature (tl_index.bt, keyed by entry and
 * signature), and a token looks up the eight signatures of its next two
 * words.  Lists from S_LONG_MIN to S_LONG_MAX postings; a long list heads
 * ("de", "in", "niet", "the", "not") dozens of terms. */
#define S_LONG_MIN 24
#define S_LONG_MAX 256
typedef struct S_bucket {
	uint32_t ent;   /* entry index + 1; 0: a free slot */
	uint32_t sig;
	uint32_t first, n; /* tl_index.bord[first .. first + n): posting indexes, ascending */
} S_bucket;

/* A posting's filters (tl_index.pfilt, pfilt2): what the term's second and
 * third words need of the words after the first, packed so that a rejected
 * posting costs a load and a few compares, without touching the term.
 * A word's signature (S_wsig) is kind << 28 | 28 bits: for a stem a hash of
 * it, for an exact form its length and first two bytes, for a prefix its
 * first two bytes; a prefix of one byte has its own kind.  pfilt is
 * F_SINGLE for a one-word term (it matches where its first word does),
 * F_GAP | signature for a second word after a gap (it must come later in
 * the sentence), F_ANY when no filter applies, else the second word's
 * signature (one of the next two words must have it); pfilt2 is the third
 * word's (one of the next words two to four must have it) or F_ANY. */
#define F_GAP 0x40000000u
#define F_SINGLE 0x80000000u
#define F_ANY 0xC0000000u
#define F_SIG 0x3FFFFFFFu
enum { S_FK_STEM = TL_W_STEM, S_FK_PREFIX = TL_W_PREFIX, S_FK_EXACT = TL_W_EXACT, S_FK_PREFIX1, S_NFK };
#define F_NONE 0xFFFFFFFFu /* a token form that is absent: equals no signature */
#define S_EXACT_BITS 4096u
#define S_SIG_HASH 0x0FFFFFFFu

struct tl_index {
	S_ent *ent;
	uint32_t cap, n;
	int32_t *pterm;   /* postings grouped per entry: the term */
	uint32_t *pfilt;  /* and its filters */
	uint32_t *pfilt2;
	uint32_t *bord;   /* long lists' postings grouped (S_ent.nplain) */
	S_bucket *bt;
	uint32_t btcap;
	uint8_t plen[3][MAX_PREFIX_LEN]; /* distinct prefix lengths per language */
	uint32_t nplen[3];
	uint32_t maxplen[3]; /* the longest of them */
	/* per language, the first two bytes of every prefix key (bit b0 << 8 | b1);
	 * short_prefix: a key shorter than two bytes exists, so no filtering */
	uint8_t p2[3][65536 / 8];
	uint8_t short_prefix[3];
	/* exact keys by S_exact_bit (length, first two and last byte): a token
	 * whose bit is clear is not looked up (a few dozen keys: 4,096 bits,
	 * which stay in the cache, keep false hits rare) */
	uint8_t e2[3][S_EXACT_BITS / 8];
	/* distinct lengths of compound-head keys per language ("*algoritme") */
	uint8_t hlen[3][MAX_PREFIX_LEN];
	uint32_t nhlen[3];
	tl_pattern ***trig; /* per concept, NULL-terminated */
};

static uint32_t S_hash(const char *s, size_t n, uint8_t kind, uint8_t lang)
{
	uint32_t h = 2166136261u ^ ((uint32_t)kind * 31u + lang);
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static S_ent *S_find(const tl_index *ix, const char *key, size_t klen, uint8_t kind, uint8_t lang,
                     uint32_t h)
{
	if (!ix->cap)
		return NULL;
	for (uint32_t i = h & (ix->cap - 1);; i = (i + 1) & (ix->cap - 1)) {
		S_ent *e = &ix->ent[i];
		if (!e->key)
			return e;
		if (e->hash == h && e->klen == klen && e->kind == kind && e->lang == lang &&
		    !memcmp(e->key, key, klen))
			return e;
	}
}

/** ## Building the index */

/* Doubles the table when it is half full (entries keep their postings). */
static int S_grow(tl_index *ix)
{
	uint32_t na = ix->cap * 2;
	S_ent *ne = na > ix->cap ? calloc(na, sizeof *ne) : NULL;
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
	uint32_t h = S_hash(w->s, w->len, w->kind, lang);
	S_ent *e = S_find(ix, w->s, w->len, w->kind, lang, h);
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

/* The signature of a word of a term in language lang; F_ANY for an empty one. */
static uint32_t S_wsig(const tl_rword *w, uint8_t lang)
{
	if (!w->len || w->kind == TL_W_HEAD)
		return F_ANY; /* a compound head is a word's end: nothing to filter on */
	uint32_t b0 = (unsigned char)w->s[0], b1 = w->len >= 2 ? (unsigned char)w->s[1] : 0u;
	switch (w->kind) {
	case TL_W_STEM:
		return (uint32_t)S_FK_STEM << 28 | (S_hash(w->s, w->len, TL_W_STEM, lang) & S_SIG_HASH);
	case TL_W_PREFIX:
		return w->len == 1 ? (uint32_t)S_FK_PREFIX1 << 28 | b0 << 8
		                   : (uint32_t)S_FK_PREFIX << 28 | b0 << 8 | b1;
	default:
		return (uint32_t)S_FK_EXACT << 28 | (w->len < 4095 ? w->len : 4095u) << 16 | b0 << 8 | b1;
	}
}

static void S_filters(const tl_rterm *rt, uint32_t *f1, uint32_t *f2)
{
	*f2 = F_ANY;
	if (rt->nw < 2) {
		*f1 = F_SINGLE;
		return;
	}
	const tl_rword *w = &rt->w[1];
	uint32_t g = S_wsig(w, rt->lang);
	if (w->gap) {
		*f1 = g == F_ANY ? F_ANY : F_GAP | g;
		return;
	}
	*f1 = g;
	if (rt->nw >= 3 && !rt->w[2].gap)
		*f2 = S_wsig(&rt->w[2], rt->lang);
}

/* The bit of an exact form of n >= 1 bytes in tl_index.e2. */
static unsigned S_exact_bit(const char *o, size_t n)
{
	unsigned h = (unsigned char)o[0];
	h = h * 167u + (n >= 2 ? (unsigned char)o[1] : 0u);
	h = h * 167u + (unsigned char)o[n - 1];
	h = h * 167u + (unsigned)(n & 255);
	return (h ^ h >> 16) & (S_EXACT_BITS - 1);
}

static uint32_t S_bucket_hash(uint32_t ent, uint32_t sig)
{
	uint32_t h = ent * 0x9E3779B1u ^ sig * 0x85EBCA77u;
	return h ^ h >> 15;
}

/* The sort key of a posting in a long list: its signature when plain, else
 * F_GAP (the others keep their order, after the plain ones). */
static uint32_t S_bucket_key(uint32_t f) { return f < F_GAP ? f : F_GAP; }

/* Groups the postings of every long list (see S_bucket). */
static int S_buckets(tl_index *ix, uint32_t nterms)
{
	uint32_t nplain = 0;
	for (uint32_t i = 0; i < ix->cap; i++) {
		const S_ent *e = &ix->ent[i];
		if (e->key && e->n >= S_LONG_MIN && e->n <= S_LONG_MAX)
			for (uint32_t k = 0; k < e->n; k++)
				nplain += ix->pfilt[e->first + k] < F_GAP;
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
		S_ent *e = &ix->ent[i];
		if (!e->key || e->n < S_LONG_MIN || e->n > S_LONG_MAX)
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
		while (np < e->n && pf[o[np]] < F_GAP)
			np++;
		for (uint32_t j = 0; j < np;) {
			uint32_t r = j;
			while (r < np && pf[o[r]] == pf[o[j]])
				r++;
			uint32_t h = S_bucket_hash(i + 1, pf[o[j]]) & (ix->btcap - 1);
			while (ix->bt[h].ent)
				h = (h + 1) & (ix->btcap - 1);
			ix->bt[h] = (S_bucket){i + 1, pf[o[j]], e->first + j, r - j};
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
			unsigned b = S_exact_bit(w->s, w->len);
			ix->e2[rt->lang][b >> 3] |= (uint8_t)(1u << (b & 7));
		}
		if (w->kind == TL_W_HEAD) {
			uint32_t *nh = &ix->nhlen[rt->lang];
			int have = 0;
			for (uint32_t k = 0; k < *nh; k++)
				have |= ix->hlen[rt->lang][k] == w->len;
			if (!have && *nh < MAX_PREFIX_LEN && w->len <= MAX_PREFIX_LEN)
				ix->hlen[rt->lang][(*nh)++] = (uint8_t)w->len;
		}
		if (w->kind == TL_W_PREFIX) {
			uint32_t *np = &ix->nplen[rt->lang];
			int have = 0;
			for (uint32_t k = 0; k < *np; k++)
				have |= ix->plen[rt->lang][k] == w->len;
			if (!have && *np < MAX_PREFIX_LEN)
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
		S_ent *e = S_find(ix, w->s, w->len, w->kind, rt->lang, th[t]);
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
	case TL_W_STEM:
		return t->stem && t->stem[0] == w->s[0] && !strncmp(t->stem, w->s, w->len) &&
		       t->stem[w->len] == '\0';
	case TL_W_PREFIX:
		return t->fold && (!w->len || t->fold[0] == w->s[0]) && !strncmp(t->fold, w->s, w->len);
	case TL_W_HEAD: {
		size_t n = t->stem ? strlen(t->stem) : 0;
		return n >= (size_t)w->len + S_HEAD_MIN_BEFORE && !memcmp(t->stem + n - w->len, w->s, w->len);
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
		if (!strcmp(n->fold, *w))
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

/* The signature of each form of a word (S_wsig's, one per S_FK_* kind,
 * F_NONE for an absent form): a term word of that kind can match the word
 * only if its signature equals this one.  Common first words ("de", "in",
 * "niet", "the") head dozens of terms each; most are rejected on these. */
typedef struct S_sig {
	uint32_t v[S_NFK];
} S_sig;

static const S_sig S_no_word = {{F_NONE, F_NONE, F_NONE, F_NONE}};

/* The signature of token t's stem and folded forms (what its word fixes);
 * sh: the hash of its stem as S_find takes it, or NULL to compute it. */
static void S_sig_word(const tl_token *t, uint8_t lang, const uint32_t *sh, S_sig *sg)
{
	*sg = S_no_word;
	if (t->stem)
		sg->v[S_FK_STEM] = (uint32_t)S_FK_STEM << 28 |
		                   ((sh ? *sh : S_hash(t->stem, strlen(t->stem), TL_W_STEM, lang)) & S_SIG_HASH);
	if (t->fold) {
		uint32_t b0 = (unsigned char)t->fold[0];
		sg->v[S_FK_PREFIX] = (uint32_t)S_FK_PREFIX << 28 | b0 << 8 |
		                     (b0 ? (unsigned char)t->fold[1] : 0u);
		sg->v[S_FK_PREFIX1] = (uint32_t)S_FK_PREFIX1 << 28 | b0 << 8;
	}
}

/* The signature of token t's form as written. */
static uint32_t S_sig_exact(const tl_annotated *a, const tl_sentence *s, const tl_token *t)
{
	const tl_para *p = &a->doc->paras[s->para];
	if (t->end <= t->start || t->end > p->len)
		return F_NONE;
	const char *o = p->text + t->start;
	uint32_t n = t->end - t->start;
	return (uint32_t)S_FK_EXACT << 28 | (n < 4095 ? n : 4095u) << 16 |
	       (uint32_t)(unsigned char)o[0] << 8 | (n >= 2 ? (unsigned char)o[1] : 0u);
}

/* The signature of token k, or none when k is past the end. */
static void S_sig_at(const tl_annotated *a, const tl_sentence *s, uint32_t k, uint8_t lang,
                     S_sig *sg)
{
	*sg = S_no_word;
	if (k >= s->ntok)
		return;
	S_sig_word(&s->tok[k], lang, NULL, sg);
	sg->v[S_FK_EXACT] = S_sig_exact(a, s, &s->tok[k]);
}

/* The first token from k on that is not punctuation, or ntok. */
static uint32_t S_word_from(const tl_sentence *s, uint32_t k)
{
	while (k < s->ntok && (s->tok[k].flags & TL_TOK_PUNCT))
		k++;
	return k;
}

/* Verifies e's postings at token i on the second-word filter only; n0 and
 * n1 are the signatures of the two words after it (the scan without memo). */
static void S_try_list(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                       const S_ent *e, uint32_t i, const S_sig *n0, const S_sig *n1,
                       void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud)
{
	if (!e || !e->key)
		return;
	const uint32_t *pf = rs->index->pfilt + e->first;
	const int32_t *pt = rs->index->pterm + e->first;
	for (uint32_t k = 0; k < e->n; k++) {
		uint32_t f = pf[k];
		if (f < F_GAP) {
			uint32_t kind = f >> 28;
			if (f != n0->v[kind] && f != n1->v[kind])
				continue;
		} else if (f == F_SINGLE) {
			fn(ud, &rs->terms[pt[k]], i, i + 1);
			continue;
		}
		const tl_rterm *rt = &rs->terms[pt[k]];
		uint32_t end = S_rest(a, s, rt, 1, i);
		if (end)
			fn(ud, rt, i, end);
	}
}

/* A word of the sentence being scanned with the memo: its token, memo
 * entry (or NULL: look up directly) and signature. */
typedef struct S_word {
	uint32_t tok;
	const struct S_memo_ent *me;
	S_sig sg;
} S_word;

/* The signature of word w of wd (nw words), or none. */
static const S_sig *S_wd_sig(const S_word *wd, uint32_t nw, uint32_t w)
{
	return w < nw ? &wd[w].sg : &S_no_word;
}

/* Posting k of e at word w of wd: its filters, then S_rest. */
static void S_try_one(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                      const S_ent *e, uint32_t k, const S_word *wd, uint32_t nw, uint32_t w,
                      void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud)
{
	const tl_index *ix = rs->index;
	uint32_t f = ix->pfilt[e->first + k], i = wd[w].tok;
	const tl_rterm *rt = &rs->terms[ix->pterm[e->first + k]];
	if (f < F_GAP) {
		uint32_t kind = f >> 28;
		if (f != S_wd_sig(wd, nw, w + 1)->v[kind] && f != S_wd_sig(wd, nw, w + 2)->v[kind])
			return;
		uint32_t g = ix->pfilt2[e->first + k];
		if (g < F_GAP) {
			kind = g >> 28;
			if (g != S_wd_sig(wd, nw, w + 2)->v[kind] && g != S_wd_sig(wd, nw, w + 3)->v[kind] &&
			    g != S_wd_sig(wd, nw, w + 4)->v[kind])
				return;
		}
	} else if (f == F_SINGLE) {
		fn(ud, rt, i, i + 1);
		return;
	} else if (f < F_SINGLE) {
		/* after a gap: one of the next MAX_GAP_WORDS words */
		uint32_t g = f & F_SIG, kind = g >> 28, q = w + 1;
		uint32_t qe = nw - w - 1 < MAX_GAP_WORDS ? nw : w + 1 + MAX_GAP_WORDS;
		while (q < qe && wd[q].sg.v[kind] != g)
			q++;
		if (q == qe)
			return;
	}
	uint32_t end = S_rest(a, s, rt, 1, i);
	if (end)
		fn(ud, rt, i, end);
}

/* Verifies e's postings at word w of wd on all filters.  A second word's
 * signature carries its kind, so a posting passes the first filter when its
 * pfilt equals one of the eight signatures of the next two words; with SSE2
 * four postings are compared at once. */
static void S_try_words(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                        const S_ent *e, const S_word *wd, uint32_t nw, uint32_t w,
                        void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud)
{
	if (!e || !e->key)
		return;
	const tl_index *ix = rs->index;
	const uint32_t *pf = ix->pfilt + e->first;
	const S_sig *n0 = S_wd_sig(wd, nw, w + 1), *n1 = S_wd_sig(wd, nw, w + 2);
	uint32_t n = e->n, k = 0;
	if (e->bucketed) {
		/* the plain postings of the eight signatures, and the others, in
		 * list order */
		uint32_t cand[S_LONG_MAX], nc = 0, ent = (uint32_t)(e - ix->ent) + 1;
		for (int q = 0; q < 2 * S_NFK; q++) {
			uint32_t v = q < S_NFK ? n0->v[q] : n1->v[q - S_NFK];
			if (v == F_NONE || (q >= S_NFK && v == n0->v[q - S_NFK]))
				continue;
			for (uint32_t h = S_bucket_hash(ent, v) & (ix->btcap - 1); ix->bt[h].ent;
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
			uint32_t c = cand[j], m = j;
			for (; m > 0 && cand[m - 1] > c; m--)
				cand[m] = cand[m - 1];
			cand[m] = c;
		}
		for (uint32_t j = 0; j < nc; j++)
			S_try_one(rs, a, s, e, cand[j], wd, nw, w, fn, ud);
		return;
	}
#ifdef __SSE2__
	if (n >= 4) {
		__m128i v[2 * S_NFK];
		for (int q = 0; q < S_NFK; q++) {
			v[2 * q] = _mm_set1_epi32((int)n0->v[q]);
			v[2 * q + 1] = _mm_set1_epi32((int)n1->v[q]);
		}
		const __m128i zero = _mm_setzero_si128();
		for (; k + 4 <= n; k += 4) {
			__m128i f = _mm_loadu_si128((const __m128i *)(const void *)(pf + k));
			__m128i hit = _mm_cmpeq_epi32(f, v[0]);
			for (int q = 1; q < 2 * S_NFK; q++)
				hit = _mm_or_si128(hit, _mm_cmpeq_epi32(f, v[q]));
			/* F_GAP, F_SINGLE, F_ANY: the top two bits */
			__m128i plain = _mm_cmpeq_epi32(_mm_srli_epi32(f, 30), zero);
			unsigned m = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(hit)) |
			             (~(unsigned)_mm_movemask_ps(_mm_castsi128_ps(plain)) & 0xFu);
			while (m) {
				unsigned j = (unsigned)__builtin_ctz(m);
				m &= m - 1;
				S_try_one(rs, a, s, e, k + j, wd, nw, w, fn, ud);
			}
		}
	}
#endif
	for (; k < n; k++) {
		uint32_t f = pf[k];
		if (f < F_GAP && f != n0->v[f >> 28] && f != n1->v[f >> 28])
			continue;
		S_try_one(rs, a, s, e, k, wd, nw, w, fn, ud);
	}
}

/* The non-empty prefix entries of a folded word, in the order of the
 * index's prefix lengths; returns their number. */
static uint32_t S_prefix_entries(const tl_index *ix, const char *fold, uint8_t lang,
                                 const S_ent **out)
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
	 * (S_hash is FNV-1a: the hash of n+1 bytes extends that of n) */
	uint32_t hp[MAX_PREFIX_LEN + 1], n = 0;
	size_t fl = 0;
	hp[0] = S_hash(fold, 0, TL_W_PREFIX, lang);
	for (; fold[fl] && fl < ix->maxplen[lang]; fl++)
		hp[fl + 1] = (hp[fl] ^ (unsigned char)fold[fl]) * 16777619u;
	for (uint32_t k = 0; k < ix->nplen[lang]; k++) {
		size_t len = ix->plen[lang][k];
		if (len <= fl) {
			const S_ent *e = S_find(ix, fold, len, TL_W_PREFIX, lang, hp[len]);
			if (e && e->key)
				out[n++] = e;
		}
	}
	return n;
}

/* The non-empty compound-head entries of a stem ("toewijzingsalgoritm" ends
 * with the key "algoritm"), appended to out[n..); returns the new count. */
static uint32_t S_head_entries(const tl_index *ix, const char *stem, uint8_t lang,
                               const S_ent **out, uint32_t n)
{
	if (!stem || !ix->nhlen[lang])
		return n;
	size_t sl = strlen(stem);
	for (uint32_t k = 0; k < ix->nhlen[lang] && n < 2 * MAX_PREFIX_LEN; k++) {
		size_t len = ix->hlen[lang][k];
		if (sl < len + S_HEAD_MIN_BEFORE)
			continue;
		const char *key = stem + sl - len;
		const S_ent *e = S_find(ix, key, len, TL_W_HEAD, lang, S_hash(key, len, TL_W_HEAD, lang));
		if (e && e->key)
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
	const S_ent *st;         /* the stem's entry, or NULL */
	uint32_t first, n;       /* its prefix entries: memo->pfx[first .. first + n) */
	S_sig sg;                /* its signature, but for the exact form */
} S_memo_ent;

struct tl_index_memo {
	S_memo_ent *ent;
	uint32_t cap, n;
	const S_ent **pfx;
	uint32_t npfx, apfx;
	S_word *wd;              /* the words of the sentence being scanned */
	uint32_t awd;
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
	uint32_t cap = m->cap ? m->cap * 2 : 4096;
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

/* The memo entry of token t, filled in on first sight; NULL when there is
 * no memo to use. */
static const S_memo_ent *S_memo_get(tl_index_memo *m, const tl_index *ix, const tl_token *t,
                                    uint8_t lang)
{
	if (!m || m->fail || !t->word)
		return NULL;
	if ((m->n + 1) * 2 > m->cap && S_memo_grow(m) != 0) {
		m->fail = 1;
		return NULL;
	}
	uint32_t j = S_memo_hash(t->word, t->stem, lang) & (m->cap - 1);
	for (; m->ent[j].word; j = (j + 1) & (m->cap - 1))
		if (m->ent[j].word == t->word && m->ent[j].stem == t->stem && m->ent[j].lang == lang)
			return &m->ent[j];
	const S_ent *pe[2 * MAX_PREFIX_LEN];
	uint32_t np = S_prefix_entries(ix, t->fold, lang, pe);
	np = S_head_entries(ix, t->stem, lang, pe, np);
	if (m->npfx + np > m->apfx) {
		uint32_t na = m->apfx ? m->apfx : 1024;
		while (na < m->npfx + np)
			na *= 2;
		const S_ent **nv = realloc(m->pfx, (size_t)na * sizeof *nv);
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
		sh = S_hash(t->stem, n, TL_W_STEM, lang);
		const S_ent *se = S_find(ix, t->stem, n, TL_W_STEM, lang, sh);
		e->st = se && se->key ? se : NULL;
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

/* The scan without memo: the window of the two words after token i moves
 * one word per word, so each word's signature is made once. */
static void S_scan_plain(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                         void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud)
{
	const tl_index *ix = rs->index;
	uint8_t lang = (uint8_t)tl_index_lang(a, s);
	const tl_para *para = &a->doc->paras[s->para];
	S_sig sg[2];
	uint32_t i = S_word_from(s, 0);
	uint32_t j1 = i < s->ntok ? S_word_from(s, i + 1) : s->ntok;
	uint32_t j2 = j1 < s->ntok ? S_word_from(s, j1 + 1) : s->ntok;
	S_sig_at(a, s, j1, lang, &sg[0]);
	S_sig_at(a, s, j2, lang, &sg[1]);
	S_sig *n0 = &sg[0], *n1 = &sg[1];
	while (i < s->ntok) {
		const tl_token *t = &s->tok[i];
		if (t->stem) {
			size_t n = strlen(t->stem);
			S_try_list(rs, a, s, S_find(ix, t->stem, n, TL_W_STEM, lang,
			                            S_hash(t->stem, n, TL_W_STEM, lang)), i, n0, n1, fn, ud);
		}
		if (t->end > t->start && t->end <= para->len) {
			const char *o = para->text + t->start;
			size_t n = t->end - t->start;
			unsigned b = S_exact_bit(o, n);
			if (ix->e2[lang][b >> 3] >> (b & 7) & 1)
				S_try_list(rs, a, s,
				           S_find(ix, o, n, TL_W_EXACT, lang, S_hash(o, n, TL_W_EXACT, lang)), i,
				           n0, n1, fn, ud);
		}
		const S_ent *pe[2 * MAX_PREFIX_LEN];
		uint32_t np = S_prefix_entries(ix, t->fold, lang, pe);
		np = S_head_entries(ix, t->stem, lang, pe, np);
		for (uint32_t k = 0; k < np; k++)
			S_try_list(rs, a, s, pe[k], i, n0, n1, fn, ud);
		/* shift the window: the word after j2 comes in where j1's was */
		i = j1;
		j1 = j2;
		j2 = j2 < s->ntok ? S_word_from(s, j2 + 1) : s->ntok;
		S_sig *in = n0;
		S_sig_at(a, s, j2, lang, in);
		n0 = n1;
		n1 = in;
	}
}

void tl_index_scan(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                   void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud)
{
	if (rs->index)
		S_scan_plain(rs, a, s, fn, ud);
}

#define S_WORDS_MAX 4096

/* The sentence's words into memo->wd, each with its memo entry looked up
 * once; returns their number, or -1 when out of memory. */
static int64_t S_words(tl_index_memo *m, const tl_index *ix, const tl_annotated *a,
                       const tl_sentence *s, uint8_t lang)
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
	while ((uint64_t)(m->n + s->ntok + 1) * 2 > m->cap)
		if (S_memo_grow(m) != 0)
			return -1;
	uint32_t nw = 0;
	for (uint32_t k = 0; k < s->ntok; k++) {
		const tl_token *t = &s->tok[k];
		if (t->flags & TL_TOK_PUNCT)
			continue;
		S_word *w = &m->wd[nw++];
		w->tok = k;
		w->me = S_memo_get(m, ix, t, lang);
		if (m->fail)
			return -1;
		if (w->me)
			w->sg = w->me->sg;
		else
			S_sig_word(t, lang, NULL, &w->sg);
		w->sg.v[S_FK_EXACT] = S_sig_exact(a, s, t);
	}
	return nw;
}

void tl_index_scan_memo(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                        tl_index_memo *memo, void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t),
                        void *ud)
{
	const tl_index *ix = rs->index;
	if (!ix)
		return;
	uint8_t lang = (uint8_t)tl_index_lang(a, s);
	/* a sentence of more than S_WORDS_MAX tokens (no punctuation in a
	 * huge table cell) is scanned without the memo, which would reserve
	 * an entry for each */
	int64_t nw = -1;
	if (memo && !memo->fail && s->ntok <= S_WORDS_MAX) {
		nw = S_words(memo, ix, a, s, lang);
		if (nw < 0)
			memo->fail = 1;
	}
	if (nw < 0) {
		S_scan_plain(rs, a, s, fn, ud);
		return;
	}
	const tl_para *para = &a->doc->paras[s->para];
	const S_word *wd = memo->wd;
	for (uint32_t w = 0; w < (uint32_t)nw; w++) {
		const tl_token *t = &s->tok[wd[w].tok];
		const S_memo_ent *me = wd[w].me;
		if (me) {
			S_try_words(rs, a, s, me->st, wd, (uint32_t)nw, w, fn, ud);
		} else if (t->stem) {
			size_t n = strlen(t->stem);
			S_try_words(rs, a, s, S_find(ix, t->stem, n, TL_W_STEM, lang,
			                             S_hash(t->stem, n, TL_W_STEM, lang)), wd, (uint32_t)nw, w,
			            fn, ud);
		}
		if (t->end > t->start && t->end <= para->len) {
			const char *o = para->text + t->start;
			size_t n = t->end - t->start;
			unsigned b = S_exact_bit(o, n);
			if (ix->e2[lang][b >> 3] >> (b & 7) & 1)
				S_try_words(rs, a, s,
				            S_find(ix, o, n, TL_W_EXACT, lang, S_hash(o, n, TL_W_EXACT, lang)), wd,
				            (uint32_t)nw, w, fn, ud);
		}
		if (me) {
			for (uint32_t k = 0; k < me->n; k++)
				S_try_words(rs, a, s, memo->pfx[me->first + k], wd, (uint32_t)nw, w, fn, ud);
		} else {
			const S_ent *pe[2 * MAX_PREFIX_LEN];
			uint32_t np = S_prefix_entries(ix, t->fold, lang, pe);
			np = S_head_entries(ix, t->stem, lang, pe, np);
			for (uint32_t k = 0; k < np; k++)
				S_try_words(rs, a, s, pe[k], wd, (uint32_t)nw, w, fn, ud);
		}
	}
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
