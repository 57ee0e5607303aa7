/* render.c: tl_render dispatch and the helpers every renderer shares. */
#include <errno.h>
#include <string.h>

#include "report/i18n.h"
#include "report/render.h"

static const char *const S_status_keys[TL_ST_COUNT] = {"met", "partial", "violated", "missing",
                                                       "not_applicable"};
static const char *const S_sev_keys[TL_SEV_COUNT] = {"critical", "high", "medium", "low", "info"};

tl_status tl_status_parse(const char *s)
{
	for (int i = 0; s && i < TL_ST_COUNT; i++)
		if (!strcmp(s, S_status_keys[i]))
			return (tl_status)i;
	return TL_ST_COUNT;
}

const char *tl_status_key(tl_status s)
{
	return (int)s >= 0 && s < TL_ST_COUNT ? S_status_keys[s] : "unknown";
}

int tl_status_is_gap(tl_status s)
{
	return s == TL_ST_PARTIAL || s == TL_ST_VIOLATED || s == TL_ST_MISSING;
}

tl_severity tl_severity_parse(const char *s)
{
	for (int i = 0; s && i < TL_SEV_COUNT; i++)
		if (!strcmp(s, S_sev_keys[i]))
			return (tl_severity)i;
	return TL_SEV_COUNT;
}

const char *tl_severity_key(tl_severity s)
{
	return (int)s >= 0 && s < TL_SEV_COUNT ? S_sev_keys[s] : "unknown";
}

const char *tl_rj_str(const cJSON *o, const char *key)
{
	const cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

long tl_rj_long(const cJSON *o, const char *key, long def)
{
	const cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
	if (!cJSON_IsNumber(v) || v->valuedouble != v->valuedouble || v->valuedouble < -2e9 ||
	    v->valuedouble > 2e9)
		return def;
	return (long)v->valuedouble;
}

int tl_rj_true(const cJSON *o, const char *key)
{
	return o && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, key));
}

const cJSON *tl_rj_arr(const cJSON *o, const char *key)
{
	const cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
	return cJSON_IsArray(v) ? v : NULL;
}

const cJSON *tl_rj_obj(const cJSON *o, const char *key)
{
	const cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
	return cJSON_IsObject(v) ? v : NULL;
}

const char *tl_rj_text(const cJSON *o, const char *key, const char *lang)
{
	const cJSON *v = o ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
	if (cJSON_IsString(v))
		return v->valuestring;
	if (!cJSON_IsObject(v))
		return NULL;
	const char *s = tl_rj_str(v, lang ? lang : "en");
	if (!s)
		s = tl_rj_str(v, lang && !strcmp(lang, "en") ? "nl" : "en");
	return s;
}

const cJSON *tl_report_rule(const cJSON *report, const char *id)
{
	const cJSON *r;
	if (!id)
		return NULL;
	cJSON_ArrayForEach(r, tl_rj_arr(report, "rules"))
	{
		const char *rid = tl_rj_str(r, "id");
		if (rid && !strcmp(rid, id))
			return r;
	}
	return NULL;
}

static const char *S_norm_lang(const char *l)
{
	if (l && !strcmp(l, "nl"))
		return "nl";
	if (l && !strcmp(l, "en"))
		return "en";
	return NULL;
}

const char *tl_render_doc_lang(const cJSON *doc, const tl_render_options *opts)
{
	const char *l = S_norm_lang(opts ? opts->lang : NULL);
	if (!l)
		l = S_norm_lang(tl_rj_str(doc, "language"));
	return l ? l : "en";
}

const char *tl_render_report_lang(const cJSON *report, const tl_render_options *opts)
{
	const char *l = S_norm_lang(opts ? opts->lang : NULL);
	const cJSON *d;
	if (l)
		return l;
	cJSON_ArrayForEach(d, tl_rj_arr(report, "documents"))
	{
		if ((l = S_norm_lang(tl_rj_str(d, "language"))) != NULL)
			return l;
	}
	return "en";
}

tl_status tl_finding_status(const cJSON *finding)
{
	return tl_status_parse(tl_rj_str(finding, "status"));
}

