/* report_fixture.h: a whole report as text, to compare two rulesets (or two
 * ways of loading one) byte for byte; a failed check fails the test (harness.h). */
#ifndef TL_REPORT_FIXTURE_H
#define TL_REPORT_FIXTURE_H
#include "cJSON.h"
#include "harness.h"
#include "tenderlint.h"

/* The JSON of the check of path with rs (the text included); malloc'd, NULL when it fails. */
static inline char *fx_check_text(const tl_ruleset *rs, const char *path)
{
	tl_check_options o = TL_CHECK_OPTIONS_INIT;
	o.flags |= TL_CHECK_F_TEXT;
	tl_error err = TL_ERROR_INIT;
	cJSON *doc = NULL;
	int rc = tl_check_file(&doc, rs, path, &o, &err);
	T_OK(rc == 0 && doc, "check %s: %s", path, err.message);
	char *s = doc ? cJSON_Print(doc) : NULL;
	cJSON_Delete(doc);
	return s;
}

/* The JSON of a report without documents (its head: the ruleset's rules); malloc'd. */
static inline char *fx_report_head(const tl_ruleset *rs)
{
	cJSON *rep = NULL;
	tl_error err = TL_ERROR_INIT;
	T_OK(tl_report_new(&rep, rs, &err) == 0, "report: %s", err.message);
	char *s = rep ? cJSON_Print(rep) : NULL;
	cJSON_Delete(rep);
	return s;
}

#endif
