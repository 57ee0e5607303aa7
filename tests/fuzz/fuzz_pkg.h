/* fuzz_pkg.h: builds a ZIP package from the "#tl-parts" text form of an
 * input (fuzz_pkg.c describes it). */
#ifndef TL_FUZZ_PKG_H
#define TL_FUZZ_PKG_H

#include <stddef.h>
#include <stdint.h>

/* 1 with *out (malloc'd, the caller frees it) holding the ZIP; 0 when the
 * input is not in that form (use it as it is); -1 when libzip failed. */
int tl_fuzz_pkg_build(const uint8_t *data, size_t size, uint8_t **out, size_t *out_len);

#endif
