/* disapply.c: clauses of the document that another part of it declares
 * inapplicable or replaced.
 *
 * A contract made of layers (the municipality's special conditions over the
 * vendor's subscription terms, an amendment over the agreement) switches
 * clauses of the lower layer off by number: "Section 12 of Part B (Limitation
 * of Liability) does not apply", "Sections 12 and 14 of the Subscription Terms
 * do not apply", "Section 14 is replaced by ...", "Artikel 9 van de Algemene
 * Voorwaarden is niet van toepassing op deze Overeenkomst", "Notwithstanding
 * section 14 of Part B, Dutch law applies".  The sentences of such a clause no
 * longer say what the parties agreed: they get TL_SENT_DISAPPLIED and
 * TL_SENT_NONOPERATIVE, so rules and context tags do not count them (as a
 * framework article the contract deviates from no longer counts).
 *
 * Narrow on purpose:
 * - the reference is a clause word and number(s) in the declaring sentence's
 *   main clause (not in an "if"/"unless" part);
 * - "does not apply" must end the sentence (or be followed by "to this
 *   Agreement" / "op deze Overeenkomst"): "does not apply to Candidate Data",
 *   "is niet van toepassing indien ..." switch a clause off only in part and
 *   change nothing;
 * - a named part ("of Part B", "van de Algemene Voorwaarden") must be a clause
 *   or heading of this document (by label or title) that does not hold the
 *   declaring sentence; a part the document does not contain (the GIBIT as a
 *   framework) changes nothing here (frameworks.c records it as a deviation);
 * - "notwithstanding" / "in afwijking van" overrides only with a named part:
 *   within one text it is an exception to a rule that goes on applying;
 * - without a named part the number must name exactly one clause, and not the
 *   one the declaration stands in. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/annot_int.h"
#include "analyze/polclass.h"
#include "model/doc.h"

#define S_MAXREF 8
/* declarations looked up per document: each costs a pass over the clause list,
 * so a hostile file of many thousands of them stays linear */
#define S_MAXDECL 256

const char *const tl_pol_ref_words[] = {
	"clause", "clauses", "section", "sections", "article", "articles", "artikel", "artikelen",
	"art", "bepaling", "bepalingen", "paragraph", "paragraphs", "paragraaf", NULL};
static const char *const S_dets[] = {"the", "de", "het", NULL};
static const char *const S_own[] = {"this", "these", "deze", "dit", NULL};

/* predicates that switch the whole clause off, and must end the sentence */
static const char *const S_off[] = {
	"does|do|shall|will not apply", "is|are not applicable", "shall|will not be applicable",
	"is|are hereby deleted|disapplied|excluded", "is|are deleted|disapplied|removed|excluded",
	"shall|will be deleted|disapplied", "is|zijn niet van toepassing",
	"is|zijn op deze overeenkomst niet van toepassing", "geldt|gelden niet", "vervalt|vervallen",
	"komt|komen te vervallen", "is|zijn vervallen", "wordt|worden geschrapt",
	"is|zijn geschrapt", NULL};
/* predicates that replace the clause: what follows is the new text */
static const char *const S_replaced[] = {
	"is|are replaced|superseded by", "is|are hereby replaced|superseded by",
	"shall|will be replaced|superseded by", "is|are replaced in its|their entirety by",
	"wordt|worden vervangen door", "wordt|worden hierbij vervangen door",
	/* the new text after a colon: "Section 16 of the Service Terms is replaced: this
	 * Agreement is governed by Dutch law" */
	"is|are replaced|superseded :", "is|are hereby replaced|superseded :",
	"is|are amended as follows", "is|are amended to read", "wordt|worden vervangen :",
	"wordt|worden gewijzigd als volgt", "komt|komen te luiden", NULL};
/* what may follow "does not apply": the contract itself */
static const char *const S_off_tail[] = {
	"to|for this|the agreement|contract|order|agreements",
	"to|for this|the order form", "op|voor deze|de overeenkomst|opdracht|raamovereenkomst|nadere",
	"in its|their entirety", "in zijn|haar|hun geheel", NULL};
static const char *const S_override[] = {"notwithstanding", "in afwijking van", NULL};

/* Lower-case ASCII copy of a label without a leading clause word or a
 * trailing dot ("Artikel 12." -> "12", "Part B" -> "part b"). */
