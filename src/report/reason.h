/* reason.h: the engine's side of the report model (internal): one
 * documents[] entry from a match, and the reason sentence of a finding. */
#ifndef TL_REPORT_REASON_H
#define TL_REPORT_REASON_H

#include "rules/rules.h"
#include "util/buf.h"

/* A full sentence (or two) in lang saying why the rule got its status. */
void tl_reason(tl_buf *out, const tl_match *m, int rule, tl_lang lang);
/* The documents[] entry for a matched document. */
int tl_report_document(cJSON **out, const tl_match *m, const tl_check_options *opts, tl_error *err);

#endif
