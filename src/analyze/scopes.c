/* scopes.c: the clauses of a sentence that do not carry its main
 * predicate.  Exception clauses (unless, tenzij, behoudens, with(out) the
 * prior consent of, at its sole discretion, ...) and subordinate clauses
 * (if, that, which, indien, dat, die, Dutch "of" as whether, ...) run to the
 * next comma or semicolon; a clause that opens the sentence runs to the last
 * comma before the main modal verb.  An exception's kind says who controls
 * it: the customer (consent, instruction, request), the vendor (discretion),
 * the law, or other. */
#include <pthread.h>
#include <string.h>

#include "analyze/annot_int.h"
#include "analyze/polclass.h"

static int S_clause_end(const tl_token *t)
{
	return tl_tok_is(t, ",") || tl_tok_is(t, ";") || tl_tok_is(t, ":");
}

static const char *const S_exc_markers[] = {
	"unless", "except", "excepting", "other than", "save as|where|for|that|with|to|in",
	"subject to", "with the exception of", "only with", "with the prior",
	"with the customer's|controller's prior|written|express|consent|approval|permission|authori*",
	"with prior", "without the prior|customer's|controller's|consent|approval|written|express",
	"without prior|consent|approval|written|express", "tenzij", "behoudens", "met uitzondering van",
	"voor zover", "voorzover", "uitgezonderd", "anders dan", "behalve", "na voorafgaande",
	"met voorafgaande", "zonder voorafgaande|toestemming|schriftelijke|uitdrukkelijke",
	"zonder de voorafgaande|toestemming|schriftelijke|uitdrukkelijke", "uitsluitend met|na",
	"alleen met|na", "slechts met|na",
	/* a proviso: "met dien verstande(,) dat hij ... mag ...", "zij het dat" */
	"met dien verstande dat", "met dien verstande , dat", "zij het dat", NULL};

/* discretion without a marker empties a clause just as well */
static const char *const S_exc_discretion[] = {
	"at its|their|our|the sole|absolute|own discretion", "at its|their|our discretion",
	"at the discretion", "in its|their|our sole|absolute discretion", "as it sees fit",
	"as we|they see fit", "as we|it|they deem|deems appropriate|necessary|fit",
	"naar eigen inzicht|oordeel|goeddunken", "naar zijn|haar eigen inzicht|oordeel|goeddunken",
	NULL};

/* An exception marker at tok[i]: its length; *primary is 0 for the
 * discretion phrases, which do not split an exception they occur in. */
static uint32_t S_exc_at(const tl_token *tok, uint32_t n, uint32_t i, int *primary)
{
	uint32_t m = tl_ph_list_at(tok, n, i, S_exc_markers, NULL);
	*primary = m > 0;
	if (!m)
		m = tl_ph_list_at(tok, n, i, S_exc_discretion, NULL);
	return m;
}

/* "without the Municipality's prior approval", "with the Authority's prior
 * written consent": a consent marker with the customer under any of its names
 * in the possessive (S_exc_markers spells out only "customer's" and
 * "controller's"); its length, or 0. */
static uint32_t S_possessive_consent(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t i)
{
	static const char *const nouns[] = {"prior", "written", "express", "consent", "approval",
	                                    "permission", "authorisation", "authorization", NULL};
	if (i + 3 >= n || !(tl_tok_is(&tok[i], "with") || tl_tok_is(&tok[i], "without")) ||
	    !tl_tok_is(&tok[i + 1], "the") || !tl_tok_in(&tok[i + 3], nouns))
		return 0;
	const char *f = tok[i + 2].fold;
	size_t l = strlen(f);
	if (l < 4 || f[l - 2] != '\'' || f[l - 1] != 's')
		return 0;
	/* the customer's side only, as the list: "without the Supplier's prior approval" stays
	 * as it reads (a rule example of CHAIN-SUBS expects no finding from it) */
	return tl_annot_role_of(a, f) == TL_ROLE_CUSTOMER ? 3 : 0;
}

/* "only with", "uitsluitend met|na", "alleen met|na", "slechts met|na" open an
 * exception only when what follows asks for a party's consent, instruction or
 * request ("only with the Customer's prior permission", "uitsluitend na
 * schriftelijke toestemming van Opdrachtgever"): the duty or permission then
 * gives way to that party.  Without one ("test only with synthetic test data",
 * "uitsluitend met synthetische testgegevens", "slechts met Opdrachtgever") the
 * word narrows the duty and is no exception to it. */
static const char *const S_only[] = {"only", "uitsluitend", "alleen", "slechts", NULL};

static int S_only_consent(const tl_token *tok, uint32_t n, uint32_t i, uint32_t m)
{
	static const char *const consent[] = {
		"consent*", "approv*", "permission", "authoris*", "authoriz*", "instruct*", "request*",
		"toestemming", "goedkeuring", "goedgekeurd", "instemming", "instructie*", "opdracht",
		"verzoek", "machtiging", "akkoord", "fiat", NULL};
	for (uint32_t k = i + m; k < n && k < i + m + 16 && !S_clause_end(&tok[k]); k++)
		if (tl_tok_in(&tok[k], consent))
			return 1;
	return 0;
}