static void S_norm(const char *in, char *out, size_t size)
{
	static const char *const lead[] = {"artikel ", "article ", "art. ", "section ", "clause ",
	                                   "bepaling ", "paragraph ", "paragraaf ", "\xc2\xa7", NULL};
	size_t n = 0;
	for (; in && *in && n + 1 < size; in++)
		out[n++] = (char)tolower((unsigned char)*in);
	out[n] = '\0';
	for (const char *const *l = lead; *l; l++) {
		size_t ll = strlen(*l);
		if (!strncmp(out, *l, ll)) {
			memmove(out, out + ll, strlen(out + ll) + 1);
			break;
		}
	}
	n = strlen(out);
	while (n > 0 && (out[n - 1] == '.' || out[n - 1] == ' '))
		out[--n] = '\0';
	while (out[0] == ' ')
		memmove(out, out + 1, strlen(out));
}

/* 1 when clause c holds paragraph p. */
static int S_holds(const tl_clause *c, int32_t p)
{
	return p >= c->first_para && p <= c->last_para;
}

/* The part named by `name` (folded words joined by spaces): a clause whose
 * label is the name ("Part B", "Deel B"), else the highest-level clause whose
 * title holds it ("TalentHarbor Subscription Terms (version 2026-07)"), that
 * does not hold paragraph p; -1 when there is none. */
static int32_t S_part(const tl_clause *cl, size_t ncl, const char *name, int32_t p)
{
	size_t nl = strlen(name);
	int32_t by_title = -1;
	for (size_t k = 0; k < ncl; k++) {
		if (S_holds(&cl[k], p))
			continue;
		char lab[128], tit[512];
		S_norm(cl[k].label, lab, sizeof lab);
		if (cl[k].label && !strcmp(lab, name))
			return (int32_t)k;
		if (!cl[k].title || (by_title >= 0 && cl[by_title].level <= cl[k].level))
			continue;
		S_norm(cl[k].title, tit, sizeof tit);
		for (const char *h = strstr(tit, name); h; h = strstr(h + 1, name))
			if ((h == tit || !isalnum((unsigned char)h[-1])) && !isalnum((unsigned char)h[nl])) {
				by_title = (int32_t)k;
				break;
			}
	}
	return by_title;
}

/* The clause numbered `num` inside part (or anywhere when part is -1): the
 * highest-level one; -1 when there is none, or, without a part, more than one
 * at that level. */
static int32_t S_numbered(const tl_clause *cl, size_t ncl, int32_t part, const char *num)
{
	int32_t best = -1, dup = 0;
	for (size_t k = 0; k < ncl; k++) {
		if (part >= 0 && (k == (size_t)part || !S_holds(&cl[part], cl[k].first_para)))
			continue;
		char lab[128];
		if (!cl[k].label)
			continue;
		S_norm(cl[k].label, lab, sizeof lab);
		if (strcmp(lab, num) != 0)
			continue;
		if (best < 0 || cl[k].level < cl[best].level) {
			best = (int32_t)k;
			dup = 0;
		} else if (cl[k].level == cl[best].level) {
			dup = 1;
		}
	}
	return best >= 0 && dup && part < 0 ? -1 : best;
}

typedef struct {
	const char *num[S_MAXREF];
	uint32_t nnum;
	char part[128]; /* folded name of the part, "" when none */
	uint32_t end;   /* token after the reference */
} S_ref;

/* Skips a title in parentheses at tok[*k] ("(Limitation of Liability)");
 * 0 when a parenthesis opens and does not close soon. */
static int S_skip_title(const tl_token *tok, uint32_t n, uint32_t *k)
{
	if (*k >= n || !tl_tok_is(&tok[*k], "("))
		return 1;
	uint32_t e = *k + 1;
	while (e < n && e < *k + 12 && !tl_tok_is(&tok[e], ")"))
		e++;
	if (e >= n || !tl_tok_is(&tok[e], ")"))
		return 0;
	*k = e + 1;
	return 1;
}

/* A clause reference at tok[i]: "Section 12", "Sections 12 and 14", "clause 12
 * (Limitation of Liability)", then "of Part B" / "van de Algemene Voorwaarden".
 * Returns 1 when there is one. */