const char *tl_finding_title(const cJSON *report, const cJSON *finding, const tl_render_options *o)
{
	const char *t = tl_rj_str(finding, "title");
	if (o && o->lang && (!strcmp(o->lang, "nl") || !strcmp(o->lang, "en"))) {
		const cJSON *rule = tl_report_rule(report, tl_rj_str(finding, "rule"));
		const cJSON *titles = tl_rj_obj(rule, "title");
		if (tl_rj_str(titles, o->lang))
			return tl_rj_str(titles, o->lang);
	}
	if (!t)
		t = tl_rj_text(tl_report_rule(report, tl_rj_str(finding, "rule")), "title", tl_rj_str(finding, "lang"));
	return t;
}

int tl_finding_waived(const cJSON *finding)
{
	return tl_rj_true(finding, "waived") || tl_rj_obj(finding, "waiver") != NULL;
}

const cJSON *tl_finding_main_evidence(const cJSON *finding)
{
	const char *st = tl_rj_str(finding, "status");
	const cJSON *ev, *first = NULL;
	cJSON_ArrayForEach(ev, tl_rj_arr(finding, "evidence"))
	{
		if (!cJSON_IsObject(ev))
			continue;
		if (!first)
			first = ev;
		const char *es = tl_rj_str(ev, "status");
		if (st && es && !strcmp(st, es))
			return ev;
	}
	return first;
}

void tl_doc_counts(const cJSON *doc, int counts[TL_ST_COUNT], int *waived)
{
	const cJSON *f;
	memset(counts, 0, sizeof(int) * TL_ST_COUNT);
	if (waived)
		*waived = 0;
	cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
	{
		if (tl_finding_waived(f)) {
			if (waived)
				(*waived)++;
			continue;
		}
		tl_status s = tl_finding_status(f);
		if (s < TL_ST_COUNT)
			counts[s]++;
	}
}

int tl_render_check_stream(FILE *out, tl_error *err)
{
	if (fflush(out) != 0 || ferror(out))
		return tl_error_set(err, TL_EIO, "cannot write the report: %s", strerror(errno));
	return 0;
}

int tl_buf_fill(tl_buf *b, const char *tmpl, const char *a1, const char *a2, const char *a3,
                const char *a4)
{
	const char *args[4] = {a1, a2, a3, a4};
	int rc = 0;
	for (const char *p = tmpl; *p && !rc; p++) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '4' && p[2] == '}') {
			const char *a = args[p[1] - '1'];
			rc = tl_buf_puts(b, a ? a : "");
			p += 2;
		} else {
			rc = tl_buf_putc(b, *p);
		}
	}
	return rc;
}

int tl_render_where(tl_buf *b, const char *clause, long para, const char *lang)
{
	char num[24];
	int rc = 0;
	snprintf(num, sizeof num, "%ld", para);
	if (clause)
		rc = tl_buf_fill(b, tl_i18n(lang, TL_S_CLAUSE), clause, NULL, NULL, NULL);
	if (!rc && clause && para >= 0)
		rc = tl_buf_puts(b, ", ");
	if (!rc && para >= 0)
		rc = tl_buf_fill(b, tl_i18n(lang, TL_S_PARAGRAPH), num, NULL, NULL, NULL);
	if (!rc && !clause && para < 0)
		rc = tl_buf_puts(b, tl_i18n(lang, TL_S_NO_CLAUSE));
	return rc;
}

int tl_render_reference(tl_buf *b, const cJSON *ref, const char *lang)
{
	const char *in = tl_rj_str(ref, "declared_in");
	return tl_buf_fill(b, tl_i18n(lang, in ? TL_S_BY_REFERENCE : TL_S_BY_REFERENCE_SHORT),
	                   tl_rj_str(ref, "framework"), tl_rj_str(ref, "article"), in, NULL);
}

static const char *S_basename(const char *p)
{
	const char *s = p ? strrchr(p, '/') : NULL;
	return s ? s + 1 : p ? p : "?";
}

int tl_render_annex(tl_buf *b, const cJSON *annex, const char *lang)
{
	const char *in = tl_rj_str(annex, "declared_in");
	return tl_buf_fill(b, tl_i18n(lang, TL_S_BY_ANNEX), S_basename(tl_rj_str(annex, "path")),
	                   tl_rj_str(annex, "title"), in ? in : "-", NULL);
}

