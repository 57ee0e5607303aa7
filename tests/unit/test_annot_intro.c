/* Unit tests for src/analyze/operative.c: an introduction ("1. Inleiding")
 * is guidance, except its numbered clauses that define a term or say what is
 * bought (docs/annotation.md, Operative text). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* Whether the first paragraph whose text starts with `prefix` is operative,
 * or -1 when there is none. */
static int S_operative(const tl_annotated *a, const char *prefix)
{
	size_t np;
	const tl_para *p = tl_document_paras(a->doc, &np);
	for (size_t k = 0; k < np; k++)
		if (!strncmp(p[k].text, prefix, strlen(prefix))) {
			int op = a->para_operative[k] != 0;
			for (uint32_t i = a->para_sent[k]; i < a->para_sent[k + 1]; i++)
				if ((a->sent[i].flags & TL_SENT_NONOPERATIVE) != !op)
					return -2; /* the sentences disagree with the paragraph */
			return op;
		}
	return -1;
}

static void test_intro_nl(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(
		"# Programma van Eisen\n"
		"# 1. Inleiding\n"
		"1.1 De gemeente Hoogmeer (hierna: \"Opdrachtgever\") zoekt een leverancier (hierna: "
		"\"Opdrachtnemer\") voor een oplossing voor meldingen.\n"
		"1.2 De Oplossing wordt als clouddienst (SaaS) afgenomen.\n"
		"1.3 Onderdeel van de opdracht is het ontwikkelen van maatwerk: een koppeling met het "
		"zaaksysteem.\n"
		"1.4 In dit document betekent \"Gegevens\": alle meldingen en foto's.\n"
		"Dit document beschrijft eerst de eisen en daarna de procedure.\n"
		"1.5 Dit model wordt afgenomen door gemeenten die een clouddienst inkopen (hierna: de "
		"gebruikers).\n"
		"1.6 De planning staat in hoofdstuk 5.\n"
		"1.7 De beheeromgeving wordt als Dienstverlening op Afstand geleverd. Opdrachtnemer bouwt "
		"daarnaast een koppeling met het zaaksysteem.\n"
		"1.8 Deze inleiding beschrijft de achtergrond en bevat geen eisen.\n"
		"# 2. Toelichting\n"
		"2.1 De Oplossing (hierna: \"het Systeem\") wordt als clouddienst afgenomen.\n"
		"# 3. Eisen\n"
		"Opdrachtnemer levert de Oplossing.\n",
		&d);
	T_OK(a != NULL, "annotate");
	if (a) {
		T_INT(S_operative(a, "1. Inleiding"), 0);
		T_INT(S_operative(a, "1.1 De gemeente"), 1);  /* defines the parties */
		T_INT(S_operative(a, "1.2 De Oplossing"), 1); /* what is bought */
		T_INT(S_operative(a, "1.3 Onderdeel"), 1);    /* part of the contract */
		T_INT(S_operative(a, "1.4 In dit document"), 1); /* a definition */
		T_INT(S_operative(a, "Dit document beschrijft"), 0); /* unnumbered prose */
		T_INT(S_operative(a, "1.5 Dit model"), 0);    /* about the model, not the contract */
		T_INT(S_operative(a, "1.6 De planning"), 0);  /* numbered, but neither */
		T_INT(S_operative(a, "1.7 De beheeromgeving"), 1); /* what is delivered (blind8 nl-pve 1.2) */
		T_INT(S_operative(a, "1.8 Deze inleiding"), 0);
		T_INT(S_operative(a, "2.1 De Oplossing"), 0); /* a Toelichting stays guidance */
		T_INT(S_operative(a, "Opdrachtnemer levert"), 1);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_intro_en(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(
		"# 1. Introductie\n"
		"1.1 The Municipality (the \"Customer\") procures a platform for reports from residents.\n"
		"1.2 The Platform is procured as a cloud service (SaaS).\n"
		"1.3 In this document \"Data\" means all reports and photos.\n"
		"This document first sets out the requirements.\n"
		"1.4 This template is procured by municipalities.\n"
		"1.5 The timetable is in chapter 5.\n"
		"1.6 The Supplier delivers the management portal as a hosted service.\n"
		"# 2. Requirements\n"
		"The Supplier delivers the Platform.\n",
		&d);
	T_OK(a != NULL, "annotate");
	if (a) {
		T_INT(S_operative(a, "1.1 The Municipality"), 1);
		T_INT(S_operative(a, "1.2 The Platform"), 1);
		T_INT(S_operative(a, "1.3 In this document"), 1);
		T_INT(S_operative(a, "This document first"), 0);
		T_INT(S_operative(a, "1.4 This template"), 0);
		T_INT(S_operative(a, "1.5 The timetable"), 0);
		T_INT(S_operative(a, "1.6 The Supplier delivers"), 1);
		T_INT(S_operative(a, "The Supplier delivers"), 1);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

int main(void)
{
	test_intro_nl();
	test_intro_en();
	return T_DONE();
}
