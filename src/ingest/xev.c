/* xev.c: the fast pass of xev.h over one XML part.
 *
 * The fast pass accepts only what libxml2 accepts without any error and
 * shows as the reader would show it; whenever it is unsure it gives up
 * (returns 0) and the caller reads the part with libxml2's reader.  Giving
 * up costs only time, so the grammar is deliberately narrow:
 *  - UTF-8 only (an optional BOM; an XML declaration with version "1.0",
 *    optionally encoding "UTF-8" and standalone), every multi-byte sequence
 *    checked to be an XML Char;
 *  - names of ASCII letters, digits, '_', '-', '.', at most one ':';
 *  - no comments, PIs, CDATA or DOCTYPE; line ends normalised as libxml2 does;
 *  - attribute values without '<', tab, line breaks; entity references
 *    only &lt; &gt; &amp; &quot; &apos; and character references to a Char;
 *  - text without "]]>" or control characters;
 *  - every prefix declared (xml: for attributes), no redeclared or
 *    duplicate attribute, no declaration of xml/xmlns or of their URIs;
 *  - nesting below max_depth - 2 (the reader's per-node depth check). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#define S_FAST 1 /* the quick way through a start tag (S_start_fast) */
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ingest/xev.h"
#include "ingest/xev_int.h"
#include "util/arena.h"

#define S_MAX_ATT 256
#define S_MAX_NAME 256
#define S_MAX_VALUE 1000000

static const char S_XML_NS[] = "http://www.w3.org/XML/1998/namespace";
static const char S_XMLNS_NS[] = "http://www.w3.org/2000/xmlns/";

typedef struct S_xname {
	uint32_t hash, len;
	const char *s;
	uint32_t kknown, kmask; /* keep_text's answer per namespace class, once known */
	uint32_t idknown;       /* name_id's answer known, per class below TL_XEV_ID_CLASSES */
	int id[TL_XEV_ID_CLASSES];
} S_xname;

typedef struct S_bind {
	const char *pfx, *uri;
	uint32_t plen, ulen;
	int cls;
	const char *uriz; /* NUL-terminated (interned), NULL for none */
} S_bind;

typedef struct S_frame {
	const char *qn;
	const char *ln; /* handed over: the interned local name */
	int id;         /* handed over: its name_id */
	uint32_t qlen, nbind;
	unsigned char rec, keep, cls;
} S_frame;

typedef struct S_att {
	const char *qn, *v;
	uint32_t qlen, colon, vlen;
	int amp;
	const S_bind *b; /* prefixed: its binding */
	struct S_qc *q;  /* prefixed: its slot in the name cache */
} S_att;

/* A qualified name seen before, with what its lookups gave while the
 * bindings were those of generation `gen`: start tags repeat a handful of
 * names ("w:p", "w:pPr", "w:val"), so most skip the prefix lookup and the
 * interning. */
struct S_qc {
	const char *qn; /* the name's bytes in the part (NULL: empty slot) */
	uint32_t qlen, gen;
	const S_bind *b; /* the prefix's binding (elements: also the default one) */
	S_xname *en;     /* elements: the local name's table entry */
	const char *s;   /* attributes: the interned local name, NULL until needed */
};
typedef struct S_qc S_qc;

#define S_QC 128

#ifdef S_FAST
/* The quick way's caches: a qualified name of at most 47 bytes (ODF names
 * are long: text:list-level-style-number), its bytes zero-padded to 48 as
 * the key, and all the lookups of a start tag's name
 * or attribute gave while the bindings were those of generation `gen`.  An
 * entry is filled only after the full checks (S_name, S_lookup) passed on
 * those very bytes, so a hit stands for them. */
#define S_FQ 256
#define S_FQ_BITS 8
#define S_FAST_ATT 32

typedef struct S_key {
	__m128i b[3];
} S_key;

typedef struct S_fe { /* an element name */
	unsigned char k[48];
	uint32_t qlen, gen;
	const char *ln, *uri; /* interned local name; namespace URI (NULL none) */
	int id;               /* name_id's answer */
	unsigned char cls, rec, keep;
} S_fe;

typedef struct S_fa { /* an attribute name (never a namespace declaration) */
	unsigned char k[48];
	uint32_t qlen, gen;
	const char *s;   /* kept attributes: the interned local name */
	const char *uri; /* prefixed: the interned namespace URI (the duplicate check) */
	uint32_t lnoff;  /* where the local name starts */
	unsigned char cls, kept;
} S_fa;
#endif

typedef struct S_p {
	const unsigned char *p, *end;
	const tl_xspec *spec;
	tl_xev_fn fn;
	void *ctx;
	S_bind *bind;
	uint32_t nbind, abind;
	S_frame *fr;
	uint32_t depth, afr;
	unsigned max_depth;
	size_t max_text;
	uint32_t gen; /* changes with every change of the bindings */
	/* the last prefix looked up, valid while gen is unchanged */
	const char *cpfx;
	uint32_t cplen, cgen;
	const S_bind *cb;
	S_bind xmlb; /* xml: bound implicitly */
	/* interned names: one NUL-terminated copy each */
	tl_arena names;
	S_xname *tab;
	size_t ntab, atab;
	S_xname *recent[64]; /* by length and first and last byte: most names repeat */
	S_qc qel[S_QC];      /* element names */
	S_qc qat[S_QC];      /* attribute names */
	/* per event: decoded values and text */
	char *sbuf;
	size_t asbuf;
	S_att att[S_MAX_ATT];
	tl_xattr xat[S_MAX_ATT];
	uint32_t skip; /* depth of the element whose inside is skipped (TL_XEV_SKIP), UINT32_MAX none */
#ifdef S_FAST
	S_fe fe[S_FQ];
	S_fa fa[S_FQ];
	const S_fa *fat[S_FAST_ATT]; /* the tag's attributes' entries */
#endif
} S_p;

