/* stem.c: Snowball stems (libstemmer) of folded words, cached per
 * language, so each distinct word is stemmed once per document. */
#include <string.h>

#include "text/text_int.h"

const char *tl_text_stem(tl_text *t, tl_lang lang, const char *fold, size_t len)
{
	if (len == 0)
		return fold;
	unsigned char c0 = (unsigned char)fold[0];
	if (!((c0 >= 'a' && c0 <= 'z') || c0 >= 0x80))
		return fold; /* numbers and punctuation */
	int li = lang == TL_LANG_EN ? 2 : 1;
	tl_strmap *m = &t->stem_cache[li];
	uint32_t h = tl_strmap_hash(fold, len);
	const char *s = tl_strmap_get(m, fold, len, h);
	if (s)
		return s;
	struct sb_stemmer *sb = li == 2 ? t->stem_en : t->stem_nl;
	const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)fold, (int)len);
	if (!r)
		return NULL;
	int rl = sb_stemmer_length(sb);
	s = (rl == (int)len && memcmp(r, fold, len) == 0)
	        ? fold
	        : tl_arena_strndup(t->arena, (const char *)r, (size_t)rl);
	if (!s || tl_strmap_put(m, t->arena, fold, len, h, s) != 0)
		return NULL;
	return s;
}

const char *tl_text_stem_uncached(tl_text *t, tl_lang lang, const char *fold, size_t len,
                                  tl_arena *arena)
{
	if (len == 0)
		return fold;
	unsigned char c0 = (unsigned char)fold[0];
	if (!((c0 >= 'a' && c0 <= 'z') || c0 >= 0x80))
		return fold; /* numbers and punctuation */
	struct sb_stemmer *sb = lang == TL_LANG_EN ? t->stem_en : t->stem_nl;
	const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)fold, (int)len);
	if (!r)
		return NULL;
	int rl = sb_stemmer_length(sb);
	return rl == (int)len && memcmp(r, fold, len) == 0
	       ? fold
	       : tl_arena_strndup(arena, (const char *)r, (size_t)rl);
}

int tl_text_stem_tokens(tl_text *t, tl_lang lang, tl_token *tok, uint32_t n)
{
	int li = lang == TL_LANG_EN ? 1 : 0;
	for (uint32_t i = 0; i < n; i++) {
		tl_word *w = tok[i].word;
		/* a word's stem may be read and filled by both threads of the text
		 * phases (textphase.c: a thread stems the pieces it takes, whichever
		 * tl_text made their words); either thread's stem is the same text */
		const char *st = w ? __atomic_load_n(&w->stem[li], __ATOMIC_RELAXED) : NULL;
		if (st) {
			tok[i].stem = st;
			continue;
		}
		tok[i].stem = tl_text_stem(t, lang, tok[i].fold, strlen(tok[i].fold));
		if (!tok[i].stem)
			return TL_ENOMEM;
		if (w)
			__atomic_store_n(&w->stem[li], tok[i].stem, __ATOMIC_RELAXED);
	}
	return 0;
}
