/* polarity.c: per sentence unit, the modality of the main predicate after
 * negation, the party it binds, passive voice and exceptions.
 *
 * 1. Scopes (scopes.c): exception clauses (unless, tenzij, behoudens, ...)
 *    and subordinate clauses (if, that, indien, dat, die, ...); what they
 *    contain does not flip the main predicate ("... tenzij Opdrachtgever niet
 *    instemt").
 * 2. Subject: the first party mention of the main clause that is not the
 *    object of a preposition (this also finds the Dutch inverted subject:
 *    "Na afloop zal Opdrachtnemer ..."); passive voice binds the agent
 *    ("door Opdrachtnemer", "by the Supplier") or nobody.
 * 3. Cue: the first modal cue of the main clause (shall, mag, is entitled,
 *    is verboden, ...); "shall be entitled" takes the later lexical cue; with
 *    no cue, a present indicative with a party subject or in the passive is
 *    an obligation ("Opdrachtnemer verstrekt ...").
 * 4. Negators of the main clause (niet, geen, nooit, not, no, never,
 *    nothing, neither/nor counted once; not in "no later than", "not
 *    limited to", "al dan niet") flip the cue: obligation -> prohibition,
 *    permission -> prohibition, prohibition -> permission; an even count
 *    cancels out.  "is not required to" (negation before a lexical
 *    obligation) is no obligation at all: a statement.
 * 5. "ensure that ... not" (zorgt ervoor dat ... geen) is a prohibition.
 *
 * Verb forms and the passive with its agent are in voice.c; negators that
 * negate no predicate ("niet tot personen herleidbare") and verbs of refusing
 * that make a double negation are in negscope.c. */
#include <stdlib.h>
#include <string.h>

#include "analyze/polclass.h"

enum { C_NONE = 0, C_AUX, C_OBL_LEX, C_NEED, C_PERM, C_PROH, C_PERM_LEX, C_ENSURE, C_PREVENT };

/* modal cues (obligation auxiliaries and lexical forms, permissions, prohibitions) and kinds */
const char *const tl_pol_cue_ph[] = {
	"shall", "must", "will", "won't", "shan't", "mustn't", "has to", "have to", "zal|zult", "zullen",
	"moet", "moeten", "dient", "dienen", "is|are|be required to", "is|are|be obliged to",
	"is|are|be obligated to", "is|are|be bound to", "undertake|undertakes", "agree|agrees to",
	"is|are|be responsible for", "commit|commits to", "is|zijn verplicht", "verplicht zich",
	"verplichten zich", "verbindt zich", "verbinden zich", "is|zijn gehouden", "verplicht",
	"gehouden", "required|obliged|obligated to", "responsible for", "draagt|dragen zorg",
	"draagt|dragen er zorg", "zorg dragen", "zorgt|zorgen ervoor", "zorgt|zorgen er voor",
	"staat|staan ervoor in", "staat|staan er voor in", "staat|staan in voor", "ensure|ensures",
	"guarantee|guarantees", "warrant|warrants", "garandeert|garanderen", "waarborgt|waarborgen",
	"hoeft|hoeven", "need|needs not", "may", "can", "cannot", "can't", "might", "mag", "mogen",
	"kan", "kunnen|kunt", "entitled", "permitted", "allowed", "authorised|authorized", "free to",
	"the right to", "reserves|reserve the right", "gerechtigd", "bevoegd", "toegestaan",
	"het recht om|tot|voor", "behoudt|behouden zich het recht", "vrij om", "vrij", "prohibited",
	"forbidden", "verboden", "refrain|refrains", "onthoudt|onthouden zich", "zich onthouden",
	"prohibit|prohibits", "verbiedt|verbieden", "prevent|prevents|preclude|precludes",
	"belet|beletten", "verhindert|verhinderen", "staat|staan in de weg", "onbevoegd",
	"oblige|obliges|obligate|obligates|compel|compels", "recht op", "aanspraak op",
	/* "heeft het recht een audit uit te voeren" (without "om"): checked in S_find_cue */
	"het recht",
	/* "Artikel 4.2 staat er niet aan in de weg dat Opdrachtnemer ...": the negator sits
	 * inside the cue */
	"staat|staan er niet aan in de weg", "restrict|restricts|limit|limits|beperkt|belemmert", NULL};
static const unsigned char S_cue_kind[] = {
	C_AUX, C_AUX, C_AUX, C_AUX, C_AUX, C_AUX, C_AUX, C_AUX, C_AUX, C_AUX, C_AUX, C_AUX, C_AUX,
	C_AUX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX,
	C_OBL_LEX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX, C_OBL_LEX,
	C_OBL_LEX, C_OBL_LEX, C_ENSURE, C_ENSURE, C_ENSURE, C_ENSURE, C_ENSURE, C_ENSURE, C_ENSURE,
	C_ENSURE, C_ENSURE, C_ENSURE, C_ENSURE, C_ENSURE, C_ENSURE, C_NEED, C_NEED, C_PERM, C_PERM,
	C_PERM, C_PERM, C_PERM, C_PERM, C_PERM, C_PERM, C_PERM, C_PERM_LEX, C_PERM_LEX, C_PERM_LEX,
	C_PERM_LEX, C_PERM_LEX, C_PERM_LEX, C_PERM_LEX, C_PERM_LEX, C_PERM_LEX, C_PERM_LEX, C_PERM_LEX,
	C_PERM_LEX, C_PERM_LEX, C_PERM_LEX, C_PROH, C_PROH, C_PROH, C_PROH, C_PROH, C_PROH, C_PROH,
	C_PROH, C_PREVENT, C_PREVENT, C_PREVENT, C_PREVENT, C_PERM_LEX, C_OBL_LEX, C_PERM_LEX,
	C_PERM_LEX, C_PERM_LEX, C_PREVENT, C_PREVENT};
_Static_assert(sizeof S_cue_kind == sizeof tl_pol_cue_ph / sizeof *tl_pol_cue_ph - 1, "one kind per cue");

#define S_negators tl_pol_negators

static const char *const S_not_neg[] = {
	"not only", "niet alleen", "no|not later than", "niet later dan", "no|not more than",
	"niet meer dan", "no|not less than", "niet minder dan", "not exceeding", "not to exceed",
	"not limited to", "niet beperkt tot", "niet -",
	"no|not less", "no|not fewer", "no|not greater", "no|not worse", "no|not lower",
	"no .", "geen -", NULL};

#define S_preps tl_pol_preps

#define S_dets tl_pol_dets

static const char *const S_be_have[] = {"is", "are", "was", "were", "has", "have", NULL};

/* "makes no guarantees that", "does not give any warranty", "geeft geen garantie":
 * a disclaimer states what is not promised; it forbids nothing */
#define S_promise_nouns tl_pol_promise