/* Names are short and few: length and three of their bytes tell them apart
 * well enough (the table compares the whole name anyway). */
static uint32_t S_hash(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	uint32_t h = (uint32_t)n * 0x9E3779B1u;
	if (n)
		h ^= u[0] | (uint32_t)u[n - 1] << 8 | (uint32_t)u[n / 2] << 16;
	return h * 0x85EBCA6Bu ^ h >> 13;
}

static int S_eq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* One NUL-terminated copy per distinct name (its table entry). */
static S_xname *S_intern_e(S_p *P, const char *p, size_t n)
{
	size_t ri = n ? ((size_t)(unsigned char)p[0] * 31 + (unsigned char)p[n - 1] * 7 + n) & 63 : 0;
	S_xname *e = P->recent[ri];
	if (e && e->len == n && S_eq(e->s, p, n))
		return e;
	if (P->ntab * 2 >= P->atab) {
		size_t a = P->atab ? P->atab * 2 : 128;
		S_xname *v = calloc(a, sizeof *v);
		if (!v)
			return NULL;
		for (size_t i = 0; i < P->atab; i++)
			if (P->tab[i].s) {
				size_t k = P->tab[i].hash & (a - 1);
				while (v[k].s)
					k = (k + 1) & (a - 1);
				v[k] = P->tab[i];
			}
		free(P->tab);
		P->tab = v;
		P->atab = a;
		memset(P->recent, 0, sizeof P->recent); /* they pointed into the old table */
		memset(P->qel, 0, sizeof P->qel);
	}
	uint32_t h = S_hash(p, n);
	size_t k = h & (P->atab - 1);
	for (; P->tab[k].s; k = (k + 1) & (P->atab - 1))
		if (P->tab[k].hash == h && P->tab[k].len == n && S_eq(P->tab[k].s, p, n))
			return P->recent[ri] = &P->tab[k];
	char *str = tl_arena_strndup(&P->names, p, n);
	if (!str)
		return NULL;
	P->tab[k] = (S_xname){h, (uint32_t)n, str, 0, 0, 0, {0}};
	P->ntab++;
	return P->recent[ri] = &P->tab[k];
}

static const char *S_intern(S_p *P, const char *p, size_t n)
{
	S_xname *e = S_intern_e(P, p, n);
	return e ? e->s : NULL;
}

static S_qc *S_qslot(S_qc *tab, const char *qn, uint32_t qlen)
{
	const unsigned char *u = (const unsigned char *)qn;
	return &tab[(qlen * 31u + u[qlen - 1] * 7u + u[qlen / 2] * 3u + u[0]) & (S_QC - 1)];
}

/* The slot holds this name, valid for the current bindings. */
static int S_qhit(const S_p *P, const S_qc *q, const char *qn, uint32_t qlen)
{
	if (!q->qn || q->gen != P->gen || q->qlen != qlen)
		return 0;
	const char *a = q->qn, *b = qn;
	if (qlen > 12)
		return memcmp(a, b, qlen) == 0;
	for (; qlen >= 4; a += 4, b += 4, qlen -= 4) { /* short names: no call */
		uint32_t x, y;
		memcpy(&x, a, 4);
		memcpy(&y, b, 4);
		if (x != y)
			return 0;
	}
	for (; qlen > 0; qlen--)
		if (*a++ != *b++)
			return 0;
	return 1;
}

static char *S_scratch_grow(S_p *P, size_t n)
{
	size_t a = P->asbuf ? P->asbuf : 4096;
	while (a < n)
		a *= 2;
	char *b = malloc(a);
	if (!b)
		return NULL;
	free(P->sbuf);
	P->sbuf = b;
	P->asbuf = a;
	return b;
}

/* The scratch buffer for one event, at least n bytes (earlier contents lost). */
static inline char *S_scratch(S_p *P, size_t n)
{
	return n <= P->asbuf ? P->sbuf : S_scratch_grow(P, n);
}



/* 1 name-start, 2 name char, 0 neither */
static unsigned char S_nc[256];
/* text: 1 for a byte that needs a look (control, '<', '&', ']', non-ASCII) */
static unsigned char S_tx[256];
/* attribute values: 1 for a byte that needs a look (control, '<', '&', quotes, non-ASCII) */
static unsigned char S_av[256];
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static void S_tables_once(void)
{
	for (int c = 0; c < 256; c++) {
		int start = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
		int name = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
		S_nc[c] = start ? 1 : name ? 2 : 0;
		S_tx[c] = (c < 0x20 && c != '\t' && c != '\n') || c == '<' || c == '&' || c == ']' ||
		          c >= 0x80;
		S_av[c] = c < 0x20 || c == '<' || c == '&' || c == '"' || c == '\'' || c >= 0x80;
	}
}

