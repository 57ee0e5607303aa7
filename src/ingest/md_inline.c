/* md_inline.c: strips Markdown inline markup from one paragraph's text:
 * emphasis delimiters that pair up (CommonMark's flanking rules without the
 * rule of three; a lone "*" as in "5 * 3" stays), code spans, [text](url),
 * [text][ref] and ![alt](url) to their text, <https://...> autolinks to the
 * address, backslash escapes.  Linear in the input: bracket searches look
 * within fixed windows and backtick runs without a closer are remembered. */
#include "ingest/md_inline.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tenderlint.h"

#define S_LINK_TEXT_WINDOW 512
#define S_LINK_URL_WINDOW 2048


typedef struct {
	size_t *pos; /* output offsets of candidate delimiter characters */
	size_t n, a;
	int oom;
} S_cands;

static void S_cand_add(S_cands *c, size_t p)
{
	if (c->n == c->a) {
		size_t na = c->a ? c->a * 2 : 64;
		size_t *np = realloc(c->pos, na * sizeof *np);
		if (!np) {
			c->oom = 1;
			return;
		}
		c->pos = np, c->a = na;
	}
	c->pos[c->n++] = p;
}

static int S_ascii_punct(char c) { return c > 0x20 && c < 0x7F && !isalnum((unsigned char)c); }

static size_t S_run(const char *s, size_t n, size_t i, char c)
{
	size_t j = i;
	while (j < n && s[j] == c)
		j++;
	return j - i;
}

/* Phase 1: escapes, code spans, links and images; records where emphasis
 * delimiters landed in the output.  `nocode` remembers backtick run lengths
 * that have no closer, which keeps the scan linear. */
static void S_inline1(const char *s, size_t n, tl_buf *out, S_cands *c, unsigned char *nocode,
                      int depth)
{
	size_t i = 0;
	while (i < n) {
		char ch = s[i];
		if (ch == '\\' && i + 1 < n && S_ascii_punct(s[i + 1])) {
			tl_buf_putc(out, s[i + 1]);
			i += 2;
			continue;
		}
		if (ch == '`') {
			size_t k = S_run(s, n, i, '`');
			if (k < 32 && !nocode[k]) {
				size_t j = i + k, close = 0;
				while (j < n) {
					if (s[j] == '`') {
						size_t r = S_run(s, n, j, '`');
						if (r == k) {
							close = j;
							break;
						}
						j += r;
					} else {
						j++;
					}
				}
				if (close) {
					size_t a = i + k, b = close;
					if (b - a >= 2 && s[a] == ' ' && s[b - 1] == ' ')
						a++, b--;
					tl_buf_put(out, s + a, b - a);
					i = close + k;
					continue;
				}
				nocode[k] = 1;
			}
			tl_buf_put(out, s + i, k);
			i += k;
			continue;
		}
		if ((ch == '[' || (ch == '!' && i + 1 < n && s[i + 1] == '[')) && depth < 8) {
			size_t o = ch == '!' ? i + 1 : i;
			size_t j = o + 1, lvl = 1, lim = o + S_LINK_TEXT_WINDOW < n ? o + S_LINK_TEXT_WINDOW : n;
			while (j < lim) {
				if (s[j] == '\\')
					j++;
				else if (s[j] == '[')
					lvl++;
				else if (s[j] == ']' && --lvl == 0)
					break;
				j++;
			}
			if (j < lim && lvl == 0 && j + 1 < n && (s[j + 1] == '(' || s[j + 1] == '[')) {
				char open = s[j + 1], close = open == '(' ? ')' : ']';
				size_t k = j + 2, plvl = 1;
				size_t klim = k + S_LINK_URL_WINDOW < n ? k + S_LINK_URL_WINDOW : n;
				while (k < klim) {
					if (s[k] == '\\')
						k++;
					else if (s[k] == open && open == '(')
						plvl++;
					else if (s[k] == close && --plvl == 0)
						break;
					k++;
				}
				if (k < klim && plvl == 0) {
					S_inline1(s + o + 1, j - o - 1, out, c, nocode, depth + 1);
					i = k + 1;
					continue;
				}
			}
			tl_buf_putc(out, ch);
			i++;
			continue;
		}
		if (ch == '<') {
			/* autolinks <https://...> and <mailto:...> keep their text */
			size_t j = i + 1;
			while (j < n && j < i + S_LINK_URL_WINDOW && s[j] != '>' && s[j] != '<' && s[j] != ' ')
				j++;
			if (j < n && s[j] == '>' && (memchr(s + i, ':', j - i) || memchr(s + i, '@', j - i))) {
				tl_buf_put(out, s + i + 1, j - i - 1);
				i = j + 1;
				continue;
			}
		}
		if (ch == '*' || ch == '_' || ch == '~')
			S_cand_add(c, out->len);
		tl_buf_putc(out, ch);
		i++;
	}
}

