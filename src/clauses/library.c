/* library.c: suggested clauses in the contract's own terms, and where they go.
 *
 * Placeholders ({vendor}, {customer}, {data}, {agreement}, {personal_data},
 * capitalised for a sentence start) take the parties and data terms the
 * annotation layer found: a Dutch contract that says "Leverancier" and
 * "Klantdata" gets "Leverancier ... de Klantdata"; an English one "the
 * Supplier ... the Customer Data".  Format: docs/clause-format.md. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clauses/clauses.h"
#include "model/doc.h"

char *tl_clause_with_article(const char *term, tl_lang lang)
{
	const char *art = lang == TL_LANG_EN ? "the " : "de ";
	size_t al = strlen(art);
	int has = !strncasecmp(term, art, al) || (lang != TL_LANG_EN && !strncasecmp(term, "het ", 4));
	size_t n = strlen(term) + al + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s", has ? "" : art, term);
	return s;
}

/* For each of the n concepts c[k] (-1: none), the first defined term
 * (document order of mention) reached through it, into out[k] (-1 when none):
 * one pass over the occurrences for all of them. */
static void S_terms_for(const tl_match *m, const int32_t *c, int32_t *out, int n)
{
	const tl_annotated *a = m->a;
	int left = 0;
	for (int k = 0; k < n; k++) {
		out[k] = -1;
		left += c[k] >= 0;
	}
	for (uint32_t s = 0; s < a->nsent && left; s++)
		for (uint32_t o = m->occ_start[s]; o < m->occ_start[s + 1] && left; o++) {
			const tl_occ *x = &m->occ[o];
			for (int k = 0; k < n; k++) {
				if (x->concept != c[k] || out[k] >= 0)
					continue;
				int32_t term = x->term;
				if (term < 0) {
					const tl_token *t = &a->sent[s].tok[x->tok_start];
					if (t->term >= 0 && (uint32_t)t->term < a->nterms &&
					    a->terms[t->term].role == TL_ROLE_NONE)
						term = t->term;
				}
				if (term >= 0) {
					out[k] = term;
					left--;
				}
			}
		}
}

static int32_t S_party(const tl_annotated *a, tl_role role)
{
	for (uint32_t i = 0; i < a->nterms; i++)
		if (a->terms[i].role == role)
			return (int32_t)i;
	return -1;
}

int tl_clause_terms_find(tl_clause_terms *t, const tl_match *m, tl_lang lang)
{
	const tl_annotated *a = m->a;
	int en = lang == TL_LANG_EN;
	memset(t, 0, sizeof *t);
	t->vendor_term = S_party(a, TL_ROLE_VENDOR);
	t->customer_term = S_party(a, TL_ROLE_CUSTOMER);
	const int32_t concepts[3] = {m->rs->data_concept, m->rs->personal_concept, m->rs->agreement_concept};
	int32_t found[3];
	if (m->clause_terms_done) /* found during the occurrence scan (match.c) */
		memcpy(found, m->clause_terms, sizeof found);
	else
		S_terms_for(m, concepts, found, 3);
	t->data_term = found[0];
	t->personal_term = found[1];
	t->agreement_term = found[2];
	/* a report in the other language than the contract's ("--lang en" on a Dutch
	 * contract) keeps the defaults: "the Opdrachtnemer" reads oddly */
	if (a->lang != TL_LANG_UNKNOWN && a->lang != (en ? TL_LANG_EN : TL_LANG_NL))
		t->vendor_term = t->customer_term = t->data_term = t->personal_term = t->agreement_term = -1;
	const char *v = t->vendor_term >= 0 ? a->terms[t->vendor_term].term : en ? "Supplier" : "Opdrachtnemer";
	const char *c = t->customer_term >= 0 ? a->terms[t->customer_term].term : en ? "Customer" : "Opdrachtgever";
	const char *d = t->data_term >= 0 ? a->terms[t->data_term].term : en ? "Customer Data" : "Gegevens";
	const char *g = t->agreement_term >= 0 ? a->terms[t->agreement_term].term : en ? "Agreement" : "Overeenkomst";
	const char *p = t->personal_term >= 0 ? a->terms[t->personal_term].term : en ? "Personal Data" : "Persoonsgegevens";
	t->vendor = en ? tl_clause_with_article(v, lang) : strdup(v);
	t->customer = en ? tl_clause_with_article(c, lang) : strdup(c);
	t->data = tl_clause_with_article(d, lang);
	t->agreement = tl_clause_with_article(g, lang);
	t->personal_data = strdup(p);
	if (!t->vendor || !t->customer || !t->data || !t->agreement || !t->personal_data) {
		tl_clause_terms_free(t);
		return TL_ENOMEM;
	}
	return 0;
}

void tl_clause_terms_free(tl_clause_terms *t)
{
	free((char *)t->vendor);
	free((char *)t->customer);
	free((char *)t->data);
	free((char *)t->agreement);
	free((char *)t->personal_data);
	memset(t, 0, sizeof *t);
}

