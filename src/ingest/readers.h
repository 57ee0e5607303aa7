/* readers.h: the format readers that read.c dispatches to (internal).
 *
 * Each reader builds a tl_document (model/doc.h) from an already opened,
 * already checked container and calls tl_doc_finish itself.  On failure
 * *out is NULL and err holds the code, the part and the line.  `name` is the
 * document's path as the user gave it (used for tl_doc_new and messages).
 * The readers never open files themselves: every byte comes through
 * tl_zip_read (pkg.h) or the buffer read.c passes in. */
#ifndef TL_INGEST_READERS_H
#define TL_INGEST_READERS_H

#include <stddef.h>

#include "ingest/pkg.h"
#include "tenderlint.h"

/* WordprocessingML (.docx/.docm/.dotx/.dotm); main part through _rels/.rels. */
int tl_docx_read(tl_document **out, tl_zip *z, const char *name, const tl_read_options *o,
                 tl_error *err);
/* OpenDocument text in a ZIP package (.odt/.ott). */
int tl_odt_read(tl_document **out, tl_zip *z, const char *name, const tl_read_options *o,
                tl_error *err);
/* Flat OpenDocument text (.fodt): one XML document in memory. */
int tl_fodt_read(tl_document **out, const char *name, const char *data, size_t len,
                 const tl_read_options *o, tl_error *err);
/* Plain text and Markdown (text.c); data is valid UTF-8 without a BOM. */
int tl_text_read(tl_document **out, const char *name, const char *data, size_t len,
                 tl_format format, const tl_read_options *o, tl_error *err);

#endif
