/* Unit tests for context tags and a company's own name (src/rules/contexts.c;
 * s10 engine ask 6 of C): a vendor called after a context word ("Beacon Data
 * B.V." ("Beacon"), "Camera Concepts B.V.", "Wolk Cloud B.V." (hierna:
 * "Wolk Cloud")) sets no context where its name is mentioned, in the parties
 * paragraph or as the subject of a clause.  Not: the word itself in the text
 * ("Opdrachtgever plaatst beacons in de bibliotheek", "the cameras of the
 * Supplier"), and role words that are party words ("Verwerker", "Processor"
 * still say personal data is processed). */
#include <stdlib.h>
#include <string.h>

#include "check_fixture.h"
#include "context_fixture.h"
#include "harness.h"
#include "tenderlint.h"
#include "tmpdir_fixture.h"

static const char S_ruleset[] =
    "{\"id\": \"ctx-name\",\n"
    " \"concepts\": {\n"
    "  \"beacon\": {\"nl\": [\"beacon\", \"beacons\", \"camera\", \"camera's\"], \"en\": [\"beacon\", "
    "\"beacons\", \"camera\", \"cameras\"]},\n"
    "  \"cloudword\": {\"nl\": [\"cloud\"], \"en\": [\"cloud\"]},\n"
    "  \"processor\": {\"nl\": [\"verwerker\"], \"en\": [\"processor\"]}},\n"
    " \"contexts\": {\n"
    "  \"sensors\": {\"any\": [\"beacon\"]},\n"
    "  \"cloud\": {\"any\": [\"cloudword\"]},\n"
    "  \"personal-data\": {\"any\": [\"processor\"]}},\n"
    " \"rules\": [{\"id\": \"R-X\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\", "
    "\"en\": \"t\"},\n"
    "  \"met\": [{\"all\": [\"beacon\"]}]}]}\n";

static void test_name_sets_nothing(const tl_ruleset *rs)
{
	const char *nl = "Tussen de gemeente Oostdam (hierna: \"Opdrachtgever\") en Beacon Data B.V. (hierna: "
	                 "\"Beacon\").\n\n1.1 Beacon levert de salarissoftware.\n\n1.2 Beacon verwijdert de "
	                 "gegevens na afloop.\n";
	T_OK(!fx_has_context_in(rs, "a.md", nl, "sensors"), "nl: 'Beacon' is the vendor, no beacon");
	const char *en = "Between the Municipality of Oostdam (the \"Customer\") and Camera Concepts B.V. (\"Camera "
	                 "Concepts\" or the \"Supplier\").\n\n1.1 Camera Concepts provides the payroll software.\n";
	T_OK(!fx_has_context_in(rs, "b.md", en, "sensors"), "en: 'Camera Concepts' is the vendor, no camera");
	const char *cl = "Tussen de gemeente Oostdam (hierna: \"Opdrachtgever\") en Wolk Cloud B.V. (hierna: "
	                 "\"Wolk Cloud\").\n\n1.1 Wolk Cloud levert de salarissoftware op locatie.\n";
	T_OK(!fx_has_context_in(rs, "c.md", cl, "cloud"), "nl: 'Wolk Cloud' is the vendor, no cloud");
}

static void test_word_still_counts(const tl_ruleset *rs)
{
	const char *nl = "Tussen de gemeente Oostdam (hierna: \"Opdrachtgever\") en Beacon Data B.V. (hierna: "
	                 "\"Beacon\").\n\n1.1 Opdrachtgever plaatst beacons in de bibliotheek.\n";
	T_OK(fx_has_context_in(rs, "d.md", nl, "sensors"), "nl: beacons in the library are beacons");
	const char *en = "Between the Municipality of Oostdam (the \"Customer\") and Camera Concepts B.V. (\"Camera "
	                 "Concepts\" or the \"Supplier\").\n\n1.1 The Supplier installs cameras at the entrance.\n";
	T_OK(fx_has_context_in(rs, "e.md", en, "sensors"), "en: cameras installed are cameras");
	const char *pr = "Between the Municipality of Oostdam (the \"Controller\") and Acme B.V. (the "
	                 "\"Processor\").\n\n1.1 The Processor processes the data on instructions.\n";
	T_OK(fx_has_context_in(rs, "f.md", pr, "personal-data"), "en: a party's role word still counts");
}

int main(void)
{
	if (fx_tmp_open("test_ctx_partyname") != 0)
		return 1;
	tl_ruleset *rs = fx_tmp_ruleset("ctx-name.json", S_ruleset);
	if (rs) {
		test_name_sets_nothing(rs);
		test_word_still_counts(rs);
	}
	tl_ruleset_free(rs);
	return T_DONE();
}
