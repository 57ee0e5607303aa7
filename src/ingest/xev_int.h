/* xev_int.h: shared by the fast pass's files (xev.c, xev_text.c). */
#ifndef TL_INGEST_XEV_INT_H
#define TL_INGEST_XEV_INT_H

#include <stddef.h>
#include <stdint.h>

/* A multi-byte UTF-8 sequence at p that is an XML Char: its length, or 0. */
size_t tl_xev_utf8(const unsigned char *p, const unsigned char *end);
/* An entity or character reference at p ('&'): its length and code point,
 * 0 if not one the fast pass takes (&lt; &gt; &amp; &quot; &apos;, &#N; &#xH;
 * to an XML Char). */
size_t tl_xev_ref(const unsigned char *p, const unsigned char *end, uint32_t *cp);
/* Decodes raw [p, p+n) (already checked) into o (n + 1 bytes), NUL-terminated:
 * references, and line ends as libxml2 normalises them; returns the length. */
size_t tl_xev_decode(char *o, const unsigned char *p, size_t n);

#endif
