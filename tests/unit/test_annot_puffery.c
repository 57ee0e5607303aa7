/* Unit tests for statements that bind no one (src/analyze/puffery.c): the
 * vendor's self-description ("Security is at the heart of everything we do",
 * "We take the security of your data very seriously", "Privacy is our top
 * priority", "We are committed to protecting your data", "Beveiliging staat
 * centraal in alles wat wij doen", "Privacy heeft bij ons de hoogste
 * prioriteit", "Wij nemen de bescherming van uw gegevens serieus") is not
 * operative.  Not: the same words with a binding modal in the sentence ("The
 * Supplier shall treat security as a top priority", "... is committed to
 * privacy by design and shall apply it to every release", "Opdrachtnemer zal
 * beveiliging de hoogste prioriteit geven"), and a condition ("if we believe
 * in good faith"). */
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* 1 when the unit starting with `start` is operative, 0 not, -1 not found */
static int S_operative(const char *pre, const char *sentence, const char *start)
{
	tl_document *d;
	tl_annotated *a = fx_annotate_pre(pre, sentence, &d);
	const tl_sentence *s = a ? fx_find(a, start) : NULL;
	int r = s ? !(s->flags & TL_SENT_NONOPERATIVE) : -1;
	tl_annotated_free(a);
	tl_document_free(d);
	return r;
}

static void test_puffery(void)
{
	T_INT(S_operative(fx_pre_en, "Security is at the heart of everything we do.", "Security"), 0);
	T_INT(S_operative(fx_pre_en, "We take the security of your data very seriously.", "We take"), 0);
	T_INT(S_operative(fx_pre_en, "Privacy is our top priority.", "Privacy"), 0);
	T_INT(S_operative(fx_pre_en, "The Supplier is committed to protecting the Customer Data.",
	                  "The Supplier is"),
	      0);
	T_INT(S_operative(fx_pre_nl, "Beveiliging staat centraal in alles wat wij doen.", "Beveiliging"), 0);
	T_INT(S_operative(fx_pre_nl, "Privacy heeft bij ons de hoogste prioriteit.", "Privacy"), 0);
	T_INT(S_operative(fx_pre_nl, "Opdrachtnemer neemt de bescherming van de Gegevens zeer serieus.", "Opdrachtnemer neemt"), 0);
	T_INT(S_operative(fx_pre_nl, "Opdrachtnemer is toegewijd aan veiligheid en privacy staat bij ons voorop.",
	                  "Opdrachtnemer is"),
	      0);
}

static void test_binding(void)
{
	T_INT(S_operative(fx_pre_en, "The Supplier shall treat security as a top priority.", "The Supplier shall"), 1);
	T_INT(S_operative(fx_pre_en,
	                  "The Supplier is committed to privacy by design and shall apply it to every release.",
	                  "The Supplier is"),
	      1);
	T_INT(S_operative(fx_pre_en,
	                  "The Supplier may disclose Customer Data to authorities if we believe in good faith that "
	                  "this is required by law.",
	                  "The Supplier may"),
	      1);
	T_INT(S_operative(fx_pre_nl, "Opdrachtnemer zal beveiligingsincidenten met de hoogste prioriteit afhandelen.",
	                  "Opdrachtnemer zal"),
	      1);
	T_INT(S_operative(fx_pre_nl, "Opdrachtnemer meldt een datalek binnen 24 uur aan Opdrachtgever.",
	                  "Opdrachtnemer meldt"),
	      1);
}

int main(void)
{
	test_puffery();
	test_binding();
	return T_DONE();
}