/* words of a party's own judgement ("deems", "naar eigen inzicht", "dit
 * passend acht") */
static const char *const S_discretion[] = {
	"discretion", "inzicht", "goeddunken", "oordeelt", "oordelen", "deems", "deem", "considers",
	"consider", "believes", "determines", "decides", "beslist", "bepaalt", "fit", NULL};
static const char *const S_disc_ph[] = {
	"eigen oordeel",
	"nodig|noodzakelijk|wenselijk|geboden|gewenst|passend|nuttig|raadzaam|aangewezen|redelijk "
	"acht|achten|vindt|vinden|oordeelt",
	"in its opinion|judgement|judgment|view", "sees|see fit", "as it sees", NULL};

static int S_discretion_at(const tl_token *tok, uint32_t n, uint32_t i)
{
	return tl_tok_in(&tok[i], S_discretion) || tl_ph_list_at(tok, n, i, S_disc_ph, NULL);
}

/* conditions that, after the main clause, leave it to a party's judgement
 * ("..., where the Supplier deems it appropriate") */
static const char *const S_cond_words[] = {"if", "where", "when", "whenever", "wherever",
                                           "insofar", "indien", "wanneer", "als", "zodra", NULL};

const char *const tl_subordinators[] = {
	"if", "when", "whenever", "where", "wherever", "whereas", "that", "which", "who", "whom",
	"whose", "because", "although", "though", "provided", "insofar", "indien", "wanneer", "dat",
	"die", "welke", "waarin", "waarbij", "waarmee", "waardoor", "waarvan", "waarop", "waarvoor",
	"omdat", "zodat", "nadat", "voordat", "totdat", "hoewel", "mits", "zodra", "doordat", "terwijl",
	"ingeval", "so that", "in order that", "whether", "zolang", "as long as", "so long as",
	"until", "as soon as", "to the extent", "in so far as", NULL};

static const char *const S_sub_start_conj[] = {
	"als", "after", "before", "until", "since", "once", "zolang", "as long as", "so long as",
	"in case", "ingeval", "nadat", "voordat", "zodra", "should", "mocht", "mochten", NULL};

static const char *const S_sub_start_prep[] = {
	"in geval", "in het geval", "in the event", "voor het geval", "na", "upon", "following", "bij",
	"on", "op", "at", "aan het einde", "at the end", "na afloop", NULL};


const char *const tl_modal_aux[] = {"shall", "will", "must", "may", "can", "cannot", "zal",
                                    "zullen", "mag", "mogen", "moet", "moeten", "kan", "kunnen",
                                    "dient", "dienen", NULL};

/* Dutch "of" as "whether": after an infinitive, before a subject
 * ("controleren of Opdrachtgever ..."), not between two verbs ("verkopen of
 * verhuren"). */
static int S_whether_of(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t i)
{
	static const char *const subj[] = {"de", "het", "een", "er", "dit", "deze", "hij", "zij", "ze",
	                                   "die", "dat", NULL};
	if (!tl_tok_is(&tok[i], "of") || i == 0 || i + 1 >= n)
		return 0;
	const char *p = tok[i - 1].fold;
	size_t pl = strlen(p);
	if (pl < 4 || p[pl - 2] != 'e' || p[pl - 1] != 'n' || (tok[i - 1].flags & TL_TOK_CAPITAL))
		return 0;
	uint32_t len;
	return tl_tok_in(&tok[i + 1], subj) || tl_mention_at(a, tok, n, i + 1, &len) != TL_ROLE_NONE;
}

/* "after your account is closed", "before the Customer has paid": a
 * clause with its own subject and verb, not the preposition of "within 30
 * days after termination". */
static const char *const S_time_conj[] = {"after", "before", "once", "until", NULL};

static int S_time_clause(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t i)
{
	const char *const *conj = S_time_conj;
	static const char *const subj[] = {"the", "a", "an", "your", "our", "its", "their", "any",
	                                   "such", "each", "we", "you", "it", "they", "he", "she", NULL};
	static const char *const verb[] = {"is", "are", "was", "were", "has", "have", "had", "been",
	                                   "becomes", "become", "ends", "expires", NULL};
	uint32_t len;
	if (!tl_tok_in(&tok[i], conj) || i + 2 >= n)
		return 0;
	if (!tl_tok_in(&tok[i + 1], subj) && !tl_mention_at(a, tok, n, i + 1, &len))
		return 0;
	for (uint32_t k = i + 2; k < n && k <= i + 6 && !(tok[k].flags & TL_TOK_PUNCT); k++)
		if (tl_tok_in(&tok[k], verb) || tl_tok_in(&tok[k], tl_modal_aux))
			return 1;
	return 0;
}