static int S_ws_at(const char *s, size_t n, size_t i)
{
	return i >= n || s[i] == ' ' || s[i] == '\t' || s[i] == '\n';
}

typedef struct {
	size_t start, len;
	char ch;
	int can_open, can_close, used;
} S_delim;

/* Phase 2: pair emphasis runs (CommonMark's flanking rules without the rule
 * of three) and copy the text without the paired delimiters. */
static int S_strip_emphasis(const char *s, size_t n, const S_cands *c, tl_buf *out)
{
	S_delim *d = NULL;
	size_t nd = 0;
	if (c->n) {
		d = calloc(c->n, sizeof *d);
		if (!d)
			return TL_ENOMEM;
	}
	for (size_t k = 0; k < c->n;) {
		size_t p = c->pos[k], len = 1;
		char ch = s[p];
		while (k + len < c->n && c->pos[k + len] == p + len && s[p + len] == ch)
			len++;
		k += len;
		int before_ws = p == 0 || S_ws_at(s, n, p - 1);
		int after_ws = S_ws_at(s, n, p + len);
		int before_p = p > 0 && S_ascii_punct(s[p - 1]);
		int after_p = p + len < n && S_ascii_punct(s[p + len]);
		int left = !after_ws && (!after_p || before_ws || before_p);
		int right = !before_ws && (!before_p || after_ws || after_p);
		S_delim *x = &d[nd++];
		x->start = p, x->len = len, x->ch = ch;
		if (ch == '_') {
			x->can_open = left && (!right || before_p);
			x->can_close = right && (!left || after_p);
		} else if (ch == '~') {
			x->can_open = left && len == 2;
			x->can_close = right && len == 2;
		} else {
			x->can_open = left;
			x->can_close = right;
		}
	}
	/* match each closer with the nearest open opener of the same kind: one
	 * stack per delimiter character, linked through `below` (linear) */
	size_t top[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
	size_t *below = nd ? malloc(nd * sizeof *below) : NULL;
	if (nd && !below) {
		free(d);
		return TL_ENOMEM;
	}
	for (size_t k = 0; k < nd; k++) {
		int t = d[k].ch == '*' ? 0 : d[k].ch == '_' ? 1 : 2;
		if (d[k].can_close && top[t] != SIZE_MAX) {
			size_t m = top[t];
			top[t] = below[m];
			d[m].used = d[k].used = 1;
			continue;
		}
		if (d[k].can_open) {
			below[k] = top[t];
			top[t] = k;
		}
	}
	free(below);
	size_t at = 0;
	for (size_t k = 0; k < nd; k++) {
		if (!d[k].used)
			continue;
		tl_buf_put(out, s + at, d[k].start - at);
		at = d[k].start + d[k].len;
	}
	tl_buf_put(out, s + at, n - at);
	free(d);
	return 0;
}

int tl_md_inline(const char *s, size_t n, tl_buf *tmp, tl_buf *out)
{
	S_cands c = {NULL, 0, 0, 0};
	unsigned char nocode[32] = {0};
	tl_buf_reset(tmp);
	tl_buf_reset(out);
	S_inline1(s, n, tmp, &c, nocode, 0);
	int rc = c.oom ? TL_ENOMEM : 0;
	if (!rc && tmp->len)
		rc = S_strip_emphasis(tmp->data, tmp->len, &c, out);
	free(c.pos);
	return rc;
}
