/* xev_start.c: a start tag the general way (tl_xp_start), for every tag
 * the quick way (xev_walk.c) leaves: the first of each name, tags that
 * declare namespaces, white space around '=', many attributes.  It reads
 * the tag in steps -- the name and attributes up to '>' (S_scan_tag), the
 * namespace declarations among them (S_declare), the element's and the
 * attributes' namespaces (S_attr_ns) -- and gives up (0) on anything
 * libxml2 would not take without an error, as the whole pass does; then, for
 * an element the caller wants, hands over the start event with the
 * caller's answers for its name (S_answers) and the kept attributes,
 * decoded (S_attrs). */
#include <stdlib.h>
#include <string.h>

#include "ingest/xev_int.h"

/* Attribute value from the quote at p: sets *vlen, *amp; returns the end (after the quote) or NULL. */
static const unsigned char *S_value(const unsigned char *p, const unsigned char *end, size_t max,
                                    uint32_t *vlen, int *amp)
{
	unsigned q = *p++;
	const unsigned char *s = p;
	*amp = 0;
	while (p < end && *p != q) {
		if (!tl_xev_av[*p]) {
			p++;
			continue;
		}
		unsigned c = *p;
		if (c < 0x20 || c == '<')
			return NULL;
		if (c == '&') {
			uint32_t cp;
			size_t m = tl_xev_ref(p, end, &cp);
			if (!m)
				return NULL;
			*amp = 1;
			p += m;
		} else if (c >= 0x80) {
			size_t m = tl_xev_utf8(p, end);
			if (!m)
				return NULL;
			p += m;
		} else {
			p++;
		}
	}
	if (p >= end || (size_t)(p - s) > max)
		return NULL;
	*vlen = (uint32_t)(p - s);
	return p + 1;
}

/* mc:Choice Requires: every prefix bound to a namespace the caller understands */
static int S_requires(tl_xpass *P, const tl_xraw *a)
{
	char *v = malloc(a->vlen + 1);
	if (!v)
		return -1;
	tl_xev_decode(v, (const unsigned char *)a->v, a->vlen);
	int ok = 1;
	for (char *t = v; *t && ok;) {
		while (*t && strchr(" \t\r\n", *t))
			t++;
		size_t n = strcspn(t, " \t\r\n");
		if (!n)
			break;
		const tl_xbind *b = tl_xp_lookup(P, t, (uint32_t)n);
		char *uri = b ? malloc(b->ulen + 1) : NULL;
		if (b && !uri) {
			free(v);
			return -1;
		}
		ok = b != NULL;
		if (ok) {
			memcpy(uri, b->uri, b->ulen);
			uri[b->ulen] = 0;
			ok = P->spec->understood && P->spec->understood(uri);
		}
		free(uri);
		t += n;
	}
	P->cb = NULL; /* t is about to be freed: forget it as the cached prefix */
	free(v);
	return ok;
}

/* The attributes from p (after the element's name) up to '>' or "/>":
 * P->att[0..*natt) and *empty.  The byte after the tag, or NULL to give up. */
static const unsigned char *S_scan_tag(tl_xpass *P, const unsigned char *p, uint32_t *natt,
                                       int *empty)
{
	const unsigned char *end = P->end;
	for (;;) {
		const unsigned char *q = tl_xp_skip_ws(p, end);
		int ws = q > p;
		p = q;
		if (p >= end)
			return NULL;
		if (*p == '>')
			return p + 1;
		if (*p == '/') {
			if (p + 1 >= end || p[1] != '>')
				return NULL;
			*empty = 1;
			return p + 2;
		}
		if (!ws || *natt == TL_XEV_MAX_ATT)
			return NULL;
		tl_xraw *a = &P->att[(*natt)++];
		if (!tl_xp_name(p, end, &a->qlen, &a->colon))
			return NULL;
		a->qn = (const char *)p;
		p = tl_xp_skip_ws(p + a->qlen, end);
		if (p >= end || *p != '=')
			return NULL;
		p = tl_xp_skip_ws(p + 1, end);
		if (p >= end || (*p != '"' && *p != '\''))
			return NULL;
		a->v = (const char *)p + 1;
		if (!(p = S_value(p, end, P->max_text, &a->vlen, &a->amp)))
			return NULL;
		if (p < end && !tl_xp_ws(*p) && *p != '>' && *p != '/')
			return NULL;
	}
}

/* No attribute twice; the namespace declarations among the attributes
 * pushed as bindings (they apply to the element's own names) and left out
 * as attributes (qlen 0).  1, 0 give up, -1 out of memory. */
