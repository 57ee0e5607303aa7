/* negscope.c: which main-clause tokens a negation covers (TL_TOK_NEG_SCOPE).
 *
 * A negation denies the predicate, never the existence of its subject: in
 * "De sensoren in de openbare ruimte slaan geen ruwe beelden op" the
 * sensors are real and only the raw images are denied.  So the subject
 * (the party mention, or for a non-party subject the noun phrase that opens
 * the main clause) stays out of the scope, and so do coordinated predicates
 * before the first negated one ("... verwerken de beelden op het apparaat
 * zelf en slaan geen ruwe beelden op": only the last predicate is denied).
 * A negator inside the subject ("Geen camera's worden ...") ends the subject,
 * so what it denies stays in scope. */
#include <string.h>

#include "analyze/polclass.h"

static const char *const S_dets[] = {
	"de", "het", "een", "alle", "elke", "iedere", "ieder", "deze", "dit", "die", "dat", "zijn",
	"haar", "hun", "the", "a", "an", "all", "each", "every", "any", "this", "these", "those",
	"its", "their", "such", NULL};
static const char *const S_np_preps[] = {
	"in", "van", "op", "bij", "uit", "met", "voor", "aan", "onder", "binnen", "buiten", "langs",
	"rond", "of", "on", "at", "from", "with", "for", "within", "under", "inside", "outside", NULL};
/* words that open a sentence without being its subject */
static const char *const S_not_np[] = {
	"er", "there", "hierbij", "daarnaast", "verder", "ook", "also", "further", "furthermore",
	"moreover", "bovendien", "voorts", "tevens", "wel", "nu", "now", "hereby", "then", "dan",
	"dus", "thus", "therefore", "daarom", "however", "echter", NULL};
static const char *const S_en_aux[] = {
	"is", "are", "was", "were", "be", "has", "have", "had", "does", "do", "did", NULL};
static const char *const S_nl_aux[] = {
	"is", "zijn", "was", "waren", "heeft", "hebben", "had", "wordt", "worden", "werd", "werden",
	NULL};

static int S_word(const tl_token *t)
{
	return !(t->flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)) && t->fold[0] != '\0';
}

/* A token that cannot be a noun of the subject: a verb form we know, a
 * modal, a negator. */
static int S_verbal(const tl_token *t, tl_lang lang)
{
	if ((t->flags & TL_TOK_NEGATOR) || tl_tok_in(t, tl_modal_aux))
		return 1;
	if (lang == TL_LANG_EN)
		return tl_tok_in(t, S_en_aux);
	return tl_tok_in(t, S_nl_aux) || tl_pol_nl_verb(t);
}

/* One noun group at tok[i]: determiners, attributive adjectives, a noun.
 * Returns the index after it, or i when there is none. */
static uint32_t S_noun_group(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t i,
                             tl_lang lang)
{
	uint32_t k = i;
	while (k < n && sc[k] == 0 && tl_tok_in(&tok[k], S_dets))
		k++;
	uint32_t adj = k;
	if (lang != TL_LANG_EN) /* Dutch attributive adjectives end in -e: "openbare", "ruwe" */
		while (adj + 1 < n && sc[adj] == 0 && S_word(&tok[adj]) && !S_verbal(&tok[adj], lang) &&
		       strlen(tok[adj].fold) >= 3 && tok[adj].fold[strlen(tok[adj].fold) - 1] == 'e' &&
		       S_word(&tok[adj + 1]))
			adj++;
	else /* English: a short run of modifiers before the head ("the smart traffic cameras") */
		while (adj + 1 < n && adj < k + 3 && sc[adj] == 0 && sc[adj + 1] == 0 &&
		       S_word(&tok[adj]) && S_word(&tok[adj + 1]) && !S_verbal(&tok[adj], lang) &&
		       !S_verbal(&tok[adj + 1], lang) && !tl_tok_in(&tok[adj + 1], S_np_preps) &&
		       !tl_tok_in(&tok[adj], S_np_preps) &&
		       !tl_ph_at(tok, n, adj + 1, "and|or|en|of|that|which|who|die|dat"))
			adj++;
	if (adj < n && sc[adj] == 0 && S_word(&tok[adj]) && !S_verbal(&tok[adj], lang) &&
	    !tl_tok_in(&tok[adj], S_np_preps))
		return adj + 1;
	/* "De software slaat ...": the last "adjective" was the noun */
	if (adj > k)
		return adj;
	return i;
}