int tl_render_annex_where(tl_buf *b, const cJSON *annex, const cJSON *ev, const char *lang)
{
	const char *cl = tl_rj_str(ev, "clause");
	return tl_buf_fill(b, tl_i18n(lang, TL_S_IN_ANNEX), S_basename(tl_rj_str(annex, "path")),
	                   cl ? cl : "-", NULL, NULL);
}

int tl_render_finding_note(tl_buf *b, const cJSON *finding, const char *lang, int inserted)
{
	const char *rule = tl_rj_str(finding, "rule");
	const char *title = tl_rj_str(finding, "title");
	const char *reason = tl_rj_str(finding, "reason");
	tl_status st = tl_finding_status(finding);
	tl_severity sev = tl_severity_parse(tl_rj_str(finding, "severity"));
	int rc = tl_buf_printf(b, "tenderlint: %s%s%s\n", rule ? rule : "?", title ? " \xe2\x80\x93 " : "",
	                       title ? title : "");
	rc = rc ? rc
	        : tl_buf_printf(b, "%s: %s; %s: %s\n", tl_i18n(lang, TL_S_STATUS),
	                        tl_i18n_status(lang, st), tl_i18n(lang, TL_S_SEVERITY),
	                        tl_i18n_severity(lang, sev));
	if (!rc && reason)
		rc = tl_buf_printf(b, "%s: %s\n", tl_i18n(lang, TL_S_WHY), reason);
	if (!rc && st == TL_ST_MISSING)
		rc = tl_buf_printf(b, "%s\n", tl_i18n(lang, TL_S_NOTE_HERE));
	if (!rc && st == TL_ST_VIOLATED)
		rc = tl_buf_printf(b, "%s\n", tl_i18n(lang, TL_S_NOTE_VIOLATED));
	if (!rc)
		rc = tl_buf_printf(b, "%s", tl_i18n(lang, inserted ? TL_S_NOTE_INSERTED : TL_S_NOTE_NOT_INSERTED));
	return rc;
}

int tl_render_format_parse(const char *name, tl_render_format *out)
{
	static const struct {
		const char *name;
		tl_render_format fmt;
	} names[] = {
		{"text", TL_RENDER_TEXT},   {"md", TL_RENDER_MARKDOWN}, {"markdown", TL_RENDER_MARKDOWN},
		{"html", TL_RENDER_HTML},   {"json", TL_RENDER_JSON},   {"jsonl", TL_RENDER_JSONL},
		{"sarif", TL_RENDER_SARIF}, {"csv", TL_RENDER_CSV},     {"csv-long", TL_RENDER_CSV_LONG},
	};
	if (!name || !out)
		return TL_EINVAL;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(name, names[i].name)) {
			*out = names[i].fmt;
			return 0;
		}
	return TL_EINVAL;
}

int tl_render(const cJSON *report, tl_render_format fmt, const tl_render_options *opts, FILE *out,
              tl_error *err)
{
	static const tl_render_options defaults = TL_RENDER_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!out || !cJSON_IsObject(report))
		return tl_error_set(err, TL_EINVAL, "render: the report is not a JSON object");
	if (!tl_rj_arr(report, "documents"))
		return tl_error_set(err, TL_EINVAL, "render: the report has no \"documents\" array");
	switch (fmt) {
	case TL_RENDER_TEXT: return tl_render_text(report, opts, out, err);
	case TL_RENDER_MARKDOWN: return tl_render_markdown(report, opts, out, err);
	case TL_RENDER_HTML: return tl_render_html(report, opts, out, err);
	case TL_RENDER_JSON: return tl_render_json(report, opts, out, err);
	case TL_RENDER_JSONL: return tl_render_jsonl(report, opts, out, err);
	case TL_RENDER_SARIF: return tl_render_sarif(report, opts, out, err);
	case TL_RENDER_CSV: return tl_render_csv(report, 0, opts, out, err);
	case TL_RENDER_CSV_LONG: return tl_render_csv(report, 1, opts, out, err);
	}
	return tl_error_set(err, TL_EINVAL, "render: unknown format %d", (int)fmt);
}
