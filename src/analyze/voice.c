/* voice.c: the verb side of a sentence unit for polarity.c: English
 * participles, Dutch finite verbs, whether the main clause has a verb of its
 * own, and passive voice with its agent ("door Opdrachtnemer", "by the
 * Supplier"), which then binds the sentence. */
#include <stdint.h>
#include <string.h>

#include "analyze/polclass.h"

int tl_pol_participle_en(const char *f)
{
	static const char *const irr[] = {
		"sold", "made", "kept", "held", "given", "taken", "done", "shown", "known", "sent", "lent",
		"spent", "built", "brought", "bought", "written", "paid", "told", "found", "put", "set",
		"hidden", "borne", "drawn", "undertaken", "lost", "stolen", "chosen", "seen", "left",
		"broken", "cut", "read", "met", "laid", "struck", "understood", "withheld", NULL};
	static const char *const not_pass[] = {
		"entitled", "required", "permitted", "allowed", "obliged", "obligated", "prohibited",
		"forbidden", "authorised", "authorized", "bound", "interested", "concerned", "satisfied",
		"qualified", "experienced", "dedicated", "limited", "based", "located", "established",
		"incorporated", "registered", "need", "needed", "compelled", "forced", "committed", NULL};
	size_t l = strlen(f);
	if (tl_word_in(f, not_pass))
		return 0;
	return (l >= 4 && f[l - 2] == 'e' && f[l - 1] == 'd') || tl_word_in(f, irr);
}

/* 1 when a Dutch token looks like a finite verb ("verwerkt", "levert", "is"). */
int tl_pol_nl_verb(const tl_token *t)
{
	uint32_t cls = tl_polclass(t);
	if (cls & TL_PC_NLV)
		return 1;
	const char *f = t->fold;
	size_t l = t->word ? t->word->len : strlen(f);
	return l >= 4 && f[l - 1] == 't' && !(cls & TL_PC_NLNOT) && !(t->flags & TL_TOK_CAPITAL);
}

/* 1 when the main clause has a word that looks like a finite verb after
 * the subject: a title such as "Provider as Processor." binds nobody. */
/* An English past tense ("adopted", "decided"): a narrative of what happened,
 * not what a party does under the contract ("need", "exceed" are present). */
static int S_en_past(const tl_token *t)
{
	const char *f = t->fold;
	size_t l = f ? strlen(f) : 0;
	return l >= 5 && f[l - 2] == 'e' && f[l - 1] == 'd' && f[l - 3] != 'e';
}

int tl_pol_has_verb(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t subj,
                    uint32_t len, tl_lang lang)
{
	uint32_t from = subj == UINT32_MAX ? 0 : subj + len;
	/* "You grant us ...", "We delete ...", "The Parties meet ...": a plain verb right after
	 * the subject */
	static const char *const not_verb[] = {"and", "or", "of", "the", "a", "an", "to", "in", "for",
	                                       "with", "as", "by", "that", "which", "who", "its",
	                                       "their", "and/or", "nor", "under", "on", "at", NULL};
	if (lang != TL_LANG_NL && subj != UINT32_MAX && from < n && sc[from] == 0 &&
	    !(tok[from].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER | TL_TOK_CAPITAL | TL_TOK_PARTY)) &&
	    !tl_tok_in(&tok[from], not_verb) && !S_en_past(&tok[from]))
		return 1;
	/* Dutch, a coordinated subject and a plural verb: "Opdrachtnemer en haar
	 * subverwerkers verkopen ...", "Leverancier of diens onderaannemers verwerken" */
	if (lang != TL_LANG_EN && subj != UINT32_MAX && from < n &&
	    (tl_tok_is(&tok[from], "en") || tl_tok_is(&tok[from], "of"))) {
		static const char *const np[] = {"de", "het", "haar", "zijn", "hun", "diens", "alle",
		                                 "eventuele", "eigen", "ingeschakelde", NULL};
		for (uint32_t j = from + 1; j < n && j <= from + 5 && sc[j] == 0; j++) {
			const tl_token *t = &tok[j];
			const char *f = t->fold;
			size_t l = strlen(f);
			if (t->flags & TL_TOK_PUNCT)
				break;
			if ((t->flags & (TL_TOK_PARTY | TL_TOK_CAPITAL)) || tl_tok_in(t, np) ||
			    (l >= 3 && f[l - 1] == 's'))
				continue;
			if (j > from + 1 && l >= 4 && f[l - 2] == 'e' && f[l - 1] == 'n' && !(tl_polclass(t) & TL_PC_NLNOT))
				return 1;
			break;
		}
	}
	for (uint32_t i = 0; i < n; i++) {
		if (sc[i] != 0 || (tok[i].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER | TL_TOK_PARTY)))
			continue;
		if (i < from && !(lang != TL_LANG_EN && i > 0))
			continue; /* Dutch inversion: "Binnen 5 dagen levert Opdrachtnemer" */
		const char *f = tok[i].fold;
		size_t l = tok[i].word ? tok[i].word->len : strlen(f);
		uint32_t cls = tl_polclass(&tok[i]);
		if (lang != TL_LANG_NL &&
		    ((cls & TL_PC_ENV) || (l >= 4 && f[l - 1] == 's' && f[l - 2] != 's' && f[l - 2] != '\'' &&
		                           !(cls & TL_PC_ENNOT) && !(tok[i].flags & TL_TOK_CAPITAL))))
			return 1;
		/* a plural verb right after the subject, or right before it after a fronted
		 * phrase ("Na ontdekking van een datalek informeren wij u", "Daarna verwijderen
		 * Partijen ...": Dutch puts the finite verb second) */
		int en_form = l >= 4 && f[l - 2] == 'e' && f[l - 1] == 'n';
		if (lang != TL_LANG_EN &&
		    (tl_pol_nl_verb(&tok[i]) || (i == from && en_form) ||
		     (en_form && i > 0 && subj != UINT32_MAX && i + 1 == subj && !(cls & TL_PC_NLNOT))))
			return 1;
	}
	return 0;
}

