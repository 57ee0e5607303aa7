/* xml.c: a safe streaming reader over one XML part (pkg.h).
 *
 * Defence in three layers (../shared/hostile/README.md):
 *  1. a linear pre-scan over the raw part, before libxml2 sees a byte:
 *     any <!DOCTYPE is refused (OOXML and ODF never need one, so entity
 *     expansion, XXE and external DTDs are gone with it), the encoding must
 *     be UTF-8 (validated here), UTF-16 or a Latin single-byte one, and the
 *     depth, text-run, attribute-value and attributes-per-element caps are
 *     checked; this is what stops libxml2 2.9.14's quadratic attribute
 *     check and keeps every limit's error code deterministic;
 *  2. libxml2 with XML_PARSE_NONET only (never NOENT, DTDLOAD, DTDATTR,
 *     DTDVALID, XINCLUDE, HUGE or RECOVER) and an external entity loader
 *     that denies everything, installed once per process;
 *  3. tl_xml_next refuses a DOCTYPE node and checks depth again.
 * libxml2's messages never reach stderr: a structured handler records the
 * first error of the current read in thread-local storage, and tl_xml_next
 * turns it into a TL_EXML_* code with the part and line. */
#include <stdarg.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "ingest/pkg.h"
#include "util/utf8.h"

#define S_MAX_ATTRS 1024

static _Thread_local struct {
	int have;
	int code, domain;
	long line, col;
	char msg[200];
} S_last;

static void S_record(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	if (!e || e->level < XML_ERR_ERROR || S_last.have)
		return;
	S_last.have = 1;
	S_last.code = e->code;
	S_last.domain = e->domain;
	S_last.line = e->line;
	S_last.col = e->int2;
	snprintf(S_last.msg, sizeof S_last.msg, "%s", e->message ? e->message : "");
	size_t n = strlen(S_last.msg);
	while (n && (S_last.msg[n - 1] == '\n' || S_last.msg[n - 1] == ' '))
		S_last.msg[--n] = '\0';
}

static void S_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static xmlParserInputPtr S_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	if (!S_last.have) {
		S_last.have = 1;
		S_last.code = XML_IO_NETWORK_ATTEMPT;
		S_last.domain = XML_FROM_IO;
		snprintf(S_last.msg, sizeof S_last.msg, "external entity or DTD refused");
	}
	return NULL;
}

static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static void S_init_once(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(S_deny_loader);
}

void tl_xml_init(void)
{
	pthread_once(&S_once, S_init_once);
	/* these are per-thread globals in libxml2: set them for the caller */
	xmlSetGenericErrorFunc(NULL, S_silent);
	xmlSetStructuredErrorFunc(NULL, S_record);
	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	xmlDoValidityCheckingDefaultValue = 0;
	xmlPedanticParserDefault(0);
	xmlLineNumbersDefault(1);
}

/* ---- pre-scan ---- */

typedef struct {
	const unsigned char *p;
	size_t n;     /* code units */
	int width;    /* 1 or 2 */
	int be;       /* UTF-16BE */
} S_units;

/* Callers pass `width` as a constant so each scanning loop below is compiled
 * once per width, with plain byte loads for UTF-8 and single-byte parts. */
static inline unsigned S_uw(const S_units *u, size_t i, int width)
{
	if (width == 1)
		return u->p[i];
	const unsigned char *q = u->p + i * 2;
	return u->be ? ((unsigned)q[0] << 8 | q[1]) : ((unsigned)q[1] << 8 | q[0]);
}

static unsigned S_u(const S_units *u, size_t i)
{
	return S_uw(u, i, u->width);
}

static inline int S_matchw(const S_units *u, size_t i, const char *lit, int width)
{
	for (size_t k = 0; lit[k]; k++)
		if (i + k >= u->n || S_uw(u, i + k, width) != (unsigned char)lit[k])
			return 0;
	return 1;
}

static int S_match(const S_units *u, size_t i, const char *lit)
{
	return S_matchw(u, i, lit, u->width);
}

/* finds lit at or after i; returns the index after it, or 0 */
static inline size_t S_findw(const S_units *u, size_t i, const char *lit, int width)
{
	for (; i < u->n; i++) {
		if (width == 1) { /* jump to the next candidate first byte */
			const unsigned char *q = memchr(u->p + i, (unsigned char)lit[0], u->n - i);
			if (!q)
				return 0;
			i = (size_t)(q - u->p);
		}
		if (S_uw(u, i, width) == (unsigned char)lit[0] && S_matchw(u, i, lit, width))
			return i + strlen(lit);
	}
	return 0;
}

