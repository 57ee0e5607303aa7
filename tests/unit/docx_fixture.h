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

/* NULL on error (printed). */
static tl_document *fx_read(const fx_parts *f)
{
	static tl_read_options o = TL_READ_OPTIONS_INIT;
	o.revisions = f->view;
	tl_error err = TL_ERROR_INIT;
	tl_docx dx;
	memset(&dx, 0, sizeof dx);
	dx.o = &o;
	dx.styles.default_para = -1;
	dx.doc = tl_doc_new("fixture.docx", TL_FORMAT_DOCX, &o.limits);
	dx.doc->rev.view = f->view;
	int rc = 0;
	if (f->styles)
		rc = tl_docx_styles_parse(&dx.styles, dx.doc, "word/styles.xml", f->styles,
		                          strlen(f->styles), &err);
	if (!rc && f->numbering)
		rc = tl_docx_numbering_parse(&dx.numbering, dx.doc, "word/numbering.xml", f->numbering,
		                             strlen(f->numbering), &err);
	tl_docx_numbering_resolve(&dx.numbering, &dx.styles, 64);
	if (!rc && f->body)
		rc = tl_docx_read_story(&dx, TL_DOCX_STORY_BODY, "word/document.xml", f->body,
		                        strlen(f->body), &err);
	if (!rc && f->footnotes)
		rc = tl_docx_read_story(&dx, TL_DOCX_STORY_FOOTNOTES, "word/footnotes.xml", f->footnotes,
		                        strlen(f->footnotes), &err);
	if (!rc && f->endnotes)
		rc = tl_docx_read_story(&dx, TL_DOCX_STORY_ENDNOTES, "word/endnotes.xml", f->endnotes,
		                        strlen(f->endnotes), &err);
	if (!rc && f->comments)
		rc = tl_docx_read_story(&dx, TL_DOCX_STORY_COMMENTS, "word/comments.xml", f->comments,
		                        strlen(f->comments), &err);
	if (!rc)
		rc = tl_doc_finish(dx.doc, &err);
	tl_docx_styles_free(&dx.styles);
	tl_docx_numbering_free(&dx.numbering);
	free(dx.refs);
	if (rc) {
		char msg[1024];
		tl_error_format(&err, msg, sizeof msg);
		fprintf(stderr, "fixture read failed: %s\n", msg);
		tl_document_free(dx.doc);
		return NULL;
	}
	return dx.doc;
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
