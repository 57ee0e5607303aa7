/* stemmer_two_check.c: run at configure time (cmake/Dependencies.cmake),
 * linked with libstemmer.a; exits 0 when stemmer_two.c, included here,
 * builds and its two algorithms give the stems libstemmer's own front end
 * gives (Snowball 2.x). */
#include <stdio.h>

#include "stemmer_two.c"

static int S_is(struct sb_stemmer *s, const char *word, const char *want)
{
	const sb_symbol *r = sb_stemmer_stem(s, (const sb_symbol *)word, (int)strlen(word));
	return r && sb_stemmer_length(s) == (int)strlen(want) && !memcmp(r, want, strlen(want));
}

int main(void)
{
	struct sb_stemmer *nl = sb_stemmer_new("dutch", NULL), *en = sb_stemmer_new("english", NULL);
	int ok = nl && en && !sb_stemmer_new("french", NULL) && S_is(nl, "lopende", "lopend") &&
	         S_is(nl, "bewerkingen", "bewerk") && S_is(en, "running", "run") &&
	         S_is(en, "generalisations", "generalis") && S_is(en, "processing", "process") &&
	         S_is(nl, "caf\xc3\xa9", "caf") &&
	         S_is(en, "caf\xc3\xa9", "caf\xc3\xa9");
	sb_stemmer_delete(nl);
	sb_stemmer_delete(en);
	puts(ok ? "ok" : "differs");
	return ok ? 0 : 1;
}
