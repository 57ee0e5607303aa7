/* md_inline.h: Markdown inline markup to plain text (internal; md_inline.c). */
#ifndef TL_INGEST_MD_INLINE_H
#define TL_INGEST_MD_INLINE_H

#include <stddef.h>

#include "util/buf.h"

/* Writes s[0..n) without inline markup to `out` (reset first); `tmp` is
 * scratch space.  0, or TL_ENOMEM / TL_ELIMIT_TEXT from the buffers. */
int tl_md_inline(const char *s, size_t n, tl_buf *tmp, tl_buf *out);

#endif
