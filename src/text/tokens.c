/* tokens.c: word segmentation with the ICU word BreakIterator, one iterator
 * reused for every paragraph (ubrk_setText), tokens folded through the
 * surface-form cache. */
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

static int S_is_space16(UChar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x3000;
}

int tl_text_tokens(tl_text *t, const char *text, size_t len, tl_token **out, uint32_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (len == 0)
		return 0;
	int32_t ulen = tl_text_to_u16(t, text, len);
	if (ulen < 0)
		return TL_ELIMIT_TEXT;
	UErrorCode st = U_ZERO_ERROR;
	ubrk_setText(t->words, t->u16, ulen, &st);
	if (U_FAILURE(st))
		return TL_EINTERNAL;
	uint32_t n = 0;
	int32_t a = ubrk_first(t->words);
	for (int32_t b = ubrk_next(t->words); b != UBRK_DONE; a = b, b = ubrk_next(t->words)) {
		int32_t status = ubrk_getRuleStatus(t->words);
		tl_token tok;
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
				tok.fold = tl_text_fold_token(t, text, tok.start, tok.end, i, j);
				if (!tok.fold || S_push(t, &n, &tok) != 0)
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
		tok.fold = tl_text_fold_token(t, text, tok.start, tok.end, a, b);
		if (!tok.fold || S_push(t, &n, &tok) != 0)
			return TL_ENOMEM;
	}
	if (n == 0)
		return 0;
	tl_token *arr = tl_arena_alloc(t->arena, (size_t)n * sizeof *arr);
	if (!arr)
		return TL_ENOMEM;
	memcpy(arr, t->toks, (size_t)n * sizeof *arr);
	*out = arr;
	*nout = n;
	return 0;
}
