/* split.c: where a sentence splits into coordinated units, each with its
 * own predicate: "X shall not sell the Data, but may use it", "... en mag
 * ...", and ", en Opdrachtgever mag ..." after a clause of its own.  Runs on
 * raw tokens, before definitions are known. */
#include <string.h>

#include "analyze/polclass.h"

/* ", en Opdrachtgever mag ...", ", and we may ...": after a comma, a
 * coordinator followed by its own subject (a name, a pronoun) and a modal
 * verb (at k) opens a new clause, also when the first clause had no modal
 * ("Leverancier levert ..., en Opdrachtgever mag ..."); "Leverancier en
 * Opdrachtgever mogen" (no comma) is one subject. */
static int S_new_subject(const tl_token *tok, uint32_t i, uint32_t k)
{
	static const char *const pron[] = {"we", "you", "it", "they", "he", "she", "wij", "u",
	                                   "hij", "zij", "ze", "ieder", "each", "either", NULL};
	static const char *const en_v[] = {"is", "are", "has", "have", "does", "do", "was", "were",
	                                   NULL};
	static const char *const det[] = {"de", "het", "the", NULL};
	if (i == 0 || k < i + 2 || tl_tok_in(&tok[i + 1], tl_subordinators))
		return 0; /* ", or that you may ...": a second complement, no new clause */
	int subject = 0;
	if (tl_tok_is(&tok[i - 1], ",")) {
		for (uint32_t j = i + 1; j < k && !subject; j++)
			subject = (tok[j].flags & TL_TOK_CAPITAL) || tl_tok_in(&tok[j], pron);
	} else if (tl_tok_is(&tok[i], "en") || tl_tok_is(&tok[i], "and")) {
		/* without a comma only a capitalised name right before the modal: "... een
		 * ISAE 3402-verklaring en Opdrachtgever mag een audit laten uitvoeren", "and
		 * the Customer may audit"; "Leverancier en Opdrachtgever mogen" has no clause
		 * before it */
		uint32_t j = i + 1;
		if (j < k && tl_tok_in(&tok[j], det))
			j++;
		/* "the United Kingdom and India may access": two names coordinated are one
		 * subject */
		subject = j + 1 == k && (tok[j].flags & TL_TOK_CAPITAL) && !(tok[j].flags & TL_TOK_PUNCT) &&
		          !(tok[i - 1].flags & TL_TOK_CAPITAL);
	}
	if (!subject)
		return 0;
	/* the part before the comma must be a clause, not one more item of a list ("references
	 * to Customer in the SOW, Key Terms, or Standard Terms will mean ...") */
	for (uint32_t b = i - 1; b-- > 0;) {
		const tl_token *t = &tok[b];
		if (tl_tok_is(t, ",") || tl_tok_is(t, ";"))
			break;
		const char *f = t->fold;
		size_t l = strlen(f);
		if (t->flags & (TL_TOK_PUNCT | TL_TOK_NUMBER | TL_TOK_CAPITAL))
			continue;
		if (tl_pol_nl_verb(t) || tl_tok_in(t, en_v) || tl_tok_in(t, tl_modal_aux) ||
		    (l >= 4 && f[l - 1] == 's' && f[l - 2] != 's' && f[l - 2] != '\''))
			return 1;
	}
	return 0;
}

/* A main-clause modal before tok[i] (since the last ';'), with no
 * subordinator before it: "The Supplier shall use ..., shall not ..." has
 * one; "The Supplier, if it so wishes, shall" and "Information that you may
 * have access to, will be" have none. */
static int S_modal_clause_before(const tl_token *tok, uint32_t i, const char *const *aux)
{
	uint32_t start = i;
	(void)aux; /* tl_pol_split_aux, its class TL_PC_SAUX */
	while (start > 0 && !(tl_polclass(&tok[start - 1]) & TL_PC_SEMI))
		start--;
	int modal = 0;
	for (uint32_t b = start; b < i; b++) {
		/* "Information that you may have access to, will be ...": a modal after a
		 * subordinator is the subordinate clause's own */
		uint32_t cls = tl_polclass(&tok[b]);
		if (cls & TL_PC_SUBORD)
			return 0;
		if (cls & TL_PC_SAUX) {
			modal = 1;
			break;
		}
	}
	return modal;
}

