/* priority.c: the priority column of a tender's requirements table.
 *
 * A tender lists its requirements in tables with a column that says how
 * each row binds: MoSCoW ("Must", "Should", "Could", "Won't") or the Dutch
 * eisen/wensen codes ("K" knock-outeis, "E" eis, "W" wens, "V" vraag).  The
 * requirement's own words do not say it ("De Gemeente heeft toegang tot alle
 * gegevens"), so the row's priority cell is carried onto the sentences of
 * the row's other cells:
 * - a wish (Should, Could, W/wens, optional, award criterion): TL_SENT_WISH;
 *   the matcher reads such a row as partial where it would meet a rule,
 *   because it binds only if the tenderer offers it;
 * - a question (V/vraag, question): not operative, it binds no one;
 * - an exclusion (Won't): a prohibition on the vendor ("Won't: Wi-Fi or MAC
 *   address counting" rules the function out);
 * - a requirement (Must, K, E, eis, mandatory): as written.
 *
 * A filled-in tender also says per row whether the tenderer offers it (a
 * column "Aangeboden", "Offered", "Voldoet", "Complies" with ja/nee, yes/no):
 * an offered wish binds as a requirement, a row not offered binds no one.
 *
 * A column is a priority column when its header names it ("Type",
 * "Prioriteit", "Priority", "MoSCoW", "Soort", "Categorie", "Eis/wens") and
 * its cells hold codes, or when it has at least three data rows and every
 * non-empty cell is a code.  Single letters are read through a legend table
 * when the document has one ("K | Knock-outeis. ...", "W | Wens. ..."),
 * otherwise as MoSCoW when the column uses M, S or C, else as the Dutch
 * codes.  Numbered codes ("P1", "Prio 2") are read only through a legend,
 * a table or lines in the text ("P1 – mandatory. ...").  A legend table
 * itself is not marked. */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "analyze/annot_int.h"
#include "model/doc.h"

enum { P_NONE = 0, P_BINDING, P_WISH, P_QUESTION, P_EXCLUDED };

/* A cell's text folded for comparison: ASCII lower case, curly apostrophes
 * as "'", inner runs of space and '-' as one space, no trailing '.' or ':'. */
static size_t S_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	int space = 0;
	for (size_t i = 0; i < n && o + 1 < cap; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
			ch = '\'';
			i += 2;
		}
		if (ch == ' ' || ch == '-' || ch == '_' || ch == '\t') {
			space = o > 0;
			continue;
		}
		if (space && o + 2 < cap)
			out[o++] = ' ';
		space = 0;
		out[o++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	while (o && (out[o - 1] == '.' || out[o - 1] == ':' || out[o - 1] == ' '))
		o--;
	out[o] = '\0';
	return o;
}

