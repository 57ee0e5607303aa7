/* html_text.h: the HTML report's text view of a whole contract (internal).
 *
 * When a document report has "paragraphs" (TL_CHECK_F_TEXT), the HTML page
 * shows every paragraph, each with its index and label, an anchor per
 * clause, and the evidence highlighted at its byte offsets; each highlight
 * links to the findings citing it, and each finding's evidence links to its
 * highlight.  Without "paragraphs" html.c keeps its quote-only view. */
#ifndef TL_REPORT_HTML_TEXT_H
#define TL_REPORT_HTML_TEXT_H

#include <stdio.h>

#include "tenderlint.h"

typedef struct tl_html_tv tl_html_tv;

/* Builds the view of one document report.  *out is NULL (and 0 returned)
 * when the document has no "paragraphs"; TL_ENOMEM on allocation failure. */
int tl_html_tv_new(tl_html_tv **out, const cJSON *doc);
void tl_html_tv_free(tl_html_tv *tv);

/* The element id a finding's evidence links to ("d0-h3" for a highlight,
 * "d0-p12" for its paragraph when its offsets and quote do not fit the
 * text), written into buf; 0 when there is none.  `ev` counts the
 * document's evidence items over all findings, in report order. */
int tl_html_tv_target(const tl_html_tv *tv, size_t ev, int dn, char *buf, size_t size);
/* The id of the anchor of clause `label` ("d0-c..."), or 0 when no
 * paragraph carries that clause. */
int tl_html_tv_clause(const tl_html_tv *tv, const char *label, int dn, char *buf, size_t size);

/* Writes the heading, the "only paragraphs with evidence" switch and every
 * paragraph. */
void tl_html_tv_write(FILE *out, const tl_html_tv *tv, int dn, const char *lang);

#endif
