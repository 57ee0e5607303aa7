/* lang.c: Dutch or English by counting function words, which every
 * contract sentence has and which the two languages do not share. */
#include <string.h>

#include "text/text_int.h"

static const char *const S_nl[] = {
	"aan", "bij", "dan", "dat", "de", "deze", "die", "dient", "dit", "door", "een", "en", "geen",
	"het", "hij", "is", "kan", "mag", "met", "moet", "na", "naar", "niet", "of", "om", "ook", "op",
	"te", "ten", "tenzij", "tot", "uit", "van", "voor", "worden", "wordt", "zal", "zich", "zijn",
	"zullen"};
static const char *const S_en[] = {
	"a", "an", "and", "any", "are", "as", "be", "by", "for", "from", "has", "if", "in", "is", "it",
	"its", "may", "must", "no", "not", "of", "on", "or", "shall", "such", "that", "the", "this",
	"to", "unless", "which", "will", "with", "within"};

/* "is", "in" and "of" occur in both: "is" counts for neither, "of" and "in"
 * only for their main language below. */
static int S_find(const char *const *list, size_t n, const char *w)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(list[mid], w);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

uint32_t tl_text_word_lang(const char *w)
{
	if (strcmp(w, "is") == 0)
		return TL_WORD_SKIP;
	if (strcmp(w, "of") == 0 || strcmp(w, "in") == 0)
		return TL_WORD_BOTH;
	return (S_find(S_nl, sizeof S_nl / sizeof *S_nl, w) ? TL_WORD_NL : 0) |
	       (S_find(S_en, sizeof S_en / sizeof *S_en, w) ? TL_WORD_EN : 0);
}

/* What a word of class c (TL_WORD_*, 0..15) adds to the two counts: Dutch in
 * the low half, English in the high half.  "of" is Dutch "or", "in" is both
 * (TL_WORD_BOTH): weighed lightly by counting once each. */
#define S_INC(c) ((c) & TL_WORD_BOTH ? 1ull | 1ull << 32 \
                                     : (uint64_t)(((c) & TL_WORD_NL) != 0) | (uint64_t)(((c) & TL_WORD_EN) != 0) << 32)
static const uint64_t S_inc[16] = {S_INC(0u),  S_INC(1u),  S_INC(2u),  S_INC(3u),
                                   S_INC(4u),  S_INC(5u),  S_INC(6u),  S_INC(7u),
                                   S_INC(8u),  S_INC(9u),  S_INC(10u), S_INC(11u),
                                   S_INC(12u), S_INC(13u), S_INC(14u), S_INC(15u)};

void tl_text_lang_count(const tl_token *tok, uint32_t n, uint32_t *nl, uint32_t *en)
{
	uint64_t ab = 0; /* both counts in one word (n < 2^32 tokens) */
	for (uint32_t i = 0; i < n; i++) {
		if (tok[i].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER))
			continue;
		uint32_t c = tok[i].word ? tok[i].word->lang : tl_text_word_lang(tok[i].fold);
		ab += S_inc[c & 15u];
	}
	*nl += (uint32_t)ab;
	*en += (uint32_t)(ab >> 32);
}

tl_lang tl_text_lang_pick(uint32_t nl, uint32_t en, tl_lang fallback)
{
	if (nl > en)
		return TL_LANG_NL;
	if (en > nl)
		return TL_LANG_EN;
	return fallback;
}
