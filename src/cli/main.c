/* main.c: dispatch to the subcommands. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
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
 * (docs/architecture.md, "Threads and memory"): one heap for both threads (a
 * second arena is a 64 MiB reservation grown by an mprotect per step), grown
 * 8 MiB at a time, large blocks from that heap rather than mmap, and nothing
 * given back before exit: giving memory back (munmap, madvise) while the other
 * thread runs makes the kernel interrupt that CPU to flush its TLB.
 *
 * The heap takes 4 KiB pages.  Until the tenth session its first 16 MiB were
 * advised to use 2 MiB pages (MADV_HUGEPAGE), with a worker's heap started at
 * a 2 MiB boundary; measured again on bench-nl-600 (40-200 runs each) that cost
 * 4-5 MiB of peak RSS (27.8-31.4 against 23.8-26.0 MiB) and CPU time (43.7
 * against 37.8 ms task-clock) for a wall time within the noise (paired medians
 * +0.14 and -0.42 ms), so it went. */
static void S_malloc_policy(void)
{
#ifdef __GLIBC__
	mallopt(M_ARENA_MAX, 1);
	mallopt(M_TOP_PAD, 8 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
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
