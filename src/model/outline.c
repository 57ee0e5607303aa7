/* outline.c: the clause tree ("Artikel 5" > "5.2" > "5.2.a") for every format.
 *
 * Run by tl_doc_finish once a reader has added all paragraphs:
 *  1. typed labels: a body paragraph without a list label whose text starts
 *     with "5.2 ", "Artikel 7 -", "Clause 12.3", "12.3.", "a)" gets that label
 *     and TL_PARA_F_LABEL_TYPED (the text keeps it: see docs/model.md); so
 *     does one that starts with capitals glued to a number ("S3.5 ", "OF2. ")
 *     when another paragraph has such a label with the same capitals;
 *  2. clauses: a heading or a numbered/labelled body paragraph opens one.
 *     Headings take their outline level.  A label with several parts
 *     ("5.2.1") nests under the open clause whose label is its prefix, else
 *     sits at its depth; a label with one part ("6.", "b)", "Artikel 6")
 *     becomes the sibling of an open clause of the same family whose number
 *     is just before it, else nests under the innermost open clause.
 *     Bullets, TOC entries, table cells, notes, comments, headers and footers
 *     open nothing. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/doc.h"
#include "model/numfmt.h"

#define S_COMPS 8
#define S_MAX_LEVEL 64

typedef struct S_label {
	int n;                  /* parts: "5.2.a" = 3, "Artikel 5" = 1 */
	char comp[S_COMPS][12]; /* lower-cased parts */
	char fam[40];           /* shape: "d.d", "l)", "(r)", "Artikel d" */
	char alt_fam[40];       /* for "i)", "v)", "x)": the roman reading */
	long value, alt_value;  /* the last part's number (letters a=1) */
	int keyword;
} S_label;

typedef struct S_open {
	int32_t clause;
	int level;
	S_label lab;
	int has_label;
	int list_level;
} S_open;

static const char *const S_keywords[] = {
	"Artikel", "Article", "Art.", "Clause", "Clausule", "Section", "Sectie", "Paragraaf",
	"Hoofdstuk", "Chapter", "Bijlage", "Annex", "Appendix", "Schedule", "Deel", "Part", "Titel",
	"Afdeling", "\xC2\xA7"};

/* snprintf(dst + at, ..., "%.*s", n, s) as one piece of a longer output of
 * size cap, without the format machinery: the output holds the first cap - 1
 * bytes of the whole; returns the length of the whole so far. */
static size_t S_cpy(char *dst, size_t cap, size_t at, const char *s, size_t n)
{
	n = strnlen(s, n);
	if (at + 1 < cap) {
		size_t k = n < cap - 1 - at ? n : cap - 1 - at;
		memcpy(dst + at, s, k);
		dst[at + k] = '\0';
	}
	return at + n;
}

