/* test_annot_threads.c: a document annotated and matched on two threads
 * gives exactly what one thread gives: every unit's modality, bound party,
 * flags, subject, lead-in, exceptions, quantities and token marks, the
 * concept occurrences, and the whole report (tl_check_document with
 * tl_check_options.threads 1 and 2), and the prefilter scan with and
 * without its per-word memo, on a synthetic contract with lists,
 * lead-ins, ';' items and coordinated units, and on the samples. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "cJSON.h"
#include "harness.h"
#include "rules/rules.h"
#include "tenderlint.h"
#include "util/buf.h"

static const char *const S_lines[] = {
	"Opdrachtnemer verstrekt binnen %d werkdagen na een verzoek van Opdrachtgever een rapportage.",
	"Opdrachtnemer zal de Gegevens niet verkopen, tenzij Opdrachtgever daarvoor voorafgaand "
	"schriftelijk toestemming geeft.",
	"Opdrachtnemer zal:",
	"- de Gegevens uitsluitend binnen de Europese Economische Ruimte verwerken;",
	"- beveiligingsincidenten binnen %d uur melden aan Opdrachtgever;",
	"- geen subverwerkers inschakelen zonder voorafgaande schriftelijke toestemming.",
	"Facturen worden binnen %d dagen na ontvangst betaald, mits zij voldoen aan de eisen uit "
	"artikel 4; de boete bedraagt EUR %d.000 per dag.",
	"The Supplier shall not disclose Customer Data except on the Customer's documented "
	"instructions, but may use aggregated data for analytics.",
	"The Supplier shall: (a) keep the data in the EU; (b) notify breaches within %d hours; (c) "
	"delete the data at the end of the agreement.",
	"Leverancier kan de dienstverlening naar eigen inzicht wijzigen, voor zover dat redelijk is.",
	"| Opdrachtnemer levert een exitplan binnen %d maanden. | Opdrachtgever beoordeelt het plan. |",
};

/* A contract of n articles of the lines above; the caller frees it. */
static char *S_contract(int n)
{
	tl_buf b = TL_BUF_INIT(0);
	tl_buf_puts(&b, "Opdrachtgever: de Gemeente (hierna: \"Opdrachtgever\"). Opdrachtnemer: de "
	                "leverancier (hierna: \"Opdrachtnemer\").\n\"Gegevens\": alle gegevens die "
	                "Opdrachtnemer verwerkt.\n");
	size_t nl = sizeof S_lines / sizeof *S_lines;
	for (int a = 1; a <= n; a++) {
		tl_buf_printf(&b, "# Artikel %d Verplichtingen\n", a);
		for (size_t c = 0; c < nl; c++) {
			char line[1024];
			snprintf(line, sizeof line, S_lines[(a + c) % nl], (a * 7 + (int)c) % 30 + 1,
			         a % 9 + 1);
			/* keep the lead-in before its items */
			if (strstr(S_lines[(a + c) % nl], "zal:"))
				snprintf(line, sizeof line, "%s", S_lines[(a + c) % nl]);
			tl_buf_printf(&b, "%s\n", line);
		}
	}
	char *s = b.data ? strdup(b.data) : NULL;
	tl_buf_free(&b);
	return s;
}

