/* sentences.c: sentence segmentation.  ICU's sentence BreakIterator gives
 * the candidate breaks; a break right after a legal abbreviation ("art.",
 * "o.a.", "B.V.", "e.g.") or a single capital ("J. Jansen") is dropped (the
 * C API has no filtered break iterator), and a ';' adds a break, since
 * contract enumerations put one obligation per ';' item. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "text/text_int.h"

/* folded, without the final dot */
static const char *const S_abbrev[] = {
	"a.u.b", "art", "artt", "b.v", "b.w", "bijv", "blz", "bv", "c.q", "ca", "cf", "co", "corp",
	"d.d", "d.w.z", "dhr", "dr", "drs", "e.a", "e.d", "e.g", "enz", "etc", "evt", "excl", "fig",
	"i.c", "i.e", "i.o.m", "i.s.m", "i.v.m", "inc", "incl", "ing", "ir", "jl", "jo", "jr", "lid",
	"ltd", "m.b.t", "m.u.v", "max", "min", "mln", "mr", "mrd", "mrs", "ms", "mw", "n.a.v", "n.v",
	"nl", "nr", "nrs", "nv", "o.a", "o.b.v", "p.p", "par", "pp", "prof", "resp", "sec", "sr", "st",
	"sub", "t.a.v", "t.b.v", "t.o.v", "vgl", "vs", "z.g.a", "zgn"};

int tl_text_is_abbrev(const char *fold, size_t len)
{
	size_t lo = 0, hi = sizeof S_abbrev / sizeof *S_abbrev;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(S_abbrev[mid], fold, len);
		if (c == 0 && S_abbrev[mid][len] != '\0')
			c = 1;
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int S_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* 1 when the break at byte p follows an abbreviation that does not end a
 * sentence. */
static int S_suppress(const char *text, size_t len, uint32_t p)
{
	uint32_t e = p;
	while (e > 0 && S_space(text[e - 1]))
		e--;
	if (e == 0 || text[e - 1] != '.')
		return 0;
	uint32_t s = e - 1;
	while (s > 0 && !S_space(text[s - 1]) && text[s - 1] != '(' && text[s - 1] != '[' &&
	       text[s - 1] != '"')
		s--;
	size_t wl = e - 1 - s; /* the word without its final dot */
	if (wl == 0 || wl > 12)
		return 0;
	char w[16];
	for (size_t i = 0; i < wl; i++) {
		char c = text[s + i];
		w[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	w[wl] = '\0';
	if (wl == 1 && text[s] >= 'A' && text[s] <= 'Z')
		return 1; /* an initial */

	if (tl_text_is_abbrev(w, wl))
		return 1;
	/* "no. 5", "nr. 3": only before a number */
	uint32_t q = p;
	while (q < len && S_space(text[q]))
		q++;
	if (strcmp(w, "no") == 0 && q < len && text[q] >= '0' && text[q] <= '9')
		return 1;
	return 0;
}

static int S_add(tl_text *t, uint32_t *n, uint32_t s, uint32_t e, uint32_t flags, const char *text)
{
	while (s < e && S_space(text[s]))
		s++;
	while (e > s && S_space(text[e - 1]))
		e--;
	if (s == e)
		return 0;
	if (*n == t->rcap) {
		uint32_t cap = t->rcap ? t->rcap * 2 : 32;
		tl_range *r = realloc(t->ranges, (size_t)cap * sizeof *r);
		if (!r)
			return TL_ENOMEM;
		t->ranges = r;
		t->rcap = cap;
	}
	t->ranges[*n].start = s;
	t->ranges[*n].end = e;
	t->ranges[*n].flags = flags;
	(*n)++;
	return 0;
}

/* 1 when text[i..e) starts a choice-list box: "- [ ] ", "- [x] ", U+2610..2612,
 * U+25A0/25A1 (filled and white squares). */
static int S_box_at(const char *text, uint32_t i, uint32_t e)
{
	if (i + 6 <= e && text[i] == '-' && text[i + 1] == ' ' && text[i + 2] == '[' &&
	    (text[i + 3] == ' ' || text[i + 3] == 'x' || text[i + 3] == 'X') && text[i + 4] == ']' &&
	    text[i + 5] == ' ')
		return 1;
	if (i + 3 > e || (unsigned char)text[i] != 0xE2)
		return 0;
	unsigned char b1 = (unsigned char)text[i + 1], b2 = (unsigned char)text[i + 2];
	return (b1 == 0x98 && b2 >= 0x90 && b2 <= 0x92) || (b1 == 0x96 && (b2 == 0xA1 || b2 == 0xA0));
}

static const unsigned char S_split_byte[256] = {['-'] = 1, [0xE2] = 1, ['('] = 1, [')'] = 1,
                                                [';'] = 1};

/* The first i in [i, e) with u[i] one of the five bytes b0..b4, else e;
 * sixteen bytes at a time with SSE2.  tab marks the same five bytes. */
static inline uint32_t S_find5(const unsigned char *u, uint32_t i, uint32_t e,
                               const unsigned char tab[256], const char b[5])
{
#ifdef __SSE2__
	const __m128i c0 = _mm_set1_epi8(b[0]), c1 = _mm_set1_epi8(b[1]), c2 = _mm_set1_epi8(b[2]);
	const __m128i c3 = _mm_set1_epi8(b[3]), c4 = _mm_set1_epi8(b[4]);
	while (i + 16 <= e) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, c0), _mm_cmpeq_epi8(x, c1)),
		                         _mm_or_si128(_mm_cmpeq_epi8(x, c2), _mm_cmpeq_epi8(x, c3)));
		unsigned hit = (unsigned)_mm_movemask_epi8(_mm_or_si128(m, _mm_cmpeq_epi8(x, c4)));
		if (hit)
			return i + (uint32_t)__builtin_ctz(hit);
		i += 16;
	}
