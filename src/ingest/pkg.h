/* pkg.h: safe access to ZIP packages and XML parts (internal).
 *
 * zip.c opens an archive with ZIP_CHECKCONS, checks entry count, names,
 * encryption, symlinks and duplicates (case-insensitive, as OPC part names
 * are), and reads members through a counted zip_fread loop with the
 * per-entry, per-document and ratio caps of tl_limits.  xml.c parses a part
 * with libxml2 with the network off, the external entity loader denied, any
 * DOCTYPE refused, and depth/text caps; errors carry the part and line. */
#ifndef TL_INGEST_PKG_H
#define TL_INGEST_PKG_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/xmlreader.h>

#include "tenderlint.h"

typedef struct tl_zip tl_zip;

/* path or (mem, len); err->path is set to `name`. */
int tl_zip_open(tl_zip **out, const char *name, const char *path, const void *mem, size_t len,
                const tl_limits *limits, tl_error *err);
void tl_zip_close(tl_zip *z);
/* 1 when a member of that name exists (ASCII case-insensitive). */
int tl_zip_has(tl_zip *z, const char *member);
/* The limits the archive was opened with (borrowed, lives as long as z). */
const tl_limits *tl_zip_limits(tl_zip *z);
/* Bytes inflated so far (counted against max_total_size); a reader that
 * reads the same parts a second time puts the count back first. */
uint64_t tl_zip_inflated(tl_zip *z);
void tl_zip_set_inflated(tl_zip *z, uint64_t total);
/* Number of members and the i-th name (sanitised copy owned by z). */
size_t tl_zip_count(tl_zip *z);
const char *tl_zip_name(tl_zip *z, size_t i);
/* Reads a whole member into a malloc'd, NUL-terminated buffer, counting the
 * inflated bytes against the caps and the declared size.  Missing member:
 * TL_EPKG_MISSING_PART when `required`, else returns 1 with *data NULL. */
int tl_zip_read(tl_zip *z, const char *member, int required, char **data, size_t *len,
                tl_error *err);

/* Once per process, before any parse: installs the deny-all external entity
 * loader and switches off libxml2's global network/entity features.
 * Thread-safe, idempotent. */
void tl_xml_init(void);

/* The checks tl_xml_reader makes before libxml2 sees the part (size, the
 * pre-scan: DOCTYPE, encoding, depth, text and attribute caps): 0 or the
 * error tl_xml_reader would return.  For callers that parse with SAX. */
int tl_xml_check(const char *data, size_t len, const char *part, const tl_limits *limits,
                 tl_error *err);

/* A streaming reader over an in-memory part.  Free with xmlFreeTextReader.
 * Reading with tl_xml_next() enforces depth and text caps and refuses DTDs. */
int tl_xml_reader(xmlTextReaderPtr *out, const char *data, size_t len, const char *part,
                  const tl_limits *limits, tl_error *err);
/* Like xmlTextReaderRead: 1 = a node, 0 = end, <0 = error (err set with the
 * part, line and a TL_EXML_* code). */
int tl_xml_next(xmlTextReaderPtr r, const char *part, const tl_limits *limits, tl_error *err);

#endif
