/* test_annot_wclass.c: the word classes (tl_word.annot, annot_int.h) only
 * let the annotation's scans skip tokens their full tests would skip: an
 * annotation built with them is the same as one built with every class
 * answering "do the full test" (tl_wc_all), unit by unit and token by
 * token, with the same terms, frameworks, placeholders and flags; and
 * tl_party_at with its inline "no party word" answer gives what
 * tl_party_at_slow gives at every token.  Run on texts that hold what each
 * class is about (aliases, definitions, frameworks and deviations, first
 * and second persons, tenderers, exceptions and subordinate clauses,
 * possessives, "sub-processor", two-word party names) and on the samples. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/annot_int.h"
#include "annot_fixture.h"
#include "harness.h"
#include "tenderlint.h"

static const char *const S_texts[] = {
	/* a Dutch agreement: aliases, definitions, a definitions article, GIBIT and deviations */
	"OVEREENKOMST\n"
	"1. De Gemeente Utrecht, gevestigd te Utrecht, hierna te noemen: \"Opdrachtgever\";\n"
	"2. RitWijs B.V., gevestigd te Zwolle, hierna: \"RitWijs\";\n"
	"# Artikel 1 Definities\n"
	"- Gegevens: alle gegevens die Opdrachtnemer verwerkt.\n"
	"- Leverancier: de partij die de dienst levert.\n"
	"\"Beveiligingsincident\": een inbreuk op de beveiliging.\n"
	"Onder Werkdag wordt verstaan: maandag tot en met vrijdag.\n"
	"| Begrip | Definitie |\n"
	"| Dienst | De dienst die RitWijs levert. |\n"
	"# Artikel 2 Toepasselijkheid\n"
	"Op deze Overeenkomst zijn de GIBIT 2023 van toepassing.\n"
	"In afwijking van artikel 16.4 tot en met 16.6 GIBIT 2023 geldt het volgende.\n"
	"Artikel 13 van de GIBIT is niet van toepassing.\n"
	"Partijen sluiten de VNG Standaard Verwerkersovereenkomst.\n"
	"# Artikel 3 Verplichtingen\n"
	"RitWijs zal de Gegevens niet verkopen, tenzij Opdrachtgever daarvoor voorafgaand "
	"schriftelijk toestemming geeft.\n"
	"Indien Opdrachtgever daarom verzoekt, levert RitWijs binnen 5 werkdagen een rapport.\n"
	"Opdrachtnemer mag subverwerkers inschakelen mits Opdrachtgever daarmee instemt.\n"
	"De sub-verwerker van Opdrachtnemer en derden hebben geen toegang, behoudens de "
	"Autoriteit Persoonsgegevens.\n"
	"Leverancier kan de dienst naar eigen inzicht wijzigen, voor zover dat redelijk is.\n"
	"Elke partij draagt haar eigen kosten; de Partijen komen overeen dat RitWijs's "
	"aansprakelijkheid beperkt is.\n"
	"Opdrachtnemer verkoopt die gegevens niet en controleert of de Gemeente betaalt.\n"
	"Bij het einde van de Overeenkomst retourneert Opdrachtnemer alle Gegevens, zoals "
	"bijgesloten als bijlage.\n",
	/* an English vendor's own terms: "we" is the vendor */
	"DataVision Ltd (\"we\", \"us\" or \"our\") provides the Platform to you (the \"Customer\").\n"
	"\"Customer Data\" means all data you upload.\n"
	"We may suspend the Services at our sole discretion.\n"
	"6.1 We will not sell Customer Data except on your documented instructions, but may use "
	"aggregated data for analytics.\n"
	"You agree that we may share the Customer's data with a third party or a sub-processor "
	"if we deem it appropriate.\n"
	"Our Supplier's obligations apply unless the Customer, at its discretion, agrees otherwise.\n"
	"After your account is closed, we delete your data within 30 days, unless required by law.\n"
	"Each party shall bear its own costs; neither party may assign this Agreement.\n"
	"The Supplier shall delete the following: that data, and its copies.\n"
	"The Supplier keeps two things (that data, its backups) for a year.\n"
	"The Agreement is subject to ARBIT 2022, notwithstanding article 7 of the ARBIT.\n"
	"These General Terms and Conditions apply. The Provider (hereinafter: the \"Supplier\") "
	"shall notify the Customer.\n",
	/* an English agreement between two named parties: possessives of their aliases */
	"This Agreement is made between Brightcode Ltd, a company registered in England "
	"(hereinafter referred to as \"Brightcode\"), and the Municipality of Leiden (the "
	"\"Customer\").\n"
	"Brightcode's liability shall not exceed the fees paid, except in case of fraud.\n"
	"Brightcode shall process the Customer's data only on the Customer's instructions.\n"
	"The Customer may audit Brightcode's subprocessors if it deems it necessary.\n",
	/* first and second persons inside sentences only: their counts decide that "we" is the
	 * vendor */
	"The Provider confirms that we process the data and that we keep it in the EU; on request "
	"you receive a copy.\n",
	"De leverancier bevestigt dat wij de gegevens verwerken en dat wij ze bewaren; op verzoek "
	"ontvangt u een kopie.\n",
	/* a tender: tenderers and "we" of the contracting authority */
	"# Aanbesteding\n"
	"De inschrijver beschrijft hoe hij de gegevens beveiligt.\n"
	"Wij verwachten dat de inschrijvers hun plan binnen 10 dagen indienen.\n"
	"U levert een exitplan; de Gemeente beoordeelt het plan.\n"
	"The tenderer shall state whether its subcontractors process personal data.\n"
	"| Eis | Type |\n"
	"| De oplossing ondersteunt SAML. | K |\n"
	"| De oplossing biedt een API. | W |\n"
	"| De oplossing draait in de EU. | K |\n",
};

