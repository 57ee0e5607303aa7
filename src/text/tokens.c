/* tokens.c: word segmentation with the ICU word BreakIterator, one iterator
 * reused for every paragraph (ubrk_setText), tokens folded through the
 * surface-form cache. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "text/text_int.h"

static int S_grow_toks(tl_text *t);

static int S_push(tl_text *t, uint32_t *n, const tl_token *tok)
{
	if (*n == t->tokcap && S_grow_toks(t) != 0)
		return TL_ENOMEM;
	t->toks[(*n)++] = *tok;
	return 0;
}

void tl_text_token_pool(tl_text *t, tl_token *pool, size_t cap)
{
	t->pool = pool;
	t->pool_used = 0;
	t->pool_cap = pool ? cap : 0;
}

/* Moves the n tokens gathered in t->toks into the pool or the arena. */
static int S_finish(tl_text *t, uint32_t n, tl_token **out, uint32_t *nout)
{
	if (n == 0)
		return 0;
	tl_token *arr;
	if (n <= t->pool_cap - t->pool_used) {
		arr = t->pool + t->pool_used;
		t->pool_used += n;
	} else if (!(arr = tl_arena_alloc(t->arena, (size_t)n * sizeof *arr))) {
		return TL_ENOMEM;
	}
	memcpy(arr, t->toks, (size_t)n * sizeof *arr);
	*out = arr;
	*nout = n;
	return 0;
}

static int S_is_space16(UChar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x3000;
}

/* ---- ASCII paragraphs --------------------------------------------------- */

/* ICU's word rules (UAX #29 as ICU 72 tailors it) restricted to ASCII, which
 * is most contract text: the same tokens and flags as the iterator, without
 * converting the paragraph to UTF-16 and running the rule machine.
 * tests/unit/test_text_ascii.c compares both on random and corpus text. */
enum { S_OT, S_AL, S_NU, S_EX, S_MNL, S_MN }; /* other, letter ('@' too), digit, '_', . ', ; */
#define S_WORD(c) ((unsigned)(c) - S_AL < 3u) /* S_AL, S_NU or S_EX */

static uint8_t S_wb[128];

static void S_wb_init_once(void)
{
	for (int c = 'a'; c <= 'z'; c++)
		S_wb[c] = S_wb[c - 32] = S_AL;
	for (int c = '0'; c <= '9'; c++)
		S_wb[c] = S_NU;
	S_wb['@'] = S_AL;
	S_wb['_'] = S_EX;
	S_wb['.'] = S_wb['\''] = S_MNL;
	S_wb[','] = S_wb[';'] = S_MN;
}

static pthread_once_t S_wb_init_done = PTHREAD_ONCE_INIT;

static void S_wb_init(void) { pthread_once(&S_wb_init_done, S_wb_init_once); }

/* -- the surface cache (tl_surf): the word of a token without hashing it byte by byte */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define S_LE 1
#else
#define S_LE 0
#endif

/* The bytes u[p..p+n) (1 <= n <= 8) as a number, u[p] lowest, zero padded;
 * reads nothing at or after u[len]. */
static inline uint64_t S_chunk(const unsigned char *u, uint32_t len, uint32_t p, uint32_t n)
{
	uint64_t w = 0;
	if (S_LE && p + 8 <= len) {
		memcpy(&w, u + p, 8);
		return n == 8 ? w : w & ((1ull << (8 * n)) - 1);
	}
	for (uint32_t k = 0; k < n; k++)
		w |= (uint64_t)u[p + k] << (8 * k);
	return w;
}

/* The hash of u[s..s+klen) (its high half picks the slot); *k0 its first chunk. */
static inline uint64_t S_surf_hash(const unsigned char *u, uint32_t len, uint32_t s, uint32_t klen,
                                   uint64_t *k0)
{
	*k0 = S_chunk(u, len, s, klen < 8 ? klen : 8);
	uint64_t h = (*k0 + klen) * 0x9E3779B97F4A7C15ull;
	for (uint32_t p = 8; p < klen; p += 8)
		h = (h ^ (h >> 29) ^ S_chunk(u, len, s + p, klen - p < 8 ? klen - p : 8)) *
		    0xBF58476D1CE4E5B9ull;
	return h;
}

