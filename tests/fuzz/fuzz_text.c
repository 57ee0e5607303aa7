/* fuzz_text.c: the text layer and everything after it.  The input is read
 * as a plain-text document (as Markdown when its length is odd, to reach
 * that reader too), checked against the built-in ruleset (normalise,
 * sentences, annotation: parties, definitions, negation, modality, numbers;
 * rule matching; findings) and the report is rendered in one of the formats
 * (chosen by length), so the renderers see text they did not expect. */
#include <stdlib.h>

#include "fuzz.h"

static tl_ruleset *S_rs;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tl_error err = TL_ERROR_INIT;
	if (!S_rs && tl_ruleset_load(&S_rs, NULL, &err) != 0)
		abort(); /* the built-in ruleset must load */
	tl_check_options opts = TL_CHECK_OPTIONS_INIT;
	opts.read = tl_fuzz_read_options(size);
	opts.read.format = size % 2 ? TL_FORMAT_MARKDOWN : TL_FORMAT_TEXT;
	tl_document *doc = NULL;
	if (tl_document_read_mem(&doc, "fuzz-input.txt", data, size, &opts.read, &err) != 0) {
		if (doc || err.code == 0)
			abort();
		return 0;
	}
	cJSON *docrep = NULL;
	int rc = tl_check_document(&docrep, S_rs, doc, &opts, &err);
	tl_document_free(doc);
	if (rc != 0) {
		cJSON_Delete(docrep);
		return 0;
	}
	cJSON *report = NULL;
	if (tl_report_new(&report, S_rs, &err) == 0) {
		cJSON *docs = cJSON_GetObjectItemCaseSensitive(report, "documents");
		if (docs && docrep) {
			cJSON_AddItemToArray(docs, docrep);
			docrep = NULL;
		}
		FILE *sink = tl_fuzz_sink();
		if (sink) {
			tl_render_options ro = TL_RENDER_OPTIONS_INIT;
			tl_render(report, (tl_render_format)((size / 2) % (TL_RENDER_CSV_LONG + 1)), &ro,
			          sink, &err);
		}
		cJSON_Delete(report);
	}
	cJSON_Delete(docrep);
	return 0;
}
