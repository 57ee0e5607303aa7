/* doctext.h: the document's text in the report model (internal).
 *
 * With TL_CHECK_F_TEXT, tl_check_document adds "paragraphs" to each document
 * report: every paragraph of the document model but comments, in reading
 * order, with its index (the "para" that evidence cites), kind, clause label,
 * own label and text, so that a renderer can show the contract with the
 * evidence highlighted at its byte offsets (docs/report-format.md). */
#ifndef TL_REPORT_DOCTEXT_H
#define TL_REPORT_DOCTEXT_H

#include "tenderlint.h"

/* Adds doc["paragraphs"].  0, or TL_ENOMEM (doc then has no "paragraphs"). */
int tl_report_add_paragraphs(cJSON *doc, const tl_document *d);

#endif