static int S_ws(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static const unsigned char *S_skip_ws(const unsigned char *p, const unsigned char *end)
{
	while (p < end && S_ws(*p))
		p++;
	return p;
}

/* A (qualified) name at p: sets *qlen and *colon (index of ':' or 0); a
 * second ':' ends it. */
static int S_name(const unsigned char *p, const unsigned char *end, uint32_t *qlen, uint32_t *colon)
{
	const unsigned char *s = p;
	*colon = 0;
	if (p >= end || S_nc[*p] != 1)
		return 0;
	for (p++; p < end && S_nc[*p]; p++)
		;
	if (p < end && *p == ':') {
		*colon = (uint32_t)(p - s);
		if (++p >= end || S_nc[*p] != 1)
			return 0;
		for (p++; p < end && S_nc[*p]; p++)
			;
	}
	*qlen = (uint32_t)(p - s);
	return *qlen <= S_MAX_NAME;
}

static const S_bind *S_lookup(S_p *P, const char *pfx, uint32_t plen)
{
	if (P->cb && P->cgen == P->gen && P->cplen == plen && S_eq(P->cpfx, pfx, plen))
		return P->cb;
	const S_bind *b = NULL;
	for (uint32_t i = P->nbind; i-- > 0;)
		if (P->bind[i].plen == plen && S_eq(P->bind[i].pfx, pfx, plen)) {
			b = &P->bind[i];
			break;
		}
	if (!b && plen == 3 && memcmp(pfx, "xml", 3) == 0)
		b = &P->xmlb;
	if (b) {
		P->cb = b, P->cpfx = pfx, P->cplen = plen, P->cgen = P->gen;
	}
	return b;
}

static int S_class(const tl_xspec *spec, const char *uri, uint32_t n)
{
	if (n == 0)
		return TL_XNS_NONE;
	for (int i = 0; i < spec->nns; i++)
		if (strlen(spec->ns[i]) == n && memcmp(spec->ns[i], uri, n) == 0)
			return i;
	return TL_XNS_OTHER;
}

/* Attribute value from the quote at p: sets *vlen, *amp; returns the end (after the quote) or NULL. */
static const unsigned char *S_value(const unsigned char *p, const unsigned char *end, size_t max,
                                    uint32_t *vlen, int *amp)
{
	unsigned q = *p++;
	const unsigned char *s = p;
	*amp = 0;
	while (p < end && *p != q) {
		if (!S_av[*p]) {
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

static int S_push_bind(S_p *P, const S_bind *b)
{
	if (P->nbind == P->abind) {
		uint32_t a = P->abind ? P->abind * 2 : 64;
		S_bind *v = realloc(P->bind, a * sizeof *v);
		if (!v)
			return -1;
		P->bind = v;
		P->abind = a;
		P->cb = NULL;
	}
	P->bind[P->nbind++] = *b;
	P->gen++;
	return 0;
}

/* mc:Choice Requires: every prefix bound to a namespace the caller understands */
static int S_requires(S_p *P, const S_att *a)
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
		const S_bind *b = S_lookup(P, t, (uint32_t)n);
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

/* The start tag after '<'. 1 done, 0 give up, -1 out of memory. */
static int S_start(S_p *P)
{
	const unsigned char *p = P->p, *end = P->end;
	uint32_t qlen, colon;
	if (!S_name(p, end, &qlen, &colon))
		return 0;
	const char *qn = (const char *)p;
	p += qlen;
	uint32_t natt = 0;
	int empty = 0;
	for (;;) {
		const unsigned char *q = S_skip_ws(p, end);
		int ws = q > p;
		p = q;
		if (p >= end)
			return 0;
		if (*p == '>') {
			p++;
			break;
		}
		if (*p == '/') {
			if (p + 1 >= end || p[1] != '>')
				return 0;
			p += 2;
			empty = 1;
			break;
		}
		if (!ws || natt == S_MAX_ATT)
			return 0;
		S_att *a = &P->att[natt++];
		if (!S_name(p, end, &a->qlen, &a->colon))
			return 0;
		a->qn = (const char *)p;
		p = S_skip_ws(p + a->qlen, end);
		if (p >= end || *p != '=')
			return 0;
		p = S_skip_ws(p + 1, end);
		if (p >= end || (*p != '"' && *p != '\''))
			return 0;
		a->v = (const char *)p + 1;
		if (!(p = S_value(p, end, P->max_text, &a->vlen, &a->amp)))
			return 0;
		if (p < end && !S_ws(*p) && *p != '>' && *p != '/')
			return 0;
	}
	P->p = p;
	uint32_t depth = P->depth;
	if (depth + 2 >= P->max_depth)
		return 0;
	uint32_t nbind0 = P->nbind;
	for (uint32_t i = 0; i < natt; i++)
		for (uint32_t j = 0; j < i; j++)
			if (P->att[j].qlen == P->att[i].qlen &&
			    memcmp(P->att[j].qn, P->att[i].qn, P->att[i].qlen) == 0)
				return 0; /* the same attribute twice */
	/* namespace declarations first: they apply to the element's own names */
	for (uint32_t i = 0; i < natt; i++) {
		S_att *a = &P->att[i];
		a->b = NULL;
		int dflt = a->qlen == 5 && memcmp(a->qn, "xmlns", 5) == 0;
		int pref = a->colon == 5 && memcmp(a->qn, "xmlns", 5) == 0;
		if (!dflt && !pref)
			continue;
		if (a->amp || (pref && a->vlen == 0))
			return 0;
		if (pref && a->qlen == 9 && memcmp(a->qn + 6, "xml", 3) == 0 &&
		    a->vlen == sizeof S_XML_NS - 1 && memcmp(a->v, S_XML_NS, a->vlen) == 0) {
			a->qlen = 0; /* xml: bound to its own URI: allowed, and libxml2 keeps nothing */
			continue;
		}
		if ((a->vlen == sizeof S_XML_NS - 1 && memcmp(a->v, S_XML_NS, a->vlen) == 0) ||
		    (a->vlen == sizeof S_XMLNS_NS - 1 && memcmp(a->v, S_XMLNS_NS, a->vlen) == 0))
			return 0;
		S_bind b = {"", a->v, 0, a->vlen, 0, NULL};
		if (pref) {
			b.pfx = a->qn + 6;
			b.plen = a->qlen - 6;
			if ((b.plen == 3 && memcmp(b.pfx, "xml", 3) == 0) ||
			    (b.plen == 5 && memcmp(b.pfx, "xmlns", 5) == 0))
				return 0;
		}
		b.cls = S_class(P->spec, b.uri, b.ulen);
		b.uriz = b.ulen ? S_intern(P, b.uri, b.ulen) : NULL;
		if (b.ulen && !b.uriz)
			return -1;
		if (S_push_bind(P, &b))
			return -1;
		a->qlen = 0; /* a declaration, not an attribute */
	}
	/* the element's namespace */
	const S_bind *eb;
	S_qc *qe = S_qslot(P->qel, qn, qlen);
	S_xname *en = NULL;
	if (S_qhit(P, qe, qn, qlen)) {
		eb = qe->b, en = qe->en;
	} else if (colon) {
		if ((colon == 3 && memcmp(qn, "xml", 3) == 0) || (colon == 5 && memcmp(qn, "xmlns", 5) == 0))
			return 0;
		if (!(eb = S_lookup(P, qn, colon)))
			return 0;
	} else {
		eb = S_lookup(P, "", 0);
	}
	int cls = eb ? eb->cls : TL_XNS_NONE;
	const char *ln = qn + (colon ? colon + 1 : 0);
	uint32_t lnlen = qlen - (colon ? colon + 1 : 0);
	/* attribute namespaces; the same expanded name twice is an error */
	for (uint32_t i = 0; i < natt; i++) {
		S_att *a = &P->att[i];
		if (!a->qlen || !a->colon)
			continue;
		S_qc *q = a->q = S_qslot(P->qat, a->qn, a->qlen);
		if (S_qhit(P, q, a->qn, a->qlen)) {
			a->b = q->b;
		} else {
			if (!(a->b = S_lookup(P, a->qn, a->colon)))
				return 0;
			*q = (S_qc){a->qn, a->qlen, P->gen, a->b, NULL, NULL};
		}
		for (uint32_t j = 0; j < i; j++) {
			const S_att *o = &P->att[j];
			if (o->qlen && o->colon && o->b->ulen == a->b->ulen &&
			    memcmp(o->b->uri, a->b->uri, a->b->ulen) == 0 &&
			    o->qlen - o->colon == a->qlen - a->colon &&
			    memcmp(o->qn + o->colon, a->qn + a->colon, a->qlen - a->colon) == 0)
				return 0;
		}
	}
	const tl_xspec *spec = P->spec;
	int recd = (spec->all || (cls < 32 && (spec->elem_mask & (1u << cls)))) && depth <= P->skip;
	if (P->depth == P->afr) {
		uint32_t a = P->afr ? P->afr * 2 : 64;
		S_frame *v = realloc(P->fr, a * sizeof *v);
		if (!v)
			return -1;
		P->fr = v;
		P->afr = a;
	}
	S_frame *f = &P->fr[P->depth];
	f->qn = qn, f->qlen = qlen, f->nbind = nbind0, f->rec = (unsigned char)recd, f->keep = 0;
	f->cls = (unsigned char)cls, f->ln = NULL, f->id = 0;
	if (recd) {
		tl_xev ev = {TL_XEV_START, (unsigned char)cls, (unsigned char)empty, 0, (int32_t)depth, NULL,
		             0, 0, P->xat, eb ? eb->uriz : NULL, 0};
		if (!en) {
			if (!(en = S_intern_e(P, ln, lnlen)))
				return -1;
			/* after the interning, which may have emptied the cache */
			*qe = (S_qc){qn, qlen, P->gen, eb, en, NULL};
		}
		ev.ln = en->s;
		if (cls < 32 && !(en->kknown & (1u << cls))) {
			int keep = spec->all || (spec->keep_text && spec->keep_text(cls, ev.ln));
			en->kknown |= 1u << cls;
			en->kmask |= keep ? 1u << cls : 0;
		}
		/* the attributes' names below may move the table: read the answers now */
		int keep = spec->all || (cls < 32 ? (en->kmask >> cls) & 1
		                                  : spec->keep_text && spec->keep_text(cls, ev.ln));
		if (spec->name_id && cls < TL_XEV_ID_CLASSES) {
			if (!(en->idknown & (1u << cls))) {
				en->id[cls] = spec->name_id(cls, ev.uri, ev.ln);
				en->idknown |= 1u << cls;
			}
			ev.id = en->id[cls];
		} else if (spec->name_id) {
			ev.id = spec->name_id(cls, ev.uri, ev.ln);
		}
		if (spec->drop_other && ev.id == 0) {
			f->rec = 0; /* left out, as elements of other namespaces are */
			goto done;
		}
		size_t need = 1;
		for (uint32_t i = 0; i < natt; i++)
			need += P->att[i].qlen ? P->att[i].vlen + 1 : 0;
		char *o = S_scratch(P, need);
		if (!o)
			return -1;
		for (uint32_t i = 0; i < natt; i++) {
			const S_att *a = &P->att[i];
			if (!a->qlen)
				continue;
			int acls = a->colon ? a->b->cls : TL_XNS_NONE;
			if (acls != TL_XNS_NONE && !(acls < 32 && (spec->attr_mask & (1u << acls))))
				continue;
			if (cls == spec->mc_class && acls == TL_XNS_NONE && a->qlen == 8 &&
			    memcmp(a->qn, "Requires", 8) == 0 && strcmp(ev.ln, "Choice") == 0) {
				int ok = S_requires(P, a);
				if (ok < 0)
					return -1;
				ev.flag = (unsigned char)ok;
			}
			const char *an = a->colon ? a->qn + a->colon + 1 : a->qn;
			tl_xattr *x = &P->xat[ev.nat++];
			S_qc *q = a->colon ? a->q : S_qslot(P->qat, a->qn, a->qlen);
			if (S_qhit(P, q, a->qn, a->qlen) && q->s) {
				x->ln = q->s;
			} else {
				if (!(x->ln = S_intern(P, an, a->qlen - (a->colon ? a->colon + 1 : 0))))
					return -1;
				if (S_qhit(P, q, a->qn, a->qlen))
					q->s = x->ln;
				else
					*q = (S_qc){a->qn, a->qlen, P->gen, a->colon ? a->b : NULL, NULL, x->ln};
			}
			x->ns = (unsigned char)acls;
			x->val = o;
			if (a->amp) {
				o += tl_xev_decode(o, (const unsigned char *)a->v, a->vlen) + 1;
			} else {
				memcpy(o, a->v, a->vlen);
				o[a->vlen] = 0;
				o += a->vlen + 1;
			}
		}
		f->keep = (unsigned char)keep;
		f->ln = ev.ln;
		f->id = ev.id;
		int rc = P->fn(P->ctx, &ev);
		if (rc == TL_XEV_SKIP || rc == TL_XEV_NOTEXT) {
			if (!empty)
				P->skip = rc == TL_XEV_SKIP ? depth : P->skip, f->keep = 0;
		} else if (rc) {
			return 0;
		}
	}
done:
	if (empty) {
		if (P->nbind != nbind0)
			P->nbind = nbind0, P->gen++;
		return 1;
	}
	P->depth++;
	return 1;
}

#ifdef S_FAST
/* Bytes of a qualified name (name characters and ':'), one bit each. */
static unsigned S_namemask(__m128i v)
{
	__m128i l = _mm_or_si128(v, _mm_set1_epi8(0x20));
	__m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(l, _mm_set1_epi8('a' - 1)),
	                              _mm_cmplt_epi8(l, _mm_set1_epi8('z' + 1)));
	__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
	                              _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	__m128i other = _mm_or_si128(
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')), _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))),
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8(':'))));
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(alpha, digit), other));
}

