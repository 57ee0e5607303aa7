/* Unit tests for src/analyze: what a sentence unit says and whom it binds,
 * beyond the columns of tests/spec/annotations.tsv: the negation scope of a
 * limit ("niet meer X dan Y") and of coordinated predicates, units with
 * their own subject, "we/you" next to defined parties, verbless list items,
 * and statements of fact. */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"


/* 1 when the first token of s folded as `fold` is in the negation scope,
 * 0 when it is not, -1 when s has no such token. */
static int S_negscope(const tl_sentence *s, const char *fold)
{
	for (uint32_t i = 0; s && i < s->ntok; i++)
		if (!strcmp(s->tok[i].fold, fold))
			return (s->tok[i].flags & TL_TOK_NEG_SCOPE) != 0;
	return -1;
}

static tl_annotated *S_annotate(const char *pre, const char *body, tl_document **d)
{
	static char text[8192];
	snprintf(text, sizeof text, "%s%s", pre, body);
	tl_annotated *a = fx_annotate(text, d);
	T_OK(a != NULL, "annotate");
	return a;
}

static void test_limit_and_subject_scope(void)
{
	tl_document *d;
	tl_annotated *a = S_annotate(
		fx_pre_nl,
		"De sensoren in de openbare ruimte verzamelen niet meer gegevens dan voor het tellen "
		"nodig is, verwerken de beelden op het apparaat zelf en slaan geen ruwe beelden op.\n"
		"Geen camera's worden in de openbare ruimte geplaatst.\n"
		"Opdrachtnemer verkoopt de Gegevens, Metadata en Logbestanden niet.\n"
		"Opdrachtnemer verzamelt niet meer persoonsgegevens dan voor het doel noodzakelijk is.\n",
		&d);
	if (!a)
		return;
	const tl_sentence *s = fx_find(a, "De sensoren");
	T_INT(S_negscope(s, "sensoren"), 0); /* the subject is never denied */
	T_INT(S_negscope(s, "ruimte"), 0);
	T_INT(S_negscope(s, "niet"), 0); /* "niet meer ... dan" is a limit */
	T_INT(S_negscope(s, "gegevens"), 0);
	T_INT(S_negscope(s, "apparaat"), 0); /* a predicate before the negated one */
	T_INT(S_negscope(s, "ruwe"), 1);
	T_OK(s && (s->flags & TL_SENT_NEGATED), "one predicate is negated");
	s = fx_find(a, "Geen camera's");
	T_INT(S_negscope(s, "camera's"), 1); /* a negator inside the subject denies it */
	s = fx_find(a, "Opdrachtnemer verkoopt de Gegevens, Metadata");
	T_INT(S_negscope(s, "metadata"), 1); /* a list of objects before a final niet */
	T_INT(S_negscope(s, "gegevens"), 1);
	T_INT(S_negscope(s, "opdrachtnemer"), 0);
	s = fx_find(a, "Opdrachtnemer verzamelt niet meer");
	T_OK(s && s->modality == TL_MOD_OBLIGATION && !(s->flags & TL_SENT_NEGATED),
	     "collecting at most what is needed is an obligation");
	tl_annotated_free(a);
	tl_document_free(d);

	a = S_annotate(fx_pre_en,
	               "The cameras in the public space do not record audio.\n"
	               "The Supplier shall collect no more personal data than is necessary.\n",
	               &d);
	if (!a)
		return;
	s = fx_find(a, "The cameras");
	T_INT(S_negscope(s, "cameras"), 0);
	T_INT(S_negscope(s, "space"), 0);
	T_INT(S_negscope(s, "audio"), 1);
	s = fx_find(a, "The Supplier shall collect");
	T_OK(s && s->modality == TL_MOD_OBLIGATION && s->bound == TL_ROLE_VENDOR, "a limit in English");
	tl_annotated_free(a);
	tl_document_free(d);
}

/* the usual names without a definition: a UK council, a Dutch province or
 * water board is the customer; a seller or a Dutch "aannemer" the vendor;
 * and which of them a pronoun subject refers to */
