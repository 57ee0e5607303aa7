/* xev_int.h: shared by the fast pass's files: the entry points (xev.c),
 * the walk over elements and text with start tags the quick way
 * (xev_walk.c), start tags the general way (xev_start.c), the name table
 * and namespace bindings (xev_names.c) and the character level
 * (xev_text.c).  Names with tl_xp_ work on the pass's state (tl_xpass);
 * none of this leaves src/ingest. */
#ifndef TL_INGEST_XEV_INT_H
#define TL_INGEST_XEV_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#define TL_XEV_FAST 1 /* the quick way through a start tag (xev_walk.c) */
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ingest/xev.h"
#include "util/arena.h"

/* A multi-byte UTF-8 sequence at p that is an XML Char: its length, or 0. */
size_t tl_xev_utf8(const unsigned char *p, const unsigned char *end);
/* An entity or character reference at p ('&'): its length and code point,
 * 0 if not one the fast pass takes (&lt; &gt; &amp; &quot; &apos;, &#N; &#xH;
 * to an XML Char). */
size_t tl_xev_ref(const unsigned char *p, const unsigned char *end, uint32_t *cp);
/* Decodes raw [p, p+n) (already checked) into o (n + 1 bytes), NUL-terminated:
 * references, and line ends as libxml2 normalises them; returns the length. */
size_t tl_xev_decode(char *o, const unsigned char *p, size_t n);

/** ## The pass's state */

#define TL_XEV_MAX_ATT 256
#define TL_XEV_MAX_NAME 256

#define TL_XEV_XML_NS "http://www.w3.org/XML/1998/namespace"
#define TL_XEV_XMLNS_NS "http://www.w3.org/2000/xmlns/"

typedef struct tl_xname {
	uint32_t hash, len;
	const char *s;
	uint32_t kknown, kmask; /* keep_text's answer per namespace class, once known */
	uint32_t idknown;       /* name_id's answer known, per class below TL_XEV_ID_CLASSES */
	int id[TL_XEV_ID_CLASSES];
} tl_xname;

typedef struct tl_xbind {
	const char *pfx, *uri;
	uint32_t plen, ulen;
	int cls;
	const char *uriz; /* NUL-terminated (interned), NULL for none */
} tl_xbind;

typedef struct tl_xframe {
	const char *qn;
	const char *ln; /* handed over: the interned local name */
	int id;         /* handed over: its name_id */
	uint32_t qlen, nbind;
	unsigned char rec, keep, cls;
} tl_xframe;

typedef struct tl_xraw {
	const char *qn, *v;
	uint32_t qlen, colon, vlen;
	int amp;
	const tl_xbind *b; /* prefixed: its binding */
	struct tl_xqc *q;  /* prefixed: its slot in the name cache */
} tl_xraw;

/* A qualified name seen before, with what its lookups gave while the
 * bindings were those of generation `gen`: start tags repeat a handful of
 * names ("w:p", "w:pPr", "w:val"), so most skip the prefix lookup and the
 * interning. */
struct tl_xqc {
	const char *qn; /* the name's bytes in the part (NULL: empty slot) */
	uint32_t qlen, gen;
	const tl_xbind *b; /* the prefix's binding (elements: also the default one) */
	tl_xname *en;      /* elements: the local name's table entry */
	const char *s;     /* attributes: the interned local name, NULL until needed */
};
typedef struct tl_xqc tl_xqc;

#define TL_XQC 128

#ifdef TL_XEV_FAST
/* The quick way's caches (xev_walk.c): a qualified name of at most 47
 * bytes (ODF names are long: text:list-level-style-number), its bytes
 * zero-padded to 48 as the key, and all the lookups of a start tag's name
 * or attribute gave while the bindings were those of generation `gen`.  An
 * entry is filled only after the full checks (tl_xp_name, tl_xp_lookup)
 * passed on those very bytes, so a hit stands for them. */
#define TL_XFQ 256
#define TL_XFQ_BITS 8
#define TL_XFAST_ATT 32

typedef struct tl_xkey {
	__m128i b[3];
} tl_xkey;

typedef struct tl_xfe { /* an element name */
	unsigned char k[48];
	uint32_t qlen, gen;
	const char *ln, *uri; /* interned local name; namespace URI (NULL none) */
	int id;               /* name_id's answer */
	unsigned char cls, rec, keep;
} tl_xfe;

typedef struct tl_xfa { /* an attribute name (never a namespace declaration) */
	unsigned char k[48];
	uint32_t qlen, gen;
	const char *s;   /* kept attributes: the interned local name */
	const char *uri; /* prefixed: the interned namespace URI (the duplicate check) */
	uint32_t lnoff;  /* where the local name starts */
	unsigned char cls, kept;
} tl_xfa;
#endif

