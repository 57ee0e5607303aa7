#include "util/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct tl_arena_block {
	tl_arena_block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

#define S_BLOCK_MIN ((size_t)64 * 1024)

void tl_arena_init(tl_arena *a, size_t cap)
{
	a->head = NULL;
	a->used_total = 0;
	a->cap = cap;
}

void tl_arena_free(tl_arena *a)
{
	if (!a)
		return;
	tl_arena_block *b = a->head;
	while (b) {
		tl_arena_block *n = b->next;
		free(b);
		b = n;
	}
	a->head = NULL;
	a->used_total = 0;
}

void *tl_arena_alloc(tl_arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	if (size == 0)
		size = 1;
	if (size > SIZE_MAX / 2)
		return NULL;
	size = (size + align - 1) & ~(align - 1);
	if (a->cap && a->used_total + size > a->cap)
		return NULL;
	tl_arena_block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t bsize = size > S_BLOCK_MIN ? size : S_BLOCK_MIN;
		/* grow blocks geometrically so large documents make few mallocs */
		if (b && b->size * 2 > bsize && b->size < ((size_t)8 << 20))
			bsize = b->size * 2;
		b = malloc(sizeof *b + bsize);
		if (!b)
			return NULL;
		b->size = bsize;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	a->used_total += size;
	return p;
}

void *tl_arena_calloc(tl_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	void *p = tl_arena_alloc(a, n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

char *tl_arena_strndup(tl_arena *a, const char *s, size_t n)
{
	char *p = tl_arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *tl_arena_strdup(tl_arena *a, const char *s)
{
	return s ? tl_arena_strndup(a, s, strlen(s)) : NULL;
}