/* The end of the noun phrase that opens the main clause and is its
 * subject ("De sensoren in de openbare ruimte"), or `from` when the clause
 * does not open with one (an adverbial, an inversion, a negator). */
static uint32_t S_subject_np(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t from,
                             tl_lang lang)
{
	if (from >= n || !S_word(&tok[from]) || tl_tok_in(&tok[from], S_not_np) ||
	    tl_tok_in(&tok[from], S_np_preps) || S_verbal(&tok[from], lang))
		return from;
	uint32_t e = S_noun_group(tok, n, sc, from, lang);
	if (e == from)
		return from;
	/* prepositional modifiers: "in de openbare ruimte", "of the municipality" */
	while (e + 1 < n && sc[e] == 0 && tl_tok_in(&tok[e], S_np_preps)) {
		uint32_t e2 = S_noun_group(tok, n, sc, e + 1, lang);
		if (e2 == e + 1)
			break;
		e = e2;
	}
	/* the next main-clause word must be able to be the verb */
	if (e < n && sc[e] == 0 && (tok[e].flags & TL_TOK_PUNCT) && !tl_tok_is(&tok[e], ","))
		return from;
	return e;
}

/* 1 when the conjunct starting at tok[i] opens with its own predicate
 * ("verwerken de beelden", "slaan geen ...", "and stores no ...", "and does
 * not ..."), not with a further noun of a list ("Metadata", "video"). */
static int S_verb_start(const tl_token *tok, uint32_t n, uint32_t i, tl_lang lang)
{
	if (i >= n || !S_word(&tok[i]))
		return 0;
	const tl_token *t = &tok[i];
	if (t->flags & TL_TOK_NEGATOR)
		return 1;
	if (lang != TL_LANG_EN && tl_tok_in(t, S_nl_aux))
		return 1; /* "en zijn ...", before "zijn" the determiner */
	if (tl_tok_in(t, S_dets) || (t->flags & (TL_TOK_CAPITAL | TL_TOK_PARTY)))
		return 0;
	if (tl_tok_in(t, tl_modal_aux))
		return 1;
	size_t l = strlen(t->fold);
	if (lang != TL_LANG_EN) {
		if (tl_tok_in(t, S_nl_aux) || tl_pol_nl_verb(t))
			return 1;
		if (l >= 4 && t->fold[l - 2] == 'e' && t->fold[l - 1] == 'n')
			return 1; /* plural present: "verwerken", "slaan" */
		if (l >= 3 && !strcmp(t->fold + l - 2, "an"))
			return 1;
		return 0;
	}
	if (tl_tok_in(t, S_en_aux))
		return 1;
	if (i + 1 < n && ((tok[i + 1].flags & TL_TOK_NEGATOR) || tl_tok_in(&tok[i + 1], S_dets)))
		return 1; /* "store no raw images", "process the images" */
	return l >= 4 && t->fold[l - 1] == 's' && t->fold[l - 2] != 's' && t->fold[l - 2] != '\'';
}

/* ---- a banned activity as the subject ---------------------------------- */

/* "is (niet) toegestaan", "zijn verboden", "is not permitted", "shall not be
 * allowed", "is strictly prohibited": a predicate that bans what its subject
 * names.  The verb group's words before the adjective: */
static const char *const S_ban_copula[] = {
	"is", "zijn", "was", "waren", "wordt", "worden", "blijft", "blijven", "are", "were", "be",
	"remains", "remain", NULL};
static const char *const S_ban_glue[] = {
	"ook", "strikt", "uitdrukkelijk", "nadrukkelijk", "absoluut", "hierbij", "daarom", "also",
	"strictly", "expressly", "explicitly", "hereby", "absolutely", "therefore", NULL};
static const char *const S_ban_adj[] = {"toegestaan", "verboden", "permitted", "allowed",
                                        "prohibited", "forbidden", NULL};

