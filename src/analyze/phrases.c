/* phrases.c: matching folded tokens against phrase lists.
 *
 * The lists are static NULL-terminated arrays spread over src/analyze.
 * Tried one by one they cost most of the annotation time, so each list is
 * compiled on first use into a sorted index of its first words, and the
 * answer for a token's word is remembered in the word's record (tl_word, one
 * per distinct fold of a document): a lookup is then a bit test.  The plain
 * loops remain for when memory runs out; all paths give the same answers. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/annot_int.h"
#include "text/text.h"

/* ---- one pattern word ----------------------------------------------------- */

/* 1 when fold matches the pattern word w[0..wl) ('|' alternatives, a
 * trailing '*' for a prefix, a leading '*' for a suffix). */
static int S_word_match(const char *fold, const char *w, size_t wl)
{
	const char *end = w + wl;
	while (w < end) {
		const char *bar = memchr(w, '|', (size_t)(end - w));
		size_t al = bar ? (size_t)(bar - w) : (size_t)(end - w);
		if (al > 1 && w[0] == '*') {
			size_t fl = strlen(fold);
			if (fl >= al - 1 && strncmp(fold + fl - (al - 1), w + 1, al - 1) == 0)
				return 1;
		} else if (al > 0 && w[al - 1] == '*') {
			if (strncmp(fold, w, al - 1) == 0)
				return 1;
		} else if (strncmp(fold, w, al) == 0 && fold[al] == '\0') {
			return 1;
		}
		if (!bar)
			break;
		w = bar + 1;
	}
	return 0;
}

int tl_ph_may_start(const char *phrase, char c)
{
	if (phrase[0] == c || phrase[0] == '*')
		return 1;
	for (const char *p = phrase; *p && *p != ' '; p++)
		if (*p == '|' && (p[1] == c || p[1] == '*'))
			return 1;
	return 0;
}

/* S_word_match of token t against the pattern word [w, end), without library
 * calls: the words are short and most fail on their first byte. */
static int S_tok_word_match(const tl_token *t, const char *w, const char *end)
{
	const char *fold = t->fold;
	while (w < end) {
		const char *bar = w;
		while (bar < end && *bar != '|')
			bar++;
		size_t al = (size_t)(bar - w), j = 0;
		if (al > 1 && w[0] == '*') {
			size_t fl = t->word ? t->word->len : strlen(fold);
			if (fl >= al - 1 && memcmp(fold + fl - (al - 1), w + 1, al - 1) == 0)
				return 1;
		} else if (al > 0 && w[al - 1] == '*') {
			while (j < al - 1 && fold[j] == w[j])
				j++;
			if (j == al - 1)
				return 1;
		} else {
			while (j < al && fold[j] == w[j])
				j++;
			if (j == al && fold[al] == '\0')
				return 1;
		}
		if (bar == end)
			break;
		w = bar + 1;
	}
	return 0;
}

uint32_t tl_ph_at(const tl_token *tok, uint32_t n, uint32_t i, const char *phrase)
{
	uint32_t k = i;
	const char *p = phrase;
	while (*p) {
		const char *end = p;
		while (*end && *end != ' ')
			end++;
		if (k >= n || !S_tok_word_match(&tok[k], p, end))
			return 0;
		k++;
		p = end;
		if (*p == ' ')
			p++;
	}
	return k - i;
}

/* ---- compiled lists --------------------------------------------------------- */

/* One alternative of a pattern word, as S_word_match reads it. */
typedef struct {
	const char *s;    /* the bytes to compare (after a leading '*') */
	uint32_t len;
	uint32_t kind;    /* S_EXACT, S_PREFIX, S_SUFFIX */
} S_alt;
enum { S_EXACT, S_PREFIX, S_SUFFIX };

typedef struct {
	uint32_t hash;    /* tl_text_hash of the word; 0 for an empty slot */
	uint32_t first, count;
} S_run;

typedef struct {
	const char *word; /* one first-word alternative (no '*'), points into its own copy */
	uint32_t phrase;  /* index in the list */
} S_entry;

