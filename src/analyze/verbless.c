/* verbless.c: units without any verb or modal (TL_SENT_VERBLESS), and
 * lists of requests whose verbless items are not contract text.
 *
 * "H.6 All inbound and outbound IP licenses, ..., with each agreement
 * marked ..." names what is asked for; it states nothing and binds no one.
 * A unit is verbless when it has no modal cue, no auxiliary and no word of
 * its main clause looks like a finite verb; a list item that continues a
 * lead-in ("Opdrachtnemer zal:") has the lead-in's verb and is never
 * verbless.  In a list of requests (a run of at least three list items,
 * most of them verbless, under a title or heading that speaks of requests:
 * "Request List", "Informatieverzoek", "aan te leveren") the verbless items
 * are not operative.  Elsewhere verbless items stay operative: a list of
 * data categories in an annex is evidence of what the contract covers. */
#include <string.h>

#include "analyze/polclass.h"

static const char *const S_request_words[] = {
	"request", "requests", "requested", "checklist", "verzoek", "verzoeken", "informatieverzoek",
	"opvragen", "aanleveren", "vragenlijst", "questionnaire", NULL};

static int S_main(const tl_token *t)
{
	return !(t->flags & (TL_TOK_SUBORD | TL_TOK_IN_EXC | TL_TOK_PUNCT | TL_TOK_NUMBER));
}

/* 1 when unit s has a verb or a modal in its main clause.  In a list of
 * requests a word after the "subject" proves nothing: "customer contracts". */
static int S_has_verb(const tl_sentence *s, int in_requests)
{
	for (uint32_t i = 0; i < s->ntok; i++) {
		const tl_token *t = &s->tok[i];
		if (t->flags & TL_TOK_MODAL)
			return 1;
		if (!S_main(t))
			continue;
		const char *f = t->fold;
		size_t l = t->word ? t->word->len : strlen(f);
		uint32_t cls = tl_polclass(t);
		if (s->lang == TL_LANG_NL) {
			if ((cls & TL_PC_VNLAUX) || tl_pol_nl_verb(t))
				return 1;
			continue;
		}
		/* "required to be filed": an infinitive is no finite verb */
		if ((cls & TL_PC_VENAUX) && !(i > 0 && !strcmp(s->tok[i - 1].fold, "to")))
			return 1;
		/* "provides the", "agrees to", "tracks all": a third-person verb before its
		 * object; a plural noun ("agreements,", "reports and") is not followed so */
		if (l >= 4 && f[l - 1] == 's' && f[l - 2] != 's' && f[l - 2] != '\'' &&
		    !(t->flags & TL_TOK_CAPITAL) && !(cls & TL_PC_VENNOT) && i + 1 < s->ntok &&
		    ((tl_polclass(&s->tok[i + 1]) & TL_PC_VENDETS) || (s->tok[i + 1].flags & TL_TOK_PARTY) ||
		     (!in_requests && i > 0 && (s->tok[i - 1].flags & TL_TOK_SUBJECT))))
			return 1; /* ... or right after the subject: "The Supplier declares that" */
		/* outside a list of requests: "no provision requires adjudication", "Partner grants
		 * GitHub", "we need ..." (a plural noun ends a list item: "agreements,") */
		if (!in_requests && l >= 4 && f[l - 1] == 's' && f[l - 2] != 's' && f[l - 2] != '\'' &&
		    !(t->flags & TL_TOK_CAPITAL) && !(cls & TL_PC_VENNOT) && i > 0 &&
		    i + 1 < s->ntok && !(tl_polclass(&s->tok[i - 1]) & TL_PC_VENDETS) &&
		    !(s->tok[i + 1].flags & TL_TOK_PUNCT) && !tl_ph_at(s->tok, s->ntok, i + 1, "and|or|of"))
			return 1;
		/* a bare verb before its object: "provide a notice", "disclose the data", "govern
		 * your participation" (a noun is rarely followed by a determiner) */
		if (!in_requests && i + 1 < s->ntok && !(t->flags & TL_TOK_CAPITAL) &&
		    !(cls & TL_PC_VPREPS) && (tl_polclass(&s->tok[i + 1]) & TL_PC_VDETAFTER) &&
		    S_main(&s->tok[i + 1]))
			return 1;
		if (!in_requests && i > 0 && tl_ph_at(s->tok, s->ntok, i - 1, "we|you|they|i|it|wij|u") &&
		    !(t->flags & TL_TOK_CAPITAL))
			return 1;
	}
	return 0;
}

