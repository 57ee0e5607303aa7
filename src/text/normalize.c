/* normalize.c: the matching form (case and diacritic folding, unified
 * quotes, dashes and spaces), the tl_text object and its caches. */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "text/text_int.h"
#include "util/utf8.h"

/* ---- interning table ---------------------------------------------------- */

uint32_t tl_strmap_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h ? h : 1;
}

tl_strmap_ent *tl_strmap_find(const tl_strmap *m, const char *key, size_t klen, uint32_t hash)
{
	if (!m->cap)
		return NULL;
	for (uint32_t i = hash & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		tl_strmap_ent *e = &m->ent[i];
		if (!e->key)
			return NULL;
		if (e->hash == hash && e->klen == klen && memcmp(e->key, key, klen) == 0)
			return e;
	}
}

uint32_t tl_text_hash(const char *s, size_t n) { return tl_strmap_hash(s, n); }

const char *tl_strmap_get(const tl_strmap *m, const char *key, size_t klen, uint32_t hash)
{
	const tl_strmap_ent *e = tl_strmap_find(m, key, klen, hash);
	return e ? e->val : NULL;
}

static int S_strmap_grow(tl_strmap *m)
{
	uint32_t ncap = m->cap ? m->cap * 2 : 1024;
	tl_strmap_ent *ne = calloc(ncap, sizeof *ne);
	if (!ne)
		return TL_ENOMEM;
	for (uint32_t j = 0; j < m->cap; j++) {
		tl_strmap_ent *e = &m->ent[j];
		if (!e->key)
			continue;
		uint32_t i = e->hash & (ncap - 1);
		while (ne[i].key)
			i = (i + 1) & (ncap - 1);
		ne[i] = *e;
	}
	free(m->ent);
	m->ent = ne;
	m->cap = ncap;
	return 0;
}

tl_strmap_ent *tl_strmap_add(tl_strmap *m, tl_arena *a, const char *key, size_t klen,
                             uint32_t hash)
{
	if ((m->n + 1) * 2 > m->cap && S_strmap_grow(m) != 0)
		return NULL;
	char *k = tl_arena_strndup(a, key, klen);
	if (!k)
		return NULL;
	uint32_t i = hash & (m->cap - 1);
	while (m->ent[i].key)
		i = (i + 1) & (m->cap - 1);
	tl_strmap_ent *e = &m->ent[i];
	e->key = k;
	e->klen = (uint32_t)klen;
	e->hash = hash;
	e->val = NULL;
	e->word = NULL;
	m->n++;
	return e;
}

int tl_strmap_put(tl_strmap *m, tl_arena *a, const char *key, size_t klen, uint32_t hash,
                  const char *val)
{
	tl_strmap_ent *e = tl_strmap_add(m, a, key, klen, hash);
	if (!e)
		return TL_ENOMEM;
	e->val = val;
	return 0;
}

void tl_strmap_free(tl_strmap *m)
{
	free(m->ent);
	m->ent = NULL;
	m->cap = m->n = 0;
}

/* ---- the object --------------------------------------------------------- */

int tl_text_open(tl_text **out, tl_arena *arena, tl_error *err)
{
	*out = NULL;
	tl_text *t = calloc(1, sizeof *t);
	if (!t)
		return tl_error_set(err, TL_ENOMEM, "out of memory");
	t->arena = arena;
	UErrorCode st = U_ZERO_ERROR;
	t->words = ubrk_open(UBRK_WORD, "nl", NULL, 0, &st);
	if (U_SUCCESS(st))
		t->sents = ubrk_open(UBRK_SENTENCE, "en", NULL, 0, &st);
	if (U_SUCCESS(st))
		t->nfd = unorm2_getNFDInstance(&st);
	if (U_FAILURE(st)) {
		tl_text_close(t);
		return tl_error_set(err, TL_EINTERNAL, "ICU break iterators unavailable: %s",
		                    u_errorName(st));
	}
	t->stem_nl = sb_stemmer_new("dutch", NULL);
	t->stem_en = sb_stemmer_new("english", NULL);
	if (!t->stem_nl || !t->stem_en) {
		tl_text_close(t);
		return tl_error_set(err, TL_ENOMEM, "Snowball stemmers unavailable");
	}
	*out = t;
	return 0;
}

void tl_text_close(tl_text *t)
{
	if (!t)
		return;
	if (t->words)
		ubrk_close(t->words);
	if (t->sents)
		ubrk_close(t->sents);
	if (t->stem_nl)
		sb_stemmer_delete(t->stem_nl);
	if (t->stem_en)
		sb_stemmer_delete(t->stem_en);
	tl_strmap_free(&t->fold_cache);
	free(t->surf);
	tl_strmap_free(&t->wordmap);
	for (int i = 0; i < 3; i++)
		tl_strmap_free(&t->stem_cache[i]);
	free(t->u16);
	free(t->map);
	free(t->fbuf);
	free(t->fbuf2);
	free(t->obuf);
	free(t->toks);
	free(t->ranges);
	free(t->brk);
	free(t);
}