/* The kind a spelled-out priority names, or P_NONE. */
static int S_word_kind(const char *f)
{
	static const struct {
		const char *w;
		int kind;
	} words[] = {
		{"must", P_BINDING}, {"must have", P_BINDING}, {"mandatory", P_BINDING},
		{"required", P_BINDING}, {"requirement", P_BINDING}, {"eis", P_BINDING},
		{"knock out", P_BINDING}, {"knockout", P_BINDING}, {"knock outeis", P_BINDING},
		{"knock out eis", P_BINDING}, {"ko", P_BINDING}, {"ko eis", P_BINDING},
		{"minimumeis", P_BINDING}, {"minimum eis", P_BINDING}, {"minimum requirement", P_BINDING},
		{"verplicht", P_BINDING}, {"harde eis", P_BINDING}, {"shall", P_BINDING},
		{"knock out requirement", P_BINDING}, {"knockout requirement", P_BINDING},
		{"knock out criterion", P_BINDING}, {"hard requirement", P_BINDING},
		{"mandatory requirement", P_BINDING}, {"uitsluitingscriterium", P_BINDING},
		{"should", P_WISH}, {"should have", P_WISH}, {"could", P_WISH}, {"could have", P_WISH},
		{"wens", P_WISH}, {"wish", P_WISH}, {"optional", P_WISH}, {"optioneel", P_WISH},
		{"nice to have", P_WISH}, {"gewenst", P_WISH}, {"desired", P_WISH}, {"desirable", P_WISH},
		{"gunningscriterium", P_WISH}, {"award criterion", P_WISH}, {"may", P_WISH},
		{"vraag", P_QUESTION}, {"question", P_QUESTION}, {"informatievraag", P_QUESTION},
		{"informatief", P_QUESTION}, {"informative", P_QUESTION}, {"informational", P_QUESTION},
		{"informatiepunt", P_QUESTION}, {"for information only", P_QUESTION},
		{"information", P_QUESTION}, {"information only", P_QUESTION}, {"informatie", P_QUESTION},
		{"ter informatie", P_QUESTION}, {"for information", P_QUESTION},
		{"won't", P_EXCLUDED}, {"wont", P_EXCLUDED}, {"won't have", P_EXCLUDED},
		{"will not", P_EXCLUDED}, {"will not have", P_EXCLUDED}, {"excluded", P_EXCLUDED},
		{"uitgesloten", P_EXCLUDED},
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (!strcmp(f, words[i].w))
			return words[i].kind;
	return P_NONE;
}

/* The kind the start of a legend's explanation names: "Knock-outeis. Een
 * inschrijving ...", "Wens.", "Must have: ...". */
static int S_lead_kind(const char *text, size_t len)
{
	char f[48];
	size_t n = 0;
	while (n < len && n < 40 && text[n] != '.' && text[n] != ':' && text[n] != ',' && text[n] != ';' &&
	       text[n] != '(')
		n++;
	S_fold(text, n, f, sizeof f);
	int k = S_word_kind(f);
	if (k)
		return k;
	/* "Eis waaraan ...": only the first word */
	char *sp = strchr(f, ' ');
	if (sp) {
		*sp = '\0';
		k = S_word_kind(f);
	}
	return k;
}

static int S_is_letter(const char *f)
{
	return f[0] >= 'a' && f[0] <= 'z' && f[1] == '\0';
}

/* What the document's legend says each code means: single letters, and
 * numbered codes ("P1", "Prio 2", "K1"), kept folded without the space. */
typedef struct {
	int letter[26];
	char num[16][8];
	int num_kind[16];
	int nnum;
} S_legend_map;

/* 1 when f is a numbered code: up to five letters, an optional space, one
 * or two digits ("p1", "prio 2", "k10"); its key (without the space) goes
 * to key[8]. */
static int S_num_key(const char *f, char key[8])
{
	size_t i = 0, o = 0;
	while (f[i] >= 'a' && f[i] <= 'z' && i < 5)
		key[o++] = f[i++];
	if (f[i] == ' ' && i > 0)
		i++;
	size_t d = 0;
	while (f[i] >= '0' && f[i] <= '9' && d < 2)
		key[o++] = f[i++], d++;
	key[o] = '\0';
	return d > 0 && f[i] == '\0';
}

/* 1 when f is a code of two or three letters ("ko", "gc"), copied to key[8] */
static int S_word_key(const char *f, char key[8])
{
	size_t n = 0;
	while (f[n] >= 'a' && f[n] <= 'z' && n < 4)
		n++;
	if (n < 2 || n > 3 || f[n])
		return 0;
	memcpy(key, f, n + 1);
	return 1;
}

static int S_num_kind(const S_legend_map *lg, const char *f)
{
	char key[8];
	if (!S_num_key(f, key) && !S_word_key(f, key))
		return P_NONE;
	for (int i = 0; i < lg->nnum; i++)
		if (!strcmp(lg->num[i], key))
			return lg->num_kind[i];
	return P_NONE;
}

static void S_num_add(S_legend_map *lg, const char *f, int kind)
{
	char key[8];
	if (!S_num_key(f, key) || S_num_kind(lg, f) || lg->nnum >= 16)
		return;
	memcpy(lg->num[lg->nnum], key, sizeof key);
	lg->num_kind[lg->nnum++] = kind;
}

/* A code the document's own legend explains: a letter, a numbered code or a
 * code of two or three capitals ("KO", "GC"); the first explanation stays. */
static void S_code_add(S_legend_map *lg, const char *f, int kind)
{
	char key[8];
	if (S_is_letter(f)) {
		if (!lg->letter[f[0] - 'a'])
			lg->letter[f[0] - 'a'] = kind;
	} else if (S_num_key(f, key)) {
		S_num_add(lg, f, kind);
	} else if (S_word_key(f, key) && !S_num_kind(lg, f) && lg->nnum < 16) {
		memcpy(lg->num[lg->nnum], key, sizeof key);
		lg->num_kind[lg->nnum++] = kind;
	}
}

/* A legend inside a sentence: a code in capitals (one to three letters, maybe
 * with a number: "KO", "G", "P1"), after a word that names the column or
 * not, then "is (een|a|an)", "staat voor", "stands for", "means", "betekent",
 * "=" or ":", then a word that names a kind: "Soort KO is een knock-outeis:
 * ...; Soort G is een gunningscriterium: ...; Soort I is informatief: ...",
 * "In de kolom Type staat W voor wens", "Priority S means should have".  The
 * kind words are a closed list (S_word_kind), so "the EU is a member" adds
 * nothing. */
/* The first capital A-Z in t[i..n), or n: sixteen bytes at a time (S_inline_legend
 * runs over every paragraph, and a code starts with a capital). */
static size_t S_next_capital(const char *t, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i a1 = _mm_set1_epi8('A' - 1), z1 = _mm_set1_epi8('Z' + 1);
	for (; i + 16 <= n; i += 16) {
		/* signed compares: bytes from 0x80 are negative, never a capital */
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, a1), _mm_cmpgt_epi8(z1, v)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	while (i < n && !(t[i] >= 'A' && t[i] <= 'Z'))
		i++;
	return i;
}

static void S_inline_legend(const tl_para *q, S_legend_map *lg)
{
	static const char *const link[] = {"is een ", "is a ", "is an ", "is ", "staat voor ",
	                                   "stands for ", "voor ", "for ", "means ", "betekent ",
	                                   "denotes ", "= ", ": ", "- ", NULL};
	const char *t = q->text;
	size_t n = q->len;
	for (size_t i = S_next_capital(t, 0, n); i + 3 < n; i = S_next_capital(t, i + 1, n)) {
		/* a code starts a word: capitals, then digits */
		if (i > 0 && t[i - 1] != ' ' && t[i - 1] != '"' && t[i - 1] != '\'' && t[i - 1] != '(')
			continue;
		size_t e = i;
		while (e < n && e - i < 3 && t[e] >= 'A' && t[e] <= 'Z')
			e++;
		if (e == i)
			continue;
		while (e < n && e - i < 6 && t[e] >= '0' && t[e] <= '9')
			e++;
		size_t ce = e; /* the code's end */
		while (e < n && (t[e] == '"' || t[e] == '\'' || t[e] == ')'))
			e++;
		if (e >= n || (t[e] != ' ' && t[e] != ':' && t[e] != '='))
			continue;
		size_t r = e;
		if (t[r] == ' ')
			r++;
		size_t after = 0;
		for (const char *const *l = link; *l && !after; l++) {
			size_t ll = strlen(*l);
			if (r + ll <= n && !strncmp(t + r, *l, ll))
				after = r + ll;
		}
		if (!after)
			continue;
		while (after < n && t[after] == ' ')
			after++;
		/* the kind is the whole phrase up to a punctuation mark or "and"/"en" */
		size_t ke = after;
		while (ke < n && ke - after < 40 && !strchr(".:,;()", t[ke]) &&
		       !(t[ke] == ' ' && (!strncmp(t + ke, " and ", 5) || !strncmp(t + ke, " en ", 4))))
			ke++;
		char kf[48];
		S_fold(t + after, ke - after, kf, sizeof kf);
		int k = ke < n && ke - after >= 40 ? P_NONE : S_word_kind(kf);
		if (!k)
			continue;
		char f[8];
		S_fold(t + i, ce - i, f, sizeof f);
		S_code_add(lg, f, k);
		i = after;
	}
}

/* "G (gunningscriterium): na gunning bindt het Opdrachtnemer alleen ...", "M
 * (minimumeis): ...", "W (wish) - ...": a code of one to five letters or a
 * numbered code, then its kind in parentheses; 1 when it filled lg. */
static int S_paren_legend(const tl_para *q, S_legend_map *lg)
{
	const char *t = q->text;
	size_t i = 0;
	while (i < q->len && i < 8 && t[i] != ' ' && t[i] != '(')
		i++;
	size_t code = i;
	while (i < q->len && t[i] == ' ')
		i++;
	if (code == 0 || i >= q->len || t[i] != '(')
		return 0;
	size_t open = i + 1, close = open;
	while (close < q->len && close < open + 40 && t[close] != ')')
		close++;
	if (close >= q->len || t[close] != ')' || close == open)
		return 0;
	char f[48], w[48], key[8];
	S_fold(t, code, f, sizeof f);
	S_fold(t + open, close - open, w, sizeof w);
	int k = S_word_kind(w);
	if (!k)
		return 0;
	if (S_is_letter(f))
		lg->letter[f[0] - 'a'] = k;
	else if (S_num_key(f, key))
		S_num_add(lg, f, k);
	else
		return 0;
	return 1;
}

/* A legend written as prose or a list: "P1 – mandatory. A tender that ...",
 * "Prio 2: wens", "K1 = knock-outeis", "G (gunningscriterium): ...". */
static void S_prose_para(const tl_para *q, S_legend_map *lg)
{
	if (q->kind == TL_PARA_CELL || q->len < 4)
		return;
	if (S_paren_legend(q, lg))
		return;
	S_inline_legend(q, lg);
	size_t n = q->len < 16 ? q->len : 16, sep = 0, rest = 0;
	const char *t = q->text;
	for (size_t e = 1; e + 1 < n && !rest; e++) {
		if ((unsigned char)t[e] == 0xE2 && e + 2 < q->len && (unsigned char)t[e + 1] == 0x80 &&
		    ((unsigned char)t[e + 2] == 0x93 || (unsigned char)t[e + 2] == 0x94))
			sep = e, rest = e + 3; /* en or em dash */
		else if (t[e] == '-' || t[e] == ':' || t[e] == '=')
			sep = e, rest = e + 1;
	}
	if (!rest)
		return;
	char f[24];
	S_fold(t, sep, f, sizeof f); /* the code before the separator, spaces trimmed */
	while (rest < q->len && t[rest] == ' ')
		rest++;
	int k = S_lead_kind(t + rest, q->len - rest);
	if (k)
		S_num_add(lg, f, k);
}

int tl_priority_legend_para(const tl_para *q)
{
	S_legend_map lg;
	memset(&lg, 0, sizeof lg);
	S_prose_para(q, &lg);
	if (lg.nnum)
		return 1;
	for (int i = 0; i < 26; i++)
		if (lg.letter[i])
			return 1;
	return 0;
}

/* The legend lines of the text, in order: only the paragraphs the text
 * phases found to hold one (TL_OP_LEGEND), as they were read alone. */
static void S_prose_legend(const tl_ann_ctx *c, S_legend_map *lg)
{
	for (size_t p = 0; p < c->npara; p++)
		if (c->pt[p].op & TL_OP_LEGEND)
			S_prose_para(&c->paras[p], lg);
}

static int S_header_names_priority(const char *f)
{
	static const char *const h[] = {"type", "soort", "prioriteit", "priority", "moscow",
	                                "categorie", "category", "eis/wens", "k/w", "eistype",
	                                "type eis", "requirement type", "classificatie", "classification",
	                                "moscow prioriteit", "moscow priority", "prio", NULL};
	for (size_t i = 0; h[i]; i++)
		if (!strcmp(f, h[i]))
			return 1;
	return 0;
}

typedef struct {
	int32_t first, last; /* paragraph range of the table's cells */
	int32_t nrows, ncols;
	int32_t *grid;       /* nrows x ncols: first paragraph of each cell, -1 (while marking) */
} S_table;

/* Tables larger than this are not read for priorities (no tender has one;
 * it bounds the work on a hostile file). */
#define S_MAX_CELLS 65536

/* Paragraph of cell (row, col) of the table, or -1. */
static int32_t S_cell(const S_table *t, int32_t row, int32_t col)
{
	if (row < 0 || col < 0 || row >= t->nrows || col >= t->ncols)
		return -1;
	return t->grid[(size_t)row * (size_t)t->ncols + (size_t)col];
}

/* Fills t->grid; 0 when the table is too large or memory runs out. */
static int S_grid(const tl_para *paras, S_table *t)
{
	size_t n = (size_t)t->nrows * (size_t)t->ncols;
	if (!n || n > S_MAX_CELLS)
		return 0;
	t->grid = malloc(n * sizeof *t->grid);
	if (!t->grid)
		return 0;
	for (size_t i = 0; i < n; i++)
		t->grid[i] = -1;
	for (int32_t p = t->last; p >= t->first; p--) {
		const tl_para *q = &paras[p];
		if (q->kind == TL_PARA_CELL && q->row >= 0 && q->col >= 0 && q->row < t->nrows && q->col < t->ncols)
			t->grid[(size_t)q->row * (size_t)t->ncols + (size_t)q->col] = p;
	}
	return 1;
}

static void S_cell_fold(const tl_para *paras, const S_table *t, int32_t row, int32_t col, char *f,
                        size_t cap)
{
	int32_t p = S_cell(t, row, col);
	f[0] = '\0';
	if (p >= 0 && paras[p].len < 64)
		S_fold(paras[p].text, paras[p].len, f, cap);
}

/* A two-column table whose first column holds codes and whose second says
 * what each means.  Fills lg (letters and numbered codes) and returns 1. */
static int S_legend(const tl_para *paras, const S_table *t, S_legend_map *lg)
{
	if (t->ncols != 2 || t->nrows < 2)
		return 0;
	int found = 0, rows = 0;
	for (int32_t r = 0; r < t->nrows; r++) {
		char f[64];
		S_cell_fold(paras, t, r, 0, f, sizeof f);
		int32_t p = S_cell(t, r, 1);
		if (!f[0] || p < 0)
			continue;
		if (r == 0 && S_header_names_priority(f))
			continue;
		rows++;
		int k = S_lead_kind(paras[p].text, paras[p].len);
		if (!k)
			continue;
		char key[8];
		if (S_is_letter(f) || (strlen(f) <= 3 && !strchr(f, ' ')) || S_num_key(f, key)) {
			if (S_is_letter(f))
				lg->letter[f[0] - 'a'] = k;
			else
				S_num_add(lg, f, k);
			found++;
		} else if (S_word_kind(f)) {
			found++;
		}
	}
	return found >= 2 && found * 3 >= rows * 2;
}

/* The kind of a priority cell's folded text, or P_NONE. */
static int S_code_kind(const char *f, const S_legend_map *lg, int moscow)
{
	if (!f[0])
		return P_NONE;
	int nk = S_num_kind(lg, f);
	if (nk)
		return nk;
	if (S_is_letter(f)) {
		int l = f[0] - 'a';
		if (lg->letter[l])
			return lg->letter[l];
		if (moscow)
			return f[0] == 'm' ? P_BINDING : f[0] == 's' || f[0] == 'c' ? P_WISH : f[0] == 'w' ? P_EXCLUDED : P_NONE;
		return f[0] == 'k' || f[0] == 'e' ? P_BINDING : f[0] == 'w' ? P_WISH : f[0] == 'v' ? P_QUESTION : P_NONE;
	}
	return S_word_kind(f);
}

/* The priority column of the table, or -1; sets *moscow for its letters. */
static int32_t S_priority_col(const tl_para *paras, const S_table *t, const S_legend_map *lg,
                              int *moscow)
{
	for (int32_t col = 0; col < t->ncols && t->ncols >= 2; col++) {
		char f[64];
		S_cell_fold(paras, t, 0, col, f, sizeof f);
		int header = S_header_names_priority(f);
		int filled = 0, codes = 0, mosc = 0;
		for (int32_t r = 1; r < t->nrows; r++) {
			S_cell_fold(paras, t, r, col, f, sizeof f);
			if (!f[0])
				continue;
			filled++;
			if (S_is_letter(f) && (f[0] == 'm' || f[0] == 's' || f[0] == 'c'))
				mosc = 1;
			if (S_is_letter(f) || S_word_kind(f) || S_num_kind(lg, f))
				codes++;
		}
		if (!filled || codes * 5 < filled * 4)
			continue;
		if (header || (filled >= 3 && codes == filled)) {
			*moscow = mosc;
			/* only letters the reading knows: an ID column "A", "B" is no priority */
			int known = 0;
			for (int32_t r = 1; r < t->nrows; r++) {
				S_cell_fold(paras, t, r, col, f, sizeof f);
				known += S_code_kind(f, lg, mosc) != P_NONE;
			}
			if (known * 5 >= filled * 4)
				return col;
		}
	}
	return -1;
}

/* The answer of an "offered" cell: 1 yes, -1 no, 0 neither ("n.v.t.", empty). */
static int S_offered_answer(const char *f)
{
	static const char *const yes[] = {"ja", "yes", "y", "j", "aangeboden", "offered", "voldoet",
	                                  "complies", "compliant", "x", "✓", "✔", NULL};
	static const char *const no[] = {"nee", "no", "n", "niet aangeboden", "not offered",
	                                 "voldoet niet", "does not comply", "non-compliant", "✗", "✘",
	                                 NULL};
	for (size_t i = 0; yes[i]; i++)
		if (!strcmp(f, yes[i]))
			return 1;
	for (size_t i = 0; no[i]; i++)
		if (!strcmp(f, no[i]))
			return -1;
	return 0;
}

/* The column that says whether a tenderer offers each row ("Aangeboden", "Offered",
 * "Voldoet", "Complies": ja/nee), or -1. */
static int32_t S_offered_col(const tl_para *paras, const S_table *t)
{
	static const char *const h[] = {"aangeboden", "offered", "voldoet", "complies", "compliant",
	                                "voldaan", "antwoord inschrijver", "response", "ja/nee",
	                                "yes/no", "compliance", NULL};
	for (int32_t col = 0; col < t->ncols; col++) {
		char f[64];
		S_cell_fold(paras, t, 0, col, f, sizeof f);
		int header = 0;
		for (size_t i = 0; h[i] && !header; i++)
			header = !strcmp(f, h[i]);
		if (!header)
			continue;
		int answers = 0;
		for (int32_t r = 1; r < t->nrows; r++) {
			S_cell_fold(paras, t, r, col, f, sizeof f);
			answers += S_offered_answer(f) != 0;
		}
		if (answers)
			return col;
	}
	return -1;
}

/* 1 when a party is named in s: "Alle rechten op de Gegevens berusten bij
 * Opdrachtgever" has a verb the verbless test does not know, and says whose
 * the rights are; it is no bare name of a deliverable */
static int S_names_party(const tl_sentence *s)
{
	for (uint32_t i = 0; i < s->ntok; i++)
		if (s->tok[i].flags & TL_TOK_PARTY)
			return 1;
	return 0;
}

/* words of s, not counting punctuation and numbers ("R-20" has one) */
static uint32_t S_words(const tl_sentence *s)
{
	uint32_t w = 0;
	for (uint32_t i = 0; i < s->ntok; i++)
		w += !(s->tok[i].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER));
	return w;
}

