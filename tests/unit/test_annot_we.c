/* Unit tests for src/analyze/definitions.c: '"we" means Meridian' and '"you"
 * means the Municipality' inside a sentence make the name the vendor or the
 * customer, as 'Meridian ("we", "us")' does; a definition after a schedule's
 * label ("S3.1", "GG-4") is one (docs/annotation.md, Parties and defined
 * terms). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* The role of the term folded `fold`, or -1 when it is no term. */
static int S_role(const tl_annotated *a, const char *fold)
{
	for (uint32_t i = 0; i < a->nterms; i++)
		if (!strcmp(a->terms[i].fold, fold))
			return (int)a->terms[i].role;
	return -1;
}

/* The bound role of the first unit whose text starts with `prefix`, or -1. */
static int S_bound(const tl_annotated *a, const char *prefix)
{
	size_t np;
	const tl_para *p = tl_document_paras(a->doc, &np);
	for (uint32_t k = 0; k < a->nsent; k++)
		if (!strncmp(p[a->sent[k].para].text + a->sent[k].start, prefix, strlen(prefix)))
			return (int)a->sent[k].bound;
	return -1;
}

static void S_check(const char *text, const char *name, int role, const char *duty, int bound)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	T_OK(S_role(a, name) == role, "\"%s\": role %d, want %d", name, S_role(a, name), role);
	if (duty)
		T_OK(S_bound(a, duty) == bound, "\"%s\" binds %d, want %d", duty, S_bound(a, duty), bound);
	tl_annotated_free(a);
	tl_document_free(d);
}

/* "We'll", "You’re": a pronoun with a clitic verb (text/tokens.c) binds its
 * party as "We will", "You are" do. */
