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
 * party only when its own name is a party name.  Where the terms then occur
 * in the text is defmark.c's (tl_definitions_mark). */
#include <stdlib.h>
#include <string.h>

#include "analyze/annot_int.h"
#include "analyze/polclass.h"

static int S_is_quote(const tl_token *t)
{
	return (t->flags & TL_TOK_PUNCT) && (strcmp(t->fold, "\"") == 0 || strcmp(t->fold, "'") == 0);
}

static int S_add_term(tl_ann_ctx *c, const char *term, const char *fold, tl_role role,
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
	return S_add_term(c, term, fold, role, NULL, NULL, para, sent);
}

/* Folded form of tokens [i, j): folds joined by single spaces. */
static const char *S_fold_of(tl_ann_ctx *c, const tl_token *tok, uint32_t i, uint32_t j)
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

/* Role of a name by the party words in it ("the supplier", "de Gemeente"). */
static tl_role S_role_in(const tl_token *tok, uint32_t i, uint32_t j)
{
	for (uint32_t k = i; k < j; k++) {
		tl_role r = tl_party_catalog(tok[k].fold);
		if (r == TL_ROLE_VENDOR || r == TL_ROLE_CUSTOMER)
			return r;
	}
	return TL_ROLE_NONE;
}

/* A body acting for public customers: "De gemeenschappelijke regeling ICT
 * Vechtstreek, handelend namens de deelnemende gemeenten ...", "... acting on
 * behalf of the participating municipalities": TL_ROLE_CUSTOMER when the name
 * tok[i, j) says so, else TL_ROLE_NONE. */
static tl_role S_on_behalf(const tl_token *tok, uint32_t i, uint32_t j)
{
	static const char *const pub[] = {"gemeente", "gemeenten", "municipality", "municipalities",
	                                  "provincie", "provincies", "waterschap", "waterschappen", NULL};
	for (uint32_t k = i; k < j; k++) {
		uint32_t m = tl_tok_is(&tok[k], "namens") ? 1 : tl_ph_at(tok, j, k, "on behalf of");
		for (uint32_t x = k + m; m && x < j && x <= k + m + 4; x++)
			if (tl_tok_in(&tok[x], pub) || tl_party_catalog(tok[x].fold) == TL_ROLE_CUSTOMER)
				return TL_ROLE_CUSTOMER;
	}
	return TL_ROLE_NONE;
}

/* "its (Dutch implementation) partner X", "haar onderaannemer X" in the name
 * tok[from, ne), whose possessive points back to the first party the sentence
 * names before it: TL_ROLE_VENDOR when that party is the vendor, TL_ROLE_NONE
 * when it is another, -1 when the name has no such helper. */
static int S_own_helper(tl_ann_ctx *c, const tl_token *tok, uint32_t from, uint32_t ne)
{
	static const char *const poss[] = {"its", "haar", "zijn", "our", "onze", NULL};
	static const char *const helper[] = {
		"partner", "subcontractor", "sub-contractor", "affiliate", "supplier", "reseller",
		"onderaannemer", "dochteronderneming", "dochtermaatschappij", "toeleverancier",
		"leverancier", "subverwerker", "sub-processor", "subprocessor", NULL};
	for (uint32_t k = from; k < ne; k++) {
		if (!tl_tok_in(&tok[k], poss))
			continue;
		int help = 0;
		for (uint32_t j = k + 1; j < ne && j <= k + 4 && !help; j++)
			help = tl_tok_in(&tok[j], helper);
		if (!help)
			return -1;
		static const char *const we[] = {"our", "onze", NULL};
		if (tl_tok_in(&tok[k], we))
			return TL_ROLE_VENDOR; /* the vendor's own terms speak of "our partner" */
		for (uint32_t b = 0; b < k; b++) {
			if (!(tok[b].flags & TL_TOK_CAPITAL) || (tok[b].flags & TL_TOK_PUNCT))
				continue;
			tl_role r = tl_annot_role_of(c->a, tok[b].fold);
			if (r == TL_ROLE_VENDOR || r == TL_ROLE_CUSTOMER)
				return r == TL_ROLE_VENDOR ? TL_ROLE_VENDOR : TL_ROLE_NONE;
		}
		return TL_ROLE_NONE;
	}
	return -1;
}

