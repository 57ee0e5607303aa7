/* utf8.h: small UTF-8 helpers that need no ICU. */
#ifndef TL_UTF8_H
#define TL_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s[0..len); returns its byte length (>=1) and sets
 * *cp, or returns 1 with *cp = 0xFFFD on an invalid sequence. */
size_t tl_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t tl_utf8_encode(uint32_t cp, char *out);
/* 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates). */
int tl_utf8_valid(const char *s, size_t len);
/* Copies s into out for a message: control characters, NUL, bidi controls
 * and invalid bytes are escaped as \xNN or \u{NNNN}; at most max_in input
 * bytes are copied, with "..." when cut.  out is always NUL-terminated. */
void tl_utf8_sanitize(char *out, size_t outsize, const char *s, size_t len, size_t max_in);
#endif
