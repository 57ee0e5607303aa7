/* xev_text.c: the character level of the fast pass (xev.c): UTF-8 that is
 * an XML Char, entity and character references, and decoding with line-end
 * normalisation as libxml2 does it. */
#include <string.h>

#include "ingest/xev_int.h"

/* A multi-byte UTF-8 sequence at p that is an XML Char: its length, or 0. */
size_t tl_xev_utf8(const unsigned char *p, const unsigned char *end)
{
	unsigned c = p[0];
	size_t n = (size_t)(end - p);
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && p[1] < 0xA0)
			return 0; /* overlong */
		if (c == 0xED && p[1] >= 0xA0)
			return 0; /* surrogate */
		if (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE)
			return 0; /* U+FFFE, U+FFFF */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

static int S_is_char(uint32_t v)
{
	return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
	       (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
}

/* An entity or character reference at p ('&'): its length and code point, 0 if not one we take. */
size_t tl_xev_ref(const unsigned char *p, const unsigned char *end, uint32_t *cp)
{
	size_t n = (size_t)(end - p);
	static const struct {
		const char *s;
		size_t n;
		char c;
	} pre[] = {{"&lt;", 4, '<'}, {"&gt;", 4, '>'}, {"&amp;", 5, '&'}, {"&quot;", 6, '"'}, {"&apos;", 6, '\''}};
	if (n >= 2 && p[1] != '#') {
		for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
			if (n >= pre[i].n && memcmp(p, pre[i].s, pre[i].n) == 0) {
				*cp = (unsigned char)pre[i].c;
				return pre[i].n;
			}
		return 0;
	}
	size_t i = 2;
	uint32_t v = 0;
	int hex = i < n && p[i] == 'x';
	if (hex)
		i++;
	size_t d0 = i;
	for (; i < n && i - d0 < 8; i++) {
		unsigned c = p[i];
		if (c >= '0' && c <= '9')
			v = v * (hex ? 16 : 10) + (c - '0');
		else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
			v = v * 16 + ((c | 0x20) - 'a' + 10);
		else
			break;
	}
	if (i == d0 || i >= n || p[i] != ';' || !S_is_char(v))
		return 0;
	*cp = v;
	return i + 1;
}

static size_t S_put_utf8(char *o, uint32_t v)
{
	if (v < 0x80) {
		o[0] = (char)v;
		return 1;
	}
	if (v < 0x800) {
		o[0] = (char)(0xC0 | v >> 6);
		o[1] = (char)(0x80 | (v & 0x3F));
		return 2;
	}
	if (v < 0x10000) {
		o[0] = (char)(0xE0 | v >> 12);
		o[1] = (char)(0x80 | ((v >> 6) & 0x3F));
		o[2] = (char)(0x80 | (v & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | v >> 18);
	o[1] = (char)(0x80 | ((v >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((v >> 6) & 0x3F));
	o[3] = (char)(0x80 | (v & 0x3F));
	return 4;
}

/* Decodes raw [p, p+n) (already checked) into o (n + 1 bytes), NUL-terminated:
 * references, and line ends as libxml2 normalises them ("\r\n", "\r" -> "\n"). */
size_t tl_xev_decode(char *o, const unsigned char *p, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		if (p[i] == '&') {
			uint32_t cp = 0;
			size_t m = tl_xev_ref(p + i, p + n, &cp);
			k += S_put_utf8(o + k, cp);
			i += m;
		} else if (p[i] == '\r') {
			o[k++] = '\n';
			i += i + 1 < n && p[i + 1] == '\n' ? 2 : 1;
		} else {
			o[k++] = (char)p[i++];
		}
	}
	o[k] = 0;
	return k;
}