/* 1 when tok[s..e) is determiners and one party mention ("the Customer"). */
static int S_only_party(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t s,
                        uint32_t e)
{
	static const char *const det[] = {"the", "de", "het", "a", "een", NULL};
	while (s < e && tl_tok_in(&tok[s], det))
		s++;
	uint32_t len;
	return s < e && tl_mention_at(a, tok, n, s, &len) != TL_ROLE_NONE && s + len == e;
}

/* End (exclusive) of a clause that opens the sentence at i: the last comma
 * before the first modal verb ("If A, including B, requests C, the Supplier
 * shall ..."), else the first comma; n when there is no comma. */
static uint32_t S_lead_end(const tl_token *tok, uint32_t n, uint32_t i)
{
	uint32_t first = n, last = n;
	int depth = 0;
	for (uint32_t k = i + 1; k < n; k++) {
		if (tl_tok_is(&tok[k], "("))
			depth++;
		else if (tl_tok_is(&tok[k], ")") && depth > 0)
			depth--;
		else if (depth == 0 && tl_tok_is(&tok[k], ";"))
			break;
		else if (depth == 0 && tl_tok_is(&tok[k], ",")) {
			if (first == n)
				first = k;
			last = k;
		} else if (depth == 0 && tl_tok_in(&tok[k], tl_modal_aux) && first != n)
			return last;
	}
	return first;
}

/* 1 when tok[from..n) can be a main clause: it names a party or holds a
 * modal or a word that looks like a finite verb.  ", zoals bijgesloten als
 * bijlage" and ", as set out in Schedule 2" cannot, so the clause before
 * them is the main one ("Op deze Overeenkomst zijn ... van toepassing, zoals
 * bijgesloten als bijlage"). */
/* finite forms common enough to mark a main clause */
static const char *const S_fin[] = {
	"is", "are", "was", "were", "has", "have", "had", "does", "do", "zijn", "wordt", "worden",
	"werd", "werden", "heeft", "hebben", "gelden", "geldt", "blijft", "blijven", "gaat",
	"gaan", "staat", "staan", "komt", "komen", NULL};

static int S_can_be_main(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t from)
{
	const char *const *fin = S_fin;
	static const char *const not_fin[] = {
		"niet", "het", "dat", "tot", "met", "uit", "recht", "dit", "wat", "ten", "naast", "omtrent",
		"nadat", "totdat", "voorafgaand", "vastgesteld", "bedoeld", "as", "its", "this", "thus",
		"plus", "unless", "terms", "services", "rights", "parties", "data", "access", "process",
		"business", "includes", "including", "zoals", "iets", "eens", "steeds", "telkens",
		"ooit", "echt", "pas", "alles", "anders", "onverlet", NULL};
	for (uint32_t k = from; k < n; k++) {
		uint32_t len;
		if (tl_mention_at(a, tok, n, k, &len) != TL_ROLE_NONE || tl_tok_in(&tok[k], tl_modal_aux) ||
		    tl_tok_in(&tok[k], fin))
			return 1;
		const char *f = tok[k].fold;
		size_t l = strlen(f);
		if ((tok[k].flags & (TL_TOK_CAPITAL | TL_TOK_PUNCT | TL_TOK_NUMBER)) || l < 4 ||
		    tl_tok_in(&tok[k], not_fin))
			continue;
		if (f[l - 1] == 't' || (f[l - 1] == 's' && f[l - 2] != 's' && f[l - 2] != '\''))
			return 1; /* "verwijdert", "deletes" */
	}
	return 0;
}

/* "mag die informatie publiceren", "voor die gegevens", "zal dat doen", "may publish
 * that information.", "for that purpose", "In dat geval mag Opdrachtgever ...", "Na die
 * melding ...", "In that case the Customer may ...": a demonstrative, not a relative
 * pronoun or a conjunction that opens a clause */
static int S_demonstrative(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t i)
{
	static const char *const preps[] = {"voor", "van", "met", "aan", "op", "uit", "bij", "over",
	                                    "door", "naar", "in", "na", "binnen", "tijdens",
	                                    "gedurende", "vanaf", "sinds", "for", "of", "with", "to",
	                                    "on", "from", "by", "about", "in", "at", "after", "within",
	                                    "during", "upon", "since", NULL};
	static const char *const not_noun[] = {"the", "a", "an", "this", "it", "its", "we", "you",
	                                       "they", "he", "she", "de", "het", "een", "zij", "hij",
	                                       "wij", "u", "er", NULL};
	int die = tl_tok_is(&tok[i], "die"), that = tl_tok_is(&tok[i], "that"), dat = tl_tok_is(&tok[i], "dat");
	if (!(die || that || dat) || i == 0 || i + 1 >= n ||
	    (tok[i + 1].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)) || tl_tok_in(&tok[i + 1], not_noun))
		return 0;
	if (tl_tok_in(&tok[i - 1], tl_modal_aux))
		return 1;
	/* "dat" too, before a common noun ("in dat geval", "op dat moment"): after a preposition
	 * it is no conjunction ("voordat", "nadat", "opdat" are one word; "zonder dat" is not in
	 * the list), but after a verb's particle it is ("stemt ermee in dat Opdrachtnemer ...") */
	if (tl_tok_in(&tok[i - 1], preps) &&
	    (!dat || !(tok[i + 1].flags & (TL_TOK_CAPITAL | TL_TOK_PARTY))))
		return 1;
	/* a contrast: "vast, niet die van de inspecteurs", "trees, not that of the staff" */
	if ((die || that) && i >= 2 && tl_tok_is(&tok[i - 2], ",") && tl_tok_in(&tok[i - 1], tl_pol_negators))
		return 1;
	/* "Opdrachtnemer verkoopt die gegevens niet": right after the subject's verb */
	uint32_t len;
	if (die && i >= 2 && !(tok[i - 1].flags & (TL_TOK_PUNCT | TL_TOK_CAPITAL)) &&
	    tl_mention_at(a, tok, n, i - 2, &len) != TL_ROLE_NONE && len == 1)
		return 1;
	/* "that" + one noun + the end of the clause */
	return that && i + 2 < n && (tok[i + 2].flags & TL_TOK_PUNCT) && !tl_tok_is(&tok[i + 2], "(") &&
	       !tl_tok_is(&tok[i + 2], "'") && !tl_tok_is(&tok[i + 2], "-");
}