/* Heads of a noun phrase that name an activity: a nominalised verb ("gebruik",
 * "verwerking", "training", "use", "disclosure") as opposed to a thing
 * ("camera's", "cameras"). */
static const char *const S_act_nl[] = {
	"*gebruik", "*inzet", "*verkoop", "*opslag", "*overdracht", "*doorgifte", "*analyse",
	"*export", "*toegang", "*ing", NULL};
static const char *const S_act_en[] = {
	"use", "re-use", "reuse", "sale", "resale", "disclosure", "transfer", "storage", "analysis",
	"export", "access", "deployment", "placement", "enrolment", "enrollment", "*ing", "*tion",
	"*sion", NULL};
static const char *const S_not_act[] = {
	"thing", "string", "building", "information", "documentation", "application", "station",
	"solution", "organisation", "organization", "population", "location", "position",
	"section", "condition", "question", "function", "option", "edition", "version",
	"television", "regeling", "vergadering", "woning", "instelling", "verzekering",
	"vergoeding", "omgeving", "afdeling", "ring", NULL};

/* Whether the noun phrase at tok[from] names an activity: "Gebruik voor ...",
 * "Het trainen van algoritmen", "Use of Customer Data", "Face recognition". */
static int S_activity_np(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t from,
                         tl_lang lang)
{
	uint32_t k = from;
	int het = 0;
	while (k < n && sc[k] == 0 && tl_tok_in(&tok[k], S_dets)) {
		het |= tl_tok_is(&tok[k], "het");
		k++;
	}
	if (k >= n || sc[k] != 0 || !S_word(&tok[k]) || (tok[k].flags & TL_TOK_PARTY))
		return 0;
	size_t l = strlen(tok[k].fold);
	/* "het trainen", "het verkopen": a Dutch infinitive as a noun */
	if (lang != TL_LANG_EN && het && l >= 5 && !strcmp(tok[k].fold + l - 2, "en") &&
	    !tl_tok_in(&tok[k], S_nl_aux))
		return 1;
	/* the head is the last word before a preposition, a verb or punctuation
	 * ("Gebruik voor", "Use of", "biometrische identificatie is") */
	uint32_t head = k;
	for (uint32_t j = k + 1; j < n && j < k + 4 && sc[j] == 0 && S_word(&tok[j]) &&
	                         !S_verbal(&tok[j], lang) && !tl_tok_in(&tok[j], S_np_preps) &&
	                         !tl_tok_is(&tok[j], "to") && !tl_tok_is(&tok[j], "door") &&
	                         !tl_tok_is(&tok[j], "by") && !tl_tok_in(&tok[j], S_ban_copula);
	     j++)
		head = j;
	if (tl_tok_in(&tok[head], S_not_act) || (tok[head].flags & TL_TOK_PARTY))
		return 0;
	return tl_tok_in(&tok[head], lang == TL_LANG_EN ? S_act_en : S_act_nl);
}

/* The start of the subject phrase when the main clause is a ban on the
 * activity it names ("Gebruik voor ... het trainen van algoritmen ... is
 * Kadans niet toegestaan", "Use of Customer Data to train AI models is not
 * permitted"): that activity is what is denied, so its words are in the
 * scope, as the object of "Kadans past geen algoritmen toe" is.  UINT32_MAX
 * otherwise: a thing as the subject ("Camera's mogen niet worden gebruikt voor
 * X", "Camera's zijn in kleedruimtes niet toegestaan") exists and stays out;
 * so does an agent ("Staff are not permitted to ..."). */
