/* defmembers.c: defined terms that a definition lists as its members.
 *
 * A contract splits its data into defined parts and then defines the whole
 * as their sum: '"Delivery Records": the delivery status per message ...' and
 * '"Municipal Data": Subscriber Data, Alert content, Delivery Records, and all
 * reports derived from them'; "Gemeentegegevens: de Meldingen, de Foto's en de
 * Locatiegegevens".  When the whole joined a defined_terms concept (customer
 * data, personal data), each listed part joins it too: "Beacon may use
 * Delivery Records ..." uses the customer's data.  Transitively (a part that
 * lists parts of its own), a few levels deep.
 *
 * A member is a defined term (no party) that stands as an item of the
 * definition's enumeration: after the term's own mention, right after the
 * start, a comma, "and"/"or", "including", "means", a colon or an opening
 * bracket (past an article or "all"), and followed by the end, a punctuation
 * mark or "and"/"or"; so "Alert content" (a noun follows) and "data about the
 * use of the Platform" (a preposition precedes) name no member.  Nothing after
 * an exclusion ("excluding Service Data", "other than", "met uitzondering
 * van", "behalve") and nothing in a negation, an exception or a relative
 * clause counts, nor a term the document also writes in lower case ("a trade
 * secret"); a part's definition naming the whole changes nothing for the
 * whole. */
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

#define S_MAX_ROUNDS 4

static int S_in(const char *f, const char *const *list)
{
	for (; f && *list; list++)
		if (!strcmp(f, *list))
			return 1;
	return 0;
}

/* words an item of the enumeration may follow */
static const char *const S_before[] = {
	",", ";", ":", "(", "and", "or", "en", "including", "includes", "include", "inclusief",
	"waaronder", "alsmede", "evenals", "means", "mean", "betekent", "omvat", "omvatten",
	"comprises", "comprising", "namely", "namelijk", "plus", "well", /* "as well as" */
	"as", "zowel", "weten", /* "te weten" */ "limitation", /* "including without limitation" */ NULL};
/* words an item may be followed by */
static const char *const S_after[] = {"and", "or", "en", "as", "alsmede", "evenals", "plus", NULL};
/* what may stand between the separator and the item */
static const char *const S_dets[] = {"the", "all", "any", "de", "het", "alle", NULL};
/* after these, the items are what the definition leaves out */
static const char *const S_excl[] = {
	"excluding", "except", "excepting", "excludes", "exclude", "other", "but", "not", "niet",
	"behalve", "uitgezonderd", "uitzondering", "exclusief", "anders", NULL};

static uint32_t S_words(const char *fold)
{
	uint32_t n = 1;
	for (const char *p = fold; p && *p; p++)
		n += *p == ' ';
	return n;
}

/* 1 when concept c is among the first n of l */
static int S_has(const int32_t *l, uint32_t n, int32_t c)
{
	for (uint32_t i = 0; l && i < n; i++)
		if (l[i] == c)
			return 1;
	return 0;
}

/* Adds the concepts of the -1 terminated list `from` to term u's list; 1 when
 * it grew, 0 when not, -1 out of memory. */
static int S_add(tl_match *m, uint32_t u, const int32_t *from)
{
	uint32_t have = 0, more = 0;
	while (m->term_concepts[u] && m->term_concepts[u][have] >= 0)
		have++;
	for (const int32_t *c = from; *c >= 0; c++)
		more += !S_has(m->term_concepts[u], have, *c);
	if (!more)
		return 0;
	int32_t *nl = realloc(m->term_concepts[u], (have + more + 1) * sizeof *nl);
	if (!nl)
		return -1;
	uint32_t n = have;
	for (const int32_t *c = from; *c >= 0; c++)
		if (!S_has(nl, n, *c))
			nl[n++] = *c;
	nl[n] = -1;
	m->term_concepts[u] = nl;
	return 1;
}

/* 1 when token k of s, a mention of term u, is an item of the enumeration
 * that starts at token lo. */
