/* definitions.c: defined terms and party aliases.
 *
 * Recognised forms (on folded tokens):
 *   party aliases   ... (hierna: "Opdrachtnemer"), (hierna te noemen: X), (the "Supplier"),
 *                   (hereinafter "Provider"), ("Supplier"), hierna te noemen "X"
 *   definitions     "Telemetry" means ..., "Gegevens": alle gegevens die ..., X shall mean,
 *                   X betekent, Onder X wordt verstaan: ..., wordt verstaan onder X: ...
 *   in a Definitions / Begrippen article, a list item or table row "Term: text" or
 *                   "Term - text", and two-column tables (term | definition).
 * A party alias gets its role from the catalogue (the alias, else the name
 * before the parenthesis: "the supplier (the "Acme")"); another term is a
 * party only when its own name is a party name.  The aliases themselves are
 * aliases.c's, short company names shortname.c's; where the terms then occur
 * in the text is defmark.c's (tl_definitions_mark). */
#include <stdlib.h>
#include <string.h>

#include "analyze/annot_int.h"
#include "analyze/defs_int.h"
#include "analyze/polclass.h"

int tl_defs_add_term(tl_ann_ctx *c, const char *term, const char *fold, tl_role role,
                      const char *name, const char *def, int32_t para, int32_t sent)
{
	tl_annotated *a = c->a;
	if (!fold || !*fold)
		return 0;
	for (uint32_t i = 0; i < a->nterms; i++)
		if (strcmp(a->terms[i].fold, fold) == 0) {
			tl_term *t = &a->terms[i];
			if (!t->role && role)
				t->role = role;
			if (!t->definition && def)
				t->definition = def;
			if (!t->name && name)
				t->name = name;
			return 0;
		}
	if (a->nterms >= 2000)
		return 0; /* enough terms for any contract; a hostile file gets no more */
	if (a->nterms == c->aterms) {
		uint32_t n = c->aterms ? c->aterms * 2 : 32;
		tl_term *t = realloc(c->terms, (size_t)n * sizeof *t);
		if (!t)
			return TL_ENOMEM;
		c->terms = t;
		c->aterms = n;
		a->terms = t;
	}
	tl_term *t = &a->terms[a->nterms++];
	t->term = term;
	t->fold = fold;
	t->role = role;
	t->name = name;
	t->definition = def;
	t->para = para;
	t->def_sentence = sent;
	t->nwords = 0;
	t->flags = 0;
	return 0;
}

int tl_definitions_add(tl_ann_ctx *c, const char *term, const char *fold, tl_role role, int32_t para,
                       int32_t sent)
{
	return tl_defs_add_term(c, term, fold, role, NULL, NULL, para, sent);
}

/* Folded form of tokens [i, j): folds joined by single spaces. */
const char *tl_defs_fold_of(tl_ann_ctx *c, const tl_token *tok, uint32_t i, uint32_t j)
{
	size_t len = 0;
	for (uint32_t k = i; k < j; k++)
		len += strlen(tok[k].fold) + 1;
	char *o = tl_arena_alloc(&c->a->arena, len + 1);
	if (!o)
		return NULL;
	size_t p = 0;
	for (uint32_t k = i; k < j; k++) {
		size_t l = strlen(tok[k].fold);
		if (p)
			o[p++] = ' ';
		memcpy(o + p, tok[k].fold, l);
		p += l;
	}
	o[p] = '\0';
	return o;
}

/* 1 when the title of clause k names a definitions article; remembered per
 * clause (every paragraph of an article asks for the same titles) in bits
 * 0-1 of c->clause_defs[k]; *ok is cleared when the title could not be
 * folded (it is asked again). */
