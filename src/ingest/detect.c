/* detect.c: format detection by content, never by extension (detect.h). */
#include "ingest/detect.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"

#define S_ODF_OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define S_ODT_MIME "application/vnd.oasis.opendocument.text"

/* ---- first bytes ---- */

static int S_prefix(const unsigned char *h, size_t len, const char *lit, size_t n)
{
	return len >= n && memcmp(h, lit, n) == 0;
}

tl_sniff tl_detect_sniff(const void *head, size_t len)
{
	const unsigned char *h = head;
	if (len == 0)
		return TL_SNIFF_EMPTY;
	if (S_prefix(h, len, "PK\3\4", 4) || S_prefix(h, len, "PK\5\6", 4) ||
	    S_prefix(h, len, "PK\7\x08PK\3\4", 8))
		return TL_SNIFF_ZIP;
	if (S_prefix(h, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return TL_SNIFF_CFB;
	if (S_prefix(h, len, "%PDF-", 5))
		return TL_SNIFF_PDF;
	if (S_prefix(h, len, "{\\rtf", 5))
		return TL_SNIFF_RTF;
	if (len >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF))) {
		int be = h[0] == 0xFE;
		for (size_t i = 2; i + 1 < len; i += 2) {
			unsigned c = be ? ((unsigned)h[i] << 8 | h[i + 1]) : ((unsigned)h[i + 1] << 8 | h[i]);
			if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
				continue;
			return c == '<' ? TL_SNIFF_XML : TL_SNIFF_UTF16_TEXT;
		}
		return TL_SNIFF_UTF16_TEXT;
	}
	if (S_prefix(h, len, "<\0?\0", 4) || S_prefix(h, len, "\0<\0?", 4))
		return TL_SNIFF_XML;
	size_t i = S_prefix(h, len, "\xEF\xBB\xBF", 3) ? 3 : 0, ctl = 0;
	size_t lim = len < 8192 ? len : 8192;
	for (size_t k = i; k < lim; k++) {
		if (h[k] == 0)
			return TL_SNIFF_BINARY;
		if (h[k] < 0x20 && h[k] != '\t' && h[k] != '\n' && h[k] != '\r' && h[k] != '\f' &&
		    h[k] != '\v' && h[k] != 0x1B)
			ctl++;
	}
	if (ctl * 100 > lim)
		return TL_SNIFF_BINARY;
	while (i < len && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n'))
		i++;
	if (i + 1 < len && h[i] == '<' && (h[i + 1] == '?' || h[i + 1] == '!' || isalpha(h[i + 1])))
		return TL_SNIFF_XML;
	return TL_SNIFF_TEXT;
}

/* ---- CFB (OLE compound file) ---- */

#define S_CFB_MAXREG 0xFFFFFFFAu
#define S_CFB_MAX_DIR_SECTORS 1024
#define S_CFB_MAX_DIFAT_HOPS 4096

typedef struct {
	tl_read_at_fn rd;
	void *ctx;
	uint64_t size;
	unsigned shift;
	unsigned char hdr[512];
} S_cfb;

static uint32_t S_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint32_t S_le16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }

static int S_cfb_u32(S_cfb *c, uint32_t sector, uint32_t slot, uint32_t *v)
{
	unsigned char b[4];
	uint64_t off = ((uint64_t)sector + 1) << c->shift;
	off += (uint64_t)slot * 4;
	if (sector >= S_CFB_MAXREG || c->rd(c->ctx, off, b, 4))
		return -1;
	*v = S_le32(b);
	return 0;
}

/* The sector after `s` in its chain, through the FAT (and the DIFAT chain
 * for FAT sectors past the 109 listed in the header). */
static int S_cfb_next(S_cfb *c, uint32_t s, uint32_t *next)
{
	uint32_t per = (1u << c->shift) / 4;
	uint32_t k = s / per, fat;
	if (k < 109) {
		fat = S_le32(c->hdr + 0x4C + 4 * k);
	} else {
		uint32_t d = S_le32(c->hdr + 0x44), j = k - 109;
		uint32_t hops = j / (per - 1);
		if (hops > S_CFB_MAX_DIFAT_HOPS)
			return -1;
		for (uint32_t h = 0; h < hops; h++)
			if (S_cfb_u32(c, d, per - 1, &d))
				return -1;
		if (S_cfb_u32(c, d, j % (per - 1), &fat))
			return -1;
	}
	return S_cfb_u32(c, fat, s % per, next);
}

