/* Unit tests for a party block with several municipalities on one side and a
 * public body or foundation on the other (src/analyze/aliases.c; s10 engine
 * asks A8 and B14): "(hierna samen: de Gemeenten, en ieder afzonderlijk: een
 * Gemeente)", "(hereinafter jointly: the Municipalities, and each
 * individually: a Municipality)" give both aliases the customer's role; the
 * other party of the block is the vendor when its name says it is a public
 * body that delivers ("het openbaar lichaam ...", "ingesteld bij de
 * Gemeenschappelijke Regeling ...", "the public body ...", "a foundation
 * under Dutch law") as a legal form does for a company.
 * Not: two such bodies beside the customer (no guess), a body named only in
 * running text, a plural that is no party word ("(hierna samen: de
 * Systemen)"), the customer's own public body when the vendor is known. */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* 1 when term is no side of the contract in text (undefined, or defined as a thing) */
static int S_no_side(const char *text, const char *term)
{
	int r = fx_term_role(text, term);
	return r != TL_ROLE_VENDOR && r != TL_ROLE_CUSTOMER;
}

static const char S_nl[] =
	"De gemeente Westerbroek, de gemeente Hollum-Oost en de gemeente Veendijk, ieder rechtsgeldig "
	"vertegenwoordigd door de burgemeester (hierna samen: de Gemeenten, en ieder afzonderlijk: een "
	"Gemeente),\n\nen\n\nhet openbaar lichaam Bedrijfsvoeringsorganisatie Noorderkwartier ICT, ingesteld "
	"bij de Gemeenschappelijke Regeling Noorderkwartier, rechtsgeldig vertegenwoordigd door de voorzitter "
	"van het dagelijks bestuur (hierna: het SSC).\n\n"
	"1.1 Het SSC verkoopt Gemeentegegevens niet aan derden.\n"
	"1.2 Een Gemeente kan de gegevens op ieder moment opvragen.\n";

static const char S_en[] =
	"The Municipality of Westbrook, the Municipality of Holm and the Municipality of Veendyke, each duly "
	"represented by its mayor (hereinafter jointly: the Municipalities, and each individually: a "
	"Municipality),\n\nand\n\nthe public body Shared Services Organisation North, established under the "
	"Joint Arrangement North, represented by the chair of its executive board (hereinafter: the SSO).\n\n"
	"1.1 The SSO shall not sell Municipal Data.\n"
	"1.2 The Municipalities may audit the SSO once a year.\n";