static int S_defs_title(tl_ann_ctx *c, const tl_clause *cl, int32_t k, int *ok)
{
	if (c->clause_defs && (c->clause_defs[k] & 3))
		return (c->clause_defs[k] & 3) == 2;
	const char *t = cl[k].title;
	size_t fl = 0;
	const char *f = t ? tl_text_fold(c->txt, t, strlen(t), &fl) : NULL;
	int yes = f && (strstr(f, "definiti") || strstr(f, "begrip") || strstr(f, "interpretation") ||
	                strstr(f, "meaning of terms"));
	if (c->clause_defs && (!t || f))
		c->clause_defs[k] |= (uint8_t)(1 + yes);
	else
		*ok = 0;
	return yes;
}

/* 1 when paragraph p is inside a definitions article (its clause or one of
 * the clauses above it says so); remembered per clause in bits 2-3. */
static int S_in_defs_article(tl_ann_ctx *c, const tl_para *p)
{
	size_t nc = 0;
	const tl_clause *cl = tl_document_clauses(c->a->doc, &nc);
	int32_t k0 = p->clause;
	if (k0 < 0 || (size_t)k0 >= nc)
		return 0;
	if (!c->clause_defs)
		c->clause_defs = calloc(nc, 1);
	if (c->clause_defs && (c->clause_defs[k0] & 12))
		return (c->clause_defs[k0] & 12) == 8;
	int yes = 0, ok = 1;
	for (int32_t k = k0, hops = 0; k >= 0 && (size_t)k < nc && hops < 16; k = cl[k].parent, hops++) {
		if (cl[k].title && S_defs_title(c, cl, k, &ok)) {
			yes = 1;
			break;
		}
	}
	if (c->clause_defs && ok)
		c->clause_defs[k0] |= (uint8_t)((1 + yes) << 2);
	return yes;
}

static const char *const S_means[] = {
	"means", "shall mean", "mean", "betekent", "refers to", "refer to", "has|have the meaning*",
	"shall|will have the meaning*", "wordt gedefinieerd als", "is defined as", "includes", "omvat",
	"houdt in", NULL};

/* Text of the sentence after token k (the definition), trimmed of ':'. */
static const char *S_rest(tl_ann_ctx *c, const tl_sentence *s, uint32_t k)
{
	while (k < s->ntok && (tl_tok_is(&s->tok[k], ":") || tl_tok_is(&s->tok[k], "-")))
		k++;
	if (k + 2 < s->ntok && tl_tok_is(&s->tok[k], "(") && tl_tok_is(&s->tok[k + 1], "s") &&
	    tl_tok_is(&s->tok[k + 2], ")"))
		k += 3; /* "has the meaning(s) given in ..." */
	if (k >= s->ntok)
		return NULL;
	const char *t = c->paras[s->para].text;
	uint32_t end = s->end;
	/* a definition spans the list items that follow a ';' in the same sentence */
	if (s->quote_end > end)
		end = s->quote_end;
	return tl_arena_strndup(&c->a->arena, t + s->tok[k].start, end - s->tok[k].start);
}

static int S_define(tl_ann_ctx *c, tl_sentence *s, uint32_t si, uint32_t ts, uint32_t te,
                    uint32_t defk)
{
	if (te > ts + 1 && tl_defs_det(&s->tok[ts]))
		ts++; /* "The User" defines "User" */
	const char *fold = tl_defs_fold_of(c, s->tok, ts, te);
	const char *term = tl_ann_tok_text(c, s, ts, te);
	if (!fold || !term)
		return TL_ENOMEM;
	s->flags |= TL_SENT_DEFINITION;
	tl_role role = tl_party_catalog(fold);
	const char *def = S_rest(c, s, defk);
	if (!role && def && te - ts <= 2) {
		/* "Leverancier: de partij die ..." is a party; "Gegevens: alle ..." is not */
		static const char *const party_def[] = {"de partij", "the party", "the legal entity",
		                                        "de rechtspersoon", "the entity", NULL};
		uint32_t k = defk;
		while (k < s->ntok && (tl_tok_is(&s->tok[k], ":") || tl_tok_is(&s->tok[k], "-")))
			k++;
		if (tl_ph_list_at(s->tok, s->ntok, k, party_def, NULL))
			role = tl_defs_role_in(s->tok, k, s->ntok);
	}
	return tl_defs_add_term(c, term, fold, role, NULL, def, s->para, (int32_t)si);
}

