/* puffery.c: statements that bind no one.
 *
 * Vendor terms and tenders carry the vendor's self-description: "Security is
 * at the heart of everything we do", "We take the protection of your data
 * seriously", "Privacy is our top priority", "We are committed to ...",
 * "Beveiliging staat centraal in alles wat wij doen", "Privacy heeft bij ons
 * de hoogste prioriteit".  They promise nothing a party can be held to, so
 * the unit is not operative (TL_SENT_NONOPERATIVE): no rule reads it as a
 * duty.  Only these turns of phrase, in a unit without a modal verb of
 * obligation ("shall", "must", "zal", "moet"): "The Supplier shall treat
 * security as a top priority" stays a duty. */
#include "analyze/polclass.h"

/* The turns of phrase, and last the verbs of "take ... seriously" / "neemt ...
 * serieus" (S_TAKE).  TL_PC_PUFF marks the words an entry can start with, so
 * the scan below looks the list up only at those (polclass.c). */
const char *const tl_pol_puff_cues[] = {
	"at the heart of everything|all", "at the core of everything|all", "in everything we do",
	"top|highest|first priority",
	"number one priority", "is|are committed to", "are fully committed to",
	"is|are dedicated to", "we pride ourselves", "pride itself",
	"staat|staan centraal in alles", "in alles wat wij|we doen", "hoogste prioriteit",
	"topprioriteit", "voorop staat|staan", "staat|staan bij ons voorop",
	"take|takes|neemt|nemen", NULL};
#define S_TAKE ((int)(sizeof tl_pol_puff_cues / sizeof *tl_pol_puff_cues) - 2)

/* A word every turn of phrase above needs (a word of it, each of whose
 * alternatives is here), and the two of "take ... seriously": a unit with none
 * of them (TL_PC_PUFFA, one bit test per token) cannot match, and most units
 * are passed over without looking the list up at "is", "are", "in", "at" ...
 * (tests/unit/test_polarity_fast.c checks that every phrase has one). */
const char *const tl_pol_puff_anchor[] = {
	"heart", "core", "everything", "priority", "committed", "dedicated", "pride", "centraal",
	"alles", "prioriteit", "topprioriteit", "voorop", "seriously", "serieus", NULL};

/* 1 when unit s has a modal of obligation ("shall", "must", "zal", "moet") */
static int S_binding(const tl_sentence *s)
{
	for (uint32_t i = 0; i < s->ntok; i++)
		if ((s->tok[i].flags & TL_TOK_MODAL) &&
		    (tl_tok_is(&s->tok[i], "shall") || tl_tok_is(&s->tok[i], "must") ||
		     tl_tok_is(&s->tok[i], "will") || tl_tok_is(&s->tok[i], "zal") ||
		     tl_tok_is(&s->tok[i], "moet") || tl_tok_is(&s->tok[i], "dient")))
			return 1;
	return 0;
}

void tl_puffery_mark(tl_ann_ctx *c)
{
	tl_annotated *a = c->a;
	/* a binding modal anywhere in the sentence: "The Supplier is committed to
	 * privacy by design and shall apply it to every release"; worked out once per
	 * sentence (its units are consecutive) */
	uint32_t start = 0, end = 0;
	int modal = -1; /* not worked out yet for the sentence [start, end) */
	for (uint32_t k = 0; k < a->nsent; k++) {
		tl_sentence *s = &a->sent[k];
		if (k >= end) {
			modal = -1;
			for (start = end = k; end < a->nsent && a->sent[end].para == s->para &&
			                      a->sent[end].quote_start == s->quote_start;
			     end++)
				;
		}
		if (s->flags & (TL_SENT_NONOPERATIVE | TL_SENT_HEADING | TL_SENT_DEFINITION))
			continue;
		/* no anchor word, no turn of phrase: most units end here (the classes of
		 * its words, or'ed by polarity) */
		if (!(s->pclass & TL_PC_PUFFA))
			continue;
		if (modal < 0) {
			modal = 0;
			for (uint32_t x = start; x < end && !modal; x++)
				modal = S_binding(&a->sent[x]);
		}
		/* a sentence that binds is no self-description, whatever it says */
		if (modal)
			continue;
		int hit = 0, take = 0;
		for (uint32_t i = 0; i < s->ntok && !hit; i++) {
			const tl_token *t = &s->tok[i];
			int which = -1;
			/* "We take the security of your data (very) seriously", "neemt ... serieus" */
			if (take && (tl_tok_is(t, "seriously") || tl_tok_is(t, "serieus")))
				hit = 1;
			else if ((tl_polclass(t) & TL_PC_PUFF) && !(t->flags & TL_TOK_PUNCT) &&
			         tl_ph_list_at(s->tok, s->ntok, i, tl_pol_puff_cues, &which) > 0) {
				if (which == S_TAKE)
					take = 1;
				else
					hit = 1;
			}
		}
		if (hit)
			s->flags |= TL_SENT_NONOPERATIVE;
	}
}
