/* aliases.c: party aliases and the parties' own names.
 *
 * "Acme B.V. (hierna: \"Opdrachtnemer\")", "(the \"Supplier\")", "hierna te
 * noemen \"X\"", several aliases in one parenthesis ("we", "us"), a party label
 * before a colon ("Provider: SignStream Inc. ..."), a thing introduced with an
 * indefinite article ("a platform (the \"Platform\")"), '"we" means Meridian'
 * in running text, and the other party of a two-party preamble.  A party alias
 * gets its role from the catalogue (the alias, else the name before the
 * parenthesis); the party's own name becomes a term of that role too.  The
 * terms go through definitions.c's tl_defs_add_term. */
#include <stdlib.h>
#include <string.h>

#include "analyze/defs_int.h"

/* A body acting for public customers: "De gemeenschappelijke regeling ICT
 * Vechtstreek, handelend namens de deelnemende gemeenten ...", "... acting on
 * behalf of the participating municipalities": TL_ROLE_CUSTOMER when the name
 * tok[i, j) says so, else TL_ROLE_NONE. */
static tl_role S_on_behalf(const tl_token *tok, uint32_t i, uint32_t j)
{
	/* plurals the party catalogue does not read (it takes "gemeente", "provincies") */
	static const char *const pub[] = {"gemeenten", "municipalities", "waterschappen", NULL};
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
	/* one of several parties of a side: (hierna elk: "Deelnemer" en samen: "de Deelnemers"),
	 * (hierna samen: de Gemeenten, en ieder afzonderlijk: een Gemeente) */
	"hierna elk|ieder", "hereinafter each|individually",
	"hierna samen|gezamenlijk|tezamen", "hereinafter jointly|together|collectively",
	"the", "de", "het", "together the", "gezamenlijk", "each a", "elk een", NULL};
#define S_INTRO_EXPLICIT 15

/* the words that name all of a side's several parties, or one of them, before
 * its next alias: "and together the", ", en ieder afzonderlijk: een Gemeente" */
static const char *const S_each[] = {"samen", "tezamen", "gezamenlijk", "together", "collectively",
                                     "jointly", "ieder afzonderlijk", "elk afzonderlijk", "ieder", "elk",
                                     "each individually", "each", "individually", "separately",
                                     "afzonderlijk", NULL};
#define S_EACH_TOGETHER 6

/* the length of an S_each phrase at tok[k] (0 when none); one that names one
 * of the parties ("ieder afzonderlijk", "each") needs its colon, which is
 * counted, so "(the \"Customer\" and each \"User\")" joins no two sides */
static uint32_t S_each_at(const tl_token *tok, uint32_t n, uint32_t k)
{
	int w = -1;
	uint32_t m = tl_ph_list_at(tok, n, k, S_each, &w);
	if (!m || w < S_EACH_TOGETHER)
		return m;
	return k + m < n && tl_tok_is(&tok[k + m], ":") ? m + 1 : 0;
}

