/* context_fixture.h: whether a check of a text sets a context tag, for the
 * unit tests of contexts; a failed read or check fails the test (harness.h). */
#ifndef TL_CONTEXT_FIXTURE_H
#define TL_CONTEXT_FIXTURE_H
#include <string.h>

#include "cJSON.h"
#include "harness.h"
#include "tenderlint.h"

/* 1 when ruleset rs sets context tag on the document of text read as a file
 * called name (its extension picks the reader: "ctx.md" for Markdown), else 0. */
static int fx_has_context_in(const tl_ruleset *rs, const char *name, const char *text, const char *tag)
{
	tl_error err = TL_ERROR_INIT;
	tl_document *d = NULL;
	cJSON *doc = NULL;
	tl_check_options o = TL_CHECK_OPTIONS_INIT;
	int found = 0;
	if (tl_document_read_mem(&d, name, text, strlen(text), NULL, &err) == 0 &&
	    tl_check_document(&doc, rs, d, &o, &err) == 0) {
		const cJSON *c;
		cJSON_ArrayForEach(c, cJSON_GetObjectItem(doc, "contexts"))
		{
			const cJSON *t = cJSON_GetObjectItem(c, "tag");
			found |= cJSON_IsString(t) && !strcmp(t->valuestring, tag);
		}
	} else {
		T_OK(0, "check: %s", err.message);
	}
	cJSON_Delete(doc);
	tl_document_free(d);
	return found;
}

/* The same for plain text. */
static int fx_has_context(const tl_ruleset *rs, const char *text, const char *tag)
{
	return fx_has_context_in(rs, "ctx.txt", text, tag);
}

#endif
