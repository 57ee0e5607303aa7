/* cmd_check.c: `tenderlint check FILE...` -- thin: options, then per file
 * tl_check_file (the library does the work), then tl_render.  Exit codes
 * are in exit.h and docs/exit-codes.md. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/check_sync.h"
#include "cli/cli.h"
#include "cli/exit.h"
#include "cli/opt.h"
#include "tenderlint.h"

static const char *const S_formats[] = {"text", "md", "html", "json", "jsonl", "sarif", "csv",
                                        "csv-long", NULL};
static const char *const S_revs[] = {"accept", "reject", "both", NULL};
static const char *const S_langs[] = {"nl", "en", NULL};
static const char *const S_fail[] = {"violated", "partial", "missing", "critical", "high", "medium",
                                     "low", "info", "never", NULL};

static const tl_opt_spec S_specs[] = {
	{TL_OPT_VALUE, "ruleset", 'r', "PATH", "ruleset file (default: the built-in vng-2022)", NULL, NULL},
	{TL_OPT_VALUE, "format", 'f', "FORMAT", "output format", "text", S_formats},
	{TL_OPT_VALUE, "revisions", 0, "VIEW", "tracked changes view", "accept", S_revs},
	{TL_OPT_VALUE, "lang", 'l', "LANG", "report language nl or en (default: each document's)", NULL, S_langs},
	{TL_OPT_MULTI, "context", 0, "TAG", "force a context tag on", NULL, NULL},
	{TL_OPT_MULTI, "no-context", 0, "TAG", "force a context tag off", NULL, NULL},
	{TL_OPT_VALUE, "fail-on", 0, "LEVEL",
	 "exit 1 on a finding with this status or worse, or a gap of at least this severity",
	 "violated", S_fail},
	{TL_OPT_VALUE, "output", 'o', "FILE", "write the report to FILE instead of stdout", NULL, NULL},
	{TL_OPT_FLAG, "color", 0, NULL, "ANSI colour in the text report (default: on a terminal, unless NO_COLOR is set)", NULL, NULL},
	{TL_OPT_FLAG, "no-color", 0, NULL, "no ANSI colour", NULL, NULL},
	{TL_OPT_VALUE, "redline", 0, "OUT", "write the contract back (DOCX or ODT, as the input) with comments and tracked-change suggestions; one input only", NULL, NULL},
	{TL_OPT_VALUE, "jobs", 'j', "N", "worker processes (default: the number of CPUs)", NULL, NULL},
	{TL_OPT_VALUE, "time-limit", 0, "SECONDS", "per-file wall-time limit; a file over it is reported E_TIMEOUT and skipped", "30", NULL},
	{TL_OPT_VALUE, "memory-limit", 0, "MIB", "per-worker address-space limit in MiB (0 = none)", "2048", NULL},
	{TL_OPT_MULTI, "include", 0, "GLOB", "only paths matching GLOB", NULL, NULL},
	{TL_OPT_MULTI, "exclude", 0, "GLOB", "leave out paths matching GLOB", NULL, NULL},
	{TL_OPT_FLAG, "all-files", 0, NULL, "in folders, try every file, not only .docx/.odt/.fodt/.txt/.md and friends", NULL, NULL},
	{TL_OPT_VALUE, "shard", 0, "K/N", "check only shard K of N of the sorted inputs (for splitting across machines)", NULL, NULL},
	{TL_OPT_VALUE, "waivers", 0, "FILE", "accepted deviations (docs/waivers.md)", NULL, NULL},
	{TL_OPT_VALUE, "baseline", 0, "REPORT", "an earlier JSON/JSONL report: show only new, changed and resolved findings", NULL, NULL},
	{TL_OPT_FLAG, "quiet", 'q', NULL, "no progress bar and no per-file error lines on stderr", NULL, NULL},
	{TL_OPT_FLAG, "with-text", 0, NULL, "include the contract's paragraph texts in the report (always on for html)", NULL, NULL},
	{TL_OPT_MULTI, "limit", 0, "NAME=VALUE", TL_OPT_LIMIT_HELP, NULL, NULL},
	{TL_OPT_END, NULL, 0, NULL, NULL, NULL, NULL},
};

static const tl_opt_cmd S_cmd = {
	"check", "[options] FILE|DIR|-...",
	"Checks contracts, tenders and vendor terms (DOCX, ODT, text) against a ruleset and reports, "
	"per document and requirement, met / partial / violated / missing / not_applicable with the "
	"clauses that show it and a suggested clause for each gap. Folders are searched recursively; each "
	"file is checked in a worker process, so a broken or hostile file is reported and the batch goes on. "
	"A contract that incorporates a framework whose own text is also an input (the VNG processing "
	"agreement as an annex) takes that annex's findings for what it leaves open (not with --format "
	"jsonl; merge adds them). "
	"Exit: 0 clean, 1 gaps at or above --fail-on, 2 usage, 3 some input unreadable, 4 internal error.",
	S_specs};

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
static int S_fails(const cJSON *doc, const char *level)
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


/* A worker loads its own ruleset only with at least this --memory-limit
 * (MiB; the default is 2048): the load takes some 20 MiB and a thread. */