static int S_disclaimer(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t from)
{
	for (uint32_t i = from; i < n && i < from + 8; i++) {
		if (sc[i] != 0 || !(tl_polclass(&tok[i]) & TL_PC_PROMISE))
			continue;
		for (uint32_t k = i > from + 4 ? i - 4 : from; k < i; k++)
			if (tl_tok_is(&tok[k], "no") || tl_tok_is(&tok[k], "not") || tl_tok_is(&tok[k], "geen") ||
			    tl_tok_is(&tok[k], "niet"))
				return 1;
	}
	return 0;
}


static int S_grow(tl_ann_ctx *c, uint32_t n)
{
	if (n <= c->wcap)
		return 0;
	uint32_t cap = n + 64;
	tl_token *t = realloc(c->wtok, (size_t)cap * sizeof *t);
	if (!t)
		return TL_ENOMEM;
	c->wtok = t;
	int16_t *s = realloc(c->wscope, (size_t)cap * sizeof *s);
	if (!s)
		return TL_ENOMEM;
	c->wscope = s;
	c->wcap = cap;
	return 0;
}

/* 1 when tok[i] starts a negator that counts. */
static uint32_t S_negator_rest(const tl_token *tok, uint32_t n, uint32_t i);

/* the two cheap tests inline: most tokens are no negator */
static inline uint32_t S_negator_at(const tl_token *tok, uint32_t n, uint32_t i)
{
	if (!(tl_polclass(&tok[i]) & TL_PC_NEG))
		return 0;
	return S_negator_rest(tok, n, i);
}

static uint32_t S_negator_rest(const tl_token *tok, uint32_t n, uint32_t i)
{
	if (tl_ph_list_at(tok, n, i, S_not_neg, NULL))
		return 0;
	if (i > 1 && tl_ph_at(tok, n, i - 2, "al dan niet"))
		return 0;
	if (i > 1 && (tl_ph_at(tok, n, i - 2, "whether or not") || tl_ph_at(tok, n, i - 2, "any or no")))
		return 0; /* "for any or no reason" */
	if (tl_ph_at(tok, n, i, "not be more|less|greater|higher|lower than"))
		return 0; /* a cap: "will not be more than the Cap Amount" */
	if (i > 0 && tl_ph_at(tok, n, i - 1, "but not"))
		return 0; /* "including but not limited to" caught above; "but not" joins a list */
	/* "niet meer gegevens dan nodig", "no more data than necessary": like "niet meer dan",
	 * a limit to at most the second term, not a denial of the first ("niet langer dan"
	 * stays a negation: the retention rules read it as a prohibition) */
	if (i + 2 < n && tl_ph_at(tok, n, i, "niet|not|no") &&
	    tl_ph_at(tok, n, i + 1, "meer|minder|more|less|fewer"))
		for (uint32_t k = i + 2; k < n && k <= i + 7; k++) {
			if ((tok[k].flags & TL_TOK_PUNCT) || tl_tok_in(&tok[k], S_negators))
				break;
			if (tl_tok_is(&tok[k], "dan") || tl_tok_is(&tok[k], "than"))
				return 0;
		}
	return 1;
}

/* 1 when the mention at i is the object of a preposition ("of the
 * Supplier", "van Opdrachtnemer", "list of Approved Subprocessors"). */
static int S_after_prep(const tl_token *tok, uint32_t i)
{
	uint32_t k = i, caps = 0;
	/* capitalised modifiers of the same name ("Approved"), then determiners */
	while (k > 1 && (tok[k - 1].flags & TL_TOK_CAPITAL) && !(tok[k - 1].flags & TL_TOK_PUNCT) &&
	       caps++ < 3 && !(tl_polclass(&tok[k - 1]) & TL_PC_DETS))
		k--;
	if (caps && !(k > 0 && (tl_polclass(&tok[k - 1]) & (TL_PC_PREPS | TL_PC_DETS))))
		k = i; /* "Agreement the Supplier": not a modifier after all */
	/* "als afzonderlijke verwerkingsverantwoordelijke", "as an independent controller":
	 * a capacity, not the party acting */
	static const char *const capacity[] = {"afzonderlijke", "afzonderlijk", "zelfstandige",
	                                       "zelfstandig", "gezamenlijke", "separate", "independent",
	                                       "joint", NULL};
	while (k > 0 && ((tl_polclass(&tok[k - 1]) & TL_PC_DETS) || tl_tok_in(&tok[k - 1], capacity)))
		k--;
	if (k == 0 || !(tl_polclass(&tok[k - 1]) & TL_PC_PREPS))
		return 0;
	/* "Geen van beide Partijen", "Neither of the Parties", "Each of the Parties" */
	static const char *const quant[] = {"geen", "neither", "none", "each", "either", "any", "one",
	                                    "elk", "elke", "ieder", "iedere", "een", "all", "both", NULL};
	if (k >= 2 && (!strcmp(tok[k - 1].fold, "van") || !strcmp(tok[k - 1].fold, "of")) &&
	    tl_tok_in(&tok[k - 2], quant))
		return 0;
	return 1;
}

/* The party's own people after its possessive: "its subcontractors", "Our
 * support and engineering teams", "Onze supportafdeling": a staff word (or a
 * compound ending in one) within the next four words, before punctuation. */
static int S_staff_follows(const tl_token *tok, uint32_t n, uint32_t i)
{
	static const char *const staff[] = {"staff", "personnel", "employees", "agents",
	                                    "subcontractors", "sub", "personeel", "medewerkers",
	                                    "engineers", "team", "teams", "department", "departments",
	                                    "afdeling", "afdelingen", "werknemers", NULL};
	static const char *const heads[] = {"afdeling", "team", "medewerkers", "personeel", NULL};
	for (uint32_t k = i; k < n && k < i + 4; k++) {
		if (tok[k].flags & TL_TOK_PUNCT)
			return 0;
		if (tl_tok_in(&tok[k], staff))
			return 1;
		const char *f = tok[k].fold;
		size_t l = f ? strlen(f) : 0;
		for (const char *const *h = heads; *h && l; h++) {
			size_t hl = strlen(*h);
			if (l >= hl + 3 && !strcmp(f + l - hl, *h))
				return 1;
		}
	}
	return 0;
}

/* 1 when main-clause tokens [s, e) hold a modal cue. */
static int S_has_cue(const tl_token *tok, const int16_t *sc, uint32_t s, uint32_t e, uint32_t n)
{
	for (uint32_t i = s; i < e; i++)
		if (sc[i] == 0 && !(tok[i].flags & TL_TOK_PUNCT) && (tl_polclass(&tok[i]) & TL_PC_CUE) &&
		    tl_ph_list_at(tok, n, i, tl_pol_cue_ph, NULL))
			return 1;
	return 0;
}

