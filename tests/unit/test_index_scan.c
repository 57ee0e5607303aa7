/* test_index_scan.c: the term index's scan (src/rules/compile.c) finds
 * exactly what trying every term at every token finds (tl_index_scan_brute),
 * with and without its per-word memo, on sentences chosen against its
 * filters: terms that share a first word and differ in the second (same
 * first byte, same first two bytes, one-byte second words), separable verbs
 * ("draagt ... over"), prefixes of one and of more bytes, exact forms
 * ("AVG", one-byte "Q"), punctuation between the words, words at the end
 * of a sentence; in Dutch and English; a first word heading 25 terms (a
 * long list, looked up by signature), and the built-in ruleset's; and in
 * the order of a scan of every term's first word, also for the terms listed
 * under a rarer later word (keyed postings). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annot_fixture.h"
#include "harness.h"
#include "rules/index_int.h"
#include "rules/rules.h"
#include "tenderlint.h"

static const char S_ruleset[] =
	"{\"id\": \"index-scan\", \"version\": \"0.1.0\",\n"
	" \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"
	" \"concepts\": {\n"
	"  \"de\": {\"nl\": [\"de\", \"de gegevens\", \"de gegeven\", \"de gebruiker\", \"de derde\","
	" \"de derden\", \"de d\", \"de a*\", \"de ge*\", \"de g*\", \"de \\\"AVG\\\"\", \"de \\\"Q\\\"\","
	" \"de \\\"AV\\\"\", \"de gegevens van derden\", \"de gegevens van de klant\","
	" \"de een\", \"de twee\", \"de drie\","
	" \"de vier\", \"de vijf\", \"de zes\", \"de zeven\", \"de acht\", \"de negen\", \"de tien\"]},\n"
	"  \"in\": {\"nl\": [\"in het bijzonder\", \"in het geval\", \"in hetzelfde\", \"in de zin van\","
	" \"in de\", \"in d*\", \"in verwerk*\", \"in v*\"]},\n"
	"  \"niet\": {\"nl\": [\"niet\", \"niet meer\", \"niet mee\", \"niet m*\", \"niet-nakoming\"]},\n"
	"  \"sep\": {\"nl\": [\"draagt ... over\", \"draag ... over\", \"zet ... voort\", \"stelt ... ter beschikking\","
	" \"gaat ... akkoord\", \"gaat ... door\"]},\n"
	"  \"prefix\": {\"nl\": [\"verwerk*\", \"verwerk* gegevens\", \"v* gegevens\", \"sub-verwerk*\"]},\n"
	"  \"exact\": {\"nl\": [\"\\\"AVG\\\"\", \"\\\"AVG\\\" artikel\", \"\\\"Q\\\"\", \"\\\"Q\\\" \\\"Q\\\"\","
	" \"\\\"AVG\\\" \\\"Q\\\"\"], \"en\": [\"\\\"GDPR\\\"\", \"\\\"GDPR\\\" article\", \"\\\"Q\\\" a\"]},\n"
	"  \"the\": {\"en\": [\"the\", \"the data\", \"the database\", \"the customer data\", \"the customer\","
	" \"the c*\", \"the cu*\", \"the \\\"GDPR\\\"\", \"the \\\"G\\\"\", \"the a\", \"the i\", \"the supplier\", \"the suppl*\"]},\n"
	"  \"en-other\": {\"en\": [\"in particular\", \"in part\", \"in p*\", \"not\", \"not sell\", \"not s*\","
	" \"a\", \"a b\", \"at all\", \"hand ... over\", \"turn ... off\", \"process*\", \"process* the data\","
	" \"sub-process*\"]}\n"
	" },\n"
	" \"rules\": [{\"id\": \"R-1\", \"area\": \"R\", \"severity\": \"high\","
	" \"title\": {\"nl\": \"t\", \"en\": \"t\"}, \"met\": [{\"all\": [\"de\"]}]}]}\n";

static const char S_text[] =
	"De gegevens van derden worden niet meer verwerkt door de gebruiker.\n"
	"De derde ontvangt de gegeven antwoorden en de d van de AVG, de AV en de Q.\n"
	"Opdrachtnemer draagt de Gegevens over aan Opdrachtgever en draagt zorg voor een rapport over de "
	"Gegevens.\n"
	"Leverancier zet de dienstverlening voort; hij stelt de broncode ter beschikking, en gaat daarmee "
	"akkoord.\n"
	"In het bijzonder in het geval van verwerking, in hetzelfde jaar, in de zin van de wet: in de "
	"verwerkingen en in verwerkte gegevens, in vorm.\n"
	"Opdrachtnemer verwerkt gegevens, vaak gegevens, en sub-verwerkers verwerken niets; niet mee, "
	"niet-nakoming, niet mogelijk, niet.\n"
	"AVG artikel 28 geldt; de AVG, Q Q en AVG Q, en avg en Avg niet.\n"
	"Opdrachtnemer draagt, na afloop, alle Gegevens van de Opdrachtgever over.\n"
	"De, gegevens. De - gegevens van - derden.\n"
	"Wij gaan de leveringsvoorwaarden niet door en gaan daar niet mee akkoord\n"
	"The Supplier shall not sell the data, the database or the customer data to the customer.\n"
	"In particular, the GDPR article 28 applies in part and in practice, not at all to the G.\n"
	"The Supplier shall hand the data over and turn the cameras off; it processes the data.\n"
	"A b c, a, the a and the i and the custom clauses; sub-processors process the data.\n"
	"Q a GDPR; the Customer, the customers and the cust.\n"
	"Not selling, not sold, not s, not.\n";

typedef struct {
	uint64_t *v;
	size_t n, a;
	uint64_t h; /* the calls in order */
	const tl_ruleset *rs;
} S_calls;

