/* annot_int.h: shared by the files of src/analyze that build a
 * tl_annotated (annotate.c drives; parties.c, definitions.c, polarity.c,
 * quantities.c, operative.c, frameworks.c each fill their part). */
#ifndef TL_ANALYZE_ANNOT_INT_H
#define TL_ANALYZE_ANNOT_INT_H

#include <stdatomic.h>
#include <string.h>

#include "analyze/annot.h"
#include "model/doc.h"
#include "text/text.h"

/* Per-paragraph tokens of the whole paragraph; sentences point into them. */
typedef struct tl_ann_para {
	tl_token *tok;
	uint32_t ntok;
	uint32_t op;  /* TL_OP_* tests of the paragraph alone (tl_operative_para, with its tokens) */
} tl_ann_para;

/* Counts of "we" and "you" words (parties.c). */
typedef struct tl_we_count {
	uint32_t nwe, nyou, we_first, ntender, nwe_op;
} tl_we_count;

typedef struct tl_ann_ctx {
	tl_annotated *a;
	tl_text *txt;
	const tl_para *paras;
	size_t npara;
	tl_ann_para *pt;          /* npara entries */
	tl_arena *ar;             /* where polarity and quantities allocate: &a->arena, or
	                             &a->arena2 for the second part run by another thread */
	/* growable arrays (malloc'd while building, moved to the arena at the end) */
	tl_sentence *sent;
	uint32_t asent;
	tl_term *terms;
	uint32_t aterms;
	tl_placeholder *ph;       /* found by the text phases, in text order */
	uint32_t aph, nph;
	int ph_rc;                /* TL_ENOMEM when finding them ran out of memory */
	tl_we_count we;           /* first and second persons, counted by the text phases */
	struct tl_fw_named *fw_named; /* what each operative unit names (frameworks.c), or NULL */
	tl_framework *fw;
	uint32_t afw;
	uint8_t *clause_defs;     /* per clause (definitions.c), bits 0-1: 0 not known yet, 1 its
	                             title names no definitions article, 2 it does; bits 2-3 the
	                             same for the clause or one above it */
	/* first-word index over terms for token marking */
	int32_t *term_next;       /* chain: next term with the same first word, -1 */
	const char **term_word0;  /* folded first word of each term */
	uint32_t *term_nwords;
	const char ***term_words;
	/* polarity scratch */
	tl_token *wtok;           /* lead-in + unit tokens */
	int16_t *wscope;          /* per token: 0 main, 1 subordinate, 2+k exception k */
	uint32_t wcap;
} tl_ann_ctx;

/* ---- phrase matching on folded tokens ---------------------------------- */

/* Matches a phrase of folded words separated by single spaces at tok[i]:
 * a word ending in '*' is a prefix; "|" separates alternatives inside a
 * word ("is|are").  Returns the number of tokens matched, 0 when it does not
 * match. */
uint32_t tl_ph_at(const tl_token *tok, uint32_t n, uint32_t i, const char *phrase);
/* 0 when the phrase cannot match a token whose fold starts with c (a cheap
 * filter before tl_ph_at). */
int tl_ph_may_start(const char *phrase, char c);
/* Tries every phrase of a NULL-terminated list; returns the longest match
 * and sets *which to its index (when which is not NULL).  Inline below: a
 * word known to start none of the list's phrases answers 0 at once. */
uint32_t tl_ph_list_at_slow(const tl_token *tok, uint32_t n, uint32_t i, const char *const *list,
                            int *which);
/* 1 when the folded word matches one of the single-word entries of the
 * NULL-terminated list. */
int tl_word_in(const char *fold, const char *const *list);
/* tl_word_in for a token's fold, remembered in its word (a bit test after
 * the first time).  Lists must be static: they are compiled once per
 * process and known by their address. */
int tl_tok_in_slow(const tl_token *t, const char *const *list);

/* The memo bits of a tl_word may be filled in by two threads at once (an
 * annotation built in two halves, tl_annotate_ex): the answers are set
 * with atomic ORs, the 'known' bit last (release), and read with atomic
 * loads, the 'known' bit first (acquire).  On x86 these are plain moves. */
static inline uint64_t tl_memo_known(const uint64_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}
static inline uint64_t tl_memo_get(const uint64_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }

/* The registry of compiled lists (phrases.c), open addressing on the list's
 * address; a list found in its home slot is answered inline. */
