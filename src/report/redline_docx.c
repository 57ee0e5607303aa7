/* redline_docx.c: the DOCX back with a comment on each gap and each
 * suggested clause inserted as a tracked change (w:ins, author "tenderlint").
 *
 * Only the main part, the comments part and (when the comments part is new)
 * the main part's relationships and [Content_Types].xml change; every other
 * member is copied as it was.  Paragraphs are counted as the DOCX reader
 * counts them (src/ingest/docx_body.c): every w:p in document order, except
 * those in an unchosen mc:AlternateContent branch, in property subtrees, in
 * table rows the view leaves out, and in content a tracked change hides.
 * Each anchor is then checked against the evidence quote. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report/redline.h"
#include "report/render.h"
#include "util/buf.h"

#define S_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define S_W_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define S_MC "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define S_AUTHOR "tenderlint"

typedef struct {
	xmlDocPtr doc;
	xmlNsPtr ns;          /* the WordprocessingML namespace as declared on the root */
	const char *href;
	tl_revisions view;
	xmlNodePtr *paras;
	size_t npara, cap;
	char **texts;
	long max_id;
	int oom;
} S_doc;

static int S_el(xmlNodePtr n, const char *href, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, href) &&
	       !strcmp((const char *)n->name, name);
}

static int S_w(S_doc *d, xmlNodePtr n, const char *name)
{
	return S_el(n, d->href, name);
}

/* An mc:Choice the reader takes: every Requires prefix names a namespace it knows. */
static int S_understood(xmlNodePtr choice)
{
	xmlChar *req = xmlGetProp(choice, BAD_CAST "Requires");
	int ok = req != NULL;
	char *save = NULL;
	for (char *p = req ? strtok_r((char *)req, " \t\r\n", &save) : NULL; p && ok;
	     p = strtok_r(NULL, " \t\r\n", &save)) {
		xmlNsPtr ns = xmlSearchNs(choice->doc, choice, BAD_CAST p);
		const char *u = ns ? (const char *)ns->href : NULL;
		ok = u && (!strncmp(u, "http://schemas.microsoft.com/office/word/", 41) ||
		           !strcmp(u, "http://schemas.microsoft.com/office/drawing/2010/main") ||
		           !strcmp(u, "urn:schemas-microsoft-com:vml") ||
		           !strcmp(u, "urn:schemas-microsoft-com:office:office") ||
		           !strcmp(u, "urn:schemas-microsoft-com:office:word"));
	}
	xmlFree(req);
	return ok;
}

static int S_row_hidden(S_doc *d, xmlNodePtr tr)
{
	for (xmlNodePtr c = tr->children; c; c = c->next) {
		if (!S_w(d, c, "trPr"))
			continue;
		for (xmlNodePtr k = c->children; k; k = k->next) {
			if (S_w(d, k, "del") && d->view == TL_REVISIONS_ACCEPT)
				return 1;
			if (S_w(d, k, "ins") && d->view == TL_REVISIONS_REJECT)
				return 1;
		}
	}
	return 0;
}

static int S_skipped(S_doc *d, xmlNodePtr c)
{
	static const char *const skip[] = {"tblPr", "tblGrid", "tblPrEx", "sectPr", "sdtPr", "sdtEndPr",
	                                   "smartTagPr", "customXmlPr", "rt", "numberingChange", NULL};
	const char *n = (const char *)c->name;
	for (int i = 0; skip[i]; i++)
		if (!strcmp(n, skip[i]))
			return 1;
	if (strstr(n, "PrChange"))
		return 1;
	if (d->view == TL_REVISIONS_ACCEPT && (!strcmp(n, "del") || !strcmp(n, "moveFrom")))
		return 1;
	if (d->view == TL_REVISIONS_REJECT && (!strcmp(n, "ins") || !strcmp(n, "moveTo")))
		return 1;
	return !strcmp(n, "tr") && S_row_hidden(d, c);
}

static void S_walk(S_doc *d, xmlNodePtr n);

static void S_alternate(S_doc *d, xmlNodePtr ac)
{
	for (xmlNodePtr c = ac->children; c; c = c->next) {
		if (S_el(c, S_MC, "Choice") && S_understood(c)) {
			S_walk(d, c);
			return;
		}
		if (S_el(c, S_MC, "Fallback")) {
			S_walk(d, c);
			return;
		}
	}
}

