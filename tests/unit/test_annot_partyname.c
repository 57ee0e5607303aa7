/* Unit tests for a party known by its trade name (src/analyze/aliases.c,
 * shortname.c): a parenthesis that gives the trade name and the role word
 * ("Kestrel" or the "Supplier"; hierna: "Kestrel" of de "Leverancier") makes
 * both the vendor's; the other party of a two-party preamble is the vendor
 * also when its legal form is foreign (ApS, AS, Oy, SAS, S.r.l.) or when its
 * name says where it is registered or established ("registered under business
 * ID ...", "gevestigd te ...", "ingeschreven bij de Kamer van Koophandel");
 * and a sentence with the trade name as its subject binds the vendor; an
 * unquoted alias after an article ("hierna: de Gemeente", "hereinafter: the
 * Council") is the alias without it (s10 engine asks 1 and 2).
 * Not: two companies beside the customer (no guess), a name with no sign of a
 * company, a thing's alias list ("the alerting service" ("Service" or the
 * "Platform")). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

static void test_trade_name_or_role_word(void)
{
	static const char en1[] = "Between the City of Northdale (the \"City\") and Kestrel Data AS, Oslo "
	                          "(\"Kestrel\" or the \"Supplier\").\n\n"
	                          "4.1 Kestrel may use the usage logs to improve its other services.\n";
	T_INT(fx_term_role(en1, "Kestrel"), TL_ROLE_VENDOR);
	T_INT(fx_term_role(en1, "Supplier"), TL_ROLE_VENDOR);
	T_INT(fx_bound(en1, "4.1 Kestrel"), TL_ROLE_VENDOR);
	static const char en2[] = "This contract is concluded by the Municipality of Eastbrook (the "
	                          "\"Municipality\") and Quill Analytics Ltd, London (hereinafter \"Quill\" "
	                          "or the \"Contractor\").\n\n"
	                          "7.2 Quill shall delete the logs within 30 days.\n";
	T_INT(fx_term_role(en2, "Quill"), TL_ROLE_VENDOR);
	T_INT(fx_bound(en2, "7.2 Quill"), TL_ROLE_VENDOR);
	static const char en3[] = "The Municipality of Eastbrook (the \"Customer\") and Nimbus Hosting Ltd "
	                          "(\"Nimbus\", the \"Provider\").\n\n"
	                          "Nimbus shall not sell the data.\n";
	T_INT(fx_term_role(en3, "Nimbus"), TL_ROLE_VENDOR);
	T_INT(fx_term_role(en3, "Provider"), TL_ROLE_VENDOR);
	static const char nl1[] = "De gemeente Zeewolde (hierna: \"Gemeente\") en Kestrel Data AS, gevestigd te "
	                          "Oslo (hierna: \"Kestrel\" of de \"Leverancier\").\n\n"
	                          "4.1 Kestrel mag de gebruiksgegevens gebruiken voor haar andere diensten.\n";
	T_INT(fx_term_role(nl1, "Kestrel"), TL_ROLE_VENDOR);
	T_INT(fx_term_role(nl1, "Leverancier"), TL_ROLE_VENDOR);
	T_INT(fx_bound(nl1, "4.1 Kestrel"), TL_ROLE_VENDOR);
	static const char nl2[] = "Gemeente Zeewolde (hierna: \"Opdrachtgever\") en Quill Analytics B.V. "
	                          "(hierna: \"Quill\" of \"Opdrachtnemer\").\n\n"
	                          "Quill verwijdert de logbestanden binnen 30 dagen.\n";
	T_INT(fx_term_role(nl2, "Quill"), TL_ROLE_VENDOR);
	T_INT(fx_bound(nl2, "Quill verwijdert"), TL_ROLE_VENDOR);
}

static void test_other_party_foreign_or_registered(void)
{
	/* foreign legal forms */
	static const char *const forms[] = {"ApS", "A/S", "Oy", "SAS", "S.r.l.", "AB", "PLC", NULL};
	for (const char *const *f = forms; *f; f++) {
		char text[512];
		snprintf(text, sizeof text,
		         "Between the Municipality of Westerdijk (the \"Municipality\") and Fjord Signal %s, "
		         "Copenhagen (\"Fjord\").\n\nFjord may suspend the service.\n",
		         *f);
		T_OK(fx_term_role(text, "Fjord") == TL_ROLE_VENDOR, "legal form %s", *f);
		T_OK(fx_bound(text, "Fjord may") == TL_ROLE_VENDOR, "bound, legal form %s", *f);
	}
	/* no legal form, but registered or established somewhere */
	T_INT(fx_term_role("Between the Municipality of Westerdijk (the \"Municipality\") and Fjord Signal, registered "
	             "under business ID 1234567-8 (\"Fjord\").\n",
	             "Fjord"),
	      TL_ROLE_VENDOR);
	T_INT(fx_term_role("Between the Municipality of Westerdijk (the \"Municipality\") and Fjord Signal, with its "
	             "registered office in Aarhus (\"Fjord\").\n",
	             "Fjord"),
	      TL_ROLE_VENDOR);
	T_INT(fx_term_role("De gemeente Zeewolde (hierna: \"Gemeente\") en Fjordsoft, ingeschreven bij de Kamer van "
	             "Koophandel onder nummer 12345678 (hierna: \"Fjordsoft\").\n",
	             "Fjordsoft"),
	      TL_ROLE_VENDOR);
	T_INT(fx_term_role("De gemeente Zeewolde (hierna: \"Gemeente\") en de eenmanszaak Fjordsoft, gevestigd te "
	             "Almere (hierna: \"Fjordsoft\").\n",
	             "Fjordsoft"),
	      TL_ROLE_VENDOR);
}