/* The number of differences between two annotations of the same document. */
static int S_diff_annot(const tl_annotated *x, const tl_annotated *y)
{
	int d = 0;
	if (x->nsent != y->nsent || x->nterms != y->nterms || x->nph != y->nph || x->nfw != y->nfw ||
	    x->lang != y->lang || x->flags != y->flags)
		return 1;
	for (uint32_t k = 0; k < x->nsent; k++) {
		const tl_sentence *s = &x->sent[k], *t = &y->sent[k];
		int sd = s->para != t->para || s->start != t->start || s->end != t->end ||
		         s->modality != t->modality || s->bound != t->bound || s->flags != t->flags ||
		         s->subject != t->subject || s->unit != t->unit || s->lead_para != t->lead_para ||
		         s->ntok != t->ntok || s->nexc != t->nexc || s->nq != t->nq;
		for (uint32_t i = 0; !sd && i < s->ntok; i++)
			sd = s->tok[i].flags != t->tok[i].flags || s->tok[i].term != t->tok[i].term ||
			     s->tok[i].start != t->tok[i].start || strcmp(s->tok[i].fold, t->tok[i].fold) ||
			     strcmp(s->tok[i].stem ? s->tok[i].stem : "", t->tok[i].stem ? t->tok[i].stem : "");
		for (uint32_t e = 0; !sd && e < s->nexc; e++)
			sd = s->exc[e].kind != t->exc[e].kind || s->exc[e].tok_start != t->exc[e].tok_start ||
			     s->exc[e].tok_end != t->exc[e].tok_end;
		for (uint32_t q = 0; !sd && q < s->nq; q++)
			sd = s->q[q].kind != t->q[q].kind || s->q[q].value != t->q[q].value ||
			     s->q[q].tok_start != t->q[q].tok_start || s->q[q].tok_end != t->q[q].tok_end ||
			     (s->q[q].currency == NULL) != (t->q[q].currency == NULL);
		if (sd && d++ < 3)
			fprintf(stderr, "unit %u differs\n", k);
	}
	return d;
}

/* Every call of a scan, in order. */
typedef struct {
	uint64_t h;
	uint32_t n;
} S_calls;

static void S_on_term(void *ud, const tl_rterm *t, uint32_t a, uint32_t b)
{
	S_calls *c = ud;
	c->h = (c->h ^ (uint64_t)(uintptr_t)t) * 1099511628211ull;
	c->h = (c->h ^ ((uint64_t)a << 32 | b)) * 1099511628211ull;
	c->n++;
}

/* The prefilter scan with a memo of lookups per word makes the same calls
 * in the same order as without it. */
static void S_scan_memo(const tl_ruleset *rs, const tl_annotated *a)
{
	tl_index_memo *memo = tl_index_memo_new();
	T_OK(memo != NULL, "memo");
	uint32_t differ = 0, calls = 0;
	for (uint32_t k = 0; k < a->nsent; k++) {
		S_calls x = {14695981039346656037ull, 0}, y = {14695981039346656037ull, 0};
		tl_index_scan(rs, a, &a->sent[k], S_on_term, &x);
		tl_index_scan_memo(rs, a, &a->sent[k], memo, S_on_term, &y);
		differ += x.h != y.h || x.n != y.n;
		calls += x.n;
	}
	T_INT(differ, 0);
	T_OK(calls > 1000, "scan calls: %u", calls);
	tl_index_memo_free(memo);
}

/* Rules whose results differ in anything a report shows from them. */
static int S_diff_evidence(const tl_ruleset *rs, const tl_match *m1, const tl_match *m2, uint32_t *nev)
{
	int differ = 0;
	for (uint32_t r = 0; r < rs->nrules; r++) {
		const tl_rule_result *x = &m1->res[r], *y = &m2->res[r];
		int d = x->downgraded != y->downgraded || x->also_by != y->also_by || x->fw != y->fw;
		for (int l = 0; l < 4 && !d; l++) {
			d |= x->nev[l] != y->nev[l];
			for (uint32_t i = 0; i < x->nev[l] && !d; i++) {
				const tl_evidence *a = &x->ev[l][i], *b = &y->ev[l][i];
				d |= a->sent != b->sent || a->list != b->list || a->pattern != b->pattern || a->term != b->term ||
				     a->wish != b->wish;
				(*nev)++;
			}
		}
		differ += d;
	}
	return differ;
}

