/* test_annot_defterms.c: a concept with "defined_terms": "anywhere" takes a
 * defined term whose definition names one of its terms anywhere after the
 * term ("Signaleringsmodule": het onderdeel ... dat aanvragen met een
 * algoritme vergelijkt), not where the definition denies it; a concept with
 * "defined_terms": true still needs its term to head the definition
 * (docs/ruleset-format.md); the loader's errors for the option; an object
 * pronoun carries the other concepts on the words of the data it refers to. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "tmpdir_fixture.h"
#include "model/doc.h"
#include "rules/rules.h"
#include "tenderlint.h"

static tl_ruleset *S_rs, *S_rs_pron;

/* the same terms twice: one concept takes defined terms "anywhere", one only
 * when headed */
#define ALGO_TERMS "\"nl\": [\"algoritme\"], \"en\": [\"algorithm\"]"
#define CONCEPTS                                                                                 \
	" \"concepts\": {\n"                                                                          \
	"  \"algo-any\": {" ALGO_TERMS ", \"defined_terms\": \"anywhere\"},\n"                        \
	"  \"algo-head\": {" ALGO_TERMS ", \"defined_terms\": true},\n"                               \
	"  \"owner\": {\"nl\": [\"eigenaar\"], \"en\": [\"owner\"]}},\n"

#define RULES                                                                                    \
	" \"rules\": [{\"id\": \"R-ANY\", \"area\": \"R\", \"severity\": \"high\",\n"                 \
	"   \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"                                               \
	"   \"met\": [{\"all\": [\"owner\", \"algo-any\"]}]},\n"                                        \
	"  {\"id\": \"R-HEAD\", \"area\": \"R\", \"severity\": \"high\",\n"                            \
	"   \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"                                               \
	"   \"met\": [{\"all\": [\"owner\", \"algo-head\"]}]}]}\n"

/* the customer may not share its data with third parties, but credentials are not the point */
#define PRON_RULESET                                                                              \
	"{\"id\": \"pron-test\", \"version\": \"1\", \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"       \
	" \"concepts\": {\n"                                                                           \
	"  \"data\": {\"nl\": [\"gegevens\", \"*gegevens\"], \"en\": [\"data\", \"*data\"], "           \
	"\"defined_terms\": true},\n"                                                                 \
	"  \"credentials\": {\"nl\": [\"inloggegevens\"], \"en\": [\"login data\"]},\n"               \
	"  \"share\": {\"nl\": [\"delen\", \"deelt\"], \"en\": [\"share\"]},\n"                         \
	"  \"sell\": {\"nl\": [\"verkopen\", \"verkoopt\"], \"en\": [\"sell\"]}},\n"                     \
	" \"rules\": [{\"id\": \"R-SHARE\", \"area\": \"R\", \"severity\": \"high\",\n"                 \
	"   \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"                                               \
	"   \"met\": [{\"all\": [\"share\", \"data\"], \"party\": \"customer\", "                     \
	"\"modality\": [\"permission\"]}],\n"                                                          \
	"   \"violated\": [{\"all\": [\"share\", \"data\"], \"none\": [\"credentials\"], "              \
	"\"party\": \"customer\", \"modality\": [\"prohibition\"]}]},\n"                            \
	"  {\"id\": \"R-SELL\", \"area\": \"R\", \"severity\": \"high\",\n"                           \
	"   \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"                                               \
	"   \"met\": [{\"all\": [\"sell\", \"data\"], \"party\": \"vendor\", "                          \
	"\"modality\": [\"prohibition\"]}]}]}\n"

static const char *S_status_rs(tl_ruleset *rs, const char *const *lines, int two);

/* "R-ANY/R-HEAD" statuses for the document of these lines */
static const char *S_status(const char *const *lines)
{
	return S_status_rs(S_rs, lines, 1);
}

