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
	if (!tl_tok_is(&tok[i], ":") || !tl_tok_in(&tok[i - 1], intro))
		return 0;
	for (uint32_t b = i - 1; b-- > 0 && b + 8 > i;)
		if (tl_tok_in(&tok[b], verb))
			return 1;
	return 0;
}

uint32_t tl_polarity_split(const tl_token *tok, uint32_t n)
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
		for (uint32_t b = i; b-- > 0 && b + 40 > i;) {
			uint32_t cb = tl_polclass(&tok[b]);
			if (cb & (TL_PC_COMMA | TL_PC_SEMI))
				break;
			if ((cb & TL_PC_SUBORD) && b > 0) {
				inside = 1;
				break;
			}
		}
		if (inside)
			continue;
		if (is_but && tl_tok_is(&tok[i - 1], ",")) {
			for (uint32_t k = i + 1; k < n && k <= i + 4; k++)
				if (tl_polclass(&tok[k]) & TL_PC_SAUX)
					return i;
		} else if (is_conj) {
			/* ", and we acquire no rights in it": a pronoun subject after a comma
			 * and the coordinator opens a clause of its own */
			static const char *const subj_pron[] = {"we", "you", "they", "wij", "zij", NULL};
			if (tl_tok_is(&tok[i - 1], ",") && tl_tok_in(&tok[i + 1], subj_pron) &&
			    !(tok[i + 2].flags & TL_TOK_PUNCT) &&
			    (S_new_subject(tok, i, i + 2) || S_pron_clause_before(tok, i - 1, subj_pron)))
				return i;
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