static void S_walk(S_doc *d, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c && !d->oom; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (S_el(c, S_MC, "AlternateContent")) {
			S_alternate(d, c);
			continue;
		}
		if (c->ns && !strcmp((const char *)c->ns->href, d->href)) {
			if (S_skipped(d, c))
				continue;
			if (!strcmp((const char *)c->name, "p")) {
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
		}
		S_walk(d, c);
	}
}

/* The visible text of one paragraph (without nested text-box paragraphs). */
static void S_ptext(S_doc *d, xmlNodePtr n, tl_buf *b)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (S_el(c, S_MC, "Fallback") || S_w(d, c, "txbxContent") || S_w(d, c, "p") ||
		    (c->ns && !strcmp((const char *)c->ns->href, d->href) && S_skipped(d, c)))
			continue;
		if (S_w(d, c, "t")) {
			xmlChar *t = xmlNodeGetContent(c);
			if (t)
				tl_buf_puts(b, (const char *)t);
			xmlFree(t);
		} else if (S_w(d, c, "tab") || S_w(d, c, "br") || S_w(d, c, "cr")) {
			tl_buf_putc(b, ' ');
		} else {
			S_ptext(d, c, b);
		}
	}
}

static void S_max_id(S_doc *d, xmlNodePtr n)
{
	for (xmlNodePtr c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr a = c->properties; a; a = a->next) {
			if (a->ns && !strcmp((const char *)a->name, "id") &&
			    !strcmp((const char *)a->ns->href, d->href)) {
				xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
				char *end = NULL;
				long id = v ? strtol((const char *)v, &end, 10) : -1;
				if (v && end && !*end && id > d->max_id && id < 0x7fff0000L)
					d->max_id = id;
				xmlFree(v);
			}
		}
		S_max_id(d, c->children);
	}
}

static xmlNodePtr S_new(S_doc *d, xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewNode(d->ns, BAD_CAST name);
	if (!n) {
		d->oom = 1;
		return NULL;
	}
	if (parent)
		xmlAddChild(parent, n);
	return n;
}

static void S_attr(S_doc *d, xmlNodePtr n, const char *name, const char *val)
{
	if (n && !xmlNewNsProp(n, d->ns, BAD_CAST name, BAD_CAST val))
		d->oom = 1;
}

static void S_id_attr(S_doc *d, xmlNodePtr n, long id)
{
	char v[24];
	snprintf(v, sizeof v, "%ld", id);
	S_attr(d, n, "id", v);
}

static void S_run_text(S_doc *d, xmlNodePtr parent, const char *text)
{
	xmlNodePtr r = S_new(d, parent, "r");
	xmlNodePtr t = r ? S_new(d, r, "t") : NULL;
	char *clean = tl_rl_clean(text);
	if (!t || !clean) {
		d->oom = 1;
		free(clean);
		return;
	}
	xmlNodeSetSpacePreserve(t, 1);
	xmlNodeAddContent(t, BAD_CAST clean);
	free(clean);
}

/* A new paragraph holding `text`, the whole of it a tracked insertion. */
static xmlNodePtr S_ins_para(S_doc *d, const char *text, const char *date)
{
	xmlNodePtr p = S_new(d, NULL, "p");
	xmlNodePtr ppr = S_new(d, p, "pPr");
	xmlNodePtr rpr = S_new(d, ppr, "rPr");
	xmlNodePtr mark = S_new(d, rpr, "ins");
	S_id_attr(d, mark, ++d->max_id);
	S_attr(d, mark, "author", S_AUTHOR);
	S_attr(d, mark, "date", date);
	xmlNodePtr ins = S_new(d, p, "ins");
	S_id_attr(d, ins, ++d->max_id);
	S_attr(d, ins, "author", S_AUTHOR);
	S_attr(d, ins, "date", date);
	if (ins)
		S_run_text(d, ins, text);
	return p;
}

/* The paragraph's visible text, mapped to its w:t elements (tabs and breaks
 * as spaces), in the order S_ptext reads it. */
