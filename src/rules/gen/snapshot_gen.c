/* snapshot_gen.c: the build-time generator of the built-in ruleset's image
 * (snapshot.h): generated/tl_snapshot.bin and generated/tl_snapshot.c,
 * which builds the image into the program's read-only data, page-aligned.
 *
 * The program replaces malloc and its kin.  While the ruleset loads, every
 * allocation (the loader's, cJSON's, the stemmer's) comes from one region
 * at TL_RS_SNAP_BASE, bump-allocated; a freed block is zeroed (and given
 * back when it is the last), so dead bytes hold no stale pointers.  Before
 * and after, allocations go to the C library.  A first load outside the
 * region warms up what the libraries initialise once per process.
 *
 * The image is written only when every aligned word of the region that
 * holds an address of this process points into the region itself: a
 * pointer to this program's code or data, its stack or heap would be wrong
 * in any other process.  Otherwise, as in a sanitizer build (whose run time
 * owns malloc), the image is empty and the check loads the JSON.
 *
 * usage: tl_snap_gen OUT.bin OUT.c */
#include <errno.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>
#include <sys/mman.h>

#include "rules/snapshot.h"
#include "tenderlint.h"

/* a sanitizer's run time owns malloc; a C library other than glibc may not
 * export __libc_malloc; the check maps the image with Linux's mremap */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(__GLIBC__) || !defined(__linux__)
#define S_NO_IMAGE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define S_NO_IMAGE 1
#endif
#endif

#ifndef S_NO_IMAGE
/** ## The region allocator */

void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void *__libc_memalign(size_t, size_t);
void __libc_free(void *);
size_t malloc_usable_size(void *);

static unsigned char *S_lo, *S_top, *S_end; /* the region; its first page is the header */
static int S_on;
/* The allocations of a load in the region are numbered; the second load
 * gives an arena block (numbered alike) only the bytes the first one used
 * (S_trim, 0: what it asks), if it asks what the first asked (S_asked). */
static uint32_t S_seq, S_nseq, S_aseq;
static size_t *S_asked, *S_trim;
static int S_diverged;

/* a block: [prev top][size][number][0] then the bytes, aligned */
static int S_in(const void *p)
{
	return S_lo && (const unsigned char *)p >= S_lo && (const unsigned char *)p < S_end;
}

static size_t *S_hdr(void *p)
{
	return (size_t *)p - 4;
}

static void *S_bump(size_t n, size_t align)
{
	if (align < 16)
		align = 16;
	uint32_t seq = S_seq++;
	if (S_trim && seq < S_nseq && S_trim[seq]) {
		S_diverged |= n != S_asked[seq];
		n = S_trim[seq];
	} else if (!S_trim && seq >= S_nseq) {
		if (seq == S_aseq) {
			uint32_t na = S_aseq ? S_aseq * 2 : 65536;
			size_t *a = __libc_realloc(S_asked, (size_t)na * sizeof *a);
			if (!a)
				S_diverged = 1; /* no second load */
			else {
				S_asked = a;
				S_aseq = na;
			}
		}
		if (seq < S_aseq) {
			S_asked[seq] = n;
			S_nseq = seq + 1;
		}
	}
	uintptr_t p = ((uintptr_t)S_top + 32 + align - 1) & ~(uintptr_t)(align - 1);
	if (n > (uintptr_t)S_end - p) {
		errno = ENOMEM;
		return NULL;
	}
	size_t *h = S_hdr((void *)p);
	h[0] = (size_t)(S_top - S_lo);
	h[1] = n;
	h[2] = seq;
	S_top = (unsigned char *)((p + n + 15) & ~(uintptr_t)15);
	return (void *)p;
}

static void S_release(void *p)
{
	size_t *h = S_hdr(p);
	unsigned char *start = (unsigned char *)h, *prev = S_lo + h[0];
	unsigned char *end = (unsigned char *)(((uintptr_t)p + h[1] + 15) & ~(uintptr_t)15);
	memset(start, 0, (size_t)(end - start));
	if (end == S_top) /* the last block: the top goes back to where it was before it */
		S_top = prev;
}

void *malloc(size_t n)
{
	return S_on ? S_bump(n, 16) : __libc_malloc(n);
}

void *calloc(size_t n, size_t m)
{
	if (!S_on)
		return __libc_calloc(n, m);
	if (m && n > SIZE_MAX / m) {
		errno = ENOMEM;
		return NULL;
	}
	return S_bump(n * m, 16); /* the region is zero where nothing lives */
}

void free(void *p)
{
	if (!p)
		return;
	if (S_in(p))
		S_release(p);
	else
		__libc_free(p);
}