/* The first modal cue of the main clause: its kind, position and length;
 * "shall be entitled" gives the later lexical cue. */
static int S_find_cue(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t any,
                      uint32_t *at, uint32_t *len)
{
	int cue = C_NONE;
	*at = UINT32_MAX;
	*len = 0;
	if (!(any & TL_PC_CUE))
		n = 0; /* no word of the unit can start a cue */
	for (uint32_t i = 0; i < n; i++) {
		if (sc[i] != 0 || (tok[i].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)) ||
		    !(tl_polclass(&tok[i]) & TL_PC_CUE))
			continue;
		int w = -1;
		uint32_t m = tl_ph_list_at(tok, n, i, tl_pol_cue_ph, &w);
		if (!m)
			continue;
		int kind = S_cue_kind[w];
		/* "om klachten te kunnen afhandelen", "de gegevens te mogen inzien": a modal
		 * infinitive after "te" belongs to an infinitive clause, not to the main
		 * predicate (which keeps its own cue: "dient ... te kunnen leveren") */
		if (i > 0 && tl_tok_is(&tok[i - 1], "te") &&
		    (tl_tok_is(&tok[i], "kunnen") || tl_tok_is(&tok[i], "mogen") || tl_tok_is(&tok[i], "moeten") ||
		     tl_tok_is(&tok[i], "zullen")))
			continue;
		/* "May 2024", "dient als", "vrij snel" are no cues */
		if (tl_tok_is(&tok[i], "may") && (tok[i].flags & TL_TOK_CAPITAL) && i + 1 < n &&
		    (tok[i + 1].flags & TL_TOK_NUMBER))
			continue;
		if ((tl_tok_is(&tok[i], "dient") || tl_tok_is(&tok[i], "dienen")) && i + 1 < n &&
		    (tl_tok_is(&tok[i + 1], "als") || tl_tok_is(&tok[i + 1], "ter") || tl_tok_is(&tok[i + 1], "tot")))
			continue;
		if (tl_tok_is(&tok[i], "vrij") && m == 1) {
			int has_staat = 0;
			for (uint32_t k = i > 12 ? i - 12 : 0; k < i; k++)
				has_staat |= tl_tok_is(&tok[k], "staat") || tl_tok_is(&tok[k], "staan") ||
				             tl_tok_is(&tok[k], "is") || tl_tok_is(&tok[k], "zijn");
			if (!has_staat || (i + 1 < n && tl_tok_is(&tok[i + 1], "van")))
				continue;
		}
		/* an adjective is a cue as a predicate ("is entitled", "het is ... toegestaan"),
		 * not before a noun ("authorised personnel", "permitted purposes") */
		if ((kind == C_PERM_LEX || kind == C_PROH) && m == 1) {
			static const char *const adj[] = {"entitled", "permitted", "allowed", "authorised",
			                                  "authorized", "prohibited", "forbidden",
			                                  "gerechtigd", "bevoegd", "toegestaan", "verboden",
			                                  NULL};
			static const char *const be[] = {"is", "are", "be", "been", "being", "was", "were",
			                                 "zijn", "wordt", "worden", "zal", "zullen", "not",
			                                 "niet", "mag", "kan", "blijft", "remains", "remain",
			                                 NULL};
			static const char *const adv[] = {
				"also", "ook", "expressly", "uitdrukkelijk", "te", "allen", "tijde", "at", "all",
				"times", "hereby", "hierbij", "only", "slechts", "uitsluitend", "therefore",
				"daarom", "always", "altijd", "fully", "volledig", "in", "any", "case", "geval",
				"geen", "no", "never", "nooit", "further", "verder", "however", "echter", "het",
				"de", "then", "dan",
				/* "is in dat geval gerechtigd", "is in that event entitled", "is op dat
				 * moment gerechtigd", "is at that time entitled" */
				"dat", "die", "dit", "that", "this", "such", "event", "situatie", "situation",
				"op", "moment", "time", "daarbij", "daartoe", "hiertoe", NULL};
			if (tl_tok_in(&tok[i], adj)) {
				int pred = 0;
				for (uint32_t k = i; k-- > 0 && k + 7 > i;) {
					if (tl_tok_in(&tok[k], be)) {
						pred = 1;
						break;
					}
					/* adverbs and a party between: "Het is Opdrachtnemer niet toegestaan" */
					if (!tl_tok_in(&tok[k], adv) && !(tok[k].flags & TL_TOK_CAPITAL))
						break;
				}
				if (!pred)
					continue;
			}
		}
		/* "het recht" is a cue only as the object of "heeft/hebben/krijgt" (also inverted:
		 * "heeft Opdrachtgever het recht") with an infinitive "te" after it; "het recht van
		 * Nederland" is the law */
		if (m == 2 && tl_tok_is(&tok[i], "het") && tl_tok_is(&tok[i + 1], "recht")) {
			static const char *const have[] = {"heeft", "hebben", "krijgt", "krijgen", "verkrijgt",
			                                   "verkrijgen", "houdt", "houden", NULL};
			int verb = 0, inf = 0;
			for (uint32_t k = i > 4 ? i - 4 : 0; k < i && !verb; k++)
				verb = sc[k] == 0 && tl_tok_in(&tok[k], have);
			for (uint32_t k = i + 2; k < n && k < i + 18 && !inf; k++) {
				if (tl_tok_is(&tok[k], ".") || tl_tok_is(&tok[k], ";"))
					break;
				inf = tl_tok_is(&tok[k], "te");
			}
			if (!verb || !inf)
				continue;
		}
		/* "makes no guarantees", "gives a warranty": nouns, not the verb */
		if (kind == C_ENSURE && i > 0 && m == 1 &&
		    (tl_tok_in(&tok[i - 1], S_dets) || tl_tok_is(&tok[i - 1], "no") ||
		     tl_tok_is(&tok[i - 1], "geen")))
			continue;
		/* "Schedule of guarantees", "voor garanties": a noun after a preposition */
		if (kind == C_ENSURE && i > 0 && m == 1 && tl_tok_in(&tok[i - 1], S_preps) &&
		    !tl_tok_is(&tok[i - 1], "to") && !tl_tok_is(&tok[i - 1], "om") && !tl_tok_is(&tok[i - 1], "te"))
			continue;
		/* "updates required to be filed", "licenses required to operate": a participle
		 * after a noun, not the predicate ("is required to", "shall be obliged to") */
		if (kind == C_OBL_LEX && tl_ph_at(tok, n, i, "required|obliged|obligated to")) {
			static const char *const pred[] = {"is", "are", "be", "been", "being", "was", "were",
			                                   "remains", "remain", "becomes", "become", NULL};
			static const char *const adv2[] = {"also", "hereby", "not", "further", "legally",
			                                   "contractually", "always", "only", "therefore",
			                                   "expressly", "strictly", NULL};
			int is_pred = 0;
			for (uint32_t k = i; k-- > 0 && k + 4 > i;) {
				if (tl_tok_in(&tok[k], pred) || tl_tok_in(&tok[k], tl_modal_aux)) {
					is_pred = 1;
					break;
				}
				if (!tl_tok_in(&tok[k], adv2))
					break;
			}
			if (!is_pred)
				continue;
		}
		/* "Stock ledger, option ledger, warrant ledger, ...": a noun in a list */
		if (kind == C_ENSURE && i > 0 && m == 1 && i + 2 < n && tl_tok_is(&tok[i - 1], ",") &&
		    !(tok[i + 1].flags & TL_TOK_PUNCT) && tl_tok_is(&tok[i + 2], ","))
			continue;
		if (kind == C_PREVENT) {
			if (w + 1 == (int)sizeof S_cue_kind && !tl_pol_nothing_before(tok, i))
				continue; /* "Nothing ... restricts|limits X": only after "nothing" (voice.c) */
			int negb = 0;
			for (uint32_t k = i > 12 ? i - 12 : 0; k < i + m; k++)
				negb |= sc[k] == 0 && S_negator_at(tok, n, k);
			/* "Artikel 4.2 belet niet dat ...", "verhindert niet dat" */
			negb |= i + m + 1 < n && S_negator_at(tok, n, i + m) &&
			        (tl_tok_is(&tok[i + m + 1], "dat") || tl_tok_is(&tok[i + m + 1], "that"));
			if (!negb)
				continue;
			kind = C_PROH;
		}
		if (cue == C_NONE) {
			cue = kind;
			*at = i;
			*len = m;
		} else if (cue == C_AUX && (kind == C_PERM_LEX || kind == C_PROH || kind == C_OBL_LEX) &&
		           i <= *at + 5) {
			/* "shall be entitled", "zal niet gerechtigd zijn", "shall not be obliged to" */
			cue = kind;
			*at = i;
			*len = m;
			break;
		}
		if (cue != C_AUX)
			break;
		i += m - 1;
	}
	return cue;
}

