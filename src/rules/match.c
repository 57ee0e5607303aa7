/* match.c: compiled rules against an annotated document.
 *
 * 1. Concept occurrences per sentence (prefilter scan, party mentions,
 *    defined terms whose definition joined a concept).
 * 2. Context tags (contexts.c) and each rule's applicability.
 * 3. Patterns reached through the concepts present (trigger lists): per
 *    sentence, and per clause for scope "clause" (patterns.c).
 * 4. The status decision of docs/ruleset-format.md, also_met_by, then
 *    incorporated frameworks (frameworks.c). */
#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/doc.h"
#include "rules/rules.h"
#include "util/buf.h"
#include "util/task.h"

int tl_match_sentence_counts(const tl_annotated *a, uint32_t i)
{
	const tl_sentence *s = &a->sent[i];
	/* a definition says what a word means, not what a party must do: it
	 * counts through defined_terms, never as a clause of its own */
	if (s->flags & (TL_SENT_NONOPERATIVE | TL_SENT_HEADING | TL_SENT_DEFINITION))
		return 0;
	if (a->para_operative && !a->para_operative[s->para])
		return 0;
	const tl_para *p = &a->doc->paras[s->para];
	if (p->kind == TL_PARA_COMMENT)
		return 0;
	/* a question binds no one: questionnaires and assessment templates ("Hoe wordt
	 * rekening gehouden met bias?", "Who will use the AI system?") are not clauses */
	uint32_t e = s->quote_end <= p->len ? s->quote_end : (uint32_t)p->len;
	while (e > s->quote_start && (p->text[e - 1] == ' ' || p->text[e - 1] == ')' || p->text[e - 1] == '"'))
		e--;
	return !(e > s->quote_start && p->text[e - 1] == '?');
}

/** ## Occurrences */

/* A growing list of occurrences (one per thread of S_occurrences). */
typedef struct S_occs {
	tl_occ *occ;
	uint32_t n, cap;
	int fail;
} S_occs;

typedef struct S_scan {
	tl_match *m;
	S_occs *out;  /* occurrence scan: where they go */
	int32_t term; /* defined term being tested, or -1 */
	uint8_t *hit; /* definition scan: concepts found (1 in the head, 2 a definition head
	                 word there, 4 after the term outside a negation) */
	uint32_t lo, hi; /* definition scan: tokens where the definition's head may start */
	const tl_sentence *def; /* definition scan: the definition sentence */
	const tl_sentence *s; /* occurrence scan: the sentence being scanned */
	uint8_t *lend; /* heading scan: "by_reference" concepts found (S_lent) */
} S_scan;

/* "The Authority" where the document calls the customer so, "Authority Data"
 * as a defined term: the words are the contract's own names, not a public
 * authority, for a concept marked not_party. */
/* A defined name without its article: "de producent" names "Producent". */
static const char *S_no_article(const char *fold)
{
	static const char *const art[] = {"de ", "het ", "the ", NULL};
	for (size_t i = 0; art[i]; i++) {
		size_t l = strlen(art[i]);
		if (!strncmp(fold, art[i], l) && fold[l])
			return fold + l;
	}
	return fold;
}

static int S_own_name(const tl_annotated *an, const tl_sentence *s, uint32_t a, uint32_t b)
{
	for (uint32_t k = a; k < b && k < s->ntok; k++) {
		const tl_token *t = &s->tok[k];
		int own = t->term >= 0; /* starts a defined term: "Authority Data" */
		/* a party name the document itself defines, written as defined ("the
		 * Authority", not "a public authority"), not one of the usual names */
		for (uint32_t d = 0; !own && (t->flags & TL_TOK_PARTY) && (t->flags & TL_TOK_CAPITAL) &&
		                     d < an->nterms;
		     d++)
			own = an->terms[d].role != TL_ROLE_NONE && an->terms[d].fold &&
			      !strcmp(S_no_article(an->terms[d].fold), t->fold);
		if (!own)
			return 0;
	}
	return a < b;
}

/* A definition joins a concept when the concept heads it: "Telemetry" means
 * all data ..., "Gegevens": alle gegevens die ...  A concept mentioned later
 * ("Dienst: de SaaS-dienst waarmee Opdrachtnemer Gegevens verwerkt") is not
 * what the term is. */
#define TL_DEF_HEAD_WORDS 5

/* Room for n more occurrences in o (o->fail when there is none). */
static int S_reserve(S_occs *o, uint32_t n)
{
	if (o->fail)
		return -1;
	if (o->n + n <= o->cap)
		return 0;
	uint32_t na = o->cap ? o->cap : 1024;
	while (na < o->n + n && na <= UINT32_MAX / 2 / sizeof(tl_occ))
		na *= 2;
	tl_occ *nv = na >= o->n + n ? realloc(o->occ, (size_t)na * sizeof *nv) : NULL;
	if (!nv) {
		o->fail = 1;
		return -1;
	}
	o->occ = nv;
	o->cap = na;
	return 0;
}

static void S_push(const tl_match *m, S_occs *o, int32_t concept, uint32_t a, uint32_t b,
                   int32_t term)
{
	const tl_concept *c = &m->rs->concepts[concept];
	for (uint32_t k = 0; k < c->nanc; k++) {
		if (o->n == o->cap && S_reserve(o, 1) != 0)
			return;
		o->occ[o->n++] = (tl_occ){c->anc[k], a, b, term};
	}
}

