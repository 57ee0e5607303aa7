/* compile.c: concept terms -> words (stems, prefixes, exact forms, compound
 * heads) in the annotation layer's own folding and tokenisation.  The index
 * of the terms' first words is built in index.c, a sentence scanned with it
 * in index_scan.c. */
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"
#include "rules/rules.h"
#include "rules/stems.h"
#include "text/text.h"

#define MAX_TERM_WORDS 12
#define MAX_PREFIX_LEN TL_MAX_KEY_LEN

/** ## Terms */

static int S_add_word(tl_ruleset *rs, tl_rword *w, const char *s, size_t n, tl_wkind kind)
{
	w->s = tl_arena_strndup(&rs->arena, s, n);
	w->len = (uint16_t)n;
	w->kind = (uint8_t)kind;
	w->gap = 0;
	return w->s ? 0 : -1;
}

/* The words of each space-separated chunk of a term, per language, kept
 * for the rest of the load: the built-in ruleset writes 13,949 chunks of
 * which 4,226 differ, and each costs a word-break pass and Snowball.  The
 * keys are the terms' own text (which outlives the load); the table holds
 * indexes into a dense array, both sized up front from the term count, so
 * that the cache touches a few pages rather than growing through copies. */
typedef struct S_chunk {
	const char *key;
	uint32_t klen, hash;
	uint32_t first;    /* words[first .. first+n) */
	uint16_t n;
	uint8_t lang;
} S_chunk;

struct tl_term_cache {
	uint32_t *slot;    /* 0 = free, else index into ent + 1 */
	uint32_t cap;
	S_chunk *ent;
	uint32_t nent, aent;
	tl_rword *words;   /* strings in the ruleset's arena */
	uint32_t nwords, awords;
};

tl_term_cache *tl_term_cache_new(uint32_t nterms)
{
	tl_term_cache *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->cap = 1024;
	while (c->cap < nterms * 2 && c->cap < (1u << 24))
		c->cap *= 2;
	c->aent = c->awords = nterms > 256 ? nterms : 256;
	c->slot = calloc(c->cap, sizeof *c->slot);
	c->ent = malloc(c->aent * sizeof *c->ent);
	c->words = malloc(c->awords * sizeof *c->words);
	if (!c->slot || !c->ent || !c->words) {
		tl_term_cache_free(c);
		return NULL;
	}
	return c;
}

void tl_term_cache_free(tl_term_cache *c)
{
	if (!c)
		return;
	free(c->slot);
	free(c->ent);
	free(c->words);
	free(c);
}

/* The slot of the chunk, or of the free place where it goes. */
static uint32_t *S_chunk_slot(const tl_term_cache *c, const char *key, size_t klen, uint8_t lang,
                              uint32_t h)
{
	for (uint32_t i = h & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
		uint32_t *s = &c->slot[i];
		if (!*s)
			return s;
		const S_chunk *e = &c->ent[*s - 1];
		if (e->hash == h && e->klen == klen && e->lang == lang && !memcmp(e->key, key, klen))
			return s;
	}
}

/* h: FNV-1a over key[0..klen), seeded with the language (index_int.h's tl_ix_hash
 * with kind 0), which tl_compile_term works out while it looks for the
 * chunk's end */
static const S_chunk *S_chunk_get(const tl_term_cache *c, const char *key, size_t klen,
                                  uint8_t lang, uint32_t h)
{
	if (!c)
		return NULL;
	const uint32_t *s = S_chunk_slot(c, key, klen, lang, h);
	return *s ? &c->ent[*s - 1] : NULL;
}

static int S_chunk_rehash(tl_term_cache *c)
{
	uint32_t na = c->cap * 2;
	uint32_t *ns = calloc(na, sizeof *ns);
	if (!ns || na < c->cap)
		return free(ns), -1;
	for (uint32_t k = 0; k < c->nent; k++) {
		uint32_t j = c->ent[k].hash & (na - 1);
		while (ns[j])
			j = (j + 1) & (na - 1);
		ns[j] = k + 1;
	}
	free(c->slot);
	c->slot = ns;
	c->cap = na;
	return 0;
}

/* Remembers words[0..n) for the chunk key[0..klen), which must outlive the
 * cache; a failure only means no caching. */
static void S_chunk_put(tl_term_cache *c, const char *key, size_t klen, uint8_t lang, uint32_t h,
                        const tl_rword *words, uint32_t n)
{
	if (!c || klen > UINT32_MAX || n > UINT16_MAX)
		return;
	if ((c->nent + 1) * 2 > c->cap && S_chunk_rehash(c) != 0)
		return;
	if (c->nent == c->aent) {
		S_chunk *ne = c->aent < UINT32_MAX / 2 ? realloc(c->ent, 2 * c->aent * sizeof *ne) : NULL;
		if (!ne)
			return;
		c->ent = ne;
		c->aent *= 2;
	}
	if (c->nwords + n > c->awords) {
		uint32_t na = c->awords;
		while (na < c->nwords + n && na < UINT32_MAX / 2)
			na *= 2;
		tl_rword *nw = na >= c->nwords + n ? realloc(c->words, na * sizeof *nw) : NULL;
		if (!nw)
			return;
		c->words = nw;
		c->awords = na;
	}
	uint32_t *s = S_chunk_slot(c, key, klen, lang, h);
	if (*s)
		return;
	memcpy(c->words + c->nwords, words, n * sizeof *words);
	c->ent[c->nent] = (S_chunk){key, (uint32_t)klen, h, c->nwords, (uint16_t)n, lang};
	*s = ++c->nent;
	c->nwords += n;
}