static void test_usual_names(void)
{
	static const struct {
		const char *text;
		tl_role bound;
	} cases[] = {
		{"The Council shall notify the Contractor of any change.\n", TL_ROLE_CUSTOMER},
		{"The Purchaser may terminate the Agreement at any time.\n", TL_ROLE_CUSTOMER},
		{"The Seller shall deliver the hardware within ten days.\n", TL_ROLE_VENDOR},
		{"De provincie stelt de gegevens ter beschikking.\n", TL_ROLE_CUSTOMER},
		{"Het waterschap mag de Overeenkomst opzeggen.\n", TL_ROLE_CUSTOMER},
		{"De aannemer verwijdert de gegevens binnen een maand.\n", TL_ROLE_VENDOR},
		/* a singular pronoun subject refers to a side of the contract before a third party */
		{"Verzoeken van betrokkenen die Opdrachtnemer ontvangt, stuurt zij onverwijld door naar "
		 "Opdrachtgever.\n",
		 TL_ROLE_VENDOR},
		{"If a data subject contacts the Supplier directly, it shall forward the request to the "
		 "Customer.\n",
		 TL_ROLE_VENDOR},
		{"If third parties ask the Supplier for the data, they must contact the Customer.\n",
		 TL_ROLE_THIRD},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		tl_document *d;
		tl_annotated *a = S_annotate("", cases[i].text, &d);
		if (!a)
			continue;
		T_OK(a->nsent >= 1 && a->sent[0].bound == cases[i].bound, "%s: bound %d, want %d",
		     cases[i].text, a->nsent ? (int)a->sent[0].bound : -1, (int)cases[i].bound);
		tl_annotated_free(a);
		tl_document_free(d);
	}
}

/* Dutch puts the finite verb second: a plural verb before its pronoun subject
 * after a fronted phrase is the predicate; an English past tense is a narrative */
static void test_verb_second_and_past(void)
{
	tl_document *d;
	tl_annotated *a = S_annotate(
		"Zorgkoppel B.V. (\"wij\", \"ons\", \"Zorgkoppel\") en de gemeente (\"u\").\n",
		"Na ontdekking van een datalek informeren wij u binnen 24 uur.\n"
		"Daarna verwijderen wij uw gegevens.\n"
		"Onze supportafdeling in Belgrado kan gegevens op afstand inzien.\n",
		&d);
	if (a) {
		const tl_sentence *s = fx_find(a, "Na ontdekking");
		T_OK(s && s->modality == TL_MOD_OBLIGATION && s->bound == TL_ROLE_VENDOR,
		     "informeren wij: the vendor's obligation (modality %d)", s ? (int)s->modality : -1);
		s = fx_find(a, "Daarna verwijderen");
		T_OK(s && s->modality == TL_MOD_OBLIGATION && s->bound == TL_ROLE_VENDOR,
		     "verwijderen wij: the vendor's obligation (modality %d)", s ? (int)s->modality : -1);
		/* the vendor's own department after its possessive is the vendor side */
		s = fx_find(a, "Onze supportafdeling");
		T_OK(s && s->bound == TL_ROLE_VENDOR, "onze supportafdeling: bound %d", s ? (int)s->bound : -1);
		tl_annotated_free(a);
		tl_document_free(d);
	}
	a = S_annotate("DataVision Ltd (\"we\", \"us\", \"our\") and the Council (\"you\").\n",
	               "Our support and engineering teams in the United Kingdom and India may access your "
	               "data remotely.\n"
	               "Our fees may change each year.\n",
	               &d);
	if (a) {
		const tl_sentence *s = fx_find(a, "Our support");
		T_OK(s && s->bound == TL_ROLE_VENDOR, "our ... teams: bound %d", s ? (int)s->bound : -1);
		/* two names coordinated ("the United Kingdom and India") are one subject: no unit */
		T_OK(s && s->unit == 0 && (s + 1 >= a->sent + a->nsent || s[1].unit == 0),
		     "the United Kingdom and India: one unit");
		s = fx_find(a, "Our fees");
		T_OK(s && s->bound != TL_ROLE_VENDOR, "our fees bind no one");
		tl_annotated_free(a);
		tl_document_free(d);
	}
	a = S_annotate(fx_pre_en,
	               "The Council adopted a motion on facial recognition in 2023.\n"
	               "The Council needs the data for its own tasks.\n",
	               &d);
	if (a) {
		const tl_sentence *s = fx_find(a, "The Council adopted");
		T_OK(s && s->modality == TL_MOD_STATEMENT, "a past tense is a statement (modality %d)",
		     s ? (int)s->modality : -1);
		tl_annotated_free(a);
		tl_document_free(d);
	}
}