static int S_name_is(const unsigned char *e, const char *want)
{
	uint32_t nlen = S_le16(e + 0x40);
	size_t wl = strlen(want);
	if (nlen != (wl + 1) * 2)
		return 0;
	for (size_t i = 0; i < wl; i++)
		if (e[2 * i + 1] != 0 || tolower(e[2 * i]) != tolower((unsigned char)want[i]))
			return 0;
	return 1;
}

int tl_detect_cfb(tl_read_at_fn rd, void *ctx, uint64_t size, tl_error *err)
{
	S_cfb c;
	memset(&c, 0, sizeof c);
	c.rd = rd, c.ctx = ctx, c.size = size;
	if (rd(ctx, 0, c.hdr, sizeof c.hdr) || S_le16(c.hdr + 0x1C) != 0xFFFE)
		return tl_error_set(err, TL_EFORMAT_UNKNOWN, "damaged OLE compound file (bad header)");
	uint32_t major = S_le16(c.hdr + 0x1A), shift = S_le16(c.hdr + 0x1E);
	if (!((major == 3 && shift == 9) || (major == 4 && shift == 12)))
		return tl_error_set(err, TL_EFORMAT_UNKNOWN, "damaged OLE compound file (bad sector size)");
	c.shift = shift;
	size_t ssz = (size_t)1 << shift;
	unsigned char *sec = malloc(ssz);
	if (!sec)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	int word = 0, enc = 0, xls = 0, ppt = 0, word_encrypted = 0;
	uint32_t cutoff = S_le32(c.hdr + 0x38);
	uint32_t s = S_le32(c.hdr + 0x30);
	for (int n = 0; s < S_CFB_MAXREG && n < S_CFB_MAX_DIR_SECTORS; n++) {
		if (rd(ctx, ((uint64_t)s + 1) << shift, sec, ssz))
			break;
		for (size_t off = 0; off + 128 <= ssz; off += 128) {
			const unsigned char *e = sec + off;
			unsigned type = e[0x42];
			if (type != 1 && type != 2)
				continue;
			if (S_name_is(e, "EncryptedPackage") || S_name_is(e, "EncryptionInfo"))
				enc = 1;
			else if (S_name_is(e, "Workbook") || S_name_is(e, "Book"))
				xls = 1;
			else if (S_name_is(e, "PowerPoint Document"))
				ppt = 1;
			else if (S_name_is(e, "WordDocument")) {
				word = 1;
				/* FibBase.fEncrypted, when the stream lives in regular sectors */
				uint32_t start = S_le32(e + 0x74), ssize = S_le32(e + 0x78);
				unsigned char fib[12];
				if (ssize >= cutoff && ssize >= 12 && start < S_CFB_MAXREG &&
				    !rd(ctx, ((uint64_t)start + 1) << shift, fib, sizeof fib) &&
				    S_le16(fib) == 0xA5EC && (S_le16(fib + 0x0A) & 0x0100))
					word_encrypted = 1;
			}
		}
		if (S_cfb_next(&c, s, &s))
			break;
	}
	free(sec);
	if (enc)
		return tl_error_set(err, TL_EENCRYPTED,
		                    "password protected document (an encrypted OOXML package): remove the "
		                    "password in Word first");
	if (word && word_encrypted)
		return tl_error_set(err, TL_EFORMAT_LEGACY_DOC,
		                    "legacy Word 97-2003 .doc, password protected: remove the password and "
		                    "save it as DOCX or ODT first");
	if (word)
		return tl_error_set(err, TL_EFORMAT_LEGACY_DOC,
		                    "legacy Word 97-2003 .doc: save it as DOCX or ODT first");
	if (xls)
		return tl_error_set(err, TL_EFORMAT_UNKNOWN,
		                    "an Excel 97-2003 workbook, not a text document");
	if (ppt)
		return tl_error_set(err, TL_EFORMAT_UNKNOWN,
		                    "a PowerPoint 97-2003 presentation, not a text document");
	return tl_error_set(err, TL_EFORMAT_UNKNOWN,
	                    "an OLE compound file without a Word document stream");
}

