/* The ASCII word segmentation of tl_text_tokens (src/text/tokens.c) must give
 * exactly the tokens of ICU's word BreakIterator (same offsets, flags and
 * words), and the ASCII sentence breaks (src/text/sentences.c) exactly the
 * breaks of ICU's sentence BreakIterator.  Both run on random strings of the
 * characters whose break classes differ (letters, '@', digits, '_', . ' , ;
 * ! ? : - quotes and brackets, spaces and controls) and on every line of the
 * sample and evaluation contracts. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "text/text_int.h"

static tl_arena S_ar;
static tl_text *S_t;
static int S_shown;

/* 1 when both segmentations of text agree (reports the first few that do not). */
static int S_same(const char *text, size_t len)
{
	tl_token *a, *b;
	uint32_t na, nb;
	S_t->icu_only = 0;
	int ra = tl_text_tokens(S_t, text, len, &a, &na);
	S_t->icu_only = 1;
	int rb = tl_text_tokens(S_t, text, len, &b, &nb);
	S_t->icu_only = 0;
	int ok = ra == 0 && rb == 0 && na == nb;
	for (uint32_t i = 0; ok && i < na; i++)
		ok = a[i].start == b[i].start && a[i].end == b[i].end && a[i].flags == b[i].flags &&
		     a[i].word == b[i].word && a[i].fold == b[i].fold && a[i].term == b[i].term;
	if (!ok && S_shown++ < 5) {
		fprintf(stderr, "differs on \"%.*s\":\n  ascii:", (int)len, text);
		for (uint32_t i = 0; i < na; i++)
			fprintf(stderr, " [%s]%x", a[i].fold, a[i].flags);
		fprintf(stderr, "\n  icu:  ");
		for (uint32_t i = 0; i < nb; i++)
			fprintf(stderr, " [%s]%x", b[i].fold, b[i].flags);
		fputc('\n', stderr);
	}
	return ok;
}

/* 1 when both sentence segmentations of text agree. */
static int S_same_breaks(const char *text, size_t len)
{
	const uint32_t *b;
	uint32_t na, nb;
	uint32_t a[256];
	S_t->icu_only = 0;
	int ra = tl_text_sentence_breaks(S_t, text, len, &b, &na);
	for (uint32_t i = 0; i < na && i < 256; i++)
		a[i] = b[i];
	S_t->icu_only = 1;
	int rb = tl_text_sentence_breaks(S_t, text, len, &b, &nb);
	S_t->icu_only = 0;
	int ok = ra == 0 && rb == 0 && na == nb && na <= 256;
	for (uint32_t i = 0; ok && i < na; i++)
		ok = a[i] == b[i];
	if (!ok && S_shown++ < 5) {
		fprintf(stderr, "sentences differ on \"");
		for (size_t i = 0; i < len; i++)
			fprintf(stderr, (unsigned char)text[i] < 0x20 ? "\\x%02x" : "%c", (unsigned char)text[i]);
		fprintf(stderr, "\":\n  ascii:");
		for (uint32_t i = 0; i < na && i < 256; i++)
			fprintf(stderr, " %u", a[i]);
		fprintf(stderr, "\n  icu:  ");
		for (uint32_t i = 0; i < nb; i++)
			fprintf(stderr, " %u", b[i]);
		fputc('\n', stderr);
	}
	return ok;
}

static void test_examples(void)
{
	static const char *const ex[] = {
		"a1.5 v2.0 x", "_ a_b __ 1_a _1 1_ a1_ 1a_ __1", "a:b a.b a'b a'1 1'a a.1b a..b",
		"1,5 1;5 1.000.000,50 1,a a,b a;b", "@ a@b @1 1@ @. @.b", "e.g. o.a. B.V. art. 5.2",
		"Leverancier's \"Data\" (zie art. 12) - [x] ja; [ ] nee.", "\t\r\n \x0b\x0c\x01\x7f",
		"ABC Def gHI 12ab AB12", "don't can't 's-Hertogenbosch",
		"We'll you're They've I'll it'll we'd he'll O're we'll've we're'", NULL};
	for (int i = 0; ex[i]; i++) {
		T_OK(S_same(ex[i], strlen(ex[i])), "example %d", i);
		T_OK(S_same_breaks(ex[i], strlen(ex[i])), "example %d", i);
	}
}

static void test_random_sentences(void)
{
	static const char alpha[] = "aZ0. !?\"')(],-:;\t\n\r\x0b\x0c#";
	srand(54321);
	char buf[32];
	int bad = 0;
	for (int k = 0; k < 40000; k++) {
		size_t len = 1 + (size_t)(rand() % 24);
		for (size_t i = 0; i < len; i++)
			buf[i] = alpha[rand() % (int)(sizeof alpha - 1)];
		bad += !S_same_breaks(buf, len);
	}
	T_INT(bad, 0);
	/* sentence-like text: words, abbreviations, numbers, quotes and lists */
	static const char *const part[] = {"the", "Art", "e.g", "U.S", "5", "3.5", "A", "b", ".", "?",
	                                   "!", ")", "(", "\"", "'", ",", ";", ":", "-", " ", "  ",
	                                   "\n", "\r\n", "...", ".)", "i.", "NL"};
	char text[256];
	bad = 0;
	for (int k = 0; k < 40000; k++) {
		size_t len = 0;
		int nparts = 1 + rand() % 16;
		for (int p = 0; p < nparts; p++) {
			const char *w = part[rand() % (int)(sizeof part / sizeof *part)];
			size_t wl = strlen(w);
			memcpy(text + len, w, wl);
			len += wl;
			if (rand() % 2)
				text[len++] = ' ';
		}
		bad += !S_same_breaks(text, len) + !S_same(text, len);
	}
	T_INT(bad, 0);
}

