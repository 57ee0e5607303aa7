/* redline_odt.c: the ODT back with an office:annotation on each gap and each
 * suggested clause inserted as a tracked change (text:tracked-changes with a
 * text:changed-region/text:insertion by dc:creator "tenderlint", and
 * text:change-start/text:change-end marks in the body).
 *
 * Only content.xml changes; every other member (mimetype first and stored
 * included) is copied as it was.  Paragraphs (text:p and text:h) are counted
 * in document order as the ODT reader counts them, without the deleted
 * content inside text:tracked-changes; each anchor is checked against the
 * evidence quote.  The change marks follow LibreOffice: a change-start at the
 * end of the paragraph the clause follows (the paragraph break is part of the
 * insertion, so rejecting it leaves no empty paragraph) and a change-end at
 * the end of the last inserted paragraph. */
#include <stdlib.h>
#include <string.h>

#include "report/redline.h"
#include "report/render.h"
#include "util/buf.h"

#define S_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define S_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define S_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define S_DC "http://purl.org/dc/elements/1.1/"
#define S_XML "http://www.w3.org/XML/1998/namespace"
#define S_AUTHOR "tenderlint"

typedef struct {
	xmlDocPtr doc;
	xmlNsPtr office, text, dc;
	xmlNodePtr body; /* office:text */
	xmlNodePtr *paras;
	size_t npara, cap;
	char **texts;
	int oom;
} S_doc;

static int S_el(xmlNodePtr n, const char *href, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, href) &&
	       !strcmp((const char *)n->name, name);
}

static int S_is_para(xmlNodePtr n)
{
	return S_el(n, S_TEXT, "p") || S_el(n, S_TEXT, "h");
}

static void S_walk(S_doc *d, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c && !d->oom; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || S_el(c, S_TEXT, "tracked-changes"))
			continue;
		if (S_is_para(c)) {
			if (d->npara == d->cap) {
				size_t nc = d->cap ? 2 * d->cap : 256;
				xmlNodePtr *np = realloc(d->paras, nc * sizeof *np);
				if (!np) {
					d->oom = 1;
					return;
				}
				d->paras = np;
				d->cap = nc;
			}
			d->paras[d->npara++] = c;
		}
		S_walk(d, c);
	}
}

static void S_ptext(xmlNodePtr n, tl_buf *b)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			tl_buf_puts(b, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || S_el(c, S_OFFICE, "annotation") || S_el(c, S_TEXT, "note") ||
		    S_is_para(c) || S_el(c, S_TEXT, "tracked-changes"))
			continue;
		if (S_el(c, S_TEXT, "s") || S_el(c, S_TEXT, "tab") || S_el(c, S_TEXT, "line-break"))
			tl_buf_putc(b, ' ');
		else
			S_ptext(c, b);
	}
}

static xmlNodePtr S_new(S_doc *d, xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *content)
{
	xmlNodePtr n = xmlNewNode(ns, BAD_CAST name);
	if (!n) {
		d->oom = 1;
		return NULL;
	}
	if (content) {
		char *clean = tl_rl_clean(content);
		if (!clean) {
			xmlFreeNode(n);
			d->oom = 1;
			return NULL;
		}
		xmlNodeAddContent(n, BAD_CAST clean);
		free(clean);
	}
	if (parent)
		xmlAddChild(parent, n);
	return n;
}

static void S_attr(S_doc *d, xmlNodePtr n, xmlNsPtr ns, const char *name, const char *val)
{
	if (n && !xmlNewNsProp(n, ns, BAD_CAST name, BAD_CAST val))
		d->oom = 1;
}

static xmlNsPtr S_ns(S_doc *d, xmlNodePtr root, const char *href, const char *prefix)
{
	xmlNsPtr ns = xmlSearchNsByHref(d->doc, root, BAD_CAST href);
	if (!ns)
		ns = xmlNewNs(root, BAD_CAST href, BAD_CAST prefix);
	if (!ns)
		d->oom = 1;
	return ns;
}

/* A unique name among the document's annotations and change ids. */
static int S_taken(xmlNodePtr n, const char *attr, xmlNsPtr ns, const char *val)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *v = xmlGetNsProp(n, BAD_CAST attr, ns ? ns->href : NULL);
		int hit = v && !strcmp((const char *)v, val);
		xmlFree(v);
		if (hit || S_taken(n->children, attr, ns, val))
			return 1;
	}
	return 0;
}

