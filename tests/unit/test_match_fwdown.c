/* Unit tests for a downgrading partial against a declared framework (src/rules/
 * frameworks.c, tl_frameworks_apply; s9 engine ask 11): a framework that
 * covers a rule fully lifts a partial the text leaves open ("as soon as
 * possible") to met by reference, but not a partial from a pattern marked
 * "downgrades": "open standards where the Supplier considers this feasible"
 * is a limit the contract sets itself, which a reference to GIBIT does not
 * remove.  Dutch and English. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_fixture.h"
#include "harness.h"
#include "tenderlint.h"
#include "tmpdir_fixture.h"

/* %s: "true" or "false" for the feasibility partial's "downgrades" */
static const char S_ruleset[] =
    "{\"id\": \"fwdown\", \"frameworks\": [\"fw.json\"],\n"
    " \"concepts\": {\"open-std\": {\"nl\": [\"open standaarden\"], \"en\": [\"open standards\"]},\n"
    "  \"feasible\": {\"nl\": [\"haalbaar\"], \"en\": [\"feasible\"]},\n"
    "  \"later\": {\"nl\": [\"zo spoedig mogelijk\"], \"en\": [\"as soon as possible\"]}},\n"
    " \"rules\": [{\"id\": \"R-OPEN\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\", "
    "\"en\": \"t\"},\n"
    "  \"met\": [{\"all\": [\"open-std\"], \"none\": [\"feasible\", \"later\"]}],\n"
    "  \"partial\": [{\"all\": [\"open-std\", \"feasible\"], \"downgrades\": %s},\n"
    "              {\"all\": [\"open-std\", \"later\"]}]}]}\n";

static const char S_mapping[] =
    "{\"framework\": \"gibit-2023\", \"title\": \"GIBIT 2023\",\n"
    " \"covers\": {\"R-OPEN\": {\"articles\": [\"8\"], \"coverage\": \"full\", \"confidence\": \"verified\",\n"
    "  \"source\": \"test\"}}}\n";

#define S_NL_GIBIT "Op deze Overeenkomst zijn de Inkoopvoorwaarden GIBIT 2023 van toepassing.\n\n"
#define S_EN_GIBIT "The GIBIT 2023 general purchasing terms apply to this Agreement.\n\n"

static tl_ruleset *S_load(const char *downgrades)
{
	char rs[2048];
	snprintf(rs, sizeof rs, S_ruleset, downgrades);
	fx_tmp_write("fw.json", S_mapping);
	return fx_tmp_ruleset("rs.json", rs);
}

static void test_downgrading_partial_stands(void)
{
	tl_ruleset *rs = S_load("true");
	char st[32];
	if (!rs)
		return;
	T_STR(fx_rule_status(rs, "c.txt",
	                     S_NL_GIBIT "Opdrachtnemer past open standaarden toe waar zij dat haalbaar acht.\n",
	                     "R-OPEN", st, sizeof st),
	      "partial");
	T_STR(fx_rule_status(rs, "c.txt",
	                     S_EN_GIBIT "The Supplier applies open standards where it considers this feasible.\n",
	                     "R-OPEN", st, sizeof st),
	      "partial");
	/* a partial without a limit of its own is what the framework fills in */
	T_STR(fx_rule_status(rs, "c.txt",
	                     S_EN_GIBIT "The Supplier applies open standards as soon as possible.\n", "R-OPEN", st,
	                     sizeof st),
	      "met");
	/* without the framework the text decides */
	T_STR(fx_rule_status(rs, "c.txt", "The Supplier applies open standards as soon as possible.\n", "R-OPEN", st,
	                     sizeof st),
	      "partial");
	tl_ruleset_free(rs);
}

static void test_not_downgrading_lifted(void)
{
	/* the same partial, not marked "downgrades": lifted by the full mapping, as before */
	tl_ruleset *rs = S_load("false");
	char st[32];
	if (!rs)
		return;
	T_STR(fx_rule_status(rs, "c.txt",
	                     S_EN_GIBIT "The Supplier applies open standards where it considers this feasible.\n",
	                     "R-OPEN", st, sizeof st),
	      "met");
	tl_ruleset_free(rs);
}

int main(void)
{
	if (fx_tmp_open("fwdown"))
		return 1;
	test_downgrading_partial_stands();
	test_not_downgrading_lifted();
	fx_tmp_remove();
	return T_DONE();
}
