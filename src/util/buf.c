#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tenderlint.h"

void tl_buf_init(tl_buf *b, size_t cap)
{
	b->data = NULL;
	b->len = b->alloc = 0;
	b->cap = cap;
}

void tl_buf_free(tl_buf *b)
{
	if (!b)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->alloc = 0;
}

void tl_buf_reset(tl_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

int tl_buf_reserve(tl_buf *b, size_t extra)
{
	if (b->cap && (extra > b->cap || b->len > b->cap - extra))
		return TL_ELIMIT_TEXT;
	size_t need = b->len + extra + 1;
	if (need <= b->alloc)
		return 0;
	size_t n = b->alloc ? b->alloc : 64;
	while (n < need) {
		if (n > ((size_t)-1) / 2)
			return TL_ENOMEM;
		n *= 2;
	}
	char *p = realloc(b->data, n);
	if (!p)
		return TL_ENOMEM;
	b->data = p;
	b->alloc = n;
	return 0;
}

int tl_buf_put(tl_buf *b, const void *p, size_t n)
{
	int rc = tl_buf_reserve(b, n);
	if (rc)
		return rc;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int tl_buf_puts(tl_buf *b, const char *s)
{
	return tl_buf_put(b, s, strlen(s));
}

int tl_buf_putc(tl_buf *b, char c)
{
	return tl_buf_put(b, &c, 1);
}

int tl_buf_vprintf(tl_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return TL_EINVAL;
	int rc = tl_buf_reserve(b, (size_t)n);
	if (rc)
		return rc;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int tl_buf_printf(tl_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = tl_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *tl_buf_detach(tl_buf *b, size_t *len)
{
	char *p = b->data;
	if (!p) {
		p = malloc(1);
		if (p)
			p[0] = '\0';
	}
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->alloc = 0;
	return p;
}