#define S_LAZY_MIN_MIB 512

#define S_DOC_FAILING 0x100u /* a finding reaches the --fail-on level */
#define S_DOC_INTERNAL 0x200u /* the redline could not be written */
#define S_DOC_PRETTY 0x400u /* the text is tl_render_json_document's, not unformatted */
#define S_DOC_FWTEXT 0x800u /* a framework's own text: an annex other documents may follow */
#define S_DOC_FAILS_ALONE 0x1000u /* reaches --fail-on before annexes, waivers and baselines */
#define S_DOC_DECLARES 0x2000u /* declares a framework: it may follow an annex */

typedef struct {
	tl_ruleset **rs;        /* this process's ruleset, NULL until loaded (S_check) */
	const char *rs_path;    /* --ruleset, NULL: the built-in one */
	const tl_check_options *co;
	const char *level;      /* --fail-on */
	const tl_waivers *waivers;
	const tl_baseline *baseline;
	const char *redline;    /* --redline OUT */
	const tl_render_options *ro;
	int jsonl;              /* mark the document as a JSON Lines record */
	int defer;              /* waivers, baseline and --fail-on in the parent (S_finish) */
	tl_render_format fmt;   /* json: documents as they stand in the report (S_print) */
	char *note;             /* in a worker: for the parent, sent after this file (S_note) */
} S_work_ctx;

/* Waivers, baseline, then the --fail-on test: 1 when the document fails. */
static int S_finish(const S_work_ctx *w, cJSON *d)
{
	if (w->waivers)
		tl_waivers_apply(w->waivers, d, NULL);
	if (w->baseline)
		tl_baseline_apply(w->baseline, d);
	return S_fails(d, w->level);
}

typedef struct {
	const char *path;
	const S_work_ctx *w;
	tl_ruleset *rs;
	tl_error err;
	int rc;
	const char *missing;    /* a forced context tag the ruleset lacks */
	char *note;             /* S_make_note */
} S_loader;

static const char *S_missing_context(const tl_ruleset *rs, const char *const *force);
static char *S_make_note(const S_loader *l);

/* The ruleset, then the note for the parent, both on the loading thread
 * while the other reads (and annotates) the first document. */
static void *S_load_main(void *arg)
{
	S_loader *l = arg;
	l->rc = tl_ruleset_load(&l->rs, l->path, &l->err);
	l->missing = l->rc ? NULL : S_missing_context(l->rs, l->w->co->force_contexts);
	l->note = S_make_note(l);
	return NULL;
}

/* The first forced context tag (--context/--no-context) the ruleset lacks, or NULL. */
static const char *S_missing_context(const tl_ruleset *rs, const char *const *force)
{
	for (const char *const *f = force; f && *f; f++)
		if (!tl_ruleset_has_context(rs, **f == '!' ? *f + 1 : *f))
			return **f == '!' ? *f + 1 : *f;
	return NULL;
}

/* The worker's note to the parent after loading the ruleset (S_on_note):
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
	S_work_ctx *w;
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
 * parent loads none, see S_on_note) loads its own on a second thread while
 * this one reads and annotates its first document, which need no ruleset;
 * later files reuse it.  -1 when the ruleset cannot be used (w->note says
 * why). */
static int S_check(cJSON **out, S_work_ctx *w, const char *path, tl_error *err)
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

static char *S_note(void *ctx)
{
	S_work_ctx *w = ctx;
	char *n = w->note;
	w->note = NULL;
	return n;
}

/* In the worker process: one file, one documents[] entry, finished here
 * (waivers, baseline, --fail-on, redline) so that the parent only passes the
 * text on.  When the report is collected rather than streamed, the parent
 * first follows framework annexes across the batch (tl_annex_link), which
 * changes findings, so waivers, baseline and --fail-on wait for it (defer). */