/* 1 when tok[i] stands in the title a reference quotes in parentheses: "artikel 10
 * (Geen doorverkoop)", "clause 7 (No Resale)", "section 4 (No Sale of Data)": the
 * negator names the referred clause and does not negate this sentence. */
static int S_in_ref_title(const tl_token *tok, uint32_t n, uint32_t i)
{
	uint32_t p = i;
	while (p > 0 && p + 4 > i && !tl_tok_is(&tok[p - 1], "(") && !tl_tok_is(&tok[p - 1], ")"))
		p--;
	if (p < 3 || !tl_tok_is(&tok[p - 1], "(") || !(tok[p - 2].flags & TL_TOK_NUMBER) ||
	    !tl_tok_in(&tok[p - 3], tl_pol_ref_words))
		return 0;
	for (uint32_t k = i + 1; k < n && k < i + 8; k++)
		if (tl_tok_is(&tok[k], ")"))
			return 1;
	return 0;
}

static void S_mark_neg_rest(tl_token *tok, uint32_t n, const int16_t *sc, uint32_t i)
{
	int16_t v = sc[i];
	for (uint32_t k = i; k < n && sc[k] == v; k++)
		tok[k].flags |= TL_TOK_NEG_SCOPE;
}

static int S_sentence(tl_ann_ctx *c, tl_sentence *s, const tl_token *lead, uint32_t nlead,
                      const tl_sentence *prev);

/* 1 when tok[i] is the sentence's first word (after a label or an opening quote). */
static int S_first_word(const tl_token *tok, uint32_t n, uint32_t i)
{
	for (uint32_t k = 0; k < i && k < n; k++)
		if (!(tok[k].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)))
			return 0;
	return 1;
}

int tl_polarity_sentence(tl_ann_ctx *c, tl_sentence *s, const tl_token *lead, uint32_t nlead,
                         const tl_sentence *prev)
{
	if (lead) {
		/* a list item with its own subject or modal verb does not continue the lead-in */
		int rc = S_sentence(c, s, NULL, 0, prev);
		if (rc)
			return rc;
		if (tl_item_keeps_own(s)) { /* items.c */
			s->lead_para = (uint32_t)s->para;
			return 0;
		}
		s->flags &= ~(TL_SENT_NEGATED | TL_SENT_PASSIVE);
	}
	return S_sentence(c, s, lead, nlead, prev);
}

/* "Artikel 4.2 staat er niet aan in de weg dat Opdrachtnemer ... gebruikt",
 * "X belet niet dat Opdrachtgever ...", "does not prevent that the Supplier
 * ...": what is not prevented is what the that-clause's subject may do, so
 * that party is bound (by a permission), whoever does not prevent it. */
static void S_prevent_that(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t cue_at,
                           uint32_t cue_len, uint32_t *subj, uint32_t *subj_len, tl_role *subj_role)
{
	int w = -1; /* the cue is a hindrance of the cue table (C_PREVENT) */
	if (!tl_ph_list_at(tok, n, cue_at, tl_pol_cue_ph, &w) || w < 0 || S_cue_kind[w] != C_PREVENT)
		return;
	uint32_t k = cue_at + cue_len;
	if (k < n && S_negator_at(tok, n, k))
		k++;
	if (k >= n || !(tl_tok_is(&tok[k], "dat") || tl_tok_is(&tok[k], "that")))
		return;
	for (uint32_t j = k + 1; j < n && j <= k + 4; j++) {
		uint32_t len = 0;
		tl_role r = tl_mention_at(a, tok, n, j, &len);
		if (r == TL_ROLE_VENDOR || r == TL_ROLE_CUSTOMER || r == TL_ROLE_BOTH) {
			*subj = j;
			*subj_len = len ? len : 1;
			*subj_role = r;
			return;
		}
		if (!tl_tok_in(&tok[j], S_dets))
			return; /* the subject opens the clause, after a determiner at most */
	}
}

/* "be prevented|precluded from", "verhinderd|belet" right after a negator:
 * not kept from acting is allowed to act. */
static int S_prevented_at(const tl_token *tok, uint32_t n, uint32_t i)
{
	return tl_ph_at(tok, n, i, "be|been prevented|precluded|barred|restrained|stopped") > 0 ||
	       tl_ph_at(tok, n, i, "verhinderd|belet") > 0;
}