/* "mits Leverancier met de audit instemt", "provided that the Supplier has
 * approved it", "onderworpen aan de goedkeuring van Opdrachtnemer": a
 * condition that needs a party's consent is an exception the consenting
 * party controls.  Returns the marker's length when the clause from tok[i]
 * to the next comma names a party and a consent word, else 0. */
static const char *const S_consent_markers[] = {
	"mits", "provided that", "provided always that", "on condition that", "op voorwaarde dat",
	"onder voorwaarde dat", "onder de voorwaarde dat", "onderworpen aan", "afhankelijk van", NULL};

static uint32_t S_consent_condition(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t i)
{
	const char *const *markers = S_consent_markers;
	static const char *const consent[] = {
		"consent*", "approv*", "permission", "authoris*", "authoriz*", "agree|agrees|agreed",
		"toestemming", "goedkeuring", "goedkeurt", "goedgekeurd", "instem*", "ingestemd", "akkoord",
		"toestaat", "toegestemd", NULL};
	uint32_t m = tl_ph_list_at(tok, n, i, markers, NULL);
	if (!m)
		return 0;
	int party = 0, cons = 0;
	for (uint32_t k = i + m; k < n && k < i + m + 20 && !S_clause_end(&tok[k]); k++) {
		uint32_t len;
		tl_role r = tl_mention_at(a, tok, n, k, &len);
		party |= r == TL_ROLE_VENDOR || r == TL_ROLE_CUSTOMER;
		cons |= tl_tok_in(&tok[k], consent);
	}
	return party && cons ? m : 0;
}

/* "Behoudens een wettelijk verbod meldt Opdrachtnemer ...": a fronted
 * "behoudens" with a noun phrase and no comma ends before the finite verb that
 * comes before the main clause's subject (inversion); a party after a
 * preposition ("toestemming van Opdrachtgever") is still the phrase's.  n when
 * there is no such subject before a comma (the phrase then runs as before). */
static uint32_t S_fronted_np_end(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t from)
{
	static const char *const prep[] = {"van", "door", "met", "aan", "voor", "bij", "op", "in", "uit",
	                                   "tot", "naar", "over", "onder", "zonder", NULL};
	static const char *const det[] = {"de", "het", "een", "die", "deze", NULL};
	for (uint32_t j = from + 1; j < n && j < from + 16; j++) {
		if (S_clause_end(&tok[j]) || tl_tok_is(&tok[j], "("))
			return n;
		uint32_t len;
		if (tl_mention_at(a, tok, n, j, &len) == TL_ROLE_NONE)
			continue;
		uint32_t v = j - 1; /* the verb: right before the subject, or before its article */
		if (tl_tok_in(&tok[v], det) && v > from)
			v--;
		if (v <= from || (tok[v].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER | TL_TOK_CAPITAL)) ||
		    tl_tok_in(&tok[v], prep) || tl_tok_in(&tok[v], det))
			continue;
		return v;
	}
	return n;
}

/* Every phrase that can open a clause in tl_scopes_mark below (exception
 * markers, consent conditions, subordinators, Dutch "of", time conjunctions,
 * leading conjunctions and prepositions): a token that starts none of them
 * opens nothing there, and one bit test in its word says so.  Built once. */
#define S_OPENERS_MAX 1024
static const char *S_openers[S_OPENERS_MAX];
static int S_openers_ok;
static pthread_once_t S_openers_once = PTHREAD_ONCE_INIT;

static void S_openers_init(void)
{
	const char *const *parts[] = {S_exc_markers, S_exc_discretion, S_consent_markers,
	                              tl_subordinators, S_time_conj, S_sub_start_conj,
	                              S_sub_start_prep};
	static const char *const of[] = {"of", NULL};
	size_t n = 0;
	for (size_t k = 0; k <= sizeof parts / sizeof *parts; k++) {
		const char *const *l = k < sizeof parts / sizeof *parts ? parts[k] : of;
		for (size_t j = 0; l[j]; j++) {
			if (n + 1 >= S_OPENERS_MAX)
				return; /* too many: no skipping (S_openers_ok stays 0) */
			S_openers[n++] = l[j];
		}
	}
	S_openers[n] = NULL;
	S_openers_ok = 1;
}

