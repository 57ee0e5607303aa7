/* i18n.h: the fixed strings of the renderers, in Dutch and English (internal).
 * Strings with "{1}".."{4}" are templates for tl_buf_fill (render.h). */
#ifndef TL_REPORT_I18N_H
#define TL_REPORT_I18N_H

#include "report/render.h"

typedef enum {
	TL_S_REPORT_TITLE,
	TL_S_DOCUMENT,
	TL_S_DOCUMENTS,
	TL_S_N_DOCUMENTS,       /* "{1} documents" */
	TL_S_ONE_DOCUMENT,
	TL_S_FORMAT,
	TL_S_LANGUAGE,
	TL_S_TITLE,
	TL_S_RULESET,
	TL_S_CLAUSE,            /* "clause {1}" */
	TL_S_NO_CLAUSE,         /* evidence before the first numbered clause */
	TL_S_PARAGRAPH,         /* "paragraph {1}" */
	TL_S_WHY,
	TL_S_SUGGESTED,
	TL_S_SUMMARY,
	TL_S_TOTAL,             /* "Total over {1} documents" */
	TL_S_UNREADABLE,
	TL_S_CONTEXTS,
	TL_S_NONE_FOUND,
	TL_S_FORCED,
	TL_S_REVISIONS,         /* "{1} tracked changes pending{3}; checked in the {2} view" */
	TL_S_REVISIONS_BY,      /* " (by {1})", for {3} above */
	TL_S_BY_REFERENCE_SHORT, /* "through {1} art. {2}" */
	TL_S_BY_REFERENCE,      /* "through {1} art. {2}, declared applicable in clause {3}" */
	TL_S_BY_ANNEX,          /* "through the annex {1} ({2}), incorporated in clause {3}" */
	TL_S_IN_ANNEX,          /* "annex {1}, clause {2}" (evidence quoted from the annex) */
	TL_S_WAIVED,
	TL_S_WAIVER,            /* "Accepted deviation: {1} (by {2}, until {3})" */
	TL_S_DEFINITION,        /* "relies on the definition of \"{1}\" (clause {2})" */
	TL_S_PLACEHOLDERS,
	TL_S_FILTER,
	TL_S_STATUS,
	TL_S_AREA,
	TL_S_SEVERITY,
	TL_S_ALL,
	TL_S_COPY,
	TL_S_COPIED,
	TL_S_TEXT_VIEW,
	TL_S_TEXT_VIEW_NOTE,
	TL_S_OVERVIEW,
	TL_S_FINDINGS,
	TL_S_SCORECARD,
	TL_S_REQUIREMENT,
	TL_S_EVIDENCE,
	TL_S_NO_MATCH,
	TL_S_CITED_BY,
	TL_S_ERROR,
	TL_S_NO_DOCUMENTS,
	TL_S_NOTE_INSERTED,
	TL_S_NOTE_NOT_INSERTED,
	TL_S_NOTE_HERE,
	TL_S_NOTE_VIOLATED,
	TL_S_GAPS,
	TL_S_RESET,
	TL_S_TRACKED,
	TL_S_TEXT_FULL_NOTE,    /* "{1} paragraphs" of the whole text */
	TL_S_ONLY_EVIDENCE,
	TL_S_KIND_HEADER,
	TL_S_KIND_FOOTER,
	TL_S_KIND_FOOTNOTE,
	TL_S_KIND_ENDNOTE,
	TL_S_KIND_TEXTBOX,
	TL_S_COUNT
} tl_str_id;

/* lang "nl" or "en" (anything else reads as "en"). Never NULL. */
const char *tl_i18n(const char *lang, tl_str_id id);
const char *tl_i18n_status(const char *lang, tl_status st);
const char *tl_i18n_severity(const char *lang, tl_severity sev);
/* The area's name ("Data ownership"); NULL for an unknown area code. */
const char *tl_i18n_area(const char *lang, const char *area);
/* The known area codes in catalogue order, NULL-terminated. */
extern const char *const tl_i18n_areas[];

#endif
