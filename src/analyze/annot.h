/* annot.h: the annotated document (internal): the contract between the text
 * and annotation layers (src/text, src/analyze) and the rule matcher
 * (src/rules).
 *
 * tl_annotate builds it from a tl_document: sentences with tokens (folded
 * form, stem), language, and per sentence the bound party's role, modality
 * after negation, exceptions, quantities; plus the document's parties,
 * definitions, placeholders, frameworks and context evidence.  Everything
 * lives in the annotation's own arena; the tl_document must outlive it. */
#ifndef TL_ANALYZE_ANNOT_H
#define TL_ANALYZE_ANNOT_H

#include <stdint.h>
#include <stdio.h>

#include "tenderlint.h"
#include "util/arena.h"

typedef enum { TL_LANG_UNKNOWN = 0, TL_LANG_NL, TL_LANG_EN } tl_lang;

typedef enum {
	TL_ROLE_NONE = 0,     /* not a party / unknown */
	TL_ROLE_VENDOR = 1,   /* Opdrachtnemer, Leverancier, Supplier, Processor, its subcontractors */
	TL_ROLE_CUSTOMER = 2, /* Opdrachtgever, Gemeente, Customer, Controller */
	TL_ROLE_BOTH = 3,     /* "Partijen", "the Parties", "each party" */
	TL_ROLE_THIRD = 4     /* third parties, authorities, data subjects */
} tl_role;

typedef enum {
	TL_MOD_STATEMENT = 0,
	TL_MOD_OBLIGATION,
	TL_MOD_PERMISSION,
	TL_MOD_PROHIBITION
} tl_modality;

typedef enum {
	TL_EXC_NONE = 0,
	TL_EXC_CUSTOMER, /* needs the customer's consent, instruction or request: harmless */
	TL_EXC_VENDOR,   /* at the vendor's discretion: a loophole */
	TL_EXC_LAW,      /* required by law, court order */
	TL_EXC_OTHER
} tl_exc_kind;

/* tl_token.flags */
#define TL_TOK_NEGATOR 0x01u   /* niet, geen, nooit, not, no, never, nothing, nor */
#define TL_TOK_MODAL 0x02u     /* part of the predicate that set the modality */
#define TL_TOK_IN_EXC 0x04u    /* inside an exception's scope */
#define TL_TOK_NUMBER 0x08u
#define TL_TOK_PUNCT 0x10u
#define TL_TOK_CAPITAL 0x20u   /* starts with a capital in the original (defined terms) */
#define TL_TOK_NEG_SCOPE 0x40u /* inside the scope of a negation or prohibition: a mention here is
                                  negated ("past geen biometrische technieken toe") */
#define TL_TOK_PARTY 0x80u     /* part of a party mention (tl_annot_token_role gives the role) */
#define TL_TOK_SUBORD 0x100u   /* inside a subordinate clause (if, that, indien, die, ...) */
#define TL_TOK_SUBJECT 0x200u  /* the mention that set tl_sentence.bound */

struct tl_word; /* text/text.h */

typedef struct tl_token {
	uint32_t start, end;   /* byte offsets into the paragraph's text */
	const char *fold;      /* case- and diacritic-folded form, NUL-terminated */
	const char *stem;      /* Snowball stem of fold in the sentence's language */
	int32_t term;          /* index into tl_annotated.terms when the token starts a defined term, else -1 */
	uint32_t flags;
	struct tl_word *word;  /* the interned word of fold (same arena), or NULL */
} tl_token;

typedef enum { TL_Q_DURATION = 1, TL_Q_MONEY, TL_Q_PERCENT, TL_Q_COUNT } tl_qkind;

typedef struct tl_quantity {
	tl_qkind kind;
	double value;          /* hours for durations (day = week/7 = 24 h, working day = 24 h,
	                          month = 720 h, year = 8760 h); the amount for money; 0..100 for percent */
	const char *currency;  /* "EUR", "USD", or NULL */
	uint32_t tok_start, tok_end; /* token range in the sentence */
} tl_quantity;

typedef struct tl_exception {
	tl_exc_kind kind;
	uint32_t tok_start, tok_end; /* token range of the exception clause */
} tl_exception;