/* The line of unit i (1-based), counted only when an error needs it. */
static long S_line_at(const S_units *u, size_t i)
{
	long line = 1;
	if (i >= u->n)
		i = u->n ? u->n - 1 : 0;
	for (size_t k = 0; k <= i && k < u->n; k++)
		line += S_u(u, k) == '\n';
	return line;
}

static int S_fail(tl_error *err, const char *part, long line, int code, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static int S_fail(tl_error *err, const char *part, long line, int code, const char *fmt, ...)
{
	char msg[TL_ERROR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	tl_error_set(err, code, "%s", msg);
	if (err) {
		tl_utf8_sanitize(err->part, sizeof err->part, part ? part : "", part ? strlen(part) : 0, 200);
		err->line = line;
		err->col = 0;
	}
	return code;
}

static int S_encoding_ok(const char *name)
{
	static const char *const ok[] = {"UTF-8", "UTF8", "UTF-16", "UTF-16LE", "UTF-16BE",
	                                 "ISO-8859-1", "ISO-8859-15", "ISO_8859-1", "LATIN1",
	                                 "US-ASCII", "ASCII", "WINDOWS-1252", "CP1252"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (strcasecmp(name, ok[i]) == 0)
			return 1;
	return 0;
}

/* The declared encoding of an XML declaration at the start, "" if none. */
static void S_declared_encoding(const S_units *u, char *out, size_t size)
{
	out[0] = '\0';
	if (!S_match(u, 0, "<?xml"))
		return;
	size_t end = 0;
	for (size_t i = 5; i < u->n && i < 1024; i++)
		if (S_u(u, i) == '?' && i + 1 < u->n && S_u(u, i + 1) == '>') {
			end = i;
			break;
		}
	for (size_t i = 5; i + 8 < end; i++) {
		if (!S_match(u, i, "encoding"))
			continue;
		size_t j = i + 8;
		while (j < end && (S_u(u, j) == ' ' || S_u(u, j) == '\t' || S_u(u, j) == '\r' ||
		                   S_u(u, j) == '\n' || S_u(u, j) == '='))
			j++;
		if (j >= end || (S_u(u, j) != '"' && S_u(u, j) != '\''))
			return;
		unsigned q = S_u(u, j++);
		size_t k = 0;
		while (j < end && S_u(u, j) != q && k + 1 < size) {
			unsigned c = S_u(u, j++);
			out[k++] = c < 0x80 ? (char)c : '?';
		}
		out[k] = '\0';
		return;
	}
}

/* Walks the markup once: comments, CDATA, PIs and end tags are skipped,
 * start tags counted for depth and their attributes measured, text runs
 * measured.  Lines are counted only for an error (S_line_at). */
static inline __attribute__((always_inline)) int
S_scan_tags(const S_units *u, int width, const char *part, const tl_limits *lim, tl_error *err)
{
	unsigned long depth = 0;
	size_t text_start = 0; /* first unit of the current text run */
	for (size_t i = 0; i < u->n;) {
		unsigned c = S_uw(u, i, width);
		if (c != '<') {
			size_t lt = u->n;
			if (width == 1) {
				const unsigned char *q = memchr(u->p + i, '<', u->n - i);
				lt = q ? (size_t)(q - u->p) : u->n;
			} else {
				for (lt = i; lt < u->n && S_uw(u, lt, width) != '<'; lt++)
					;
			}
			if (lt - text_start > lim->max_text_len) {
				size_t at = text_start + lim->max_text_len;
				return S_fail(err, part, S_line_at(u, at), TL_EXML_LIMIT,
				              "text node longer than the cap of %llu characters",
				              (unsigned long long)lim->max_text_len);
			}
			i = lt;
			continue;
		}
		/* dispatch on the character after '<' */
		unsigned c1 = i + 1 < u->n ? S_uw(u, i + 1, width) : 0;
		if (c1 == '!') {
			if (S_matchw(u, i, "<!--", width)) {
				if (!(i = S_findw(u, i + 4, "-->", width)))
					return 0; /* unterminated: libxml2 reports it */
				text_start = i;
				continue;
			}
			if (S_matchw(u, i, "<![CDATA[", width)) {
				size_t s = i + 9;
				if (!(i = S_findw(u, s, "]]>", width)))
					return 0;
				if (i - s - 3 > lim->max_text_len)
					return S_fail(err, part, S_line_at(u, i - 1), TL_EXML_LIMIT,
					              "CDATA section longer than the cap of %llu characters",
					              (unsigned long long)lim->max_text_len);
				text_start = i;
				continue;
			}
			if (S_matchw(u, i, "<!DOCTYPE", width) || S_matchw(u, i, "<!doctype", width))
				return S_fail(err, part, S_line_at(u, i), TL_EXML_DTD,
				              "document type declaration (<!DOCTYPE) refused: document parts never "
				              "need one");
			return 0; /* another <!...: malformed, libxml2 reports it */
		}
		if (c1 == '?') {
			if (!(i = S_findw(u, i + 2, "?>", width)))
				return 0;
			text_start = i;
			continue;
		}
		if (c1 == '/') {
			if (depth)
				depth--;
			if (!(i = S_findw(u, i + 2, ">", width)))
				return 0;
			text_start = i;
			continue;
		}
		if (c1 <= ' ' || c1 == '<' || c1 == '>')
			return 0; /* not a start tag (or '<' last): malformed, libxml2 reports it */
		/* a start tag: count attributes and measure values */
		if (++depth > lim->max_xml_depth)
			return S_fail(err, part, S_line_at(u, i), TL_EXML_LIMIT,
			              "elements nested deeper than the cap of %llu",
			              (unsigned long long)lim->max_xml_depth);
		size_t attrs = 0;
		unsigned quote = 0, prev = 0;
		size_t vstart = 0;
		for (i++; i < u->n; i++) {
			c = S_uw(u, i, width);
			if (quote) {
				if (c == quote) {
					quote = 0;
					if (i - vstart > lim->max_text_len)
						return S_fail(err, part, S_line_at(u, i), TL_EXML_LIMIT,
						              "attribute value longer than the cap of %llu characters",
						              (unsigned long long)lim->max_text_len);
				}
				continue;
			}
			if (c == '"' || c == '\'') {
				quote = c;
				vstart = i + 1;
			} else if (c == '=') {
				if (++attrs > S_MAX_ATTRS)
					return S_fail(err, part, S_line_at(u, i), TL_EXML_LIMIT,
					              "more than %llu attributes on one element",
					              (unsigned long long)S_MAX_ATTRS);
			} else if (c == '>') {
				if (prev == '/' && depth)
					depth--;
				break;
			} else if (c == '<') {
				return 0; /* malformed: libxml2 reports it */
			}
			prev = c;
		}
		if (quote && i - vstart > lim->max_text_len)
			return S_fail(err, part, S_line_at(u, i), TL_EXML_LIMIT,
			              "attribute value longer than the cap of %llu characters",
			              (unsigned long long)lim->max_text_len);
		i++;
		text_start = i;
	}
	return 0;
}

static int S_prescan(const char *data, size_t len, const char *part, const tl_limits *lim,
                     tl_error *err)
{
	const unsigned char *b = (const unsigned char *)data;
	S_units u = {b, len, 1, 0};
	if (len >= 4 && ((b[0] == 0 && b[1] == 0) || (b[2] == 0 && b[3] == 0 && b[0] != 0 && b[1] == 0)))
		return S_fail(err, part, 0, TL_EXML_ENCODING, "unsupported encoding (UCS-4)");
	if (len >= 4 && b[0] == 0x4C && b[1] == 0x6F && b[2] == 0xA7 && b[3] == 0x94)
		return S_fail(err, part, 0, TL_EXML_ENCODING, "unsupported encoding (EBCDIC)");
	if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
		u.p += 3, u.n -= 3;
	} else if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
		u.be = b[0] == 0xFE;
		u.p += 2, u.n = (len - 2) / 2, u.width = 2;
	} else if (len >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) {
		u.n = len / 2, u.width = 2;
	} else if (len >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') {
		u.n = len / 2, u.width = 2, u.be = 1;
	}
	size_t i = 0;
	while (i < u.n && (S_u(&u, i) == ' ' || S_u(&u, i) == '\t' || S_u(&u, i) == '\r' ||
	                   S_u(&u, i) == '\n'))
		i++;
	if (i == u.n)
		return S_fail(err, part, 1, TL_EXML_PARSE, "empty part: no XML document");
	char enc[64];
	S_declared_encoding(&u, enc, sizeof enc);
	if (enc[0] && !S_encoding_ok(enc)) {
		return S_fail(err, part, 1, TL_EXML_ENCODING, "unsupported encoding \"%s\"", enc);
	}
	if (u.width == 1 && (!enc[0] || strncasecmp(enc, "UTF", 3) == 0 ||
	                     strcasecmp(enc, "US-ASCII") == 0 || strcasecmp(enc, "ASCII") == 0) &&
	    !tl_utf8_valid((const char *)u.p, u.n)) {
		long line = 1;
		size_t k = 0;
		while (k < u.n) {
			uint32_t cp;
			size_t m = tl_utf8_decode((const char *)u.p + k, u.n - k, &cp);
			if (cp == 0xFFFD && m == 1)
				break;
			if (cp == '\n')
				line++;
			k += m;
		}
		return S_fail(err, part, line, TL_EXML_ENCODING,
		              "not valid UTF-8 (byte 0x%02X)", k < u.n ? (unsigned)u.p[k] : 0u);
	}
	return u.width == 1 ? S_scan_tags(&u, 1, part, lim, err) : S_scan_tags(&u, 2, part, lim, err);
}

/* ---- the reader ---- */

int tl_xml_check(const char *data, size_t len, const char *part, const tl_limits *limits,
                 tl_error *err)
{
	tl_limits def = TL_LIMITS_INIT;
	if (!limits)
		limits = &def;
	tl_xml_init();
	if (len > (size_t)INT32_MAX)
		return S_fail(err, part, 0, TL_EXML_LIMIT, "part larger than %llu bytes",
		              (unsigned long long)INT32_MAX);
	return S_prescan(data ? data : "", data ? len : 0, part, limits, err);
}

int tl_xml_reader(xmlTextReaderPtr *out, const char *data, size_t len, const char *part,
                  const tl_limits *limits, tl_error *err)
{
	*out = NULL;
	int rc = tl_xml_check(data, len, part, limits, err);
	if (rc)
		return rc;
	xmlTextReaderPtr r = xmlReaderForMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET |
	                                        XML_PARSE_NOCDATA | XML_PARSE_NOWARNING);
	if (!r)
		return S_fail(err, part, 0, TL_ENOMEM, "out of memory");
	xmlTextReaderSetStructuredErrorHandler(r, S_record, NULL);
	*out = r;
	return 0;
}

