/* Unit tests for the shortcuts of polarity (src/analyze/polclass.c and the
 * quick paths in polarity.c, split.c, voice.c):
 * - each word-class bit answers exactly what the list lookup it stands for
 *   answers, for every word of every list and for other words, with and
 *   without the token's interned word, the first time and remembered;
 * - polarity with its per-unit shortcuts (tl_pol_fast = 1) gives every unit
 *   the same modality, flags, bound party, subject, exceptions and token
 *   flags as with every pass run in full (tl_pol_fast = 0). */
#include <stdlib.h>
#include <string.h>

#include "analyze/polclass.h"
#include "annot_fixture.h"
#include "harness.h"

static tl_arena S_ar;
static tl_text *S_t;

static const struct {
	const char *const *list;
	uint32_t bit;
	int start; /* 1: tl_tok_may_start, 0: tl_tok_in */
} S_tab[] = {
	{tl_pol_negators, TL_PC_NEG, 0},     {tl_pol_cue_ph, TL_PC_CUE, 1},
	{tl_pol_coord, TL_PC_COORD, 0},      {tl_modal_aux, TL_PC_MODAL, 0},
	{tl_subordinators, TL_PC_SUBORD, 0}, {tl_pol_pron, TL_PC_PRON, 0},
	{tl_pol_dets, TL_PC_DETS, 0},        {tl_pol_preps, TL_PC_PREPS, 0},
	{tl_pol_split_aux, TL_PC_SAUX, 0},   {tl_pol_split_but, TL_PC_SBUT, 0},
	{tl_pol_split_conj, TL_PC_SCONJ, 0}, {tl_pol_nl_pass, TL_PC_NLPASS, 0},
	{tl_pol_en_be, TL_PC_ENBE, 0},       {tl_pol_promise, TL_PC_PROMISE, 0},
	{tl_pol_nl_v, TL_PC_NLV, 0},         {tl_pol_nl_not, TL_PC_NLNOT, 0},
	{tl_pol_en_v, TL_PC_ENV, 0},         {tl_pol_en_not, TL_PC_ENNOT, 0},
	{tl_pol_vl_nl_aux, TL_PC_VNLAUX, 0}, {tl_pol_vl_en_aux, TL_PC_VENAUX, 0},
	{tl_pol_vl_en_not, TL_PC_VENNOT, 0}, {tl_pol_vl_en_dets, TL_PC_VENDETS, 0},
	{tl_pol_vl_preps, TL_PC_VPREPS, 0},  {tl_pol_vl_det_after, TL_PC_VDETAFTER, 0},
	{tl_pol_switch, TL_PC_SWITCH, 0},    {tl_pol_puff_cues, TL_PC_PUFF, 1},
	{tl_pol_puff_anchor, TL_PC_PUFFA, 0}, {tl_pol_ref_words, TL_PC_REF, 0},
	{tl_pol_without, TL_PC_WITHOUT, 0}};

/* The answer the bit stands for, asked of the lists themselves. */
static uint32_t S_expect(const tl_token *t)
{
	uint32_t v = 0;
	for (size_t k = 0; k < sizeof S_tab / sizeof *S_tab; k++) {
		int r = S_tab[k].start ? tl_tok_may_start(t, S_tab[k].list) : tl_tok_in(t, S_tab[k].list);
		if (S_tab[k].bit == TL_PC_NEG)
			r = r && t->fold[0] >= 'a' && t->fold[0] <= 'z';
		if (r)
			v |= S_tab[k].bit;
	}
	if (!strcmp(t->fold, ","))
		v |= TL_PC_COMMA;
	if (!strcmp(t->fold, ";"))
		v |= TL_PC_SEMI;
	return v;
}

static int S_check_text(const char *text)
{
	tl_token *tok = NULL;
	uint32_t n = 0, bad = 0;
	if (tl_text_tokens(S_t, text, strlen(text), &tok, &n) != 0)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		tl_token bare = tok[i];
		bare.word = NULL;
		uint32_t want = S_expect(&tok[i]);
		uint32_t first = tl_polclass(&tok[i]), again = tl_polclass(&tok[i]);
		uint32_t nomemo = tl_polclass(&bare);
		if (!tok[i].word || first != (want | TL_PC_KNOWN) || again != first || nomemo != first) {
			fprintf(stderr, "word '%s': class %#x, again %#x, bare %#x, lists say %#x\n",
			        tok[i].fold, first, again, nomemo, want);
			bad++;
		}
	}
	return (int)bad;
}

/* Every word of every list (each alternative of each word of each phrase),
 * and words that are in none or only look alike. */
