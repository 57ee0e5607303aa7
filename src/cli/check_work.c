/* check_work.c: `tenderlint check` in a worker process: one file checked
 * (tl_check_file) and finished there -- waivers, baseline, the --fail-on
 * verdict, the redline -- so that the parent only passes the document's
 * text on (tl_ck_work, tl_ck_print).  A worker started before any ruleset
 * was loaded loads its own on a second thread while it reads its first
 * file, and sends the parent a note with the report's head, or why the
 * ruleset cannot be used (tl_ck_note). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/check_int.h"

static int S_rank_status(const char *s)
{
	if (!s)
		return 0;
	if (!strcmp(s, "violated"))
		return 3;
	if (!strcmp(s, "partial"))
		return 2;
	if (!strcmp(s, "missing"))
		return 1;
	return 0;
}

static int S_rank_sev(const char *s)
{
	static const char *const n[] = {"info", "low", "medium", "high", "critical"};
	for (int i = 0; s && i < 5; i++)
		if (!strcmp(s, n[i]))
			return i + 1;
	return 0;
}

/* 1 when a finding reaches the --fail-on level. */
int tl_ck_fails(const cJSON *doc, const char *level)
{
	if (!strcmp(level, "never"))
		return 0;
	int want_status = S_rank_status(level), want_sev = S_rank_sev(level);
	const cJSON *f;
	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(doc, "findings"))
	{
		if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(f, "waived")))
			continue;
		const cJSON *st = cJSON_GetObjectItemCaseSensitive(f, "status");
		const cJSON *sv = cJSON_GetObjectItemCaseSensitive(f, "severity");
		int s = S_rank_status(cJSON_IsString(st) ? st->valuestring : NULL);
		if (want_status && s >= want_status)
			return 1;
		if (want_sev && s > 0 && S_rank_sev(cJSON_IsString(sv) ? sv->valuestring : NULL) >= want_sev)
			return 1;
	}
	return 0;
}

/* Waivers, baseline, then the --fail-on test: 1 when the document fails. */
int tl_ck_finish(const tl_ck_work_ctx *w, cJSON *d)
{
	if (w->waivers)
		tl_waivers_apply(w->waivers, d, NULL);
	if (w->baseline)
		tl_baseline_apply(w->baseline, d);
	return tl_ck_fails(d, w->level);
}

typedef struct {
	const char *path;
	const tl_ck_work_ctx *w;
	tl_ruleset *rs;
	tl_error err;
	int rc;
	const char *missing;    /* a forced context tag the ruleset lacks */
	char *note;             /* S_make_note */
} S_loader;

static char *S_make_note(const S_loader *l);

/* The ruleset, then the note for the parent, both on the loading thread
 * while the other reads (and annotates) the first document. */
static void *S_load_main(void *arg)
{
	S_loader *l = arg;
	l->rc = tl_ruleset_load_for_check(&l->rs, l->path, &l->err);
	l->missing = l->rc ? NULL : tl_ck_missing_context(l->rs, l->w->co->force_contexts);
	l->note = S_make_note(l);
	return NULL;
}

/* The first forced context tag (--context/--no-context) the ruleset lacks, or NULL. */
const char *tl_ck_missing_context(const tl_ruleset *rs, const char *const *force)
{
	for (const char *const *f = force; f && *f; f++)
		if (!tl_ruleset_has_context(rs, **f == '!' ? *f + 1 : *f))
			return **f == '!' ? *f + 1 : *f;
	return NULL;
}

/* The worker's note to the parent after loading the ruleset (tl_ck_on_note):
 * {"report": the report without documents} (tl_report_new), or for json
 * and jsonl {"head": true}, a line break and the report's text up to the
 * first document (tl_render_json_head, tl_render_jsonl_header_text), which
 * the parent writes as it is; or why the ruleset cannot be used:
 * {"ruleset_error": message, "nomem": bool} or {"context": a forced tag it
 * lacks}.  NULL when out of memory. */
static char *S_make_note(const S_loader *l)
{
	const char *missing = l->missing;
	tl_render_format fmt = l->w->fmt;
	if (!l->rc && !missing && (fmt == TL_RENDER_JSON || fmt == TL_RENDER_JSONL)) {
		size_t n = 0;
		char *note = NULL;
		static const char pre[] = "{\"head\":true}\n";
		char *head = tl_report_head_text(l->rs, fmt, &n);
		if (head && (note = malloc(sizeof pre + n)) != NULL) {
			memcpy(note, pre, sizeof pre - 1);
			memcpy(note + sizeof pre - 1, head, n + 1);
		}
		free(head);
		if (note)
			return note;
	}
	cJSON *n = cJSON_CreateObject();
	if (!n)
		return NULL;
	if (l->rc) {
		char msg[2048];
		tl_error_format(&l->err, msg, sizeof msg);
		cJSON_AddStringToObject(n, "ruleset_error", msg);
		cJSON_AddBoolToObject(n, "nomem", l->err.code == TL_ENOMEM);
	} else if (missing) {
		cJSON_AddStringToObject(n, "context", missing);
	} else {
		cJSON *rep = NULL;
		tl_error err = TL_ERROR_INIT;
		if (tl_report_new(&rep, l->rs, &err) == 0)
			cJSON_AddItemToObject(n, "report", rep);
	}
	char *s = cJSON_PrintUnformatted(n);
	cJSON_Delete(n);
	return s;
}