/* 0 when no opener can start at token t (TL_WC_OPEN in its word); 1 when one
 * may, or when there is no list of them. */
static inline int S_opener(const tl_token *t, const char *const *openers)
{
	int wc = tl_wc_of(t, TL_WC_OPEN_K, TL_WC_OPEN);
	if (wc >= 0 || !openers)
		return wc != 0;
	int may = tl_tok_may_start(t, openers);
	return t->word ? tl_wc_set(t->word, TL_WC_OPEN_K, TL_WC_OPEN, may) : may;
}

/* "Requests from data subjects that we receive are forwarded to you",
 * "Incidents that the Supplier detects are reported ...": an English relative
 * clause inside the subject (no verb or modal before it since the clause
 * start cs) of a subject (a pronoun or a party) and one verb ends before the
 * main clause's auxiliary; its index, or n when tok[i] opens no such clause.
 * A noun phrase as its subject is no guess ("confirms that the cameras it
 * supplies are ...", "at which individual people are ..."). */
static uint32_t S_rel_in_subject(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t i,
                                 uint32_t cs)
{
	static const char *const rel[] = {"that", "which", "who", NULL};
	static const char *const pron[] = {"we", "you", "they", "it", "he", "she", "i", NULL};
	static const char *const det[] = {"the", "a", "an", "its", "our", "your", "their", NULL};
	static const char *const aux[] = {"is", "are", "was", "were", "shall", "will", "must", "may",
	                                  "can", "has", "have", NULL};
	if (!tl_tok_in(&tok[i], rel))
		return n;
	uint32_t j = i + 1, len;
	if (j < n && tl_tok_in(&tok[j], pron)) {
		j++;
	} else {
		if (j < n && tl_tok_in(&tok[j], det))
			j++;
		if (j >= n || tl_mention_at(a, tok, n, j, &len) == TL_ROLE_NONE)
			return n; /* "the cameras it supplies are ...": no party, no guess */
		j += len;
	}
	/* the clause's verb, then the main clause's auxiliary */
	if (j + 1 >= n || (tok[j].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)) || tl_tok_in(&tok[j], aux) ||
	    !tl_tok_in(&tok[j + 1], aux))
		return n;
	for (uint32_t k = cs; k < i; k++) /* the main verb comes after the clause (checked last: rare) */
		if ((tok[k].flags & TL_TOK_MODAL) || tl_tok_in(&tok[k], tl_modal_aux) || tl_tok_in(&tok[k], S_fin))
			return n;
	return j + 1;
}

