/* test_rules_scope.c: the engine's wider scopes and reference granularity on
 * multi-paragraph documents (rulesets/test/engine.json):
 * - an "article" scope spreads over the sub-clauses of one article (GIBIT
 *   applies in 16.1, the vendor's terms are excluded in 16.2) and not over
 *   two articles;
 * - a clause-scope "met" is not undone by a downgrading sentence-level
 *   "partial" on a sentence inside that clause, while the same partial in
 *   another clause still downgrades;
 * - "document_has" and "document_lacks" look at the whole document;
 * - a deviation from one mapped framework article leaves the others
 *   (partial by reference), a deviation from all of them leaves nothing;
 * - a declared framework that covers a rule fully turns the text's partial
 *   into met by reference (the reason names the clause and the framework),
 *   never a text violation, not a partial that states its own term, and not
 *   when the document deviates from it;
 * - evidence states the quantities of its sentence;
 * - a question (a questionnaire, an assessment template) is no clause. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "model/doc.h"
#include "report/reason.h"
#include "rules/rules.h"
#include "tenderlint.h"

static tl_ruleset *S_rs;

static const char *S_pre_nl =
	"Opdrachtgever: de Gemeente (hierna: \"Opdrachtgever\"). Opdrachtnemer: de leverancier "
	"(hierna: \"Opdrachtnemer\"). \"Gegevens\": alle gegevens die Opdrachtnemer verwerkt.";

typedef struct {
	tl_document *doc;
	tl_annotated *a;
	tl_match *m;
} S_run;

static int S_check(S_run *r, const char *const *lines)
{
	tl_limits lim = TL_LIMITS_INIT;
	tl_error err = TL_ERROR_INIT;
	memset(r, 0, sizeof *r);
	r->doc = tl_doc_new("scope.txt", TL_FORMAT_TEXT, &lim);
	for (int i = 0; r->doc && lines[i]; i++)
		tl_doc_add_para(r->doc, TL_PARA_BODY, "text", i, lines[i], strlen(lines[i]), &err);
	if (!r->doc || tl_doc_finish(r->doc, &err) != 0 || tl_annotate(&r->a, r->doc, &err) != 0 ||
	    tl_match_run(&r->m, S_rs, r->a, NULL, 0, -1, &err) != 0) {
		fprintf(stderr, "check failed: %s\n", err.message);
		return -1;
	}
	return 0;
}

static void S_free(S_run *r)
{
	tl_match_free(r->m);
	tl_annotated_free(r->a);
	tl_document_free(r->doc);
}

static const tl_rule_result *S_res(const S_run *r, const char *id)
{
	int i = tl_rules_find(S_rs, id);
	return i < 0 || !r->m ? NULL : &r->m->res[i];
}

static const char *S_status(const S_run *r, const char *id)
{
	const tl_rule_result *x = S_res(r, id);
	return x ? tl_rules_status_name(x->status) : "(none)";
}

#define EXPECT(lines_, id_, want_)                                    \
	do {                                                          \
		S_run r_;                                             \
		if (S_check(&r_, lines_) == 0)                        \
			T_STR(S_status(&r_, id_), want_);             \
		else                                                  \
			T_OK(0, "could not check %s", id_);          \
		S_free(&r_);                                          \
	} while (0)

static void test_article_scope(void)
{
	const char *same[] = {S_pre_nl, "Artikel 16 Toepasselijkheid",
	                      "16.1 Op de Overeenkomst zijn de GIBIT van toepassing.",
	                      "16.2 De algemene voorwaarden van Opdrachtnemer zijn uitgesloten.", NULL};
	EXPECT(same, "T-GENERAL", "met");
	const char *typed[] = {S_pre_nl, "16.1 Op de Overeenkomst zijn de GIBIT van toepassing.",
	                       "16.2 De algemene voorwaarden van Opdrachtnemer zijn uitgesloten.", NULL};
	EXPECT(typed, "T-GENERAL", "met");
	const char *apart[] = {S_pre_nl, "16.1 Op de Overeenkomst zijn de GIBIT van toepassing.",
	                       "17.1 De algemene voorwaarden van Opdrachtnemer zijn uitgesloten.", NULL};
	EXPECT(apart, "T-GENERAL", "missing");
}

static void test_clause_met_stands(void)
{
	/* the clause names third parties in its second sentence: met, though the first
	 * sentence alone matches the downgrading partial */
	const char *one[] = {S_pre_nl, "5.1 Opdrachtnemer meldt elk incident binnen 24 uur.",
	                     "Dit geldt ook ten aanzien van derden.", NULL};
	EXPECT(one, "T-CLAUSEMET", "met");
	S_run r;
	if (S_check(&r, one) == 0) {
		const tl_rule_result *x = S_res(&r, "T-CLAUSEMET");
		T_OK(x && x->count[TL_LIST_PARTIAL] == 0, "the partial inside the met clause still counts");
		T_OK(x && !x->downgraded, "the met clause was downgraded by its own sentence");
	}
	S_free(&r);
	/* a bare notification in another clause is a partial that downgrades */
	const char *two[] = {S_pre_nl, "5.1 Opdrachtnemer meldt elk incident binnen 24 uur.",
	                     "Dit geldt ook ten aanzien van derden.", "6.1 Opdrachtnemer meldt een incident.",
	                     NULL};
	EXPECT(two, "T-CLAUSEMET", "partial");
}

