/* xev_names.c: the fast pass's names and namespaces.  Every local name and
 * namespace URI the pass hands over is interned once per part (one
 * NUL-terminated copy in an arena, found again through a small hash table
 * and a cache of recent names), so an event's names stay valid until
 * tl_xev_parse returns and the callers' per-name answers (keep_text,
 * name_id) can be kept with the table entry.  Prefix bindings are a stack
 * that start tags push and end tags pop; its generation number tells the
 * qualified-name caches (xev_int.h) when a cached lookup went stale.  Also
 * the per-event scratch buffer for decoded values and text. */
#include <stdlib.h>
#include <string.h>

#include "ingest/xev_int.h"

/* A (qualified) name at p: sets *qlen and *colon (index of ':' or 0); a
 * second ':' ends it. */
int tl_xp_name(const unsigned char *p, const unsigned char *end, uint32_t *qlen, uint32_t *colon)
{
	const unsigned char *s = p;
	*colon = 0;
	if (p >= end || tl_xev_nc[*p] != 1)
		return 0;
	for (p++; p < end && tl_xev_nc[*p]; p++)
		;
	if (p < end && *p == ':') {
		*colon = (uint32_t)(p - s);
		if (++p >= end || tl_xev_nc[*p] != 1)
			return 0;
		for (p++; p < end && tl_xev_nc[*p]; p++)
			;
	}
	*qlen = (uint32_t)(p - s);
	return *qlen <= TL_XEV_MAX_NAME;
}

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

/* One NUL-terminated copy per distinct name (its table entry). */
tl_xname *tl_xp_intern_e(tl_xpass *P, const char *p, size_t n)
{
	size_t ri = n ? ((size_t)(unsigned char)p[0] * 31 + (unsigned char)p[n - 1] * 7 + n) & 63 : 0;
	tl_xname *e = P->recent[ri];
	if (e && e->len == n && tl_xp_eq(e->s, p, n))
		return e;
	if (P->ntab * 2 >= P->atab) {
		size_t a = P->atab ? P->atab * 2 : 128;
		tl_xname *v = calloc(a, sizeof *v);
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
		if (P->tab[k].hash == h && P->tab[k].len == n && tl_xp_eq(P->tab[k].s, p, n))
			return P->recent[ri] = &P->tab[k];
	char *str = tl_arena_strndup(&P->names, p, n);
	if (!str)
		return NULL;
	P->tab[k] = (tl_xname){h, (uint32_t)n, str, 0, 0, 0, {0}};
	P->ntab++;
	return P->recent[ri] = &P->tab[k];
}

const char *tl_xp_intern(tl_xpass *P, const char *p, size_t n)
{
	tl_xname *e = tl_xp_intern_e(P, p, n);
	return e ? e->s : NULL;
}

char *tl_xp_scratch_grow(tl_xpass *P, size_t n)
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

const tl_xbind *tl_xp_lookup(tl_xpass *P, const char *pfx, uint32_t plen)
{
	if (P->cb && P->cgen == P->gen && P->cplen == plen && tl_xp_eq(P->cpfx, pfx, plen))
		return P->cb;
	const tl_xbind *b = NULL;
	for (uint32_t i = P->nbind; i-- > 0;)
		if (P->bind[i].plen == plen && tl_xp_eq(P->bind[i].pfx, pfx, plen)) {
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

int tl_xp_class(const tl_xspec *spec, const char *uri, uint32_t n)
{
	if (n == 0)
		return TL_XNS_NONE;
	for (int i = 0; i < spec->nns; i++)
		if (strlen(spec->ns[i]) == n && memcmp(spec->ns[i], uri, n) == 0)
			return i;
	return TL_XNS_OTHER;
}

int tl_xp_push_bind(tl_xpass *P, const tl_xbind *b)
{
	if (P->nbind == P->abind) {
		uint32_t a = P->abind ? P->abind * 2 : 64;
		tl_xbind *v = realloc(P->bind, a * sizeof *v);
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