/* One pass over one part (tl_xev_parse). */
typedef struct tl_xpass {
	const unsigned char *p, *end;
	const tl_xspec *spec;
	tl_xev_fn fn;
	void *ctx;
	tl_xbind *bind;
	uint32_t nbind, abind;
	tl_xframe *fr;
	uint32_t depth, afr;
	unsigned max_depth;
	size_t max_text;
	uint32_t gen; /* changes with every change of the bindings */
	/* the last prefix looked up, valid while gen is unchanged */
	const char *cpfx;
	uint32_t cplen, cgen;
	const tl_xbind *cb;
	tl_xbind xmlb; /* xml: bound implicitly */
	/* interned names: one NUL-terminated copy each */
	tl_arena names;
	tl_xname *tab;
	size_t ntab, atab;
	tl_xname *recent[64]; /* by length and first and last byte: most names repeat */
	tl_xqc qel[TL_XQC];    /* element names */
	tl_xqc qat[TL_XQC];    /* attribute names */
	/* per event: decoded values and text */
	char *sbuf;
	size_t asbuf;
	tl_xraw att[TL_XEV_MAX_ATT];
	tl_xattr xat[TL_XEV_MAX_ATT];
	uint32_t skip; /* depth of the element whose inside is skipped (TL_XEV_SKIP), UINT32_MAX none */
#ifdef TL_XEV_FAST
	tl_xfe fe[TL_XFQ];
	tl_xfa fa[TL_XFQ];
	const tl_xfa *fat[TL_XFAST_ATT]; /* the tag's attributes' entries */
#endif
} tl_xpass;

/** ## Character classes (filled once by tl_xev_parse) */

/* 1 name-start, 2 name char, 0 neither */
extern unsigned char tl_xev_nc[256];
/* text: 1 for a byte that needs a look (control, '<', '&', ']', non-ASCII) */
extern unsigned char tl_xev_tx[256];
/* attribute values: 1 for a byte that needs a look (control, '<', '&', quotes, non-ASCII) */
extern unsigned char tl_xev_av[256];

static inline int tl_xp_ws(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline const unsigned char *tl_xp_skip_ws(const unsigned char *p, const unsigned char *end)
{
	while (p < end && tl_xp_ws(*p))
		p++;
	return p;
}

/** ## Names and bindings (xev_names.c) */

/* A (qualified) name at p: sets *qlen and *colon (index of ':' or 0); a
 * second ':' ends it.  0 when there is none or it is too long. */
int tl_xp_name(const unsigned char *p, const unsigned char *end, uint32_t *qlen, uint32_t *colon);

static inline int tl_xp_eq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* One NUL-terminated copy per distinct name (its table entry); NULL when
 * out of memory. */
tl_xname *tl_xp_intern_e(tl_xpass *P, const char *p, size_t n);
const char *tl_xp_intern(tl_xpass *P, const char *p, size_t n);
/* The binding of a prefix ("" for the default namespace), NULL if none. */
const tl_xbind *tl_xp_lookup(tl_xpass *P, const char *pfx, uint32_t plen);
/* The class of a namespace URI of n bytes (TL_XNS_NONE for n == 0). */
int tl_xp_class(const tl_xspec *spec, const char *uri, uint32_t n);
/* 0, or -1 when out of memory. */
int tl_xp_push_bind(tl_xpass *P, const tl_xbind *b);
char *tl_xp_scratch_grow(tl_xpass *P, size_t n);

/* The scratch buffer for one event, at least n bytes (earlier contents lost). */
static inline char *tl_xp_scratch(tl_xpass *P, size_t n)
{
	return n <= P->asbuf ? P->sbuf : tl_xp_scratch_grow(P, n);
}

static inline tl_xqc *tl_xp_qslot(tl_xqc *tab, const char *qn, uint32_t qlen)
{
	const unsigned char *u = (const unsigned char *)qn;
	return &tab[(qlen * 31u + u[qlen - 1] * 7u + u[qlen / 2] * 3u + u[0]) & (TL_XQC - 1)];
}

/* The slot holds this name, valid for the current bindings. */
static inline int tl_xp_qhit(const tl_xpass *P, const tl_xqc *q, const char *qn, uint32_t qlen)
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

/** ## The walk (xev_walk.c) and start tags (xev_start.c, xev_walk.c) */

/* From the root element's '<' to the end of the part: 1 all handed over,
 * 0 give up (or the callback stopped it), -1 out of memory. */
int tl_xp_walk(tl_xpass *P);
/* The start tag after '<', the general way: 1 done, 0 give up, -1 out of
 * memory. */
int tl_xp_start(tl_xpass *P);

/* Room for the frame at depth (the frames grow by doubling): NULL when out
 * of memory. */
static inline tl_xframe *tl_xp_frame(tl_xpass *P, uint32_t depth)
{
	if (depth == P->afr) {
		uint32_t a = P->afr ? P->afr * 2 : 64;
		tl_xframe *v = realloc(P->fr, a * sizeof *v);
		if (!v)
			return NULL;
		P->fr = v;
		P->afr = a;
	}
	return &P->fr[depth];
}

/* An attribute's value, decoded, at o; returns the byte after its NUL. */
static inline char *tl_xp_value_copy(char *o, const tl_xraw *a)
{
	if (a->amp)
		return o + tl_xev_decode(o, (const unsigned char *)a->v, a->vlen) + 1;
	memcpy(o, a->v, a->vlen);
	o[a->vlen] = 0;
	return o + a->vlen + 1;
}

/* What the callback's answer rc to the start of the element in frame f
 * (at depth) means: 1 go on, 0 stop. */
static inline int tl_xp_started(tl_xpass *P, tl_xframe *f, uint32_t depth, int empty, int rc)
{
	if (rc == TL_XEV_SKIP || rc == TL_XEV_NOTEXT) {
		if (!empty)
			P->skip = rc == TL_XEV_SKIP ? depth : P->skip, f->keep = 0;
	} else if (rc) {
		return 0;
	}
	return 1;
}

#endif
