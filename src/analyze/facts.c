/* facts.c: cue-less predicates that state a fact rather than impose a duty.
 *
 * Without a modal, a present indicative with a party subject reads as an
 * obligation ("Opdrachtnemer verstrekt ..."): the contract describes what a
 * party does.  Two shapes describe what is, not what a party must do:
 * - the perfect: "Leverancier verklaart de documenten te hebben ontvangen",
 *   "Opdrachtnemer heeft de eisen gelezen", "The Supplier has received ...";
 * - a copula with a noun: "The Customer is the data controller",
 *   "Opdrachtgever is (en blijft) eigenaar", "The Supplier acts as processor".
 * Both are statements; "is liable", "is responsible for" (adjectives, or
 * cues) are not touched. */
#include <string.h>

#include "analyze/polclass.h"

static int S_participle(const tl_token *t, tl_lang lang)
{
	static const char *const en_irr[] = {
		"been", "received", "read", "made", "kept", "held", "given", "taken", "done", "shown",
		"known", "sent", "built", "brought", "bought", "written", "paid", "told", "found", "put",
		"set", "seen", "understood", "obtained", NULL};
	const char *f = t->fold;
	size_t l = strlen(f);
	if (lang != TL_LANG_NL && ((l >= 4 && !strcmp(f + l - 2, "ed")) || tl_tok_in(t, en_irr)))
		return 1;
	if (lang == TL_LANG_EN || l < 5)
		return 0;
	/* gelezen, ontvangen, verkregen, bevestigd, herzien, geïnstalleerd */
	static const char *const pre[] = {"ge", "be", "ver", "ont", "her", "er", NULL};
	int prefix = 0;
	for (const char *const *p = pre; *p && !prefix; p++)
		prefix = strncmp(f, *p, strlen(*p)) == 0;
	char e = f[l - 1];
	if (l > 6 && (!strcmp(f + l - 4, "heid") || !strcmp(f + l - 4, "teit")))
		return 0; /* "beschikbaarheid", "beveiligingsactiviteit" */
	return prefix && (e == 't' || e == 'd' || (f[l - 2] == 'e' && e == 'n'));
}

/* A participle in the verb's place: not after a determiner or preposition
 * ("van de beschikbaarheid" is a noun). */
static int S_verb_participle(const tl_token *tok, uint32_t i, tl_lang lang)
{
	static const char *const before[] = {"de", "het", "een", "van", "voor", "the", "a", "an",
	                                     "of", "for", "zijn", "haar", "its", NULL};
	return S_participle(&tok[i], lang) && !(i > 0 && tl_tok_in(&tok[i - 1], before));
}

/* The perfect right after the subject ("has received", "heeft ... gelezen"), or a
 * perfect infinitive after a verb of declaring ("verklaart ... te hebben ontvangen"). */
static int S_perfect(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t from,
                     tl_lang lang)
{
	static const char *const have[] = {"has", "have", "had", "heeft", "hebben", "hadden", NULL};
	static const char *const declare[] = {
		"verklaart", "verklaren", "bevestigt", "bevestigen", "declares", "declare", "confirms",
		"confirm", "certifies", "certify", "states", "state", NULL};
	static const char *const adv[] = {"already", "hereby", "also", "reeds", "al", "hierbij",
	                                  "ook", NULL};
	uint32_t k = from;
	while (k < n && sc[k] == 0 && tl_tok_in(&tok[k], adv))
		k++;
	if (k >= n || sc[k] != 0)
		return 0;
	int declared = tl_tok_in(&tok[k], declare);
	if (!declared && !tl_tok_in(&tok[k], have))
		return 0;
	/* "verklaart dat hij de eisen heeft gelezen", "declares that it has received" */
	if (declared && k + 2 < n && sc[k + 1] == 1 &&
	    (tl_tok_is(&tok[k + 1], "dat") || tl_tok_is(&tok[k + 1], "that"))) {
		for (uint32_t i = k + 2; i < n && sc[i] == 1 && i < k + 30; i++) {
			if (!tl_tok_in(&tok[i], have))
				continue;
			if ((i + 1 < n && sc[i + 1] == 1 && S_verb_participle(tok, i + 1, lang)) ||
			    (i + 2 < n && sc[i + 2] == 1 && S_verb_participle(tok, i + 2, lang)) ||
			    (lang != TL_LANG_EN && S_verb_participle(tok, i - 1, lang)))
				return 1;
			return 0;
		}
		return 0;
	}
	uint32_t lim = lang == TL_LANG_EN ? 4 : 14;
	int te_hebben = 0;
	for (uint32_t i = k + 1; i < n && i <= k + lim; i++) {
		if (sc[i] != 0 || (tok[i].flags & TL_TOK_PUNCT))
			break;
		if (declared && i + 1 < n && tl_tok_is(&tok[i], "te") &&
		    (tl_tok_is(&tok[i + 1], "hebben") || tl_tok_is(&tok[i + 1], "zijn"))) {
			te_hebben = 1;
			continue;
		}
		if ((!declared || te_hebben) && S_verb_participle(tok, i, lang))
			return 1;
		if (declared && S_verb_participle(tok, i, lang) && i + 2 < n && tl_tok_is(&tok[i + 1], "te") &&
		    (tl_tok_is(&tok[i + 2], "hebben") || tl_tok_is(&tok[i + 2], "zijn")))
			return 1; /* "verklaart de eisen gelezen te hebben" */
		if (declared && tl_tok_is(&tok[i], "to") && i + 1 < n && tl_tok_is(&tok[i + 1], "have"))
			te_hebben = 1; /* "declares to have received" */
	}
	return 0;
}

/* "is the data controller", "is (en blijft) eigenaar", "acts as processor" */
static int S_copula_noun(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t from)
{
	static const char *const cop[] = {"is", "are", "remains", "remain", "zijn", "blijft",
	                                  "blijven", NULL};
	static const char *const dets[] = {"the", "a", "an", "de", "het", "een", "sole", "enige",
	                                   NULL};
	static const char *const roles[] = {
		"controller", "processor", "owner", "owners", "eigenaar", "eigenaren", "verwerker",
		"verwerkingsverantwoordelijke", "rechthebbende", "licensor", "licentiegever", NULL};
	uint32_t k = from;
	if (k + 1 >= n || sc[k] != 0)
		return 0;
	static const char *const act_as[] = {"acts|act as", "treedt|treden op als", NULL};
	if (tl_ph_list_at(tok, n, k, act_as, NULL))
		return 1;
	if (!tl_tok_in(&tok[k], cop))
		return 0;
	k++;
	if (k + 1 < n && (tl_tok_is(&tok[k], "and") || tl_tok_is(&tok[k], "en")) &&
	    tl_tok_in(&tok[k + 1], cop))
		k += 2; /* "is en blijft", "is and remains" */
	if (k >= n || sc[k] != 0)
		return 0;
	return tl_tok_in(&tok[k], dets) || tl_tok_in(&tok[k], roles);
}

int tl_fact_statement(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t from,
                      tl_lang lang)
{
	if (from >= n)
		return 0;
	return S_perfect(tok, n, sc, from, lang) || S_copula_noun(tok, n, sc, from);
}