/* The first document's wait for the ruleset (tl_check_read_file_when):
 * the loading thread's result, or NULL when it cannot be used (the note
 * says why). */
typedef struct {
	S_loader *l;
	tl_ck_work_ctx *w;
	tl_task *th;
	int threaded, joined;
} S_pending;

static const tl_ruleset *S_ruleset_ready(void *ctx)
{
	S_pending *p = ctx;
	if (!p->joined) {
		p->joined = 1;
		if (p->threaded)
			tl_task_join(p->th);
		else
			S_load_main(p->l);
		p->w->note = p->l->note;
		if (p->l->rc || p->l->missing) {
			tl_ruleset_free(p->l->rs);
			p->l->rs = NULL;
		}
		*p->w->rs = p->l->rs;
	}
	return *p->w->rs;
}

/* tl_check_file.  A worker started before any ruleset was loaded (the
 * parent loads none, see tl_ck_on_note) loads its own on a second thread while
 * this one reads and annotates its first document, which need no ruleset;
 * later files reuse it.  -1 when the ruleset cannot be used (w->note says
 * why). */
static int S_check(cJSON **out, tl_ck_work_ctx *w, const char *path, tl_error *err)
{
	*out = NULL;
	if (*w->rs)
		return tl_check_file(out, *w->rs, path, w->co, err);
	S_loader l = {w->rs_path, w, NULL, TL_ERROR_INIT, 0, NULL, NULL};
	S_pending p;
	memset(&p, 0, sizeof p);
	p.l = &l;
	p.w = w;
	p.threaded = tl_task_start(&p.th, S_load_main, &l) == 0;
	tl_read_options ro = w->co->read;
	ro.threads = (unsigned)w->co->threads; /* the reader may use the idle core too */
	tl_document *doc = NULL;
	int rc = tl_document_read(&doc, path, &ro, err);
	if (!rc) {
		rc = tl_check_read_file_when(out, S_ruleset_ready, &p, path, doc, w->co, err);
		return *w->rs ? rc : -1;
	}
	tl_document_free(doc);
	if (!S_ruleset_ready(&p))
		return -1;
	*out = tl_report_error_document(path, err);
	return *out ? rc : TL_ENOMEM;
}

char *tl_ck_note(void *ctx)
{
	tl_ck_work_ctx *w = ctx;
	char *n = w->note;
	w->note = NULL;
	return n;
}

/* In the worker process: one file, one documents[] entry, finished here
 * (waivers, baseline, --fail-on, redline) so that the parent only passes the
 * text on.  When the report is collected rather than streamed, the parent
 * first follows framework annexes across the batch (tl_annex_link), which
 * changes findings, so waivers, baseline and --fail-on wait for it (defer). */
cJSON *tl_ck_work(const char *path, void *ctx, unsigned *flags)
{
	tl_ck_work_ctx *w = ctx;
	cJSON *d = NULL;
	tl_error err = TL_ERROR_INIT;
	S_check(&d, w, path, &err);
	if (!d)
		return NULL;
	if (cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(d, "error"))) {
		*flags |= TL_BATCH_DOC_ERROR;
	} else {
		if (!w->defer && tl_ck_finish(w, d))
			*flags |= TL_CK_DOC_FAILING;
		if (w->defer && !w->waivers && !w->baseline && tl_ck_fails(d, w->level))
			*flags |= TL_CK_DOC_FAILS_ALONE;
		if (cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(d, "framework_text")))
			*flags |= TL_CK_DOC_FWTEXT;
		if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(d, "frameworks")) > 0)
			*flags |= TL_CK_DOC_DECLARES;
		if (w->redline) {
			tl_error_clear(&err);
			if (tl_redline_write(d, path, w->redline, w->ro, &err) != 0) {
				char m[2048];
				tl_error_format(&err, m, sizeof m);
				fprintf(stderr, "tenderlint check: --redline: %s\n", m);
				*flags |= TL_CK_DOC_INTERNAL;
			}
		}
	}
	if (w->jsonl) {
		/* the record type first, as tl_render_jsonl_document writes it */
		cJSON *t = cJSON_CreateString("document");
		if (t) {
			t->string = strdup("type");
			if (t->string) {
				t->next = d->child;
				if (d->child) {
					t->prev = d->child->prev;
					d->child->prev = t;
				} else {
					t->prev = t;
				}
				d->child = t;
			} else {
				cJSON_Delete(t);
			}
		}
	}
	if (w->fmt == TL_RENDER_JSON)
		*flags |= TL_CK_DOC_PRETTY;
	return d;
}

/* How a worker sends its document: for --format json as it will stand in
 * the report, so that the parent need not parse and print it again. */
char *tl_ck_print(const cJSON *d, void *ctx)
{
	const tl_ck_work_ctx *w = ctx;
	size_t n;
	return w->fmt == TL_RENDER_JSON ? tl_render_json_document(d, &n) : cJSON_PrintUnformatted(d);
}
