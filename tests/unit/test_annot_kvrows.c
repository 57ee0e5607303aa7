/* Unit tests for key/value rows (src/analyze/kvrows.c; s10 engine asks B9,
 * A7 and C9): in a two-column table of short labels and their values, in a
 * document whose vendor is known,
 * - a verbless value without a subject of its own ("binnen 24 uur", "ISO/IEC
 *   27001, maintained for the term", "Yes") is the vendor's commitment;
 * - a value that is only "No", "Nee", "Not used", "Geen", "N.v.t." makes the
 *   row a negated statement about the label (as "Wi-Fi tracking is not used"
 *   reads): value and label, whose words are in the negation's scope;
 * - a negated value ("niet toegestaan") stays negated and binds no one;
 * - a label that names who acts ("Gebruik door Opdrachtnemer", "Customer
 *   responsibilities") gives the value that party, or none.
 * Not: a header row, a table of definitions or prices, a value with its own
 * subject, a document without a known vendor, a table of three columns. */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

typedef struct {
	int bound, modality;
	uint32_t flags;
	int neg_first; /* the first token is in a negation's scope */
} S_read;

/* The reading of the unit starting with `prefix` in pre + text; bound -1 when absent. */
static S_read S_at(const char *pre, const char *text, const char *prefix)
{
	char all[4096];
	snprintf(all, sizeof all, "%s%s", pre, text);
	tl_document *d;
	tl_annotated *a = fx_annotate(all, &d);
	const tl_sentence *s = a ? fx_find(a, prefix) : NULL;
	S_read r = {-1, -1, 0, 0};
	if (s) {
		r.bound = (int)s->bound;
		r.modality = (int)s->modality;
		r.flags = s->flags;
		r.neg_first = s->ntok && (s->tok[0].flags & TL_TOK_NEG_SCOPE);
	}
	tl_annotated_free(a);
	tl_document_free(d);
	return r;
}

static const char S_nl[] = "Tussen de Gemeente Lindewaard (hierna: \"Opdrachtgever\") en Acme B.V. (hierna: "
                           "\"Opdrachtnemer\").\n";
static const char S_en[] = "Between the Municipality of Eastbrook (the \"Customer\") and Acme Ltd (the "
                           "\"Supplier\").\n";

static const char S_tab_nl[] = "| Onderwerp | Afspraak |\n"
                               "| Melding beveiligingsincidenten | binnen 24 uur |\n"
                               "| Certificering | ISO/IEC 27001, gedurende de looptijd |\n"
                               "| Wifi-tracking | Nee |\n"
                               "| Doorverkoop van Gegevens | niet toegestaan |\n"
                               "| Versleuteling | Ja |\n"
                               "| Prijs per maand | EUR 1.200 |\n"
                               "| Opdrachtgever levert aan | een lijst van gebruikers |\n";
static const char S_tab_en[] = "| Topic | Commitment |\n"
                               "| Security incident notification | within 24 hours |\n"
                               "| Certification | ISO/IEC 27001, maintained for the term |\n"
                               "| Wi-Fi tracking | No |\n"
                               "| Facial recognition | Not used |\n"
                               "| Customer responsibilities | a list of users |\n"
                               "| Monthly fee | EUR 1,200 |\n"
                               "| Hosting | The Customer hosts the portal. |\n";

static void test_vendor_commitment(void)
{
	S_read r = S_at(S_nl, S_tab_nl, "binnen 24 uur");
	T_INT(r.bound, TL_ROLE_VENDOR);
	T_INT(r.modality, TL_MOD_OBLIGATION);
	r = S_at(S_nl, S_tab_nl, "ISO/IEC 27001, gedurende");
	T_INT(r.bound, TL_ROLE_VENDOR);
	T_INT(r.modality, TL_MOD_OBLIGATION);
	r = S_at(S_nl, S_tab_nl, "Ja");
	T_INT(r.bound, TL_ROLE_VENDOR);
	r = S_at(S_en, S_tab_en, "within 24 hours");
	T_INT(r.bound, TL_ROLE_VENDOR);
	T_INT(r.modality, TL_MOD_OBLIGATION);
	r = S_at(S_en, S_tab_en, "ISO/IEC 27001, maintained");
	T_INT(r.bound, TL_ROLE_VENDOR);
	/* the label keeps its own reading (a clause-scope pattern reads it with the value) */
	T_INT(S_at(S_nl, S_tab_nl, "Melding beveiligingsincidenten").bound, TL_ROLE_NONE);
	/* the customer named as the owner of the data is not the one who acts */
	static const char owner[] = "| Data | Retention |\n"
	                            "| Raw Customer Telemetry (hot) | 30 days |\n";
	T_INT(S_at(S_en, owner, "30 days").bound, TL_ROLE_VENDOR);
	/* a label that names the vendor as the one who acts */
	static const char by[] = "| Onderwerp | Afspraak |\n"
	                         "| Gebruik door Opdrachtnemer | ook voor verbetering van het eigen product |\n";
	T_INT(S_at(S_nl, by, "ook voor verbetering").bound, TL_ROLE_VENDOR);
}

