/* contexts.c: context tags (personal-data, sensors, ...) with their evidence.
 *
 * A tag is set by a concept mention in an operative sentence, outside the
 * scope of a negation or prohibition (TL_TOK_NEG_SCOPE): "het portaal past
 * geen biometrische technieken toe" does not make a camera contract.  Headings count (an
 * article titled "Cameratoezicht" is good evidence), and so does a Dutch
 * introduction ("1. Inleiding"), which binds nobody but says what the
 * contract is for; guidance, tables of contents and comments do not, nor does
 * a party's own name ("Beacon" for Beacon Alert ApS is no beacon). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/doc.h"
#include "rules/rules.h"

/* The sentence takes something out of the contract's scope: "Ontwikkeling van
 * programmatuur op maat valt buiten deze Overeenkomst", "Camera's maken geen deel
 * uit van de Dienst", "Custom development is outside the scope of this
 * Agreement": what it names is not what the contract is about. */
static int S_out_of_scope(const tl_sentence *s)
{
	static const char *const ph[][4] = {
	    {"valt", "buiten", NULL},        {"vallen", "buiten", NULL},
	    {"buiten", "de", "reikwijdte", NULL}, {"maakt", "geen", "deel", NULL},
	    {"maken", "geen", "deel", NULL}, {"outside", "the", "scope", NULL},
	    {"excluded", "from", "the", NULL}, {"falls", "outside", NULL},
	    {"fall", "outside", NULL},       {"not", "form", "part", NULL},
	    {"out", "of", "scope", NULL},    {"not", "within", "the", NULL}};
	for (uint32_t k = 0; k < s->ntok; k++) {
		const char *f = s->tok[k].fold;
		/* only these letters start a phrase below */
		if (!f || !f[0] || !strchr("vbmoefn", f[0]))
			continue;
		for (size_t p = 0; p < sizeof ph / sizeof *ph; p++) {
			if (ph[p][0][0] != f[0])
				continue;
			uint32_t j = 0;
			while (ph[p][j] && k + j < s->ntok && s->tok[k + j].fold &&
			       !strcmp(s->tok[k + j].fold, ph[p][j]))
				j++;
			if (!ph[p][j])
				return 1;
		}
	}
	return 0;
}

/* An operative sentence counts, and so does one of an introduction: "De
 * tellingen komen in een door Opdrachtnemer gehost dashboard" under "1.
 * Inleiding" binds nobody, but says what the contract is about. */
static int S_counts(const tl_annotated *a, uint32_t i)
{
	const tl_sentence *s = &a->sent[i];
	int intro = a->para_intro && a->para_intro[s->para] && !(s->flags & TL_SENT_DISAPPLIED);
	if ((s->flags & TL_SENT_NONOPERATIVE) && !intro)
		return 0;
	if (a->para_operative && !a->para_operative[s->para] && !intro)
		return 0;
	return a->doc->paras[s->para].kind != TL_PARA_COMMENT;
}

/* 1 when occurrence x is a company's own name and nothing else: its tokens
 * are a party mention of a term that is the company's trade name (a short
 * name, or an alias its legal name starts with: "Beacon" for "Beacon Alert
 * ApS", "Camera Concepts" for "Camera Concepts B.V."): a name says who, not
 * what the contract is about.  Role words ("Verwerker", "Processor") still
 * count. */
static int S_party_name(const tl_annotated *a, const tl_sentence *sn, const tl_occ *x)
{
	if (x->tok_start >= x->tok_end || x->tok_end > sn->ntok)
		return 0;
	for (uint32_t k = x->tok_start; k < x->tok_end; k++)
		if (!(sn->tok[k].flags & TL_TOK_PARTY))
			return 0;
	if (!(sn->tok[x->tok_start].flags & TL_TOK_CAPITAL))
		return 0; /* "plaatst beacons": the word, whatever a term's stem matches */
	/* the term the mention belongs to: at the occurrence or just before it */
	for (uint32_t k = x->tok_start + 1; k-- > 0 && k + 4 > x->tok_start;) {
		int32_t t = sn->tok[k].term;
		if (t < 0 || (uint32_t)t >= a->nterms)
			continue;
		const tl_term *tm = &a->terms[t];
		if (tm->role == TL_ROLE_NONE || k + tm->nwords < x->tok_end)
			return 0; /* no party, or a term that does not cover the occurrence */
		if ((tm->flags & TL_TERM_SHORT) || (!tm->name && tl_legal_form(tm->term)))
			return 1; /* a short name, or the legal name itself ("Camera Concepts B.V.") */
		size_t l = strlen(tm->term);
		return tm->name && l >= 3 && !strncmp(tm->name, tm->term, l) && tm->name[l] == ' ';
	}
	return 0;
}

