/* Unit tests for the priority column of a tender's requirements table
 * (src/analyze/priority.c): a wish row ("Should", "Could", "W") binds only
 * if offered, a question row binds no one, a "Won't" row rules the function
 * out; single letters are read through the document's legend, else as MoSCoW
 * when M/S/C occur, else as the Dutch K/W/V codes; an ID column of letters is
 * no priority column.  End to end: a wish row that would meet a rule of the
 * default ruleset gives partial, with the reason, and the same text as a
 * requirement gives met. */
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"
#include "tenderlint.h"

#include "cJSON.h"

/* The first sentence whose text starts with `start`, or NULL. */
static const tl_sentence *S_sent(const tl_annotated *a, const char *start)
{
	for (uint32_t k = 0; a && k < a->nsent; k++) {
		const tl_sentence *s = &a->sent[k];
		const char *t = a->doc->paras[s->para].text + s->start;
		if (!strncmp(t, start, strlen(start)))
			return s;
	}
	return NULL;
}

static uint32_t S_flags(const tl_annotated *a, const char *start)
{
	const tl_sentence *s = S_sent(a, start);
	return s ? s->flags : 0xFFFFFFFFu;
}

static void test_moscow_words(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("The Supplier (the \"Supplier\") and the Municipality (the \"Municipality\").\n"
	                              "| ID | Priority | Requirement |\n"
	                              "| R-01 | Must | The Supplier reports every incident within 24 hours. |\n"
	                              "| R-02 | Should | The Supplier encrypts all backups. |\n"
	                              "| R-03 | Could | The Supplier offers an exit service. |\n"
	                              "| R-04 | Won't | Tracking of individual visitors across sensors. |\n"
	                              "| R-05 | Won’t | The Platform stores raw images. |\n",
	                              &d);
	T_OK(a != NULL, "annotated");
	T_OK(!(S_flags(a, "The Supplier reports") & TL_SENT_WISH), "Must: as written");
	T_OK(S_flags(a, "The Supplier encrypts") & TL_SENT_WISH, "Should: a wish");
	T_OK(S_flags(a, "The Supplier offers") & TL_SENT_WISH, "Could: a wish");
	const tl_sentence *w = S_sent(a, "Tracking of");
	T_OK(w && w->modality == TL_MOD_PROHIBITION && w->bound == TL_ROLE_VENDOR &&
	         !(w->flags & (TL_SENT_VERBLESS | TL_SENT_NONOPERATIVE)),
	     "Won't (verbless): a prohibition on the vendor");
	const tl_sentence *w2 = S_sent(a, "The Platform stores");
	T_OK(w2 && w2->modality == TL_MOD_PROHIBITION && (w2->flags & TL_SENT_NEGATED),
	     "Won’t with a curly apostrophe, with a verb: a prohibition");
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_dutch_codes_with_legend(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("Programma van eisen\n"
	                              "| Type | Betekenis |\n"
	                              "| K | Knock-outeis. Een inschrijving die hier niet aan voldoet, is ongeldig. |\n"
	                              "| W | Wens. Een vervulde wens levert punten op. |\n"
	                              "| V | Vraag. Het antwoord wordt beoordeeld. |\n"
	                              "Eisen\n"
	                              "| Nr | Eis | Type |\n"
	                              "| A1 | Opdrachtnemer meldt een incident binnen 24 uur. | K |\n"
	                              "| A2 | Opdrachtnemer versleutelt alle back-ups. | W |\n"
	                              "| A3 | Opdrachtnemer levert de broncode aan de Gemeente. | V |\n",
	                              &d);
	T_OK(a != NULL, "annotated");
	T_OK(!(S_flags(a, "Opdrachtnemer meldt") & (TL_SENT_WISH | TL_SENT_NONOPERATIVE)), "K: a requirement");
	T_OK(S_flags(a, "Opdrachtnemer versleutelt") & TL_SENT_WISH, "W through the legend: a wish");
	T_OK(S_flags(a, "Opdrachtnemer levert") & TL_SENT_NONOPERATIVE, "V through the legend: a question");
	T_OK(!(S_flags(a, "Wens.") & TL_SENT_WISH), "the legend itself is not marked");
	tl_annotated_free(a);
	tl_document_free(d);
}

/* Numbered codes ("P1", "Prio 2") mean what the document's legend says,
 * whether the legend is a list in the text or a two-column table; without a
 * legend they are no priority. */
static void test_numbered_codes(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("The Contractor (the \"Contractor\") and the Municipality (the \"Municipality\").\n"
	                              "P1 – mandatory. A tender that misses a P1 requirement is excluded.\n"
	                              "P2 – desirable. It binds only where the tenderer confirms it.\n"
	                              "P3 – information. Answers create no obligation.\n"
	                              "| ID | Requirement | Priority |\n"
	                              "| R-01 | The Contractor reports every incident within 24 hours. | P1 |\n"
	                              "| R-02 | The Contractor encrypts all backups. | P2 |\n"
	                              "| R-03 | Describe your escrow arrangement. | P3 |\n"
	                              "| R-04 | The Contractor offers an exit service. | P1 |\n",
	                              &d);
	T_OK(a != NULL, "annotated");
	T_OK(!(S_flags(a, "The Contractor reports") & (TL_SENT_WISH | TL_SENT_NONOPERATIVE)), "P1: as written");
	T_OK(S_flags(a, "The Contractor encrypts") & TL_SENT_WISH, "P2 (desirable): a wish");
	T_OK(S_flags(a, "Describe your escrow") & TL_SENT_NONOPERATIVE, "P3 (information): binds no one");
	tl_annotated_free(a);
	tl_document_free(d);

	a = fx_annotate("Partijen: de Gemeente (hierna: \"Opdrachtgever\") en de leverancier (hierna: \"Opdrachtnemer\").\n"
	                "| Code | Betekenis |\n"
	                "| Prio 1 | Eis. Een inschrijving die hier niet aan voldoet, wordt uitgesloten. |\n"
	                "| Prio 2 | Wens. Deze wordt beoordeeld. |\n"
	                "\nDe eisen staan in de volgende tabel.\n\n"
	                "| Nr | Omschrijving | Prioriteit |\n"
	                "| 1 | Opdrachtnemer meldt incidenten binnen 24 uur. | Prio 1 |\n"
	                "| 2 | Opdrachtnemer versleutelt alle back-ups. | Prio 2 |\n"
	                "| 3 | Opdrachtnemer levert een exitplan. | Prio 1 |\n",
	                &d);
	T_OK(!(S_flags(a, "Opdrachtnemer meldt") & TL_SENT_WISH), "Prio 1 (legend table: eis): as written");
	T_OK(S_flags(a, "Opdrachtnemer versleutelt") & TL_SENT_WISH, "Prio 2 (legend table: wens): a wish");
	tl_annotated_free(a);
	tl_document_free(d);

	a = fx_annotate("The Contractor (the \"Contractor\") and the Municipality (the \"Municipality\").\n"
	                "| ID | Requirement | Priority |\n"
	                "| R-01 | The Contractor reports every incident within 24 hours. | P1 |\n"
	                "| R-02 | The Contractor encrypts all backups. | P2 |\n"
	                "| R-03 | The Contractor offers an exit service. | P1 |\n",
	                &d);
	T_OK(!(S_flags(a, "The Contractor encrypts") & TL_SENT_WISH), "no legend: P2 is not guessed");
	tl_annotated_free(a);
	tl_document_free(d);
}

/* A requirement row that names a deliverable without a verb ("Privacy and security by
 * design and by default." in a P1 row) is the contractor's duty; a wish row, a row that
 * names a party ("Alle rechten ... berusten bij Opdrachtgever"), a negated row and a
 * table without a legend keep their reading (s9 ask 12). */
static void S_bound_mod(const tl_annotated *a, const char *start, tl_role role, tl_modality mod)
{
	const tl_sentence *s = S_sent(a, start);
	T_OK(s != NULL, "sentence \"%s\"", start);
	if (!s)
		return;
	T_OK(s->bound == role && s->modality == mod, "\"%s\": %s %s, want %s %s", start, tl_role_name(s->bound),
	     tl_modality_name(s->modality), tl_role_name(role), tl_modality_name(mod));
}

static void test_verbless_requirement(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("The Contractor (the \"Contractor\") and the Municipality (the \"Municipality\").\n"
	                              "P1 – mandatory. P1 requirements become obligations of the Contractor.\n"
	                              "P2 – desirable. It binds only where the tenderer confirms it.\n"
	                              "| ID | Requirement | Priority |\n"
	                              "| R-20 | Privacy and security by design and by default. | P1 |\n"
	                              "| R-21 | Encryption of all backups at rest. | P2 |\n"
	                              "| R-22 | No tracking of residents across cameras. | P1 |\n"
	                              "| R-23 | All rights in the data with the Municipality. | P1 |\n",
	                              &d);
	T_OK(a != NULL, "annotated");
	S_bound_mod(a, "Privacy and security", TL_ROLE_VENDOR, TL_MOD_OBLIGATION);
	T_OK(!(S_flags(a, "Privacy and security") & (TL_SENT_VERBLESS | TL_SENT_NONOPERATIVE)), "P1: operative");
	S_bound_mod(a, "Encryption of all", TL_ROLE_NONE, TL_MOD_STATEMENT);
	S_bound_mod(a, "All rights in the data", TL_ROLE_NONE, TL_MOD_STATEMENT);
	S_bound_mod(a, "R-20", TL_ROLE_NONE, TL_MOD_STATEMENT); /* the ID cell: too short */
	tl_annotated_free(a);
	tl_document_free(d);

	a = fx_annotate("Partijen: de Gemeente (hierna: \"Opdrachtgever\") en de leverancier (hierna: \"Opdrachtnemer\").\n"
	                "| Code | Betekenis |\n"
	                "| K | Knock-outeis. Een inschrijving die hier niet aan voldoet, wordt uitgesloten. |\n"
	                "| W | Wens. Deze wordt beoordeeld. |\n"
	                "\nDe eisen staan in de volgende tabel.\n\n"
	                "| Nr | Omschrijving | Type |\n"
	                "| 1 | Versleuteling van alle back-ups. | K |\n"
	                "| 2 | Logging van alle toegang tot de gegevens. | W |\n"
	                "| 3 | Alle rechten op de Gegevens berusten bij Opdrachtgever. | K |\n",
	                &d);
	T_OK(a != NULL, "annotated");
	S_bound_mod(a, "Versleuteling van", TL_ROLE_VENDOR, TL_MOD_OBLIGATION);
	S_bound_mod(a, "Logging van", TL_ROLE_NONE, TL_MOD_STATEMENT);
	T_OK(S_sent(a, "Alle rechten") && S_sent(a, "Alle rechten")->bound != TL_ROLE_VENDOR,
	     "a row naming the customer does not bind the vendor");
	tl_annotated_free(a);
	tl_document_free(d);
}

/* A legend as list items with the kind in parentheses (blind8 nl-pve 2.1, s8 ask 6) */
static void test_paren_legend(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate(
		"Opdrachtgever: de gemeente (hierna: \"Opdrachtgever\"). Opdrachtnemer: de leverancier "
		"(hierna: \"Opdrachtnemer\").\n"
		"2.1 Elke eis heeft een type:\n"
		"- M (minimumeis): de Inschrijver moet hieraan voldoen.\n"
		"- G (gunningscriterium): na gunning bindt het Opdrachtnemer alleen voor zover hij het heeft "
		"aangeboden.\n"
		"- I (informatievraag): het antwoord levert geen verplichting op.\n"
		"| ID | Eis | Type |\n"
		"| BP-5 | Opdrachtnemer verhelpt kritieke kwetsbaarheden binnen 48 uur. | G |\n"
		"| BP-6 | Opdrachtnemer versleutelt de gegevens. | M |\n"
		"| BP-7 | Opdrachtnemer beschrijft zijn back-upbeleid. | I |\n",
		&d);
	T_OK(a != NULL, "annotated");
	T_OK(S_flags(a, "Opdrachtnemer verhelpt") & TL_SENT_WISH, "G (gunningscriterium): a wish");
	T_OK(!(S_flags(a, "Opdrachtnemer versleutelt") & (TL_SENT_WISH | TL_SENT_NONOPERATIVE)),
	     "M (minimumeis): as written");
	T_OK(S_flags(a, "Opdrachtnemer beschrijft") & TL_SENT_NONOPERATIVE, "I (informatievraag): a question");
	tl_annotated_free(a);
	tl_document_free(d);
	a = fx_annotate("The Supplier (the \"Supplier\") and the Municipality (the \"Municipality\").\n"
	                "- R (requirement): the tenderer must comply.\n"
	                "- A (award criterion): scored; binding only if offered.\n"
	                "| ID | Requirement | Type |\n"
	                "| 1 | The Supplier encrypts all backups. | A |\n"
	                "| 2 | The Supplier reports every incident within 24 hours. | R |\n",
	                &d);
	T_OK(a != NULL, "annotated");
	T_OK(S_flags(a, "The Supplier encrypts") & TL_SENT_WISH, "A (award criterion): a wish");
	T_OK(!(S_flags(a, "The Supplier reports") & TL_SENT_WISH), "R (requirement): as written");
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_letters_without_legend(void)
{
	tl_document *d;
	/* Dutch codes: W is a wish */
	tl_annotated *a = fx_annotate("| Nr | Eis | Type |\n"
	                              "| 1 | Opdrachtnemer meldt een incident binnen 24 uur. | K |\n"
	                              "| 2 | Opdrachtnemer versleutelt alle back-ups. | W |\n"
	                              "| 3 | Opdrachtnemer levert een exitplan. | K |\n",
	                              &d);
	const tl_sentence *s = S_sent(a, "Opdrachtnemer versleutelt");
	T_OK(s && (s->flags & TL_SENT_WISH) && s->modality == TL_MOD_OBLIGATION, "K/W letters: W is a wish");
	tl_annotated_free(a);
	tl_document_free(d);
	/* MoSCoW letters: W is won't */
	a = fx_annotate("| Nr | Requirement | MoSCoW |\n"
	                "| 1 | The Supplier reports incidents within 24 hours. | M |\n"
	                "| 2 | The Supplier encrypts all backups. | S |\n"
	                "| 3 | The Platform tracks individual visitors. | W |\n",
	                &d);
	T_OK(S_flags(a, "The Supplier encrypts") & TL_SENT_WISH, "M/S/W letters: S is a wish");
	s = S_sent(a, "The Platform tracks");
	T_OK(s && s->modality == TL_MOD_PROHIBITION, "M/S/W letters: W is won't");
	tl_annotated_free(a);
	tl_document_free(d);
	/* an ID column of letters, no header naming a priority */
	a = fx_annotate("| A | The Supplier reports incidents within 24 hours. |\n"
	                "| B | The Supplier encrypts all backups. |\n"
	                "| C | The Supplier offers an exit service. |\n"
	                "| D | The Supplier keeps a log. |\n",
	                &d);
	T_OK(!(S_flags(a, "The Supplier offers") & TL_SENT_WISH), "an ID column 'A, B, C, D' is no priority");
	tl_annotated_free(a);
	tl_document_free(d);
	/* a header naming the priority, but the cells hold no codes */
	a = fx_annotate("| Type | Requirement |\n"
	                "| Hardware | The Supplier delivers 40 sensors. |\n"
	                "| Software | The Supplier encrypts all backups. |\n"
	                "| Service | The Supplier offers an exit service. |\n",
	                &d);
	T_OK(!(S_flags(a, "The Supplier encrypts") & TL_SENT_WISH), "a 'Type' column of other words");
	tl_annotated_free(a);
	tl_document_free(d);
}

/* A filled-in tender: the "Aangeboden" column says whether each row is offered. */
static void test_offered_column(void)
{
	tl_document *d;
	tl_annotated *a = fx_annotate("| Nr | Omschrijving | Type | Aangeboden |\n"
	                              "| E-01 | Opdrachtnemer meldt een incident binnen 24 uur. | E | n.v.t. |\n"
	                              "| W-01 | Opdrachtnemer levert bij iedere release een SBOM. | W | nee |\n"
	                              "| W-02 | Opdrachtnemer versleutelt alle back-ups. | W | ja |\n"
	                              "| W-03 | Opdrachtnemer levert een exitplan. | W | |\n",
	                              &d);
	T_OK(!(S_flags(a, "Opdrachtnemer meldt") & (TL_SENT_WISH | TL_SENT_NONOPERATIVE)),
	     "a requirement, 'n.v.t.': as written");
	T_OK(S_flags(a, "Opdrachtnemer levert bij") & TL_SENT_NONOPERATIVE, "a wish not offered binds no one");
	T_OK(!(S_flags(a, "Opdrachtnemer versleutelt") & (TL_SENT_WISH | TL_SENT_NONOPERATIVE)),
	     "an offered wish binds");
	T_OK(S_flags(a, "Opdrachtnemer levert een") & TL_SENT_WISH, "a wish without an answer stays a wish");
	tl_annotated_free(a);
	tl_document_free(d);
	/* a compliance column without priorities */
	a = fx_annotate("| Requirement | Complies |\n"
	                "| The Supplier encrypts all backups. | yes |\n"
	                "| The Supplier keeps data in the EEA. | no |\n",
	                &d);
	T_OK(!(S_flags(a, "The Supplier encrypts") & TL_SENT_NONOPERATIVE), "complies: yes");
	T_OK(S_flags(a, "The Supplier keeps") & TL_SENT_NONOPERATIVE, "complies: no");
	tl_annotated_free(a);
	tl_document_free(d);
}

static const char *S_status(const cJSON *doc, const char *rule, const char **reason)
{
	const cJSON *f;
	cJSON_ArrayForEach(f, cJSON_GetObjectItem(doc, "findings"))
	{
		const cJSON *r = cJSON_GetObjectItem(f, "rule");
		if (cJSON_IsString(r) && !strcmp(r->valuestring, rule)) {
			const cJSON *re = cJSON_GetObjectItem(f, "reason");
			*reason = cJSON_IsString(re) ? re->valuestring : "";
			const cJSON *st = cJSON_GetObjectItem(f, "status");
			return cJSON_IsString(st) ? st->valuestring : "";
		}
	}
	return "";
}

/* SEC-INCIDENT with the default ruleset: a 24-hour notification as a wish
 * row, as a requirement row. */
static void test_end_to_end(void)
{
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	if (tl_ruleset_load(&rs, TL_SOURCE_DIR "/rulesets/vng-2022.json", &err) != 0) {
		T_OK(0, "load the default ruleset: %s", err.message);
		return;
	}
	for (int wish = 1; wish >= 0; wish--) {
		char text[1024];
		snprintf(text, sizeof text,
		         "# Programma van eisen\n\n"
		         "Gemeente Voorbeeld (hierna: \"Opdrachtgever\") en de inschrijver (hierna: "
		         "\"Opdrachtnemer\").\n\n"
		         "| Nr | Eis | Prioriteit |\n"
		         "|---|---|---|\n"
		         "| B1 | Opdrachtnemer meldt een beveiligingsincident binnen 24 uur aan Opdrachtgever. | %s |\n"
		         "| B2 | Opdrachtnemer levert een exitplan. | Eis |\n"
		         "| B3 | Opdrachtnemer werkt volgens de BIO. | Eis |\n",
		         wish ? "Wens" : "Eis");
		tl_document *d = NULL;
		T_INT(tl_document_read_mem(&d, "pve.md", text, strlen(text), NULL, &err), 0);
		cJSON *doc = NULL;
		tl_check_options o = TL_CHECK_OPTIONS_INIT;
		T_INT(d ? tl_check_document(&doc, rs, d, &o, &err) : -1, 0);
		const char *reason = "";
		const char *st = S_status(doc, "SEC-INCIDENT", &reason);
		if (wish) {
			T_STR(st, "partial");
			T_OK(strstr(reason, "wens") != NULL, "the reason names the wish: %s", reason);
		} else {
			T_STR(st, "met");
		}
		cJSON_Delete(doc);
		tl_document_free(d);
	}
	tl_ruleset_free(rs);
}

int main(void)
{
	test_paren_legend();
	test_moscow_words();
	test_dutch_codes_with_legend();
	test_numbered_codes();
	test_verbless_requirement();
	test_letters_without_legend();
	test_offered_column();
	test_end_to_end();
	return T_DONE();
}
