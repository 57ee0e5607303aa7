/* text.h: the text layer (internal): matching form, word and sentence
 * segmentation, language, stemming.
 *
 * One tl_text holds the ICU break iterators, the Snowball stemmers and the
 * caches; open it once per document (or once per ruleset compile) and reuse
 * it for every paragraph.  Everything it returns (folded forms, stems,
 * tokens) lives in the arena given to tl_text_open, so it outlives the
 * tl_text itself.
 *
 * Matching form ("fold"): Unicode case folding (u_strFoldCase), then NFD
 * with combining marks removed ("beëindiging" -> "beeindiging"), typographic
 * quotes to ' and ", dashes and minus signs to -, any space to ' '. */
#ifndef TL_TEXT_TEXT_H
#define TL_TEXT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "analyze/annot.h"
#include "util/arena.h"

typedef struct tl_text tl_text;

/* A distinct folded word of a document, interned by tl_text in its arena:
 * every token with the same fold points to the same record (tok.word, and
 * tok.fold == word->fold).  It carries what is known about the word so it is
 * worked out once per document, not once per token: its function-word class
 * for tl_text_lang_count, its stems, and the memo of list lookups that
 * src/analyze/phrases.c fills in (bit k of the three sets is about the list
 * registered as number k there). */
#define TL_WORD_LISTS 256
#define TL_WORD_NL 0x1u   /* a Dutch function word */
#define TL_WORD_EN 0x2u   /* an English function word */
#define TL_WORD_BOTH 0x4u /* "of", "in": counts once for each language */
#define TL_WORD_SKIP 0x8u /* "is": counts for neither */
typedef struct tl_word {
	const char *fold;
	uint32_t len;         /* strlen(fold) */
	uint32_t hash;        /* tl_text_hash(fold, len) */
	uint32_t lang;        /* TL_WORD_* */
	const char *stem[2];  /* Dutch, English; NULL until asked */
	uint8_t party;        /* src/analyze/parties.c: 1 + catalogue role of the word, 0 = not asked */
	uint8_t party_pair;   /* parties.c: 0x80 | 1 (may start a two-word name) | 2 (may end one) */
	uint8_t num_known;    /* src/analyze/quantities.c: its class bits (0x80 known), 0 = not asked */
	uint32_t polar;       /* src/analyze/polclass.c: TL_PC_KNOWN | the word's class bits, 0 = not asked */
	double num;
	uint64_t known[TL_WORD_LISTS / 64];  /* the list's answers below are filled in */
	uint64_t single[TL_WORD_LISTS / 64]; /* matches one of the list's single-word entries */
	uint64_t start[TL_WORD_LISTS / 64];  /* matches the first word of one of its phrases */
	uint32_t annot;       /* src/analyze/annot_int.h: TL_WC_* class bits of the word, 0 = not asked */
	/* a personal pronoun with a clitic verb ("we'll", "you’re"): the pronoun's
	 * length in bytes (tokens.c makes the word two tokens), and the verb
	 * (TL_CLITIC_*); 0 for any other word (normalize.c, once per word) */
	uint8_t clitic, clitic_verb;
} tl_word;
enum { TL_CLITIC_WILL = 0, TL_CLITIC_ARE, TL_CLITIC_HAVE };

/* The hash of s[0..n) that tl_word.hash holds (FNV-1a, never 0). */
uint32_t tl_text_hash(const char *s, size_t n);

/* Opens the ICU and Snowball objects.  0, TL_ENOMEM or TL_EINTERNAL (ICU
 * data missing) with err set. */
int tl_text_open(tl_text **out, tl_arena *arena, tl_error *err);
void tl_text_close(tl_text *t);

/* Folds s[0..len) into the arena (NUL-terminated); runs of spaces become
 * one space, leading/trailing spaces go.  NULL on failure. */
const char *tl_text_fold(tl_text *t, const char *s, size_t len, size_t *outlen);

/* Folds one code point for callers that scan text themselves: returns the
 * ASCII replacement of quotes, dashes and spaces, or cp unchanged. */
uint32_t tl_text_unify_cp(uint32_t cp);

/* Word segmentation of a paragraph with the ICU word BreakIterator.  Word,
 * number and punctuation tokens (spaces dropped) with byte offsets into
 * text, fold and word set, stem NULL (see tl_text_stem_tokens), term -1, flags
 * TL_TOK_NUMBER / TL_TOK_PUNCT / TL_TOK_CAPITAL.  The array is in the arena.
 * 0 or TL_ENOMEM / TL_ELIMIT_TEXT. */
int tl_text_tokens(tl_text *t, const char *text, size_t len, tl_token **out, uint32_t *n);
/* Token arrays of later tl_text_tokens calls go into pool[0..cap) while it
 * has room, then into the arena again; the caller owns the pool and keeps it
 * as long as the tokens (src/analyze maps one per text phase, backed by huge
 * pages where the kernel has them: far fewer page faults than the arena). */
void tl_text_token_pool(tl_text *t, tl_token *pool, size_t cap);

/* A byte range [start, end) of a paragraph's text. */
typedef struct tl_range {
	uint32_t start, end;
	uint32_t flags; /* TL_RANGE_* */
} tl_range;
#define TL_RANGE_AFTER_SEMI 0x1u /* the range follows a ';' split inside an ICU sentence */

/* Sentence segmentation with the ICU sentence BreakIterator, without
 * breaks after legal abbreviations (art., o.a., B.V., e.g., ...) or a single
 * capital letter, and with extra breaks after ';'.  The array is owned by t
 * and valid until the next call.  0 or TL_ENOMEM. */
int tl_text_sentences(tl_text *t, const char *text, size_t len, const tl_range **out, uint32_t *n);

/* 1 when the folded word (without its dot) is a known abbreviation. */
int tl_text_is_abbrev(const char *fold, size_t len);

/* Counts Dutch and English function words in tokens[0..n). */
void tl_text_lang_count(const tl_token *tok, uint32_t n, uint32_t *nl, uint32_t *en);
/* The language from such counts: the larger one, `fallback` on a tie. */
tl_lang tl_text_lang_pick(uint32_t nl, uint32_t en, tl_lang fallback);

/* Snowball stem of a folded word in lang (TL_LANG_UNKNOWN stems as Dutch),
 * cached, in the arena; punctuation and numbers stem to themselves. */
const char *tl_text_stem(tl_text *t, tl_lang lang, const char *fold, size_t len);
/* The same stem without the cache, a copy in `arena` (fold itself when the
 * stem is the word): for a caller that stems each distinct word once
 * anyway (the ruleset compiler, src/rules/compile.c). */
const char *tl_text_stem_uncached(tl_text *t, tl_lang lang, const char *fold, size_t len,
                                  tl_arena *arena);
/* Sets tok[i].stem for all tokens. 0 or TL_ENOMEM. */
int tl_text_stem_tokens(tl_text *t, tl_lang lang, tl_token *tok, uint32_t n);

/* strtod(s, NULL) (C locale) of a string of digits and dots, exact, and
 * without strtod for the usual amounts (src/analyze/quantities.c). */
double tl_text_decimal(const char *s);

#endif