/* A mention at [a, b) in a definition (from tok[lo]) denied by a negation, for
 * "defined_terms": "anywhere": "... dat geen algoritme gebruikt" is.  A term that
 * carries its own negator ("niet tot een persoon herleidbaar", "does not identify
 * any individual") is denied only by another negator between the head and it. */
static int S_denied_in_def(const tl_sentence *d, uint32_t lo, uint32_t a, uint32_t b)
{
	if (!(d->tok[a].flags & TL_TOK_NEG_SCOPE))
		return 0;
	int own = 0;
	for (uint32_t k = a; k < b && k < d->ntok && !own; k++)
		own = (d->tok[k].flags & TL_TOK_NEGATOR) != 0;
	if (!own)
		return 1;
	for (uint32_t k = lo; k < a; k++)
		if (d->tok[k].flags & TL_TOK_NEGATOR)
			return 1;
	return 0;
}

static void S_on_term(void *ud, const tl_rterm *t, uint32_t a, uint32_t b)
{
	S_scan *sc = ud;
	if (sc->m->rs->concepts[t->concept].by_reference) {
		if (sc->lend && !t->def_only)
			sc->lend[t->concept] = 1; /* in a referenced clause's heading */
		return; /* anywhere else no mention */
	}
	if (sc->lend)
		return;
	if (sc->hit) {
		if (a >= sc->lo && a < sc->hi)
			sc->hit[t->concept] |= t->def_only ? 2 : 1;
		/* for "defined_terms": "anywhere": named after the term, not denied
		 * ("het onderdeel ... dat aanvragen ... vergelijkt", not "zonder algoritmen") */
		if (a >= sc->lo && !t->def_only && sc->def && a < sc->def->ntok &&
		    !S_denied_in_def(sc->def, sc->lo, a, b))
			sc->hit[t->concept] |= 4;
		return;
	}
	if (t->def_only)
		return; /* a definition head ("information") is no mention of the concept */
	if (sc->s && sc->m->rs->concepts[t->concept].not_party && S_own_name(sc->m->a, sc->s, a, b))
		return;
	S_push(sc->m, sc->out, t->concept, a, b, -1);
}

static uint32_t S_term_words(const char *fold)
{
	uint32_t n = 1;
	for (const char *p = fold; p && *p; p++)
		n += *p == ' ';
	return n;
}

/* The first party a definition names after its term, within a few words, is
 * the customer alone: "all information the Municipality makes available",
 * "content uploaded by Customer", "informatie die Opdrachtgever verstrekt";
 * not "information either party discloses", not "materials that Provider
 * developed ... not unique to Customer". */
#define TL_DEF_OWNER_WORDS 10

static int S_names_customer(const tl_annotated *a, const tl_sentence *s, uint32_t from)
{
	uint32_t words = 0;
	for (uint32_t k = from; k < s->ntok && words < TL_DEF_OWNER_WORDS; k++) {
		if (s->tok[k].flags & TL_TOK_PARTY)
			return tl_annot_token_role(a, s, k) == TL_ROLE_CUSTOMER;
		if (s->tok[k].fold && (!strcmp(s->tok[k].fold, "either") || !strcmp(s->tok[k].fold, "each") ||
		                       !strcmp(s->tok[k].fold, "beide") || !strcmp(s->tok[k].fold, "elke")))
			return 0;
		words += !(s->tok[k].flags & TL_TOK_PUNCT);
	}
	return 0;
}

/* The token after the indefinite article that opens the noun phrase an alias
 * at tok[k] names ("a Tree Inspection App developed for the Municipality (the
 * \"App\")"), or 0: the alias follows "(" within six tokens, and the article
 * comes after the last comma, parenthesis, colon or semicolon before it. */
static uint32_t S_thing_before(const tl_sentence *s, uint32_t k)
{
	if (k >= s->ntok)
		return 0;
	uint32_t p = k; /* "(the \"App\")", "(hierna: de \"Koppeling\")" */
	while (p > 0 && p + 6 > k && strcmp(s->tok[p - 1].fold, "(") != 0)
		p--;
	if (p == 0 || strcmp(s->tok[p - 1].fold, "(") != 0)
		return 0;
	for (uint32_t x = p - 1; x-- > 0;) {
		const char *f = s->tok[x].fold;
		if (!strcmp(f, ",") || !strcmp(f, ")") || !strcmp(f, ":") || !strcmp(f, ";"))
			return 0;
		if (!strcmp(f, "a") || !strcmp(f, "an") || !strcmp(f, "een"))
			return x + 1;
	}
	return 0;
}