static int S_reference(const tl_token *tok, uint32_t n, uint32_t i, S_ref *r, int or_of)
{
	memset(r, 0, sizeof *r);
	if (!tl_tok_in(&tok[i], tl_pol_ref_words))
		return 0;
	uint32_t k = i + 1;
	if (k < n && tl_tok_is(&tok[k], "."))
		k++; /* "art. 12" */
	while (k < n && (tok[k].flags & TL_TOK_NUMBER) && r->nnum < S_MAXREF) {
		r->num[r->nnum++] = tok[k].fold;
		k++;
		if (k + 1 < n && (tl_tok_is(&tok[k], ",") || tl_tok_is(&tok[k], "and") ||
		                  tl_tok_is(&tok[k], "en")) &&
		    (tok[k + 1].flags & TL_TOK_NUMBER))
			k++;
	}
	if (!r->nnum)
		return 0;
	if (!S_skip_title(tok, n, &k))
		return 0;
	/* or_of: the Dutch "artikel 5 of 4" is "5 or 4", no part named "4" */
	if (k < n && (tl_tok_is(&tok[k], "of") || tl_tok_is(&tok[k], "van")) &&
	    !(or_of && k + 1 < n && (tok[k + 1].flags & TL_TOK_NUMBER))) {
		uint32_t j = k + 1;
		if (j < n && tl_tok_in(&tok[j], S_own)) {
			/* "of this Agreement", "van deze Overeenkomst": the document itself */
			j++;
			if (j < n && !(tok[j].flags & TL_TOK_PUNCT))
				j++;
			k = j;
		} else {
			if (j < n && tl_tok_in(&tok[j], S_dets))
				j++;
			size_t len = 0;
			uint32_t w = 0;
			/* a name: capitalised words, letters and numbers ("Part B", "the Customer
			 * Terms", "de Algemene Voorwaarden"), up to the predicate */
			for (; j < n && w < 5 && !(tok[j].flags & TL_TOK_PUNCT) &&
			       ((tok[j].flags & (TL_TOK_CAPITAL | TL_TOK_NUMBER)) || strlen(tok[j].fold) == 1) &&
			       !tl_ph_list_at(tok, n, j, S_off, NULL) &&
			       !tl_ph_list_at(tok, n, j, S_replaced, NULL) && !tl_tok_is(&tok[j], "of");
			     j++, w++) {
				size_t fl = strlen(tok[j].fold);
				if (len + fl + 2 >= sizeof r->part)
					return 0;
				if (len)
					r->part[len++] = ' ';
				memcpy(r->part + len, tok[j].fold, fl);
				len += fl;
				r->part[len] = '\0';
			}
			if (!len)
				return 0;
			k = j;
		}
		if (!S_skip_title(tok, n, &k))
			return 0;
	}
	r->end = k;
	return 1;
}

/* 1 when only a label ("S4.1", "3.2", "(b)"), punctuation, an article or
 * `skip` tokens of an override phrase come before tok[i]: the reference is the
 * subject ("Section 12 of Part B does not apply"), not a place inside it ("The
 * optional docking clause in Clause 7 does not apply"). */
static int S_at_start(const tl_token *tok, uint32_t i, uint32_t skip)
{
	for (uint32_t k = 0; k + skip < i; k++) {
		const char *f = tok[k].fold;
		if ((tok[k].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)) || tl_tok_in(&tok[k], S_dets) ||
		    (k == 0 && f && strpbrk(f, "0123456789")) ||
		    (k <= 1 && f && strlen(f) == 1)) /* "(b)" */
			continue;
		return 0;
	}
	return 1;
}

/* Whether the declaration at tok[i..] switches the referenced clauses off:
 * the reference is followed by a predicate of S_off that ends the sentence,
 * or one of S_replaced; or it follows "notwithstanding" / "in afwijking van"
 * and names a part. */
static int S_declares(const tl_token *tok, uint32_t n, uint32_t i, const S_ref *r)
{
	uint32_t k = r->end, m;
	if (S_at_start(tok, i, 0) && (m = tl_ph_list_at(tok, n, k, S_replaced, NULL)) > 0)
		return 1;
	/* a clause the document's own numbering may not mean (the EU Standard Contractual
	 * Clauses' "Clause 7 does not apply" in a DPA): only in a part it names */
	if (S_at_start(tok, i, 0) && r->part[0] && (m = tl_ph_list_at(tok, n, k, S_off, NULL)) > 0) {
		k += m;
		if ((m = tl_ph_list_at(tok, n, k, S_off_tail, NULL)) > 0)
			k += m;
		return k >= n || tl_tok_is(&tok[k], ".") || tl_tok_is(&tok[k], ";") ||
		       (k + 1 < n && tl_tok_is(&tok[k], ",") &&
		        (tl_tok_is(&tok[k + 1], "and") || tl_tok_is(&tok[k + 1], "en")));
	}
	/* "Notwithstanding section 14 of Part B, ...", "In afwijking van artikel 9 van Deel B ..." */
	for (uint32_t b = 3; b >= 1; b--)
		if (i >= b && tl_ph_list_at(tok, n, i - b, S_override, NULL) == b)
			return r->part[0] != '\0' && S_at_start(tok, i, b) ? 2 : 0;
	return 0;
}

