/* xev_reader.c: xev.h events from libxml2's reader, and attribute lookup. */
#include <stdlib.h>
#include <string.h>

#include "ingest/pkg.h"
#include "ingest/xev.h"

/* strcmp(a, b) == 0 for the short names readers ask for, without a call */
static int S_same(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

const char *tl_xev_attr(const tl_xev *ev, const char *name)
{
	const tl_xattr *a = ev->at;
	const char *v1 = NULL, *vn = NULL;
	for (uint32_t i = 0; i < ev->nat; i++) {
		if (!S_same(a[i].ln, name))
			continue;
		if (a[i].ns == 0)
			return a[i].val;
		if (a[i].ns == 1 && !v1)
			v1 = a[i].val;
		else if (a[i].ns == TL_XNS_NONE && !vn)
			vn = a[i].val;
	}
	return v1 ? v1 : vn;
}

const char *tl_xev_attr_ns(const tl_xev *ev, int cls, const char *name)
{
	for (uint32_t i = 0; i < ev->nat; i++)
		if (ev->at[i].ns == cls && S_same(ev->at[i].ln, name))
			return ev->at[i].val;
	return NULL;
}

void tl_xscratch_free(tl_xscratch *sc)
{
	free(sc->at);
	free(sc->buf);
	memset(sc, 0, sizeof *sc);
}

static int S_class(const tl_xspec *spec, const xmlChar *uri)
{
	if (!uri)
		return TL_XNS_NONE;
	for (int i = 0; i < spec->nns; i++)
		if (strcmp(spec->ns[i], (const char *)uri) == 0)
			return i;
	return TL_XNS_OTHER;
}

/* mc:Choice Requires="wps w14", each prefix looked up from the element */
static int S_understood(xmlTextReaderPtr r, const tl_xspec *spec)
{
	char *req = (char *)xmlTextReaderGetAttribute(r, BAD_CAST "Requires");
	if (!req)
		return 0;
	int ok = 1;
	char *save = NULL;
	for (char *p = strtok_r(req, " \t\r\n", &save); p && ok; p = strtok_r(NULL, " \t\r\n", &save)) {
		xmlChar *ns = xmlTextReaderLookupNamespace(r, BAD_CAST p);
		ok = ns && spec->understood && spec->understood((const char *)ns);
		xmlFree(ns);
	}
	xmlFree(req);
	return ok;
}

/* Copies the attributes to sc: first their values (buf grows once), then the list. */
static int S_attrs(tl_xscratch *sc, const xmlNode *n, const tl_xspec *spec, tl_xev *ev)
{
	sc->nat = 0;
	sc->nbuf = 0;
	for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next) {
		int cls = a->ns ? S_class(spec, a->ns->href) : TL_XNS_NONE;
		if (cls != TL_XNS_NONE && !(cls < 32 && (spec->attr_mask & (1u << cls))))
			continue;
		/* the reader's value: xmlGetProp's answer for this attribute */
		xmlChar *v = xmlNodeGetContent((const xmlNode *)(const void *)a);
		size_t vn = v ? strlen((const char *)v) : 0;
		if (sc->nat == sc->aat) {
			size_t k = sc->aat ? sc->aat * 2 : 16;
			tl_xattr *x = realloc(sc->at, k * sizeof *x);
			if (!x) {
				xmlFree(v);
				return -1;
			}
			sc->at = x;
			sc->aat = k;
		}
		if (sc->nbuf + vn + 1 > sc->abuf) {
			size_t k = sc->abuf ? sc->abuf : 256;
			while (k < sc->nbuf + vn + 1)
				k *= 2;
			char *b = realloc(sc->buf, k);
			if (!b) {
				xmlFree(v);
				return -1;
			}
			sc->buf = b;
			sc->abuf = k;
		}
		memcpy(sc->buf + sc->nbuf, v ? (const char *)v : "", vn + 1);
		xmlFree(v);
		/* val holds an offset until buf stops moving */
		sc->at[sc->nat++] = (tl_xattr){(const char *)a->name, (const char *)(uintptr_t)sc->nbuf,
		                               (unsigned char)cls};
		sc->nbuf += vn + 1;
	}
	for (size_t i = 0; i < sc->nat; i++)
		sc->at[i].val = sc->buf + (uintptr_t)sc->at[i].val;
	ev->at = sc->at;
	ev->nat = (uint32_t)sc->nat;
	return 0;
}

int tl_xev_from_reader(tl_xscratch *sc, xmlTextReaderPtr r, const tl_xspec *spec, tl_xev *ev)
{
	memset(ev, 0, sizeof *ev);
	int type = xmlTextReaderNodeType(r);
	ev->depth = xmlTextReaderDepth(r);
	if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	    type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE) {
		const char *v = (const char *)xmlTextReaderConstValue(r);
		if (!v)
			return 0;
		ev->type = TL_XEV_TEXT;
		ev->flag = type == XML_READER_TYPE_WHITESPACE ? TL_XEV_TEXT_WS : 0;
		ev->ln = v;
		ev->len = (uint32_t)strlen(v);
		return 1;
	}
	if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
		return 0;
	const xmlNode *n = xmlTextReaderCurrentNode(r);
	ev->ns = (unsigned char)(n && n->ns ? S_class(spec, n->ns->href) : TL_XNS_NONE);
	ev->uri = n && n->ns ? (const char *)n->ns->href : NULL;
	ev->ln = (const char *)xmlTextReaderConstLocalName(r);
	if (!ev->ln)
		return 0;
	if (type == XML_READER_TYPE_END_ELEMENT) {
		ev->type = TL_XEV_END;
		if (spec->name_id)
			ev->id = spec->name_id(ev->ns, ev->uri, ev->ln);
		return 1;
	}
	ev->type = TL_XEV_START;
	ev->empty = (unsigned char)(xmlTextReaderIsEmptyElement(r) == 1);
	if (S_attrs(sc, n, spec, ev))
		return -1;
	if (ev->ns == spec->mc_class && strcmp(ev->ln, "Choice") == 0)
		ev->flag = (unsigned char)S_understood(r, spec);
	if (spec->name_id)
		ev->id = spec->name_id(ev->ns, ev->uri, ev->ln);
	return 1;
}

int tl_xev_read_part(const char *data, size_t len, const char *part, const tl_limits *lim,
                     const tl_xspec *spec, tl_xev_fn fn, void *ctx, const char *what,
                     tl_error *err)
{
	xmlTextReaderPtr r = NULL;
	tl_xscratch sc = {0};
	int rc = tl_xml_reader(&r, data, len, part, lim, err);
	while (rc == 0 && (rc = tl_xml_next(r, part, lim, err)) == 1) {
		tl_xev ev;
		int x = tl_xev_from_reader(&sc, r, spec, &ev);
		rc = x < 0 ? tl_error_set(err, TL_ENOMEM, "out of memory reading %s", what) : x ? fn(ctx, &ev) : 0;
	}
	if (r)
		xmlFreeTextReader(r);
	tl_xscratch_free(&sc);
	return rc;
}