/* strtol of a run of at most ten ASCII digits */
static long S_digits(const char *s)
{
	long v = 0;
	for (; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (*s - '0');
	return v;
}

static long S_roman_value(const char *s, size_t n)
{
	long v = 0, prev = 0;
	for (size_t i = n; i-- > 0;) {
		int c = tolower((unsigned char)s[i]);
		long d = c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : c == 'l' ? 50 : c == 'c' ? 100
		       : c == 'd' ? 500 : c == 'm' ? 1000 : 0;
		if (!d)
			return -1;
		v += d < prev ? -d : d;
		if (d > prev)
			prev = d;
	}
	return v;
}

static int S_is_roman(const char *s, size_t n)
{
	if (n == 0 || n > 7)
		return 0;
	long v = S_roman_value(s, n);
	if (v <= 0)
		return 0;
	char buf[16];
	size_t k = tl_numfmt_format(buf, sizeof buf, TL_NUMFMT_LOWER_ROMAN, v);
	if (k != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (buf[i] != tolower((unsigned char)s[i]))
			return 0;
	return 1;
}

static int S_keyword(const char *t, size_t *len)
{
	if (!isupper((unsigned char)t[0]) && t[0] != '\xC2')
		return 0; /* every keyword is written with a capital (or is the section sign) */
	for (size_t i = 0; i < sizeof S_keywords / sizeof S_keywords[0]; i++) {
		size_t n = strlen(S_keywords[i]);
		if (strncasecmp(t, S_keywords[i], n) == 0 && (isupper((unsigned char)t[0]) || t[0] == '\xC2') &&
		    (t[n] == ' ' || (t[n] >= '0' && t[n] <= '9' && S_keywords[i][0] == '\xC2'))) {
			*len = n;
			return 1;
		}
	}
	return 0;
}

/* The length of a prefix of one to three capitals glued to a number at the
 * start of s ("S3.5", "OF2.", "M8"), or 0. */
static size_t S_prefix_len(const char *s)
{
	size_t n = 0;
	while (n < 4 && s[n] >= 'A' && s[n] <= 'Z')
		n++;
	return n >= 1 && n <= 3 && isdigit((unsigned char)s[n]) ? n : 0;
}

/* Splits a label ("Artikel 5", "5.2.a", "(iv)", "12.3.", "S3.5") into parts
 * and a family shape.  0 when it holds no number. */
static int S_parse(const char *label, S_label *L)
{
	memset(L, 0, sizeof *L);
	L->alt_value = -1;
	const char *p = label;
	size_t fl = 0, kl = 0;
	if (!p)
		return 0;
	while (*p == ' ')
		p++;
	size_t pl = S_prefix_len(p);
	if (S_keyword(p, &kl)) {
		fl = S_cpy(L->fam, sizeof L->fam, S_cpy(L->fam, sizeof L->fam, 0, p, kl), " ", 1);
		L->keyword = 1;
		p += kl;
		while (*p == ' ')
			p++;
	} else if (pl) {
		/* "S3.5", "OF2", "M8": the capitals act as a keyword ("S d.d") */
		fl = S_cpy(L->fam, sizeof L->fam, S_cpy(L->fam, sizeof L->fam, 0, p, pl), " ", 1);
		L->keyword = 1;
		p += pl;
	} else if (isalpha((unsigned char)p[0])) {
		/* a word before the number ("Bijlage A", "Stap 3") acts as a keyword */
		const char *q = p;
		while (isalpha((unsigned char)*q))
			q++;
		if (q - p >= 2 && *q == ' ' && isalnum((unsigned char)q[1])) {
			fl = S_cpy(L->fam, sizeof L->fam,
			           S_cpy(L->fam, sizeof L->fam, 0, p, q - p > 20 ? 20 : (size_t)(q - p)), " ", 1);
			L->keyword = 1;
			p = q + 1;
		}
	}
	while (*p && L->n < S_COMPS && fl + 2 < sizeof L->fam) {
		if (isdigit((unsigned char)*p)) {
			const char *q = p;
			while (isdigit((unsigned char)*q))
				q++;
			S_cpy(L->comp[L->n], sizeof L->comp[0], 0, p, q - p > 10 ? 10 : (size_t)(q - p));
			L->value = S_digits(L->comp[L->n]);
			L->n++;
			L->fam[fl++] = 'd';
			p = q;
		} else if (isalpha((unsigned char)*p)) {
			const char *q = p;
			while (isalpha((unsigned char)*q))
				q++;
			size_t n = (size_t)(q - p);
			int up = isupper((unsigned char)*p);
			int same = 1;
			for (size_t i = 1; i < n; i++)
				same &= tolower((unsigned char)p[i]) == tolower((unsigned char)p[0]);
			int roman = S_is_roman(p, n);
			if (!roman && !(same && n <= 3))
				break; /* a word: the label has ended */
			S_cpy(L->comp[L->n], sizeof L->comp[0], 0, p, n > 10 ? 10 : n);
			for (char *c = L->comp[L->n]; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			long letter = same ? (long)(n - 1) * 26 + (tolower((unsigned char)*p) - 'a' + 1) : -1;
			if (roman && (n > 1 || !same || letter < 0)) {
				L->value = S_roman_value(p, n);
				L->fam[fl++] = up ? 'R' : 'r';
			} else if (roman && n == 1) {
				/* "i", "v", "x": a letter or a roman numeral, decided by the neighbours */
				L->value = letter;
				L->alt_value = S_roman_value(p, n);
				memcpy(L->alt_fam, L->fam, fl);
				L->alt_fam[fl] = up ? 'R' : 'r';
				L->fam[fl++] = up ? 'L' : 'l';
			} else {
				L->value = letter;
				L->fam[fl++] = up ? 'L' : 'l';
			}
			L->n++;
			p = q;
		} else if (*p == '.' || *p == ')' || *p == '(' || *p == '-' || *p == ':') {
			if (L->alt_fam[0])
				L->alt_fam[strlen(L->alt_fam)] = *p;
			L->fam[fl++] = *p++;
		} else {
			break;
		}
	}
	L->fam[fl] = 0;
	return L->n > 0;
}

/* ## Typed labels */

static int S_next_ok(const char *q, int lenient)
{
	while (*q == ' ')
		q++;
	if (!*q)
		return 1;
	unsigned char c = (unsigned char)*q;
	if (lenient)
		return 1;
	return isupper(c) || c == '(' || c == '"' || c == '\'' || c >= 0xC0 || c == '[';
}

/* The end of the dotted number at p ("5", "5.2", "12.3.4": a first part of
 * at most three digits, later ones of at most two, so "1.500" is none), its
 * parts in *parts; NULL when a part is too long. */
static const char *S_dotted(const char *p, int *parts)
{
	const char *q = p;
	*parts = 0;
	while (isdigit((unsigned char)*q)) {
		const char *d = q;
		while (isdigit((unsigned char)*q))
			q++;
		if (q - d > (*parts ? 2 : 3))
			return NULL;
		(*parts)++;
		if (*q == '.' && isdigit((unsigned char)q[1]))
			q++;
		else
			break;
	}
	return q;
}

/* Recognises a typed label at the start of t; writes it and returns its
 * length in t, or 0. */
static size_t S_typed(const char *t, char *label, size_t cap)
{
	const char *p = t;
	size_t kl = 0;
	if (S_keyword(p, &kl)) {
		const char *q = p + kl;
		while (*q == ' ')
			q++;
		const char *num = q;
		if (isdigit((unsigned char)*q)) {
			while (isdigit((unsigned char)*q) || (*q == '.' && isdigit((unsigned char)q[1])))
				q++;
			if (islower((unsigned char)*q) && !isalpha((unsigned char)q[1]))
				q++; /* "Artikel 5a" */
		} else if (strchr("IVXLC", *q) && *q) {
			while (*q && strchr("IVXLC", *q))
				q++;
		} else if (isupper((unsigned char)*q) && !isalpha((unsigned char)q[1])) {
			q++;
		} else {
			return 0;
		}
		if (q - num > 16 || isalnum((unsigned char)*q) || (*q == ':' && isdigit((unsigned char)q[1])))
			return 0;
		/* "Artikel 5 - Titel", "Artikel 5: Titel", "Artikel 5. Titel", "Artikel 5 Titel" */
		const char *r = q;
		while (*r == ' ')
			r++;
		int sep = *r == '-' || *r == ':' || *r == '.' || !strncmp(r, "\xE2\x80\x93", 3) ||
		          !strncmp(r, "\xE2\x80\x94", 3);
		if (!sep && !S_next_ok(q, 0))
			return 0;
		S_cpy(label, cap, S_cpy(label, cap, S_cpy(label, cap, 0, p, kl), " ", 1), num,
		      (size_t)(q - num));
		return (size_t)(q - t);
	}
	if (isdigit((unsigned char)*p)) {
		int parts = 0;
		const char *q = S_dotted(p, &parts);
		if (!q)
			return 0;
		const char *end = q; /* the label without a trailing dot */
		if (parts >= 2 && *q == '.' && islower((unsigned char)q[1]) && !isalpha((unsigned char)q[2]))
			end = q += 2, parts++; /* 5.2.a */
		else if (parts >= 2 && q[0] == '(' && islower((unsigned char)q[1]) && q[2] == ')')
			end = q += 3, parts++; /* 5.2(a) */
		int dot = *q == '.', paren = *q == ')';
		if (dot || paren)
			q++;
		if (*q && *q != ' ')
			return 0;
		if (parts == 1 && !dot && !paren)
			return 0; /* "100 euro" is not a label */
		if (!S_next_ok(q, 0))
			return 0;
		size_t n = (size_t)((paren ? q : end) - p);
		S_cpy(label, cap, 0, p, n);
		return (size_t)(q - t);
	}
	/* (a) a) a. (iv) iv) (1) */
	const char *q = p;
	int open = *q == '(';
	if (open)
		q++;
	const char *w = q;
	if (open && isdigit((unsigned char)*q)) {
		while (isdigit((unsigned char)*q) && q - w < 3)
			q++;
	} else {
		while (isalpha((unsigned char)*q) && q - w < 6)
			q++;
		size_t n = (size_t)(q - w);
		if (n == 0 || isalpha((unsigned char)*q))
			return 0;
		int same = n <= 2 && (n == 1 || w[0] == w[1]);
		if (!same && !S_is_roman(w, n))
			return 0;
	}
	if (q == w)
		return 0;
	if (*q == ')')
		q++;
	else if (*q == '.' && !open && (q - w == 1 || S_is_roman(w, (size_t)(q - w))))
		q++; /* "a. ", "IV. "; not "ab. " */
	else
		return 0;
	if (*q != ' ' || !q[1])
		return 0;
	/* "A. Jansen" or "MI. ..." only with a capital after: "IV. Prijzen" */
	if (isupper((unsigned char)*w) && q[-1] == '.' && !S_next_ok(q, 0))
		return 0;
	if (q - w > 1 && q[-1] == '.' && islower((unsigned char)*w) && !S_next_ok(q, 0))
		return 0; /* "ii. de ..." is too close to an abbreviation */
	S_cpy(label, cap, 0, p, (size_t)(q - p));
	return (size_t)(q - t);
}

/* A label of capitals glued to a number at the start of t ("S3.5 ",
 * "OF2. ", "M8 ") followed by a capital (as S_next_ok asks): writes it
 * without a trailing dot and returns its length in t, or 0.  tl_doc_finish
 * takes it only when another paragraph has a label of the same capitals
 * ("A4 paper", "CO2 emissions" stand alone). */
static size_t S_typed_prefixed(const char *t, char *label, size_t cap)
{
	size_t pl = S_prefix_len(t);
	if (!pl)
		return 0;
	int parts = 0;
	const char *q = S_dotted(t + pl, &parts);
	if (!q)
		return 0;
	const char *end = q;
	if (*q == '.')
		q++;
	if (*q != ' ' || !S_next_ok(q, 0) || !q[1])
		return 0;
	S_cpy(label, cap, 0, t, (size_t)(end - t));
	return (size_t)(q - t);
}

/* ## Clauses */

/* "ii" (roman, as isLgl levels show their parents) equals "2" */
static int S_comp_eq(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return 1;
	const char *num = isdigit((unsigned char)a[0]) ? a : isdigit((unsigned char)b[0]) ? b : NULL;
	const char *rom = num == a ? b : a;
	if (!num || !S_is_roman(rom, strlen(rom)))
		return 0;
	return strtol(num, NULL, 10) == S_roman_value(rom, strlen(rom));
}

static int S_prefix(const S_label *a, const S_label *b)
{
	if (a->n >= b->n)
		return 0;
	for (int i = 0; i < a->n; i++)
		if (!S_comp_eq(a->comp[i], b->comp[i]))
			return 0;
	return 1;
}

static int S_main_kind(tl_para_kind k)
{
	return k == TL_PARA_BODY || k == TL_PARA_HEADING || k == TL_PARA_CELL || k == TL_PARA_TEXTBOX;
}

/* the title of a clause: heading text, or a short labelled line */
static const char *S_title(tl_document *doc, const tl_para *p, size_t skip)
{
	const char *t = p->text + (skip <= p->len ? skip : p->len);
	while (*t == ' ' || *t == '-' || *t == ':' || *t == '.' || (unsigned char)*t == 0xE2) {
		if ((unsigned char)*t == 0xE2) {
			if (strncmp(t, "\xE2\x80\x93", 3) && strncmp(t, "\xE2\x80\x94", 3))
				break;
			t += 3;
		} else {
			t++;
		}
	}
	if (!*t)
		return NULL;
	if (p->kind != TL_PARA_HEADING) {
		size_t words = 1, n = strlen(t);
		if (n > 100)
			return NULL;
		for (const char *c = t; *c; c++)
			words += *c == ' ';
		if (words > 12 || strchr(".;,:", t[n - 1]))
			return NULL;
	}
	return tl_doc_str(doc, t);
}

/* The open clause this label continues: same family and either the next
 * number (1-3 ahead, typed numbering skips), or the same keyword ("Artikel"),
 * or the same Word list level (a list restarting at the same level). */
static int S_find_sibling(const S_open *st, int n, const S_label *L, int list_level, int *alt)
{
	for (int i = n - 1; i >= 0; i--) {
		const S_open *o = &st[i];
		if (!o->has_label || o->lab.n != 1)
			continue;
		if (o->list_level && list_level && o->list_level != list_level)
			continue;
		long d = -1;
		int fam = 0;
		if (strcmp(o->lab.fam, L->fam) == 0) {
			d = L->value - o->lab.value;
			*alt = 0;
			fam = 1;
		} else if (L->alt_fam[0] && strcmp(o->lab.fam, L->alt_fam) == 0) {
			d = L->alt_value - o->lab.value;
			*alt = 1;
			fam = 1;
		}
		if (fam && ((d >= 1 && d <= 3) || L->keyword || (list_level && o->list_level == list_level)))
			return i;
	}
	return -1;
}

int tl_doc_finish(tl_document *doc, tl_error *err)
{
	size_t n = doc->npara;
	/* 1. typed labels; a label of capitals glued to a number ("S3.5") only
	 * where another paragraph's label has the same capitals and another
	 * number (the first S_PREFIXES kinds of capitals are counted) */
	enum { S_PREFIXES = 16 };
	char pfx[S_PREFIXES][4];
	char first[S_PREFIXES][TL_NUMFMT_LABEL_MAX];
	int npfx = 0, seen[S_PREFIXES] = {0};
	for (size_t i = 0; i < n; i++) {
		tl_para *p = &doc->paras[i];
		if ((p->kind != TL_PARA_BODY && p->kind != TL_PARA_HEADING) || p->label ||
		    (p->flags & TL_PARA_F_TOC) || !p->len)
			continue;
		char lab[TL_NUMFMT_LABEL_MAX];
		if (S_typed(p->text, lab, sizeof lab)) {
			p->label = tl_doc_str(doc, lab);
			p->flags |= TL_PARA_F_LABEL_TYPED;
		} else if (S_typed_prefixed(p->text, lab, sizeof lab)) {
			size_t pl = S_prefix_len(lab);
			int k = 0;
			while (k < npfx && (strlen(pfx[k]) != pl || strncmp(pfx[k], lab, pl)))
				k++;
			if (k == npfx && npfx < S_PREFIXES) {
				memcpy(pfx[k], lab, pl);
				pfx[k][pl] = '\0';
				S_cpy(first[k], sizeof first[k], 0, lab, strlen(lab));
				npfx++;
			}
			if (k < npfx && strcmp(first[k], lab) != 0)
				seen[k] = 1;
		}
	}
	for (size_t i = 0; npfx && i < n; i++) {
		tl_para *p = &doc->paras[i];
		if ((p->kind != TL_PARA_BODY && p->kind != TL_PARA_HEADING) || p->label ||
		    (p->flags & TL_PARA_F_TOC) || !p->len)
			continue;
		char lab[TL_NUMFMT_LABEL_MAX];
		size_t pl;
		if (!S_typed_prefixed(p->text, lab, sizeof lab) || !(pl = S_prefix_len(lab)))
			continue;
		for (int k = 0; k < npfx; k++)
			if (seen[k] && strlen(pfx[k]) == pl && !strncmp(pfx[k], lab, pl)) {
				p->label = tl_doc_str(doc, lab);
				p->flags |= TL_PARA_F_LABEL_TYPED;
				break;
			}
	}
	/* 2. clauses */
	free(doc->clauses);
	doc->clauses = NULL;
	doc->nclause = 0;
	size_t acl = 0;
	S_open st[S_MAX_LEVEL];
	int nst = 0;
	int32_t last_main = -1;
	for (size_t i = 0; i < n; i++) {
		tl_para *p = &doc->paras[i];
		if (!S_main_kind(p->kind))
			continue;
		int heading = p->kind == TL_PARA_HEADING && p->outline > 0;
		int labelled = p->label && !tl_numfmt_is_bullet_label(p->label) &&
		               p->kind == TL_PARA_BODY;
		S_label L;
		int has = p->label && S_parse(p->label, &L);
		if ((p->flags & TL_PARA_F_TOC) || (!heading && !(labelled && has))) {
			p->clause = nst ? st[nst - 1].clause : -1;
			last_main = (int32_t)i;
			continue;
		}
		int level = 1, alt = 0;
		if (heading) {
			level = p->outline;
		} else if (L.n >= 2) {
			int found = 0;
			for (int k = nst - 1; k >= 0 && !found; k--)
				if (st[k].has_label && S_prefix(&st[k].lab, &L)) {
					level = st[k].level + (L.n - st[k].lab.n);
					found = 1;
					/* an unnumbered sub-heading inside that clause stays open */
					for (int j = k + 1; j < nst; j++)
						if (!st[j].has_label && st[j].level >= level)
							level = st[j].level + 1;
				}
			if (!found) {
				level = L.n;
				if (nst && !st[nst - 1].has_label && st[nst - 1].level >= level)
					level = st[nst - 1].level + 1;
			}
		} else {
			int sib = S_find_sibling(st, nst, &L, p->list_level, &alt);
			if (sib >= 0)
				level = st[sib].level;
			else
				level = nst ? st[nst - 1].level + 1 : 1;
			if (sib < 0 && L.alt_fam[0] && L.comp[0][0] == 'i')
				alt = 1; /* a fresh "i)" starts a roman list */
		}
		if (level < 1)
			level = 1;
		if (level > S_MAX_LEVEL - 1)
			level = S_MAX_LEVEL - 1;
		while (nst && st[nst - 1].level >= level) {
			doc->clauses[st[nst - 1].clause].last_para = last_main;
			nst--;
		}
		if (nst >= S_MAX_LEVEL - 1) {
			p->clause = st[nst - 1].clause;
			last_main = (int32_t)i;
			continue;
		}
		if (doc->nclause >= doc->limits.max_nodes)
			return tl_error_set(err, TL_ELIMIT_NODES, "more than %zu clauses", doc->limits.max_nodes);
		if (doc->nclause == acl) {
			size_t na = acl ? acl * 2 : 64;
			tl_clause *v = realloc(doc->clauses, na * sizeof *v);
			if (!v)
				return tl_error_set(err, TL_ENOMEM, "out of memory building clauses");
			doc->clauses = v;
			acl = na;
		}
		tl_clause *c = &doc->clauses[doc->nclause];
		c->index = (int32_t)doc->nclause;
		c->parent = nst ? st[nst - 1].clause : -1;
		c->level = level;
		c->label = p->label;
		size_t skip = (p->flags & TL_PARA_F_LABEL_TYPED) && p->label ? strlen(p->label) : 0;
		c->title = S_title(doc, p, skip);
		c->first_para = (int32_t)i;
		c->last_para = (int32_t)i;
		S_open *o = &st[nst++];
		o->clause = c->index;
		o->level = level;
		o->has_label = has;
		o->list_level = p->list_level;
		if (has) {
			o->lab = L;
			if (alt) {
				memcpy(o->lab.fam, L.alt_fam, sizeof o->lab.fam);
				o->lab.value = L.alt_value;
			}
		}
		doc->nclause++;
		p->clause = c->index;
		last_main = (int32_t)i;
		if (!doc->title && heading && c->title)
			doc->title = c->title;
	}
	while (nst) {
		doc->clauses[st[nst - 1].clause].last_para = last_main;
		nst--;
	}
	/* notes and comments belong to the clause of their reference */
	for (size_t i = 0; i < n; i++) {
		tl_para *p = &doc->paras[i];
		if ((p->kind == TL_PARA_FOOTNOTE || p->kind == TL_PARA_ENDNOTE || p->kind == TL_PARA_COMMENT) &&
		    p->ref >= 0 && (size_t)p->ref < n)
			p->clause = doc->paras[p->ref].clause;
	}
	return 0;
}
