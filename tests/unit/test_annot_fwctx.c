/* Unit tests for a framework mapping's "partial_in_contexts" (src/rules/frameworks.c):
 * a mapping that covers a rule fully except for documents in a context (the VNG
 * processing agreement's art. 4.7 gives DPIA cooperation, not the vendor's own DPIA
 * that technology in public space needs) makes the rule met by reference without
 * that context and partial with it, and the reason and the report's coverage say so
 * (s8 ask 15).  Dutch and English; an unknown tag or a mapping that is not full is a
 * load error. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "tenderlint.h"
#include "tmpdir_fixture.h"

#include "cJSON.h"

static const char S_ruleset[] =
    "{\"id\": \"fwctx\", \"frameworks\": [\"fw.json\"],\n"
    " \"concepts\": {\"xyzzy\": {\"nl\": [\"xyzzy\"], \"en\": [\"xyzzy\"]},\n"
    "  \"camera\": {\"nl\": [\"camera\"], \"en\": [\"camera\"]}},\n"
    " \"contexts\": {\"public-space\": {\"any\": [\"camera\"], \"title\": {\"nl\": \"openbare ruimte\", "
    "\"en\": \"public space\"}}},\n"
    " \"rules\": [{\"id\": \"R-DPIA\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\", "
    "\"en\": \"t\"},\n"
    "  \"met\": [{\"all\": [\"xyzzy\"]}]}]}\n";

static const char S_mapping[] =
    "{\"framework\": \"gibit-2023\", \"title\": \"GIBIT 2023\",\n"
    " \"covers\": {\"R-DPIA\": {\"articles\": [\"4.7\"], \"coverage\": \"%s\", \"confidence\": \"verified\",\n"
    "  \"source\": \"test\", \"partial_in_contexts\": %s}}}\n";

/* status, basis, reason and reference.coverage of R-DPIA */
static void S_check(const tl_ruleset *rs, const char *text, char out[4][512])
{
	tl_error err = TL_ERROR_INIT;
	tl_document *d = NULL;
	cJSON *doc = NULL;
	tl_check_options o = TL_CHECK_OPTIONS_INIT;
	for (int i = 0; i < 4; i++)
		strcpy(out[i], "?");
	if (tl_document_read_mem(&d, "fw.txt", text, strlen(text), NULL, &err) == 0 &&
	    tl_check_document(&doc, rs, d, &o, &err) == 0) {
		const cJSON *f;
		cJSON_ArrayForEach(f, cJSON_GetObjectItem(doc, "findings"))
		{
			const cJSON *r = cJSON_GetObjectItem(f, "rule");
			if (!cJSON_IsString(r) || strcmp(r->valuestring, "R-DPIA"))
				continue;
			const cJSON *v[4] = {cJSON_GetObjectItem(f, "status"), cJSON_GetObjectItem(f, "basis"),
			                     cJSON_GetObjectItem(f, "reason"),
			                     cJSON_GetObjectItem(cJSON_GetObjectItem(f, "reference"), "coverage")};
			for (int i = 0; i < 4; i++)
				if (cJSON_IsString(v[i]))
					snprintf(out[i], 512, "%s", v[i]->valuestring);
		}
	} else {
		T_OK(0, "check: %s", err.message);
	}
	cJSON_Delete(doc);
	tl_document_free(d);
}

static void test_partial_in_context(const tl_ruleset *rs)
{
	char r[4][512];
	S_check(rs, "1. Op deze Overeenkomst zijn de GIBIT 2023 van toepassing.\n", r);
	T_OK(!strcmp(r[0], "met") && !strcmp(r[1], "reference") && !strcmp(r[3], "full"),
	     "nl, no public space: %s/%s/%s", r[0], r[1], r[3]);
	S_check(rs, "1. Op deze Overeenkomst zijn de GIBIT 2023 van toepassing.\n"
	            "2. Opdrachtnemer plaatst een camera bij elke ingang.\n", r);
	T_OK(!strcmp(r[0], "partial") && !strcmp(r[1], "reference") && !strcmp(r[3], "partial"),
	     "nl, cameras: %s/%s/%s", r[0], r[1], r[3]);
	T_OK(strstr(r[2], "openbare ruimte") != NULL, "nl: the reason names the context: %s", r[2]);
	S_check(rs, "1. GIBIT 2023 applies to this Agreement.\n"
	            "2. The Supplier installs a camera at each entrance.\n", r);
	T_OK(!strcmp(r[0], "partial") && strstr(r[2], "public space") != NULL, "en, a camera: %s: %s", r[0],
	     r[2]);
	S_check(rs, "1. GIBIT 2023 applies to this Agreement.\n", r);
	T_OK(!strcmp(r[0], "met"), "en, no camera: %s", r[0]);
}

static int S_load_with(const char *tags, int full, tl_error *err)
{
	char m[1024];
	snprintf(m, sizeof m, S_mapping, full ? "full" : "partial", tags);
	fx_tmp_write("bad/fw.json", m);
	const char *p = fx_tmp_write("bad/rs.json", S_ruleset);
	tl_ruleset *rs = NULL;
	int rc = tl_ruleset_load(&rs, p, err);
	tl_ruleset_free(rs);
	return rc;
}

static void test_lint(void)
{
	tl_error err = TL_ERROR_INIT;
	T_INT(S_load_with("[\"nowhere\"]", 1, &err), TL_ERULESET);
	T_OK(strstr(err.message, "unknown context 'nowhere'") != NULL, "message: %s", err.message);
	err = (tl_error)TL_ERROR_INIT;
	T_INT(S_load_with("[\"public-space\"]", 0, &err), TL_ERULESET);
	T_OK(strstr(err.message, "on a full mapping") != NULL, "message: %s", err.message);
	err = (tl_error)TL_ERROR_INIT;
	T_INT(S_load_with("[\"public-space\"]", 1, &err), 0);
}

int main(void)
{
	if (fx_tmp_open("fwctx"))
		return 1;
	char m[1024];
	snprintf(m, sizeof m, S_mapping, "full", "[\"public-space\"]");
	fx_tmp_write("fw.json", m);
	const char *p = fx_tmp_write("rs.json", S_ruleset);
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	if (!p || tl_ruleset_load(&rs, p, &err) != 0)
		T_OK(0, "load: %s", err.message);
	else
		test_partial_in_context(rs);
	tl_ruleset_free(rs);
	test_lint();
	fx_tmp_remove();
	return T_DONE();
}
