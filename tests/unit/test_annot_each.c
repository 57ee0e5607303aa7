/* Unit tests for party aliases of several bodies of one side (src/analyze/
 * definitions.c; s9 engine ask 9): "(hierna elk: "Deelnemer" en samen: "de
 * Deelnemers")" defines both terms, and a body "handelend namens de
 * deelnemende gemeenten" / "acting on behalf of the participating
 * municipalities" is the customer side; a name that acts for no public body,
 * or acts for a company, takes no customer role from it. */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

static const char S_nl[] =
	"1. De gemeenschappelijke regeling ICT Vechtstreek, handelend namens de deelnemende gemeenten "
	"Aalburg, Hoevelaken-Oost en Stroomdal (hierna elk: \"Deelnemer\" en samen: \"de Deelnemers\"), "
	"vertegenwoordigd door de directeur;\n\n"
	"2. Bitwerk B.V., gevestigd te Zwolle (hierna: \"Opdrachtnemer\").\n\n"
	"3. Opdrachtnemer levert de componenten aan de Deelnemers.\n";

static const char S_en[] =
	"1. The Joint Service Board, acting on behalf of the participating municipalities of Northdale "
	"and Eastbrook (each a \"Participant\" and together the \"Participants\");\n\n"
	"2. Bitwerk Ltd (the \"Supplier\").\n\n"
	"3. The Supplier delivers the components to the Participants.\n";

static void test_each_and_together(void)
{
	T_INT(fx_term_role(S_nl, "Deelnemer"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(S_nl, "de Deelnemers"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(S_nl, "Opdrachtnemer"), TL_ROLE_VENDOR);
	T_INT(fx_term_role(S_en, "Participant"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(S_en, "Participants"), TL_ROLE_CUSTOMER);
	T_INT(fx_term_role(S_en, "Supplier"), TL_ROLE_VENDOR);
}

static void test_no_public_body(void)
{
	/* acting for companies, or for nobody: no customer */
	T_OK(fx_term_role("1. Stichting Datadeel, handelend namens haar aangesloten bedrijven (hierna: \"Stichting\").\n",
	            "Stichting") != TL_ROLE_CUSTOMER,
	     "nl: acting for companies is no customer");
	T_OK(fx_term_role("1. Joint Data Trust, acting on behalf of its member companies (the \"Trust\").\n", "Trust") !=
	         TL_ROLE_CUSTOMER,
	     "en: acting for member companies is no customer");
	T_OK(fx_term_role("1. Stichting Datadeel, gevestigd te Utrecht (hierna: \"Stichting\").\n", "Stichting") !=
	         TL_ROLE_CUSTOMER,
	     "nl: a foundation is no customer by itself");
	/* a vendor's alias stays the vendor's, "namens" or not */
	T_INT(fx_term_role("2. Acme B.V., handelend namens de gemeente Utrecht als haar leverancier (hierna: "
	             "\"Opdrachtnemer\").\n",
	             "Opdrachtnemer"),
	      TL_ROLE_VENDOR);
}

int main(void)
{
	test_each_and_together();
	test_no_public_body();
	return T_DONE();
}
