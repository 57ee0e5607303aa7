/* rules.h: the rule engine's internal model (src/rules, src/clauses, src/report).
 *
 * ruleset.c reads JSON (with extends/include/overrides) into the structures
 * below and checks them (lint); compile.c turns concepts into stemmed term
 * tables and index.c builds the prefilter index over them; match.c runs the compiled rules over a
 * tl_annotated document; contexts.c sets context tags; frameworks.c applies
 * incorporated frameworks; selftest.c runs the rules' own examples.
 * Everything a tl_ruleset holds lives in its arena or in cJSON trees it owns. */
#ifndef TL_RULES_RULES_H
#define TL_RULES_RULES_H

#include <stdint.h>
#include <stdio.h>

#include "analyze/annot.h"
#include "tenderlint.h"
#include "util/arena.h"

/** ## Diagnostics (lint) */
typedef struct tl_diag {
	int errors, warnings;
	FILE *out;       /* where messages go as "file:line:col: error: message"; NULL = silent */
	tl_error *first; /* the first error, with path/line/col, or NULL */
	int no_warnings; /* count warnings but do not print them */
} tl_diag;

/** ## Words and terms */
typedef enum { TL_W_STEM = 0, TL_W_PREFIX, TL_W_EXACT, TL_W_HEAD } tl_wkind;

/* The longest prefix or compound-head key, in bytes. */
#define TL_MAX_KEY_LEN 255
/* The least number of bytes a word's stem has before a compound head: "*gegevens"
 * matches "persoonsgegevens" and "Salarisgegevens", not "gegevens" itself (which its
 * own term matches). */
#define TL_HEAD_MIN_BEFORE 3

typedef struct tl_rword {
	const char *s;   /* stem (STEM), folded prefix (PREFIX), the word as written (EXACT), or the
	                    stem a compound ends with (HEAD: "*algoritme" -> "algoritm") */
	uint16_t len;
	uint8_t kind;
	uint8_t gap;     /* written after "...": any number of words may come before it (a separable
	                    verb's particle, "draagt ... over"); it must close its phrase */
} tl_rword;

typedef struct tl_rterm {
	tl_rword *w;
	uint16_t nw;
	uint8_t lang;    /* tl_lang */
	uint8_t def_only; /* from a concept's definition_heads: only heads a definition */
	int32_t concept;
	const char *text; /* as written in the ruleset */
} tl_rterm;

#define TL_CONCEPT_VENDOR 0   /* "@vendor" */
#define TL_CONCEPT_CUSTOMER 1 /* "@customer" */
#define TL_CONCEPT_FIRST_USER 2

/* tl_concept.defined_terms: a defined term joins the concept when the concept
 * heads its definition (true), or when the definition names it anywhere after
 * the term, outside a negation ("anywhere") */
#define TL_DEFTERMS_HEADED 1
#define TL_DEFTERMS_ANYWHERE 2

typedef struct tl_concept {
	const char *name;
	int defined_terms; /* 0, TL_DEFTERMS_HEADED (true), TL_DEFTERMS_ANYWHERE ("anywhere") */
	int not_party;   /* its terms do not match the document's own party names or defined terms */
	int by_reference; /* its terms count only in the heading of a clause a sentence names by
	                     number ("breach of clause 4" with "4. Data"), at the reference */
	int32_t *anc;    /* this concept and every concept that includes it, transitively */
	uint32_t nanc;
	int32_t *inc;    /* concepts it includes directly */
	uint32_t ninc;
	uint32_t nterms[3]; /* own terms per tl_lang (index 1 nl, 2 en) */
} tl_concept;

/** ## Contexts */
typedef struct tl_context_def {
	const char *tag;
	int32_t *any;
	uint32_t nany;
	int min_mentions;
	const char *title[3]; /* per tl_lang; may be NULL */
	int32_t *none;        /* concepts that, in the same sentence, keep a mention from counting */
	uint32_t nnone;
} tl_context_def;

/** ## Patterns and rules */
typedef enum { TL_LIST_NONE = 0, TL_LIST_MET = 1, TL_LIST_PARTIAL = 2, TL_LIST_VIOLATED = 3 } tl_list;

typedef enum {
	TL_PARTY_ANY = 0,
	TL_PARTY_VENDOR,
	TL_PARTY_CUSTOMER,
	TL_PARTY_VENDOR_OR_PASSIVE,
	TL_PARTY_THIRD,
	TL_PARTY_NOT_CUSTOMER /* anyone but the customer side alone */
} tl_party_cond;