static uint32_t S_ban_subject(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t from,
                              tl_lang lang)
{
	/* the verb group: the first main-clause modal or copula after the subject */
	uint32_t v = from;
	while (v < n && !(sc[v] == 0 && (tl_tok_in(&tok[v], tl_modal_aux) ||
	                                 tl_tok_in(&tok[v], S_ban_copula))))
		v++;
	if (v >= n || v == from)
		return UINT32_MAX;
	uint32_t j = v;
	while (j < n && j < v + 7 && sc[j] == 0 &&
	       ((tok[j].flags & (TL_TOK_NEGATOR | TL_TOK_PARTY)) || tl_tok_in(&tok[j], tl_modal_aux) ||
	        tl_tok_in(&tok[j], S_ban_copula) || tl_tok_in(&tok[j], S_ban_glue)))
		j++;
	if (j >= n || sc[j] != 0 || !tl_tok_in(&tok[j], S_ban_adj))
		return UINT32_MAX;
	/* "are not permitted to use", "is prohibited from": the subject is the agent */
	if (j + 1 < n && (tl_tok_is(&tok[j + 1], "to") || tl_tok_is(&tok[j + 1], "from")))
		return UINT32_MAX;
	/* the subject has no verb of its own and is no party */
	for (uint32_t k = from; k < v; k++)
		if (sc[k] == 0 && ((tok[k].flags & TL_TOK_SUBJECT) || S_verbal(&tok[k], lang)))
			return UINT32_MAX;
	return S_activity_np(tok, n, sc, from, lang) ? from : UINT32_MAX;
}

/* Where a denial that starts at tok[start] ends: a contrast set off by
 * commas, a negator after a comma opening a phrase without a verb ("The App
 * records the location of trees, not of the inspectors, and shows ...", "De
 * App legt de locatie van bomen vast, niet die van de inspecteurs, en toont
 * ..."), denies that phrase only when a predicate of its own follows the
 * closing comma; otherwise the denial runs to the end (n). */
static uint32_t S_contrast_end(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t start,
                               tl_lang lang)
{
	static const char *const coord[] = {"and", "en", "or", "of", "but", "maar", NULL};
	if (start == 0 || start >= n || !(tok[start].flags & TL_TOK_NEGATOR) ||
	    !tl_tok_is(&tok[start - 1], ","))
		return n;
	for (uint32_t k = start + 1; k < n && sc[k] == 0; k++) {
		if (tl_tok_is(&tok[k], ",")) {
			uint32_t j = k + 1;
			if (j < n && tl_tok_in(&tok[j], coord))
				j++;
			return j < n && sc[j] == 0 && !(tok[j].flags & TL_TOK_NEGATOR) &&
			               S_verb_start(tok, n, j, lang)
			           ? k
			           : n;
		}
		if (S_verbal(&tok[k], lang) || (tok[k].flags & TL_TOK_PUNCT))
			return n; /* a verb of its own, or other punctuation: no short contrast */
	}
	return n;
}

void tl_negscope_mark(tl_token *tok, uint32_t n, const int16_t *sc, tl_lang lang,
                      uint32_t neg_conj)
{
	static const char *const coord[] = {"en", "and", "or", "of", "maar", "but", ",", ";", NULL};
	/* where the denial starts: the first negated conjunct, walked back over
	 * conjuncts that only continue a list of nouns */
	uint32_t start = 0;
	if (neg_conj != UINT32_MAX && neg_conj < n) {
		uint32_t c = neg_conj;
		for (;;) {
			uint32_t first = c;
			while (first < n && sc[first] != 0)
				first++;
			if (c == 0 || S_verb_start(tok, n, first, lang))
				break;
			/* the previous conjunct's start */
			uint32_t b = c - 1; /* the coordinator that ended it */
			while (b > 0 && !(sc[b - 1] == 0 && tl_tok_in(&tok[b - 1], coord)))
				b--;
			c = b;
		}
		start = c;
	}
	/* the subject's own noun phrase, when no party mention is the subject */
	uint32_t from = 0;
	while (from < n && sc[from] != 0)
		from++;
	int party_subject = 0;
	for (uint32_t i = 0; i < n && !party_subject; i++)
		party_subject = (tok[i].flags & TL_TOK_SUBJECT) != 0;
	uint32_t np_end = from;
	if (!party_subject)
		np_end = S_subject_np(tok, n, sc, from, lang);
	uint32_t ban = S_ban_subject(tok, n, sc, from, lang);
	if (ban != UINT32_MAX) {
		np_end = from;
		if (ban < start)
			start = ban;
	}
	for (uint32_t i = from; i < np_end; i++)
		if (tok[i].flags & TL_TOK_NEGATOR) {
			np_end = i; /* "Geen camera's ...": the subject itself is denied */
			break;
		}
	uint32_t end = S_contrast_end(tok, n, sc, start, lang);
	for (;;) {
		for (uint32_t i = start; i < end; i++) {
			if (sc[i] != 0 || (tok[i].flags & TL_TOK_SUBJECT) || (i >= from && i < np_end))
				continue;
			tok[i].flags |= TL_TOK_NEG_SCOPE;
		}
		if (end >= n)
			break;
		/* after a contrast, a later denied predicate ("verwerkt de gegevens, niet de
		 * metadata, en slaat geen logbestanden op") is denied from its conjunct on */
		uint32_t k = end;
		while (k < n && !(sc[k] == 0 && (tok[k].flags & TL_TOK_NEGATOR)))
			k++;
		if (k >= n)
			break;
		start = k;
		while (start > end && !(sc[start - 1] == 0 && tl_tok_in(&tok[start - 1], coord)))
			start--;
		end = S_contrast_end(tok, n, sc, start, lang);
	}
}

