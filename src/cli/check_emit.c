/* check_emit.c: `tenderlint check` in the parent process: the report and
 * its output, and each document as a worker sends it (tl_ck_emit): JSON
 * Lines written and made durable at once, --format json kept as the text
 * it will stand in the report, other formats collected as trees for
 * tl_render.  The report's rule list comes from the first worker's note
 * (tl_ck_on_note) unless the parent has to load the ruleset itself.  After
 * the batch, --format json is linked across annexes and written from the
 * kept texts (tl_ck_link_texts, tl_ck_write_json), or turned back into trees
 * when waivers or a baseline must change documents (tl_ck_texts_to_tree). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/check_int.h"
#include "cli/exit.h"

/* --format json keeps each document as the text it will be in the report
 * (a result the pool made itself is unformatted, and is reprinted). */
static int S_keep_text(tl_ck_emit_ctx *e, size_t index, const char *json, size_t len, unsigned flags)
{
	char *t = NULL;
	size_t n = len;
	if (flags & TL_CK_DOC_PRETTY) {
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

int tl_ck_emit(size_t index, const char *path, const char *json, size_t len, unsigned flags,
                  void *ctx)
{
	tl_ck_emit_ctx *e = ctx;
	if (tl_ck_need_report(e->run) != 0)
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
	e->failing |= (flags & TL_CK_DOC_FAILING) != 0;
	e->internal |= (flags & TL_CK_DOC_INTERNAL) != 0;
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

/* Loads the ruleset (once) and checks the forced context tags: 0, or the
 * exit code after the message. */
int tl_ck_load_rs(tl_ck_run *r)
{
	if (r->rs_done)
		return r->rs_rc;
	r->rs_done = 1;
	tl_error err = TL_ERROR_INIT;
	char msg[2048];
	if (tl_ruleset_load_for_check(&r->rs, tl_opt_str(r->o, "ruleset"), &err) != 0) {
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "tenderlint check: cannot load the ruleset: %s\n", msg);
		return r->rs_rc = err.code == TL_ENOMEM ? TL_EXIT_INTERNAL : TL_EXIT_USAGE;
	}
	const char *missing = tl_ck_missing_context(r->rs, r->force);
	if (missing) {
		tl_opt_usage_error(&tl_ck_cmd, "the ruleset has no context '%s'", missing);
		return r->rs_rc = TL_EXIT_USAGE;
	}
	return 0;
}

/* The report (`rep` from a worker's note, else tl_report_new), its output
 * file and, for JSON Lines, the header line.  0, or the exit code. */
int tl_ck_open_report(tl_ck_run *r, cJSON *rep)
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
int tl_ck_need_report(tl_ck_run *r)
{
	if (r->report || r->head || r->stop_rc)
		return r->stop_rc;
	int rc = tl_ck_load_rs(r);
	if (!rc)
		rc = tl_ck_open_report(r, NULL);
	return r->stop_rc = rc;
}

/* In the parent: a worker's first note (S_make_note).  The parent loads no
 * ruleset of its own: the report's rule list, all it needs one for, comes
 * from the first worker, which loads while it reads its first file. */
int tl_ck_on_note(const char *text, size_t len, void *ctx)
{
	tl_ck_run *r = ctx;
	if (r->report || r->head || r->stop_rc)
		return r->stop_rc;
	const char *end = NULL;
	cJSON *n = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(n, "head")) && end && end < text + len &&
	    *end == '\n') {
		cJSON_Delete(n);
		r->headlen = len - (size_t)(end + 1 - text);
		if (!(r->head = malloc(r->headlen + 1)))
			return 0; /* tl_ck_need_report loads one later */
		memcpy(r->head, end + 1, r->headlen);
		r->head[r->headlen] = '\0';
		return r->stop_rc = tl_ck_open_report(r, NULL);
	}
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(n, "ruleset_error");
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(n, "context");
	cJSON *rep = cJSON_DetachItemFromObjectCaseSensitive(n, "report");
	if (cJSON_IsString(e)) {
		fprintf(stderr, "tenderlint check: cannot load the ruleset: %s\n", e->valuestring);
		r->stop_rc = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(n, "nomem")) ? TL_EXIT_INTERNAL
		                                                                          : TL_EXIT_USAGE;
	} else if (cJSON_IsString(c)) {
		tl_opt_usage_error(&tl_ck_cmd, "the ruleset has no context '%s'", c->valuestring);
		r->stop_rc = TL_EXIT_USAGE;
	} else if (cJSON_IsObject(rep)) {
		r->stop_rc = tl_ck_open_report(r, rep);
		rep = NULL;
	}
	cJSON_Delete(rep);
	cJSON_Delete(n);
	return r->stop_rc; /* no report (out of memory): tl_ck_need_report loads one later */
}

/* --format json, when something must change documents after all (annexes,
 * waivers, a baseline): the report and its documents as a tree again. */
int tl_ck_texts_to_tree(tl_ck_run *r, tl_ck_emit_ctx *e, size_t n)
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
int tl_ck_link_texts(tl_ck_emit_ctx *e, size_t n, const char *level)
{
	cJSON *part = cJSON_CreateArray();
	int rc = part ? 0 : -1;
	for (size_t i = 0; i < n && !rc; i++) {
		if (!(e->flags[i] & (TL_CK_DOC_FWTEXT | TL_CK_DOC_DECLARES)))
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
		if (!(e->flags[i] & (TL_CK_DOC_FWTEXT | TL_CK_DOC_DECLARES))) {
			e->failing |= (e->flags[i] & TL_CK_DOC_FAILS_ALONE) != 0;
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
		e->failing |= tl_ck_fails(d, level);
		d = d->next;
	}
	cJSON_Delete(part);
	return rc;
}

/* --format json as tl_render writes it, from the head and the documents' texts. */
int tl_ck_write_json(const tl_ck_run *r, const tl_ck_emit_ctx *e, size_t n, tl_error *err)
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
