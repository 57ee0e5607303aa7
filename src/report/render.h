/* render.h: shared helpers of the renderers (internal).
 *
 * Every renderer reads only the report model (docs/report-format.md), a
 * cJSON tree that may come from a saved file: accessors check types and
 * return NULL/defaults for anything absent or malformed, so a renderer never
 * trusts the shape of its input. */
#ifndef TL_REPORT_RENDER_H
#define TL_REPORT_RENDER_H

#include <stdio.h>

#include "tenderlint.h"
#include "util/buf.h"

typedef enum {
	TL_ST_MET = 0,
	TL_ST_PARTIAL,
	TL_ST_VIOLATED,
	TL_ST_MISSING,
	TL_ST_NA,
	TL_ST_COUNT /* also "unknown" */
} tl_status;

tl_status tl_status_parse(const char *s);
const char *tl_status_key(tl_status s); /* "met", ..., "not_applicable"; "unknown" */
int tl_status_is_gap(tl_status s);      /* partial, violated, missing */

typedef enum {
	TL_SEV_CRITICAL = 0,
	TL_SEV_HIGH,
	TL_SEV_MEDIUM,
	TL_SEV_LOW,
	TL_SEV_INFO,
	TL_SEV_COUNT /* also "unknown" */
} tl_severity;

tl_severity tl_severity_parse(const char *s);
const char *tl_severity_key(tl_severity s);

/* Typed accessors; all accept NULL objects. */
const char *tl_rj_str(const cJSON *o, const char *key);
long tl_rj_long(const cJSON *o, const char *key, long def);
int tl_rj_true(const cJSON *o, const char *key);
const cJSON *tl_rj_arr(const cJSON *o, const char *key);
const cJSON *tl_rj_obj(const cJSON *o, const char *key);
/* A string, or an {"nl": ..., "en": ...} object read in `lang` (falling back
 * to the other language). */
const char *tl_rj_text(const cJSON *o, const char *key, const char *lang);

/* The rule metadata of report.rules[] with that id, or NULL. */
const cJSON *tl_report_rule(const cJSON *report, const char *id);
/* "nl" or "en": opts->lang, else the document's language, else "en". */
const char *tl_render_doc_lang(const cJSON *doc, const tl_render_options *opts);
/* For a whole report: opts->lang, else the first document's language. */
const char *tl_render_report_lang(const cJSON *report, const tl_render_options *opts);

tl_status tl_finding_status(const cJSON *finding);
/* The finding's title: with a forced language (opts->lang) the rule's title
 * in that language from report.rules[], else the finding's own title. */
const char *tl_finding_title(const cJSON *report, const cJSON *finding, const tl_render_options *o);
int tl_finding_waived(const cJSON *finding);
/* The evidence item that shows the finding's status best: the first whose
 * own status equals the finding's, else the first; NULL when none. */
const cJSON *tl_finding_main_evidence(const cJSON *finding);
/* Counts statuses over findings (waived ones counted apart in *waived). */
void tl_doc_counts(const cJSON *doc, int counts[TL_ST_COUNT], int *waived);

/* The renderers (render.c dispatches). */
int tl_render_text(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err);
int tl_render_markdown(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err);
int tl_render_html(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err);
int tl_render_json(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err);
int tl_render_jsonl(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err);
int tl_render_sarif(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err);
int tl_render_csv(const cJSON *report, int long_format, const tl_render_options *o, FILE *out,
                  tl_error *err);

/* 0, or TL_EIO with err set when the stream has an error. */
int tl_render_check_stream(FILE *out, tl_error *err);

/* Appends `tmpl` with "{1}".."{4}" replaced by args[0..3] (NULL args empty). */
int tl_buf_fill(tl_buf *b, const char *tmpl, const char *a1, const char *a2, const char *a3,
                const char *a4);

/* "clause 9.3, paragraph 121"; "paragraph 11" before the first clause. */
int tl_render_where(tl_buf *b, const char *clause, long para, const char *lang);
/* "through gibit-2023 art. 29.5, declared applicable in clause 16.1"
 * for a finding's "reference" (the clause part only when known). */
int tl_render_reference(tl_buf *b, const cJSON *ref, const char *lang);
/* A finding's "annex" (basis annex): "through the annex F (title), incorporated in clause N". */
int tl_render_annex(tl_buf *b, const cJSON *annex, const char *lang);
/* Where one annex evidence item is: "annex F, clause 4.3". */
int tl_render_annex_where(tl_buf *b, const cJSON *annex, const cJSON *ev, const char *lang);

/* Text for the redline writers and the other renderers: the comment that
 * explains a finding (several lines separated by '\n'). */
int tl_render_finding_note(tl_buf *b, const cJSON *finding, const char *lang, int inserted);

#endif
