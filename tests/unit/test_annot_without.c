/* Unit tests for "without X" / "zonder X" (src/analyze/negscope.c,
 * tl_negscope_without; s10 engine ask 5 of C): the noun phrase after
 * without/zonder is denied (TL_TOK_NEG_SCOPE), so "a screen ... without any
 * algorithm or artificial intelligence", "zonder algoritme of kunstmatige
 * intelligentie", "telt bezoekers zonder camera's" set no context and join no
 * concept through a definition.  Not: an exception ("without the prior
 * written consent of the Customer", "zonder voorafgaande toestemming"), a
 * manner phrase ("without additional licence fees", "zonder aanvullende
 * kosten", "without undue delay", "including, without limitation, cameras"),
 * "with or without a sensor module", and words after the phrase ends. */
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* 1 when the first token folded `word` in the sentence starting with `start`
 * is in a negation's scope, 0 when not, -1 when there is no such token */
static int S_denied(const char *text, const char *start, const char *word)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	const tl_sentence *s = a ? fx_find(a, start) : NULL;
	int r = -1;
	for (uint32_t i = 0; s && i < s->ntok && r < 0; i++)
		if (!strcmp(s->tok[i].fold, word))
			r = (s->tok[i].flags & TL_TOK_NEG_SCOPE) != 0;
	tl_annotated_free(a);
	tl_document_free(d);
	return r;
}

static void test_denied(void)
{
	static const char en[] = "The Municipality (the \"Customer\") and Acme Ltd (the \"Supplier\").\n"
	                         "1.1 \"Planner\" means the screen in which staff choose their shifts, without any "
	                         "algorithm or artificial intelligence.\n"
	                         "The sensors count visitors without cameras, and store the counts.\n"
	                         "The platform routes requests without the use of machine learning.\n";
	T_INT(S_denied(en, "1.1", "algorithm"), 1);
	T_INT(S_denied(en, "1.1", "intelligence"), 1);
	T_INT(S_denied(en, "The sensors", "cameras"), 1);
	T_INT(S_denied(en, "The sensors", "store"), 0);
	T_INT(S_denied(en, "The platform", "learning"), 1);
	static const char nl[] = "De gemeente (hierna: \"Opdrachtgever\") en Acme B.V. (hierna: \"Opdrachtnemer\").\n"
	                         "Roosterscherm: het scherm waarin medewerkers zelf hun diensten kiezen, zonder "
	                         "algoritme of kunstmatige intelligentie.\n"
	                         "De tellers tellen bezoekers zonder camera's en slaan de aantallen op.\n"
	                         "Het platform verdeelt de meldingen zonder enig zelflerend model.\n";
	T_INT(S_denied(nl, "Roosterscherm", "algoritme"), 1);
	T_INT(S_denied(nl, "Roosterscherm", "intelligentie"), 1);
	T_INT(S_denied(nl, "De tellers", "camera's"), 1);
	T_INT(S_denied(nl, "De tellers", "aantallen"), 0);
	T_INT(S_denied(nl, "Het platform", "model"), 1);
}

static void test_not_denied(void)
{
	static const char en[] = "The Municipality (the \"Customer\") and Acme Ltd (the \"Supplier\").\n"
	                         "The Supplier shall not transfer data without the prior written consent of the "
	                         "Customer.\n"
	                         "The API is offered without additional licence fees.\n"
	                         "The Supplier reports incidents without undue delay.\n"
	                         "The Supplier supplies equipment, including, without limitation, cameras.\n"
	                         "A Node is a controller with or without a sensor module.\n";
	T_INT(S_denied(en, "The API", "licence"), 0);
	T_INT(S_denied(en, "The Supplier reports", "delay"), 0);
	T_INT(S_denied(en, "The Supplier supplies", "cameras"), 0);
	T_INT(S_denied(en, "A Node", "sensor"), 0);
	static const char nl[] = "De gemeente (hierna: \"Opdrachtgever\") en Acme B.V. (hierna: \"Opdrachtnemer\").\n"
	                         "De API wordt geleverd zonder aanvullende licentiekosten.\n"
	                         "Opdrachtnemer plaatst sensoren met of zonder camera op de palen.\n"
	                         "Opdrachtnemer levert zonder vertraging een rapport over de camera's.\n";
	T_INT(S_denied(nl, "De API", "licentiekosten"), 0);
	T_INT(S_denied(nl, "Opdrachtnemer plaatst", "camera"), 0);
	T_INT(S_denied(nl, "Opdrachtnemer levert", "camera's"), 0);
}

int main(void)
{
	test_denied();
	test_not_denied();
	return T_DONE();
}