static void S_apply(tl_sentence *s, int kind)
{
	switch (kind) {
	case P_WISH:
		s->flags |= TL_SENT_WISH;
		break;
	case P_QUESTION:
		s->flags |= TL_SENT_NONOPERATIVE;
		break;
	case P_EXCLUDED:
		if (s->flags & TL_SENT_NEGATED)
			break; /* "Won't: the system does not ...": leave the double negative alone */
		s->flags |= TL_SENT_NEGATED;
		s->flags &= ~(TL_SENT_VERBLESS | TL_SENT_NONOPERATIVE);
		s->modality = TL_MOD_PROHIBITION;
		if (s->bound == TL_ROLE_NONE)
			s->bound = TL_ROLE_VENDOR;
		break;
	case P_BINDING:
		/* "Privacy and security by design and by default." in a P1 row: the row's words
		 * name what the contractor must deliver, so a row without a verb is its duty */
		if ((s->flags & TL_SENT_VERBLESS) && !(s->flags & TL_SENT_NEGATED) && s->bound == TL_ROLE_NONE &&
		    s->modality == TL_MOD_STATEMENT && S_words(s) >= 3 && !S_names_party(s)) {
			s->flags &= ~(TL_SENT_VERBLESS | TL_SENT_NONOPERATIVE);
			s->modality = TL_MOD_OBLIGATION;
			s->bound = TL_ROLE_VENDOR;
		}
		break;
	default:
		break;
	}
}