int32_t tl_text_to_u16(tl_text *t, const char *text, size_t len)
{
	if (len >= (size_t)INT32_MAX / 2)
		return -1;
	if ((int32_t)len + 1 > t->u16cap) {
		int32_t cap = (int32_t)len + 256;
		UChar *u = realloc(t->u16, (size_t)cap * sizeof *u);
		if (!u)
			return -1;
		t->u16 = u;
		uint32_t *m = realloc(t->map, ((size_t)cap + 1) * sizeof *m);
		if (!m)
			return -1;
		t->map = m;
		t->u16cap = cap;
	}
	int32_t n = 0;
	size_t i = 0;
	/* the ASCII prefix (often all of it) in a loop the compiler can vectorise */
	while (i < len && (unsigned char)text[i] < 0x80)
		i++;
	for (size_t k = 0; k < i; k++) {
		t->map[k] = (uint32_t)k;
		t->u16[k] = (UChar)(unsigned char)text[k];
	}
	n = (int32_t)i;
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		if (c < 0x80) {
			t->map[n] = (uint32_t)i;
			t->u16[n++] = c;
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = tl_utf8_decode(text + i, len - i, &cp);
		if (cp >= 0x10000) {
			t->map[n] = (uint32_t)i;
			t->u16[n++] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
			t->map[n] = (uint32_t)i;
			t->u16[n++] = (UChar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
		} else {
			t->map[n] = (uint32_t)i;
			t->u16[n++] = (UChar)cp;
		}
		i += k;
	}
	t->map[n] = (uint32_t)len;
	t->u16[n] = 0;
	return n;
}

/* ---- folding ------------------------------------------------------------ */

uint32_t tl_text_unify_cp(uint32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
	case 0x2039: case 0x203A:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
	case 0xFE58: case 0xFE63: case 0xFF0D:
		return '-';
	case 0x00A0: case 0x2007: case 0x202F: case 0x2009: case 0x200A: case 0x3000:
		return ' ';
	default:
		return cp;
	}
}

static int S_grow_fold(tl_text *t, int32_t need)
{
	if (need <= t->fcap)
		return 0;
	int32_t cap = need + 64;
	UChar *a = realloc(t->fbuf, (size_t)cap * sizeof *a);
	if (!a)
		return -1;
	t->fbuf = a;
	UChar *b = realloc(t->fbuf2, (size_t)cap * sizeof *b);
	if (!b)
		return -1;
	t->fbuf2 = b;
	t->fcap = cap;
	return 0;
}

/* Folds UTF-16 u[0..n) into t->obuf as UTF-8; returns the length or -1. */
static long S_fold_u16(tl_text *t, const UChar *u, int32_t n)
{
	UErrorCode st = U_ZERO_ERROR;
	if (n > INT32_MAX / 8 || S_grow_fold(t, n * 3 + 8) != 0)
		return -1;
	int32_t fl = u_strFoldCase(t->fbuf, t->fcap, u, n, U_FOLD_CASE_DEFAULT, &st);
	if (U_FAILURE(st))
		return -1;
	int32_t dl = unorm2_normalize(t->nfd, t->fbuf, fl, t->fbuf2, t->fcap, &st);
	if (U_FAILURE(st))
		return -1;
	size_t need = (size_t)dl * 3 + 1;
	if (need > t->ocap) {
		char *o = realloc(t->obuf, need + 64);
		if (!o)
			return -1;
		t->obuf = o;
		t->ocap = need + 64;
	}
	size_t o = 0;
	int space = 0;
	for (int32_t i = 0; i < dl; i++) {
		uint32_t cp = t->fbuf2[i];
		if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < dl && t->fbuf2[i + 1] >= 0xDC00 &&
		    t->fbuf2[i + 1] < 0xE000) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (t->fbuf2[i + 1] - 0xDC00);
			i++;
		}
		if (u_getCombiningClass((UChar32)cp) != 0 || u_charType((UChar32)cp) == U_NON_SPACING_MARK)
			continue;
		cp = tl_text_unify_cp(cp);
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
			space = o > 0;
			continue;
		}
		if (space)
			t->obuf[o++] = ' ';
		space = 0;
		o += tl_utf8_encode(cp, t->obuf + o);
	}
	t->obuf[o] = '\0';
	return (long)o;
}