#define TL_PH_REG_BITS 12
typedef struct tl_ph_slot {
	_Atomic(const char *const *) list; /* published last (release), under the registry lock */
	uint32_t bit;            /* memo bit in tl_word, TL_WORD_LISTS when none */
	void *cl;                /* the compiled list */
} tl_ph_slot;
extern tl_ph_slot tl_ph_reg[1u << TL_PH_REG_BITS];

static inline uint32_t tl_ph_home(const char *const *list)
{
	return (uint32_t)(((uint64_t)(uintptr_t)list * 0x9E3779B97F4A7C15ull) >> (64 - TL_PH_REG_BITS));
}

/* The word memo's answer for list at token t: from the word's single[]
 * bits (a single-word entry), or its start[] bits when `start` (the first
 * word of a phrase); -1 when it is not known yet. */
static inline int tl_tok_memo(const tl_token *t, const char *const *list, int start)
{
	const tl_ph_slot *sl = &tl_ph_reg[tl_ph_home(list)];
	const tl_word *w = t->word;
	if (atomic_load_explicit(&sl->list, memory_order_acquire) == list && w &&
	    sl->bit < TL_WORD_LISTS) {
		uint64_t m = 1ull << (sl->bit % 64);
		if (tl_memo_known(&w->known[sl->bit / 64]) & m)
			return (tl_memo_get(start ? &w->start[sl->bit / 64] : &w->single[sl->bit / 64]) & m) != 0;
	}
	return -1;
}

static inline int tl_tok_in(const tl_token *t, const char *const *list)
{
	int r = tl_tok_memo(t, list, 0);
	return r >= 0 ? r : tl_tok_in_slow(t, list);
}

/* 0 when no phrase of the list can start at token t (its word is the first
 * word of none), else 1: a cheap test that lets a loop skip a token that
 * none of several lists can match (see scopes.c). */
int tl_tok_may_start_slow(const tl_token *t, const char *const *list);
static inline int tl_tok_may_start(const tl_token *t, const char *const *list)
{
	int r = tl_tok_memo(t, list, 1);
	return r >= 0 ? r : tl_tok_may_start_slow(t, list);
}

static inline uint32_t tl_ph_list_at(const tl_token *tok, uint32_t n, uint32_t i,
                                     const char *const *list, int *which)
{
	if (i >= n)
		return 0;
	const tl_ph_slot *sl = &tl_ph_reg[tl_ph_home(list)];
	const tl_word *w = tok[i].word;
	if (atomic_load_explicit(&sl->list, memory_order_acquire) == list && w &&
	    sl->bit < TL_WORD_LISTS) {
		uint64_t m = 1ull << (sl->bit % 64);
		if ((tl_memo_known(&w->known[sl->bit / 64]) & m) && !(tl_memo_get(&w->start[sl->bit / 64]) & m))
			return 0;
	}
	return tl_ph_list_at_slow(tok, n, i, list, which);
}

/* ---- word classes (tl_word.annot) --------------------------------------- */

/* What the annotation's per-token scans need to know about a word, worked
 * out once per word: each class is a 'known' bit and an answer bit, set
 * together with one atomic OR (whichever thread works a word out finds the
 * same answer) and read with one relaxed load.  An answer bit of 1 means
 * "do the full test": a scan that finds 0 skips the token, the same as its
 * full test would.  tl_wc_all (tests only) makes every new answer 1, so a
 * test can compare the scans with and without their skips. */
#define TL_WC_PARTY_K 0x001u /* parties.c */
#define TL_WC_PARTY 0x002u   /* a party mention may start at the word (tl_party_at) */
#define TL_WC_ALIAS_K 0x004u /* definitions.c */
#define TL_WC_ALIAS 0x008u   /* ends a party's name or may start an alias (S_aliases) */
#define TL_WC_FW_K 0x010u    /* frameworks.c */
#define TL_WC_FW 0x020u      /* a word of a framework's name (S_named) */
#define TL_WC_WE_K 0x040u    /* parties.c */
#define TL_WC_WE 0x080u      /* a first or second person, or a tenderer (tl_parties_we_count) */
#define TL_WC_OPEN_K 0x100u  /* scopes.c */
#define TL_WC_OPEN 0x200u    /* may open a clause (tl_scopes_mark) */
#define TL_WC_AINTRO_K 0x400u /* aliases.c */
#define TL_WC_AINTRO 0x800u  /* "(" or a word an alias may open with unbracketed (tl_defs_aliases) */
extern int tl_wc_all;

