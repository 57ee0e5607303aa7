/* Unit tests for key/value table rows (src/rules/keycells.c, patterns.c; s9
 * engine ask 6): in a two-column table of short labels and values, the value
 * cell's sentence reads its label's concepts, so "| Auto-Redact | Available,
 * off by default |" is a protection switched off, not privacy by default, and
 * "| API access | Not included |" says the API is missing; in a service-level
 * table of up to five columns every cell after the label reads it.  A table of
 * six columns, an ID column, or a label of a whole sentence lends nothing.
 * Dutch and English. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_fixture.h"
#include "harness.h"
#include "tenderlint.h"
#include "tmpdir_fixture.h"

static const char S_ruleset[] =
    "{\"id\": \"keycells\",\n"
    " \"concepts\": {\n"
    "  \"default-off\": {\"nl\": [\"standaard uitgeschakeld\"], \"en\": [\"off by default\"]},\n"
    "  \"protective\": {\"nl\": [\"anonimiseren\"], \"en\": [\"auto-redact\", \"masking\"]},\n"
    "  \"api\": {\"nl\": [\"API\"], \"en\": [\"API\"]},\n"
    "  \"api-ok\": {\"nl\": [\"API beschikbaar\"], \"en\": [\"API available\"]},\n"
    "  \"excluded\": {\"nl\": [\"niet inbegrepen\"], \"en\": [\"not included\"]}},\n"
    " \"rules\": [\n"
    "  {\"id\": \"R-DEFAULT\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"
    "   \"met\": [{\"all\": [\"default-off\"], \"none\": [\"protective\"]}]},\n"
    "  {\"id\": \"R-API\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"
    "   \"met\": [{\"all\": [\"api-ok\"]}], \"violated\": [{\"all\": [\"api\", \"excluded\"]}]}]}\n";

/* The status of rule on the Markdown text, into out. */
static void S_status(const tl_ruleset *rs, const char *text, const char *rule, char *out, size_t n)
{
	fx_rule_status(rs, "order.md", text, rule, out, n);
}

#define S_TAIL "\n1. The Service is provided as described in this Order Summary.\n"

static void test_label_read(const tl_ruleset *rs)
{
	char st[32];
	S_status(rs, "# Order Summary\n\n| Feature | Status |\n|---|---|\n| Auto-Redact | Available, off by default |\n" S_TAIL,
	         "R-DEFAULT", st, sizeof st);
	T_STR(st, "missing"); /* a protection switched off is no privacy by default */
	S_status(rs, "# Order Summary\n\n| Feature | Status |\n|---|---|\n| Usage analytics | Available, off by default |\n" S_TAIL,
	         "R-DEFAULT", st, sizeof st);
	T_STR(st, "met"); /* another function off by default still is */
	S_status(rs, "# Order Summary\n\n| Feature | Status |\n|---|---|\n| API access | Not included |\n" S_TAIL, "R-API",
	         st, sizeof st);
	T_STR(st, "violated"); /* the label names what the value excludes */
	S_status(rs, "# Overzicht\n\n| Functie | Stand |\n|---|---|\n| Anonimiseren | Standaard uitgeschakeld |\n"
	             "\n1. De Dienst wordt geleverd zoals in dit overzicht beschreven.\n",
	         "R-DEFAULT", st, sizeof st);
	T_STR(st, "missing");
	S_status(rs, "# Overzicht\n\n| Functie | Stand |\n|---|---|\n| API-toegang | Niet inbegrepen |\n"
	             "\n1. De Dienst wordt geleverd zoals in dit overzicht beschreven.\n",
	         "R-API", st, sizeof st);
	T_STR(st, "violated");
	/* a service-level table: the columns after the value read the label too */
	S_status(rs, "# Service levels\n\n| Feature | Status | Price | Penalty |\n|---|---|---|---|\n"
	             "| Auto-Redact | Available, off by default | EUR 0 | none |\n" S_TAIL,
	         "R-DEFAULT", st, sizeof st);
	T_STR(st, "missing");
	S_status(rs, "# Dienstniveaus\n\n| Onderdeel | Norm | Meetperiode | Boete |\n|---|---|---|---|\n"
	             "| API-toegang | per maand | Niet inbegrepen | - |\n"
	             "\n1. De Dienst wordt geleverd zoals in dit overzicht beschreven.\n",
	         "R-API", st, sizeof st);
	T_STR(st, "violated");
}

static void test_label_not_read(const tl_ruleset *rs)
{
	char st[32];
	/* six columns: no key/value table */
	S_status(rs, "# Order Summary\n\n| Feature | Status | Price | Unit | Period | Note |\n"
	             "|---|---|---|---|---|---|\n"
	             "| Auto-Redact | Available, off by default | EUR 0 | user | month | - |\n" S_TAIL,
	         "R-DEFAULT", st, sizeof st);
	T_STR(st, "met");
	/* a requirements table: the ID in the first column names no concept */
	S_status(rs, "# Requirements\n\n| ID | Requirement | Priority |\n|---|---|---|\n"
	             "| E01 | Usage analytics are off by default | Must |\n" S_TAIL,
	         "R-DEFAULT", st, sizeof st);
	T_STR(st, "met");
	/* a label that is a whole sentence is no label */
	S_status(rs, "# Order Summary\n\n| Feature | Status |\n|---|---|\n"
	             "| The Supplier shall provide Auto-Redact for every upload of the Customer. | Available, off by "
	             "default |\n" S_TAIL,
	         "R-DEFAULT", st, sizeof st);
	T_STR(st, "met");
	/* outside a table nothing changes */
	S_status(rs, "# Order Summary\n\nAuto-Redact.\n\nAvailable, off by default.\n" S_TAIL, "R-DEFAULT", st,
	         sizeof st);
	T_STR(st, "met");
}

int main(void)
{
	if (fx_tmp_open("keycells"))
		return 1;
	tl_ruleset *rs = fx_tmp_ruleset("rs.json", S_ruleset);
	if (rs) {
		test_label_read(rs);
		test_label_not_read(rs);
	}
	tl_ruleset_free(rs);
	fx_tmp_remove();
	return T_DONE();
}
