/* sarif.c: SARIF 2.1.0 (OASIS), valid against the official schema.
 *
 * Results are the gaps only (partial, violated, missing); met and
 * not_applicable findings are counted in each artifact's properties.summary.
 * A waived gap is a result with an external, accepted suppression.  Where a
 * document is seen as its paragraph list, region.startLine is the paragraph
 * index + 1 (the paragraph numbering of `tenderlint extract`), and the clause
 * label is the logical location.  docs/output-formats.md has the mapping. */
#include <stdlib.h>
#include <string.h>

#include "report/i18n.h"
#include "report/render.h"

typedef struct {
	int oom;
	const char *lang;
} S_ctx;

static cJSON *S_chk(S_ctx *c, cJSON *v)
{
	if (!v)
		c->oom = 1;
	return v;
}

static cJSON *S_obj(S_ctx *c, cJSON *parent, const char *key)
{
	cJSON *o = cJSON_CreateObject();
	if (!o || !(key ? cJSON_AddItemToObject(parent, key, o) : cJSON_AddItemToArray(parent, o))) {
		cJSON_Delete(o);
		c->oom = 1;
		return NULL;
	}
	return o;
}

static cJSON *S_arr(S_ctx *c, cJSON *parent, const char *key)
{
	return S_chk(c, cJSON_AddArrayToObject(parent, key));
}

static void S_str(S_ctx *c, cJSON *o, const char *key, const char *val)
{
	if (val)
		S_chk(c, cJSON_AddStringToObject(o, key, val));
}

static void S_num(S_ctx *c, cJSON *o, const char *key, double v)
{
	S_chk(c, cJSON_AddNumberToObject(o, key, v));
}

static void S_copy(S_ctx *c, cJSON *o, const char *key, const cJSON *v)
{
	if (!v)
		return;
	cJSON *d = cJSON_Duplicate(v, 1);
	if (!d || !cJSON_AddItemToObject(o, key, d)) {
		cJSON_Delete(d);
		c->oom = 1;
	}
}

static void S_push_str(S_ctx *c, cJSON *arr, const char *val)
{
	cJSON *v = val ? cJSON_CreateString(val) : NULL;
	if (!val)
		return;
	if (!v || !arr || !cJSON_AddItemToArray(arr, v)) {
		cJSON_Delete(v);
		c->oom = 1;
	}
}

static void S_text_msg(S_ctx *c, cJSON *parent, const char *key, const char *text)
{
	cJSON *m = S_obj(c, parent, key);
	S_str(c, m, "text", text ? text : "");
}

/* A document path as a URI reference: absolute paths become file:// URIs;
 * bytes outside RFC 3986's unreserved set and '/' are percent-encoded. */
static char *S_uri(const char *path)
{
	tl_buf b = TL_BUF_INIT((size_t)1 << 20);
	if (!path)
		path = "";
	if (path[0] == '/')
		tl_buf_puts(&b, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			tl_buf_putc(&b, (char)*p);
		else
			tl_buf_printf(&b, "%%%02X", *p);
	}
	if (!b.data)
		tl_buf_puts(&b, "");
	return tl_buf_detach(&b, NULL);
}

static const char *S_default_level(tl_severity sev)
{
	switch (sev) {
	case TL_SEV_CRITICAL:
	case TL_SEV_HIGH: return "error";
	case TL_SEV_MEDIUM: return "warning";
	case TL_SEV_LOW:
	case TL_SEV_INFO: return "note";
	default: return "warning";
	}
}

static const char *S_level(tl_status st, tl_severity sev)
{
	if (sev == TL_SEV_CRITICAL)
		return "error";
	if (sev == TL_SEV_HIGH)
		return st == TL_ST_VIOLATED ? "error" : "warning";
	if (sev == TL_SEV_LOW || sev == TL_SEV_INFO)
		return "note";
	return "warning";
}

static const char *S_security_severity(tl_severity sev)
{
	static const char *const v[TL_SEV_COUNT + 1] = {"9.5", "8.0", "5.5", "3.0", "1.0", "5.0"};
	return v[(int)sev >= 0 && sev <= TL_SEV_COUNT ? sev : TL_SEV_COUNT];
}

