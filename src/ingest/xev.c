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
 *  - nesting below max_depth - 2 (the reader's per-node depth check).
 *
 * This file holds the entry points, the character classes and what comes
 * before the root element (a byte-order mark, the XML declaration).  The
 * walk over the elements and text, with start tags the quick way, is in
 * xev_walk.c; start tags the general way in xev_start.c; names and
 * bindings in xev_names.c; characters in xev_text.c.  The state they share
 * is tl_xpass (xev_int.h). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/xev.h"
#include "ingest/xev_int.h"
#include "util/arena.h"

#define S_MAX_VALUE 1000000

/* 1 name-start, 2 name char, 0 neither */
unsigned char tl_xev_nc[256];
/* text: 1 for a byte that needs a look (control, '<', '&', ']', non-ASCII) */
unsigned char tl_xev_tx[256];
/* attribute values: 1 for a byte that needs a look (control, '<', '&', quotes, non-ASCII) */
unsigned char tl_xev_av[256];
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static void S_tables_once(void)
{
	for (int c = 0; c < 256; c++) {
		int start = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
		int name = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
		tl_xev_nc[c] = start ? 1 : name ? 2 : 0;
		tl_xev_tx[c] = (c < 0x20 && c != '\t' && c != '\n') || c == '<' || c == '&' ||
		               c == ']' || c >= 0x80;
		tl_xev_av[c] = c < 0x20 || c == '<' || c == '&' || c == '"' || c == '\'' || c >= 0x80;
	}
}

/* <?xml version="1.0" encoding="UTF-8" standalone="yes"?> with the last two optional */
static int S_decl(tl_xpass *P)
{
	const unsigned char *p = P->p + 5, *end = P->end;
	static const char *const key[] = {"version", "encoding", "standalone"};
	int next = 0;
	for (;;) {
		const unsigned char *q = tl_xp_skip_ws(p, end);
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
		p = tl_xp_skip_ws(p + strlen(key[k]), end);
		if (p >= end || *p != '=')
			return 0;
		p = tl_xp_skip_ws(p + 1, end);
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

/* Up to the root's '<': a byte-order mark, the XML declaration, white
 * space.  1, or 0 to give up. */
static int S_prolog(tl_xpass *P)
{
	const unsigned char *end = P->end;
	if (end - P->p >= 3 && P->p[0] == 0xEF && P->p[1] == 0xBB && P->p[2] == 0xBF)
		P->p += 3;
	if (end - P->p >= 6 && memcmp(P->p, "<?xml", 5) == 0 && tl_xp_ws(P->p[5])) {
		if (!S_decl(P))
			return 0;
	}
	const unsigned char *ws = P->p;
	P->p = tl_xp_skip_ws(P->p, end);
	if (P->p >= end || *P->p != '<' || (size_t)(P->p - ws) > P->max_text)
		return 0;
	return 1;
}

int tl_xev_parse(const char *data, size_t len, const tl_xspec *spec, unsigned max_depth,
                 size_t max_text, tl_xev_fn fn, void *ctx)
{
	pthread_once(&S_once, S_tables_once);
	tl_xpass *P = calloc(1, sizeof *P);
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
	P->xmlb = (tl_xbind){"xml", TL_XEV_XML_NS, 3, sizeof TL_XEV_XML_NS - 1, TL_XNS_OTHER, TL_XEV_XML_NS};
	P->xmlb.cls = tl_xp_class(spec, TL_XEV_XML_NS, sizeof TL_XEV_XML_NS - 1);
	P->skip = UINT32_MAX;
	int rc = data && len < 0x7fffffff && S_prolog(P) ? tl_xp_walk(P) : 0;
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