/* The first S_INTRO_EXPLICIT start an alias without a parenthesis too. */
static const char *const S_intro[] = {
	"hierna te noemen", "hierna genoemd", "hierna", "verder te noemen", "verder", "hierna ook",
	"hereinafter referred to as", "hereinafter called", "hereinafter", "hereafter",
	"referred to as",
	/* one of several parties of a side: (hierna elk: "Deelnemer" en samen: "de Deelnemers") */
	"hierna elk|ieder", "hereinafter each|individually",
	"the", "de", "het", "together the", "gezamenlijk", "each a", "elk een", NULL};
#define S_INTRO_EXPLICIT 13

static int S_det(const tl_token *t)
{
	static const char *const det[] = {"de", "het", "een", "the", "a", "an", NULL};
	return tl_tok_in(t, det);
}

/* "(hierna: "X")" at tok[i] == "(", or "hierna te noemen "X"" without one.
 * Sets [*ts, *te) to the term's tokens and returns the index after the alias. */
static uint32_t S_alias_at(const tl_token *tok, uint32_t n, uint32_t i, uint32_t *ts, uint32_t *te)
{
	uint32_t k = i;
	int paren = tl_tok_is(&tok[i], "(");
	if (paren)
		k++;
	/* without a parenthesis only the explicit S_intro count, which start with these words
	 * (the others start with none of them): most tokens stop here */
	static const char *const intro_first[] = {"hierna", "verder", "hereinafter", "hereafter",
	                                          "referred", NULL};
	if (!paren && !tl_tok_in(&tok[i], intro_first))
		return 0;
	int w = -1;
	uint32_t m = tl_ph_list_at(tok, n, k, S_intro, &w);
	if (!paren && (m == 0 || w >= S_INTRO_EXPLICIT))
		return 0; /* without a parenthesis only an explicit "hierna" counts */
	k += m;
	if (k < n && (tl_tok_is(&tok[k], ":") || tl_tok_is(&tok[k], ",")))
		k++;
	if (k + 1 < n && m > 0 && w < S_INTRO_EXPLICIT && S_det(&tok[k]) && S_is_quote(&tok[k + 1]))
		k++; /* (hereinafter: the "Provider") */
	if (k < n && S_is_quote(&tok[k])) {
		uint32_t s = ++k;
		while (k < n && !S_is_quote(&tok[k]) && k - s < 8)
			k++;
		if (k >= n || k == s || !S_is_quote(&tok[k]))
			return 0;
		*ts = s;
		*te = k;
		return k + 1;
	}
	if (m == 0 || w >= S_INTRO_EXPLICIT)
		return 0; /* "(the Supplier)" without quotes is not an alias */
	/* (hierna: Opdrachtnemer), ..., hierna te noemen: Opdrachtgever; */
	uint32_t s = k;
	while (k < n && !tl_tok_is(&tok[k], ")") && !tl_tok_is(&tok[k], ",") && !tl_tok_is(&tok[k], ";") &&
	       !tl_tok_is(&tok[k], ".") && k - s < 6)
		k++;
	if (k == s || !(tok[s].flags & TL_TOK_CAPITAL) || k - s > 4 ||
	    (paren && (k >= n || !tl_tok_is(&tok[k], ")"))))
		return 0;
	*ts = s;
	*te = k;
	return k + 1;
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

/* "The Network includes no facial recognition", "Het Systeem omvat geen ...":
 * a negated "includes" states what the thing lacks; it defines nothing. */
static int S_negated_at(const tl_token *tok, uint32_t n, uint32_t k)
{
	return k < n && (tl_polclass(&tok[k]) & TL_PC_NEG);
}

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
	if (te > ts + 1 && S_det(&s->tok[ts]))
		ts++; /* "The User" defines "User" */
	const char *fold = S_fold_of(c, s->tok, ts, te);
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
			role = S_role_in(s->tok, k, s->ntok);
	}
	return S_add_term(c, term, fold, role, NULL, def, s->para, (int32_t)si);
}

/* Tokens of a typed label that opens a sentence: "a)", "(i)", "2.", "1.2",
 * "1.2.", "3.1)"; 0 when there is none. */
