/* shortname.c: a company's short name.
 *
 * Terms and schedules written by the vendor call it by its trade name: the
 * parties paragraph names "Lumen Public Displays B.V., Eindhoven (the
 * "Contractor")" and the Platform Terms say "Lumen may suspend access ...".
 * The first word of a party's own name with a legal form becomes a term of
 * that party's role, flagged TL_TERM_SHORT, when it is distinctive: written
 * with a capital wherever it occurs in the document, no usual party word or
 * generic word ("Public", "Digital"), and no word of a name of the other side
 * ("Gemeente Vlietstad" and "Vlietstad Media B.V.").  defmark.c then counts
 * it only as a bare word: "the Lumen CMS" and "Lumen CMS" are the product. */
#include <string.h>

#include "analyze/annot_int.h"

static int S_ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int tl_legal_form(const char *name)
{
	static const char *const forms[] = {
		"B.V.", "N.V.", " BV", " NV", "V.O.F.", "Ltd", "Limited", "GmbH", "Inc.", "LLC", "S.A.",
		"AG", "Stichting ", "Coöperatie ", "U.A.",
		/* the rest of Europe and beyond: Danish, Norwegian, Swedish, Finnish, French,
		 * Italian, Spanish, Belgian, Polish, British, American */
		"ApS", "A/S", " AS", " AB", " Oy", " Oyj", "SAS", "SARL", "S.r.l.", "Srl", "S.p.A.",
		"SpA", "S.L.", "BVBA", "BV.", "CommV", "Sp. z o.o.", "PLC", "plc", "LLP", "Pty", "Corp.",
		"Corporation", "Incorporated", " KG", " SE", "e.V.", "s.r.o.", "Kft.", "Lda", NULL};
	for (const char *const *f = forms; name && *f; f++) {
		size_t l = strlen(*f);
		/* a whole word: "AG" not in "AGENDA", "Ltd" not in "Ltdx" */
		for (const char *h = strstr(name, *f); h; h = strstr(h + 1, *f)) {
			int before = (*f)[0] == ' ' || h == name || !S_ascii_letter((unsigned char)h[-1]);
			int after = (*f)[l - 1] == ' ' || !S_ascii_letter((unsigned char)h[l]);
			if (before && after)
				return 1;
		}
	}
	return 0;
}

/* first words that say what a company does or where it is, not who it is */
static const char *const S_generic[] = {
	"public", "digital", "smart", "open", "data", "cloud", "software", "systems", "services",
	"solutions", "global", "international", "european", "dutch", "royal", "koninklijke",
	"nederland", "nederlandse", "holland", "national", "nationale", "city", "general", "united",
	"new", "first", "group", "groep", "holding", "stichting", "coöperatie", "vereniging", "it",
	"ict", "media", "the", "de", "het", "van", "an", "a", "een", NULL};

#define S_MAX_SHORT 8

typedef struct {
	const char *fold; /* the first word, folded (arena) */
	const char *text; /* as written (arena) */
	tl_role role;
	int32_t para, sent;
	int ok;
} S_cand;

/* 1 when w is one of the space-separated words of fold */
static int S_has_word(const char *fold, const char *w)
{
	size_t wl = strlen(w);
	for (const char *p = fold; p && *p;) {
		const char *e = strchr(p, ' ');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		if (l == wl && memcmp(p, w, l) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

int tl_definitions_short(tl_ann_ctx *c)
{
	tl_annotated *a = c->a;
	S_cand cand[S_MAX_SHORT];
	uint32_t nc = 0, nterms = a->nterms;
	for (uint32_t t = 0; t < nterms && nc < S_MAX_SHORT; t++) {
		const tl_term *x = &a->terms[t];
		if ((x->role != TL_ROLE_VENDOR && x->role != TL_ROLE_CUSTOMER) || !x->term || !x->fold)
			continue;
		const char *sp = strchr(x->fold, ' ');
		const char *tsp = strchr(x->term, ' ');
		unsigned char c0 = (unsigned char)x->term[0];
		if (!sp || !tsp || !(c0 >= 'A' && c0 <= 'Z') || !tl_legal_form(x->term))
			continue;
		size_t fl = (size_t)(sp - x->fold);
		if (fl < 3 || fl > 40)
			continue;
		char *f = tl_arena_strndup(&a->arena, x->fold, fl);
		char *w = tl_arena_strndup(&a->arena, x->term, (size_t)(tsp - x->term));
		if (!f || !w)
			return TL_ENOMEM;
		if (tl_word_in(f, S_generic) || tl_party_catalog(f) != TL_ROLE_NONE || tl_legal_form(w) ||
		    strchr(f, '.') || strchr(f, '-'))
			continue;
		cand[nc++] = (S_cand){f, w, x->role, x->para, x->def_sentence, 1};
	}
	if (!nc)
		return 0;
	for (uint32_t k = 0; k < nc; k++) {
		/* a term of its own already, a word of the other side's names, or two companies of
		 * different sides with one first word */
		for (uint32_t t = 0; t < nterms && cand[k].ok; t++) {
			const tl_term *x = &a->terms[t];
			if (!x->fold)
				continue;
			if (strcmp(x->fold, cand[k].fold) == 0 ||
			    (x->role != cand[k].role && x->role != TL_ROLE_NONE && S_has_word(x->fold, cand[k].fold)))
				cand[k].ok = 0;
		}
		for (uint32_t j = 0; j < nc; j++)
			if (j != k && cand[j].role != cand[k].role && strcmp(cand[j].fold, cand[k].fold) == 0)
				cand[k].ok = 0;
	}
	/* written in lower case anywhere, also with a plural ending, it is a word, not a name
	 * ("open", "smart", "camera's") */
	static const char *const ends[] = {"", "s", "'s", "'", "en", "n", "es", NULL};
	for (size_t p = 0; p < c->npara; p++) {
		const tl_token *tok = c->pt[p].tok;
		for (uint32_t i = 0; i < c->pt[p].ntok; i++) {
			if (tok[i].flags & (TL_TOK_CAPITAL | TL_TOK_PUNCT | TL_TOK_NUMBER))
				continue;
			for (uint32_t k = 0; k < nc; k++) {
				size_t l = strlen(cand[k].fold);
				if (!cand[k].ok || tok[i].fold[0] != cand[k].fold[0] ||
				    strncmp(tok[i].fold, cand[k].fold, l) != 0)
					continue;
				for (const char *const *e = ends; *e; e++)
					if (strcmp(tok[i].fold + l, *e) == 0)
						cand[k].ok = 0;
			}
		}
	}
	for (uint32_t k = 0; k < nc; k++) {
		if (!cand[k].ok)
			continue;
		uint32_t before = a->nterms;
		int rc = tl_definitions_add(c, cand[k].text, cand[k].fold, cand[k].role, cand[k].para, cand[k].sent);
		if (rc)
			return rc;
		if (a->nterms > before)
			a->terms[before].flags |= TL_TERM_SHORT;
	}
	return 0;
}