static int S_add(tl_ann_ctx *c, tl_disapplied **list, uint32_t *nlist, uint32_t *cap,
                 int32_t clause, uint32_t sentence)
{
	for (uint32_t k = 0; k < *nlist; k++)
		if ((*list)[k].clause == clause)
			return 0;
	(void)c;
	if (*nlist == *cap) {
		uint32_t nc = *cap ? *cap * 2 : 8;
		tl_disapplied *g = realloc(*list, nc * sizeof *g);
		if (!g)
			return TL_ENOMEM;
		*list = g;
		*cap = nc;
	}
	(*list)[(*nlist)++] = (tl_disapplied){clause, (int32_t)sentence};
	return 0;
}

/* ---- an override names its topic ---------------------------------------- */

/* Words of a declaration that say nothing about its topic: the contract and its
 * parts, the parties' common nouns, and "applies" ("Notwithstanding clause 14 of the Terms, Dutch law
 * applies"). */
static const char *const S_generic[] = {
	"agreement", "agreements", "contract", "terms", "conditions", "general", "order", "form",
	"part", "parts", "schedule", "annex", "appendix", "provision", "provisions", "apply",
	"applies", "applicable", "notwithstanding", "overeenkomst", "voorwaarden", "algemene",
	"deel", "bijlage", "bepaling", "bepalingen", "afwijking", "geldt", "gelden", "toepassing",
	"toepasselijk", "supplier", "vendor", "provider", "customer", "municipality", "council",
	"opdrachtnemer", "opdrachtgever", "leverancier", "gemeente", "afnemer", NULL};

#define S_MAXTOPIC 24

/* A token of sentence s that may name a topic: a word that is no function
 * word, name of a party, negator, modal, number or reference word. */
static int S_topic_word(const tl_sentence *s, uint32_t k)
{
	const tl_token *t = &s->tok[k];
	if (!t->word || t->word->lang || !t->stem || !t->stem[0] ||
	    (t->flags & (TL_TOK_PUNCT | TL_TOK_NUMBER | TL_TOK_NEGATOR | TL_TOK_MODAL)) ||
	    tl_tok_in(t, S_generic) || tl_tok_in(t, tl_pol_ref_words))
		return 0;
	/* a party's name or defined term ("Bookwell", "the Supplier"), not a kind of
	 * third party ("subprocessors") */
	return !(t->flags & TL_TOK_PARTY) || !((t->flags & TL_TOK_CAPITAL) || t->term >= 0);
}

/* 1 when a word of clause k has the stem of one of the topic words. */
static int S_shares(const tl_annotated *a, const tl_clause *k, const char *const *topic,
                    uint32_t ntopic)
{
	for (int32_t p = k->first_para; p <= k->last_para && (size_t)p < a->npara; p++)
		for (uint32_t x = a->para_sent[p]; x < a->para_sent[p + 1]; x++)
			for (uint32_t j = 0; j < a->sent[x].ntok; j++) {
				if (!S_topic_word(&a->sent[x], j))
					continue;
				for (uint32_t q = 0; q < ntopic; q++)
					if (!strcmp(a->sent[x].tok[j].stem, topic[q]))
						return 1;
			}
	return 0;
}

/* "Notwithstanding clause 14 of the Service Terms, this Agreement is governed by
 * Dutch law": of clause 14's sub-clauses ("14.1 Irish law", "14.2 assignment",
 * "14.3 precedence") only those that share a topic word (its stem) with the
 * declaration outside the reference (tok[from..to)) are overridden.  Adds them
 * and gives their number; 0 (the whole clause goes, as before) when clause t has
 * fewer than two sub-clauses, or none or all of them share one. */
