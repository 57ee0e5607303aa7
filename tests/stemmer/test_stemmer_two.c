/* test_stemmer_two.c: the executable's libstemmer front end for Dutch and
 * English (src/text/static/stemmer_two.c) gives the stem the full libstemmer
 * gave at build time for every word of the built-in stem table
 * (generated/tl_stems.c, written by tl_stems_gen through the library, which
 * links libstemmer's own front end): some 4,800 words of the ruleset in both
 * languages.  A word the table keeps as it is (numbers, punctuation) is not
 * stemmed at all, as in tl_text_stem_uncached. */
#include <libstemmer.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "rules/stems.h"
#include "analyze/annot.h"

extern const tl_stem_table tl_builtin_stem_table;

int main(void)
{
	const tl_stem_table *t = &tl_builtin_stem_table;
	struct sb_stemmer *nl = sb_stemmer_new("dutch", NULL), *en = sb_stemmer_new("english", "UTF_8");
	T_OK(nl && en, "both algorithms open");
	T_OK(!sb_stemmer_new("french", NULL), "no other algorithm is linked");
	T_OK(!sb_stemmer_new("dutch", "ISO_8859_1"), "UTF-8 only");
	T_OK(t->nent > 1000, "the table holds the ruleset's words (%u)", t->nent);
	uint32_t stemmed[3] = {0, 0, 0}, bad = 0;
	for (uint32_t i = 0; nl && en && i < t->nent; i++) {
		const tl_stem_ent *e = &t->ent[i];
		const char *w = t->pool + e->word, *want = t->pool + e->stem;
		unsigned char c0 = (unsigned char)w[0];
		if (!e->len || !((c0 >= 'a' && c0 <= 'z') || c0 >= 0x80))
			continue; /* kept as it is, never stemmed */
		struct sb_stemmer *s = e->lang == TL_LANG_EN ? en : nl;
		const sb_symbol *r = sb_stemmer_stem(s, (const sb_symbol *)w, (int)e->len);
		int n = sb_stemmer_length(s);
		int same = r && (size_t)n == strlen(want) && !memcmp(r, want, (size_t)n);
		if (!same && bad++ < 10)
			T_OK(same, "%s word \"%s\": got \"%.*s\", want \"%s\"", e->lang == TL_LANG_EN ? "en" : "nl", w,
			     r ? n : 6, r ? (const char *)r : "(null)", want);
		stemmed[e->lang < 3 ? e->lang : 0]++;
	}
	T_INT(bad, 0);
	T_OK(stemmed[TL_LANG_NL] > 500 && stemmed[TL_LANG_EN] > 500, "words of both languages (nl %u, en %u)",
	     stemmed[TL_LANG_NL], stemmed[TL_LANG_EN]);
	printf("stemmed %u Dutch and %u English words\n", stemmed[TL_LANG_NL], stemmed[TL_LANG_EN]);
	sb_stemmer_delete(nl);
	sb_stemmer_delete(en);
	return T_DONE();
}
