/* The fast paths of src/analyze/quantities.c and tl_text_decimal must give
 * what the plain code gave:
 * - tl_text_decimal is strtod, bit for bit, on strings of digits and dots;
 * - a word's class is worked out once (tl_word.num_known) and a token is
 *   only tried against the vague-time and efforts phrases when its word may
 *   start one: every phrase of both lists still sets its flag, also when its
 *   words were seen before in another role, and number words, digits with
 *   separators, money, percentages and counts keep their values (compared
 *   exactly where a naive m * 0.1 would differ). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"
#include "text/text.h"

static void test_decimal(void)
{
	static const char *const ex[] = {
		"0", "5", "5.", ".5", "0.3", "1.15", "99.95", "0.1", "123456789.123456789",
		"9007199254740992", "9007199254740993", "9007199254740993.5", "18014398509481985",
		"999999999999999999", "9999999999999999999", "123456789012345678901234",
		"1.0000000000000000000001", "1.00000000000000000000001", "0.0000000000000000000000123",
		"000000000000000000001.5", "1.2.3", "1..2", "12.345.678", "", ".", "..", NULL};
	for (int i = 0; ex[i]; i++) {
		double a = tl_text_decimal(ex[i]), b = strtod(ex[i], NULL);
		T_OK(memcmp(&a, &b, sizeof a) == 0, "\"%s\": %.17g, strtod %.17g", ex[i], a, b);
	}
	/* random strings of digits and at most three dots */
	srand(4242);
	char buf[40];
	int bad = 0;
	for (int k = 0; k < 200000; k++) {
		size_t len = 1 + (size_t)(rand() % 28);
		int dots = 0;
		for (size_t i = 0; i < len; i++) {
			int r = rand() % 12;
			buf[i] = r == 0 && dots < 3 ? (dots++, '.') : (char)('0' + rand() % 10);
		}
		buf[len] = '\0';
		double a = tl_text_decimal(buf), b = strtod(buf, NULL);
		if (memcmp(&a, &b, sizeof a) != 0 && bad++ < 5)
			fprintf(stderr, "\"%s\": %.17g, strtod %.17g\n", buf, a, b);
	}
	T_INT(bad, 0);
}

/* The flags of all sentences of text or'ed together. */
static uint32_t S_flags(const char *text)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	uint32_t f = 0;
	for (uint32_t k = 0; a && k < a->nsent; k++)
		f |= a->sent[k].flags;
	tl_annotated_free(a);
	tl_document_free(d);
	return f;
}

static void test_phrases(void)
{
	static const char *const vague[] = {
		"zo spoedig mogelijk", "zo snel mogelijk", "zo spoedig als mogelijk",
		"zo snel als redelijkerwijs", "onverwijld", "zonder onredelijke vertraging",
		"zonder onnodige vertraging", "zonder vertraging", "onmiddellijk", "terstond", "tijdig",
		"tijdige", "binnen een redelijke termijn", "binnen redelijke termijn",
		"without undue delay", "without unreasonable delay", "without delay",
		"as soon as possible", "as soon as practicable", "as soon as reasonably possible",
		"as soon as reasonably practicable", "asap", "promptly", "immediately", "forthwith",
		"in a timely manner", "in a timely fashion", "timely", "in good time",
		"within a reasonable time", "within a reasonable period", "within a reasonable timeframe",
		"within reasonable time", "Zo Spoedig Mogelijk", "ONVERWIJLD", NULL};
	static const char *const efforts[] = {
		"reasonable efforts", "reasonable endeavours", "reasonable endeavors",
		"all reasonable efforts", "commercially reasonable", "best efforts", "best endeavours",
		"endeavour to", "endeavor to", "endeavours to", "endeavors to", "strive to",
		"strives to", "inspanningsverplichting", "inspanningsverplichtingen",
		"inspanningsverbintenis", "zich inspannen", "spant zich in", "spannen zich in",
		"zich naar beste vermogen", "naar beste vermogen", "streeft ernaar", "streven ernaar",
		"streeft naar", "streven naar", "redelijke inspanningen", "alle redelijke inspanningen",
		"tracht", "trachten", "to the extent reasonably possible",
		"to the extent reasonably practicable", "voor zover redelijkerwijs mogelijk", NULL};
	char text[512];
	for (int i = 0; vague[i]; i++) {
		/* the phrase's words first elsewhere in the text (their class is then
		 * known before the phrase is met), then the phrase */
		snprintf(text, sizeof text,
		         "Het %s is een woord.\nDe leverancier meldt het incident %s aan de klant.\n",
		         vague[i], vague[i]);
		T_OK(S_flags(text) & TL_SENT_VAGUE_TIME, "vague: %s", vague[i]);
		T_OK(!(S_flags(text) & TL_SENT_EFFORTS), "vague is no effort: %s", vague[i]);
	}
	for (int i = 0; efforts[i]; i++) {
		snprintf(text, sizeof text, "De leverancier %s de dienst te leveren.\n", efforts[i]);
		T_OK(S_flags(text) & TL_SENT_EFFORTS, "efforts: %s", efforts[i]);
	}
	/* near misses set nothing */
	static const char *const none[] = {
		"De leverancier levert spoedig.", "Binnen tien dagen levert de leverancier.",
		"Zo mogelijk levert de leverancier.", "The Supplier shall deliver the timeline.",
		"De inspanning is groot.", "The Supplier strives.", NULL};
	for (int i = 0; none[i]; i++)
		T_OK(!(S_flags(none[i]) & (TL_SENT_VAGUE_TIME | TL_SENT_EFFORTS)), "no flag: %s", none[i]);
}