static const char *const S_intro_first[] = {"hierna", "verder", "hereinafter", "hereafter",
                                            "referred", NULL};

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
	if (!paren && !tl_tok_in(&tok[i], S_intro_first))
		return 0;
	int w = -1;
	uint32_t m = tl_ph_list_at(tok, n, k, S_intro, &w);
	if (!paren && (m == 0 || w >= S_INTRO_EXPLICIT))
		return 0; /* without a parenthesis only an explicit "hierna" counts */
	k += m;
	if (k < n && (tl_tok_is(&tok[k], ":") || tl_tok_is(&tok[k], ",")))
		k++;
	if (k + 1 < n && m > 0 && w < S_INTRO_EXPLICIT && tl_defs_det(&tok[k]) && tl_defs_is_quote(&tok[k + 1]))
		k++; /* (hereinafter: the "Provider") */
	if (k < n && tl_defs_is_quote(&tok[k])) {
		uint32_t s = ++k;
		while (k < n && !tl_defs_is_quote(&tok[k]) && k - s < 8)
			k++;
		if (k >= n || k == s || !tl_defs_is_quote(&tok[k]))
			return 0;
		*ts = s;
		*te = k;
		return k + 1;
	}
	if (m == 0 || w >= S_INTRO_EXPLICIT)
		return 0; /* "(the Supplier)" without quotes is not an alias */
	/* (hierna: Opdrachtnemer), ..., hierna te noemen: Opdrachtgever; an article
	 * before a capitalised word is no part of it: (hierna: de Gemeente) */
	if (k + 1 < n && tl_defs_det(&tok[k]) && (tok[k + 1].flags & TL_TOK_CAPITAL) &&
	    !(tok[k + 1].flags & TL_TOK_PUNCT))
		k++;
	uint32_t s = k;
	while (k < n && !tl_tok_is(&tok[k], ")") && !tl_tok_is(&tok[k], ",") && !tl_tok_is(&tok[k], ";") &&
	       !tl_tok_is(&tok[k], ".") && k - s < 6)
		k++;
	/* (hierna samen: de Gemeenten, en ieder afzonderlijk: een Gemeente): the next alias
	 * of the same side follows the comma; the caller reads it from the comma on */
	int more = paren && k + 2 < n && tl_tok_is(&tok[k], ",") &&
	           (tl_tok_is(&tok[k + 1], "en") || tl_tok_is(&tok[k + 1], "and")) && S_each_at(tok, n, k + 2);
	if (k == s || !(tok[s].flags & TL_TOK_CAPITAL) || k - s > 4 ||
	    (paren && !more && (k >= n || !tl_tok_is(&tok[k], ")"))))
		return 0;
	*ts = s;
	*te = k;
	return more ? k : k + 1;
}

static int S_company(const char *name);

/* A party line's unquoted alias after an article, at its end: "(1) The
 * Municipality of Rijnstad, represented by ... (the Municipality);", "(2)
 * Stichting ..., having its office in Utrecht (the Institute)."  tok[i] is
 * "("; the line's name starts at `hard` (after a typed label) with a capital,
 * and a comma parts it from what is said of it.  The alias is a party word
 * of the catalogue, or the name reads as a company's (S_company); elsewhere
 * "(the Processor)" is running text.  Returns the index after ")" (and sets
 * [*ts, *te)) or 0. */
static uint32_t S_line_alias(tl_ann_ctx *c, const tl_sentence *s, uint32_t i, uint32_t hard, uint32_t *ts,
                             uint32_t *te)
{
	const tl_token *tok = s->tok;
	uint32_t n = s->ntok, k = i + 1;
	if (k + 2 >= n || !tl_tok_is(&tok[i], "(") || !tl_defs_det(&tok[k]) || tl_tok_is(&tok[k], "a") ||
	    tl_tok_is(&tok[k], "an") || tl_tok_is(&tok[k], "een"))
		return 0;
	uint32_t a0 = ++k;
	while (k < n && k - a0 < 3 && (tok[k].flags & TL_TOK_CAPITAL) && !(tok[k].flags & TL_TOK_PUNCT))
		k++;
	if (k == a0 || k >= n || !tl_tok_is(&tok[k], ")"))
		return 0;
	/* the line ends here: ")", ");", ").", "), and" */
	uint32_t e = k + 1;
	if (e < n && (tl_tok_is(&tok[e], ";") || tl_tok_is(&tok[e], ",") || tl_tok_is(&tok[e], ".")))
		e++;
	if (e < n && (tl_tok_is(&tok[e], "and") || tl_tok_is(&tok[e], "en")))
		e++;
	if (e < n)
		return 0;
	/* the name opens the line and a comma follows it */
	uint32_t ns = hard;
	while (ns < i && tl_defs_det(&tok[ns]))
		ns++;
	if (ns >= i || !(tok[ns].flags & TL_TOK_CAPITAL) || (tok[ns].flags & TL_TOK_PUNCT))
		return 0;
	int comma = 0;
	for (uint32_t x = ns; x < i && !comma; x++)
		comma = tl_tok_is(&tok[x], ",");
	if (!comma)
		return 0;
	const char *f = tl_defs_fold_of(c, tok, a0, k);
	const char *name = tl_ann_tok_text(c, s, ns, i);
	if (!f || !name || (!tl_party_catalog(f) && !S_company(name)))
		return 0;
	*ts = a0;
	*te = k;
	return k + 1;
}

/* the only tokens S_aliases acts on: a name's end, or where an alias may start
 * (S_alias_at); its word's TL_WC_ALIAS skips all others */
