/* Unit tests for references to numbered clauses (src/analyze/disapply.c,
 * tl_xref_mark) and a concept's "by_reference" (src/rules/match.c): "the limit
 * does not apply to a breach of clause 4" mentions what the heading "4. Data"
 * says, for a concept that opts in, and nothing else does: the concept's words
 * in the sentence itself, a clause without a heading, another document's article
 * ("article 13 GIBIT 2020"), a clause number the document lacks (s8 ask 17, s9
 * ask 7).  Dutch and English; a "by_reference" that is no boolean is a load
 * error. */
#include <stdlib.h>
#include <string.h>

#include "check_fixture.h"
#include "harness.h"
#include "tenderlint.h"
#include "tmpdir_fixture.h"

#include "cJSON.h"

static const char S_ruleset[] =
    "{\"id\": \"xref\",\n"
    " \"concepts\": {\"breach\": {\"nl\": [\"schending\", \"tekortkoming\"], \"en\": [\"breach\", "
    "\"breaches\"]},\n"
    "  \"data-clause\": {\"nl\": [\"gegevens\", \"persoonsgegevens\", \"beveiliging\"], \"en\": [\"data\", "
    "\"personal data\", \"security\", \"data protection\"], \"by_reference\": %s}},\n"
    " \"rules\": [{\"id\": \"R-CAP\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\", "
    "\"en\": \"t\"},\n"
    "  \"met\": [{\"all\": [\"breach\", \"data-clause\"]}]}]}\n";

static const char S_en[] =
    "# 1. Definitions\n\n1.1 \"Data\" means all data of the Municipality.\n\n"
    "# 4. Data protection\n\n4.1 The Supplier processes the Data only on instructions.\n\n"
    "# 5. Prices\n\n5.1 The fees are fixed for the term.\n\n"
    "# 9. Liability\n\n9.1 The Supplier's liability is limited to EUR 500,000 per event. %s\n";

static const char S_nl[] =
    "# 1. Begrippen\n\n1.1 Gegevens: alle gegevens van Opdrachtgever.\n\n"
    "# 4. Gegevens en beveiliging\n\n4.1 Opdrachtnemer verwerkt de Gegevens uitsluitend op instructie.\n\n"
    "# 5. Prijzen\n\n5.1 De prijzen liggen vast.\n\n"
    "# 9. Aansprakelijkheid\n\n9.1 De aansprakelijkheid van Opdrachtnemer is beperkt tot EUR 500.000. %s\n";

/* R-CAP's status for the document made of tmpl and sentence */
static const char *S_status(const tl_ruleset *rs, const char *tmpl, const char *sentence, char *out,
                            size_t size)
{
	char text[4096];
	snprintf(text, sizeof text, tmpl, sentence);
	return fx_rule_status(rs, "xref.md", text, "R-CAP", out, size);
}

static void S_expect(const tl_ruleset *rs, const char *tmpl, const char *sentence, const char *want)
{
	char got[32];
	S_status(rs, tmpl, sentence, got, sizeof got);
	T_OK(!strcmp(got, want), "%s: %s, want %s", sentence, got, want);
}

static void test_reference_lends_heading(const tl_ruleset *rs)
{
	S_expect(rs, S_en, "This limit does not apply to a breach of clause 4.", "met");
	S_expect(rs, S_en, "This limit does not apply to breaches of clauses 4, 5 and 9.", "met");
	S_expect(rs, S_en, "The cap does not apply to breach of clause 5 or clause 4.", "met");
	S_expect(rs, S_en, "This limit does not apply to damage caused by a breach of clauses 5 or 4.", "met");
	S_expect(rs, S_en, "This limit does not apply to breaches of clauses 3 to 5.", "met");
	S_expect(rs, S_nl, "De beperking geldt niet bij schending van artikel 4.", "met");
	S_expect(rs, S_nl, "De beperking geldt niet bij schending van de artikelen 4 en 5.", "met");
	S_expect(rs, S_nl, "De beperking geldt niet bij een tekortkoming in de nakoming van artikel 5 of 4.", "met");
}

static void test_no_reference(const tl_ruleset *rs)
{
	/* another clause's heading says nothing of data */
	S_expect(rs, S_en, "This limit does not apply to a breach of clause 5.", "missing");
	S_expect(rs, S_nl, "De beperking geldt niet bij schending van artikel 5.", "missing");
	/* the concept's own words in the sentence are no mention: it opted in to references only */
	S_expect(rs, S_en, "This limit does not apply to a breach of data protection law.", "missing");
	S_expect(rs, S_nl, "De beperking geldt niet bij schending van de beveiliging.", "missing");
	/* another document's article, a sub-clause without a heading, a number the document lacks */
	S_expect(rs, S_en, "In deviation from article 4 GIBIT 2020, a breach is capped as well.", "missing");
	S_expect(rs, S_en, "This limit does not apply to a breach of clause 4.1.", "missing");
	S_expect(rs, S_en, "This limit does not apply to a breach of clause 7.", "missing");
	S_expect(rs, S_nl, "Artikel 4 van de GIBIT geldt niet bij schending.", "missing");
}

static int S_load(const char *flag, tl_ruleset **rs, tl_error *err)
{
	char r[2048];
	snprintf(r, sizeof r, S_ruleset, flag);
	const char *p = fx_tmp_write("rs.json", r);
	*rs = NULL;
	return p ? tl_ruleset_load(rs, p, err) : -1;
}

int main(void)
{
	if (fx_tmp_open("xref"))
		return 1;
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	if (S_load("true", &rs, &err) != 0) {
		T_OK(0, "load: %s", err.message);
	} else {
		test_reference_lends_heading(rs);
		test_no_reference(rs);
	}
	tl_ruleset_free(rs);
	/* without the opt-in the words count where they stand, and a reference lends nothing */
	if (S_load("false", &rs, &err) != 0) {
		T_OK(0, "load: %s", err.message);
	} else {
		S_expect(rs, S_en, "This limit does not apply to a breach of clause 4.", "missing");
		S_expect(rs, S_en, "This limit does not apply to a breach of data protection law.", "met");
	}
	tl_ruleset_free(rs);
	err = (tl_error)TL_ERROR_INIT;
	T_INT(S_load("\"yes\"", &rs, &err), TL_ERULESET);
	T_OK(strstr(err.message, "\"by_reference\" must be true or false") != NULL, "message: %s", err.message);
	tl_ruleset_free(rs);
	fx_tmp_remove();
	return T_DONE();
}
