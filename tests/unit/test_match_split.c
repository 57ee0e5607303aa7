/* Unit tests for the two-thread occurrence scan (src/rules/match.c,
 * S_occurrences): when the second half of a long document mentions no concept
 * at all, its sentences' first occurrences still count from the first half's
 * end (occ_start never goes down), so a scope across the split reads forwards;
 * and the rules' results are the same on one thread and on two.  Before, the
 * second half's starts stayed 0 and the rules' second thread read far past the
 * occurrences (a crash on a corpus file). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"
#include "rules/rules.h"

static void S_check(const tl_ruleset *rs, const char *text)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	T_OK(a != NULL, "annotated");
	if (!a)
		return;
	T_OK(a->nsent >= TL_MATCH_PAR_MIN, "long enough for two threads: %u sentences", a->nsent);
	tl_match *m1 = NULL, *m2 = NULL;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_match_run_ex(&m1, rs, a, NULL, 0, -1, 1, &err), 0);
	T_INT(tl_match_run_ex(&m2, rs, a, NULL, 0, -1, 2, &err), 0);
	if (m1 && m2) {
		int mono = 1;
		for (uint32_t i = 0; i < a->nsent; i++)
			mono &= m2->occ_start[i] <= m2->occ_start[i + 1];
		T_OK(mono, "occ_start never goes down");
		T_INT((int)m2->nocc, (int)m1->nocc);
		T_OK(!memcmp(m1->occ_start, m2->occ_start, (a->nsent + 1) * sizeof *m1->occ_start),
		     "the same starts on one thread and on two");
		for (uint32_t r = 0; r < rs->nrules; r++)
			T_OK(m1->res[r].status == m2->res[r].status, "rule %s: %d on one thread, %d on two",
			     rs->rules[r].id, m1->res[r].status, m2->res[r].status);
	}
	tl_match_free(m1);
	tl_match_free(m2);
	tl_annotated_free(a);
	tl_document_free(d);
}

int main(void)
{
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	if (tl_rules_load(&rs, TL_SOURCE_DIR "/rulesets/test/engine.json", NULL, &err) != 0) {
		fprintf(stderr, "cannot load the test ruleset: %s\n", err.message);
		return 1;
	}
	/* rules in the first half, words no concept knows in the second */
	static char text[16384];
	size_t o = 0;
	for (int i = 0; i < 30; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "%d. Opdrachtnemer verkoopt geen gegevens aan derden.\n",
		                      i + 1);
	for (int i = 0; i < 70; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "Lorem ipsum dolor sit amet.\n");
	S_check(rs, text);
	/* and the other way round: nothing in the first half */
	o = 0;
	for (int i = 0; i < 70; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "Lorem ipsum dolor sit amet.\n");
	for (int i = 0; i < 30; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "%d. Opdrachtnemer verkoopt geen gegevens aan derden.\n",
		                      i + 1);
	S_check(rs, text);
	tl_ruleset_free(rs);
	return T_DONE();
}