/* Tokens of a typed label that opens a sentence: "a)", "(i)", "2.", "1.2",
 * "1.2.", "3.1)"; 0 when there is none. */
uint32_t tl_defs_label_len(const tl_token *tok, uint32_t n)
{
	if (n > 2 && (tl_tok_is(&tok[1], ".") || tl_tok_is(&tok[1], ")")) && tok[0].end - tok[0].start <= 4)
		return 2;
	if (n > 3 && tl_tok_is(&tok[0], "(") && tl_tok_is(&tok[2], ")"))
		return 3;
	/* a multi-level number is one token: "1.2" */
	const char *f = tok[0].fold;
	size_t l = tok[0].word ? tok[0].word->len : strlen(f), dots = 0, i;
	for (i = 0; i < l && ((f[i] >= '0' && f[i] <= '9') || f[i] == '.'); i++)
		dots += f[i] == '.';
	if (n > 2 && l > 0 && i == l && l <= 10 && dots > 0 && f[0] != '.')
		return (tl_tok_is(&tok[1], ".") || tl_tok_is(&tok[1], ")")) ? 2 : 1;
	/* a schedule's label: one or two capitals and a number, "S3.1", "M6.2", "OF2",
	 * "A4.", "GG-4" */
	if (!(tok[0].flags & TL_TOK_CAPITAL) || l > 10)
		return 0;
	for (i = 0; i < l && f[i] >= 'a' && f[i] <= 'z'; i++)
		;
	if (i == 0 || i > 2)
		return 0;
	if (i == l) { /* "GG-4": letters, a dash, a number */
		if (n > 4 && tl_tok_is(&tok[1], "-") && (tok[2].flags & TL_TOK_NUMBER) &&
		    !tl_tok_is(&tok[3], "-"))
			return 3;
		return 0;
	}
	size_t digits = 0;
	for (; i < l && ((f[i] >= '0' && f[i] <= '9') || f[i] == '.'); i++)
		digits += f[i] != '.';
	if (i != l || !digits || f[l - 1] == '.' || n <= 2)
		return 0;
	return tl_tok_is(&tok[1], ".") || tl_tok_is(&tok[1], ")") ? 2 : 1;
}

