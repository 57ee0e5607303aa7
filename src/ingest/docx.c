/* docx.c: the DOCX reader's entry point and package walk.
 *
 * The main part is found through _rels/.rels (the officeDocument
 * relationship), never assumed to be word/document.xml; its own .rels names
 * styles, numbering, notes, comments, headers and footers.  Stories are read
 * in this order: body, footnotes, endnotes, comments, headers, footers, so
 * notes and comments can point back at the body paragraph of their reference. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/docx_int.h"
#include "ingest/readers.h"

#define S_MAX_PARTS 256
/* numbering parts from this size on are parsed on a helper thread (when
 * allowed); a test build sets 0 to send every document through it */
#ifndef TL_DOCX_NUMJOB_MIN
#define TL_DOCX_NUMJOB_MIN (64 << 10)
#endif

long tl_docx_long(const char *s, long def, long lo, long hi)
{
	if (!s)
		return def;
	while (*s == ' ')
		s++;
	int neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	if (*s < '0' || *s > '9')
		return def;
	long long v = 0;
	for (; *s >= '0' && *s <= '9'; s++)
		if (v < 1000000000000LL)
			v = v * 10 + (*s - '0');
	if (neg)
		v = -v;
	return v < lo ? lo : v > hi ? hi : (long)v;
}

int tl_docx_is_w(xmlTextReaderPtr r)
{
	/* the node's own namespace, as xmlTextReaderConstNamespaceUri finds it
	 * but without interning the URI in the dictionary on every call */
	const xmlNode *n = xmlTextReaderCurrentNode(r);
	if (!n || (n->type != XML_ELEMENT_NODE && n->type != XML_ATTRIBUTE_NODE) || !n->ns ||
	    !n->ns->href)
		return 0;
	const char *ns = (const char *)n->ns->href;
	return strcmp(ns, TL_NS_W) == 0 || strcmp(ns, TL_NS_W_STRICT) == 0;
}

char *tl_docx_attr(xmlTextReaderPtr r, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttributeNs(r, BAD_CAST name, BAD_CAST TL_NS_W);
	if (!v)
		v = xmlTextReaderGetAttributeNs(r, BAD_CAST name, BAD_CAST TL_NS_W_STRICT);
	if (!v)
		v = xmlTextReaderGetAttribute(r, BAD_CAST name);
	return (char *)v;
}

int tl_docx_onoff(xmlTextReaderPtr r)
{
	char *v = tl_docx_attr(r, "val");
	int on = !(v && (strcmp(v, "false") == 0 || strcmp(v, "0") == 0 || strcmp(v, "off") == 0));
	xmlFree(v);
	return on;
}

int tl_docx_ref_add(tl_docx *dx, char what, long id, int32_t para)
{
	if (dx->nrefs >= dx->doc->limits.max_nodes)
		return 0; /* more references than paragraphs allowed: ignore the rest */
	if (dx->nrefs == dx->arefs) {
		size_t n = dx->arefs ? dx->arefs * 2 : 64;
		tl_docx_ref *v = realloc(dx->refs, n * sizeof *v);
		if (!v)
			return TL_ENOMEM;
		dx->refs = v;
		dx->arefs = n;
	}
	dx->refs[dx->nrefs++] = (tl_docx_ref){id, para, what};
	return 0;
}

/* by kind, id, then first occurrence (paragraph order) */
static int S_ref_cmp(const void *a, const void *b)
{
	const tl_docx_ref *x = a, *y = b;
	if (x->what != y->what)
		return x->what < y->what ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->para < y->para ? -1 : x->para > y->para;
}

void tl_docx_refs_sort(tl_docx *dx)
{
	if (dx->nrefs > 1 && dx->nsorted != dx->nrefs)
		qsort(dx->refs, dx->nrefs, sizeof *dx->refs, S_ref_cmp);
	dx->nsorted = dx->nrefs;
}

int32_t tl_docx_ref_find(const tl_docx *dx, char what, long id)
{
	size_t lo = 0, hi = dx->nsorted;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const tl_docx_ref *m = &dx->refs[mid];
		if (m->what < what || (m->what == what && m->id < id))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < dx->nsorted && dx->refs[lo].what == what && dx->refs[lo].id == id)
		return dx->refs[lo].para;
	return -1;
}

/* ## Relationships */
typedef struct S_rel {
	char type[24]; /* last segment of the Type URI: "officeDocument", "styles", ... */
	char *target;  /* resolved part name, malloc'd */
} S_rel;