/* a thing's alias coined in a rule keeps the rule operative; a party's alias
 * makes its line a definition */
static void test_inline_alias(void)
{
	tl_document *d;
	tl_annotated *a = S_annotate(
		"The Municipality of Example (the \"Municipality\") and Acme Ltd (the \"Contractor\").\n",
		"All rights in the measurements and any data derived from them (\"Measurement Data\") vest "
		"in the Municipality.\n",
		&d);
	if (!a)
		return;
	const tl_sentence *p = fx_find(a, "The Municipality of Example");
	const tl_sentence *s = fx_find(a, "All rights");
	T_OK(p && (p->flags & TL_SENT_DEFINITION), "the parties' line is a definition");
	T_OK(s && !(s->flags & TL_SENT_DEFINITION), "the rule that coins a term stays a rule");
	int found = 0;
	for (uint32_t t = 0; t < a->nterms; t++)
		found |= a->terms[t].term && !strcmp(a->terms[t].term, "Measurement Data");
	T_OK(found, "the term is still defined");
	tl_annotated_free(a);
	tl_document_free(d);
	/* a thing introduced with "an", whose description names a party, is no party */
	a = S_annotate(fx_pre_en,
	               "(d) an interface the Supplier shall develop to publish measurements in the "
	               "Customer's GIS (the \"GIS Interface\").\n"
	               "The Supplier hosts the data, and a dashboard that the Supplier maintains (the "
	               "\"Dashboard\") shows it.\n",
	               &d);
	if (!a)
		return;
	for (uint32_t t = 0; t < a->nterms; t++)
		if (a->terms[t].term &&
		    (!strcmp(a->terms[t].term, "GIS Interface") || !strcmp(a->terms[t].term, "Dashboard")))
			T_OK(a->terms[t].role == TL_ROLE_NONE, "%s: role %d", a->terms[t].term,
			     (int)a->terms[t].role);
	tl_annotated_free(a);
	tl_document_free(d);
	/* "includes no" states what a thing lacks; "The Service includes" describes the
	 * deliverable: the term gets its text, the sentence stays operative */
	a = S_annotate(fx_pre_en,
	               "The Network includes no facial recognition or other biometric function.\n"
	               "The Service includes hosting, support and maintenance.\n",
	               &d);
	if (!a)
		return;
	s = fx_find(a, "The Network");
	T_OK(s && !(s->flags & TL_SENT_DEFINITION), "includes no: not a definition");
	s = fx_find(a, "The Service");
	T_OK(s && !(s->flags & TL_SENT_DEFINITION), "The Service includes: a description, not a definition");
	int defined = 0;
	for (uint32_t t = 0; t < a->nterms; t++)
		defined |= !strcmp(a->terms[t].fold, "service") && a->terms[t].definition &&
		           !strncmp(a->terms[t].definition, "hosting", 7);
	T_OK(defined, "the term Service gets the text");
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_units_with_own_subject(void)
{
	tl_document *d;
	tl_annotated *a = S_annotate(
		"De gemeente (hierna: \"Opdrachtgever\") en Telwerk B.V. (hierna: \"Leverancier\") sluiten "
		"deze overeenkomst.\n",
		"Leverancier levert de informatie die Opdrachtgever nodig heeft voor het "
		"algoritmeregister, en Opdrachtgever mag die informatie publiceren.\n",
		&d);
	if (!a)
		return;
	const tl_sentence *s = fx_find(a, "Leverancier levert");
	T_OK(s && s->unit == 0 && s->modality == TL_MOD_OBLIGATION && s->bound == TL_ROLE_VENDOR,
	     "the vendor's obligation");
	const tl_sentence *s2 = s ? s + 1 : NULL;
	T_OK(s2 && s2->unit == 1 && s2->modality == TL_MOD_PERMISSION &&
	         s2->bound == TL_ROLE_CUSTOMER,
	     "the customer's permission is its own unit");
	T_OK(s && s2 && s->quote_start == s2->quote_start, "both quote the whole sentence");
	tl_annotated_free(a);
	tl_document_free(d);
	/* a list of names, or a second complement, opens no unit */
	a = S_annotate(fx_pre_en,
	               "References to the Customer in the SOW, Key Terms, or Standard Terms will mean "
	               "that Affiliate.\n"
	               "Information that GitHub gives you, or that you may have access to, will be "
	               "confidential.\n",
	               &d);
	if (!a)
		return;
	s = fx_find(a, "References to");
	T_OK(s && (s + 1 >= a->sent + a->nsent || s[1].unit == 0), "a list of names");
	s = fx_find(a, "Information that");
	T_OK(s && (s + 1 >= a->sent + a->nsent || s[1].unit == 0), "', or that you may'");
	tl_annotated_free(a);
	tl_document_free(d);
	a = S_annotate("De gemeente (hierna: \"Opdrachtgever\") en Telwerk B.V. (hierna: \"Leverancier\") "
	               "sluiten deze overeenkomst.\n",
	               "Leverancier en Opdrachtgever mogen de resultaten publiceren.\n", &d);
	if (!a)
		return;
	s = fx_find(a, "Leverancier en Opdrachtgever mogen");
	T_OK(s && s->bound == TL_ROLE_BOTH && s->modality == TL_MOD_PERMISSION &&
	         (s + 1 >= a->sent + a->nsent || s[1].unit == 0),
	     "a subject of both sides is one unit");
	tl_annotated_free(a);
	tl_document_free(d);
}

/* The annotation of pre + text (in *a and *d, for the caller to free) and the
 * unit the sentence opens with, found by its first 20 bytes; NULL when there
 * is none. */
static const tl_sentence *S_opening_unit(const char *pre, const char *text, tl_annotated **a, tl_document **d)
{
	*a = S_annotate(pre, text, d);
	if (!*a)
		return NULL;
	char first[24];
	snprintf(first, sizeof first, "%.20s", text);
	return fx_find(*a, first);
}

/* A sentence of two units: the first opens with `first` and has modality m0,
 * the second has modality m1 and binds b1. */
typedef struct S_two {
	const char *pre, *text, *first;
	tl_modality m0, m1;
	tl_role b1;
} S_two;

static void S_check_two(const S_two *c)
{
	tl_document *d;
	tl_annotated *a = S_annotate(c->pre, c->text, &d);
	if (!a)
		return;
	const tl_sentence *s = fx_find(a, c->first);
	const tl_sentence *s2 = s && s + 1 < a->sent + a->nsent ? s + 1 : NULL;
	T_OK(s && s->unit == 0 && s->modality == c->m0, "%s: first unit", c->text);
	T_OK(s2 && s2->unit == 1 && s2->modality == c->m1 && s2->bound == c->b1, "%s: second unit", c->text);
	tl_annotated_free(a);
	tl_document_free(d);
}

/* The unit after "but"/"maar" without a comma: a modal right after it, or
 * after a short subject of its own, opens a unit, when the part before has a
 * verb ("shall not sell the Data but may share it"); not inside a relative
 * clause, not "not only ... but also". */
static void test_but_without_comma(void)
{
	static const S_two cases[] = {
		{fx_pre_en, "The Supplier shall not sell Customer Data but may share it with trusted partners.\n",
		 "The Supplier shall not sell", TL_MOD_PROHIBITION, TL_MOD_PERMISSION, TL_ROLE_VENDOR},
		{fx_pre_nl, "Opdrachtnemer verkoopt de Gegevens niet maar mag ze delen met vertrouwde partners.\n",
		 "Opdrachtnemer verkoopt de Gegevens niet", TL_MOD_PROHIBITION, TL_MOD_PERMISSION, TL_ROLE_VENDOR},
		{fx_pre_en, "The Supplier shall delete the logs after 30 days but the Customer may ask for an "
		            "earlier deletion.\n",
		 "The Supplier shall delete", TL_MOD_OBLIGATION, TL_MOD_PERMISSION, TL_ROLE_CUSTOMER},
		{fx_pre_nl, "Opdrachtnemer bewaart de back-ups niet langer dan 30 dagen maar Opdrachtgever mag "
		            "een kortere termijn vragen.\n",
		 "Opdrachtnemer bewaart de back-ups", TL_MOD_PROHIBITION, TL_MOD_PERMISSION, TL_ROLE_CUSTOMER},
		{fx_pre_en, "We will never sell your data but we may use it to improve our services.\n",
		 "We will never sell", TL_MOD_PROHIBITION, TL_MOD_PERMISSION, TL_ROLE_VENDOR},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
		S_check_two(&cases[k]);
	/* no unit: inside a relative clause, "not only ... but also", no modal after it */
	static const char *const one[] = {
		"Personal data that is pseudonymised but may be re-identified shall be encrypted.\n",
		"Not only the Supplier but also its subcontractors shall comply with this clause.\n",
		"The Supplier shall store the data in encrypted but readable form.\n",
		"Gegevens die versleuteld zijn maar kunnen worden hersteld, bewaart Opdrachtnemer in de EER.\n",
	};
	for (size_t k = 0; k < sizeof one / sizeof *one; k++) {
		tl_document *d;
		tl_annotated *a;
		const tl_sentence *s = S_opening_unit(k == 3 ? fx_pre_nl : fx_pre_en, one[k], &a, &d);
		T_OK(s && (s + 1 >= a->sent + a->nsent || s[1].unit == 0), "%s: one unit", one[k]);
		tl_annotated_free(a);
		tl_document_free(d);
	}
}

/* A negation inside the object's phrase denies that phrase, not the predicate:
 * "Customer Data not yet retrieved", "data no longer needed", "data not
 * identifying any person", "de nog niet opgehaalde documenten", "alle niet
 * langer benodigde gegevens"; "is not sold", "for not disclosing", "niet
 * langer dan 30 dagen" and a final "niet" still deny it. */
static void test_negation_inside_object(void)
{
	static const struct {
		int nl;
		const char *text;
		tl_modality m;
		int negated;
	} cases[] = {
		{0, "The Supplier delivers any Converted Documents not yet retrieved in PDF/UA within 14 days.\n",
		 TL_MOD_OBLIGATION, 0},
		{0, "The Supplier returns all Customer Data not previously exported by the Customer.\n",
		 TL_MOD_OBLIGATION, 0},
		{0, "The Supplier shall delete all Customer Data no longer needed for the Services.\n",
		 TL_MOD_OBLIGATION, 0},
		{0, "The Supplier may publish statistics not identifying any person.\n", TL_MOD_PERMISSION, 0},
		{1, "Opdrachtnemer levert binnen 14 dagen de nog niet opgehaalde documenten aan Opdrachtgever.\n",
		 TL_MOD_OBLIGATION, 0},
		{1, "Opdrachtnemer vernietigt alle niet langer benodigde gegevens.\n", TL_MOD_OBLIGATION, 0},
		{0, "The Supplier shall not deliver Customer Data to third parties.\n", TL_MOD_PROHIBITION, 1},
		{0, "Customer Data is not sold to third parties by the Supplier.\n", TL_MOD_PROHIBITION, 1},
		{0, "The Supplier is responsible for not disclosing Customer Data.\n", TL_MOD_PROHIBITION, 1},
		{1, "Opdrachtnemer bewaart de gegevens niet langer dan 30 dagen.\n", TL_MOD_PROHIBITION, 1},
		{1, "Opdrachtnemer verstrekt de gegevens niet aan derden.\n", TL_MOD_PROHIBITION, 1},
		/* "niemand", "nobody" deny like "geen", "no one" (s11 ask A13) */
		{1, "Opdrachtnemer verkoopt of verstrekt de Gegevens aan niemand anders.\n", TL_MOD_PROHIBITION, 1},
		{0, "The Supplier discloses Customer Data to nobody else.\n", TL_MOD_PROHIBITION, 1},
		{1, "Opdrachtnemer verstrekt de Gegevens aan iedereen die erom vraagt.\n", TL_MOD_OBLIGATION, 0},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		tl_document *d;
		tl_annotated *a;
		const tl_sentence *s = S_opening_unit(cases[k].nl ? fx_pre_nl : fx_pre_en, cases[k].text, &a, &d);
		T_OK(s && s->modality == cases[k].m && ((s->flags & TL_SENT_NEGATED) != 0) == cases[k].negated,
		     "%s: modality %d, negated %d", cases[k].text, s ? (int)s->modality : -1,
		     s ? (s->flags & TL_SENT_NEGATED) != 0 : -1);
		tl_annotated_free(a);
		tl_document_free(d);
	}
}

/* A modal infinitive after "te" ("om klachten te kunnen afhandelen") belongs to
 * the infinitive clause: the main predicate keeps its own modality (s11 ask
 * A15); a finite "kunnen" stays the main cue. */
static void test_modal_in_infinitive_clause(void)
{
	static const struct {
		const char *text;
		tl_modality m;
	} cases[] = {
		{"Gespreksopnamen worden 30 dagen bewaard om klachten te kunnen afhandelen.\n", TL_MOD_OBLIGATION},
		{"Opdrachtnemer bewaart de logbestanden 12 maanden om incidenten te kunnen onderzoeken.\n",
		 TL_MOD_OBLIGATION},
		{"Opdrachtnemer dient de gegevens binnen 30 dagen te kunnen leveren.\n", TL_MOD_OBLIGATION},
		{"Opdrachtnemer mag de gegevens gebruiken om de dienst te kunnen leveren.\n", TL_MOD_PERMISSION},
		{"De gegevens kunnen op verzoek worden verwijderd.\n", TL_MOD_PERMISSION},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		tl_document *d;
		tl_annotated *a;
		const tl_sentence *s = S_opening_unit(fx_pre_nl, cases[k].text, &a, &d);
		T_OK(s && s->modality == cases[k].m, "%s: modality %d", cases[k].text, s ? (int)s->modality : -1);
		tl_annotated_free(a);
		tl_document_free(d);
	}
}

/* ", and the Vendor does not use ...", ", en Opdrachtnemer gebruikt ...": after a
 * comma, a capitalised subject of its own and a verb of its own (not only a
 * modal) open a unit with its own party and negation (s11 ask A10); a list of
 * names before the comma opens none. */
static void test_comma_and_own_subject(void)
{
	static const S_two cases[] = {
		{fx_pre_en, "Neither party uses the scores to assess employees, and the Vendor does not use Customer "
		            "Data for marketing.\n",
		 "Neither party", TL_MOD_PROHIBITION, TL_MOD_PROHIBITION, TL_ROLE_VENDOR},
		{fx_pre_en, "The Customer uses the scores for security only, and the Vendor does not use Customer Data "
		            "for marketing.\n",
		 "The Customer uses", TL_MOD_OBLIGATION, TL_MOD_PROHIBITION, TL_ROLE_VENDOR},
		{fx_pre_nl, "Geen van beide partijen gebruikt de scores om medewerkers te beoordelen, en Opdrachtnemer "
		            "gebruikt de Gegevens niet voor marketing.\n",
		 "Geen van beide", TL_MOD_PROHIBITION, TL_MOD_PROHIBITION, TL_ROLE_VENDOR},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
		S_check_two(&cases[k]);
	tl_document *d;
	tl_annotated *a = S_annotate(fx_pre_en,
	                             "References to the Customer in the SOW, Key Terms, and Standard Terms will mean "
	                             "that Affiliate.\n",
	                             &d);
	if (!a)
		return;
	const tl_sentence *s = fx_find(a, "References to");
	T_OK(s && (s + 1 >= a->sent + a->nsent || s[1].unit == 0), "a list of names");
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_we_next_to_defined_parties(void)
{
	tl_document *d;
	tl_annotated *a = S_annotate(
		"This Agreement is entered into between CloudMetrics Inc. (the \"Provider\"), and the "
		"municipality identified in the Order Form (the \"Customer\").\n",
		"3.2 The Provider may use Customer Data to improve its products.\n"
		"6.1 We may update the AI model and the features of the Service at any time without "
		"notice.\n",
		&d);
	if (!a)
		return;
	T_OK(a->flags & TL_ANNOT_WE_VENDOR, "the first person is the vendor's voice");
	const tl_sentence *s = fx_find(a, "6.1 We may");
	T_OK(s && s->modality == TL_MOD_PERMISSION && s->bound == TL_ROLE_VENDOR, "we is the Provider");
	tl_annotated_free(a);
	tl_document_free(d);
	/* "US Dollars" is no "us" */
	a = S_annotate(fx_pre_en, "The Customer shall pay a fee of one hundred US Dollars.\n", &d);
	if (!a)
		return;
	T_OK(!(a->flags & TL_ANNOT_WE_VENDOR), "US is the United States");
	tl_annotated_free(a);
	tl_document_free(d);
	/* a procurement document is the contracting authority's: its "wij" is not the vendor */
	a = S_annotate(fx_pre_nl,
	               "De inschrijver beschrijft zijn aanpak.\n"
	               "Wij beoordelen de inschrijvingen op prijs en kwaliteit.\n",
	               &d);
	if (!a)
		return;
	T_OK(!(a->flags & TL_ANNOT_WE_VENDOR), "a tender's we");
	s = fx_find(a, "Wij beoordelen");
	T_OK(s && s->bound != TL_ROLE_VENDOR, "not bound to the vendor");
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_verbless_requests(void)
{
	tl_document *d;
	tl_annotated *a = S_annotate("",
	                             "Legal Due Diligence Request List\n"
	                             "- H.5 Form of all invention-assignment agreements for all current "
	                             "employees.\n"
	                             "- H.6 All inbound and outbound IP licenses, with each agreement marked "
	                             "to identify any change-of-control provisions.\n"
	                             "- F.2 Top 20 customer contracts by revenue.\n"
	                             "- The target shall answer within ten business days.\n",
	                             &d);
	if (!a)
		return;
	const tl_sentence *s = fx_find(a, "H.6 All inbound");
	T_OK(s && (s->flags & TL_SENT_VERBLESS) && (s->flags & TL_SENT_NONOPERATIVE),
	     "a requested item is verbless and not contract text");
	s = fx_find(a, "F.2 Top 20 customer");
	T_OK(s && (s->flags & TL_SENT_NONOPERATIVE) && s->bound == TL_ROLE_NONE &&
	         s->modality == TL_MOD_STATEMENT,
	     "'customer contracts' binds no customer");
	s = fx_find(a, "The target shall answer");
	T_OK(s && !(s->flags & (TL_SENT_VERBLESS | TL_SENT_NONOPERATIVE)) &&
	         s->modality == TL_MOD_OBLIGATION,
	     "an item with a verb stays operative");
	tl_annotated_free(a);
	tl_document_free(d);
	/* verbless items of an annex's list of data stay operative: evidence of the data */
	a = S_annotate(fx_pre_nl,
	               "Categorieen persoonsgegevens:\n"
	               "- naam en adres;\n"
	               "- camerabeelden van bezoekers;\n"
	               "- kentekens van voertuigen.\n",
	               &d);
	if (!a)
		return;
	s = fx_find(a, "camerabeelden");
	T_OK(s && !(s->flags & TL_SENT_NONOPERATIVE), "a data list is no list of requests");
	tl_annotated_free(a);
	tl_document_free(d);
}

int main(void)
{
	test_verbless_requests();
	test_we_next_to_defined_parties();
	test_limit_and_subject_scope();
	test_usual_names();
	test_verb_second_and_past();
	test_inline_alias();
	test_units_with_own_subject();
	test_but_without_comma();
	test_negation_inside_object();
	test_modal_in_infinitive_clause();
	test_comma_and_own_subject();
	return T_DONE();
}