static void test_classes_are_the_lists(void)
{
	char buf[256];
	uint32_t words = 0;
	for (size_t k = 0; k < sizeof S_tab / sizeof *S_tab; k++)
		for (const char *const *p = S_tab[k].list; *p; p++) {
			size_t j = 0;
			for (const char *c = *p; *c && j + 2 < sizeof buf; c++)
				buf[j++] = (*c == '|' || *c == '*') ? ' ' : *c;
			buf[j] = '\0';
			T_INT(S_check_text(buf), 0);
			words++;
		}
	T_OK(words > 150, "%u list entries", words);
	T_INT(S_check_text("Shall NIET Niet don't won't isn't cannot nOt noT nothing nothingness "
	                   "knot mayor mag magazijn verplicht verplichte verplichting gehouden is "
	                   "Is IS wordt Worden werd, ; , ;; de De het Het the The van Van door by "
	                   "hij Hij it It they zij ze en En and or of maar but Yet however "
	                   "dat that die which indien if zodat so that 12 3,5 e-mail n't 'n't"),
	      0);
	T_INT(S_check_text("Opdrachtnemer zal de gegevens niet verkopen, tenzij Opdrachtgever "
	                   "schriftelijk toestemming geeft. The Supplier shall not be prevented from "
	                   "using the data; it may, but is not required to, notify the Customer."),
	      0);
}

/* 1 when every alternative of the pattern word w[0..wl) is an anchor. */
static int S_all_anchors(const char *w, size_t wl)
{
	const char *end = w + wl;
	while (w < end) {
		const char *bar = memchr(w, '|', (size_t)(end - w));
		size_t al = bar ? (size_t)(bar - w) : (size_t)(end - w);
		int found = 0;
		for (const char *const *a = tl_pol_puff_anchor; *a && !found; a++)
			found = strlen(*a) == al && strncmp(*a, w, al) == 0;
		if (!found)
			return 0;
		w = bar ? bar + 1 : end;
	}
	return 1;
}

/* puffery.c passes over a unit without an anchor word: every turn of phrase
 * (all but the last entry, "take ... seriously", whose "seriously" and
 * "serieus" are anchors) has a word all of whose alternatives are anchors. */
static void test_puff_anchors(void)
{
	uint32_t n = 0;
	while (tl_pol_puff_cues[n])
		n++;
	for (uint32_t j = 0; j + 1 < n; j++) {
		const char *p = tl_pol_puff_cues[j];
		int ok = 0;
		while (*p && !ok) {
			const char *sp = strchr(p, ' ');
			size_t wl = sp ? (size_t)(sp - p) : strlen(p);
			ok = S_all_anchors(p, wl);
			p += wl + (sp != NULL);
		}
		T_OK(ok, "puffery phrase '%s' has no anchor word", tl_pol_puff_cues[j]);
	}
	T_OK(S_all_anchors("seriously|serieus", 17), "take ... seriously");
	T_OK(n > 5, "%u puffery phrases", n);
}

/* All that polarity writes into a unit; 0 when the two annotations agree. */
static int S_same_units(const tl_annotated *x, const tl_annotated *y)
{
	if (x->nsent != y->nsent)
		return -1;
	int diff = 0;
	for (uint32_t s = 0; s < x->nsent; s++) {
		const tl_sentence *a = &x->sent[s], *b = &y->sent[s];
		int d = a->modality != b->modality || a->bound != b->bound || a->flags != b->flags ||
		        a->subject != b->subject || a->ntok != b->ntok || a->nexc != b->nexc ||
		        a->lead_para != b->lead_para;
		for (uint32_t i = 0; !d && i < a->ntok; i++)
			d = a->tok[i].flags != b->tok[i].flags;
		for (uint32_t e = 0; !d && e < a->nexc; e++)
			d = a->exc[e].kind != b->exc[e].kind || a->exc[e].tok_start != b->exc[e].tok_start ||
			    a->exc[e].tok_end != b->exc[e].tok_end;
		if (d) {
			fprintf(stderr, "unit %u differs: modality %d/%d bound %d/%d flags %#x/%#x\n", s,
			        a->modality, b->modality, a->bound, b->bound, a->flags, b->flags);
			diff++;
		}
	}
	return diff;
}

