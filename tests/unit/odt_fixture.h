/* odt_fixture.h: builds flat ODT documents in memory for the ODT unit tests
 * and prints a read document one paragraph a line, so that a test states
 * its expected model as text:
 *
 *   <kind>[ L<list level>][ H<outline>][ [label]][ (table,row,col)][ ->ref[..end]]
 *         [ @author][ #note id][ +ins][ +del][ +hidden][ +toc][ +list] | text
 */
#ifndef TL_ODT_FIXTURE_H
#define TL_ODT_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "ingest/readers.h"
#include "tenderlint.h"
#include "util/buf.h"

#define ODT_NS                                                                            \
	" xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""                \
	" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""                  \
	" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""                    \
	" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""                  \
	" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""                 \
	" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""         \
	" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""           \
	" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""                                    \
	" xmlns:xlink=\"http://www.w3.org/1999/xlink\""                                     \
	" xmlns:loext=\"urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0\""

/* A flat ODT with the given common styles, automatic styles, master pages and
 * body (office:text content); any may be "". */
static char *odt_flat(const char *styles, const char *autos, const char *master, const char *body)
{
	tl_buf b = TL_BUF_INIT(0);
	tl_buf_printf(&b,
	              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document" ODT_NS
	              " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">"
	              "<office:meta><dc:title>Fixture</dc:title></office:meta>"
	              "<office:styles>%s</office:styles><office:automatic-styles>%s</office:automatic-styles>"
	              "<office:master-styles>%s</office:master-styles>"
	              "<office:body><office:text>%s</office:text></office:body></office:document>",
	              styles, autos, master, body);
	return b.data;
}

static tl_document *odt_read_view(const char *styles, const char *autos, const char *master,
                                  const char *body, tl_revisions view, tl_error *err)
{
	char *xml = odt_flat(styles, autos, master, body);
	tl_read_options o = TL_READ_OPTIONS_INIT;
	o.revisions = view;
	tl_document *d = NULL;
	int rc = tl_fodt_read(&d, "fixture.fodt", xml, strlen(xml), &o, err);
	free(xml);
	if (rc) {
		char msg[1024];
		tl_error_format(err, msg, sizeof msg);
		fprintf(stderr, "read failed: %s\n", msg);
	}
	return d;
}

static tl_document *odt_read(const char *styles, const char *autos, const char *body)
{
	tl_error err = TL_ERROR_INIT;
	return odt_read_view(styles, autos, "", body, TL_REVISIONS_ACCEPT, &err);
}

/* Set to 1 to print each paragraph's style as " {style}" after its kind. */
static int odt_dump_style;

/* The dump described above; caller frees. */
static char *odt_dump(const tl_document *d)
{
	tl_buf b = TL_BUF_INIT(0);
	size_t n = 0;
	const tl_para *p = d ? tl_document_paras(d, &n) : NULL;
	for (size_t i = 0; i < n; i++, p++) {
		tl_buf_puts(&b, tl_para_kind_name(p->kind));
		if (odt_dump_style && p->style)
			tl_buf_printf(&b, " {%s}", p->style);
		if (p->list_level)
			tl_buf_printf(&b, " L%d", (int)p->list_level);
		if (p->outline)
			tl_buf_printf(&b, " H%d", (int)p->outline);
		if (p->label)
			tl_buf_printf(&b, " [%s]", p->label);
		if (p->table >= 0)
			tl_buf_printf(&b, " (%d,%d,%d)", (int)p->table, (int)p->row, (int)p->col);
		if (p->ref >= 0)
			tl_buf_printf(&b, " ->%d", (int)p->ref);
		if (p->kind == TL_PARA_COMMENT && p->ref_end >= 0 && p->ref_end != p->ref)
			tl_buf_printf(&b, "..%d", (int)p->ref_end);
		if (p->author)
			tl_buf_printf(&b, " @%s", p->author);
		if (p->note_id)
			tl_buf_printf(&b, " #%s", p->note_id);
		if (p->flags & TL_PARA_F_INSERTED)
			tl_buf_puts(&b, " +ins");
		if (p->flags & TL_PARA_F_DELETED)
			tl_buf_puts(&b, " +del");
		if (p->flags & TL_PARA_F_HIDDEN)
			tl_buf_puts(&b, " +hidden");
		if (p->flags & TL_PARA_F_TOC)
			tl_buf_puts(&b, " +toc");
		tl_buf_printf(&b, " | %s\n", p->text);
	}
	if (!b.data)
		tl_buf_puts(&b, "");
	return b.data;
}

#endif