/* Whether sentence s mentions a concept of d's "none" (anywhere in it). */
static int S_cancelled(const tl_match *m, uint32_t s, const tl_context_def *d)
{
	for (uint32_t o = m->occ_start[s]; d->nnone && o < m->occ_start[s + 1]; o++)
		for (uint32_t k = 0; k < d->nnone; k++)
			if (m->occ[o].concept == d->none[k])
				return 1;
	return 0;
}

/* Whether sentence s mentions a concept of d outside a negation's scope. */
static int S_mentions(const tl_match *m, uint32_t s, const tl_context_def *d)
{
	const tl_sentence *sn = &m->a->sent[s];
	if (S_cancelled(m, s, d))
		return 0;
	for (uint32_t o = m->occ_start[s]; o < m->occ_start[s + 1]; o++) {
		const tl_occ *x = &m->occ[o];
		int any = 0;
		for (uint32_t k = 0; k < d->nany && !any; k++)
			any = x->concept == d->any[k];
		if (any && !(x->tok_start < sn->ntok && (sn->tok[x->tok_start].flags & TL_TOK_NEG_SCOPE)) &&
		    !S_party_name(m->a, sn, x))
			return 1;
	}
	return 0;
}

static void S_count(tl_ctx_state *st, uint32_t s)
{
	st->mentions++;
	if (st->nev < 3)
		st->ev[st->nev++] = (int32_t)s;
}

/* Every context's mentions in one pass over the sentences: each concept
 * carries the set of contexts it belongs to (up to 64 contexts). */
static int S_eval_masks(tl_match *m)
{
	const tl_ruleset *rs = m->rs;
	const tl_annotated *a = m->a;
	if (rs->ncontexts > 64)
		return -1;
	/* mask[concept]: the contexts it sets; mask[nconcepts + 1 + concept]: those it cancels */
	uint64_t *mask = calloc(2 * (size_t)rs->nconcepts + 2, sizeof *mask), *cancels = mask + rs->nconcepts + 1;
	if (!mask)
		return -1;
	for (uint32_t c = 0; c < rs->ncontexts; c++) {
		for (uint32_t k = 0; k < rs->contexts[c].nany; k++)
			if (rs->contexts[c].any[k] >= 0 && (uint32_t)rs->contexts[c].any[k] < rs->nconcepts)
				mask[rs->contexts[c].any[k]] |= (uint64_t)1 << c;
		for (uint32_t k = 0; k < rs->contexts[c].nnone; k++)
			if (rs->contexts[c].none[k] >= 0 && (uint32_t)rs->contexts[c].none[k] < rs->nconcepts)
				cancels[rs->contexts[c].none[k]] |= (uint64_t)1 << c;
	}
	for (uint32_t s = 0; s < a->nsent; s++) {
		if (!S_counts(a, s))
			continue;
		const tl_sentence *sn = &a->sent[s];
		uint64_t hit = 0, cancel = 0;
		for (uint32_t o = m->occ_start[s]; o < m->occ_start[s + 1]; o++) {
			const tl_occ *x = &m->occ[o];
			if (x->concept < 0 || (uint32_t)x->concept >= rs->nconcepts)
				continue;
			cancel |= cancels[x->concept];
			/* the party-name test only for a concept some context takes (most are none) */
			if (mask[x->concept] &&
			    !(x->tok_start < sn->ntok && (sn->tok[x->tok_start].flags & TL_TOK_NEG_SCOPE)) &&
			    !S_party_name(a, sn, x))
				hit |= mask[x->concept];
		}
		hit &= ~cancel;
		if (hit && S_out_of_scope(sn))
			continue;
		for (uint32_t c = 0; hit; c++, hit >>= 1)
			if (hit & 1)
				S_count(&m->ctx[c], s);
	}
	free(mask);
	return 0;
}

void tl_contexts_eval(tl_match *m, const char *const *force, int force_all)
{
	const tl_ruleset *rs = m->rs;
	const tl_annotated *a = m->a;
	int done = S_eval_masks(m) == 0;
	for (uint32_t c = 0; c < rs->ncontexts; c++) {
		const tl_context_def *d = &rs->contexts[c];
		tl_ctx_state *st = &m->ctx[c];
		for (uint32_t s = 0; !done && s < a->nsent; s++)
			if (S_counts(a, s) && S_mentions(m, s, d) && !S_out_of_scope(&a->sent[s]))
				S_count(st, s);
		st->set = st->mentions >= (uint32_t)d->min_mentions;
		if (force_all) {
			st->set = 1;
			st->forced = 1;
		}
		for (const char *const *f = force; f && *f; f++) {
			int off = (*f)[0] == '!';
			if (strcmp(*f + off, d->tag) != 0)
				continue;
			st->set = !off;
			st->forced = off ? -1 : 1;
		}
	}
}