typedef struct S_rels {
	S_rel v[S_MAX_PARTS];
	size_t n;
} S_rels;

static void S_rels_free(S_rels *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		free(rs->v[i].target);
	rs->n = 0;
}

static int S_hex(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Resolves Target against the folder of `source` ("word/document.xml"):
 * "/x" is absolute, "." and ".." segments are folded, %XX decoded. */
static char *S_resolve(const char *source, const char *target)
{
	size_t sl = strlen(source), tlen = strlen(target);
	char *out = malloc(sl + tlen + 2);
	if (!out)
		return NULL;
	size_t n = 0;
	if (target[0] != '/') {
		const char *slash = strrchr(source, '/');
		if (slash) {
			n = (size_t)(slash - source) + 1;
			memcpy(out, source, n);
		}
	}
	for (const char *p = target; *p; p++) {
		if (p[0] == '%' && S_hex(p[1]) >= 0 && S_hex(p[2]) >= 0) {
			out[n++] = (char)(S_hex(p[1]) * 16 + S_hex(p[2]));
			p += 2;
		} else {
			out[n++] = *p == '\\' ? '/' : *p;
		}
	}
	out[n] = 0;
	/* fold segments */
	char *res = malloc(n + 1);
	if (!res) {
		free(out);
		return NULL;
	}
	size_t m = 0;
	char *save = NULL;
	for (char *seg = strtok_r(out, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			while (m > 0 && res[m - 1] != '/')
				m--;
			if (m > 0)
				m--;
			continue;
		}
		if (m)
			res[m++] = '/';
		size_t k = strlen(seg);
		memcpy(res + m, seg, k);
		m += k;
	}
	res[m] = 0;
	free(out);
	return res;
}

/* Only the parts the reader uses are kept, so hundreds of image
 * relationships cannot push headers or styles past the cap. */
static int S_wanted(const char *type)
{
	static const char *const want[] = {"officeDocument", "styles", "numbering", "footnotes",
	                                   "endnotes", "comments", "header", "footer",
	                                   "core-properties"};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (strcmp(type, want[i]) == 0)
			return 1;
	return 0;
}

/* Reads the .rels part for `source` ("" for the package). Missing: rs empty. */
static int S_rels_read(tl_zip *z, const tl_document *doc, const char *source, S_rels *rs,
                       tl_error *err)
{
	char relname[1100];
	const char *slash = strrchr(source, '/');
	if (!*source)
		snprintf(relname, sizeof relname, "_rels/.rels");
	else if (slash)
		snprintf(relname, sizeof relname, "%.*s/_rels/%s.rels", (int)(slash - source), source,
		         slash + 1);
	else
		snprintf(relname, sizeof relname, "_rels/%s.rels", source);
	char *data = NULL;
	size_t len = 0;
	int rc = tl_zip_read(z, relname, 0, &data, &len, err);
	if (rc < 0)
		return rc;
	if (!data)
		return 0;
	xmlTextReaderPtr r = NULL;
	rc = tl_xml_reader(&r, data, len, relname, &doc->limits, err);
	if (rc < 0) {
		free(data);
		return rc;
	}
	while ((rc = tl_xml_next(r, relname, &doc->limits, err)) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
		    strcmp((const char *)xmlTextReaderConstLocalName(r), "Relationship") != 0)
			continue;
		char *type = (char *)xmlTextReaderGetAttribute(r, BAD_CAST "Type");
		char *target = (char *)xmlTextReaderGetAttribute(r, BAD_CAST "Target");
		char *mode = (char *)xmlTextReaderGetAttribute(r, BAD_CAST "TargetMode");
		const char *seg = type ? strrchr(type, '/') : NULL;
		if (type && target && !(mode && strcasecmp(mode, "External") == 0) && rs->n < S_MAX_PARTS &&
		    S_wanted(seg ? seg + 1 : type)) {
			S_rel *rel = &rs->v[rs->n];
			snprintf(rel->type, sizeof rel->type, "%s", seg ? seg + 1 : type);
			rel->target = S_resolve(source, target);
			if (rel->target)
				rs->n++;
		}
		xmlFree(type), xmlFree(target), xmlFree(mode);
	}
	xmlFreeTextReader(r);
	free(data);
	return rc < 0 ? rc : 0;
}

static const char *S_rel_target(const S_rels *rs, const char *type)
{
	for (size_t i = 0; i < rs->n; i++)
		if (strcmp(rs->v[i].type, type) == 0)
			return rs->v[i].target;
	return NULL;
}