/* Which defined_terms concepts each defined term's definition matches. */
static int S_join_terms(tl_match *m)
{
	const tl_annotated *a = m->a;
	const tl_ruleset *rs = m->rs;
	if (!a->nterms)
		return 0;
	m->term_concepts = calloc(a->nterms, sizeof *m->term_concepts);
	uint8_t *hit = calloc(rs->nconcepts, 1);
	if (!m->term_concepts || !hit) {
		free(hit);
		return -1;
	}
	S_scan sc = {m, NULL, -1, hit, 0, 0, NULL, NULL, NULL};
	for (uint32_t t = 0; t < a->nterms; t++) {
		const tl_term *tm = &a->terms[t];
		if (tm->role != TL_ROLE_NONE || tm->def_sentence < 0 || (uint32_t)tm->def_sentence >= a->nsent)
			continue;
		const tl_sentence *ds = &a->sent[tm->def_sentence];
		/* the head: the first few words after the term's own mention */
		uint32_t k = 0, words = 0;
		while (k < ds->ntok && ds->tok[k].term != (int32_t)t)
			k++;
		/* an alias after the thing it names ("The Contractor develops an interface
		 * between ... (the \"Permit Interface\")"): its definition is the noun phrase
		 * the indefinite article before the parenthesis opens */
		uint32_t thing = 0; /* the alias may be a later mention: "een koppeling ... (de \"Koppeling\")" */
		for (uint32_t j = k; j < ds->ntok && !thing; j++)
			if (ds->tok[j].term == (int32_t)t)
				thing = S_thing_before(ds, j);
		k = thing ? thing : k < ds->ntok ? k + S_term_words(tm->fold) : 0;
		sc.lo = k;
		while (k < ds->ntok && words < TL_DEF_HEAD_WORDS)
			words += !(ds->tok[k++].flags & TL_TOK_PUNCT);
		sc.hi = k;
		sc.def = ds;
		memset(hit, 0, rs->nconcepts);
		tl_index_scan(rs, a, ds, S_on_term, &sc);
		/* a definition head joins only a definition of the customer's own things
		 * ("all information the Municipality makes available"), not "all
		 * information either party discloses" */
		int customer = -1;
		uint32_t n = 0;
		for (uint32_t c = 0; c < rs->nconcepts; c++) {
			/* a mention past the head counts only for "anywhere" */
			if (rs->concepts[c].defined_terms != TL_DEFTERMS_ANYWHERE)
				hit[c] &= 3;
			else if (hit[c] & 4)
				hit[c] = 1;
			if (hit[c] == 2 && rs->concepts[c].defined_terms) {
				if (customer < 0)
					customer = S_names_customer(a, ds, sc.lo);
				hit[c] = (uint8_t)customer;
			}
			n += hit[c] && rs->concepts[c].defined_terms;
		}
		if (!n)
			continue;
		m->term_concepts[t] = malloc((n + 1) * sizeof(int32_t));
		if (!m->term_concepts[t]) {
			free(hit);
			return -1;
		}
		n = 0;
		for (uint32_t c = 0; c < rs->nconcepts; c++)
			if (hit[c] && rs->concepts[c].defined_terms)
				m->term_concepts[t][n++] = (int32_t)c;
		m->term_concepts[t][n] = -1;
	}
	free(hit);
	return 0;
}

/* What the references to numbered clauses lend (a->xref): for reference k, the
 * "by_reference" concepts found in its clause's heading, conc[start[k],
 * start[k + 1]).  Empty when the ruleset has no such concept. */
typedef struct S_lent {
	uint32_t *start;
	int32_t *conc;
} S_lent;

/* The lent concepts of every reference: each referenced heading scanned once
 * (references are capped by the annotation, S_MAXXREF); 0, or -1 when out of
 * memory. */
/* 1 when hit[c .. c + 8) are all 0 and c is a multiple of eight. */
static inline int S_none8(const uint8_t *hit, uint32_t c, uint32_t n)
{
	uint64_t z;
	if ((c & 7) || c + 8 > n)
		return 0;
	memcpy(&z, hit + c, sizeof z);
	return z == 0;
}

static int S_lent_find(const tl_match *m, S_lent *l)
{
	const tl_annotated *a = m->a;
	const tl_ruleset *rs = m->rs;
	memset(l, 0, sizeof *l);
	if (!a->nxref)
		return 0;
	int any = 0;
	for (uint32_t c = TL_CONCEPT_FIRST_USER; c < rs->nconcepts && !any; c++)
		any = rs->concepts[c].by_reference;
	if (!any)
		return 0;
	size_t ncl, npara;
	const tl_clause *cl = tl_document_clauses(a->doc, &ncl);
	const tl_para *paras = tl_document_paras(a->doc, &npara);
	uint8_t *hit = calloc(rs->nconcepts, 1);
	l->start = calloc(a->nxref + 1, sizeof *l->start);
	uint32_t cap = 16, n = 0;
	l->conc = malloc(cap * sizeof *l->conc);
	/* per clause: its first reference + 1, or 0 */
	uint32_t *first = calloc(ncl + 1, sizeof *first);
	if (!hit || !l->start || !l->conc || !first)
		goto oom;
	S_scan sc = {(tl_match *)m, NULL, -1, NULL, 0, 0, NULL, NULL, hit};
	for (uint32_t k = 0; k < a->nxref; k++) {
		l->start[k] = n;
		int32_t t = a->xref[k].clause;
		uint32_t same = k; /* an earlier reference to the same clause: copy its list */
		if (t >= 0 && (size_t)t < ncl) {
			if (first[t])
				same = first[t] - 1;
			else
				first[t] = k + 1;
		} else {
			for (uint32_t j = 0; j < k && same == k; j++)
				if (a->xref[j].clause == t)
					same = j;
		}
		if (same < k) {
			for (uint32_t x = l->start[same]; x < l->start[same + 1]; x++) {
				if (n == cap) {
					int32_t *nv = realloc(l->conc, (cap *= 2) * sizeof *nv);
					if (!nv)
						goto oom;
					l->conc = nv;
				}
				l->conc[n++] = l->conc[x];
			}
			continue;
		}
		if (t < 0 || (size_t)t >= ncl || cl[t].first_para < 0 || (size_t)cl[t].first_para >= npara ||
		    paras[cl[t].first_para].kind != TL_PARA_HEADING)
			continue; /* only a heading lends: not the clause's body */
		memset(hit, 0, rs->nconcepts);
		int32_t hp = cl[t].first_para;
		for (uint32_t si = a->para_sent[hp]; si < a->para_sent[hp + 1]; si++)
			tl_index_scan(rs, a, &a->sent[si], S_on_term, &sc);
		for (uint32_t c = 0; c < rs->nconcepts; c++) {
			if (S_none8(hit, c, rs->nconcepts)) {
				c += 7; /* a heading names few concepts: eight at a time */
				continue;
			}
			if (!hit[c])
				continue;
			if (n == cap) {
				int32_t *nv = realloc(l->conc, (cap *= 2) * sizeof *nv);
				if (!nv)
					goto oom;
				l->conc = nv;
			}
			l->conc[n++] = (int32_t)c;
		}
	}
	l->start[a->nxref] = n;
	free(hit);
	free(first);
	return 0;
oom:
	free(hit);
	free(first);
	free(l->start);
	free(l->conc);
	memset(l, 0, sizeof *l);
	return -1;
}

