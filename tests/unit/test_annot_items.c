/* Unit tests for list items under a lead-in (src/analyze/annotate.c
 * S_is_item_label, src/analyze/items.c; s10 engine ask 12 of B): "The
 * Supplier shall:" / "(b) notify the Customer of ..." and "Opdrachtnemer
 * draagt zorg voor:" / "b. het melden van ... aan Opdrachtgever" read with
 * the lead-in's party and modality, also when the items are typed labels
 * ("(a)", "a.", "iv.", "- ") rather than list paragraphs, and when the item
 * names the other party as its object or is a Dutch infinitive clause
 * ("Opdrachtgever binnen 24 uur te informeren").  Not: an item with its own
 * subject and modal ("(c) the Customer shall pay"), a Dutch item with its
 * own finite verb after a fronted phrase, a numbered clause after the list
 * ("5.2 The Customer shall ..."), a labelled paragraph with no lead-in. */
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

static const char S_en[] =
	"Between the Municipality of Oostdam (the \"Customer\") and Datavault Ltd (the \"Supplier\").\n"
	"5.1 The Supplier shall:\n"
	"(a) encrypt all Customer Data at rest;\n"
	"(b) promptly notify the Customer of any security incident within 24 hours;\n"
	"(c) the Customer shall pay the fees;\n"
	"5.2 The Customer shall pay the invoices within 30 days.\n"
	"The Contractor undertakes to:\n"
	"- inform the Customer of any breach within 24 hours;\n"
	"iv. remedy critical vulnerabilities within 48 hours.\n"
	"a. the Customer hosts the archive itself.\n";

static const char S_nl[] =
	"Tussen de gemeente Oostdam (hierna: \"Opdrachtgever\") en Datavault B.V. (hierna: \"Opdrachtnemer\").\n"
	"5.1 Opdrachtnemer draagt zorg voor:\n"
	"a. de versleuteling van alle Gegevens in opslag;\n"
	"b. het melden van beveiligingsincidenten aan Opdrachtgever binnen 24 uur;\n"
	"5.2 Opdrachtnemer verplicht zich om:\n"
	"(a) Opdrachtgever binnen 24 uur te informeren over een datalek;\n"
	"(b) kwetsbaarheden binnen 48 uur te verhelpen;\n"
	"(c) in dat geval betaalt Opdrachtgever de kosten;\n"
	"5.3 Opdrachtgever betaalt de facturen binnen 30 dagen.\n";

static void S_is(const tl_annotated *a, const char *start, tl_role bound, tl_modality mod)
{
	const tl_sentence *s = fx_find(a, start);
	T_OK(s && s->bound == bound && s->modality == mod, "%s: %s %s, want %s %s", start,
	     s ? tl_role_name(s->bound) : "-", s ? tl_modality_name(s->modality) : "-", tl_role_name(bound),
	     tl_modality_name(mod));
}

static void test_items_continue(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(S_en, &d);
	T_OK(a != NULL, "en annotated");
	S_is(a, "(a) encrypt", TL_ROLE_VENDOR, TL_MOD_OBLIGATION);
	S_is(a, "(b) promptly notify", TL_ROLE_VENDOR, TL_MOD_OBLIGATION);
	S_is(a, "inform the Customer", TL_ROLE_VENDOR, TL_MOD_OBLIGATION); /* a list paragraph */
	S_is(a, "iv. remedy", TL_ROLE_VENDOR, TL_MOD_OBLIGATION);
	/* must not: own subject and modal, a numbered clause, a label with no lead-in before it */
	S_is(a, "(c) the Customer shall", TL_ROLE_CUSTOMER, TL_MOD_OBLIGATION);
	S_is(a, "5.2 The Customer", TL_ROLE_CUSTOMER, TL_MOD_OBLIGATION);
	const tl_sentence *own = fx_find(a, "a. the Customer hosts");
	T_OK(own && own->bound != TL_ROLE_VENDOR, "en: an item of a list that ended keeps its own subject");
	tl_annotated_free(a);
	tl_document_free(d);

	a = fx_annotate(S_nl, &d);
	T_OK(a != NULL, "nl annotated");
	S_is(a, "a. de versleuteling", TL_ROLE_VENDOR, TL_MOD_OBLIGATION);
	S_is(a, "b. het melden", TL_ROLE_VENDOR, TL_MOD_OBLIGATION);
	S_is(a, "(a) Opdrachtgever binnen", TL_ROLE_VENDOR, TL_MOD_OBLIGATION);
	S_is(a, "(b) kwetsbaarheden", TL_ROLE_VENDOR, TL_MOD_OBLIGATION);
	const tl_sentence *c = fx_find(a, "(c) in dat geval");
	T_OK(c && c->bound == TL_ROLE_CUSTOMER, "nl: own finite verb after a fronted phrase keeps its subject");
	S_is(a, "5.3 Opdrachtgever", TL_ROLE_CUSTOMER, TL_MOD_OBLIGATION);
	tl_annotated_free(a);
	tl_document_free(d);
}

int main(void)
{
	test_items_continue();
	return T_DONE();
}
