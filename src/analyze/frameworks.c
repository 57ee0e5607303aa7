/* frameworks.c: declared general terms (GIBIT 2023/2020, ARBIT 2018/2022,
 * the VNG Standaard Verwerkersovereenkomst) and the articles a contract
 * deviates from.
 *
 * A declaration is a positive statement that the terms apply ("Op deze
 * Overeenkomst zijn de GIBIT 2023 van toepassing", "GIBIT 2020 applies",
 * "maken deel uit van", "is opgenomen in Bijlage 7"); "zijn niet van
 * toepassing" is none.  Deviations:
 * "in afwijking van artikel N", "by way of derogation from article N",
 * "notwithstanding article N", "artikel N van de GIBIT is niet van
 * toepassing", "met uitzondering van artikel N", in a sentence that names
 * the framework (or its general terms when only one is declared).  Only the
 * article right after the deviating phrase, or an article next to the
 * framework's name ("artikel 16.4 GIBIT 2023"), is the framework's: "door
 * schending van artikel 3" in the same sentence is the contract's own.
 * A table of deviations lists them one per row ("| D2 | GIBIT 2023 art. 16.4 |
 * The Vendor's total liability ... |" under "Annex 2 - Deviations from GIBIT
 * 2023", or a header row "| Nr. | Artikel | Afwijking |"): each row's articles
 * are the framework's (S_table_rows).
 *
 * Terms declared for another agreement only ("Op de Hoofdovereenkomst zijn de
 * Inkoopvoorwaarden GIBIT 2020 van toepassing", in a processing agreement's
 * recitals) are no declaration for this document.
 *
 * The VNG processing agreement is an agreement the parties conclude
 * ("Partijen sluiten de Standaard Verwerkersovereenkomst Gemeenten", "have
 * concluded the VNG Standard Data Processing Agreement"), so for it
 * concluding or signing declares it too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze/annot_int.h"

static const char *const S_apply[] = {
	"van toepassing", "toepasselijk", "apply", "applies", "applicable", "maakt|maken deel uit",
	"form|forms part", "incorporated", "onverkort", "gelden", "geldt", "governed by", "beheerst",
	/* incorporated as an annex: "is opgenomen in Bijlage 7", "is attached as Schedule 3" */
	"opgenomen in|als bijlage|annex|appendix", "opgenomen in|als de bijlage",
	"bijgevoegd|aangehecht als bijlage", "attached as|in|to annex|schedule|appendix|exhibit",
	"attached hereto", "annexed", "included as|in annex|schedule|appendix|exhibit", NULL};

/* "The Agreement is subject to ARBIT 2022": the words open an exception
 * elsewhere ("subject to clause 4"), so they are tried apart. */
static const char *const S_subject[] = {"subject to", "onderworpen aan", NULL};

/* Concluding an agreement declares it; general terms are not concluded. */
static const char *const S_conclude[] = {
	"gesloten", "sluiten", "sluit", "ondertekend", "aangegaan", "gaan|gaat aan", "concluded",
	"conclude|concludes", "entered|enter|enters into", "signed", "executed",
	/* a tender: "the Supplier will sign the VNG Standaard Verwerkersovereenkomst" */
	"sign|signs", "ondertekent|ondertekenen|tekent|tekenen|getekend", NULL};

/* Another agreement the document stands next to: a processing agreement's
 * recital "Op de Hoofdovereenkomst zijn de Inkoopvoorwaarden GIBIT 2020 van
 * toepassing" declares the terms for that agreement, not for this one. */
static const char *const S_other_agreement[] = {
	"hoofdovereenkomst|hoofdovereenkomsten", "onderliggende overeenkomst|overeenkomsten",
	"main|principal|underlying agreement|agreements", NULL};
/* ... unless the sentence also names this document: "Op deze
 * Verwerkersovereenkomst en de Hoofdovereenkomst zijn ... van toepassing". */
static const char *const S_this_document[] = {"deze", "dit", "this", "hierbij", "hereby", NULL};

static const char *const S_deviate[] = {
	"in afwijking van", "afwijkend van", "by way of derogation from", "in derogation of|from",
	"notwithstanding", "in deviation from", "deviating from", "met uitzondering van",
	"with the exception of", "except for|as", NULL};

