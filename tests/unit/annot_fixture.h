/* annot_fixture.h: builds a small document from lines of text for the
 * annotation tests ("# " starts a heading, "- " a list item, "| a | b |" a
 * table row of cells), without depending on a reader. */
#ifndef TL_ANNOT_FIXTURE_H
#define TL_ANNOT_FIXTURE_H
#include <stdlib.h>
#include <string.h>

#include "analyze/annot.h"
#include "model/doc.h"

static tl_document *fx_doc(const char *text)
{
	tl_document *d = tl_doc_new("test.txt", TL_FORMAT_TEXT, NULL);
	tl_error err = TL_ERROR_INIT;
	int32_t idx = 0, table = -1, row = 0, ntables = 0;
	const char *p = text;
	while (d && *p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len > 0 && p[0] == '|') {
			if (table < 0) /* each run of rows is the next table */
				table = ntables++, row = 0;
			int32_t col = 0;
			const char *c = p + 1, *end = p + len;
			while (c < end) {
				const char *bar = memchr(c, '|', (size_t)(end - c));
				if (!bar)
					break;
				tl_para *para = tl_doc_add_para(d, TL_PARA_CELL, "body", idx++, c, (size_t)(bar - c), &err);
				if (para) {
					para->table = table;
					para->row = row;
					para->col = col++;
				}
				c = bar + 1;
			}
			row++;
		} else if (len > 0) {
			table = table >= 0 ? -2 : table;
			tl_para_kind kind = TL_PARA_BODY;
			int outline = 0;
			int list = 0;
			const char *s = p;
			size_t sl = len;
			while (sl > 0 && s[0] == '#') {
				outline++;
				s++;
				sl--;
			}
			if (outline) {
				kind = TL_PARA_HEADING;
				while (sl > 0 && s[0] == ' ')
					s++, sl--;
			} else if (sl > 2 && s[0] == '-' && s[1] == ' ') {
				list = 1;
				s += 2;
				sl -= 2;
			}
			tl_para *para = tl_doc_add_para(d, kind, "body", idx++, s, sl, &err);
			if (para) {
				para->outline = outline;
				if (list) {
					para->flags |= TL_PARA_F_LIST;
					para->list_level = 1;
				}
			}
		}
		p = e ? e + 1 : p + len;
	}
	if (d && tl_doc_finish(d, &err) != 0) {
		tl_document_free(d);
		return NULL;
	}
	return d;
}

/* The usual preambles: the parties and the data, defined as most contracts
 * define them, before the sentence under test. */
static const char fx_pre_nl[] =
	"Opdrachtgever: de Gemeente (hierna: \"Opdrachtgever\"). Opdrachtnemer: de leverancier (hierna: "
	"\"Opdrachtnemer\"). \"Gegevens\": alle gegevens die Opdrachtnemer in het kader van de "
	"Overeenkomst verwerkt.\n";
static const char fx_pre_en[] =
	"The Municipality (the \"Customer\") and the supplier (the \"Supplier\"). \"Customer Data\" "
	"means all data processed by the Supplier under this Agreement.\n";

/* Annotates text; NULL on failure. *doc receives the document to free. */
static tl_annotated *fx_annotate(const char *text, tl_document **doc)
{
	*doc = fx_doc(text);
	if (!*doc)
		return NULL;
	tl_annotated *a = NULL;
	tl_error err = TL_ERROR_INIT;
	if (tl_annotate(&a, *doc, &err) != 0) {
		fprintf(stderr, "tl_annotate: %s\n", err.message);
		return NULL;
	}
	return a;
}
/* Annotates the preamble pre followed by sentence on a line of its own (the
 * usual fx_pre_nl / fx_pre_en and the sentence under test); NULL on failure. */
static inline tl_annotated *fx_annotate_pre(const char *pre, const char *sentence, tl_document **doc)
{
	char text[2048];
	snprintf(text, sizeof text, "%s%s\n", pre, sentence);
	return fx_annotate(text, doc);
}

/* The first sentence unit whose text starts with `prefix` (its index in
 * *idx when idx is not NULL), or NULL. */
static inline const tl_sentence *fx_find_at(const tl_annotated *a, const char *prefix, uint32_t *idx)
{
	size_t np;
	const tl_para *p = tl_document_paras(a->doc, &np);
	for (uint32_t k = 0; k < a->nsent; k++) {
		const tl_sentence *s = &a->sent[k];
		if (!strncmp(p[s->para].text + s->start, prefix, strlen(prefix))) {
			if (idx)
				*idx = k;
			return s;
		}
	}
	return NULL;
}

static inline const tl_sentence *fx_find(const tl_annotated *a, const char *prefix)
{
	return fx_find_at(a, prefix, NULL);
}

/* The role of the defined term `term` (as written) after annotating text, or -1
 * when the text defines no such term. */
/* The bound role of the sentence unit starting with `prefix` in text, or -1. */
static inline int fx_bound(const char *text, const char *prefix)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	const tl_sentence *s = a ? fx_find(a, prefix) : NULL;
	int role = s ? (int)s->bound : -1;
	tl_annotated_free(a);
	tl_document_free(d);
	return role;
}

static inline int fx_term_role(const char *text, const char *term)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	int role = -1;
	for (uint32_t i = 0; a && i < a->nterms; i++)
		if (!strcmp(a->terms[i].term, term))
			role = (int)a->terms[i].role;
	tl_annotated_free(a);
	tl_document_free(d);
	return role;
}

#endif
