/* Unit tests for a relative clause inside an English subject (src/analyze/
 * scopes.c; s11 engine ask B1): "Requests from data subjects that we receive
 * are forwarded to you", "Incidents that the Supplier detects are reported to
 * the Customer within 24 hours": the relative clause ends before the main
 * clause's auxiliary, so the main clause reads as the passive it is (bound to
 * no one, vendor-or-passive patterns apply), as the Dutch comma already makes
 * it ("Verzoeken van betrokkenen die Opdrachtnemer ontvangt, worden ...").
 * Not: a relative clause after the main verb ("The Supplier deletes the data
 * that we receive"). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* flags of the unit starting with `prefix` after the English preamble, or 0xffffffff */
static uint32_t S_flags(const char *sentence, const char *prefix, int *bound, int *mod)
{
	tl_document *d;
	tl_annotated *a = fx_annotate_pre(fx_pre_en, sentence, &d);
	const tl_sentence *s = a ? fx_find(a, prefix) : NULL;
	uint32_t f = s ? s->flags : 0xffffffffu;
	*bound = s ? (int)s->bound : -1;
	*mod = s ? (int)s->modality : -1;
	tl_annotated_free(a);
	tl_document_free(d);
	return f;
}

static void test_relative_in_subject(void)
{
	int b, m;
	uint32_t f = S_flags("Requests from data subjects that we receive are forwarded to you.", "Requests", &b, &m);
	T_OK(f != 0xffffffffu && (f & TL_SENT_PASSIVE), "passive main clause");
	T_INT(m, TL_MOD_OBLIGATION);
	f = S_flags("Incidents that the Supplier detects are reported to the Customer within 24 hours.", "Incidents",
	            &b, &m);
	T_OK(f != 0xffffffffu && (f & TL_SENT_PASSIVE), "passive main clause");
	T_INT(b, TL_ROLE_NONE);
	T_INT(m, TL_MOD_OBLIGATION);
}

static void test_must_not(void)
{
	int b, m;
	/* a "that" after the main verb: no relative clause in a subject */
	uint32_t c = S_flags("Requests are forwarded to the Customer, who confirms that we receive them.", "Requests",
	                     &b, &m);
	T_OK(c != 0xffffffffu && (c & TL_SENT_PASSIVE), "passive main clause before");
	/* a noun phrase as the clause's subject is no guess */
	uint32_t g = S_flags("The sensors work at a resolution at which individual people are not recognisable.",
	                     "The sensors", &b, &m);
	T_OK(g != 0xffffffffu && !(g & TL_SENT_PASSIVE), "no passive");
	uint32_t f = S_flags("The Supplier deletes the data that we receive.", "The Supplier deletes", &b, &m);
	T_INT(b, TL_ROLE_VENDOR);
	T_OK(!(f & TL_SENT_PASSIVE), "active main clause");
}

int main(void)
{
	test_relative_in_subject();
	test_must_not();
	return T_DONE();
}
