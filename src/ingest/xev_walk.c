/* xev_walk.c: the fast pass's inner loop (tl_xp_walk): text, end tags and
 * start tags from the root element to the end of the part, each handed to
 * the caller as an event.  This is where the time of a read goes, so its
 * parts share one translation unit (the compiler inlines them into the
 * loop; the build has no link-time optimisation).  On x86-64 start tags go
 * the quick way first (S_start_fast): most tags of a part repeat a handful
 * of names ("w:p", "w:r", "w:val"), so the name and each attribute name are
 * read sixteen bytes at a time into a zero-padded key and looked up in two
 * small caches of everything tl_xp_start would work out for them (binding,
 * class, interned local name, the caller's answers), valid while the
 * bindings stay those of the generation they were filled in.  A tag the
 * caches cannot take -- a first name, a namespace declaration, white space
 * around '=', a name of 48 bytes or more, more than TL_XFAST_ATT
 * attributes -- goes to tl_xp_start (xev_start.c). */
#include <stdlib.h>
#include <string.h>

#include "ingest/xev_int.h"

#ifdef TL_XEV_FAST
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
                                                      const unsigned char *end, tl_xkey *key)
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
static inline uint32_t S_fkey(const unsigned char *p, const unsigned char *end, tl_xkey *key)
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

static uint32_t S_fslot(const tl_xkey *key, uint32_t n)
{
	uint64_t h = (S_lo(key->b[0]) ^ n) * 0x9E3779B97F4A7C15ULL ^ S_hi(key->b[0]) * 0xC2B2AE3D27D4EB4FULL;
	if (n >= 16)
		h ^= (S_lo(key->b[1]) + S_hi(key->b[1]) * 0x165667B19E3779F9ULL + S_lo(key->b[2]) +
		      S_hi(key->b[2]) * 0x27D4EB2F165667C5ULL) * 0x94D049BB133111EBULL;
	return (uint32_t)(h >> (64 - TL_XFQ_BITS));
}

static int S_fhit(const tl_xpass *P, const unsigned char *k, uint32_t qlen, uint32_t gen,
                  const tl_xkey *key, uint32_t n)
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

static void S_fstore(unsigned char *k, const tl_xkey *key, uint32_t n)
{
	_mm_storeu_si128((__m128i *)k, key->b[0]);
	_mm_storeu_si128((__m128i *)(k + 16), n < 16 ? _mm_setzero_si128() : key->b[1]);
	_mm_storeu_si128((__m128i *)(k + 32), n < 16 ? _mm_setzero_si128() : key->b[2]);
}

/* Fills an element entry after the checks tl_xp_start makes; NULL when the
 * element is one for tl_xp_start (an error there, or mc's Requires) or on out
 * of memory (tl_xp_start meets it too). */