/* Bytes 0..n-1 of v (n < 16), the rest zero. */
static __m128i S_first(__m128i v, uint32_t n)
{
	const __m128i idx = _mm_set_epi8(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
	return _mm_and_si128(v, _mm_cmpgt_epi8(_mm_set1_epi8((char)n), idx));
}

/* S_fkey for a name of 16 bytes or more. */
static __attribute__((noinline)) uint32_t S_fkey_long(const unsigned char *p,
                                                      const unsigned char *end, S_key *key)
{
	key->b[0] = _mm_loadu_si128((const __m128i *)p);
	for (uint32_t b = 1; b < 3; b++) {
		if (end - p < 16 * (ptrdiff_t)(b + 1))
			return 0;
		__m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * b));
		uint32_t n = (uint32_t)__builtin_ctz(~S_namemask(v));
		if (n < 16) {
			key->b[b] = S_first(v, n);
			if (b == 1)
				key->b[2] = _mm_setzero_si128();
			return 16 * b + n;
		}
		key->b[b] = v;
	}
	return 0;
}

/* The name at p: its length (0 when it is empty, not shorter than 48 bytes
 * or too near the end of the part) and its key, the bytes zero-padded
 * (below 16 bytes only the first block is set: the others are zero). */
static inline uint32_t S_fkey(const unsigned char *p, const unsigned char *end, S_key *key)
{
	if (end - p < 16)
		return 0;
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	uint32_t n = (uint32_t)__builtin_ctz(~S_namemask(v));
	if (n < 16) {
		key->b[0] = S_first(v, n);
		return n;
	}
	return S_fkey_long(p, end, key);
}

