/* main.c: dispatch to the subcommands. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/cli.h"
#include "cli/exit.h"
#include "tl_version.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *help;
} S_cmds[] = {
	{"check", tl_cmd_check, "check contracts against a ruleset (default command)"},
	{"extract", tl_cmd_extract, "print the clause tree the checker reads"},
	{"rules", tl_cmd_rules, "list, show, lint and self-test rulesets"},
	{"compare", tl_cmd_compare, "find where a contract is weaker than its tender"},
	{"merge", tl_cmd_merge, "combine JSON Lines reports from shards"},
	{"render", tl_cmd_render, "re-render a saved report; write the contract back (--redline)"},
};

static void S_usage(FILE *f)
{
	fprintf(f, "usage: tenderlint <command> [options] [FILE|DIR|-]...\n\ncommands:\n");
	for (size_t i = 0; i < sizeof S_cmds / sizeof S_cmds[0]; i++)
		fprintf(f, "  %-9s %s\n", S_cmds[i].name, S_cmds[i].help);
	fprintf(f, "\n'tenderlint <command> --help' shows a command's options.\n"
	           "Exit codes: 0 ok, 1 findings at/above --fail-on, 2 usage, 3 unreadable input, 4 internal.\n");
}

/* The allocator's policy for a short process that works on two threads
 * (docs/architecture.md, "Threads and memory"):
 *  - one heap for both threads (a second arena is a 64 MiB reservation grown
 *    by an mprotect per step), grown 8 MiB at a time, large blocks from that
 *    heap rather than mmap, and nothing given back before exit: giving
 *    memory back (munmap, madvise) while the other thread runs makes the
 *    kernel interrupt that CPU to flush its TLB;
 *  - the first S_HUGE_HEAP bytes of the heap in 2 MiB pages where the kernel
 *    offers them on request (transparent huge pages, "madvise" mode): a check
 *    touches some 15 MiB of new memory, and a new 4 KiB page costs about
 *    1.5 us, a 2 MiB one about 0.15 ms (0.35-0.4 against 0.05-0.09 ms per
 *    MiB).  The heap is only reserved here: a page is taken when first
 *    written, so the cost is at most one part-used 2 MiB page per stretch.
 *    16 MiB since the token pools stopped taking 2 MiB pages they only begin
 *    (annotate.c, S_pool_map): bench-nl-600 peak RSS 25.0-26.5 MiB with 12,
 *    25.2-28.0 with 16, and 0.2-0.7 ms faster (100-run alternating series);
 *  - a worker (a forked child, src/batch/pool.c) takes its memory from the
 *    next 2 MiB boundary on (S_heap_fresh): below it lies the heap's first,
 *    partial 2 MiB stretch, which the kernel gives in 4 KiB pages (it is not
 *    advised, or the parent has touched it, and a write of the child then
 *    copies).  Otherwise the child's first allocations fault 4 KiB at a time
 *    through whatever is left of it, 0-2 MiB with where the heap happens to
 *    start: bench-nl-600 took 628-750 page faults, now 581-585. */
#define S_HUGE_HEAP ((size_t)16 << 20)
#define S_HUGE_PAGE ((uintptr_t)2 << 20)

static void *volatile S_spacer; /* kept (volatile: the call is not elided), never written */

/* In a forked child: one block up to the next 2 MiB boundary above the
 * heap's top, so what the child allocates next comes from fresh memory
 * beyond it.  A probe larger than anything the parent freed finds the top;
 * when it does not, the spacer only costs address space. */
static void S_heap_fresh(void)
{
	void *p = malloc((size_t)1 << 20);
	if (!p)
		return;
	uintptr_t a = (uintptr_t)p, b = (a + S_HUGE_PAGE - 1) & ~(S_HUGE_PAGE - 1);
	free(p);
	if (b - a > 4096)
		S_spacer = malloc(b - a - 64);
}

static void S_malloc_policy(void)
{
#ifdef __GLIBC__
	mallopt(M_ARENA_MAX, 1);
	mallopt(M_TOP_PAD, 8 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	char *heap = malloc(S_HUGE_HEAP); /* from the heap (below the mmap threshold) */
	if (heap) {
#ifdef MADV_HUGEPAGE
		uintptr_t a = ((uintptr_t)heap + S_HUGE_PAGE - 1) & ~(S_HUGE_PAGE - 1);
		uintptr_t e = ((uintptr_t)heap + S_HUGE_HEAP) & ~(S_HUGE_PAGE - 1);
		if (e > a)
			(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#endif
		free(heap); /* stays in the heap: nothing is trimmed */
		(void)pthread_atfork(NULL, NULL, S_heap_fresh);
	}
#endif
}

int main(int argc, char **argv)
{
	S_malloc_policy();
	if (argc < 2) {
		S_usage(stderr);
		return TL_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		S_usage(stdout);
		return TL_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("tenderlint %s\n", TL_VERSION_STRING);
		return TL_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof S_cmds / sizeof S_cmds[0]; i++)
		if (!strcmp(argv[1], S_cmds[i].name))
			return S_cmds[i].fn(argc - 1, argv + 1);
	/* `tenderlint FILE...` is `tenderlint check FILE...` */
	return tl_cmd_check(argc, argv);
}
