/* keycells.c: the key cell of a key/value table row.
 *
 * An order form or a summary often sets its terms out in a table of two
 * columns, a short label and its value: "| Auto-Redact | Available, off by
 * default |", "| API access | Not included |".  The value says little without
 * its label, so a sentence-scope pattern reads the label's concepts with the
 * value's sentence (patterns.c, S_run_sentences): "off by default" of a
 * protective function is no privacy by default.  A service-level table adds
 * columns after the value ("| Patch for a critical vulnerability | within 14
 * days | per event | EUR 500 per day |"): every cell after the label reads it.
 * A row is read so when its table has two to five columns and the label is one
 * short sentence; in a requirements table the first column is an ID ("E01",
 * "3.2"), which names no concept. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"
#include "rules/rules.h"

/* A label: one sentence of at most this many words. */
#define S_KEY_WORDS 8
/* The last column a key/value table may have (0-based): a label, its value and up to
 * three more columns such as a measuring period and a penalty. */
#define S_KEY_MAXCOL 4

/* The sentence of the key cell in paragraph p's row, or -1: the row's only
 * paragraph in column 0, with one short sentence. */
static int32_t S_key_sentence(const tl_annotated *a, const tl_para *ps, size_t p)
{
	size_t q = p, key = (size_t)-1;
	while (q > 0 && tl_para_same_row(&ps[p], &ps[q - 1])) {
		q--;
		if (ps[q].col == 0) {
			if (key != (size_t)-1)
				return -1; /* a label of more than one paragraph */
			key = q;
		}
	}
	if (key == (size_t)-1 || a->para_sent[key + 1] != a->para_sent[key] + 1)
		return -1;
	const tl_sentence *s = &a->sent[a->para_sent[key]];
	uint32_t words = 0;
	for (uint32_t k = 0; k < s->ntok; k++)
		words += !(s->tok[k].flags & TL_TOK_PUNCT);
	return words && words <= S_KEY_WORDS ? (int32_t)a->para_sent[key] : -1;
}

int32_t *tl_match_key_cells(const tl_annotated *a)
{
	size_t np = 0;
	const tl_para *ps = tl_document_paras(a->doc, &np);
	if (!ps || !a->para_sent || np != a->npara || !a->nsent)
		return NULL;
	int32_t ntab = 0;
	for (size_t p = 0; p < np; p++)
		if (ps[p].kind == TL_PARA_CELL && ps[p].table >= ntab)
			ntab = ps[p].table + 1;
	if (!ntab)
		return NULL;
	int32_t *maxcol = malloc((size_t)ntab * sizeof *maxcol);
	int32_t *key_of = malloc(a->nsent * sizeof *key_of);
	int any = 0;
	if (!maxcol || !key_of)
		goto done;
	for (int32_t t = 0; t < ntab; t++)
		maxcol[t] = -1;
	for (size_t p = 0; p < np; p++)
		if (ps[p].kind == TL_PARA_CELL && ps[p].table >= 0 && ps[p].col > maxcol[ps[p].table])
			maxcol[ps[p].table] = ps[p].col;
	for (uint32_t i = 0; i < a->nsent; i++)
		key_of[i] = -1;
	for (size_t p = 0; p < np; p++) {
		if (ps[p].kind != TL_PARA_CELL || ps[p].table < 0 || ps[p].col < 1 ||
		    maxcol[ps[p].table] > S_KEY_MAXCOL)
			continue;
		int32_t key = S_key_sentence(a, ps, p);
		for (uint32_t i = a->para_sent[p]; key >= 0 && i < a->para_sent[p + 1] && i < a->nsent; i++)
			key_of[i] = key, any = 1;
	}
done:
	free(maxcol);
	if (!any) {
		free(key_of);
		return NULL;
	}
	return key_of;
}
