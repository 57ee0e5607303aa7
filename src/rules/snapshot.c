/* snapshot.c: maps the build-time image of the built-in ruleset (snapshot.h). */
#define _GNU_SOURCE 1 /* mremap */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "rules/snapshot.h"

/* generated/tl_snapshot.c, page-aligned in the program's read-only data; a
 * weak reference, so that the library, its unit tests and the image's own
 * generator link without it */
extern const unsigned char tl_rs_snapshot[] __attribute__((weak));
extern const unsigned char tl_rs_snapshot_end[] __attribute__((weak));

static pthread_once_t S_once = PTHREAD_ONCE_INIT;
static tl_ruleset *S_rs;

/* Moves the image's pages to the address it was built at (mremap: the
 * program's own pages of its file, no copy), where they stay. */
static void S_map(void)
{
#if defined(__linux__) && defined(MREMAP_FIXED)
	const unsigned char *img = tl_rs_snapshot, *end = tl_rs_snapshot_end;
	if (!img || !end || end - img < (long)TL_RS_SNAP_PAGE || ((uintptr_t)img & (TL_RS_SNAP_PAGE - 1)))
		return;
	const char *env = getenv("TL_RULESET_SNAPSHOT");
	if (env && !strcmp(env, "0"))
		return;
	tl_rs_snap_hdr h;
	memcpy(&h, img, sizeof h);
	size_t size = (size_t)(end - img);
	if (memcmp(h.magic, "TLRSNAP1", 8) || h.base != TL_RS_SNAP_BASE || h.size != size ||
	    h.layout != TL_RS_SNAP_LAYOUT || h.rs < sizeof h || h.rs + sizeof(tl_ruleset) > size)
		return;
	void *at = (void *)(uintptr_t)h.base;
	/* reserve the address first: mremap to a fixed address would replace
	 * whatever is there */
	int fl = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
#ifdef MAP_FIXED_NOREPLACE
	fl |= MAP_FIXED_NOREPLACE;
#endif
	void *r = mmap(at, size, PROT_NONE, fl, -1, 0);
	if (r == MAP_FAILED)
		return;
	if (r != at) {
		munmap(r, size);
		return;
	}
	void *m = mremap((void *)img, size, size, MREMAP_MAYMOVE | MREMAP_FIXED, at);
	if (m != at) {
		munmap(at, size);
		return;
	}
	/* private pages: a write (none is expected) copies the page */
	if (mprotect(at, size, PROT_READ | PROT_WRITE) != 0)
		return; /* still readable; the image stays mapped where nothing else can go */
	S_rs = (tl_ruleset *)((unsigned char *)at + h.rs);
#endif
}

tl_ruleset *tl_rs_snapshot_map(void)
{
	pthread_once(&S_once, S_map);
	return S_rs;
}