/* ---- a feature switched off ------------------------------------------- */

/* the participle of a predicate that switches its subject off ("are disabled",
 * "zijn uitgeschakeld"), and of one that switches it on, for a denied predicate
 * ("worden niet geactiveerd", "is not enabled") */
static const char *const S_off_part[] = {"disabled", "deactivated", "switched|turned off",
                                         "uitgeschakeld", "gedeactiveerd", "uitgezet", NULL};
static const char *const S_on_part[] = {"enabled", "activated", "switched|turned on",
                                        "ingeschakeld", "geactiveerd", "aangezet", NULL};
/* an active verb that switches its object off: "The Supplier shall disable ...",
 * "Opdrachtnemer deactiveert ...", "schakelt ... uit" */
static const char *const S_off_verb[] = {"disable", "disables", "deactivate", "deactivates",
                                         "deactiveert", "deactiveren", NULL};
static const char *const S_switch_aux[] = {
	"is", "are", "be", "been", "remain", "remains", "was", "were", "zijn", "wordt", "worden",
	"werd", "werden", "blijft", "blijven", "staat", "staan", NULL};
/* switched off only later or under a condition: in use until then */
static const char *const S_switch_later[] = {
	"einde", "afloop", "beeindiging", "opzegging", "end", "termination", "expiry", "expiration",
	"after", "na", "until", "upon", "zodra", "once", "request", "verzoek", NULL};

/* The predicate at tok[i]: 1 when it switches off what the unit names. */
static int S_switch_off_at(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t i,
                           tl_lang lang, int negated)
{
	const char *const *part = negated ? S_on_part : S_off_part;
	if (tl_ph_list_at(tok, n, i, part, NULL)) {
		/* a participle after its auxiliary: "are disabled", "zijn ... uitgeschakeld" */
		for (uint32_t k = i; k-- > 0 && (lang != TL_LANG_EN || k + 4 > i);)
			if (sc[k] == 0 && tl_tok_in(&tok[k], S_switch_aux))
				return 1;
		return 0;
	}
	if (negated)
		return 0; /* "shall not enable them": the object is in the negation's scope already */
	if (tl_tok_in(&tok[i], S_off_verb))
		return 1;
	/* "schakelt de AI-functies uit" */
	if (lang != TL_LANG_EN && (tl_tok_is(&tok[i], "schakelt") || tl_tok_is(&tok[i], "schakelen")))
		for (uint32_t k = i + 1; k < n && sc[k] == 0 && !(tok[k].flags & TL_TOK_PUNCT); k++)
			if (tl_tok_is(&tok[k], "uit"))
				return 1;
	return 0;
}

int tl_negscope_switched_off(tl_token *tok, uint32_t n, const int16_t *sc, tl_lang lang,
                             int negated)
{
	uint32_t at = UINT32_MAX;
	for (uint32_t i = 0; i < n && at == UINT32_MAX; i++)
		if (sc[i] == 0 && (tl_polclass(&tok[i]) & TL_PC_SWITCH) &&
		    S_switch_off_at(tok, n, sc, i, lang, negated))
			at = i;
	if (at == UINT32_MAX)
		return 0;
	for (uint32_t i = 0; i < n; i++)
		if (sc[i] != 0 || tl_tok_in(&tok[i], S_switch_later))
			return 0; /* a condition or a time: in use until then */
	for (uint32_t i = 0; i < n; i++)
		if (sc[i] == 0 && !(tok[i].flags & (TL_TOK_SUBJECT | TL_TOK_PARTY)))
			tok[i].flags |= TL_TOK_NEG_SCOPE;
	return 1;
}