static int S_surf_grow(tl_text *t)
{
	uint32_t ncap = t->surf_cap ? t->surf_cap * 2 : 1024;
	tl_surf *ns = calloc(ncap, sizeof *ns);
	if (!ns)
		return TL_ENOMEM;
	for (uint32_t j = 0; j < t->surf_cap; j++) {
		if (!t->surf[j].word)
			continue;
		uint32_t i = t->surf[j].hi & (ncap - 1);
		while (ns[i].word)
			i = (i + 1) & (ncap - 1);
		ns[i] = t->surf[j];
	}
	free(t->surf);
	t->surf = ns;
	t->surf_cap = ncap;
	return 0;
}

/* The word of the ASCII token text[s..e) (e - s >= 2) of a paragraph of len
 * bytes: from the surface cache, else folded by tl_text_fold_token and
 * remembered.  NULL when memory ran out. */
static tl_word *S_surf_word(tl_text *t, const char *text, uint32_t len, uint32_t s, uint32_t e)
{
	uint32_t klen = e - s;
	uint64_t k0;
	uint32_t hi = (uint32_t)(S_surf_hash((const unsigned char *)text, len, s, klen, &k0) >> 32);
	uint32_t mask = t->surf_cap - 1;
	if (t->surf_cap) {
		for (uint32_t i = hi & mask;; i = (i + 1) & mask) {
			const tl_surf *x = &t->surf[i];
			if (!x->word)
				break;
			if (x->k0 == k0 && x->klen == klen &&
			    (klen <= 8 || memcmp(x->key + 8, text + s + 8, klen - 8) == 0))
				return x->word;
		}
	}
	tl_word *w = tl_text_fold_token(t, text, s, e, 0, 0);
	if (!w || ((t->surf_n + 1) * 2 > t->surf_cap && S_surf_grow(t) != 0))
		return NULL;
	const char *key = NULL;
	if (klen > 8 && !(key = tl_arena_strndup(t->arena, text + s, klen)))
		return NULL;
	mask = t->surf_cap - 1;
	uint32_t i = hi & mask;
	while (t->surf[i].word)
		i = (i + 1) & mask;
	t->surf[i] = (tl_surf){.k0 = k0, .word = w, .key = key, .klen = klen, .hi = hi};
	t->surf_n++;
	return w;
}

/* The word of the one-byte ASCII token text[s]. */
static inline tl_word *S_one_word(tl_text *t, const char *text, uint32_t s)
{
	unsigned char c = (unsigned char)text[s];
	tl_word *w = t->one[c];
	if (!w && (w = tl_text_fold_token(t, text, s, s + 1, 0, 0)) != NULL)
		t->one[c] = w;
	return w;
}

static int S_grow_toks(tl_text *t)
{
	uint32_t cap = t->tokcap ? t->tokcap * 2 : 256;
	tl_token *a = realloc(t->toks, (size_t)cap * sizeof *a);
	if (!a)
		return TL_ENOMEM;
	t->toks = a;
	t->tokcap = cap;
	return 0;
}

/* Writes token number *n to (*dst)[*n]; dst is t->toks (grown when *n
 * reaches *cap) or a pool slice of room for every token (*cap = len). */
static inline int S_emit(tl_text *t, tl_token **dst, uint32_t *cap, uint32_t *n, uint32_t s,
                         uint32_t e, uint32_t flags, const tl_word *w)
{
	if (!w)
		return TL_ENOMEM;
	if (*n == *cap) {
		if (S_grow_toks(t) != 0)
			return TL_ENOMEM;
		*dst = t->toks;
		*cap = t->tokcap;
	}
	tl_token *k = &(*dst)[(*n)++];
	k->start = s;
	k->end = e;
	k->fold = w->fold;
	k->stem = NULL;
	k->term = -1;
	k->flags = flags;
	k->word = (tl_word *)w;
	return 0;
}

/* A personal pronoun with a clitic verb, one word by UAX #29 as "don't" is
 * ("we'll", "You’re", "they've"; tl_word.clitic): two tokens, the pronoun
 * text[s..s+pl) and the clitic's span with the verb's full form ("will",
 * "are", "have"), so "We'll notify you" has its subject and its auxiliary as
 * "We will notify you" does.  The pronoun is ASCII, its bytes the same in
 * the text as in the matching form.  Out of line: rare, and called from the
 * hottest loop of the read. */