typedef struct {
	const char *const *list;
	uint32_t bit;     /* its bit in tl_word's memo sets, TL_WORD_LISTS when it has none */
	S_entry *ent;     /* sorted by word, then phrase */
	uint32_t nent;
	uint32_t *wild;   /* phrases whose first word has a '*' alternative, ascending */
	uint32_t nwild;
	uint8_t *single;  /* per phrase: 1 when it is a single word */
	char *buf;        /* copies of the first words */
	/* every phrase parsed once: phrase j has words word0[j] .. word0[j+1]-1, word w
	 * has alternatives alt0[w] .. alt0[w+1]-1 */
	uint32_t *word0, *alt0;
	S_alt *alt;
	/* hash of the distinct words of ent: the run of entries with that word */
	S_run *run;
	uint32_t rmask;
} S_clist;

/* Every list is compiled once per process, on first use (the lists are
 * static arrays, so their addresses identify them), and registered in
 * tl_ph_reg, kept until exit.  Threads may annotate documents at the same
 * time: a slot is filled under S_lock and its list address published last,
 * so a reader that sees the address sees the rest. */
#define S_REG_SLOTS (1u << TL_PH_REG_BITS)
tl_ph_slot tl_ph_reg[1u << TL_PH_REG_BITS];
static pthread_mutex_t S_lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t S_nreg; /* under S_lock */
static int S_failed;    /* under S_lock */

static int S_cmp(const void *x, const void *y)
{
	const S_entry *a = x, *b = y;
	int c = strcmp(a->word, b->word);
	return c ? c : (a->phrase > b->phrase) - (a->phrase < b->phrase);
}

static void S_clist_free(S_clist *cl)
{
	if (!cl)
		return;
	free(cl->ent);
	free(cl->wild);
	free(cl->single);
	free(cl->buf);
	free(cl->word0);
	free(cl->alt0);
	free(cl->alt);
	free(cl->run);
	free(cl);
}

/* Parses every phrase into words and alternatives, splitting exactly where
 * tl_ph_at and S_word_match do.  0 or -1 (out of memory). */
static int S_parse(S_clist *cl, const char *const *list, size_t n)
{
	size_t nw = 0, na = 0;
	for (size_t j = 0; j < n; j++)
		for (const char *p = list[j]; *p; p++) {
			nw += p == list[j] || p[-1] == ' ';
			na += *p == '|' || *p == ' ' || p == list[j];
		}
	cl->word0 = malloc((n + 1) * sizeof *cl->word0);
	cl->alt0 = malloc((nw + 1) * sizeof *cl->alt0);
	cl->alt = malloc((na + nw + 1) * sizeof *cl->alt);
	if (!cl->word0 || !cl->alt0 || !cl->alt)
		return -1;
	uint32_t w = 0, a = 0;
	for (size_t j = 0; j < n; j++) {
		cl->word0[j] = w;
		const char *p = list[j];
		while (*p) {
			const char *sp = strchr(p, ' ');
			size_t wl = sp ? (size_t)(sp - p) : strlen(p);
			cl->alt0[w++] = a;
			const char *q = p, *end = p + wl;
			while (q < end) {
				const char *bar = memchr(q, '|', (size_t)(end - q));
				size_t al = bar ? (size_t)(bar - q) : (size_t)(end - q);
				if (al > 1 && q[0] == '*')
					cl->alt[a++] = (S_alt){q + 1, (uint32_t)(al - 1), S_SUFFIX};
				else if (al > 0 && q[al - 1] == '*')
					cl->alt[a++] = (S_alt){q, (uint32_t)(al - 1), S_PREFIX};
				else
					cl->alt[a++] = (S_alt){q, (uint32_t)al, S_EXACT};
				if (!bar)
					break;
				q = bar + 1;
			}
			p += wl;
			if (*p == ' ')
				p++;
		}
	}
	cl->word0[n] = w;
	cl->alt0[w] = a;
	return 0;
}

