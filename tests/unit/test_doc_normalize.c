/* tl_doc_normalize (model/doc.c): every whitespace run becomes one space,
 * soft hyphens, zero-width and control characters go, the ends are trimmed,
 * and the result is NFC.  Checked on examples and, for ASCII and a few
 * multi-byte characters (whose NFC is themselves), against a byte-by-byte
 * reference of that rule on many generated strings: the word-at-a-time
 * copy of plain stretches must not change a single byte. */
#include <stdint.h>
#include <stdlib.h>

#include "harness.h"
#include "model/doc.h"
#include "util/utf8.h"

#define L(lit) lit, sizeof(lit) - 1

static const char *S_norm(tl_document *d, const char *s, size_t n)
{
	size_t len = 0;
	const char *r = tl_doc_normalize(d, s, n, &len);
	T_OK(r && strlen(r) == len, "length %zu for \"%s\"", len, r ? r : "(null)");
	return r;
}

/* The rule itself, one code point at a time (valid UTF-8 input). */
static size_t S_ref(const char *s, size_t n, char *o)
{
	size_t k = 0;
	int space = 0, any = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t m = tl_utf8_decode(s + i, n - i, &cp);
		int ws = cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x2009 ||
		         cp == 0x3000;
		int drop = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD || cp == 0x200B ||
		           cp == 0xFEFF;
		if (ws) {
			space = any;
		} else if (!drop) {
			if (space)
				o[k++] = ' ';
			space = 0;
			any = 1;
			memcpy(o + k, s + i, m);
			k += m;
		}
		i += m;
	}
	o[k] = 0;
	return k;
}

static void S_examples(void)
{
	tl_document *d = tl_doc_new("t", TL_FORMAT_TEXT, NULL);
	T_STR(S_norm(d, L("")), "");
	T_STR(S_norm(d, L("   ")), "");
	T_STR(S_norm(d, L("  De  Opdrachtnemer\tlevert.\n")), "De Opdrachtnemer levert.");
	T_STR(S_norm(d, L("a b c d e f g h i j k l")), "a b c d e f g h i j k l");
	T_STR(S_norm(d, L("abcdefg  hijklmnop")), "abcdefg hijklmnop");
	T_STR(S_norm(d, L("abcdefgh  ijklmnop")), "abcdefgh ijklmnop");
	T_STR(S_norm(d, L("abcdefg \x01 hijklmnopq ")), "abcdefg hijklmnopq");
	T_STR(S_norm(d, L("abcdefghijklmno \x7F")), "abcdefghijklmno");
	T_STR(S_norm(d, L("Artikel\xC2\xA0" "5 lid\xC2\xAD" "2")), "Artikel 5 lid2");
	T_STR(S_norm(d, L("zero\xE2\x80\x8Bwidth and\xE3\x80\x80wide")), "zerowidth and wide");
	/* NFC: e + combining acute becomes one character */
	T_STR(S_norm(d, L("caf\x65\xCC\x81 open")), "caf\xC3\xA9 open");
	/* an invalid byte becomes U+FFFD */
	T_STR(S_norm(d, L("a\xFF" "b")), "a\xEF\xBF\xBD" "b");
	tl_document_free(d);
}

static void S_generated(void)
{
	static const char *const piece[] = {"a", "Z", "9", ".", " ", " ", " ", "  ", "\t", "\n",
	                                    "\r\n", "\x01", "\x7F", "~", "!", "\xC3\xA9",
	                                    "\xC2\xA0", "\xC2\xAD", "\xE2\x80\x8B", "\xE2\x80\x89",
	                                    "Opdrachtnemer", "levert", "de", "x"};
	const size_t np = sizeof piece / sizeof piece[0];
	tl_document *d = tl_doc_new("t", TL_FORMAT_TEXT, NULL);
	unsigned seed = 12345;
	char in[512], want[512];
	int bad = 0;
	for (int round = 0; round < 20000 && bad < 5; round++) {
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		size_t count = (seed >> 16) % 40;
		for (size_t k = 0; k < count; k++) {
			seed = seed * 1103515245u + 12345u;
			/* mostly plain letters and single spaces, as contracts are */
			unsigned r = (seed >> 16) % 100;
			const char *p = r < 45 ? piece[20 + r % 4] : r < 70 ? " " : piece[r % np];
			size_t m = strlen(p);
			if (n + m >= sizeof in)
				break;
			memcpy(in + n, p, m);
			n += m;
		}
		in[n] = 0;
		S_ref(in, n, want);
		size_t len = 0;
		const char *got = tl_doc_normalize(d, in, n, &len);
		if (!got || strcmp(got, want) != 0 || len != strlen(want)) {
			bad++;
			T_OK(0, "input \"%s\": got \"%s\", want \"%s\"", in, got ? got : "(null)", want);
		}
	}
	T_INT(bad, 0);
	tl_document_free(d);
}

int main(void)
{
	S_examples();
	S_generated();
	return T_DONE();
}
