/* Unit tests for recitals (src/analyze/operative.c; s10 engine ask 11 of B):
 * the sentences under "Overwegingen", "Considerans", "Recitals", "Whereas",
 * "Preamble", "Background" or "Achtergrond" say why the parties contract and
 * bind no one: not operative, but read for the context tags as an
 * introduction is (para_intro).  Not: the articles after them, and a title
 * that only starts with such a word ("Background checks", "Achtergrond van
 * de medewerkers" is no recital heading). */
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* 1 operative, 0 not, 2 intro (not operative, read for contexts), -1 not found */
static int S_state(const char *text, const char *start)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	const tl_sentence *s = a ? fx_find(a, start) : NULL;
	int st = !s ? -1 : a->para_operative[s->para] ? 1 : a->para_intro[s->para] ? 2 : 0;
	tl_annotated_free(a);
	tl_document_free(d);
	return st;
}

static void test_recitals(void)
{
	static const char nl[] =
		"Tussen de gemeente Oostdam (hierna: \"Opdrachtgever\") en Datavault B.V. (hierna: \"Opdrachtnemer\").\n"
		"# Overwegingen\n"
		"A. Opdrachtnemer hanteert privacy by design als uitgangspunt bij al haar producten.\n"
		"B. Opdrachtnemer meldt beveiligingsincidenten altijd binnen 24 uur aan haar klanten.\n"
		"# 1. Dienst\n"
		"1.1 Opdrachtnemer levert de Dienst.\n";
	T_INT(S_state(nl, "A. Opdrachtnemer hanteert"), 2);
	T_INT(S_state(nl, "B. Opdrachtnemer meldt"), 2);
	T_INT(S_state(nl, "1.1 Opdrachtnemer levert"), 1);
	static const char en[] = "Between the Municipality (the \"Customer\") and Datavault Ltd (the \"Supplier\").\n"
	                         "# Recitals:\n"
	                         "(B) The Supplier always reports security incidents to its clients within 24 hours.\n"
	                         "# 1. Services\n"
	                         "1.1 The Supplier provides the Services.\n";
	T_INT(S_state(en, "(B) The Supplier always"), 2);
	T_INT(S_state(en, "1.1 The Supplier provides"), 1);
	static const char *const titles[] = {"Whereas", "Preamble", "Background", "Considerans", "Achtergrond",
	                                     "2. Overwegende", NULL};
	for (const char *const *t = titles; *t; t++) {
		char text[512];
		snprintf(text, sizeof text,
		         "The Municipality (the \"Customer\") and Datavault Ltd (the \"Supplier\").\n# %s\n"
		         "The Supplier encrypts all data of its clients.\n# 3. Security\n"
		         "3.1 The Supplier encrypts all Customer Data.\n",
		         *t);
		T_OK(S_state(text, "The Supplier encrypts all data") == 2, "under '%s': an introduction", *t);
		T_OK(S_state(text, "3.1 The Supplier") == 1, "after '%s': operative", *t);
	}
}

static void test_not_recitals(void)
{
	static const char *const titles[] = {"Background checks", "4. Background screening of staff",
	                                     "Achtergrond van medewerkers", NULL};
	for (const char *const *t = titles; *t; t++) {
		char text[512];
		snprintf(text, sizeof text,
		         "The Municipality (the \"Customer\") and Datavault Ltd (the \"Supplier\").\n# %s\n"
		         "The Supplier screens every member of staff before access is granted.\n",
		         *t);
		T_OK(S_state(text, "The Supplier screens") == 1, "under '%s': operative", *t);
	}
}

int main(void)
{
	test_recitals();
	test_not_recitals();
	return T_DONE();
}