static const char *const S_acts[] = {")", ":", ";", "and", "en", "between", "tussen", "(",
                                     "hierna", "verder", "hereinafter", "hereafter", "referred",
                                     NULL};

/* 1 when an alias may start somewhere in unit s: S_alias_at and S_line_alias
 * find one only at a "(" or an S_intro_first word (TL_WC_AINTRO, one bit test
 * per token after the first time). */
static int S_may_alias(const tl_sentence *s)
{
	for (uint32_t i = 0; i < s->ntok; i++) {
		const tl_token *t = &s->tok[i];
		int wc = tl_wc_of(t, TL_WC_AINTRO_K, TL_WC_AINTRO);
		if (wc < 0) {
			int yes = tl_tok_is(t, "(") || tl_tok_in(t, S_intro_first);
			wc = t->word ? tl_wc_set(t->word, TL_WC_AINTRO_K, TL_WC_AINTRO, yes) : yes;
		}
		if (wc)
			return 1;
	}
	return 0;
}

int tl_defs_aliases(tl_ann_ctx *c, tl_sentence *s, uint32_t si)
{
	/* without a place where an alias may start the loop below finds none and
	 * changes nothing: most units end here */
	if (!S_may_alias(s))
		return 0;
	/* where the current name starts, after a typed label ("2.", "b)", "1.2") */
	uint32_t from = tl_defs_label_len(s->tok, s->ntok);
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
				const char *lf = tl_defs_fold_of(c, s->tok, i - 1, i);
				if (!lf)
					return TL_ENOMEM;
				label_role = tl_party_catalog(lf);
				label_from = i + 1;
			}
			continue;
		}
		uint32_t ts[4], te[4], na = 1;
		uint32_t after = S_alias_at(s->tok, s->ntok, i, &ts[0], &te[0]);
		if (!after && tl_tok_is(t, "(") && (after = S_line_alias(c, s, i, hard, &ts[0], &te[0])) != 0)
			from = hard; /* the whole line names the party ("Board of Mayor and Aldermen") */
		if (!after)
			continue;
		/* more aliases in the same parenthesis: ("we", "us" or "our") */
		while (na < 4 && after + 1 < s->ntok &&
		       (tl_tok_is(&s->tok[after], ",") || tl_tok_is(&s->tok[after], "or") ||
		        tl_tok_is(&s->tok[after], "and") || tl_tok_is(&s->tok[after], "of") ||
		        tl_tok_is(&s->tok[after], "en"))) {
			uint32_t q = after + 1;
			if (q + 1 < s->ntok && (tl_tok_is(&s->tok[q], "or") || tl_tok_is(&s->tok[q], "and") ||
			                        (tl_tok_is(&s->tok[q], "en") && S_each_at(s->tok, s->ntok, q + 1))))
				q++;
			/* ... en samen: "de Deelnemers"), and together the "Participants"), ", en ieder
			 * afzonderlijk: een Gemeente" */
			uint32_t each = q + 1 < s->ntok ? S_each_at(s->tok, s->ntok, q) : 0;
			if (each) {
				q += each;
				if (q + 1 < s->ntok && tl_tok_is(&s->tok[q], ":"))
					q++;
				/* unquoted after the words, as the first alias: "een Gemeente" up to ")" */
				uint32_t u = q + 1 < s->ntok && tl_defs_det(&s->tok[q]) ? q + 1 : q, e = u;
				while (e < s->ntok && e - u < 4 && (s->tok[e].flags & TL_TOK_CAPITAL) &&
				       !(s->tok[e].flags & TL_TOK_PUNCT))
					e++;
				if (!tl_defs_is_quote(&s->tok[u]) && e > u && e < s->ntok && tl_tok_is(&s->tok[e], ")")) {
					ts[na] = u;
					te[na++] = e;
					after = e;
					continue;
				}
				if (q + 1 < s->ntok && tl_defs_det(&s->tok[q]))
					q++;
			}
			/* an article before the next quote: ("Beacon" or the "Supplier"),
			 * (hierna: "Acme" of de "Leverancier") */
			else if (q + 2 < s->ntok && tl_defs_det(&s->tok[q]) && tl_defs_is_quote(&s->tok[q + 1]))
				q++;
			if (!tl_defs_is_quote(&s->tok[q]))
				break;
			uint32_t e = q + 1;
			while (e < s->ntok && !tl_defs_is_quote(&s->tok[e]) && e - q < 8)
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
		while (ns < ne && tl_defs_det(&s->tok[ns]))
			ns++;
		uint32_t nt = ne, paren_in = 0;
		for (uint32_t x = ns; x < ne && !paren_in; x++)
			paren_in = tl_tok_is(&s->tok[x], "(");
		while (nt > ns && (s->tok[nt - 1].flags & TL_TOK_PUNCT) && !tl_tok_is(&s->tok[nt - 1], ".") &&
		       !(paren_in && tl_tok_is(&s->tok[nt - 1], ")")))
			nt--;
		const char *name = nt > ns ? tl_ann_tok_text(c, s, from, nt) : NULL;
		tl_role role = TL_ROLE_NONE;
		int pron_alias = 0; /* the alias is "we"/"you" (or "wij"/"u") */
		for (uint32_t x = 0; x < na && !role; x++) {
			/* ("hierna: de Gemeente"): the party word after its article */
			uint32_t t0 = te[x] > ts[x] + 1 && tl_defs_det(&s->tok[ts[x]]) ? ts[x] + 1 : ts[x];
			const char *f = tl_defs_fold_of(c, s->tok, t0, te[x]);
			if (!f)
				return TL_ENOMEM;
			role = tl_party_catalog(f);
			/* an English plural in -ies, which the catalogue does not read (it would make
			 * "competent authorities" in running text the customer): "the Municipalities" */
			size_t fl = strlen(f);
			if (!role && fl > 4 && fl < 64 && !strcmp(f + fl - 3, "ies")) {
				char one[64];
				memcpy(one, f, fl - 3);
				memcpy(one + fl - 3, "y", 2);
				role = tl_party_catalog(one);
			}
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
				role = TL_ROLE_VENDOR, pron_alias = 1;
			else if (tl_word_in(f, you))
				role = TL_ROLE_CUSTOMER, pron_alias = 1;
		}
		/* "Wij, Planvast B.V., bieden de gemeente (hierna: \"u\") ...", "We, Acme Ltd,
		 * provide the municipality (\"you\") ...": before a pronoun alias, words that
		 * open with a personal pronoun and a comma are the speaker's sentence, not the
		 * name of what the alias names ("We, the Provider, will make available X (the
		 * \"Product\")" keeps what it had) */
		static const char *const pron[] = {"we", "wij", "i", "ik", "you", "u", NULL};
		int spoken = pron_alias && ns + 1 < ne && tl_tok_in(&s->tok[ns], pron) &&
		             tl_tok_is(&s->tok[ns + 1], ",");
		if (spoken)
			name = NULL;
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
				role = thing ? tl_defs_role_in(s->tok, rs + 1, rs + 3 < ne ? rs + 3 : ne)
				             : tl_defs_role_in(s->tok, rs, ne - ns <= 10 ? ne : ns + 4);
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
			const char *fold = tl_defs_fold_of(c, s->tok, ts[x], te[x]);
			const char *term = tl_ann_tok_text(c, s, ts[x], te[x]);
			if (!fold || !term)
				return TL_ENOMEM;
			if ((rc = tl_defs_add_term(c, term, fold, role, name, name, s->para, (int32_t)si)) != 0)
				return rc;
		}
		/* the party's own name ("Acme B.V.") is a mention of the party too: the name up
		 * to its first comma ("Acme B.V., gevestigd te Utrecht, ...") */
		for (uint32_t x = ns; x < ne; x++)
			if (tl_tok_is(&s->tok[x], ",")) {
				ne = x;
				break;
			}
		/* the speaker named in its own opening ("Wij, Planvast B.V., ...", "We, Acme Ltd,
		 * ...") to the customer it calls "u"/"you": that name is the vendor */
		if (spoken && role == TL_ROLE_CUSTOMER && ns + 3 < i &&
		    (tl_tok_is(&s->tok[ns], "we") || tl_tok_is(&s->tok[ns], "wij")) &&
		    (s->tok[ns + 2].flags & TL_TOK_CAPITAL)) {
			uint32_t k = ns + 2;
			while (k < i && k < ns + 9 && !tl_tok_is(&s->tok[k], ","))
				k++;
			if (k < i && k > ns + 2) {
				const char *vf = tl_defs_fold_of(c, s->tok, ns + 2, k);
				const char *vt = tl_ann_tok_text(c, s, ns + 2, k);
				if (!vf || !vt)
					return TL_ENOMEM;
				if ((rc = tl_defs_add_term(c, vt, vf, TL_ROLE_VENDOR, NULL, NULL, s->para, (int32_t)si)) != 0)
					return rc;
			}
		}
		if (role && !spoken && ne > ns && ne - ns <= 6 && (s->tok[ns].flags & TL_TOK_CAPITAL) &&
		    !tl_party_catalog(tl_defs_fold_of(c, s->tok, ns, ne)) &&
		    !(ne - ns == 1 && tl_party_catalog(s->tok[ns].fold))) {
			const char *nf = tl_defs_fold_of(c, s->tok, ns, ne);
			rc = tl_defs_add_term(c, tl_ann_tok_text(c, s, ns, ne), nf, role, NULL, NULL, s->para,
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
int tl_defs_we_means(tl_ann_ctx *c, tl_sentence *s, uint32_t si)
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
		    !tl_defs_is_quote(&tok[i]) || !tl_defs_is_quote(&tok[i + 2]))
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
			if (r + 2 < n && tl_defs_is_quote(&tok[r]) && tl_defs_is_quote(&tok[r + 2]) &&
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
		if ((!m && !verb_first) || (m && tl_defs_negated_at(tok, n, q + m)))
			continue;
		uint32_t ns = q + m;
		if (verb_first && ns < n && tl_tok_is(&tok[ns], ":"))
			ns++;
		while (ns < n && tl_defs_det(&tok[ns]))
			ns++;
		uint32_t ne = ns;
		while (ne < n && ne < ns + 6 && (tok[ne].flags & TL_TOK_CAPITAL) && !(tok[ne].flags & TL_TOK_PUNCT))
			ne++;
		if (ne == ns)
			continue; /* '"we" means the company that ...': no name */
		const char *nf = tl_defs_fold_of(c, tok, ns, ne);
		int rc = tl_defs_add_term(c, tl_ann_tok_text(c, s, ns, ne), nf, side, NULL, NULL, s->para, (int32_t)si);
		for (uint32_t k = 0; k < nw && !rc; k++)
			rc = tl_defs_add_term(c, tl_ann_tok_text(c, s, words[k], words[k] + 1), tok[words[k]].fold, side,
			                NULL, NULL, s->para, (int32_t)si);
		if (rc)
			return rc;
		i = ne - 1;
	}
	return 0;
}