/* The first suggestion any document has for `rule`, with its document. */
static const cJSON *S_first_suggestion(const cJSON *report, const char *rule, const char **path)
{
	const cJSON *d, *f;
	cJSON_ArrayForEach(d, tl_rj_arr(report, "documents"))
	{
		cJSON_ArrayForEach(f, tl_rj_arr(d, "findings"))
		{
			const char *r = tl_rj_str(f, "rule");
			const cJSON *s = tl_rj_obj(f, "suggestion");
			if (r && !strcmp(r, rule) && tl_rj_str(s, "text")) {
				*path = tl_rj_str(d, "path");
				return s;
			}
		}
	}
	return NULL;
}

static void S_rules(S_ctx *c, const cJSON *report, cJSON *driver)
{
	cJSON *rules = S_arr(c, driver, "rules");
	const cJSON *r;
	cJSON_ArrayForEach(r, tl_rj_arr(report, "rules"))
	{
		const char *id = tl_rj_str(r, "id");
		if (!id)
			continue;
		tl_severity sev = tl_severity_parse(tl_rj_str(r, "severity"));
		const char *title = tl_rj_text(r, "title", c->lang);
		const char *desc = tl_rj_text(r, "description", c->lang);
		cJSON *rd = S_obj(c, rules, NULL);
		S_str(c, rd, "id", id);
		S_text_msg(c, rd, "shortDescription", title ? title : id);
		S_text_msg(c, rd, "fullDescription", desc ? desc : (title ? title : id));
		tl_buf help = TL_BUF_INIT((size_t)1 << 20);
		const char *spath = NULL;
		const cJSON *sug = S_first_suggestion(report, id, &spath);
		tl_buf_puts(&help, desc ? desc : (title ? title : id));
		if (sug) {
			tl_buf_printf(&help, "\n\n%s (%s): %s", tl_i18n(c->lang, TL_S_SUGGESTED),
			              spath ? spath : "", tl_rj_str(sug, "text"));
		}
		S_text_msg(c, rd, "help", help.data ? help.data : "");
		tl_buf_free(&help);
		cJSON *conf = S_obj(c, rd, "defaultConfiguration");
		S_str(c, conf, "level", S_default_level(sev));
		cJSON *props = S_obj(c, rd, "properties");
		S_str(c, props, "area", tl_rj_str(r, "area"));
		S_str(c, props, "severity", tl_rj_str(r, "severity"));
		S_str(c, props, "security-severity", S_security_severity(sev));
		S_copy(c, props, "title", tl_rj_obj(r, "title"));
		S_copy(c, props, "references", tl_rj_obj(r, "references"));
		S_copy(c, props, "applies", tl_rj_arr(r, "applies"));
		cJSON *tags = S_arr(c, props, "tags");
		S_push_str(c, tags, tl_rj_str(r, "area"));
	}
}

static int S_rule_index(const cJSON *report, const char *id)
{
	int i = 0;
	const cJSON *r;
	cJSON_ArrayForEach(r, tl_rj_arr(report, "rules"))
	{
		const char *rid = tl_rj_str(r, "id");
		if (rid && id && !strcmp(rid, id))
			return i;
		i++;
	}
	return -1;
}

/* One location: the document, a paragraph as the region (when known) and
 * the clause as the logical location. */
static void S_location(S_ctx *c, cJSON *arr, const char *uri, int art, const char *clause,
                       long para, const char *snippet, const char *role)
{
	cJSON *loc = S_obj(c, arr, NULL);
	cJSON *phys = S_obj(c, loc, "physicalLocation");
	cJSON *al = S_obj(c, phys, "artifactLocation");
	S_str(c, al, "uri", uri);
	S_num(c, al, "index", art);
	if (para >= 0) {
		cJSON *reg = S_obj(c, phys, "region");
		S_num(c, reg, "startLine", (double)para + 1);
		if (snippet) {
			cJSON *sn = S_obj(c, reg, "snippet");
			S_str(c, sn, "text", snippet);
		}
	}
	if (clause) {
		cJSON *lls = S_arr(c, loc, "logicalLocations");
		cJSON *ll = S_obj(c, lls, NULL);
		S_str(c, ll, "name", clause);
		S_str(c, ll, "kind", "clause");
		if (role) {
			cJSON *p = S_obj(c, ll, "properties");
			S_str(c, p, "role", role);
		}
	}
}