static void test_random(void)
{
	static const char alpha[] = "aZq@0 9_.',;:-\"()! \t\n\r\x0b\x01";
	srand(12345);
	char buf[32];
	int bad = 0;
	for (int k = 0; k < 40000; k++) {
		size_t len = 1 + (size_t)(rand() % 24);
		for (size_t i = 0; i < len; i++)
			buf[i] = alpha[rand() % (int)(sizeof alpha - 1)];
		bad += !S_same(buf, len);
	}
	T_INT(bad, 0);
}

/* The ASCII tokeniser finds a token's word in its surface cache (8-byte
 * keys, tokens.c); the ICU path asks tl_text_fold_token.  Both must give
 * the same word for every surface: words of every length from 1 to 40 over
 * a few letters (many share their first 8 bytes, many are prefixes of
 * others, some differ only in case), far more than the cache's first size,
 * each seen several times. */
static void test_surface_cache(void)
{
	static const char alpha[] = "aAbB0_9";
	srand(777);
	char text[2048];
	int bad = 0, tokens = 0;
	for (int k = 0; k < 3000; k++) {
		size_t len = 0;
		while (len < 600) {
			size_t wl = 1 + (size_t)(rand() % 40);
			for (size_t i = 0; i < wl; i++)
				text[len++] = alpha[rand() % 7];
			text[len++] = rand() % 5 ? ' ' : ',';
			tokens++;
		}
		bad += !S_same(text, len);
		/* the same text again, now answered from the cache */
		bad += !S_same(text, len);
	}
	T_INT(bad, 0);
	T_OK(S_t->surf_n > 4096, "only %u surfaces cached", S_t->surf_n);
	/* 2,401 words of 12 bytes with the same first 8: only their tails tell
	 * them apart, and their probe chains in the cache cross */
	bad = 0;
	for (int k = 0; k < 400; k++) {
		size_t len = 0;
		for (int m = 0; m < 40; m++) {
			memcpy(text + len, "Leverant", 8);
			len += 8;
			for (int i = 0; i < 4; i++)
				text[len++] = alpha[rand() % 7];
			text[len++] = ' ';
		}
		bad += !S_same(text, len);
	}
	T_INT(bad, 0);
	/* long words that share their first 8 bytes or differ from the 9th on */
	static const char *const ex[] = {
		"beschikbaarheid beschikbaarstelling beschikbaar Beschikbaarheid BESCHIKBAARHEID",
		"verwerkingsverantwoordelijke verwerkingsverantwoordelijken verwerker verwerkers",
		"abcdefgh abcdefghi abcdefg abcdefghabcdefgh abcdefghabcdefghX ABCDEFGHabcdefgh",
		/* a longer word first, then its first 8 or 7 bytes alone */
		"Leverantie Leverant Leveran Leverantiex Leverantie", NULL};
	for (int i = 0; ex[i]; i++) {
		T_OK(S_same(ex[i], strlen(ex[i])), "long words %d", i);
		tl_token *tok;
		uint32_t n;
		T_INT(tl_text_tokens(S_t, ex[i], strlen(ex[i]), &tok, &n), 0);
		for (uint32_t j = 0; j < n; j++) {
			size_t fl;
			const char *f = tl_text_fold(S_t, ex[i] + tok[j].start, tok[j].end - tok[j].start, &fl);
			T_STR(tok[j].fold, f);
		}
	}
}

static void S_file(const char *path, int *lines, int *bad)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return;
	char line[8192];
	while (fgets(line, sizeof line, f)) {
		size_t len = strcspn(line, "\n");
		(*lines)++;
		*bad += !S_same(line, len);
		*bad += !S_same_breaks(line, len);
	}
	fclose(f);
}

static void test_contracts(void)
{
	static const char *const dirs[] = {TL_SOURCE_DIR "/samples/src", TL_SOURCE_DIR "/tests/eval/contracts",
	                                   NULL};
	int lines = 0, bad = 0;
	for (int d = 0; dirs[d]; d++) {
		DIR *dir = opendir(dirs[d]);
		T_OK(dir != NULL, "cannot open %s", dirs[d]);
		if (!dir)
			continue;
		struct dirent *e;
		while ((e = readdir(dir))) {
			size_t l = strlen(e->d_name);
			if (l < 4 || strcmp(e->d_name + l - 3, ".md") != 0)
				continue;
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name);
			S_file(path, &lines, &bad);
		}
		closedir(dir);
	}
	T_OK(lines > 1000, "only %d lines read", lines);
	T_INT(bad, 0);
}

int main(void)
{
	tl_arena_init(&S_ar, 0);
	tl_error err = TL_ERROR_INIT;
	if (tl_text_open(&S_t, &S_ar, &err) != 0) {
		fprintf(stderr, "tl_text_open: %s\n", err.message);
		return 1;
	}
	test_examples();
	test_random();
	test_random_sentences();
	test_surface_cache();
	test_contracts();
	tl_text_close(S_t);
	tl_arena_free(&S_ar);
	return T_DONE();
}