static int S_str_eq(const char *x, const char *y)
{
	return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

/* The number of differences between two annotations of the same document. */
static int S_diff(const tl_annotated *x, const tl_annotated *y)
{
	int d = 0;
	if (x->nsent != y->nsent || x->nterms != y->nterms || x->nph != y->nph || x->nfw != y->nfw ||
	    x->lang != y->lang || x->flags != y->flags)
		return 1;
	for (uint32_t t = 0; t < x->nterms; t++) {
		const tl_term *p = &x->terms[t], *q = &y->terms[t];
		d += !S_str_eq(p->term, q->term) || !S_str_eq(p->fold, q->fold) || p->role != q->role ||
		     !S_str_eq(p->name, q->name) || !S_str_eq(p->definition, q->definition) ||
		     p->para != q->para || p->def_sentence != q->def_sentence || p->nwords != q->nwords;
	}
	for (uint32_t f = 0; f < x->nfw; f++) {
		const tl_framework *p = &x->fw[f], *q = &y->fw[f];
		int fd = !S_str_eq(p->id, q->id) || p->para != q->para || p->sentence != q->sentence ||
		         p->ndev != q->ndev;
		for (uint32_t k = 0; !fd && k < p->ndev; k++)
			fd = !S_str_eq(p->deviations[k], q->deviations[k]);
		d += fd;
	}
	for (uint32_t k = 0; k < x->nph; k++)
		d += x->ph[k].para != y->ph[k].para || x->ph[k].start != y->ph[k].start ||
		     x->ph[k].end != y->ph[k].end;
	for (size_t p = 0; p < x->npara; p++)
		d += x->para_operative[p] != y->para_operative[p] || x->para_sent[p] != y->para_sent[p];
	for (uint32_t k = 0; k < x->nsent; k++) {
		const tl_sentence *s = &x->sent[k], *t = &y->sent[k];
		int sd = s->para != t->para || s->start != t->start || s->end != t->end ||
		         s->modality != t->modality || s->bound != t->bound || s->flags != t->flags ||
		         s->subject != t->subject || s->unit != t->unit || s->lead_para != t->lead_para ||
		         s->ntok != t->ntok || s->nexc != t->nexc || s->nq != t->nq;
		for (uint32_t i = 0; !sd && i < s->ntok; i++)
			sd = s->tok[i].flags != t->tok[i].flags || s->tok[i].term != t->tok[i].term ||
			     strcmp(s->tok[i].fold, t->tok[i].fold) != 0 ||
			     tl_annot_token_role(x, s, i) != tl_annot_token_role(y, t, i);
		for (uint32_t e = 0; !sd && e < s->nexc; e++)
			sd = s->exc[e].kind != t->exc[e].kind || s->exc[e].tok_start != t->exc[e].tok_start ||
			     s->exc[e].tok_end != t->exc[e].tok_end;
		for (uint32_t q = 0; !sd && q < s->nq; q++)
			sd = s->q[q].kind != t->q[q].kind || s->q[q].value != t->q[q].value ||
			     s->q[q].tok_start != t->q[q].tok_start || s->q[q].tok_end != t->q[q].tok_end;
		if (sd && d < 3)
			fprintf(stderr, "unit %u differs\n", k);
		d += sd;
	}
	return d;
}

/* Word classes known on a's tokens: known[c] words have class c worked out,
 * no[c] of them answered "skip" (c: party, alias, fw, we, open). */
static void S_count(const tl_annotated *a, uint32_t known[5], uint32_t no[5])
{
	static const uint32_t k[5] = {TL_WC_PARTY_K, TL_WC_ALIAS_K, TL_WC_FW_K, TL_WC_WE_K, TL_WC_OPEN_K};
	for (uint32_t s = 0; s < a->nsent; s++)
		for (uint32_t i = 0; i < a->sent[s].ntok; i++) {
			const tl_word *w = a->sent[s].tok[i].word;
			uint32_t v = w ? tl_wc_get(w) : 0;
			for (int c = 0; c < 5; c++) {
				known[c] += (v & k[c]) != 0;
				no[c] += (v & k[c]) && !(v & (k[c] << 1));
			}
		}
}

/* tl_party_at (inline answer first) against tl_party_at_slow at every token;
 * returns the number of tokens the inline answer decided.  The slow way
 * first works out the class of every word (as while the annotation is built,
 * when it may write into the words). */
static uint32_t S_party_same(tl_annotated *a, const char *what)
{
	uint32_t differ = 0, quick = 0, found = 0;
	a->flags |= TL_ANNOT_BUILDING;
	for (uint32_t s = 0; s < a->nsent; s++)
		for (uint32_t i = 0; i < a->sent[s].ntok; i++) {
			tl_role r;
			tl_party_at_slow(a, a->sent[s].tok, a->sent[s].ntok, i, &r);
		}
	a->flags &= ~TL_ANNOT_BUILDING;
	for (uint32_t s = 0; s < a->nsent; s++) {
		const tl_sentence *u = &a->sent[s];
		for (uint32_t i = 0; i <= u->ntok; i++) {
			tl_role r1, r2;
			uint32_t m1 = tl_party_at(a, u->tok, u->ntok, i, &r1);
			uint32_t m2 = tl_party_at_slow(a, u->tok, u->ntok, i, &r2);
			differ += m1 != m2 || r1 != r2;
			found += m1 > 0;
			const tl_word *w = i < u->ntok ? u->tok[i].word : NULL;
			quick += w && u->tok[i].term < 0 &&
			         (tl_wc_get(w) & (TL_WC_PARTY_K | TL_WC_PARTY)) == TL_WC_PARTY_K;
		}
	}
	T_OK(differ == 0, "%s: tl_party_at differs from tl_party_at_slow at %u tokens", what, differ);
	T_OK(found > 0, "%s: no party mention found", what);
	return quick;
}

/* Over all documents: tokens whose word has each class known, and skips. */
static uint32_t S_known[5], S_no[5], S_quick;

/* Annotates doc with and without the classes' skips and compares. */
static void S_check(const tl_document *doc, const char *what, int threads)
{
	tl_annotated *with = NULL, *without = NULL;
	tl_error err = TL_ERROR_INIT;
	tl_wc_all = 0;
	T_INT(tl_annotate_ex(&with, doc, threads, &err), 0);
	tl_wc_all = 1;
	T_INT(tl_annotate_ex(&without, doc, threads, &err), 0);
	tl_wc_all = 0;
	if (with && without) {
		T_INT(S_diff(with, without), 0);
		S_count(with, S_known, S_no);
		uint32_t kn[5] = {0}, nn[5] = {0};
		S_count(without, kn, nn);
		for (int c = 0; c < 5; c++)
			T_OK(nn[c] == 0, "%s: class %d skips %u tokens under tl_wc_all", what, c, nn[c]);
		S_quick += S_party_same(with, what);
		S_party_same(without, what);
	}
	tl_annotated_free(with);
	tl_annotated_free(without);
}

/* Every two-word name of the party catalogue is found at its first word
 * (the two-word test asks the words' pair bits first), also with a plural or
 * possessive second word. */
static void S_two_word_names(void)
{
	static const struct {
		const char *name;
		tl_role role;
	} names[] = {{"aanbestedende dienst", TL_ROLE_CUSTOMER},
	             {"autoriteit persoonsgegevens", TL_ROLE_THIRD},
	             {"both parties", TL_ROLE_BOTH},
	             {"competent authority", TL_ROLE_THIRD},
	             {"contracting authority", TL_ROLE_CUSTOMER},
	             {"data processor", TL_ROLE_VENDOR},
	             {"data subject", TL_ROLE_THIRD},
	             {"data subjects", TL_ROLE_THIRD},
	             {"each party", TL_ROLE_BOTH},
	             {"either party", TL_ROLE_BOTH},
	             {"elke partij", TL_ROLE_BOTH},
	             {"foreign authority", TL_ROLE_THIRD},
	             {"government authority", TL_ROLE_THIRD},
	             {"iedere partij", TL_ROLE_BOTH},
	             {"neither party", TL_ROLE_BOTH},
	             {"public authorities", TL_ROLE_THIRD},
	             {"public authority", TL_ROLE_THIRD},
	             {"service provider", TL_ROLE_VENDOR},
	             {"supervisory authorities", TL_ROLE_THIRD},
	             {"supervisory authority", TL_ROLE_THIRD},
	             {"third parties", TL_ROLE_THIRD},
	             {"third party", TL_ROLE_THIRD},
	             {"third party's", TL_ROLE_THIRD},
	             {"service providers", TL_ROLE_VENDOR}};
	char text[4096] = "";
	size_t nn = sizeof names / sizeof *names;
	for (size_t k = 0; k < nn; k++) {
		strcat(text, "Volgens ");
		strcat(text, names[k].name);
		strcat(text, " geldt dit.\n");
	}
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	T_OK(a != NULL && a->nsent == nn, "one sentence per name");
	for (uint32_t s = 0; a && s < a->nsent && s < nn; s++) {
		tl_role r;
		uint32_t m = tl_party_at(a, a->sent[s].tok, a->sent[s].ntok, 1, &r);
		T_OK(m == 2 && r == names[s].role, "%s: %u tokens, role %s", names[s].name, m,
		     tl_role_name(r));
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

int main(void)
{
	S_two_word_names();
	for (size_t k = 0; k < sizeof S_texts / sizeof *S_texts; k++) {
		tl_document *doc = fx_doc(S_texts[k]);
		T_OK(doc != NULL, "text %zu", k);
		if (doc) {
			char what[32];
			snprintf(what, sizeof what, "text %zu", k);
			S_check(doc, what, 1);
		}
		tl_document_free(doc);
	}
	/* the "we" of a vendor's own terms is the vendor there: tl_party_at takes its slow way */
	tl_document *doc = fx_doc(S_texts[1]);
	tl_annotated *a = NULL;
	tl_error err = TL_ERROR_INIT;
	if (doc && tl_annotate(&a, doc, &err) == 0) {
		T_OK(a->flags & TL_ANNOT_WE_VENDOR, "we is the vendor");
		uint32_t len = 0;
		for (uint32_t s = 0; s < a->nsent && !len; s++)
			for (uint32_t i = 0; i < a->sent[s].ntok && !len; i++)
				if (!strcmp(a->sent[s].tok[i].fold, "we"))
					T_INT(tl_mention_at(a, a->sent[s].tok, a->sent[s].ntok, i, &len),
					      TL_ROLE_VENDOR);
		T_INT(len, 1);
	}
	tl_annotated_free(a);
	tl_document_free(doc);
	static const char *const samples[] = {"vendor-red-flags-en.docx", "verwerkersovereenkomst-nl.docx",
	                                      "overeenkomst-compliant-nl.docx", "saas-contract-en.odt",
	                                      "aanbesteding-eisen-nl.odt", "sensoren-camera-nl.odt"};
	for (size_t k = 0; k < sizeof samples / sizeof *samples; k++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/samples/%s", TL_SOURCE_DIR, samples[k]);
		tl_read_options ro = TL_READ_OPTIONS_INIT;
		tl_document *d = NULL;
		T_INT(tl_document_read(&d, path, &ro, &err), 0);
		if (d) {
			S_check(d, samples[k], 1);
			S_check(d, samples[k], 2);
		}
		tl_document_free(d);
	}
	/* every class was worked out and its skips taken, so the comparisons above cover them */
	for (int c = 0; c < 5; c++)
		T_OK(S_known[c] > 100 && S_no[c] > 50, "class %d known at %u tokens, skip at %u", c,
		     S_known[c], S_no[c]);
	T_OK(S_quick > 100, "tl_party_at answered inline at %u tokens", S_quick);
	return T_DONE();
}