/* Reads an optional part; *data NULL when absent. */
static int S_part(tl_zip *z, const char *name, char **data, size_t *len, tl_error *err)
{
	*data = NULL;
	*len = 0;
	if (!name)
		return 0;
	int rc = tl_zip_read(z, name, 0, data, len, err);
	return rc < 0 ? rc : 0;
}

static int S_story(tl_docx *dx, tl_zip *z, tl_docx_story story, const char *name, tl_error *err)
{
	char *data = NULL;
	size_t len = 0;
	int rc = S_part(z, name, &data, &len, err);
	if (rc == 0 && data) {
		const char *part = tl_doc_str(dx->doc, name);
		rc = part ? tl_docx_read_story(dx, story, part, data, len, err)
		          : tl_error_set(err, TL_ENOMEM, "out of memory");
	}
	free(data);
	return rc;
}

/* dc:title from the core properties, when there is one: the document title */
static int S_core_title(tl_docx *dx, tl_zip *z, const char *name, tl_error *err)
{
	char *data = NULL;
	size_t len = 0;
	int rc = S_part(z, name, &data, &len, err);
	if (rc != 0 || !data)
		return rc;
	xmlTextReaderPtr r = NULL;
	tl_buf b = TL_BUF_INIT(4096);
	rc = tl_xml_reader(&r, data, len, name, &dx->doc->limits, err);
	int in_title = 0;
	while (rc == 0 && (rc = tl_xml_next(r, name, &dx->doc->limits, err)) == 1) {
		rc = 0;
		int type = xmlTextReaderNodeType(r);
		const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
		const char *ln = (const char *)xmlTextReaderConstLocalName(r);
		if (type == XML_READER_TYPE_ELEMENT && ns && strcmp(ns, "http://purl.org/dc/elements/1.1/") == 0 &&
		    strcmp(ln, "title") == 0)
			in_title = !xmlTextReaderIsEmptyElement(r);
		else if (type == XML_READER_TYPE_END_ELEMENT)
			in_title = 0;
		else if (in_title && type == XML_READER_TYPE_TEXT)
			tl_buf_puts(&b, (const char *)xmlTextReaderConstValue(r)); /* cut at the cap */
	}
	if (r)
		xmlFreeTextReader(r);
	free(data);
	if (rc == 0 && b.len) {
		size_t n = 0;
		char *t = tl_doc_normalize(dx->doc, b.data, b.len, &n);
		if (t && n)
			dx->doc->title = t;
	}
	tl_buf_free(&b);
	return rc < 0 ? rc : 0;
}