static cJSON *S_work(const char *path, void *ctx, unsigned *flags)
{
	S_work_ctx *w = ctx;
	cJSON *d = NULL;
	tl_error err = TL_ERROR_INIT;
	S_check(&d, w, path, &err);
	if (!d)
		return NULL;
	if (cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(d, "error"))) {
		*flags |= TL_BATCH_DOC_ERROR;
	} else {
		if (!w->defer && S_finish(w, d))
			*flags |= S_DOC_FAILING;
		if (w->defer && !w->waivers && !w->baseline && S_fails(d, w->level))
			*flags |= S_DOC_FAILS_ALONE;
		if (cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(d, "framework_text")))
			*flags |= S_DOC_FWTEXT;
		if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(d, "frameworks")) > 0)
			*flags |= S_DOC_DECLARES;
		if (w->redline) {
			tl_error_clear(&err);
			if (tl_redline_write(d, path, w->redline, w->ro, &err) != 0) {
				char m[2048];
				tl_error_format(&err, m, sizeof m);
				fprintf(stderr, "tenderlint check: --redline: %s\n", m);
				*flags |= S_DOC_INTERNAL;
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
		*flags |= S_DOC_PRETTY;
	return d;
}

/* How a worker sends its document: for --format json as it will stand in
 * the report, so that the parent need not parse and print it again. */
static char *S_print(const cJSON *d, void *ctx)
{
	const S_work_ctx *w = ctx;
	size_t n;
	return w->fmt == TL_RENDER_JSON ? tl_render_json_document(d, &n) : cJSON_PrintUnformatted(d);
}

struct S_run;
static int S_need_report(struct S_run *r);

typedef struct {
	struct S_run *run;      /* the report is made before the first document */
	cJSON *docs;            /* collect here, unless streaming */
	FILE *stream;           /* JSON Lines: write each document at once */
	int stream_sync;        /* fsync after each line (a regular file) */
	tl_syncer *syncer;      /* which does it on a thread of its own, or NULL: here */
	int quiet;
	int unreadable, failing, internal;
	char **texts;           /* --format json: each document's text (S_keep_text) */
	size_t *lens;
	unsigned *flags;        /* each document's flags */
	unsigned any;           /* the flags of all documents, OR'ed */
} S_emit_ctx;

/* --format json keeps each document as the text it will be in the report
 * (a result the pool made itself is unformatted, and is reprinted). */
static int S_keep_text(S_emit_ctx *e, size_t index, const char *json, size_t len, unsigned flags)
{
	char *t = NULL;
	size_t n = len;
	if (flags & S_DOC_PRETTY) {
		if ((t = malloc(len + 1)) != NULL)
			memcpy(t, json, len + 1);
	} else {
		cJSON *d = cJSON_ParseWithLength(json, len);
		t = d ? tl_render_json_document(d, &n) : NULL;
		cJSON_Delete(d);
	}
	e->texts[index] = t;
	e->lens[index] = n;
	e->flags[index] = flags;
	return t ? 0 : -1;
}

static int S_emit(size_t index, const char *path, const char *json, size_t len, unsigned flags,
                  void *ctx)
{
	S_emit_ctx *e = ctx;
	if (S_need_report(e->run) != 0)
		return 1;
	if (flags & TL_BATCH_DOC_ERROR) {
		e->unreadable = 1;
		if (!e->quiet) {
			cJSON *d = cJSON_Parse(json);
			const cJSON *er = cJSON_GetObjectItemCaseSensitive(d, "error");
			const cJSON *msg = cJSON_GetObjectItemCaseSensitive(er, "message");
			fprintf(stderr, "tenderlint check: %s\n", cJSON_IsString(msg) ? msg->valuestring : path);
			cJSON_Delete(d);
		}
	}
	e->failing |= (flags & S_DOC_FAILING) != 0;
	e->internal |= (flags & S_DOC_INTERNAL) != 0;
	e->any |= flags;
	if (e->stream) {
		/* durable before the next file: a killed batch loses at most the file in progress */
		if (fwrite(json, 1, len, e->stream) == len && fputc('\n', e->stream) != EOF &&
		    fflush(e->stream) == 0 &&
		    (!e->stream_sync ||
		     (e->syncer ? tl_syncer_request(e->syncer) : fsync(fileno(e->stream))) == 0))
			return 0;
		fprintf(stderr, "tenderlint check: cannot write the report: %s\n", strerror(errno));
		e->internal = 1;
		return 1;
	}
	cJSON *d = e->texts ? NULL : cJSON_Parse(json);
	if (e->texts ? S_keep_text(e, index, json, len, flags) != 0 : !d) {
		fprintf(stderr, "tenderlint check: %s: out of memory\n", path);
		e->internal = 1;
		return 1;
	}
	if (d)
		cJSON_AddItemToArray(e->docs, d);
	return 0;
}

static int S_parse_shard(const char *s, int *k, int *n)
{
	char tail;
	return sscanf(s, "%d/%d%c", k, n, &tail) == 2 && *n >= 1 && *k >= 1 && *k <= *n;
}

/* The parent's side of a run: the ruleset, the report and its output. */
typedef struct S_run {
	const tl_opts *o;
	const char *const *force; /* --context / --no-context */
	size_t nf;
	tl_ruleset *rs;
	int rs_done, rs_rc;     /* S_load_rs ran, with this result */
	cJSON *report;
	char *head;             /* or the report's text up to its documents, from a note */
	size_t headlen;
	FILE *out;
	char *tmp_out;
	const char *path;       /* --output */
	tl_render_format fmt;
	S_emit_ctx *ec;
	int stop_rc;            /* the exit code that stopped the batch */
} S_run;

/* Loads the ruleset (once) and checks the forced context tags: 0, or the
 * exit code after the message. */
static int S_load_rs(S_run *r)
{
	if (r->rs_done)
		return r->rs_rc;
	r->rs_done = 1;
	tl_error err = TL_ERROR_INIT;
	char msg[2048];
	if (tl_ruleset_load(&r->rs, tl_opt_str(r->o, "ruleset"), &err) != 0) {
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint check: cannot load the ruleset: %s\n", msg);
		return r->rs_rc = err.code == TL_ENOMEM ? TL_EXIT_INTERNAL : TL_EXIT_USAGE;
	}
	const char *missing = S_missing_context(r->rs, r->force);
	if (missing) {
		tl_opt_usage_error(&S_cmd, "the ruleset has no context '%s'", missing);
		return r->rs_rc = TL_EXIT_USAGE;
	}
	return 0;
}

/* The report (`rep` from a worker's note, else tl_report_new), its output
 * file and, for JSON Lines, the header line.  0, or the exit code. */
static int S_open_report(S_run *r, cJSON *rep)
{
	tl_error err = TL_ERROR_INIT;
	if (rep)
		r->report = rep;
	else if (!r->head && tl_report_new(&r->report, r->rs, &err) != 0)
		return TL_EXIT_INTERNAL;
	/* The report is written to a temporary file and renamed at the end, so a
	 * reader never sees half a report; JSON Lines grows line by line instead. */
	struct stat st;
	int regular = r->path && (stat(r->path, &st) != 0 || S_ISREG(st.st_mode));
	if (r->path && r->fmt != TL_RENDER_JSONL && regular) {
		size_t n = strlen(r->path) + 16;
		if (!(r->tmp_out = malloc(n)))
			return TL_EXIT_INTERNAL;
		snprintf(r->tmp_out, n, "%s.tmp%ld", r->path, (long)getpid());
	}
	if (r->path && !(r->out = fopen(r->tmp_out ? r->tmp_out : r->path, "w"))) {
		fprintf(stderr, "tenderlint check: cannot write %s: %s\n", r->path, strerror(errno));
		r->out = stdout;
		return TL_EXIT_USAGE;
	}
	r->ec->docs = cJSON_GetObjectItemCaseSensitive(r->report, "documents");
	if (r->fmt == TL_RENDER_JSONL) {
		r->ec->stream = r->out;
		r->ec->stream_sync = r->path && regular;
		r->ec->syncer = r->ec->stream_sync ? tl_syncer_new(fileno(r->out)) : NULL;
		if (r->head ? fwrite(r->head, 1, r->headlen, r->out) != r->headlen
		            : tl_render_jsonl_header(r->report, r->out, &err) != 0)
			return TL_EXIT_INTERNAL;
		fflush(r->out);
	}
	return 0;
}

/* The report must exist before a document is emitted.  It normally comes
 * from a worker's note; when no note came (every worker so far died before
 * loading the ruleset), the parent loads the ruleset itself. */
static int S_need_report(S_run *r)
{
	if (r->report || r->head || r->stop_rc)
		return r->stop_rc;
	int rc = S_load_rs(r);
	if (!rc)
		rc = S_open_report(r, NULL);
	return r->stop_rc = rc;
}

/* In the parent: a worker's first note (S_make_note).  The parent loads no
 * ruleset of its own: the report's rule list, all it needs one for, comes
 * from the first worker, which loads while it reads its first file. */
static int S_on_note(const char *text, size_t len, void *ctx)
{
	S_run *r = ctx;
	if (r->report || r->head || r->stop_rc)
		return r->stop_rc;
	const char *end = NULL;
	cJSON *n = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(n, "head")) && end && end < text + len &&
	    *end == '\n') {
		cJSON_Delete(n);
		r->headlen = len - (size_t)(end + 1 - text);
		if (!(r->head = malloc(r->headlen + 1)))
			return 0; /* S_need_report loads one later */
		memcpy(r->head, end + 1, r->headlen);
		r->head[r->headlen] = '\0';
		return r->stop_rc = S_open_report(r, NULL);
	}
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(n, "ruleset_error");
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(n, "context");
	cJSON *rep = cJSON_DetachItemFromObjectCaseSensitive(n, "report");
	if (cJSON_IsString(e)) {
		fprintf(stderr, "tenderlint check: cannot load the ruleset: %s\n", e->valuestring);
		r->stop_rc = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(n, "nomem")) ? TL_EXIT_INTERNAL
		                                                                          : TL_EXIT_USAGE;
	} else if (cJSON_IsString(c)) {
		tl_opt_usage_error(&S_cmd, "the ruleset has no context '%s'", c->valuestring);
		r->stop_rc = TL_EXIT_USAGE;
	} else if (cJSON_IsObject(rep)) {
		r->stop_rc = S_open_report(r, rep);
		rep = NULL;
	}
	cJSON_Delete(rep);
	cJSON_Delete(n);
	return r->stop_rc; /* no report (out of memory): S_need_report loads one later */
}

