/* Unit tests for following an incorporated framework into the batch:
 * recognising a document that IS a framework's text (src/rules/identify.c,
 * the report's "framework_text") and letting a contract that declares that
 * framework take over the annex's findings (src/batch/annex.c,
 * tl_annex_link): the table of outcomes, deviations, the mapping's coverage
 * cap, the nearest annex, idempotence; then end to end on text documents
 * with the default ruleset. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "tenderlint.h"

#include "cJSON.h"

/* ---- tl_annex_link on report JSON ------------------------------------------ */

static cJSON *S_find(const cJSON *doc, const char *rule)
{
	cJSON *f;
	cJSON_ArrayForEach(f, cJSON_GetObjectItem(doc, "findings"))
	{
		if (!strcmp(cJSON_GetObjectItem(f, "rule")->valuestring, rule))
			return f;
	}
	return NULL;
}

static const char *S_get(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItem(o, k);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A contract declaring the VNG processing agreement in clause 12.2, deviating
 * from its article 6, and an annex that is that agreement's text. */
static const char *S_batch =
	"[{\"path\": \"tender/contract.docx\", \"report_language\": \"en\", \"error\": null,"
	"  \"stats\": {\"paragraphs\": 40},"
	"  \"frameworks\": [{\"id\": \"vng-vwo\", \"clause\": \"12.2.\", \"para\": 30, \"deviations\": [\"6\"]},"
	"                   {\"id\": \"gibit-2023\", \"clause\": \"16.1\", \"para\": 33, \"deviations\": []}],"
	"  \"summary\": {\"met\": 1, \"partial\": 3, \"violated\": 0, \"missing\": 4, \"not_applicable\": 1, \"waived\": 0},"
	"  \"findings\": ["
	"   {\"rule\": \"R-MISSING\", \"status\": \"missing\", \"basis\": \"text\", \"evidence\": [],"
	"    \"suggestion\": {\"text\": \"own\"}},"
	"   {\"rule\": \"R-REF\", \"status\": \"met\", \"basis\": \"reference\", \"evidence\": [],"
	"    \"reference\": {\"framework\": \"vng-vwo\"}, \"suggestion\": null},"
	"   {\"rule\": \"R-OTHER-REF\", \"status\": \"met\", \"basis\": \"reference\", \"evidence\": [],"
	"    \"reference\": {\"framework\": \"gibit-2023\"}, \"suggestion\": null},"
	"   {\"rule\": \"R-OWN-TERM\", \"status\": \"partial\", \"basis\": \"text\", \"suggestion\": {\"text\": \"s\"},"
	"    \"evidence\": [{\"status\": \"partial\", \"quantities\": [{\"kind\": \"duration\", \"hours\": 72, \"vague\": false}]}]},"
	"   {\"rule\": \"R-VAGUE\", \"status\": \"partial\", \"basis\": \"text\", \"suggestion\": {\"text\": \"s\"},"
	"    \"evidence\": [{\"status\": \"partial\", \"quantities\": [{\"kind\": \"duration\", \"hours\": null, \"vague\": true}]}]},"
	"   {\"rule\": \"R-DEVIATED\", \"status\": \"missing\", \"basis\": \"text\", \"evidence\": [], \"suggestion\": {\"text\": \"s\"}},"
	"   {\"rule\": \"R-CAPPED\", \"status\": \"missing\", \"basis\": \"text\", \"evidence\": [], \"suggestion\": {\"text\": \"s\"}},"
	"   {\"rule\": \"R-NA\", \"status\": \"not_applicable\", \"basis\": \"text\", \"evidence\": [], \"suggestion\": null},"
	"   {\"rule\": \"R-ANNEX-MISSING\", \"status\": \"missing\", \"basis\": \"text\", \"evidence\": [], \"suggestion\": {\"text\": \"s\"}}"
	"  ]},"
	" {\"path\": \"other/vwo.docx\", \"report_language\": \"nl\", \"error\": null,"
	"  \"framework_text\": {\"id\": \"vng-vwo\", \"title\": \"VNG VWO\", \"covers\": {\"R-CAPPED\": \"partial\"}},"
	"  \"frameworks\": [], \"summary\": {}, \"findings\": []},"
	" {\"path\": \"tender/bijlage-7.docx\", \"report_language\": \"nl\", \"error\": null,"
	"  \"framework_text\": {\"id\": \"vng-vwo\", \"title\": \"VNG Standaard Verwerkersovereenkomst\","
	"                      \"covers\": {\"R-CAPPED\": \"partial\", \"R-REF\": \"full\"}},"
	"  \"frameworks\": [], \"summary\": {},"
	"  \"findings\": ["
	"   {\"rule\": \"R-MISSING\", \"status\": \"met\", \"basis\": \"text\", \"reason\": \"art 3.1\","
	"    \"evidence\": [{\"clause\": \"3.1\", \"para\": 12, \"quote\": \"Verwerker verwerkt ...\"}], \"suggestion\": null},"
	"   {\"rule\": \"R-REF\", \"status\": \"violated\", \"basis\": \"text\", \"reason\": \"r\","
	"    \"evidence\": [{\"clause\": \"4.3\", \"para\": 20, \"quote\": \"q\"}], \"suggestion\": {\"text\": \"annex clause\"}},"
	"   {\"rule\": \"R-OTHER-REF\", \"status\": \"partial\", \"basis\": \"text\", \"reason\": \"r\","
	"    \"evidence\": [{\"clause\": \"4.4\", \"para\": 21, \"quote\": \"q\"}], \"suggestion\": null},"
	"   {\"rule\": \"R-OWN-TERM\", \"status\": \"met\", \"basis\": \"text\", \"reason\": \"r\","
	"    \"evidence\": [{\"clause\": \"5.1\", \"para\": 22, \"quote\": \"q\"}], \"suggestion\": null},"
	"   {\"rule\": \"R-VAGUE\", \"status\": \"met\", \"basis\": \"text\", \"reason\": \"r\","
	"    \"evidence\": [{\"clause\": \"5.1\", \"para\": 22, \"quote\": \"q\"}], \"suggestion\": null},"
	"   {\"rule\": \"R-DEVIATED\", \"status\": \"met\", \"basis\": \"text\", \"reason\": \"r\","
	"    \"evidence\": [{\"clause\": \"6.2\", \"para\": 25, \"quote\": \"q\"}, {\"clause\": \"6\", \"para\": 24, \"quote\": \"q\"}],"
	"    \"suggestion\": null},"
	"   {\"rule\": \"R-CAPPED\", \"status\": \"met\", \"basis\": \"text\", \"reason\": \"r\","
	"    \"evidence\": [{\"clause\": \"3.1\", \"para\": 12, \"quote\": \"q\"}], \"suggestion\": null},"
	"   {\"rule\": \"R-NA\", \"status\": \"met\", \"basis\": \"text\", \"reason\": \"r\","
	"    \"evidence\": [{\"clause\": \"3.1\", \"para\": 12, \"quote\": \"q\"}], \"suggestion\": null},"
	"   {\"rule\": \"R-ANNEX-MISSING\", \"status\": \"missing\", \"basis\": \"text\", \"reason\": \"r\","
	"    \"evidence\": [], \"suggestion\": {\"text\": \"s\"}}"
	"  ]}]";

static void test_link_table(void)
{
	cJSON *docs = cJSON_Parse(S_batch);
	T_OK(docs != NULL, "fixture parses");
	if (!docs)
		return;
	cJSON *c = cJSON_GetArrayItem(docs, 0), *far = cJSON_GetArrayItem(docs, 1),
	      *near = cJSON_GetArrayItem(docs, 2);
	T_INT(tl_annex_link(docs), 4);

	/* missing in the contract, met in the annex: met through the annex */
	cJSON *f = S_find(c, "R-MISSING");
	T_STR(S_get(f, "status"), "met");
	T_STR(S_get(f, "basis"), "annex");
	const cJSON *ax = cJSON_GetObjectItem(f, "annex");
	T_STR(S_get(ax, "path"), "tender/bijlage-7.docx"); /* the nearer of the two annexes */
	T_STR(S_get(ax, "framework"), "vng-vwo");
	T_STR(S_get(ax, "declared_in"), "12.2");
	T_STR(S_get(ax, "status"), "met");
	T_INT(cJSON_GetArraySize(cJSON_GetObjectItem(ax, "evidence")), 1);
	T_OK(cJSON_IsNull(cJSON_GetObjectItem(f, "suggestion")), "met: no suggestion");
	T_OK(strstr(S_get(f, "reason"), "bijlage-7.docx") && strstr(S_get(f, "reason"), "clause 12.2"),
	     "the reason names the annex and the clause: %s", S_get(f, "reason"));

	/* met by reference to the same framework: the annex's actual text governs */
	f = S_find(c, "R-REF");
	T_STR(S_get(f, "status"), "violated");
	T_OK(!cJSON_GetObjectItem(f, "reference"), "the generic reference gives way to the annex");
	T_STR(S_get(cJSON_GetObjectItem(f, "suggestion"), "text"), "annex clause");
	T_OK(cJSON_IsNumber(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(f, "suggestion"),
	                                                            "insert"),
	                                        "after_para")),
	     "the copied suggestion is inserted in the contract");

	/* met by reference to another framework (GIBIT): an annex partial does not lower it */
	T_STR(S_get(S_find(c, "R-OTHER-REF"), "status"), "met");
	T_STR(S_get(S_find(c, "R-OTHER-REF"), "basis"), "reference");

	/* a partial with its own term (72 hours) stays; a vague one is completed */
	T_STR(S_get(S_find(c, "R-OWN-TERM"), "status"), "partial");
	T_STR(S_get(S_find(c, "R-OWN-TERM"), "basis"), "text");
	T_STR(S_get(S_find(c, "R-VAGUE"), "status"), "met");

	/* the contract deviates from article 6: evidence in 6 and 6.2 does not count */
	T_STR(S_get(S_find(c, "R-DEVIATED"), "status"), "missing");

	/* the mapping covers this rule only in part: met in the annex, partial here */
	f = S_find(c, "R-CAPPED");
	T_STR(S_get(f, "status"), "partial");
	T_STR(S_get(cJSON_GetObjectItem(f, "annex"), "status"), "met");
	T_STR(S_get(cJSON_GetObjectItem(f, "annex"), "capped_by"), "partial");
	T_STR(S_get(cJSON_GetObjectItem(f, "suggestion"), "text"), "s");

	/* not applicable stays, and what the annex leaves missing stays missing */
	T_STR(S_get(S_find(c, "R-NA"), "status"), "not_applicable");
	T_STR(S_get(S_find(c, "R-ANNEX-MISSING"), "status"), "missing");

	/* the summary is counted again; the links are noted on both sides */
	const cJSON *sum = cJSON_GetObjectItem(c, "summary");
	T_INT(cJSON_GetObjectItem(sum, "met")->valueint, 3);
	T_INT(cJSON_GetObjectItem(sum, "partial")->valueint, 2);
	T_INT(cJSON_GetObjectItem(sum, "violated")->valueint, 1);
	T_INT(cJSON_GetObjectItem(sum, "missing")->valueint, 2);
	T_INT(cJSON_GetObjectItem(sum, "waived")->valueint, 0);
	T_STR(S_get(cJSON_GetArrayItem(cJSON_GetObjectItem(c, "annexes"), 0), "path"), "tender/bijlage-7.docx");
	T_STR(S_get(cJSON_GetArrayItem(cJSON_GetObjectItem(near, "annex_of"), 0), "path"),
	      "tender/contract.docx");
	T_OK(!cJSON_GetObjectItem(far, "annex_of"), "the farther annex is not used");

	/* idempotent: a second pass (merge of linked reports) changes nothing */
	char *before = cJSON_PrintUnformatted(docs);
	T_INT(tl_annex_link(docs), 0);
	char *after = cJSON_PrintUnformatted(docs);
	T_OK(before && after && !strcmp(before, after), "second pass is a no-op");
	free(before);
	free(after);
	cJSON_Delete(docs);
}