int tl_clause_fill(tl_buf *out, const tl_clause_tpl *c, const tl_clause_terms *t, tl_lang lang)
{
	const char *s = c->text[lang == TL_LANG_EN ? TL_LANG_EN : TL_LANG_NL];
	if (!s)
		return TL_EINVAL;
	static const char *const names[] = {"vendor", "customer", "data", "agreement", "personal_data"};
	const char *vals[] = {t->vendor, t->customer, t->data, t->agreement, t->personal_data};
	while (*s) {
		const char *b = strchr(s, '{');
		if (!b)
			return tl_buf_puts(out, s);
		if (tl_buf_put(out, s, (size_t)(b - s)))
			return TL_ENOMEM;
		const char *e = strchr(b, '}');
		int done = 0;
		for (int i = 0; e && i < 5 && !done; i++) {
			size_t n = strlen(names[i]);
			if ((size_t)(e - b - 1) != n || strncasecmp(b + 1, names[i], n) != 0)
				continue;
			size_t at = out->len;
			if (tl_buf_puts(out, vals[i]))
				return TL_ENOMEM;
			if (isupper((unsigned char)b[1]) && out->len > at)
				out->data[at] = (char)toupper((unsigned char)out->data[at]);
			done = 1;
		}
		if (!done) { /* lint rejects this; keep the text as written */
			if (tl_buf_putc(out, '{'))
				return TL_ENOMEM;
			s = b + 1;
			continue;
		}
		s = e + 1;
	}
	return 0;
}

/** ## Insertion */

static int S_clause_has_topic(const tl_match *m, const tl_clause *cl, const tl_clause_tpl *c)
{
	const tl_annotated *a = m->a;
	if (!a->para_sent || cl->first_para < 0 || (size_t)cl->first_para >= a->npara)
		return 0;
	for (uint32_t s = a->para_sent[cl->first_para]; s < a->para_sent[cl->first_para + 1]; s++)
		for (uint32_t o = m->occ_start[s]; o < m->occ_start[s + 1]; o++)
			for (uint32_t k = 0; k < c->ntopics; k++)
				if (m->occ[o].concept == c->topics[k])
					return 1;
	return 0;
}

void tl_clause_insert(tl_insert *ins, const tl_match *m, int rule, const tl_clause_tpl *c)
{
	const tl_annotated *a = m->a;
	const tl_rule_result *r = &m->res[rule];
	size_t npara = 0, ncl = 0;
	const tl_clause *cls = tl_document_clauses(a->doc, &ncl);
	tl_document_paras(a->doc, &npara);
	memset(ins, 0, sizeof *ins);
	ins->after_clause = -1;
	ins->after_para = npara ? (int32_t)npara - 1 : 0;
	for (int l = TL_LIST_VIOLATED; l >= TL_LIST_PARTIAL; l--)
		if (r->nev[l]) {
			const tl_sentence *s = &a->sent[r->ev[l][0].sent];
			ins->kind = 1;
			ins->violated = l == TL_LIST_VIOLATED;
			ins->after_clause = s->clause;
			ins->after_para = s->clause >= 0 ? cls[s->clause].last_para : s->para;
			return;
		}
	for (size_t i = 0; c && i < ncl; i++)
		if (cls[i].title && S_clause_has_topic(m, &cls[i], c)) {
			ins->kind = 2;
			ins->after_clause = (int32_t)i;
			ins->after_para = cls[i].last_para;
			return;
		}
}

/* A label without its trailing punctuation ("1." -> "1", "a)" -> "a"). */
static size_t S_strip(const char *l)
{
	size_t n = strlen(l);
	while (n > 1 && (l[n - 1] == '.' || l[n - 1] == ')' || l[n - 1] == ':'))
		n--;
	if (n > 1 && l[0] == '(')
		n--;
	return n;
}

/* The clause's full label: list labels that restart under each article
 * ("1.", "a.") are joined to their parents' ("7.1(a)"); a label that already
 * carries its parent's number ("5.2" under "Artikel 5") replaces it. */
static void S_path(char *acc, size_t cap, const tl_clause *cls, size_t ncl, int32_t c)
{
	int32_t chain[8];
	int n = 0;
	for (int32_t i = c; i >= 0 && (size_t)i < ncl && n < 8; i = cls[i].parent)
		chain[n++] = i;
	acc[0] = '\0';
	for (int k = n - 1; k >= 0; k--) {
		const char *l = cls[chain[k]].label;
		if (!l)
			continue;
		const char *b = l[0] == '(' ? l + 1 : l;
		size_t sl = S_strip(l) - (size_t)(b - l);
		if (!sl)
			continue; /* "()": a label without a number */
		size_t al = strlen(acc);
		/* the number that ends acc ("Artikel 5" -> "5", "7.1" -> "7.1") */
		size_t num = al;
		while (num > 0 && (isdigit((unsigned char)acc[num - 1]) || acc[num - 1] == '.'))
			num--;
		if (!al) {
			snprintf(acc, cap, "%.*s", (int)sl, b);
		} else if (al > num && sl > al - num && !strncmp(b, acc + num, al - num) && b[al - num] == '.') {
			snprintf(acc + num, cap - num, "%.*s", (int)sl, b);
		} else if (isdigit((unsigned char)b[0])) {
			snprintf(acc + al, cap - al, ".%.*s", (int)sl, b);
		} else {
			snprintf(acc + al, cap - al, "(%.*s)", (int)sl, b);
		}
	}
}

