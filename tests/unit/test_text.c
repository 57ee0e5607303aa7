/* Unit tests for src/text: the matching form, word and sentence
 * segmentation, language and stems. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "text/text.h"

static tl_arena S_ar;
static tl_text *S_t;

static const char *S_fold(const char *s)
{
	return tl_text_fold(S_t, s, strlen(s), NULL);
}

static void test_fold(void)
{
	T_STR(S_fold("Beëindiging"), "beeindiging");
	T_STR(S_fold("BEËINDIGING"), "beeindiging");
	T_STR(S_fold("Straße"), "strasse");
	T_STR(S_fold("ÉCOLE Ça"), "ecole ca");
	T_STR(S_fold("\xE2\x80\x9CSupplier\xE2\x80\x9D \xE2\x80\x93 \xE2\x80\x98x\xE2\x80\x99"),
	      "\"supplier\" - 'x'");
	T_STR(S_fold("  two\xC2\xA0  spaces  "), "two spaces");
	T_STR(S_fold("Sub-Processor"), "sub-processor");
	T_STR(S_fold(""), "");
	T_INT(tl_text_unify_cp(0x2014), '-');
	T_INT(tl_text_unify_cp(0x201E), '"');
	T_INT(tl_text_unify_cp('a'), 'a');
}

static void test_tokens(void)
{
	const char *text = "De Leverancier\xE2\x80\x99s beëindiging van 1.000.000 euro, binnen 48h (art. 5).";
	tl_token *tok;
	uint32_t n;
	T_INT(tl_text_tokens(S_t, text, strlen(text), &tok, &n), 0);
	/* de leverancier's beeindiging van 1.000.000 euro , binnen 48h ( art . 5 ) . */
	T_INT(n, 15);
	if (n < 15)
		return;
	T_STR(tok[0].fold, "de");
	T_OK(tok[0].flags & TL_TOK_CAPITAL, "De is capitalised");
	T_STR(tok[1].fold, "leverancier's");
	T_OK(tok[1].flags & TL_TOK_CAPITAL, "Leverancier is capitalised");
	T_STR(tok[2].fold, "beeindiging");
	/* offsets point into the original text, diacritics and all */
	T_INT(tok[2].end - tok[2].start, strlen("beëindiging"));
	T_OK(strncmp(text + tok[2].start, "beëindiging", tok[2].end - tok[2].start) == 0, "offsets");
	T_STR(tok[4].fold, "1.000.000");
	T_OK(tok[4].flags & TL_TOK_NUMBER, "number flag");
	T_STR(tok[6].fold, ",");
	T_OK(tok[6].flags & TL_TOK_PUNCT, "punct flag");
	T_STR(tok[8].fold, "48h");
	T_STR(tok[10].fold, "art");
	T_INT(tok[14].end, strlen(text));
	for (uint32_t i = 0; i < n; i++)
		T_OK(tok[i].term == -1 && tok[i].stem == NULL, "fresh token %u", i);
	T_INT(tl_text_tokens(S_t, "", 0, &tok, &n), 0);
	T_INT(n, 0);
}

/* "We'll", "you’re", "they've": the pronoun and the clitic's verb are two
 * tokens, the verb in its full form, each with its own span of the text. */