static int S_override_children(tl_ann_ctx *c, const tl_clause *cl, size_t ncl, int32_t t,
                               const tl_sentence *s, uint32_t from, uint32_t to,
                               uint32_t si, tl_disapplied **list, uint32_t *nlist,
                               uint32_t *cap, int *rc)
{
	const tl_annotated *a = c->a;
	const char *topic[S_MAXTOPIC];
	uint32_t ntopic = 0;
	for (uint32_t k = 0; k < s->ntok && ntopic < S_MAXTOPIC; k++)
		if ((k < from || k >= to) && S_topic_word(s, k))
			topic[ntopic++] = s->tok[k].stem;
	if (!ntopic)
		return 0;
	uint32_t nchild = 0, nshare = 0;
	for (size_t k = (size_t)t + 1; k < ncl && cl[k].first_para <= cl[t].last_para; k++) {
		if (cl[k].parent != t)
			continue;
		nchild++;
		nshare += S_shares(a, &cl[k], topic, ntopic);
	}
	if (nchild < 2 || nshare == 0 || nshare == nchild)
		return 0;
	/* the same walk again, adding the sharing sub-clauses */
	int added = 0;
	for (size_t k = (size_t)t + 1; k < ncl && cl[k].first_para <= cl[t].last_para && !*rc; k++) {
		if (cl[k].parent != t)
			continue;
		if (S_shares(a, &cl[k], topic, ntopic) && !S_holds(&cl[k], s->para)) {
			*rc = S_add(c, list, nlist, cap, (int32_t)k, si);
			added++;
		}
	}
	return added;
}

/* ---- requirement rows rewritten by an answer ------------------------------ */

/* "Eis BP-4 wordt gewijzigd in: ...", "Requirement GG-4 is amended to read:
 * ...": a Nota van Inlichtingen answer that rewrites a row of a requirements
 * table by its ID.  The row's cells no longer count; the new text after the
 * colon is a unit of its own (split.c) and counts where it stands. */
static const char *const S_row_words[] = {"eis", "requirement", "wens", "wish", "vraag",
                                          "question", NULL};
static const char *const S_row_rewritten[] = {
	"wordt|worden gewijzigd|veranderd in", "komt|komen te luiden", "wordt|worden vervangen door",
	"is|are amended|changed to read", "is|are amended|changed to", "is|are replaced by",
	"shall read", NULL};

/* The ID at tok[i]: letters, a dash, a number ("BP-4"), or letters and a
 * number in one token ("A12"); its text into id (the paragraph's own bytes).
 * Returns the number of tokens, or 0. */
static uint32_t S_row_id(const tl_para *para, const tl_token *tok, uint32_t n, uint32_t i,
                         char *id, size_t size)
{
	uint32_t m = 0;
	if (i + 2 < n && !(tok[i].flags & TL_TOK_PUNCT) && tl_tok_is(&tok[i + 1], "-") &&
	    (tok[i + 2].flags & TL_TOK_NUMBER) && tok[i + 1].start == tok[i].end &&
	    tok[i + 2].start == tok[i + 1].end)
		m = 3;
	else if (i < n && (tok[i].flags & TL_TOK_CAPITAL) && strpbrk(tok[i].fold, "0123456789"))
		m = 1;
	if (!m || !(tok[i].flags & TL_TOK_CAPITAL))
		return 0;
	size_t len = tok[i + m - 1].end - tok[i].start;
	if (len + 1 > size)
		return 0;
	memcpy(id, para->text + tok[i].start, len);
	id[len] = '\0';
	return m;
}

/* Marks the cells of the table row whose cell reads `id`, but the declaring
 * sentence; 1 when there was one. */
static int S_row_off(tl_annotated *a, const char *id, uint32_t decl)
{
	size_t np;
	const tl_para *paras = tl_document_paras(a->doc, &np);
	for (size_t p = 0; p < np && p < a->npara; p++) {
		if (paras[p].kind != TL_PARA_CELL || strcmp(paras[p].text, id) != 0)
			continue;
		for (size_t q = 0; q < np && q < a->npara; q++) {
			if (paras[q].kind != TL_PARA_CELL || paras[q].table != paras[p].table ||
			    paras[q].row != paras[p].row || paras[q].part != paras[p].part)
				continue;
			for (uint32_t si = a->para_sent[q]; si < a->para_sent[q + 1]; si++)
				if (si != decl)
					a->sent[si].flags |= TL_SENT_DISAPPLIED | TL_SENT_NONOPERATIVE;
		}
		return 1;
	}
	return 0;
}