static void S_map(S_doc *d, xmlNodePtr n, tl_rl_map *m)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (S_el(c, S_MC, "Fallback") || S_w(d, c, "txbxContent") || S_w(d, c, "p") ||
		    (c->ns && !strcmp((const char *)c->ns->href, d->href) && S_skipped(d, c)))
			continue;
		if (S_w(d, c, "t") && S_w(d, c->parent, "r")) {
			xmlChar *t = xmlNodeGetContent(c);
			tl_rl_map_text(m, c, (const char *)t);
			xmlFree(t);
		} else if ((S_w(d, c, "tab") || S_w(d, c, "br") || S_w(d, c, "cr")) && S_w(d, c->parent, "r")) {
			tl_rl_map_space(m, c);
		} else {
			S_map(d, c, m);
		}
	}
}

static void S_set_text(xmlNodePtr t, const char *text, size_t len)
{
	xmlNodeSetContent(t, NULL);
	xmlNodeAddContentLen(t, BAD_CAST text, (int)len);
	xmlNodeSetSpacePreserve(t, 1);
}

/* Splits the run holding `el` (a w:t or a tab-like element) at byte k of
 * el, so that what follows starts a run of its own with the same
 * properties.  Returns that run, or NULL when nothing of the run follows;
 * *moved is the w:t that now holds el's text from k on (el itself when the
 * split falls before it). */
static xmlNodePtr S_split(S_doc *d, xmlNodePtr el, size_t k, xmlNodePtr *moved)
{
	xmlNodePtr run = el->parent, rpr = NULL, first = NULL;
	xmlChar *txt = S_w(d, el, "t") ? xmlNodeGetContent(el) : NULL;
	size_t len = txt ? strlen((const char *)txt) : 1;
	xmlNodePtr from; /* first node to move into the new run */
	*moved = el;
	for (xmlNodePtr c = run->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (S_w(d, c, "rPr"))
			rpr = c;
		else if (!first)
			first = c;
	}
	if (k == 0) {
		if (el == first) {
			xmlFree(txt);
			return run;
		}
		from = el;
	} else if (k >= len) {
		from = el->next;
		while (from && from->type != XML_ELEMENT_NODE)
			from = from->next;
		if (!from) {
			xmlFree(txt);
			return NULL;
		}
	} else {
		from = NULL;
	}
	xmlNodePtr r2 = S_new(d, NULL, "r");
	if (!r2) {
		xmlFree(txt);
		return NULL;
	}
	if (rpr) {
		xmlNodePtr copy = xmlCopyNode(rpr, 1);
		if (!copy)
			d->oom = 1;
		else
			xmlAddChild(r2, copy);
	}
	xmlNodePtr next = from;
	if (!from) { /* inside the text: the tail goes into a new w:t */
		xmlNodePtr t2 = S_new(d, r2, "t");
		if (t2)
			S_set_text(t2, (const char *)txt + k, len - k);
		S_set_text(el, (const char *)txt, k);
		*moved = t2;
		next = el->next;
	}
	while (next) {
		xmlNodePtr after = next->next;
		xmlUnlinkNode(next);
		xmlAddChild(r2, next);
		next = after;
	}
	xmlFree(txt);
	xmlAddNextSibling(run, r2);
	return r2;
}

static void S_reference(S_doc *d, xmlNodePtr after_end, long id)
{
	xmlNodePtr r = S_new(d, NULL, "r");
	xmlNodePtr ref = r ? S_new(d, r, "commentReference") : NULL;
	S_id_attr(d, ref, id);
	if (r)
		xmlAddNextSibling(after_end, r);
}

/* The comment range around the quote itself, split at its first and last
 * bytes; 0 when placed, -1 when the quote is not in the paragraph's text. */