/* The paragraph's text mapped to its text nodes (text:s, text:tab and
 * text:line-break as spaces), without annotations and notes. */
static void S_map(xmlNodePtr n, tl_rl_map *m)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			tl_rl_map_text(m, c, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || S_el(c, S_OFFICE, "annotation") || S_el(c, S_TEXT, "note") ||
		    S_is_para(c) || S_el(c, S_TEXT, "tracked-changes"))
			continue;
		if (S_el(c, S_TEXT, "s") || S_el(c, S_TEXT, "tab") || S_el(c, S_TEXT, "line-break"))
			tl_rl_map_space(m, c);
		else
			S_map(c, m);
	}
}

/* Puts `el` at byte k of `at` (a text node, split there, or an element:
 * before it for k 0, after it otherwise).  The element goes in between the
 * halves before the tail is added, so libxml2 cannot merge them back. */
static int S_place(S_doc *d, xmlNodePtr at, size_t k, xmlNodePtr el)
{
	if (at->type != XML_TEXT_NODE) {
		return (k == 0 ? xmlAddPrevSibling(at, el) : xmlAddNextSibling(at, el)) ? 0 : -1;
	}
	size_t len = at->content ? strlen((const char *)at->content) : 0;
	if (k == 0)
		return xmlAddPrevSibling(at, el) ? 0 : -1;
	if (k >= len)
		return xmlAddNextSibling(at, el) ? 0 : -1;
	xmlNodePtr tail = xmlNewTextLen(at->content + k, (int)(len - k));
	xmlChar *head = xmlStrndup(at->content, (int)k);
	if (!tail || !head) {
		xmlFreeNode(tail);
		xmlFree(head);
		d->oom = 1;
		return -1;
	}
	xmlNodeSetContentLen(at, head, (int)k); /* a text node: copied as is */
	xmlFree(head);
	if (!xmlAddNextSibling(at, el) || !xmlAddNextSibling(el, tail)) {
		xmlFreeNode(tail);
		return -1;
	}
	return 0;
}

static xmlNodePtr S_annotation(S_doc *d, const char *name, const char *note, const char *date)
{
	xmlNodePtr ann = S_new(d, NULL, d->office, "annotation", NULL);
	if (!ann)
		return NULL;
	S_attr(d, ann, d->office, "name", name);
	S_new(d, ann, d->dc, "creator", S_AUTHOR);
	S_new(d, ann, d->dc, "date", date);
	for (const char *line = note; line && !d->oom;) {
		const char *nl = strchr(line, '\n');
		char *one = nl ? strndup(line, (size_t)(nl - line)) : strdup(line);
		if (!one) {
			d->oom = 1;
			break;
		}
		S_new(d, ann, d->text, "p", one);
		free(one);
		line = nl ? nl + 1 : NULL;
	}
	return ann;
}

static void S_annotate(S_doc *d, xmlNodePtr p, const char *name, const char *note, const char *date,
                       const char *quote)
{
	xmlNodePtr ann = S_annotation(d, name, note, date);
	xmlNodePtr end = S_new(d, NULL, d->office, "annotation-end", NULL);
	S_attr(d, end, d->office, "name", name);
	if (!ann || !end) {
		xmlFreeNode(ann);
		xmlFreeNode(end);
		return;
	}
	tl_rl_map m = {0};
	tl_rl_pos a, z;
	int found = -1;
	if (quote) {
		S_map(p, &m);
		found = tl_rl_map_find(&m, quote, &a, &z);
		tl_rl_map_free(&m);
	}
	/* the end first: placing it leaves the start's node and offset valid */
	if (found == 0 && S_place(d, z.node, z.off + 1, end) == 0 && S_place(d, a.node, a.off, ann) == 0)
		return;
	if (end->parent == NULL)
		xmlAddChild(p, end);
	if (p->children)
		xmlAddPrevSibling(p->children, ann);
	else
		xmlAddChild(p, ann);
}