static inline uint32_t tl_wc_get(const tl_word *w) { return __atomic_load_n(&w->annot, __ATOMIC_RELAXED); }

/* Records class `known` of word w with answer `yes`; returns the answer as
 * it is used (1 under tl_wc_all). */
static inline int tl_wc_set(tl_word *w, uint32_t known, uint32_t bit, int yes)
{
	yes = yes || tl_wc_all;
	__atomic_fetch_or(&w->annot, known | (yes ? bit : 0u), __ATOMIC_RELAXED);
	return yes;
}

/* The answer of class (known, bit) for token t, or -1 when it is not known
 * yet (or t has no word). */
static inline int tl_wc_of(const tl_token *t, uint32_t known, uint32_t bit)
{
	if (!t->word)
		return -1;
	uint32_t v = tl_wc_get(t->word);
	return (v & known) ? (v & bit) != 0 : -1;
}

/* ---- parties (parties.c) ----------------------------------------------- */

/* The role of a usual party name (folded, one or more words). */
tl_role tl_party_catalog(const char *fold);
/* A party mention starting at tok[i]: its length in tokens (0 if none) and
 * its role.  Uses defined terms (tok.term), the catalogue and "we/you".
 * Inline: a token that is no defined term and whose word starts no party
 * name (TL_WC_PARTY) answers 0 at once, unless "we" is the vendor. */
uint32_t tl_party_at_slow(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t i,
                          tl_role *role);
static inline uint32_t tl_party_at(const tl_annotated *a, const tl_token *tok, uint32_t n,
                                   uint32_t i, tl_role *role)
{
	*role = TL_ROLE_NONE;
	if (i >= n || (tok[i].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)))
		return 0;
	const tl_word *w = tok[i].word;
	if (tok[i].term < 0 && w && (tl_wc_get(w) & (TL_WC_PARTY_K | TL_WC_PARTY)) == TL_WC_PARTY_K &&
	    !(a && (a->flags & TL_ANNOT_WE_VENDOR)))
		return 0;
	return tl_party_at_slow(a, tok, n, i, role);
}

/* The role of the party mention that starts at token i (its length in
 * *len), or TL_ROLE_NONE with *len 0. */
static inline tl_role tl_mention_at(const tl_annotated *a, const tl_token *tok, uint32_t n,
                                    uint32_t i, uint32_t *len)
{
	tl_role r;
	*len = tl_party_at(a, tok, n, i, &r);
	return *len ? r : TL_ROLE_NONE;
}

/* 1 when token t is the folded word w; the first byte decides most
 * comparisons without a call. */
static inline int tl_tok_is(const tl_token *t, const char *w)
{
	return t->fold[0] == w[0] && strcmp(t->fold, w) == 0;
}

/* The first and second persons of paragraphs [p0, p1), added to *cnt (needs
 * a->lang and a->para_operative; either thread of the text phases; the
 * struct is above tl_ann_ctx). */
void tl_parties_we_count(tl_ann_ctx *c, size_t p0, size_t p1, tl_we_count *cnt);
/* Decides from the counts of the whole document and the defined terms
 * whether "we/us/our" is the vendor (a vendor's own terms). */
void tl_parties_we_you(tl_ann_ctx *c, const tl_we_count *cnt);

/* ---- text phases (textphase.c) ----------------------------------------- */

/* Tokens (and the document's language), operative paragraphs and units of
 * every paragraph, on a second thread from the middle on when threads >= 2
 * and the document is long enough.  0 or a TL_E* code (err set). */
int tl_annot_text_phases(tl_ann_ctx *c, int threads, tl_error *err);

/* ---- definitions (definitions.c) --------------------------------------- */

/* Finds definitions and party aliases in every sentence, fills terms and
 * flags definition sentences.  0 or TL_ENOMEM. */
int tl_definitions_find(tl_ann_ctx *c);
/* Sets tok.term on every token that starts a defined term. 0 or TL_ENOMEM. */
int tl_definitions_mark(tl_ann_ctx *c);
/* A term found apart from a sentence's own forms (shortname.c), with no name and no
 * definition; 0 or TL_ENOMEM. */