const char *tl_text_fold(tl_text *t, const char *s, size_t len, size_t *outlen)
{
	int ascii = 1;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80) {
			ascii = 0;
			break;
		}
	if (ascii) {
		char *o = tl_arena_alloc(t->arena, len + 1);
		if (!o)
			return NULL;
		size_t k = 0;
		int space = 0;
		for (size_t i = 0; i < len; i++) {
			char c = s[i];
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
				space = k > 0;
				continue;
			}
			if (space)
				o[k++] = ' ';
			space = 0;
			o[k++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (c == '`' ? '\'' : c);
		}
		o[k] = '\0';
		if (outlen)
			*outlen = k;
		return o;
	}
	UChar *save = t->u16;
	uint32_t *savemap = t->map;
	int32_t savecap = t->u16cap;
	/* convert into separate buffers so a caller's paragraph stays intact */
	t->u16 = NULL;
	t->map = NULL;
	t->u16cap = 0;
	int32_t n = tl_text_to_u16(t, s, len);
	long ol = n < 0 ? -1 : S_fold_u16(t, t->u16, n);
	free(t->u16);
	free(t->map);
	t->u16 = save;
	t->map = savemap;
	t->u16cap = savecap;
	if (ol < 0)
		return NULL;
	if (outlen)
		*outlen = (size_t)ol;
	return tl_arena_strndup(t->arena, t->obuf, (size_t)ol);
}

/* "we'll", "you're", "they've", "i'll", "it'll" (the matching form: a
 * typographic apostrophe is "'" there): the pronoun's length, *verb its verb
 * (TL_CLITIC_*); 0 for any other word.  "'d" (would or had), "'s" and "n't"
 * are left alone. */
static uint8_t S_clitic(const char *f, size_t n, uint8_t *verb)
{
	static const char *const pron[] = {"we", "you", "they", "i", "it", NULL};
	if (n < 4 || n > 7 || f[n - 3] != '\'')
		return 0;
	if (f[n - 2] == 'l' && f[n - 1] == 'l')
		*verb = TL_CLITIC_WILL;
	else if (f[n - 2] == 'r' && f[n - 1] == 'e')
		*verb = TL_CLITIC_ARE;
	else if (f[n - 2] == 'v' && f[n - 1] == 'e')
		*verb = TL_CLITIC_HAVE;
	else
		return 0;
	for (int i = 0; pron[i]; i++)
		if (strlen(pron[i]) == n - 3 && !strncmp(f, pron[i], n - 3))
			return (uint8_t)(n - 3);
	return 0;
}

/* The interned word of fold[0..len). */
static tl_word *S_intern(tl_text *t, const char *fold, size_t len)
{
	uint32_t h = tl_strmap_hash(fold, len);
	tl_strmap_ent *e = tl_strmap_find(&t->wordmap, fold, len, h);
	if (e)
		return e->word;
	tl_word *w = tl_arena_calloc(t->arena, 1, sizeof *w);
	if (!w || !(e = tl_strmap_add(&t->wordmap, t->arena, fold, len, h)))
		return NULL;
	w->fold = e->key;
	w->len = (uint32_t)strlen(w->fold);
	w->hash = w->len == len ? h : tl_strmap_hash(w->fold, w->len);
	w->lang = tl_text_word_lang(w->fold);
	w->clitic = S_clitic(w->fold, w->len, &w->clitic_verb);
	e->val = w->fold;
	e->word = w;
	return w;
}

tl_word *tl_text_fold_token(tl_text *t, const char *text, uint32_t s, uint32_t e, int32_t a,
                            int32_t b)
{
	size_t klen = e - s;
	uint32_t h = tl_strmap_hash(text + s, klen);
	tl_strmap_ent *ent = tl_strmap_find(&t->fold_cache, text + s, klen, h);
	if (ent)
		return ent->word;
	int ascii = 1;
	for (uint32_t i = s; i < e; i++)
		if ((unsigned char)text[i] >= 0x80) {
			ascii = 0;
			break;
		}
	long ol;
	if (ascii) {
		if (klen + 1 > t->ocap) {
			char *o = realloc(t->obuf, klen + 64);
			if (!o)
				return NULL;
			t->obuf = o;
			t->ocap = klen + 64;
		}
		for (size_t i = 0; i < klen; i++) {
			char c = text[s + i];
			t->obuf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (c == '`' ? '\'' : c);
		}
		t->obuf[klen] = '\0';
		ol = (long)klen;
	} else if ((ol = S_fold_u16(t, t->u16 + a, b - a)) < 0) {
		return NULL;
	}
	tl_word *w = S_intern(t, t->obuf, (size_t)ol);
	if (!w || !(ent = tl_strmap_add(&t->fold_cache, t->arena, text + s, klen, h)))
		return NULL;
	ent->val = w->fold;
	ent->word = w;
	return w;
}