static int S_anchor_quote(S_doc *d, xmlNodePtr p, long id, const char *quote)
{
	tl_rl_map m = {0};
	tl_rl_pos a, z;
	S_map(d, p, &m);
	int found = tl_rl_map_find(&m, quote, &a, &z);
	tl_rl_map_free(&m);
	if (found != 0 || !S_w(d, a.node->parent, "r") || !S_w(d, z.node->parent, "r"))
		return -1;
	/* the end first: splitting there leaves the start's node and offset valid */
	xmlNodePtr moved, end_run = z.node->parent;
	S_split(d, z.node, z.off + 1, &moved);
	xmlNodePtr end = S_new(d, NULL, "commentRangeEnd");
	S_id_attr(d, end, id);
	if (!end)
		return -1;
	xmlAddNextSibling(end_run, end);
	S_reference(d, end, id);
	xmlNodePtr start_run = S_split(d, a.node, a.off, &moved);
	xmlNodePtr start = S_new(d, NULL, "commentRangeStart");
	S_id_attr(d, start, id);
	if (start && start_run)
		xmlAddPrevSibling(start_run, start);
	return 0;
}

static void S_anchor_comment(S_doc *d, xmlNodePtr p, long id, const char *quote)
{
	if (quote && S_anchor_quote(d, p, id, quote) == 0)
		return;
	xmlNodePtr start = S_new(d, NULL, "commentRangeStart");
	xmlNodePtr first = p->children;
	while (first && first->type != XML_ELEMENT_NODE)
		first = first->next;
	S_id_attr(d, start, id);
	if (!start)
		return;
	if (first && S_w(d, first, "pPr"))
		xmlAddNextSibling(first, start);
	else if (p->children)
		xmlAddPrevSibling(p->children, start);
	else
		xmlAddChild(p, start);
	xmlNodePtr end = S_new(d, p, "commentRangeEnd");
	S_id_attr(d, end, id);
	xmlNodePtr r = S_new(d, p, "r");
	xmlNodePtr ref = r ? S_new(d, r, "commentReference") : NULL;
	S_id_attr(d, ref, id);
}

static void S_comment(S_doc *d, xmlNodePtr comments, long id, const char *note, const char *date)
{
	xmlNodePtr c = S_new(d, comments, "comment");
	S_id_attr(d, c, id);
	S_attr(d, c, "author", S_AUTHOR);
	S_attr(d, c, "date", date);
	S_attr(d, c, "initials", "TL");
	const char *line = note;
	for (int first = 1; c && line; first = 0) {
		const char *nl = strchr(line, '\n');
		char *one = nl ? strndup(line, (size_t)(nl - line)) : strdup(line);
		xmlNodePtr p = S_new(d, c, "p");
		if (!one || !p) {
			free(one);
			d->oom = 1;
			return;
		}
		if (first) {
			xmlNodePtr r = S_new(d, p, "r");
			S_new(d, r, "annotationRef");
		}
		S_run_text(d, p, one);
		free(one);
		line = nl ? nl + 1 : NULL;
	}
}

/* The body-level element holding n (a table for a cell paragraph, the
 * paragraph holding a text box): a clause is inserted after it. */
static xmlNodePtr S_body_level(S_doc *d, xmlNodePtr n)
{
	while (n && n->parent && !S_w(d, n->parent, "body"))
		n = n->parent;
	return n && n->parent ? n : NULL;
}

static int S_load_comments(tl_rl_docx_pkg *k, S_doc *cd, zip_t *za, S_doc *d, tl_error *err)
{
	char *data = NULL;
	size_t len = 0;
	int rc = tl_rl_read(za, k->comments_part, &data, &len, err);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		rc = tl_rl_parse(&k->comments, data, len, k->comments_part, err);
		free(data);
		if (rc)
			return rc;
	} else {
		k->comments = xmlNewDoc(BAD_CAST "1.0");
		xmlNodePtr root = k->comments ? xmlNewNode(NULL, BAD_CAST "comments") : NULL;
		if (!root)
			return tl_error_set(err, TL_ENOMEM, "redline: out of memory");
		xmlNsPtr ns = xmlNewNs(root, BAD_CAST d->href, BAD_CAST "w");
		xmlSetNs(root, ns);
		xmlDocSetRootElement(k->comments, root);
		k->comments->standalone = 1;
	}
	xmlNodePtr root = xmlDocGetRootElement(k->comments);
	cd->doc = k->comments;
	cd->href = d->href;
	cd->ns = xmlSearchNsByHref(k->comments, root, BAD_CAST d->href);
	if (!cd->ns)
		return tl_error_set(err, TL_EXML_PARSE, "%s: not a WordprocessingML comments part", k->comments_part);
	S_max_id(cd, root);
	return 0;
}