/* S_word_match of a parsed word against a fold of length fl. */
static int S_alt_match(const S_clist *cl, uint32_t w, const char *fold, size_t fl)
{
	for (uint32_t k = cl->alt0[w]; k < cl->alt0[w + 1]; k++) {
		const S_alt *x = &cl->alt[k];
		switch (x->kind) {
		case S_SUFFIX:
			if (fl >= x->len && memcmp(fold + fl - x->len, x->s, x->len) == 0)
				return 1;
			break;
		case S_PREFIX:
			if (fl >= x->len && memcmp(fold, x->s, x->len) == 0)
				return 1;
			break;
		default:
			if (fl == x->len && memcmp(fold, x->s, x->len) == 0)
				return 1;
		}
	}
	return 0;
}

/* tl_ph_at for phrase j of a compiled list; with `skip` 1 its first word is
 * known to match tok[i] already. */
static uint32_t S_phrase_at(const S_clist *cl, uint32_t j, const tl_token *tok, uint32_t n,
                            uint32_t i, uint32_t skip)
{
	uint32_t k = i + skip;
	for (uint32_t w = cl->word0[j] + skip; w < cl->word0[j + 1]; w++, k++) {
		if (k >= n)
			return 0;
		const char *f = tok[k].fold;
		size_t fl = tok[k].word ? tok[k].word->len : strlen(f);
		if (!S_alt_match(cl, w, f, fl))
			return 0;
	}
	return k - i;
}

/* Builds cl->run over the sorted entries.  0 or -1. */
static int S_hash_runs(S_clist *cl)
{
	uint32_t cap = 8;
	while (cap < 2 * cl->nent + 2)
		cap *= 2;
	cl->run = calloc(cap, sizeof *cl->run);
	if (!cl->run)
		return -1;
	cl->rmask = cap - 1;
	for (uint32_t e = 0; e < cl->nent;) {
		uint32_t f = e;
		while (e < cl->nent && strcmp(cl->ent[e].word, cl->ent[f].word) == 0)
			e++;
		uint32_t h = tl_text_hash(cl->ent[f].word, strlen(cl->ent[f].word));
		uint32_t k = h & cl->rmask;
		while (cl->run[k].hash)
			k = (k + 1) & cl->rmask;
		cl->run[k] = (S_run){h, f, e - f};
	}
	return 0;
}

/* The entries whose word is fold (hash h): *first, returns their count. */
static uint32_t S_run_of(const S_clist *cl, const char *fold, uint32_t h, uint32_t *first)
{
	for (uint32_t k = h & cl->rmask; cl->run[k].hash; k = (k + 1) & cl->rmask)
		if (cl->run[k].hash == h && strcmp(cl->ent[cl->run[k].first].word, fold) == 0) {
			*first = cl->run[k].first;
			return cl->run[k].count;
		}
	return 0;
}

static S_clist *S_compile(const char *const *list)
{
	size_t n = 0, chars = 0, alts = 0;
	for (; list[n]; n++) {
		chars += strlen(list[n]) + 1;
		for (const char *p = list[n]; *p && *p != ' '; p++)
			alts += *p == '|';
		alts++;
	}
	S_clist *cl = calloc(1, sizeof *cl);
	if (!cl)
		return NULL;
	cl->buf = malloc(chars + 1);
	cl->ent = malloc((alts + 1) * sizeof *cl->ent);
	cl->wild = malloc((n + 1) * sizeof *cl->wild);
	cl->single = malloc(n + 1);
	if (!cl->buf || !cl->ent || !cl->wild || !cl->single) {
		S_clist_free(cl);
		return NULL;
	}
	char *b = cl->buf;
	for (size_t j = 0; j < n; j++) {
		const char *sp = strchr(list[j], ' ');
		size_t wl = sp ? (size_t)(sp - list[j]) : strlen(list[j]);
		cl->single[j] = sp == NULL;
		memcpy(b, list[j], wl);
		b[wl] = '\0';
		int wild = 0;
		for (char *a = b, *bar; a; a = bar) {
			bar = strchr(a, '|');
			if (bar)
				*bar++ = '\0';
			if (strchr(a, '*'))
				wild = 1;
			else
				cl->ent[cl->nent++] = (S_entry){a, (uint32_t)j};
		}
		if (wild)
			cl->wild[cl->nwild++] = (uint32_t)j;
		b += wl + 1;
	}
	qsort(cl->ent, cl->nent, sizeof *cl->ent, S_cmp);
	if (S_parse(cl, list, n) != 0 || S_hash_runs(cl) != 0) {
		S_clist_free(cl);
		return NULL;
	}
	cl->list = list;
	return cl;
}

