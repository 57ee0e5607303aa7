/* Unit tests for context tags read from a Dutch introduction (src/analyze/
 * operative.c, src/rules/contexts.c; s9 engine ask 4).  The text under
 * "1. Inleiding" of a programme of requirements or agreement binds nobody,
 * so no rule counts it, but it says what the contract is for: "De tellingen
 * komen in een door Opdrachtnemer gehost dashboard" makes a hosted service.
 * Guidance ("Toelichting"), a negation and a question to the tenderer set
 * nothing. */
#include <stdlib.h>
#include <string.h>

#include "check_fixture.h"
#include "context_fixture.h"
#include "harness.h"
#include "tenderlint.h"
#include "tmpdir_fixture.h"

#include "cJSON.h"

static const char S_ruleset[] =
    "{\"id\": \"ctx-intro\",\n"
    " \"concepts\": {\n"
    "  \"hosted\": {\"nl\": [\"gehost\", \"hosting\"], \"en\": [\"hosted\", \"hosting\"]},\n"
    "  \"bespoke\": {\"nl\": [\"maatwerk\"], \"en\": [\"bespoke\"]}},\n"
    " \"contexts\": {\n"
    "  \"cloud\": {\"any\": [\"hosted\"]},\n"
    "  \"custom-software\": {\"any\": [\"bespoke\"]}},\n"
    " \"rules\": [{\"id\": \"R-HOSTED\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\", "
    "\"en\": \"t\"},\n"
    "  \"met\": [{\"all\": [\"hosted\"]}]}]}\n";

#define S_PVE(intro_title, intro)                                                                  \
	"# Programma van Eisen tellers\n\n## 1. " intro_title "\n\n1.1 De Gemeente wil het fietsverkeer " \
	"meten.\n\n1.2 " intro "\n\n## 2. Eisen\n\n2.1 Opdrachtnemer levert twintig tellers.\n\n"        \
	"2.2 Opdrachtnemer onderhoudt de tellers.\n"

/* status of R-HOSTED on the Markdown text */
static const char *S_status(const tl_ruleset *rs, const char *text, char *buf, size_t n)
{
	return fx_rule_status(rs, "pve.md", text, "R-HOSTED", buf, n);
}

static void test_intro(const tl_ruleset *rs)
{
	const char *hosted = S_PVE("Inleiding", "De tellingen komen in een door Opdrachtnemer gehost dashboard en "
	                                        "gaan via een nog te ontwikkelen koppeling (maatwerk) naar het "
	                                        "dataportaal.");
	T_OK(fx_has_context_in(rs, "pve.md", hosted, "cloud"), "nl: a hosted dashboard in the introduction");
	T_OK(fx_has_context_in(rs, "pve.md", hosted, "custom-software"), "nl: a connector to be built (maatwerk)");
	/* the introduction still binds nobody: the rule is not met by it */
	char st[32];
	T_STR(S_status(rs, hosted, st, sizeof st), "missing");
	/* "Introductie" is an introduction too */
	T_OK(fx_has_context_in(rs, "pve.md",
	                       S_PVE("Introductie", "De Oplossing draait in een door Opdrachtnemer gehost "
	                                            "datacenter."),
	                       "cloud"),
	     "nl: Introductie");
}

static void test_not_intro(const tl_ruleset *rs)
{
	/* guidance is no introduction: what it names is not what the contract is about */
	T_OK(!fx_has_context_in(rs, "pve.md",
	                        S_PVE("Toelichting", "Een door de leverancier gehost dashboard is bij andere "
	                                             "gemeenten gebruikelijk."),
	                        "cloud"),
	     "nl: a guidance section sets nothing");
	/* an introduction that excludes something sets nothing for it */
	T_OK(!fx_has_context_in(rs, "pve.md",
	                        S_PVE("Inleiding", "Er wordt geen maatwerk ontwikkeld en niets wordt extern "
	                                           "gehost."),
	                        "custom-software"),
	     "nl: a negated introduction sentence");
	T_OK(!fx_has_context_in(rs, "pve.md",
	                        S_PVE("Inleiding", "Beschrijf hoe u het dashboard zou laten hosten."), "cloud"),
	     "nl: a question to the tenderer in the introduction");
	/* and without it, nothing else in the document sets the tag */
	T_OK(!fx_has_context_in(rs, "pve.md", S_PVE("Inleiding", "De Gemeente telt fietsers."), "cloud"),
	     "nl: no hosting anywhere");
}

static void test_operative_as_before(const tl_ruleset *rs)
{
	/* the same sentence in an article of the agreement sets the tag and meets the rule */
	const char *op = S_PVE("Opdracht", "De tellingen komen in een door Opdrachtnemer gehost dashboard.");
	T_OK(fx_has_context_in(rs, "pve.md", op, "cloud"), "nl: in an operative article");
	char st[32];
	T_STR(S_status(rs, op, st, sizeof st), "met");
	/* an English introduction was never guidance: it counts as before */
	T_OK(fx_has_context_in(rs, "intro.md",
	                       "# Requirements\n\n## 1. Introduction\n\n1.1 The counts go to a dashboard hosted "
	                       "by the Supplier.\n\n## 2. Requirements\n\n2.1 The Supplier delivers the "
	                       "counters.\n",
	                       "cloud"),
	     "en: Introduction");
}

int main(void)
{
	if (fx_tmp_open("ctxintro"))
		return 1;
	tl_ruleset *rs = fx_tmp_ruleset("ctx.json", S_ruleset);
	if (rs) {
		test_intro(rs);
		test_not_intro(rs);
		test_operative_as_before(rs);
	}
	tl_ruleset_free(rs);
	fx_tmp_remove();
	return T_DONE();
}