static void test_link_nothing(void)
{
	/* no annex in the list, an unreadable annex, a non-array: nothing happens */
	cJSON *docs = cJSON_Parse(
		"[{\"path\": \"a\", \"frameworks\": [{\"id\": \"vng-vwo\"}], \"findings\": []},"
		" {\"path\": \"b\", \"error\": {\"code\": \"E_ZIP_CORRUPT\"}, \"framework_text\": {\"id\": \"vng-vwo\"},"
		"  \"findings\": []}]");
	T_INT(tl_annex_link(docs), 0);
	T_OK(!cJSON_GetObjectItem(cJSON_GetArrayItem(docs, 0), "annexes"), "no link to an unreadable annex");
	cJSON_Delete(docs);
	T_INT(tl_annex_link(NULL), 0);
}

/* ---- end to end: identification and linking with the default ruleset ------ */

static cJSON *S_check(const tl_ruleset *rs, const char *name, const char *text)
{
	tl_error err = TL_ERROR_INIT;
	tl_document *d = NULL;
	cJSON *doc = NULL;
	tl_check_options o = TL_CHECK_OPTIONS_INIT;
	if (tl_document_read_mem(&d, name, text, strlen(text), NULL, &err) != 0 ||
	    tl_check_document(&doc, rs, d, &o, &err) != 0)
		T_OK(0, "%s: %s", name, err.message);
	tl_document_free(d);
	return doc;
}