static uint32_t S_label_len(const tl_token *tok, uint32_t n)
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

/* the only tokens S_aliases acts on: a name's end, or where an alias may start
 * (S_alias_at); its word's TL_WC_ALIAS skips all others */
static const char *const S_acts[] = {")", ":", ";", "and", "en", "between", "tussen", "(",
                                     "hierna", "verder", "hereinafter", "hereafter", "referred",
                                     NULL};

static int S_aliases(tl_ann_ctx *c, tl_sentence *s, uint32_t si)
{
	/* where the current name starts, after a typed label ("2.", "b)", "1.2") */
	uint32_t from = S_label_len(s->tok, s->ntok);
	uint32_t open = UINT32_MAX; /* the last "(" */
	/* a party label before the name: "Provider: SignStream Inc., ... (\"SignStream\")",
	 * "Leverancier: Acme B.V. (hierna: Acme)"; its role, and where its name starts */
	tl_role label_role = TL_ROLE_NONE;
	uint32_t label_from = UINT32_MAX;
	/* where the current phrase starts: as `from`, but not moved by "and" or
	 * "between", which a thing's own noun phrase can hold ("an interface
	 * between the Network and the Municipality's permit system") */
	uint32_t hard = from;
	for (uint32_t i = 0; i < s->ntok; i++) {
		const tl_token *t = &s->tok[i];
		if (tl_tok_is(t, "("))
			open = i;
		/* an aside inside a name ("NordRack Holdings Inc. (Delaware, USA)
		 * ("NordRack")") leaves the name where it started; a parenthesis the
		 * name starts with ("(a) Acme B.V.") or a party list's ") and" ends it */
		if (tl_tok_is(t, ")") && open != UINT32_MAX && open > from && open < i) {
			open = UINT32_MAX;
			continue;
		}
		int wc = tl_wc_of(t, TL_WC_ALIAS_K, TL_WC_ALIAS);
		if (wc < 0)
			wc = t->word ? tl_wc_set(t->word, TL_WC_ALIAS_K, TL_WC_ALIAS, tl_tok_in(t, S_acts))
			             : tl_tok_in(t, S_acts);
		if (!wc)
			continue;
		if (tl_tok_is(t, ")") || tl_tok_is(t, ":") || tl_tok_is(t, ";") || tl_tok_is(t, "and") ||
		    tl_tok_is(t, "en") || tl_tok_is(t, "between") || tl_tok_is(t, "tussen")) {
			from = i + 1;
			if (tl_tok_is(t, ")") || tl_tok_is(t, ":") || tl_tok_is(t, ";"))
				hard = i + 1;
			/* the label is one party word at the start of the line or after the
			 * previous name's end ("... (\"Municipality\"). Provider: ...") */
			label_role = TL_ROLE_NONE;
			if (tl_tok_is(t, ":") && i >= 1 && (s->tok[i - 1].flags & TL_TOK_CAPITAL) &&
			    (i == 1 || (s->tok[i - 2].flags & TL_TOK_PUNCT))) {
				const char *lf = S_fold_of(c, s->tok, i - 1, i);
				if (!lf)
					return TL_ENOMEM;
				label_role = tl_party_catalog(lf);
				label_from = i + 1;
			}
			continue;
		}
		uint32_t ts[4], te[4], na = 1;
		uint32_t after = S_alias_at(s->tok, s->ntok, i, &ts[0], &te[0]);
		if (!after)
			continue;
		/* more aliases in the same parenthesis: ("we", "us" or "our") */
		while (na < 4 && after + 1 < s->ntok &&
		       (tl_tok_is(&s->tok[after], ",") || tl_tok_is(&s->tok[after], "or") ||
		        tl_tok_is(&s->tok[after], "and") || tl_tok_is(&s->tok[after], "of") ||
		        tl_tok_is(&s->tok[after], "en"))) {
			uint32_t q = after + 1;
			if (q + 1 < s->ntok && (tl_tok_is(&s->tok[q], "or") || tl_tok_is(&s->tok[q], "and")))
				q++;
			/* ... en samen: "de Deelnemers"), and together the "Participants") */
			static const char *const together[] = {"samen", "tezamen", "gezamenlijk", "together",
			                                       "collectively", "jointly", NULL};
			if (q + 1 < s->ntok && tl_tok_in(&s->tok[q], together)) {
				q++;
				if (q + 1 < s->ntok && (tl_tok_is(&s->tok[q], ":") || S_det(&s->tok[q])))
					q++;
			}
			if (!S_is_quote(&s->tok[q]))
				break;
			uint32_t e = q + 1;
			while (e < s->ntok && !S_is_quote(&s->tok[e]) && e - q < 8)
				e++;
			if (e >= s->ntok || e == q + 1)
				break;
			ts[na] = q + 1;
			te[na++] = e;
			after = e + 1;
		}
		if (after < s->ntok && tl_tok_is(&s->tok[after], ")"))
			after++;
		uint32_t ns = from, ne = i;
		while (ns < ne && S_det(&s->tok[ns]))
			ns++;
		uint32_t nt = ne, paren_in = 0;
		for (uint32_t x = ns; x < ne && !paren_in; x++)
			paren_in = tl_tok_is(&s->tok[x], "(");
		while (nt > ns && (s->tok[nt - 1].flags & TL_TOK_PUNCT) && !tl_tok_is(&s->tok[nt - 1], ".") &&
		       !(paren_in && tl_tok_is(&s->tok[nt - 1], ")")))
			nt--;
		const char *name = nt > ns ? tl_ann_tok_text(c, s, from, nt) : NULL;
		tl_role role = TL_ROLE_NONE;
		for (uint32_t x = 0; x < na && !role; x++) {
			/* ("hierna: de Gemeente"): the party word after its article */
			uint32_t t0 = te[x] > ts[x] + 1 && S_det(&s->tok[ts[x]]) ? ts[x] + 1 : ts[x];
			const char *f = S_fold_of(c, s->tok, t0, te[x]);
			if (!f)
				return TL_ENOMEM;
			role = tl_party_catalog(f);
			/* the vendor's own supplier named by the contract ("hierna: de Producent",
			 * "the Manufacturer") is on the vendor's side, as its subcontractors are; the
			 * words in running text ("de fabrikanten van de servers") are no party */
			static const char *const maker[] = {"producent", "producer", "fabrikant",
			                                    "manufacturer", NULL};
			if (!role && t0 + 1 == te[x] && tl_tok_in(&s->tok[t0], maker) &&
			    (s->tok[t0].flags & TL_TOK_CAPITAL))
				role = TL_ROLE_VENDOR;
			/* a vendor's own terms: DataVision Ltd ("we", "us"), Zorgkoppel B.V.
			 * ("wij", "ons"); the customer it addresses: ("you"), ("u") */
			static const char *const we[] = {"we", "us", "our", "wij", "ons", "onze", NULL};
			static const char *const you[] = {"you", "your", "u", "uw", NULL};
			if (tl_word_in(f, we))
				role = TL_ROLE_VENDOR;
			else if (tl_word_in(f, you))
				role = TL_ROLE_CUSTOMER;
		}
		/* an alias that is no party word takes the role its name states
		 * ("De leverancier Acme B.V. (hierna: Acme)"), at the start of a
		 * name or in a short one; in a long clause the alias names only what
		 * stands right before it: "... verstrekt de verwerker ... aan de
		 * Autoriteit Persoonsgegevens (hierna: AP)" defines no vendor */
		if (!role) {
			/* a thing introduced with an indefinite article after no comma
			 * ("Opdrachtgever wil ... laten uitvoeren door een toewijzingsmodule
			 * (hierna: het Toewijzingsalgoritme)", "The Customer procures a
			 * platform (the Platform)") is what the alias names, not the party
			 * that speaks of it; an apposition keeps its comma ("Acme B.V., een
			 * besloten vennootschap (hierna: Leverancier)") */
			uint32_t rs = ns;
			int thing = 0;
			static const char *const indef[] = {"een", "a", "an", NULL};
			/* back to the phrase's start, past an "and" or "between" inside it; a
			 * comma right after the previous alias's parenthesis only separates
			 * ("(the \"Partner\"), a Tree Inspection App ... (the \"App\")") */
			uint32_t lo = hard < from ? hard : from;
			for (uint32_t x = ne; x-- > lo;) {
				if (tl_tok_is(&s->tok[x], ",") || tl_tok_is(&s->tok[x], ")"))
					break;
				if (tl_tok_in(&s->tok[x], indef)) {
					/* no comma between the phrase's start and the article (one after
					 * ", and" starts where "and" moved it: "..., and a dashboard") */
					uint32_t y = x >= from ? from : lo;
					if (y < x && y > 0 && tl_tok_is(&s->tok[y], ",") && tl_tok_is(&s->tok[y - 1], ")"))
						y++;
					while (y < x && !tl_tok_is(&s->tok[y], ","))
						y++;
					if (y == x) {
						rs = x;
						thing = 1;
						name = tl_ann_tok_text(c, s, x, nt); /* the whole noun phrase */
					}
					break;
				}
			}
			/* the thing is what its noun says ("een leverancier", "a Dutch supplier");
			 * a party named in what is said of it ("an interface the Contractor shall
			 * develop ... (the GIS Interface)") is not what the alias names */
			/* "through its Dutch implementation partner GeoBouw B.V. (the \"Partner\")":
			 * the vendor's own partner or subcontractor is on the vendor's side; the
			 * customer's is no party */
			int helper = thing ? -1 : S_own_helper(c, s->tok, from, ne);
			if (helper >= 0)
				role = (tl_role)helper;
			else
				role = thing ? S_role_in(s->tok, rs + 1, rs + 3 < ne ? rs + 3 : ne)
				             : S_role_in(s->tok, rs, ne - ns <= 10 ? ne : ns + 4);
			/* the name of a party label's line: the label says whose it is */
			if (!role && !thing && from == label_from)
				role = label_role;
			/* the whole name, past an "en" in it ("... gemeenten Aalburg en Stroomdal") */
			if (!role && !thing && helper < 0)
				role = S_on_behalf(s->tok, hard < ns ? hard : ns, ne);

		}
		/* a party's alias makes its line a definition; a thing coined where it is
		 * first used keeps its sentence a rule of the contract: "All rights in the
		 * measurements (\"Measurement Data\") vest in the Municipality." */
		if (role != TL_ROLE_NONE)
			s->flags |= TL_SENT_DEFINITION;
		int rc;
		for (uint32_t x = 0; x < na; x++) {
			const char *fold = S_fold_of(c, s->tok, ts[x], te[x]);
			const char *term = tl_ann_tok_text(c, s, ts[x], te[x]);
			if (!fold || !term)
				return TL_ENOMEM;
			if ((rc = S_add_term(c, term, fold, role, name, name, s->para, (int32_t)si)) != 0)
				return rc;
		}
		/* the party's own name ("Acme B.V.") is a mention of the party too: the name up
		 * to its first comma ("Acme B.V., gevestigd te Utrecht, ...") */
		for (uint32_t x = ns; x < ne; x++)
			if (tl_tok_is(&s->tok[x], ",")) {
				ne = x;
				break;
			}
		if (role && ne > ns && ne - ns <= 6 && (s->tok[ns].flags & TL_TOK_CAPITAL) &&
		    !tl_party_catalog(S_fold_of(c, s->tok, ns, ne)) &&
		    !(ne - ns == 1 && tl_party_catalog(s->tok[ns].fold))) {
			const char *nf = S_fold_of(c, s->tok, ns, ne);
			rc = S_add_term(c, tl_ann_tok_text(c, s, ns, ne), nf, role, NULL, NULL, s->para,
			                (int32_t)si);
			if (rc)
				return rc;
		}
		i = after - 1;
		from = hard = after;
	}
	return 0;
}