/* The last of the years 2018, 2020, 2022, 2023 among the three tokens after
 * token i, or NULL. */
static const char *S_year(const tl_sentence *s, uint32_t i)
{
	const char *year = NULL;
	for (uint32_t k = i + 1; k < s->ntok && k <= i + 3; k++) {
		const char *y = s->tok[k].fold;
		if (!strcmp(y, "2023") || !strcmp(y, "2020") || !strcmp(y, "2018") || !strcmp(y, "2022"))
			year = y;
	}
	return year;
}

/* The VNG model processing agreement by its English name, at "VNG": "the
 * VNG Standard (Data) Processing Agreement (for Municipalities)", or "the
 * Standard Data Processing Agreement for Municipalities (VNG model, version
 * 2.51)", where VNG follows the name within a parenthesis. */
static int S_vng_dpa(const tl_sentence *s, uint32_t i)
{
	static const char *const after[] = {"vng standard|model data processing agreement",
	                                    "vng standard|model processing agreement", NULL};
	if (tl_ph_list_at(s->tok, s->ntok, i, after, NULL))
		return 1;
	/* "... Agreement for Municipalities (VNG model": the name ends right before "(" */
	uint32_t k = i;
	if (k > 0 && !strcmp(s->tok[k - 1].fold, "("))
		k--;
	return k >= 4 && tl_ph_at(s->tok, s->ntok, k - 4, "processing agreement for municipalities") == 4;
}

/* The framework a sentence names, or NULL; `*generic` when it names
 * general terms without a framework, `*dpa` "vng-vwo" when it names the VNG
 * processing agreement besides general terms ("GIBIT 2023 and the VNG
 * Standaard Verwerkersovereenkomst ... concluded as Annex 2": the general
 * terms are what a deviation in it departs from). */
static const char *S_named(const tl_sentence *s, int *generic, const char **dpa)
{
	const char *versioned = NULL, *terms = NULL;
	int vwo = 0;
	*generic = 0;
	for (uint32_t i = 0; i < s->ntok; i++) {
		/* every name below is one of these words (TL_WC_FW in the token's word) */
		static const char *const names[] = {"gibit", "gibit2023", "gibit2020", "arbit",
		                                    "verwerkersovereenkomst", "verwerkersovereenkomsten",
		                                    "vng", "algemene", "general", "inkoopvoorwaarden",
		                                    NULL};
		const tl_token *t = &s->tok[i];
		int wc = tl_wc_of(t, TL_WC_FW_K, TL_WC_FW);
		if (wc < 0) {
			/* the first time: every name starts with g, a, v or i */
			char c0 = t->fold[0];
			int yes = (c0 == 'g' || c0 == 'a' || c0 == 'v' || c0 == 'i') && tl_tok_in(t, names);
			wc = t->word ? tl_wc_set(t->word, TL_WC_FW_K, TL_WC_FW, yes) : yes;
		}
		if (!wc)
			continue;
		const char *f = t->fold;
		const char *year = NULL;
		if ((f[0] == 'g' || f[0] == 'a') && (!strncmp(f, "gibit", 5) || !strcmp(f, "arbit")))
			year = S_year(s, i);
		if (!strcmp(f, "gibit") || !strcmp(f, "gibit2023") || !strcmp(f, "gibit2020")) {
			/* the first versioned name wins, else the first name */
			if (!strcmp(f, "gibit2023") || (year && !strcmp(year, "2023")))
				versioned = versioned ? versioned : "gibit-2023";
			else if (!strcmp(f, "gibit2020") || (year && !strcmp(year, "2020")))
				versioned = versioned ? versioned : "gibit-2020";
			else
				terms = terms ? terms : "gibit";
		} else if (!strcmp(f, "arbit")) {
			if (year && !strcmp(year, "2018"))
				versioned = versioned ? versioned : "arbit-2018";
			else if (year && !strcmp(year, "2022"))
				versioned = versioned ? versioned : "arbit-2022";
			else
				terms = terms ? terms : "arbit";
		} else if (!strcmp(f, "verwerkersovereenkomst") || !strcmp(f, "verwerkersovereenkomsten")) {
			for (uint32_t k = i > 4 ? i - 4 : 0; k < i + 3 && k < s->ntok; k++)
				if (!strcmp(s->tok[k].fold, "vng") || !strcmp(s->tok[k].fold, "standaard"))
					vwo = 1;
		} else if (!strcmp(f, "vng") && S_vng_dpa(s, i)) {
			vwo = 1;
		} else if ((!strcmp(f, "algemene") &&
		            tl_ph_at(s->tok, s->ntok, i, "algemene voorwaarden|inkoopvoorwaarden")) ||
		           (!strcmp(f, "general") && tl_ph_at(s->tok, s->ntok, i, "general terms|conditions")) ||
		           !strcmp(f, "inkoopvoorwaarden")) {
			*generic = 1;
		}
	}
	const char *gt = versioned ? versioned : terms;
	*dpa = gt && vwo ? "vng-vwo" : NULL;
	return gt ? gt : vwo ? "vng-vwo" : NULL;
}

