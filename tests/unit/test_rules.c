/* test_rules.c: the rule engine on the engine's test ruleset
 * (rulesets/test/engine.json): each condition kind, the status decision
 * order, also_met_by, contexts (forced and negated), frameworks by
 * reference, the report model, and the prefilter against brute force. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "model/doc.h"
#include "rules/rules.h"
#include "tenderlint.h"

static tl_ruleset *S_rs;

/* A document whose paragraphs are the given lines (NULL-terminated). */
static tl_document *S_doc(const char *const *lines)
{
	tl_limits lim = TL_LIMITS_INIT;
	tl_error err = TL_ERROR_INIT;
	tl_document *d = tl_doc_new("test.txt", TL_FORMAT_TEXT, &lim);
	for (int i = 0; d && lines[i]; i++)
		tl_doc_add_para(d, TL_PARA_BODY, "text", i, lines[i], strlen(lines[i]), &err);
	if (d && tl_doc_finish(d, &err) != 0) {
		tl_document_free(d);
		return NULL;
	}
	return d;
}

static const char *S_pre_nl =
	"Opdrachtgever: de Gemeente (hierna: \"Opdrachtgever\"). Opdrachtnemer: de leverancier "
	"(hierna: \"Opdrachtnemer\"). \"Gegevens\": alle gegevens die Opdrachtnemer verwerkt.";
static const char *S_pre_en =
	"The Municipality (the \"Customer\") and the supplier (the \"Supplier\"). \"Customer Data\" "
	"means all data processed by the Supplier under this Agreement.";

typedef struct {
	tl_document *doc;
	tl_annotated *a;
	tl_match *m;
} S_run;

