/* Unit tests for src/analyze (polarity.c, parties.c; s9 engine asks 2 and 3):
 * - a negated hindrance with a that-clause is a permission for the clause's
 *   subject: "Artikel 4.2 staat er niet aan in de weg dat Opdrachtnemer de
 *   Gegevens gebruikt" lets the vendor use the data, as "does not prevent the
 *   Supplier from using" does; so is "Nothing in this Agreement restricts the
 *   Customer from publishing", "Niets ... beperkt Opdrachtgever in ...", "No
 *   provision ... limits", "Geen bepaling ... belemmert" (s10 ask 5 of A), while
 *   "The Supplier shall not restrict access" stays a ban and "The Supplier
 *   limits access" a duty;
 * - the vendor's other customers ("haar andere klanten", "its other
 *   customers") are third parties, not the customer side; "de andere partij",
 *   "the other party" still is a side. */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* The modality and bound role of the unit starting with `first` in the
 * preamble plus sentence. */
static void S_unit(const char *pre, const char *sentence, const char *first, tl_modality mod, tl_role role)
{
	tl_document *d;
	tl_annotated *a = fx_annotate_pre(pre, sentence, &d);
	T_OK(a != NULL, "annotate: %s", sentence);
	if (!a)
		return;
	const tl_sentence *s = fx_find(a, first);
	T_OK(s != NULL, "a unit starts with \"%s\"", first);
	if (s)
		T_OK(s->modality == mod && s->bound == role, "\"%s\": %s bound %s, want %s bound %s", sentence,
		     tl_modality_name(s->modality), tl_role_name(s->bound), tl_modality_name(mod),
		     tl_role_name(role));
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_not_prevented(void)
{
	S_unit(fx_pre_nl,
	       "Het bepaalde in artikel 4.2 staat er niet aan in de weg dat Opdrachtnemer de Gegevens gebruikt om "
	       "haar producten te verbeteren.",
	       "Het bepaalde", TL_MOD_PERMISSION, TL_ROLE_VENDOR);
	S_unit(fx_pre_nl, "Artikel 4.2 belet niet dat Opdrachtnemer de Gegevens gebruikt voor eigen doeleinden.",
	       "Artikel 4.2", TL_MOD_PERMISSION, TL_ROLE_VENDOR);
	S_unit(fx_pre_nl, "Dit artikel verhindert niet dat Opdrachtnemer de Gegevens aan derden verstrekt.",
	       "Dit artikel", TL_MOD_PERMISSION, TL_ROLE_VENDOR);
	/* the party that does not prevent it is not the one who may act */
	S_unit(fx_pre_nl, "Opdrachtnemer staat er niet aan in de weg dat Opdrachtgever de broncode publiceert.",
	       "Opdrachtnemer staat", TL_MOD_PERMISSION, TL_ROLE_CUSTOMER);
	S_unit(fx_pre_en, "Nothing in this clause prevents that the Supplier uses the Customer Data for analytics.",
	       "Nothing in", TL_MOD_PERMISSION, TL_ROLE_VENDOR);
	/* as before: "does not prevent X from" */
	S_unit(fx_pre_en, "Clause 4.2 does not prevent the Supplier from using the Customer Data.", "Clause 4.2",
	       TL_MOD_PERMISSION, TL_ROLE_VENDOR);
}

static void test_prevented(void)
{
	/* without the negation the clause stands in the way: no permission */
	tl_document *d;
	tl_annotated *a = fx_annotate_pre(fx_pre_nl, "Artikel 4.2 staat eraan in de weg dat Opdrachtnemer de Gegevens "
	                                             "gebruikt.",
	                                  &d);
	const tl_sentence *s = a ? fx_find(a, "Artikel 4.2") : NULL;
	T_OK(s && s->modality != TL_MOD_PERMISSION, "nl: staat eraan in de weg is no permission");
	tl_annotated_free(a);
	tl_document_free(d);
}

/* 1 when the token of the unit starting with `first` whose fold is `word` is a party mention. */
static int S_party_word(const char *pre, const char *sentence, const char *first, const char *word)
{
	tl_document *d;
	tl_annotated *a = fx_annotate_pre(pre, sentence, &d);
	const tl_sentence *s = a ? fx_find(a, first) : NULL;
	int party = -1;
	for (uint32_t k = 0; s && k < s->ntok; k++)
		if (s->tok[k].fold && !strcmp(s->tok[k].fold, word))
			party = (s->tok[k].flags & TL_TOK_PARTY) != 0;
	T_OK(party >= 0, "\"%s\" has the word \"%s\"", sentence, word);
	tl_annotated_free(a);
	tl_document_free(d);
	return party == 1;
}

static void test_other_customers(void)
{
	T_OK(!S_party_word(fx_pre_nl, "Opdrachtnemer deelt rapportages met haar andere klanten.", "Opdrachtnemer deelt",
	                   "klanten"),
	     "nl: haar andere klanten");
	T_OK(!S_party_word(fx_pre_nl, "Opdrachtnemer mag dezelfde rapportage aan een andere gemeente leveren.",
	                   "Opdrachtnemer mag", "gemeente"),
	     "nl: een andere gemeente");
	T_OK(!S_party_word(fx_pre_nl, "Opdrachtnemer deelt de cijfers met haar overige opdrachtgevers.",
	                   "Opdrachtnemer deelt", "opdrachtgevers"),
	     "nl: haar overige opdrachtgevers");
	T_OK(!S_party_word(fx_pre_nl, "Opdrachtnemer levert dezelfde rapportages aan andere bestaande klanten.",
	                   "Opdrachtnemer levert", "klanten"),
	     "nl: andere bestaande klanten");
	T_OK(!S_party_word(fx_pre_en, "The Supplier shares reports with its other customers.", "The Supplier shares",
	                   "customers"),
	     "en: its other customers");
	T_OK(!S_party_word(fx_pre_en, "The Supplier may offer the same model to another municipality.",
	                   "The Supplier may", "municipality"),
	     "en: another municipality");
	/* the counterparty and the customer itself stay sides */
	T_OK(S_party_word(fx_pre_nl, "Opdrachtnemer informeert de andere partij schriftelijk.", "Opdrachtnemer informeert",
	                  "partij"),
	     "nl: de andere partij");
	T_OK(S_party_word(fx_pre_en, "Either party shall notify the other party in writing.", "Either party", "party"),
	     "en: the other party");
	T_OK(S_party_word(fx_pre_nl, "Opdrachtnemer deelt rapportages met Opdrachtgever.", "Opdrachtnemer deelt",
	                  "opdrachtgever"),
	     "nl: Opdrachtgever");
}

static void test_nothing_restricts(void)
{
	S_unit(fx_pre_en, "Nothing in this Agreement restricts the Customer from publishing such data.", "Nothing in",
	       TL_MOD_PERMISSION, TL_ROLE_CUSTOMER);
	S_unit(fx_pre_en, "No provision of this Agreement limits the Customer in engaging another supplier.", "No provision",
	       TL_MOD_PERMISSION, TL_ROLE_CUSTOMER);
	S_unit(fx_pre_en, "Nothing in clause 7 restricts the Supplier from using aggregated statistics.", "Nothing in",
	       TL_MOD_PERMISSION, TL_ROLE_VENDOR);
	S_unit(fx_pre_en, "None of the foregoing restricts the Customer from sharing the data with other authorities.",
	       "None of", TL_MOD_PERMISSION, TL_ROLE_CUSTOMER);
	S_unit(fx_pre_nl, "Niets in deze Overeenkomst beperkt Opdrachtgever in het delen of publiceren van die gegevens.",
	       "Niets in", TL_MOD_PERMISSION, TL_ROLE_CUSTOMER);
	S_unit(fx_pre_nl, "Geen bepaling van deze Overeenkomst belemmert Opdrachtgever bij het publiceren van de Gegevens.",
	       "Geen bepaling", TL_MOD_PERMISSION, TL_ROLE_CUSTOMER);
	S_unit(fx_pre_nl, "Niets in artikel 7 beperkt Opdrachtnemer in het gebruik van geaggregeerde statistieken.",
	       "Niets in", TL_MOD_PERMISSION, TL_ROLE_VENDOR);
	S_unit(fx_pre_nl, "Niets in deze bijlage beperkt Opdrachtgever in het hergebruik van de Gegevens.", "Niets in",
	       TL_MOD_PERMISSION, TL_ROLE_CUSTOMER);
	/* must not: a party's own "not restrict" is a ban, a plain "limits" a duty */
	S_unit(fx_pre_en, "The Supplier shall not restrict access to the Customer Data.", "The Supplier",
	       TL_MOD_PROHIBITION, TL_ROLE_VENDOR);
	S_unit(fx_pre_en, "The Supplier limits access to authorised staff.", "The Supplier", TL_MOD_OBLIGATION,
	       TL_ROLE_VENDOR);
	/* (a Dutch indicative after this preamble is a statement, as before) */
	S_unit(fx_pre_nl, "Opdrachtnemer beperkt de toegang tot de Gegevens niet.", "Opdrachtnemer", TL_MOD_STATEMENT,
	       TL_ROLE_VENDOR);
	S_unit(fx_pre_nl, "Opdrachtnemer beperkt de toegang tot geautoriseerde medewerkers.", "Opdrachtnemer",
	       TL_MOD_STATEMENT, TL_ROLE_VENDOR);
}

int main(void)
{
	test_nothing_restricts();
	test_not_prevented();
	test_prevented();
	test_other_customers();
	return T_DONE();
}
