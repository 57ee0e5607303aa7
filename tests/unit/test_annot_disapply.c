/* test_annot_disapply.c: clauses another part of the document switches off.
 *
 * "Section 12 of Part B does not apply", "Notwithstanding section 14 of Part
 * B, ...", "Section 5.4 of the Customer Terms is replaced by the following:
 * ...", "Artikel 9 van de Algemene Voorwaarden is niet van toepassing op deze
 * Overeenkomst": the named clause's sentences are TL_SENT_DISAPPLIED and no
 * longer count for the rules (tl_match_sentence_counts).  A partial
 * disapplication ("does not apply to Candidate Data"), a part the document
 * does not hold, a clause named inside the subject ("The liability cap in
 * Section 12 does not apply") and "notwithstanding" without a named part
 * switch nothing off. */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"
#include "rules/rules.h"


/* 1 when the sentence starting with prefix is switched off (and does not
 * count for the rules), 0 when it counts, -1 when it is not there. */
static int S_off(const tl_annotated *a, const char *prefix)
{
	uint32_t k = 0;
	const tl_sentence *s = fx_find_at(a, prefix, &k);
	if (!s)
		return -1;
	int off = (s->flags & TL_SENT_DISAPPLIED) != 0;
	T_OK(off == !tl_match_sentence_counts(a, k), "%s: disapplied %d but counts %d", prefix, off,
	     tl_match_sentence_counts(a, k));
	return off;
}

static const char S_en[] =
	"# TalentHarbor Order Form\n"
	"## Part A – Special Conditions\n"
	"The Municipality (the \"Customer\") and TalentHarbor Ltd (the \"Supplier\").\n"
	"S2.2 Section 7 of Part B (Data) does not apply to Candidate Data.\n"
	"S3.5 Notwithstanding section 5.2 of Part B, the Supplier shall give 30 days' notice of a new "
	"model.\n"
	"S4.1 Section 12 of Part B (Limitation of Liability) does not apply.\n"
	"S4.2 Notwithstanding section 14 of Part B, Dutch law applies.\n"
	"S4.3 The liability cap in Section 13 does not apply.\n"
	"S4.4 Notwithstanding section 11, the Supplier may suspend the Services.\n"
	"S4.5 Article 16 of the General Terms does not apply.\n"
	"## Part B – Subscription Terms\n"
	"### 5. Our models\n"
	"5.1 We host our models in the European Union.\n"
	"5.2 We may update our models at any time.\n"
	"### 7. Data\n"
	"7.1 We may use aggregated data to improve the Services.\n"
	"### 11. Suspension\n"
	"11.1 We may suspend the Services if an invoice remains unpaid.\n"
	"### 12. Limitation of Liability\n"
	"12.1 We are not liable for loss of data.\n"
	"### 13. Liability cap\n"
	"13.1 Our liability shall not exceed the fees paid.\n"
	"### 14. Governing law\n"
	"14.1 These Terms are governed by Irish law.\n"
	"### 16. Indemnity\n"
	"16.1 You shall indemnify us.\n";