/* 1 when s[0..n) is lower-case ASCII letters only; 2 when it is ASCII
 * letters with some capital and fits `low` (n < 128), lower-cased there:
 * the tokenizer gives such a chunk as one word folded to its lower case
 * (test_stems checks that on the built-in ruleset's own chunks). */
static int S_plain(const char *s, size_t n, char *low)
{
	int caps = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			caps = 1;
		else if (c < 'a' || c > 'z')
			return 0;
	}
	if (!caps)
		return n > 0;
	if (n >= 128)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
	return 2;
}


/* The head word of "*head" (s[0..n) without the '*'): one word of at least
 * three letters, stemmed as the document's words are. */
static const char *S_head_word(tl_ruleset *rs, struct tl_text *tx, tl_lang lang, const char *s,
                               size_t n, tl_rword *out)
{
	if (n < 3)
		return "a compound head ('*head') needs at least three letters";
	if (memchr(s, '*', n))
		return "a compound head ('*head') cannot also be a prefix";
	tl_token *tok = NULL;
	uint32_t nt = 0;
	if (tl_text_tokens(tx, s, n, &tok, &nt) != 0)
		return "out of memory";
	if (nt != 1 || (tok[0].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)) || !tok[0].fold)
		return "a compound head ('*head') must be one word";
	/* stemmed as the end of a compound: the stemmer's regions count from the
	 * word's start, so "ware" alone keeps its e and "firmware" loses it
	 * ("firmwar"); a two-letter lead-in gives the head a compound's regions */
	const char *f = tok[0].fold;
	size_t fl = strlen(f);
	char buf[MAX_PREFIX_LEN + 3];
	if (fl > MAX_PREFIX_LEN)
		return "a compound head ('*head') may have at most 255 bytes";
	memcpy(buf, "ba", 2);
	memcpy(buf + 2, f, fl + 1);
	const char *st = tl_text_stem_uncached(tx, lang, buf, fl + 2, &rs->arena);
	if (!st)
		return "out of memory";
	if (!strncmp(st, "ba", 2) && strlen(st) > 2)
		st += 2;
	else if (!(st = tl_text_stem(tx, lang, f, fl)))
		return "out of memory";
	if (S_add_word(rs, out, st, strlen(st), TL_W_HEAD))
		return "out of memory";
	return NULL;
}

const char *tl_compile_term(tl_ruleset *rs, struct tl_text *tx, tl_term_cache *cache, tl_lang lang,
                            const char *text, int32_t concept, tl_rterm *out)
{
	/* a term of the built-in ruleset: the words the build worked out (stems.h) */
	size_t tl = strlen(text);
	const tl_term_table *tt = tl_terms_builtin();
	const tl_term_ent *te = tl_term_lookup(tt, (unsigned)lang, text, tl);
	if (te) {
		tl_rword *w = tl_arena_calloc(&rs->arena, te->nw, sizeof *w);
		if (!w)
			return "out of memory";
		for (uint32_t k = 0; k < te->nw; k++) {
			const tl_term_word *tw = &tt->word[te->first + k];
			w[k] = (tl_rword){tt->pool + tw->s, tw->len, tw->kind, tw->gap};
		}
		out->w = w;
		out->nw = te->nw;
		out->lang = (uint8_t)lang;
		out->concept = concept;
		out->def_only = 0;
		out->text = text;
		return NULL;
	}
	return tl_compile_term_uncached(rs, tx, cache, lang, text, concept, out);
}

