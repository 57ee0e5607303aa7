/* Unit tests for src/analyze/negscope.c: a feature the contract switches off
 * ("are disabled", "zijn uitgeschakeld", "worden niet geactiveerd") is
 * named inside a negation's scope, so it sets no context tag, as "past geen
 * algoritmen toe" does not (docs/annotation.md, Polarity item 6). */
#include <stdlib.h>
#include <string.h>

#include "annot_fixture.h"
#include "harness.h"

/* Whether the first token folded `fold` of the unit starting with `prefix`
 * is in a negation's scope: 1, 0, or -1 when there is no such token. */
static int S_in_scope(const tl_annotated *a, const char *prefix, const char *fold)
{
	size_t np;
	const tl_para *p = tl_document_paras(a->doc, &np);
	for (uint32_t k = 0; k < a->nsent; k++) {
		const tl_sentence *s = &a->sent[k];
		if (strncmp(p[s->para].text + s->start, prefix, strlen(prefix)) != 0)
			continue;
		for (uint32_t i = 0; i < s->ntok; i++)
			if (!strcmp(s->tok[i].fold, fold))
				return (s->tok[i].flags & TL_TOK_NEG_SCOPE) != 0;
		return -1;
	}
	return -1;
}

static void S_case(const char *pre, const char *sentence, const char *fold, int want)
{
	tl_document *d;
	tl_annotated *a = fx_annotate_pre(pre, sentence, &d);
	T_OK(a != NULL, "annotate: %s", sentence);
	if (!a)
		return;
	char prefix[24];
	snprintf(prefix, sizeof prefix, "%.20s", sentence);
	int got = S_in_scope(a, prefix, fold);
	T_OK(got == want, "\"%s\": \"%s\" %s the negation's scope (got %d)", sentence, fold,
	     want ? "inside" : "outside", got);
	tl_annotated_free(a);
	tl_document_free(d);
}

static void test_switched_off_en(void)
{
	/* blind7 en-esignature OF4 */
	S_case(fx_pre_en, "Smart Summary and all other AI features are disabled for the Customer's account.",
	       "ai", 1);
	S_case(fx_pre_en, "Biometric Signature is switched off for the Customer.", "biometric", 1);
	S_case(fx_pre_en, "The Supplier shall disable face recognition in all cameras.", "face", 1);
	S_case(fx_pre_en, "Face recognition is not enabled.", "face", 1);
	/* the party that switches it off is no feature */
	S_case(fx_pre_en, "The Supplier shall disable face recognition in all cameras.", "supplier", 0);
	/* deployed: an option to switch it off, a duty to keep it on, off only at the end */
	S_case(fx_pre_en, "The AI features can be disabled by the Customer.", "ai", 0);
	S_case(fx_pre_en, "Face recognition shall not be disabled.", "face", 0);
	S_case(fx_pre_en, "The AI features are disabled at the end of the Agreement.", "ai", 0);
	S_case(fx_pre_en, "The AI features are enabled for the Customer.", "ai", 0);
}

static void test_switched_off_nl(void)
{
	S_case(fx_pre_nl, "De AI-functies zijn voor Opdrachtgever uitgeschakeld.", "ai", 1);
	S_case(fx_pre_nl, "De gezichtsherkenning wordt niet geactiveerd.", "gezichtsherkenning", 1);
	S_case(fx_pre_nl, "Opdrachtnemer schakelt de gezichtsherkenning in alle camera's uit.",
	       "gezichtsherkenning", 1);
	/* blind7 nl-subsidieportaal 4.5: switched off at the end, in use until then */
	S_case(fx_pre_nl, "Het algoritme wordt bij het einde van de Overeenkomst uitgeschakeld.",
	       "algoritme", 0);
	S_case(fx_pre_nl, "Opdrachtgever kan de gezichtsherkenning uitschakelen.", "gezichtsherkenning", 0);
	S_case(fx_pre_nl, "De AI-functies zijn voor Opdrachtgever ingeschakeld.", "ai", 0);
}

/* "...; deze voorwaarden gelden daarvoor niet": the unit before is out of scope (s8 ask 10) */
static void test_uncovered(void)
{
	S_case(fx_pre_nl,
	       "Maatwerk, zoals een eigen module of een koppeling, leveren wij alleen op basis van een "
	       "aparte offerte; deze voorwaarden gelden daarvoor niet.",
	       "koppeling", 1);
	S_case(fx_pre_en, "Custom work is quoted separately; these terms do not apply to it.", "custom", 1);
	/* the terms apply: in scope */
	S_case(fx_pre_nl,
	       "Maatwerk, zoals een koppeling, leveren wij op basis van een aparte offerte; deze "
	       "voorwaarden gelden daarvoor ook.",
	       "koppeling", 0);
	S_case(fx_pre_en, "Custom work is quoted separately; these terms apply to it.", "custom", 0);
}

int main(void)
{
	test_uncovered();
	test_switched_off_en();
	test_switched_off_nl();
	return T_DONE();
}
