/* defs_int.h: what definitions.c (definitions, defined terms) and aliases.c
 * (party aliases, "we" means X, the two-party guess) share. */
#ifndef TL_DEFS_INT_H
#define TL_DEFS_INT_H
#include <string.h>

#include "analyze/annot_int.h"
#include "analyze/polclass.h"

static inline int tl_defs_is_quote(const tl_token *t)
{
	return (t->flags & TL_TOK_PUNCT) && (strcmp(t->fold, "\"") == 0 || strcmp(t->fold, "'") == 0);
}

static inline int tl_defs_det(const tl_token *t)
{
	static const char *const det[] = {"de", "het", "een", "the", "a", "an", NULL};
	return tl_tok_in(t, det);
}

/* "The Network includes no facial recognition", "Het Systeem omvat geen ...":
 * a negated "includes" states what the thing lacks; it defines nothing. */
static inline int tl_defs_negated_at(const tl_token *tok, uint32_t n, uint32_t k)
{
	return k < n && (tl_polclass(&tok[k]) & TL_PC_NEG);
}

/* Role of a name by the party words in it ("the supplier", "de Gemeente"). */
static inline tl_role tl_defs_role_in(const tl_token *tok, uint32_t i, uint32_t j)
{
	for (uint32_t k = i; k < j; k++) {
		tl_role r = tl_party_catalog(tok[k].fold);
		if (r == TL_ROLE_VENDOR || r == TL_ROLE_CUSTOMER)
			return r;
	}
	return TL_ROLE_NONE;
}

/* A term (or more of an existing one: role, definition, name); 0 or TL_ENOMEM. */
int tl_defs_add_term(tl_ann_ctx *c, const char *term, const char *fold, tl_role role, const char *name,
                     const char *def, int32_t para, int32_t sent);
/* Folded form of tokens [i, j): folds joined by single spaces (arena), or NULL. */
const char *tl_defs_fold_of(tl_ann_ctx *c, const tl_token *tok, uint32_t i, uint32_t j);
/* Tokens of a typed label that opens a sentence ("a)", "1.2", "S3.1"); 0 when none. */
uint32_t tl_defs_label_len(const tl_token *tok, uint32_t n);

/* aliases.c: the party aliases of sentence si ("(hierna: \"Opdrachtnemer\")"),
 * '"we" means Meridian' inside it, and after all sentences the other party of a
 * two-party preamble.  0 or TL_ENOMEM. */
int tl_defs_aliases(tl_ann_ctx *c, tl_sentence *s, uint32_t si);
int tl_defs_we_means(tl_ann_ctx *c, tl_sentence *s, uint32_t si);
int tl_defs_other_party(tl_ann_ctx *c);
#endif
