/* Unit tests for src/analyze/phrases.c: matching tokens against phrase
 * lists.  A list is compiled once per process and a word's answers are
 * remembered in its tl_word, so each question is asked three ways that
 * must agree: the first time (compiled list), again (remembered), and for a
 * copy of the token without its word (string path). */
#include <stdlib.h>
#include <string.h>

#include "analyze/annot_int.h"
#include "harness.h"

static tl_arena S_ar;
static tl_text *S_t;

static const char *const S_words[] = {"shall", "is|are", "verplicht*", "*n't", "a||b", NULL};
static const char *const S_phrases[] = {"is|are required to", "is|are", "not later than",
                                        "no|not later than", "ver* zich", "niet -", "*heid van",
                                        NULL};

/* Tokens of text (in the arena). */
static tl_token *S_tokens(const char *text, uint32_t *n)
{
	tl_token *tok = NULL;
	if (tl_text_tokens(S_t, text, strlen(text), &tok, n) != 0)
		*n = 0;
	return tok;
}

/* tl_tok_in, asked twice and for a copy without its word; -1 when they differ. */
static int S_in(const tl_token *t, const char *const *list)
{
	tl_token bare = *t;
	bare.word = NULL;
	int a = tl_tok_in(t, list), b = tl_tok_in(t, list), c = tl_tok_in(&bare, list);
	int d = tl_word_in(t->fold, list);
	return a == b && b == c && c == d ? a : -1;
}

/* tl_ph_list_at likewise; *which gets the phrase index. */
static int S_at(const tl_token *tok, uint32_t n, uint32_t i, const char *const *list, int *which)
{
	tl_token *bare = malloc(n * sizeof *bare);
	if (!bare)
		return -1;
	memcpy(bare, tok, n * sizeof *bare);
	for (uint32_t k = 0; k < n; k++)
		bare[k].word = NULL;
	int w1 = -1, w2 = -1, w3 = -1;
	uint32_t a = tl_ph_list_at(tok, n, i, list, &w1), b = tl_ph_list_at(tok, n, i, list, &w2);
	uint32_t c = tl_ph_list_at(bare, n, i, list, &w3);
	free(bare);
	*which = w1;
	return a == b && b == c && w1 == w2 && w2 == w3 ? (int)a : -1;
}

static void test_single_words(void)
{
	uint32_t n;
	tl_token *t = S_tokens("Shall ARE verplichte don't a b ab is required", &n);
	T_INT(n, 9);
	T_INT(S_in(&t[0], S_words), 1);  /* "shall", folded */
	T_INT(S_in(&t[1], S_words), 1);  /* an alternative */
	T_INT(S_in(&t[2], S_words), 1);  /* a prefix */
	T_INT(S_in(&t[3], S_words), 1);  /* a suffix */
	T_INT(S_in(&t[4], S_words), 1);  /* "a||b": a */
	T_INT(S_in(&t[5], S_words), 1);  /* and b */
	T_INT(S_in(&t[6], S_words), 0);  /* "ab" is neither */
	T_INT(S_in(&t[8], S_words), 0);
	/* a multi-word entry is no single word: "is" is one only through "is|are" */
	T_INT(S_in(&t[7], S_phrases), 1);
	T_INT(S_in(&t[8], S_phrases), 0);
}

static void test_phrases(void)
{
	uint32_t n;
	int w;
	tl_token *t = S_tokens("The Supplier is required to pay no later than Friday; de vrijheid van "
	                       "verbindt zich niet - x",
	                       &n);
	T_INT(S_at(t, n, 2, S_phrases, &w), 3); /* the longest: "is required to" over "is" */
	T_INT(w, 0);
	T_INT(S_at(t, n, 6, S_phrases, &w), 3); /* "no|not later than" */
	T_INT(w, 3);
	T_INT(S_at(t, n, 0, S_phrases, &w), 0);
	T_INT(S_at(t, n, 12, S_phrases, &w), 2); /* "*heid van": "vrijheid van" */
	T_INT(w, 6);
	T_INT(S_at(t, n, 14, S_phrases, &w), 2); /* "ver* zich" */
	T_INT(w, 4);
	T_INT(S_at(t, n, 16, S_phrases, &w), 2); /* "niet -" */
	T_INT(S_at(t, n, n, S_phrases, &w), 0);   /* past the end */
	T_INT(S_at(t, n, n - 1, S_phrases, &w), 0);
}

/* tl_ph_at as it was written first (strchr, strncmp): the reference the
 * inline matcher must agree with, pattern by pattern. */
static int S_ref_word(const char *fold, const char *w, size_t wl)
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

static uint32_t S_ref_at(const tl_token *tok, uint32_t n, uint32_t i, const char *phrase)
{
	uint32_t k = i;
	const char *p = phrase;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		if (k >= n || !S_ref_word(tok[k].fold, p, wl))
			return 0;
		k++;
		p += wl;
		if (*p == ' ')
			p++;
	}
	return k - i;
}

/* Every pattern at every token, with and without the tokens' words: the
 * alternatives, prefixes, suffixes, a lone '*', empty alternatives, double
 * and trailing spaces, a pattern running past the end. */