static int S_check(S_run *r, const char *const *lines, const char *const *force)
{
	tl_error err = TL_ERROR_INIT;
	memset(r, 0, sizeof *r);
	r->doc = S_doc(lines);
	if (!r->doc || tl_annotate(&r->a, r->doc, &err) != 0 ||
	    tl_match_run(&r->m, S_rs, r->a, force, 0, -1, &err) != 0) {
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

static const char *S_status(const S_run *r, const char *id)
{
	int i = tl_rules_find(S_rs, id);
	return i < 0 || !r->m ? "(none)" : tl_rules_status_name(r->m->res[i].status);
}

#define EXPECT(lines_, force_, id_, want_)                                              \
	do {                                                                            \
		S_run r_;                                                               \
		if (S_check(&r_, lines_, force_) == 0)                                  \
			T_STR(S_status(&r_, id_), want_);                               \
		else                                                                    \
			T_OK(0, "could not check %s", id_);                            \
		S_free(&r_);                                                            \
	} while (0)

static void test_status_order(void)
{
	/* violated wins over met, and both are cited */
	const char *both[] = {S_pre_nl, "Opdrachtnemer zal de Gegevens niet verkopen.",
	                      "Opdrachtnemer mag de Gegevens doorverkopen.", NULL};
	S_run r;
	if (S_check(&r, both, NULL) == 0) {
		int i = tl_rules_find(S_rs, "T-SELL");
		T_STR(S_status(&r, "T-SELL"), "violated");
		T_INT(r.m->res[i].nev[TL_LIST_VIOLATED], 1);
		T_INT(r.m->res[i].nev[TL_LIST_MET], 1);
	}
	S_free(&r);
	/* met beats partial unless the partial pattern downgrades */
	const char *mp[] = {S_pre_nl, "Opdrachtnemer zal de Gegevens niet verkopen.",
	                    "Opdrachtnemer verkoopt de Gegevens niet, tenzij Opdrachtnemer dit naar eigen inzicht nodig acht.",
	                    NULL};
	EXPECT(mp, NULL, "T-SELL", "met");
	const char *dg[] = {S_pre_nl,
	                    "Opdrachtnemer verwerkt de Gegevens uitsluitend voor de uitvoering van de Overeenkomst.",
	                    "Opdrachtnemer zal zich inspannen om de Gegevens te verwerken.", NULL};
	EXPECT(dg, NULL, "T-PURPOSE", "partial");
	/* nothing: missing; a mention without the right modality is no finding */
	const char *none[] = {S_pre_nl, "De gemeente verkoopt bouwkavels aan projectontwikkelaars.", NULL};
	EXPECT(none, NULL, "T-SELL", "missing");
}

static void test_conditions(void)
{
	/* exception: customer consent keeps the ban, the vendor's discretion empties it */
	const char *cust[] = {S_pre_nl, "Opdrachtnemer verkoopt de Gegevens niet, tenzij Opdrachtgever daarvoor "
	                                "voorafgaand schriftelijk toestemming geeft.", NULL};
	EXPECT(cust, NULL, "T-SELL", "met");
	const char *vend[] = {S_pre_nl, "Opdrachtnemer verkoopt de Gegevens niet, tenzij Opdrachtnemer dit naar "
	                                "eigen inzicht nodig acht.", NULL};
	EXPECT(vend, NULL, "T-SELL", "partial");
	/* party: the customer selling is not the vendor selling */
	const char *party[] = {S_pre_en, "The Customer may sell the Customer Data.", NULL};
	EXPECT(party, NULL, "T-SELL", "missing");
	/* quantity against a threshold, vague terms, and over the limit */
	const char *q24[] = {S_pre_en, "The Supplier shall notify the Customer of a Security Incident within 24 hours.", NULL};
	EXPECT(q24, NULL, "T-INCIDENT", "met");
	const char *qv[] = {S_pre_en, "The Supplier shall notify the Customer of a Security Incident without undue delay.", NULL};
	EXPECT(qv, NULL, "T-INCIDENT", "partial");
	const char *q7[] = {S_pre_en, "The Supplier shall notify the Customer of a Security Incident within 7 days.", NULL};
	EXPECT(q7, NULL, "T-INCIDENT", "violated");
	/* near: the concepts within 6 tokens, not 20 apart */
	const char *near[] = {S_pre_nl, "De beelden van de camera worden versleuteld opgeslagen.", NULL};
	const char *on[] = {"sensors", NULL};
	EXPECT(near, on, "T-CAMERA", "met");
	const char *far[] = {S_pre_nl, "De camera staat bij de ingang en alle opgeslagen beelden van de hele dag en "
	                               "de nacht worden door de gemeente regelmatig en zorgvuldig versleuteld.", NULL};
	EXPECT(far, on, "T-CAMERA", "missing");
	/* none: "eigen doeleinden" blocks the met pattern and gives the violation */
	const char *own[] = {S_pre_nl, "Opdrachtnemer mag de Gegevens verwerken voor eigen doeleinden.", NULL};
	EXPECT(own, NULL, "T-PURPOSE", "violated");
	/* exact words and prefixes: "AVG" but not "avg-regels" */
	const char *avg[] = {S_pre_nl, "Opdrachtnemer houdt zich aan de AVG.", NULL};
	EXPECT(avg, NULL, "T-AVG", "met");
	const char *avg2[] = {S_pre_nl, "Opdrachtnemer houdt zich aan de avg-regels van de vereniging.", NULL};
	EXPECT(avg2, NULL, "T-AVG", "missing");
	/* a phrase allows one extra word between its words, not two */
	const char *ph[] = {S_pre_nl, "Opdrachtnemer zal de Gegevens niet aan derden ter beschikking stellen.", NULL};
	EXPECT(ph, NULL, "T-AVAILABLE", "met");
	/* scope clause: the concepts may be spread over the clause's sentences */
	const char *cl[] = {S_pre_nl, "Artikel 4 Controle", "4.1 Opdrachtgever mag jaarlijks een audit laten uitvoeren.", NULL};
	EXPECT(cl, NULL, "T-AUDIT", "met");
	/* list items count with their lead-in's clause: the customer is named in 4.1, the audit in a) */
	const char *items[] = {S_pre_nl, "4.1 Voor Opdrachtgever geldt het volgende:",
	                       "a) een audit mag jaarlijks worden uitgevoerd;", "b) rapporten mogen worden ingezien.", NULL};
	EXPECT(items, NULL, "T-AUDIT", "met");
	const char *apart[] = {S_pre_nl, "4.1 Voor Opdrachtgever geldt het volgende.",
	                       "4.2 Een audit mag jaarlijks worden uitgevoerd.", NULL};
	EXPECT(apart, NULL, "T-AUDIT", "missing");
}

/* A reviewer's comment is never contract text, however it is worded. */
static void test_comments(void)
{
	tl_limits lim = TL_LIMITS_INIT;
	tl_error err = TL_ERROR_INIT;
	tl_document *d = tl_doc_new("comment.txt", TL_FORMAT_TEXT, &lim);
	tl_doc_add_para(d, TL_PARA_BODY, "text", 0, S_pre_nl, strlen(S_pre_nl), &err);
	const char *c = "Opdrachtnemer mag de Gegevens doorverkopen.";
	tl_para *p = tl_doc_add_para(d, TL_PARA_COMMENT, "comments", 0, c, strlen(c), &err);
	if (p)
		p->ref = 0;
	T_INT(tl_doc_finish(d, &err), 0);
	tl_annotated *a = NULL;
	tl_match *m = NULL;
	T_INT(tl_annotate(&a, d, &err), 0);
	if (a && tl_match_run(&m, S_rs, a, NULL, 0, -1, &err) == 0)
		T_STR(tl_rules_status_name(m->res[tl_rules_find(S_rs, "T-SELL")].status), "missing");
	tl_match_free(m);
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_contexts_and_also(void)
{
	/* not applicable without the context; a negated mention does not set it */
	const char *no[] = {S_pre_nl, "Opdrachtnemer plaatst geen camera in de openbare ruimte.", NULL};
	S_run r;
	if (S_check(&r, no, NULL) == 0) {
		T_STR(S_status(&r, "T-CAMERA"), "not_applicable");
		T_INT(r.m->ctx[tl_rules_context(S_rs, "sensors")].set, 0);
	}
	S_free(&r);
	const char *yes[] = {S_pre_nl, "Opdrachtnemer plaatst een camera bij het stadhuis.", NULL};
	EXPECT(yes, NULL, "T-CAMERA", "missing");
	/* what the contract takes out of its scope is not what it is about */
	const char *out_nl[] = {S_pre_nl, "Het plaatsen van een camera valt buiten deze Overeenkomst.",
	                        NULL};
	EXPECT(out_nl, NULL, "T-CAMERA", "not_applicable");
	const char *out_en[] = {S_pre_en, "Installing a camera is outside the scope of this Agreement.",
	                        NULL};
	EXPECT(out_en, NULL, "T-CAMERA", "not_applicable");
	const char *off[] = {"!sensors", NULL};
	EXPECT(yes, off, "T-CAMERA", "not_applicable");
	/* also_met_by: T-AVG is met when T-SELL is met */
	const char *also[] = {S_pre_nl, "Opdrachtnemer zal de Gegevens niet verkopen.", NULL};
	EXPECT(also, NULL, "T-AVG", "met");
}

static void test_frameworks(void)
{
	const char *fw[] = {S_pre_nl, "Op deze Overeenkomst zijn de GIBIT 2023 van toepassing.", NULL};
	S_run r;
	if (S_check(&r, fw, NULL) == 0) {
		int i = tl_rules_find(S_rs, "T-INCIDENT");
		T_STR(S_status(&r, "T-INCIDENT"), "met");
		T_INT(r.m->res[i].basis_reference, 1);
		T_STR(S_status(&r, "T-PURPOSE"), "partial"); /* coverage partial */
		T_STR(S_status(&r, "T-AUDIT"), "partial");   /* coverage against */
	}
	S_free(&r);
	const char *dev[] = {S_pre_nl, "Op deze Overeenkomst zijn de GIBIT 2023 van toepassing, met uitzondering "
	                               "van artikel 29.", NULL};
	EXPECT(dev, NULL, "T-INCIDENT", "missing");
}

static void test_report(void)
{
	const char *lines[] = {S_pre_en, "\"Telemetry\" means all data recorded by the cameras of the Supplier.",
	                       "The Supplier may sell the Telemetry to its partners.", NULL};
	tl_document *d = S_doc(lines);
	cJSON *doc = NULL;
	tl_error err = TL_ERROR_INIT;
	tl_check_options o = TL_CHECK_OPTIONS_INIT;
	T_INT(tl_check_document(&doc, S_rs, d, &o, &err), 0);
	const cJSON *f = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "findings"), 0);
	T_INT(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "findings")), S_rs->nrules);
	T_STR(cJSON_GetStringValue(cJSON_GetObjectItem(f, "rule")), "T-SELL");
	T_STR(cJSON_GetStringValue(cJSON_GetObjectItem(f, "status")), "violated");
	const cJSON *ev = cJSON_GetArrayItem(cJSON_GetObjectItem(f, "evidence"), 0);
	T_STR(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(ev, "definition"), "term")), "Telemetry");
	const char *reason = cJSON_GetStringValue(cJSON_GetObjectItem(f, "reason"));
	T_OK(reason && strstr(reason, "Telemetry") && reason[strlen(reason) - 1] == '.', "reason: %s", reason);
	T_OK(reason && strstr(reason, "the vendor may sell"), "the pattern's why in: %s", reason);
	const cJSON *sug = cJSON_GetObjectItem(f, "suggestion");
	const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(sug, "text"));
	T_OK(text && !strncmp(text, "The Supplier shall not sell the Telemetry", 41), "suggestion: %s", text);
	/* every finding has a sentence as reason */
	const cJSON *x;
	cJSON_ArrayForEach(x, cJSON_GetObjectItem(doc, "findings"))
	{
		const char *rs = cJSON_GetStringValue(cJSON_GetObjectItem(x, "reason"));
		T_OK(rs && strlen(rs) > 10 && rs[strlen(rs) - 1] == '.', "reason of %s: %s",
		     cJSON_GetStringValue(cJSON_GetObjectItem(x, "rule")), rs ? rs : "(null)");
	}
	cJSON_Delete(doc);
	tl_document_free(d);
}