static uint64_t S_lo(__m128i v)
{
	return (uint64_t)_mm_cvtsi128_si64(v);
}

static uint64_t S_hi(__m128i v)
{
	return (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v));
}

static uint32_t S_fslot(const S_key *key, uint32_t n)
{
	uint64_t h = (S_lo(key->b[0]) ^ n) * 0x9E3779B97F4A7C15ULL ^ S_hi(key->b[0]) * 0xC2B2AE3D27D4EB4FULL;
	if (n >= 16)
		h ^= (S_lo(key->b[1]) + S_hi(key->b[1]) * 0x165667B19E3779F9ULL + S_lo(key->b[2]) +
		      S_hi(key->b[2]) * 0x27D4EB2F165667C5ULL) * 0x94D049BB133111EBULL;
	return (uint32_t)(h >> (64 - S_FQ_BITS));
}

static int S_fhit(const S_p *P, const unsigned char *k, uint32_t qlen, uint32_t gen,
                  const S_key *key, uint32_t n)
{
	if (qlen != n || gen != P->gen)
		return 0;
	__m128i e = _mm_cmpeq_epi8(key->b[0], _mm_loadu_si128((const __m128i *)k));
	if (n >= 16)
		e = _mm_and_si128(e, _mm_and_si128(
			_mm_cmpeq_epi8(key->b[1], _mm_loadu_si128((const __m128i *)(k + 16))),
			_mm_cmpeq_epi8(key->b[2], _mm_loadu_si128((const __m128i *)(k + 32)))));
	return _mm_movemask_epi8(e) == 0xFFFF;
}

static void S_fstore(unsigned char *k, const S_key *key, uint32_t n)
{
	_mm_storeu_si128((__m128i *)k, key->b[0]);
	_mm_storeu_si128((__m128i *)(k + 16), n < 16 ? _mm_setzero_si128() : key->b[1]);
	_mm_storeu_si128((__m128i *)(k + 32), n < 16 ? _mm_setzero_si128() : key->b[2]);
}

/* Fills an element entry after the checks S_start makes; NULL when the
 * element is one for S_start (an error there, or mc's Requires) or on out
 * of memory (S_start meets it too). */
static S_fe *S_fe_fill(S_p *P, S_fe *e, const unsigned char *qn, uint32_t n, const S_key *key)
{
	uint32_t qlen, colon;
	if (!S_name(qn, P->end, &qlen, &colon) || qlen != n)
		return NULL;
	const char *q = (const char *)qn;
	const S_bind *eb;
	if (colon) {
		if ((colon == 3 && memcmp(q, "xml", 3) == 0) || (colon == 5 && memcmp(q, "xmlns", 5) == 0))
			return NULL;
		if (!(eb = S_lookup(P, q, colon)))
			return NULL;
	} else {
		eb = S_lookup(P, "", 0);
	}
	const tl_xspec *spec = P->spec;
	int cls = eb ? eb->cls : TL_XNS_NONE;
	if (cls == spec->mc_class)
		return NULL;
	S_xname *en = S_intern_e(P, q + (colon ? colon + 1 : 0), n - (colon ? colon + 1 : 0));
	if (!en)
		return NULL;
	const char *uri = eb ? eb->uriz : NULL;
	e->ln = en->s;
	e->uri = uri;
	e->cls = (unsigned char)cls;
	e->rec = (unsigned char)(spec->all || (cls < 32 && (spec->elem_mask & (1u << cls))));
	e->keep = (unsigned char)(spec->all || (spec->keep_text && spec->keep_text(cls, en->s)));
	e->id = spec->name_id ? spec->name_id(cls, uri, en->s) : 0;
	if (spec->drop_other && e->id == 0)
		e->rec = 0;
	S_fstore(e->k, key, n);
	e->qlen = n;
	e->gen = P->gen;
	return e;
}