void tl_frameworks_named(const tl_sentence *s, tl_fw_named *out)
{
	out->id = S_named(s, &out->generic, &out->dpa);
}

static int S_add_fw(tl_ann_ctx *c, const char *id, const tl_sentence *s, uint32_t si)
{
	tl_annotated *a = c->a;
	for (uint32_t i = 0; i < a->nfw; i++) {
		if (!strcmp(a->fw[i].id, id))
			return 0;
		/* "GIBIT" after "GIBIT 2023" names the same terms */
		if (!strcmp(id, "gibit") && !strncmp(a->fw[i].id, "gibit", 5))
			return 0;
		if (!strcmp(id, "arbit") && !strncmp(a->fw[i].id, "arbit", 5))
			return 0;
		if (!strcmp(a->fw[i].id, "gibit") && !strncmp(id, "gibit-", 6)) {
			a->fw[i].id = id; /* the version is known now */
			return 0;
		}
	}
	if (a->nfw >= 16)
		return 0;
	if (a->nfw == c->afw) {
		uint32_t n = c->afw ? c->afw * 2 : 4;
		tl_framework *f = realloc(c->fw, (size_t)n * sizeof *f);
		if (!f)
			return TL_ENOMEM;
		c->fw = f;
		c->afw = n;
		a->fw = f;
	}
	tl_framework *f = &a->fw[a->nfw++];
	memset(f, 0, sizeof *f);
	f->id = id;
	f->para = s->para;
	f->sentence = (int32_t)si;
	return 0;
}

/* 1 when tok[k] starts a framework's name: "GIBIT", "ARBIT", "VNG",
 * "Verwerkersovereenkomst", "algemene voorwaarden", "general terms". */
static int S_name_at(const tl_sentence *s, uint32_t k)
{
	static const char *const names[] = {"gibit", "gibit2023", "gibit2020", "arbit", "vng", "vwo",
	                                    "verwerkersovereenkomst", "inkoopvoorwaarden", NULL};
	if (k >= s->ntok)
		return 0;
	return tl_tok_in(&s->tok[k], names) ||
	       tl_ph_at(s->tok, s->ntok, k, "algemene voorwaarden|inkoopvoorwaarden") > 0 ||
	       tl_ph_at(s->tok, s->ntok, k, "general terms|conditions") > 0;
}

/* The article list tok[i..end) stands next to the framework's name:
 * "artikel 16 GIBIT 2023", "artikel 13 van de GIBIT", "article 7 of the
 * GIBIT", or the name up to four words before it in the same clause. */
static int S_next_to_name(const tl_sentence *s, uint32_t i, uint32_t end)
{
	static const char *const glue[] = {"van", "de", "het", "der", "of", "the", "(", NULL};
	uint32_t k = end;
	for (uint32_t n = 0; n < 3 && k < s->ntok && tl_tok_in(&s->tok[k], glue); n++)
		k++;
	if (S_name_at(s, k))
		return 1;
	/* "GIBIT 2023 artikel 21", "van de GIBIT 2023 zijn artikelen 18 en 19" */
	for (uint32_t b = 1; b <= 4 && b <= i; b++) {
		if (s->tok[i - b].flags & TL_TOK_PUNCT)
			return 0;
		if (S_name_at(s, i - b))
			return 1;
	}
	return 0;
}

