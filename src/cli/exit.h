/* exit.h: tenderlint's exit codes, stable and documented in docs/exit-codes.md. */
#ifndef TL_EXIT_H
#define TL_EXIT_H
#define TL_EXIT_OK 0          /* done; no finding at or above the --fail-on threshold */
#define TL_EXIT_FINDINGS 1    /* findings at or above the --fail-on threshold */
#define TL_EXIT_USAGE 2       /* bad command line, unreadable ruleset or waiver file */
#define TL_EXIT_UNREADABLE 3  /* finished, but at least one input could not be read */
#define TL_EXIT_INTERNAL 4    /* internal error (out of memory, a worker crashed the supervisor) */
#endif
