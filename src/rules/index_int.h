/* index_int.h: the prefilter's tables (struct tl_index), shared by index.c,
 * which builds them, and index_scan.c, which scans a sentence with them. */
#ifndef TL_RULES_INDEX_INT_H
#define TL_RULES_INDEX_INT_H

#include <stdint.h>
#include <string.h>

#include "rules/rules.h"

typedef struct tl_ix_ent {
	const char *key;
	uint32_t hash;
	uint32_t first, n; /* its postings: tl_index.pterm/pfilt[first .. first + n), ruleset order */
	uint32_t nplain;   /* a long list (bucketed): bord[first .. first + nplain) holds its plain
	                      postings by pfilt, the rest its others (TL_IX_GAP, TL_IX_SINGLE, TL_IX_ANY) */
	uint32_t kfirst, kn; /* its keyed postings: tl_index.kterm[kfirst .. kfirst + kn), ruleset order */
	uint16_t klen;     /* a term word's length (tl_rword.len) */
	uint8_t kind, lang;
	uint8_t bucketed;
} tl_ix_ent;

/* A long posting list is not walked: its plain postings are grouped by
 * their second word's signature (tl_index.bt, keyed by entry and
 * signature), and a token looks up the eight signatures of its next two
 * words.  Lists from TL_IX_LONG_MIN to TL_IX_LONG_MAX postings; a long list heads
 * ("de", "in", "niet", "the", "not") dozens of terms. */
#define TL_IX_LONG_MIN 24
#define TL_IX_LONG_MAX 256
typedef struct tl_ix_bucket {
	uint32_t ent;   /* entry index + 1; 0: a free slot */
	uint32_t sig;
	uint32_t first, n; /* tl_index.bord[first .. first + n): posting indexes, ascending */
} tl_ix_bucket;

/* A posting's filters (tl_index.pfilt, pfilt2): what the term's second and
 * third words need of the words after the first, packed so that a rejected
 * posting costs a load and a few compares, without touching the term.
 * A word's signature (tl_ix_wsig) is kind << 28 | 28 bits: for a stem a hash of
 * it, for an exact form its length and first two bytes, for a prefix its
 * first two bytes; a prefix of one byte has its own kind.  pfilt is
 * TL_IX_SINGLE for a one-word term (it matches where its first word does),
 * TL_IX_GAP | signature for a second word after a gap (it must come later in
 * the sentence), TL_IX_ANY when no filter applies, else the second word's
 * signature (one of the next two words must have it); pfilt2 is the third
 * word's (one of the next words two to four must have it) or TL_IX_ANY. */
#define TL_IX_GAP 0x40000000u
#define TL_IX_SINGLE 0x80000000u
#define TL_IX_ANY 0xC0000000u
#define TL_IX_SIG 0x3FFFFFFFu
enum { TL_IX_FK_STEM = TL_W_STEM, TL_IX_FK_PREFIX = TL_W_PREFIX, TL_IX_FK_EXACT = TL_W_EXACT, TL_IX_FK_PREFIX1, TL_IX_NFK };
#define TL_IX_NONE 0xFFFFFFFFu /* a token form that is absent: equals no signature */
#define TL_IX_EXACT_BITS 4096u
#define TL_IX_SIG_HASH 0x0FFFFFFFu

struct tl_index {
	tl_ix_ent *ent;
	uint32_t cap, n;
	int32_t *pterm;   /* postings grouped per entry: the term */
	uint32_t *pfilt;  /* and its filters */
	uint32_t *pfilt2;
	uint16_t *pdup;   /* a posting whose term is the same as that of the posting pdup[k]
	                     places before it (index.c, S_same_term): it matches where that one
	                     does, verified once at a word (0: none; a one-word term: 0) */
	uint32_t *bord;   /* long lists' postings grouped (tl_ix_ent.nplain) */
	tl_ix_bucket *bt;
	uint32_t btcap;
	uint8_t plen[3][TL_MAX_KEY_LEN]; /* distinct prefix lengths per language */
	uint32_t nplen[3];
	uint32_t maxplen[3]; /* the longest of them */
	/* per language, the first two bytes of every prefix key (bit b0 << 8 | b1);
	 * short_prefix: a key shorter than two bytes exists, so no filtering */
	uint8_t p2[3][65536 / 8];
	uint8_t short_prefix[3];
	/* exact keys by tl_ix_exact_bit (length, first two and last byte): a token
	 * whose bit is clear is not looked up (a few dozen keys: 4,096 bits,
	 * which stay in the cache, keep false hits rare) */
	uint8_t e2[3][TL_IX_EXACT_BITS / 8];
	/* and by their first byte: bit (length & 63) of e1[lang][byte] (tl_ix_exact_len), a
	 * test cheaper than e2's hash that most words fail first */
	uint64_t e1[3][256];
	/* distinct lengths of compound-head keys per language ("*algoritme") */
	uint8_t hlen[3][TL_MAX_KEY_LEN];
	uint32_t nhlen[3];
	tl_pattern ***trig; /* per concept, NULL-terminated */
	/* Keyed postings: a term whose first word is common ("de", "niet",
	 * "opdrachtgever", "the", "shall") is listed under its rarest later
	 * word instead (index.c, S_rekey), and the scan finds its starts
	 * backwards from there (index_scan.c, S_starts). */
	int32_t *kterm;
	uint16_t *kword;  /* the key word's index in the term */
	uint32_t *kback;  /* the word before the key: its signature, to be one of the two words
	                     before (TL_IX_GAP | it: of the MAX_GAP_WORDS before; TL_IX_ANY: any) */
	uint32_t *kfwd;   /* the word after the key: the same, after it */
	uint32_t nkeyed;
	/* A term identical to an earlier keyed one (the same words in the same
	 * language: the same phrase in two concepts) is not a posting of its
	 * own: it is a member of that posting, pushed with its starts and
	 * verified once (index_scan.c).  Keyed posting k's members, in ruleset
	 * order: kmem[kmat[k] .. kmat[k + 1]).  Built-in ruleset only (index.c,
	 * S_firsts), as pdup. */
	uint32_t *kmat;
	int32_t *kmem;
	/* The order the scan reports the terms starting at one token in: the
	 * order of their first word's lookup (stem, exact form, prefix entries
	 * by plen, head entries by hlen), then ruleset order; the index of a
	 * first word's prefix or head length in plen/hlen, 0xFFFF: none. */
	uint16_t pgroup[3][TL_MAX_KEY_LEN + 1], hgroup[3][TL_MAX_KEY_LEN + 1];
};


