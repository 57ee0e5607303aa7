/* check_fixture.h: a test ruleset written to the test's own folder and
 * loaded, and the status it gives one rule on a small document, for the unit
 * tests of matching; a failed load, read or check fails the test (harness.h). */
#ifndef TL_CHECK_FIXTURE_H
#define TL_CHECK_FIXTURE_H
#include <stdio.h>
#include <string.h>

#include "cJSON.h"
#include "harness.h"
#include "tenderlint.h"
#include "tmpdir_fixture.h"

/* Rule `rule`'s status on text read as a file called name (its extension
 * picks the reader: "x.md" for Markdown), into out[0..size); returns out. */
static inline const char *fx_rule_status(const tl_ruleset *rs, const char *name, const char *text,
                                         const char *rule, char *out, size_t size)
{
	tl_error err = TL_ERROR_INIT;
	tl_document *d = NULL;
	cJSON *doc = NULL;
	tl_check_options o = TL_CHECK_OPTIONS_INIT;
	snprintf(out, size, "?");
	if (tl_document_read_mem(&d, name, text, strlen(text), NULL, &err) == 0 &&
	    tl_check_document(&doc, rs, d, &o, &err) == 0) {
		const cJSON *f;
		cJSON_ArrayForEach(f, cJSON_GetObjectItem(doc, "findings"))
		{
			const cJSON *r = cJSON_GetObjectItem(f, "rule"), *st = cJSON_GetObjectItem(f, "status");
			if (cJSON_IsString(r) && !strcmp(r->valuestring, rule) && cJSON_IsString(st))
				snprintf(out, size, "%s", st->valuestring);
		}
	} else {
		T_OK(0, "check: %s", err.message);
	}
	cJSON_Delete(doc);
	tl_document_free(d);
	return out;
}

/* The ruleset json, written as name in the test's folder (fx_tmp_open first)
 * and loaded; NULL (and a failed check) when it does not load. */
static inline tl_ruleset *fx_tmp_ruleset(const char *name, const char *json)
{
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	const char *p = fx_tmp_write(name, json);
	if (!p || tl_ruleset_load(&rs, p, &err) != 0) {
		T_OK(0, "load %s: %s", name, err.message);
		tl_ruleset_free(rs);
		return NULL;
	}
	return rs;
}

#endif
