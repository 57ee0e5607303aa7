/* zip_inflate.c: the quick way of reading a deflated ZIP member (zip_int.h).
 *
 * libzip inflates a member through layers of small buffers and checks its
 * CRC-32 with zlib's table code, about 4 instructions a byte: for a 1.4 MB
 * document.xml that is most of the time the read spends in the archive.
 * Here the raw deflate stream is inflated in one call straight into the
 * member's buffer and the CRC-32 is folded 64 bytes at a time with
 * carry-less multiplication (PCLMULQDQ, where the CPU has it).  Only an
 * entry that comes out exactly right -- the stream ends, at the declared
 * size, with the declared CRC -- is taken this way; anything else is read
 * again through libzip, whose errors the reader reports. */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include "ingest/zip_int.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>
#include <pthread.h>
#define S_CLMUL 1

/* The bit-reflected CRC-32 folding constants and Barrett reduction of
 * Gopal et al., "Fast CRC Computation for Generic Polynomials Using
 * PCLMULQDQ Instruction" (Intel, 2009), as zlib-ng and Chromium's zlib use
 * them.  len >= 64 and a multiple of 16; crc is the pre-inverted register. */
__attribute__((target("pclmul,sse4.1"))) static uint32_t S_crc_clmul(uint32_t crc,
                                                                      const unsigned char *buf,
                                                                      size_t len)
{
	const __m128i k1k2 = _mm_set_epi64x(0x01c6e41596LL, 0x0154442bd4LL);
	const __m128i k3k4 = _mm_set_epi64x(0x00ccaa009eLL, 0x01751997d0LL);
	const __m128i k5k0 = _mm_set_epi64x(0, 0x0163cd6124LL);
	const __m128i poly = _mm_set_epi64x(0x01f7011641LL, 0x01db710641LL);
	__m128i x0, x1, x2, x3, x4, x5, x6, x7, x8;

	x1 = _mm_loadu_si128((const __m128i *)(buf + 0x00));
	x2 = _mm_loadu_si128((const __m128i *)(buf + 0x10));
	x3 = _mm_loadu_si128((const __m128i *)(buf + 0x20));
	x4 = _mm_loadu_si128((const __m128i *)(buf + 0x30));
	x1 = _mm_xor_si128(x1, _mm_cvtsi32_si128((int)crc));
	x0 = k1k2;
	buf += 64;
	len -= 64;
	while (len >= 64) { /* four lanes folded 64 bytes forward */
		x5 = _mm_clmulepi64_si128(x1, x0, 0x00);
		x6 = _mm_clmulepi64_si128(x2, x0, 0x00);
		x7 = _mm_clmulepi64_si128(x3, x0, 0x00);
		x8 = _mm_clmulepi64_si128(x4, x0, 0x00);
		x1 = _mm_clmulepi64_si128(x1, x0, 0x11);
		x2 = _mm_clmulepi64_si128(x2, x0, 0x11);
		x3 = _mm_clmulepi64_si128(x3, x0, 0x11);
		x4 = _mm_clmulepi64_si128(x4, x0, 0x11);
		x1 = _mm_xor_si128(_mm_xor_si128(x1, x5), _mm_loadu_si128((const __m128i *)(buf + 0x00)));
		x2 = _mm_xor_si128(_mm_xor_si128(x2, x6), _mm_loadu_si128((const __m128i *)(buf + 0x10)));
		x3 = _mm_xor_si128(_mm_xor_si128(x3, x7), _mm_loadu_si128((const __m128i *)(buf + 0x20)));
		x4 = _mm_xor_si128(_mm_xor_si128(x4, x8), _mm_loadu_si128((const __m128i *)(buf + 0x30)));
		buf += 64;
		len -= 64;
	}
	/* the four lanes into one */
	x0 = k3k4;
	x5 = _mm_clmulepi64_si128(x1, x0, 0x00);
	x1 = _mm_clmulepi64_si128(x1, x0, 0x11);
	x1 = _mm_xor_si128(_mm_xor_si128(x1, x2), x5);
	x5 = _mm_clmulepi64_si128(x1, x0, 0x00);
	x1 = _mm_clmulepi64_si128(x1, x0, 0x11);
	x1 = _mm_xor_si128(_mm_xor_si128(x1, x3), x5);
	x5 = _mm_clmulepi64_si128(x1, x0, 0x00);
	x1 = _mm_clmulepi64_si128(x1, x0, 0x11);
	x1 = _mm_xor_si128(_mm_xor_si128(x1, x4), x5);
	while (len >= 16) {
		x2 = _mm_loadu_si128((const __m128i *)buf);
		x5 = _mm_clmulepi64_si128(x1, x0, 0x00);
		x1 = _mm_clmulepi64_si128(x1, x0, 0x11);
		x1 = _mm_xor_si128(_mm_xor_si128(x1, x2), x5);
		buf += 16;
		len -= 16;
	}
	/* 128 bits to 64 */
	x2 = _mm_clmulepi64_si128(x1, x0, 0x10);
	x3 = _mm_setr_epi32(~0, 0, ~0, 0);
	x1 = _mm_srli_si128(x1, 8);
	x1 = _mm_xor_si128(x1, x2);
	x0 = k5k0;
	x2 = _mm_srli_si128(x1, 4);
	x1 = _mm_and_si128(x1, x3);
	x1 = _mm_clmulepi64_si128(x1, x0, 0x00);
	x1 = _mm_xor_si128(x1, x2);
	/* Barrett reduction to 32 bits */
	x0 = poly;
	x2 = _mm_and_si128(x1, x3);
	x2 = _mm_clmulepi64_si128(x2, x0, 0x10);
	x2 = _mm_and_si128(x2, x3);
	x2 = _mm_clmulepi64_si128(x2, x0, 0x00);
	x1 = _mm_xor_si128(x1, x2);
	return (uint32_t)_mm_extract_epi32(x1, 1);
}