#define TL_EXCBIT(k) (1u << (k)) /* tl_exc_kind; TL_EXC_NONE = "none" */

typedef struct tl_qcond {
	int kind;        /* 0 = no condition, -1 = "none" (no duration stated), else tl_qkind */
	int has_min, has_max;
	double min, max; /* hours for durations */
	int has_over, has_under; /* exclusive bounds: more than `over`, less than `under` */
	double over, under;
} tl_qcond;

typedef struct tl_pattern {
	int32_t *all, *any, *none;
	uint32_t nall, nany, nnone;
	uint8_t party;    /* tl_party_cond */
	uint8_t modmask;  /* bit per tl_modality; 0 = any */
	uint8_t excmask;  /* TL_EXCBIT per kind; 0 = any */
	int8_t vague, efforts; /* -1 = no condition, 0 = must be absent, 1 = must be present */
	int8_t negated;   /* the same for TL_SENT_NEGATED (the main predicate is negated) */
	int32_t near;     /* 0 = whole scope */
	uint8_t clause_scope; /* TL_SCOPE_* */
	int32_t *doc_has; /* concepts that must occur somewhere in the document */
	uint32_t ndoc_has;
	int32_t *doc_lacks; /* concepts that must occur nowhere in the document */
	uint32_t ndoc_lacks;
	uint8_t downgrades;
	uint8_t list;     /* tl_list */
	int32_t rule;
	int32_t index;    /* position in its list */
	uint32_t gidx;    /* position among all patterns of the ruleset */
	tl_qcond q;
	const char *why[3];
} tl_pattern;

#define TL_SCOPE_SENTENCE 0
#define TL_SCOPE_CLAUSE 1  /* the innermost clause (list items with their lead-in) */
#define TL_SCOPE_ARTICLE 2 /* the top-level clause: the article */

typedef enum {
	TL_RSEV_INFO = 0, TL_RSEV_LOW, TL_RSEV_MEDIUM, TL_RSEV_HIGH, TL_RSEV_CRITICAL
} tl_rsev;

typedef struct tl_rule {
	const char *id;
	const char *area;
	const char *file;      /* the ruleset file that defines it (for messages) */
	tl_rsev severity;
	int applies_always;
	int32_t *app_any, *app_all, *app_mentions; /* context indexes; concept indexes for mentions */
	uint32_t napp_any, napp_all, napp_mentions;
	tl_pattern *pat;       /* met, then partial, then violated */
	uint32_t npat;
	int32_t *also;         /* rule indexes of also_met_by */
	uint32_t nalso;
	const char *clause;    /* clause library id */
	const char *reason_missing[3];
	const cJSON *json;     /* the merged rule object (title, description, references, examples) */
} tl_rule;

/** ## Frameworks (incorporated terms) */
typedef enum { TL_COV_FULL = 0, TL_COV_PARTIAL, TL_COV_AGAINST } tl_coverage;

typedef struct tl_fw_entry {
	int32_t rule;          /* rule index */
	const char **articles;
	uint32_t narticles;
	tl_coverage coverage;
	const char *confidence, *source;
	const char *note[3];
	int32_t *partial_ctx;  /* "partial_in_contexts": full coverage drops to partial when the
	                          document carries one of these context tags */
	uint32_t npartial_ctx;
} tl_fw_entry;

typedef struct tl_fwmap {
	const char *id, *title, *source, *file;
	tl_fw_entry *e;
	uint32_t ne;
	/* "identify": how a document that IS this framework's text (an annex of
	 * the batch) titles itself; normalised phrases (identify.c) */
	const char **titles, **unless;
	uint32_t ntitles, nunless;
} tl_fwmap;

/** ## Clause library */
typedef struct tl_clause_tpl {
	const char *id;
	const char *title[3];
	const char *text[3];
	int32_t *topics;       /* concept indexes */
	uint32_t ntopics;
	int layer;             /* loader bookkeeping */
} tl_clause_tpl;

/** ## The ruleset */
typedef struct tl_index tl_index; /* index_int.h: index.c builds it, index_scan.c scans with it */