static int S_sentence(tl_ann_ctx *c, tl_sentence *s, uint32_t si, int in_defs)
{
	const tl_token *tok = s->tok;
	uint32_t n = s->ntok;
	if (n < 2)
		return 0;
	int rc = tl_defs_aliases(c, s, si);
	if (!rc && (c->we.nwe || c->we.nyou)) /* no "we" or "you" in the text: nothing to define */
		rc = tl_defs_we_means(c, s, si);
	if (rc || s->unit > 0)
		return rc;
	/* a typed list label: "a)", "(i)", "1.", "1.2" */
	uint32_t k = n > 3 ? tl_defs_label_len(tok, n) : 0;
	/* "X" means / "X": / "X" - / "X" or "Y" means */
	if (tl_defs_is_quote(&tok[k])) {
		uint32_t ts[4], te[4], nt = 0, q = k;
		while (nt < 4 && q < n && tl_defs_is_quote(&tok[q])) {
			uint32_t e = q + 1;
			while (e < n && !tl_defs_is_quote(&tok[e]) && e - q < 9)
				e++;
			if (e >= n || e == q + 1 || !tl_defs_is_quote(&tok[e]))
				return 0;
			uint32_t te1 = e;
			while (te1 > q + 2 && (tok[te1 - 1].flags & TL_TOK_PUNCT))
				te1--; /* "GitHub," with the comma inside the quotes */
			ts[nt] = q + 1;
			te[nt++] = te1;
			q = e + 1;
			/* "X" or "Y", "X" of "Y", "X", "Y", "X," "Y," and "Z" */
			if (q < n && tl_defs_is_quote(&tok[q]))
				continue;
			if (q + 1 < n && (tl_tok_is(&tok[q], "or") || tl_tok_is(&tok[q], "of") || tl_tok_is(&tok[q], ",") ||
			                  tl_tok_is(&tok[q], "and") || tl_tok_is(&tok[q], "en")) &&
			    tl_defs_is_quote(&tok[q + 1]))
				q++;
			else
				break;
		}
		if (nt == 0 || q >= n)
			return 0;
		uint32_t m = (tl_tok_is(&tok[q], ":") || tl_tok_is(&tok[q], "-"))
		                 ? 1
		                 : tl_ph_list_at(tok, n, q, S_means, NULL);
		if (!m || tl_defs_negated_at(tok, n, q + m))
			return 0;
		/* "GitHub", "We" and "Us" refer to ...: the terms name the party "we" names */
		tl_role side = TL_ROLE_NONE;
		for (uint32_t t = 0; t < nt; t++) {
			const char *f = tok[ts[t]].fold;
			static const char *const we[] = {"we", "us", "our", "wij", "ons", "onze", NULL};
			static const char *const you[] = {"you", "your", "u", "uw", NULL};
			if (te[t] == ts[t] + 1 && tl_word_in(f, we))
				side = TL_ROLE_VENDOR;
			else if (te[t] == ts[t] + 1 && tl_word_in(f, you))
				side = TL_ROLE_CUSTOMER;
		}
		for (uint32_t t = 0; t < nt; t++) {
			uint32_t before = c->a->nterms;
			if ((rc = S_define(c, s, si, ts[t], te[t], q + m)) != 0)
				return rc;
			if (side && c->a->nterms > before && !c->a->terms[before].role)
				c->a->terms[before].role = side;
		}
		return 0;
	}
	/* Onder X wordt (in deze overeenkomst) verstaan: / wordt verstaan onder X: */
	if (tl_tok_is(&tok[k], "onder")) {
		uint32_t e = k + 1;
		while (e < n && !tl_tok_is(&tok[e], "wordt") && !tl_tok_is(&tok[e], "worden") && e - k < 8)
			e++;
		uint32_t v = e + 1;
		while (v < n && v <= e + 5 && !tl_tok_is(&tok[v], "verstaan") && !(tok[v].flags & TL_TOK_PUNCT))
			v++;
		if (v < n && tl_tok_is(&tok[v], "verstaan")) {
			uint32_t ts = k + 1;
			while (ts < e && tl_defs_det(&tok[ts]))
				ts++;
			if (ts < e)
				return S_define(c, s, si, ts, e, v + 1);
		}
	}
	for (uint32_t i = k; i + 2 < n && i < k + 8; i++)
		if (tl_tok_is(&tok[i], "wordt") && tl_tok_is(&tok[i + 1], "verstaan") &&
		    tl_tok_is(&tok[i + 2], "onder")) {
			uint32_t ts = i + 3, e = ts;
			while (e < n && !tl_tok_is(&tok[e], ":") && e - ts < 8)
				e++;
			while (ts < e && tl_defs_det(&tok[ts]))
				ts++;
			if (e < n && ts < e)
				return S_define(c, s, si, ts, e, e + 1);
		}
	/* Customer Data means ... (capitalised, unquoted); in a definitions article also
	 * "Term: text" with up to four words */
	static const char *const pron[] = {"it", "this", "that", "these", "those", "he", "she", "they",
	                                   "we", "you", "there", "het", "dit", "dat", "deze", "die",
	                                   "zij", "hij", "wij", "u", "er", NULL};
	if ((tok[k].flags & TL_TOK_CAPITAL) && !tl_tok_in(&tok[k], pron)) {
		int all_caps = 1;
		for (uint32_t e = k + 1; e < n && e <= k + 5; e++) {
			if (tok[e].flags & TL_TOK_PUNCT) {
				if (in_defs && (tl_tok_is(&tok[e], ":") || tl_tok_is(&tok[e], "-")) && e + 1 < n &&
				    e - k <= 4)
					return S_define(c, s, si, k, e, e + 1);
				break;
			}
			uint32_t m = tl_ph_list_at(tok, n, e, S_means, NULL);
			/* "The Service includes object detection and ...", "Het Systeem omvat ...":
			 * a deliverable with its article described: the term gets the text, and
			 * the sentence stays a statement of what is delivered, not a definition */
			static const char *const incl[] = {"includes", "include", "omvat", "omvatten",
			                                   "houdt in", NULL};
			static const char *const art[] = {"the", "de", "het", NULL};
			if (m && all_caps && tl_tok_in(&tok[k], art) && tl_ph_list_at(tok, n, e, incl, NULL) &&
			    !tl_defs_negated_at(tok, n, e + m)) {
				int rc2 = S_define(c, s, si, k, e, e + m);
				s->flags &= ~TL_SENT_DEFINITION;
				return rc2;
			}
			if (m && all_caps && !(tok[e].flags & TL_TOK_CAPITAL) && !tl_defs_negated_at(tok, n, e + m))
				return S_define(c, s, si, k, e, e + m);
			if (!(tok[e].flags & TL_TOK_CAPITAL)) {
				all_caps = 0;
				if (!in_defs)
					break;
			}
		}
	}
	return 0;
}

