/* json.c: cJSON-shaped trees in an arena (see json.h for what it reads and
 * what it leaves to cJSON).  The reading rules follow cJSON 1.7's parser:
 * whitespace is any byte up to 32, the literals are recognised by their
 * first 4 or 5 bytes, a number is the longest run of [0-9+-eE.] read by
 * strtod, strings take any byte but '"' and '\', and members stay in text
 * order with the first child's prev pointing at the last. */
#include "util/json.h"

#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define S_MAX_DEPTH 256
#define S_NUM_MAX 63 /* cJSON reads at most 63 bytes of a number */

typedef struct S_p {
	tl_arena *a;
	const unsigned char *t;
	size_t n, i;
	cJSON *node;         /* the current block of nodes */
	size_t nnode;        /* free nodes in it */
	char *str;           /* the current block of string bytes */
	size_t nstr;         /* free bytes in it */
	size_t node_chunk, str_chunk;
	const char *skip;    /* members with this key are left out (tl_json_parse_skip), or NULL */
	size_t skiplen;
} S_p;

static cJSON *S_new(S_p *p)
{
	if (!p->nnode) {
		p->node = tl_arena_alloc(p->a, p->node_chunk * sizeof(cJSON));
		if (!p->node)
			return NULL;
		p->nnode = p->node_chunk;
		if (p->node_chunk < 8192)
			p->node_chunk *= 2;
	}
	p->nnode--;
	cJSON *c = p->node++;
	memset(c, 0, sizeof *c);
	return c;
}

static char *S_str(S_p *p, size_t n)
{
	if (p->nstr < n + 1) {
		size_t sz = n + 1 > p->str_chunk ? n + 1 : p->str_chunk;
		p->str = tl_arena_alloc(p->a, sz);
		if (!p->str)
			return NULL;
		p->nstr = sz;
		if (p->str_chunk < ((size_t)1 << 20))
			p->str_chunk *= 2;
	}
	char *s = p->str;
	p->str += n + 1;
	p->nstr -= n + 1;
	return s;
}

static void S_ws(S_p *p)
{
	const unsigned char *t = p->t;
	size_t i = p->i;
	if (i < p->n && t[i] > 32)
		return; /* most calls: no white space at all */
#ifdef __SSE2__
	/* a line break and its indentation: sixteen bytes at a time (bytes up
	 * to 32, unsigned, are white space) */
	const __m128i sp = _mm_set1_epi8(32);
	for (; i + 16 <= p->n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		unsigned ws = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, sp), sp));
		if (ws != 0xFFFFu) {
			p->i = i + (size_t)__builtin_ctz(~ws);
			return;
		}
	}
#else
	/* indentation comes in runs of spaces: eight at a time */
	for (uint64_t w; i + 8 <= p->n && (memcpy(&w, t + i, 8), w == 0x2020202020202020ull);)
		i += 8;
#endif
	while (i < p->n && t[i] <= 32)
		i++;
	p->i = i;
}

/* Four hex digits -> *out; -1 when one is not a hex digit. */
static int S_hex4(const unsigned char *h, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		unsigned c = h[i], d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v << 4 | d;
	}
	*out = v;
	return 0;
}

/* Writes code point cp (at most 0x10FFFF) as UTF-8; returns the end. */
static char *S_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xC0 | cp >> 6);
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xE0 | cp >> 12);
		*o++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (char)(0xF0 | cp >> 18);
		*o++ = (char)(0x80 | (cp >> 12 & 0x3F));
		*o++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

/* The first '"' or '\\' in t[j..n), or n.  Sixteen bytes at a time: the
 * built-in ruleset has 52,000 strings, mostly short, and two memchr calls
 * per string cost more than the scan itself. */
static size_t S_stop(const unsigned char *t, size_t j, size_t n)
{
#ifdef __SSE2__
	const __m128i q = _mm_set1_epi8('"'), b = _mm_set1_epi8('\\');
	for (; j + 16 <= n; j += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + j));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, b)));
		if (m)
			return j + (size_t)__builtin_ctz(m);
	}
#endif
	while (j < n && t[j] != '"' && t[j] != '\\')
		j++;
	return j;
}