/* '"we" means Meridian', '"you" means the Municipality', '"we", "us" and "our"
 * refer to Acme', '"wij" betekent Zorgkoppel', 'betekent "wij" Zorgkoppel'
 * inside a sentence ("The
 * agreement consists of Part 1 and Part 2, in which ..."): the name after the
 * verb (its capitalised words, after an article) is the vendor or the
 * customer, as 'Acme ("we", "us")' makes it; so are the pronouns. */
static int S_we_means(tl_ann_ctx *c, tl_sentence *s, uint32_t si)
{
	static const char *const we[] = {"we", "us", "our", "wij", "ons", "onze", NULL};
	static const char *const you[] = {"you", "your", "u", "uw", NULL};
	static const char *const refer[] = {"means", "mean", "shall mean", "refers to", "refer to",
	                                    "betekent", "betekenen", "verwijst naar", "verwijzen naar",
	                                    "staat voor", "staan voor", NULL};
	const tl_token *tok = s->tok;
	uint32_t n = s->ntok;
	for (uint32_t i = 0; i + 4 < n; i++) {
		if (!(tok[i].flags & TL_TOK_PUNCT) || !(tok[i + 2].flags & TL_TOK_PUNCT) ||
		    !S_is_quote(&tok[i]) || !S_is_quote(&tok[i + 2]))
			continue;
		tl_role side = tl_tok_in(&tok[i + 1], we) ? TL_ROLE_VENDOR
		               : tl_tok_in(&tok[i + 1], you) ? TL_ROLE_CUSTOMER : TL_ROLE_NONE;
		if (!side)
			continue;
		/* more pronouns of the same side: '"we", "us" and "our"' */
		uint32_t q = i + 3, words[4] = {i + 1}, nw = 1;
		for (;;) {
			uint32_t r = q;
			if (r < n && (tl_tok_is(&tok[r], ",") || tl_tok_is(&tok[r], "and") || tl_tok_is(&tok[r], "or") ||
			              tl_tok_is(&tok[r], "en") || tl_tok_is(&tok[r], "of")))
				r++;
			if (r + 2 < n && S_is_quote(&tok[r]) && S_is_quote(&tok[r + 2]) &&
			    tl_tok_in(&tok[r + 1], side == TL_ROLE_VENDOR ? we : you)) {
				if (nw < 4)
					words[nw++] = r + 1;
				q = r + 3;
				continue;
			}
			break;
		}
		int w = -1;
		uint32_t m = tl_ph_list_at(tok, n, q, refer, &w);
		/* Dutch puts the verb first: 'In deze voorwaarden betekent "wij" Zorgkoppel' */
		int verb_first = !m && i > 0 && (tl_tok_is(&tok[i - 1], "betekent") || tl_tok_is(&tok[i - 1], "betekenen"));
		if ((!m && !verb_first) || (m && S_negated_at(tok, n, q + m)))
			continue;
		uint32_t ns = q + m;
		if (verb_first && ns < n && tl_tok_is(&tok[ns], ":"))
			ns++;
		while (ns < n && S_det(&tok[ns]))
			ns++;
		uint32_t ne = ns;
		while (ne < n && ne < ns + 6 && (tok[ne].flags & TL_TOK_CAPITAL) && !(tok[ne].flags & TL_TOK_PUNCT))
			ne++;
		if (ne == ns)
			continue; /* '"we" means the company that ...': no name */
		const char *nf = S_fold_of(c, tok, ns, ne);
		int rc = S_add_term(c, tl_ann_tok_text(c, s, ns, ne), nf, side, NULL, NULL, s->para, (int32_t)si);
		for (uint32_t k = 0; k < nw && !rc; k++)
			rc = S_add_term(c, tl_ann_tok_text(c, s, words[k], words[k] + 1), tok[words[k]].fold, side,
			                NULL, NULL, s->para, (int32_t)si);
		if (rc)
			return rc;
		i = ne - 1;
	}
	return 0;
}