uint32_t tl_scopes_mark(tl_ann_ctx *c, const tl_token *tok, uint32_t n)
{
	pthread_once(&S_openers_once, S_openers_init);
	const char *const *openers = S_openers_ok ? (const char *const *)S_openers : NULL;
	int16_t *sc = c->wscope;
	uint32_t nexc = 0;
	for (uint32_t i = 0; i < n; i++)
		sc[i] = 0;
	/* a typed label ("7.9", "2.1.") opens the sentence: the first word after it is where a
	 * leading clause starts ("7.9 If the Supplier receives ..., it shall ...") */
	uint32_t w0 = 0;
	while (w0 < n && w0 < 4 && (tok[w0].flags & TL_TOK_NUMBER) && !(tok[w0].flags & TL_TOK_CAPITAL))
		w0++;
	while (w0 > 0 && w0 < n && (tl_tok_is(&tok[w0], ".") || tl_tok_is(&tok[w0], ")")))
		w0++;
	if (w0 >= n)
		w0 = 0;
	uint32_t clause_start = w0;
	for (uint32_t i = 0; i < n; i++) {
		if (i < w0)
			continue;
		if (S_clause_end(&tok[i]) || tl_tok_is(&tok[i], "(")) {
			clause_start = i + 1;
			continue;
		}
		if (sc[i] != 0 && sc[i] != 1)
			continue;
		/* every branch below needs one of the openers at i; without one it continues */
		if (!S_opener(&tok[i], openers))
			continue;
		int primary;
		uint32_t m = S_exc_at(tok, n, i, &primary);
		if (!m && (m = S_possessive_consent(c->a, tok, n, i)) != 0)
			primary = 1;
		if (m && primary && tl_tok_in(&tok[i], S_only) && !S_only_consent(tok, n, i, m))
			m = 0; /* a restriction, not an exception */
		if (!m && i > 0)
			m = S_consent_condition(c->a, tok, n, i);
		int16_t val;
		uint32_t end = n; /* a leading clause's end, when decided here */
		if (m) {
			if (nexc >= 30000)
				continue;
			val = (int16_t)(2 + nexc++);
			if (i == w0 && primary && tl_tok_is(&tok[i], "behoudens"))
				end = S_fronted_np_end(c->a, tok, n, i + m);
		} else if (sc[i] != 0) {
			continue;
		} else if (i > clause_start && S_demonstrative(c->a, tok, n, i)) {
			continue;
		} else if (i > clause_start && (tl_ph_list_at(tok, n, i, tl_subordinators, NULL) ||
		                                S_whether_of(c->a, tok, n, i) ||
		                                S_time_clause(c->a, tok, n, i))) {
			val = 1;
			end = S_rel_in_subject(c->a, tok, n, i, clause_start);
		} else if (i == clause_start && i + 1 < n && tl_ph_list_at(tok, n, i, tl_subordinators, NULL)) {
			/* "Dat recht", "Die gegevens", "That data" opening a sentence are demonstratives */
			if (i == w0 && (tl_tok_is(&tok[i], "dat") || tl_tok_is(&tok[i], "die") || tl_tok_is(&tok[i], "that")))
				continue;
			val = 1;
			if (i == w0)
				end = S_lead_end(tok, n, i);
		} else if (i == w0 && i + 1 < n && tl_ph_list_at(tok, n, i, S_sub_start_conj, NULL)) {
			end = S_lead_end(tok, n, i);
			if (end >= n || !S_can_be_main(c->a, tok, n, end + 1))
				continue;
			val = 1;
		} else if (i == w0 && i + 1 < n && tl_ph_list_at(tok, n, i, S_sub_start_prep, NULL)) {
			/* "Upon request, the Supplier ..." but not "Bij het einde ... retourneert
			 * Opdrachtnemer ..., ...": a leading phrase holds no party and no verb */
			end = S_lead_end(tok, n, i);
			if (end >= n || !S_can_be_main(c->a, tok, n, end + 1))
				continue;
			/* "Op de Overeenkomst zijn de GIBIT 2023 van toepassing, met uitsluiting van
			 * ...": a finite verb before the comma makes it the main clause too */
			int party = 0;
			for (uint32_t k = i; k < end && !party; k++) {
				uint32_t len;
				party = tl_mention_at(c->a, tok, n, k, &len) != TL_ROLE_NONE ||
				        tl_tok_in(&tok[k], tl_modal_aux) || tl_tok_in(&tok[k], S_fin);
			}
			if (party)
				continue;
			val = 1;
		} else {
			continue;
		}
		/* "zonder voorafgaande toestemming van Opdrachtgever geen ...", "with the
		 * Customer's prior consent": a consent phrase ends after its party */
		static const char *const consent_marker[] = {
			"with", "without", "zonder", "met", "na", "only", "uitsluitend", "alleen", "slechts",
			"behoudens", NULL};
		int consent_phrase = val >= 2 && tl_tok_in(&tok[i], consent_marker) &&
		                     !(i + 1 < n && tl_tok_is(&tok[i + 1], "dien")); /* a proviso runs on */
		uint32_t k = i;
		int depth = 0;
		for (; k < n; k++) {
			if (consent_phrase && k > i) {
				uint32_t len;
				if (tl_mention_at(c->a, tok, n, k, &len) != TL_ROLE_NONE) {
					const char *f = tok[k + len - 1].fold;
					size_t fl = strlen(f);
					int poss = fl > 2 && f[fl - 2] == '\'' && f[fl - 1] == 's';
					if (!poss) {
						for (uint32_t x = k; x < k + len && x < n; x++)
							sc[x] = val;
						k += len;
						break;
					}
				}
				/* "the Customer's prior written consent": the phrase ends at its noun */
				static const char *const nouns[] = {
					"consent", "approval", "permission", "authorisation", "authorization",
					"toestemming", "goedkeuring", "instemming", "akkoord", NULL};
				if (tl_tok_in(&tok[k], nouns) && k > i + 1 && k < i + 12) {
					uint32_t len2;
					int party_before = 0;
					for (uint32_t x = i; x < k && !party_before; x++)
						party_before = tl_mention_at(c->a, tok, n, x, &len2) != TL_ROLE_NONE;
					if (party_before && !(k + 1 < n && (tl_tok_is(&tok[k + 1], "of") ||
					                                    tl_tok_is(&tok[k + 1], "van")))) {
						sc[k] = val;
						k++;
						break;
					}
				}
			}
			if (end < n) {
				if (k >= end)
					break;
			} else if (tl_tok_is(&tok[k], "(")) {
				depth++;
			} else if (tl_tok_is(&tok[k], ")")) {
				if (depth == 0)
					break;
				depth--;
			} else if (depth == 0 && S_clause_end(&tok[k]) && k >= i + (m ? m : 1)) {
				break; /* past the opener ("met dien verstande, dat" has a comma) */
			}
			int p2;
			if (k > i + m && val >= 2 && S_exc_at(tok, n, k, &p2) && p2)
				break; /* "except ..., unless ..." are two exceptions; "behoudens voor zover" one */
			if (sc[k] == 0 || val >= 2)
				sc[k] = val;
		}
		/* "..., where the Supplier deems it appropriate": a trailing condition that rests on
		 * a party's own judgement is an exception to the main clause */
		if (val == 1 && i > 0 && end >= n && nexc < 30000 && tl_tok_in(&tok[i], S_cond_words)) {
			int disc = 0;
			for (uint32_t x = i + 1; x < k && !disc; x++)
				disc = S_discretion_at(tok, n, x) && !(tl_tok_is(&tok[x], "fit") && !tl_tok_is(&tok[x - 1], "see") &&
				                                       !tl_tok_is(&tok[x - 1], "sees"));
			if (disc) {
				int16_t ev = (int16_t)(2 + nexc++);
				for (uint32_t x = i; x < k; x++)
					if (sc[x] == 1)
						sc[x] = ev;
			}
		}
		/* "unless the Customer, at its discretion, agrees": an exception that has only
		 * named its party when a comma comes runs on past a short parenthesis */
		if (val >= 2 && !consent_phrase && end >= n && k + 2 < n && tl_tok_is(&tok[k], ",") &&
		    S_only_party(c->a, tok, n, i + m, k)) {
			uint32_t j = k + 1;
			while (j < n && j <= k + 7 && !S_clause_end(&tok[j]))
				j++;
			if (j < n && j <= k + 7 && tl_tok_is(&tok[j], ",") && j + 1 < n) {
				for (uint32_t x = k; x <= j; x++)
					sc[x] = val;
				for (k = j + 1; k < n && !S_clause_end(&tok[k]); k++)
					sc[k] = val;
			}
		}
		i = k > i ? k - 1 : i;
	}
	return nexc;
}