/* The string at p->i (which is '"'); NULL on failure. */
static char *S_string(S_p *p)
{
	const unsigned char *t = p->t;
	size_t j = p->i + 1, esc = 0;
	for (;;) { /* the closing quote: the first '"' not escaped by a '\\' */
		j = S_stop(t, j, p->n);
		if (j >= p->n)
			return NULL;
		if (t[j] == '"')
			break;
		if (j + 1 >= p->n)
			return NULL;
		esc++;
		j += 2;
	}
	size_t from = p->i + 1, len = j - from - esc;
	char *s = S_str(p, len);
	if (!s)
		return NULL;
	if (!esc) {
		memcpy(s, t + from, len);
	} else {
		char *o = s;
		for (size_t k = from; k < j; k++) {
			if (t[k] != '\\') {
				*o++ = (char)t[k];
				continue;
			}
			switch (t[++k]) {
			case 'b': *o++ = '\b'; break;
			case 'f': *o++ = '\f'; break;
			case 'n': *o++ = '\n'; break;
			case 'r': *o++ = '\r'; break;
			case 't': *o++ = '\t'; break;
			case '"': case '\\': case '/': *o++ = (char)t[k]; break;
			case 'u': {
				/* \uXXXX, or a surrogate pair of two; cJSON reads a bad hex
				 * digit as the code 0: leave that case to it */
				unsigned cp, lo;
				if (j - (k - 1) < 6 || S_hex4(t + k + 1, &cp) || !cp || (cp >= 0xDC00 && cp <= 0xDFFF))
					return NULL;
				k += 4;
				if (cp >= 0xD800 && cp <= 0xDBFF) {
					if (j - (k + 1) < 6 || t[k + 1] != '\\' || t[k + 2] != 'u' ||
					    S_hex4(t + k + 3, &lo) || lo < 0xDC00 || lo > 0xDFFF)
						return NULL;
					k += 6;
					cp = 0x10000 + (((cp & 0x3FF) << 10) | (lo & 0x3FF));
				}
				o = S_utf8(o, cp);
				break;
			}
			default: /* an invalid escape */
				return NULL;
			}
		}
		len = (size_t)(o - s);
	}
	s[len] = '\0';
	p->i = j + 1;
	return s;
}

