/* test_rules_check_only.c: a ruleset loaded for checking only
 * (tl_ruleset_load_for_check, which does not read the built-in rules'
 * self-test examples) checks documents exactly as the full load does, lists
 * the same rules, and refuses to run self-tests it cannot run. */
#include <stdlib.h>
#include <string.h>

#include "cJSON.h"
#include "harness.h"
#include "report_fixture.h"
#include "tenderlint.h"

int main(void)
{
	tl_ruleset *full = NULL, *lean = NULL;
	tl_error err = TL_ERROR_INIT;
	T_OK(tl_ruleset_load(&full, NULL, &err) == 0, "full load: %s", err.message);
	T_OK(tl_ruleset_load_for_check(&lean, NULL, &err) == 0, "check load: %s", err.message);
	if (!full || !lean)
		return T_DONE();
	T_INT((int)tl_ruleset_rule_count(lean), (int)tl_ruleset_rule_count(full));

	/* the report's rule list (titles, descriptions, references, clauses) */
	char *a = fx_report_head(full), *b = fx_report_head(lean);
	T_OK(a && b && !strcmp(a, b), "the rule lists differ");
	free(a);
	free(b);

	/* every sample contract and the bench-like real ones, with their text */
	static const char *const docs[] = {
		"samples/vendor-red-flags-en.docx", "samples/overeenkomst-compliant-nl.docx",
		"samples/verwerkersovereenkomst-nl.docx", "samples/saas-contract-en.odt",
		"samples/sensoren-camera-nl.odt", "samples/aanbesteding-eisen-nl.odt", NULL};
	for (int i = 0; docs[i]; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", TL_SOURCE_DIR, docs[i]);
		char *x = fx_check_text(full, path), *y = fx_check_text(lean, path);
		T_OK(x && y && !strcmp(x, y), "%s: the reports differ", docs[i]);
		free(x);
		free(y);
	}

	/* self-tests need the examples: the full load runs them, the check
	 * load says why it cannot */
	int passed = 0, failed = 0;
	FILE *devnull = fopen("/dev/null", "w");
	T_OK(tl_ruleset_selftest(full, "SEC-INCIDENT", "en", devnull, &passed, &failed, &err) == 0,
	     "selftest on the full load: %s", err.message);
	T_OK(passed > 10 && failed == 0, "SEC-INCIDENT examples pass (%d passed, %d failed)", passed, failed);
	tl_error_clear(&err);
	T_INT(tl_ruleset_selftest(lean, "SEC-INCIDENT", "en", devnull, &passed, &failed, &err), TL_EINVAL);
	T_OK(strstr(err.message, "checking only") != NULL, "says why: %s", err.message);
	fclose(devnull);

	tl_ruleset_free(full);
	tl_ruleset_free(lean);
	return T_DONE();
}