typedef struct {
	xmlNodePtr target, last; /* body-level element and the last paragraph inserted after it */
} S_slot;

static int S_apply(S_doc *d, S_doc *cd, const cJSON *doc, const char *main_part, const char *lang,
                   const char *date, tl_error *err)
{
	tl_rl_item *items = NULL;
	size_t nitems = 0, nslots = 0;
	int rc = tl_rl_plan(doc, main_part, &items, &nitems, err);
	S_slot *slots = nitems ? calloc(nitems, sizeof *slots) : NULL;
	xmlNodePtr body = NULL;
	if (rc)
		return rc;
	if (nitems && !slots) {
		free(items);
		return tl_error_set(err, TL_ENOMEM, "redline: out of memory");
	}
	for (xmlNodePtr c = xmlDocGetRootElement(d->doc)->children; c && !body; c = c->next)
		if (S_w(d, c, "body"))
			body = c;
	xmlNodePtr last_body_p = NULL;
	for (xmlNodePtr c = body ? body->last : NULL; c && !last_body_p; c = c->prev)
		if (S_w(d, c, "p"))
			last_body_p = c;
	if (nitems && !last_body_p) {
		free(items);
		free(slots);
		return tl_error_set(err, TL_EINVAL, "%s: the document body has no paragraph to anchor comments at",
		                    main_part);
	}
	for (size_t i = 0; i < nitems && !d->oom && !cd->oom; i++) {
		tl_rl_item *it = &items[i];
		long a = it->anchor >= 0 ? tl_rl_locate(it->anchor, it->quote, d->texts, d->npara) : -1;
		xmlNodePtr anchor = a >= 0 ? d->paras[a] : NULL;
		xmlNodePtr at = NULL;
		if (it->insert_after >= 0 && it->insert_after < (long)d->npara)
			at = d->paras[it->insert_after];
		else if (anchor)
			at = anchor;
		xmlNodePtr target = at ? S_body_level(d, at) : NULL;
		if (!target)
			target = last_body_p;
		if (!anchor)
			anchor = at && S_w(d, at, "p") ? at : last_body_p;
		/* the comment */
		tl_buf note = TL_BUF_INIT((size_t)1 << 20);
		if (tl_render_finding_note(&note, it->finding, lang, it->text != NULL)) {
			tl_buf_free(&note);
			d->oom = 1;
			break;
		}
		/* one id space for comments and revisions, above every id in use */
		long cid = (cd->max_id > d->max_id ? cd->max_id : d->max_id) + 1;
		d->max_id = cd->max_id = cid;
		S_anchor_comment(d, anchor, cid, a >= 0 ? it->quote : NULL);
		S_comment(cd, xmlDocGetRootElement(cd->doc), cid, note.data ? note.data : "", date);
		tl_buf_free(&note);
		if (!it->text)
			continue;
		/* the clause, one paragraph per line, after what was inserted there before */
		S_slot *s = NULL;
		for (size_t k = 0; k < nslots && !s; k++)
			if (slots[k].target == target)
				s = &slots[k];
		if (!s) {
			s = &slots[nslots++];
			s->target = s->last = target;
		}
		const char *line = it->text;
		while (line && !d->oom) {
			const char *nl = strchr(line, '\n');
			char *one = nl ? strndup(line, (size_t)(nl - line)) : strdup(line);
			if (!one) {
				d->oom = 1;
				break;
			}
			if (*one) {
				xmlNodePtr p = S_ins_para(d, one, date);
				if (p && !xmlAddNextSibling(s->last, p)) {
					xmlFreeNode(p);
					d->oom = 1;
				} else if (p) {
					s->last = p;
				}
			}
			free(one);
			line = nl ? nl + 1 : NULL;
		}
	}
	free(items);
	free(slots);
	return d->oom || cd->oom ? tl_error_set(err, TL_ENOMEM, "redline: out of memory") : 0;
}