/* Two-column tables in a definitions article, or under a "Begrip |
 * Definitie" header: the first cell is the term, the second its text. */
static int S_table_rows(tl_ann_ctx *c)
{
	tl_annotated *a = c->a;
	for (size_t p = 0; p + 1 < c->npara; p++) {
		const tl_para *t = &c->paras[p], *d = &c->paras[p + 1];
		if (t->kind != TL_PARA_CELL || d->kind != TL_PARA_CELL || t->table != d->table ||
		    t->row != d->row || d->col != t->col + 1 || t->col != 0 || t->len == 0 || t->len > 60)
			continue;
		if (!S_in_defs_article(c, t))
			continue;
		uint32_t s0 = a->para_sent[p], s1 = a->para_sent[p + 1];
		uint32_t d0 = a->para_sent[p + 1], d1 = a->para_sent[p + 2];
		if (s1 <= s0 || d1 <= d0)
			continue;
		tl_sentence *ts = &a->sent[s0];
		if (!(ts->tok[0].flags & TL_TOK_CAPITAL))
			continue;
		uint32_t te = ts->ntok;
		while (te > 0 && (ts->tok[te - 1].flags & TL_TOK_PUNCT))
			te--;
		if (te == 0 || te > 6)
			continue;
		const char *fold = tl_defs_fold_of(c, ts->tok, 0, te);
		const char *term = tl_ann_tok_text(c, ts, 0, te);
		const char *def = tl_arena_strndup(&a->arena, d->text, d->len);
		if (!fold || !term || !def)
			return TL_ENOMEM;
		ts->flags |= TL_SENT_DEFINITION;
		for (uint32_t k = d0; k < d1; k++)
			a->sent[k].flags |= TL_SENT_DEFINITION;
		int rc = tl_defs_add_term(c, term, fold, tl_party_catalog(fold), NULL, def, (int32_t)p, (int32_t)d0);
		if (rc)
			return rc;
	}
	return 0;
}

int tl_definitions_find(tl_ann_ctx *c)
{
	tl_annotated *a = c->a;
	int32_t last_clause = -2, in_defs = 0;
	for (uint32_t i = 0; i < a->nsent; i++) {
		tl_sentence *s = &a->sent[i];
		const tl_para *p = &c->paras[s->para];
		if (p->kind == TL_PARA_COMMENT || p->kind == TL_PARA_HEADER || p->kind == TL_PARA_FOOTER)
			continue;
		if (p->clause != last_clause) {
			last_clause = p->clause;
			in_defs = S_in_defs_article(c, p);
		}
		int rc = S_sentence(c, s, i, in_defs && p->kind != TL_PARA_HEADING);
		if (rc)
			return rc;
	}
	int rc = tl_defs_other_party(c);
	if (!rc)
		rc = S_table_rows(c);
	return rc ? rc : tl_definitions_short(c);
}