static int S_declare(tl_xpass *P, uint32_t natt)
{
	for (uint32_t i = 0; i < natt; i++)
		for (uint32_t j = 0; j < i; j++)
			if (P->att[j].qlen == P->att[i].qlen &&
			    memcmp(P->att[j].qn, P->att[i].qn, P->att[i].qlen) == 0)
				return 0; /* the same attribute twice */
	for (uint32_t i = 0; i < natt; i++) {
		tl_xraw *a = &P->att[i];
		a->b = NULL;
		int dflt = a->qlen == 5 && memcmp(a->qn, "xmlns", 5) == 0;
		int pref = a->colon == 5 && memcmp(a->qn, "xmlns", 5) == 0;
		if (!dflt && !pref)
			continue;
		if (a->amp || (pref && a->vlen == 0))
			return 0;
		if (pref && a->qlen == 9 && memcmp(a->qn + 6, "xml", 3) == 0 &&
		    a->vlen == sizeof TL_XEV_XML_NS - 1 && memcmp(a->v, TL_XEV_XML_NS, a->vlen) == 0) {
			a->qlen = 0; /* xml: bound to its own URI: allowed, and libxml2 keeps nothing */
			continue;
		}
		if ((a->vlen == sizeof TL_XEV_XML_NS - 1 && memcmp(a->v, TL_XEV_XML_NS, a->vlen) == 0) ||
		    (a->vlen == sizeof TL_XEV_XMLNS_NS - 1 && memcmp(a->v, TL_XEV_XMLNS_NS, a->vlen) == 0))
			return 0;
		tl_xbind b = {"", a->v, 0, a->vlen, 0, NULL};
		if (pref) {
			b.pfx = a->qn + 6;
			b.plen = a->qlen - 6;
			if ((b.plen == 3 && memcmp(b.pfx, "xml", 3) == 0) ||
			    (b.plen == 5 && memcmp(b.pfx, "xmlns", 5) == 0))
				return 0;
		}
		b.cls = tl_xp_class(P->spec, b.uri, b.ulen);
		b.uriz = b.ulen ? tl_xp_intern(P, b.uri, b.ulen) : NULL;
		if (b.ulen && !b.uriz)
			return -1;
		if (tl_xp_push_bind(P, &b))
			return -1;
		a->qlen = 0; /* a declaration, not an attribute */
	}
	return 1;
}

/* The bindings of the prefixed attributes; the same expanded name twice
 * (or an unbound prefix) gives up: 1 or 0. */
static int S_attr_ns(tl_xpass *P, uint32_t natt)
{
	for (uint32_t i = 0; i < natt; i++) {
		tl_xraw *a = &P->att[i];
		if (!a->qlen || !a->colon)
			continue;
		tl_xqc *q = a->q = tl_xp_qslot(P->qat, a->qn, a->qlen);
		if (tl_xp_qhit(P, q, a->qn, a->qlen)) {
			a->b = q->b;
		} else {
			if (!(a->b = tl_xp_lookup(P, a->qn, a->colon)))
				return 0;
			*q = (tl_xqc){a->qn, a->qlen, P->gen, a->b, NULL, NULL};
		}
		for (uint32_t j = 0; j < i; j++) {
			const tl_xraw *o = &P->att[j];
			if (o->qlen && o->colon && o->b->ulen == a->b->ulen &&
			    memcmp(o->b->uri, a->b->uri, a->b->ulen) == 0 &&
			    o->qlen - o->colon == a->qlen - a->colon &&
			    memcmp(o->qn + o->colon, a->qn + a->colon, a->qlen - a->colon) == 0)
				return 0;
		}
	}
	return 1;
}

/* The caller's answers for an element name in class cls, kept with its
 * table entry (keep_text's always, name_id's below TL_XEV_ID_CLASSES): sets
 * ev->id, returns keep. */
static int S_answers(tl_xpass *P, tl_xname *en, int cls, tl_xev *ev)
{
	const tl_xspec *spec = P->spec;
	if (cls < 32 && !(en->kknown & (1u << cls))) {
		int keep = spec->all || (spec->keep_text && spec->keep_text(cls, ev->ln));
		en->kknown |= 1u << cls;
		en->kmask |= keep ? 1u << cls : 0;
	}
	/* the attributes' names below may move the table: read the answers now */
	int keep = spec->all || (cls < 32 ? (en->kmask >> cls) & 1
	                                  : spec->keep_text && spec->keep_text(cls, ev->ln));
	if (spec->name_id && cls < TL_XEV_ID_CLASSES) {
		if (!(en->idknown & (1u << cls))) {
			en->id[cls] = spec->name_id(cls, ev->uri, ev->ln);
			en->idknown |= 1u << cls;
		}
		ev->id = en->id[cls];
	} else if (spec->name_id) {
		ev->id = spec->name_id(cls, ev->uri, ev->ln);
	}
	return keep;
}

/* The kept attributes of the start event ev (element class cls), decoded
 * into the scratch buffer; mc:Choice's Requires sets ev->flag.  0, or -1
 * when out of memory. */
