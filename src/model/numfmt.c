/* numfmt.c: counters to list labels ("%1.%2." -> "5.2.") for DOCX and ODT. */
#include "model/numfmt.h"

#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

tl_numfmt tl_numfmt_from_docx(const char *v)
{
	if (!v)
		return TL_NUMFMT_DECIMAL;
	static const struct {
		const char *name;
		tl_numfmt f;
	} map[] = {
		{"decimal", TL_NUMFMT_DECIMAL},
		{"decimalZero", TL_NUMFMT_DECIMAL_ZERO},
		{"lowerLetter", TL_NUMFMT_LOWER_LETTER},
		{"upperLetter", TL_NUMFMT_UPPER_LETTER},
		{"lowerRoman", TL_NUMFMT_LOWER_ROMAN},
		{"upperRoman", TL_NUMFMT_UPPER_ROMAN},
		{"ordinal", TL_NUMFMT_ORDINAL},
		{"bullet", TL_NUMFMT_BULLET},
		{"none", TL_NUMFMT_NONE},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(v, map[i].name) == 0)
			return map[i].f;
	return TL_NUMFMT_DECIMAL;
}

tl_numfmt tl_numfmt_from_odf(const char *v)
{
	if (!v || !*v)
		return TL_NUMFMT_NONE;
	switch (v[0]) {
	case 'a': return TL_NUMFMT_LOWER_LETTER;
	case 'A': return TL_NUMFMT_UPPER_LETTER;
	case 'i': return TL_NUMFMT_LOWER_ROMAN;
	case 'I': return TL_NUMFMT_UPPER_ROMAN;
	default: return TL_NUMFMT_DECIMAL;
	}
}

long tl_numfmt_clamp(long v)
{
	if (v < 0)
		return 0;
	return v > TL_NUMFMT_MAX_VALUE ? TL_NUMFMT_MAX_VALUE : v;
}

