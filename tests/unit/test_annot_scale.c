/* The annotation's cost grows linearly with the document: a contract of
 * 600 articles takes about four times as long as one of 150, never eight (and
 * well under the 5 s CPU sanity bound even in a Debug or sanitizer build).
 * Ratios, not absolute times, so a loaded machine does not fail the test. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "annot_fixture.h"
#include "harness.h"
#include "util/buf.h"

static const char *const S_nl[] = {
	"Opdrachtnemer voert de werkzaamheden uit met de zorg die van een goed opdrachtnemer mag "
	"worden verwacht.",
	"Opdrachtnemer verstrekt binnen %d werkdagen na een verzoek van Opdrachtgever een rapportage.",
	"Opdrachtnemer zal de Gegevens niet verkopen, tenzij Opdrachtgever daarvoor voorafgaand "
	"schriftelijk toestemming geeft.",
	"Facturen worden binnen %d dagen na ontvangst betaald, mits zij voldoen aan de eisen uit "
	"artikel 4.",
	"Indien een Partij tekortschiet in de nakoming, stelt de andere Partij haar schriftelijk in "
	"gebreke.",
	"The Supplier shall not disclose Customer Data except on the Customer's documented "
	"instructions; the Supplier may use aggregated data.",
};

static double S_cpu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Builds a contract of n articles and returns the best CPU time of two runs. */
static double S_time(int n, uint32_t *nsent)
{
	tl_buf b = TL_BUF_INIT(0);
	tl_buf_puts(&b, "Opdrachtgever: de Gemeente (hierna: \"Opdrachtgever\"). Opdrachtnemer: de "
	                "leverancier (hierna: \"Opdrachtnemer\").\n");
	for (int a = 1; a <= n; a++) {
		tl_buf_printf(&b, "# Artikel %d Onderwerp\n", a);
		for (int c = 0; c < 6; c++) {
			char line[512];
			snprintf(line, sizeof line, S_nl[(a + c) % 6], (a * 7 + c) % 30 + 1);
			tl_buf_printf(&b, "%s %s\n", line, S_nl[(a * 3 + c) % 6][0] == 'T' ? "" : line);
		}
	}
	tl_document *d = fx_doc(b.data);
	tl_buf_free(&b);
	double best = 1e9;
	for (int r = 0; r < 2 && d; r++) {
		tl_annotated *a = NULL;
		tl_error err = TL_ERROR_INIT;
		double t0 = S_cpu();
		int rc = tl_annotate(&a, d, &err);
		double t = S_cpu() - t0;
		T_INT(rc, 0);
		if (a)
			*nsent = a->nsent;
		tl_annotated_free(a);
		if (t < best)
			best = t;
	}
	tl_document_free(d);
	return best;
}

/* One paragraph of `bytes` bytes repeating `unit`: a hostile file's shape. */
static double S_time_para(const char *unit, size_t bytes)
{
	size_t ul = strlen(unit), len = 0;
	char *buf = malloc(bytes + ul + 1);
	if (!buf)
		return 0;
	while (len < bytes) {
		memcpy(buf + len, unit, ul);
		len += ul;
	}
	buf[len] = '\0';
	double t0 = S_cpu();
	tl_document *d;
	tl_annotated *a = fx_annotate(buf, &d);
	double t = S_cpu() - t0;
	T_OK(a != NULL, "a long paragraph annotates");
	tl_annotated_free(a);
	tl_document_free(d);
	free(buf);
	return t;
}

int main(void)
{
	/* long single paragraphs stay linear too: many ';' items, many aliases and exceptions */
	static const char *const units[] = {
		"x; ", "tenzij Opdrachtnemer niet hij zonder toestemming van Opdrachtgever geen it ",
		"the Supplier's consent (hierna: \"X\") means XX-XX-XXXX [x] ..... GIBIT 2023 geldt. "};
	for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
		double p1 = S_time_para(units[u], 100000), p4 = S_time_para(units[u], 400000);
		T_OK(p4 < 8.0 * p1 + 0.1, "unit %zu: 400 kB took %.3f s, 100 kB %.3f s", u, p4, p1);
	}

	uint32_t s1 = 0, s4 = 0;
	double t1 = S_time(150, &s1);
	double t4 = S_time(600, &s4);
	printf("150 articles: %u sentences, %.3f s CPU; 600 articles: %u sentences, %.3f s CPU\n", s1,
	       t1, s4, t4);
	T_OK(s4 > 3 * s1, "four times the text gives about four times the sentences (%u, %u)", s1, s4);
	/* linear: four times the text within eight times the time (quadratic would be 16) */
	T_OK(t4 < 8.0 * t1 + 0.1, "600 articles took %.3f s, 150 took %.3f s", t4, t1);
	T_OK(t4 < 5.0, "600 articles in %.3f s CPU", t4);
	return T_DONE();
}