/* An object pronoun in a coordinated unit carries the data of the unit
 * before it: "..., and shall not sell it" is about the data. */
static void test_pronoun_objects(void)
{
	const char *en[] = {S_pre_en,
	                    "The Supplier shall process the Customer Data on the Customer's instructions, "
	                    "and shall not sell it to third parties.",
	                    NULL};
	EXPECT(en, NULL, "T-SELL", "met");
	const char *chain[] = {S_pre_en,
	                       "The Supplier shall process the Customer Data on the Customer's "
	                       "instructions, shall encrypt it at rest, and shall not sell it.",
	                       NULL};
	EXPECT(chain, NULL, "T-SELL", "met");
	/* "it" as a subject refers to a party, not to the data */
	const char *subj[] = {S_pre_en,
	                      "The Supplier shall process the Customer Data on the Customer's instructions, "
	                      "and it shall not sell anything to third parties.",
	                      NULL};
	EXPECT(subj, NULL, "T-SELL", "missing");
	/* the pronoun's unit must follow a unit that names the data */
	const char *none[] = {S_pre_en,
	                      "The Supplier shall maintain the platform, and shall not sell it to third parties.",
	                      NULL};
	EXPECT(none, NULL, "T-SELL", "missing");
	/* Dutch: "ze"/"deze" before an adverb or preposition; "het" before a noun is an article */
	const char *nl[] = {S_pre_nl,
	                    "Opdrachtnemer verwerkt de Gegevens uitsluitend op instructie van Opdrachtgever, "
	                    "maar zal deze niet verkopen.",
	                    NULL};
	EXPECT(nl, NULL, "T-SELL", "met");
	const char *art[] = {S_pre_nl,
	                     "Opdrachtnemer verwerkt de Gegevens uitsluitend op instructie van Opdrachtgever, "
	                     "maar zal het platform niet verkopen.",
	                     NULL};
	EXPECT(art, NULL, "T-SELL", "missing");
}