/* --format json, when something must change documents after all (annexes,
 * waivers, a baseline): the report and its documents as a tree again. */
static int S_texts_to_tree(S_run *r, S_emit_ctx *e, size_t n)
{
	if (!r->report) {
		char *t = malloc(r->headlen + 3);
		if (!t)
			return -1;
		memcpy(t, r->head, r->headlen);
		memcpy(t + r->headlen, "]}", 3);
		r->report = cJSON_ParseWithLength(t, r->headlen + 2);
		free(t);
	}
	if (!(e->docs = cJSON_GetObjectItemCaseSensitive(r->report, "documents")))
		return -1;
	for (size_t i = 0; i < n; i++) {
		cJSON *d = cJSON_ParseWithLength(e->texts[i], e->lens[i]);
		if (!d || !cJSON_AddItemToArray(e->docs, d)) {
			cJSON_Delete(d);
			return -1;
		}
		free(e->texts[i]);
		e->texts[i] = NULL;
	}
	return 0;
}

/* --format json without waivers or a baseline: only the documents that
 * take part in annex links (a framework's text, a document that declares
 * one) become trees, are linked (tl_annex_link: the others could change
 * nothing) and are written again; the --fail-on verdict of each document,
 * linked or as its worker found it.  0, or -1 when out of memory. */
