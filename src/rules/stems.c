/* stems.c: the built-in stem and term tables and report heads (stems.h), when the program links them. */
#include "rules/stems.h"

/* generated/tl_stems.c; a weak reference, so that the library, its unit
 * tests and the table's own generator link without it */
extern const tl_stem_table tl_builtin_stem_table __attribute__((weak));

const tl_stem_table *tl_stems_builtin(void)
{
	return &tl_builtin_stem_table;
}

extern const tl_term_table tl_builtin_term_table __attribute__((weak));

const tl_term_table *tl_terms_builtin(void)
{
	return &tl_builtin_term_table;
}

extern const tl_head_table tl_builtin_head_table __attribute__((weak));

const tl_head_table *tl_heads_builtin(void)
{
	return &tl_builtin_head_table;
}