static void test_document_has(void)
{
	const char *silent[] = {S_pre_nl, "Opdrachtnemer verkoopt de Gegevens niet.", NULL};
	EXPECT(silent, "T-DERIVED", "missing");
	const char *defined[] = {S_pre_nl, "\"Afgeleide Gegevens\": afgeleide gegevens die uit de Gegevens worden berekend.",
	                         "Opdrachtnemer verkoopt de Gegevens niet.", NULL};
	EXPECT(defined, "T-DERIVED", "partial");
	const char *covered[] = {S_pre_nl, "\"Afgeleide Gegevens\": afgeleide gegevens die uit de Gegevens worden berekend.",
	                         "Opdrachtnemer verkoopt de Gegevens niet.",
	                         "Opdrachtnemer verkoopt ook geen afgeleide gegevens.", NULL};
	EXPECT(covered, "T-DERIVED", "met");
}

/* document_lacks: the same ban is partial while the document says nothing of
 * derived data, met once another article settles it */
static void test_document_lacks(void)
{
	const char *alone[] = {S_pre_nl, "3.1 Opdrachtnemer verkoopt de Gegevens niet.", NULL};
	EXPECT(alone, "T-LACKS", "partial");
	const char *elsewhere[] = {S_pre_nl, "3.1 Opdrachtnemer verkoopt de Gegevens niet.",
	                           "9.4 Afgeleide gegevens vallen onder dezelfde regels als de Gegevens.", NULL};
	EXPECT(elsewhere, "T-LACKS", "met");
}