/* Occurrences of sentences [k0, k1) into o; occ_start[i] is the index in o. */
typedef struct S_occ_part {
	tl_match *m;
	uint32_t k0, k1;
	S_occs o;
	const S_lent *lent;
	uint32_t *stamp; /* per concept: the sentence (+ 1) whose carried data it is (S_carry) */
	uint8_t *doc;    /* per concept: 1 when it occurs in the document's own text (S_occ_range) */
	uint8_t *any;    /* per concept: 1 when it occurs at all */
	int32_t ct[3];   /* the first defined term of the piece for the clause terms' concepts, or -1 */
	int ct_left;     /* how many of them are still -1 */
} S_occ_part;

/* An occurrence x of sentence s of one of the clause terms' concepts cc[]:
 * the defined term it is reached through, as the suggested clauses name their
 * terms (library.c: its own, or a defined term at its first token that names
 * no party), becomes that concept's term of the piece if it has none yet.
 * The number of concepts still without one. */
static int S_ct_note(S_occ_part *pt, const tl_annotated *a, const tl_sentence *s, const tl_occ *x,
                     const int32_t cc[3])
{
	int32_t term = x->term;
	if (term < 0) {
		const tl_token *t = &s->tok[x->tok_start];
		if (t->term >= 0 && (uint32_t)t->term < a->nterms && a->terms[t->term].role == TL_ROLE_NONE)
			term = t->term;
	}
	for (int k = 0; k < 3 && term >= 0; k++)
		if (pt->ct[k] < 0 && x->concept == cc[k]) {
			pt->ct[k] = term;
			pt->ct_left--;
		}
	return pt->ct_left;
}

/* The data an object pronoun refers to (carry.c, tl_match_carry_at): a
 * coordinated unit with "it"/"ze" at token k gets, at the pronoun, the
 * defined_terms concepts (kinds of data or party) of the unit before it,
 * o->occ[from, to), that it does not name itself, so "shall use Customer Data
 * only ..., shall not disclose it to any third party" is about Customer Data in
 * both units.  Chains carry on ("..., and shall delete it": the unit before's
 * own carried data count).  The other concepts on the words of that data go
 * with it ("U houdt uw inloggegevens geheim en deelt deze niet met derden":
 * "deze" is credentials, a subset of the data, as "inloggegevens" is); a party
 * mention does not.  Sentence i's own occurrences are o->occ[to, o->n). */
static void S_carry(const tl_match *m, S_occs *o, uint32_t from, uint32_t to, uint32_t k, uint32_t i,
                    uint32_t *stamp)
{
	const tl_ruleset *rs = m->rs;
	for (uint32_t x = to; x < o->n; x++)
		stamp[o->occ[x].concept] = i + 1;
	for (uint32_t x = from; x < to && !o->fail; x++) {
		int32_t c = o->occ[x].concept;
		if (stamp[c] == i + 1 || c == TL_CONCEPT_VENDOR || c == TL_CONCEPT_CUSTOMER)
			continue;
		if (!rs->concepts[c].defined_terms && !tl_match_on_data_words(rs, o->occ, from, to, &o->occ[x]))
			continue;
		uint32_t before = o->n;
		S_push(m, o, c, k, k + 1, o->occ[x].term);
		for (uint32_t y = before; y < o->n; y++)
			stamp[o->occ[y].concept] = i + 1;
	}
}