/* "artikel 4 van deze Overeenkomst", "clause 3 of this Agreement": the
 * contract's own article. */
static int S_own_article(const tl_sentence *s, uint32_t end)
{
	return tl_ph_at(s->tok, s->ntok, end, "van|uit deze|dit overeenkomst|contract|document") > 0 ||
	       tl_ph_at(s->tok, s->ntok, end, "of|in this|the agreement|contract") > 0 ||
	       tl_ph_at(s->tok, s->ntok, end, "hierboven|hieronder|hiervoor|above|below") > 0;
}

/* Adds article `num` (arena text) to the framework's deviations, once. */
static int S_add_dev_text(tl_ann_ctx *c, const char *num, tl_framework *fw)
{
	for (uint32_t x = 0; x < fw->ndev; x++)
		if (!strcmp(fw->deviations[x], num))
			return 0;
	const char **d = tl_arena_alloc(&c->a->arena, (fw->ndev + 1) * sizeof *d);
	if (!d)
		return TL_ENOMEM;
	if (fw->ndev)
		memcpy(d, fw->deviations, fw->ndev * sizeof *d);
	d[fw->ndev++] = num;
	fw->deviations = d;
	return 0;
}

static int S_add_dev(tl_ann_ctx *c, const tl_sentence *s, uint32_t k, tl_framework *fw)
{
	if (fw->ndev >= 64)
		return 0;
	const char *num = tl_ann_tok_text(c, s, k, k + 1);
	return num ? S_add_dev_text(c, num, fw) : TL_ENOMEM;
}

/* The article numbers strictly between those at tok[a] and tok[b] ("28" and
 * "30" add "29", "16.4" and "16.6" add "16.5"); at most 40 of them. */
static int S_add_range(tl_ann_ctx *c, const tl_sentence *s, uint32_t a, uint32_t b, tl_framework *fw)
{
	const char *fa = s->tok[a].fold, *fb = s->tok[b].fold;
	/* "16.4 tot en met 16.6": the same article, sub-articles 5 */
	const char *da = strrchr(fa, '.'), *db = strrchr(fb, '.');
	size_t pre = da ? (size_t)(da - fa) + 1 : 0;
	if ((da != NULL) != (db != NULL) || (da && ((size_t)(db - fb) + 1 != pre || strncmp(fa, fb, pre))) ||
	    pre > 12)
		return 0;
	char *ea, *eb;
	long lo = strtol(fa + pre, &ea, 10), hi = strtol(fb + pre, &eb, 10);
	if (ea == fa + pre || *ea || *eb || lo < 0 || hi <= lo + 1 || hi - lo > 40)
		return 0;
	for (long v = lo + 1; v < hi && fw->ndev < 64; v++) {
		char num[40];
		snprintf(num, sizeof num, "%.*s%ld", (int)pre, fa, v);
		const char *copy = tl_arena_strdup(&c->a->arena, num);
		int rc = copy ? S_add_dev_text(c, copy, fw) : TL_ENOMEM;
		if (rc)
			return rc;
	}
	return 0;
}

/* The article numbers of tok[from..end) (numbers, and what lies between
 * them: ",", "en", "and", "t/m", "-" ...) as the framework's, with the
 * numbers of a range. */
static int S_add_list(tl_ann_ctx *c, const tl_sentence *s, uint32_t from, uint32_t end, tl_framework *fw)
{
	for (uint32_t x = from; x < end; x++) {
		int rc;
		if (!(s->tok[x].flags & TL_TOK_NUMBER))
			continue;
		if ((rc = S_add_dev(c, s, x, fw)) != 0)
			return rc;
		/* a range: "28 tot en met 30", "28 to 30", "28-30", "28 t/m 30" */
		uint32_t y = x + 1;
		int range = 0;
		while (y < end && !(s->tok[y].flags & TL_TOK_NUMBER)) {
			const char *f = s->tok[y].fold;
			range |= !strcmp(f, "-") || !strcmp(f, "–") || !strcmp(f, "to") || !strcmp(f, "through") ||
			         !strcmp(f, "t/m") || !strcmp(f, "tot");
			y++;
		}
		if (range && y < end && (rc = S_add_range(c, s, x, y, fw)) != 0)
			return rc;
	}
	return 0;
}

