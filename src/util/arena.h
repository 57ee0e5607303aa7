/* arena.h: one arena per document; freeing it frees every node and string. */
#ifndef TL_ARENA_H
#define TL_ARENA_H
#include <stddef.h>

typedef struct tl_arena_block tl_arena_block;
typedef struct tl_arena {
	tl_arena_block *head;
	size_t used_total;   /* bytes handed out */
	size_t cap;          /* 0 = no cap; else allocations beyond it fail */
} tl_arena;

void tl_arena_init(tl_arena *a, size_t cap);
void tl_arena_free(tl_arena *a);
/* Aligned to max_align_t; NULL on failure or when the cap is reached. */
void *tl_arena_alloc(tl_arena *a, size_t size);
void *tl_arena_calloc(tl_arena *a, size_t n, size_t size);
char *tl_arena_strndup(tl_arena *a, const char *s, size_t n);
char *tl_arena_strdup(tl_arena *a, const char *s);
#endif