/* One CPUID, the first time a CRC is folded.  Not __builtin_cpu_supports:
 * that links libgcc's CPU-model constructor, whose two dozen CPUIDs run at
 * every start, and on a virtual machine each CPUID traps to the hypervisor
 * (about 0.05 ms of `tenderlint --version`, perf). */
static void S_clmul_probe(void);
static pthread_once_t S_clmul_once = PTHREAD_ONCE_INIT;
static int S_clmul;

static void S_clmul_probe(void)
{
	unsigned a, b, c, d;
	S_clmul = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_PCLMUL) && (c & bit_SSE4_1);
}

static int S_have_clmul(void)
{
	(void)pthread_once(&S_clmul_once, S_clmul_probe);
	return S_clmul;
}
#endif

uint32_t tl_zip_crc32(uint32_t crc, const unsigned char *p, size_t n)
{
#ifdef S_CLMUL
	if (n >= 64 && S_have_clmul()) {
		size_t k = n & ~(size_t)15;
		crc = ~S_crc_clmul(~crc, p, k);
		p += k;
		n -= k;
	}
#endif
	while (n > 0) { /* zlib's crc32 takes an unsigned int length */
		unsigned k = n > UINT_MAX ? UINT_MAX : (unsigned)n;
		crc = (uint32_t)crc32(crc, p, k);
		p += k;
		n -= k;
	}
	return crc;
}

int tl_zip_inflate_exact(const unsigned char *in, size_t inlen, char *out, size_t declared,
                         uint32_t crc)
{
	if (inlen > UINT_MAX || declared >= UINT_MAX)
		return 0;
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	if (inflateInit2(&zs, -MAX_WBITS) != Z_OK)
		return 0;
	zs.next_in = (Bytef *)(uintptr_t)in;
	zs.avail_in = (uInt)inlen;
	zs.next_out = (Bytef *)out;
	zs.avail_out = (uInt)declared + 1; /* one byte more: a longer stream shows */
	int rc = inflate(&zs, Z_FINISH);
	int ok = rc == Z_STREAM_END && zs.total_out == declared;
	inflateEnd(&zs);
	return ok && tl_zip_crc32(0, (const unsigned char *)out, declared) == crc;
}