void *realloc(void *p, size_t n)
{
	if (!p)
		return malloc(n);
	if (!S_in(p)) {
		if (!S_on)
			return __libc_realloc(p, n);
		size_t old = malloc_usable_size(p);
		void *q = S_bump(n, 16);
		if (q) {
			memcpy(q, p, old < n ? old : n);
			__libc_free(p);
		}
		return q;
	}
	size_t *h = S_hdr(p);
	size_t old = h[1];
	unsigned char *tail = (unsigned char *)(((uintptr_t)p + old + 15) & ~(uintptr_t)15);
	if (S_on && tail == S_top && n <= (uintptr_t)S_end - (uintptr_t)p) {
		if (n < old)
			memset((unsigned char *)p + n, 0, old - n);
		h[1] = n;
		S_top = (unsigned char *)(((uintptr_t)p + n + 15) & ~(uintptr_t)15);
		return p;
	}
	void *q = S_on ? S_bump(n, 16) : __libc_malloc(n);
	if (q) {
		memcpy(q, p, old < n ? old : n);
		S_release(p);
	}
	return q;
}

void *memalign(size_t align, size_t n)
{
	return S_on ? S_bump(n, align) : __libc_memalign(align, n);
}

void *aligned_alloc(size_t align, size_t n)
{
	return memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
	void *p = memalign(align, n);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}

/** ## The image */

/* 0 when no aligned word of the region's used bytes is an address of this
 * process outside them (/proc/self/maps). */
static int S_check_pointers(void)
{
	uintptr_t lo[512], hi[512];
	int n = 0;
	FILE *f = fopen("/proc/self/maps", "r");
	if (!f)
		return -1;
	char line[512];
	int bad = 0;
	while (fgets(line, sizeof line, f)) {
		unsigned long a, b;
		if (sscanf(line, "%lx-%lx", &a, &b) != 2 || a == (uintptr_t)S_lo)
			continue;
		if (n == 512) {
			bad = 1; /* cannot tell: no image */
			break;
		}
		lo[n] = a;
		hi[n++] = b;
	}
	fclose(f);
	for (const uintptr_t *w = (const uintptr_t *)(S_lo + TL_RS_SNAP_PAGE); w < (const uintptr_t *)S_top; w++) {
		uintptr_t v = *w;
		if (v >= (uintptr_t)S_lo && v <= (uintptr_t)S_top)
			continue;
		int out = v >= (uintptr_t)S_lo && v < (uintptr_t)S_end;
		for (int i = 0; i < n && !out; i++)
			out = v >= lo[i] && v < hi[i];
		if (out && bad++ < 8)
			fprintf(stderr, "tl_snap_gen: the word at offset %#lx holds %#lx, outside the image\n",
			        (unsigned long)((const unsigned char *)w - S_lo), (unsigned long)v);
	}
	return bad ? -1 : 0;
}

/* An arena block as util/arena.c lays it out; a block whose allocation
 * does not match it is left as it is. */
typedef struct S_blk {
	struct S_blk *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
} S_blk;

/* Calls fn on every arena block of the ruleset that is its allocation. */
static void S_blocks(tl_ruleset *rs, void (*fn)(S_blk *b, size_t *h))
{
	tl_arena *as[2] = {&rs->arena, &rs->json};
	for (int k = 0; k < 2; k++)
		for (S_blk *b = (S_blk *)as[k]->head; b; b = b->next) {
			size_t *h = S_hdr(b);
			if (S_in(b) && b->used <= b->size && h[1] == offsetof(S_blk, data) + b->size)
				fn(b, h);
		}
}

static void S_trim_note(S_blk *b, size_t *h)
{
	if (h[2] < S_nseq && b->used < b->size)
		S_trim[h[2]] = offsetof(S_blk, data) + (b->used ? b->used : 1);
}

static void S_trim_seal(S_blk *b, size_t *h)
{
	(void)h;
	b->size = b->used; /* what was cut off is not the block's: a later allocation takes a new one */
}

/* One load of the built-in ruleset in the empty region: the ruleset, or NULL. */
static tl_ruleset *S_load_region(void)
{
	memset(S_lo, 0, (size_t)(S_top - S_lo));
	S_top = S_lo + TL_RS_SNAP_PAGE;
	S_seq = 0;
	S_diverged = 0;
	tl_ruleset *rs = NULL;
	tl_error err = {0};
	S_on = 1;
	int rc = tl_ruleset_load_for_check(&rs, NULL, &err);
	S_on = 0;
	if (rc != 0 || !rs || !S_in(rs)) {
		fprintf(stderr, "tl_snap_gen: the built-in ruleset does not load in the region (%d)\n", rc);
		return NULL;
	}
	return rs;
}

/* Loads the built-in ruleset into the region; its size, or 0.  The arena
 * blocks grow by doubling, and the unused ends of the last ones were a
 * quarter of the image: a second load, numbered as the first, gives each
 * block only what the first one used. */