static xmlNodePtr S_changes(S_doc *d)
{
	xmlNodePtr first = NULL;
	for (xmlNodePtr c = d->body->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (S_el(c, S_TEXT, "tracked-changes"))
			return c;
		if (!first)
			first = c;
	}
	xmlNodePtr tc = S_new(d, NULL, d->text, "tracked-changes", NULL);
	if (!tc)
		return NULL;
	if (first && S_el(first, S_OFFICE, "forms"))
		xmlAddNextSibling(first, tc);
	else if (d->body->children)
		xmlAddPrevSibling(d->body->children, tc);
	else
		xmlAddChild(d->body, tc);
	return tc;
}

static void S_region(S_doc *d, xmlNodePtr changes, const char *id, const char *date)
{
	xmlNodePtr r = S_new(d, changes, d->text, "changed-region", NULL);
	S_attr(d, r, d->text, "id", id);
	if (r && !xmlNewNsProp(r, xmlSearchNsByHref(d->doc, r, BAD_CAST S_XML), BAD_CAST "id", BAD_CAST id))
		d->oom = 1;
	xmlNodePtr ins = r ? S_new(d, r, d->text, "insertion", NULL) : NULL;
	xmlNodePtr info = ins ? S_new(d, ins, d->office, "change-info", NULL) : NULL;
	if (info) {
		S_new(d, info, d->dc, "creator", S_AUTHOR);
		S_new(d, info, d->dc, "date", date);
	}
}

static xmlNodePtr S_mark(S_doc *d, const char *name, const char *id)
{
	xmlNodePtr m = S_new(d, NULL, d->text, name, NULL);
	S_attr(d, m, d->text, "change-id", id);
	return m;
}

/* The block holding n that a clause can follow: a child of office:text or
 * of a text:section (a table for a cell paragraph, a list for an item). */
static xmlNodePtr S_block(S_doc *d, xmlNodePtr n)
{
	while (n && n->parent && n->parent != d->body && !S_el(n->parent, S_TEXT, "section"))
		n = n->parent;
	return n && n->parent ? n : NULL;
}

typedef struct {
	xmlNodePtr target, last;
} S_slot;

static int S_apply(S_doc *d, const cJSON *doc, const char *lang, const char *date, tl_error *err)
{
	tl_rl_item *items = NULL;
	size_t nitems = 0, nslots = 0;
	int rc = tl_rl_plan(doc, "content.xml", &items, &nitems, err), serial = 0;
	S_slot *slots = nitems ? calloc(nitems, sizeof *slots) : NULL;
	xmlNodePtr changes = NULL, last_p = NULL;
	if (rc)
		return rc;
	for (xmlNodePtr c = d->body->last; c && !last_p; c = c->prev)
		if (S_is_para(c))
			last_p = c;
	if (nitems && (!slots || !last_p)) {
		free(items);
		free(slots);
		return slots ? tl_error_set(err, TL_EINVAL, "content.xml: the text has no paragraph to anchor comments at")
		             : tl_error_set(err, TL_ENOMEM, "redline: out of memory");
	}
	for (size_t i = 0; i < nitems && !d->oom; i++) {
		tl_rl_item *it = &items[i];
		long a = it->anchor >= 0 ? tl_rl_locate(it->anchor, it->quote, d->texts, d->npara) : -1;
		xmlNodePtr anchor = a >= 0 ? d->paras[a] : NULL, at = NULL;
		if (it->insert_after >= 0 && it->insert_after < (long)d->npara)
			at = d->paras[it->insert_after];
		else if (anchor)
			at = anchor;
		xmlNodePtr target = at ? S_block(d, at) : NULL;
		if (!target)
			target = last_p;
		if (!anchor)
			anchor = at ? at : last_p;
		char name[64], id[80];
		do
			snprintf(name, sizeof name, "tenderlint-%d", ++serial);
		while (S_taken(d->body->children, "name", d->office, name));
		tl_buf note = TL_BUF_INIT((size_t)1 << 20);
		if (tl_render_finding_note(&note, it->finding, lang, it->text != NULL)) {
			tl_buf_free(&note);
			d->oom = 1;
			break;
		}
		S_annotate(d, anchor, name, note.data ? note.data : "", date, a >= 0 ? it->quote : NULL);
		tl_buf_free(&note);
		if (!it->text)
			continue;
		S_slot *s = NULL;
		for (size_t k = 0; k < nslots && !s; k++)
			if (slots[k].target == target)
				s = &slots[k];
		if (!s) {
			s = &slots[nslots++];
			s->target = s->last = target;
		}
		if (!changes && !(changes = S_changes(d)))
			break;
		snprintf(id, sizeof id, "%s-ct", name);
		S_region(d, changes, id, date);
		xmlNodePtr start = S_mark(d, "change-start", id), first_new = NULL, last_new = NULL;
		for (const char *line = it->text; line && !d->oom;) {
			const char *nl = strchr(line, '\n');
			char *one = nl ? strndup(line, (size_t)(nl - line)) : strdup(line);
			if (!one) {
				d->oom = 1;
				break;
			}
			if (*one) {
				xmlNodePtr p = S_new(d, NULL, d->text, "p", one);
				if (p && !xmlAddNextSibling(last_new ? last_new : s->last, p)) {
					xmlFreeNode(p);
					d->oom = 1;
				} else if (p) {
					last_new = p;
					if (!first_new)
						first_new = p;
				}
			}
			free(one);
			line = nl ? nl + 1 : NULL;
		}
		if (!last_new || !start) {
			xmlFreeNode(start);
			continue;
		}
		/* after a paragraph, its break belongs to the insertion; after a
		 * table or list, the insertion starts in the first new paragraph */
		if (S_is_para(s->last))
			xmlAddChild(s->last, start);
		else if (first_new->children)
			xmlAddPrevSibling(first_new->children, start);
		else
			xmlAddChild(first_new, start);
		xmlAddChild(last_new, S_mark(d, "change-end", id));
		s->last = last_new;
	}
	free(items);
	free(slots);
	return d->oom ? tl_error_set(err, TL_ENOMEM, "redline: out of memory") : 0;
}