static const char *S_ft(const cJSON *doc)
{
	return S_get(cJSON_GetObjectItem(doc, "framework_text"), "id");
}

static const char *S_annex_text =
	"Bijlage 7 - Standaard Verwerkersovereenkomst Gemeenten\n"
	"Versie 2.51\n"
	"Artikel 5. Beveiligingsincidenten\n"
	"5.1 Verwerker meldt een Beveiligingsincident of Datalek binnen 24 uur nadat hij ervan kennis "
	"heeft genomen aan Verwerkingsverantwoordelijke.\n"
	"Artikel 6. Subverwerkers\n"
	"6.1 Verwerker schakelt geen Subverwerker in zonder voorafgaande schriftelijke toestemming van "
	"Verwerkingsverantwoordelijke.\n";

static void test_end_to_end(void)
{
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	if (tl_ruleset_load(&rs, TL_SOURCE_DIR "/rulesets/vng-2022.json", &err) != 0) {
		T_OK(0, "load the default ruleset: %s", err.message);
		return;
	}
	cJSON *annex = S_check(rs, "bijlage7.txt", S_annex_text);
	T_STR(S_ft(annex), "vng-vwo");
	T_INT(cJSON_GetObjectItem(cJSON_GetObjectItem(annex, "framework_text"), "para")->valueint, 0);

	/* titles that name the framework without being it */
	cJSON *x = S_check(rs, "toelichting.txt",
	                   "Toelichting op de Standaard Verwerkersovereenkomst Gemeenten\n"
	                   "Deze toelichting legt de artikelen uit.\n");
	T_OK(S_ft(x) == NULL, "an explanation of the VWO is not the VWO");
	cJSON_Delete(x);
	x = S_check(rs, "overeenkomst.txt",
	            "Overeenkomst ten behoeve van ICT Prestatie GIBIT 2023\n"
	            "GIBIT 2023\n"
	            "1.1 Op deze Overeenkomst zijn de Inkoopvoorwaarden GIBIT 2023 van toepassing.\n");
	T_OK(S_ft(x) == NULL, "a contract under GIBIT that repeats its name is not GIBIT");
	cJSON_Delete(x);
	x = S_check(rs, "sentence.txt",
	            "De Standaard Verwerkersovereenkomst Gemeenten regelt de verwerking van persoonsgegevens door "
	            "de leverancier.\n");
	T_OK(S_ft(x) == NULL, "a sentence that names the VWO is no title");
	cJSON_Delete(x);

	static const char *contract =
		"Overeenkomst Zaaksysteem\n"
		"1.1 Opdrachtnemer levert Opdrachtgever een zaaksysteem als dienst.\n"
		"1.2 Opdrachtnemer verwerkt daarbij persoonsgegevens van inwoners namens Opdrachtgever.\n"
		"12.2 De Standaard Verwerkersovereenkomst Gemeenten is opgenomen in Bijlage 7.\n";
	cJSON *c = S_check(rs, "contract.txt", contract);
	const cJSON *fw = cJSON_GetArrayItem(cJSON_GetObjectItem(c, "frameworks"), 0);
	T_STR(S_get(fw, "id"), "vng-vwo"); /* "is opgenomen in Bijlage 7" incorporates it */
	T_OK(S_ft(c) == NULL, "the contract is no framework text");
	/* alone, the contract meets SEC-INCIDENT by reference to the VWO's article 5 (the mapping) */
	T_STR(S_get(S_find(c, "SEC-INCIDENT"), "basis"), "reference");

	cJSON *docs = cJSON_CreateArray();
	cJSON_AddItemToArray(docs, c);
	cJSON_AddItemToArray(docs, annex);
	T_OK(tl_annex_link(docs) > 0, "findings taken over from the annex");
	cJSON *f = S_find(c, "SEC-INCIDENT");
	T_STR(S_get(f, "status"), "met");
	T_STR(S_get(f, "basis"), "annex");
	const cJSON *ev = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(f, "annex"), "evidence"), 0);
	T_STR(S_get(ev, "clause"), "5.1");
	/* and the contract's own evidence is the sentence that incorporates the annex */
	ev = cJSON_GetArrayItem(cJSON_GetObjectItem(f, "evidence"), 0);
	T_STR(S_get(ev, "clause"), "12.2");
	T_OK(S_get(ev, "quote") && strstr(S_get(ev, "quote"), "opgenomen in Bijlage 7"), "quotes 12.2");
	cJSON_Delete(docs);

	/* the same contract deviating from article 5 of the VWO: the annex's 5.1 does not count */
	c = S_check(rs, "contract2.txt",
	            "Overeenkomst Zaaksysteem\n"
	            "1.1 Opdrachtnemer levert Opdrachtgever een zaaksysteem als dienst.\n"
	            "1.2 Opdrachtnemer verwerkt daarbij persoonsgegevens van inwoners namens Opdrachtgever.\n"
	            "12.2 De Standaard Verwerkersovereenkomst Gemeenten is opgenomen in Bijlage 7.\n"
	            "12.3 In afwijking van artikel 5 van de Standaard Verwerkersovereenkomst Gemeenten spreken "
	            "Partijen de meldtermijn nader af.\n");
	annex = S_check(rs, "bijlage7.txt", S_annex_text);
	docs = cJSON_CreateArray();
	cJSON_AddItemToArray(docs, c);
	cJSON_AddItemToArray(docs, annex);
	tl_annex_link(docs);
	f = S_find(c, "SEC-INCIDENT");
	T_OK(S_get(f, "basis") && strcmp(S_get(f, "basis"), "annex") != 0,
	     "deviating from article 5: not through the annex (%s %s)", S_get(f, "status"), S_get(f, "basis"));
	cJSON_Delete(docs);
	tl_ruleset_free(rs);
}

int main(void)
{
	test_link_table();
	test_link_nothing();
	test_end_to_end();
	return T_DONE();
}