/* memo: the scanning thread's own (tl_index_memo_new), or NULL */
static void S_occ_range(S_occ_part *pt, tl_index_memo *memo)
{
	tl_match *m = pt->m;
	const tl_annotated *a = m->a;
	S_scan sc = {m, &pt->o, -1, NULL, 0, 0, NULL, NULL, NULL};
	uint32_t x = 0; /* the next reference to a numbered clause (a->xref, by sentence) */
	uint32_t own_end_prev = 0; /* the end of the sentence before's own occurrences (not carried) */
	const int32_t ct_concept[3] = {m->rs->data_concept, m->rs->personal_concept,
	                               m->rs->agreement_concept};
	int ct_left = 0; /* pt->ct_left, kept here: the stores to any[] and doc[] could alias it */
	for (int k = 0; k < 3; k++) {
		pt->ct[k] = -1;
		ct_left += ct_concept[k] >= 0;
	}
	pt->ct_left = ct_left;
	while (pt->lent && pt->lent->start && x < a->nxref && a->xref[x].sentence < pt->k0)
		x++;
	for (uint32_t i = pt->k0; i < pt->k1 && !pt->o.fail; i++) {
		const tl_sentence *s = &a->sent[i];
		m->occ_start[i] = pt->o.n;
		sc.s = s;
		tl_index_scan_memo(m->rs, a, s, memo, S_on_term, &sc);
		/* "a breach of clause 4" with "4. Data": the heading's by_reference concepts, at
		 * the reference */
		for (; pt->lent && pt->lent->start && x < a->nxref && a->xref[x].sentence == i; x++)
			for (uint32_t c = pt->lent->start[x]; c < pt->lent->start[x + 1]; c++)
				S_push(m, &pt->o, pt->lent->conc[c], a->xref[x].tok_start, a->xref[x].tok_end, -1);
		for (uint32_t k = 0; k < s->ntok; k++) {
			const tl_token *t = &s->tok[k];
			if (t->term >= 0 && (uint32_t)t->term < a->nterms && m->term_concepts &&
			    m->term_concepts[t->term]) {
				uint32_t len = S_term_words(a->terms[t->term].fold);
				for (const int32_t *c = m->term_concepts[t->term]; *c >= 0; c++)
					S_push(m, &pt->o, *c, k, k + len, t->term);
			}
			/* party mentions as the annotation layer marked them (defined terms,
			 * the usual names, "we" in a vendor's own terms) */
			if (!(t->flags & TL_TOK_PARTY) || (k && (s->tok[k - 1].flags & TL_TOK_PARTY)))
				continue;
			tl_role role = tl_annot_token_role(a, s, k);
			uint32_t e = k + 1;
			while (e < s->ntok && (s->tok[e].flags & TL_TOK_PARTY))
				e++;
			if (role == TL_ROLE_VENDOR || role == TL_ROLE_BOTH)
				S_push(m, &pt->o, TL_CONCEPT_VENDOR, k, e, -1);
			if (role == TL_ROLE_CUSTOMER || role == TL_ROLE_BOTH)
				S_push(m, &pt->o, TL_CONCEPT_CUSTOMER, k, e, -1);
		}
		/* an object pronoun carries the data of the unit before (S_carry); a part
		 * starts a paragraph (S_occurrences), so that unit is in this part */
		uint32_t own_end = pt->o.n;
		int32_t k;
		if (pt->stamp && i > pt->k0 && !pt->o.fail &&
		    (k = tl_match_carry_at(m, i, pt->o.occ, m->occ_start[i - 1], own_end_prev)) >= 0)
			S_carry(m, &pt->o, m->occ_start[i - 1], m->occ_start[i], (uint32_t)k, i, pt->stamp);
		own_end_prev = own_end;
		/* the concepts that occur, and those in the document's own text: operative
		 * sentences, headings and definitions (not guidance, not comments) */
		int own = !(s->flags & TL_SENT_NONOPERATIVE) &&
		          !(a->para_operative && !a->para_operative[s->para]) &&
		          a->doc->paras[s->para].kind != TL_PARA_COMMENT;
		const tl_occ *occ = pt->o.occ;
		uint8_t *any = pt->any, *doc = pt->doc;
		for (uint32_t o = m->occ_start[i], end = pt->o.n; o < end; o++) {
			int32_t c = occ[o].concept;
			any[c] = 1;
			if (own)
				doc[c] = 1;
			/* the clause terms: the first defined term of each of their concepts */
			if (ct_left && (c == ct_concept[0] || c == ct_concept[1] || c == ct_concept[2]))
				ct_left = S_ct_note(pt, a, s, &occ[o], ct_concept);
		}
	}
}

/* The occurrence scan in pieces that the threads take in turn (S_occurrences). */
#define S_OCC_PIECES 12

typedef struct S_occ_work {
	tl_match *m;
	const S_lent *lent;
	uint8_t *counts;                  /* per sentence: tl_match_sentence_counts (a side job) */
	uint32_t npiece;
	uint32_t bound[S_OCC_PIECES + 1]; /* piece p: sentences [bound[p], bound[p + 1]) */
	S_occs o[S_OCC_PIECES];           /* each piece's occurrences; occ_start counts within it */
	atomic_uint next;                 /* the next piece nobody has taken */
	uint32_t *stamp[2];               /* each thread's S_carry stamps (sentence + 1) */
	uint8_t *doc[2], *any[2];         /* each thread's concepts found (S_occ_part) */
	int32_t ct[S_OCC_PIECES][3];      /* each piece's clause terms (S_occ_part.ct) */
	/* the pieces put together in document order as they come (S_occ_done) */
	pthread_mutex_t mu;
	uint8_t done[S_OCC_PIECES];       /* under mu: piece p is scanned */
	uint32_t front;                   /* under mu: pieces [0, front) are in all */
	S_occs all;                       /* under mu: their occurrences */
} S_occ_work;