static void test_deviation_granularity(void)
{
	const char *decl = "Op deze Overeenkomst zijn de GIBIT 2023 van toepassing.";
	const char *full[] = {S_pre_nl, decl, NULL};
	S_run r;
	if (S_check(&r, full) == 0) {
		const tl_rule_result *x = S_res(&r, "T-TRANSFER");
		T_STR(S_status(&r, "T-TRANSFER"), "met");
		T_OK(x && x->basis_reference && !x->fw_devmask, "met by reference without deviation");
	}
	S_free(&r);
	const char *one[] = {S_pre_nl, decl,
	                     "In afwijking van artikel 26 van de GIBIT 2023 geldt geen exitregeling.", NULL};
	if (S_check(&r, one) == 0) {
		const tl_rule_result *x = S_res(&r, "T-TRANSFER");
		T_STR(S_status(&r, "T-TRANSFER"), "partial");
		T_OK(x && x->basis_reference && x->fw_devmask == 2u, "art. 26 (index 1) deviated, 24.14 left");
		cJSON *d = NULL;
		tl_error err = TL_ERROR_INIT;
		T_INT(tl_report_document(&d, r.m, NULL, &err), 0);
		const cJSON *f = cJSON_GetObjectItem(d, "findings"), *it;
		cJSON_ArrayForEach(it, f)
		{
			if (strcmp(cJSON_GetObjectItem(it, "rule")->valuestring, "T-TRANSFER") != 0)
				continue;
			const char *reason = cJSON_GetObjectItem(it, "reason")->valuestring;
			T_OK(strstr(reason, "24.14") && strstr(reason, "26"), "reason names both: %s", reason);
			const cJSON *ref = cJSON_GetObjectItem(it, "reference");
			T_STR(cJSON_GetObjectItem(ref, "article")->valuestring, "24.14");
			T_STR(cJSON_GetObjectItem(ref, "coverage")->valuestring, "partial");
			T_INT(cJSON_GetArraySize(cJSON_GetObjectItem(ref, "deviated")), 1);
		}
		cJSON_Delete(d);
	}
	S_free(&r);
	/* a deviation from a sibling article (24.1, 24.13; the GIBIT 2023 agreement's
	 * "in afwijking van artikel 10.13") touches no rule mapped to 24.14 */
	const char *sibling[] = {S_pre_nl, decl,
	                         "In afwijking van artikel 24.1 en 24.13 GIBIT 2023 vindt een Acceptatieprocedure plaats.",
	                         NULL};
	if (S_check(&r, sibling) == 0) {
		const tl_rule_result *x = S_res(&r, "T-TRANSFER");
		T_STR(S_status(&r, "T-TRANSFER"), "met");
		T_OK(x && x->basis_reference && !x->fw_devmask, "24.1 and 24.13 do not deviate from 24.14 or 26");
	}
	S_free(&r);
	const char *both[] = {S_pre_nl, decl,
	                      "In afwijking van artikel 24 en 26 van de GIBIT 2023 geldt een eigen regeling.", NULL};
	EXPECT(both, "T-TRANSFER", "missing");
}

static void test_reference_completes_partial(void)
{
	const char *decl = "Op deze Overeenkomst zijn de GIBIT 2023 van toepassing.";
	const char *vague = "Opdrachtnemer meldt een Beveiligingsincident zo spoedig mogelijk aan Opdrachtgever.";
	const char *text_only[] = {S_pre_nl, vague, NULL};
	EXPECT(text_only, "T-INCIDENT", "partial");
	const char *with_fw[] = {S_pre_nl, decl, vague, NULL};
	S_run r;
	if (S_check(&r, with_fw) == 0) {
		const tl_rule_result *x = S_res(&r, "T-INCIDENT");
		T_STR(S_status(&r, "T-INCIDENT"), "met");
		T_OK(x && x->basis_reference && x->fw_over_partial, "met by reference over the text's partial");
		cJSON *d = NULL;
		tl_error err = TL_ERROR_INIT;
		T_INT(tl_report_document(&d, r.m, NULL, &err), 0);
		const cJSON *f = cJSON_GetObjectItem(d, "findings"), *it;
		int seen = 0;
		cJSON_ArrayForEach(it, f)
		{
			if (strcmp(cJSON_GetObjectItem(it, "rule")->valuestring, "T-INCIDENT") != 0)
				continue;
			seen = 1;
			const char *reason = cJSON_GetObjectItem(it, "reason")->valuestring;
			T_OK(strstr(reason, "GIBIT 2023") && strstr(reason, "29.5") &&
			         strstr(reason, "gedeeltelijk"),
			     "reason names the framework and the partial clause: %s", reason);
			T_STR(cJSON_GetObjectItem(it, "basis")->valuestring, "reference");
			/* the partial sentence and the declaration */
			T_INT(cJSON_GetArraySize(cJSON_GetObjectItem(it, "evidence")), 2);
		}
		T_OK(seen, "T-INCIDENT finding present");
		cJSON_Delete(d);
	}
	S_free(&r);
	/* a term of its own (72 hours where 48 is asked) departs from the
	 * framework's: the text's partial stands */
	const char *own[] = {S_pre_nl, decl,
	                     "Opdrachtnemer meldt een Beveiligingsincident uiterlijk binnen 60 uur aan Opdrachtgever.", NULL};
	if (S_check(&r, own) == 0) {
		const tl_rule_result *x = S_res(&r, "T-INCIDENT");
		T_STR(S_status(&r, "T-INCIDENT"), "partial");
		T_OK(x && !x->basis_reference, "the contract's own term is not completed by reference");
	}
	S_free(&r);
	/* a text violation stands whatever the framework says */
	const char *late[] = {S_pre_nl, decl,
	                      "Opdrachtnemer meldt een Beveiligingsincident binnen vijf werkdagen aan Opdrachtgever.", NULL};
	EXPECT(late, "T-INCIDENT", "violated");
	/* a deviation from the mapped article leaves the text's partial */
	const char *dev[] = {S_pre_nl, decl, "In afwijking van artikel 29.5 GIBIT 2023 geldt een eigen meldregeling.",
	                     vague, NULL};
	if (S_check(&r, dev) == 0) {
		const tl_rule_result *x = S_res(&r, "T-INCIDENT");
		T_STR(S_status(&r, "T-INCIDENT"), "partial");
		T_OK(x && !x->basis_reference && !x->fw_over_partial, "partial on the text, not by reference");
	}
	S_free(&r);
}