static void test_en(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(S_en, &d);
	T_OK(a != NULL, "annotate");
	if (a) {
		T_INT(S_off(a, "12.1 We are not liable"), 1);
		T_INT(S_off(a, "12. Limitation of Liability"), 1); /* the clause's heading too */
		T_INT(S_off(a, "14.1 These Terms are governed"), 1);
		T_INT(S_off(a, "5.2 We may update"), 1);
		/* only the named sub-clause, not its neighbour */
		T_INT(S_off(a, "5.1 We host"), 0);
		/* a partial disapplication, a cap named inside the subject, notwithstanding without
		 * a part, a part the document does not hold: nothing is switched off */
		T_INT(S_off(a, "7.1 We may use"), 0);
		T_INT(S_off(a, "13.1 Our liability"), 0);
		T_INT(S_off(a, "11.1 We may suspend"), 0);
		T_INT(S_off(a, "16.1 You shall indemnify"), 0);
		/* the declarations themselves count */
		T_INT(S_off(a, "S4.1 Section 12"), 0);
		T_INT(a->ndis, 3);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

static const char S_nl[] =
	"# Overeenkomst Zaaksysteem\n"
	"## Deel A – Bijzondere voorwaarden\n"
	"De Gemeente (hierna: \"Opdrachtgever\") en Acme B.V. (hierna: \"Opdrachtnemer\").\n"
	"A1 Artikel 9 van de Algemene Voorwaarden is niet van toepassing op deze Overeenkomst.\n"
	"A2 In afwijking van artikel 14 van de Algemene Voorwaarden geldt Nederlands recht.\n"
	"A3 Artikel 6 van de Algemene Voorwaarden is niet van toepassing indien Opdrachtgever "
	"daarom verzoekt.\n"
	"A4 Artikel 3 van de GIBIT is niet van toepassing.\n"
	"## Deel B – Algemene Voorwaarden Acme\n"
	"### Artikel 3 Levering\n"
	"3.1 Acme levert binnen dertig dagen.\n"
	"### Artikel 6 Gegevens\n"
	"6.1 Acme mag geanonimiseerde gegevens gebruiken.\n"
	"### Artikel 9 Aansprakelijkheid\n"
	"9.1 Acme is niet aansprakelijk voor verlies van gegevens.\n"
	"### Artikel 14 Toepasselijk recht\n"
	"14.1 Op deze voorwaarden is Iers recht van toepassing.\n";

static void test_nl(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(S_nl, &d);
	T_OK(a != NULL, "annotate");
	if (a) {
		T_INT(S_off(a, "9.1 Acme is niet aansprakelijk"), 1);
		T_INT(S_off(a, "14.1 Op deze voorwaarden"), 1);
		/* a condition ("indien"), and a framework the document does not hold */
		T_INT(S_off(a, "6.1 Acme mag"), 0);
		T_INT(S_off(a, "3.1 Acme levert"), 0);
		T_INT(a->ndis, 2);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

/* An override names its topic: "Notwithstanding clause 14 of the Service Terms,
 * this Agreement is governed by Dutch law" takes only the sub-clauses of clause
 * 14 that share a topic word with it (14.1 on law and courts), not 14.2
 * (assignment) or 14.3 (precedence); with one sub-clause, or when none or all
 * of them share one, the whole clause goes as before. */
static const char S_topic_en[] =
	"# Bookwell Order Form\n"
	"## Special Conditions\n"
	"The Municipality (the \"Customer\") and Bookwell Ltd (the \"Supplier\").\n"
	"B1 Notwithstanding clause 14 of the Service Terms, this Agreement is governed by Dutch law "
	"and disputes are submitted exclusively to the District Court of Gelderland.\n"
	"B2 Notwithstanding clause 9 of the Service Terms, the Supplier remains liable for its "
	"subprocessors.\n"
	"B3 Notwithstanding clause 7 of the Service Terms, the Supplier shall give 60 days' notice "
	"of a price change.\n"
	"## Service Terms\n"
	"### 7. Fees\n"
	"7.1 We may change our prices on 30 days' notice.\n"
	"7.2 We may change the price of any add-on on 14 days' notice.\n"
	"### 9. Liability\n"
	"9.1 Our total liability is limited to the fees paid in the last twelve months.\n"
	"9.2 We are not responsible for the acts of our subprocessors.\n"
	"### 14. General\n"
	"14.1 These Terms are governed by Irish law and the courts of Dublin have jurisdiction.\n"
	"14.2 Bookwell may assign this Agreement to an affiliate without the Customer's consent.\n"
	"14.3 If an order form conflicts with these Terms, the order form prevails.\n";

static const char S_topic_nl[] =
	"# Overeenkomst Sloten\n"
	"## Deel A - Bijzondere voorwaarden\n"
	"De Gemeente (hierna: \"Opdrachtgever\") en Acme B.V. (hierna: \"Opdrachtnemer\").\n"
	"A1 In afwijking van artikel 12 van de Algemene Voorwaarden meldt Acme "
	"beveiligingsincidenten binnen 24 uur.\n"
	"## Deel B - Algemene Voorwaarden\n"
	"### Artikel 12 Beveiliging\n"
	"12.1 Acme is gecertificeerd volgens ISO 27001.\n"
	"12.2 Acme meldt beveiligingsincidenten binnen 72 uur.\n"
	"12.3 Acme laat jaarlijks een penetratietest uitvoeren.\n";

static void test_override_topic(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(S_topic_en, &d);
	T_OK(a != NULL, "annotate");
	if (a) {
		T_INT(S_off(a, "14.1 These Terms are governed"), 1);
		T_INT(S_off(a, "14.2 Bookwell may assign"), 0);
		T_INT(S_off(a, "14.3 If an order form"), 0);
		T_INT(S_off(a, "9.2 We are not responsible"), 1);
		T_INT(S_off(a, "9.1 Our total liability"), 0);
		/* both sub-clauses are on prices: the whole clause goes */
		T_INT(S_off(a, "7.1 We may change"), 1);
		T_INT(S_off(a, "7.2 We may change"), 1);
		T_INT(S_off(a, "B1 Notwithstanding"), 0);
	}
	tl_annotated_free(a);
	tl_document_free(d);
	a = fx_annotate(S_topic_nl, &d);
	T_OK(a != NULL, "annotate");
	if (a) {
		T_INT(S_off(a, "12.2 Acme meldt"), 1);
		T_INT(S_off(a, "12.1 Acme is gecertificeerd"), 0);
		T_INT(S_off(a, "12.3 Acme laat"), 0);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

/* "Section 5.4 of the Customer Terms is replaced by the following: "..."": the old
 * clause goes, and the new text after the colon is a unit with its own subject. */
static void test_replaced(void)
{
	static const char text[] =
		"# Addendum\n"
		"## Customer Terms\n"
		"The Municipality (the \"Customer\") and Shelfwise Ltd (the \"Supplier\").\n"
		"5.4 We may disclose data where we believe that disclosure is required by law.\n"
		"## Amendments\n"
		"A4. Section 5.4 of the Customer Terms is replaced by the following: \"The Supplier shall "
		"notify the Customer of any request by a public authority before responding to it.\"\n";
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	T_OK(a != NULL, "annotate");
	if (a) {
		T_INT(S_off(a, "5.4 We may disclose"), 1);
		const tl_sentence *s = fx_find_at(a, "The Supplier shall notify", NULL);
		T_OK(s != NULL, "the new text is a unit of its own");
		if (s) {
			T_INT(s->modality, TL_MOD_OBLIGATION);
			T_INT(s->bound, TL_ROLE_VENDOR);
			T_INT(s->unit, 1);
		}
	}
	tl_annotated_free(a);
	tl_document_free(d);
	/* a colon that introduces no new text of a clause splits nothing */
	a = fx_annotate("The Municipality (the \"Customer\") and Shelfwise Ltd (the \"Supplier\").\n"
	                "The Supplier shall provide the following: a report, a plan and a log.\n",
	                &d);
	if (a) {
		const tl_sentence *s = fx_find_at(a, "The Supplier shall provide", NULL);
		T_OK(s && s->end - s->start > 40 && s->unit == 0, "one unit");
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

/* Many declarations and many clauses: at most 256 declarations are looked up
 * (each is a pass over the clause list), so the work stays linear. */
static void test_many(void)
{
	enum { N = 3000 };
	size_t cap = (size_t)N * 96 + 256, len = 0;
	char *text = malloc(cap);
	if (!text)
		return;
	len += (size_t)snprintf(text + len, cap - len, "## Part A\n");
	for (int i = 1; i <= N; i++)
		len += (size_t)snprintf(text + len, cap - len, "Section %d of Part B does not apply.\n", i);
	len += (size_t)snprintf(text + len, cap - len, "## Part B\n");
	for (int i = 1; i <= N; i++)
		len += (size_t)snprintf(text + len, cap - len, "%d. We may sell data.\n", i);
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	T_OK(a != NULL, "annotate");
	if (a)
		T_INT(a->ndis, 256);
	tl_annotated_free(a);
	tl_document_free(d);
	free(text);
}

/* A part named by a word of titles: the highest-level clause whose title holds
 * it ("Terms of Service"), not a clause deeper down ("1. Payment terms"). */
static void test_part_by_title(void)
{
	static const char text[] =
		"# Agreement\n"
		"## Part A\n"
		"The Municipality (the \"Customer\") and Acme Ltd (the \"Supplier\").\n"
		"S1 Section 3 of the Terms does not apply.\n"
		"## Annex 1\n"
		"### 1. Payment terms\n"
		"1.1 Fees are paid monthly.\n"
		"### 3. Prices\n"
		"3.1 Prices are fixed for a year.\n"
		"## Terms of Service\n"
		"### 3. Liability\n"
		"3.1 We are not liable for loss of data.\n";
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	T_OK(a != NULL, "annotate");
	if (a) {
		T_INT(S_off(a, "3.1 We are not liable"), 1);
		T_INT(S_off(a, "3.1 Prices are fixed"), 0);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

/* A Nota van Inlichtingen answer that rewrites a requirement row by its ID (s8 ask 7) */
static void test_rows(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(
		"Opdrachtgever: de gemeente (hierna: \"Opdrachtgever\"). Opdrachtnemer: de leverancier "
		"(hierna: \"Opdrachtnemer\").\n"
		"| ID | Eis | Type |\n"
		"| BP-4 | Opdrachtnemer meldt beveiligingsincidenten binnen 24 uur. | K |\n"
		"| BP-5 | Opdrachtnemer versleutelt de gegevens. | K |\n"
		"| BP-6 | Opdrachtnemer bewaart logbestanden zes maanden. | K |\n"
		"Vraag 11. Antwoord: Eis BP-4 wordt gewijzigd in: \"Opdrachtnemer meldt "
		"beveiligingsincidenten binnen 72 uur.\"\n"
		"Vraag 12. Antwoord: Eis BP-5 blijft ongewijzigd.\n"
		"Vraag 13. Antwoord: Eis BP-9 wordt gewijzigd in: \"Opdrachtnemer levert broncode.\"\n",
		&d);
	T_OK(a != NULL, "annotated");
	if (a) {
		T_INT(S_off(a, "Opdrachtnemer meldt beveiligingsincidenten binnen 24"), 1);
		T_INT(S_off(a, "Opdrachtnemer meldt beveiligingsincidenten binnen 72"), 0);
		const tl_sentence *n = fx_find_at(a, "Opdrachtnemer meldt beveiligingsincidenten binnen 72", NULL);
		T_OK(n && n->bound == TL_ROLE_VENDOR && n->modality == TL_MOD_OBLIGATION,
		     "the new text is the vendor's duty");
		T_INT(S_off(a, "Opdrachtnemer versleutelt"), 0); /* unchanged */
		T_INT(S_off(a, "Opdrachtnemer bewaart"), 0);     /* not named */
		T_INT(S_off(a, "Opdrachtnemer levert broncode"), 0); /* BP-9 is no row here */
	}
	tl_annotated_free(a);
	tl_document_free(d);
	a = fx_annotate(
		"The Municipality (the \"Customer\") and the supplier (the \"Supplier\").\n"
		"| ID | Requirement |\n"
		"| GG-4 | The Supplier hosts all data in the EU. |\n"
		"Question 4. Answer: Requirement GG-4 is amended to read: \"The Supplier hosts all data in "
		"the EEA.\"\n",
		&d);
	T_OK(a != NULL, "annotated");
	if (a) {
		T_INT(S_off(a, "The Supplier hosts all data in the EU"), 1);
		T_INT(S_off(a, "The Supplier hosts all data in the EEA"), 0);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

/* "is replaced:" with the new text after the colon (s8 ask 8) */
static void test_replaced_colon(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("# Part 1: Service Terms\n"
	                              "16. Governing law. These Service Terms are governed by the laws of "
	                              "the State of Delaware.\n"
	                              "# Part 2: Public Sector Addendum\n"
	                              "A4. Section 16 of the Service Terms is replaced: this Agreement is "
	                              "governed by Dutch law.\n",
	                              &d);
	T_OK(a != NULL, "annotated");
	if (a) {
		T_INT(S_off(a, "These Service Terms are governed"), 1);
		T_INT(S_off(a, "this Agreement is governed"), 0);
	}
	tl_annotated_free(a);
	tl_document_free(d);
	a = fx_annotate("# Deel 1: Algemene Voorwaarden\n"
	                "9. Bewaartermijn. Wij bewaren opnamen 90 dagen.\n"
	                "# Deel 2: Aanvullende bepalingen\n"
	                "A3. Artikel 9 van de Algemene Voorwaarden wordt vervangen: opnamen worden na 28 "
	                "dagen verwijderd.\n",
	                &d);
	T_OK(a != NULL, "annotated");
	if (a) {
		T_INT(S_off(a, "Wij bewaren opnamen"), 1);
		T_INT(S_off(a, "opnamen worden na 28"), 0);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

int main(void)
{
	test_replaced_colon();
	test_rows();
	test_part_by_title();
	test_many();
	test_en();
	test_nl();
	test_override_topic();
	test_replaced();
	return T_DONE();
}
