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

/* The compiled words of the built-in ruleset's terms, worked out at build
 * time by the same generator: a pure cache of tl_compile_term_uncached, keyed
 * by (language, term text).  A term it holds gets the words the compiler
 * gives it (test_stems checks every one), a term it lacks is compiled as
 * before; compiling the built-in ruleset's 8,500 terms took about 5M of the
 * load's 22M instructions. */
typedef struct tl_term_ent {
	uint32_t text;  /* offset of the term's text in pool (NUL-terminated) */
	uint32_t len;   /* its length */
	uint32_t first; /* its words: word[first .. first + nw) */
	uint16_t nw;
	uint8_t lang;   /* tl_lang */
} tl_term_ent;

typedef struct tl_term_word {
	uint32_t s;     /* offset of the word's string in pool (NUL-terminated) */
	uint16_t len;
	uint8_t kind;   /* tl_wkind */
	uint8_t gap;
} tl_term_word;

typedef struct tl_term_table {
	const uint32_t *slot; /* nslot (a power of two) slots: 0 = free, else entry index + 1 */
	uint32_t nslot;
	const tl_term_ent *ent;
	uint32_t nent;
	const tl_term_word *word;
	const char *pool;
} tl_term_table;

/* The entry of text[0..len) in lang, or NULL (t may be NULL). */
static inline const tl_term_ent *tl_term_lookup(const tl_term_table *t, unsigned lang,
                                                const char *text, size_t len)
{
	if (!t || !t->nslot)
		return NULL;
	uint32_t m = t->nslot - 1;
	for (uint32_t i = tl_stem_hash(text, len, lang) & m;; i = (i + 1) & m) {
		uint32_t k = t->slot[i];
		if (!k)
			return NULL;
		const tl_term_ent *e = &t->ent[k - 1];
		if (e->len == len && e->lang == lang && !memcmp(t->pool + e->text, text, len))
			return e;
	}
}

/* The built-in term table, or NULL, as tl_stems_builtin. */
const tl_term_table *tl_terms_builtin(void);

/* The head of a report of the built-in ruleset, worked out at build time by
 * the same generator (tl_report_head_text, which serves it from here): the
 * pretty JSON report's head (tl_render_json_head of tl_report_new) and the
 * JSON Lines header (tl_render_jsonl_header_text).  `check` sends one ahead
 * of its first document (cli/check_work.c, S_make_note); made at run time it
 * cost about 2.2M instructions of the loading thread.  len 0: not worked out
 * (the generator could not load the ruleset). */
enum { TL_HEAD_JSON, TL_HEAD_JSONL, TL_HEAD_KINDS };
typedef struct tl_head_table {
	const char *text[TL_HEAD_KINDS];
	size_t len[TL_HEAD_KINDS];
} tl_head_table;

/* The built-in heads, or NULL, as tl_stems_builtin. */
const tl_head_table *tl_heads_builtin(void);

#endif
