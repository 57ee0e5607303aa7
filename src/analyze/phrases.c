/* phrases.c: matching folded tokens against phrase lists.
 *
 * The lists are static NULL-terminated arrays spread over src/analyze.
 * Tried one by one they cost most of the annotation time, so while
 * tl_annotate runs, each list is compiled on first use into a sorted index
 * of its first words (per thread, freed when the annotation ends); outside
 * an annotation the plain loop is used.  Both give the same answers. */
#include <stdlib.h>
#include <string.h>

#include "analyze/annot_int.h"

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

uint32_t tl_ph_at(const tl_token *tok, uint32_t n, uint32_t i, const char *phrase)
{
	uint32_t k = i;
	const char *p = phrase;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		if (k >= n || !S_word_match(tok[k].fold, p, wl))
			return 0;
		k++;
		p += wl;
		if (*p == ' ')
			p++;
	}
	return k - i;
}

/* ---- compiled lists --------------------------------------------------------- */

typedef struct {
	const char *word; /* one first-word alternative (no '*'), points into its own copy */
	uint32_t phrase;  /* index in the list */
} S_entry;

typedef struct {
	const char *const *list;
	S_entry *ent;     /* sorted by word, then phrase */
	uint32_t nent;
	uint32_t *wild;   /* phrases whose first word has a '*' alternative, ascending */
	uint32_t nwild;
	uint8_t *single;  /* per phrase: 1 when it is a single word */
	char *buf;        /* copies of the first words */
} S_clist;

#define S_CACHE_SLOTS 256
struct tl_ph_cache {
	S_clist slot[S_CACHE_SLOTS];
	int failed;
};

static _Thread_local tl_ph_cache *S_cur;

tl_ph_cache *tl_ph_cache_begin(void)
{
	tl_ph_cache *c = calloc(1, sizeof *c);
	S_cur = c; /* NULL on failure: the plain loops still work */
	return c;
}

void tl_ph_cache_end(tl_ph_cache *c)
{
	if (!c)
		return;
	for (int i = 0; i < S_CACHE_SLOTS; i++) {
		free(c->slot[i].ent);
		free(c->slot[i].wild);
		free(c->slot[i].single);
		free(c->slot[i].buf);
	}
	free(c);
	if (S_cur == c)
		S_cur = NULL;
}

static int S_cmp(const void *x, const void *y)
{
	const S_entry *a = x, *b = y;
	int c = strcmp(a->word, b->word);
	return c ? c : (a->phrase > b->phrase) - (a->phrase < b->phrase);
}

static int S_compile(S_clist *cl, const char *const *list)
{
	size_t n = 0, chars = 0, alts = 0;
	for (; list[n]; n++) {
		chars += strlen(list[n]) + 1;
		for (const char *p = list[n]; *p && *p != ' '; p++)
			alts += *p == '|';
		alts++;
	}
	cl->buf = malloc(chars + 1);
	cl->ent = malloc((alts + 1) * sizeof *cl->ent);
	cl->wild = malloc((n + 1) * sizeof *cl->wild);
	cl->single = malloc(n + 1);
	if (!cl->buf || !cl->ent || !cl->wild || !cl->single)
		return -1;
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
	cl->list = list;
	return 0;
}

static const S_clist *S_get(const char *const *list)
{
	tl_ph_cache *c = S_cur;
	if (!c || c->failed)
		return NULL;
	uintptr_t h = ((uintptr_t)list >> 3) * 2654435761u;
	for (uint32_t k = 0; k < S_CACHE_SLOTS; k++) {
		S_clist *cl = &c->slot[(h + k) % S_CACHE_SLOTS];
		if (cl->list == list)
			return cl;
		if (!cl->list) {
			if (S_compile(cl, list) != 0) {
				c->failed = 1;
				return NULL;
			}
			return cl;
		}
	}
	return NULL;
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

static void S_try(const tl_token *tok, uint32_t n, uint32_t i, const char *const *list, uint32_t j,
                  uint32_t *best, int *bestj)
{
	uint32_t m = tl_ph_at(tok, n, i, list[j]);
	if (m > *best || (m && m == *best && (int)j < *bestj)) {
		*best = m;
		*bestj = (int)j;
	}
}

uint32_t tl_ph_list_at(const tl_token *tok, uint32_t n, uint32_t i, const char *const *list,
                       int *which)
{
	uint32_t best = 0;
	int bestj = -1;
	if (i >= n)
		return 0;
	const S_clist *cl = S_get(list);
	if (cl) {
		for (uint32_t e = S_find(cl, tok[i].fold);
		     e < cl->nent && strcmp(cl->ent[e].word, tok[i].fold) == 0; e++)
			S_try(tok, n, i, list, cl->ent[e].phrase, &best, &bestj);
		for (uint32_t w = 0; w < cl->nwild; w++)
			S_try(tok, n, i, list, cl->wild[w], &best, &bestj);
	} else {
		for (uint32_t j = 0; list[j]; j++)
			if (tl_ph_may_start(list[j], tok[i].fold[0]))
				S_try(tok, n, i, list, j, &best, &bestj);
	}
	if (best && which)
		*which = bestj;
	return best;
}

int tl_word_in(const char *fold, const char *const *list)
{
	const S_clist *cl = S_get(list);
	if (cl) {
		for (uint32_t e = S_find(cl, fold); e < cl->nent && strcmp(cl->ent[e].word, fold) == 0; e++)
			if (cl->single[cl->ent[e].phrase])
				return 1;
		for (uint32_t w = 0; w < cl->nwild; w++)
			if (cl->single[cl->wild[w]] &&
			    S_word_match(fold, list[cl->wild[w]], strlen(list[cl->wild[w]])))
				return 1;
		return 0;
	}
	for (int j = 0; list[j]; j++)
		if (!strchr(list[j], ' ') && S_word_match(fold, list[j], strlen(list[j])))
			return 1;
	return 0;
}