__attribute__((noinline)) static int S_emit_clitic(tl_text *t, tl_token **dst, uint32_t *cap, uint32_t *n,
                                                   const char *text, uint32_t s, uint32_t e,
                                                   uint32_t flags, const tl_word *w)
{
	static const char *const verb[] = {"will", "are", "have"};
	const char *v = verb[w->clitic_verb < 3 ? w->clitic_verb : 0];
	uint32_t pl = w->clitic;
	int rc = S_emit(t, dst, cap, n, s, s + pl, flags, tl_text_fold_token(t, text, s, s + pl, 0, 0));
	return rc ? rc : S_emit(t, dst, cap, n, s + pl, e, 0, tl_text_fold_token(t, v, 0, (uint32_t)strlen(v), 0, 0));
}

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The end of the run of word characters (S_AL, S_NU, S_EX) of u[j..len). */
static inline uint32_t S_word_end(const unsigned char *u, uint32_t j, uint32_t len)
{
#ifdef __SSE2__
	/* sixteen bytes at a time: all bytes are ASCII, so signed compares work */
	const __m128i a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
	const __m128i d1 = _mm_set1_epi8('0' - 1), d2 = _mm_set1_epi8('9' + 1);
	const __m128i lc = _mm_set1_epi8(0x20), us = _mm_set1_epi8('_'), at = _mm_set1_epi8('@');
	while (j + 16 <= len) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + j));
		__m128i l = _mm_or_si128(x, lc);
		__m128i w = _mm_and_si128(_mm_cmpgt_epi8(l, a1), _mm_cmpgt_epi8(z1, l));
		w = _mm_or_si128(w, _mm_and_si128(_mm_cmpgt_epi8(x, d1), _mm_cmpgt_epi8(d2, x)));
		w = _mm_or_si128(w, _mm_or_si128(_mm_cmpeq_epi8(x, us), _mm_cmpeq_epi8(x, at)));
		unsigned other = ~(unsigned)_mm_movemask_epi8(w) & 0xFFFFu;
		if (other)
			return j + (uint32_t)__builtin_ctz(other);
		j += 16;
	}
#endif
	while (j < len && S_WORD(S_wb[u[j]]))
		j++;
	return j;
}

static int S_tokens_ascii(tl_text *t, const char *text, uint32_t len, tl_token **dstp,
                          uint32_t *capp, uint32_t *np)
{
	const unsigned char *u = (const unsigned char *)text;
	tl_token *dst = *dstp;
	uint32_t cap = *capp, n = *np;
	int rc = 0;
	uint32_t i = 0;
	while (i < len) {
		if (u[i] == ' ') { /* the usual gap between two words */
			i++;
			continue;
		}
		int c = S_wb[u[i]];
		if (!S_WORD(c)) {
			/* spaces are dropped; each other character is a punctuation token */
			if (u[i] != ' ' && u[i] != '\t' && u[i] != '\n' && u[i] != '\r' &&
			    (rc = S_emit(t, &dst, &cap, &n, i, i + 1, TL_TOK_PUNCT, S_one_word(t, text, i))) != 0)
				break;
			i++;
			continue;
		}
		uint32_t j = i + 1;
		for (;;) {
			j = S_word_end(u, j, len);
			/* "e.g", "don't", "1.000,50": a letter or digit on both sides */
			int d;
			if (j + 1 < len && ((d = S_wb[u[j]]) == S_MNL || d == S_MN)) {
				int p = S_wb[u[j - 1]], q = S_wb[u[j + 1]];
				if ((p == S_AL && d == S_MNL && q == S_AL) ||
				    (p == S_NU && q == S_NU)) {
					j += 2;
					continue;
				}
			}
			break;
		}
		/* the status ICU gives a word is that of its last step: 100 (number) when it
		 * ends on a digit or on '_' after a digit, else 200; a lone '_' is no word */
		int last = S_wb[u[j - 1]];
		int num = last == S_NU || (last == S_EX && j - 1 > i && S_wb[u[j - 2]] == S_NU);
		uint32_t flags;
		if (j == i + 1 && c == S_EX)
			flags = TL_TOK_PUNCT;
		else
			flags = (num || c == S_NU ? TL_TOK_NUMBER : 0) |
			        (u[i] >= 'A' && u[i] <= 'Z' ? TL_TOK_CAPITAL : 0);
		const tl_word *w = j == i + 1 ? S_one_word(t, text, i) : S_surf_word(t, text, len, i, j);
		if (w && w->clitic)
			rc = S_emit_clitic(t, &dst, &cap, &n, text, i, j, flags, w);
		else
			rc = S_emit(t, &dst, &cap, &n, i, j, flags, w);
		if (rc)
			break;
		i = j;
	}
	*dstp = dst;
	*capp = cap;
	*np = n;
	return rc;
}

/* ---- any paragraph ------------------------------------------------------ */

