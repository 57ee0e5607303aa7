/* polclass.h: the word classes polarity asks about at every token (negator,
 * modal cue, coordinator, ...), worked out once per word and kept in its
 * tl_word (field polar), so that a loop over a unit's tokens tests a bit
 * instead of looking each list up again.  Each bit answers exactly what
 * tl_tok_in (or tl_tok_may_start) answers for its list
 * (tests/unit/test_polarity_fast.c checks this word by word). */
#ifndef TL_ANALYZE_POLCLASS_H
#define TL_ANALYZE_POLCLASS_H

#include "analyze/annot_int.h"

/* Lists shared through the classes (defined in polclass.c unless noted). */
extern const char *const tl_pol_negators[];  /* niet, geen, not, no, *n't, ... */
extern const char *const tl_pol_cue_ph[];    /* polarity.c: the modal cues */
extern const char *const tl_pol_coord[];     /* en, and, or, of, maar, but, ",", ";" */
extern const char *const tl_pol_pron[];      /* hij, zij, ze, it, he, she, they */
extern const char *const tl_pol_dets[];      /* the, a, de, het, ... (polarity.c's S_dets) */
extern const char *const tl_pol_preps[];     /* of, to, by, van, aan, door, ... */
extern const char *const tl_pol_split_aux[]; /* split.c: may, shall, zal, mag, ... */
extern const char *const tl_pol_split_but[]; /* but, maar, doch, however, whereas, yet */
extern const char *const tl_pol_split_conj[];/* and, or, en, of */
extern const char *const tl_pol_nl_pass[];   /* voice.c: wordt, worden, werd, werden */
extern const char *const tl_pol_en_be[];     /* voice.c: be, is, are, was, were, been, being */
extern const char *const tl_pol_promise[];   /* warranty, guarantee, garantie, ... (nouns) */
extern const char *const tl_pol_nl_v[];      /* voice.c: is, zijn, heeft, wordt, ... */
extern const char *const tl_pol_nl_not[];    /* voice.c: niet, het, dat, ... (end in t, no verb) */
extern const char *const tl_pol_en_v[];      /* voice.c: is, are, has, does, ... */
extern const char *const tl_pol_en_not[];    /* voice.c: its, this, as, ... (end in s, no verb) */
extern const char *const tl_pol_vl_nl_aux[]; /* verbless.c: Dutch auxiliaries and modals */
extern const char *const tl_pol_vl_en_aux[]; /* verbless.c: English auxiliaries and modals */
extern const char *const tl_pol_vl_en_dets[];/* verbless.c: the, a, no, ... */
extern const char *const tl_pol_vl_en_not[]; /* verbless.c: plus, thus, unless, ... */
extern const char *const tl_pol_vl_preps[];  /* verbless.c: of, for, to, ..., if, that, not */
extern const char *const tl_pol_vl_det_after[]; /* verbless.c: the, a, your, ... */
extern const char *const tl_pol_switch[];    /* negscope.c: disabled, uitgeschakeld, enabled, ... */
extern const char *const tl_pol_puff_cues[]; /* puffery.c: its phrases and take/takes/neemt/nemen */
extern const char *const tl_pol_puff_anchor[]; /* puffery.c: a word every one of them needs */
extern const char *const tl_pol_ref_words[]; /* disapply.c: clause, section, artikel, ... */
extern const char *const tl_pol_without[];   /* negscope.c: without, zonder */

enum {
	TL_PC_NEG = 1u << 0,     /* first byte a-z and tl_tok_in(tl_pol_negators) */
	TL_PC_CUE = 1u << 1,     /* tl_tok_may_start(tl_pol_cue_ph): a cue may start here */
	TL_PC_COORD = 1u << 2,   /* tl_tok_in(tl_pol_coord) */
	TL_PC_MODAL = 1u << 3,   /* tl_tok_in(tl_modal_aux) */
	TL_PC_SUBORD = 1u << 4,  /* tl_tok_in(tl_subordinators) */
	TL_PC_PRON = 1u << 5,    /* tl_tok_in(tl_pol_pron) */
	TL_PC_DETS = 1u << 6,    /* tl_tok_in(tl_pol_dets) */
	TL_PC_PREPS = 1u << 7,   /* tl_tok_in(tl_pol_preps) */
	TL_PC_SAUX = 1u << 8,    /* tl_tok_in(tl_pol_split_aux) */
	TL_PC_SBUT = 1u << 9,    /* tl_tok_in(tl_pol_split_but) */
	TL_PC_SCONJ = 1u << 10,  /* tl_tok_in(tl_pol_split_conj) */
	TL_PC_NLPASS = 1u << 11, /* tl_tok_in(tl_pol_nl_pass) */
	TL_PC_ENBE = 1u << 12,   /* tl_tok_in(tl_pol_en_be) */
	TL_PC_COMMA = 1u << 13,  /* the fold is "," */
	TL_PC_SEMI = 1u << 14,   /* the fold is ";" */
	TL_PC_PROMISE = 1u << 15, /* tl_tok_in(tl_pol_promise) */
	TL_PC_NLV = 1u << 16,    /* tl_tok_in(tl_pol_nl_v) */
	TL_PC_NLNOT = 1u << 17,  /* tl_tok_in(tl_pol_nl_not) */
	TL_PC_ENV = 1u << 18,    /* tl_tok_in(tl_pol_en_v) */
	TL_PC_ENNOT = 1u << 19,  /* tl_tok_in(tl_pol_en_not) */
	TL_PC_VNLAUX = 1u << 20, /* tl_tok_in(tl_pol_vl_nl_aux) */
	TL_PC_VENAUX = 1u << 21, /* tl_tok_in(tl_pol_vl_en_aux) */
	TL_PC_VENNOT = 1u << 22, /* tl_tok_in(tl_pol_vl_en_not) */
	TL_PC_VENDETS = 1u << 23, /* tl_tok_in(tl_pol_vl_en_dets) */
	TL_PC_VPREPS = 1u << 24, /* tl_tok_in(tl_pol_vl_preps) */
	TL_PC_VDETAFTER = 1u << 25, /* tl_tok_in(tl_pol_vl_det_after) */
	TL_PC_SWITCH = 1u << 26, /* tl_tok_in(tl_pol_switch) */
	TL_PC_PUFF = 1u << 27,   /* tl_tok_may_start(tl_pol_puff_cues) */
	TL_PC_PUFFA = 1u << 28,  /* tl_tok_in(tl_pol_puff_anchor) */
	TL_PC_REF = 1u << 29,    /* tl_tok_in(tl_pol_ref_words) */
	TL_PC_WITHOUT = 1u << 30, /* tl_tok_in(tl_pol_without) */
	TL_PC_KNOWN = 1u << 31   /* the word's bits are filled in */
};

/* The classes of token t, worked out (and remembered in its word) the first time. */
uint32_t tl_polclass_slow(const tl_token *t);
static inline uint32_t tl_polclass(const tl_token *t)
{
	const tl_word *w = t->word;
	uint32_t v = w ? __atomic_load_n(&w->polar, __ATOMIC_RELAXED) : 0;
	return v ? v : tl_polclass_slow(t);
}

/* 0 turns the per-unit shortcuts of polarity off (every pass runs in full),
 * for the tests that compare both; 1 by default. */
extern int tl_pol_fast;

#endif
