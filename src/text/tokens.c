/* tokens.c: word segmentation with the ICU word BreakIterator, one iterator
 * reused for every paragraph (ubrk_setText), tokens folded through the
 * surface-form cache. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "text/text_int.h"

static int S_push(tl_text *t, uint32_t *n, const tl_token *tok)
{
	if (*n == t->tokcap) {
		uint32_t cap = t->tokcap ? t->tokcap * 2 : 256;
		tl_token *a = realloc(t->toks, (size_t)cap * sizeof *a);
		if (!a)
			return TL_ENOMEM;
		t->toks = a;
		t->tokcap = cap;
	}
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

static int S_push_ascii(tl_text *t, uint32_t *n, const char *text, uint32_t s, uint32_t e,
                        uint32_t flags)
{
	tl_word *w = tl_text_fold_token(t, text, s, e, 0, 0);
	if (!w)
		return TL_ENOMEM;
	tl_token tok = {.start = s, .end = e, .fold = w->fold, .stem = NULL, .term = -1,
	                .flags = flags, .word = w};
	return S_push(t, n, &tok);
}

static int S_tokens_ascii(tl_text *t, const char *text, uint32_t len, uint32_t *n)
{
	const unsigned char *u = (const unsigned char *)text;
	uint32_t i = 0;
	while (i < len) {
		int c = S_wb[u[i]];
		if (c != S_AL && c != S_NU && c != S_EX) {
			/* spaces are dropped; each other character is a punctuation token */
			if (u[i] != ' ' && u[i] != '\t' && u[i] != '\n' && u[i] != '\r' &&
			    S_push_ascii(t, n, text, i, i + 1, TL_TOK_PUNCT) != 0)
				return TL_ENOMEM;
			i++;
			continue;
		}
		/* the status ICU gives a word is that of its last step: 100 (number) when it
		 * ends on a digit or on '_' after a digit, else 200; a lone '_' is no word */
		int num = c == S_NU, prev = c;
		uint32_t j = i + 1;
		while (j < len) {
			int d = S_wb[u[j]];
			if (d == S_AL || d == S_NU || d == S_EX) {
				num = d == S_NU || (d == S_EX && prev == S_NU);
				prev = d;
				j++;
			} else if (j + 1 < len && ((prev == S_AL && d == S_MNL && S_wb[u[j + 1]] == S_AL) ||
			                           (prev == S_NU && (d == S_MNL || d == S_MN) &&
			                            S_wb[u[j + 1]] == S_NU))) {
				j += 2; /* "e.g", "don't", "1.000,50" */
			} else {
				break;
			}
		}
		uint32_t flags;
		if (j == i + 1 && c == S_EX)
			flags = TL_TOK_PUNCT;
		else
			flags = (num || c == S_NU ? TL_TOK_NUMBER : 0) |
			        (u[i] >= 'A' && u[i] <= 'Z' ? TL_TOK_CAPITAL : 0);
		if (S_push_ascii(t, n, text, i, j, flags) != 0)
			return TL_ENOMEM;
		i = j;
	}
	return 0;
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
		int rc = S_tokens_ascii(t, text, (uint32_t)len, &n);
		if (rc)
			return rc;
		return S_finish(t, n, out, nout);
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
		tok.word = w;
		tok.fold = w->fold;
		if (S_push(t, &n, &tok) != 0)
			return TL_ENOMEM;
	}
	return S_finish(t, n, out, nout);
}
