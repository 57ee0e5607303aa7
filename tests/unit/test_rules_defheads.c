/* test_rules_defheads.c: a concept's definition_heads ("information") make a
 * defined term of the customer's own things join the concept ("Borough
 * Material" means all information the Municipality makes available), never
 * a term defined for both parties ("Confidential Information"), and never
 * match in running text; the loader's errors for them. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "tmpdir_fixture.h"
#include "model/doc.h"
#include "rules/rules.h"
#include "tenderlint.h"

static tl_ruleset *S_rs;


#define CONCEPTS(data_extra)                                                                      \
	" \"concepts\": {\n"                                                                           \
	"  \"data\": {\"nl\": [\"gegevens\"], \"en\": [\"data\"], \"defined_terms\": true" data_extra "},\n" \
	"  \"sell\": {\"nl\": [\"verkopen\", \"verkoopt\"], \"en\": [\"sell\"]}},\n"

#define RULES                                                                                     \
	" \"rules\": [{\"id\": \"R-SELL\", \"area\": \"R\", \"severity\": \"high\",\n"                 \
	"   \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"                                                \
	"   \"met\": [{\"all\": [\"sell\", \"data\"], \"party\": \"vendor\", \"modality\": [\"prohibition\"]}]}]}\n"

#define HEADS ", \"definition_heads\": {\"nl\": [\"informatie\", \"*informatie\"], \"en\": [\"information\"]}"

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

static void test_join(void)
{
	/* the customer's own material, headed by a definition head */
	const char *own[] = {S_pre_en,
	                     "\"Borough Material\" means all information the Municipality makes available "
	                     "to the Supplier.",
	                     "The Supplier shall not sell Borough Material.", NULL};
	T_STR(S_status(own), "met");
	/* information of either party is not the customer's data */
	const char *both[] = {S_pre_en,
	                      "\"Confidential Information\" means all information disclosed by either party "
	                      "to the other.",
	                      "The Supplier shall not sell Confidential Information.", NULL};
	T_STR(S_status(both), "missing");
	/* the vendor's own material that mentions the customer later on */
	const char *vendor[] = {S_pre_en,
	                        "\"Pre-Existing Materials\" means any information and materials that the "
	                        "Supplier developed before the Effective Date and that are not unique to "
	                        "the Municipality.",
	                        "The Supplier shall not sell Pre-Existing Materials.", NULL};
	T_STR(S_status(vendor), "missing");
	/* a definition head never matches in running text */
	const char *text[] = {S_pre_en, "The Supplier shall not sell information about the Municipality.",
	                      NULL};
	T_STR(S_status(text), "missing");
	/* a head further into the definition does not head it */
	const char *late[] = {S_pre_en,
	                      "\"Service Desk\" means the helpdesk of the Supplier that answers questions "
	                      "and gives information to the Municipality.",
	                      "The Supplier shall not sell the Service Desk.", NULL};
	T_STR(S_status(late), "missing");
	/* Dutch, with a compound head */
	const char *nl[] = {S_pre_nl,
	                    "\"Wijkinformatie\": alle buurtinformatie die Opdrachtgever aan Opdrachtnemer "
	                    "verstrekt.",
	                    "Opdrachtnemer verkoopt de Wijkinformatie niet.", NULL};
	T_STR(S_status(nl), "met");
}

static void S_bad(const char *data_extra, const char *msg)
{
	char text[2048];
	snprintf(text, sizeof text,
	         "{\"id\": \"h\", \"version\": \"1\", \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"
	         " \"concepts\": {\"data\": {\"nl\": [\"gegevens\"], \"en\": [\"data\"]%s},\n"
	         "  \"sell\": {\"nl\": [\"verkopen\"], \"en\": [\"sell\"]}},\n" RULES,
	         data_extra);
	const char *p = fx_tmp_write("bad.json", text);
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	tl_diag d = {0, 0, NULL, NULL, 1};
	T_INT(tl_rules_load(&rs, p, &d, &err), TL_ERULESET);
	T_OK(strstr(err.message, msg) != NULL, "%s: message \"%s\" lacks \"%s\"", data_extra,
	     err.message, msg);
	tl_ruleset_free(rs);
}

static void test_errors(void)
{
	S_bad(", \"definition_heads\": {\"en\": [\"information\"]}", "needs \"defined_terms\": true");
	S_bad(", \"defined_terms\": true, \"definition_heads\": [\"information\"]", "must be an object");
	S_bad(", \"defined_terms\": true, \"definition_heads\": {\"de\": [\"Information\"]}", "de");
	S_bad(", \"defined_terms\": true, \"definition_heads\": {\"en\": \"information\"}",
	      "must be an array");
}

int main(void)
{
	if (fx_tmp_open("defheads"))
		return 1;
	const char *p = fx_tmp_write("heads.json",
	                        "{\"id\": \"defheads-test\", \"version\": \"1\", "
	                        "\"title\": {\"nl\": \"t\", \"en\": \"t\"},\n" CONCEPTS(HEADS) RULES);
	tl_error err = TL_ERROR_INIT;
	if (!p || tl_rules_load(&S_rs, p, NULL, &err) != 0) {
		fprintf(stderr, "cannot load the test ruleset: %s\n", err.message);
		return 1;
	}
	test_join();
	test_errors();
	tl_ruleset_free(S_rs);
	fx_tmp_remove();
	T_DONE();
}
