/* doc.h: the document model as the readers build it (internal).
 *
 * Readers (src/ingest) append paragraphs in reading order with tl_doc_add_para,
 * then call tl_doc_finish, which builds the clause tree (outline.c).  Every
 * string lives in the document's arena. */
#ifndef TL_MODEL_DOC_H
#define TL_MODEL_DOC_H

#include <string.h>

#include "tenderlint.h"
#include "util/arena.h"
#include "util/buf.h"

struct tl_document {
	tl_arena arena;
	const char *path;
	tl_format format;
	const char *title;
	tl_limits limits;

	tl_para *paras;   /* malloc'd, grows; pointers into it are stable only after finish */
	size_t npara, apara;
	tl_clause *clauses; /* malloc'd */
	size_t nclause;

	tl_revision_info rev;
	const char **authors; /* arena */
	int32_t aauthors;

	tl_buf scratch;       /* tl_doc_normalize's working buffer, reused */
};

/* Table cells: q is a cell of the same part and table as p (or also of the
 * same row).  A table's ordinal counts within its part, so both are compared. */
static inline int tl_para_same_part(const tl_para *p, const tl_para *q)
{
	return p->part == q->part || (p->part && q->part && !strcmp(p->part, q->part));
}
static inline int tl_para_same_table(const tl_para *p, const tl_para *q)
{
	return q->kind == TL_PARA_CELL && p->kind == TL_PARA_CELL && q->table == p->table &&
	       tl_para_same_part(p, q);
}
static inline int tl_para_same_row(const tl_para *p, const tl_para *q)
{
	return tl_para_same_table(p, q) && q->row == p->row;
}

tl_document *tl_doc_new(const char *path, tl_format format, const tl_limits *limits);

/* Appends a paragraph: copies `text`, normalises it (NFC, whitespace runs to
 * one space, trimmed) into the arena.  The returned pointer is valid until the
 * next tl_doc_add_para; fields other than text/len/kind/part/part_index/index
 * start as "none" (-1 or 0/NULL) for the reader to fill.  Returns NULL with err
 * set on TL_ELIMIT_NODES / TL_ELIMIT_TEXT / TL_ENOMEM. */
tl_para *tl_doc_add_para(tl_document *doc, tl_para_kind kind, const char *part, int32_t part_index,
                         const char *text, size_t len, tl_error *err);

/* Room for n paragraphs (at most max_nodes) before the array has to grow: a
 * reader that knows roughly how many will come (from a part's size) spares
 * the copies and page faults of growing it step by step.  0 or TL_ENOMEM. */
int tl_doc_reserve(tl_document *doc, size_t n);

/* Interns a string in the arena (NULL in, NULL out). */
const char *tl_doc_str(tl_document *doc, const char *s);
const char *tl_doc_strn(tl_document *doc, const char *s, size_t n);

/* Records a tracked-change author once. */
int tl_doc_add_author(tl_document *doc, const char *author);

/* Builds the clause tree from headings, list labels and typed numbers
 * (outline.c), and sets each paragraph's `clause`.  Call once, last. */
int tl_doc_finish(tl_document *doc, tl_error *err);

/* Normalises text: NFC, any Unicode whitespace run (including no-break
 * space) to one ASCII space, soft hyphens and zero-width characters removed,
 * trimmed.  Output into the arena; NULL on failure. */
char *tl_doc_normalize(tl_document *doc, const char *text, size_t len, size_t *outlen);

#endif