/* The quantities of text, each kind:value[:currency] separated by spaces, in
 * sentence order. */
static void S_quants(const char *text, char *out, size_t cap)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	size_t o = 0;
	out[0] = '\0';
	for (uint32_t k = 0; a && k < a->nsent; k++)
		for (uint32_t i = 0; i < a->sent[k].nq && o + 64 < cap; i++) {
			const tl_quantity *q = &a->sent[k].q[i];
			o += (size_t)snprintf(out + o, cap - o, "%s%d:%.17g%s%s", o ? " " : "", (int)q->kind,
			                      q->value, q->currency ? ":" : "", q->currency ? q->currency : "");
		}
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_numbers(void)
{
	static const struct {
		const char *text, *want;
	} ex[] = {
		/* Dutch and English number words, compounds, articles before a unit only */
		{"Binnen vierentwintig uur.", "1:24"},
		{"Binnen tweeënzeventig uur en vijfenvijftig minuten.", "1:72 1:0.91666666666666663"},
		{"Within twenty-four hours.", "1:24"},
		{"Within ninety-nine days.", "1:2376"},
		{"Within one (1) month and vijf (5) werkdagen.", "1:720 1:120"},
		/* digits first, the same number in words in brackets (s9 ask 14) */
		{"Binnen 48 (achtenveertig) uur.", "1:48"},
		{"Within 5 (five) days and 24 (twenty-four) hours.", "1:120 1:24"},
		{"Within 30 (thirty) days.", "1:720"},
		/* other words in brackets, or another number, are no second spelling */
		{"Binnen 48 (zie bijlage) uur.", ""},
		{"Within 5 (six) days.", ""},
		{"Binnen een week, niet een overzicht.", "1:168"},
		{"Within a month, not an overview.", "1:720"},
		{"Twee maal, drie keer, three times, 4 x.", "4:2 4:3 4:3 4:4"},
		{"Een keer is geen telling.", ""},
		{"Anderhalf jaar en een half uur.", "1:13140 1:0.5"},
		{"Een kind van 13 years of age en 18 jaar oud.", ""},
		/* digits with separators, money and percentages */
		{"Maximaal € 1.000.000 per jaar.", "2:1000000:EUR"},
		{"Up to EUR 500,000 or USD 2.5 million.", "2:500000:EUR 2:2500000:USD"},
		{"Tot 1.500,50 euro of 12.345.678,90 euro.", "2:1500.5:EUR 2:12345678.9:EUR"},
		{"Ten minste 99,5 procent, 0,3 procent of 1,15 pct.", "3:99.5 3:0.29999999999999999 3:1.1499999999999999"},
		{"At least 99.95% and 0.1 per cent.", "3:99.950000000000003 3:0.10000000000000001"},
		{"Binnen 48h, 2,5 uur of 1.000 jaar.", "1:48 1:2.5 1:8760000"},
		{"Binnen 123456789012345678901 dagen.", "1:2.9629629362962967e+21"},
		{"Binnen three months' notice and one month's notice.", "1:2160 1:720"},
		{"Zie artikel 5 lid 2 en een overzicht van de partijen.", ""},
	};
	char got[1024];
	for (size_t i = 0; i < sizeof ex / sizeof *ex; i++) {
		S_quants(ex[i].text, got, sizeof got);
		T_STR(got, ex[i].want);
	}
	/* all of them in one document, twice: the second time every word's class is known */
	char all[8192];
	size_t o = 0;
	for (int r = 0; r < 2; r++)
		for (size_t i = 0; i < sizeof ex / sizeof *ex; i++)
			o += (size_t)snprintf(all + o, sizeof all - o, "%s\n", ex[i].text);
	char want[4096];
	size_t w = 0;
	for (int r = 0; r < 2; r++)
		for (size_t i = 0; i < sizeof ex / sizeof *ex; i++)
			if (ex[i].want[0])
				w += (size_t)snprintf(want + w, sizeof want - w, "%s%s", w ? " " : "", ex[i].want);
	char big[4096];
	S_quants(all, big, sizeof big);
	T_STR(big, want);
}

int main(void)
{
	test_decimal();
	test_phrases();
	test_numbers();
	return T_DONE();
}