static const char *const S_joins[] = {",", "en", "and", "-", "t/m", "tot", "to", "through", "met", "–", NULL};

/* How S_articles takes an article list: only next to the framework's name
 * (S_NAMED), also the list right after "in afwijking van" (S_AFTER), or any
 * list but the contract's own (S_ROW: a row of a deviations table). */
enum { S_NAMED, S_AFTER, S_ROW };

/* Article numbers after "artikel(en)/article(s)/clause(s)/art." from tok[i]
 * that belong to the framework (see the modes above). */
static int S_articles(tl_ann_ctx *c, const tl_sentence *s, uint32_t i, tl_framework *fw, int mode)
{
	static const char *const art[] = {"artikel", "artikelen", "article", "articles", "clause",
	                                  "clauses", "art", "artt", "section", "sections", NULL};
	/* "met uitzondering van hoofdstuk II (artikelen 28 tot en met 30)": a chapter named
	 * before its article list */
	static const char *const chapter[] = {"hoofdstuk", "chapter", "paragraaf", "part", "deel", NULL};
	uint32_t start = i;
	if (mode == S_AFTER && i + 3 < s->ntok && tl_tok_in(&s->tok[i], chapter) &&
	    (s->tok[i + 1].flags & (TL_TOK_NUMBER | TL_TOK_CAPITAL)) && !strcmp(s->tok[i + 2].fold, "("))
		start = i + 3;
	for (; i < s->ntok; i++) {
		if (!tl_tok_in(&s->tok[i], art))
			continue;
		uint32_t k = i + 1;
		if (k < s->ntok && !strcmp(s->tok[k].fold, "."))
			k++;
		uint32_t from = k, end = k;
		for (; k < s->ntok; k++) {
			if (s->tok[k].flags & TL_TOK_NUMBER)
				end = k + 1;
			else if (!tl_tok_in(&s->tok[k], S_joins))
				break;
		}
		int own = S_own_article(s, end);
		int ours = (mode == S_AFTER && i == start && !own) || (mode == S_ROW && !own) ||
		           S_next_to_name(s, i, end);
		int rc;
		if (ours && (rc = S_add_list(c, s, from, end, fw)) != 0)
			return rc;
		i = end > i ? end - 1 : i;
	}
	return 0;
}

/* "is subject to [the General Government Terms ... (] ARBIT 2022": the
 * framework's name follows "subject to" in the same clause. */
static int S_subject_to(const tl_sentence *s, uint32_t i)
{
	uint32_t m = tl_ph_list_at(s->tok, s->ntok, i, S_subject, NULL);
	if (!m || (s->tok[i].flags & (TL_TOK_NEG_SCOPE | TL_TOK_SUBORD)))
		return 0;
	for (uint32_t k = i + m; k < s->ntok && k <= i + m + 14; k++) {
		if (!strcmp(s->tok[k].fold, ";") || !strcmp(s->tok[k].fold, "."))
			return 0;
		if (S_name_at(s, k))
			return 1;
	}
	return 0;
}

/* tok[i] is in a relative clause on the framework's name: "de Standaard
 * Verwerkersovereenkomst, die Partijen als Bijlage 4 hebben gesloten", "the
 * VNG Standard DPA, which the parties have concluded".  Such a clause states
 * the fact; a condition ("indien", "if", "unless") does not. */
static int S_relative_on_name(const tl_sentence *s, uint32_t i)
{
	static const char *const rel[] = {"die", "dat", "welke", "which", "that", NULL};
	uint32_t k = i;
	while (k > 0 && (s->tok[k - 1].flags & TL_TOK_SUBORD))
		k--;
	if (!tl_tok_in(&s->tok[k], rel) || k == 0)
		return 0;
	/* the name, then at most "(versie 2.51)" and a comma, right before the pronoun */
	for (uint32_t b = 1; b <= 8 && b <= k; b++) {
		const tl_token *t = &s->tok[k - b];
		if (!strcmp(t->fold, ";") || !strcmp(t->fold, ".") || !strcmp(t->fold, ":"))
			return 0;
		if (S_name_at(s, k - b))
			return 1;
	}
	return 0;
}