struct tl_ruleset {
	tl_arena arena;
	const char *id, *version, *path;
	int builtin;            /* the built-in ruleset (tl_rules_load with path NULL) */
	int check_only;         /* loaded for checking only: the built-in rules have no "examples" */
	int snapshot;           /* mapped from the build-time image (snapshot.h): never freed */
	cJSON *title;           /* {"nl","en"} or NULL (owned) */
	cJSON *trees;           /* array of the files cJSON parsed, kept alive for rule metadata */
	tl_arena json;          /* the trees tl_json_parse built (util/json.h), read-only */
	tl_concept *concepts;
	uint32_t nconcepts;
	tl_context_def *contexts;
	uint32_t ncontexts;
	tl_rule *rules;
	uint32_t nrules;
	tl_fwmap *fw;
	uint32_t nfw;
	tl_clause_tpl *clauses;
	uint32_t nclauses;
	int32_t data_concept, personal_concept, agreement_concept; /* clause_terms, or -1 */
	tl_rterm *terms;        /* every compiled term */
	uint32_t nterms;
	tl_index *index;        /* prefilter */
	uint32_t npatterns;
	tl_pattern **trig_all;  /* patterns with no all/any concept: tried everywhere */
	uint32_t ntrig_all;
};

/* Loads a ruleset and reports problems to diag (which may be NULL).  path NULL
 * = the built-in default ruleset.  With diag->out set, every problem is
 * printed; the return is TL_ERULESET when there was any error. */
int tl_rules_load(tl_ruleset **out, const char *path, tl_diag *diag, tl_error *err);

int tl_rules_find(const tl_ruleset *rs, const char *id); /* rule index or -1 */
int tl_rules_concept(const tl_ruleset *rs, const char *name); /* concept index or -1 */
int tl_rules_context(const tl_ruleset *rs, const char *tag);  /* context index or -1 */
const tl_clause_tpl *tl_rules_clause(const tl_ruleset *rs, const char *id);
const char *tl_rules_severity_name(tl_rsev s);
int tl_rules_severity_parse(const char *s); /* -1 when unknown */
const char *tl_list_name(int list);   /* "met", "partial", "violated", "none" */
/* Picks rule text in a language from a {"nl","en"} object; falls back to the other. */
const char *tl_rules_text(const cJSON *obj, tl_lang lang);

/* compile.c: one term -> words (NULL, or a message saying what is wrong with
 * it); index.c: the prefilter over all terms and patterns (called by the loader).
 * out->text is `text` itself, which must live as long as the ruleset. */
struct tl_text;
/* Remembers the compiled words of each chunk of a term for one load (the
 * word strings stay in the ruleset's arena; the chunks are the terms' own
 * text).  Sized for about nterms terms.  NULL: compile every chunk. */
typedef struct tl_term_cache tl_term_cache;
tl_term_cache *tl_term_cache_new(uint32_t nterms);
void tl_term_cache_free(tl_term_cache *c);
const char *tl_compile_term(tl_ruleset *rs, struct tl_text *tx, tl_term_cache *cache, tl_lang lang,
                            const char *text, int32_t concept, tl_rterm *out);
/* The same without the built-in term table (stems.h): what the table caches. */
const char *tl_compile_term_uncached(tl_ruleset *rs, struct tl_text *tx, tl_term_cache *cache,
                                     tl_lang lang, const char *text, int32_t concept, tl_rterm *out);
int tl_index_build(tl_ruleset *rs);
void tl_index_free(tl_index *ix);
/* Finds every concept occurrence in a sentence: calls fn(ud, term, tok_start, tok_end). */
void tl_index_scan(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                   void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud);
/* The same with a memo of the lookups per distinct word (one memo per
 * thread; NULL: none).  The calls are the same, in the same order. */
typedef struct tl_index_memo tl_index_memo;
tl_index_memo *tl_index_memo_new(void);
void tl_index_memo_free(tl_index_memo *m);
void tl_index_scan_memo(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                        tl_index_memo *memo, void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t),
                        void *ud);
/* The same without the index: every term tried at every token (tests). */
void tl_index_scan_brute(const tl_ruleset *rs, const tl_annotated *a, const tl_sentence *s,
                         void (*fn)(void *, const tl_rterm *, uint32_t, uint32_t), void *ud);
/* The language a sentence's terms are matched in. */
tl_lang tl_index_lang(const tl_annotated *a, const tl_sentence *s);
/* Patterns triggered by a concept (NULL-terminated list, or NULL). */
tl_pattern *const *tl_index_trigger(const tl_ruleset *rs, int32_t concept);