/* tl_sentence.flags */
#define TL_SENT_NONOPERATIVE 0x01u /* guidance, explanation, TOC, instructions: not an obligation */
#define TL_SENT_DEFINITION 0x02u   /* defines a term */
#define TL_SENT_HEADING 0x04u
#define TL_SENT_PASSIVE 0x08u
#define TL_SENT_NEGATED 0x10u      /* the main predicate is negated (before resolving modality) */
#define TL_SENT_VAGUE_TIME 0x20u   /* "zo spoedig mogelijk", "without undue delay", ... */
#define TL_SENT_EFFORTS 0x40u      /* "reasonable efforts", "inspanningsverplichting", "commercially reasonable" */
#define TL_SENT_PLACEHOLDER 0x80u  /* contains an unfilled placeholder */
#define TL_SENT_VERBLESS 0x100u    /* no verb and no modal in its main clause (a title, an item
                                      of a list of requests: "H.6 All inbound IP licenses, ...");
                                      always a statement; not operative in a list of requests */
#define TL_SENT_WISH 0x200u        /* a row of a tender's requirements table marked as a wish
                                      ("Should", "Could", "W"/wens): binds only if offered */
#define TL_SENT_DISAPPLIED 0x400u  /* in a clause another part declares inapplicable or replaced
                                      ("Section 12 of Part B does not apply"); also NONOPERATIVE */

/* A sentence, or one coordinated part of it when the parts carry their own
 * predicate ("X shall not sell the Data, but may use it for analytics" gives
 * two units with different modality; quote_start/quote_end cover the whole
 * sentence for quoting). */
typedef struct tl_sentence {
	int32_t para;          /* paragraph index in the document */
	int32_t clause;        /* innermost clause, -1 */
	uint32_t start, end;   /* byte range of this unit in the paragraph text */
	uint32_t quote_start, quote_end; /* the whole sentence, for quoting */
	tl_lang lang;
	uint32_t pclass;       /* the polarity word classes (analyze/polclass.h) of its tokens and
	                          its lead-in's, or'ed; all bits until polarity has run: a pass after
	                          it skips a unit none of whose words it could act on */
	tl_token *tok;
	uint32_t ntok;
	tl_modality modality;  /* after negation is resolved */
	tl_role bound;         /* role of the party the predicate binds (subject, or passive agent) */
	uint32_t flags;        /* TL_SENT_* */
	tl_exception *exc;
	uint32_t nexc;
	uint32_t colon;        /* 1 + the index of its first ':' token from the third on, or 0
	                          (text phase 1, for the lead-ins of lists: annotate.c S_lead_of) */
	tl_quantity *q;
	uint32_t nq;
	/* added by the annotation layer */
	int32_t subject;       /* token index of the bound party's mention, or -1 */
	uint32_t unit;         /* 0 for the first unit of a sentence, 1, 2 ... for coordinated parts */
	uint32_t lead_para;    /* list items: paragraph of the lead-in ("Opdrachtnemer zal:") that
	                          gave subject and modality, else the sentence's own paragraph */
} tl_sentence;

typedef struct tl_term {
	const char *term;      /* as written: "Opdrachtnemer", "Customer Data", "Telemetry" */
	const char *fold;      /* folded form, words separated by single spaces */
	tl_role role;          /* for parties; TL_ROLE_NONE for other terms */
	const char *name;      /* the party's name when given ("Acme B.V."), or NULL */
	const char *definition;/* definition text, or NULL */
	int32_t para;          /* where it is defined */
	int32_t def_sentence;  /* sentence index of the definition, or -1 */
	uint32_t nwords;       /* words in fold once the terms are marked on the tokens, else 0 */
	uint32_t flags;        /* TL_TERM_* */
} tl_term;

/* tl_term.flags */
#define TL_TERM_SHORT 0x1u /* a company's short name ("Lumen" for "Lumen Public Displays B.V."):
                              a mention only as a bare capitalised word, not in "the Lumen CMS" */

typedef struct tl_placeholder {
	int32_t para;
	uint32_t start, end;
} tl_placeholder;

/* A declared framework: general terms the contract says apply. */
typedef struct tl_framework {
	const char *id;        /* "gibit-2023", "gibit-2020", "gibit" (version unknown), "arbit-2018",
	                          "arbit-2022", "arbit", "vng-vwo" (VNG Standaard Verwerkersovereenkomst) */
	int32_t para;          /* paragraph of the declaration */
	int32_t sentence;      /* sentence index of the declaration */
	const char **deviations; /* article numbers the contract deviates from ("13.2", "18") */
	uint32_t ndev;
} tl_framework;

/* A clause of the document that another part of it switches off ("Section 12 of
 * Part B (Limitation of Liability) does not apply", "Section 14 is replaced by ..."). */
