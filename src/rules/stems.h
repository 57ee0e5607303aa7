/* stems.h: the Snowball stems of the built-in ruleset's term words, worked
 * out at build time (src/rules/gen/stems_gen.c writes them as a C table that
 * only the tenderlint executable links, generated/tl_stems.c).
 *
 * The table is a pure cache of tl_text_stem_uncached: a word it holds has
 * the stem Snowball gives it, a word it lacks is stemmed as before.  So it
 * serves any ruleset (`--ruleset FILE` too) and a stale table costs time,
 * never a different result.  Stemming the built-in ruleset's 4,200 distinct
 * words took about 10.6M instructions per check. */
#ifndef TL_RULES_STEMS_H
#define TL_RULES_STEMS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct tl_stem_ent {
	uint32_t word;  /* offset of the folded word in pool (NUL-terminated) */
	uint32_t stem;  /* offset of its stem in pool (NUL-terminated) */
	uint16_t len;   /* the word's length */
	uint8_t lang;   /* tl_lang */
} tl_stem_ent;

typedef struct tl_stem_table {
	const uint32_t *slot; /* nslot (a power of two) slots: 0 = free, else entry index + 1 */
	uint32_t nslot;
	const tl_stem_ent *ent;
	uint32_t nent;
	const char *pool;
} tl_stem_table;

/* FNV-1a over the word and its language: the slot a word starts probing at. */
static inline uint32_t tl_stem_hash(const char *s, size_t n, unsigned lang)
{
	uint32_t h = 2166136261u ^ lang;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The stem of fold[0..len) in lang from table t, or NULL when t (which may be
 * NULL) does not hold the word. */
static inline const char *tl_stem_lookup(const tl_stem_table *t, unsigned lang, const char *fold,
                                         size_t len)
{
	if (!t || !t->nslot || len > UINT16_MAX)
		return NULL;
	uint32_t m = t->nslot - 1;
	for (uint32_t i = tl_stem_hash(fold, len, lang) & m;; i = (i + 1) & m) {
		uint32_t k = t->slot[i];
		if (!k)
			return NULL;
		const tl_stem_ent *e = &t->ent[k - 1];
		if (e->len == len && e->lang == lang && !memcmp(t->pool + e->word, fold, len))
			return t->pool + e->stem;
	}
}

/* The built-in table: defined by generated/tl_stems.c in the tenderlint
 * executable, absent (a weak reference, address NULL) elsewhere. */
const tl_stem_table *tl_stems_builtin(void);

#endif
