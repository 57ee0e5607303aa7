/* numfmt.h: list-number formatting shared by the DOCX and ODT readers.
 *
 * A number format turns a counter into text ("3" -> "c", "iii", "03"); a
 * label template ("%1.%2." in WordprocessingML) combines the counters of
 * several levels.  Values are clamped to 0..TL_NUMFMT_MAX_VALUE and every
 * label is capped at TL_NUMFMT_LABEL_MAX bytes (NUL included). */
#ifndef TL_MODEL_NUMFMT_H
#define TL_MODEL_NUMFMT_H

#include <stddef.h>

#define TL_NUMFMT_LABEL_MAX 64
#define TL_NUMFMT_MAX_VALUE 32767L
#define TL_NUMFMT_LEVELS 9

typedef enum {
	TL_NUMFMT_DECIMAL = 0,
	TL_NUMFMT_DECIMAL_ZERO,  /* 01, 02, ... 10 */
	TL_NUMFMT_LOWER_LETTER,  /* a .. z, aa .. zz, aaa (Word repeats the letter) */
	TL_NUMFMT_UPPER_LETTER,
	TL_NUMFMT_LOWER_ROMAN,
	TL_NUMFMT_UPPER_ROMAN,
	TL_NUMFMT_ORDINAL,       /* 1st, 2nd, 3rd (English) */
	TL_NUMFMT_BULLET,        /* the level text is shown as is */
	TL_NUMFMT_NONE           /* the number itself is not shown */
} tl_numfmt;

/* w:numFmt/@w:val -> format; unknown names (chineseCounting, ...) read as
 * decimal, which is how a checker should cite them. */
tl_numfmt tl_numfmt_from_docx(const char *val);
/* ODF style:num-format ("1", "a", "A", "i", "I", "" = none) -> format. */
tl_numfmt tl_numfmt_from_odf(const char *val);

/* Clamps a counter to 0..TL_NUMFMT_MAX_VALUE. */
long tl_numfmt_clamp(long v);

/* Writes one number in format f into out (always NUL-terminated, cut at
 * size); returns the length written.  Bullet and none write "". Roman
 * numerals of 0 or above 3999 fall back to decimal. */
size_t tl_numfmt_format(char *out, size_t size, tl_numfmt f, long value);

/* Expands a WordprocessingML level text: "%N" (N = 1..9) is replaced by the
 * counter of level N-1 in that level's format (with is_lgl, letter and roman
 * levels show as decimal; decimalZero, bullet and none stay); "%%" and other characters are copied.
 * A %N above `nlevels` expands to nothing.  Returns the length. */
size_t tl_numfmt_label(char *out, size_t size, const char *lvl_text, const long *counters,
                       const tl_numfmt *fmts, int nlevels, int is_lgl);

/* 1 when a label has no letter or digit (a bullet such as "•" or "-"). */
int tl_numfmt_is_bullet_label(const char *label);

#endif