static void test_several_municipalities(void)
{
	T_INT(fx_term_role(S_nl, "Gemeenten"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(S_nl, "Gemeente"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(S_en, "Municipalities"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(S_en, "Municipality"), TL_ROLE_CUSTOMER);
	/* quoted, the same */
	static const char together[] = "De gemeenten Aalburg en Stroomdal (hierna gezamenlijk: \"Gemeenten\", "
	                               "en ieder afzonderlijk: \"Gemeente\") en Acme B.V. (hierna: \"Leverancier\").\n";
	T_INT(fx_term_role(together, "Gemeenten"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(together, "Gemeente"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(together, "Leverancier"), TL_ROLE_VENDOR);
}

static void test_public_body_is_the_vendor(void)
{
	T_INT(fx_term_role(S_nl, "SSC"), TL_ROLE_VENDOR);
	T_INT(fx_bound(S_nl, "1.1 Het SSC"), TL_ROLE_VENDOR);
	T_INT(fx_bound(S_nl, "1.2 Een Gemeente"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(S_en, "SSO"), TL_ROLE_VENDOR);
	T_INT(fx_bound(S_en, "1.1 The SSO"), TL_ROLE_VENDOR);
	T_INT(fx_bound(S_en, "1.2 The Municipalities"), TL_ROLE_CUSTOMER);
	/* a foundation under Dutch law that delivers to one municipality */
	static const char fnd[] = "The Municipality of Eastbrook (the \"Municipality\") and the Open Data Foundation, a "
	                          "foundation under Dutch law, Utrecht (the \"Foundation\").\n\n"
	                          "4.1 The Foundation shall not sell the Municipal Data.\n";
	T_INT(fx_term_role(fnd, "Foundation"), TL_ROLE_VENDOR);
	T_INT(fx_bound(fnd, "4.1 The Foundation"), TL_ROLE_VENDOR);
	static const char uo[] = "De gemeente Lindewaard (hierna: de Gemeente) en de werkorganisatie Duo+, een "
	                         "openbaar lichaam op grond van de Wet gemeenschappelijke regelingen (hierna: de "
	                         "Werkorganisatie).\n\nDe Werkorganisatie meldt een datalek binnen 24 uur.\n";
	T_INT(fx_term_role(uo, "Werkorganisatie"), TL_ROLE_VENDOR);
	T_INT(fx_bound(uo, "De Werkorganisatie meldt"), TL_ROLE_VENDOR);
}

static void test_not_guessed(void)
{
	/* two public bodies beside the customer: which one delivers is not for us to guess */
	static const char two[] = "De gemeente Lindewaard (hierna: de Gemeente), het openbaar lichaam Veiligheidsregio "
	                          "Noord (hierna: de Regio) en het openbaar lichaam Belastingsamenwerking Noord "
	                          "(hierna: de BSN).\n";
	T_OK(S_no_side(two, "Regio"), "no side");
	T_OK(S_no_side(two, "BSN"), "no side");
	/* the vendor is known: the public body that takes part is no second vendor */
	static const char known[] = "De gemeente Lindewaard (hierna: de Gemeente), Acme B.V. (hierna: de Leverancier) "
	                            "en het openbaar lichaam Regio Noord (hierna: de Regio).\n";
	T_INT(fx_term_role(known, "Leverancier"), TL_ROLE_VENDOR);
	T_OK(S_no_side(known, "Regio"), "no side");
	/* a plural that is no party word defines a thing, not a side */
	static const char things[] = "De gemeente Lindewaard (hierna: de Gemeente) gebruikt drie registraties (hierna "
	                             "samen: de Registers, en ieder afzonderlijk: een Register).\n";
	T_OK(S_no_side(things, "Registers"), "no side");
	T_OK(S_no_side(things, "Register"), "no side");
	/* running text in brackets after "samen" is no alias (lower case) */
	T_INT(fx_term_role("De gemeenten (hierna samen: de deelnemers, en ieder afzonderlijk: een deelnemer) en "
	                   "Acme B.V. (hierna: Acme).\n",
	                   "deelnemers"),
	      -1);
}

/* numbered party lines with an unquoted alias after "the": "(1) The Municipality of
 * Rijnstad, represented by ... (the Municipality);" / "(2) Stichting ..., having its
 * office in Utrecht (the Institute)." */
static void test_plain_alias_in_party_lines(void)
{
	static const char en[] = "Parties\n\n(1) The Municipality of Rijnstad, represented by its Board of Mayor and "
	                         "Aldermen (the Municipality);\n\nand\n\n(2) Stichting Instituut voor Stedelijk "
	                         "Welzijnsonderzoek, an independent research foundation, having its office in Utrecht "
	                         "(the Institute).\n\n5.2 The Institute shall not sell the Shared Data.\n";
	T_INT(fx_term_role(en, "Municipality"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(en, "Institute"), TL_ROLE_VENDOR);
	T_INT(fx_bound(en, "5.2 The Institute"), TL_ROLE_VENDOR);
	/* must not: a parenthesis in running text, or after a name with no sign of a party */
	T_OK(S_no_side("The Supplier hosts the data with its partner (the Processor) in Frankfurt.\n", "Processor"),
	     "running text");
	T_OK(S_no_side("The Municipality of Rijnstad (the Municipality) and the research team of the university, which "
	               "works in Utrecht (the Team).\n",
	               "Team"),
	     "no sign of a company");
}

int main(void)
{
	test_plain_alias_in_party_lines();
	test_several_municipalities();
	test_public_body_is_the_vendor();
	test_not_guessed();
	return T_DONE();
}
