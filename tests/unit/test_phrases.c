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
	tl_text_close(S_t);
	tl_arena_free(&S_ar);
	return T_DONE();
}
