/* The clause tree (outline.c) for any format: headings, list labels and
 * typed numbers build "Artikel 5" > "5.2" > "5.2.a". */
#include "harness.h"
#include "model/doc.h"

typedef struct {
	tl_para_kind kind;
	int outline;
	const char *label; /* a list label from the reader, or NULL */
	const char *text;
	unsigned flags;
} S_in;

static tl_document *S_doc(const S_in *in, size_t n)
{
	tl_document *d = tl_doc_new("t", TL_FORMAT_TEXT, NULL);
	tl_error err = TL_ERROR_INIT;
	for (size_t i = 0; i < n; i++) {
		tl_para *p = tl_doc_add_para(d, in[i].kind, "body", (int32_t)i, in[i].text,
		                             strlen(in[i].text), &err);
		p->outline = in[i].outline;
		p->flags = in[i].flags;
		if (in[i].label) {
			p->label = tl_doc_str(d, in[i].label);
			p->flags |= TL_PARA_F_LIST;
			p->list_level = 1;
		}
	}
	T_INT(tl_doc_finish(d, &err), 0);
	return d;
}

/* "label@level^parent" per clause */
static const char *S_tree(const tl_document *d)
{
	static char buf[2048];
	size_t n = 0, nc;
	const tl_clause *c = tl_document_clauses(d, &nc);
	buf[0] = 0;
	for (size_t i = 0; i < nc && n < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s@%d^%d", i ? " " : "",
		                      c[i].label ? c[i].label : "-", c[i].level, c[i].parent);
	return buf;
}

static void test_typed_labels(void)
{
	S_in in[] = {
		{TL_PARA_BODY, 0, NULL, "Artikel 5 - Aansprakelijkheid", 0},
		{TL_PARA_BODY, 0, NULL, "5.1 De Leverancier is aansprakelijk voor directe schade.", 0},
		{TL_PARA_BODY, 0, NULL, "5.2 De aansprakelijkheid is beperkt tot:", 0},
		{TL_PARA_BODY, 0, NULL, "a) het bedrag van de opdracht;", 0},
		{TL_PARA_BODY, 0, NULL, "b) 1.000.000 euro per gebeurtenis.", 0},
		{TL_PARA_BODY, 0, NULL, "Deze beperking geldt niet bij opzet.", 0},
		{TL_PARA_BODY, 0, NULL, "5.3 De Opdrachtgever meldt schade binnen 30 dagen.", 0},
		{TL_PARA_BODY, 0, NULL, "Artikel 6: Prijzen", 0},
		{TL_PARA_BODY, 0, NULL, "Artikel 7:401 BW is niet van toepassing.", 0},
		{TL_PARA_BODY, 0, NULL, "100 euro per uur geldt als tarief.", 0},
		{TL_PARA_BODY, 0, NULL, "1.500 uur is het maximum.", 0},
		{TL_PARA_BODY, 0, NULL, "12.3. Clause twelve point three", 0},
		{TL_PARA_BODY, 0, NULL, "Clause 12.4 Termination", 0},
	};
	tl_document *d = S_doc(in, sizeof in / sizeof in[0]);
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	T_STR(p[0].label, "Artikel 5");
	T_OK(p[0].flags & TL_PARA_F_LABEL_TYPED, "typed");
	T_STR(p[0].text, "Artikel 5 - Aansprakelijkheid"); /* text keeps the typed label */
	T_STR(p[1].label, "5.1");
	T_STR(p[3].label, "a)");
	T_OK(p[5].label == NULL, "plain paragraph");
	T_OK(p[8].label == NULL, "a reference to the civil code is no label");
	T_OK(p[9].label == NULL, "an amount is no label");
	T_OK(p[10].label == NULL, "a thousands separator is no label");
	T_STR(p[11].label, "12.3");
	T_STR(p[12].label, "Clause 12.4");
	T_STR(S_tree(d), "Artikel 5@1^-1 5.1@2^0 5.2@2^0 a)@3^2 b)@3^2 5.3@2^0 Artikel 6@1^-1 "
	                 "12.3@2^6 Clause 12.4@2^6");
	size_t nc;
	const tl_clause *c = tl_document_clauses(d, &nc);
	T_STR(c[0].title, "Aansprakelijkheid");
	T_STR(c[6].title, "Prijzen");
	T_OK(c[1].title == NULL, "a long clause sentence is no title");
	T_INT(c[0].last_para, 6);
	T_INT(c[2].last_para, 5); /* "Deze beperking" still belongs to 5.2 (after b) */
	T_INT(c[4].last_para, 5);
	T_INT(p[5].clause, 4);    /* innermost clause */
	T_INT(p[9].clause, 6);
	tl_document_free(d);
}