int tl_text_tokens(tl_text *t, const char *text, size_t len, tl_token **out, uint32_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (len == 0)
		return 0;
	uint32_t n = 0;
	if (len >= (size_t)INT32_MAX / 2)
		return TL_ELIMIT_TEXT; /* the limit of the UTF-16 path, for every paragraph */
	if (!t->icu_only && tl_text_is_ascii(text, len)) {
		S_wb_init();
		/* straight into the pool when it has room for a token per byte; else
		 * gathered in t->toks and placed by S_finish (the same choice) */
		int in_pool = t->pool_cap - t->pool_used >= len;
		tl_token *dst = in_pool ? t->pool + t->pool_used : t->toks;
		uint32_t cap = in_pool ? (uint32_t)len : t->tokcap;
		int rc = S_tokens_ascii(t, text, (uint32_t)len, &dst, &cap, &n);
		if (rc)
			return rc;
		if (!in_pool)
			return S_finish(t, n, out, nout);
		if (n) {
			t->pool_used += n;
			*out = dst;
			*nout = n;
		}
		return 0;
	}
	int32_t ulen = tl_text_to_u16(t, text, len);
	if (ulen < 0)
		return TL_ELIMIT_TEXT;
	UErrorCode st = U_ZERO_ERROR;
	ubrk_setText(t->words, t->u16, ulen, &st);
	if (U_FAILURE(st))
		return TL_EINTERNAL;
	int32_t a = ubrk_first(t->words);
	for (int32_t b = ubrk_next(t->words); b != UBRK_DONE; a = b, b = ubrk_next(t->words)) {
		int32_t status = ubrk_getRuleStatus(t->words);
		tl_token tok;
		tl_word *w;
		tok.term = -1;
		tok.stem = NULL;
		tok.flags = 0;
		if (status < UBRK_WORD_NONE_LIMIT) {
			/* spaces are dropped; each other character is a punctuation token */
			for (int32_t i = a; i < b; i++) {
				if (S_is_space16(t->u16[i]))
					continue;
				int32_t j = i + 1;
				if (t->u16[i] >= 0xD800 && t->u16[i] < 0xDC00 && j < b)
					j++;
				tok.start = t->map[i];
				tok.end = t->map[j];
				tok.flags = TL_TOK_PUNCT;
				if (!(w = tl_text_fold_token(t, text, tok.start, tok.end, i, j)))
					return TL_ENOMEM;
				tok.word = w;
				tok.fold = w->fold;
				if (S_push(t, &n, &tok) != 0)
					return TL_ENOMEM;
				i = j - 1;
			}
			continue;
		}
		tok.start = t->map[a];
		tok.end = t->map[b];
		if (status < UBRK_WORD_NUMBER_LIMIT || (t->u16[a] >= '0' && t->u16[a] <= '9'))
			tok.flags |= TL_TOK_NUMBER;
		if (u_isupper(t->u16[a]) || u_istitle(t->u16[a]))
			tok.flags |= TL_TOK_CAPITAL;
		if (!(w = tl_text_fold_token(t, text, tok.start, tok.end, a, b)))
			return TL_ENOMEM;
		if (w->clitic) { /* "We’ll": "We" and "will" (S_emit grows t->toks) */
			tl_token *dst = t->toks;
			uint32_t cap = t->tokcap;
			if (S_emit_clitic(t, &dst, &cap, &n, text, tok.start, tok.end, tok.flags, w) != 0)
				return TL_ENOMEM;
			continue;
		}
		tok.word = w;
		tok.fold = w->fold;
		if (S_push(t, &n, &tok) != 0)
			return TL_ENOMEM;
	}
	return S_finish(t, n, out, nout);
}

/* ---- numbers ----------------------------------------------------------- */

/* Without strtod when the digits up to a second dot make an integer
 * m <= 2^53 with k <= 22 of them after the dot: m and 10^k are then doubles
 * and m / 10^k rounds correctly, as strtod does (Clinger's fast path). */
double tl_text_decimal(const char *s)
{
	static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
	                             1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	                             1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
	uint64_t m = 0;
	int k = 0, dot = 0, nd = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '.') {
			if (dot)
				break; /* strtod stops at a second dot */
			dot = 1;
			continue;
		}
		if (*p < '0' || *p > '9' || ++nd > 18)
			return strtod(s, NULL);
		m = m * 10 + (uint64_t)(*p - '0');
		k += dot;
	}
	if (m > (1ull << 53) || k > 22)
		return strtod(s, NULL);
	return k ? (double)m / p10[k] : (double)m;
}