/* 1 when an English be-form at i can belong to the main modal at cue_at: only
 * adverbs and negators between ("shall not be disclosed", "may at all times be
 * used"); "GitHub will use data to understand how products are used" is no passive. */
static int S_be_of_cue(const tl_token *tok, uint32_t i, uint32_t cue_at)
{
	/* also the lawyer's negators "under no circumstances", "in no event", "at no time",
	 * "on no account" ("shall in no event be sold by the Supplier") */
	static const char *const between[] = {"not", "no", "also", "then", "at", "all", "times",
	                                      "only", "always", "never", "further", "still", "n't",
	                                      "therefore", "thereafter", "under", "circumstances",
	                                      "in", "event", "case", "time", "on", "account", "any",
	                                      NULL};
	if (cue_at == UINT32_MAX || i <= cue_at)
		return 1;
	for (uint32_t k = cue_at + 1; k < i; k++) {
		size_t l = strlen(tok[k].fold);
		if (!tl_tok_in(&tok[k], between) && !(l > 3 && !strcmp(tok[k].fold + l - 2, "ly")) &&
		    !(tok[k].flags & TL_TOK_MODAL))
			return 0;
	}
	return 1;
}

void tl_pol_passive(const tl_annotated *a, const tl_token *tok, uint32_t n, const int16_t *sc,
                    tl_lang lang, uint32_t cue_at, tl_pol_voice *v)
{
	const char *const *en_be = tl_pol_en_be;
	static const char *const adv[] = {"not", "no", "only", "also", "promptly", "immediately",
	                                  "securely", "fully", "always", "never", "further", "be",
	                                  "been", "properly", "solely", "exclusively", "duly", NULL};
	memset(v, 0, sizeof *v);
	v->agent = UINT32_MAX;
	for (uint32_t i = 0; i < n && !v->passive; i++) {
		if (sc[i] != 0)
			continue;
		const char *f = tok[i].fold;
		uint32_t cls = tl_polclass(&tok[i]);
		if (lang != TL_LANG_EN && (cls & TL_PC_NLPASS)) {
			int defn = 0; /* "wordt (in deze overeenkomst) verstaan", "wordt geacht" */
			for (uint32_t k = i + 1; k < n && k <= i + 5 && !defn; k++)
				defn = tl_tok_is(&tok[k], "verstaan") || (k == i + 1 && tl_tok_is(&tok[k], "geacht"));
			if (defn)
				continue;
			v->passive = 1;
			v->present = f[3] == 'd' || f[4] == 'e'; /* wordt, worden */
		} else if (lang != TL_LANG_NL && (cls & TL_PC_ENBE)) {
			if (!S_be_of_cue(tok, i, cue_at))
				continue;
			/* "reports required to be filed": an infinitive, unless "is to be paid" */
			if (i >= 2 && tl_tok_is(&tok[i], "be") && tl_tok_is(&tok[i - 1], "to") &&
			    !tl_tok_in(&tok[i - 2], en_be))
				continue;
			uint32_t k = i + 1;
			while (k < n && k < i + 4 && tl_tok_in(&tok[k], adv))
				k++;
			if (k < n && tl_pol_participle_en(tok[k].fold)) {
				v->passive = 1;
				v->present = !(tl_tok_is(&tok[i], "was") || tl_tok_is(&tok[i], "were"));
			}
		}
	}
	if (!v->passive)
		return;
	/* "na schriftelijke goedkeuring door de Gemeente", "after approval by the
	 * Customer": the agent of a noun of action, not of the passive verb */
	static const char *const act_noun[] = {
	    "goedkeuring", "toestemming", "instemming", "besluit", "beoordeling", "controle",
	    "akkoord", "acceptatie", "vaststelling", "ondertekening", "approval", "consent",
	    "decision", "review", "assessment", "authorisation", "authorization", "acceptance",
	    "sign-off", "signature", "agreement", NULL};
	for (uint32_t i = 0; i + 1 < n; i++) {
		if (sc[i] != 0 || !(tl_tok_is(&tok[i], "by") || tl_tok_is(&tok[i], "door")))
			continue;
		if (i > 0 && tl_tok_in(&tok[i - 1], act_noun))
			continue;
		uint32_t k = i + 1;
		if (tl_ph_at(tok, n, k, "or on behalf of"))
			k += 4;
		/* "by the Supplier", "door een medewerker van Opdrachtgever" */
		for (uint32_t e = k; e < n && e < k + 5 && !(tok[e].flags & TL_TOK_PUNCT); e++) {
			uint32_t len;
			tl_role r = tl_mention_at(a, tok, n, e, &len);
			if (r) {
				v->agent = e;
				v->agent_role = r;
				return;
			}
		}
	}
}

int tl_pol_nothing_before(const tl_token *tok, uint32_t i)
{
	static const char *const nothing[] = {"nothing", "niets", "none", "no", "geen", NULL};
	for (uint32_t k = i > 8 ? i - 8 : 0; k < i; k++)
		if (tl_tok_in(&tok[k], nothing) &&
		    (tl_tok_is(&tok[k], "nothing") || tl_tok_is(&tok[k], "niets") || tl_tok_is(&tok[k], "none") ||
		     (k + 1 < i && (tl_tok_is(&tok[k + 1], "provision") || tl_tok_is(&tok[k + 1], "bepaling") ||
		                    tl_tok_is(&tok[k + 1], "clause") || tl_tok_is(&tok[k + 1], "term")))))
			return 1;
	return 0;
}