/** ## Matching one document */
typedef struct tl_occ {
	int32_t concept;
	uint32_t tok_start, tok_end;
	int32_t term;          /* defined term the occurrence came through, or -1 */
} tl_occ;

typedef struct tl_evidence {
	int32_t sent;
	uint8_t list;
	int32_t pattern;       /* index into the rule's pat */
	int32_t term;          /* definition relied on, or -1 */
	uint8_t wish;          /* a met pattern on a wish row of a tender's requirements table
	                          (TL_SENT_WISH), counted as partial */
} tl_evidence;

#define TL_EVIDENCE_MAX 8  /* per list and rule */

typedef struct tl_rule_result {
	int status;            /* tl_rstatus */
	int basis_reference;
	uint32_t count[4];     /* sentences per list */
	int downgraded;
	tl_evidence ev[4][TL_EVIDENCE_MAX];
	uint32_t nev[4];
	int32_t fw, fw_entry;  /* framework applied, or -1 */
	int32_t fw_decl;       /* declaration index in the annotation, or -1 */
	int32_t fw_deviation;  /* 1 when the document deviates from a mapped article */
	uint32_t fw_devmask;   /* which of the entry's articles (bit per index) it deviates from */
	int32_t fw_over_partial; /* 1 when a text partial became met by reference (full coverage) */
	int32_t also_by;       /* rule index that met it through also_met_by, or -1 */
	int32_t fw_ctx;        /* the context tag that made a full mapping partial, or -1 */
	int32_t missing_ctx;   /* for not_applicable */
} tl_rule_result;

typedef enum {
	TL_RS_MET = 0, TL_RS_PARTIAL, TL_RS_VIOLATED, TL_RS_MISSING, TL_RS_NA
} tl_rstatus;
const char *tl_rules_status_name(int st);

typedef struct tl_ctx_state {
	int set, forced;       /* forced: +1 on, -1 off */
	int32_t ev[3];         /* sentences */
	uint32_t nev, mentions;
} tl_ctx_state;

typedef struct tl_match {
	const tl_ruleset *rs;
	const tl_annotated *a;
	tl_occ *occ;
	uint32_t *occ_start;   /* per sentence: first occurrence; occ_start[nsent] = nocc */
	uint32_t nocc, aocc;
	int32_t **term_concepts; /* per defined term: concepts it joined (-1 terminated) or NULL */
	tl_ctx_state *ctx;
	tl_rule_result *res;
	uint8_t *doc_concepts; /* per concept: occurs in the document's operative text or definitions */
	/* worked out beside the occurrence scan (match.c) for tl_match_patterns, which
	 * takes them over; with side_done 0 it works them out itself */
	int32_t *scope_keys;   /* tl_match_scope_keys */
	int32_t *key_of;       /* tl_match_key_cells (NULL: no key/value row) */
	int side_done;
	/* for the suggested clauses (tl_clause_terms_find): the first defined term an
	 * occurrence of rs->data_concept, personal_concept, agreement_concept is reached
	 * through, or -1; found during the occurrence scan (clause_terms_done) */
	int32_t clause_terms[3];
	int clause_terms_done;
} tl_match;

/* Defined terms a definition that joined a defined_terms concept lists as its
 * members ("Municipal Data": Subscriber Data, Delivery Records, ...) join its
 * concepts too (defmembers.c); 0, or -1 when out of memory. */
int tl_match_join_members(tl_match *m);

/* Runs every rule; `force` as in tl_check_options.force_contexts ("tag" on,
 * "!tag" off).  only_rule >= 0 evaluates that rule alone (self-tests). */
int tl_match_run(tl_match **out, const tl_ruleset *rs, const tl_annotated *a,
                 const char *const *force, int force_all, int only_rule, tl_error *err);
/* The same with up to `threads` threads (0 or 1: the calling thread only);
 * the result does not depend on the number. */
int tl_match_run_ex(tl_match **out, const tl_ruleset *rs, const tl_annotated *a,
                    const char *const *force, int force_all, int only_rule, int threads,
                    tl_error *err);