int tl_definitions_add(tl_ann_ctx *c, const char *term, const char *fold, tl_role role, int32_t para,
                       int32_t sent);
/* The short names of the parties' companies (shortname.c), after the other terms. */
int tl_definitions_short(tl_ann_ctx *c);
/* 1 when a name carries a legal form ("RitWijs B.V.", "Brightcode Ltd", "Stichting ICT"). */
int tl_legal_form(const char *name);

/* ---- polarity (polarity.c) --------------------------------------------- */

/* Modality, negation, bound party, passive and exceptions of sentence s.
 * lead/nlead: tokens of a lead-in ("Opdrachtnemer zal:") the unit
 * continues, or NULL.  prev: the previous unit of the same sentence (for
 * the subject of a coordinated part), or NULL.  0 or TL_ENOMEM. */
/* A frame that opens the sentence ("You agree that", "Partijen komen overeen
 * dat", "stemt ermee in dat"): marks the frame subordinate so the complement
 * carries the predicate (frames.c); returns the end of the frame's party
 * mention when it is both parties, else 0. */
uint32_t tl_pol_frame(const tl_annotated *a, const tl_token *tok, uint32_t n, int16_t *sc);
int tl_polarity_sentence(tl_ann_ctx *c, tl_sentence *s, const tl_token *lead, uint32_t nlead,
                         const tl_sentence *prev);
/* Token index where a coordinated unit starts inside tok[0..n) (after
 * "..., but may", "... en mag", a denied conjunct after an affirmed predicate:
 * "... and cannot be opened", "... en slaat geen ... op"), or 0 when the
 * sentence is one unit.  lang: the sentence's language. */
uint32_t tl_polarity_split(const tl_token *tok, uint32_t n, tl_lang lang);

/* 1 when a Dutch token looks like a finite verb ("verwerkt", "levert", "is"). */
/* negscope.c: "niet" inside an adjective phrase ("niet tot personen
 * herleidbare gegevens"); a verb of refusing after a negator ("may not
 * refuse", "niet ... te weigeren"), which makes a double negation */
int tl_neg_nl_adj_phrase(const tl_token *tok, uint32_t n, uint32_t i);
/* "Customer Data not yet retrieved", "data no longer needed": a negated reduced
 * relative clause on the noun before the negator at i (negscope.c). */
int tl_neg_en_reduced(const tl_token *tok, uint32_t n, uint32_t i);
int tl_neg_refusal_at(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t i, tl_lang lang);
/* voice.c: the verb side of a unit for polarity.c */
int tl_pol_nl_verb(const tl_token *t);
/* 1 when "nothing"/"niets"/"none" or "no provision|clause|term"/"geen bepaling" stands in
 * the eight tokens before token i: "Nothing in this Agreement restricts the Customer from
 * ...", "Niets in deze Overeenkomst beperkt Opdrachtgever in ..." */
int tl_pol_nothing_before(const tl_token *tok, uint32_t i);
int tl_pol_participle_en(const char *f);
int tl_pol_has_verb(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t subj,
                    uint32_t subj_len, tl_lang lang);
typedef struct {
	int passive, present;
	uint32_t agent; /* token index of the agent mention, or UINT32_MAX */
	tl_role agent_role;
} tl_pol_voice;
void tl_pol_passive(const tl_annotated *a, const tl_token *tok, uint32_t n, const int16_t *sc,
                    tl_lang lang, uint32_t cue_at, tl_pol_voice *v);

/* ---- negation scope (negscope.c) ---------------------------------------- */

/* Sets TL_TOK_NEG_SCOPE on the main-clause tokens (c->wscope value 0) that a
 * negated main predicate covers: from the first negated conjunct (token
 * neg_conj, UINT32_MAX when unknown) to the end, never the subject. */
void tl_negscope_mark(tl_token *tok, uint32_t n, const int16_t *sc, tl_lang lang,
                      uint32_t neg_conj);
/* A predicate that switches off what its unit names ("Smart Summary and all
 * other AI features are disabled", "De AI-functies zijn uitgeschakeld", "The
 * Supplier shall disable ...", and, negated, "worden niet geactiveerd"):
 * the unit's main-clause tokens but the party mentions get TL_TOK_NEG_SCOPE,
 * as a feature not deployed is not what the contract is about.  Not when the
 * unit holds a condition or a time ("bij het einde van de Overeenkomst").
 * negated: the main predicate is denied.  Returns 1 when it marked. */