static int S_link_texts(S_emit_ctx *e, size_t n, const char *level)
{
	cJSON *part = cJSON_CreateArray();
	int rc = part ? 0 : -1;
	for (size_t i = 0; i < n && !rc; i++) {
		if (!(e->flags[i] & (S_DOC_FWTEXT | S_DOC_DECLARES)))
			continue;
		cJSON *d = cJSON_ParseWithLength(e->texts[i], e->lens[i]);
		if (!d || !cJSON_AddItemToArray(part, d)) {
			cJSON_Delete(d);
			rc = -1;
		}
	}
	if (!rc && tl_annex_link(part) < 0)
		rc = -1;
	const cJSON *d = part ? part->child : NULL;
	e->failing = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		if (!(e->flags[i] & (S_DOC_FWTEXT | S_DOC_DECLARES))) {
			e->failing |= (e->flags[i] & S_DOC_FAILS_ALONE) != 0;
			continue;
		}
		size_t len = 0;
		char *t = tl_render_json_document(d, &len);
		if (!t) {
			rc = -1;
			break;
		}
		free(e->texts[i]);
		e->texts[i] = t;
		e->lens[i] = len;
		e->failing |= S_fails(d, level);
		d = d->next;
	}
	cJSON_Delete(part);
	return rc;
}