/* The party whose consent, approval, instruction or request the exception
 * tok[s..e) names, when the words say it apart from the first party named:
 * after the consent word ("consent of the Customer", "toestemming van
 * Opdrachtgever", "approved by the Customer"), as a possessive right before
 * it ("unless the Supplier has obtained the Customer's prior written
 * consent"), or as the subject of a relative clause whose verb it is
 * ("behalve aan subverwerkers die Opdrachtgever heeft goedgekeurd").
 * TL_ROLE_NONE otherwise: the first party named is the actor ("tenzij
 * Opdrachtgever, na overleg met Opdrachtnemer, toestemming geeft"). */
static tl_role S_consenter(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t s,
                           uint32_t e, const char *const *consent)
{
	static const char *const by[] = {"of", "van", "by", "door", "from", NULL};
	static const char *const det[] = {"the", "de", "het", NULL};
	static const char *const rel[] = {"die", "dat", "that", "which", "who", NULL};
	tl_role poss = TL_ROLE_NONE, relsubj = TL_ROLE_NONE;
	uint32_t poss_end = 0;
	for (uint32_t i = s; i < e; i++) {
		uint32_t len;
		tl_role r = tl_mention_at(a, tok, n, i, &len);
		if (r == TL_ROLE_VENDOR || r == TL_ROLE_CUSTOMER) {
			const char *f = tok[i + len - 1].fold;
			size_t fl = strlen(f);
			if (fl > 2 && f[fl - 2] == '\'' && f[fl - 1] == 's') {
				poss = r;
				poss_end = i + len;
			}
			uint32_t b = i > s && tl_tok_in(&tok[i - 1], det) ? i - 1 : i;
			if (b > s && tl_tok_in(&tok[b - 1], rel))
				relsubj = r;
			i += len - 1;
			continue;
		}
		if (!tl_tok_in(&tok[i], consent))
			continue;
		for (uint32_t k = i + 1; k < e && k <= i + 3; k++) {
			if (!tl_tok_in(&tok[k], by))
				continue;
			uint32_t m = k + 1;
			if (m < e && tl_tok_in(&tok[m], det))
				m++;
			tl_role after = m < e ? tl_mention_at(a, tok, n, m, &len) : TL_ROLE_NONE;
			if (after == TL_ROLE_VENDOR || after == TL_ROLE_CUSTOMER)
				return after;
			break;
		}
		if (poss != TL_ROLE_NONE && i <= poss_end + 3)
			return poss;
		if (relsubj != TL_ROLE_NONE)
			return relsubj;
	}
	return TL_ROLE_NONE;
}

/* 1 when exception tok[s, e) says no more than that the act may be barred:
 * "unless (this is) prohibited", "unless that is not permitted", "tenzij dat
 * verboden is", "voor zover dat is toegestaan": its words are the cue, a
 * pronoun, a copula, a negator and at least one word of a bar; a named party
 * ("unless the Customer prohibits this") or a reason of its own is more. */
static int S_bar_only(const tl_token *tok, uint32_t s, uint32_t e)
{
	static const char *const bar[] = {
		"prohibited", "forbidden", "barred", "permitted", "allowed", "verboden", "toegestaan",
		"geoorloofd", NULL};
	static const char *const glue[] = {
		"unless", "except", "if", "where", "insofar", "as", "far", "to", "the", "extent", "this",
		"that", "it", "so", "such", "is", "are", "be", "being", "not", "tenzij", "behalve", "indien",
		"voor", "zover", "zoverre", "dit", "dat", "het", "is", "zijn", "wordt", "niet", NULL};
	int any = 0;
	for (uint32_t i = s; i < e; i++) {
		if (tok[i].flags & TL_TOK_PUNCT)
			continue;
		if (tl_tok_in(&tok[i], bar))
			any = 1;
		else if (!tl_tok_in(&tok[i], glue))
			return 0;
	}
	return any;
}