static void test_quantities_in_evidence(void)
{
	const char *in[] = {S_pre_nl, "Opdrachtnemer meldt elk incident binnen 24 uur.", NULL};
	S_run r;
	if (S_check(&r, in) == 0) {
		cJSON *d = NULL;
		tl_error err = TL_ERROR_INIT;
		T_INT(tl_report_document(&d, r.m, NULL, &err), 0);
		const cJSON *f = cJSON_GetObjectItem(d, "findings"), *it;
		int seen = 0;
		cJSON_ArrayForEach(it, f)
		{
			if (strcmp(cJSON_GetObjectItem(it, "rule")->valuestring, "T-INCIDENT") != 0)
				continue;
			const cJSON *e = cJSON_GetArrayItem(cJSON_GetObjectItem(it, "evidence"), 0);
			const cJSON *q = cJSON_GetArrayItem(cJSON_GetObjectItem(e, "quantities"), 0);
			T_STR(q ? cJSON_GetObjectItem(q, "kind")->valuestring : NULL, "duration");
			T_OK(q && cJSON_GetObjectItem(q, "hours")->valuedouble == 24.0, "24 hours");
			T_OK(q && cJSON_IsFalse(cJSON_GetObjectItem(q, "vague")), "not vague");
			seen = 1;
		}
		T_OK(seen, "no T-INCIDENT finding");
		cJSON_Delete(d);
	}
	S_free(&r);
}

static void test_questions(void)
{
	const char *q[] = {S_pre_nl, "Verkoopt Opdrachtnemer de Gegevens niet aan derden?", NULL};
	EXPECT(q, "T-SELL", "missing");
	const char *st[] = {S_pre_nl, "Opdrachtnemer verkoopt de Gegevens niet aan derden.", NULL};
	EXPECT(st, "T-SELL", "met");
}

int main(void)
{
	tl_error err = TL_ERROR_INIT;
	if (tl_rules_load(&S_rs, TL_SOURCE_DIR "/rulesets/test/engine.json", NULL, &err) != 0) {
		fprintf(stderr, "cannot load the test ruleset: %s\n", err.message);
		return 1;
	}
	test_article_scope();
	test_clause_met_stands();
	test_document_has();
	test_document_lacks();
	test_deviation_granularity();
	test_reference_completes_partial();
	test_quantities_in_evidence();
	test_questions();
	tl_ruleset_free(S_rs);
	return T_DONE();
}
