/* Unit tests for src/analyze: a denied conjunct after an affirmed predicate
 * ("Bids are encrypted ... and cannot be opened earlier", "Opdrachtnemer
 * verwerkt ... en slaat geen ruwe beelden op") is a unit of its own, so the
 * first predicate keeps its modality (docs/annotation.md, Sentences and
 * units). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"


/* Annotates the preamble of the language and one sentence; checks the
 * modality and bound role of the unit starting with `first` and of the one
 * starting with `second` (NULL: the sentence stays one unit, with `mod2` as
 * its modality). */
static void S_units(const char *pre, const char *sentence, const char *first, tl_modality mod1,
                    tl_role role1, const char *second, tl_modality mod2, tl_role role2)
{
	tl_document *d;
	tl_annotated *a = fx_annotate_pre(pre, sentence, &d);
	T_OK(a != NULL, "annotate: %s", sentence);
	if (!a)
		return;
	const tl_sentence *s1 = fx_find(a, first);
	T_OK(s1 != NULL, "a unit starts with \"%s\"", first);
	if (s1 && second) {
		T_OK(s1->unit == 0 && s1->modality == mod1 && s1->bound == role1,
		     "\"%s\": unit %u %s bound %s, want unit 0 %s bound %s", first, s1->unit,
		     tl_modality_name(s1->modality), tl_role_name(s1->bound), tl_modality_name(mod1),
		     tl_role_name(role1));
		T_OK(!(s1->flags & TL_SENT_NEGATED), "\"%s\" is not negated", first);
		const tl_sentence *s2 = fx_find(a, second);
		T_OK(s2 != NULL && s2->unit == 1, "\"%s\" is the second unit", second);
		if (s2)
			T_OK(s2->modality == mod2 && s2->bound == role2, "\"%s\": %s bound %s, want %s bound %s",
			     second, tl_modality_name(s2->modality), tl_role_name(s2->bound),
			     tl_modality_name(mod2), tl_role_name(role2));
	} else if (s1) {
		T_OK(s1->unit == 0 && s1->ntok > 0 && (s1 + 1 >= a->sent + a->nsent || s1[1].unit == 0),
		     "\"%s\" stays one unit", sentence);
		T_OK(s1->modality == mod2 && s1->bound == role2, "\"%s\": %s bound %s, want %s bound %s",
		     sentence, tl_modality_name(s1->modality), tl_role_name(s1->bound),
		     tl_modality_name(mod2), tl_role_name(role2));
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_denied_conjunct_en(void)
{
	/* blind7 en-eprocurement-platform 5.3: the bids are encrypted (a duty), and
	 * opening them early is what is denied; the passive agent binds the second part */
	S_units(fx_pre_en,
	        "Bids are encrypted until the opening time and cannot be opened earlier, not even by "
	        "the Supplier.",
	        "Bids are encrypted", TL_MOD_OBLIGATION, TL_ROLE_NONE, "and cannot be opened",
	        TL_MOD_PROHIBITION, TL_ROLE_VENDOR);
	S_units(fx_pre_en, "The Supplier processes Customer Data in the EU and does not sell it.",
	        "The Supplier processes", TL_MOD_OBLIGATION, TL_ROLE_VENDOR, "and does not sell",
	        TL_MOD_PROHIBITION, TL_ROLE_VENDOR);
	S_units(fx_pre_en, "The Supplier stores Customer Data in the Netherlands and never transfers it abroad.",
	        "The Supplier stores", TL_MOD_OBLIGATION, TL_ROLE_VENDOR, "and never transfers",
	        TL_MOD_PROHIBITION, TL_ROLE_VENDOR);
	/* "never longer than": a limit, not a second predicate */
	S_units(fx_pre_en,
	        "The Supplier keeps camera images only as long as needed, and never longer than 14 days.",
	        "The Supplier keeps", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_PROHIBITION,
	        TL_ROLE_VENDOR);
	/* both denied: one prohibition */
	S_units(fx_pre_en, "The Supplier does not sell Customer Data and does not disclose it.",
	        "The Supplier does not sell", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL,
	        TL_MOD_PROHIBITION, TL_ROLE_VENDOR);
	/* a conditional clause with its own verb keeps its coordination */
	S_units(fx_pre_en,
	        "If the Customer terminates the Agreement and does not renew it, the Supplier shall "
	        "return Customer Data.",
	        "If the Customer", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_OBLIGATION,
	        TL_ROLE_VENDOR);
}

static void test_denied_conjunct_nl(void)
{
	S_units(fx_pre_nl,
	        "Opdrachtnemer verwerkt de beelden op het apparaat zelf en slaat geen ruwe beelden op.",
	        "Opdrachtnemer verwerkt", TL_MOD_OBLIGATION, TL_ROLE_VENDOR, "en slaat geen",
	        TL_MOD_PROHIBITION, TL_ROLE_VENDOR);
	S_units(fx_pre_nl, "Opdrachtnemer bewaart de Gegevens in Nederland en verstrekt deze niet aan derden.",
	        "Opdrachtnemer bewaart", TL_MOD_OBLIGATION, TL_ROLE_VENDOR, "en verstrekt deze niet",
	        TL_MOD_PROHIBITION, TL_ROLE_VENDOR);
	/* both denied: one prohibition */
	S_units(fx_pre_nl, "Opdrachtnemer verkoopt de Gegevens niet en verstrekt deze niet aan derden.",
	        "Opdrachtnemer verkoopt", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_PROHIBITION,
	        TL_ROLE_VENDOR);
	/* a copula with a noun states a fact: the denial stays the sentence's */
	S_units(fx_pre_nl,
	        "De broncode en de parameters van het model zijn bedrijfsgeheim van de fabrikant en "
	        "worden niet verstrekt.",
	        "De broncode", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_PROHIBITION, TL_ROLE_NONE);
	/* a list of nouns is no predicate ("godsdienst" before its verb is a noun) */
	S_units(fx_pre_nl,
	        "Naam, BSN, nationaliteit, geslacht en godsdienst worden niet aan de rekenmodule "
	        "doorgegeven.",
	        "Naam, BSN", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_PROHIBITION, TL_ROLE_NONE);
}

/* A modal inside a comma-less relative clause is the relative's own when the
 * main clause has its verb before it, or resumes after it (s6 ask 5). */
static void test_relative_modal(void)
{
	const char *pre = "The Municipality (the \"Customer\") and the contractor (the \"Contractor\").\n";
	S_units(pre,
	        "Flights, the Defect Model and the Inspection Platform are separate services that the "
	        "Customer may replace independently of one another.",
	        "Flights", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_STATEMENT, TL_ROLE_NONE);
	S_units(pre, "The Contractor's obligations that the Customer may enforce are set out in Annex 2.",
	        "The Contractor's", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_OBLIGATION, TL_ROLE_NONE);
	S_units(pre, "All reports that the Contractor may produce shall be delivered to the Customer.",
	        "All reports", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_OBLIGATION, TL_ROLE_NONE);
	/* the relative's own verb before the modal: the modal is the main clause's */
	S_units(pre,
	        "Requests from data subjects that the Contractor receives directly shall be forwarded to "
	        "the Customer.",
	        "Requests", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_OBLIGATION, TL_ROLE_NONE);
	/* Dutch relatives end at their own verb: the main modal stays the main one */
	S_units(fx_pre_nl, "Rapporten die Opdrachtnemer mag opstellen, worden aan Opdrachtgever geleverd.",
	        "Rapporten", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_OBLIGATION, TL_ROLE_NONE);
}

/* "kunt" and "zult" (second person) are the cues "kan" and "zal" are (s8 ask 11) */
static void test_second_person(void)
{
	S_units(fx_pre_nl, "U kunt in uw project anoniem reageren toestaan.", "U kunt", TL_MOD_STATEMENT,
	        TL_ROLE_NONE, NULL, TL_MOD_PERMISSION, TL_ROLE_CUSTOMER);
	S_units(fx_pre_nl, "U kunt uw gegevens niet exporteren.", "U kunt", TL_MOD_STATEMENT, TL_ROLE_NONE,
	        NULL, TL_MOD_PROHIBITION, TL_ROLE_CUSTOMER);
	S_units(fx_pre_nl, "U zult uw wachtwoord geheimhouden.", "U zult", TL_MOD_STATEMENT, TL_ROLE_NONE,
	        NULL, TL_MOD_OBLIGATION, TL_ROLE_CUSTOMER);
}

/* A ';' item that opens with its verb continues the subject before it (s8 ask 12) */
static void test_semicolon_items(void)
{
	S_units(fx_pre_en,
	        "The Supplier processes Customer Data only on documented instructions; binds its staff "
	        "to confidentiality; assists with data subjects' requests.",
	        "binds its staff", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_OBLIGATION, TL_ROLE_VENDOR);
	S_units(fx_pre_nl,
	        "Opdrachtnemer verwerkt de Gegevens in de EU; verstrekt geen Gegevens aan derden; meldt "
	        "datalekken binnen 24 uur.",
	        "verstrekt geen", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_PROHIBITION, TL_ROLE_VENDOR);
	/* an item with a subject, a label or a noun of its own stays on its own */
	S_units(fx_pre_en, "The Supplier stores Customer Data in the EU; logs are kept for six months.",
	        "logs are kept", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_OBLIGATION, TL_ROLE_NONE);
	S_units(fx_pre_en,
	        "The Supplier warrants that it will (i) comply with the law; (ii) the Customer may audit "
	        "it.",
	        "(ii) the Customer", TL_MOD_STATEMENT, TL_ROLE_NONE, NULL, TL_MOD_PERMISSION,
	        TL_ROLE_CUSTOMER);
}

int main(void)
{
	test_semicolon_items();
	test_second_person();
	test_relative_modal();
	test_denied_conjunct_en();
	test_denied_conjunct_nl();
	return T_DONE();
}