static const char *S_status_rs(tl_ruleset *rs, const char *const *lines, int two)
{
	static char got[64];
	tl_limits lim = TL_LIMITS_INIT;
	tl_error err = TL_ERROR_INIT;
	tl_document *d = tl_doc_new("t.txt", TL_FORMAT_TEXT, &lim);
	tl_annotated *a = NULL;
	tl_match *m = NULL;
	snprintf(got, sizeof got, "(error)");
	for (int i = 0; d && lines[i]; i++)
		tl_doc_add_para(d, TL_PARA_BODY, "text", i, lines[i], strlen(lines[i]), &err);
	if (d && tl_doc_finish(d, &err) == 0 && tl_annotate(&a, d, &err) == 0 &&
	    tl_match_run(&m, rs, a, NULL, 0, -1, &err) == 0)
		snprintf(got, sizeof got, "%s%s%s", two == 2 ? "" : tl_rules_status_name(m->res[0].status),
		         two == 1 ? "/" : "", two ? tl_rules_status_name(m->res[1].status) : "");
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

static void test_anywhere(void)
{
	/* blind7 nl-subsidieportaal 1.5 and 4.6, with the algorithm named in the relative clause */
	const char *nl[] = {S_pre_nl,
	                    "\"Signaleringsmodule\": het onderdeel van het Maatwerk dat aanvragen met een "
	                    "algoritme vergelijkt en een signaal geeft aan de behandelend medewerker.",
	                    "De teamleider Subsidies van Opdrachtgever is eigenaar van de "
	                    "Signaleringsmodule.",
	                    NULL};
	T_STR(S_status(nl), "met/missing");
	const char *en[] = {S_pre_en,
	                    "\"Flagging Module\" means the part of the software that compares applications "
	                    "with an algorithm and flags them for review.",
	                    "The team leader of the Municipality is the owner of the Flagging Module.", NULL};
	T_STR(S_status(en), "met/missing");
	/* headed: both options take it */
	const char *head[] = {S_pre_en,
	                      "\"Scoring Model\" means the algorithm that ranks applications.",
	                      "The team leader of the Municipality is the owner of the Scoring Model.", NULL};
	T_STR(S_status(head), "met/met");
	/* an alias after the thing it names: the noun phrase its article opens is the
	 * definition, headed by "algorithm" */
	const char *thing[] = {S_pre_en,
	                       "The Supplier develops an algorithm for the planning of inspections (the "
	                       "\"Planner\").",
	                       "The team leader of the Municipality is the owner of the Planner.", NULL};
	T_STR(S_status(thing), "met/met");
	/* the alias word also in the phrase it names: the alias is the mention that counts */
	const char *thing_nl[] = {S_pre_nl,
	                          "Opdrachtnemer ontwikkelt een algoritme voor de planner van Opdrachtgever "
	                          "(hierna: de \"Planner\").",
	                          "De teamleider van Opdrachtgever is eigenaar van de Planner.", NULL};
	T_STR(S_status(thing_nl), "met/met");
	/* denied in the definition: neither */
	const char *neg_nl[] = {S_pre_nl,
	                        "\"Meldingenmodule\": het onderdeel van het Maatwerk dat meldingen sorteert "
	                        "en dat geen algoritme gebruikt.",
	                        "De teamleider van Opdrachtgever is eigenaar van de Meldingenmodule.", NULL};
	T_STR(S_status(neg_nl), "missing/missing");
	const char *neg_en[] = {S_pre_en,
	                        "\"Report Module\" means the part of the software that sorts reports and "
	                        "that does not use any algorithm.",
	                        "The team leader of the Municipality is the owner of the Report Module.", NULL};
	T_STR(S_status(neg_en), "missing/missing");
	/* the term before its definition: a mention before the term is not part of it */
	const char *before[] = {S_pre_en,
	                        "For the algorithm, \"Help Desk\" means the service desk of the Supplier.",
	                        "The team leader of the Municipality is the owner of the Help Desk.", NULL};
	T_STR(S_status(before), "missing/missing");
}

static void test_pronoun(void)
{
	/* "deze" is the credentials: the exclusion holds in the second unit too */
	const char *cred_nl[] = {S_pre_nl,
	                         "Opdrachtgever houdt zijn inloggegevens geheim en deelt deze niet met "
	                         "derden.",
	                         NULL};
	T_STR(S_status_rs(S_rs_pron, cred_nl, 0), "missing");
	const char *cred_en[] = {S_pre_en,
	                         "The Municipality keeps its login data secret and shall not share it "
	                         "with third parties.",
	                         NULL};
	T_STR(S_status_rs(S_rs_pron, cred_en, 0), "missing");
	/* the data itself: still carried */
	const char *data_nl[] = {S_pre_nl,
	                         "Opdrachtgever bewaart de gegevens in Nederland en deelt deze niet met "
	                         "derden.",
	                         NULL};
	T_STR(S_status_rs(S_rs_pron, data_nl, 0), "violated");
	const char *data_en[] = {S_pre_en,
	                         "The Municipality keeps the data in the Netherlands and shall not share "
	                         "it with third parties.",
	                         NULL};
	T_STR(S_status_rs(S_rs_pron, data_en, 0), "violated");
}

/* the next sentence of the paragraph, opening with the party's pronoun (s8 ask 4) */
static void test_pronoun_next_sentence(void)
{
	const char *nl[] = {S_pre_nl,
	                    "Opdrachtnemer gebruikt de Meetgegevens alleen om de Dienst te leveren. Hij "
	                    "verkoopt ze niet aan derden.",
	                    NULL};
	T_STR(S_status_rs(S_rs_pron, nl, 2), "met");
	const char *en[] = {S_pre_en,
	                    "The Supplier uses the Sensor Data only to provide the service. It does not sell "
	                    "them to third parties.",
	                    NULL};
	T_STR(S_status_rs(S_rs_pron, en, 2), "met");
	/* two kinds of data before it: which one "ze" is, is not known */
	const char *two[] = {S_pre_nl,
	                     "Opdrachtnemer gebruikt de Meetgegevens en de Klantgegevens alleen om de Dienst "
	                     "te leveren. Hij verkoopt ze niet aan derden.",
	                     NULL};
	T_STR(S_status_rs(S_rs_pron, two, 2), "missing");
	/* another paragraph, or a sentence that does not open with the pronoun */
	const char *para[] = {S_pre_nl, "Opdrachtnemer gebruikt de Meetgegevens alleen om de Dienst te leveren.",
	                      "Hij verkoopt ze niet aan derden.", NULL};
	T_STR(S_status_rs(S_rs_pron, para, 2), "missing");
	const char *other[] = {S_pre_nl,
	                       "Opdrachtnemer gebruikt de Meetgegevens alleen om de Dienst te leveren. "
	                       "Opdrachtgever verkoopt ze niet aan derden.",
	                       NULL};
	T_STR(S_status_rs(S_rs_pron, other, 2), "missing");
	/* the party's own "wij"/"we" (s12 ask: terms in the vendor's voice); not
	 * where "wij" is the other party, nor with two kinds of data before it */
	const char *pre_wij = "MarktMeester B.V. (hierna: \"MarktMeester\", \"wij\" of \"ons\") en de gemeente "
	                      "Voorbeeld (hierna: \"Opdrachtgever\").";
	const char *pre_we = "Acme Ltd (\"Acme\", \"we\", \"us\") and the Municipality of Example "
	                     "(\"Customer\").";
	const char *pre_gem = "De gemeente Voorbeeld (hierna: \"Opdrachtgever\", \"wij\") en Acme B.V. (hierna: "
	                      "\"Opdrachtnemer\").";
	const struct {
		const char *pre, *text, *want;
	} we[] = {
	    {pre_wij, "Wij gebruiken de Meetgegevens alleen om de Dienst te leveren. Wij verkopen ze niet aan derden.",
	     "met"},
	    {pre_we, "We use the Sensor Data only to provide the service. We do not sell it to third parties.", "met"},
	    {pre_gem, "Opdrachtnemer gebruikt de Meetgegevens alleen om de Dienst te leveren. Wij verkopen ze niet "
	              "aan derden.",
	     "missing"},
	    {pre_we, "We use the Sensor Data and the Customer Data only to provide the service. We do not sell them "
	             "to third parties.",
	     "missing"},
	};
	for (size_t i = 0; i < sizeof we / sizeof we[0]; i++) {
		const char *lines[] = {we[i].pre, we[i].text, NULL};
		T_STR(S_status_rs(S_rs_pron, lines, 2), we[i].want);
	}
}

static void S_load(const char *concept_extra, int ok, const char *msg)
{
	char text[2048];
	snprintf(text, sizeof text,
	         "{\"id\": \"d\", \"version\": \"1\", \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"
	         " \"concepts\": {\"algo-any\": {" ALGO_TERMS "%s},\n"
	         "  \"algo-head\": {" ALGO_TERMS "}, \"owner\": {\"nl\": [\"eigenaar\"], \"en\": "
	         "[\"owner\"]}},\n" RULES,
	         concept_extra);
	const char *p = fx_tmp_write("opt.json", text);
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	tl_diag d = {0, 0, NULL, NULL, 1};
	int rc = tl_rules_load(&rs, p, &d, &err);
	if (ok)
		T_OK(rc == 0, "%s: %s", concept_extra, err.message);
	else {
		T_INT(rc, TL_ERULESET);
		T_OK(strstr(err.message, msg) != NULL, "%s: message \"%s\" lacks \"%s\"", concept_extra,
		     err.message, msg);
	}
	tl_ruleset_free(rs);
}

static void test_loader(void)
{
	S_load(", \"defined_terms\": \"somewhere\"", 0, "must be true, false or \"anywhere\"");
	S_load(", \"defined_terms\": 1", 0, "must be true, false or \"anywhere\"");
	S_load(", \"defined_terms\": \"anywhere\", \"definition_heads\": {\"en\": [\"information\"]}", 1,
	       NULL);
	S_load(", \"defined_terms\": false", 1, NULL);
}

int main(void)
{
	if (fx_tmp_open("defany"))
		return 1;
	const char *p = fx_tmp_write("any.json",
	                             "{\"id\": \"defany-test\", \"version\": \"1\", "
	                             "\"title\": {\"nl\": \"t\", \"en\": \"t\"},\n" CONCEPTS RULES);
	tl_error err = TL_ERROR_INIT;
	if (!p || tl_rules_load(&S_rs, p, NULL, &err) != 0) {
		fprintf(stderr, "cannot load the test ruleset: %s\n", err.message);
		return 1;
	}
	const char *pp = fx_tmp_write("pron.json", PRON_RULESET);
	if (!pp || tl_rules_load(&S_rs_pron, pp, NULL, &err) != 0) {
		fprintf(stderr, "cannot load the pronoun test ruleset: %s\n", err.message);
		return 1;
	}
	test_anywhere();
	test_pronoun();
	test_pronoun_next_sentence();
	test_loader();
	tl_ruleset_free(S_rs);
	tl_ruleset_free(S_rs_pron);
	fx_tmp_remove();
	return T_DONE();
}