/* ---- a thing the contract's terms do not cover ------------------------- */

/* "Maatwerk ... leveren wij alleen op basis van een aparte offerte; deze
 * voorwaarden gelden daarvoor niet", "Custom work is quoted separately; these
 * terms do not apply to it": the terms say they do not cover what the unit
 * before names, so its words are in a negation's scope (contexts.c does not
 * count them), as "valt buiten deze voorwaarden" is out of scope. */
static const char *const S_uncover_words[] = {"geldt", "gelden", "toepassing", "apply", "applies",
                                              "covered", NULL};
static const char *const S_uncover[] = {
	"deze|de voorwaarden|overeenkomst|bepalingen geldt|gelden daarvoor|hiervoor|daarop|hierop niet",
	"deze|de voorwaarden|overeenkomst|bepalingen zijn|is daarop|hierop niet van toepassing",
	"deze|de voorwaarden|overeenkomst|bepalingen zijn|is niet van toepassing op|voor dit|deze|die",
	"these|the terms|agreement do|does|shall not apply to it|them|this|these|such",
	"this agreement does|shall not apply to it|them|this|these|such",
	"is|are not covered by these|this|the terms|agreement", NULL};

void tl_negscope_uncovered(tl_annotated *a)
{
	for (uint32_t k = 1; k < a->nsent; k++) {
		tl_sentence *s = &a->sent[k], *p = &a->sent[k - 1];
		if (!(s->flags & TL_SENT_NEGATED) || p->para != s->para)
			continue;
		int hit = 0;
		for (uint32_t i = 0; i < s->ntok && !hit; i++)
			if (tl_tok_in(&s->tok[i], S_uncover_words))
				for (uint32_t b = i > 6 ? i - 6 : 0; b <= i && !hit; b++)
					hit = tl_ph_list_at(s->tok, s->ntok, b, S_uncover, NULL) > 0;
		if (!hit)
			continue;
		/* the unit before it, up to the sentence before (a "daarvoor" points back) */
		for (uint32_t i = 0; i < p->ntok; i++)
			if (!(p->tok[i].flags & (TL_TOK_PARTY | TL_TOK_SUBJECT)))
				p->tok[i].flags |= TL_TOK_NEG_SCOPE;
	}
}

/* ---- negators that do not negate the predicate, for polarity.c ---- */

/* A Dutch participle used as an adjective before its noun: "opgehaalde",
 * "benodigde", "verwerkte", "geanonimiseerde", "toegestane" (-de/-te/-ne with
 * ge- inside, or be-/ver-/ont-/her- first), not a finite verb. */
static int S_nl_participle_adj(const tl_token *t)
{
	const char *f = t->fold;
	size_t l = t->word ? t->word->len : strlen(f);
	if (l < 6 || (t->flags & (TL_TOK_PUNCT | TL_TOK_CAPITAL)))
		return 0;
	char e = f[l - 2];
	if (f[l - 1] != 'e' || (e != 'd' && e != 't' && e != 'n'))
		return 0;
	int ge = strstr(f, "ge") != NULL;
	return e == 'n' ? ge : ge || !strncmp(f, "be", 2) || !strncmp(f, "ver", 3) || !strncmp(f, "ont", 3) ||
	                           !strncmp(f, "her", 3);
}

/* "niet tot personen herleidbare gegevens", "niet openbare informatie", "de nog
 * niet opgehaalde documenten", "alle niet langer benodigde gegevens": from
 * "niet" at i, an optional "langer"/"meer"/"eerder", and a participle, or an
 * optional prepositional phrase (a preposition and one or two lower-case words)
 * and an adjective (-bare, -lijke, -ische, -ende, -ige), followed by its noun. */