void tl_match_free(tl_match *m);
/* 1 when the sentence takes part in rule matching (operative, not a heading). */
int tl_match_sentence_counts(const tl_annotated *a, uint32_t s);
/* Documents with fewer sentences are matched on one thread. */
#define TL_MATCH_PAR_MIN 64
/* carry.c: the token of the object pronoun in sentence i that takes the data
 * of the unit before it, or -1: i continues the sentence before ("..., and
 * shall not disclose it") or opens with a subject pronoun continuing its party
 * ("Hij verkoopt ze niet") where the unit before, whose own (not carried)
 * occurrences are occ[from, to), names one kind of data. */
int32_t tl_match_carry_at(const tl_match *m, uint32_t i, const tl_occ *occ, uint32_t from, uint32_t to);
/* 1 when occurrence x shares a token with a defined_terms occurrence of
 * occ[from, to): a word of the data the pronoun refers to. */
int tl_match_on_data_words(const tl_ruleset *rs, const tl_occ *occ, uint32_t from, uint32_t to,
                           const tl_occ *x);
/* patterns.c: the patterns of the rules that apply (applicable[rule]) over the
 * sentences that count (counts[sentence]), or only rule only_rule (>= 0), on
 * `threads` threads; evidence goes to m->res.  0, or -1 when out of memory. */
int tl_match_patterns(tl_match *m, const uint8_t *applicable, const uint8_t *counts, int only_rule,
                      int threads);
/* The sentence where tl_match_patterns cuts m's document in two for two
 * threads (the first of the second part: it starts a new article and clause
 * scope), or 0 when no sentence can (for tests). */
uint32_t tl_match_patterns_cut(const tl_match *m);
/* Each sentence's clause scope key, then (from nsent + 1 on) its article scope
 * key, as tl_match_patterns reads them; malloc'd, NULL when out of memory. */
int32_t *tl_match_scope_keys(const tl_annotated *a);

/* keycells.c: per sentence, the sentence of its row's key cell when it is in
 * the value cell of a two-column key/value table ("| Auto-Redact | Available,
 * off by default |"), else -1; NULL when no sentence has one (or out of
 * memory).  malloc'd. */
int32_t *tl_match_key_cells(const tl_annotated *a);

/* The first condition of pattern p that sentence s fails, in words, appended to out
 * (a tl_buf *; for self-test messages). */
struct tl_buf;
void tl_match_why_not(const tl_match *m, uint32_t s, const tl_pattern *p, struct tl_buf *out);

/* conditions.c: one pattern's conditions on sentence s (the concepts aside). */
int tl_cond_party_ok(const tl_pattern *p, const tl_sentence *s);
int tl_cond_exc_ok(const tl_pattern *p, const tl_sentence *s);
int tl_cond_q_ok(const tl_pattern *p, const tl_sentence *s);
int tl_cond_sentence_ok(const tl_pattern *p, const tl_sentence *s);
int tl_cond_near_ok(const tl_match *m, uint32_t s, const tl_pattern *p);
int tl_cond_sentence_has(const tl_match *m, uint32_t s, int32_t c);
/* The defined term a match of p on sentence s relied on, or -1. */
int32_t tl_cond_def_term(const tl_match *m, uint32_t s, const tl_pattern *p);
/* The key of the scope (TL_SCOPE_CLAUSE or TL_SCOPE_ARTICLE) holding sentence s:
 * equal keys are one scope. */
int32_t tl_match_scope_key(const tl_annotated *a, const tl_sentence *s, int mode);

/* contexts.c */
void tl_contexts_eval(tl_match *m, const char *const *force, int force_all);
/* frameworks.c: applies declared frameworks to the results (loading is in load.h). */
void tl_frameworks_apply(tl_match *m);
/* identify.c: the index of the mapped framework whose own text this document
 * is (an annex such as the VNG processing agreement), or -1; *para the
 * paragraph that titles it (-1: the document's title property). */
int tl_frameworks_identify(const tl_ruleset *rs, const tl_annotated *a, int32_t *para);

/* selftest.c: runs the examples; prints failures and "N passed, M failed". */
typedef struct tl_selftest_stats {
	int passed, failed;
} tl_selftest_stats;
/* The preamble that defines the parties for an example in lang. */
const char *tl_selftest_preamble(tl_lang lang);
int tl_rules_selftest(const tl_ruleset *rs, const char *only_rule, tl_lang only_lang, FILE *out,
                      tl_selftest_stats *stats, tl_error *err);

#endif