int tl_redline_odt(const cJSON *doc, const char *input, const char *output, zip_t *za,
                   const char *lang, tl_error *err)
{
	S_doc d = {0};
	char *data = NULL, date[32];
	size_t len = 0;
	tl_rl_member m = {"content.xml", NULL, 0};
	time_t now = tl_rl_time();
	tl_rl_iso(now, date, sizeof date);
	int rc = tl_rl_read(za, "content.xml", &data, &len, err);
	if (rc > 0)
		rc = tl_error_set(err, TL_EPKG_MISSING_PART, "content.xml is missing");
	if (!rc)
		rc = tl_rl_parse(&d.doc, data, len, "content.xml", err);
	free(data);
	if (rc)
		goto done;
	xmlNodePtr root = xmlDocGetRootElement(d.doc);
	for (xmlNodePtr c = root->children; c && !d.body; c = c->next)
		if (S_el(c, S_OFFICE, "body"))
			for (xmlNodePtr t = c->children; t && !d.body; t = t->next)
				if (S_el(t, S_OFFICE, "text"))
					d.body = t;
	if (!d.body) {
		rc = tl_error_set(err, TL_EXML_PARSE, "content.xml: no office:text (not a text document)");
		goto done;
	}
	d.office = S_ns(&d, root, S_OFFICE, "office");
	d.text = S_ns(&d, root, S_TEXT, "text");
	d.dc = S_ns(&d, root, S_DC, "dc");
	S_walk(&d, d.body);
	d.texts = d.npara ? calloc(d.npara, sizeof *d.texts) : NULL;
	if (d.oom || (d.npara && !d.texts)) {
		rc = tl_error_set(err, TL_ENOMEM, "redline: out of memory");
		goto done;
	}
	for (size_t i = 0; i < d.npara; i++) {
		tl_buf b = TL_BUF_INIT((size_t)64 << 20);
		S_ptext(d.paras[i], &b);
		d.texts[i] = tl_rl_norm(b.data ? b.data : "");
		tl_buf_free(&b);
		if (!d.texts[i]) {
			rc = tl_error_set(err, TL_ENOMEM, "redline: out of memory");
			goto done;
		}
	}
	if ((rc = S_apply(&d, doc, lang, date, err)) != 0 ||
	    (rc = tl_rl_dump(d.doc, &m.data, &m.len, err)) != 0)
		goto done;
	rc = tl_rl_write_package(input, output, &m, 1, now, err);
done:
	free(m.data);
	for (size_t i = 0; d.texts && i < d.npara; i++)
		free(d.texts[i]);
	free(d.texts);
	free(d.paras);
	xmlFreeDoc(d.doc);
	return rc;
}