static int S_attrs(tl_xpass *P, uint32_t natt, int cls, tl_xev *ev)
{
	const tl_xspec *spec = P->spec;
	size_t need = 1;
	for (uint32_t i = 0; i < natt; i++)
		need += P->att[i].qlen ? P->att[i].vlen + 1 : 0;
	char *o = tl_xp_scratch(P, need);
	if (!o)
		return -1;
	for (uint32_t i = 0; i < natt; i++) {
		const tl_xraw *a = &P->att[i];
		if (!a->qlen)
			continue;
		int acls = a->colon ? a->b->cls : TL_XNS_NONE;
		if (acls != TL_XNS_NONE && !(acls < 32 && (spec->attr_mask & (1u << acls))))
			continue;
		if (cls == spec->mc_class && acls == TL_XNS_NONE && a->qlen == 8 &&
		    memcmp(a->qn, "Requires", 8) == 0 && strcmp(ev->ln, "Choice") == 0) {
			int ok = S_requires(P, a);
			if (ok < 0)
				return -1;
			ev->flag = (unsigned char)ok;
		}
		const char *an = a->colon ? a->qn + a->colon + 1 : a->qn;
		tl_xattr *x = &P->xat[ev->nat++];
		tl_xqc *q = a->colon ? a->q : tl_xp_qslot(P->qat, a->qn, a->qlen);
		if (tl_xp_qhit(P, q, a->qn, a->qlen) && q->s) {
			x->ln = q->s;
		} else {
			if (!(x->ln = tl_xp_intern(P, an, a->qlen - (a->colon ? a->colon + 1 : 0))))
				return -1;
			if (tl_xp_qhit(P, q, a->qn, a->qlen))
				q->s = x->ln;
			else
				*q = (tl_xqc){a->qn, a->qlen, P->gen, a->colon ? a->b : NULL, NULL, x->ln};
		}
		x->ns = (unsigned char)acls;
		x->val = o;
		o = tl_xp_value_copy(o, a);
	}
	return 0;
}

int tl_xp_start(tl_xpass *P)
{
	const unsigned char *p = P->p, *end = P->end;
	uint32_t qlen, colon;
	if (!tl_xp_name(p, end, &qlen, &colon))
		return 0;
	const char *qn = (const char *)p;
	uint32_t natt = 0;
	int empty = 0;
	if (!(p = S_scan_tag(P, p + qlen, &natt, &empty)))
		return 0;
	P->p = p;
	uint32_t depth = P->depth;
	if (depth + 2 >= P->max_depth)
		return 0;
	uint32_t nbind0 = P->nbind;
	int rc = S_declare(P, natt);
	if (rc <= 0)
		return rc;
	/* the element's namespace */
	const tl_xbind *eb;
	tl_xqc *qe = tl_xp_qslot(P->qel, qn, qlen);
	tl_xname *en = NULL;
	if (tl_xp_qhit(P, qe, qn, qlen)) {
		eb = qe->b, en = qe->en;
	} else if (colon) {
		if ((colon == 3 && memcmp(qn, "xml", 3) == 0) || (colon == 5 && memcmp(qn, "xmlns", 5) == 0))
			return 0;
		if (!(eb = tl_xp_lookup(P, qn, colon)))
			return 0;
	} else {
		eb = tl_xp_lookup(P, "", 0);
	}
	int cls = eb ? eb->cls : TL_XNS_NONE;
	if (!S_attr_ns(P, natt))
		return 0;
	const tl_xspec *spec = P->spec;
	int recd = (spec->all || (cls < 32 && (spec->elem_mask & (1u << cls)))) && depth <= P->skip;
	tl_xframe *f = tl_xp_frame(P, depth);
	if (!f)
		return -1;
	f->qn = qn, f->qlen = qlen, f->nbind = nbind0, f->rec = (unsigned char)recd, f->keep = 0;
	f->cls = (unsigned char)cls, f->ln = NULL, f->id = 0;
	if (recd) {
		tl_xev ev = {TL_XEV_START, (unsigned char)cls, (unsigned char)empty, 0, (int32_t)depth, NULL,
		             0, 0, P->xat, eb ? eb->uriz : NULL, 0};
		if (!en) {
			uint32_t lo = colon ? colon + 1 : 0;
			if (!(en = tl_xp_intern_e(P, qn + lo, qlen - lo)))
				return -1;
			/* after the interning, which may have emptied the cache */
			*qe = (tl_xqc){qn, qlen, P->gen, eb, en, NULL};
		}
		ev.ln = en->s;
		int keep = S_answers(P, en, cls, &ev);
		if (spec->drop_other && ev.id == 0) {
			f->rec = 0; /* left out, as elements of other namespaces are */
		} else {
			if (S_attrs(P, natt, cls, &ev) < 0)
				return -1;
			f->keep = (unsigned char)keep;
			f->ln = ev.ln;
			f->id = ev.id;
			if (!tl_xp_started(P, f, depth, empty, P->fn(P->ctx, &ev)))
				return 0;
		}
	}
	if (empty) {
		if (P->nbind != nbind0)
			P->nbind = nbind0, P->gen++;
		return 1;
	}
	P->depth++;
	return 1;
}