static int S_read(tl_docx *dx, tl_zip *z, tl_error *err)
{
	S_rels pkg = {0}, main = {0};
	int rc = S_rels_read(z, dx->doc, "", &pkg, err);
	const char *main_part = rc == 0 ? S_rel_target(&pkg, "officeDocument") : NULL;
	if (rc == 0 && !main_part) {
		rc = tl_error_set(err, TL_EPKG_MISSING_PART,
		                  "no officeDocument relationship in _rels/.rels: not a WordprocessingML package");
		snprintf(err->part, sizeof err->part, "_rels/.rels");
	}
	if (rc == 0)
		rc = S_rels_read(z, dx->doc, main_part, &main, err);
	char *data = NULL;
	size_t len = 0;
	if (rc == 0)
		rc = S_part(z, S_rel_target(&main, "styles"), &data, &len, err);
	if (rc == 0 && data)
		rc = tl_docx_styles_parse(&dx->styles, dx->doc, S_rel_target(&main, "styles"), data, len,
		                          dx->slow, err);
	free(data);
	data = NULL;
	if (rc == 0)
		rc = S_part(z, S_rel_target(&main, "numbering"), &data, &len, err);
	/* a large numbering part of a single check is parsed on a helper thread
	 * while this one inflates and reads the body (docx_numjob.c) */
	if (rc == 0 && data && dx->o->threads >= 2 && len >= (size_t)TL_DOCX_NUMJOB_MIN &&
	    tl_docx_numjob_start(dx, data, len))
		data = NULL;
	else if (rc == 0 && data)
		rc = tl_docx_numbering_parse(&dx->numbering, dx->doc, S_rel_target(&main, "numbering"), data,
		                             len, dx->slow, err);
	free(data);
	data = NULL;
	if (rc == 0) {
		unsigned hops = dx->doc->limits.max_ref_hops ? dx->doc->limits.max_ref_hops : 64;
		if (!dx->numjob)
			tl_docx_numbering_resolve(&dx->numbering, &dx->styles, hops);
		/* the main part is required: a package pointing at a missing part is broken */
		rc = tl_zip_read(z, main_part, 1, &data, &len, err);
		if (rc == 0) {
			/* Word and pandoc write 300 to 2,000 bytes of markup per paragraph */
			tl_doc_reserve(dx->doc, len / 256 + 64); /* a hint: growing still works without it */
			const char *part = tl_doc_str(dx->doc, main_part);
			rc = part ? tl_docx_read_story(dx, TL_DOCX_STORY_BODY, part, data, len, err)
			          : tl_error_set(err, TL_ENOMEM, "out of memory");
		} else if (rc > 0) {
			rc = tl_error_set(err, TL_EPKG_MISSING_PART, "main part %s is missing", main_part);
		}
		free(data);
	}
	/* joined on every path; its failure comes first, as in the sequential read */
	int rn = tl_docx_numjob_finish(dx, err);
	if (dx->num_rc || rc == 0)
		rc = rn;
	if (rc == 0)
		rc = S_story(dx, z, TL_DOCX_STORY_FOOTNOTES, S_rel_target(&main, "footnotes"), err);
	if (rc == 0)
		rc = S_story(dx, z, TL_DOCX_STORY_ENDNOTES, S_rel_target(&main, "endnotes"), err);
	if (rc == 0)
		rc = S_story(dx, z, TL_DOCX_STORY_COMMENTS, S_rel_target(&main, "comments"), err);
	static const char *const hf[] = {"header", "footer"};
	for (int k = 0; k < 2 && rc == 0; k++)
		for (size_t i = 0; i < main.n && rc == 0; i++) {
			if (strcmp(main.v[i].type, hf[k]) != 0)
				continue;
			int seen = 0; /* one part referenced by several relationships is read once */
			for (size_t j = 0; j < i; j++)
				seen |= strcmp(main.v[j].target, main.v[i].target) == 0;
			if (!seen)
				rc = S_story(dx, z, k ? TL_DOCX_STORY_FOOTER : TL_DOCX_STORY_HEADER,
				             main.v[i].target, err);
		}
	/* title: dc:title, else the first paragraph in the "Title" style, else
	 * (tl_doc_finish) the first heading */
	for (size_t i = 0; rc == 0 && i < dx->doc->npara && !dx->doc->title; i++) {
		const tl_para *p = &dx->doc->paras[i];
		if (p->kind == TL_PARA_BODY && p->style &&
		    (strcasecmp(p->style, "Title") == 0 || strcasecmp(p->style, "Titel") == 0))
			dx->doc->title = p->text;
	}
	if (rc == 0) /* optional: a broken core-properties part does not refuse the document */
		S_core_title(dx, z, S_rel_target(&pkg, "core-properties"), &(tl_error){0});
	S_rels_free(&pkg);
	S_rels_free(&main);
	return rc;
}

int tl_docx_read(tl_document **out, tl_zip *z, const char *name, const tl_read_options *o,
                 tl_error *err)
{
	tl_read_options def = TL_READ_OPTIONS_INIT;
	if (!o)
		o = &def;
	*out = NULL;
	/* the fast pass first; a part it does not take: everything again with
	 * the reader, from the same starting point (xev.h) */
	uint64_t inflated = tl_zip_inflated(z);
	tl_error err0;
	if (err)
		err0 = *err;
	int rc = TL_DOCX_SLOW;
	tl_docx dx;
	for (int slow = 0; slow <= 1 && rc == TL_DOCX_SLOW; slow++) {
		if (slow) {
			tl_zip_set_inflated(z, inflated);
			if (err)
				*err = err0;
		}
		memset(&dx, 0, sizeof dx);
		dx.o = o;
		dx.slow = slow;
		dx.styles.default_para = -1;
		dx.doc = tl_doc_new(name, TL_FORMAT_DOCX, &o->limits);
		if (!dx.doc)
			return tl_error_set(err, TL_ENOMEM, "out of memory");
		dx.doc->rev.view = o->revisions;
		rc = S_read(&dx, z, err);
		if (rc == 0)
			rc = tl_doc_finish(dx.doc, err);
		tl_docx_styles_free(&dx.styles);
		tl_docx_numbering_free(&dx.numbering);
		tl_document_free(dx.numscratch);
		free(dx.numwait);
		free(dx.refs);
		if (rc != 0)
			tl_document_free(dx.doc);
	}
	if (rc != 0)
		return rc < 0 ? rc : tl_error_set(err, TL_EINTERNAL, "DOCX reader: no result");
	*out = dx.doc;
	return 0;
}