static tl_xfe *S_fe_fill(tl_xpass *P, tl_xfe *e, const unsigned char *qn, uint32_t n, const tl_xkey *key)
{
	uint32_t qlen, colon;
	if (!tl_xp_name(qn, P->end, &qlen, &colon) || qlen != n)
		return NULL;
	const char *q = (const char *)qn;
	const tl_xbind *eb;
	if (colon) {
		if ((colon == 3 && memcmp(q, "xml", 3) == 0) || (colon == 5 && memcmp(q, "xmlns", 5) == 0))
			return NULL;
		if (!(eb = tl_xp_lookup(P, q, colon)))
			return NULL;
	} else {
		eb = tl_xp_lookup(P, "", 0);
	}
	const tl_xspec *spec = P->spec;
	int cls = eb ? eb->cls : TL_XNS_NONE;
	if (cls == spec->mc_class)
		return NULL;
	tl_xname *en = tl_xp_intern_e(P, q + (colon ? colon + 1 : 0), n - (colon ? colon + 1 : 0));
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
 * prefix or a malformed name (tl_xp_start's), or out of memory. */
static tl_xfa *S_fa_fill(tl_xpass *P, tl_xfa *a, const unsigned char *qn, uint32_t n, const tl_xkey *key)
{
	uint32_t qlen, colon;
	if (!tl_xp_name(qn, P->end, &qlen, &colon) || qlen != n)
		return NULL;
	const char *q = (const char *)qn;
	if ((n == 5 && memcmp(q, "xmlns", 5) == 0) || (colon == 5 && memcmp(q, "xmlns", 5) == 0))
		return NULL;
	const tl_xbind *b = NULL;
	if (colon && !(b = tl_xp_lookup(P, q, colon)))
		return NULL;
	int cls = b ? b->cls : TL_XNS_NONE;
	int kept = cls == TL_XNS_NONE || (cls < 32 && (P->spec->attr_mask & (1u << cls)));
	uint32_t off = colon ? colon + 1 : 0;
	const char *ln = kept ? tl_xp_intern(P, q + off, n - off) : NULL;
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
		while (p < end && !tl_xev_av[*p])
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
 * lookups are cached, no namespace declarations, at most TL_XFAST_ATT
 * attributes, written without white space around '='.  Does what tl_xp_start
 * would do and returns as it would; 2 when the tag is one for tl_xp_start
 * (nothing done then but cache fills). */
static int S_start_fast(tl_xpass *P)
{
	const unsigned char *p = P->p, *end = P->end;
	if (end - p < 16)
		return 2;
	tl_xkey ekey;
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
		if (!tl_xp_ws(c))
			return 2;
		p = tl_xp_skip_ws(p, end);
		if (p >= end)
			return 2;
		if (*p == '>' || *p == '/')
			continue;
		if (natt == TL_XFAST_ATT || end - p < 16)
			return 2;
		tl_xkey akey;
		uint32_t alen = S_fkey(p, end, &akey);
		if (!alen)
			return 2;
		tl_xfa *fa = &P->fa[S_fslot(&akey, alen)];
		if (!S_fhit(P, fa->k, fa->qlen, fa->gen, &akey, alen) && !S_fa_fill(P, fa, p, alen, &akey))
			return 2;
		tl_xraw *a = &P->att[natt];
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
			const tl_xfa *x = P->fat[i], *y = P->fat[j];
			if (x == y)
				return 2;
			if (x->uri && x->uri == y->uri && x->qlen - x->lnoff == y->qlen - y->lnoff &&
			    memcmp(P->att[i].qn + x->lnoff, P->att[j].qn + y->lnoff, x->qlen - x->lnoff) == 0)
				return 2;
		}
	tl_xfe *e = &P->fe[S_fslot(&ekey, qlen)];
	if (!S_fhit(P, e->k, e->qlen, e->gen, &ekey, qlen) && !S_fe_fill(P, e, qn, qlen, &ekey))
		return 2;
	P->p = p;
	tl_xframe *f = tl_xp_frame(P, depth);
	if (!f)
		return -1;
	int recd = e->rec && depth <= P->skip;
	f->qn = (const char *)qn, f->qlen = qlen, f->nbind = P->nbind, f->rec = (unsigned char)recd;
	f->keep = 0, f->cls = e->cls, f->ln = e->ln, f->id = e->id;
	if (recd) {
		tl_xev ev = {TL_XEV_START, e->cls, (unsigned char)empty, 0, (int32_t)depth, e->ln,
		             0, 0, P->xat, e->uri, e->id};
		size_t need = 1;
		for (uint32_t i = 0; i < natt; i++)
			need += P->att[i].vlen + 1;
		char *o = tl_xp_scratch(P, need);
		if (!o)
			return -1;
		for (uint32_t i = 0; i < natt; i++) {
			const tl_xraw *a = &P->att[i];
			const tl_xfa *fa = P->fat[i];
			if (!fa->kept)
				continue;
			tl_xattr *x = &P->xat[ev.nat++];
			x->ln = fa->s;
			x->ns = fa->cls;
			x->val = o;
			o = tl_xp_value_copy(o, a);
		}
		f->keep = e->keep;
		if (!tl_xp_started(P, f, depth, empty, P->fn(P->ctx, &ev)))
			return 0;
	}
	if (!empty)
		P->depth++;
	return 1;
}
#endif

/* The end tag after "</". */
static int S_end(tl_xpass *P)
{
	const unsigned char *p = P->p, *end = P->end;
	if (!P->depth)
		return 0;
	tl_xframe *f = &P->fr[P->depth - 1];
#ifdef TL_XEV_FAST
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
	p = tl_xp_skip_ws(p + f->qlen, end);
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
static int S_text(tl_xpass *P)
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
		if (!tl_xev_tx[*p]) {
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
			if (!tl_xp_ws(*q))
				return 0;
		return 1;
	}
	if (!P->fr[P->depth - 1].keep)
		return 1;
	tl_xev ev = {TL_XEV_TEXT, 0, 0, 0, (int32_t)P->depth, (const char *)s, (uint32_t)(p - s), 0, NULL,
	             NULL, 0};
	if (amp) {
		char *o = tl_xp_scratch(P, (size_t)(p - s) + 1);
		if (!o)
			return -1;
		ev.len = (uint32_t)tl_xev_decode(o, s, (size_t)(p - s));
		ev.ln = o;
	}
	return P->fn(P->ctx, &ev) ? 0 : 1;
}

/* The elements and text from the root's '<' to the end of the part: 1
 * done, 0 give up, -1 out of memory. */
int tl_xp_walk(tl_xpass *P)
{
	const unsigned char *end = P->end;
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
#ifdef TL_XEV_FAST
			rc = S_start_fast(P);
			if (rc == 2)
				rc = tl_xp_start(P);
#else
			rc = tl_xp_start(P);
#endif
			rooted = 1;
		}
		if (rc <= 0)
			return rc;
	}
	return rooted && P->depth == 0;
}