static void test_no_answers_the_label(void)
{
	S_read r = S_at(S_nl, S_tab_nl, "Nee");
	T_OK(r.flags & TL_SENT_NEGATED, "Nee negates");
	T_INT(r.modality, TL_MOD_PROHIBITION);
	T_OK(S_at(S_nl, S_tab_nl, "Wifi-tracking").neg_first, "label in the negation's scope");
	T_OK(S_at(S_nl, S_tab_nl, "Wifi-tracking").flags & TL_SENT_NEGATED, "label negated");
	T_INT(S_at(S_en, S_tab_en, "Wi-Fi tracking").modality, TL_MOD_PROHIBITION);
	r = S_at(S_en, S_tab_en, "No");
	T_OK(r.flags & TL_SENT_NEGATED, "No negates");
	T_INT(r.modality, TL_MOD_PROHIBITION);
	T_OK(S_at(S_en, S_tab_en, "Wi-Fi tracking").neg_first, "label in the negation's scope");
	r = S_at(S_en, S_tab_en, "Not used");
	T_INT(r.modality, TL_MOD_PROHIBITION);
	T_OK(S_at(S_en, S_tab_en, "Facial recognition").neg_first, "label in the negation's scope");
	/* a negated value stays negated and binds no one */
	r = S_at(S_nl, S_tab_nl, "niet toegestaan");
	T_INT(r.bound, TL_ROLE_NONE);
	T_INT(r.modality, TL_MOD_PROHIBITION);
	/* a "Yes" leaves its label affirmed */
	T_OK(!S_at(S_nl, S_tab_nl, "Versleuteling").neg_first, "Ja affirms");
}

static void test_must_not(void)
{
	/* the header row, prices, a customer's label, a value with its own subject */
	T_INT(S_at(S_nl, S_tab_nl, "Afspraak").bound, TL_ROLE_NONE);
	T_INT(S_at(S_en, S_tab_en, "Commitment").bound, TL_ROLE_NONE);
	T_INT(S_at(S_nl, S_tab_nl, "EUR 1.200").bound, TL_ROLE_NONE);
	T_INT(S_at(S_en, S_tab_en, "EUR 1,200").bound, TL_ROLE_NONE);
	T_OK(S_at(S_nl, S_tab_nl, "een lijst van gebruikers").bound != TL_ROLE_VENDOR, "customer's label");
	T_OK(S_at(S_en, S_tab_en, "a list of users").bound != TL_ROLE_VENDOR, "customer's label");
	T_INT(S_at(S_en, S_tab_en, "The Customer hosts").bound, TL_ROLE_CUSTOMER);
	/* a table of definitions */
	static const char defs[] = "| Begrip | Betekenis |\n"
	                           "| Incident | een inbreuk op de beveiliging |\n";
	T_INT(S_at(S_nl, defs, "een inbreuk").bound, TL_ROLE_NONE);
	static const char abbr[] = "| Afkorting | Uitleg |\n"
	                           "| IBD | Informatie Beveiligings Dienst |\n";
	T_INT(S_at(S_nl, abbr, "Informatie Beveiligings").bound, TL_ROLE_NONE);
	static const char under[] = "# Definitions\n"
	                            "| Incident | a breach of security |\n";
	T_INT(S_at(S_en, under, "a breach").bound, TL_ROLE_NONE);
	/* an unfilled placeholder commits to nothing yet */
	static const char ph[] = "| Security Policy | {security_policy_description} |\n";
	T_INT(S_at(S_en, ph, "{security").bound, TL_ROLE_NONE);
	/* no known vendor */
	T_INT(S_at("Dit document beschrijft de dienst.\n", S_tab_nl, "binnen 24 uur").bound, TL_ROLE_NONE);
	/* three columns: no key/value table */
	static const char three[] = "| Onderwerp | Afspraak | Norm |\n"
	                            "| Melding | binnen 24 uur | AVG |\n";
	T_INT(S_at(S_nl, three, "binnen 24 uur").bound, TL_ROLE_NONE);
	T_OK(!(S_at(S_nl, three, "Melding").flags & TL_SENT_NEGATED), "three columns");
	/* "Nee" in running text is no answer to a label */
	T_INT(S_at(S_nl, "Nee. Dat doet de leverancier.\n", "Nee").modality, TL_MOD_STATEMENT);
}

int main(void)
{
	test_vendor_commitment();
	test_no_answers_the_label();
	test_must_not();
	return T_DONE();
}