#else
	(void)b;
#endif
	while (i < e && !tab[u[i]])
		i++;
	return i;
}

/* Splits [s, e) after each "; " and before each box of a choice list inside
 * the paragraph ("... - [x] one year. - [ ] In perpetuity"), and appends the
 * pieces. */
static int S_add_split(tl_text *t, uint32_t *n, const char *text, uint32_t s, uint32_t e)
{
	uint32_t from = s, flags = 0;
	int depth = 0;
	for (uint32_t i = s; i < e; i++) {
		/* only '-', U+2xxx lead bytes, parentheses and ';' matter below */
		i = S_find5((const unsigned char *)text, i, e, S_split_byte, "-\xe2();");
		if (i == e)
			break;
		char c = text[i];
		if (i > from && S_space(text[i - 1]) && (c == '-' || (unsigned char)c == 0xE2) &&
		    S_box_at(text, i, e)) {
			if (S_add(t, n, from, i, flags, text) != 0)
				return TL_ENOMEM;
			from = i;
			flags = 0;
			depth = 0;
			continue;
		}
		if (c == '(')
			depth++;
		else if (c == ')' && depth > 0)
			depth--;
		else if (c == ';' && depth == 0 && i + 1 < e && S_space(text[i + 1])) {
			if (S_add(t, n, from, i + 1, flags, text) != 0)
				return TL_ENOMEM;
			from = i + 1;
			flags = TL_RANGE_AFTER_SEMI;
		}
	}
	return S_add(t, n, from, e, flags, text);
}