/* Marks the rows of one table; `kinds` has room for nrows entries. */
static void S_mark_table(tl_ann_ctx *c, const S_table *t, int32_t pcol, int32_t ocol,
                         const S_legend_map *lg, int moscow, int *kinds)
{
	tl_annotated *a = c->a;
	for (int32_t r = 0; r < t->nrows; r++) {
		char f[64];
		S_cell_fold(c->paras, t, r, pcol, f, sizeof f);
		kinds[r] = r == 0 || pcol < 0 ? P_NONE : S_code_kind(f, lg, moscow);
		/* a filled-in tender: an offered wish binds, a row not offered binds no one */
		if (r > 0 && ocol >= 0) {
			S_cell_fold(c->paras, t, r, ocol, f, sizeof f);
			int ans = S_offered_answer(f);
			if (ans > 0 && kinds[r] == P_WISH)
				kinds[r] = P_BINDING;
			else if (ans < 0 && kinds[r] != P_EXCLUDED)
				kinds[r] = P_QUESTION;
		}
	}
	for (int32_t p = t->first; p <= t->last; p++) {
		const tl_para *para = &c->paras[p];
		if (para->kind != TL_PARA_CELL || para->col == pcol || para->col == ocol || para->row < 0 ||
		    para->row >= t->nrows)
			continue;
		int kind = kinds[para->row];
		if (kind == P_NONE)
			continue;
		for (uint32_t k = a->para_sent[p]; k < a->para_sent[p + 1]; k++)
			S_apply(&a->sent[k], kind);
	}
}