static size_t S_roman(char *out, size_t size, long v, int upper)
{
	static const struct {
		int val;
		const char *s;
	} tab[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
	           {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
	char tmp[32];
	size_t n = 0;
	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		while (v >= tab[i].val) {
			for (const char *p = tab[i].s; *p; p++)
				tmp[n++] = upper ? (char)(*p - 'a' + 'A') : *p;
			v -= tab[i].val;
		}
	size_t k = n < size - 1 ? n : size - 1; /* as snprintf would cut it */
	memcpy(out, tmp, k);
	out[k] = 0;
	return n;
}

/* snprintf(out, size, "%s%ld%s", prefix, v, suffix) for 0 <= v without the
 * format machinery: returns the whole length, writes what fits (size > 0) */
static int S_decimal(char *out, size_t size, const char *prefix, long v, const char *suffix)
{
	char tmp[48];
	size_t n = 40, pl = strlen(prefix), sl = strlen(suffix);
	tmp[n] = 0;
	do
		tmp[--n] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	n -= pl;
	memcpy(tmp + n, prefix, pl);
	size_t len = 40 - n;
	memcpy(tmp + 40, suffix, sl + 1);
	len += sl;
	size_t k = len < size - 1 ? len : size - 1;
	memcpy(out, tmp + n, k);
	out[k] = 0;
	return (int)len;
}

size_t tl_numfmt_format(char *out, size_t size, tl_numfmt f, long value)
{
	if (!out || size == 0)
		return 0;
	out[0] = 0;
	long v = tl_numfmt_clamp(value);
	int n = 0;
	switch (f) {
	case TL_NUMFMT_BULLET:
	case TL_NUMFMT_NONE:
		return 0;
	case TL_NUMFMT_DECIMAL_ZERO:
		n = S_decimal(out, size, v < 10 ? "0" : "", v, "");
		break;
	case TL_NUMFMT_LOWER_LETTER:
	case TL_NUMFMT_UPPER_LETTER: {
		if (v < 1) {
			n = S_decimal(out, size, "", v, "");
			break;
		}
		/* Word repeats the letter: 27 = "aa", 53 = "aaa"; as long as a label may be */
		long reps = (v - 1) / 26 + 1;
		char c = (char)((f == TL_NUMFMT_LOWER_LETTER ? 'a' : 'A') + (v - 1) % 26);
		if (reps > TL_NUMFMT_LABEL_MAX - 1)
			reps = TL_NUMFMT_LABEL_MAX - 1;
		size_t i = 0;
		for (; i < (size_t)reps && i + 1 < size; i++)
			out[i] = c;
		out[i] = 0;
		return i;
	}
	case TL_NUMFMT_LOWER_ROMAN:
	case TL_NUMFMT_UPPER_ROMAN:
		if (v < 1 || v > 3999)
			n = S_decimal(out, size, "", v, "");
		else
			n = (int)S_roman(out, size, v, f == TL_NUMFMT_UPPER_ROMAN);
		break;
	case TL_NUMFMT_ORDINAL: {
		const char *suf = "th";
		if (v % 100 < 11 || v % 100 > 13) {
			if (v % 10 == 1)
				suf = "st";
			else if (v % 10 == 2)
				suf = "nd";
			else if (v % 10 == 3)
				suf = "rd";
		}
		n = S_decimal(out, size, "", v, suf);
		break;
	}
	default:
		n = S_decimal(out, size, "", v, "");
		break;
	}
	if (n < 0)
		return 0;
	return (size_t)n < size ? (size_t)n : size - 1;
}

/* Appends s[0..n) to out without cutting a UTF-8 sequence in half. */
static void S_append(char *out, size_t size, size_t *len, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = (unsigned char)s[i] < 0x80 ? 1 : tl_utf8_decode(s + i, n - i, &cp);
		if (*len + k + 1 > size)
			break;
		memcpy(out + *len, s + i, k);
		*len += k;
		i += k;
	}
	out[*len] = 0;
}

size_t tl_numfmt_label(char *out, size_t size, const char *t, const long *counters,
                       const tl_numfmt *fmts, int nlevels, int is_lgl)
{
	size_t len = 0;
	if (!out || size == 0)
		return 0;
	out[0] = 0;
	if (!t)
		return 0;
	for (const char *p = t; *p && len + 1 < size;) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			int lvl = p[1] - '1';
			if (lvl < nlevels) {
				char num[40];
				tl_numfmt f = fmts[lvl];
				/* isLgl: letters and roman numerals show as Arabic numbers;
				 * decimalZero stays (Word shows "Section 1.01") */
				if (is_lgl && f != TL_NUMFMT_BULLET && f != TL_NUMFMT_NONE &&
				    f != TL_NUMFMT_DECIMAL_ZERO)
					f = TL_NUMFMT_DECIMAL;
				size_t k = tl_numfmt_format(num, sizeof num, f, counters[lvl]);
				S_append(out, size, &len, num, k);
			}
			p += 2;
		} else if (p[0] == '%' && p[1] == '%') {
			S_append(out, size, &len, "%", 1);
			p += 2;
		} else {
			const char *q = p + 1;
			while (*q && *q != '%')
				q++;
			S_append(out, size, &len, p, (size_t)(q - p));
			p = q;
		}
	}
	return len;
}

static int S_is_alnum_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	/* letters and digits of the scripts list numbering uses; symbols (bullets,
	 * arrows, dingbats, private use) are not */
	return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	       (cp >= 0x370 && cp <= 0x52F) || (cp >= 0x5D0 && cp <= 0x5EA) ||
	       (cp >= 0x620 && cp <= 0x6FF) || (cp >= 0x900 && cp <= 0x97F) ||
	       (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xFF10 && cp <= 0xFF19) ||
	       (cp >= 0x2160 && cp <= 0x217F) || (cp >= 0x2460 && cp <= 0x24FF);
}

int tl_numfmt_is_bullet_label(const char *label)
{
	if (!label)
		return 0;
	size_t n = strlen(label);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += tl_utf8_decode(label + i, n - i, &cp);
		if (S_is_alnum_cp(cp))
			return 0;
	}
	return 1;
}