/* "without any algorithm or artificial intelligence", "zonder camera's": the noun
 * phrase after without/zonder is denied (TL_TOK_NEG_SCOPE) for the context tags
 * and definitions; not in an exception ("without prior consent") or a manner
 * phrase ("without additional costs", "without undue delay", "without limitation") */
void tl_negscope_without(tl_token *tok, uint32_t n);
int tl_negscope_switched_off(tl_token *tok, uint32_t n, const int16_t *sc, tl_lang lang,
                             int negated);
/* A unit that says the contract's terms do not cover what the unit before it in
 * the paragraph names ("...; deze voorwaarden gelden daarvoor niet", "these terms do
 * not apply to it"): that unit's words but its party mentions get TL_TOK_NEG_SCOPE.
 * Runs once the polarity of every unit is known. */
void tl_negscope_uncovered(tl_annotated *a);

/* ---- statements of fact (facts.c) -------------------------------------- */

/* 1 when the cue-less main predicate that starts at token `from` (right
 * after a party subject) states a fact: the perfect ("has received",
 * "verklaart ... te hebben ontvangen") or a copula with a noun ("is the data
 * controller", "is en blijft eigenaar", "acts as processor"). */
int tl_fact_statement(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t from,
                      tl_lang lang);

/* items.c: 1 when list item s, read alone, keeps its own reading (a modal, or a
 * subject at its start or after a fronted phrase); 0 when it continues its lead-in */
int tl_item_keeps_own(const tl_sentence *s);

/* ---- verbless units (verbless.c) ---------------------------------------- */

/* 1 when unit s (after its polarity) has no modal cue and no verb: it gets
 * TL_SENT_VERBLESS.  Reads only s and its own tokens, so each polarity part
 * asks it right after the unit's polarity (annotate.c). */
int tl_verbless_unit(const tl_sentence *s);
/* Sets TL_SENT_VERBLESS and TL_SENT_NONOPERATIVE on the verbless items of a
 * list of requests.  Runs after polarity (and tl_verbless_unit). */
void tl_verbless_mark(tl_ann_ctx *c);
/* puffery.c: the vendor's self-description ("Security is at the heart of everything
 * we do", "Privacy heeft bij ons de hoogste prioriteit") is not operative */
void tl_puffery_mark(tl_ann_ctx *c);
/* The priority column of a tender's requirements table (priority.c): wish
 * rows get TL_SENT_WISH, question rows are not operative, "Won't" rows are
 * prohibitions on the vendor. */
int tl_priority_mark(tl_ann_ctx *c);
/* 1 when paragraph q, read alone, holds a line of a priority legend ("P1 –
 * mandatory", "G (gunningscriterium): ..."): tl_priority_mark reads only
 * such paragraphs (TL_OP_LEGEND) for the legend in the text. */
int tl_priority_legend_para(const tl_para *q);
/* The rows of a two-column key/value table (kvrows.c): a verbless value is the
 * vendor's commitment (or the labelled party's), a value "No" / "Nee" makes
 * value and label a passive prohibition of what the label names.  After
 * priority and the placeholders' flags. */
void tl_kvrows_mark(tl_ann_ctx *c);

/* ---- scopes and exceptions (scopes.c) ----------------------------------- */

/* Modal auxiliaries (shall, may, zal, mag, ...) and subordinating words
 * (if, that, indien, dat, ...), NULL-terminated. */
extern const char *const tl_modal_aux[];
extern const char *const tl_subordinators[];
/* Marks c->wscope for tok[0..n): 0 main clause, 1 subordinate clause, 2+k
 * exception k; returns the number of exceptions. */
uint32_t tl_scopes_mark(tl_ann_ctx *c, const tl_token *tok, uint32_t n);
/* The kind of the exception on tok[s..e); `bound` is the main subject's role. */
tl_exc_kind tl_exc_classify(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t s,
                            uint32_t e, tl_role bound);

/* ---- quantities (quantities.c) ------------------------------------------ */

/* Durations, money, percentages, counts into s->q (allocated in c->ar);
 * the vague time and efforts flags are added to *flags (for s->flags; the
 * caller sets them, see annotate.c).  Reads only s's own tokens.  0 or
 * TL_ENOMEM. */
int tl_quantities_sentence(tl_ann_ctx *c, tl_sentence *s, uint32_t *flags);