static void test_not_guessed(void)
{
	/* two companies beside the customer: which one delivers is not guessed */
	static const char two[] = "Between the Municipality of Westerdijk (the \"Municipality\"), Alpha Data ApS "
	                          "(\"Alpha\") and Beta Cloud AS (\"Beta\").\n";
	T_OK(fx_term_role(two, "Alpha") != TL_ROLE_VENDOR, "en: two companies, Alpha");
	T_OK(fx_term_role(two, "Beta") != TL_ROLE_VENDOR, "en: two companies, Beta");
	static const char twonl[] = "De gemeente Zeewolde (hierna: \"Gemeente\"), Alfa Data B.V., gevestigd te "
	                            "Delft (hierna: \"Alfa\") en Beta Cloud AS, gevestigd te Oslo (hierna: "
	                            "\"Beta\").\n";
	T_OK(fx_term_role(twonl, "Alfa") != TL_ROLE_VENDOR, "nl: two companies, Alfa");
	/* no sign of a company: a product or a project name */
	T_OK(fx_term_role("Between the Municipality of Westerdijk (the \"Municipality\") and the Fjord project "
	            "(\"Fjord\").\n",
	            "Fjord") != TL_ROLE_VENDOR,
	     "en: a project is no party");
	T_OK(fx_term_role("De gemeente Zeewolde (hierna: \"Gemeente\") en het programma Fjord (hierna: \"Fjord\").\n",
	            "Fjord") != TL_ROLE_VENDOR,
	     "nl: a programme is no party");
	/* a thing's two names: neither is a party */
	static const char thing[] = "The Municipality (the \"Customer\") and Nimbus Hosting Ltd (the "
	                            "\"Supplier\").\n\nThe Supplier provides an alerting service (\"Service\" or "
	                            "the \"Platform\").\n";
	T_OK(fx_term_role(thing, "Platform") == TL_ROLE_NONE, "en: the thing's second name");
	T_OK(fx_term_role(thing, "Service") == TL_ROLE_NONE, "en: the thing's first name");
	/* the customer's alias list stays the customer's */
	T_INT(fx_term_role("Between the Municipality of Westerdijk (\"Westerdijk\" or the \"Municipality\") and Kestrel "
	             "Data AS (the \"Supplier\").\n",
	             "Westerdijk"),
	      TL_ROLE_CUSTOMER);
}

static void test_unquoted_article(void)
{
	static const char nl1[] = "De gemeente Lindenhoeve, gevestigd te Lindenhoeve, vertegenwoordigd door de "
	                          "burgemeester (hierna: de Gemeente),\n\nen\n\nEnquetra B.V., gevestigd te Zwolle, "
	                          "vertegenwoordigd door haar directeur (hierna: Enquetra),\n\n"
	                          "5.3 Enquetra meldt een inbreuk op de beveiliging aan de Gemeente.\n";
	T_INT(fx_term_role(nl1, "Gemeente"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(nl1, "Enquetra"), TL_ROLE_VENDOR);
	T_INT(fx_bound(nl1, "5.3 Enquetra"), TL_ROLE_VENDOR);
	static const char nl2[] = "Het Waterschap Rijnvliet (hierna: het Waterschap) en Sluisdata B.V. (hierna: "
	                          "de Leverancier).\n\nDe Leverancier verwijdert de meetgegevens.\n";
	T_INT(fx_term_role(nl2, "Waterschap"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(nl2, "Leverancier"), TL_ROLE_VENDOR);
	T_INT(fx_bound(nl2, "De Leverancier verwijdert"), TL_ROLE_VENDOR);
	static const char en1[] = "Eastbrook Borough Council (hereinafter: the Council) and Quill Analytics Ltd "
	                          "(hereinafter: Quill).\n\nQuill shall report a breach to the Council.\n";
	T_INT(fx_term_role(en1, "Council"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(en1, "Quill"), TL_ROLE_VENDOR);
	T_INT(fx_bound(en1, "Quill shall"), TL_ROLE_VENDOR);
	/* a lower-case word after the article is no alias: running text in brackets */
	T_INT(fx_term_role("De gemeente Lindenhoeve (hierna: de gemeente) en Enquetra B.V. (hierna: Enquetra).\n",
	             "gemeente"),
	      -1);
}

int main(void)
{
	test_unquoted_article();
	test_trade_name_or_role_word();
	test_other_party_foreign_or_registered();
	test_not_guessed();
	return T_DONE();
}