typedef struct {
	uint64_t *v;
	size_t n, a;
} S_set;

static void S_collect(void *ud, const tl_rterm *t, uint32_t a, uint32_t b)
{
	S_set *s = ud;
	if (s->n == s->a) {
		s->a = s->a ? s->a * 2 : 256;
		s->v = realloc(s->v, s->a * sizeof *s->v);
	}
	s->v[s->n++] = ((uint64_t)(t - S_rs->terms) << 32) | (a << 16) | b;
}

static int S_cmp(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* The prefilter finds exactly what trying every term at every token finds. */
static void test_prefilter(const char *path)
{
	tl_document *d = NULL;
	tl_annotated *a = NULL;
	tl_error err = TL_ERROR_INIT;
	tl_read_options ro = TL_READ_OPTIONS_INIT;
	if (tl_document_read(&d, path, &ro, &err) != 0 || tl_annotate(&a, d, &err) != 0) {
		T_OK(0, "cannot read %s: %s", path, err.message);
		tl_document_free(d);
		return;
	}
	size_t total = 0, diff = 0;
	for (uint32_t i = 0; i < a->nsent; i++) {
		S_set x = {0}, y = {0};
		tl_index_scan(S_rs, a, &a->sent[i], S_collect, &x);
		tl_index_scan_brute(S_rs, a, &a->sent[i], S_collect, &y);
		if (x.n) /* qsort(NULL, 0, ...) is undefined (UBSan) */
			qsort(x.v, x.n, sizeof *x.v, S_cmp);
		if (y.n)
			qsort(y.v, y.n, sizeof *y.v, S_cmp);
		total += y.n;
		if (x.n != y.n || (x.n && memcmp(x.v, y.v, x.n * sizeof *x.v)))
			diff++;
		free(x.v);
		free(y.v);
	}
	T_INT(diff, 0);
	T_OK(total > 10, "%s: only %zu term matches", path, total);
	tl_annotated_free(a);
	tl_document_free(d);
}

int main(void)
{
	tl_error err = TL_ERROR_INIT;
	if (tl_rules_load(&S_rs, TL_SOURCE_DIR "/rulesets/test/engine.json", NULL, &err) != 0) {
		fprintf(stderr, "cannot load the test ruleset: %s:%ld:%ld: %s\n", err.path, err.line, err.col,
		        err.message);
		return 1;
	}
	/* the ruleset's own examples cover every condition kind in both languages */
	tl_selftest_stats st;
	FILE *devnull = fopen("/dev/null", "w");
	T_INT(tl_rules_selftest(S_rs, NULL, TL_LANG_UNKNOWN, devnull ? devnull : stderr, &st, &err), 0);
	if (devnull)
		fclose(devnull);
	T_INT(st.failed, 0);
	T_OK(st.passed >= 20, "only %d examples passed", st.passed);
	test_status_order();
	test_conditions();
	test_contexts_and_also();
	test_comments();
	test_pronoun_objects();
	test_frameworks();
	test_report();
	test_prefilter(TL_SOURCE_DIR "/tests/rules/golden/sample-en.txt");
	test_prefilter(TL_SOURCE_DIR "/tests/rules/golden/sample-nl.txt");
	/* and with the default ruleset's many terms (which must load) */
	tl_ruleset *def = NULL;
	T_INT(tl_rules_load(&def, NULL, NULL, &err), 0);
	if (def) {
		tl_ruleset *keep = S_rs;
		S_rs = def;
		test_prefilter(TL_SOURCE_DIR "/tests/rules/golden/sample-nl.txt");
		test_prefilter(TL_SOURCE_DIR "/tests/rules/golden/sample-en.txt");
		S_rs = keep;
	}
	tl_ruleset_free(def);
	tl_ruleset_free(S_rs);
	return T_DONE();
}