/* Piece p is scanned: every piece from the front on that is scanned goes to
 * the end of w->all (piece 0's array itself, then copies), its starts moved by
 * the occurrences before it (also when it found none: else they stay 0,
 * below the piece before's, and a scope across the cut reads backwards).
 * Whichever thread ends a piece does this, so the copies and the fresh pages
 * they touch are spread over the scan instead of following it, and a copied
 * piece's array is free for the pieces still to scan. */
static void S_occ_done(S_occ_work *w, uint32_t p)
{
	pthread_mutex_lock(&w->mu);
	w->done[p] = 1;
	for (; w->front < w->npiece && w->done[w->front]; w->front++) {
		uint32_t q = w->front;
		S_occs *o = &w->o[q];
		if (q == 0) {
			w->all = *o;
			*o = (S_occs){NULL, 0, 0, 0};
			continue;
		}
		S_occs *all = &w->all;
		if (o->fail || all->fail) {
			all->fail = 1;
		} else if (o->n && S_reserve(all, o->n) == 0) {
			memcpy(all->occ + all->n, o->occ, (size_t)o->n * sizeof *all->occ);
		}
		if (!all->fail) {
			for (uint32_t i = w->bound[q]; i < w->bound[q + 1]; i++)
				w->m->occ_start[i] += all->n;
			all->n += o->n;
		}
		free(o->occ);
		*o = (S_occs){NULL, 0, 0, 0};
	}
	pthread_mutex_unlock(&w->mu);
}

/* The side jobs, taken after the pieces by whichever thread is free first:
 * what the pattern pass needs and only the annotation gives (the sentences'
 * scope keys, key/value cells and unit counts), so that it is not worked out
 * on one thread after the scan. */
#define S_OCC_SIDE 3

static void S_occ_side(S_occ_work *w, unsigned job)
{
	tl_match *m = w->m;
	const tl_annotated *a = m->a;
	if (job == 0) {
		m->scope_keys = tl_match_scope_keys(a);
	} else if (job == 1) {
		m->key_of = tl_match_key_cells(a);
	} else {
		for (uint32_t i = 0; i < a->nsent; i++)
			w->counts[i] = (uint8_t)tl_match_sentence_counts(a, i);
	}
}

static void S_occ_take(S_occ_work *w, int t)
{
	tl_index_memo *memo = tl_index_memo_new(); /* NULL: scan without it */
	for (;;) {
		unsigned p = atomic_fetch_add(&w->next, 1u);
		if (p >= w->npiece + S_OCC_SIDE)
			break;
		if (p >= w->npiece) {
			S_occ_side(w, p - w->npiece);
			continue;
		}
		/* piece 0 starts with the room S_occurrences made for all of them */
		S_occ_part pt = {w->m,    w->bound[p], w->bound[p + 1], w->o[p], w->lent,
		                 w->stamp[t], w->doc[t], w->any[t], {-1, -1, -1}, 0};
		S_occ_range(&pt, memo);
		w->o[p] = pt.o;
		memcpy(w->ct[p], pt.ct, sizeof pt.ct);
		S_occ_done(w, p);
	}
	tl_index_memo_free(memo);
}

static void *S_occ_thread(void *arg)
{
	S_occ_take(arg, 1);
	return NULL;
}

/* With threads >= 2 the sentences are cut into S_OCC_PIECES pieces of about
 * as many tokens, each starting a paragraph (a unit's pronoun reads the unit
 * before it in the same paragraph, S_carry), and both threads take the next
 * piece until none is left: a fixed cut in two halves left one thread idle
 * for 1-2 ms of a 5 ms scan on bench-nl-600.docx, as sentences cost unequal
 * amounts and the other core is not always free.  The annotation and the
 * ruleset are only read; the pieces' occurrences are put together in
 * document order as they come (S_occ_done), so the result is the same as one
 * pass.  Piece 0's array starts with room for one occurrence a token (the
 * benchmark contracts have 0.5-0.8): only address space until written, and
 * the other pieces are copied into it without moving it. */