static size_t S_image(void)
{
	tl_ruleset *rs = NULL;
	tl_error err = {0};
	/* what the libraries set up once per process is set up outside the region */
	if (tl_ruleset_load_for_check(&rs, NULL, &err) != 0) {
		fprintf(stderr, "tl_snap_gen: the built-in ruleset does not load: %s\n", err.message);
		return 0;
	}
	tl_ruleset_free(rs);
	rs = NULL;
	int fl = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
#ifdef MAP_FIXED_NOREPLACE
	fl |= MAP_FIXED_NOREPLACE;
#endif
	void *at = (void *)TL_RS_SNAP_BASE;
	void *r = mmap(at, TL_RS_SNAP_CAP, PROT_READ | PROT_WRITE, fl, -1, 0);
	if (r != at) {
		fputs("tl_snap_gen: the image's address is taken\n", stderr);
		return 0;
	}
	S_lo = S_top = r;
	S_end = S_lo + TL_RS_SNAP_CAP;
	if (!(rs = S_load_region()))
		return 0;
	size_t untrimmed = (size_t)(S_top - S_lo);
	S_trim = S_diverged ? NULL : __libc_calloc(S_nseq, sizeof *S_trim);
	if (S_trim) {
		uint32_t nseq = S_nseq;
		S_blocks(rs, S_trim_note);
		if (!(rs = S_load_region()))
			return 0;
		if (S_diverged || S_seq != nseq) {
			fprintf(stderr, "tl_snap_gen: the second load differs from the first: image untrimmed\n");
			__libc_free(S_trim);
			S_trim = NULL;
			if (!(rs = S_load_region()))
				return 0;
		} else
			S_blocks(rs, S_trim_seal);
	}
	rs->snapshot = 1;
	if (S_check_pointers() != 0)
		return 0;
	size_t size = ((size_t)(S_top - S_lo) + TL_RS_SNAP_PAGE - 1) & ~(size_t)(TL_RS_SNAP_PAGE - 1);
	tl_rs_snap_hdr h = {"TLRSNAP", TL_RS_SNAP_BASE, size, (uint64_t)((unsigned char *)rs - S_lo),
	                    TL_RS_SNAP_LAYOUT};
	memcpy(h.magic, "TLRSNAP1", 8);
	memcpy(S_lo, &h, sizeof h);
	fprintf(stderr, "tl_snap_gen: %zu KiB used of the %zu KiB a load asks\n", size >> 10, untrimmed >> 10);
	return size;
}
#endif

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: tl_snap_gen OUT.bin OUT.c\n", stderr);
		return 2;
	}
	size_t size = 0;
#ifndef S_NO_IMAGE
	/* the path goes into a C string that holds an assembler string */
	if (strpbrk(argv[1], "\"\\\n"))
		fprintf(stderr, "tl_snap_gen: no image: its path has a quote, backslash or line break\n");
	else
		size = S_image();
#endif
	FILE *b = fopen(argv[1], "wb");
	if (!b || (size && fwrite((void *)TL_RS_SNAP_BASE, 1, size, b) != size) || fclose(b) != 0) {
		fprintf(stderr, "tl_snap_gen: cannot write %s\n", argv[1]);
		return 1;
	}
	FILE *c = fopen(argv[2], "w");
	if (!c)
		return fprintf(stderr, "tl_snap_gen: cannot write %s\n", argv[2]), 1;
	fputs("/* generated by tl_snap_gen (src/rules/gen/snapshot_gen.c): do not edit */\n", c);
	if (size)
		fprintf(c,
		        "__asm__(\".section .rodata.tl_rs_snapshot,\\\"a\\\",@progbits\\n\"\n"
		        "        \".balign %u\\n\"\n"
		        "        \".globl tl_rs_snapshot\\n.type tl_rs_snapshot,@object\\n\"\n"
		        "        \"tl_rs_snapshot:\\n\"\n"
		        "        \".incbin \\\"%s\\\"\\n\"\n"
		        "        \".balign %u\\n\"\n"
		        "        \".globl tl_rs_snapshot_end\\n.type tl_rs_snapshot_end,@object\\n\"\n"
		        "        \"tl_rs_snapshot_end:\\n\"\n"
		        "        \".previous\\n\");\n",
		        TL_RS_SNAP_PAGE, argv[1], TL_RS_SNAP_PAGE);
	else
		fputs("/* no image: the check loads the built-in ruleset's JSON */\n", c);
	fputs("typedef int tl_snapshot_unit;\n", c);
	int bad = ferror(c);
	if (fclose(c) != 0 || bad)
		return fprintf(stderr, "tl_snap_gen: cannot write %s\n", argv[2]), 1;
	fprintf(stderr, "tl_snap_gen: image of %zu KiB\n", size >> 10);
	return 0;
}