static void test_clitics(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("Acme Cloud Ltd (\"we\", \"us\") provides the Service to the Municipality "
	                              "(\"you\").\n"
	                              "We'll let you know about any security breach within 24 hours.\n"
	                              "We\xE2\x80\x99ll never sell your data.\n"
	                              "You\xE2\x80\x99re responsible for keeping your passwords secret.\n"
	                              "We've the right to suspend the Service.\n",
	                              &d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	static const struct {
		const char *unit;
		int bound, modality;
	} want[] = {{"We'll let", TL_ROLE_VENDOR, TL_MOD_OBLIGATION},
	            {"We\xE2\x80\x99ll never", TL_ROLE_VENDOR, TL_MOD_PROHIBITION},
	            {"You\xE2\x80\x99re", TL_ROLE_CUSTOMER, TL_MOD_OBLIGATION},
	            {"We've", TL_ROLE_VENDOR, TL_MOD_PERMISSION}};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const tl_sentence *u = fx_find(a, want[i].unit);
		T_OK(u && (int)u->bound == want[i].bound && (int)u->modality == want[i].modality,
		     "\"%s\": bound %d modality %d", want[i].unit, u ? (int)u->bound : -1,
		     u ? (int)u->modality : -1);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_we_means_en(void)
{
	/* blind8 en-gis: a second company (the Partner) switches the two-party guess off */
	const char *gis =
		"Between the Municipality of Zuiderhaven (the \"Municipality\") and Meridian Geo Systems Ltd, "
		"London (\"Meridian\"). The agreement consists of Part 1 and Part 2, in which \"you\" means "
		"the Municipality and \"we\" means Meridian.\n"
		"Meridian licenses the portal through its partner GeoBouw B.V. (the \"Partner\").\n"
		"Meridian does not sell Municipal Data to third parties.\n";
	S_check(gis, "meridian", TL_ROLE_VENDOR, "Meridian does not sell", TL_ROLE_VENDOR);
	S_check(gis, "we", TL_ROLE_VENDOR, NULL, 0);
	S_check(gis, "you", TL_ROLE_CUSTOMER, NULL, 0);
	/* the vendor's own partner is on its side (s8 ask 1, second half) */
	S_check(gis, "partner", TL_ROLE_VENDOR, NULL, 0);
	S_check("Tussen de gemeente (hierna: \"Opdrachtgever\") en Acme B.V. (hierna: \"Opdrachtnemer\").\n"
	        "Opdrachtnemer levert de app via haar onderaannemer Bouwhuis B.V. (hierna: \"Bouwhuis\").\n",
	        "bouwhuis", TL_ROLE_VENDOR, NULL, 0);
	S_check("Tussen de gemeente (hierna: \"Opdrachtgever\") en Acme B.V. (hierna: \"Opdrachtnemer\").\n"
	        "Opdrachtgever laat de metingen doen door haar partner Meetlab B.V. (hierna: \"Meetlab\").\n",
	        "meetlab", TL_ROLE_NONE, NULL, 0);
	S_check("These terms are between Acme Ltd (\"Acme\") and Beta Ltd (\"Beta\"). In these terms, "
	        "\"we\", \"us\" and \"our\" refer to Acme and \"you\" refers to the Council.\n"
	        "Acme shall delete the data.\n",
	        "acme", TL_ROLE_VENDOR, "Acme shall delete", TL_ROLE_VENDOR);
	/* no name after the verb: nothing */
	S_check("Acme Ltd (\"Acme\") and Beta Ltd (\"Beta\") agree as follows, where \"we\" means the "
	        "company that provides the service.\n",
	        "acme", TL_ROLE_NONE, NULL, 0);
}

static void test_we_means_nl(void)
{
	const char *nl =
		"Tussen de gemeente Zuiderhaven (hierna: \"Opdrachtgever\") en Zorgkoppel B.V. (hierna: "
		"\"Zorgkoppel\") en Partner B.V. (hierna: \"Partner\"). In deze voorwaarden betekent \"wij\" "
		"Zorgkoppel en \"u\" Opdrachtgever.\n"
		"Zorgkoppel verkoopt de gegevens niet.\n";
	S_check(nl, "zorgkoppel", TL_ROLE_VENDOR, "Zorgkoppel verkoopt", TL_ROLE_VENDOR);
	S_check(nl, "partner", TL_ROLE_NONE, NULL, 0);
	S_check("Tussen Acme B.V. (hierna: \"Acme\") en Beta B.V. (hierna: \"Beta\"), waarbij \"wij\" "
	        "verwijst naar Acme.\n"
	        "Acme verwijdert de gegevens.\n",
	        "acme", TL_ROLE_VENDOR, "Acme verwijdert", TL_ROLE_VENDOR);
}

static void test_schedule_labels(void)
{
	const char *en = "Between the Municipality (the \"Municipality\") and Meridian Ltd (\"Meridian\").\n"
	                 "S3.1 \"Municipal Data\" means all data that the Municipality uploads.\n"
	                 "M6.2 \"Sensor Readings\" means the readings of the sensors.\n"
	                 "OF2 \"Order Data\" means the data of orders.\n"
	                 "A4 paper \"Print Copies\" are made.\n";
	S_check(en, "municipal data", TL_ROLE_NONE, NULL, 0);
	S_check(en, "sensor readings", TL_ROLE_NONE, NULL, 0);
	S_check(en, "order data", TL_ROLE_NONE, NULL, 0);
	S_check(en, "print copies", -1, NULL, 0); /* "A4 paper" is no label before a definition */
	const char *nl = "Tussen de gemeente (hierna: \"Opdrachtgever\") en Acme B.V. (hierna: \"Opdrachtnemer\").\n"
	                 "GG-4 \"Logbestanden\": alle logbestanden van de dienst.\n"
	                 "A4. \"Meetgegevens\": alle metingen van de sensoren.\n";
	S_check(nl, "logbestanden", TL_ROLE_NONE, NULL, 0);
	S_check(nl, "meetgegevens", TL_ROLE_NONE, NULL, 0);
}

/* A thing's alias names the noun phrase its indefinite article opens, with no role,
 * across "between ... and" and after a previous alias (s8 ask 3). */
static void test_thing_alias(void)
{
	const char *en = "Between the Municipality (the \"Municipality\") and Acme Ltd (the \"Contractor\").\n"
	                 "The Contractor develops an interface between the Network and the Municipality's "
	                 "event permit system (the \"Permit Interface\").\n"
	                 "The Contractor licenses the portal and, through its partner GeoBouw B.V. (the "
	                 "\"Partner\"), a Tree Inspection App developed for the Municipality (the \"App\").\n";
	S_check(en, "permit interface", TL_ROLE_NONE, NULL, 0);
	S_check(en, "app", TL_ROLE_NONE, NULL, 0);
	tl_document *d;
	tl_annotated *a = fx_annotate(en, &d);
	for (uint32_t i = 0; a && i < a->nterms; i++)
		if (!strcmp(a->terms[i].fold, "permit interface"))
			T_OK(a->terms[i].definition && !strncmp(a->terms[i].definition, "an interface between", 20),
			     "definition: %s", a->terms[i].definition ? a->terms[i].definition : "(null)");
	tl_annotated_free(a);
	tl_document_free(d);
	/* a party list keeps its roles */
	const char *list = "This Agreement is made between a Dutch municipality, the Municipality of Xtown "
	                   "(\"Customer\") and Acme B.V. (\"Supplier\").\n";
	S_check(list, "customer", TL_ROLE_CUSTOMER, NULL, 0);
	S_check(list, "supplier", TL_ROLE_VENDOR, NULL, 0);
	const char *nl = "Tussen de gemeente (hierna: \"Opdrachtgever\") en Acme B.V. (hierna: \"Opdrachtnemer\").\n"
	                 "Opdrachtnemer bouwt een koppeling tussen het platform en het zaaksysteem van "
	                 "Opdrachtgever (hierna: de \"Koppeling\").\n";
	S_check(nl, "koppeling", TL_ROLE_NONE, NULL, 0);
}

/* "The Service includes ..." describes a deliverable; "Customer Data includes ..."
 * and "The Service means ..." define (s8 ask 9) */
static int S_is_def(const char *pre, const char *sentence)
{
	tl_document *d;
	tl_annotated *a = fx_annotate_pre(pre, sentence, &d);
	int r = -1;
	for (uint32_t k = 0; a && k < a->nsent; k++)
		if (a->sent[k].para == 1)
			r = (a->sent[k].flags & TL_SENT_DEFINITION) != 0;
	tl_annotated_free(a);
	tl_document_free(d);
	return r;
}

static void test_includes(void)
{
	T_INT(S_is_def(fx_pre_en, "The Service includes object detection and these optional features: "
	                          "Appearance Search, Plate Recognition and Crowd Counting."),
	      0);
	T_INT(S_is_def(fx_pre_nl, "Het Systeem omvat een dashboard dat bezoekers telt."), 0);
	T_INT(S_is_def(fx_pre_en, "Customer Data includes all data uploaded by the Customer."), 1);
	T_INT(S_is_def(fx_pre_en, "The Service means the hosted platform."), 1);
	T_INT(S_is_def(fx_pre_nl, "Klantdata omvat alle gegevens die Opdrachtgever uploadt."), 1);
}

/* Vendor terms that open in the vendor's own voice and name only the customer
 * (s13 ask from ruleset engineer A): "Wij, Planvast B.V., bieden de gemeente
 * (hierna: "u") ...": "u" is the customer, the name after "Wij," the vendor, and
 * "Wij" never the customer (its first word used to become the customer's name). */
static void test_spoken_opening(void)
{
	const char *nl = "Wij, Planvast B.V., bieden de gemeente (hierna: \"u\") een online afsprakenmodule aan.\n"
	                 "Wij zetten de gegevens niet in voor iets anders dan het leveren van de module.\n"
	                 "Planvast verkoopt de gegevens niet.\n";
	S_check(nl, "u", TL_ROLE_CUSTOMER, NULL, 0);
	S_check(nl, "planvast b.v .", TL_ROLE_VENDOR, "Planvast verkoopt", TL_ROLE_VENDOR);
	S_check(nl, "wij", -1, "Wij zetten", TL_ROLE_VENDOR); /* no term of its own */
	const char *en = "We, Acme Ltd, provide the municipality (\"you\") with an online booking module.\n"
	                 "We use the data only to provide the booking module.\n"
	                 "Acme does not sell the data.\n";
	S_check(en, "you", TL_ROLE_CUSTOMER, NULL, 0);
	S_check(en, "acme ltd", TL_ROLE_VENDOR, "Acme does not sell", TL_ROLE_VENDOR);
	S_check(en, "we", -1, "We use the data", TL_ROLE_VENDOR);
	/* a name that is no pronoun still names its party: "Acme B.V. (hierna: \"wij\")" */
	S_check("Acme B.V. (hierna: \"wij\") levert de gemeente (hierna: \"u\") een module.\n", "acme b.v .",
	        TL_ROLE_VENDOR, NULL, 0);
}

int main(void)
{
	test_clitics();
	test_includes();
	test_thing_alias();
	test_schedule_labels();
	test_we_means_en();
	test_we_means_nl();
	test_spoken_opening();
	return T_DONE();
}