static int S_occurrences(tl_match *m, int threads, uint8_t *counts, uint8_t **any)
{
	*any = NULL;
	const tl_annotated *a = m->a;
	m->occ_start = malloc((a->nsent + 1) * sizeof *m->occ_start);
	if (!m->occ_start)
		return -1;
	S_occ_work *w = calloc(1, sizeof *w);
	S_lent lent;
	if (!w || S_lent_find(m, &lent) != 0) {
		free(w);
		return -1;
	}
	if (pthread_mutex_init(&w->mu, NULL) != 0) {
		free(w);
		free(lent.start);
		free(lent.conc);
		return -1;
	}
	w->m = m;
	w->lent = &lent;
	w->counts = counts;
	w->npiece = 1;
	if (threads >= 2 && a->nsent >= TL_MATCH_PAR_MIN) {
		uint64_t total = 0, seen = 0;
		for (uint32_t i = 0; i < a->nsent; i++)
			total += a->sent[i].ntok + 1;
		uint32_t i = 0;
		for (uint32_t p = 1; p < S_OCC_PIECES; p++) {
			while (i < a->nsent && seen * S_OCC_PIECES < total * p)
				seen += a->sent[i++].ntok + 1;
			while (i > 0 && i < a->nsent && a->sent[i].para == a->sent[i - 1].para)
				seen += a->sent[i++].ntok + 1;
			if (i >= a->nsent)
				break;
			if (i > w->bound[w->npiece - 1])
				w->bound[w->npiece++] = i;
		}
		if (w->npiece > 1 && total <= UINT32_MAX / 2 / sizeof(tl_occ)) {
			w->o[0].occ = malloc((size_t)total * sizeof(tl_occ));
			w->o[0].cap = w->o[0].occ ? (uint32_t)total : 0;
		}
	}
	w->bound[w->npiece] = a->nsent;
	size_t nc = m->rs->nconcepts ? m->rs->nconcepts : 1;
	int two = w->npiece > 1;
	for (int t = 0; t < 1 + two; t++) {
		w->stamp[t] = calloc(nc, sizeof(uint32_t));
		w->doc[t] = calloc(nc + 1, 1);
		w->any[t] = calloc(nc + 1, 1);
	}
	int fail = !w->stamp[0] || !w->doc[0] || !w->any[0] ||
	           (two && (!w->stamp[1] || !w->doc[1] || !w->any[1]));
	if (!fail) {
		tl_task *th;
		int started = two && tl_task_start(&th, S_occ_thread, w) == 0;
		S_occ_take(w, 0); /* without a thread, every piece here, in order */
		if (started)
			tl_task_join(th);
		m->side_done = 1;
	}
	fail |= w->front < w->npiece || w->all.fail;
	for (uint32_t p = 0; p < w->npiece; p++)
		free(w->o[p].occ);
	S_occs all = w->all;
	pthread_mutex_destroy(&w->mu);
	if (!fail && two)
		for (size_t c = 0; c < nc; c++) {
			w->doc[0][c] |= w->doc[1][c];
			w->any[0][c] |= w->any[1][c];
		}
	m->doc_concepts = w->doc[0];
	*any = w->any[0];
	/* the clause terms: each concept's from the first piece that has one */
	for (int k = 0; k < 3 && !fail; k++) {
		m->clause_terms[k] = -1;
		for (uint32_t p = 0; p < w->npiece && m->clause_terms[k] < 0; p++)
			m->clause_terms[k] = w->ct[p][k];
	}
	m->clause_terms_done = !fail;
	for (int t = 0; t < 2; t++)
		free(w->stamp[t]);
	free(w->doc[1]);
	free(w->any[1]);
	free(w);
	free(lent.start);
	free(lent.conc);
	m->occ = all.occ;
	m->nocc = all.n;
	m->aocc = all.cap;
	if (fail)
		return -1;
	m->occ_start[a->nsent] = m->nocc;
	return 0;
}

/** ## Decision */

static int S_ev_cmp(const void *x, const void *y)
{
	const tl_evidence *a = x, *b = y;
	return (a->sent > b->sent) - (a->sent < b->sent);
}

/* Evidence in document order, whichever scope found it first. */
static void S_sort_evidence(tl_match *m)
{
	for (uint32_t r = 0; r < m->rs->nrules; r++)
		for (int l = TL_LIST_MET; l <= TL_LIST_VIOLATED; l++)
			if (m->res[r].nev[l] > 1)
				qsort(m->res[r].ev[l], m->res[r].nev[l], sizeof(tl_evidence), S_ev_cmp);
}

/* any: per concept, 1 when it occurs in the document (S_occurrences) */
static int S_applicable(tl_match *m, const tl_rule *r, const uint8_t *any, int32_t *missing)
{
	*missing = -1;
	if (r->applies_always)
		return 1;
	int ok_any = 1, ok_all = 1;
	if (r->napp_any) {
		ok_any = 0;
		for (uint32_t i = 0; i < r->napp_any && !ok_any; i++)
			ok_any = m->ctx[r->app_any[i]].set;
		if (!ok_any)
			*missing = r->app_any[0];
	}
	for (uint32_t i = 0; i < r->napp_all && ok_all; i++)
		if (!m->ctx[r->app_all[i]].set) {
			ok_all = 0;
			*missing = r->app_all[i];
		}
	if (ok_any && ok_all)
		return 1;
	for (uint32_t i = 0; i < r->napp_mentions; i++)
		if (any[r->app_mentions[i]])
			return 1;
	return 0;
}