/* "You retain ownership of Your Content, and ...": the part before the comma
 * at `comma` opens with a subject pronoun, so it is a clause. */
static int S_pron_clause_before(const tl_token *tok, uint32_t comma, const char *const *pron)
{
	uint32_t b = comma;
	while (b > 0 && !tl_tok_is(&tok[b - 1], ",") && !tl_tok_is(&tok[b - 1], ";"))
		b--;
	return b + 1 < comma && tl_tok_in(&tok[b], pron) && !(tok[b + 1].flags & TL_TOK_PUNCT);
}

/* "Section 5.4 is replaced by the following: "Shelfwise shall ..."", "Artikel 9
 * komt te luiden als volgt: ...": the colon at tok[i] introduces the new text
 * of a clause, which is a clause of its own with its own subject. */
static int S_new_text_colon(const tl_token *tok, uint32_t i)
{
	static const char *const intro[] = {"following", "follows", "volgende", "volgt", NULL};
	static const char *const verb[] = {"replaced", "superseded", "amended", "read", "vervangen",
	                                   "luiden", "luidt", "gewijzigd", NULL};
	if (!tl_tok_is(&tok[i], ":"))
		return 0;
	/* "Eis BP-4 wordt gewijzigd in:", "is amended to read:", "komt te luiden:",
	 * "wordt vervangen door:" */
	if (i >= 2 && ((tl_tok_is(&tok[i - 1], "in") &&
	                (tl_tok_is(&tok[i - 2], "gewijzigd") || tl_tok_is(&tok[i - 2], "veranderd"))) ||
	               (tl_tok_is(&tok[i - 1], "read") && tl_tok_is(&tok[i - 2], "to")) ||
	               (tl_tok_is(&tok[i - 1], "luiden") && tl_tok_is(&tok[i - 2], "te")) ||
	               (tl_tok_is(&tok[i - 1], "door") && tl_tok_is(&tok[i - 2], "vervangen")) ||
	               (tl_tok_is(&tok[i - 1], "by") && tl_tok_is(&tok[i - 2], "replaced")) ||
	               /* "Section 16 is replaced: this Agreement is governed by ..." */
	               tl_tok_is(&tok[i - 1], "replaced") || tl_tok_is(&tok[i - 1], "vervangen")))
		return 1;
	if (!tl_tok_in(&tok[i - 1], intro))
		return 0;
	for (uint32_t b = i - 1; b-- > 0 && b + 8 > i;)
		if (tl_tok_in(&tok[b], verb))
			return 1;
	return 0;
}

/* A word of the part before a coordinator that makes that part a clause: a
 * modal, a form of be/have/do, a Dutch finite verb, an English verb in -s. */
static int S_clause_verb(const tl_token *t, tl_lang lang)
{
	static const char *const en_v[] = {"is", "are", "has", "have", "does", "do", "was", "were",
	                                   NULL};
	uint32_t cls = tl_polclass(t);
	if (t->flags & (TL_TOK_PUNCT | TL_TOK_NUMBER))
		return 0;
	if (cls & (TL_PC_MODAL | TL_PC_SAUX | TL_PC_NLPASS))
		return 1;
	if (lang != TL_LANG_EN)
		return !(t->flags & TL_TOK_CAPITAL) && tl_pol_nl_verb(t);
	if (tl_tok_in(t, en_v))
		return 1;
	const char *f = t->fold;
	size_t l = strlen(f);
	return l >= 4 && f[l - 1] == 's' && f[l - 2] != 's' && f[l - 2] != '\'' && f[l - 2] != 'u';
}