int tl_redline_docx(const cJSON *doc, const char *input, const char *output, zip_t *za,
                    const char *lang, tl_error *err)
{
	S_doc d = {0}, cd = {0};
	tl_rl_docx_pkg k = {0};
	char *main_part = NULL, *data = NULL;
	size_t len = 0;
	tl_rl_member m[4];
	size_t nm = 0;
	char date[32];
	time_t now = tl_rl_time();
	const char *view = tl_rj_str(tl_rj_obj(doc, "revisions"), "view");
	tl_rl_iso(now, date, sizeof date);
	memset(m, 0, sizeof m);
	d.view = view && !strcmp(view, "reject") ? TL_REVISIONS_REJECT
	         : view && !strcmp(view, "both") ? TL_REVISIONS_BOTH
	                                         : TL_REVISIONS_ACCEPT;
	int rc = tl_rl_docx_main_part(za, &main_part, err);
	if (!rc && (rc = tl_rl_read(za, main_part, &data, &len, err)) > 0)
		rc = tl_error_set(err, TL_EPKG_MISSING_PART, "%s is missing", main_part);
	if (!rc)
		rc = tl_rl_parse(&d.doc, data, len, main_part, err);
	free(data);
	data = NULL;
	if (rc)
		goto done;
	xmlNodePtr root = xmlDocGetRootElement(d.doc);
	d.href = S_W;
	if (!(d.ns = xmlSearchNsByHref(d.doc, root, BAD_CAST S_W))) {
		d.href = S_W_STRICT;
		d.ns = xmlSearchNsByHref(d.doc, root, BAD_CAST S_W_STRICT);
	}
	if (!d.ns) {
		rc = tl_error_set(err, TL_EXML_PARSE, "%s: not a WordprocessingML document", main_part);
		goto done;
	}
	S_walk(&d, root);
	d.texts = d.npara ? calloc(d.npara, sizeof *d.texts) : NULL;
	if (d.oom || (d.npara && !d.texts)) {
		rc = tl_error_set(err, TL_ENOMEM, "redline: out of memory");
		goto done;
	}
	for (size_t i = 0; i < d.npara; i++) {
		tl_buf b = TL_BUF_INIT((size_t)64 << 20);
		S_ptext(&d, d.paras[i], &b);
		d.texts[i] = tl_rl_norm(b.data ? b.data : "");
		tl_buf_free(&b);
		if (!d.texts[i]) {
			rc = tl_error_set(err, TL_ENOMEM, "redline: out of memory");
			goto done;
		}
	}
	S_max_id(&d, root);
	if ((rc = tl_rl_docx_comments_part(&k, za, main_part, !strcmp(d.href, S_W_STRICT), err)) != 0 ||
	    (rc = S_load_comments(&k, &cd, za, &d, err)) != 0 ||
	    (rc = S_apply(&d, &cd, doc, main_part, lang, date, err)) != 0)
		goto done;
	m[nm].name = main_part;
	if ((rc = tl_rl_dump(d.doc, &m[nm].data, &m[nm].len, err)) != 0)
		goto done;
	nm++;
	m[nm].name = k.comments_part;
	if ((rc = tl_rl_dump(k.comments, &m[nm].data, &m[nm].len, err)) != 0)
		goto done;
	nm++;
	if (k.rels_changed) {
		m[nm].name = k.rels_part;
		if ((rc = tl_rl_dump(k.rels, &m[nm].data, &m[nm].len, err)) != 0)
			goto done;
		nm++;
	}
	if (k.ct_changed) {
		m[nm].name = "[Content_Types].xml";
		if ((rc = tl_rl_dump(k.ct, &m[nm].data, &m[nm].len, err)) != 0)
			goto done;
		nm++;
	}
	rc = tl_rl_write_package(input, output, m, nm, now, err);
done:
	for (size_t i = 0; i < nm; i++)
		free(m[i].data);
	for (size_t i = 0; d.texts && i < d.npara; i++)
		free(d.texts[i]);
	free(d.texts);
	free(d.paras);
	xmlFreeDoc(d.doc);
	xmlFreeDoc(k.rels);
	xmlFreeDoc(k.ct);
	xmlFreeDoc(k.comments);
	free(k.comments_part);
	free(k.rels_part);
	free(main_part);
	return rc;
}