/* The registry slot of the list (compiling it on first use), or NULL when
 * memory ran out (the plain loops answer then). */
/* The slot of the list among the registered ones, or NULL. */
static const tl_ph_slot *S_find_slot(const char *const *list, uint32_t h)
{
	for (uint32_t k = 0; k < S_REG_SLOTS; k++) {
		tl_ph_slot *sl = &tl_ph_reg[(h + k) & (S_REG_SLOTS - 1)];
		const char *const *l = atomic_load_explicit(&sl->list, memory_order_acquire);
		if (l == list)
			return sl;
		if (!l)
			return NULL;
	}
	return NULL;
}

__attribute__((noinline)) static const tl_ph_slot *S_get_slow(const char *const *list, uint32_t h)
{
	const tl_ph_slot *found = S_find_slot(list, h);
	if (found)
		return found;
	pthread_mutex_lock(&S_lock);
	found = S_find_slot(list, h); /* another thread may have compiled it meanwhile */
	if (!found && !S_failed && S_nreg + 1 < S_REG_SLOTS / 2) {
		S_clist *cl = S_compile(list);
		if (cl) {
			cl->bit = S_nreg < TL_WORD_LISTS ? S_nreg : TL_WORD_LISTS;
			S_nreg++;
			uint32_t k = h;
			while (atomic_load_explicit(&tl_ph_reg[k & (S_REG_SLOTS - 1)].list,
			                            memory_order_relaxed))
				k++;
			tl_ph_slot *sl = &tl_ph_reg[k & (S_REG_SLOTS - 1)];
			sl->bit = cl->bit;
			sl->cl = cl;
			atomic_store_explicit(&sl->list, list, memory_order_release);
			found = sl;
		} else {
			S_failed = 1;
		}
	}
	pthread_mutex_unlock(&S_lock);
	return found;
}

static inline const tl_ph_slot *S_get(const char *const *list)
{
	uint32_t h = tl_ph_home(list);
	if (atomic_load_explicit(&tl_ph_reg[h].list, memory_order_acquire) == list)
		return &tl_ph_reg[h]; /* most lists are in their home slot */
	return S_get_slow(list, h);
}