/* ---- operative text and placeholders (operative.c) ---------------------- */

/* Fills a->para_operative from every paragraph's TL_OP_* bits. 0 or TL_ENOMEM. */
int tl_operative_paras(tl_ann_ctx *c);
/* The tests of tl_operative_paras that read paragraph p alone (its text, kind
 * and tokens, and whether p - 1 is in the same table cell), into c->pt[p].op:
 * run by whichever thread made p's tokens, in the text phases' pieces. */
enum {
	TL_OP_GUIDE = 1,    /* a heading, or a cell's first paragraph, with a guidance title */
	TL_OP_INTRO = 2,    /* a heading with an introduction's title */
	TL_OP_INSTR = 4,    /* opens with an instruction ("Let op:", "Toelichting:") */
	TL_OP_DISOWN = 8,   /* says to delete its text (tl_disown_text) */
	TL_OP_QUESTION = 16, /* a question to the tenderer */
	TL_OP_UNTICKED = 32, /* an unticked option of a choice list */
	TL_OP_BLOCK = 64,    /* a cell's paragraph that makes its cell guidance */
	TL_OP_LEGEND = 128   /* a line of a priority legend ("P1 – mandatory", tl_priority_legend_para) */
};
void tl_operative_para(tl_ann_ctx *c, size_t p);
/* A growing list of placeholders, at most TL_ANNOT_MAX_PH. */
#define TL_ANNOT_MAX_PH 100000
typedef struct tl_ph_vec {
	tl_placeholder *v;
	uint32_t n, cap;
} tl_ph_vec;
/* Appends the unfilled placeholders of paragraph para (index p) to out;
 * needs only the paragraph's text (txt folds), so either thread may run it.
 * 0 or TL_ENOMEM. */
int tl_placeholders_para(tl_text *txt, const tl_para *para, size_t p, tl_ph_vec *out);
/* strstr(t, "VERWIJDER DIT") || strstr(t, "DELETE THIS") in one pass over
 * the n = strlen(t) bytes of t (a paragraph that disowns its block). */
int tl_disown_text(const char *t, size_t n);
/* Tests only: 1 makes tl_placeholders_para look at every byte as it did
 * before its quick scan (annot_ph: the same placeholders either way). */
extern int tl_ph_plain;
/* Sets TL_SENT_PLACEHOLDER on the units that hold a->ph[0..a->nph). */
void tl_placeholders_flag(tl_annotated *a);

/* ---- frameworks (frameworks.c) ------------------------------------------ */

/* The framework unit s names ("gibit-2023", ...) or NULL, and *generic when it
 * names general terms without one.  Reads only the unit's folds. */
typedef struct tl_fw_named {
	const char *id;
	const char *dpa;  /* "vng-vwo" when the unit names it besides general terms (id), else NULL */
	int generic;
} tl_fw_named;
void tl_frameworks_named(const tl_sentence *s, tl_fw_named *out);
/* Framework declarations and "in afwijking van artikel N" deviations; uses
 * c->fw_named (per unit of an operative paragraph) when the second thread
 * worked it out, else works it out itself. */
int tl_frameworks_find(tl_ann_ctx *c);

/* ---- clauses switched off by another part (disapply.c) ------------------- */

/* Finds "Section 12 of Part B does not apply", "Section 14 is replaced by",
 * "Notwithstanding section 14 of Part B": fills a->dis and marks the named
 * clauses' sentences TL_SENT_DISAPPLIED | TL_SENT_NONOPERATIVE.  Runs after
 * polarity (it reads the subordinate and exception marks).  In the same pass,
 * every reference to numbered clauses of this document ("breach of clauses 4
 * or 6", "artikel 5", "section 3 of Part B") goes to a->xref.  0 or TL_ENOMEM. */
int tl_disapply_mark(tl_ann_ctx *c);

/* ---- helpers (annotate.c) ----------------------------------------------- */

/* The original text of tokens [i, j) of sentence s, in the arena. */
const char *tl_ann_tok_text(tl_ann_ctx *c, const tl_sentence *s, uint32_t i, uint32_t j);

/* Documents with fewer units are annotated on one thread whatever
 * tl_annotate_ex is asked. */
#define TL_ANNOT_PAR_MIN 64
/* ... and documents of fewer bytes of text are tokenised on one. */
#define TL_ANNOT_PAR_BYTES 16384

#endif