/* 1 when sentence s is about another agreement only (S_other_agreement). */
static int S_other_only(const tl_sentence *s)
{
	int other = 0;
	for (uint32_t i = 0; i < s->ntok; i++) {
		if (tl_tok_in(&s->tok[i], S_this_document))
			return 0;
		other = other || tl_ph_list_at(s->tok, s->ntok, i, S_other_agreement, NULL) > 0;
	}
	return other;
}

static tl_framework *S_target(tl_annotated *a, const char *id)
{
	for (uint32_t i = 0; i < a->nfw; i++)
		if (!id || !strcmp(a->fw[i].id, id) ||
		    (!strcmp(id, "gibit") && !strncmp(a->fw[i].id, "gibit", 5)) ||
		    (!strcmp(id, "arbit") && !strncmp(a->fw[i].id, "arbit", 5)) ||
		    (!strncmp(id, "gibit-", 6) && !strcmp(a->fw[i].id, "gibit")))
			return &a->fw[i];
	return NULL;
}

/* ---- deviations listed in a table ---------------------------------------- */

/* 1 when a word of text[0..n) starts with one of stems (ASCII case folded). */
static int S_mentions(const char *text, size_t n, const char *const *stems)
{
	for (size_t i = 0; text && i < n; i++) {
		unsigned char prev = i > 0 ? (unsigned char)text[i - 1] | 0x20 : ' ';
		if (prev >= 'a' && prev <= 'z')
			continue;
		for (const char *const *w = stems; *w; w++) {
			size_t l = strlen(*w);
			if (i + l <= n && !strncasecmp(text + i, *w, l))
				return 1;
		}
	}
	return 0;
}

/* Deviations: "Deviations from GIBIT 2023", "Afwijkingen", "Afwijkende
 * bepalingen", "Derogations". */
static const char *const S_dev_words[] = {"deviation", "derogation", "afwijking", "afwijkende", NULL};
/* The frameworks by name, for a table's header, lead-in or heading. */
static const char *const S_fw_words[] = {"gibit", "arbit", "verwerkersovereenkomst", "processing agreement",
                                         "algemene voorwaarden", "inkoopvoorwaarden", "general terms",
                                         "vwo", NULL};

/* A cell that says there is nothing: "None", "Geen", "n.v.t.", "-",
 * "No deviation", "Geen afwijking", "Unchanged". */
static int S_nothing_cell(const tl_para *q)
{
	static const char *const nothing[] = {"none", "geen", "n.v.t.", "nvt", "n/a", "-", "–",
	                                      "no deviation", "geen afwijking", "unchanged",
	                                      "ongewijzigd", "not deviated", "niet afgeweken", NULL};
	const char *t = q->text;
	size_t n = q->len;
	while (n && (t[n - 1] == ' ' || t[n - 1] == '.'))
		n--;
	while (n && t[0] == ' ')
		t++, n--;
	for (const char *const *w = nothing; *w; w++) {
		size_t l = strlen(*w);
		if ((n == l || (n + 1 == l && (*w)[l - 1] == '.')) && !strncasecmp(t, *w, n))
			return 1;
	}
	return 0;
}

/* What a table is for: whether it lists deviations (its header row, the
 * paragraph right before it or a heading above it speaks of them), and the
 * column whose header names articles ("Artikel", "Article", "Bepaling"), or -1. */
typedef struct S_dtable {
	const tl_para *head; /* the table's first cell, or NULL */
	int deviations;  /* it lists deviations */
	int names_fw;    /* its header, lead-in or heading names a framework */
	int32_t art_col;
} S_dtable;

/* Adds what text[0..n) says to *out. */
static void S_table_text(S_dtable *out, const char *text, size_t n)
{
	out->deviations |= S_mentions(text, n, S_dev_words);
	out->names_fw |= S_mentions(text, n, S_fw_words);
}