/* Fills an attribute entry; NULL for a namespace declaration, an unbound
 * prefix or a malformed name (S_start's), or out of memory. */
static S_fa *S_fa_fill(S_p *P, S_fa *a, const unsigned char *qn, uint32_t n, const S_key *key)
{
	uint32_t qlen, colon;
	if (!S_name(qn, P->end, &qlen, &colon) || qlen != n)
		return NULL;
	const char *q = (const char *)qn;
	if ((n == 5 && memcmp(q, "xmlns", 5) == 0) || (colon == 5 && memcmp(q, "xmlns", 5) == 0))
		return NULL;
	const S_bind *b = NULL;
	if (colon && !(b = S_lookup(P, q, colon)))
		return NULL;
	int cls = b ? b->cls : TL_XNS_NONE;
	int kept = cls == TL_XNS_NONE || (cls < 32 && (P->spec->attr_mask & (1u << cls)));
	uint32_t off = colon ? colon + 1 : 0;
	const char *ln = kept ? S_intern(P, q + off, n - off) : NULL;
	if (kept && !ln)
		return NULL; /* the entry as it was: nothing written yet */
	a->s = ln;
	a->uri = b ? (b->uriz ? b->uriz : "") : NULL;
	a->lnoff = off;
	a->cls = (unsigned char)cls;
	a->kept = (unsigned char)kept;
	S_fstore(a->k, key, n);
	a->qlen = n;
	a->gen = P->gen;
	return a;
}

/* An attribute value after its opening quote q: the closing quote, or NULL
 * when S_value would not take it (or the buffer ends). */
static const unsigned char *S_fvalue(const unsigned char *p, const unsigned char *end, unsigned q,
                                     int *amp)
{
	const __m128i vq = _mm_set1_epi8((char)q), lt = _mm_set1_epi8('<'), am = _mm_set1_epi8('&'),
	              sp = _mm_set1_epi8(0x20);
	for (;;) {
		while (end - p >= 16) { /* < 0x20 and >= 0x80 (signed), the quote, '<', '&' */
			__m128i v = _mm_loadu_si128((const __m128i *)p);
			__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, sp), _mm_cmpeq_epi8(v, vq)),
			                           _mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, am)));
			unsigned m = (unsigned)_mm_movemask_epi8(hit);
			if (m) {
				p += __builtin_ctz(m);
				goto look;
			}
			p += 16;
		}
		while (p < end && !S_av[*p])
			p++;
		if (p >= end)
			return NULL;
	look:;
		unsigned c = *p;
		if (c == q)
			return p;
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
		} else if (c == '"' || c == '\'') {
			p++; /* the other quote */
		} else {
			return NULL; /* '<' or a control character */
		}
	}
}

/* The start tag after '<', the quick way: names of at most 15 bytes whose
 * lookups are cached, no namespace declarations, at most S_FAST_ATT
 * attributes, written without white space around '='.  Does what S_start
 * would do and returns as it would; 2 when the tag is one for S_start
 * (nothing done then but cache fills). */