static void S_result(S_ctx *c, const cJSON *report, cJSON *results, const cJSON *doc, int art,
                     const char *uri, const cJSON *f)
{
	tl_status st = tl_finding_status(f);
	tl_severity sev = tl_severity_parse(tl_rj_str(f, "severity"));
	const char *rule = tl_rj_str(f, "rule");
	const cJSON *main_ev = tl_finding_main_evidence(f), *ev;
	const cJSON *sug = tl_rj_obj(f, "suggestion");
	cJSON *res = S_obj(c, results, NULL);
	int idx = S_rule_index(report, rule);
	S_str(c, res, "ruleId", rule ? rule : "unknown");
	if (idx >= 0)
		S_num(c, res, "ruleIndex", idx);
	S_str(c, res, "kind", "fail");
	S_str(c, res, "level", S_level(st, sev));
	tl_buf m = TL_BUF_INIT((size_t)1 << 20);
	tl_buf_printf(&m, "%s (%s): %s", tl_rj_str(f, "title") ? tl_rj_str(f, "title") : (rule ? rule : "?"),
	              tl_i18n_status(c->lang, st), tl_rj_str(f, "reason") ? tl_rj_str(f, "reason") : "");
	S_text_msg(c, res, "message", m.data ? m.data : "");
	tl_buf_free(&m);
	cJSON *locs = S_arr(c, res, "locations");
	if (main_ev) {
		S_location(c, locs, uri, art, tl_rj_str(main_ev, "clause"), tl_rj_long(main_ev, "para", -1),
		           tl_rj_str(main_ev, "quote"), NULL);
	} else {
		const cJSON *ins = tl_rj_obj(sug, "insert");
		S_location(c, locs, uri, art, tl_rj_str(ins, "after_clause"),
		           tl_rj_long(ins, "after_para", -1), NULL, "insert-after");
	}
	cJSON *related = NULL;
	int rid = 0;
	cJSON_ArrayForEach(ev, tl_rj_arr(f, "evidence"))
	{
		if (ev == main_ev || !cJSON_IsObject(ev))
			continue;
		if (!related)
			related = S_arr(c, res, "relatedLocations");
		S_location(c, related, uri, art, tl_rj_str(ev, "clause"), tl_rj_long(ev, "para", -1),
		           tl_rj_str(ev, "quote"), NULL);
		cJSON *last = cJSON_GetArrayItem(related, cJSON_GetArraySize(related) - 1);
		if (last)
			S_num(c, last, "id", rid++);
	}
	cJSON *fp = S_obj(c, res, "partialFingerprints");
	tl_buf key = TL_BUF_INIT(1 << 16);
	tl_buf_printf(&key, "%s|%s", tl_rj_str(doc, "path") ? tl_rj_str(doc, "path") : "", rule ? rule : "");
	S_str(c, fp, "tenderlint/document-rule/v1", key.data ? key.data : "");
	tl_buf_free(&key);
	if (tl_finding_waived(f)) {
		const cJSON *w = tl_rj_obj(f, "waiver");
		cJSON *sups = S_arr(c, res, "suppressions");
		cJSON *s = S_obj(c, sups, NULL);
		S_str(c, s, "kind", "external");
		S_str(c, s, "status", "accepted");
		S_str(c, s, "justification", tl_rj_str(w, "reason"));
	}
	cJSON *props = S_obj(c, res, "properties");
	S_str(c, props, "status", tl_status_key(st));
	S_str(c, props, "severity", tl_rj_str(f, "severity"));
	S_str(c, props, "area", tl_rj_str(f, "area"));
	S_str(c, props, "basis", tl_rj_str(f, "basis"));
	if (main_ev) {
		S_str(c, props, "part", tl_rj_str(main_ev, "part"));
		if (tl_rj_long(main_ev, "part_para", -1) >= 0)
			S_num(c, props, "part_para", (double)tl_rj_long(main_ev, "part_para", -1));
	}
	S_copy(c, props, "suggestion", sug);
	S_copy(c, props, "waiver", tl_rj_obj(f, "waiver"));
}