/* ---- ZIP packages ---- */

/* Resolves a package-root-relative target ("/word/document.xml",
 * "./word/x.xml") to a part name; -1 when it leaves the package. */
static int S_resolve(const char *target, char *out, size_t size)
{
	size_t n = 0;
	const char *p = target;
	while (*p) {
		while (*p == '/')
			p++;
		const char *q = p;
		while (*q && *q != '/')
			q++;
		size_t seg = (size_t)(q - p);
		if (seg == 0)
			break;
		if (seg == 1 && p[0] == '.') {
		} else if (seg == 2 && p[0] == '.' && p[1] == '.') {
			if (n == 0)
				return -1;
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
		} else {
			if (n + seg + 2 > size)
				return -1;
			if (n)
				out[n++] = '/';
			memcpy(out + n, p, seg);
			n += seg;
		}
		p = q;
	}
	if (n == 0 || n >= size)
		return -1;
	out[n] = '\0';
	return 0;
}

static int S_ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int S_read_xml(tl_zip *z, const char *part, xmlTextReaderPtr *r, char **data,
                      tl_error *err)
{
	size_t len;
	*r = NULL;
	int rc = tl_zip_read(z, part, 1, data, &len, err);
	if (rc)
		return rc;
	rc = tl_xml_reader(r, *data, len, part, tl_zip_limits(z), err);
	if (rc) {
		free(*data);
		*data = NULL;
	}
	return rc;
}

