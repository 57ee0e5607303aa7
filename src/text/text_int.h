/* text_int.h: the tl_text object shared by the files of src/text. */
#ifndef TL_TEXT_TEXT_INT_H
#define TL_TEXT_TEXT_INT_H

#include <libstemmer.h>
#include <stdint.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utypes.h>

#include "text/text.h"

/* An interning table: key bytes -> value string (or word), all in the arena. */
typedef struct tl_strmap_ent {
	const char *key;
	const char *val;
	tl_word *word;
	uint32_t klen, hash;
} tl_strmap_ent;

typedef struct tl_strmap {
	tl_strmap_ent *ent; /* malloc'd, power of two */
	uint32_t cap, n;
} tl_strmap;

/* The surface cache of the ASCII tokeniser (tokens.c): surface bytes -> the
 * word tl_text_fold_token gives them, looked up with 8-byte loads instead of
 * a byte-wise hash and memcmp.  k0 holds the first (up to) 8 bytes, zero
 * padded; a longer key's bytes are in key. */
typedef struct tl_surf {
	uint64_t k0;
	tl_word *word;     /* NULL: an empty slot */
	const char *key;   /* the whole surface (arena) when klen > 8, else NULL */
	uint32_t klen, hi; /* hi: the high half of the 64-bit hash (the slot) */
} tl_surf;

struct tl_text {
	tl_arena *arena;
	UBreakIterator *words, *sents;
	const UNormalizer2 *nfd;
	struct sb_stemmer *stem_nl, *stem_en;
	tl_strmap fold_cache;      /* surface form -> word */
	tl_surf *surf;             /* ASCII surface form -> word (tokens.c), power of two */
	uint32_t surf_cap, surf_n;
	tl_word *one[128];         /* the word of each one-byte ASCII token, NULL until seen */
	tl_strmap wordmap;         /* fold -> word (the key is the word's fold) */
	tl_strmap stem_cache[3];   /* per tl_lang: fold -> stem */
	/* scratch, reused per paragraph */
	UChar *u16;                /* paragraph in UTF-16 */
	uint32_t *map;             /* UTF-16 index -> byte offset, u16len + 1 entries */
	int32_t u16cap;
	UChar *fbuf, *fbuf2;       /* folding scratch */
	int32_t fcap;
	char *obuf;
	size_t ocap;
	tl_token *toks;
	uint32_t tokcap;
	tl_token *pool;            /* where tokens go while it has room (tl_text_token_pool) */
	size_t pool_used, pool_cap;
	tl_range *ranges;
	uint32_t rcap;
	uint32_t *brk;             /* sentence breaks (byte offsets) of the last paragraph */
	uint32_t bcap;
	int icu_only;              /* tests: segment ASCII paragraphs with ICU too */
};

/* 1 when text[0..len) is all ASCII; eight bytes at a time. */
static inline int tl_text_is_ascii(const char *text, size_t len)
{
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, text + i, 8);
		if (w & 0x8080808080808080ull)
			return 0;
	}
	for (; i < len; i++)
		if ((unsigned char)text[i] >= 0x80)
			return 0;
	return 1;
}

/* Converts text to UTF-16 in t->u16 with t->map; returns the length or -1. */
int32_t tl_text_to_u16(tl_text *t, const char *text, size_t len);

/* Folds the token whose UTF-16 range is u16[a..b) and bytes text[s..e),
 * cached by surface form; returns its interned word (in the arena) or NULL. */
tl_word *tl_text_fold_token(tl_text *t, const char *text, uint32_t s, uint32_t e, int32_t a,
                            int32_t b);

/* The TL_WORD_* function-word class of a folded word (lang.c). */
uint32_t tl_text_word_lang(const char *fold);

/* The candidate sentence breaks of text (byte offsets after 0, the last one
 * len): ICU's sentence iterator, or the same rules over ASCII text.  The
 * array is owned by t until the next call.  0, TL_ENOMEM, TL_ELIMIT_TEXT. */
int tl_text_sentence_breaks(tl_text *t, const char *text, size_t len, const uint32_t **out,
                            uint32_t *n);

uint32_t tl_strmap_hash(const char *s, size_t n);
/* Finds key; NULL when absent. */
const char *tl_strmap_get(const tl_strmap *m, const char *key, size_t klen, uint32_t hash);
/* The entry of key, or NULL when absent. */
tl_strmap_ent *tl_strmap_find(const tl_strmap *m, const char *key, size_t klen, uint32_t hash);
/* Adds key -> val (key copied into the arena). 0 or TL_ENOMEM. */
int tl_strmap_put(tl_strmap *m, tl_arena *a, const char *key, size_t klen, uint32_t hash,
                  const char *val);
/* Adds key (copied into the arena) and returns its new entry, or NULL. */
tl_strmap_ent *tl_strmap_add(tl_strmap *m, tl_arena *a, const char *key, size_t klen,
                             uint32_t hash);
void tl_strmap_free(tl_strmap *m);

#endif
