/* test_rules_defneg.c: a "defined_terms": "anywhere" concept whose term carries
 * its own negator ("niet tot een persoon herleidbaar", "does not identify any
 * individual") joins a defined term whose definition says so; a negator of
 * its own before that term in the definition keeps the join out, and so does
 * the same definition without the negation. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_fixture.h"
#include "harness.h"
#include "tenderlint.h"
#include "tmpdir_fixture.h"

static tl_ruleset *S_rs;

static const char S_ruleset[] =
	"{\"id\": \"defneg-test\", \"version\": \"1\", \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"
	" \"concepts\": {\n"
	"  \"anon\": {\"nl\": [\"niet tot een persoon herleidbaar\", \"geanonimiseerd\"],\n"
	"            \"en\": [\"does not identify any individual\", \"cannot be linked to a natural person\",\n"
	"                   \"anonymised\"],\n"
	"            \"defined_terms\": \"anywhere\"},\n"
	"  \"sell\": {\"nl\": [\"verkopen\", \"verkoopt\"], \"en\": [\"sell\"]}},\n"
	" \"rules\": [{\"id\": \"R-SELL-ANON\", \"area\": \"R\", \"severity\": \"high\",\n"
	"   \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"
	"   \"met\": [{\"all\": [\"sell\", \"anon\"], \"party\": \"vendor\"}]}]}\n";

/* The rule's status on a document made of the given paragraphs (Markdown). */
static const char *S_status(const char *const *lines)
{
	static char got[32];
	char text[2048];
	size_t n = 0;
	text[0] = '\0';
	for (int i = 0; lines[i] && n < sizeof text; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "%s\n\n", lines[i]);
	fx_rule_status(S_rs, "t.md", text, "R-SELL-ANON", got, sizeof got);
	return got;
}

static const char *S_pre_en =
	"This Agreement is between the Borough of Example (the \"Municipality\") and Acme Ltd "
	"(the \"Supplier\").";
static const char *S_pre_nl =
	"De gemeente Voorbeeld (hierna: \"Opdrachtgever\") en Acme B.V. (hierna: \"Opdrachtnemer\").";

static void test_own_negator(void)
{
	const char *nl[] = {S_pre_nl,
	                    "\"Marktgegevens\": gegevens over de markten van Opdrachtgever die niet tot een "
	                    "persoon herleidbaar zijn, zoals de bezettingsgraad.",
	                    "Opdrachtnemer mag de Marktgegevens verkopen.", NULL};
	T_STR(S_status(nl), "met");
	const char *en[] = {S_pre_en,
	                    "\"Usage Statistics\" means information about the use of the Service that "
	                    "does not identify any individual.",
	                    "The Supplier may sell Usage Statistics.", NULL};
	T_STR(S_status(en), "met");
	const char *en2[] = {S_pre_en,
	                     "\"Aggregate Data\" means data that cannot be linked to a natural person.",
	                     "The Supplier may sell Aggregate Data.", NULL};
	T_STR(S_status(en2), "met");
}

static void test_denied(void)
{
	/* another negator before the term in the definition: not said to identify no one */
	const char *nl[] = {S_pre_nl,
	                    "\"Marktgegevens\": gegevens over de markten waarvan niet vaststaat dat zij niet "
	                    "tot een persoon herleidbaar zijn.",
	                    "Opdrachtnemer mag de Marktgegevens verkopen.", NULL};
	T_STR(S_status(nl), "missing");
	/* a term without a negator of its own is still denied by one ("not anonymised") */
	const char *en[] = {S_pre_en,
	                    "\"Usage Data\" means data about the use of the Service that is not anonymised.",
	                    "The Supplier may sell Usage Data.", NULL};
	T_STR(S_status(en), "missing");
	/* the same words without the negation: another concept, no join */
	const char *pos[] = {S_pre_en,
	                     "\"Usage Data\" means data about the use of the Service that identifies "
	                     "individual users.",
	                     "The Supplier may sell Usage Data.", NULL};
	T_STR(S_status(pos), "missing");
}

int main(void)
{
	if (fx_tmp_open("defneg"))
		return 1;
	S_rs = fx_tmp_ruleset("defneg.json", S_ruleset);
	if (S_rs) {
		test_own_negator();
		test_denied();
	}
	tl_ruleset_free(S_rs);
	fx_tmp_remove();
	return T_DONE();
}