static const char *const S_texts[] = {
	/* Dutch: negation, double negation, passive with and without agent, exceptions */
	"Opdrachtnemer zal de gegevens niet verkopen, tenzij Opdrachtgever schriftelijk toestemming geeft.\n"
	"Opdrachtnemer zal niet nalaten de Gemeente te informeren.\n"
	"De gegevens worden niet verkocht door Opdrachtnemer.\n"
	"De gegevens worden uitsluitend binnen de EU verwerkt.\n"
	"Het is Opdrachtnemer niet toegestaan de gegevens te verstrekken aan derden.\n"
	"Opdrachtnemer verstrekt geen gegevens en verkoopt deze niet, maar mag ze wel bewaren.\n"
	"Opdrachtnemer draagt er zorg voor dat geen gegevens buiten de EU worden opgeslagen.\n"
	"Gegevens die Opdrachtnemer verwerkt worden niet verkocht.\n"
	"Na afloop zal Opdrachtnemer de gegevens vernietigen. Hij verstrekt jaarlijks een verklaring.\n"
	"Leverancier verklaart de documenten te hebben ontvangen.\n"
	"Opdrachtgever is en blijft eigenaar van de gegevens.\n"
	"De sensoren in de openbare ruimte slaan geen ruwe beelden op.\n"
	"Niet tot personen herleidbare gegevens mogen worden gedeeld.\n"
	"Partijen komen overeen dat Opdrachtnemer de broncode niet openbaar maakt.\n"
	"Opdrachtnemer bewaart de gegevens niet langer dan nodig en niet meer gegevens dan nodig.\n"
	"Bijlage 3: Overzicht van de diensten\n"
	"Opdrachtnemer zal:\n"
	"- de gegevens versleutelen;\n"
	"- geen gegevens doorverkopen;\n"
	"- Opdrachtgever mag een audit laten uitvoeren.\n",
	/* English: the same shapes */
	"The Supplier shall not sell the Data, but may use it for analytics.\n"
	"The Supplier shall not fail to notify the Customer.\n"
	"Customer Data will not be sold by the Supplier.\n"
	"Customer Data is stored in the EU.\n"
	"The Supplier shall not be prevented from using the Data.\n"
	"The Customer may, but is not required to, give notice.\n"
	"The Supplier shall ensure that no data is sold and will not be transferred.\n"
	"Neither party shall assign this Agreement, nor may it subcontract, unless the other party agrees.\n"
	"In no event shall the Supplier be liable for more than the fees paid.\n"
	"Requests that the Supplier receives directly shall be forwarded to the Customer.\n"
	"You agree that we will not sell your personal data.\n"
	"We may share your data with service providers. We do not sell it, and you may opt out.\n"
	"The Provider makes no warranties that the Service will be uninterrupted.\n"
	"The Customer is the data controller and the Supplier acts as processor.\n"
	"Costs not listed in Schedule 6 are borne by the Supplier.\n"
	"The Supplier has no obligation to provide support at no additional cost.\n"
	"Payment is due no later than 30 days after the invoice date.\n"
	"The Supplier will:\n"
	"- encrypt the data;\n"
	"- not disclose it to any third party;\n"
	"- the Customer may audit the Supplier.\n"
	"H.6 All inbound IP licenses, options and warrants\n",
};

static void test_fast_equals_full(void)
{
	for (size_t k = 0; k < sizeof S_texts / sizeof *S_texts; k++) {
		tl_document *d1 = NULL, *d2 = NULL;
		tl_pol_fast = 1;
		tl_annotated *fast = fx_annotate(S_texts[k], &d1);
		tl_pol_fast = 0;
		tl_annotated *full = fx_annotate(S_texts[k], &d2);
		tl_pol_fast = 1;
		T_OK(fast && full, "annotate text %zu", k);
		if (fast && full) {
			T_OK(fast->nsent >= 15, "text %zu: %u units", k, fast->nsent);
			T_INT(S_same_units(fast, full), 0);
			/* the texts exercise what the shortcuts skip and what they keep */
			uint32_t neg = 0, nonneg = 0, mod = 0;
			for (uint32_t s = 0; s < fast->nsent; s++) {
				neg += (fast->sent[s].flags & TL_SENT_NEGATED) != 0;
				nonneg += !(fast->sent[s].flags & TL_SENT_NEGATED);
				mod += fast->sent[s].modality == TL_MOD_PROHIBITION;
			}
			T_OK(neg >= 5 && nonneg >= 5 && mod >= 3, "text %zu: %u negated, %u not, %u prohibitions",
			     k, neg, nonneg, mod);
		}
		tl_annotated_free(fast);
		tl_annotated_free(full);
		tl_document_free(d1);
		tl_document_free(d2);
	}
}

int main(void)
{
	tl_arena_init(&S_ar, 0);
	tl_error err = TL_ERROR_INIT;
	if (tl_text_open(&S_t, &S_ar, &err) != 0) {
		fprintf(stderr, "tl_text_open: %s\n", err.message);
		return 1;
	}
	test_classes_are_the_lists();
	test_puff_anchors();
	test_fast_equals_full();
	tl_text_close(S_t);
	tl_arena_free(&S_ar);
	return T_DONE();
}
