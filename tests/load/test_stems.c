/* test_stems: the built-in stem table is a faithful, complete cache of
 * Snowball for the built-in ruleset's words, the built-in term table of
 * the term compiler for its terms, and the built-in report heads of the
 * renderer for its report (src/rules/stems.h). */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "rules/rules.h"
#include "rules/stems.h"
#include "text/text.h"

/* Every entry gives the stem Snowball gives the same word now. */
static void test_entries_are_snowball(tl_text *tx, tl_arena *a, const tl_stem_table *t)
{
	uint32_t bad = 0;
	for (uint32_t i = 0; i < t->nent; i++) {
		const tl_stem_ent *e = &t->ent[i];
		const char *w = t->pool + e->word;
		const char *want = tl_text_stem_uncached(tx, (tl_lang)e->lang, w, e->len, a);
		const char *got = tl_stem_lookup(t, e->lang, w, e->len);
		if (!want || !got || strcmp(want, got))
			bad++;
	}
	T_INT(bad, 0);
}

/* The built-in ruleset's plain words are all in the table: its load runs no
 * Snowball for them (the saving the table exists for). */
static void test_covers_builtin_words(const tl_stem_table *t)
{
	tl_ruleset *rs = NULL;
	tl_diag diag = {0};
	tl_error err = {0};
	T_INT(tl_rules_load(&rs, NULL, &diag, &err), 0);
	uint32_t words = 0, missing = 0;
	for (uint32_t i = 0; rs && i < rs->nterms; i++) {
		for (const char *p = rs->terms[i].text; *p;) {
			while (*p == ' ')
				p++;
			const char *e = p;
			while (*e && *e != ' ')
				e++;
			size_t n = (size_t)(e - p), k = 0;
			while (k < n && p[k] >= 'a' && p[k] <= 'z')
				k++;
			if (n && k == n) {
				words++;
				missing += !tl_stem_lookup(t, rs->terms[i].lang, p, n);
			}
			p = e;
		}
	}
	T_OK(words > 1000, "the built-in ruleset has %u plain words", words);
	T_INT(missing, 0);
	tl_ruleset_free(rs);
}

/* tl_compile_term folds a chunk of ASCII letters with capitals itself (to
 * its lower case, one word) instead of running the tokenizer: that must be
 * what the tokenizer says, for every such chunk of the built-in ruleset and
 * a few more. */
static int S_tokenizer_agrees(tl_text *tx, const char *p, size_t n)
{
	tl_token *tok = NULL;
	uint32_t nt = 0, words = 0;
	const char *fold = NULL;
	if (tl_text_tokens(tx, p, n, &tok, &nt) != 0)
		return 0;
	for (uint32_t i = 0; i < nt; i++)
		if (!(tok[i].flags & TL_TOK_PUNCT))
			words++, fold = tok[i].fold;
	if (words != 1 || strlen(fold) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (fold[i] != (p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]))
			return 0;
	return 1;
}