static void S_artifact(S_ctx *c, cJSON *arts, const cJSON *doc, const char *uri)
{
	cJSON *a = S_obj(c, arts, NULL);
	cJSON *loc = S_obj(c, a, "location");
	const cJSON *ctx;
	S_str(c, loc, "uri", uri);
	cJSON *p = S_obj(c, a, "properties");
	S_str(c, p, "format", tl_rj_str(doc, "format"));
	S_str(c, p, "language", tl_rj_str(doc, "language"));
	S_str(c, p, "title", tl_rj_str(doc, "title"));
	S_copy(c, p, "error", tl_rj_obj(doc, "error"));
	S_copy(c, p, "revisions", tl_rj_obj(doc, "revisions"));
	if (!tl_rj_obj(doc, "error")) {
		int counts[TL_ST_COUNT], waived;
		tl_doc_counts(doc, counts, &waived);
		cJSON *sum = S_obj(c, p, "summary");
		for (int s = 0; s < TL_ST_COUNT; s++)
			S_num(c, sum, tl_status_key((tl_status)s), counts[s]);
		S_num(c, sum, "waived", waived);
		cJSON *tags = S_arr(c, p, "contexts");
		cJSON_ArrayForEach(ctx, tl_rj_arr(doc, "contexts"))
		{
			S_push_str(c, tags, tl_rj_str(ctx, "tag"));
		}
	}
}

int tl_render_sarif(const cJSON *report, const tl_render_options *o, FILE *out, tl_error *err)
{
	S_ctx c = {0, tl_render_report_lang(report, o)};
	const cJSON *doc, *f;
	const cJSON *tool = tl_rj_obj(report, "tool"), *rs = tl_rj_obj(report, "ruleset");
	cJSON *root = cJSON_CreateObject();
	if (!root)
		return tl_error_set(err, TL_ENOMEM, "render sarif: out of memory");
	S_str(&c, root, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	S_str(&c, root, "version", "2.1.0");
	cJSON *runs = S_arr(&c, root, "runs");
	cJSON *run = S_obj(&c, runs, NULL);
	cJSON *driver = S_obj(&c, S_obj(&c, run, "tool"), "driver");
	S_str(&c, driver, "name", tl_rj_str(tool, "name") ? tl_rj_str(tool, "name") : "tenderlint");
	S_str(&c, driver, "version", tl_rj_str(tool, "version"));
	S_rules(&c, report, driver);
	S_str(&c, run, "language", c.lang);
	cJSON *inv = S_obj(&c, S_arr(&c, run, "invocations"), NULL);
	cJSON *notes = S_arr(&c, inv, "toolExecutionNotifications");
	cJSON *arts = S_arr(&c, run, "artifacts");
	cJSON *results = S_arr(&c, run, "results");
	int art = 0, failed = 0;
	cJSON_ArrayForEach(doc, tl_rj_arr(report, "documents"))
	{
		char *uri = S_uri(tl_rj_str(doc, "path"));
		const cJSON *e = tl_rj_obj(doc, "error");
		if (!uri) {
			c.oom = 1;
			break;
		}
		c.lang = tl_render_doc_lang(doc, o);
		S_artifact(&c, arts, doc, uri);
		if (e) {
			cJSON *n = S_obj(&c, notes, NULL);
			tl_buf m = TL_BUF_INIT(1 << 16);
			tl_buf_printf(&m, "%s: %s", tl_i18n(c.lang, TL_S_UNREADABLE),
			              tl_rj_str(e, "message") ? tl_rj_str(e, "message") : "");
			S_text_msg(&c, n, "message", m.data);
			tl_buf_free(&m);
			S_str(&c, n, "level", "error");
			cJSON *desc = S_obj(&c, n, "descriptor");
			S_str(&c, desc, "id", tl_rj_str(e, "code") ? tl_rj_str(e, "code") : "E_UNKNOWN");
			cJSON *locs = S_arr(&c, n, "locations");
			S_location(&c, locs, uri, art, NULL, -1, NULL, NULL);
			failed = 1;
		}
		cJSON_ArrayForEach(f, tl_rj_arr(doc, "findings"))
		{
			if (tl_status_is_gap(tl_finding_status(f)))
				S_result(&c, report, results, doc, art, uri, f);
		}
		free(uri);
		art++;
	}
	S_chk(&c, cJSON_AddBoolToObject(inv, "executionSuccessful", !failed));
	cJSON *rp = S_obj(&c, run, "properties");
	S_copy(&c, rp, "ruleset", rs);
	char *s = c.oom ? NULL : cJSON_Print(root);
	cJSON_Delete(root);
	if (!s)
		return tl_error_set(err, TL_ENOMEM, "render sarif: out of memory");
	fputs(s, out);
	fputc('\n', out);
	free(s);
	return tl_render_check_stream(out, err);
}