static int S_sentence(tl_ann_ctx *c, tl_sentence *s, uint32_t si, int in_defs)
{
	const tl_token *tok = s->tok;
	uint32_t n = s->ntok;
	if (n < 2)
		return 0;
	int rc = S_aliases(c, s, si);
	if (!rc && (c->we.nwe || c->we.nyou)) /* no "we" or "you" in the text: nothing to define */
		rc = S_we_means(c, s, si);
	if (rc || s->unit > 0)
		return rc;
	/* a typed list label: "a)", "(i)", "1.", "1.2" */
	uint32_t k = n > 3 ? S_label_len(tok, n) : 0;
	/* "X" means / "X": / "X" - / "X" or "Y" means */
	if (S_is_quote(&tok[k])) {
		uint32_t ts[4], te[4], nt = 0, q = k;
		while (nt < 4 && q < n && S_is_quote(&tok[q])) {
			uint32_t e = q + 1;
			while (e < n && !S_is_quote(&tok[e]) && e - q < 9)
				e++;
			if (e >= n || e == q + 1 || !S_is_quote(&tok[e]))
				return 0;
			uint32_t te1 = e;
			while (te1 > q + 2 && (tok[te1 - 1].flags & TL_TOK_PUNCT))
				te1--; /* "GitHub," with the comma inside the quotes */
			ts[nt] = q + 1;
			te[nt++] = te1;
			q = e + 1;
			/* "X" or "Y", "X" of "Y", "X", "Y", "X," "Y," and "Z" */
			if (q < n && S_is_quote(&tok[q]))
				continue;
			if (q + 1 < n && (tl_tok_is(&tok[q], "or") || tl_tok_is(&tok[q], "of") || tl_tok_is(&tok[q], ",") ||
			                  tl_tok_is(&tok[q], "and") || tl_tok_is(&tok[q], "en")) &&
			    S_is_quote(&tok[q + 1]))
				q++;
			else
				break;
		}
		if (nt == 0 || q >= n)
			return 0;
		uint32_t m = (tl_tok_is(&tok[q], ":") || tl_tok_is(&tok[q], "-"))
		                 ? 1
		                 : tl_ph_list_at(tok, n, q, S_means, NULL);
		if (!m || S_negated_at(tok, n, q + m))
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
			while (ts < e && S_det(&tok[ts]))
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
			while (ts < e && S_det(&tok[ts]))
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
			    !S_negated_at(tok, n, e + m)) {
				int rc2 = S_define(c, s, si, k, e, e + m);
				s->flags &= ~TL_SENT_DEFINITION;
				return rc2;
			}
			if (m && all_caps && !(tok[e].flags & TL_TOK_CAPITAL) && !S_negated_at(tok, n, e + m))
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
		const char *fold = S_fold_of(c, ts->tok, 0, te);
		const char *term = tl_ann_tok_text(c, ts, 0, te);
		const char *def = tl_arena_strndup(&a->arena, d->text, d->len);
		if (!fold || !term || !def)
			return TL_ENOMEM;
		ts->flags |= TL_SENT_DEFINITION;
		for (uint32_t k = d0; k < d1; k++)
			a->sent[k].flags |= TL_SENT_DEFINITION;
		int rc = S_add_term(c, term, fold, tl_party_catalog(fold), NULL, def, (int32_t)p, (int32_t)d0);
		if (rc)
			return rc;
	}
	return 0;
}

