/* clauses.h: the clause library at check time (internal): suggested clauses
 * filled with the contract's own defined terms, and where to insert them.
 * The library itself is loaded with the ruleset (rules/build_clauses.c). */
#ifndef TL_CLAUSES_CLAUSES_H
#define TL_CLAUSES_CLAUSES_H

#include "rules/rules.h"
#include "util/buf.h"

/* The words a clause's placeholders become for this document. */
typedef struct tl_clause_terms {
	const char *vendor, *customer, *data, *agreement, *personal_data; /* malloc'd */
	int32_t vendor_term, customer_term, data_term, agreement_term, personal_term; /* or -1 */
} tl_clause_terms;

/* Picks the document's own terms ("Leverancier", "the Supplier", "de Klantdata"),
 * else the defaults of docs/clause-format.md.  0 or TL_ENOMEM. */
int tl_clause_terms_find(tl_clause_terms *out, const tl_match *m, tl_lang lang);
void tl_clause_terms_free(tl_clause_terms *t);
/* "de Klantdata" / "the Telemetry" (malloc'd; NULL on failure). */
char *tl_clause_with_article(const char *term, tl_lang lang);

/* Appends the clause text in `lang` with its placeholders filled.  0, TL_ENOMEM or
 * TL_EINVAL (no text in that language). */
int tl_clause_fill(tl_buf *out, const tl_clause_tpl *c, const tl_clause_terms *t, tl_lang lang);

/* Where to insert a suggested clause. */
typedef struct tl_insert {
	int32_t after_clause;  /* clause index, or -1 (end of the document) */
	int32_t after_para;    /* paragraph index */
	int kind;              /* 0 end of document, 1 after a cited clause, 2 in the topic's article */
	int violated;          /* the cited clause conflicts (kind 1) */
} tl_insert;

/* After the clause cited by a partial/violated finding; else at the end of
 * the first clause whose title holds one of the clause's topics; else at
 * the end of the document. */
void tl_clause_insert(tl_insert *out, const tl_match *m, int rule, const tl_clause_tpl *c);
/* "after clause 9.3, which partly covers this" in lang. */
void tl_clause_insert_hint(tl_buf *out, const tl_match *m, const tl_insert *ins, tl_lang lang);
/* "clause 9.3" / "artikel 9.3", or "paragraph 12" when no clause holds it. */
void tl_clause_ref(tl_buf *out, const tl_annotated *a, int32_t clause, int32_t para, tl_lang lang);

#endif
