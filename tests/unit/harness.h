/* harness.h: a tiny test harness (after cmark's api_test/harness.c). */
#ifndef TL_HARNESS_H
#define TL_HARNESS_H
#include <stdio.h>
#include <string.h>

static int tl_t_run, tl_t_fail;
#define T_OK(cond, ...)                                                              \
	do {                                                                         \
		tl_t_run++;                                                          \
		if (!(cond)) {                                                       \
			tl_t_fail++;                                                 \
			fprintf(stderr, "%s:%d: FAIL: %s: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__);                                \
			fputc('\n', stderr);                                         \
		}                                                                    \
	} while (0)
#define T_STR(got, want)                                                                  \
	do {                                                                              \
		const char *g_ = (got), *w_ = (want);                                     \
		T_OK(g_ && w_ && strcmp(g_, w_) == 0, "got \"%s\", want \"%s\"", g_ ? g_ : "(null)", w_); \
	} while (0)
#define T_INT(got, want)                                                            \
	do {                                                                        \
		long long g_ = (long long)(got), w_ = (long long)(want);            \
		T_OK(g_ == w_, "got %lld, want %lld", g_, w_);                      \
	} while (0)
#define T_DONE()                                                                        \
	(printf("%d passed, %d failed\n", tl_t_run - tl_t_fail, tl_t_fail), tl_t_fail ? 1 : 0)
#endif