static void test_capital_chunks_fold_to_lower(tl_text *tx)
{
	static const char *const more[] = {"CycloneDX", "AVG", "Opdrachtnemer", "iPhone", "SaaS", "X", NULL};
	for (int i = 0; more[i]; i++)
		T_OK(S_tokenizer_agrees(tx, more[i], strlen(more[i])), "%s", more[i]);
	tl_ruleset *rs = NULL;
	tl_diag diag = {0};
	tl_error err = {0};
	T_INT(tl_rules_load(&rs, NULL, &diag, &err), 0);
	uint32_t chunks = 0, bad = 0;
	for (uint32_t i = 0; rs && i < rs->nterms; i++) {
		for (const char *p = rs->terms[i].text; *p;) {
			while (*p == ' ')
				p++;
			const char *e = p;
			while (*e && *e != ' ')
				e++;
			size_t n = (size_t)(e - p), k = 0, caps = 0;
			if (n && p[n - 1] == '*')
				n--;
			for (; k < n && ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z')); k++)
				caps += p[k] <= 'Z';
			if (n && k == n && caps) {
				chunks++;
				bad += !S_tokenizer_agrees(tx, p, n);
			}
			p = e;
		}
	}
	T_OK(chunks > 100, "the built-in ruleset has %u chunks with capitals", chunks);
	T_INT(bad, 0);
	tl_ruleset_free(rs);
}

/* A word it does not hold, or a word in the other language, is a miss. */
static void test_misses(const tl_stem_table *t)
{
	T_OK(!tl_stem_lookup(t, TL_LANG_NL, "qqzzyx", 6), "a made-up word is a miss");
	T_OK(!tl_stem_lookup(NULL, TL_LANG_NL, "gegevens", 8), "no table: a miss");
	T_OK(!tl_stem_lookup(t, 0, "gegevens", 8), "language 0 holds no words");
	const char *nl = tl_stem_lookup(t, TL_LANG_NL, "persoonsgegevens", 16);
	T_STR(nl, "persoonsgegeven");
	/* a prefix of a word is not the word */
	T_OK(!tl_stem_lookup(t, TL_LANG_NL, "persoonsgegeven", 14), "a prefix is a miss");
}

/* Every term of the built-in ruleset is in the term table, and its words
 * there are the compiler's own: the same kinds, gaps and strings as
 * tl_compile_term_uncached gives the term now. */
static void test_terms_are_the_compilers(tl_text *tx, const tl_term_table *tt)
{
	tl_ruleset *rs = NULL;
	tl_diag diag = {0};
	tl_error err = {0};
	T_INT(tl_rules_load(&rs, NULL, &diag, &err), 0);
	uint32_t terms = 0, missing = 0, differ = 0;
	for (uint32_t i = 0; rs && i < rs->nterms; i++) {
		const tl_rterm *t = &rs->terms[i];
		terms++;
		missing += !tl_term_lookup(tt, t->lang, t->text, strlen(t->text));
		tl_rterm u;
		const char *msg = tl_compile_term_uncached(rs, tx, NULL, (tl_lang)t->lang, t->text, 0, &u);
		int same = !msg && u.nw == t->nw && u.lang == t->lang;
		for (uint32_t k = 0; same && k < u.nw; k++)
			same = u.w[k].len == t->w[k].len && u.w[k].kind == t->w[k].kind &&
			       u.w[k].gap == t->w[k].gap && !strcmp(u.w[k].s, t->w[k].s);
		if (!same && differ++ < 5)
			T_OK(0, "term \"%s\" (%u): the table and the compiler differ", t->text, t->lang);
	}
	T_OK(terms > 5000, "the built-in ruleset has %u terms", terms);
	T_INT(missing, 0);
	T_INT(differ, 0);
	/* a term the table lacks, or another language, is a miss */
	T_OK(!tl_term_lookup(tt, TL_LANG_NL, "qqzzyx zzq", 10), "a made-up term is a miss");
	T_OK(!tl_term_lookup(NULL, TL_LANG_NL, "gegevens", 8), "no table: a miss");
	tl_ruleset_free(rs);
}

/* The heads of the table are what the renderer makes of tl_report_new of
 * the built-in ruleset now, and tl_report_head_text serves them; a ruleset
 * from a file gets its own. */
static void test_heads_are_the_renderers(void)
{
	const tl_head_table *h = tl_heads_builtin();
	T_OK(h != NULL, "the generated heads are linked");
	tl_ruleset *rs = NULL;
	tl_diag diag = {0};
	tl_error err = {0};
	T_INT(tl_rules_load(&rs, NULL, &diag, &err), 0);
	cJSON *rep = NULL;
	T_INT(rs ? tl_report_new(&rep, rs, &err) : -1, 0);
	size_t n[2] = {0, 0}, m = 0;
	char *want[2] = {rep ? tl_render_json_head(rep, &n[0]) : NULL,
	                 rep ? tl_render_jsonl_header_text(rep, &n[1]) : NULL};
	for (int k = 0; h && k < 2; k++) {
		T_OK(want[k] && h->len[k] == n[k] && !memcmp(h->text[k], want[k], n[k]) && !h->text[k][n[k]],
		     "head %d: %zu bytes in the table, the renderer makes %zu", k, h->len[k], n[k]);
		char *got = tl_report_head_text(rs, k ? TL_RENDER_JSONL : TL_RENDER_JSON, &m);
		T_OK(got && m == n[k] && want[k] && !strcmp(got, want[k]), "tl_report_head_text %d serves it", k);
		free(got);
	}
	T_OK(!tl_report_head_text(rs, TL_RENDER_SARIF, &m) && m == 0, "no head for another format");
	free(want[0]);
	free(want[1]);
	cJSON_Delete(rep);
	tl_ruleset_free(rs);
	/* a ruleset from a file is not the built-in one: its head is made from it */
	rs = NULL;
	T_INT(tl_rules_load(&rs, TL_SOURCE_DIR "/rulesets/vng-2022.json", &diag, &err), 0);
	T_OK(rs && !rs->builtin, "loaded from a file");
	char *got = rs ? tl_report_head_text(rs, TL_RENDER_JSON, &m) : NULL;
	T_OK(got && strstr(got, "\"documents\":") != NULL, "a head made at run time");
	free(got);
	tl_ruleset_free(rs);
}

int main(void)
{
	const tl_stem_table *t = tl_stems_builtin();
	T_OK(t != NULL, "the generated table is linked");
	if (!t)
		return T_DONE();
	T_OK(t->nent > 1000 && t->nslot >= 2 * t->nent, "%u entries in %u slots", t->nent, t->nslot);
	tl_arena a;
	tl_arena_init(&a, 0);
	tl_text *tx = NULL;
	tl_error err = {0};
	T_INT(tl_text_open(&tx, &a, &err), 0);
	if (tx) {
		test_entries_are_snowball(tx, &a, t);
		test_capital_chunks_fold_to_lower(tx);
		const tl_term_table *tt = tl_terms_builtin();
		T_OK(tt != NULL && tt->nent > 5000, "the generated term table is linked");
		if (tt)
			test_terms_are_the_compilers(tx, tt);
	}
	test_covers_builtin_words(t);
	test_misses(t);
	test_heads_are_the_renderers();
	tl_text_close(tx);
	tl_arena_free(&a);
	return T_DONE();
}