/* --format json as tl_render writes it, from the head and the documents' texts. */
static int S_write_json(const S_run *r, const S_emit_ctx *e, size_t n, tl_error *err)
{
	size_t hl = r->headlen;
	char *own = r->head ? NULL : tl_render_json_head(r->report, &hl);
	const char *head = r->head ? r->head : own;
	if (!head)
		return tl_error_set(err, TL_ENOMEM, "render json: out of memory");
	fwrite(head, 1, hl, r->out);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(TL_RENDER_JSON_SEP, r->out);
		fwrite(e->texts[i], 1, e->lens[i], r->out);
	}
	fputs(TL_RENDER_JSON_TAIL, r->out);
	free(own);
	if (fflush(r->out) != 0 || ferror(r->out))
		return tl_error_set(err, TL_EIO, "cannot write the report: %s", strerror(errno));
	return 0;
}

int tl_cmd_check(int argc, char **argv)
{
	tl_opts o;
	int prc = tl_opt_parse(&o, &S_cmd, argc, argv);
	if (prc != TL_OPT_OK) {
		tl_opt_free(&o);
		return prc == TL_OPT_HELP ? TL_EXIT_OK : TL_EXIT_USAGE;
	}
	if (!o.nargs) {
		tl_opt_usage_error(&S_cmd, "no input files");
		tl_opt_free(&o);
		return TL_EXIT_USAGE;
	}
	tl_render_format fmt = TL_RENDER_TEXT;
	tl_render_format_parse(tl_opt_str(&o, "format"), &fmt);
	tl_check_options co = TL_CHECK_OPTIONS_INIT;
	const char *rv = tl_opt_str(&o, "revisions");
	co.read.revisions = !strcmp(rv, "reject") ? TL_REVISIONS_REJECT
	                    : !strcmp(rv, "both") ? TL_REVISIONS_BOTH : TL_REVISIONS_ACCEPT;
	co.report_lang = tl_opt_str(&o, "lang");
	if (fmt == TL_RENDER_HTML || tl_opt_flag(&o, "with-text"))
		co.flags |= TL_CHECK_F_TEXT;
	tl_batch_options bo = TL_BATCH_OPTIONS_INIT;
	double jobs = 0, tlim = bo.time_limit, mlim = 2048;
	int rc = TL_EXIT_OK;
	tl_waivers *waivers = NULL;
	tl_baseline *baseline = NULL;
	char **paths = NULL;
	size_t npaths = 0;
	const char *redline = tl_opt_str(&o, "redline");
	const tl_opt_value *inc = tl_opt_get(&o, "include"), *exc = tl_opt_get(&o, "exclude");
	const char **incs = NULL, **excs = NULL;
	/* --context TAG -> "TAG", --no-context TAG -> "!TAG" */
	const tl_opt_value *on = tl_opt_get(&o, "context"), *off = tl_opt_get(&o, "no-context");
	size_t nf = (on ? on->nvalues : 0) + (off ? off->nvalues : 0);
	const char **force = calloc(nf + 1, sizeof *force);
	char **offs = calloc(nf + 1, sizeof *offs);
	int quiet = tl_opt_flag(&o, "quiet") > 0;
	S_emit_ctx ec = {NULL, NULL, NULL, 0, NULL, quiet, 0, 0, 0, NULL, NULL, NULL, 0};
	S_run run = {&o, force, nf, NULL, 0, 0, NULL, NULL, 0, stdout, NULL, tl_opt_str(&o, "output"), fmt, &ec, 0};
	ec.run = &run;
	if (!force || !offs) {
		rc = TL_EXIT_INTERNAL;
		goto done;
	}
	if (tl_opt_double(&o, "jobs", 1, 256, &jobs) || tl_opt_double(&o, "time-limit", 0, 86400, &tlim) ||
	    tl_opt_double(&o, "memory-limit", 0, 1 << 20, &mlim) || tl_opt_limits(&o, "limit", &co.read.limits)) {
		rc = TL_EXIT_USAGE;
		goto done;
	}
	bo.jobs = (int)jobs;
	bo.time_limit = tlim;
	bo.mem_limit = (size_t)mlim << 20;
	if (tl_opt_get(&o, "shard") && tl_opt_get(&o, "shard")->count &&
	    !S_parse_shard(tl_opt_str(&o, "shard"), &bo.shard_k, &bo.shard_n)) {
		tl_opt_usage_error(&S_cmd, "--shard takes K/N with 1 <= K <= N, e.g. 3/8");
		rc = TL_EXIT_USAGE;
		goto done;
	}
	if (inc && inc->nvalues) {
		if (!(incs = calloc(inc->nvalues + 1, sizeof *incs))) {
			rc = TL_EXIT_INTERNAL;
			goto done;
		}
		memcpy(incs, inc->values, inc->nvalues * sizeof *incs);
		bo.include = incs;
	}
	if (exc && exc->nvalues) {
		if (!(excs = calloc(exc->nvalues + 1, sizeof *excs))) {
			rc = TL_EXIT_INTERNAL;
			goto done;
		}
		memcpy(excs, exc->values, exc->nvalues * sizeof *excs);
		bo.exclude = excs;
	}
	if (tl_opt_flag(&o, "all-files"))
		bo.flags |= TL_BATCH_F_ALL_FILES;
	if (!quiet)
		bo.flags |= TL_BATCH_F_PROGRESS;
	bo.flags |= TL_BATCH_F_NO_WAIT; /* check exits soon after the batch */
	size_t k = 0;
	for (size_t i = 0; on && i < on->nvalues; i++)
		force[k++] = on->values[i];
	for (size_t i = 0; off && i < off->nvalues; i++) {
		size_t n = strlen(off->values[i]) + 2;
		offs[i] = malloc(n);
		if (!offs[i]) {
			rc = TL_EXIT_INTERNAL;
			goto done;
		}
		snprintf(offs[i], n, "!%s", off->values[i]);
		force[k++] = offs[i];
	}
	co.force_contexts = nf ? force : NULL;

	/* Start-up overlaps: the workers start before any ruleset is loaded and
	 * load it while they read their first file; the parent takes the rule
	 * list for the report from the first (S_check, S_on_note).  Not with
	 * --redline, whose worker writes a file, nor under a --memory-limit below
	 * S_LAZY_MIN_MIB, which must leave room for the document, not the rules:
	 * then the parent loads first and the workers inherit the ruleset.  Until
	 * a ruleset is loaded, an error found first loads it, so a broken ruleset
	 * is still reported ahead of everything else. */
	int lazy = redline == NULL && (mlim == 0 || mlim >= S_LAZY_MIN_MIB);
	if (!lazy && (rc = S_load_rs(&run)) != 0)
		goto done;
	tl_error err = TL_ERROR_INIT;
	char msg[2048];
	const char *wpath = tl_opt_str(&o, "waivers"), *bpath = tl_opt_str(&o, "baseline");
	if (wpath && tl_waivers_load(&waivers, wpath, &err) != 0) {
		if ((rc = S_load_rs(&run)) != 0)
			goto done;
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint check: cannot load the waivers: %s\n", msg);
		rc = TL_EXIT_USAGE;
		goto done;
	}
	tl_error_clear(&err);
	if (bpath && tl_baseline_load(&baseline, bpath, &err) != 0) {
		if ((rc = S_load_rs(&run)) != 0)
			goto done;
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint check: cannot load the baseline: %s\n", msg);
		rc = TL_EXIT_USAGE;
		goto done;
	}
	if (tl_batch_collect(&paths, &npaths, (const char *const *)o.args, o.nargs, &bo, &err) != 0) {
		if ((rc = S_load_rs(&run)) == 0)
			rc = TL_EXIT_INTERNAL;
		goto done;
	}
	if (redline && npaths != 1) {
		tl_opt_usage_error(&S_cmd, "--redline takes exactly one input contract (got %zu)", npaths);
		rc = TL_EXIT_USAGE;
		goto done;
	}
	if (!npaths) {
		lazy = 0;
		if ((rc = S_load_rs(&run)) != 0)
			goto done;
		if (!quiet)
			fprintf(stderr, "tenderlint check: no contract files found in the inputs\n");
	}
	if (!lazy && (rc = S_open_report(&run, NULL)) != 0)
		goto done;
	/* One document: its worker is the only one busy and may annotate and
	 * match on two threads.  A batch keeps one per worker, so --jobs N never
	 * runs more threads than N. */
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	co.threads = npaths == 1 && ncpu >= 2 ? 2 : 1;
	/* hidden, for tests and measurements: TL_THREADS=1 or 2 forces the number */
	const char *force_threads = getenv("TL_THREADS");
	if (force_threads && (!strcmp(force_threads, "1") || !strcmp(force_threads, "2")))
		co.threads = force_threads[0] - '0';
	if (lazy) {
		bo.note = S_note;
		bo.on_note = S_on_note;
		bo.note_ctx = &run;
	}
	tl_render_options ro = TL_RENDER_OPTIONS_INIT;
	ro.lang = co.report_lang;
	const char *nc = getenv("NO_COLOR");
	if (tl_opt_flag(&o, "color") ||
	    (!tl_opt_flag(&o, "no-color") && !run.path && isatty(1) && !(nc && *nc)))
		ro.flags |= TL_RENDER_F_COLOR;
	S_work_ctx wc = {&run.rs, tl_opt_str(&o, "ruleset"), &co, tl_opt_str(&o, "fail-on"), waivers,
	                 baseline, redline, &ro, fmt == TL_RENDER_JSONL, fmt != TL_RENDER_JSONL, fmt, NULL};
	if (fmt == TL_RENDER_JSON) {
		bo.print = S_print;
		ec.texts = calloc(npaths + 1, sizeof *ec.texts);
		ec.lens = calloc(npaths + 1, sizeof *ec.lens);
		ec.flags = calloc(npaths + 1, sizeof *ec.flags);
		if (!ec.texts || !ec.lens || !ec.flags) {
			rc = TL_EXIT_INTERNAL;
			goto done;
		}
	}
	if (tl_batch_run(paths, npaths, &bo, S_work, &wc, S_emit, &ec, &err) != 0) {
		if (run.stop_rc) {
			rc = run.stop_rc;
			goto done;
		}
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint check: %s\n", msg);
		rc = TL_EXIT_INTERNAL;
		goto done;
	}
	if ((rc = S_need_report(&run)) != 0)
		goto done;
	/* --format json passes the workers' text on as it is, unless annexes,
	 * waivers or a baseline change documents after all */
	int direct = fmt == TL_RENDER_JSON && !waivers && !baseline;
	if (fmt == TL_RENDER_JSON && (direct ? S_link_texts(&ec, npaths, wc.level)
	                                     : S_texts_to_tree(&run, &ec, npaths)) != 0) {
		fprintf(stderr, "tenderlint check: out of memory\n");
		rc = TL_EXIT_INTERNAL;
		goto done;
	}
	if (!direct && wc.defer) {
		/* documents[] is complete: follow annexes, then waivers, baseline, --fail-on */
		if (tl_annex_link(ec.docs) < 0) {
			fprintf(stderr, "tenderlint check: out of memory linking annexes\n");
			rc = TL_EXIT_INTERNAL;
			goto done;
		}
		cJSON *d;
		cJSON_ArrayForEach(d, ec.docs)
		{
			if (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(d, "error")))
				ec.failing |= S_finish(&wc, d);
		}
	}
	if (direct ? S_write_json(&run, &ec, npaths, &err) != 0
	           : fmt != TL_RENDER_JSONL && tl_render(run.report, fmt, &ro, run.out, &err) != 0) {
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint check: %s\n", msg);
		rc = TL_EXIT_INTERNAL;
		goto done;
	}
	rc = ec.internal ? TL_EXIT_INTERNAL
	     : ec.unreadable ? TL_EXIT_UNREADABLE
	     : ec.failing ? TL_EXIT_FINDINGS : TL_EXIT_OK;