int tl_opc_main_part(tl_zip *z, char *main, size_t size, tl_error *err)
{
	xmlTextReaderPtr r;
	char *data;
	int rc = S_read_xml(z, "_rels/.rels", &r, &data, err);
	if (rc)
		return rc;
	int found = 0;
	while ((rc = tl_xml_next(r, "_rels/.rels", tl_zip_limits(z), err)) == 1) {
		if (found || xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		const char *ln = (const char *)xmlTextReaderConstLocalName(r);
		if (!ln || strcmp(ln, "Relationship") != 0)
			continue;
		xmlChar *type = xmlTextReaderGetAttribute(r, BAD_CAST "Type");
		xmlChar *target = xmlTextReaderGetAttribute(r, BAD_CAST "Target");
		xmlChar *mode = xmlTextReaderGetAttribute(r, BAD_CAST "TargetMode");
		if (type && target && S_ends_with((const char *)type, "/officeDocument") &&
		    (!mode || strcmp((const char *)mode, "External") != 0) &&
		    S_resolve((const char *)target, main, size) == 0)
			found = 1;
		xmlFree(type);
		xmlFree(target);
		xmlFree(mode);
	}
	xmlFreeTextReader(r);
	free(data);
	if (rc < 0)
		return rc;
	if (!found) {
		if (err)
			snprintf(err->part, sizeof err->part, "%s", "_rels/.rels");
		return tl_error_set(err, TL_EPKG_MISSING_PART,
		                    "_rels/.rels names no main document part (officeDocument)");
	}
	return 0;
}

/* The content type [Content_Types].xml gives `part` ("" when none). */
static int S_content_type(tl_zip *z, const char *part, char *out, size_t size, tl_error *err)
{
	xmlTextReaderPtr r;
	char *data;
	out[0] = '\0';
	int rc = S_read_xml(z, "[Content_Types].xml", &r, &data, err);
	if (rc)
		return rc;
	const char *ext = strrchr(part, '.');
	char def[256] = "";
	while ((rc = tl_xml_next(r, "[Content_Types].xml", tl_zip_limits(z), err)) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		const char *ln = (const char *)xmlTextReaderConstLocalName(r);
		if (!ln)
			continue;
		int over = strcmp(ln, "Override") == 0, dflt = strcmp(ln, "Default") == 0;
		if (!over && !dflt)
			continue;
		xmlChar *key = xmlTextReaderGetAttribute(r, BAD_CAST(over ? "PartName" : "Extension"));
		xmlChar *ct = xmlTextReaderGetAttribute(r, BAD_CAST "ContentType");
		if (key && ct) {
			const char *k = (const char *)key;
			while (*k == '/')
				k++;
			if (over && strcasecmp(k, part) == 0)
				snprintf(out, size, "%s", (const char *)ct);
			else if (dflt && ext && strcasecmp(k, ext + 1) == 0)
				snprintf(def, sizeof def, "%s", (const char *)ct);
		}
		xmlFree(key);
		xmlFree(ct);
	}
	xmlFreeTextReader(r);
	free(data);
	if (rc < 0)
		return rc;
	if (!out[0])
		snprintf(out, size, "%s", def);
	return 0;
}

/* An ODF package's media type from META-INF/manifest.xml (full-path "/"). */
static int S_manifest_type(tl_zip *z, char *out, size_t size, tl_error *err)
{
	xmlTextReaderPtr r;
	char *data;
	out[0] = '\0';
	int rc = S_read_xml(z, "META-INF/manifest.xml", &r, &data, err);
	if (rc)
		return rc;
	while ((rc = tl_xml_next(r, "META-INF/manifest.xml", tl_zip_limits(z), err)) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		const char *ln = (const char *)xmlTextReaderConstLocalName(r);
		if (!ln || strcmp(ln, "file-entry") != 0)
			continue;
		xmlChar *path = xmlTextReaderGetAttributeNs(
		        r, BAD_CAST "full-path", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
		xmlChar *type = xmlTextReaderGetAttributeNs(
		        r, BAD_CAST "media-type", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
		if (path && type && strcmp((const char *)path, "/") == 0)
			snprintf(out, size, "%s", (const char *)type);
		xmlFree(path);
		xmlFree(type);
	}
	xmlFreeTextReader(r);
	free(data);
	return rc < 0 ? rc : 0;
}

static int S_odf_type(const char *type, tl_error *err)
{
	if (strncmp(type, S_ODT_MIME, strlen(S_ODT_MIME)) == 0)
		return TL_FORMAT_ODT;
	for (const char *c = type; *c; c++)
		if ((unsigned char)*c < 0x20 || (unsigned char)*c >= 0x7F)
			return tl_error_set(err, TL_EFORMAT_UNKNOWN,
			                    "a ZIP package whose mimetype entry is not a media type");
	if (strncmp(type, "application/vnd.oasis.opendocument.", 35) == 0)
		return tl_error_set(err, TL_EFORMAT_UNKNOWN,
		                    "an OpenDocument file of type %s, not a text document", type + 35);
	return tl_error_set(err, TL_EFORMAT_UNKNOWN, "a ZIP package of type \"%s\", not DOCX or ODT",
	                    type);
}

int tl_detect_zip(tl_zip *z, tl_error *err)
{
	if (tl_zip_has(z, "mimetype")) {
		char *data;
		size_t len;
		int rc = tl_zip_read(z, "mimetype", 1, &data, &len, err);
		if (rc)
			return rc;
		char type[256];
		size_t n = len < sizeof type - 1 ? len : sizeof type - 1;
		memcpy(type, data, n);
		type[n] = '\0';
		free(data);
		while (n && isspace((unsigned char)type[n - 1]))
			type[--n] = '\0';
		return S_odf_type(type, err);
	}
	if (tl_zip_has(z, "_rels/.rels")) {
		char main[512], ct[256];
		if (!tl_zip_has(z, "[Content_Types].xml")) {
			if (err)
				snprintf(err->part, sizeof err->part, "%s", "[Content_Types].xml");
			return tl_error_set(err, TL_EPKG_MISSING_PART,
			                    "not a valid OOXML package: [Content_Types].xml is missing");
		}
		int rc = tl_opc_main_part(z, main, sizeof main, err);
		if (rc)
			return rc;
		if (!tl_zip_has(z, main)) {
			if (err)
				tl_utf8_sanitize(err->part, sizeof err->part, main, strlen(main), 200);
			return tl_error_set(err, TL_EPKG_MISSING_PART, "main document part %s is missing",
			                    main);
		}
		if ((rc = S_content_type(z, main, ct, sizeof ct, err)) != 0)
			return rc;
		if (strstr(ct, "spreadsheetml"))
			return tl_error_set(err, TL_EFORMAT_UNKNOWN, "an Excel workbook, not a text document");
		if (strstr(ct, "presentationml"))
			return tl_error_set(err, TL_EFORMAT_UNKNOWN,
			                    "a PowerPoint presentation, not a text document");
		return TL_FORMAT_DOCX;
	}
	if (tl_zip_has(z, "content.xml")) {
		if (tl_zip_has(z, "META-INF/manifest.xml")) {
			char type[256];
			int rc = S_manifest_type(z, type, sizeof type, err);
			if (rc)
				return rc;
			if (type[0])
				return S_odf_type(type, err);
		}
		char *data;
		size_t len;
		int rc = tl_zip_read(z, "content.xml", 1, &data, &len, err);
		if (rc)
			return rc;
		size_t head = len < 8192 ? len : 8192;
		int odf = 0;
		for (size_t i = 0; i + strlen(S_ODF_OFFICE_NS) <= head && !odf; i++)
			odf = memcmp(data + i, S_ODF_OFFICE_NS, strlen(S_ODF_OFFICE_NS)) == 0;
		free(data);
		if (odf)
			return TL_FORMAT_ODT;
	}
	if (tl_zip_has(z, "[Content_Types].xml")) {
		if (err)
			snprintf(err->part, sizeof err->part, "%s", "_rels/.rels");
		return tl_error_set(err, TL_EPKG_MISSING_PART,
		                    "not a valid OOXML package: _rels/.rels is missing");
	}
	return tl_error_set(err, TL_EFORMAT_UNKNOWN,
	                    "a ZIP archive that is neither a DOCX nor an ODT package");
}

/* ---- XML ---- */

int tl_detect_xml(const char *data, size_t len, tl_error *err)
{
	/* an ASCII view of the head, whatever the encoding width */
	char head[16384];
	const unsigned char *b = (const unsigned char *)data;
	size_t n = 0, i = 0, step = 1;
	if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
		i = b[0] == 0xFF ? 2 : 3;
		step = 2;
	} else if (len >= 2 && b[0] == '<' && b[1] == 0) {
		step = 2;
	} else if (len >= 2 && b[0] == 0 && b[1] == '<') {
		i = 1, step = 2;
	}
	for (; i < len && n + 1 < sizeof head; i += step)
		head[n++] = b[i] < 0x80 && b[i] ? (char)b[i] : '?';
	head[n] = '\0';
	/* skip the prolog: declaration, comments, processing instructions */
	const char *p = head;
	for (;;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!strncmp(p, "<?", 2) || !strncmp(p, "<!--", 4)) {
			int pi = p[1] == '?';
			const char *e = strstr(p, pi ? "?>" : "-->");
			if (!e)
				break;
			p = e + (pi ? 2 : 3);
			continue;
		}
		break;
	}
	if (!strncasecmp(p, "<!DOCTYPE html", 14) || !strncasecmp(p, "<html", 5))
		return tl_error_set(err, TL_EFORMAT_UNKNOWN, "an HTML page: save it as DOCX or ODT first");
	if (*p != '<' || !isalpha((unsigned char)p[1]))
		return tl_error_set(err, TL_EFORMAT_UNKNOWN, "an XML file without a root element");
	const char *name = p + 1, *e = name;
	while (*e && !isspace((unsigned char)*e) && *e != '>' && *e != '/')
		e++;
	char root[128];
	size_t rl = (size_t)(e - name) < sizeof root - 1 ? (size_t)(e - name) : sizeof root - 1;
	memcpy(root, name, rl);
	root[rl] = '\0';
	const char *colon = strchr(root, ':');
	const char *local = colon ? colon + 1 : root;
	if (strcmp(local, "document") == 0) {
		char decl[160];
		if (colon)
			snprintf(decl, sizeof decl, "xmlns:%.*s=\"%s\"", (int)(colon - root), root,
			         S_ODF_OFFICE_NS);
		else
			snprintf(decl, sizeof decl, "xmlns=\"%s\"", S_ODF_OFFICE_NS);
		const char *tag_end = strchr(e, '>');
		char *tag = strndup(p, tag_end ? (size_t)(tag_end - p) : strlen(p));
		if (!tag)
			return tl_error_set(err, TL_ENOMEM, "out of memory");
		char *alt = strdup(decl);
		if (alt) {
			for (char *q = alt; *q; q++)
				if (*q == '"')
					*q = '\'';
		}
		int ns = strstr(tag, decl) || (alt && strstr(tag, alt));
		const char *mt = strstr(tag, "mimetype=");
		char type[128] = "";
		if (mt) {
			char q = mt[9];
			const char *v = mt + 10, *ve = strchr(v, q);
			if (ve && (q == '"' || q == '\''))
				snprintf(type, sizeof type, "%.*s", (int)(ve - v), v);
		}
		free(alt);
		free(tag);
		if (ns) {
			if (!type[0] || !strncmp(type, S_ODT_MIME, strlen(S_ODT_MIME)))
				return TL_FORMAT_FODT;
			return S_odf_type(type, err);
		}
	}
	if (strcmp(local, "wordDocument") == 0)
		return tl_error_set(err, TL_EFORMAT_UNKNOWN,
		                    "a Word 2003 XML document: save it as DOCX or ODT first");
	return tl_error_set(err, TL_EFORMAT_UNKNOWN,
	                    "an XML file with root element <%s>, not a flat OpenDocument text (.fodt)",
	                    root);
}

/* ---- text ---- */

static int S_line_is(const char *s, size_t n, int what)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t') && i < 4)
		i++;
	s += i, n -= i;
	switch (what) {
	case 0: { /* ATX heading */
		size_t h = 0;
		while (h < n && s[h] == '#')
			h++;
		return h >= 1 && h <= 6 && h < n && s[h] == ' ';
	}
	case 1: { /* table separator row */
		int dash = 0, pipe = 0;
		for (size_t k = 0; k < n; k++) {
			if (s[k] == '-')
				dash++;
			else if (s[k] == '|')
				pipe++;
			else if (s[k] != ':' && s[k] != ' ')
				return 0;
		}
		return dash >= 3 && pipe >= 1;
	}
	case 2: /* fenced code */
		return n >= 3 && (!strncmp(s, "```", 3) || !strncmp(s, "~~~", 3));
	case 3: /* bullet or ordered item */
		if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
			return 1;
		for (size_t k = 0; k < n && k < 9; k++) {
			if (isdigit((unsigned char)s[k]))
				continue;
			return k > 0 && (s[k] == '.' || s[k] == ')') && k + 1 < n && s[k + 1] == ' ';
		}
		return 0;
	default: { /* inline: [text](url) or **bold** */
		for (size_t k = 0; k + 1 < n; k++) {
			if (s[k] == ']' && s[k + 1] == '(')
				return 1;
			if (s[k] == '*' && s[k + 1] == '*' && k + 2 < n && s[k + 2] != ' ')
				return 1;
		}
		return 0;
	}
	}
}