static int S_start_fast(S_p *P)
{
	const unsigned char *p = P->p, *end = P->end;
	if (end - p < 16)
		return 2;
	S_key ekey;
	uint32_t qlen = S_fkey(p, end, &ekey);
	if (!qlen)
		return 2;
	const unsigned char *qn = p;
	p += qlen;
	uint32_t natt = 0;
	int empty = 0;
	for (;;) {
		unsigned c = *p;
		if (c == '>') {
			p++;
			break;
		}
		if (c == '/') {
			if (p + 1 >= end || p[1] != '>')
				return 2;
			p += 2;
			empty = 1;
			break;
		}
		if (!S_ws(c))
			return 2;
		p = S_skip_ws(p, end);
		if (p >= end)
			return 2;
		if (*p == '>' || *p == '/')
			continue;
		if (natt == S_FAST_ATT || end - p < 16)
			return 2;
		S_key akey;
		uint32_t alen = S_fkey(p, end, &akey);
		if (!alen)
			return 2;
		S_fa *fa = &P->fa[S_fslot(&akey, alen)];
		if (!S_fhit(P, fa->k, fa->qlen, fa->gen, &akey, alen) && !S_fa_fill(P, fa, p, alen, &akey))
			return 2;
		S_att *a = &P->att[natt];
		P->fat[natt++] = fa;
		a->qn = (const char *)p;
		a->qlen = alen;
		p += alen;
		if (p + 1 >= end || *p != '=' || (p[1] != '"' && p[1] != '\''))
			return 2;
		unsigned q = p[1];
		p += 2;
		a->v = (const char *)p;
		a->amp = 0;
		if (!(p = S_fvalue(p, end, q, &a->amp)) || (size_t)(p - (const unsigned char *)a->v) > P->max_text)
			return 2;
		a->vlen = (uint32_t)(p - (const unsigned char *)a->v);
		if (++p >= end)
			return 2;
	}
	uint32_t depth = P->depth;
	if (depth + 2 >= P->max_depth)
		return 2;
	for (uint32_t i = 1; i < natt; i++) /* the same name, or the same expanded name, twice */
		for (uint32_t j = 0; j < i; j++) {
			const S_fa *x = P->fat[i], *y = P->fat[j];
			if (x == y)
				return 2;
			if (x->uri && x->uri == y->uri && x->qlen - x->lnoff == y->qlen - y->lnoff &&
			    memcmp(P->att[i].qn + x->lnoff, P->att[j].qn + y->lnoff, x->qlen - x->lnoff) == 0)
				return 2;
		}
	S_fe *e = &P->fe[S_fslot(&ekey, qlen)];
	if (!S_fhit(P, e->k, e->qlen, e->gen, &ekey, qlen) && !S_fe_fill(P, e, qn, qlen, &ekey))
		return 2;
	P->p = p;
	if (depth == P->afr) {
		uint32_t a = P->afr ? P->afr * 2 : 64;
		S_frame *v = realloc(P->fr, a * sizeof *v);
		if (!v)
			return -1;
		P->fr = v;
		P->afr = a;
	}
	S_frame *f = &P->fr[depth];
	int recd = e->rec && depth <= P->skip;
	f->qn = (const char *)qn, f->qlen = qlen, f->nbind = P->nbind, f->rec = (unsigned char)recd;
	f->keep = 0, f->cls = e->cls, f->ln = e->ln, f->id = e->id;
	if (recd) {
		const tl_xspec *spec = P->spec;
		tl_xev ev = {TL_XEV_START, e->cls, (unsigned char)empty, 0, (int32_t)depth, e->ln,
		             0, 0, P->xat, e->uri, e->id};
		size_t need = 1;
		for (uint32_t i = 0; i < natt; i++)
			need += P->att[i].vlen + 1;
		char *o = S_scratch(P, need);
		if (!o)
			return -1;
		for (uint32_t i = 0; i < natt; i++) {
			const S_att *a = &P->att[i];
			const S_fa *fa = P->fat[i];
			if (!fa->kept)
				continue;
			tl_xattr *x = &P->xat[ev.nat++];
			x->ln = fa->s;
			x->ns = fa->cls;
			x->val = o;
			if (a->amp) {
				o += tl_xev_decode(o, (const unsigned char *)a->v, a->vlen) + 1;
			} else {
				memcpy(o, a->v, a->vlen);
				o[a->vlen] = 0;
				o += a->vlen + 1;
			}
		}
		(void)spec;
		f->keep = e->keep;
		int rc = P->fn(P->ctx, &ev);
		if (rc == TL_XEV_SKIP || rc == TL_XEV_NOTEXT) {
			if (!empty)
				P->skip = rc == TL_XEV_SKIP ? depth : P->skip, f->keep = 0;
		} else if (rc) {
			return 0;
		}
	}
	if (!empty)
		P->depth++;
	return 1;
}
#endif

/* The end tag after "</". */
static int S_end(S_p *P)
{
	const unsigned char *p = P->p, *end = P->end;
	if (!P->depth)
		return 0;
	S_frame *f = &P->fr[P->depth - 1];
#ifdef S_FAST
	if (f->qlen <= 48 && end - p >= 48) { /* the start tag's name lies before p */
		for (uint32_t o = 0; o < f->qlen; o += 16) {
			__m128i a = _mm_loadu_si128((const __m128i *)(p + o));
			__m128i b = _mm_loadu_si128((const __m128i *)(f->qn + o));
			unsigned eq = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a, b));
			uint32_t k = f->qlen - o < 16 ? f->qlen - o : 16;
			if ((eq | ~((1u << k) - 1)) != ~0u)
				return 0;
		}
	} else
#endif
	if ((size_t)(end - p) < f->qlen || memcmp(p, f->qn, f->qlen) != 0)
		return 0;
	p = S_skip_ws(p + f->qlen, end);
	if (p >= end || *p != '>')
		return 0;
	P->p = p + 1;
	P->depth--;
	if (P->nbind != f->nbind)
		P->nbind = f->nbind, P->gen++;
	if (f->rec) {
		if (P->depth == P->skip)
			P->skip = UINT32_MAX;
		tl_xev ev = {TL_XEV_END, f->cls, 0, 0, (int32_t)P->depth, f->ln, 0, 0, NULL, NULL, f->id};
		if (P->fn(P->ctx, &ev))
			return 0;
	}
	return 1;
}

/* Text from P->p up to the next '<'. */
static int S_text(S_p *P)
{
	const unsigned char *s = P->p, *p = s, *end = P->end;
	int amp = 0;
	while (p < end) {
#ifdef __SSE2__
		/* sixteen bytes at a time, to the first one that needs a look (>= 0x80,
		 * < 0x20, '<', '&' or ']': signed, the first two are one compare) */
		while (end - p >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)p);
			__m128i hit = _mm_or_si128(
				_mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
			                     _mm_cmpeq_epi8(v, _mm_set1_epi8('<'))),
				_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')),
			                     _mm_cmpeq_epi8(v, _mm_set1_epi8(']'))));
			unsigned m = (unsigned)_mm_movemask_epi8(hit);
			if (m) {
				p += __builtin_ctz(m);
				break;
			}
			p += 16;
		}