static void S_table_kind(const tl_document *doc, size_t p, S_dtable *out)
{
	static const char *const art[] = {"artikel", "artikelen", "article", "articles", "art.",
	                                  "clause", "bepaling", "bepalingen", "artikelnummer", NULL};
	size_t np, nc;
	const tl_para *pa = tl_document_paras(doc, &np);
	const tl_clause *cl = tl_document_clauses(doc, &nc);
	size_t f = p;
	while (f > 0 && tl_para_same_table(&pa[p], &pa[f - 1]))
		f--;
	*out = (S_dtable){&pa[f], 0, 0, -1};
	for (size_t k = f; k < np && tl_para_same_table(&pa[f], &pa[k]) && pa[k].row == 0; k++) {
		S_table_text(out, pa[k].text, pa[k].len);
		const char *x = pa[k].text;
		size_t n = pa[k].len;
		while (n && x[0] == ' ')
			x++, n--;
		while (n && x[n - 1] == ' ')
			n--;
		for (const char *const *w = art; *w && out->art_col < 0; w++)
			if (n == strlen(*w) && !strncasecmp(x, *w, n))
				out->art_col = pa[k].col;
	}
	/* the lead-in: "De afwijkingen van de GIBIT 2023 staan in de tabel hieronder:" */
	if (f > 0 && pa[f - 1].kind != TL_PARA_CELL)
		S_table_text(out, pa[f - 1].text, pa[f - 1].len);
	/* "Annex 2 - Deviations from GIBIT 2023", "Bijlage 3 Afwijkingen", and the headings above it */
	for (int32_t c = pa[f].clause; c >= 0 && (size_t)c < nc; c = cl[c].parent)
		if (cl[c].title)
			S_table_text(out, cl[c].title, strlen(cl[c].title));
}

/* The declared framework a deviations table's row departs from: the one
 * its cells name; the VNG processing agreement when a cell calls it "Data
 * Processing Agreement" or "Verwerkersovereenkomst"; else, when the table's
 * header, lead-in or heading names a framework, the only one declared or the
 * declared general terms; else none (a table of deviations from a tender's own
 * requirements). */
static tl_framework *S_row_framework(tl_annotated *a, const tl_fw_named *named, uint32_t s0, uint32_t s1,
                                     const S_dtable *dt)
{
	static const char *const dpa[] = {"processing agreement", "verwerkersovereenkomst", "dpa", "vwo", NULL};
	for (uint32_t si = s0; si < s1; si++) {
		tl_framework *fw = a->para_operative[a->sent[si].para] && named[si].id ? S_target(a, named[si].id) : NULL;
		if (fw)
			return fw;
	}
	for (uint32_t si = s0; si < s1; si++) {
		const tl_sentence *s = &a->sent[si];
		for (uint32_t i = 0; i < s->ntok; i++)
			if (tl_ph_list_at(s->tok, s->ntok, i, dpa, NULL) > 0) {
				tl_framework *fw = S_target(a, "vng-vwo");
				if (fw)
					return fw;
			}
	}
	if (!dt->names_fw)
		return NULL;
	if (a->nfw == 1)
		return &a->fw[0];
	tl_framework *fw = S_target(a, "gibit");
	return fw ? fw : S_target(a, "arbit");
}

/* The rows of deviations tables: "| D2 | GIBIT 2023 art. 16.4 | The Vendor's
 * total liability ... |", "| W3 | 13.2 | ... |" under the header "Artikel". */
