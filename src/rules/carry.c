/* carry.c: when an object pronoun takes the data of the unit before it
 * ("shall use Customer Data only ..., and shall not disclose it"): the
 * predicates of match.c's S_carry, which the occurrence scan calls per
 * sentence, on each part's own occurrence list. */
#include <stdint.h>
#include <string.h>

#include "rules/rules.h"

/* An object pronoun in a coordinated unit ("..., shall not disclose it to any
 * third party, and shall delete it ..."; "... en verstrekt ze niet aan
 * derden"): the token, or -1.  Not a subject ("it shall"; the unit's own
 * subject flag cannot tell, as a split unit inherits its subject), not inside a
 * subordinate clause, not the unit's first word; a Dutch "het"/"deze"/"die"
 * only where no noun follows (the article of "het platform" is none). */
static int32_t S_object_pronoun(const tl_sentence *s)
{
	static const char *const en[] = {"it", "them", NULL};
	static const char *const en_aux[] = {"shall", "will", "may", "must", "can", "could", "should",
	                                     "would", "is", "are", "was", "were", "has", "have", "does",
	                                     "do", "becomes", "remains", NULL};
	static const char *const nl[] = {"het", "deze", "die", "ze", "hen", "dit", NULL};
	static const char *const nl_next[] = {
	    "niet", "nooit", "nimmer", "aan", "op", "voor", "uitsluitend", "alleen", "enkel", "slechts",
	    "zonder", "binnen", "na", "ter", "te", "door", "met", "in", "uit", "bij", "onverwijld",
	    "direct", "terstond", "onmiddellijk", "ook", "dan", "vervolgens", "daarna", "tijdig",
	    "volledig", "veilig", "verwijderen", "vernietigen", "verstrekken", "gebruiken", "delen",
	    "verkopen", "bewaren", "terug", NULL};
	const char *const *list = s->lang == TL_LANG_EN ? en : s->lang == TL_LANG_NL ? nl : NULL;
	if (!list)
		return -1;
	for (uint32_t k = 1; k < s->ntok; k++) {
		const tl_token *t = &s->tok[k];
		if (!t->fold || (t->flags & (TL_TOK_PUNCT | TL_TOK_SUBORD | TL_TOK_PARTY)) ||
		    (s->tok[k - 1].flags & TL_TOK_PUNCT))
			continue;
		int is = 0;
		for (const char *const *w = list; *w && !is; w++)
			is = !strcmp(t->fold, *w);
		if (!is)
			continue;
		const tl_token *n = k + 1 < s->ntok ? &s->tok[k + 1] : NULL;
		const char *nf = n && !(n->flags & TL_TOK_PUNCT) ? n->fold : NULL;
		int ok = 1;
		if (list == en) {
			for (const char *const *w = en_aux; nf && *w && ok; w++)
				ok = strcmp(nf, *w) != 0;
		} else if (nf) {
			ok = 0;
			for (const char *const *w = nl_next; *w && !ok; w++)
				ok = !strcmp(nf, *w);
		}
		if (ok)
			return (int32_t)k;
	}
	return -1;
}

/* The unit before s belongs to the same sentence. */
static int S_same_sentence(const tl_annotated *a, uint32_t i)
{
	return i > 0 && a->sent[i].unit > 0 && a->sent[i - 1].para == a->sent[i].para &&
	       a->sent[i - 1].quote_start == a->sent[i].quote_start;
}

/* "Opdrachtnemer gebruikt de Meetgegevens alleen om de Dienst te leveren. Hij
 * verkoopt ... ze niet aan derden": sentence i opens with a subject pronoun that
 * continues the party of the unit before it in the same paragraph, and that
 * unit names one kind of data (its defined_terms occurrences share one span),
 * so an object pronoun in sentence i is that data.  The party's own "wij"/"we"
 * continues it too, in terms written in the vendor's voice ("Wij ontvangen de
 * Meetgegevens. Wij verkopen ze niet."): the party bound in both sentences
 * must be the same, which it is only where "wij" is that party. */
static int S_next_sentence(const tl_match *m, uint32_t i, const tl_occ *occ, uint32_t from, uint32_t to)
{
	static const char *const subj[] = {"hij", "zij", "ze", "wij", "we", "it", "he", "she", "they", NULL};
	const tl_annotated *a = m->a;
	if (i == 0 || a->sent[i].unit != 0 || a->sent[i - 1].para != a->sent[i].para ||
	    a->sent[i].bound == TL_ROLE_NONE || a->sent[i].bound != a->sent[i - 1].bound)
		return 0;
	const tl_sentence *s = &a->sent[i];
	uint32_t k = 0;
	while (k < s->ntok && (s->tok[k].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)))
		k++;
	int first = 0;
	for (const char *const *w = subj; k < s->ntok && *w && !first; w++)
		first = !strcmp(s->tok[k].fold, *w);
	if (!first)
		return 0;
	int32_t span = -1;
	for (uint32_t o = from; o < to; o++) {
		if (!m->rs->concepts[occ[o].concept].defined_terms)
			continue;
		if (span >= 0 && (uint32_t)span != occ[o].tok_start)
			return 0; /* two kinds of data: which one "ze" is, is not known */
		span = (int32_t)occ[o].tok_start;
	}
	return span >= 0;
}

/* 1 when occurrence x shares a token with a defined_terms occurrence of
 * occ[from, to): a word of the data the pronoun refers to. */
int tl_match_on_data_words(const tl_ruleset *rs, const tl_occ *occ, uint32_t from, uint32_t to,
                           const tl_occ *x)
{
	for (uint32_t y = from; y < to; y++)
		if (rs->concepts[occ[y].concept].defined_terms && occ[y].tok_start < x->tok_end &&
		    x->tok_start < occ[y].tok_end)
			return 1;
	return 0;
}

int32_t tl_match_carry_at(const tl_match *m, uint32_t i, const tl_occ *occ, uint32_t from, uint32_t to)
{
	const tl_annotated *a = m->a;
	if (i == 0 || i >= a->nsent || !(S_same_sentence(a, i) || S_next_sentence(m, i, occ, from, to)))
		return -1;
	return S_object_pronoun(&a->sent[i]);
}
