/* fuzz.h: what every fuzz target shares.  Each target defines
 * LLVMFuzzerTestOneInput; libFuzzer (clang -fsanitize=fuzzer) or the
 * standalone driver (driver.c, any compiler) calls it once per input. */
#ifndef TL_FUZZ_H
#define TL_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tenderlint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read options for fuzzing: the default limits, but with the size caps
 * lowered so a bomb stops well under libFuzzer's -rss_limit_mb with ASan's
 * shadow memory on top (the caps themselves are tested by tests/hostile).
 * The revision view is taken from the input's length so all three views
 * get exercised without changing the bytes the reader sees. */
static inline tl_read_options tl_fuzz_read_options(size_t size)
{
	tl_read_options o = TL_READ_OPTIONS_INIT;
	o.limits.max_entry_size = (size_t)32 << 20;
	o.limits.max_total_size = (size_t)64 << 20;
	o.limits.max_doc_text = (size_t)16 << 20;
	o.limits.max_nodes = 200000;
	o.revisions = (tl_revisions)(size % 3);
	return o;
}

/* A sink for writers and renderers: their output is not checked, only that
 * they neither crash nor leak.  Opened once, kept for the process. */
static inline FILE *tl_fuzz_sink(void)
{
	static FILE *sink;
	if (!sink)
		sink = fopen("/dev/null", "w");
	return sink;
}

#endif