/* The row's identifier when para is a cell of a table whose first column
 * holds short identifiers ("R-07", "A4", "E12"), else NULL; *len gets its length. */
static const char *S_row_id(const tl_annotated *a, int32_t para, size_t *len)
{
	size_t np = 0;
	const tl_para *ps = tl_document_paras(a->doc, &np);
	if (para < 0 || (size_t)para >= np || ps[para].kind != TL_PARA_CELL || ps[para].col <= 0)
		return NULL;
	int32_t p = para;
	while (p > 0 && ps[p - 1].kind == TL_PARA_CELL && ps[p - 1].table == ps[para].table &&
	       ps[p - 1].row == ps[para].row)
		p--;
	const tl_para *id = &ps[p];
	if (id->col != 0 || id->len == 0 || id->len > 12)
		return NULL;
	int digit = 0;
	for (size_t i = 0; i < id->len; i++) {
		unsigned char ch = (unsigned char)id->text[i];
		if (ch == ' ' || ch >= 0x80)
			return NULL;
		digit |= isdigit(ch) != 0;
	}
	if (!digit)
		return NULL;
	*len = id->len;
	while (*len > 1 && (id->text[*len - 1] == '.' || id->text[*len - 1] == ':'))
		(*len)--;
	return id->text;
}

static void S_clause_ref(tl_buf *out, const tl_annotated *a, int32_t clause, int32_t para, tl_lang lang);

void tl_clause_ref(tl_buf *out, const tl_annotated *a, int32_t clause, int32_t para, tl_lang lang)
{
	S_clause_ref(out, a, clause, para, lang);
	size_t n = 0;
	const char *row = S_row_id(a, para, &n);
	if (row)
		tl_buf_printf(out, lang == TL_LANG_EN ? ", row %.*s" : ", rij %.*s", (int)n, row);
}

static void S_clause_ref(tl_buf *out, const tl_annotated *a, int32_t clause, int32_t para, tl_lang lang)
{
	size_t ncl = 0;
	const tl_clause *cls = tl_document_clauses(a->doc, &ncl);
	int en = lang == TL_LANG_EN;
	char acc[256];
	if (clause >= 0 && (size_t)clause < ncl)
		S_path(acc, sizeof acc, cls, ncl, clause);
	if (clause >= 0 && (size_t)clause < ncl && acc[0]) {
		/* "Artikel 5", "Article 5", "Section 3" read as they are; "5.2", "A", "iv" get a word */
		size_t w = 0;
		while (acc[w] && isalpha((unsigned char)acc[w]))
			w++;
		if (w >= 4 && acc[w] == ' ')
			tl_buf_puts(out, acc);
		else
			tl_buf_printf(out, "%s %s", en ? "clause" : "artikel", acc);
	} else if (clause >= 0 && (size_t)clause < ncl && cls[clause].title) {
		tl_buf_printf(out, en ? "the section \"%s\"" : "het onderdeel \"%s\"", cls[clause].title);
	} else {
		tl_buf_printf(out, "%s %d", en ? "paragraph" : "alinea", para);
	}
}

void tl_clause_insert_hint(tl_buf *out, const tl_match *m, const tl_insert *ins, tl_lang lang)
{
	const tl_annotated *a = m->a;
	int en = lang == TL_LANG_EN;
	size_t ncl = 0;
	const tl_clause *cls = tl_document_clauses(a->doc, &ncl);
	if (ins->kind == 0) {
		tl_buf_puts(out, en ? "at the end of the document" : "aan het eind van het document");
		return;
	}
	tl_buf_puts(out, ins->kind == 1 ? (en ? "after " : "na ") : (en ? "at the end of " : "aan het eind van "));
	/* after a row: the row; at the end of an article: the article alone */
	if (ins->kind == 1)
		tl_clause_ref(out, a, ins->after_clause, ins->after_para, lang);
	else
		S_clause_ref(out, a, ins->after_clause, ins->after_para, lang);
	if (ins->kind == 1)
		tl_buf_puts(out, ins->violated ? (en ? ", replacing the conflicting text" : ", ter vervanging van de strijdige tekst")
		                               : (en ? ", which partly covers this" : ", dat dit gedeeltelijk regelt"));
	else {
		const char *t = ins->after_clause >= 0 && (size_t)ins->after_clause < ncl ? cls[ins->after_clause].title : NULL;
		if (t)
			tl_buf_printf(out, " (%s)", t);
		tl_buf_puts(out, en ? ", the article on the same topic" : ", het artikel over hetzelfde onderwerp");
	}
}