static void S_rows_mark(tl_annotated *a)
{
	size_t np;
	const tl_para *paras = tl_document_paras(a->doc, &np);
	uint32_t ndecl = 0;
	int cells = 0; /* no table, no row to rewrite */
	for (size_t p = 0; p < np && !cells; p++)
		cells = paras[p].kind == TL_PARA_CELL;
	if (!cells)
		return;
	int32_t seen = -1, colon = 0;
	for (uint32_t si = 0; si < a->nsent && ndecl < S_MAXDECL; si++) {
		const tl_sentence *s = &a->sent[si];
		if ((s->flags & (TL_SENT_NONOPERATIVE | TL_SENT_HEADING)) || !a->para_operative[s->para] ||
		    paras[s->para].kind == TL_PARA_CELL)
			continue;
		/* the new text follows a colon: a paragraph without one declares nothing */
		if (s->para != seen) {
			seen = s->para;
			colon = memchr(paras[s->para].text, ':', paras[s->para].len) != NULL;
		}
		if (!colon)
			continue;
		for (uint32_t i = 0; i + 3 < s->ntok; i++) {
			/* the ID after the word starts with a capital: one flag test spares the
			 * word lookup at almost every token */
			if (!(s->tok[i + 1].flags & TL_TOK_CAPITAL) || !tl_tok_in(&s->tok[i], S_row_words))
				continue;
			char id[32];
			uint32_t m = S_row_id(&paras[s->para], s->tok, s->ntok, i + 1, id, sizeof id);
			uint32_t len = m ? tl_ph_list_at(s->tok, s->ntok, i + 1 + m, S_row_rewritten, NULL) : 0;
			if (!len || i + 1 + m + len >= s->ntok || !tl_tok_is(&s->tok[i + 1 + m + len], ":"))
				continue;
			ndecl++;
			S_row_off(a, id, si);
		}
	}
}

/* ---- references to numbered clauses (a->xref) ------------------------------ */

/* references kept per document: a clause heading is looked up once per
 * reference, so a hostile file of many thousands of them stays cheap */
#define S_MAXXREF 512

/* "clauses 4 or 5", "artikel 4 of 5", "clauses 3 to 5", "artikelen 3 tot en met 5":
 * the numbers S_reference stopped before, added to r (a range of up to ten) */
static void S_more_numbers(const tl_token *tok, uint32_t n, S_ref *r, char *buf, size_t size)
{
	static const char *const to[] = {"to", "through", "tot en met", "t/m", "-", NULL};
	uint32_t k = r->end;
	size_t used = 0;
	while (k + 1 < n && r->nnum < S_MAXREF) {
		uint32_t m = 0;
		if (tl_tok_is(&tok[k], "or") || tl_tok_is(&tok[k], "of") || tl_tok_is(&tok[k], ",") ||
		    tl_tok_is(&tok[k], "and") || tl_tok_is(&tok[k], "en")) {
			if (!(tok[k + 1].flags & TL_TOK_NUMBER))
				break;
			r->num[r->nnum++] = tok[k + 1].fold;
			k += 2;
			continue;
		}
		if ((m = tl_ph_list_at(tok, n, k, to, NULL)) && k + m < n && (tok[k + m].flags & TL_TOK_NUMBER)) {
			/* a range of whole numbers: "3 to 5" */
			char *e1, *e2;
			long a = strtol(r->num[r->nnum - 1], &e1, 10), b = strtol(tok[k + m].fold, &e2, 10);
			if (*e1 || *e2 || b <= a || b - a > 10)
				break;
			for (long x = a + 1; x <= b && r->nnum < S_MAXREF && used + 8 < size; x++) {
				int w = snprintf(buf + used, size - used, "%ld", x);
				r->num[r->nnum++] = buf + used;
				used += (size_t)w + 1;
			}
			k += m + 1;
			continue;
		}
		break;
	}
	r->end = k;
}

/* The clauses' labels, normalised once into a hash table, so a reference finds
 * its clause without reading every label (S_numbered does) */
typedef struct {
	char lab[24];
	int32_t clause;
	uint32_t next; /* the next label with the same text + 1, 0 at the end */
} S_lab;

typedef struct {
	const tl_clause *cl;
	size_t ncl, npara;
	tl_xref *list;
	uint32_t nlist, cap, nparts;
	S_lab *labs;
	uint32_t *slot; /* label index + 1, 0 for empty; mask + 1 slots */
	uint32_t mask;
	int built;
} S_xrefs;