static void S_collect(void *ud, const tl_rterm *t, uint32_t a, uint32_t b)
{
	S_calls *c = ud;
	if (c->n == c->a) {
		size_t na = c->a ? c->a * 2 : 64;
		uint64_t *nv = realloc(c->v, na * sizeof *nv);
		if (!nv)
			return;
		c->v = nv;
		c->a = na;
	}
	uint64_t x = (uint64_t)(t - c->rs->terms) << 32 | (uint64_t)a << 16 | b;
	c->v[c->n++] = x;
	c->h = (c->h ^ x) * 1099511628211ull;
}

static int S_cmp(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* 1 when the index scan (no memo) finds the term written `term` at tokens
 * [start, end) of sentence `sent`. */
static int S_found(const tl_ruleset *rs, const tl_annotated *a, uint32_t sent, const char *term,
                   uint32_t start, uint32_t end)
{
	S_calls c = {NULL, 0, 0, 0, rs};
	tl_index_scan(rs, a, &a->sent[sent], S_collect, &c);
	int found = 0;
	for (size_t k = 0; k < c.n; k++) {
		const tl_rterm *t = &rs->terms[c.v[k] >> 32];
		found |= !strcmp(t->text, term) && (uint32_t)(c.v[k] >> 16 & 0xFFFF) == start &&
		         (uint32_t)(c.v[k] & 0xFFFF) == end;
	}
	free(c.v);
	return found;
}

/* The order the scan reports the terms of a sentence in (index_int.h,
 * tl_ix_group): by start token, then the first word's lookup group (stem,
 * exact form, prefix and head lengths), then ruleset order, which is the
 * order of a scan of every term's first word, also for the terms the index
 * lists under a later word. */
static const tl_ruleset *S_order_rs;

static int S_cmp_report(const void *x, const void *y)
{
	uint64_t p = *(const uint64_t *)x, q = *(const uint64_t *)y;
	uint32_t pa = (uint32_t)(p >> 16 & 0xFFFF), qa = (uint32_t)(q >> 16 & 0xFFFF);
	if (pa != qa)
		return pa < qa ? -1 : 1;
	uint32_t pg = tl_ix_group(S_order_rs->index, &S_order_rs->terms[p >> 32]);
	uint32_t qg = tl_ix_group(S_order_rs->index, &S_order_rs->terms[q >> 32]);
	if (pg != qg)
		return pg < qg ? -1 : 1;
	return (p >> 32) < (q >> 32) ? -1 : (p >> 32) > (q >> 32);
}

/* Every sentence of a: the index scan finds the brute scan's set, without
 * and with the memo (one for all sentences, as a scan thread has), and the
 * memo changes no call or its order; returns the number of matches. */
static size_t S_same_as_brute(const tl_ruleset *rs, const tl_annotated *a)
{
	tl_index_memo *memo = tl_index_memo_new();
	T_OK(memo != NULL, "memo");
	uint32_t differ = 0, order = 0, reported = 0;
	size_t total = 0;
	for (uint32_t i = 0; i < a->nsent; i++) {
		S_calls x = {NULL, 0, 0, 0, rs}, y = {NULL, 0, 0, 0, rs}, z = {NULL, 0, 0, 0, rs};
		tl_index_scan(rs, a, &a->sent[i], S_collect, &x);
		tl_index_scan_memo(rs, a, &a->sent[i], memo, S_collect, &z);
		tl_index_scan_brute(rs, a, &a->sent[i], S_collect, &y);
		order += x.h != z.h || x.n != z.n;
		/* in the report order: brute force's calls sorted so */
		if (y.n) {
			S_order_rs = rs;
			uint64_t *yo = malloc(y.n * sizeof *yo);
			T_OK(yo != NULL, "malloc");
			if (yo) {
				memcpy(yo, y.v, y.n * sizeof *yo);
				qsort(yo, y.n, sizeof *yo, S_cmp_report);
				reported += x.n != y.n || memcmp(x.v, yo, y.n * sizeof *yo);
				free(yo);
			}
		}
		if (x.n)
			qsort(x.v, x.n, sizeof *x.v, S_cmp);
		if (y.n)
			qsort(y.v, y.n, sizeof *y.v, S_cmp);
		total += y.n;
		if (x.n != y.n || (x.n && memcmp(x.v, y.v, x.n * sizeof *x.v))) {
			differ++;
			fprintf(stderr, "sentence %u: index %zu terms, brute %zu\n", i, x.n, y.n);
			for (size_t k = 0; k < y.n; k++)
				if (!x.n || !bsearch(&y.v[k], x.v, x.n, sizeof *x.v, S_cmp))
					fprintf(stderr, "  missed: %s at %u-%u\n", rs->terms[y.v[k] >> 32].text,
					        (unsigned)(y.v[k] >> 16 & 0xFFFF), (unsigned)(y.v[k] & 0xFFFF));
		}
		free(x.v);
		free(y.v);
		free(z.v);
	}
	tl_index_memo_free(memo);
	T_INT(differ, 0);
	T_INT(order, 0);
	T_INT(reported, 0);
	return total;
}

int main(void)
{
	char path[] = "/tmp/tl_index_scan_XXXXXX";
	int fd = mkstemp(path);
	T_OK(fd >= 0, "mkstemp");
	if (fd < 0)
		return T_DONE();
	T_INT(write(fd, S_ruleset, sizeof S_ruleset - 1), (long long)(sizeof S_ruleset - 1));
	close(fd);
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	int rc = tl_rules_load(&rs, path, NULL, &err);
	unlink(path);
	T_OK(rc == 0, "load: %s:%ld:%ld: %s", err.path ? err.path : "", err.line, err.col,
	     err.message ? err.message : "");
	if (rc != 0)
		return T_DONE();
	tl_document *d = fx_doc(S_text);
	tl_annotated *a = NULL;
	T_OK(d && tl_annotate(&a, d, &err) == 0, "annotate");
	if (!a) {
		tl_document_free(d);
		tl_ruleset_free(rs);
		return T_DONE();
	}
	size_t total = S_same_as_brute(rs, a);
	T_OK(total >= 80, "only %zu term matches", total);
	/* and with the built-in ruleset's long lists ("de", "in", "niet", "the",
	 * "not" head dozens of terms each: looked up by signature) */
	tl_ruleset *def = NULL;
	T_INT(tl_rules_load(&def, NULL, NULL, &err), 0);
	if (def) {
		total = S_same_as_brute(def, a);
		T_OK(total >= 80, "only %zu term matches with the built-in ruleset", total);
		tl_ruleset_free(def);
	}
	/* a few of the cases the filters must let through, by name */
	T_OK(a->nsent >= 19, "sentences: %u", a->nsent);
	if (a->nsent >= 19) {
		T_OK(S_found(rs, a, 0, "de gegevens van derden", 0, 4), "de gegevens van derden");
		T_OK(S_found(rs, a, 1, "de d", 7, 9), "a one-byte stem after 'de'");
		T_OK(S_found(rs, a, 1, "de \"Q\"", 16, 18), "a one-byte exact form after 'de'");
		T_OK(S_found(rs, a, 9, "de \"Q\"", 0, 4), "'de' with one word between: de AVG, Q");
		T_OK(S_found(rs, a, 2, "draagt ... over", 1, 5), "draagt ... over");
		T_OK(S_found(rs, a, 10, "draagt ... over", 1, 12), "draagt, na afloop, ... over");
		T_OK(S_found(rs, a, 5, "in v*", 28, 30), "a one-byte prefix after 'in'");
		T_OK(S_found(rs, a, 12, "de gegevens van derden", 0, 6), "punctuation between the words");
		T_OK(S_found(rs, a, 16, "hand ... over", 3, 7), "hand ... over");
		T_OK(S_found(rs, a, 18, "the i", 9, 11), "a one-byte English stem after 'the'");
		T_OK(S_found(rs, a, 15, "the \"G\"", 18, 20), "a one-byte exact form at the end");
	}
	tl_annotated_free(a);
	tl_document_free(d);
	/* a sentence of more than 4,096 words (scanned without the memo's word
	 * list) finds the same */
	size_t cap = 6000 * 16 + 1, len = 0;
	char *big = malloc(cap);
	T_OK(big != NULL, "malloc");
	for (int k = 0; big && k < 6000; k++)
		len += (size_t)snprintf(big + len, cap - len, "%s", k % 3 ? "de gegevens " : "niet meer ");
	d = big ? fx_doc(big) : NULL;
	free(big);
	a = NULL;
	T_OK(d && tl_annotate(&a, d, &err) == 0, "annotate the long sentence");
	if (a) {
		uint32_t longest = 0;
		for (uint32_t i = 0; i < a->nsent; i++)
			longest = a->sent[i].ntok > longest ? a->sent[i].ntok : longest;
		T_OK(longest > 4096, "longest sentence: %u tokens", longest);
		T_OK(S_same_as_brute(rs, a) > 4000, "matches in the long sentence");
	}
	tl_annotated_free(a);
	tl_document_free(d);
	tl_ruleset_free(rs);
	return T_DONE();
}
