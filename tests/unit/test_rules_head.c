/* test_rules_head.c: compound-head terms ("*algoritme" matches the head of a
 * Dutch compound: Toewijzingsalgoritme, toewijzingsalgoritmen), through the
 * index and by brute force, as the first or a later word of a term; not the
 * bare head itself, not a word that only contains it; and the term errors. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "tmpdir_fixture.h"
#include "model/doc.h"
#include "rules/rules.h"
#include "tenderlint.h"

static tl_ruleset *S_rs;


#define RULESET(nl_terms, en_terms)                                                               \
	"{\"id\": \"head-test\", \"version\": \"1\", \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"   \
	" \"concepts\": {\"c\": {\"nl\": [" nl_terms "], \"en\": [" en_terms "]}},\n"                  \
	" \"rules\": [{\"id\": \"R-1\", \"area\": \"R\", \"severity\": \"high\",\n"                    \
	"   \"title\": {\"nl\": \"t\", \"en\": \"t\"}, \"met\": [{\"all\": [\"c\"]}]}]}\n"

typedef struct {
	char got[1024]; /* "term@first-last;" for every match, in scan order */
	size_t n;
} S_hits;

static void S_hit(void *ud, const tl_rterm *t, uint32_t a, uint32_t b)
{
	S_hits *h = ud;
	size_t len = strlen(h->got);
	snprintf(h->got + len, sizeof h->got - len, "%s@%u-%u;", t->text, a, b);
	h->n++;
}

/* The matches of the one-sentence text, by the index; the brute scan must agree. */
static void S_scan(const char *text, tl_lang lang, S_hits *out)
{
	memset(out, 0, sizeof *out);
	tl_limits lim = TL_LIMITS_INIT;
	tl_error err = TL_ERROR_INIT;
	tl_document *d = tl_doc_new("t.txt", TL_FORMAT_TEXT, &lim);
	tl_annotated *a = NULL;
	if (!d || !tl_doc_add_para(d, TL_PARA_BODY, "text", 0, text, strlen(text), &err) ||
	    tl_doc_finish(d, &err) != 0 || tl_annotate(&a, d, &err) != 0) {
		T_OK(0, "cannot annotate \"%s\": %s", text, err.message);
		tl_document_free(d);
		return;
	}
	S_hits brute;
	memset(&brute, 0, sizeof brute);
	for (uint32_t i = 0; i < a->nsent; i++) {
		a->sent[i].lang = (uint8_t)lang;
		tl_index_scan(S_rs, a, &a->sent[i], S_hit, out);
		tl_index_scan_brute(S_rs, a, &a->sent[i], S_hit, &brute);
	}
	T_INT(out->n, brute.n);
	tl_annotated_free(a);
	tl_document_free(d);
}

static void S_expect(const char *text, tl_lang lang, const char *want)
{
	S_hits h;
	S_scan(text, lang, &h);
	T_OK(!strcmp(h.got, want), "\"%s\": got \"%s\", want \"%s\"", text, h.got, want);
}

static void test_matches(void)
{
	/* the head of a compound, singular and plural (the stem's end) */
	S_expect("Het Toewijzingsalgoritme wordt jaarlijks geëvalueerd.", TL_LANG_NL,
	         "*algoritme@1-2;");
	S_expect("De toewijzingsalgoritmen worden jaarlijks geëvalueerd.", TL_LANG_NL,
	         "*algoritme@1-2;");
	/* not the bare head (its own term matches it), nor a word that only contains it */
	S_expect("Het algoritme wordt jaarlijks geëvalueerd.", TL_LANG_NL, "algoritme@1-2;");
	S_expect("De algoritmeversie wordt vastgelegd.", TL_LANG_NL, "");
	/* a head as the second word of a term, and a term that starts with a head */
	S_expect("Leverancier neemt geanonimiseerde salarisgegevens op.", TL_LANG_NL,
	         "geanonimiseerde *gegevens@2-4;*gegevens@3-4;");
	S_expect("De persoonsgegevens van Opdrachtgever blijven in Nederland.", TL_LANG_NL,
	         "*gegevens@1-2;*gegevens van opdrachtgever@1-4;");
	S_expect("De gegevens van Opdrachtgever blijven in Nederland.", TL_LANG_NL, "");
	/* each term belongs to its language */
	S_expect("The firmware is updated monthly.", TL_LANG_EN, "*ware@1-2;");
	S_expect("The firmware is updated monthly.", TL_LANG_NL, "");
	S_expect("The ware is sold.", TL_LANG_EN, "");
}

static void S_bad(const char *terms, const char *msg)
{
	char text[1024];
	snprintf(text, sizeof text, RULESET("%s", "\"x\""), terms);
	const char *p = fx_tmp_write("bad.json", text);
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	tl_diag d = {0, 0, NULL, NULL, 1};
	T_INT(tl_rules_load(&rs, p, &d, &err), TL_ERULESET);
	T_OK(strstr(err.message, msg) != NULL, "%s: message \"%s\" lacks \"%s\"", terms, err.message,
	     msg);
	tl_ruleset_free(rs);
}

static void test_errors(void)
{
	S_bad("\"*ab\"", "at least three letters");
	S_bad("\"*algo*\"", "cannot also be a prefix");
	S_bad("\"*wifi-tellingen\"", "must be one word");
	S_bad("\"*2024\"", "must be one word");
}

int main(void)
{
	if (fx_tmp_open("head"))
		return 1;
	const char *p = fx_tmp_write("head.json",
	                        RULESET("\"*algoritme\", \"*gegevens\", \"geanonimiseerde *gegevens\", "
	                                "\"*gegevens van opdrachtgever\", \"algoritme\"",
	                                "\"*ware\""));
	tl_error err = TL_ERROR_INIT;
	if (!p || tl_rules_load(&S_rs, p, NULL, &err) != 0) {
		fprintf(stderr, "cannot load the test ruleset: %s\n", err.message);
		return 1;
	}
	test_matches();
	test_errors();
	tl_ruleset_free(S_rs);
	fx_tmp_remove();
	T_DONE();
}