tl_exc_kind tl_exc_classify(const tl_annotated *a, const tl_token *tok, uint32_t n, uint32_t s,
                              uint32_t e, tl_role bound)
{
	if (S_bar_only(tok, s, e))
		return TL_EXC_LAW; /* "unless this is prohibited", "tenzij dat verboden is" */
	static const char *const law[] = {
		"law", "laws", "legal*", "statutory", "wet", "wetten", "wettelijk*", "wetgeving", "court",
		"courts", "rechter*", "gerechtelijk*", "regulat*", "regelgeving", "subpoena", "dwingend*",
		"mandatory", "vonnis", "toezichthouder", "justitie", "politie", "police", NULL};
	static const char *const law_ph[] = {
		"bevoegde|competent|supervisory|public authority|authorities|autoriteit|instantie",
		"overheidsinstantie", NULL};
	static const char *const consent[] = {
		"consent*", "approv*", "permission", "authoris*", "authoriz*", "instruct*", "request*",
		"agree|agrees|agreed", "order|ordered|orders", "toestemming", "goedkeuring", "goedkeurt",
		"goedgekeurd", "instructie*", "opdracht", "verzoek", "akkoord", "instem*", "ingestemd",
		"toestaat", "toegestemd", "machtiging", "verzocht", "aangeeft", NULL};
	tl_role actor = TL_ROLE_NONE;
	int disc = 0, lw = 0, cons = 0, pron = 0, named = 0;
	for (uint32_t i = s; i < e; i++) {
		uint32_t len;
		tl_role r = actor ? TL_ROLE_NONE : tl_mention_at(a, tok, n, i, &len);
		if (r == TL_ROLE_VENDOR || r == TL_ROLE_CUSTOMER) {
			actor = r;
			named = 1;
		}
		if (S_discretion_at(tok, n, i))
			disc = 1;
		if (tl_tok_in(&tok[i], law) || tl_ph_list_at(tok, n, i, law_ph, NULL))
			lw = 1;
		if (tl_tok_in(&tok[i], consent))
			cons = 1;
		/* "unless the Customer opts in" is consent, "unless the User has opted out" an opt-out */
		if (tl_ph_at(tok, n, i, "opt|opts|opted|opting in"))
			cons = 1;
		if (tl_tok_is(&tok[i], "it") || tl_tok_is(&tok[i], "its") || tl_tok_is(&tok[i], "zij") ||
		    tl_tok_is(&tok[i], "hij") || tl_tok_is(&tok[i], "zijn") || tl_tok_is(&tok[i], "haar"))
			pron = 1;
	}
	if (lw && !named)
		return TL_EXC_LAW; /* "tenzij een wettelijke bewaarplicht anders bepaalt" */
	tl_role consenter = cons ? S_consenter(a, tok, n, s, e, consent) : TL_ROLE_NONE;
	if (!actor && (pron || disc))
		actor = bound;
	if (disc && actor == TL_ROLE_VENDOR)
		return TL_EXC_VENDOR;
	if (disc && actor == TL_ROLE_CUSTOMER)
		return TL_EXC_CUSTOMER;
	if (lw)
		return TL_EXC_LAW;
	if (consenter == TL_ROLE_CUSTOMER || consenter == TL_ROLE_VENDOR)
		return consenter == TL_ROLE_CUSTOMER ? TL_EXC_CUSTOMER : TL_EXC_VENDOR;
	if (cons && actor == TL_ROLE_CUSTOMER)
		return TL_EXC_CUSTOMER;
	if (cons && actor == TL_ROLE_VENDOR)
		return TL_EXC_VENDOR;
	if (cons && bound != TL_ROLE_CUSTOMER)
		return TL_EXC_CUSTOMER;
	/* "other than performing the Agreement", "anders dan voor de uitvoering van de
	 * Overeenkomst": within the customer's own order, a purpose limitation */
	static const char *const perf[] = {
		"perform|performing|performance|provide|providing|provision|deliver|delivering|"
		"uitvoering|uitvoeren|nakoming|levering|leveren|verlenen|verlening", NULL};
	static const char *const contract[] = {
		"agreement|contract|services|service|order|overeenkomst|opdracht|dienst|diensten|"
		"dienstverlening|contract", NULL};
	int p1 = 0, p2 = 0;
	for (uint32_t i = s; i < e; i++) {
		p1 |= tl_tok_in(&tok[i], perf);
		p2 |= p1 && tl_tok_in(&tok[i], contract);
	}
	if (p1 && p2 && bound != TL_ROLE_CUSTOMER)
		return TL_EXC_CUSTOMER;
	return TL_EXC_OTHER;
}