int tl_neg_nl_adj_phrase(const tl_token *tok, uint32_t n, uint32_t i)
{
	static const char *const prep[] = {"tot", "aan", "voor", "naar", "door", "met", "bij", NULL};
	static const char *const adj[] = {"*bare", "*lijke", "*ische", "*ende", "*ige", "openbare",
	                                  NULL};
	static const char *const adv[] = {"langer", "meer", "eerder", NULL};
	uint32_t k = i + 1;
	if (k < n && tl_tok_in(&tok[k], adv))
		k++;
	/* a participle only right there: "deelt de Gegevens niet met aan haar gelieerde
	 * ondernemingen" denies the sharing */
	int part = k < n && S_nl_participle_adj(&tok[k]);
	if (!part && k < n && tl_tok_in(&tok[k], prep)) {
		k++;
		for (uint32_t w = 0; w < 2 && k < n && !(tok[k].flags & (TL_TOK_PUNCT | TL_TOK_CAPITAL)) &&
		                     !tl_tok_in(&tok[k], adj) && !tl_pol_nl_verb(&tok[k]);
		     w++)
			k++;
	}
	return k + 1 < n && (part || tl_tok_in(&tok[k], adj)) &&
	       !(tok[k + 1].flags & TL_TOK_PUNCT) && !tl_pol_nl_verb(&tok[k + 1]) &&
	       !tl_tok_in(&tok[k + 1], tl_modal_aux);
}

/* "Customer Data not yet retrieved", "all data no longer needed", "Costs not
 * listed in Schedule 6", "any data not identifying a person": from the negator
 * at i ("not", or "no" before "longer"), an optional "longer", at most two
 * adverbs (yet, previously, already, ...) and a participle (-ed, an irregular
 * one, -ing) right after a noun: a reduced relative clause on that noun, which
 * the negator denies, not the predicate.  Not after a modal, a form of
 * be/have/do, punctuation, a preposition, a subordinator or a coordinator ("is
 * not sold", "for not disclosing", "and not sold").  Returns 1 when it is one. */
int tl_neg_en_reduced(const tl_token *tok, uint32_t n, uint32_t i)
{
	static const char *const adv[] = {"yet", "previously", "already", "otherwise", "expressly",
	                                  "explicitly", "specifically", "currently", "properly", "fully",
	                                  "duly", "formally", "lawfully", "strictly", "timely", NULL};
	if (i == 0 || i + 1 >= n)
		return 0;
	uint32_t k = i + 1;
	if (tl_tok_is(&tok[i], "no")) {
		if (!tl_tok_is(&tok[k], "longer"))
			return 0;
		k++;
	} else if (!tl_tok_is(&tok[i], "not")) {
		return 0;
	} else if (tl_tok_is(&tok[k], "longer")) {
		k++;
	}
	for (int a = 0; a < 2 && k < n && tl_tok_in(&tok[k], adv); a++)
		k++;
	if (k >= n || (tok[k].flags & (TL_TOK_PUNCT | TL_TOK_CAPITAL | TL_TOK_NUMBER)))
		return 0;
	const char *f = tok[k].fold;
	size_t l = strlen(f);
	if (!tl_pol_participle_en(f) && !(l >= 4 && f[l - 2] == 'e' && f[l - 1] == 'd') &&
	    !(l >= 5 && !strcmp(f + l - 3, "ing")))
		return 0;
	const tl_token *p = &tok[i - 1];
	if ((p->flags & TL_TOK_PUNCT) || tl_tok_in(p, tl_modal_aux) ||
	    (tl_polclass(p) & (TL_PC_PREPS | TL_PC_SUBORD | TL_PC_COORD | TL_PC_DETS)))
		return 0;
	static const char *const be[] = {"is", "are", "be", "been", "was", "were", "do", "does", "did", "has",
	                                 "have", "had", "being", "also", "still", "yet", "if", "whether",
	                                 "we", "you", "they", "it", "he", "she", "i", NULL};
	return !tl_tok_in(p, be);
}

/* A verb of refusing or omitting in the negator's clause: "not fail to",
 * "may not refuse", "is not entitled to withhold", Dutch "niet nalaten",
 * "niet toegestaan ... te weigeren" (the infinitive at the clause's end).
 * Returns 1 when there is one. */