typedef struct tl_disapplied {
	int32_t clause;        /* index into tl_document_clauses() */
	int32_t sentence;      /* the declaring sentence */
} tl_disapplied;

/* A sentence that names a clause of this document by number ("a breach of
 * clauses 4 or 6", "artikel 5"): rules may read the clause's heading through it
 * (a concept's "by_reference", docs/ruleset-format.md). */
typedef struct tl_xref {
	uint32_t sentence;           /* the referring sentence */
	uint32_t tok_start, tok_end; /* the reference's tokens in it ("clauses 4 or 6") */
	int32_t clause;              /* index into tl_document_clauses() */
} tl_xref;

typedef struct tl_annotated {
	tl_arena arena;
	tl_arena arena2;           /* what a second thread allocated (tl_annotate_ex) */
	const tl_document *doc;
	tl_lang lang;              /* the document's main language */
	tl_sentence *sent;
	uint32_t nsent;
	tl_term *terms;            /* parties and defined terms */
	uint32_t nterms;
	tl_placeholder *ph;
	uint32_t nph;
	uint8_t *para_operative;   /* per paragraph: 1 operative, 0 guidance/TOC/comment/header */
	uint8_t *para_intro;       /* per paragraph: 1 in an introduction ("1. Inleiding") and not
	                              operative: it binds nobody, but says what the contract is
	                              about, so the context tags read it (rules/contexts.c) */
	/* added by the annotation layer */
	uint32_t *para_sent;       /* per paragraph: index of its first sentence (npara + 1 entries,
	                              so paragraph p has sentences para_sent[p] .. para_sent[p+1]-1) */
	size_t npara;
	tl_framework *fw;          /* declared frameworks, in document order */
	uint32_t nfw;
	uint32_t flags;            /* TL_ANNOT_* */
	tl_disapplied *dis;        /* clauses switched off by another part (disapply.c), in order of
	                              their declarations; their sentences are TL_SENT_DISAPPLIED */
	uint32_t ndis;
	tl_xref *xref;             /* references to numbered clauses of this document (disapply.c),
	                              by sentence */
	uint32_t nxref;
	/* internal, freed with the annotation: the malloc'd sentence array, and the token
	 * pools of the text phases (anonymous mappings, tokmap_len[k] bytes, or NULL) */
	tl_sentence *sent_owned;
	void *tokmap[2];
	size_t tokmap_len[2];
} tl_annotated;

#define TL_ANNOT_WE_VENDOR 0x1u   /* "we/us/our" is the vendor and "you" the customer */
#define TL_ANNOT_BUILDING 0x80000000u /* internal: tl_annotate is running; only then do lookups
                                         write their answers into the words (tl_word), so a
                                         finished annotation is read-only and can be shared */

/* Builds the annotation.  0 or a TL_E* code with err set. */
int tl_annotate(tl_annotated **out, const tl_document *doc, tl_error *err);
/* The same with up to `threads` threads (0 or 1: the calling thread only).
 * The result is the same whatever the number; a thread that cannot be
 * started leaves its work to the calling thread. */
int tl_annotate_ex(tl_annotated **out, const tl_document *doc, int threads, tl_error *err);
void tl_annotated_free(tl_annotated *a);

/* The role of a party word or defined term as this document uses it
 * ("Opdrachtnemer" -> vendor), from definitions first, then from the
 * catalogue of usual names; TL_ROLE_NONE when unknown.  `fold` is folded. */
tl_role tl_annot_role_of(const tl_annotated *a, const char *fold);

/* The role of the party mention that covers token i of sentence s, or
 * TL_ROLE_NONE when token i is not part of one. */
tl_role tl_annot_token_role(const tl_annotated *a, const tl_sentence *s, uint32_t i);

/* 1 when a company name carries a legal form ("B.V.", "Ltd", "ApS", "GmbH", ...). */
int tl_legal_form(const char *name);

/* Names for messages and tests: "obligation", "vendor", "customer", "nl" ... */
const char *tl_modality_name(tl_modality m);
const char *tl_role_name(tl_role r);
const char *tl_exc_kind_name(tl_exc_kind k);
const char *tl_lang_name(tl_lang l);

/* A readable listing (terms, frameworks, placeholders, each sentence with
 * its annotation and token marks: @subject !negator ^modal ~negated-scope
 * {exception (subordinate #term), for debugging and tests. */
void tl_annot_dump(const tl_annotated *a, FILE *out);
void tl_annot_dump_sentence(const tl_annotated *a, uint32_t k, FILE *out);

#endif