/* "Bids are encrypted until the opening time and cannot be opened earlier":
 * the subordinator at b opens a phrase without a verb of its own before the
 * coordinator at i, so what follows the coordinator continues the main
 * clause, not the phrase. */
static int S_verbless_since(const tl_token *tok, uint32_t b, uint32_t i, tl_lang lang)
{
	for (uint32_t k = b + 1; k < i; k++)
		if (S_clause_verb(&tok[k], lang))
			return 0;
	return 1;
}

/* The part tok[start, i) opens with a short subject and a predicate that acts:
 * a modal, a passive ("are encrypted", "wordt bewaard"), an English verb in -s
 * or a Dutch finite verb in -t right after the subject ("The Supplier processes",
 * "Opdrachtnemer verwerkt").  Not a copula with a noun ("... zijn bedrijfsgeheim
 * van de fabrikant": a statement), not a list of nouns ("Naam, BSN, ...,
 * geslacht"), not a long subject: a verb further in is not recognised. */
static int S_affirmed_predicate(const tl_token *tok, uint32_t start, uint32_t i, tl_lang lang)
{
	static const char *const en_be[] = {"is", "are", NULL};
	static const char *const en_dets[] = {"the", "a", "an", "all", "any", "each", "its", "their",
	                                      "our", "your", NULL};
	while (start < i && (tok[start].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)))
		start++; /* a label: "5.3", "(b)" */
	if (start < i && (tl_polclass(&tok[start]) & (TL_PC_SUBORD | TL_PC_PREPS)))
		return 0; /* "If the Customer terminates ... and does not renew it, ...": a condition */
	for (uint32_t k = start + 1; k < i && k <= start + 4; k++) {
		const tl_token *t = &tok[k];
		uint32_t cls = tl_polclass(t);
		if (t->flags & (TL_TOK_PUNCT | TL_TOK_NUMBER))
			return 0;
		if (cls & (TL_PC_MODAL | TL_PC_SAUX | TL_PC_NLPASS))
			return 1;
		if (cls & (TL_PC_SUBORD | TL_PC_PREPS))
			return 0; /* the subject has a clause or phrase of its own: too long to tell */
		const char *f = t->fold;
		size_t l = strlen(f);
		if (lang == TL_LANG_EN) {
			if (tl_tok_in(t, en_be))
				return k + 1 < i && strlen(tok[k + 1].fold) >= 5 &&
				       !strcmp(tok[k + 1].fold + strlen(tok[k + 1].fold) - 2, "ed");
			if (l >= 4 && f[l - 1] == 's' && f[l - 2] != 's' && f[l - 2] != '\'' && f[l - 2] != 'u' &&
			    !(t->flags & TL_TOK_CAPITAL) && !tl_tok_in(&tok[k - 1], en_dets))
				return 1;
		} else if (!(t->flags & TL_TOK_CAPITAL) && !(cls & TL_PC_NLV) && tl_pol_nl_verb(t) &&
		           !(tl_polclass(&tok[k - 1]) & TL_PC_DETS)) {
			return 1;
		}
	}
	return 0;
}

/* ".. and cannot be opened earlier", "... and does not sell it", "... en slaat
 * geen ruwe beelden op": at the coordinator i (and, en) a conjunct opens with
 * its own verb, without a subject of its own, and denies it, after a part (since
 * the last ';') that has a verb and no negator.  Its own unit, so the first
 * predicate keeps its modality and the second gets its own: a prohibition in a
 * later conjunct does not make the whole sentence one. */