int tl_priority_mark(tl_ann_ctx *c)
{
	const tl_para *paras = c->paras;
	int32_t ntables = 0;
	for (size_t p = 0; p < c->npara; p++)
		if (paras[p].kind == TL_PARA_CELL && paras[p].table >= ntables)
			ntables = paras[p].table + 1;
	if (!ntables)
		return 0;
	S_table *tables = calloc((size_t)ntables, sizeof *tables);
	if (!tables)
		return TL_ENOMEM;
	for (int32_t i = 0; i < ntables; i++)
		tables[i].first = -1;
	int32_t maxrows = 0;
	for (size_t p = 0; p < c->npara; p++) {
		const tl_para *para = &paras[p];
		if (para->kind != TL_PARA_CELL || para->table < 0)
			continue;
		S_table *t = &tables[para->table];
		if (t->first < 0)
			t->first = (int32_t)p;
		t->last = (int32_t)p;
		if (para->row + 1 > t->nrows)
			t->nrows = para->row + 1;
		if (para->col + 1 > t->ncols)
			t->ncols = para->col + 1;
		if (t->nrows > maxrows)
			maxrows = t->nrows;
	}
	S_legend_map lg;
	memset(&lg, 0, sizeof lg);
	S_prose_legend(c, &lg);
	uint8_t *is_legend = calloc((size_t)ntables, 1);
	int *kinds = calloc((size_t)maxrows + 1, sizeof *kinds);
	if (!is_legend || !kinds) {
		free(tables);
		free(is_legend);
		free(kinds);
		return TL_ENOMEM;
	}
	for (int32_t i = 0; i < ntables; i++)
		if (tables[i].first >= 0 && S_grid(paras, &tables[i]))
			is_legend[i] = (uint8_t)S_legend(paras, &tables[i], &lg);
	for (int32_t i = 0; i < ntables; i++) {
		const S_table *t = &tables[i];
		if (!t->grid || is_legend[i] || t->nrows < 2)
			continue;
		int moscow = 0;
		int32_t pcol = S_priority_col(paras, t, &lg, &moscow);
		int32_t ocol = S_offered_col(paras, t);
		if (pcol >= 0 || ocol >= 0)
			S_mark_table(c, t, pcol, ocol, &lg, moscow, kinds);
	}
	for (int32_t i = 0; i < ntables; i++)
		free(tables[i].grid);
	free(tables);
	free(is_legend);
	free(kinds);
	return 0;
}