static int S_table_rows(tl_ann_ctx *c, const tl_fw_named *named)
{
	tl_annotated *a = c->a;
	size_t np;
	const tl_para *pa = tl_document_paras(a->doc, &np);
	S_dtable dt = {NULL, 0, 0, -1};
	for (uint32_t si = 0; si < a->nsent; si++) {
		const tl_para *q = &pa[a->sent[si].para];
		if (q->kind != TL_PARA_CELL || q->row <= 0 || !a->para_operative[a->sent[si].para])
			continue;
		if (!dt.head || !tl_para_same_table(dt.head, q))
			S_table_kind(a->doc, a->sent[si].para, &dt);
		/* the row's units: [si, sj) */
		uint32_t sj = si + 1;
		while (sj < a->nsent && tl_para_same_row(q, &pa[a->sent[sj].para]))
			sj++;
		int nothing = !dt.deviations;
		for (uint32_t k = si; k < sj && !nothing; k++)
			nothing = S_nothing_cell(&pa[a->sent[k].para]);
		tl_framework *fw = nothing ? NULL : S_row_framework(a, named, si, sj, &dt);
		for (uint32_t k = si; fw && k < sj; k++) {
			const tl_sentence *s = &a->sent[k];
			if (!a->para_operative[s->para])
				continue;
			int rc = S_articles(c, s, 0, fw, S_ROW);
			/* a bare number in the article column: "| 13.2 | ..." */
			if (!rc && pa[s->para].col == dt.art_col && s->ntok && (s->tok[0].flags & TL_TOK_NUMBER)) {
				uint32_t end = 1;
				while (end < s->ntok && ((s->tok[end].flags & TL_TOK_NUMBER) || tl_tok_in(&s->tok[end], S_joins)))
					end++;
				rc = S_add_list(c, s, 0, end, fw);
			}
			if (rc)
				return rc;
		}
		si = sj - 1;
	}
	return 0;
}

int tl_frameworks_find(tl_ann_ctx *c)
{
	tl_annotated *a = c->a;
	int rc;
	/* what each operative unit names, for both passes (S_named reads only tokens) */
	tl_fw_named *named = c->fw_named, *own = NULL;
	if (!named) {
		if (!(named = own = malloc((a->nsent ? a->nsent : 1) * sizeof *named)))
			return TL_ENOMEM;
		for (uint32_t si = 0; si < a->nsent; si++)
			if (a->para_operative[a->sent[si].para])
				tl_frameworks_named(&a->sent[si], &named[si]);
	}
	/* declarations first, so deviations anywhere attach to them */
	for (uint32_t si = 0; si < a->nsent; si++) {
		const tl_sentence *s = &a->sent[si];
		if (!a->para_operative[s->para] || (s->flags & TL_SENT_HEADING))
			continue;
		const char *ids[2] = {named[si].id, named[si].dpa};
		for (int n = 0; n < 2 && ids[n]; n++) {
			int applies = 0, agreement = !strcmp(ids[n], "vng-vwo");
			for (uint32_t i = 0; i < s->ntok && !applies; i++)
				applies = ((tl_ph_list_at(s->tok, s->ntok, i, S_apply, NULL) > 0 ||
				            (agreement && tl_ph_list_at(s->tok, s->ntok, i, S_conclude, NULL) > 0)) &&
				           !(s->tok[i].flags & (TL_TOK_NEG_SCOPE | TL_TOK_IN_EXC)) &&
				           (!(s->tok[i].flags & TL_TOK_SUBORD) || S_relative_on_name(s, i))) ||
				          S_subject_to(s, i);
			if (applies && !(s->flags & TL_SENT_NEGATED) && !S_other_only(s) &&
			    (rc = S_add_fw(c, ids[n], s, si)) != 0)
				goto done;
		}
	}
	rc = 0;
	if (!a->nfw)
		goto done;
	for (uint32_t si = 0; si < a->nsent; si++) {
		const tl_sentence *s = &a->sent[si];
		if (!a->para_operative[s->para])
			continue;
		const char *id = named[si].id;
		int generic = named[si].generic;
		tl_framework *fw = id ? S_target(a, id) : (generic && a->nfw == 1 ? &a->fw[0] : NULL);
		if (!fw)
			continue;
		for (uint32_t i = 0; i < s->ntok; i++) {
			uint32_t m = tl_ph_list_at(s->tok, s->ntok, i, S_deviate, NULL);
			if (m) {
				if ((rc = S_articles(c, s, i + m, fw, S_AFTER)) != 0)
					goto done;
				break;
			}
		}
		/* "artikel 13 van de GIBIT is niet van toepassing" */
		if ((s->flags & TL_SENT_NEGATED) && (rc = S_articles(c, s, 0, fw, S_NAMED)) != 0)
			goto done;
	}
	rc = S_table_rows(c, named);
done:
	free(own);
	return rc;
}