static int S_negated_conjunct(const tl_token *tok, uint32_t n, uint32_t i, tl_lang lang)
{
	if (i + 2 >= n || !(tl_tok_is(&tok[i], "and") || tl_tok_is(&tok[i], "en")))
		return 0;
	const tl_token *v = &tok[i + 1];
	if (v->flags & (TL_TOK_PUNCT | TL_TOK_NUMBER | TL_TOK_CAPITAL))
		return 0;
	/* one class test spares the lists at most coordinators: an English opening is a
	 * negator, a form of be/have/do or a modal ("should" aside) */
	if (lang == TL_LANG_EN && !(tl_polclass(v) & (TL_PC_NEG | TL_PC_ENV | TL_PC_MODAL)) &&
	    !tl_tok_is(v, "should"))
		return 0;
	int opens = 0;
	if (lang == TL_LANG_EN) {
		static const char *const neg1[] = {"cannot", "can't", "doesn't", "don't", "isn't",
		                                   "aren't", "won't", "shan't", NULL};
		static const char *const aux[] = {"does", "do", "is", "are", "has", "have", "will",
		                                  "shall", "may", "must", "can", "should", NULL};
		opens = tl_tok_in(v, neg1) ||
		        (tl_tok_in(v, aux) && (tl_tok_is(&tok[i + 2], "not") || tl_tok_is(&tok[i + 2], "never"))) ||
		        /* "and never transfers it", not "and never longer than 14 days" */
		        (tl_tok_is(v, "never") && S_clause_verb(&tok[i + 2], lang));
	} else if (S_clause_verb(v, lang) && !S_clause_verb(&tok[i + 2], lang)) {
		/* not "en godsdienst worden niet ...": a noun before its own verb */
		/* "en slaat geen ruwe beelden op", "en verstrekt deze niet": a negator in the
		 * conjunct, before its end */
		static const char *const nl_neg[] = {"niet", "geen", "nooit", "nimmer", "niets", NULL};
		for (uint32_t k = i + 2; k < n && k <= i + 8 && !opens; k++) {
			uint32_t cls = tl_polclass(&tok[k]);
			if ((tok[k].flags & TL_TOK_PUNCT) || (cls & (TL_PC_SCONJ | TL_PC_SBUT | TL_PC_SUBORD)))
				break;
			opens = tl_tok_in(&tok[k], nl_neg);
		}
	}
	if (!opens)
		return 0;
	uint32_t start = i;
	while (start > 0 && !(tl_polclass(&tok[start - 1]) & TL_PC_SEMI)) {
		start--;
		if (tl_polclass(&tok[start]) & TL_PC_NEG)
			return 0; /* "does not sell and does not disclose": one denial */
	}
	return S_affirmed_predicate(tok, start, i, lang);
}

/* "shall not sell the Data but may share it", "verkoopt ze niet maar mag ze
 * delen", "... but the Supplier may ...", "... maar Opdrachtnemer mag ...":
 * without a comma, "but" at tok[i] opens a clause of its own when a modal
 * follows it at once or after a short subject of its own (a name, a pronoun,
 * a determiner and a name), and the part before it (since the last ';') has a
 * verb: not "encrypted but may be read" in a phrase without one. */
static int S_but_clause(const tl_token *tok, uint32_t n, uint32_t i, tl_lang lang)
{
	static const char *const subj[] = {"we", "you", "it", "they", "he", "she", "wij", "u", "hij",
	                                   "zij", "ze", "the", "de", "het", NULL};
	uint32_t k = i + 1;
	while (k < n && k <= i + 3 && !(tl_polclass(&tok[k]) & TL_PC_SAUX)) {
		if ((tok[k].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)) ||
		    !((tok[k].flags & TL_TOK_CAPITAL) || tl_tok_in(&tok[k], subj)))
			return 0;
		k++;
	}
	if (k >= n || k > i + 3)
		return 0;
	uint32_t start = i;
	while (start > 0 && !(tl_polclass(&tok[start - 1]) & TL_PC_SEMI))
		start--;
	for (uint32_t b = start; b < i; b++)
		if (S_clause_verb(&tok[b], lang))
			return 1;
	return 0;
}

