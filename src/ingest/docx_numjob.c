/* docx_numjob.c: numbering.xml parsed on a helper thread while the main
 * thread inflates and reads the body.
 *
 * Only the parse moves: the member is inflated on the main thread, in the
 * package order of the sequential read (the ZIP handle and its inflation cap
 * are not shared).  The helper writes into its own tl_docx_numbering and its
 * own arena (a scratch document with the limits of the real one, capped at
 * what the real arena has left); body paragraphs that need a number meanwhile
 * wait in order (docx_para.c), and tl_docx_numjob_finish numbers them, so
 * counters advance in document order as before.  The fast pass only answers
 * 0 or TL_DOCX_SLOW, and a failure of the helper wins over anything the body
 * read found after it: the sequential read would have stopped at numbering. */
#include <stdlib.h>
#include <string.h>

#include "ingest/docx_int.h"
#include "util/task.h"

struct tl_docx_numjob {
	tl_task *th;
	tl_document *scratch;  /* arena of the helper's strings, freed with the read */
	size_t used0;          /* scratch arena bytes before the parse */
	char *data;
	size_t len;
	tl_docx_numbering nb;
	int rc;
	tl_error err;
};

static void *S_main(void *arg)
{
	tl_docx_numjob *j = arg;
	j->rc = tl_docx_numbering_parse(&j->nb, j->scratch, NULL, j->data, j->len, 0, &j->err);
	return NULL;
}

int tl_docx_numjob_start(tl_docx *dx, char *data, size_t len)
{
	const tl_arena *a = &dx->doc->arena;
	if (dx->slow || dx->numjob || (a->cap && a->used_total >= a->cap))
		return 0;
	tl_docx_numjob *j = calloc(1, sizeof *j);
	if (!j)
		return 0;
	j->scratch = tl_doc_new(NULL, TL_FORMAT_DOCX, &dx->doc->limits);
	if (!j->scratch) {
		free(j);
		return 0;
	}
	j->used0 = j->scratch->arena.used_total;
	/* the helper may use what the sequential read would have had left */
	j->scratch->arena.cap = a->cap ? a->cap - a->used_total + j->used0 : 0;
	j->data = data;
	j->len = len;
	if (tl_task_start(&j->th, S_main, j) != 0) {
		tl_document_free(j->scratch);
		free(j);
		return 0;
	}
	dx->numjob = j;
	return 1;
}

int tl_docx_numjob_finish(tl_docx *dx, tl_error *err)
{
	tl_docx_numjob *j = dx->numjob;
	if (!j)
		return dx->num_rc;
	tl_task_join(j->th);
	dx->numjob = NULL;
	free(j->data);
	j->data = NULL;
	/* the strings stay in the scratch arena, counted against the real one */
	dx->doc->arena.used_total += j->scratch->arena.used_total - j->used0;
	int rc = j->rc;
	if (rc == 0) {
		tl_docx_numbering_free(&dx->numbering);
		dx->numbering = j->nb;
		memset(&j->nb, 0, sizeof j->nb);
		unsigned hops = dx->doc->limits.max_ref_hops ? dx->doc->limits.max_ref_hops : 64;
		tl_docx_numbering_resolve(&dx->numbering, &dx->styles, hops);
		rc = tl_docx_numwait_flush(dx);
	} else {
		dx->num_rc = rc;
		if (err && rc < 0)
			*err = j->err;
		tl_docx_numbering_free(&j->nb);
	}
	/* the scratch document lives until the read ends (the levels' strings) */
	dx->numscratch = j->scratch;
	free(j);
	return rc;
}
