/* Unit tests for an exception that says no more than that the law may bar the
 * act (src/analyze/scopes.c, tl_exc_classify; s11 engine ask A14): "unless
 * this is prohibited", "unless prohibited", "unless that is not permitted",
 * "tenzij dat verboden is", "tenzij dat niet is toegestaan", "voor zover dat
 * is toegestaan" are a law exception, as "unless prohibited by law" is.
 * Not: an exception that names who forbids or allows ("unless the Customer
 * prohibits this", "tenzij Opdrachtgever dat verbiedt"), or says more ("unless
 * this is prohibited for operational reasons"). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* The kind of the first exception of the unit starting with `prefix`, or -1. */
static int S_exc(const char *pre, const char *sentence, const char *prefix)
{
	tl_document *d;
	tl_annotated *a = fx_annotate_pre(pre, sentence, &d);
	const tl_sentence *s = a ? fx_find(a, prefix) : NULL;
	int k = s && s->nexc ? (int)s->exc[0].kind : -1;
	tl_annotated_free(a);
	tl_document_free(d);
	return k;
}

static void test_bar_is_law(void)
{
	T_INT(S_exc(fx_pre_en,
	            "If an authority requests Customer Data, the Supplier notifies the Customer without delay, "
	            "unless this is prohibited.",
	            "If an authority"),
	      TL_EXC_LAW);
	T_INT(S_exc(fx_pre_en, "The Supplier notifies the Customer of any such request, unless prohibited.",
	            "The Supplier notifies"),
	      TL_EXC_LAW);
	T_INT(S_exc(fx_pre_en, "The Supplier notifies the Customer of any such request unless that is not permitted.",
	            "The Supplier notifies"),
	      TL_EXC_LAW);
	T_INT(S_exc(fx_pre_nl,
	            "Als een overheidsinstantie om Gegevens vraagt, meldt Opdrachtnemer dit onverwijld aan "
	            "Opdrachtgever, tenzij dat verboden is.",
	            "Als een overheidsinstantie"),
	      TL_EXC_LAW);
	T_INT(S_exc(fx_pre_nl, "Opdrachtnemer meldt elk verzoek aan Opdrachtgever, tenzij dat niet is toegestaan.",
	            "Opdrachtnemer meldt"),
	      TL_EXC_LAW);
}

static void test_must_not(void)
{
	T_OK(S_exc(fx_pre_en, "The Supplier publishes the reports, unless the Customer prohibits this.",
	           "The Supplier publishes") != TL_EXC_LAW,
	     "the customer forbids");
	T_OK(S_exc(fx_pre_nl, "Opdrachtnemer publiceert de rapporten, tenzij Opdrachtgever dat verbiedt.",
	           "Opdrachtnemer publiceert") != TL_EXC_LAW,
	     "de klant verbiedt");
	T_OK(S_exc(fx_pre_en,
	           "The Supplier notifies the Customer of any request, unless this is prohibited for operational "
	           "reasons.",
	           "The Supplier notifies") != TL_EXC_LAW,
	     "says more than a bar");
}

/* "without the Municipality's prior approval", "with the Authority's prior written consent":
 * any party of the document in the possessive, not only the usual "Customer's" */
static void test_party_possessive_consent(void)
{
	static const char pre[] = "The Municipality of Hoogland (the \"Municipality\") and Kaamos Oy (the "
	                          "\"Contractor\").\n";
	T_INT(S_exc(pre, "The model must not be retrained without the Municipality's prior approval.", "The model"),
	      TL_EXC_CUSTOMER);
	T_INT(S_exc(pre, "The Contractor may replace the model with the Municipality's prior written consent.",
	            "The Contractor may"),
	      TL_EXC_CUSTOMER);
	T_INT(S_exc(fx_pre_en, "The model must not be retrained without the Authority's prior approval.", "The model"),
	      TL_EXC_CUSTOMER);
	/* must not: a possessive that is no party, or no consent word after it, or the vendor's */
	T_INT(S_exc(pre, "No subcontractor may be appointed without the Contractor's prior written approval.", "No sub"),
	      -1);
	T_INT(S_exc(pre, "The model must not be retrained without the operator's prior approval.", "The model"), -1);
	T_INT(S_exc(pre, "The Contractor stores the data with the Municipality's other records.", "The Contractor"), -1);
}

int main(void)
{
	test_party_possessive_consent();
	test_bar_is_law();
	test_must_not();
	return T_DONE();
}
