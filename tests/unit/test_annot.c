/* Unit tests for src/analyze: parties and definitions, negation scope on
 * tokens, list lead-ins, coordinated units, "we/you" terms.  Sentence-level
 * modality, roles, exceptions and quantities are tabulated in
 * tests/spec/annotations.tsv. */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

static const tl_term *S_term(const tl_annotated *a, const char *fold)
{
	for (uint32_t i = 0; i < a->nterms; i++)
		if (!strcmp(a->terms[i].fold, fold))
			return &a->terms[i];
	return NULL;
}


/* Flags of the first token of s whose fold is `fold`, or 0xFFFFFFFF. */
static uint32_t S_tokflags(const tl_sentence *s, const char *fold)
{
	for (uint32_t i = 0; s && i < s->ntok; i++)
		if (!strcmp(s->tok[i].fold, fold))
			return s->tok[i].flags;
	return 0xFFFFFFFFu;
}

static void test_preambles(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(fx_pre_nl, &d);
	T_OK(a != NULL, "annotate nl preamble");
	if (a) {
		T_INT(a->lang, TL_LANG_NL);
		T_INT(a->nterms, 3);
		const tl_term *t = S_term(a, "opdrachtgever");
		T_OK(t && t->role == TL_ROLE_CUSTOMER, "Opdrachtgever is the customer");
		T_STR(t ? t->name : NULL, "de Gemeente");
		t = S_term(a, "opdrachtnemer");
		T_OK(t && t->role == TL_ROLE_VENDOR, "Opdrachtnemer is the vendor");
		t = S_term(a, "gegevens");
		T_OK(t && t->role == TL_ROLE_NONE, "Gegevens is data, no party");
		T_OK(t && t->definition && !strncmp(t->definition, "alle gegevens die Opdrachtnemer", 31),
		     "definition text: %s", t && t->definition ? t->definition : "(null)");
		T_OK(t && t->def_sentence >= 0 && (a->sent[t->def_sentence].flags & TL_SENT_DEFINITION),
		     "definition sentence flagged");
		T_INT(tl_annot_role_of(a, "opdrachtnemer"), TL_ROLE_VENDOR);
		T_INT(tl_annot_role_of(a, "gemeente"), TL_ROLE_CUSTOMER);
		T_INT(tl_annot_role_of(a, "derden"), TL_ROLE_THIRD);
		T_INT(tl_annot_role_of(a, "partijen"), TL_ROLE_BOTH);
		T_INT(tl_annot_role_of(a, "gegevens"), TL_ROLE_NONE);
		for (uint32_t k = 0; k < a->nsent; k++)
			T_OK(a->sent[k].modality == TL_MOD_STATEMENT, "a preamble binds nobody (sentence %u)", k);
	}
	tl_annotated_free(a);
	tl_document_free(d);

	a = fx_annotate(fx_pre_en, &d);
	T_OK(a != NULL, "annotate en preamble");
	if (a) {
		T_INT(a->lang, TL_LANG_EN);
		const tl_term *t = S_term(a, "customer");
		T_OK(t && t->role == TL_ROLE_CUSTOMER, "Customer");
		T_STR(t ? t->name : NULL, "The Municipality");
		t = S_term(a, "supplier");
		T_OK(t && t->role == TL_ROLE_VENDOR, "Supplier");
		t = S_term(a, "customer data");
		T_OK(t && t->role == TL_ROLE_NONE && t->definition &&
		         !strncmp(t->definition, "all data processed by the Supplier", 34),
		     "Customer Data is a data term with its definition");
		T_INT(tl_annot_role_of(a, "customer data"), TL_ROLE_NONE);
		T_INT(tl_annot_role_of(a, "customer's"), TL_ROLE_CUSTOMER);
		T_INT(tl_annot_role_of(a, "third parties"), TL_ROLE_THIRD);
		T_INT(tl_annot_role_of(a, "sub-processor"), TL_ROLE_VENDOR);
	}
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_definitions(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(
		"Acme B.V., de leverancier (hierna: \"Acme\"), en de Gemeente Utrecht (hierna te noemen: "
		"Gemeente).\n"
		"Zorgdata Ltd (hereinafter \"Provider\").\n"
		"# Artikel 1 Definities\n"
		"- Sensordata: alle gegevens die de sensoren in de openbare ruimte registreren.\n"
		"- Onder Klantdata wordt verstaan: alle gegevens die Opdrachtgever aanlevert.\n"
		"| Telemetrie | alle meetgegevens van de apparaten |\n"
		"\"Telemetry\" means everything the devices record.\n"
		"# Artikel 2 Gebruik\n"
		"Acme zal de Sensordata niet verkopen.\n"
		"Let op: dit is geen definitie.\n",
		&d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	const tl_term *t = S_term(a, "acme");
	T_OK(t && t->role == TL_ROLE_VENDOR, "an alias takes its role from the name (de leverancier)");
	t = S_term(a, "gemeente");
	T_OK(t && t->role == TL_ROLE_CUSTOMER, "hierna te noemen without quotes");
	t = S_term(a, "provider");
	T_OK(t && t->role == TL_ROLE_VENDOR, "hereinafter");
	t = S_term(a, "zorgdata ltd");
	T_OK(t && t->role == TL_ROLE_VENDOR, "the party's own name is a mention of it");
	t = S_term(a, "sensordata");
	T_OK(t && t->role == TL_ROLE_NONE && t->definition &&
	         !strncmp(t->definition, "alle gegevens die de sensoren", 29),
	     "list item in a definitions article");
	t = S_term(a, "klantdata");
	T_OK(t && t->definition && !strncmp(t->definition, "alle gegevens die Opdrachtgever", 31),
	     "Onder X wordt verstaan");
	t = S_term(a, "telemetrie");
	T_OK(t && t->definition && !strcmp(t->definition, "alle meetgegevens van de apparaten"),
	     "definition table row");
	T_OK(S_term(a, "telemetry") != NULL, "\"X\" means");
	T_OK(S_term(a, "let op") == NULL, "outside a definitions article, \"X: text\" is no definition");
	const tl_sentence *s = fx_find(a, "Acme zal");
	T_OK(s && s->modality == TL_MOD_PROHIBITION && s->bound == TL_ROLE_VENDOR,
	     "the alias binds the vendor");
	T_OK(s && s->ntok > 3 && s->tok[3].term >= 0 &&
	         !strcmp(a->terms[s->tok[3].term].fold, "sensordata"),
	     "a later mention points at its definition");
	T_INT(s ? tl_annot_token_role(a, s, 0) : -1, TL_ROLE_VENDOR);
	T_INT(s ? tl_annot_token_role(a, s, 3) : -1, TL_ROLE_NONE);
	tl_annotated_free(a);
	tl_document_free(d);

	/* a typed multi-level number before the term: "1.2 \"X\" means", "1.2 \"X\": ..." */
	a = fx_annotate("The Municipality (the \"Customer\") and Acme Ltd (the \"Supplier\").\n"
	                "1.2 \"Customer Data\" means all data that the Customer provides.\n"
	                "1.3. \"Telemetrie\": alle gegevens die de apparatuur registreert.\n"
	                "The Supplier shall not sell Customer Data.\n",
	                &d);
	t = a ? S_term(a, "customer data") : NULL;
	T_OK(t && t->role == TL_ROLE_NONE && t->definition &&
	         !strncmp(t->definition, "all data that the Customer", 26),
	     "numbered \"X\" means");
	t = a ? S_term(a, "telemetrie") : NULL;
	T_OK(t && t->definition && !strncmp(t->definition, "alle gegevens", 13), "numbered \"X\":");
	s = a ? fx_find(a, "The Supplier shall not") : NULL;
	T_OK(s && s->bound == TL_ROLE_VENDOR && s->ntok > 5 && s->tok[5].term >= 0 &&
	         tl_annot_token_role(a, s, 5) == TL_ROLE_NONE,
	     "\"Customer\" inside \"Customer Data\" is no mention of the customer");
	tl_annotated_free(a);
	tl_document_free(d);

	/* the ';' items of a definition are part of it, not obligations */
	a = fx_annotate("\"Token Patterns\" means the specifications the Customer provides, including: "
	                "(a) a unique name; (b) a pattern that the Supplier shall use.\n",
	                &d);
	int all_def = a && a->nsent >= 2;
	for (uint32_t k = 0; a && k < a->nsent; k++)
		all_def &= (a->sent[k].flags & TL_SENT_DEFINITION) && a->sent[k].modality == TL_MOD_STATEMENT;
	T_OK(all_def, "definition list items");
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_dutch_preamble(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(
		"1. De gemeente Utrecht, gevestigd te Utrecht, hierna te noemen: Opdrachtgever,\n"
		"2. Acme B.V., gevestigd te Amsterdam, rechtsgeldig vertegenwoordigd door J. Jansen, "
		"hierna te noemen: \"Leverancier\";\n"
		"Acme B.V. verstrekt geen Gegevens aan derden.\n",
		&d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	const tl_term *t = S_term(a, "opdrachtgever");
	T_OK(t && t->role == TL_ROLE_CUSTOMER, "hierna te noemen: X without quotes");
	t = S_term(a, "leverancier");
	T_OK(t && t->role == TL_ROLE_VENDOR, "hierna te noemen: \"X\"");
	T_OK(t && t->name && !strncmp(t->name, "Acme B.V., gevestigd te Amsterdam", 33), "name: %s",
	     t && t->name ? t->name : "(null)");
	t = S_term(a, "acme b.v .");
	T_OK(t && t->role == TL_ROLE_VENDOR, "the name up to its first comma is the vendor");
	const tl_sentence *s = fx_find(a, "Acme B.V. verstrekt");
	T_OK(s && s->modality == TL_MOD_PROHIBITION && s->bound == TL_ROLE_VENDOR, "bound by name");
	tl_annotated_free(a);
	tl_document_free(d);
}

/* An aside in parentheses inside a party's name ("Holdings Inc. (Delaware,
 * USA)") does not end the name: the alias after it still names the company,
 * which a two-party preamble makes the vendor; a parenthesis the line starts
 * with ("(b)") still does not belong to the name. */
static void test_aside_in_name(void)
{
	static const char *const texts[] = {
	    "Shared Service Centre Waterland, a joint arrangement of two municipalities (the \"Customer\"); and\n"
	    "NordRack Data Centres B.V., Amsterdam, a subsidiary of NordRack Holdings Inc. (Delaware, USA) "
	    "(\"NordRack\").\n"
	    "NordRack shall not sell the Customer's data.\n",
	    "(a) Shared Service Centre Waterland (the \"Customer\"); and\n"
	    "(b) NordRack Data Centres B.V. (Amsterdam) (\"NordRack\").\n"
	    "NordRack shall not sell the Customer's data.\n",
	};
	for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
		tl_document *d;
		tl_annotated *a = fx_annotate(texts[k], &d);
		T_OK(a != NULL, "annotate %zu", k);
		if (!a)
			continue;
		const tl_term *t = S_term(a, "nordrack");
		T_OK(t && t->role == TL_ROLE_VENDOR, "text %zu: NordRack is the vendor", k);
		T_OK(t && t->name && !strncmp(t->name, "NordRack Data Centres B.V.", 26) && strchr(t->name, ')'),
		     "text %zu: the name keeps its aside: %s", k, t && t->name ? t->name : "(null)");
		const tl_sentence *s = fx_find(a, "NordRack shall not sell");
		T_OK(s && s->bound == TL_ROLE_VENDOR, "text %zu: its duty binds the vendor", k);
		tl_annotated_free(a);
		tl_document_free(d);
	}
}

/* A party label before a name ("Provider: SignStream Inc., ... (\"SignStream\")",
 * "Leverancier: Kadans B.V., ... (\"Kadans\")") says whose name it is, even
 * where the line names two parties and "we" is defined elsewhere; a label
 * that is no party word ("Plan: Enterprise") names nobody. */
static void test_party_label_line(void)
{
	static const char *const texts[] = {
	    "Customer: the Municipality of Eemsborg, the Netherlands (the \"Municipality\"). Provider: "
	    "SignStream Inc., a Delaware corporation, San Jose, California (\"SignStream\"). Plan: Enterprise "
	    "(the \"Plan\").\n"
	    "SignStream shall notify the Municipality of any Security Breach within 48 hours.\n"
	    "\"We\" and \"us\" mean SignStream; \"you\" means the customer.\n",
	    "Opdrachtgever: de gemeente Eemsborg (hierna: \"de Gemeente\"). Leverancier: Kadans B.V., "
	    "gevestigd te Utrecht, een besloten vennootschap (\"Kadans\").\n"
	    "Kadans meldt een datalek binnen 24 uur aan de Gemeente.\n",
	};
	static const char *const alias[] = {"signstream", "kadans"};
	static const char *const duty[] = {"SignStream shall notify", "Kadans meldt"};
	for (size_t k = 0; k < 2; k++) {
		tl_document *d;
		tl_annotated *a = fx_annotate(texts[k], &d);
		T_OK(a != NULL, "annotate %zu", k);
		if (!a)
			continue;
		const tl_term *t = S_term(a, alias[k]);
		T_OK(t && t->role == TL_ROLE_VENDOR, "text %zu: the labelled name is the vendor", k);
		const tl_sentence *s = fx_find(a, duty[k]);
		T_OK(s && s->bound == TL_ROLE_VENDOR, "text %zu: its duty binds the vendor", k);
		if (k == 0) {
			const tl_term *pl = S_term(a, "plan");
			T_OK(!pl || pl->role == TL_ROLE_NONE, "a label that is no party word names nobody");
		}
		tl_annotated_free(a);
		tl_document_free(d);
	}
}

static void test_negation_scope(void)
{
	char text[2048];
	snprintf(text, sizeof text,
	         "%sHet portaal past geen biometrische technieken toe.\n"
	         "Het portaal past biometrische technieken toe.\n"
	         "Opdrachtnemer verkoopt Gegevens, tenzij Opdrachtgever niet instemt.\n"
	         "Indien Opdrachtgever geen camera's plaatst, levert Opdrachtnemer sensoren.\n"
	         "Opdrachtnemer verwerkt de camerabeelden niet.\n",
	         fx_pre_nl);
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	const tl_sentence *s = fx_find(a, "Het portaal past geen");
	T_OK(S_tokflags(s, "biometrische") & TL_TOK_NEG_SCOPE, "a mention inside a negation");
	T_OK(S_tokflags(s, "geen") & TL_TOK_NEGATOR, "geen is the negator");
	s = fx_find(a, "Het portaal past biometrische");
	T_OK(!(S_tokflags(s, "biometrische") & TL_TOK_NEG_SCOPE), "a plain mention");
	s = fx_find(a, "Opdrachtnemer verkoopt Gegevens, tenzij");
	T_OK(!(S_tokflags(s, "verkoopt") & TL_TOK_NEG_SCOPE), "main predicate not negated");
	T_OK(S_tokflags(s, "instemt") & TL_TOK_NEG_SCOPE, "negated inside the exception");
	T_OK(S_tokflags(s, "instemt") & TL_TOK_IN_EXC, "inside the exception");
	T_OK(s && s->nexc == 1 && s->exc[0].kind == TL_EXC_CUSTOMER, "exception by the customer");
	T_OK(s && s->subject == 0 && (s->tok[0].flags & TL_TOK_SUBJECT), "subject token");
	s = fx_find(a, "Indien");
	T_OK(S_tokflags(s, "camera's") & TL_TOK_NEG_SCOPE, "negated in the condition");
	T_OK(S_tokflags(s, "camera's") & TL_TOK_SUBORD, "inside the condition");
	T_OK(!(S_tokflags(s, "sensoren") & TL_TOK_NEG_SCOPE), "main clause not negated");
	T_OK(s && s->modality == TL_MOD_OBLIGATION && s->bound == TL_ROLE_VENDOR,
	     "inverted subject after a condition");
	s = fx_find(a, "Opdrachtnemer verwerkt de camerabeelden");
	T_OK(S_tokflags(s, "camerabeelden") & TL_TOK_NEG_SCOPE, "object before a final niet");
	T_OK(!(S_tokflags(s, "opdrachtnemer") & TL_TOK_NEG_SCOPE), "the subject is not negated");
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_lists_and_units(void)
{
	char text[2048];
	snprintf(text, sizeof text,
	         "%sOpdrachtnemer zal:\n"
	         "- geen Gegevens verkopen;\n"
	         "- de Gegevens versleutelen;\n"
	         "- Opdrachtgever mag de Gegevens inzien.\n"
	         "Opdrachtnemer verkoopt geen Gegevens, maar mag deze gebruiken voor onderzoek.\n",
	         fx_pre_nl);
	tl_document *d;
	tl_annotated *a = fx_annotate(text, &d);
	T_OK(a != NULL, "annotate");
	if (!a)
		return;
	const tl_sentence *s = fx_find(a, "geen Gegevens verkopen");
	T_OK(s && s->modality == TL_MOD_PROHIBITION && s->bound == TL_ROLE_VENDOR,
	     "a list item continues its lead-in");
	T_OK(s && s->subject == -1 && s->lead_para == (uint32_t)s->para - 1, "lead-in paragraph");
	s = fx_find(a, "de Gegevens versleutelen");
	T_OK(s && s->modality == TL_MOD_OBLIGATION && s->bound == TL_ROLE_VENDOR, "second item");
	s = fx_find(a, "Opdrachtgever mag");
	T_OK(s && s->modality == TL_MOD_PERMISSION && s->bound == TL_ROLE_CUSTOMER,
	     "an item with its own subject and modal keeps them");
	s = fx_find(a, "Opdrachtnemer verkoopt geen Gegevens, maar");
	T_OK(s && s->unit == 0 && s->modality == TL_MOD_PROHIBITION, "first unit");
	const tl_sentence *s2 = s ? s + 1 : NULL;
	T_OK(s2 && s2->unit == 1 && s2->modality == TL_MOD_PERMISSION && s2->bound == TL_ROLE_VENDOR,
	     "second unit keeps the subject");
	T_OK(s && s2 && s->quote_start == s2->quote_start && s->quote_end == s2->quote_end &&
	         s->end <= s2->start,
	     "units quote the whole sentence");
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_we_you(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("We will not sell your personal data.\n"
	                              "You may delete your account at any time.\n"
	                              "We may use cookies to improve our services.\n",
	                              &d);
	T_OK(a && (a->flags & TL_ANNOT_WE_VENDOR), "a vendor's own terms");
	if (a) {
		T_OK(a->sent[0].modality == TL_MOD_PROHIBITION && a->sent[0].bound == TL_ROLE_VENDOR, "we");
		T_OK(a->sent[1].modality == TL_MOD_PERMISSION && a->sent[1].bound == TL_ROLE_CUSTOMER, "you");
	}
	tl_annotated_free(a);
	tl_document_free(d);
	/* one "we" in a customer's contract is no vendor */
	a = fx_annotate("The Supplier shall deliver as we agreed.\n", &d);
	T_OK(a && !(a->flags & TL_ANNOT_WE_VENDOR), "no we/you terms");
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_edge_cases(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("", &d);
	T_OK(a && a->nsent == 0 && a->nterms == 0, "empty document");
	tl_annotated_free(a);
	tl_document_free(d);
	/* a long run-on paragraph without punctuation */
	size_t n = 200000;
	char *big = malloc(n + 1);
	if (!big)
		return;
	for (size_t i = 0; i < n; i++)
		big[i] = "niet geen tenzij ( [ < . ; "[i % 27];
	big[n] = '\0';
	a = fx_annotate(big, &d);
	T_OK(a != NULL, "hostile paragraph annotates");
	tl_annotated_free(a);
	tl_document_free(d);
	free(big);
	T_STR(tl_modality_name(TL_MOD_PROHIBITION), "prohibition");
	T_STR(tl_role_name(TL_ROLE_VENDOR), "vendor");
	T_STR(tl_exc_kind_name(TL_EXC_LAW), "law");
	T_STR(tl_lang_name(TL_LANG_NL), "nl");
	tl_annotated_free(NULL);
}

int main(void)
{
	test_preambles();
	test_definitions();
	test_dutch_preamble();
	test_aside_in_name();
	test_party_label_line();
	test_negation_scope();
	test_lists_and_units();
	test_we_you();
	test_edge_cases();
	return T_DONE();
}
