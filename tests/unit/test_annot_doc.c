/* Unit tests for the document-level annotations: operative text versus
 * guidance, placeholders, framework declarations and deviations, and
 * quantities written in words and digits. */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

static int32_t S_para(const tl_annotated *a, const char *prefix)
{
	size_t np;
	const tl_para *p = tl_document_paras(a->doc, &np);
	for (size_t i = 0; i < np; i++)
		if (!strncmp(p[i].text, prefix, strlen(prefix)))
			return (int32_t)i;
	return -1;
}

static int S_op(const tl_annotated *a, const char *prefix)
{
	int32_t p = S_para(a, prefix);
	return p < 0 ? -1 : a->para_operative[p];
}

static void test_operative(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(
		"Model Verwerkersovereenkomst\n"
		"Dit model is bedoeld voor gemeenten. Vul de gegevens in en verwijder de toelichting.\n"
		"DE ONDERGETEKENDEN:\n"
		"De Gemeente (hierna: \"Opdrachtgever\") en de leverancier (hierna: \"Opdrachtnemer\").\n"
		"# Leeswijzer\n"
		"Opdrachtnemer moet dit hoofdstuk lezen.\n"
		"## Onderdeel van de leeswijzer\n"
		"Ook dit is uitleg.\n"
		"# Artikel 1 Geheimhouding\n"
		"Opdrachtnemer zal de Gegevens geheimhouden.\n"
		"[Toelichting: kies hier een van de opties en verwijder de andere.]\n"
		"VERWIJDER DIT BLOK VOOR ONDERTEKENING: Opdrachtnemer levert een verklaring.\n"
		"# Release notes\n"
		"Version 2 adds article 7.\n"
		"# Artikel 2 Slot\n"
		"Opdrachtnemer levert binnen 5 werkdagen.\n",
		&d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	T_INT(S_op(a, "Dit model is bedoeld"), 0);
	T_INT(S_op(a, "DE ONDERGETEKENDEN"), 1);
	T_INT(S_op(a, "De Gemeente (hierna"), 1);
	T_INT(S_op(a, "Opdrachtnemer moet dit hoofdstuk"), 0);
	T_INT(S_op(a, "Ook dit is uitleg"), 0);
	T_INT(S_op(a, "Opdrachtnemer zal de Gegevens"), 1);
	T_INT(S_op(a, "[Toelichting"), 0);
	T_INT(S_op(a, "VERWIJDER DIT BLOK"), 0);
	T_INT(S_op(a, "Version 2"), 0);
	T_INT(S_op(a, "Opdrachtnemer levert binnen"), 1);
	/* sentences of guidance carry the flag */
	int32_t p = S_para(a, "Opdrachtnemer moet dit hoofdstuk");
	T_OK(p >= 0 && (a->sent[a->para_sent[p]].flags & TL_SENT_NONOPERATIVE), "sentence flag");
	T_OK(p >= 0 && a->sent[a->para_sent[p]].modality == TL_MOD_OBLIGATION,
	     "guidance still has its modality, for context");
	tl_annotated_free(a);
	tl_document_free(d);

	/* comments, headers and TOC entries are never operative */
	d = tl_doc_new("t", TL_FORMAT_DOCX, NULL);
	tl_error err = TL_ERROR_INIT;
	tl_para *q = tl_doc_add_para(d, TL_PARA_BODY, "word/document.xml", 0, "Artikel 1 Levering 3", 20, &err);
	if (q)
		q->flags |= TL_PARA_F_TOC;
	tl_doc_add_para(d, TL_PARA_COMMENT, "word/comments.xml", 0, "Opdrachtnemer moet dit aanpassen.", 33,
	                &err);
	tl_doc_add_para(d, TL_PARA_HEADER, "word/header1.xml", 0, "Vertrouwelijk", 13, &err);
	tl_doc_add_para(d, TL_PARA_BODY, "word/document.xml", 1, "Opdrachtnemer levert.", 21, &err);
	T_INT(tl_doc_finish(d, &err), 0);
	a = NULL;
	T_INT(tl_annotate(&a, d, &err), 0);
	if (a) {
		T_INT(a->para_operative[0], 0);
		T_INT(a->para_operative[1], 0);
		T_INT(a->para_operative[2], 0);
		T_INT(a->para_operative[3], 1);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

/* A heading that names an article's subject is no guidance heading; a table
 * cell that an instruction disowns or that opens with a guidance label is
 * guidance as a whole; an unticked option of a choice list is not agreed. */
static void test_operative_blocks(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("# Artikel 2 Instructies en doel\n"
	                              "Opdrachtnemer verwerkt de Gegevens uitsluitend op instructie.\n"
	                              "# Artikel 3 Toelichting op de Overeenkomst\n"
	                              "Opdrachtnemer leest dit.\n"
	                              "# Artikel 4 Inleiding\n"
	                              "Dit is uitleg.\n"
	                              "# 2.1 Is er wel een verwerkersovereenkomst nodig?\n"
	                              "Meestal moet de verwerker een overeenkomst sluiten.\n"
	                              "# 2.5 Artikelsgewijze toelichting\n"
	                              "3.1: Verwerker zal de instructies volgen.\n"
	                              "Short version: We treat private content as confidential.\n"
	                              "# Artikel 5 Opties\n"
	                              "[ ] Training Data must be aggregated.\n"
	                              "[x] Training Data must be deleted.\n"
	                              "- [ ] Continues until terminated.\n"
	                              "\xE2\x96\xA1 De verwerker werkt volgens de BIO.\n"
	                              "The term is - [x] one year. - [ ] In perpetuity.\n",
	                              &d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	T_INT(S_op(a, "Opdrachtnemer verwerkt de Gegevens"), 1);
	T_INT(S_op(a, "Opdrachtnemer leest dit"), 0);
	T_INT(S_op(a, "Dit is uitleg"), 0);
	T_INT(S_op(a, "Meestal moet"), 0);
	T_INT(S_op(a, "Short version:"), 0);
	T_INT(S_op(a, "3.1: Verwerker zal"), 0);
	T_INT(S_op(a, "[ ] Training Data"), 0);
	T_INT(S_op(a, "[x] Training Data"), 1);
	T_INT(S_op(a, "[ ] Continues until"), 0);
	T_INT(S_op(a, "\xE2\x96\xA1 De verwerker"), 0);
	int32_t p = S_para(a, "The term is");
	T_OK(p >= 0 && a->para_operative[p], "a paragraph with a ticked option is operative");
	/* in the paragraph, each option is a sentence; the unticked one is not agreed */
	uint32_t nopt = 0, nonop = 0;
	for (uint32_t k = p >= 0 ? a->para_sent[p] : 0; p >= 0 && k < a->para_sent[p + 1]; k++) {
		nopt++;
		nonop += (a->sent[k].flags & TL_SENT_NONOPERATIVE) != 0;
	}
	T_INT(nopt, 3);
	T_INT(nonop, 1);
	for (uint32_t i = 0; i < a->nph; i++)
		T_OK(a->ph[i].para != p && a->ph[i].para != S_para(a, "[ ] Training"),
		     "an unticked box is no blank to fill");
	tl_annotated_free(a);
	tl_document_free(d);

	/* a generator's preface table: one cell of several paragraphs */
	static const char *const cell[] = {
		"Releasenote:",
		"Bepalingen ten aanzien van algoritmische toepassingen worden thans geregeld in artikel 13.",
		"VERWIJDER DIT BLOK TEKST ALVORENS U DE OVEREENKOMST IN GEBRUIK NEEMT!",
		"Wij adviseren om de tekst zo te laten."};
	static const char *const other[] = {"Wijzigingen:", "Leverancier levert de Dienst."};
	d = tl_doc_new("t", TL_FORMAT_DOCX, NULL);
	tl_error err = TL_ERROR_INIT;
	int32_t idx = 0;
	for (int k = 0; k < 4; k++) {
		tl_para *q = tl_doc_add_para(d, TL_PARA_CELL, "word/document.xml", idx++, cell[k],
		                             strlen(cell[k]), &err);
		if (q)
			q->table = 0, q->row = 0, q->col = 0;
	}
	for (int k = 0; k < 2; k++) {
		tl_para *q = tl_doc_add_para(d, TL_PARA_CELL, "word/document.xml", idx++, other[k],
		                             strlen(other[k]), &err);
		if (q)
			q->table = 1, q->row = 0, q->col = 0;
	}
	tl_doc_add_para(d, TL_PARA_BODY, "word/document.xml", idx++, "Leverancier levert.", 19, &err);
	T_INT(tl_doc_finish(d, &err), 0);
	a = NULL;
	T_INT(tl_annotate(&a, d, &err), 0);
	if (a) {
		for (int k = 0; k < 4; k++)
			T_OK(a->para_operative[k] == 0, "preface cell paragraph %d is guidance", k);
		T_INT(a->para_operative[4], 1);
		T_INT(a->para_operative[5], 1);
		T_INT(a->para_operative[6], 1);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

/* A tender's questionnaire asks the tenderer; its items bind no one. */
static void test_questions(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("The Supplier (the \"Supplier\") and the Municipality (the \"Customer\").\n"
	                              "Q-05 Describe how you ensure that your subcontractors apply the same "
	                              "restrictions.\n"
	                              "Indicate which standards the Platform supports.\n"
	                              "Beschrijf hoe u de Gegevens beveiligt.\n"
	                              "Geef aan welke subverwerkers u inschakelt.\n"
	                              "The Supplier shall describe the algorithm in the register.\n"
	                              "Indicate the Supplier's obligations in a schedule.\n"
	                              "State aid rules do not apply.\n",
	                              &d);
	T_INT(S_op(a, "Q-05 Describe"), 0);
	T_INT(S_op(a, "Indicate which"), 0);
	T_INT(S_op(a, "Beschrijf hoe"), 0);
	T_INT(S_op(a, "Geef aan welke"), 0);
	T_INT(S_op(a, "The Supplier shall describe"), 1);
	T_INT(S_op(a, "Indicate the Supplier"), 1);
	T_INT(S_op(a, "State aid"), 1);
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_placeholders(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(
		"De <naam gemeente> (\"NAAM_HIER\") sluit op XX-XX-XXXX een overeenkomst.\n"
		"De vergoeding bedraagt [nader overeen te komen] en de termijn [\xE2\x97\x8F] dagen.\n"
		"Getekend te ............ door ____________.\n"
		"Zie [1] en artikel [2.3]; a < b en c > d.\n"
		"[Toelichting: kies een optie.]\n"
		"Opdrachtnemer levert op dd-mm-jjjj.\n",
		&d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	const char *want[] = {"<naam gemeente>", "NAAM_HIER", "XX-XX-XXXX", "[nader overeen te komen]",
	                      "[\xE2\x97\x8F]", "............", "____________", "dd-mm-jjjj"};
	size_t nw = sizeof want / sizeof *want;
	T_INT(a->nph, nw);
	for (size_t i = 0; i < nw && i < a->nph; i++) {
		const tl_placeholder *ph = &a->ph[i];
		char buf[128];
		snprintf(buf, sizeof buf, "%.*s", (int)(ph->end - ph->start), p[ph->para].text + ph->start);
		T_STR(buf, want[i]);
	}
	T_OK(a->sent[0].flags & TL_SENT_PLACEHOLDER, "sentence flag");
	int32_t k = -1;
	for (uint32_t i = 0; i < a->nsent; i++)
		if (a->sent[i].para == 3)
			k = (int32_t)i;
	T_OK(k >= 0 && !(a->sent[k].flags & TL_SENT_PLACEHOLDER), "references are no placeholders");
	tl_annotated_free(a);
	tl_document_free(d);
}

static const tl_framework *S_fw(const tl_annotated *a, const char *id)
{
	for (uint32_t i = 0; i < a->nfw; i++)
		if (!strcmp(a->fw[i].id, id))
			return &a->fw[i];
	return NULL;
}

static void test_frameworks(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(
		"Op deze Overeenkomst zijn de GIBIT 2023 van toepassing.\n"
		"In afwijking van artikel 13.2 van de GIBIT geldt een termijn van 48 uur.\n"
		"Artikel 18 en 19 van de GIBIT zijn niet van toepassing.\n"
		"In afwijking van artikel 4 van deze Overeenkomst geldt iets anders.\n"
		"De VNG Standaard Verwerkersovereenkomst maakt deel uit van deze Overeenkomst.\n"
		"De ARBIT 2018 zijn niet van toepassing.\n",
		&d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	T_INT(a->nfw, 2);
	const tl_framework *f = S_fw(a, "gibit-2023");
	T_OK(f != NULL, "GIBIT 2023 declared");
	if (f) {
		T_INT(f->para, 0);
		T_INT(f->ndev, 3);
		if (f->ndev == 3) {
			T_STR(f->deviations[0], "13.2");
			T_STR(f->deviations[1], "18");
			T_STR(f->deviations[2], "19");
		}
	}
	T_OK(S_fw(a, "vng-vwo") != NULL, "VNG model DPA");
	T_OK(S_fw(a, "arbit-2018") == NULL, "\"niet van toepassing\" declares nothing");
	tl_annotated_free(a);
	tl_document_free(d);

	a = fx_annotate("GIBIT 2020 applies to this Agreement, except for article 12.\n"
	                "By way of derogation from article 7 of the GIBIT, the Supplier shall deliver.\n",
	                &d);
	f = a ? S_fw(a, "gibit-2020") : NULL;
	T_OK(f != NULL, "GIBIT 2020 applies");
	T_OK(f && f->ndev == 2 && !strcmp(f->deviations[0], "12") && !strcmp(f->deviations[1], "7"),
	     "English deviations");
	tl_annotated_free(a);
	tl_document_free(d);

	/* a verbless trailing phrase does not take the main clause's place */
	a = fx_annotate("16.1. Op deze Overeenkomst zijn de Inkoopvoorwaarden GIBIT 2023 van toepassing, "
	                "zoals bijgesloten als bijlage.\n"
	                "Op deze Overeenkomst zijn de ARBIT 2018 van toepassing, zoals bijgesloten.\n",
	                &d);
	T_OK(a && a->nfw == 2 && !strcmp(a->fw[0].id, "gibit-2023") &&
	         !strcmp(a->fw[1].id, "arbit-2018"),
	     "declaration followed by \"zoals bijgesloten als bijlage\"");
	tl_annotated_free(a);
	tl_document_free(d);

	a = fx_annotate("Deze Overeenkomst verwijst naar de GIBIT.\nDe GIBIT is van toepassing.\n", &d);
	T_OK(a && a->nfw == 1 && !strcmp(a->fw[0].id, "gibit") && a->fw[0].para == 1,
	     "a mention is no declaration; unknown version");
	tl_annotated_free(a);
	tl_document_free(d);
}

/* The quantities of the only sentence of text. */
static void S_q1(const char *text, tl_qkind kind, double value, const char *cur)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	int found = 0;
	for (uint32_t k = 0; a && k < a->nsent; k++)
		for (uint32_t i = 0; i < a->sent[k].nq; i++) {
			const tl_quantity *q = &a->sent[k].q[i];
			if (q->kind == kind && q->value > value - 1e-6 && q->value < value + 1e-6 &&
			    (!cur || (q->currency && !strcmp(q->currency, cur))))
				found = 1;
		}
	T_OK(found, "%s: want kind %d value %g", text, (int)kind, value);
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_quantities(void)
{
	S_q1("Binnen vierentwintig uur.", TL_Q_DURATION, 24, NULL);
	S_q1("Binnen tweeënzeventig uur.", TL_Q_DURATION, 72, NULL);
	S_q1("Within twenty-four hours.", TL_Q_DURATION, 24, NULL);
	S_q1("Within one (1) month.", TL_Q_DURATION, 720, NULL);
	S_q1("Binnen 14 kalenderdagen.", TL_Q_DURATION, 336, NULL);
	S_q1("Binnen een week.", TL_Q_DURATION, 168, NULL);
	S_q1("Binnen 48h.", TL_Q_DURATION, 48, NULL);
	S_q1("Within 3 business days.", TL_Q_DURATION, 72, NULL);
	S_q1("Een jaar lang.", TL_Q_DURATION, 8760, NULL);
	S_q1("Maximaal € 1.000.000 per jaar.", TL_Q_MONEY, 1000000, "EUR");
	S_q1("Up to EUR 500,000.", TL_Q_MONEY, 500000, "EUR");
	S_q1("Tot € 2 miljoen.", TL_Q_MONEY, 2000000, "EUR");
	S_q1("Tot 1.500,50 euro.", TL_Q_MONEY, 1500.5, "EUR");
	S_q1("USD 250 per hour.", TL_Q_MONEY, 250, "USD");
	S_q1("Ten minste 99,5 procent.", TL_Q_PERCENT, 99.5, NULL);
	S_q1("At least 99.9% per month.", TL_Q_PERCENT, 99.9, NULL);
	S_q1("Tien procent van de prijs.", TL_Q_PERCENT, 10, NULL);
	S_q1("Twee maal de jaarvergoeding.", TL_Q_COUNT, 2, NULL);
	S_q1("Three times the annual fees.", TL_Q_COUNT, 3, NULL);
	/* no unit, no quantity: article numbers and plain counts stay out */
	tl_document *d;
	tl_annotated *a = fx_annotate("Zie artikel 5 lid 2 en een overzicht van de partijen.", &d);
	T_OK(a && a->nsent == 1 && a->sent[0].nq == 0, "no quantities");
	tl_annotated_free(a);
	tl_document_free(d);
}

int main(void)
{
	test_operative();
	test_operative_blocks();
	test_questions();
	test_placeholders();
	test_frameworks();
	test_quantities();
	return T_DONE();
}