/* 1 when text[s..e) is only an enumeration label: "1.", "2.3.", "a.", "iv.", "(b)". */
static int S_label_only(const char *text, uint32_t s, uint32_t e)
{
	while (s < e && S_space(text[s]))
		s++;
	while (e > s && S_space(text[e - 1]))
		e--;
	if (e == s || e - s > 8)
		return 0;
	int digits = 0, letters = 0;
	for (uint32_t i = s; i < e; i++) {
		char c = text[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			letters++;
		else if (c != '.' && c != '(' && c != ')')
			return 0;
	}
	return letters <= 3 && (digits > 0 || letters > 0) && !(digits && letters > 1);
}

/* ---- the candidate breaks ------------------------------------------------ */

/* UAX #29 sentence-break classes of ASCII characters (as ICU 72 has them). */
enum { S_OT, S_CR, S_LF, S_SP, S_LO, S_UP, S_NU, S_AT, S_ST, S_CL, S_SC };

static uint8_t S_sb[128];

static void S_sb_init_once(void)
{
	for (int c = 'a'; c <= 'z'; c++)
		S_sb[c] = S_LO, S_sb[c - 32] = S_UP;
	for (int c = '0'; c <= '9'; c++)
		S_sb[c] = S_NU;
	S_sb['\r'] = S_CR;
	S_sb['\n'] = S_LF;
	S_sb[' '] = S_sb['\t'] = S_sb['\f'] = S_sb['\v'] = S_SP;
	S_sb['.'] = S_AT;
	S_sb['!'] = S_sb['?'] = S_ST;
	static const char close[] = "\"'()[]{}";
	for (const char *c = close; *c; c++)
		S_sb[(unsigned char)*c] = S_CL;
	S_sb[','] = S_sb['-'] = S_sb[':'] = S_SC;
}

static pthread_once_t S_sb_init_done = PTHREAD_ONCE_INIT;

static void S_sb_init(void) { pthread_once(&S_sb_init_done, S_sb_init_once); }

static int S_push_break(tl_text *t, uint32_t *n, uint32_t b)
{
	if (*n == t->bcap) {
		uint32_t cap = t->bcap ? t->bcap * 2 : 64;
		uint32_t *a = realloc(t->brk, (size_t)cap * sizeof *a);
		if (!a)
			return TL_ENOMEM;
		t->brk = a;
		t->bcap = cap;
	}
	t->brk[(*n)++] = b;
	return 0;
}

/* ICU's sentence breaks of an ASCII text, by the rules of UAX #29 (SB3-SB11)
 * over the classes above; tests/unit/test_text_ascii.c compares them with
 * the iterator's. */
/* the bytes of classes S_CR, S_LF, S_AT and S_ST: only they start a break */
static const unsigned char S_sb_stop[256] = {['\r'] = 1, ['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1};

static int S_breaks_ascii(tl_text *t, const unsigned char *u, uint32_t len, uint32_t *n)
{
	S_sb_init();
	uint32_t i = 0;
	while (i < len) {
		i = S_find5(u, i, len, S_sb_stop, "\r\n.!?");
		if (i == len)
			break;
		int c = S_sb[u[i]];
		if (c == S_CR || c == S_LF) {
			i += (c == S_CR && i + 1 < len && u[i + 1] == '\n') ? 2 : 1;
			if (S_push_break(t, n, i) != 0)
				return TL_ENOMEM;
			continue;
		}
		if (c != S_AT && c != S_ST) {
			i++;
			continue;
		}
		uint32_t j = i + 1;
		if (c == S_AT && j < len &&
		    (S_sb[u[j]] == S_NU ||
		     (S_sb[u[j]] == S_UP && i > 0 && (S_sb[u[i - 1]] == S_UP || S_sb[u[i - 1]] == S_LO)))) {
			i = j; /* SB6 "3.5", SB7 "U.S" */
			continue;
		}
		while (j < len && S_sb[u[j]] == S_CL)
			j++;
		while (j < len && S_sb[u[j]] == S_SP)
			j++;
		if (j < len && (S_sb[u[j]] == S_CR || S_sb[u[j]] == S_LF)) {
			j += (S_sb[u[j]] == S_CR && j + 1 < len && u[j + 1] == '\n') ? 2 : 1;
			if (S_push_break(t, n, j) != 0) /* SB11 with its paragraph separator */
				return TL_ENOMEM;
			i = j;
			continue;
		}
		if (j < len && (S_sb[u[j]] == S_SC || S_sb[u[j]] == S_AT || S_sb[u[j]] == S_ST)) {
			i = j; /* SB8a */
			continue;
		}
		if (c == S_AT) { /* SB8: a lower-case word follows ("e.g. the") */
			uint32_t k = j;
			while (k < len && S_sb[u[k]] != S_UP && S_sb[u[k]] != S_LO && S_sb[u[k]] != S_CR &&
			       S_sb[u[k]] != S_LF && S_sb[u[k]] != S_AT && S_sb[u[k]] != S_ST)
				k++;
			if (k < len && S_sb[u[k]] == S_LO) {
				i = j;
				continue;
			}
		}
		if (j < len && S_push_break(t, n, j) != 0)
			return TL_ENOMEM;
		i = j;
	}
	if (len > 0 && (*n == 0 || t->brk[*n - 1] != len) && S_push_break(t, n, len) != 0)
		return TL_ENOMEM;
	return 0;
}

int tl_text_sentence_breaks(tl_text *t, const char *text, size_t len, const uint32_t **out,
                            uint32_t *nout)
{
	*out = NULL;
	*nout = 0;
	uint32_t n = 0;
	if (len >= (size_t)INT32_MAX / 2)
		return TL_ELIMIT_TEXT; /* the limit of the UTF-16 path, for every paragraph */
	if (!t->icu_only && tl_text_is_ascii(text, len)) {
		if (S_breaks_ascii(t, (const unsigned char *)text, (uint32_t)len, &n) != 0)
			return TL_ENOMEM;
	} else {
		int32_t ulen = tl_text_to_u16(t, text, len);
		if (ulen < 0)
			return TL_ELIMIT_TEXT;
		UErrorCode st = U_ZERO_ERROR;
		ubrk_setText(t->sents, t->u16, ulen, &st);
		if (U_FAILURE(st))
			return TL_EINTERNAL;
		for (int32_t b = ubrk_following(t->sents, 0); b != UBRK_DONE; b = ubrk_next(t->sents))
			if (S_push_break(t, &n, t->map[b]) != 0)
				return TL_ENOMEM;
	}
	*out = t->brk;
	*nout = n;
	return 0;
}

int tl_text_sentences(tl_text *t, const char *text, size_t len, const tl_range **out, uint32_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (len == 0)
		return 0;
	const uint32_t *brk;
	uint32_t nb;
	int rc = tl_text_sentence_breaks(t, text, len, &brk, &nb);
	if (rc)
		return rc;
	uint32_t n = 0, from = 0;
	for (uint32_t k = 0; k < nb; k++) {
		uint32_t p = brk[k];
		if (p < len && (S_suppress(text, len, p) || S_label_only(text, from, p)))
			continue;
		if (S_add_split(t, &n, text, from, p) != 0)
			return TL_ENOMEM;
		from = p;
	}
	if (from < len && S_add_split(t, &n, text, from, (uint32_t)len) != 0)
		return TL_ENOMEM;
	*out = t->ranges;
	*nout = n;
	return 0;
}
