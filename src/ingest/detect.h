/* detect.h: format detection by content (internal; detect.c).
 *
 * read.c sniffs the first bytes, then asks the container-specific checks:
 * a ZIP package is DOCX or ODT by its parts, a CFB (OLE compound file) is a
 * legacy .doc or an encrypted OOXML package by its directory, an XML file is
 * flat ODT by its root element, and text is plain or Markdown. */
#ifndef TL_INGEST_DETECT_H
#define TL_INGEST_DETECT_H

#include <stddef.h>
#include <stdint.h>

#include "ingest/pkg.h"
#include "tenderlint.h"

typedef enum {
	TL_SNIFF_EMPTY = 0,
	TL_SNIFF_ZIP,
	TL_SNIFF_CFB,
	TL_SNIFF_PDF,
	TL_SNIFF_RTF,
	TL_SNIFF_XML,     /* UTF-8/UTF-16 XML (flat ODT or something else) */
	TL_SNIFF_TEXT,    /* no NUL bytes, few control characters */
	TL_SNIFF_UTF16_TEXT,
	TL_SNIFF_BINARY
} tl_sniff;

/* How many leading bytes tl_detect_sniff wants to see. */
#define TL_SNIFF_HEAD ((size_t)64 << 10)

tl_sniff tl_detect_sniff(const void *head, size_t len);

/* Reads n bytes at off; 0 on success, -1 when they are not all there. */
typedef int (*tl_read_at_fn)(void *ctx, uint64_t off, void *buf, size_t n);

/* Walks the CFB directory (header, FAT chain of the directory stream, all
 * bounded) and returns TL_EENCRYPTED, TL_EFORMAT_LEGACY_DOC or
 * TL_EFORMAT_UNKNOWN, always with err set to a message that says what to do. */
int tl_detect_cfb(tl_read_at_fn rd, void *ctx, uint64_t size, tl_error *err);

/* TL_FORMAT_DOCX when _rels/.rels names an officeDocument main part,
 * TL_FORMAT_ODT for an OpenDocument text (or text template) package; else a
 * negative code with err set (TL_EPKG_MISSING_PART, TL_EFORMAT_UNKNOWN, or
 * what reading the parts failed with). */
int tl_detect_zip(tl_zip *z, tl_error *err);

/* The main document part that _rels/.rels names with an officeDocument
 * relationship (internal targets only), resolved from the package root to a
 * part name without a leading "/" ("word/document.xml").  0, or
 * TL_EPKG_MISSING_PART when there is none, or what reading failed with. */
int tl_opc_main_part(tl_zip *z, char *main, size_t size, tl_error *err);

/* TL_FORMAT_FODT for a flat OpenDocument text, else TL_EFORMAT_UNKNOWN with
 * err saying what kind of XML it is. */
int tl_detect_xml(const char *data, size_t len, tl_error *err);

/* TL_FORMAT_TEXT or TL_FORMAT_MARKDOWN for valid UTF-8 (after the BOM);
 * TL_EXML_ENCODING ("not valid UTF-8", with the line) otherwise.  A name
 * ending in .md or .markdown is Markdown. */
int tl_detect_text(const char *name, const char *data, size_t len, tl_error *err);

#endif