static void S_decide(tl_match *m, const uint8_t *applicable)
{
	const tl_ruleset *rs = m->rs;
	for (uint32_t i = 0; i < rs->nrules; i++) {
		tl_rule_result *r = &m->res[i];
		if (!applicable[i])
			r->status = TL_RS_NA;
		else if (r->count[TL_LIST_VIOLATED])
			r->status = TL_RS_VIOLATED;
		else if (r->count[TL_LIST_MET])
			r->status = r->count[TL_LIST_PARTIAL] && r->downgraded ? TL_RS_PARTIAL : TL_RS_MET;
		else if (r->count[TL_LIST_PARTIAL])
			r->status = TL_RS_PARTIAL;
		else
			r->status = TL_RS_MISSING;
	}
	/* also_met_by looks at the text results only (no chains) */
	int *text_met = calloc(rs->nrules + 1, sizeof *text_met);
	if (!text_met)
		return;
	for (uint32_t i = 0; i < rs->nrules; i++)
		text_met[i] = m->res[i].status == TL_RS_MET;
	for (uint32_t i = 0; i < rs->nrules; i++) {
		tl_rule_result *r = &m->res[i];
		/* "met also when OPEN-SOURCE is met" (the catalogue): open source code makes a
		 * refused escrow moot, so the other rule's met outweighs a violation too */
		if (r->status != TL_RS_MISSING && r->status != TL_RS_PARTIAL && r->status != TL_RS_VIOLATED)
			continue;
		for (uint32_t k = 0; k < rs->rules[i].nalso; k++)
			if (text_met[rs->rules[i].also[k]]) {
				r->status = TL_RS_MET;
				r->also_by = rs->rules[i].also[k];
				break;
			}
	}
	free(text_met);
}

/* also_met_by once more after the framework pass: a rule the text leaves
 * missing or partial is met when a rule it names is met by reference
 * ("OPEN-ESCROW: met also when OPEN-SOURCE is met", OPEN-SOURCE met through
 * GIBIT 2023 art. 20.4); the finding takes that reference.  No chains: the
 * other rule must be met by reference itself, not through also_met_by. */
static void S_also_by_reference(tl_match *m)
{
	const tl_ruleset *rs = m->rs;
	for (uint32_t i = 0; i < rs->nrules; i++) {
		tl_rule_result *r = &m->res[i];
		if (r->status != TL_RS_MISSING && r->status != TL_RS_PARTIAL)
			continue;
		for (uint32_t k = 0; k < rs->rules[i].nalso; k++) {
			const tl_rule_result *o = &m->res[rs->rules[i].also[k]];
			if (o->status != TL_RS_MET || !o->basis_reference || o->also_by >= 0 || o->fw_decl < 0)
				continue;
			r->status = TL_RS_MET;
			r->also_by = rs->rules[i].also[k];
			r->basis_reference = 1;
			r->fw_over_partial = 0;
			r->fw = o->fw;
			r->fw_entry = o->fw_entry;
			r->fw_decl = o->fw_decl;
			r->fw_deviation = o->fw_deviation;
			r->fw_devmask = o->fw_devmask;
			r->fw_ctx = o->fw_ctx;
			break;
		}
	}
}

int tl_match_run(tl_match **out, const tl_ruleset *rs, const tl_annotated *a,
                 const char *const *force, int force_all, int only_rule, tl_error *err)
{
	return tl_match_run_ex(out, rs, a, force, force_all, only_rule, 1, err);
}

int tl_match_run_ex(tl_match **out, const tl_ruleset *rs, const tl_annotated *a,
                    const char *const *force, int force_all, int only_rule, int threads,
                    tl_error *err)
{
	*out = NULL;
	tl_match *m = calloc(1, sizeof *m);
	if (!m)
		return tl_error_set(err, TL_ENOMEM, "out of memory matching rules");
	m->rs = rs;
	m->a = a;
	m->res = calloc(rs->nrules + 1, sizeof *m->res);
	m->ctx = calloc(rs->ncontexts + 1, sizeof *m->ctx);
	uint8_t *applicable = calloc(rs->nrules + 1, 1);
	uint8_t *counts = malloc(a->nsent + 1);
	uint8_t *any = NULL; /* per concept: it occurs in the document (S_occurrences) */
	int rc = -1;
	if (!m->res || !m->ctx || !applicable || !counts)
		goto done;
	for (uint32_t i = 0; i < rs->nrules; i++) {
		m->res[i].fw = m->res[i].fw_entry = m->res[i].fw_decl = -1;
		m->res[i].also_by = m->res[i].missing_ctx = m->res[i].fw_ctx = -1;
	}
	if (S_join_terms(m) || tl_match_join_members(m) || S_occurrences(m, threads, counts, &any))
		goto done;
	tl_contexts_eval(m, force, force_all);
	for (uint32_t i = 0; i < rs->nrules; i++)
		applicable[i] = (uint8_t)S_applicable(m, &rs->rules[i], any, &m->res[i].missing_ctx);
	if (tl_match_patterns(m, applicable, counts, only_rule, threads))
		goto done;
	S_sort_evidence(m);
	S_decide(m, applicable);
	tl_frameworks_apply(m);
	S_also_by_reference(m);
	rc = 0;
done:
	free(applicable);
	free(counts);
	free(any);
	if (rc) {
		tl_match_free(m);
		return tl_error_set(err, TL_ENOMEM, "out of memory matching rules");
	}
	*out = m;
	return 0;
}

void tl_match_free(tl_match *m)
{
	if (!m)
		return;
	if (m->term_concepts)
		for (uint32_t i = 0; i < m->a->nterms; i++)
			free(m->term_concepts[i]);
	free(m->term_concepts);
	free(m->occ);
	free(m->occ_start);
	free(m->ctx);
	free(m->res);
	free(m->doc_concepts);
	free(m->scope_keys);
	free(m->key_of);
	free(m);
}

const char *tl_rules_status_name(int st)
{
	static const char *const n[] = {"met", "partial", "violated", "missing", "not_applicable"};
	return st >= 0 && st <= TL_RS_NA ? n[st] : "missing";
}