static int S_map(void)
{
	const char *m = S_last.msg;
	if (S_last.code == XML_ERR_NO_MEMORY || strstr(m, "Excessive depth") || strstr(m, "huge") ||
	    strstr(m, "too long") || strstr(m, "XML_PARSE_HUGE") || strstr(m, "Huge"))
		return TL_EXML_LIMIT;
	if (S_last.domain == XML_FROM_I18N || S_last.code == XML_ERR_UNKNOWN_ENCODING ||
	    S_last.code == XML_ERR_UNSUPPORTED_ENCODING || S_last.code == XML_ERR_ENCODING_NAME ||
	    S_last.code == XML_ERR_INVALID_ENCODING || strstr(m, "not proper UTF") ||
	    strstr(m, "encoding"))
		return TL_EXML_ENCODING;
	if (S_last.code == XML_IO_NETWORK_ATTEMPT || S_last.code == XML_ERR_EXT_SUBSET_NOT_FINISHED ||
	    S_last.code == XML_ERR_DOCTYPE_NOT_FINISHED)
		return TL_EXML_DTD;
	return TL_EXML_PARSE;
}

int tl_xml_next(xmlTextReaderPtr r, const char *part, const tl_limits *limits, tl_error *err)
{
	tl_limits def = TL_LIMITS_INIT;
	if (!limits)
		limits = &def;
	S_last.have = 0;
	int rc = xmlTextReaderRead(r);
	if (rc < 0) {
		int code = S_last.have ? S_map() : TL_EXML_PARSE;
		long line = S_last.have ? S_last.line : xmlTextReaderGetParserLineNumber(r);
		tl_error_set(err, code, "%s", S_last.have ? S_last.msg : "XML is not well-formed");
		if (err) {
			tl_utf8_sanitize(err->part, sizeof err->part, part ? part : "",
			                 part ? strlen(part) : 0, 200);
			err->line = line;
			err->col = S_last.have ? S_last.col : 0;
		}
		S_last.have = 0;
		return code;
	}
	S_last.have = 0;
	if (rc == 0)
		return 0;
	int type = xmlTextReaderNodeType(r);
	if (type == XML_READER_TYPE_DOCUMENT_TYPE)
		return S_fail(err, part, xmlTextReaderGetParserLineNumber(r), TL_EXML_DTD,
		              "document type declaration (<!DOCTYPE) refused");
	int depth = xmlTextReaderDepth(r);
	if (depth >= 0 && (unsigned)depth >= limits->max_xml_depth)
		return S_fail(err, part, xmlTextReaderGetParserLineNumber(r), TL_EXML_LIMIT,
		              "elements nested deeper than the cap of %llu",
		              (unsigned long long)limits->max_xml_depth);
	return 1;
}