static void test_ph_at_same_as_reference(void)
{
	static const char *const pats[] = {
		"is", "is|are", "is|are required to", "not", "no|not later than", "*n't", "ver*",
		"ver* zich", "*heid van", "*", "* *", "a||b", "|a", "a|", "||", "is  required", "is ",
		" is", "niet -", "-", ",", "and|en", "acts|act as", "treedt|treden op als", "x*y",
		"expressly|hereby disclaim|disclaims", "niet|not|no", "meer|minder|more|less|fewer",
		"al dan niet", "whether or not", "required|obliged|obligated to", "s", "sh*", "*l",
		"shall*", "*shall", "een|de|het *", NULL};
	static const char *const texts[] = {
		"The Supplier is required to pay no later than Friday; de vrijheid van verbindt zich niet - x",
		"Acts as processor and treedt op als verwerker , a b ab | don't isn't can't shan't n't",
		"Provider expressly disclaims and hereby disclaim, whether or not al dan niet al",
		"niet meer gegevens dan nodig , no more data than necessary shall shall-not sh l shall",
		"x*y xy is are isare required obliged obligated to een de het hetzelfde"};
	uint32_t checked = 0, matched = 0, bad = 0;
	for (size_t x = 0; x < sizeof texts / sizeof *texts; x++) {
		uint32_t n;
		tl_token *t = S_tokens(texts[x], &n);
		tl_token *bare = malloc((n + 1) * sizeof *bare);
		if (!t || !bare) {
			free(bare);
			T_OK(0, "tokens");
			continue;
		}
		memcpy(bare, t, n * sizeof *bare);
		for (uint32_t k = 0; k < n; k++)
			bare[k].word = NULL;
		for (const char *const *p = pats; *p; p++)
			for (uint32_t i = 0; i <= n; i++) {
				uint32_t want = S_ref_at(t, n, i, *p);
				uint32_t a = tl_ph_at(t, n, i, *p), b = tl_ph_at(bare, n, i, *p);
				if (a != want || b != want) {
					fprintf(stderr, "'%s' at %u of text %zu: %u/%u, reference %u\n", *p, i, x, a,
					        b, want);
					bad++;
				}
				checked++;
				matched += want != 0;
			}
		free(bare);
	}
	T_INT(bad, 0);
	T_OK(checked > 2000 && matched > 100, "%u checked, %u matched", checked, matched);
}

/* The longest phrase of the list at token i by tl_ph_at, the first of equals:
 * what a compiled list must answer. */
static uint32_t S_ref_list_at(const tl_token *tok, uint32_t n, uint32_t i,
                              const char *const *list, int *which)
{
	uint32_t best = 0;
	*which = -1;
	for (int j = 0; list[j]; j++) {
		uint32_t m = tl_ph_at(tok, n, i, list[j]);
		if (m > best) {
			best = m;
			*which = j;
		}
	}
	return best;
}

/* Compiled lists (first words found by hash, the first word not compared
 * again) against the reference, at every token, with and without words. */
static void test_list_at_same_as_reference(void)
{
	extern const char *const tl_pol_cue_ph[];
	static const char *const l1[] = {"is|are|be required to", "is", "is|are", "the right to",
	                                 "the", "het recht om|tot|voor", "het recht", "a|", "|b c",
	                                 "a||b c", "ver* zich", "*heid van", "not", "no|not later than",
	                                 "x*y", "*", NULL};
	static const char *const l2[] = {"shall not", "shall", "shall not be", "may", "may not", NULL};
	const char *const *lists[] = {l1, l2, tl_pol_cue_ph, S_phrases, S_words};
	static const char *const texts[] = {
		"The Supplier is required to pay; the right to audit and the Customer has the right to "
		"terminate. Het recht om te ontbinden; het recht van Nederland; heeft het recht.",
		"a b c a c b c shall not be sold, shall not, may not, may; x*y xy de vrijheid van ver zich",
		"is are be is required required to no later than not later than Opdrachtnemer zal niet"};
	uint32_t checked = 0, matched = 0, bad = 0;
	for (size_t x = 0; x < sizeof texts / sizeof *texts; x++) {
		uint32_t n;
		tl_token *t = S_tokens(texts[x], &n);
		tl_token *bare = malloc((n + 1) * sizeof *bare);
		if (!t || !bare) {
			free(bare);
			T_OK(0, "tokens");
			continue;
		}
		memcpy(bare, t, n * sizeof *bare);
		for (uint32_t k = 0; k < n; k++)
			bare[k].word = NULL;
		for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
			for (uint32_t i = 0; i <= n; i++) {
				int wr, w1 = -1, w2 = -1;
				uint32_t want = S_ref_list_at(t, n, i, lists[l], &wr);
				uint32_t a = tl_ph_list_at(t, n, i, lists[l], &w1);
				uint32_t b = tl_ph_list_at(bare, n, i, lists[l], &w2);
				if (a != want || b != want || (want && (w1 != wr || w2 != wr))) {
					fprintf(stderr, "list %zu at %u of text %zu: %u/%u (%d/%d), reference %u (%d)\n",
					        l, i, x, a, b, w1, w2, want, wr);
					bad++;
				}
				checked++;
				matched += want != 0;
			}
		free(bare);
	}
	T_INT(bad, 0);
	T_OK(checked > 400 && matched > 60, "%u checked, %u matched", checked, matched);
}

int main(void)
{
	tl_arena_init(&S_ar, 0);
	tl_error err = TL_ERROR_INIT;
	if (tl_text_open(&S_t, &S_ar, &err) != 0) {
		fprintf(stderr, "tl_text_open: %s\n", err.message);
		return 1;
	}
	test_single_words();
	test_phrases();
	test_ph_at_same_as_reference();
	test_list_at_same_as_reference();
	tl_text_close(S_t);
	tl_arena_free(&S_ar);
	return T_DONE();
}