static int S_item(const tl_annotated *a, const tl_sentence *s, uint32_t lo, uint32_t k, uint32_t u)
{
	const tl_token *t = s->tok;
	/* not in a negation, an exception or a relative clause ("alle gegevens die de
	 * Gemeente, rechthebbenden of uitvaartondernemers invoeren": who enters them) */
	if (t[k].flags & (TL_TOK_NEG_SCOPE | TL_TOK_IN_EXC | TL_TOK_SUBORD))
		return 0;
	uint32_t p = k, skipped = 0;
	while (p > lo && skipped < 2 && S_in(t[p - 1].fold, S_dets))
		p--, skipped++;
	int left = p == lo || (p > lo && (S_in(t[p - 1].fold, S_before) ||
	                                  (s->lang == TL_LANG_NL && !strcmp(t[p - 1].fold, "of"))));
	if (!left)
		return 0;
	/* after "and"/"en"/"or", the left conjunct is an item too, not the end of a
	 * prepositional phrase: "de gegevens van overledenen en rechthebbenden"; and a
	 * list of parties is one of who, not of what ("the Municipality, Inspectors") */
	static const char *const conj[] = {"and", "or", "en", "of", ",", NULL};
	if (p >= lo + 2 && S_in(t[p - 1].fold, conj) && (t[p - 2].flags & TL_TOK_PARTY))
		return 0;
	static const char *const prep[] = {"of", "van", "from", "uit", "about", "over", "by", "door",
	                                   "for", "voor", "with", "met", "per", "on", "op", "in", NULL};
	if (p > lo && S_in(t[p - 1].fold, conj) && strcmp(t[p - 1].fold, ","))
		for (uint32_t x = p - 1; x-- > lo;) {
			const char *f = t[x].fold;
			if (!strcmp(f, ",") || !strcmp(f, ";") || !strcmp(f, ":") || !strcmp(f, "("))
				break;
			if (S_in(f, prep) && !(s->lang == TL_LANG_NL && !strcmp(f, "of")))
				return 0;
		}
	uint32_t e = k + S_words(a->terms[u].fold);
	return e >= s->ntok || (t[e].flags & TL_TOK_PUNCT) || S_in(t[e].fold, S_after) ||
	       (s->lang == TL_LANG_NL && !strcmp(t[e].fold, "of"));
}

/* One round over every term that joined a concept: its listed members join
 * it too, when lower[member] is 0.  1 when something changed, 0 when not, -1
 * out of memory. */
static int S_round(tl_match *m, const uint8_t *lower)
{
	const tl_annotated *a = m->a;
	int changed = 0;
	for (uint32_t t = 0; t < a->nterms; t++) {
		const tl_term *tm = &a->terms[t];
		if (!m->term_concepts[t] || tm->role != TL_ROLE_NONE || tm->def_sentence < 0 ||
		    (uint32_t)tm->def_sentence >= a->nsent)
			continue;
		/* the definition's units: the sentence and its coordinated parts */
		const tl_sentence *d0 = &a->sent[tm->def_sentence];
		for (uint32_t si = (uint32_t)tm->def_sentence; si < a->nsent; si++) {
			const tl_sentence *s = &a->sent[si];
			if (s->para != d0->para || s->quote_start != d0->quote_start)
				break;
			uint32_t lo = 0;
			if (si == (uint32_t)tm->def_sentence) {
				while (lo < s->ntok && s->tok[lo].term != (int32_t)t)
					lo++;
				if (lo >= s->ntok)
					break; /* the term is not mentioned where it is defined */
				lo += S_words(tm->fold);
				/* '"X": ...', '"X" means ...', "X betekent ..." */
				while (lo < s->ntok && (s->tok[lo].flags & TL_TOK_PUNCT) && strcmp(s->tok[lo].fold, "("))
					lo++;
			}
			int stop = 0;
			for (uint32_t k = lo; k < s->ntok && !stop; k++) {
				const tl_token *x = &s->tok[k];
				if (S_in(x->fold, S_excl)) {
					stop = 1;
					break;
				}
				if (x->term < 0 || (uint32_t)x->term >= a->nterms || x->term == (int32_t)t)
					continue;
				uint32_t u = (uint32_t)x->term;
				if (a->terms[u].role != TL_ROLE_NONE || lower[u] || !S_item(a, s, lo, k, u))
					continue;
				int r = S_add(m, u, m->term_concepts[t]);
				if (r < 0)
					return -1;
				changed |= r;
			}
			if (stop)
				break;
		}
	}
	return changed;
}

int tl_match_join_members(tl_match *m)
{
	const tl_annotated *a = m->a;
	if (!m->term_concepts || !a->nterms)
		return 0;
	/* a term the document also writes in lower case ("disclosing a trade secret")
	 * is an ordinary word there as well: only a term always written as defined
	 * joins through a list */
	uint8_t *lower = calloc(a->nterms, 1);
	if (!lower)
		return -1;
	for (uint32_t i = 0; i < a->nsent; i++)
		for (uint32_t k = 0; k < a->sent[i].ntok; k++) {
			const tl_token *x = &a->sent[i].tok[k];
			if (x->term >= 0 && (uint32_t)x->term < a->nterms && !(x->flags & TL_TOK_CAPITAL))
				lower[x->term] = 1;
		}
	int r = 0;
	for (int round = 0; round < S_MAX_ROUNDS && (r = S_round(m, lower)) > 0; round++)
		;
	free(lower);
	return r < 0 ? -1 : 0;
}
