/* fuzz_read.c: the document readers (ZIP + XML + DOCX/ODT/FODT, detection).
 * Built twice, as fuzz_docx and fuzz_odt: the code is the same entry point a
 * user's file goes through (content sniffing, never the name), the seeds
 * differ (tests/fuzz/corpus/docx, tests/fuzz/corpus/odt).  A document that
 * reads is also written out as text and JSON (docs/extract-format.md), which
 * walks the whole model: paragraphs, clause tree, revision info.
 * Inputs in the "#tl-parts" form (fuzz_pkg.c) are zipped first, so the
 * fuzzer can change the XML members without breaking CRCs. */
#include <stdlib.h>

#include "fuzz.h"
#include "fuzz_pkg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tl_read_options opts = tl_fuzz_read_options(size);
	tl_error err = TL_ERROR_INIT;
	tl_document *doc = NULL;
	uint8_t *pkg = NULL;
	size_t pkg_len = 0;
	if (tl_fuzz_pkg_build(data, size, &pkg, &pkg_len) < 0)
		return 0; /* libzip could not write it (out of memory): not our finding */
	int rc = pkg ? tl_document_read_mem(&doc, "fuzz-input", pkg, pkg_len, &opts, &err)
	             : tl_document_read_mem(&doc, "fuzz-input", data, size, &opts, &err);
	free(pkg);
	if (rc == 0) {
		FILE *sink = tl_fuzz_sink();
		if (sink) {
			tl_document_write_text(doc, sink);
			tl_document_write_json(doc, sink);
		}
		(void)tl_document_title(doc);
		tl_document_free(doc);
	} else {
		char msg[2048];
		tl_error_format(&err, msg, sizeof msg);
		/* a failed read must leave no document behind and say why */
		if (doc || err.code == 0 || msg[0] == '\0')
			abort();
	}
	return 0;
}