int tl_neg_refusal_at(const tl_token *tok, uint32_t n, const int16_t *sc, uint32_t i, tl_lang lang)
{
	static const char *const refuse[] = {"fail", "refuse", "decline", "nalaten", "weigeren",
	                                     "weigert", "onthouden", NULL};
	static const char *const glue[] = {"to", "be", "entitled", "permitted", "allowed", "te", NULL};
	if (lang == TL_LANG_EN) {
		for (uint32_t k = i + 1; k < n && k <= i + 4; k++) {
			if (sc[k] != 0 || (tok[k].flags & TL_TOK_PUNCT))
				return 0;
			if (tl_tok_in(&tok[k], refuse))
				return 1;
			if (!tl_tok_in(&tok[k], glue))
				return 0;
		}
		return 0;
	}
	static const char *const stop[] = {"en", "of", "maar", "tenzij", NULL};
	for (uint32_t k = i + 1; k < n && k <= i + 15; k++) {
		if (sc[k] != 0 || (tok[k].flags & TL_TOK_PUNCT) || tl_tok_in(&tok[k], stop))
			return 0;
		if (tl_tok_in(&tok[k], refuse))
			return 1;
	}
	return 0;
}

/* ---- "without X" / "zonder X" ------------------------------------------- */

/* what follows "without"/"zonder" in an exception or a manner phrase, which
 * denies no thing: "without prior consent", "zonder aanvullende kosten",
 * "without undue delay", "including, without limitation, ..." */
static const char *const S_without_keep[] = {
	"prior", "voorafgaande", "voorafgaand", "written", "schriftelijke", "consent", "toestemming",
	"permission", "approval", "goedkeuring", "instruction", "instructie", "opdracht", "additional",
	"extra", "aanvullende", "bijkomende", "separate", "cost", "costs", "kosten", "charge",
	"charges", "fee", "fees", "vergoeding", "meerkosten", "payment", "betaling", "delay",
	"vertraging", "undue", "onnodige", "onredelijke", "unreasonable", "limitation", "limiting",
	"beperking", "beperkingen", "restriction", "restrictions", "prejudice", "afbreuk", "notice",
	"kennisgeving", "opzegging", "opzegtermijn", "reason", "reden", "cause", "interruption",
	"onderbreking", "tussenkomst", "involvement", "intervention", "interference", "loss",
	"verlies", "penalty", "boete", "liability", "aansprakelijkheid", "recourse", "prejudicing",
	NULL};
static const char *const S_without_det[] = {"any", "a", "an", "the", "enig", "enige", "een",
                                            "de", "het", "het gebruik van", "the use of", "use of",
                                            NULL};
static const char *const S_without_end[] = {"and", "en", "but", "maar", "that", "dat", "which",
                                            "die", "waarbij", "whereby", "so", "zodat", "if",
                                            "als", "indien", "unless", "tenzij", NULL};

const char *const tl_pol_without[] = {"without", "zonder", NULL};

void tl_negscope_without(tl_token *tok, uint32_t n)
{
	for (uint32_t i = 0; i + 1 < n; i++) {
		if (!(tl_tok_is(&tok[i], "without") || tl_tok_is(&tok[i], "zonder")) ||
		    (tok[i].flags & TL_TOK_IN_EXC))
			continue;
		/* "with or without a sensor module", "met of zonder camera" deny nothing */
		if (i >= 2 && (tl_tok_is(&tok[i - 1], "or") || tl_tok_is(&tok[i - 1], "of")) &&
		    (tl_tok_is(&tok[i - 2], "with") || tl_tok_is(&tok[i - 2], "met")))
			continue;
		uint32_t k = i + 1, m;
		while (k < n && (m = tl_ph_list_at(tok, n, k, S_without_det, NULL)) > 0)
			k += m;
		if (k >= n || (tok[k].flags & (TL_TOK_PUNCT | TL_TOK_IN_EXC)) || tl_tok_in(&tok[k], S_without_keep))
			continue;
		for (uint32_t e = i + 1; e < n && e <= i + 10; e++) {
			if ((tok[e].flags & TL_TOK_PUNCT) || tl_tok_in(&tok[e], S_without_end) ||
			    (tok[e].flags & TL_TOK_IN_EXC))
				break;
			if (!(tok[e].flags & TL_TOK_PARTY))
				tok[e].flags |= TL_TOK_NEG_SCOPE;
		}
	}
}