#endif
		/* eight plain bytes at a time: none >= 0x80, < 0x20, '<', '&' or ']' */
		while (end - p >= 8) {
			const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
			uint64_t w, a, b, c;
			memcpy(&w, p, 8);
			a = w ^ (ones * '<'), b = w ^ (ones * '&'), c = w ^ (ones * ']');
			uint64_t hit = w | ((w - ones * 0x20) & ~w) | ((a - ones) & ~a) | ((b - ones) & ~b) |
			               ((c - ones) & ~c);
			if (hit & high)
				break;
			p += 8;
		}
		if (p >= end)
			break;
		if (!S_tx[*p]) {
			p++;
			continue;
		}
		unsigned c = *p;
		if (c == '<')
			break;
		if (c == '&') {
			uint32_t cp;
			size_t m = tl_xev_ref(p, end, &cp);
			if (!m)
				return 0;
			amp = 1;
			p += m;
		} else if (c == ']') {
			if (end - p >= 3 && p[1] == ']' && p[2] == '>')
				return 0;
			p++;
		} else if (c >= 0x80) {
			size_t m = tl_xev_utf8(p, end);
			if (!m)
				return 0;
			p += m;
		} else if (c == '\r') {
			amp = 1; /* a line end to normalise */
			p++;
		} else {
			return 0; /* a control character */
		}
	}
	P->p = p;
	if (p == s)
		return 1;
	if ((size_t)(p - s) > P->max_text)
		return 0;
	if (!P->depth) { /* outside the root: white space only */
		for (const unsigned char *q = s; q < p; q++)
			if (!S_ws(*q))
				return 0;
		return 1;
	}
	if (!P->fr[P->depth - 1].keep)
		return 1;
	tl_xev ev = {TL_XEV_TEXT, 0, 0, 0, (int32_t)P->depth, (const char *)s, (uint32_t)(p - s), 0, NULL,
	             NULL, 0};
	if (amp) {
		char *o = S_scratch(P, (size_t)(p - s) + 1);
		if (!o)
			return -1;
		ev.len = (uint32_t)tl_xev_decode(o, s, (size_t)(p - s));
		ev.ln = o;
	}
	return P->fn(P->ctx, &ev) ? 0 : 1;
}

/* <?xml version="1.0" encoding="UTF-8" standalone="yes"?> with the last two optional */
static int S_decl(S_p *P)
{
	const unsigned char *p = P->p + 5, *end = P->end;
	static const char *const key[] = {"version", "encoding", "standalone"};
	int next = 0;
	for (;;) {
		const unsigned char *q = S_skip_ws(p, end);
		int ws = q > p;
		p = q;
		if (end - p >= 2 && p[0] == '?' && p[1] == '>') {
			P->p = p + 2;
			return next > 0;
		}
		if (!ws)
			return 0;
		int k = -1;
		for (int i = next; i < 3 && k < 0; i++)
			if ((size_t)(end - p) > strlen(key[i]) && memcmp(p, key[i], strlen(key[i])) == 0)
				k = i;
		if (k < 0 || (next == 0 && k != 0))
			return 0;
		p = S_skip_ws(p + strlen(key[k]), end);
		if (p >= end || *p != '=')
			return 0;
		p = S_skip_ws(p + 1, end);
		if (p >= end || (*p != '"' && *p != '\''))
			return 0;
		unsigned qc = *p++;
		const unsigned char *v = p;
		while (p < end && *p != qc && *p >= 0x20 && *p < 0x80 && *p != '<')
			p++;
		if (p >= end || *p != qc)
			return 0;
		size_t n = (size_t)(p - v);
		p++;
		if (k == 0 && !(n == 3 && memcmp(v, "1.0", 3) == 0))
			return 0;
		if (k == 1 && !(n == 5 && strncasecmp((const char *)v, "UTF-8", 5) == 0))
			return 0;
		if (k == 2 && !((n == 3 && memcmp(v, "yes", 3) == 0) || (n == 2 && memcmp(v, "no", 2) == 0)))
			return 0;
		next = k + 1;
	}
}

static int S_run(S_p *P)
{
	const unsigned char *end = P->end;
	if (end - P->p >= 3 && P->p[0] == 0xEF && P->p[1] == 0xBB && P->p[2] == 0xBF)
		P->p += 3;
	if (end - P->p >= 6 && memcmp(P->p, "<?xml", 5) == 0 && S_ws(P->p[5])) {
		if (!S_decl(P))
			return 0;
	}
	const unsigned char *ws = P->p;
	P->p = S_skip_ws(P->p, end);
	if (P->p >= end || *P->p != '<' || (size_t)(P->p - ws) > P->max_text)
		return 0;
	int rooted = 0;
	while (P->p < end) {
		if (*P->p != '<') {
			int rc = S_text(P);
			if (rc <= 0)
				return rc;
			continue;
		}
		P->p++;
		int rc;
		if (P->p < end && *P->p == '/') {
			P->p++;
			rc = S_end(P);
		} else {
			if (rooted && !P->depth)
				return 0; /* a second root */
#ifdef S_FAST
			rc = S_start_fast(P);
			if (rc == 2)
				rc = S_start(P);
#else
			rc = S_start(P);
#endif
			rooted = 1;
		}
		if (rc <= 0)
			return rc;
	}
	return rooted && P->depth == 0;
}

int tl_xev_parse(const char *data, size_t len, const tl_xspec *spec, unsigned max_depth,
                 size_t max_text, tl_xev_fn fn, void *ctx)
{
	pthread_once(&S_once, S_tables_once);
	S_p *P = calloc(1, sizeof *P);
	if (!P)
		return 0;
	tl_arena_init(&P->names, 0);
	P->p = (const unsigned char *)data;
	P->end = P->p + len;
	P->spec = spec;
	P->fn = fn;
	P->ctx = ctx;
	P->max_depth = max_depth;
	P->max_text = max_text < S_MAX_VALUE ? max_text : S_MAX_VALUE;
	P->xmlb = (S_bind){"xml", S_XML_NS, 3, sizeof S_XML_NS - 1, TL_XNS_OTHER, S_XML_NS};
	P->xmlb.cls = S_class(spec, S_XML_NS, sizeof S_XML_NS - 1);
	P->skip = UINT32_MAX;
	int rc = data && len < 0x7fffffff ? S_run(P) : 0;
	tl_arena_free(&P->names);
	free(P->tab);
	free(P->sbuf);
	free(P->bind);
	free(P->fr);
	free(P);
	return rc == 1;
}

int tl_xev_name_index(const char *const *names, size_t n, const char *ln)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(ln, names[mid]);
		if (c == 0)
			return (int)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}