/* The report order of term rt among the terms that start at one token. */
static inline uint32_t tl_ix_group(const struct tl_index *ix, const tl_rterm *rt)
{
	const tl_rword *w = &rt->w[0];
	uint32_t len = w->len <= TL_MAX_KEY_LEN ? w->len : TL_MAX_KEY_LEN;
	switch (w->kind) {
	case TL_W_STEM:
		return 0;
	case TL_W_EXACT:
		return 1;
	case TL_W_PREFIX:
		return 2 + ix->pgroup[rt->lang][len];
	default:
		return 2 + (TL_MAX_KEY_LEN + 1) + ix->hgroup[rt->lang][len];
	}
}

static inline uint32_t tl_ix_hash(const char *s, size_t n, uint8_t kind, uint8_t lang)
{
	uint32_t h = 2166136261u ^ ((uint32_t)kind * 31u + lang);
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static inline tl_ix_ent *tl_ix_find(const tl_index *ix, const char *key, size_t klen, uint8_t kind, uint8_t lang,
                     uint32_t h)
{
	if (!ix->cap)
		return NULL;
	for (uint32_t i = h & (ix->cap - 1);; i = (i + 1) & (ix->cap - 1)) {
		tl_ix_ent *e = &ix->ent[i];
		if (!e->key)
			return e;
		if (e->hash == h && e->klen == klen && e->kind == kind && e->lang == lang &&
		    !memcmp(e->key, key, klen))
			return e;
	}
}

/* The signature of a word of a term in language lang; TL_IX_ANY for an empty one. */
static inline uint32_t tl_ix_wsig(const tl_rword *w, uint8_t lang)
{
	if (!w->len || w->kind == TL_W_HEAD)
		return TL_IX_ANY; /* a compound head is a word's end: nothing to filter on */
	uint32_t b0 = (unsigned char)w->s[0], b1 = w->len >= 2 ? (unsigned char)w->s[1] : 0u;
	switch (w->kind) {
	case TL_W_STEM:
		return (uint32_t)TL_IX_FK_STEM << 28 | (tl_ix_hash(w->s, w->len, TL_W_STEM, lang) & TL_IX_SIG_HASH);
	case TL_W_PREFIX:
		return w->len == 1 ? (uint32_t)TL_IX_FK_PREFIX1 << 28 | b0 << 8
		                   : (uint32_t)TL_IX_FK_PREFIX << 28 | b0 << 8 | b1;
	default:
		return (uint32_t)TL_IX_FK_EXACT << 28 | (w->len < 4095 ? w->len : 4095u) << 16 | b0 << 8 | b1;
	}
}

/* The bit of an exact form of n >= 1 bytes in tl_index.e2. */
static inline unsigned tl_ix_exact_bit(const char *o, size_t n)
{
	unsigned h = (unsigned char)o[0];
	h = h * 167u + (n >= 2 ? (unsigned char)o[1] : 0u);
	h = h * 167u + (unsigned char)o[n - 1];
	h = h * 167u + (unsigned)(n & 255);
	return (h ^ h >> 16) & (TL_IX_EXACT_BITS - 1);
}

/* The bit of an exact form of n >= 1 bytes in tl_index.e1[lang][first byte]. */
static inline uint64_t tl_ix_exact_len(size_t n) { return 1ull << (n & 63); }

static inline uint32_t tl_ix_bucket_hash(uint32_t ent, uint32_t sig)
{
	uint32_t h = ent * 0x9E3779B1u ^ sig * 0x85EBCA77u;
	return h ^ h >> 15;
}

#endif
