/* items.c: does a list item keep its own reading, or continue its lead-in?
 *
 * "5.1 The Supplier shall:" / "(b) notify the Customer of security incidents
 * within 24 hours;" / "(c) remedy critical vulnerabilities ...": an item read
 * alone finds a subject in "the Customer", which is the object of the bare
 * verb the item opens with.  An item keeps its own reading when it has a
 * modal verb of its own, or a subject at its start (after the label and an
 * article: "(b) the Customer pays ...", "b. Opdrachtgever betaalt ..."), or
 * after a fronted phrase ("c. binnen 24 uur meldt Opdrachtnemer ..."); an
 * item that opens with another word ("notify", "promptly remedy") or is a
 * Dutch infinitive clause ("(a) Opdrachtgever binnen 24 uur te informeren")
 * continues the lead-in, whatever party it names further on. */
#include "analyze/annot_int.h"
#include "analyze/defs_int.h"
#include "analyze/polclass.h"

/* words a fronted phrase or clause starts with, beyond the prepositions */
static const char *const S_front[] = {
	"unless", "otherwise", "then", "once", "while", "whereby", "indien", "als", "wanneer", "zodra",
	"bij", "na", "voor", "binnen", "tijdens", "tenzij", "zo", "dan", "daarbij", "daarna",
	"vervolgens", "voordat", "nadat", "zolang", "in", "op", "met", "door", "van",
	"uiterlijk", "jaarlijks", "annually", "each", "every", "ieder", "elk", "elke", NULL};

int tl_item_keeps_own(const tl_sentence *s)
{
	uint32_t subj = UINT32_MAX;
	for (uint32_t i = 0; i < s->ntok; i++) {
		if (s->tok[i].flags & TL_TOK_MODAL)
			return 1;
		if ((s->tok[i].flags & TL_TOK_SUBJECT) && subj == UINT32_MAX)
			subj = i;
	}
	if (subj == UINT32_MAX)
		return 0;
	/* a Dutch item that is an infinitive clause, "(a) Opdrachtgever binnen 24 uur te
	 * informeren over ...": "te" and a verb, and no finite verb before it */
	if (s->lang == TL_LANG_NL)
		for (uint32_t i = subj + 1; i + 1 < s->ntok; i++) {
			if (tl_pol_nl_verb(&s->tok[i]))
				break;
			if (tl_tok_is(&s->tok[i], "te") && !(s->tok[i + 1].flags & (TL_TOK_PUNCT | TL_TOK_CAPITAL)))
				return 0;
		}
	uint32_t k = tl_defs_label_len(s->tok, s->ntok);
	while (k < subj && (s->tok[k].flags & TL_TOK_PUNCT))
		k++;
	if (k >= subj)
		return 1; /* the subject opens the item */
	const tl_token *f = &s->tok[k];
	if ((f->flags & (TL_TOK_CAPITAL | TL_TOK_PARTY | TL_TOK_NUMBER)) || tl_tok_in(f, tl_pol_vl_en_dets) ||
	    tl_tok_is(f, "de") || tl_tok_is(f, "het") || tl_tok_in(f, tl_pol_vl_preps) || tl_tok_in(f, S_front))
		return 1;
	return 0;
}
