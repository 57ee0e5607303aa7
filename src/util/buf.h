/* buf.h: a growable byte buffer with a size cap (curl's dynbuf with toobig). */
#ifndef TL_BUF_H
#define TL_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct tl_buf {
	char *data;    /* always NUL-terminated when non-NULL */
	size_t len, alloc;
	size_t cap;    /* maximum len; appends beyond it fail with TL_ELIMIT_TEXT */
} tl_buf;

#define TL_BUF_INIT(cap_) {NULL, 0, 0, (cap_)}

void tl_buf_init(tl_buf *b, size_t cap);
void tl_buf_free(tl_buf *b);
void tl_buf_reset(tl_buf *b);                 /* len = 0, keeps memory */
int tl_buf_reserve(tl_buf *b, size_t extra);  /* 0, TL_ENOMEM or TL_ELIMIT_TEXT */
int tl_buf_put(tl_buf *b, const void *p, size_t n);
int tl_buf_puts(tl_buf *b, const char *s);
int tl_buf_putc(tl_buf *b, char c);
int tl_buf_printf(tl_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
int tl_buf_vprintf(tl_buf *b, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 0)))
#endif
	;
/* Hands the data to the caller (malloc'd) and resets the buffer. */
char *tl_buf_detach(tl_buf *b, size_t *len);
#endif
