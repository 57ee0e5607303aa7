/* test_rules_defneg.c: a "defined_terms": "anywhere" concept whose term carries
 * its own negator ("niet tot een persoon herleidbaar", "does not identify any
 * individual") joins a defined term whose definition says so; a negator of
 * its own before that term in the definition keeps the join out, and so does
 * the same definition without the negation. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "tmpdir_fixture.h"
#include "model/doc.h"
#include "rules/rules.h"
#include "tenderlint.h"

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

static const char *S_status(const char *const *lines)
{
	static char got[32];
	tl_limits lim = TL_LIMITS_INIT;
	tl_error err = TL_ERROR_INIT;
	tl_document *d = tl_doc_new("t.txt", TL_FORMAT_TEXT, &lim);
	tl_annotated *a = NULL;
	tl_match *m = NULL;
	snprintf(got, sizeof got, "(error)");
	for (int i = 0; d && lines[i]; i++)
		tl_doc_add_para(d, TL_PARA_BODY, "text", i, lines[i], strlen(lines[i]), &err);
	if (d && tl_doc_finish(d, &err) == 0 && tl_annotate(&a, d, &err) == 0 &&
	    tl_match_run(&m, S_rs, a, NULL, 0, -1, &err) == 0)
		snprintf(got, sizeof got, "%s", tl_rules_status_name(m->res[0].status));
	tl_match_free(m);
	tl_annotated_free(a);
	tl_document_free(d);
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
	const char *p = fx_tmp_write("defneg.json", S_ruleset);
	tl_error err = TL_ERROR_INIT;
	if (!p || tl_rules_load(&S_rs, p, NULL, &err) != 0) {
		fprintf(stderr, "cannot load the test ruleset: %s\n", err.message);
		return 1;
	}
	test_own_negator();
	test_denied();
	tl_ruleset_free(S_rs);
	fx_tmp_remove();
	T_DONE();
}