static void test_clitics(void)
{
	const char *text = "We'll notify you; you\xE2\x80\x99re responsible, they've agreed, I'll sign, "
	                   "it\xE2\x80\x99ll end. We'd, he'll, don't, O're, well, were.";
	static const char *const want[] = {"we", "will", "notify", "you", ";", "you", "are", "responsible",
	                                   ",", "they", "have", "agreed", ",", "i", "will", "sign", ",",
	                                   "it", "will", "end", ".", "we'd", ",", "he'll", ",", "don't",
	                                   ",", "o're", ",", "well", ",", "were", ".", NULL};
	tl_token *tok;
	uint32_t n, k = 0;
	T_INT(tl_text_tokens(S_t, text, strlen(text), &tok, &n), 0);
	while (want[k])
		k++;
	T_INT(n, k);
	for (uint32_t i = 0; i < n && i < k; i++)
		T_STR(tok[i].fold, want[i]);
	if (n < 7)
		return;
	T_OK(tok[0].flags & TL_TOK_CAPITAL, "We is capitalised");
	T_OK(!(tok[1].flags & TL_TOK_CAPITAL), "the clitic is not");
	/* the spans: "We" and "'ll"; "you" and "’re" (the typographic apostrophe) */
	T_INT(tok[0].end - tok[0].start, 2);
	T_OK(tok[1].start == tok[0].end && strncmp(text + tok[1].start, "'ll", 3) == 0, "'ll span");
	T_OK(tok[6].start == tok[5].end && tok[6].end - tok[6].start == 5, "\xE2\x80\x99re span");
}

/* The i-th sentence of text as a string (static buffer). */
static const char *S_sent(const char *text, uint32_t i, uint32_t *count, uint32_t *flags)
{
	static char buf[512];
	const tl_range *r;
	uint32_t n;
	buf[0] = '\0';
	if (tl_text_sentences(S_t, text, strlen(text), &r, &n) != 0)
		return "(error)";
	*count = n;
	if (i < n) {
		snprintf(buf, sizeof buf, "%.*s", (int)(r[i].end - r[i].start), text + r[i].start);
		if (flags)
			*flags = r[i].flags;
	}
	return buf;
}

static void test_sentences(void)
{
	uint32_t n = 0, fl = 0;
	const char *t1 = "Zie art. 28 AVG en o.a. de regels van Acme B.V. Opdrachtnemer levert. Dit is nieuw.";
	T_STR(S_sent(t1, 0, &n, NULL), "Zie art. 28 AVG en o.a. de regels van Acme B.V. Opdrachtnemer levert.");
	T_INT(n, 2);
	T_STR(S_sent(t1, 1, &n, NULL), "Dit is nieuw.");
	const char *t2 = "Signed by J. Jansen and Mr. Smith of Acme Inc. Ltd. The Supplier, i.e. Acme, shall "
	                 "deliver, e.g. software. Next sentence.";
	T_STR(S_sent(t2, 1, &n, NULL), "Next sentence.");
	T_INT(n, 2);
	const char *t3 = "Opdrachtnemer zal: a) versleutelen; b) niet verkopen; c) verwijderen.";
	T_STR(S_sent(t3, 0, &n, &fl), "Opdrachtnemer zal: a) versleutelen;");
	T_INT(n, 3);
	T_INT(fl, 0);
	T_STR(S_sent(t3, 1, &n, &fl), "b) niet verkopen;");
	T_INT(fl, TL_RANGE_AFTER_SEMI);
	T_STR(S_sent(t3, 2, &n, &fl), "c) verwijderen.");
	/* a typed label opening the paragraph is no sentence of its own */
	const char *t5 = "1. Opdrachtnemer levert. 2.3. Dit niet. 3. En dit.";
	T_STR(S_sent(t5, 0, &n, NULL), "1. Opdrachtnemer levert.");
	T_INT(n, 3);
	T_STR(S_sent(t5, 1, &n, NULL), "2.3. Dit niet.");
	/* a ';' inside parentheses does not split */
	const char *t4 = "De termijn (zie bijlage 2; lid 3) is kort.";
	S_sent(t4, 0, &n, NULL);
	T_INT(n, 1);
	T_OK(tl_text_is_abbrev("m.b.t", 5), "m.b.t.");
	T_OK(tl_text_is_abbrev("bijv", 4), "bijv.");
	T_OK(!tl_text_is_abbrev("levert", 6), "not an abbreviation");
}

static tl_lang S_lang(const char *text)
{
	tl_token *tok;
	uint32_t n, nl = 0, en = 0;
	if (tl_text_tokens(S_t, text, strlen(text), &tok, &n) != 0)
		return TL_LANG_UNKNOWN;
	tl_text_lang_count(tok, n, &nl, &en);
	return tl_text_lang_pick(nl, en, TL_LANG_UNKNOWN);
}