static void test_headings_and_lists(void)
{
	S_in in[] = {
		{TL_PARA_BODY, 0, NULL, "Inhoudsopgave", TL_PARA_F_TOC},
		{TL_PARA_HEADING, 1, "1", "Algemeen", 0},
		{TL_PARA_BODY, 0, "1.", "Dit is een opsomming.", 0},
		{TL_PARA_BODY, 0, "2.", "Tweede punt.", 0},
		{TL_PARA_BODY, 0, "\xE2\x80\xA2", "Een opsommingsteken opent niets.", 0},
		{TL_PARA_HEADING, 2, NULL, "Subkop zonder nummer", 0},
		{TL_PARA_BODY, 0, NULL, "1.1 Een nummer onder de subkop.", 0},
		{TL_PARA_CELL, 0, NULL, "2.1 In een tabel: geen clausule.", 0},
		{TL_PARA_FOOTNOTE, 0, NULL, "3. Voetnoot opent niets.", 0},
		{TL_PARA_HEADING, 1, "2", "Prijzen", 0},
		{TL_PARA_BODY, 0, NULL, "2.1 Prijzen zijn vast.", 0},
	};
	tl_document *d = S_doc(in, sizeof in / sizeof in[0]);
	T_STR(S_tree(d), "1@1^-1 1.@2^0 2.@2^0 -@2^0 1.1@3^3 2@1^-1 2.1@2^5");
	size_t nc, np;
	const tl_clause *c = tl_document_clauses(d, &nc);
	const tl_para *p = tl_document_paras(d, &np);
	T_STR(c[0].title, "Algemeen");
	T_INT(c[0].last_para, 7); /* the last body paragraph before "Prijzen", not the footnote */
	T_INT(p[0].clause, -1);
	T_INT(p[4].clause, 2);
	T_INT(p[7].clause, 4);
	T_STR(tl_document_title(d), "Algemeen");
	tl_document_free(d);
}

static void test_roman_headings(void)
{
	S_in in[] = {
		{TL_PARA_BODY, 0, NULL, "I. Inleiding", 0},
		{TL_PARA_BODY, 0, NULL, "II. Definities", 0},
		{TL_PARA_BODY, 0, NULL, "III. Prijzen", 0},
		{TL_PARA_BODY, 0, NULL, "IV. Slotbepalingen", 0},
	};
	tl_document *d = S_doc(in, sizeof in / sizeof in[0]);
	T_STR(S_tree(d), "I.@1^-1 II.@1^-1 III.@1^-1 IV.@1^-1");
	tl_document_free(d);
}

static void test_roman_and_letters(void)
{
	S_in in[] = {
		{TL_PARA_BODY, 0, NULL, "Artikel 1 Definities", 0},
		{TL_PARA_BODY, 0, NULL, "(a) eerste;", 0},
		{TL_PARA_BODY, 0, NULL, "(b) tweede;", 0},
		{TL_PARA_BODY, 0, NULL, "(i) een romeins cijfer onder b;", 0},
		{TL_PARA_BODY, 0, NULL, "(ii) nog een;", 0},
		{TL_PARA_BODY, 0, NULL, "(c) derde.", 0},
		{TL_PARA_BODY, 0, NULL, "Artikel 2 Looptijd", 0},
	};
	tl_document *d = S_doc(in, sizeof in / sizeof in[0]);
	T_STR(S_tree(d), "Artikel 1@1^-1 (a)@2^0 (b)@2^0 (i)@3^2 (ii)@3^2 (c)@2^0 Artikel 2@1^-1");
	tl_document_free(d);
}

/* Capitals glued to a number ("S3.5", "OF2.", "M8") label a clause when a
 * second paragraph has a label with the same capitals; "A4 paper" and "CO2
 * emissions" on their own do not, nor does one "OF1." alone. */
static void test_prefixed_labels(void)
{
	S_in in[] = {
		{TL_PARA_HEADING, 1, NULL, "Part 1: Municipal Schedule", 0},
		{TL_PARA_BODY, 0, NULL, "S3 Data", 0},
		{TL_PARA_BODY, 0, NULL, "S3.1 The Municipality owns the Municipal Data.", 0},
		{TL_PARA_BODY, 0, NULL, "S3.2 Meridian shall not sell the Municipal Data.", 0},
		{TL_PARA_BODY, 0, NULL, "A4 paper is used for every printed report.", 0},
		{TL_PARA_BODY, 0, NULL, "CO2 emissions are reported yearly.", 0},
		{TL_PARA_BODY, 0, NULL, "S4 Security", 0},
		{TL_PARA_HEADING, 1, NULL, "Part 2: Master Licence Terms", 0},
		{TL_PARA_BODY, 0, NULL, "M7. Meridian may change the Service.", 0},
		{TL_PARA_BODY, 0, NULL, "M8. Meridian may assign this agreement.", 0},
		{TL_PARA_BODY, 0, NULL, "OF1. This Order Form prevails.", 0},
		{TL_PARA_BODY, 0, NULL, "S3.5x is not a label.", 0},
	};
	tl_document *d = S_doc(in, sizeof in / sizeof in[0]);
	size_t np;
	const tl_para *p = tl_document_paras(d, &np);
	T_STR(p[2].label, "S3.1");
	T_OK(p[2].flags & TL_PARA_F_LABEL_TYPED, "typed");
	T_STR(p[9].label, "M8");
	T_OK(!p[4].label && !p[5].label, "A4, CO2 stand alone: no labels");
	T_OK(!p[10].label, "a single OF1. is no label");
	T_OK(!p[11].label, "S3.5x is no label");
	T_STR(S_tree(d), "Part 1@1^-1 S3@2^0 S3.1@3^1 S3.2@3^1 S4@2^0 Part 2@1^-1 M7@2^5 M8@2^5");
	tl_document_free(d);
}

int main(void)
{
	test_typed_labels();
	test_prefixed_labels();
	test_headings_and_lists();
	test_roman_and_letters();
	test_roman_headings();
	return T_DONE();
}