uint32_t tl_polarity_split(const tl_token *tok, uint32_t n, tl_lang lang)
{
	const char *const *aux = tl_pol_split_aux;
	for (uint32_t i = 3; i + 2 < n; i++) {
		uint32_t cls = tl_polclass(&tok[i]);
		if ((tok[i].flags & TL_TOK_PUNCT) && S_new_text_colon(tok, i)) {
			uint32_t j = i + 1;
			while (j < n && (tl_tok_is(&tok[j], "\"") || tl_tok_is(&tok[j], "'")))
				j++;
			if (j + 1 < n)
				return j;
		}
		/* "shall use the Data only ..., shall not disclose it ... and shall delete
		 * it": after a clause with its own modal, a comma and a modal open a unit */
		if ((cls & TL_PC_COMMA) && (tl_polclass(&tok[i + 1]) & TL_PC_SAUX) &&
		    S_modal_clause_before(tok, i, aux))
			return i;
		/* only a coordinator can open a unit (the lists hold lower-case words only) */
		int is_but = (cls & TL_PC_SBUT) != 0, is_conj = !is_but && (cls & TL_PC_SCONJ);
		if (!is_but && !is_conj)
			continue;
		/* a coordination inside a relative or subordinate clause ("incident dat de
		 * Gegevens raakt of kan raken") is no new unit */
		int inside = 0;
		uint32_t sub = 0;
		for (uint32_t b = i; b-- > 0 && b + 40 > i;) {
			uint32_t cb = tl_polclass(&tok[b]);
			if (cb & (TL_PC_COMMA | TL_PC_SEMI))
				break;
			if ((cb & TL_PC_SUBORD) && b > 0) {
				inside = 1;
				sub = b;
				break;
			}
		}
		if (is_conj && S_negated_conjunct(tok, n, i, lang) &&
		    (!inside || S_verbless_since(tok, sub, i, lang)))
			return i;
		if (inside)
			continue;
		if (is_but && tl_tok_is(&tok[i - 1], ",")) {
			for (uint32_t k = i + 1; k < n && k <= i + 4; k++)
				if (tl_polclass(&tok[k]) & TL_PC_SAUX)
					return i;
		} else if (is_but) {
			if (S_but_clause(tok, n, i, lang))
				return i;
		} else if (is_conj) {
			/* ", and we acquire no rights in it": a pronoun subject after a comma
			 * and the coordinator opens a clause of its own */
			static const char *const subj_pron[] = {"we", "you", "they", "wij", "zij", NULL};
			if (tl_tok_is(&tok[i - 1], ",") && tl_tok_in(&tok[i + 1], subj_pron) &&
			    !(tok[i + 2].flags & TL_TOK_PUNCT) &&
			    (S_new_subject(tok, i, i + 2) || S_pron_clause_before(tok, i - 1, subj_pron)))
				return i;
			/* ", and the Vendor does not use ...", ", en Opdrachtnemer gebruikt ...": after
			 * a comma, a capitalised subject of its own (after a determiner) and a verb
			 * of its own open a clause (the verb need not be a modal) */
			if (tl_tok_is(&tok[i - 1], ",")) {
				static const char *const det[] = {"the", "de", "het", NULL};
				uint32_t k = i + 1;
				if (k < n && tl_tok_in(&tok[k], det))
					k++;
				uint32_t names = 0;
				while (k < n && names < 3 && (tok[k].flags & TL_TOK_CAPITAL) &&
				       !(tok[k].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)))
					k++, names++;
				if (names && k < n && S_clause_verb(&tok[k], lang) && S_new_subject(tok, i, k))
					return i;
			}
			/* "and may ...", "and we will ...", "en de Gemeente mag ..." */
			for (uint32_t k = i + 1; k < n && k <= i + 4; k++) {
				if (tok[k].flags & TL_TOK_PUNCT)
					break;
				if (tl_polclass(&tok[k]) & TL_PC_SAUX) {
					int before = 0;
					for (uint32_t b = 0; b < i && !before; b++)
						before = (tl_polclass(&tok[b]) & TL_PC_SAUX) != 0;
					if (k == i + 1 || before || S_new_subject(tok, i, k))
						return i;
					break;
				}
			}
		}
	}
	return 0;
}