done:
	if (ec.syncer && tl_syncer_finish(ec.syncer) != 0 && rc != TL_EXIT_USAGE) {
		fprintf(stderr, "tenderlint check: cannot write the report: %s\n", strerror(errno));
		rc = TL_EXIT_INTERNAL;
	}
	if (run.out != stdout) {
		if (fclose(run.out) != 0 && rc < TL_EXIT_USAGE)
			rc = TL_EXIT_INTERNAL;
		if (run.tmp_out) {
			if (rc == TL_EXIT_INTERNAL || rename(run.tmp_out, run.path) != 0) {
				if (rc != TL_EXIT_INTERNAL)
					fprintf(stderr, "tenderlint check: cannot write %s: %s\n", run.path, strerror(errno));
				unlink(run.tmp_out);
				rc = TL_EXIT_INTERNAL;
			}
		}
	}
	free(run.tmp_out);
	free(run.head);
	for (size_t i = 0; ec.texts && i < npaths; i++)
		free(ec.texts[i]);
	free(ec.texts);
	free(ec.lens);
	free(ec.flags);
	for (size_t i = 0; offs && i < nf; i++)
		free(offs[i]);
	free(offs);
	free(force);
	free(incs);
	free(excs);
	tl_batch_paths_free(paths, npaths);
	cJSON_Delete(run.report);
	tl_waivers_free(waivers);
	tl_baseline_free(baseline);
	tl_ruleset_free(run.rs);
	tl_opt_free(&o);
	return rc;
}
