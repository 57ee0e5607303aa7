/* docx_fixture.h: reads WordprocessingML parts given as strings, without a
 * ZIP, through the DOCX reader's own functions (for test_docx*.c and
 * test_numbering.c). */
#ifndef TL_DOCX_FIXTURE_H
#define TL_DOCX_FIXTURE_H
#include <stdlib.h>
#include <string.h>

#include "ingest/docx_int.h"

#define W_NS                                                                                      \
	" xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""                  \
	" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""                  \
	" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""           \
	" xmlns:cx9=\"http://example.com/unknown-extension\""                                        \
	" xmlns:v=\"urn:schemas-microsoft-com:vml\""
#define W_DOC(body) "<w:document" W_NS "><w:body>" body "</w:body></w:document>"
#define W_STYLES(s) "<w:styles" W_NS ">" s "</w:styles>"
#define W_NUMBERING(s) "<w:numbering" W_NS ">" s "</w:numbering>"
#define W_FOOTNOTES(s) "<w:footnotes" W_NS ">" s "</w:footnotes>"
#define W_COMMENTS(s) "<w:comments" W_NS ">" s "</w:comments>"
#define W_ENDNOTES(s) "<w:endnotes" W_NS ">" s "</w:endnotes>"
#define P(x) "<w:p>" x "</w:p>"
#define R(x) "<w:r><w:t xml:space=\"preserve\">" x "</w:t></w:r>"

typedef struct fx_parts {
	const char *styles, *numbering, *body, *footnotes, *endnotes, *comments;
	tl_revisions view;
} fx_parts;

/* One read in one mode (slow: the reader only, as after TL_DOCX_SLOW);
 * the document or NULL with *rc set. */
static tl_document *fx_read_mode(const fx_parts *f, int slow, tl_error *err, int *rc_out)
{
	static tl_read_options o = TL_READ_OPTIONS_INIT;
	o.revisions = f->view;
	tl_docx dx;
	memset(&dx, 0, sizeof dx);
	dx.o = &o;
	dx.slow = slow;
	dx.styles.default_para = -1;
	dx.doc = tl_doc_new("fixture.docx", TL_FORMAT_DOCX, &o.limits);
	dx.doc->rev.view = f->view;
	int rc = 0;
	if (f->styles)
		rc = tl_docx_styles_parse(&dx.styles, dx.doc, "word/styles.xml", f->styles,
		                          strlen(f->styles), slow, err);
	if (!rc && f->numbering)
		rc = tl_docx_numbering_parse(&dx.numbering, dx.doc, "word/numbering.xml", f->numbering,
		                             strlen(f->numbering), slow, err);
	tl_docx_numbering_resolve(&dx.numbering, &dx.styles, 64);
	if (!rc && f->body)
		rc = tl_docx_read_story(&dx, TL_DOCX_STORY_BODY, "word/document.xml", f->body,
		                        strlen(f->body), err);
	if (!rc && f->footnotes)
		rc = tl_docx_read_story(&dx, TL_DOCX_STORY_FOOTNOTES, "word/footnotes.xml", f->footnotes,
		                        strlen(f->footnotes), err);
	if (!rc && f->endnotes)
		rc = tl_docx_read_story(&dx, TL_DOCX_STORY_ENDNOTES, "word/endnotes.xml", f->endnotes,
		                        strlen(f->endnotes), err);
	if (!rc && f->comments)
		rc = tl_docx_read_story(&dx, TL_DOCX_STORY_COMMENTS, "word/comments.xml", f->comments,
		                        strlen(f->comments), err);
	if (!rc)
		rc = tl_doc_finish(dx.doc, err);
	tl_docx_styles_free(&dx.styles);
	tl_docx_numbering_free(&dx.numbering);
	free(dx.refs);
	*rc_out = rc;
	if (rc) {
		tl_document_free(dx.doc);
		return NULL;
	}
	return dx.doc;
}

static int fx_streq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* 1 when two reads of the same parts gave the same model */
static int fx_same(const tl_document *a, const tl_document *b)
{
	size_t na = 0, nb = 0;
	const tl_para *pa = tl_document_paras(a, &na), *pb = tl_document_paras(b, &nb);
	if (na != nb)
		return 0;
	for (size_t i = 0; i < na; i++) {
		const tl_para *x = &pa[i], *y = &pb[i];
		if (x->kind != y->kind || x->flags != y->flags || x->part_index != y->part_index ||
		    x->outline != y->outline || x->list_level != y->list_level || !fx_streq(x->label, y->label) ||
		    !fx_streq(x->style, y->style) || !fx_streq(x->text, y->text) || x->table != y->table ||
		    x->row != y->row || x->col != y->col || x->ref != y->ref || x->ref_end != y->ref_end ||
		    !fx_streq(x->note_id, y->note_id) || !fx_streq(x->author, y->author))
			return 0;
	}
	const tl_revision_info *ra = tl_document_revisions(a), *rb = tl_document_revisions(b);
	return ra->pending == rb->pending && ra->insertions == rb->insertions &&
	       ra->deletions == rb->deletions && ra->moves == rb->moves &&
	       ra->format_changes == rb->format_changes && ra->nauthors == rb->nauthors;
}

/* NULL on error (printed).  Reads as tl_docx_read does (the fast pass, the
 * reader when it does not take a part) and checks that the reader alone
 * gives the same model, or the same error. */
static tl_document *fx_read(const fx_parts *f)
{
	tl_error err = TL_ERROR_INIT, err2 = TL_ERROR_INIT;
	int rc = 0, rc2 = 0;
	tl_document *d = fx_read_mode(f, 0, &err, &rc);
	tl_document *d2 = fx_read_mode(f, 1, &err2, &rc2);
	if (rc == TL_DOCX_SLOW) { /* the fast pass left it to the reader */
		err = err2;
		rc = rc2;
	} else if (rc != rc2 || (rc && strcmp(err.message, err2.message) != 0) ||
	           (!rc && !fx_same(d, d2))) {
		fprintf(stderr, "fixture: the fast pass and the reader disagree (%d/%d: %s / %s)\n", rc, rc2,
		        err.message, err2.message);
		tl_document_free(d);
		tl_document_free(d2);
		return NULL;
	} else {
		tl_document_free(d2);
		d2 = d;
	}
	if (rc) {
		char msg[1024];
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "fixture read failed: %s\n", msg);
		tl_document_free(d2);
		return NULL;
	}
	return d2;
}

/* all paragraph texts of one kind joined by '|' */
static const char *fx_texts(const tl_document *d, int kind)
{
	static char buf[4096];
	size_t n = 0, np = 0;
	const tl_para *p = tl_document_paras(d, &np);
	buf[0] = 0;
	for (size_t i = 0; i < np; i++) {
		if (kind >= 0 && (int)p[i].kind != kind)
			continue;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? "|" : "", p[i].text);
		if (n >= sizeof buf)
			break;
	}
	return buf;
}
#endif
