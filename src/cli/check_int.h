/* check_int.h: shared by the files of `tenderlint check`: cmd_check.c
 * (options, and the run in its order), check_work.c (what a worker process
 * does with one file and tells the parent) and check_emit.c (the parent:
 * the report, its output, each document as a worker sends it).  Like all
 * of the CLI they use only tenderlint.h. */
#ifndef TL_CLI_CHECK_INT_H
#define TL_CLI_CHECK_INT_H

#include <stdio.h>

#include "cli/check_sync.h"
#include "cli/opt.h"
#include "tenderlint.h"

/* The command: its options and help, for usage errors (cmd_check.c). */
extern const tl_opt_cmd tl_ck_cmd;

/* A document's flags (with tl_batch's TL_BATCH_DOC_*) */
#define TL_CK_DOC_FAILING 0x100u /* a finding reaches the --fail-on level */
#define TL_CK_DOC_INTERNAL 0x200u /* the redline could not be written */
#define TL_CK_DOC_PRETTY 0x400u /* the text is tl_render_json_document's, not unformatted */
#define TL_CK_DOC_FWTEXT 0x800u /* a framework's own text: an annex other documents may follow */
#define TL_CK_DOC_FAILS_ALONE 0x1000u /* reaches --fail-on before annexes, waivers and baselines */
#define TL_CK_DOC_DECLARES 0x2000u /* declares a framework: it may follow an annex */

/* What a worker needs to check a file (tl_ck_work). */
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
	int defer;              /* waivers, baseline and --fail-on in the parent (tl_ck_finish) */
	tl_render_format fmt;   /* json: documents as they stand in the report (tl_ck_print) */
	char *note;             /* in a worker: for the parent, sent after this file (tl_ck_note) */
} tl_ck_work_ctx;

typedef struct tl_ck_run tl_ck_run;

/* The parent's side of each document as it comes (tl_ck_emit). */
typedef struct {
	tl_ck_run *run;         /* the report is made before the first document */
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
} tl_ck_emit_ctx;

/* The parent's side of a run: the ruleset, the report and its output. */
struct tl_ck_run {
	const tl_opts *o;
	const char *const *force; /* --context / --no-context */
	size_t nf;
	tl_ruleset *rs;
	int rs_done, rs_rc;     /* tl_ck_load_rs ran, with this result */
	cJSON *report;
	char *head;             /* or the report's text up to its documents, from a note */
	size_t headlen;
	FILE *out;
	char *tmp_out;
	const char *path;       /* --output */
	tl_render_format fmt;
	tl_ck_emit_ctx *ec;
	int stop_rc;            /* the exit code that stopped the batch */
};

/** ## In the worker (check_work.c) */

/* 1 when a finding of the document reaches the --fail-on level. */
int tl_ck_fails(const cJSON *doc, const char *level);
/* Waivers, baseline, then the --fail-on test: 1 when the document fails. */
int tl_ck_finish(const tl_ck_work_ctx *w, cJSON *d);
/* The first forced context tag (--context/--no-context) the ruleset lacks, or NULL. */
const char *tl_ck_missing_context(const tl_ruleset *rs, const char *const *force);
/* tl_batch's worker, printer and note callbacks (ctx: a tl_ck_work_ctx). */
cJSON *tl_ck_work(const char *path, void *ctx, unsigned *flags);
char *tl_ck_print(const cJSON *d, void *ctx);
char *tl_ck_note(void *ctx);

/** ## In the parent (check_emit.c) */

/* tl_batch's emit callback (ctx: a tl_ck_emit_ctx). */
int tl_ck_emit(size_t index, const char *path, const char *json, size_t len, unsigned flags,
               void *ctx);
/* tl_batch's on_note callback (ctx: a tl_ck_run). */
int tl_ck_on_note(const char *text, size_t len, void *ctx);
/* Loads the ruleset (once) and checks the forced context tags: 0, or the
 * exit code after the message. */
int tl_ck_load_rs(tl_ck_run *r);
/* The report, its output file and the JSON Lines header: 0, or the exit code. */
int tl_ck_open_report(tl_ck_run *r, cJSON *rep);
/* The report, made now if no worker's note brought it: 0, or the exit code. */
int tl_ck_need_report(tl_ck_run *r);
/* --format json: the documents' texts as trees in the report (0, -1 out of memory). */
int tl_ck_texts_to_tree(tl_ck_run *r, tl_ck_emit_ctx *e, size_t n);
/* --format json: annex links among the documents' texts (0, -1 out of memory). */
int tl_ck_link_texts(tl_ck_emit_ctx *e, size_t n, const char *level);
/* --format json written from the head and the documents' texts. */
int tl_ck_write_json(const tl_ck_run *r, const tl_ck_emit_ctx *e, size_t n, tl_error *err);

#endif