/* First entry whose word equals w, or nent. */
static uint32_t S_find(const S_clist *cl, const char *w)
{
	uint32_t lo = 0, hi = cl->nent;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (strcmp(cl->ent[mid].word, w) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < cl->nent && strcmp(cl->ent[lo].word, w) == 0 ? lo : cl->nent;
}

static int S_single_in(const S_clist *cl, const char *fold)
{
	const char *const *list = cl->list;
	for (uint32_t e = S_find(cl, fold); e < cl->nent && strcmp(cl->ent[e].word, fold) == 0; e++)
		if (cl->single[cl->ent[e].phrase])
			return 1;
	for (uint32_t w = 0; w < cl->nwild; w++)
		if (cl->single[cl->wild[w]] &&
		    S_word_match(fold, list[cl->wild[w]], strlen(list[cl->wild[w]])))
			return 1;
	return 0;
}

/* 1 when fold matches the first word of some phrase of the list. */
static int S_starts(const S_clist *cl, const char *fold)
{
	if (S_find(cl, fold) < cl->nent)
		return 1;
	for (uint32_t w = 0; w < cl->nwild; w++) {
		const char *p = cl->list[cl->wild[w]];
		const char *sp = strchr(p, ' ');
		if (S_word_match(fold, p, sp ? (size_t)(sp - p) : strlen(p)))
			return 1;
	}
	return 0;
}

/* Fills in the memo bits of word w for list cl, when not known yet. */
static inline void S_memo(tl_word *w, const S_clist *cl)
{
	uint32_t q = cl->bit / 64;
	uint64_t m = 1ull << (cl->bit % 64);
	if (tl_memo_known(&w->known[q]) & m)
		return;
	if (S_single_in(cl, w->fold))
		__atomic_fetch_or(&w->single[q], m, __ATOMIC_RELAXED);
	if (S_starts(cl, w->fold))
		__atomic_fetch_or(&w->start[q], m, __ATOMIC_RELAXED);
	__atomic_fetch_or(&w->known[q], m, __ATOMIC_RELEASE);
}

static void S_try(const tl_token *tok, uint32_t n, uint32_t i, const char *const *list, uint32_t j,
                  const S_clist *cl, uint32_t skip, uint32_t *best, int *bestj)
{
	uint32_t m = cl ? S_phrase_at(cl, j, tok, n, i, skip) : tl_ph_at(tok, n, i, list[j]);
	if (m > *best || (m && m == *best && (int)j < *bestj)) {
		*best = m;
		*bestj = (int)j;
	}
}

int tl_tok_may_start_slow(const tl_token *t, const char *const *list)
{
	const tl_ph_slot *sl = S_get(list);
	const S_clist *cl = sl ? sl->cl : NULL;
	tl_word *w = t->word;
	if (!cl || !w || cl->bit >= TL_WORD_LISTS)
		return 1; /* no memo to ask: maybe */
	S_memo(w, cl);
	return (tl_memo_get(&w->start[cl->bit / 64]) >> (cl->bit % 64)) & 1;
}

uint32_t tl_ph_list_at_slow(const tl_token *tok, uint32_t n, uint32_t i, const char *const *list,
                            int *which)
{
	uint32_t best = 0;
	int bestj = -1;
	if (i >= n)
		return 0;
	const tl_ph_slot *sl = S_get(list);
	const S_clist *cl = sl ? sl->cl : NULL;
	if (cl) {
		tl_word *w = tok[i].word;
		if (w && cl->bit < TL_WORD_LISTS) {
			S_memo(w, cl);
			if (!(tl_memo_get(&w->start[cl->bit / 64]) & (1ull << (cl->bit % 64))))
				return 0; /* no phrase can start with this word */
		}
		const char *f = tok[i].fold;
		uint32_t first = 0, cnt = S_run_of(cl, f, w ? w->hash : tl_text_hash(f, strlen(f)), &first);
		/* an entry of the run is an alternative of its phrase's first word without a
		 * '*', equal to the fold: that word matches (a trailing empty alternative, as
		 * in "a|", is no alternative to the matcher, so an empty fold is checked) */
		uint32_t skip = f[0] != '\0';
		for (uint32_t e = first; e < first + cnt; e++)
			S_try(tok, n, i, list, cl->ent[e].phrase, cl, skip, &best, &bestj);
		for (uint32_t k = 0; k < cl->nwild; k++)
			S_try(tok, n, i, list, cl->wild[k], cl, 0, &best, &bestj);
	} else {
		for (uint32_t j = 0; list[j]; j++)
			if (tl_ph_may_start(list[j], tok[i].fold[0]))
				S_try(tok, n, i, list, j, NULL, 0, &best, &bestj);
	}
	if (best && which)
		*which = bestj;
	return best;
}

int tl_word_in(const char *fold, const char *const *list)
{
	const tl_ph_slot *sl = S_get(list);
	const S_clist *cl = sl ? sl->cl : NULL;
	if (cl)
		return S_single_in(cl, fold);
	for (int j = 0; list[j]; j++)
		if (!strchr(list[j], ' ') && S_word_match(fold, list[j], strlen(list[j])))
			return 1;
	return 0;
}

int tl_tok_in_slow(const tl_token *t, const char *const *list)
{
	const tl_ph_slot *sl = S_get(list);
	const S_clist *cl = sl ? sl->cl : NULL;
	tl_word *w = t->word;
	if (!cl || !w || cl->bit >= TL_WORD_LISTS)
		return tl_word_in(t->fold, list);
	S_memo(w, cl);
	return (tl_memo_get(&w->single[cl->bit / 64]) >> (cl->bit % 64)) & 1;
}