static int S_number(S_p *p, cJSON *c)
{
	char buf[S_NUM_MAX + 1];
	size_t k = 0;
	while (k < S_NUM_MAX && p->i + k < p->n) {
		unsigned char ch = p->t[p->i + k];
		if (!((ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == 'e' || ch == 'E' ||
		      ch == '.'))
			break;
		buf[k++] = (char)ch;
	}
	if (k == S_NUM_MAX)
		return -1; /* cJSON cuts such a number: let it */
	buf[k] = '\0';
	char *end = NULL;
	double d = strtod(buf, &end);
	if (end == buf)
		return -1;
	c->type = cJSON_Number;
	c->valuedouble = d;
	c->valueint = d >= INT_MAX ? INT_MAX : d <= (double)INT_MIN ? INT_MIN : (int)d;
	p->i += (size_t)(end - buf);
	return 0;
}

static int S_value(S_p *p, cJSON *c, int depth);

/* 1 when the member at p->i ('"') has the key p->skip, written without
 * escapes (a key written with an escape is read and kept). */
static int S_is_skip_key(const S_p *p)
{
	size_t k = p->i + 1;
	return p->skip && p->n - k > p->skiplen && !memcmp(p->t + k, p->skip, p->skiplen) &&
	       p->t[k + p->skiplen] == '"';
}

/* Steps over the value at p->i without building it: a string to its closing
 * quote, a literal or number to the next delimiter, brackets by depth.  It
 * checks only what it needs to find the end (the brackets must pair up, a
 * string must close); -1 when they do not, and then the whole text goes to
 * cJSON.  The caller skips only members of text it trusts (json.h). */
static int S_skip_value(S_p *p, int depth)
{
	const unsigned char *t = p->t;
	size_t i = p->i, n = p->n;
	char open[S_MAX_DEPTH + 2];
	int d = 0;
	do {
		if (i >= n)
			return -1;
		unsigned char ch = t[i];
		if (ch == '"') {
			for (i++;;) {
				i = S_stop(t, i, n);
				if (i >= n)
					return -1;
				if (t[i] == '"')
					break;
				i += 2; /* an escape: its second byte is never the closing quote */
			}
			i++;
		} else if (ch == '[' || ch == '{') {
			if (depth + d >= S_MAX_DEPTH)
				return -1;
			open[d++] = ch == '[' ? ']' : '}';
			i++;
		} else if (ch == ']' || ch == '}') {
			if (!d || open[d - 1] != (char)ch)
				return -1;
			d--;
			i++;
		} else if (ch <= 32) {
			if (!d)
				return -1; /* a bare value ends before these: only inside brackets */
			p->i = i;
			S_ws(p); /* indentation: sixteen bytes at a time */
			i = p->i;
		} else if (ch == ',' || ch == ':') {
			if (!d)
				return -1;
			i++;
		} else { /* a literal or a number: up to the next delimiter */
			while (i < n && t[i] > 32 && t[i] != ',' && t[i] != ']' && t[i] != '}' && t[i] != '"' &&
			       t[i] != ':' && t[i] != '[' && t[i] != '{')
				i++;
		}
	} while (d);
	p->i = i;
	return 0;
}

/* The ':' after a member's key, with the white space around it. */
static int S_colon(S_p *p)
{
	S_ws(p);
	if (p->i >= p->n || p->t[p->i] != ':')
		return -1;
	p->i++;
	S_ws(p);
	return 0;
}

/* 1 when a ',' follows (and is taken): another member or element comes. */
static int S_more(S_p *p)
{
	S_ws(p);
	if (p->i < p->n && p->t[p->i] == ',') {
		p->i++;
		return 1;
	}
	return 0;
}

/* The members or elements after '[' or '{' up to the closing bracket. */
static int S_list(S_p *p, cJSON *c, int depth, int obj)
{
	if (depth > S_MAX_DEPTH)
		return -1;
	c->type = obj ? cJSON_Object : cJSON_Array;
	p->i++;
	S_ws(p);
	if (p->i < p->n && p->t[p->i] == (obj ? '}' : ']')) {
		p->i++;
		return 0;
	}
	cJSON *head = NULL, *last = NULL;
	for (;;) {
		S_ws(p);
		if (obj && p->i < p->n && p->t[p->i] == '"' && S_is_skip_key(p)) {
			p->i += p->skiplen + 2;
			if (S_colon(p) != 0 || S_skip_value(p, depth) != 0)
				return -1;
			if (S_more(p))
				continue;
			break;
		}
		cJSON *x = S_new(p);
		if (!x)
			return -1;
		if (!head)
			head = x;
		else
			last->next = x, x->prev = last;
		last = x;
		if (obj) {
			if (p->i >= p->n || p->t[p->i] != '"' || !(x->string = S_string(p)) || S_colon(p) != 0)
				return -1;
		}
		if (S_value(p, x, depth) != 0)
			return -1;
		if (S_more(p))
			continue;
		break;
	}
	if (p->i >= p->n || p->t[p->i] != (obj ? '}' : ']'))
		return -1;
	p->i++;
	if (head)
		head->prev = last;
	c->child = head;
	return 0;
}

static int S_value(S_p *p, cJSON *c, int depth)
{
	const unsigned char *t = p->t + p->i;
	size_t left = p->n - p->i;
	if (left >= 4 && !memcmp(t, "null", 4)) {
		c->type = cJSON_NULL;
		p->i += 4;
		return 0;
	}
	if (left >= 5 && !memcmp(t, "false", 5)) {
		c->type = cJSON_False;
		p->i += 5;
		return 0;
	}
	if (left >= 4 && !memcmp(t, "true", 4)) {
		c->type = cJSON_True;
		c->valueint = 1;
		p->i += 4;
		return 0;
	}
	if (!left)
		return -1;
	if (t[0] == '"') {
		c->type = cJSON_String;
		return (c->valuestring = S_string(p)) ? 0 : -1;
	}
	if (t[0] == '-' || (t[0] >= '0' && t[0] <= '9'))
		return S_number(p, c);
	if (t[0] == '[' || t[0] == '{')
		return S_list(p, c, depth + 1, t[0] == '{');
	return -1;
}

cJSON *tl_json_parse(tl_arena *a, const char *text, size_t len)
{
	return tl_json_parse_skip(a, text, len, NULL);
}

cJSON *tl_json_parse_skip(tl_arena *a, const char *text, size_t len, const char *skip)
{
	const struct lconv *lc = localeconv();
	if (!text || !len || (unsigned char)text[0] == 0xEF || !lc || !lc->decimal_point ||
	    strcmp(lc->decimal_point, ".") != 0)
		return NULL;
	/* sized for the built-in ruleset's files: about one node per 32 bytes
	 * of text and string bytes of 3/4 of it; when the examples (40% of
	 * the bytes, mostly strings) are skipped, blocks of a quarter of that,
	 * which double as needed (they end up in the ruleset's build-time image,
	 * rules/snapshot.h, where bytes handed out and never used are waste) */
	size_t nodes = len / 32 + 16, strs = len - len / 4 + 64;
	if (skip) {
		nodes = nodes / 4 + 16;
		strs = strs / 4 + 64;
	}
	S_p p = {a, (const unsigned char *)text, len, 0, NULL, 0, NULL, 0, nodes, strs, skip,
	         skip ? strlen(skip) : 0};
	S_ws(&p);
	cJSON *root = S_new(&p);
	if (!root || S_value(&p, root, 0) != 0)
		return NULL;
	return root;
}