static void test_lang(void)
{
	T_INT(S_lang("Opdrachtnemer zal de gegevens niet verkopen aan een derde."), TL_LANG_NL);
	T_INT(S_lang("The Supplier shall not sell the data to any third party."), TL_LANG_EN);
	T_INT(S_lang("Opdrachtnemer"), TL_LANG_UNKNOWN);
	T_INT(tl_text_lang_pick(3, 3, TL_LANG_EN), TL_LANG_EN);
	/* the counts: "of" and "in" once for each language, "is" for neither,
	 * numbers and punctuation not at all (also "a" glued to digits) */
	tl_token *tok;
	uint32_t n, nl = 0, en = 0;
	const char *x = "De of in is IS the 5 a1 , and Het; met 'the' zal an";
	T_INT(tl_text_tokens(S_t, x, strlen(x), &tok, &n), 0);
	tl_text_lang_count(tok, n, &nl, &en);
	T_INT(nl, 6); /* de of in het met zal */
	T_INT(en, 6); /* of in the and the an */
	/* tokens without a word record are looked up by their fold */
	tl_token bare[4] = {{.fold = "de", .term = -1}, {.fold = "of", .term = -1},
	                    {.fold = "de", .term = -1, .flags = TL_TOK_PUNCT},
	                    {.fold = "the", .term = -1, .flags = TL_TOK_NUMBER}};
	nl = en = 10;
	tl_text_lang_count(bare, 4, &nl, &en);
	T_INT(nl, 12);
	T_INT(en, 11);
}

static const char *S_stem(tl_lang lang, const char *word)
{
	const char *f = S_fold(word);
	return tl_text_stem(S_t, lang, f, strlen(f));
}

static void test_stem(void)
{
	/* sell, sells and selling join; "sold" does not (rule authors list it) */
	T_STR(S_stem(TL_LANG_EN, "sell"), "sell");
	T_STR(S_stem(TL_LANG_EN, "Sells"), "sell");
	T_STR(S_stem(TL_LANG_EN, "selling"), "sell");
	T_STR(S_stem(TL_LANG_EN, "Supplier's"), S_stem(TL_LANG_EN, "supplier"));
	T_STR(S_stem(TL_LANG_NL, "verkopen"), "verkop");
	T_STR(S_stem(TL_LANG_NL, "gegevens"), "gegeven"); /* Snowball: "gegeven" itself gives "gegev" */
	T_STR(S_stem(TL_LANG_NL, "leveranciers"), S_stem(TL_LANG_NL, "leverancier"));
	/* folded before stemming: diacritics do not split a stem */
	T_STR(S_stem(TL_LANG_NL, "beëindiging"), S_stem(TL_LANG_NL, "beeindiging"));
	T_STR(S_stem(TL_LANG_NL, "2023"), "2023");
	T_STR(S_stem(TL_LANG_NL, ","), ",");
	tl_token *tok;
	uint32_t n;
	const char *text = "De Leveranciers verkopen.";
	T_INT(tl_text_tokens(S_t, text, strlen(text), &tok, &n), 0);
	T_INT(tl_text_stem_tokens(S_t, TL_LANG_NL, tok, n), 0);
	T_STR(tok[1].stem, S_stem(TL_LANG_NL, "leverancier"));
}

int main(void)
{
	tl_arena_init(&S_ar, 0);
	tl_error err = TL_ERROR_INIT;
	if (tl_text_open(&S_t, &S_ar, &err) != 0) {
		fprintf(stderr, "tl_text_open: %s\n", err.message);
		return 1;
	}
	test_fold();
	test_tokens();
	test_clitics();
	test_sentences();
	test_lang();
	test_stem();
	tl_text_close(S_t);
	tl_arena_free(&S_ar);
	return T_DONE();
}