static int S_sentence(tl_ann_ctx *c, tl_sentence *s, const tl_token *lead, uint32_t nlead,
                      const tl_sentence *prev)
{
	const tl_annotated *a = c->a;
	uint32_t off = lead ? nlead : 0, n = off + s->ntok;
	if (S_grow(c, n + 1) != 0)
		return TL_ENOMEM;
	tl_token *tok = c->wtok;
	if (off)
		memcpy(tok, lead, off * sizeof *tok);
	if (s->ntok)
		memcpy(tok + off, s->tok, s->ntok * sizeof *tok);
	/* the classes of all its words: a unit without a negator or a cue word skips the
	 * passes that look for them (all of them when tl_pol_fast is 0) */
	uint32_t any = tl_pol_fast ? 0 : UINT32_MAX;
	for (uint32_t i = 0; i < n; i++) {
		tok[i].flags &= ~(TL_TOK_NEGATOR | TL_TOK_MODAL | TL_TOK_IN_EXC | TL_TOK_NEG_SCOPE |
		                  TL_TOK_PARTY | TL_TOK_SUBORD | TL_TOK_SUBJECT);
		any |= tl_polclass(&tok[i]);
	}
	s->pclass = any;
	int16_t *sc = c->wscope;
	uint32_t nexc = tl_scopes_mark(c, tok, n);
	uint32_t frame_party_end = tl_pol_frame(a, tok, n, sc);

	/* a relative clause without a comma runs to its own verb, not past the main modal:
	 * "Requests ... that the Supplier receives directly shall be forwarded ..." */
	uint32_t cue_at = UINT32_MAX, cue_len = 0;
	int cue = S_find_cue(tok, n, sc, any, &cue_at, &cue_len);
	if (cue == C_NONE && s->lang == TL_LANG_EN) /* Dutch relatives end in their own verbs */
		for (uint32_t i = 1; i < n; i++) {
			if (sc[i] != 1 || sc[i - 1] == 1)
				continue;
			static const char *const rel[] = {"that", "which", "who", "die", "dat", "welke", NULL};
			if (!tl_tok_in(&tok[i], rel))
				continue;
			/* "no guarantees that the Product will ...": a content clause, not a relative */
			if (tl_tok_in(&tok[i - 1], S_promise_nouns))
				continue;
			/* "..., which the Municipality may publish.": a relative after a comma that runs
			 * to the end trails the main clause, and its modal is its own (one inside the
			 * subject closes with a second comma, and the main modal is then found above) */
			if (tl_tok_is(&tok[i - 1], ","))
				continue;
			/* "The Contractor shares a report that the Municipality may publish": a main
			 * clause whose party subject already has its verb keeps the relative's modal
			 * in the relative (not a possessive: "The Supplier's obligations that ...") */
			int main_verb = 0;
			for (uint32_t x = 0; x < i && !main_verb; x++) {
				uint32_t len;
				if (sc[x] != 0 || tl_mention_at(c->a, tok, n, x, &len) == TL_ROLE_NONE)
					continue;
				const char *lf = tok[x + len - 1].fold;
				size_t ll = strlen(lf);
				int poss = ll > 2 && lf[ll - 2] == '\'' && lf[ll - 1] == 's';
				if (!poss && x + len < i)
					main_verb = tl_pol_has_verb(tok, n, sc, x, len, s->lang);
				x += len - 1;
			}
			/* "Flights, the Defect Model and the Inspection Platform are separate services
			 * that the Customer may replace": a form of be or have in the main clause
			 * before the relative is its verb */
			for (uint32_t x = 0; x < i && !main_verb; x++)
				main_verb = sc[x] == 0 && tl_tok_in(&tok[x], S_be_have);
			if (main_verb)
				continue;
			uint32_t k = i + 3;
			while (k < n && sc[k] == 1 && !tl_tok_in(&tok[k], tl_modal_aux))
				k++;
			static const char *const co[] = {"or", "and", "nor", NULL};
			/* "The Contractor's obligations that the Customer may enforce are set out in
			 * Annex 2": a modal right after the relative's subject is the relative's own,
			 * and a form of be or have, or a second modal, after its verb resumes the main
			 * clause */
			uint32_t resume = 0;
			for (uint32_t j = k + 2; k < n && sc[k] == 1 && k <= i + 5 && j < n && sc[j] == 1 && !resume; j++)
				if (tl_tok_in(&tok[j], S_be_have) || tl_tok_in(&tok[j], tl_modal_aux))
					resume = j; /* "All reports that the Contractor may produce shall be ..." */
			if (resume) {
				for (uint32_t j = resume; j < n && sc[j] == 1; j++)
					sc[j] = 0;
				cue = S_find_cue(tok, n, sc, any, &cue_at, &cue_len);
				break;
			}
			if (k < n && sc[k] == 1 && !tl_tok_in(&tok[k - 1], co)) {
				for (; k < n && sc[k] == 1; k++)
					sc[k] = 0;
				cue = S_find_cue(tok, n, sc, any, &cue_at, &cue_len);
				break;
			}
		}
	/* Dutch: "Gegevens die Opdrachtnemer verwerkt worden niet verkocht": when the main
	 * clause has no verb at all, a comma-less relative clause ends at its first verb */
	if (cue == C_NONE && s->lang != TL_LANG_EN && !tl_pol_has_verb(tok, n, sc, UINT32_MAX, 0, s->lang))
		for (uint32_t i = 1; i + 2 < n; i++) {
			static const char *const rel[] = {"die", "dat", "welke", NULL};
			if (sc[i] != 1 || sc[i - 1] == 1 || !tl_tok_in(&tok[i], rel))
				continue;
			uint32_t k = i + 2;
			while (k < n && sc[k] == 1 && !tl_pol_nl_verb(&tok[k]))
				k++;
			if (k + 1 < n && sc[k] == 1 && sc[k + 1] == 1) {
				for (k = k + 1; k < n && sc[k] == 1; k++)
					sc[k] = 0;
				cue = S_find_cue(tok, n, sc, any, &cue_at, &cue_len);
			}
			break;
		}
	if (cue != C_NONE)
		for (uint32_t k = cue_at; k < cue_at + cue_len && k < n; k++)
			tok[k].flags |= TL_TOK_MODAL;

	/* "... and does not sell it", "... en slaat geen ruwe beelden op": a unit that
	 * opens with a coordinator and its own verb continues the previous unit's
	 * subject (tl_polarity_split); a pronoun in it is an object */
	static const char *const cont_conj[] = {"and", "en", NULL};
	int cont = prev && !lead && n > 1 && tl_tok_in(&tok[0], cont_conj) &&
	           !(tok[1].flags & (TL_TOK_CAPITAL | TL_TOK_PUNCT)) &&
	           !(tl_polclass(&tok[1]) & (TL_PC_PRON | TL_PC_DETS));
	/* "...; binds its staff to confidentiality": a ';' item that opens with its
	 * verb continues the subject of the unit before it */
	if (prev && !lead && !cont && s->unit == 0 && n > 1 &&
	    !(tok[0].flags & (TL_TOK_CAPITAL | TL_TOK_PUNCT | TL_TOK_NUMBER)) &&
	    !(tl_polclass(&tok[0]) & (TL_PC_PRON | TL_PC_DETS | TL_PC_PREPS | TL_PC_SUBORD))) {
		const char *f0 = tok[0].fold;
		size_t l0 = strlen(f0);
		cont = s->lang == TL_LANG_EN
		           ? l0 >= 4 && f0[l0 - 1] == 's' && f0[l0 - 2] != 's' && f0[l0 - 2] != '\'' &&
		                 f0[l0 - 2] != 'u' && !(tok[1].flags & TL_TOK_PUNCT)
		           : tl_pol_nl_verb(&tok[0]);
	}
	if (prev && s->unit == 0 && !cont)
		prev = NULL; /* a ';' item with its own subject, label or noun: on its own */
	/* party mentions and the subject; a pronoun before any party ("Where the
	 * Supplier ..., it shall notify the Customer") is the party named before it */
	int inverted = 0;
	for (uint32_t i = 0; i < cue_at && i < n && !inverted; i++)
		inverted |= (sc[i] == 0 && (S_negator_at(tok, n, i) || tl_tok_is(&tok[i], "only")));
	uint32_t subj = UINT32_MAX, subj_len = 0;
	tl_role subj_role = TL_ROLE_NONE, seen = TL_ROLE_NONE; /* the first party named so far */
	tl_role seen_side = TL_ROLE_NONE; /* the first vendor or customer named so far */
	for (uint32_t i = 0; i < n; i++) {
		uint32_t len;
		tl_role r = tl_mention_at(a, tok, n, i, &len);
		if (!r) {
			/* "and shall store it in the EU", "shall apply it": in English a pronoun after
			 * the main verb group is its object, not the subject */
			int obj = s->lang == TL_LANG_EN && cue_at != UINT32_MAX && i > cue_at + cue_len &&
			          !inverted;
			for (uint32_t k = cue_at; obj && k < i; k++)
				if (sc[k] == 0 && (tl_tok_is(&tok[k], "and") || tl_tok_is(&tok[k], "but") ||
				                   tl_tok_is(&tok[k], ";") || tl_tok_is(&tok[k], ",")))
					obj = 0; /* "..., and it shall ...": a new clause */
			if (subj == UINT32_MAX && sc[i] == 0 && !obj && !cont && (tl_polclass(&tok[i]) & TL_PC_PRON) &&
			    !S_after_prep(tok, i)) {
				/* a singular pronoun refers to a side of the contract before a third
				 * party: "Verzoeken van betrokkenen die Opdrachtnemer ontvangt, stuurt
				 * zij door", "If a data subject contacts the Supplier, it shall ..." */
				tl_role pr = seen_side && !tl_tok_is(&tok[i], "they") ? seen_side : seen;
				if (!pr && prev)
					pr = prev->bound;
				/* "Opdrachtnemer voldoet aan de BIO. Hij verstrekt jaarlijks ...": a
				 * sentence opening with a pronoun continues the party of the sentence
				 * before it in the same paragraph */
				if (!pr && !prev && s->unit == 0 && s > a->sent && s[-1].para == s->para &&
				    (s[-1].bound == TL_ROLE_VENDOR || s[-1].bound == TL_ROLE_CUSTOMER) &&
				    S_first_word(tok, n, i))
					pr = s[-1].bound;
				if (pr) {
					subj = i;
					subj_len = 1;
					subj_role = pr;
				}
			}
			continue;
		}
		if (i < frame_party_end) {
			i += len - 1; /* "Partijen komen overeen dat": no party of the complement */
			continue;
		}
		for (uint32_t k = i; k < i + len; k++)
			tok[k].flags |= TL_TOK_PARTY;
		if (!seen)
			seen = r;
		if (!seen_side && (r == TL_ROLE_VENDOR || r == TL_ROLE_CUSTOMER))
			seen_side = r;
		/* English puts the subject before its modal, save after "In no event shall",
		 * "Nor may": a party after the modal is an object ("the fees you paid") */
		int late = s->lang == TL_LANG_EN && cue_at != UINT32_MAX && i > cue_at && !inverted;
		for (uint32_t k = cue_at; late && k < i; k++)
			if (sc[k] == 0 && (tl_tok_is(&tok[k], "and") || tl_tok_is(&tok[k], "but") || tl_tok_is(&tok[k], ";")))
				late = 0; /* "..., and the Supplier treats ...": a new clause */
		/* "please contact us", "grant us": object pronouns are never the subject */
		static const char *const obj_pron[] = {"us", "ons", "them", "him", NULL};
		if (len == 1 && tl_tok_in(&tok[i], obj_pron))
			late = 1;
		/* "This Section does not apply ... if you ...": in English the subject comes
		 * before the main clause's first auxiliary */
		if (s->lang == TL_LANG_EN && cue_at == UINT32_MAX && subj == UINT32_MAX)
			for (uint32_t k = 1; k < i && !late; k++)
				late = sc[k] == 0 && (tl_ph_at(tok, n, k, "does|do|did not|no|also") > 0 ||
				                      tl_tok_in(&tok[k], S_be_have));
		if (subj == UINT32_MAX && sc[i] == 0 && !late && !S_after_prep(tok, i)) {
			const char *f = tok[i + len - 1].fold;
			size_t fl = strlen(f);
			static const char *const possdet[] = {"our", "your", "their", "onze", "uw", NULL};
			int poss = (fl > 2 && f[fl - 2] == '\'' && f[fl - 1] == 's') || tl_tok_in(&tok[i + len - 1], possdet);
			uint32_t nl2;
			if (!poss || i + len >= n || tl_mention_at(a, tok, n, i + len, &nl2) ||
			    S_staff_follows(tok, n, i + len)) {
				subj = i;
				subj_len = len;
				subj_role = r;
			}
		}
		i += len - 1;
	}
	tl_pol_voice v;
	if (any & (TL_PC_NLPASS | TL_PC_ENBE)) {
		tl_pol_passive(a, tok, n, sc, s->lang, cue_at, &v);
	} else { /* no "wordt", "worden", "is", "be", ...: no passive (what tl_pol_passive finds) */
		memset(&v, 0, sizeof v);
		v.agent = UINT32_MAX;
	}
	/* "The Supplier shall not be prevented from ...": the subject is the one who may act */
	for (uint32_t i = 0; v.passive && subj != UINT32_MAX && (any & TL_PC_NEG) && i + 1 < n; i++)
		if (sc[i] == 0 && S_negator_at(tok, n, i) &&
		    S_prevented_at(tok, n, i + 1))
			v.passive = 0;
	int subject_is_party = subj != UINT32_MAX;
	/* "You and GitHub agree ...", "Opdrachtgever en Opdrachtnemer stellen ...": a
	 * coordinated subject of both sides binds both */
	if (subject_is_party && subj + subj_len + 1 < n &&
	    (tl_tok_is(&tok[subj + subj_len], "and") || tl_tok_is(&tok[subj + subj_len], "en"))) {
		uint32_t k = subj + subj_len + 1, len2;
		while (k < n && tl_tok_in(&tok[k], S_dets))
			k++;
		tl_role r2 = k < n ? tl_mention_at(a, tok, n, k, &len2) : TL_ROLE_NONE;
		if ((r2 == TL_ROLE_VENDOR || r2 == TL_ROLE_CUSTOMER) &&
		    (subj_role == TL_ROLE_VENDOR || subj_role == TL_ROLE_CUSTOMER) && r2 != subj_role) {
			subj_role = TL_ROLE_BOTH;
			subj_len = k + len2 - subj; /* the verb follows the second name */
		}
	}
	if (v.passive) {
		subj = v.agent;
		subj_role = v.agent_role;
		subj_len = 1;
	} else if (subj == UINT32_MAX && prev) {
		subj_role = prev->bound; /* "..., but may use it": the first part's subject */
	}

	/* negators of the main clause, counted per conjunct: "verkoopt de Gegevens niet
	 * en verstrekt deze niet aan derden" is negated, "shall not fail to" is not */
	uint32_t neg = 0, neg_before = 0, part = 0, cstart = 0, neg_conj = UINT32_MAX;
	int neither = 0, any_odd = 0, dbl = 0, prevented = 0;
	for (uint32_t i = 0; i <= n && (any & TL_PC_NEG); i++) {
		if (i == n || (sc[i] == 0 && !neither && (tl_polclass(&tok[i]) & TL_PC_COORD))) {
			/* a conjunct ends; a negated one that has its own modal after the main one
			 * ("Customer may, but is not required to, give ...") does not negate it */
			if ((part & 1) && !(cue_at < cstart && S_has_cue(tok, sc, cstart, i, n))) {
				any_odd = 1;
				if (neg_conj == UINT32_MAX)
					neg_conj = cstart;
			}
			part = 0;
			cstart = i + 1;
			if (i == n)
				break;
		}
		if (!S_negator_at(tok, n, i))
			continue;
		tok[i].flags |= TL_TOK_NEGATOR;
		if (sc[i] != 0 || S_in_ref_title(tok, n, i))
			continue;
		/* "Costs not listed in Schedule 6 are borne by ...", "Customer Data not yet
		 * retrieved": a negated participle after a noun belongs to that noun, not to
		 * the predicate */
		if (s->lang != TL_LANG_NL && tl_neg_en_reduced(tok, n, i)) {
			for (uint32_t k = i; k < n && !(tok[k].flags & TL_TOK_PUNCT) &&
			                     !tl_tok_in(&tok[k], tl_modal_aux) && k < i + 8;
			     k++) {
				static const char *const be2[] = {"is", "are", "were", "was", NULL};
				if (tl_tok_in(&tok[k], be2))
					break;
				tok[k].flags |= TL_TOK_NEG_SCOPE;
			}
			continue;
		}
		/* "niet tot personen herleidbare gegevens": "niet" inside an adjective
		 * phrase before its noun negates the adjective, not the predicate */
		if (tl_tok_is(&tok[i], "niet") && tl_neg_nl_adj_phrase(tok, n, i))
			continue;
		/* "at no additional cost", "tegen geen vergoeding": a negated adjunct */
		static const char *const pp[] = {"at", "for", "with", "of", "tegen", "voor", "met", NULL};
		if ((tl_tok_is(&tok[i], "no") || tl_tok_is(&tok[i], "geen")) && i > 0 &&
		    tl_tok_in(&tok[i - 1], pp) &&
		    /* but "at no time", "in no event", "under no circumstances", "on no account",
		     * "in geen geval", "op geen enkele wijze", "onder geen beding" deny the predicate */
		    !tl_ph_at(tok, n, i + 1, "time|times|point|event|case|circumstances|circumstance|account|"
		                              "geval|beding|enkel|enkele|moment|wijze"))
			continue;
		if (tl_tok_is(&tok[i], "nor") && (neither || neg))
			continue; /* "neither ... nor", "not ... nor": one negation */
		neither |= tl_tok_is(&tok[i], "neither");
		neg++;
		part++;
		if (i < cue_at)
			neg_before++;
		/* "shall not fail to", "zal niet nalaten", "may not refuse", "het is niet
		 * toegestaan ... te weigeren": two negations (not allowed not to = must) */
		if (tl_neg_refusal_at(tok, n, sc, i, s->lang)) {
			neg++;
			part++;
			dbl = 1;
		}
		/* "shall not be prevented from using", "wordt niet verhinderd ... te
		 * gebruiken": not kept from it is allowed to do it */
		if (S_prevented_at(tok, n, i + 1)) {
			neg++;
			part++;
			prevented = 1;
		}
	}
	int odd = (any_odd || (part & 1)) ? 1 : 0, negated = odd;
	int onbevoegd = cue_at < n && tl_tok_is(&tok[cue_at], "onbevoegd");
	if (onbevoegd)
		odd ^= 1;

	/* resolve */
	tl_modality mod = TL_MOD_STATEMENT;
	int defn = (s->flags & (TL_SENT_DEFINITION | TL_SENT_HEADING)) != 0;
	/* "We need the legal right to ...", "Opdrachtnemer wil ...": a verb of wish or
	 * belief states a position and binds nobody to act */
	static const char *const stative[] = {
		"need", "needs", "want", "wants", "wish", "wishes", "hope", "hopes", "believe",
		"believes", "think", "thinks", "like", "likes", "prefer", "prefers", "wil", "willen",
		"wenst", "wensen", "hoopt", "hopen", "denkt", "denken", "gelooft", "geloven", NULL};
	static const char *const disclaim[] = {"disclaim", "disclaims", "disclaimer", NULL};
	static const char *const disclaim2[] = {"expressly|hereby disclaim|disclaims", NULL};
	int stative_verb = subject_is_party && !v.passive && subj + subj_len < n &&
	                   (tl_tok_in(&tok[subj + subj_len], stative) ||
	                    tl_ph_list_at(tok, n, subj + subj_len, disclaim2, NULL) ||
	                    tl_tok_in(&tok[subj + subj_len], disclaim) ||
	                    S_disclaimer(tok, n, sc, subj + subj_len));
	/* "Provider does not provide any warranty that Output (a) ..., (b) will not ...": a
	 * modal after the disclaimer is part of what is not promised */
	if (stative_verb && cue != C_NONE && cue_at != UINT32_MAX && cue_at > subj + subj_len + 2 &&
	    subj + subj_len < n && S_disclaimer(tok, n, sc, subj + subj_len)) {
		for (uint32_t k = cue_at; k < cue_at + cue_len && k < n; k++)
			tok[k].flags &= ~TL_TOK_MODAL;
		cue = C_NONE;
	}
	/* "Leverancier verklaart ... te hebben ontvangen", "The Customer is the data
	 * controller": facts, not duties */
	if (cue == C_NONE && subject_is_party && !v.passive &&
	    tl_fact_statement(tok, n, sc, subj + subj_len, s->lang))
		stative_verb = 1;
	if (cue == C_NONE && !defn && !stative_verb &&
	    ((subject_is_party && tl_pol_has_verb(tok, n, sc, subj, subj_len, s->lang)) ||
	     (v.passive && v.present) ||
	     (cont && !subject_is_party && prev->modality == TL_MOD_OBLIGATION)) &&
	    !tl_tok_is(&tok[n - 1], "?"))
		cue = C_AUX; /* "Opdrachtnemer verstrekt ...", "Gegevens worden niet verkocht" */
	switch (cue) {
	case C_AUX:
		mod = odd ? TL_MOD_PROHIBITION : TL_MOD_OBLIGATION;
		break;
	case C_OBL_LEX:
	case C_ENSURE:
		if (!odd)
			mod = TL_MOD_OBLIGATION;
		else
			mod = (neg_before & 1) ? TL_MOD_STATEMENT : TL_MOD_PROHIBITION;
		break;
	case C_NEED:
		mod = odd ? TL_MOD_STATEMENT : TL_MOD_OBLIGATION;
		break;
	case C_PERM:
	case C_PERM_LEX:
		/* "may not refuse": not allowed not to act is a duty to act */
		mod = odd ? TL_MOD_PROHIBITION : dbl ? TL_MOD_OBLIGATION : TL_MOD_PERMISSION;
		break;
	case C_PROH:
		mod = odd ? TL_MOD_PERMISSION : TL_MOD_PROHIBITION;
		break;
	default:
		break;
	}
	if (prevented && !odd && mod == TL_MOD_OBLIGATION)
		mod = TL_MOD_PERMISSION; /* "shall not be prevented from": the subject may */
	if (mod == TL_MOD_PERMISSION && cue == C_PROH && cue_at != UINT32_MAX)
		S_prevent_that(a, tok, n, cue_at, cue_len, &subj, &subj_len, &subj_role);
	if (defn && cue == C_AUX && !(s->flags & TL_SENT_HEADING) && (s->flags & TL_SENT_DEFINITION)) {
		/* a definition that carries its own "shall" stays a definition */
		mod = TL_MOD_STATEMENT;
	}
	/* "ensure that no data is sold", "draagt er zorg voor dat geen ..." */
	if (cue != C_NONE && (cue == C_ENSURE || cue == C_AUX) && mod == TL_MOD_OBLIGATION) {
		for (uint32_t i = cue_at; i < n && i < cue_at + 8; i++) {
			if (!(tl_tok_is(&tok[i], "that") || tl_tok_is(&tok[i], "dat")) || sc[i] != 1)
				continue;
			int ensure = cue == C_ENSURE;
			for (uint32_t k = cue_at; k < i && !ensure; k++)
				ensure = tl_ph_at(tok, n, k,
				                  "ensure|ensures|warrant|warrants|guarantee|guarantees") > 0;
			if (!ensure)
				break;
			/* per conjunct: "that it has not sold and will not sell" denies both */
			uint32_t cneg = 0;
			int odd_conj = 0, even_conj = 0;
			for (uint32_t k = i; k <= n; k++) {
				int end = k == n || sc[k] != 1;
				if (end || tl_tok_is(&tok[k], "and") || tl_tok_is(&tok[k], "en") || tl_tok_is(&tok[k], "or") ||
				    tl_tok_is(&tok[k], "of") || tl_tok_is(&tok[k], ";")) {
					odd_conj |= (cneg & 1) != 0;
					even_conj |= cneg && !(cneg & 1);
					cneg = 0;
					if (end)
						break;
					continue;
				}
				cneg += (tok[k].flags & TL_TOK_NEGATOR) != 0;
			}
			if (odd_conj && !even_conj) {
				mod = TL_MOD_PROHIBITION;
				odd = 1;
				for (uint32_t k = i; k < n && sc[k] == 1; k++)
					sc[k] = 0; /* the complement is the prohibited act */
			}
			break;
		}
	}

	/* write back */
	s->modality = mod;
	if (negated || odd)
		s->flags |= TL_SENT_NEGATED;
	if (v.passive)
		s->flags |= TL_SENT_PASSIVE;
	s->bound = subj_role;
	s->subject = -1;
	if (subj != UINT32_MAX && subj >= off) {
		s->subject = (int32_t)(subj - off);
		for (uint32_t k = subj; k < subj + subj_len && k < n; k++)
			tok[k].flags |= TL_TOK_SUBJECT;
	}
	int negated_main = mod == TL_MOD_PROHIBITION || (odd && mod == TL_MOD_STATEMENT);
	if (negated_main)
		tl_negscope_mark(tok, n, sc, s->lang, neg_conj);
	/* "Smart Summary and all other AI features are disabled": not deployed; "can be
	 * disabled" is an option of a deployed feature */
	if (mod != TL_MOD_PERMISSION && !defn && (any & TL_PC_SWITCH))
		tl_negscope_switched_off(tok, n, sc, s->lang, negated_main);
	for (uint32_t i = 0; i < n; i++) {
		if (sc[i] == 1)
			tok[i].flags |= TL_TOK_SUBORD;
		else if (sc[i] >= 2)
			tok[i].flags |= TL_TOK_IN_EXC;
		if ((tok[i].flags & TL_TOK_NEGATOR) && sc[i] != 0)
			S_mark_neg_rest(tok, n, sc, i); /* tokens i and after */
		if (i >= off)
			s->tok[i - off].flags = tok[i].flags;
	}

	/* exceptions */
	s->nexc = 0;
	s->exc = NULL;
	if (nexc) {
		s->exc = tl_arena_calloc(c->ar, nexc, sizeof *s->exc);
		if (!s->exc)
			return TL_ENOMEM;
		/* one pass: each exception is one run of its scope value, in order */
		for (uint32_t i = 0; i < n;) {
			if (sc[i] < 2) {
				i++;
				continue;
			}
			uint32_t st = i;
			int16_t run = sc[i];
			while (i < n && sc[i] == run)
				i++;
			if (st < off || s->nexc >= nexc)
				continue;
			tl_exception *e = &s->exc[s->nexc++];
			e->kind = tl_exc_classify(a, tok, n, st, i, subj_role);
			e->tok_start = st - off;
			e->tok_end = i - off;
		}
	}
	return 0;
}