static uint32_t S_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* S_norm for the usual label ("4", "5.2.", "12.a") without its copies */
static void S_norm_fast(const char *in, char *out, size_t size)
{
	if (!(in[0] >= '0' && in[0] <= '9')) {
		S_norm(in, out, size);
		return;
	}
	size_t n = 0;
	for (; in[n] && n + 1 < size; n++)
		out[n] = (char)tolower((unsigned char)in[n]);
	out[n] = '\0';
	while (n > 0 && (out[n - 1] == '.' || out[n - 1] == ' '))
		out[--n] = '\0';
}

static int S_labels(S_xrefs *x)
{
	x->built = 1;
	size_t n = 0, size = 16;
	while (size < x->ncl * 2)
		size *= 2;
	x->labs = malloc((x->ncl ? x->ncl : 1) * sizeof *x->labs);
	x->slot = calloc(size, sizeof *x->slot);
	if (!x->labs || !x->slot)
		return TL_ENOMEM;
	x->mask = (uint32_t)size - 1;
	for (size_t k = 0; k < x->ncl; k++) {
		char lab[128];
		if (!x->cl[k].label)
			continue;
		S_norm_fast(x->cl[k].label, lab, sizeof lab);
		if (strlen(lab) >= sizeof x->labs->lab)
			continue; /* no clause number is that long */
		if (!(lab[0] >= '0' && lab[0] <= '9'))
			continue; /* a reference names a number */
		strcpy(x->labs[n].lab, lab);
		x->labs[n].clause = (int32_t)k;
		/* one slot per text, its clauses chained (many lists restart at "1") */
		uint32_t h = S_hash(lab) & x->mask;
		while (x->slot[h] && strcmp(x->labs[x->slot[h] - 1].lab, lab) != 0)
			h = (h + 1) & x->mask;
		x->labs[n].next = x->slot[h];
		x->slot[h] = (uint32_t)++n;
	}
	return 0;
}

/* S_numbered through the hash table: the same answer */
static int32_t S_numbered_fast(const S_xrefs *x, int32_t part, const char *num)
{
	const tl_clause *cl = x->cl;
	int32_t best = -1, same = 0;
	uint32_t h = S_hash(num) & x->mask;
	while (x->slot[h] && strcmp(x->labs[x->slot[h] - 1].lab, num) != 0)
		h = (h + 1) & x->mask;
	for (uint32_t e = x->slot[h]; e; e = x->labs[e - 1].next) {
		int32_t k = x->labs[e - 1].clause;
		if (part >= 0 && (k == part || !S_holds(&cl[part], cl[k].first_para)))
			continue;
		if (best < 0 || cl[k].level < cl[best].level) {
			best = k;
			same = 1;
		} else if (cl[k].level == cl[best].level) {
			same++;
			best = k < best ? k : best;
		}
	}
	return best >= 0 && same > 1 && part < 0 ? -1 : best;
}

/* A reference at s->tok[i] to numbered clauses of this document, added to x;
 * 0 or TL_ENOMEM. */
static int S_xref_at(S_xrefs *x, const tl_sentence *s, uint32_t si, uint32_t i)
{
	S_ref r;
	if (x->nlist >= S_MAXXREF || !S_reference(s->tok, s->ntok, i, &r, 1))
		return 0;
	char more[S_MAXREF * 8];
	if (!r.part[0])
		S_more_numbers(s->tok, s->ntok, &r, more, sizeof more);
	uint32_t end = r.end;
	/* "article 13 GIBIT 2020": another document's article */
	if (!r.part[0] && end < s->ntok && (s->tok[end].flags & TL_TOK_CAPITAL) &&
	    !(s->tok[end].flags & TL_TOK_PUNCT))
		return 0;
	int32_t part = -1;
	if (r.part[0] && (x->nparts++ >= S_MAXDECL || (part = S_part(x->cl, x->ncl, r.part, s->para)) < 0))
		return 0; /* a part this document does not hold */
	if (!x->built && S_labels(x) != 0)
		return TL_ENOMEM;
	for (uint32_t k = 0; k < r.nnum; k++) {
		int32_t t = S_numbered_fast(x, part, r.num[k]);
		if (t < 0 || S_holds(&x->cl[t], s->para) || x->cl[t].first_para < 0 ||
		    (size_t)x->cl[t].first_para >= x->npara)
			continue;
		if (x->nlist == x->cap) {
			uint32_t nc = x->cap ? x->cap * 2 : 16;
			tl_xref *nv = realloc(x->list, nc * sizeof *nv);
			if (!nv)
				return TL_ENOMEM;
			x->list = nv;
			x->cap = nc;
		}
		x->list[x->nlist++] = (tl_xref){si, i, end, t};
	}
	return 0;
}