const char *tl_compile_term_uncached(tl_ruleset *rs, struct tl_text *tx, tl_term_cache *cache,
                                     tl_lang lang, const char *text, int32_t concept, tl_rterm *out)
{
	tl_rword words[MAX_TERM_WORDS];
	uint32_t nw = 0;
	const tl_stem_table *stems = tl_stems_builtin();
	const char *p = text;
	int gap = 0;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *e = p;
		/* "draagt ... over": the next word may come any number of words later */
		if ((!strncmp(p, "...", 3) && (p[3] == ' ' || !p[3])) ||
		    (!strncmp(p, "\xe2\x80\xa6", 3) && (p[3] == ' ' || !p[3]))) {
			if (!nw || gap)
				return "'...' must stand between two words";
			gap = 1;
			p += 3;
			continue;
		}
		uint32_t nw0 = nw;
		if (*p == '"') {
			e = strchr(p + 1, '"');
			if (!e || e == p + 1)
				return "an exact word needs a closing quote";
			if (nw == MAX_TERM_WORDS)
				return "too many words (at most 12)";
			if (S_add_word(rs, &words[nw++], p + 1, (size_t)(e - p - 1), TL_W_EXACT))
				return "out of memory";
			words[nw0].gap = (uint8_t)gap;
			gap = 0;
			p = e + 1;
			continue;
		}
		/* the chunk's end and its hash (S_hash with kind 0) in one pass */
		uint32_t ch = 2166136261u ^ (uint32_t)lang;
		for (; *e && *e != ' '; e++)
			ch = (ch ^ (unsigned char)*e) * 16777619u;
		size_t n = (size_t)(e - p);
		const S_chunk *known = S_chunk_get(cache, p, n, (uint8_t)lang, ch);
		if (known) {
			for (uint32_t k = 0; k < known->n; k++) {
				if (nw == MAX_TERM_WORDS)
					return "too many words (at most 12)";
				words[nw++] = cache->words[known->first + k];
			}
			if (nw > nw0) {
				words[nw0].gap = (uint8_t)gap;
				gap = 0;
			}
			p = e;
			continue;
		}
		const char *chunk = p;
		size_t chunk_len = n;
		if (*p == '*') {
			/* "*algoritme": the head of a compound (Toewijzingsalgoritme) */
			if (nw == MAX_TERM_WORDS)
				return "too many words (at most 12)";
			const char *err = S_head_word(rs, tx, lang, p + 1, n - 1, &words[nw]);
			if (err)
				return err;
			words[nw++].gap = (uint8_t)gap;
			gap = 0;
			S_chunk_put(cache, chunk, chunk_len, (uint8_t)lang, ch, words + nw0, nw - nw0);
			p = e;
			continue;
		}
		int prefix = p[n - 1] == '*';
		if (prefix)
			n--;
		if (prefix && !n)
			return "a lone '*' is not a prefix";
		if (prefix && n > MAX_PREFIX_LEN / 2)
			return "a prefix may have at most 127 bytes";
		if (memchr(p, '*', n))
			return "'*' may only end a word";
		char low[128];
		int plain = S_plain(p, n, low);
		if (plain) {
			/* ASCII letters only: one word, its lower case the folded form,
			 * which is what the tokenizer would say, without its pass */
			const char *q = plain == 2 ? low : p;
			if (nw == MAX_TERM_WORDS)
				return "too many words (at most 12)";
			/* the chunk cache stems each distinct chunk once: no stem cache;
			 * a word of the built-in table needs no copy and no Snowball */
			const char *st = prefix ? NULL : tl_stem_lookup(stems, (unsigned)lang, q, n);
			if (!st) {
				char *f = tl_arena_strndup(&rs->arena, q, n);
				st = f && !prefix ? tl_text_stem_uncached(tx, lang, f, n, &rs->arena) : f;
			}
			if (!st)
				return "out of memory";
			words[nw++] = (tl_rword){st, (uint16_t)strlen(st),
			                         (uint8_t)(prefix ? TL_W_PREFIX : TL_W_STEM), 0};
			S_chunk_put(cache, chunk, chunk_len, (uint8_t)lang, ch, words + nw0, nw - nw0);
			words[nw0].gap = (uint8_t)gap;
			gap = 0;
			p = e;
			continue;
		}
		tl_token *tok = NULL;
		uint32_t nt = 0;
		if (tl_text_tokens(tx, p, n, &tok, &nt) != 0)
			return "out of memory";
		uint32_t last = nt;
		for (uint32_t i = 0; i < nt; i++)
			if (!(tok[i].flags & TL_TOK_PUNCT))
				last = i;
		for (uint32_t i = 0; i < nt; i++) {
			if (tok[i].flags & TL_TOK_PUNCT)
				continue;
			if (nw == MAX_TERM_WORDS)
				return "too many words (at most 12)";
			const char *f = tok[i].fold;
			size_t fl = strlen(f);
			if (prefix && i == last) {
				if (fl > MAX_PREFIX_LEN)
					return "a prefix may have at most 127 bytes";
				if (S_add_word(rs, &words[nw++], f, fl, TL_W_PREFIX))
					return "out of memory";
			} else {
				const char *st = tl_stem_lookup(stems, (unsigned)lang, f, fl);
				if (!st)
					st = tl_text_stem(tx, lang, f, fl);
				if (!st || S_add_word(rs, &words[nw++], st, strlen(st), TL_W_STEM))
					return "out of memory";
			}
		}
		S_chunk_put(cache, chunk, chunk_len, (uint8_t)lang, ch, words + nw0, nw - nw0);
		if (nw > nw0) {
			words[nw0].gap = (uint8_t)gap;
			gap = 0;
		}
		p = e;
	}
	if (gap)
		return "'...' must stand between two words";
	if (!nw)
		return "empty term";
	out->w = tl_arena_calloc(&rs->arena, nw, sizeof *out->w);
	if (!out->w)
		return "out of memory";
	memcpy(out->w, words, nw * sizeof *words);
	out->nw = (uint16_t)nw;
	out->lang = (uint8_t)lang;
	out->concept = concept;
	out->def_only = 0;
	out->text = text;
	return NULL;
}