static int S_para_is_list(const tl_para *p)
{
	return (p->flags & TL_PARA_F_LIST) || p->list_level > 0;
}

static int S_para_asks(const tl_ann_ctx *c, size_t p)
{
	const tl_ann_para *pt = &c->pt[p];
	for (uint32_t i = 0; i < pt->ntok && i < 40; i++)
		if (tl_tok_in(&pt->tok[i], S_request_words) ||
		    tl_ph_at(pt->tok, pt->ntok, i, "aan te leveren|verstrekken") ||
		    tl_ph_at(pt->tok, pt->ntok, i, "please provide"))
			return 1;
	return 0;
}

/* 1 when a heading above paragraph p (the nearest one, or the document's
 * title: its first heading) asks for documents. */
static int S_under_request_heading(const tl_ann_ctx *c, size_t p)
{
	int nearest = 1;
	for (size_t q = p; q-- > 0;) {
		const tl_para *h = &c->paras[q];
		if (h->kind != TL_PARA_HEADING && h->outline <= 0)
			continue;
		if (nearest && S_para_asks(c, q))
			return 1;
		nearest = 0;
	}
	for (size_t q = 0; q < c->npara && q < p; q++)
		if (c->paras[q].kind == TL_PARA_HEADING || c->paras[q].outline > 0)
			return S_para_asks(c, q);
	return 0;
}

/* 1 when unit s has no modal cue and no verb: in a list of requests also an
 * item the cue-less present-tense rule read as an obligation ("F.2 Top 20
 * customer contracts by revenue"). */
static int S_verbless(const tl_sentence *s, int in_requests)
{
	if (!s->ntok || s->lead_para != (uint32_t)s->para)
		return 0;
	if (s->modality != TL_MOD_STATEMENT && !in_requests)
		return 0;
	return !S_has_verb(s, in_requests);
}

/* 1 when the paragraphs before p (the nearest that is no list item, or a
 * heading above it, or the document's first paragraph: its title) ask for
 * documents. */
static int S_request_context(const tl_ann_ctx *c, size_t p)
{
	for (size_t q = p; q-- > 0;) {
		const tl_para *h = &c->paras[q];
		if (h->kind == TL_PARA_HEADING || h->outline > 0 || !S_para_is_list(h)) {
			if (S_para_asks(c, q))
				return 1;
			break;
		}
	}
	return S_under_request_heading(c, p) || (p > 0 && S_para_asks(c, 0));
}

int tl_verbless_unit(const tl_sentence *s) { return S_verbless(s, 0); }

void tl_verbless_mark(tl_ann_ctx *c)
{
	tl_annotated *a = c->a;
	/* runs of list paragraphs: the verbless items of a list of requests */
	for (size_t p = 0; p < c->npara;) {
		if (!S_para_is_list(&c->paras[p])) {
			p++;
			continue;
		}
		size_t e = p, items = 0, verbless = 0;
		for (; e < c->npara && S_para_is_list(&c->paras[e]); e++) {
			uint32_t s0 = a->para_sent[e], s1 = a->para_sent[e + 1];
			if (s0 == s1)
				continue;
			items++;
			int all = 1;
			for (uint32_t k = s0; k < s1 && all; k++)
				all = S_verbless(&a->sent[k], 1);
			verbless += (size_t)all;
		}
		if (items >= 3 && verbless * 3 >= items * 2 && S_request_context(c, p))
			for (uint32_t k = a->para_sent[p]; k < a->para_sent[e]; k++) {
				tl_sentence *s = &a->sent[k];
				if (!S_verbless(s, 1))
					continue;
				/* a requested item binds no one */
				s->flags |= TL_SENT_VERBLESS | TL_SENT_NONOPERATIVE;
				s->flags &= ~TL_SENT_NEGATED;
				s->modality = TL_MOD_STATEMENT;
				s->bound = TL_ROLE_NONE;
				s->subject = -1;
				for (uint32_t i = 0; i < s->ntok; i++)
					s->tok[i].flags &= ~TL_TOK_SUBJECT;
			}
		p = e;
	}
}