int tl_detect_text(const char *name, const char *data, size_t len, tl_error *err)
{
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		data += 3, len -= 3;
	if (!tl_utf8_valid(data, len)) {
		long line = 1;
		size_t k = 0;
		while (k < len) {
			uint32_t cp;
			size_t m = tl_utf8_decode(data + k, len - k, &cp);
			if (cp == 0xFFFD && m == 1)
				break;
			if (cp == '\n')
				line++;
			k += m;
		}
		tl_error_set(err, TL_EXML_ENCODING, "not valid UTF-8 (byte 0x%02X); save the text as UTF-8",
		             k < len ? (unsigned)(unsigned char)data[k] : 0u);
		if (err)
			err->line = line;
		return TL_EXML_ENCODING;
	}
	if (name) {
		const char *dot = strrchr(name, '.');
		if (dot && (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown")))
			return TL_FORMAT_MARKDOWN;
	}
	int strong = 0, inl = 0, lists = 0;
	size_t lim = len < TL_SNIFF_HEAD ? len : TL_SNIFF_HEAD;
	for (size_t i = 0; i < lim;) {
		const char *nl = memchr(data + i, '\n', lim - i);
		size_t n = nl ? (size_t)(nl - (data + i)) : lim - i;
		const char *s = data + i;
		strong += S_line_is(s, n, 0) || S_line_is(s, n, 1) || S_line_is(s, n, 2);
		lists += S_line_is(s, n, 3);
		inl += S_line_is(s, n, 4);
		i += n + 1;
	}
	if (strong || (inl && lists) || inl >= 2)
		return TL_FORMAT_MARKDOWN;
	return TL_FORMAT_TEXT;
}