int tl_disapply_mark(tl_ann_ctx *c)
{
	tl_annotated *a = c->a;
	size_t ncl;
	S_rows_mark(a);
	const tl_clause *cl = tl_document_clauses(a->doc, &ncl);
	if (!cl || ncl == 0)
		return 0;
	tl_disapplied *list = NULL;
	uint32_t nlist = 0, cap = 0;
	int rc = 0;
	uint32_t ndecl = 0;
	S_xrefs xr;
	memset(&xr, 0, sizeof xr);
	xr.cl = cl;
	xr.ncl = ncl;
	tl_document_paras(a->doc, &xr.npara);
	for (uint32_t si = 0; si < a->nsent && !rc && ndecl < S_MAXDECL; si++) {
		const tl_sentence *s = &a->sent[si];
		/* no reference word in the unit (the classes of its words, or'ed by
		 * polarity): most units end here */
		if ((s->flags & (TL_SENT_NONOPERATIVE | TL_SENT_HEADING | TL_SENT_DEFINITION)) ||
		    !a->para_operative[s->para] || !(s->pclass & TL_PC_REF))
			continue;
		const tl_token *tok = s->tok;
		uint32_t n = s->ntok;
		for (uint32_t i = 0; i + 1 < n && !rc; i++) {
			/* a reference has its number next, or after a dot ("art. 12"): on
			 * to the first i with a number at i + 1 or i + 2, which spares the
			 * word lookup at almost every token */
			uint32_t j = i + 1;
			while (j < n && !(tok[j].flags & TL_TOK_NUMBER))
				j++;
			if (j >= n)
				break;
			if (j > i + 2)
				i = j - 2;
			if (!tl_tok_in(&s->tok[i], tl_pol_ref_words))
				continue;
			/* any reference, also in a subordinate part, may lend its clause's heading */
			if ((rc = S_xref_at(&xr, s, si, i)) != 0)
				break;
			if (s->tok[i].flags & (TL_TOK_SUBORD | TL_TOK_IN_EXC))
				continue;
			S_ref r;
			int how;
			if (!S_reference(s->tok, s->ntok, i, &r, 0) || !(how = S_declares(s->tok, s->ntok, i, &r)) ||
			    ndecl++ >= S_MAXDECL)
				continue;
			int32_t part = -1;
			if (r.part[0] && (part = S_part(cl, ncl, r.part, s->para)) < 0)
				continue; /* a part this document does not hold */
			for (uint32_t k = 0; k < r.nnum && !rc; k++) {
				int32_t t = S_numbered(cl, ncl, part, r.num[k]);
				if (t < 0 || S_holds(&cl[t], s->para))
					continue;
				/* an override takes only the sub-clauses on its topic */
				if (how == 2 && r.nnum == 1 &&
				    S_override_children(c, cl, ncl, t, s, i, r.end, si, &list, &nlist, &cap, &rc))
					continue;
				if (!rc)
					rc = S_add(c, &list, &nlist, &cap, t, si);
			}
			i = r.end > i ? r.end - 1 : i;
		}
	}
	if (!rc && nlist) {
		a->dis = tl_arena_calloc(&a->arena, nlist, sizeof *a->dis);
		if (!a->dis)
			rc = TL_ENOMEM;
		else {
			memcpy(a->dis, list, nlist * sizeof *list);
			a->ndis = nlist;
		}
	}
	free(list);
	if (!rc && xr.nlist) {
		a->xref = tl_arena_calloc(&a->arena, xr.nlist, sizeof *a->xref);
		if (!a->xref)
			rc = TL_ENOMEM;
		else {
			memcpy(a->xref, xr.list, xr.nlist * sizeof *xr.list);
			a->nxref = xr.nlist;
		}
	}
	free(xr.list);
	free(xr.labs);
	free(xr.slot);
	if (rc)
		return rc;
	/* the declarations themselves stay: only the clauses they name go */
	for (uint32_t k = 0; k < a->ndis; k++) {
		const tl_clause *t = &cl[a->dis[k].clause];
		for (int32_t p = t->first_para; p <= t->last_para && (size_t)p < a->npara; p++)
			for (uint32_t si = a->para_sent[p]; si < a->para_sent[p + 1]; si++)
				if ((int32_t)si != a->dis[k].sentence)
					a->sent[si].flags |= TL_SENT_DISAPPLIED | TL_SENT_NONOPERATIVE;
	}
	return 0;
}