/* 1 when a party's name reads as a company's: a legal form ("B.V.", "ApS"),
 * or where it is registered or established ("gevestigd te Zwolle", "registered
 * under CVR number ...", "KvK 1234", "with its registered office in ...");
 * or as a public body or foundation that delivers a service as a company does
 * ("het openbaar lichaam ...", "ingesteld bij de Gemeenschappelijke Regeling
 * ...", "the public body ...", "a foundation under Dutch law"). */
static int S_company(const char *name)
{
	static const char *const signs[] = {
		"gevestigd", "ingeschreven", "kvk", "kamer van koophandel", "handelsregister", "registered",
		"chamber of commerce", "company number", "companies house", "openbaar lichaam",
		"gemeenschappelijke regeling", "bedrijfsvoeringsorganisatie", "uitvoeringsorganisatie",
		"werkorganisatie", "shared service", "stichting", "public body", "joint arrangement",
		"public-law body", "foundation", NULL};
	if (tl_legal_form(name))
		return 1;
	char low[512];
	size_t n = 0;
	for (; name[n] && n + 1 < sizeof low; n++)
		low[n] = (char)(name[n] >= 'A' && name[n] <= 'Z' ? name[n] - 'A' + 'a' : name[n]);
	low[n] = '\0';
	for (const char *const *g = signs; *g; g++)
		if (strstr(low, *g))
			return 1;
	return 0;
}

/* The other party of a two-party preamble: when the customer is known, no
 * vendor is, and exactly one company was given an alias next to the
 * customer's ("2. RitWijs B.V., gevestigd te Zwolle, hierna: "RitWijs"",
 * "Beacon Alert, registered under CVR number 3987 ("Beacon")"), that company
 * is the vendor. */
int tl_defs_other_party(tl_ann_ctx *c)
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
		    !S_company(x->name))
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