/* The other party of a two-party preamble: when the customer is known, no
 * vendor is, and exactly one company was given an alias next to the
 * customer's ("2. RitWijs B.V., gevestigd te Zwolle, hierna: "RitWijs""),
 * that company is the vendor. */
static int S_other_party(tl_ann_ctx *c)
{
	tl_annotated *a = c->a;
	int32_t cust_para = -1;
	for (uint32_t t = 0; t < a->nterms; t++) {
		if (a->terms[t].role == TL_ROLE_VENDOR)
			return 0;
		if (a->terms[t].role == TL_ROLE_CUSTOMER && cust_para < 0)
			cust_para = a->terms[t].para;
	}
	if (cust_para < 0)
		return 0;
	uint32_t pick = UINT32_MAX;
	for (uint32_t t = 0; t < a->nterms; t++) {
		const tl_term *x = &a->terms[t];
		if (x->role != TL_ROLE_NONE || !x->name || x->para < cust_para - 3 || x->para > cust_para + 3 ||
		    !tl_legal_form(x->name))
			continue;
		if (pick != UINT32_MAX)
			return 0; /* two companies: which one delivers is not for us to guess */
		pick = t;
	}
	if (pick == UINT32_MAX)
		return 0;
	a->terms[pick].role = TL_ROLE_VENDOR; /* the alias; the contract speaks of it by that name */
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
	int rc = S_other_party(c);
	if (!rc)
		rc = S_table_rows(c);
	return rc ? rc : tl_definitions_short(c);
}