static void S_annotation(void)
{
	char *text = S_contract(60);
	tl_document *doc = text ? fx_doc(text) : NULL;
	free(text);
	T_OK(doc != NULL, "document");
	if (!doc)
		return;
	tl_annotated *one = NULL, *two = NULL;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_annotate_ex(&one, doc, 1, &err), 0);
	T_INT(tl_annotate_ex(&two, doc, 2, &err), 0);
	if (one && two) {
		T_OK(one->nsent > 600, "a document long enough for two parts: %u units", one->nsent);
		/* the second part really ran apart: its allocations are in arena2 */
		T_INT(one->arena2.used_total, 0);
		T_OK(two->arena2.used_total > 0, "two threads used: %zu bytes", two->arena2.used_total);
		T_INT(S_diff_annot(one, two), 0);
		/* some units carry what is compared: lead-ins, exceptions, quantities */
		uint32_t lead = 0, exc = 0, q = 0;
		for (uint32_t k = 0; k < one->nsent; k++) {
			lead += one->sent[k].lead_para != (uint32_t)one->sent[k].para;
			exc += one->sent[k].nexc;
			q += one->sent[k].nq;
		}
		T_OK(lead > 50 && exc > 50 && q > 100, "lead %u exc %u q %u", lead, exc, q);

		tl_ruleset *rs = NULL;
		T_INT(tl_rules_load(&rs, NULL, NULL, &err), 0);
		tl_match *m1 = NULL, *m2 = NULL;
		if (rs)
			S_scan_memo(rs, two);
		if (rs) {
			T_INT(tl_match_run_ex(&m1, rs, one, NULL, 0, -1, 1, &err), 0);
			T_INT(tl_match_run_ex(&m2, rs, one, NULL, 0, -1, 2, &err), 0);
		}
		if (m1 && m2) {
			T_OK(m1->nocc > 1000, "occurrences: %u", m1->nocc);
			T_INT(m1->nocc, m2->nocc);
			T_OK(m1->nocc == m2->nocc &&
			     !memcmp(m1->occ, m2->occ, m1->nocc * sizeof *m1->occ) &&
			     !memcmp(m1->occ_start, m2->occ_start, (one->nsent + 1) * sizeof *m1->occ_start),
			     "the same occurrences in the same order");
			int same = 1;
			for (uint32_t r = 0; r < rs->nrules; r++)
				same &= m1->res[r].status == m2->res[r].status &&
				        !memcmp(m1->res[r].count, m2->res[r].count, sizeof m1->res[r].count);
			T_OK(same, "the same rule results");
			/* the patterns ran on two threads, each on its part of the document
			 * (cut at an article that starts a new scope), and their results were
			 * replayed in one pass's order: every rule's counts (above) and
			 * evidence are the same, in the same order */
			uint32_t nev = 0, cut = tl_match_patterns_cut(m2);
			T_OK(cut > one->nsent / 4 && cut < one->nsent - one->nsent / 4, "cut at %u of %u", cut,
			     one->nsent);
			T_INT(S_diff_evidence(rs, m1, m2, &nev), 0);
			T_OK(nev > 50, "evidence compared: %u", nev);
		}
		tl_match_free(m1);
		tl_match_free(m2);
		tl_ruleset_free(rs);
	}
	tl_annotated_free(one);
	tl_annotated_free(two);
	tl_document_free(doc);
}

/* The whole report of a file with threads 1 and 2. */
static void S_report(const tl_ruleset *rs, const char *path)
{
	char *out[2] = {NULL, NULL};
	for (int t = 0; t < 2; t++) {
		tl_check_options o = TL_CHECK_OPTIONS_INIT;
		o.flags = TL_CHECK_F_TEXT;
		o.threads = t + 1;
		cJSON *doc = NULL;
		tl_error err = TL_ERROR_INIT;
		T_INT(tl_check_file(&doc, rs, path, &o, &err), 0);
		out[t] = doc ? cJSON_PrintUnformatted(doc) : NULL;
		cJSON_Delete(doc);
	}
	T_OK(out[0] && out[1] && !strcmp(out[0], out[1]), "%s: reports differ", path);
	T_OK(out[0] && strstr(out[0], "\"findings\""), "%s: a report with findings", path);
	free(out[0]);
	free(out[1]);
}

int main(void)
{
	S_annotation();
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_rules_load(&rs, NULL, NULL, &err), 0);
	if (rs) {
		S_report(rs, TL_SOURCE_DIR "/samples/vendor-red-flags-en.docx");
		S_report(rs, TL_SOURCE_DIR "/samples/verwerkersovereenkomst-nl.docx");
		S_report(rs, TL_SOURCE_DIR "/samples/saas-contract-en.odt");
	}
	tl_ruleset_free(rs);
	return T_DONE();
}
