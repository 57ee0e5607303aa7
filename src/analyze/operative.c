/* operative.c: operative contract text versus the rest, and unfilled
 * placeholders.
 *
 * Not operative: comments, page headers and footers, table-of-contents
 * entries, hidden text; sections whose heading names guidance (Toelichting,
 * Leeswijzer, Inleiding, Explanatory notes, Release notes, Instructies, ...)
 * up to the next heading of the same or a higher level; instruction blocks
 * ("[Toelichting: ...]", "VERWIJDER DIT BLOK", "Let op:", "Drafting note");
 * and a model's explanatory preface before the agreement itself begins
 * ("DE ONDERGETEKENDEN", "Partijen:", "This Agreement is made ...") when
 * that preface reads like guidance. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "analyze/annot_int.h"

static const char *const S_guidance_titles[] = {
	"toelichting", "leeswijzer", "inleiding", "introductie", "explanatory note", "explanatory notes",
	"explanatory memorandum", "release notes", "release note", "releasenote", "releasenotes",
	"invulinstructie", "invulinstructies", "guidance", "guidance notes", "handleiding",
	"gebruiksaanwijzing",
	"how to use", "about this template", "over dit model", "over deze modelovereenkomst",
	"versiebeheer", "versiegeschiedenis", "revision history", "document history", "changelog",
	"wijzigingen ten opzichte van", "inhoudsopgave", "table of contents", "contents", "inhoud",
	"notes for users", "aanwijzingen", "gebruikersinstructie", NULL};
/* recitals: why the parties contract, binding no one (read as an introduction);
 * only as the whole title: "Background checks" is an article */
static const char *const S_recital_titles[] = {
	"overwegingen", "overwegende", "considerans", "recitals", "whereas", "preamble", "background",
	"achtergrond", NULL};

static const char *const S_instruction_starts[] = {
	"[ toelichting", "toelichting :", "[ instructie", "instructie :", "let op :", "nb :", "n.b .",
	"[ noot", "noot :", "verwijder dit|deze", "[ verwijder", "[ delete", "delete this",
	"note to drafter*", "drafting note", "[ drafting", "guidance :", "[ guidance", "[ optioneel",
	"[ keuze", "[ note", "note :", "instruction :", "[ instruction", "[ tip", "tip :",
	"short version :", "summary :", "in short :", "tl;dr", "samenvatting :", "in het kort :", NULL};

static const char *const S_agreement_starts[] = {
	"de ondergetekenden", "ondergetekenden", "partijen :", "de partijen :", "the undersigned",
	"between :", "this agreement is made|entered", "parties :", "the parties :",
	"overeenkomst tussen", "agreement between", NULL};

static const char *const S_preface_words[] = {
	"model", "modelovereenkomst", "template", "toelichting", "leeswijzer", "instructie*",
	"invullen", "guidance", "instructions", "gebruiker*", "drafting", "generator",
	"overeenkomstengenerator", "gegenereerd*", "releasenote*", NULL};

/* a guidance title may be followed by what it explains ("Toelichting op de
 * Overeenkomst", "Toelichting bijlagen", "Explanatory notes to this
 * Agreement"), not by a second subject: "Artikel 2 Instructies en doel",
 * "Inleiding en definities" name an article's contents */
static const char *const S_title_conj[] = {"en", "and", "&", ",", "alsmede", NULL};

static int S_title_tail_ok(const tl_ann_para *pt, uint32_t from)
{
	if (pt->ntok - from > 6)
		return 0;
	for (uint32_t i = from; i < pt->ntok; i++)
		if (tl_tok_in(&pt->tok[i], S_title_conj))
			return 0;
	return 1;
}

static int S_starts_with(const tl_ann_para *pt, const char *const *list)
{
	return pt->ntok && tl_ph_list_at(pt->tok, pt->ntok, 0, list, NULL) > 0;
}

/* A question to the tenderer in a tender's questionnaire ("Q-05 Describe how you
 * ensure ...", "Beschrijf hoe u ...", "Geef aan welke ..."): it binds no one.  After
 * a short label (letters, digits, '-', '.') the first word is a verb that asks. */
static int S_question_para(const tl_ann_para *pt)
{
	static const char *const ask[] = {"describe", "explain", "outline", "beschrijf", "omschrijf",
	                                  "motiveer", NULL};
	static const char *const ask_wh[] = {"indicate", "specify", "state", "demonstrate", "give",
	                                     "geef", "licht", "toon", "vermeld", "noem", NULL};
	static const char *const wh[] = {"how", "what", "which", "whether", "why", "your", "hoe", "welke",
	                                 "wat", "of", "waarom", "uw", "aan", "toe", NULL};
	uint32_t i = 0;
	/* a label: "Q-05", "V3", "3.1", "(a)" */
	while (i < pt->ntok && i < 4 &&
	       ((pt->tok[i].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)) ||
	        (strlen(pt->tok[i].fold) <= 2 && i + 1 < pt->ntok &&
	         (pt->tok[i + 1].flags & (TL_TOK_PUNCT | TL_TOK_NUMBER)))))
		i++;
	if (i + 2 >= pt->ntok || !(pt->tok[i].flags & TL_TOK_CAPITAL))
		return 0;
	if (tl_tok_in(&pt->tok[i], ask))
		return 1;
	return tl_tok_in(&pt->tok[i], ask_wh) && tl_tok_in(&pt->tok[i + 1], wh);
}

/* ---- numbered clauses of an introduction ---------------------------------- */

/* An introduction ("1. Inleiding") often holds the tender's first clauses: what
 * is bought and the terms the rest uses.  A numbered paragraph there that
 * defines a term or names what is procured is contract text; the unnumbered
 * prose around it stays guidance. */
static const char *const S_intro_titles[] = {"inleiding", "introductie", "overwegingen",
                                             "overwegende", "considerans", "recitals",
                                             "whereas", "preamble", "background", "achtergrond",
                                             NULL};
static const char *const S_intro_defines[] = {
	"hierna", "hierna te noemen", "hereinafter", "( the \"", "betekent", "betekenen",
	"wordt verstaan", "worden verstaan", "means", "mean", "refers to", NULL};
static const char *const S_intro_buys[] = {
	"afgenomen", "afneemt", "aanbesteed", "aanbesteedt", "ingekocht", "inkoopt", "verworven",
	"zoekt", "geleverd", "levert", "ontwikkelt", "bouwt", "seeks", "delivered", "delivers",
	"develops", "builds",
	"onderdeel van de opdracht", "onderdeel van deze opdracht", "de|deze opdracht omvat|betreft",
	"de|deze opdracht bestaat uit", "procures", "procured", "purchases", "purchased",
	"the|this contract covers", "the|this tender covers", "the scope of the|this contract|tender|procurement",
	NULL};
static const char *const S_intro_model[] = {"model", "modelovereenkomst", "template",
                                            "sjabloon", "toelichting", "invullen", "leeswijzer",
                                            NULL};

/* 1 when the heading's title is an introduction ("1. Inleiding"). */
static int S_intro_heading(const tl_ann_para *pt)
{
	for (uint32_t i = 0; i < pt->ntok && i < 4; i++)
		if (tl_tok_in(&pt->tok[i], S_intro_titles))
			return 1;
	return 0;
}

/* 1 when paragraph p, inside an introduction, is a numbered clause that
 * defines a term or says what is bought ("1.2 De Oplossing wordt als
 * clouddienst (SaaS) afgenomen", "1.4 In dit document betekent "Gegevens":
 * ..."), and does not speak of a model or template. */
static int S_intro_clause(const tl_para *para, const tl_ann_para *pt)
{
	int numbered = pt->ntok > 2 && (pt->tok[0].flags & TL_TOK_NUMBER) && para->text[0] >= '0' &&
	               para->text[0] <= '9';
	if (para->label)
		for (const char *l = para->label; *l && !numbered; l++)
			numbered = *l >= '0' && *l <= '9';
	if (!numbered)
		return 0;
	int says = 0;
	for (uint32_t i = 0; i < pt->ntok; i++) {
		if (tl_tok_in(&pt->tok[i], S_intro_model))
			return 0;
		says = says || tl_ph_list_at(pt->tok, pt->ntok, i, S_intro_defines, NULL) ||
		       tl_ph_list_at(pt->tok, pt->ntok, i, S_intro_buys, NULL);
	}
	return says;
}

static int S_is_heading(const tl_para *p)
{
	return p->kind == TL_PARA_HEADING || p->outline > 0;
}

static int S_guidance_heading(const tl_ann_para *pt)
{
	/* "2.1 Is er wel een verwerkersovereenkomst nodig?": an FAQ, not an article */
	if (pt->ntok >= 3 && strcmp(pt->tok[pt->ntok - 1].fold, "?") == 0)
		return 1;
	/* the title may follow a number ("1. Toelichting", "Bijlage 3 Leeswijzer") and one
	 * qualifying word ("2.5 Artikelsgewijze toelichting", "General guidance") */
	int qualifier = 0;
	for (uint32_t i = 0; i < pt->ntok && i < 5; i++) {
		uint32_t r = tl_ph_list_at(pt->tok, pt->ntok, i, S_recital_titles, NULL);
		while (r && i + r < pt->ntok && (pt->tok[i + r].flags & TL_TOK_PUNCT))
			r++;
		if (r && !qualifier && i + r == pt->ntok)
			return 1;
		uint32_t m = tl_ph_list_at(pt->tok, pt->ntok, i, S_guidance_titles, NULL);
		if (m && S_title_tail_ok(pt, i + m) && !(qualifier && pt->ntok - (i + m) > 2))
			return 1;
		if (!(pt->tok[i].flags & (TL_TOK_NUMBER | TL_TOK_PUNCT)) &&
		    strcmp(pt->tok[i].fold, "bijlage") != 0 && strcmp(pt->tok[i].fold, "annex") != 0 &&
		    strcmp(pt->tok[i].fold, "schedule") != 0 && strcmp(pt->tok[i].fold, "artikel") != 0) {
			if (qualifier || i + 1 >= pt->ntok || tl_tok_in(&pt->tok[i], S_title_conj))
				break;
			qualifier = 1;
		}
	}
	return 0;
}

/* 1 when paragraphs p and q are in the same table cell. */
static int S_same_cell(const tl_para *p, const tl_para *q)
{
	return p->kind == TL_PARA_CELL && q->kind == TL_PARA_CELL && p->table == q->table &&
	       p->row == q->row && p->col == q->col && p->part == q->part;
}

/* 1 when "VERWIJDER DIT" or "DELETE THIS" starts at t[k] (t has n bytes). */
static int S_disown_at(const char *t, size_t n, size_t k)
{
	return (t[k] == 'V' && n - k >= 13 && memcmp(t + k, "VERWIJDER DIT", 13) == 0) ||
	       (t[k] == 'D' && n - k >= 11 && memcmp(t + k, "DELETE THIS", 11) == 0);
}

/* strstr(t, "VERWIJDER DIT") || strstr(t, "DELETE THIS") for a text of n
 * bytes (n = strlen(t)) in one pass: both start with "VE" or "DE", looked
 * for sixteen places at a time with SSE2. */
int tl_disown_text(const char *t, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i cv = _mm_set1_epi8('V'), cd = _mm_set1_epi8('D'), ce = _mm_set1_epi8('E');
	for (; i + 17 <= n; i += 16) {
		__m128i c0 = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		__m128i c1 = _mm_loadu_si128((const __m128i *)(const void *)(t + i + 1));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(c0, cv), _mm_cmpeq_epi8(c0, cd)), _mm_cmpeq_epi8(c1, ce)));
		for (; m; m &= m - 1)
			if (S_disown_at(t, n, i + (size_t)__builtin_ctz(m)))
				return 1;
	}
#endif
	for (; i + 1 < n; i++)
		if (t[i + 1] == 'E' && S_disown_at(t, n, i))
			return 1;
	return 0;
}

/* An unticked option of a choice list ("[ ] In perpetuity", "☐ ..."): the
 * text is not part of the agreement; "[x]" and "☒" are. */
static int S_unticked(const tl_para *para)
{
	const char *t = para->text;
	if (t[0] == '-' && t[1] == ' ')
		t += 2; /* a Markdown list item */
	/* U+2610 ballot box, U+25A1 white square */
	return strncmp(t, "[ ]", 3) == 0 || strncmp(t, "\xe2\x98\x90", 3) == 0 ||
	       strncmp(t, "\xe2\x96\xa1", 3) == 0;
}

/* The tests below that read paragraph p alone, into c->pt[p].op (annot_int.h):
 * the text phases run this for each paragraph right after its tokens, on
 * whichever thread made them, so that tl_operative_paras, between the text
 * phases on one thread, walks only the sections.  A cell's paragraph makes
 * its cell guidance when it disowns its block ("VERWIJDER DIT BLOK TEKST ...,
 * DIT IS ALLEEN TER INFORMATIE", "DELETE THIS BOX") or, first in its cell,
 * opens it with a guidance label ("Releasenote:"). */
void tl_operative_para(tl_ann_ctx *c, size_t p)
{
	const tl_para *para = &c->paras[p];
	const tl_ann_para *pt = &c->pt[p];
	uint32_t op = 0;
	int heading = S_is_heading(para);
	int cell = para->kind == TL_PARA_CELL;
	int first = cell && (p == 0 || !S_same_cell(&c->paras[p - 1], para));
	if ((heading || first) && S_guidance_heading(pt))
		op |= TL_OP_GUIDE;
	if (heading && S_intro_heading(pt))
		op |= TL_OP_INTRO;
	if (S_starts_with(pt, S_instruction_starts))
		op |= TL_OP_INSTR;
	if (tl_disown_text(para->text, para->len))
		op |= TL_OP_DISOWN;
	if (S_question_para(pt))
		op |= TL_OP_QUESTION;
	if (S_unticked(para))
		op |= TL_OP_UNTICKED;
	if (cell && ((op & TL_OP_DISOWN) || tl_ph_at(pt->tok, pt->ntok, 0, "verwijder dit|deze blok|kader|tekst") ||
	             tl_ph_at(pt->tok, pt->ntok, 0, "delete this box|block|text") ||
	             (first && (op & TL_OP_GUIDE))))
		op |= TL_OP_BLOCK;
	c->pt[p].op = op;
}

int tl_operative_paras(tl_ann_ctx *c)
{
	tl_annotated *a = c->a;
	int32_t guide_level = -1; /* inside a guidance section opened at this outline level */
	int intro = 0;            /* that section is an introduction */
	size_t start = 0;          /* first paragraph of the agreement proper */
	for (size_t p = 0; p < c->npara && p < 400; p++) {
		if (S_starts_with(&c->pt[p], S_agreement_starts)) {
			start = p;
			break;
		}
	}
	if (start > 0 && start * 3 <= c->npara + 6) {
		int guide = 0;
		for (size_t p = 0; p < start && !guide; p++)
			for (uint32_t i = 0; i < c->pt[p].ntok && !guide; i++)
				guide = tl_tok_in(&c->pt[p].tok[i], S_preface_words);
		if (!guide)
			start = 0;
	}
	a->para_intro = tl_arena_calloc(&a->arena, c->npara + 1, 1);
	if (!a->para_intro)
		return TL_ENOMEM;
	for (size_t p = 0; p < c->npara; p++) {
		const tl_para *para = &c->paras[p];
		uint32_t op_p = c->pt[p].op;
		int op = 1;
		if (para->kind == TL_PARA_COMMENT || para->kind == TL_PARA_HEADER ||
		    para->kind == TL_PARA_FOOTER || (para->flags & (TL_PARA_F_TOC | TL_PARA_F_HIDDEN)))
			op = 0;
		if (S_is_heading(para)) {
			int32_t lvl = para->outline > 0 ? para->outline : 1;
			if (guide_level >= 0 && lvl <= guide_level)
				guide_level = -1;
			if (guide_level < 0 && (op_p & TL_OP_GUIDE)) {
				guide_level = lvl;
				intro = (op_p & TL_OP_INTRO) != 0;
			}
		}
		/* an introduction's text says what the contract is about even where it
		 * binds nobody: kept for the context tags (tl_annotated.para_intro) */
		int in_intro = op && guide_level >= 0 && intro && p >= start;
		if (guide_level >= 0 && !(intro && !S_is_heading(para) && S_intro_clause(para, &c->pt[p])))
			op = 0;
		if (p < start)
			op = 0;
		if (op_p & TL_OP_UNTICKED)
			op = 0;
		if (op_p & (TL_OP_INSTR | TL_OP_DISOWN | TL_OP_QUESTION))
			op = 0;
		a->para_operative[p] = (uint8_t)op;
		a->para_intro[p] =
		    (uint8_t)(in_intro && !op && !(op_p & (TL_OP_UNTICKED | TL_OP_INSTR | TL_OP_QUESTION)));
	}
	/* guidance blocks in table cells: the whole cell, before and after the mark */
	for (size_t p = 0; p < c->npara; p++) {
		if (!(c->pt[p].op & TL_OP_BLOCK))
			continue;
		size_t b = p, e = p;
		while (b > 0 && S_same_cell(&c->paras[b - 1], &c->paras[p]))
			b--;
		while (e + 1 < c->npara && S_same_cell(&c->paras[e + 1], &c->paras[p]))
			e++;
		for (size_t q = b; q <= e; q++)
			a->para_operative[q] = a->para_intro[q] = 0;
		p = e;
	}
	return 0;
}

/* ---- placeholders -------------------------------------------------------- */

/* Placeholders are found per paragraph (by either thread of the text phases,
 * tl_annotate_ex) into a list of their own, and the sentences that hold them
 * are flagged afterwards, in text order (tl_placeholders_flag). */
static int S_add_ph(tl_ph_vec *out, size_t p, uint32_t s, uint32_t e)
{
	if (out->n >= TL_ANNOT_MAX_PH)
		return 0;
	if (out->n == out->cap) {
		uint32_t n = out->cap ? out->cap * 2 : 32;
		tl_placeholder *ph = realloc(out->v, (size_t)n * sizeof *ph);
		if (!ph)
			return TL_ENOMEM;
		out->v = ph;
		out->cap = n;
	}
	out->v[out->n].para = (int32_t)p;
	out->v[out->n].start = s;
	out->v[out->n].end = e;
	out->n++;
	return 0;
}

void tl_placeholders_flag(tl_annotated *a)
{
	for (uint32_t x = 0; x < a->nph; x++) {
		size_t p = (size_t)a->ph[x].para;
		uint32_t s = a->ph[x].start, e = a->ph[x].end;
		/* the sentences that hold it (binary search: units are in text order) */
		uint32_t lo = a->para_sent[p], hi = a->para_sent[p + 1];
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;
			if (a->sent[mid].end <= s)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (uint32_t k = lo; k < a->para_sent[p + 1] && a->sent[k].start < e; k++)
			if (a->sent[k].end > s)
				a->sent[k].flags |= TL_SENT_PLACEHOLDER;
	}
}

/* 1 when the bracketed text t[0..n) reads like a blank to fill. */
static int S_blank_text(tl_text *txt, const char *t, size_t n)
{
	static const char *const hints[] = {
		"\xe2\x97\x8f", "\xe2\x80\xa2", "\xe2\x80\xa6", "...", "__", "nader", "in te vullen",
		"invullen", "insert", "enter ", "tbd", "tbc", "n.t.b", "naam", "datum", "name", "date",
		"bedrag", "amount", "aantal", "number", "p.m", "xx", "optie", "option", "keuze", "select",
		"kies", "adres", "address", "plaats", "invoegen", "vul ", "fill", NULL};
	static const char *const instr[] = {"toelichting", "instructie", "noot", "note", "let op",
	                                    "tip", "drafting", "guidance", NULL};
	if (n == 0)
		return 1;
	/* "[x]" is a ticked box, "[s]" an optional plural, "[!NOTE]" a Markdown admonition */
	if ((n == 1 && t[0] >= 'a' && t[0] <= 'z') || t[0] == '!')
		return 0;
	size_t fl;
	const char *f = tl_text_fold(txt, t, n, &fl);
	if (!f)
		return 0;
	for (int i = 0; instr[i]; i++)
		if (strncmp(f, instr[i], strlen(instr[i])) == 0)
			return 0; /* an instruction block, handled as guidance */
	int digits_only = 1, space_only = 1;
	for (size_t i = 0; i < fl; i++) {
		if (!(f[i] >= '0' && f[i] <= '9') && f[i] != '.' && f[i] != ',' && f[i] != '-')
			digits_only = 0;
		if (f[i] != ' ')
			space_only = 0;
	}
	if (space_only)
		return 1;
	if (digits_only)
		return 0; /* "[1]", "[2.3]": references */
	for (int i = 0; hints[i]; i++)
		if (strstr(f, hints[i]))
			return 1;
	/* "[X]", "[PM]" and all-capital labels "[NAAM LEVERANCIER]" */
	int upper = 0, lower = 0;
	for (size_t i = 0; i < n; i++) {
		upper += t[i] >= 'A' && t[i] <= 'Z';
		lower += t[i] >= 'a' && t[i] <= 'z';
	}
	return (upper >= 1 && lower == 0) || n <= 2;
}

/* S_ph_start[ch]: a placeholder can start at byte ch; the scan below skips
 * the other bytes in a tight loop. */
static unsigned char S_ph_start[256];

/* S_ph_word[ch]: the class of a byte inside a word scanned for NAAM_HIER,
 * XX-XX-XXXX: 0 ends the word, else S_W plus what the byte counts as. */
enum { S_W = 1, S_UNDER = 2, S_X = 4, S_OTHER = 8, S_LOWER = 16 };
static unsigned char S_ph_word[256];

static void S_ph_start_init_once(void)
{
	for (int ch = 'A'; ch <= 'Z'; ch++)
		S_ph_start[ch] = 1;
	for (int ch = 'A'; ch <= 'Z'; ch++)
		S_ph_word[ch] = S_W | (ch == 'X' ? S_X : S_OTHER);
	for (int ch = 'a'; ch <= 'z'; ch++)
		S_ph_word[ch] = S_W | S_LOWER | (ch == 'x' ? S_X : S_OTHER);
	for (int ch = '0'; ch <= '9'; ch++)
		S_ph_word[ch] = S_W | S_OTHER;
	S_ph_word['_'] = S_W | S_UNDER;
	S_ph_word['-'] = S_W;
	S_ph_word['/'] = S_W;
	static const unsigned char more[] = {'x', 'd', '[', '{', '.', '_', 0xE2, '<'};
	for (size_t k = 0; k < sizeof more; k++)
		S_ph_start[more[k]] = 1;
}

static pthread_once_t S_ph_start_init_done = PTHREAD_ONCE_INIT;

static void S_ph_start_init(void) { pthread_once(&S_ph_start_init_done, S_ph_start_init_once); }

/* 1 when the scan below has something to do at t[i]: a start byte, except
 * a letter, 'x' or 'd' inside a word (right after a letter, digit or '_'),
 * which it passes over at once. */
static int S_ph_busy(const char *t, size_t i)
{
	unsigned char ch = (unsigned char)t[i];
	if (!S_ph_start[ch])
		return 0;
	if (!((ch >= 'A' && ch <= 'Z') || ch == 'x' || ch == 'd') || i == 0)
		return 1;
	unsigned char p = (unsigned char)t[i - 1];
	return !((p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') || (p >= '0' && p <= '9') || p == '_');
}

/* The first i' >= i with S_ph_busy(t, i'), or n: sixteen bytes at a time
 * with SSE2 where the text allows. */
int tl_ph_plain; /* annot_int.h: tests only */

static size_t S_ph_next(const char *t, size_t i, size_t n)
{
	if (tl_ph_plain) {
		while (i < n && !S_ph_start[(unsigned char)t[i]])
			i++;
		return i;
	}
#ifdef __SSE2__
	if (i == 0 && n > 0) {
		if (S_ph_busy(t, 0))
			return 0;
		i = 1;
	}
	const __m128i at = _mm_set1_epi8('@'), lbr = _mm_set1_epi8('['), bq = _mm_set1_epi8('`'),
	              lbrace = _mm_set1_epi8('{'), slash = _mm_set1_epi8('/'), colon = _mm_set1_epi8(':'),
	              cx = _mm_set1_epi8('x'), cd = _mm_set1_epi8('d'), dot = _mm_set1_epi8('.'),
	              us = _mm_set1_epi8('_'), lt = _mm_set1_epi8('<'), e2 = _mm_set1_epi8((char)0xE2);
	while (i + 16 <= n) {
		__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		__m128i p = _mm_loadu_si128((const __m128i *)(const void *)(t + i - 1));
		/* signed compares: bytes from 0x80 are negative, so no letter or digit */
		__m128i up = _mm_and_si128(_mm_cmpgt_epi8(c, at), _mm_cmpgt_epi8(lbr, c));
		__m128i ws = _mm_or_si128(up, _mm_or_si128(_mm_cmpeq_epi8(c, cx), _mm_cmpeq_epi8(c, cd)));
		__m128i sp = _mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(c, dot), _mm_cmpeq_epi8(c, us)),
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, lbr), _mm_cmpeq_epi8(c, lbrace)),
		                 _mm_or_si128(_mm_cmpeq_epi8(c, lt), _mm_cmpeq_epi8(c, e2))));
		__m128i pw = _mm_or_si128(
		    _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(p, at), _mm_cmpgt_epi8(lbr, p)),
		                 _mm_and_si128(_mm_cmpgt_epi8(p, bq), _mm_cmpgt_epi8(lbrace, p))),
		    _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(p, slash), _mm_cmpgt_epi8(colon, p)),
		                 _mm_cmpeq_epi8(p, us)));
		int m = _mm_movemask_epi8(_mm_or_si128(sp, _mm_andnot_si128(pw, ws)));
		if (m)
			return i + (size_t)__builtin_ctz((unsigned)m);
		i += 16;
	}
#endif
	while (i < n && !S_ph_busy(t, i))
		i++;
	return i;
}

int tl_placeholders_para(tl_text *txt, const tl_para *para, size_t p, tl_ph_vec *out)
{
	if (para->kind == TL_PARA_COMMENT || (para->flags & TL_PARA_F_TOC))
		return 0;
	const char *t = para->text;
	size_t n = para->len;
	int rc;
	S_ph_start_init();
	for (size_t i = 0; i < n; i++) {
		i = S_ph_next(t, i, n);
		if (i == n)
			break;
		char ch = t[i];
		if (ch == '<' || ch == '[' || (ch == '{' && i + 1 < n && t[i + 1] == '{')) {
			char close = ch == '<' ? '>' : ch == '[' ? ']' : '}';
			size_t j = i + 1;
			while (j < n && j - i <= 120 && t[j] != close && t[j] != ch)
				j++;
			if (j < n && t[j] == close && j - i <= 120) {
				/* "<naam gemeente>", not "a < b en c > d" */
				int blank = ch == '<' ? (j > i + 1 && t[i + 1] != ' ' && t[j - 1] != ' ')
				                      : S_blank_text(txt, t + i + 1, j - i - 1);
				if (ch == '{')
					blank = 1, j += (j + 1 < n && t[j + 1] == '}');
				/* "[ ] In perpetuity": an unticked box of a choice list, not a blank */
				if (ch == '[' && j == i + 2 && t[i + 1] == ' ' && j + 2 < n && t[j + 1] == ' ' &&
				    (i == 0 || (i >= 2 && t[i - 1] == ' ' && t[i - 2] == '-')))
					blank = 0;
				if (blank) {
					if ((rc = S_add_ph(out, p, (uint32_t)i, (uint32_t)j + 1)) != 0)
						return rc;
					i = j;
				}
			}
			continue;
		}
		/* dotted and underscored blanks: "....." "……" "_____" */
		if (ch == '.' || ch == '_' || (unsigned char)ch == 0xE2) {
			size_t j = i, dots = 0;
			while (j < n) {
				if (t[j] == ch && ch != (char)0xE2) {
					j++;
					dots++;
				} else if (j + 2 < n && (unsigned char)t[j] == 0xE2 &&
				           (unsigned char)t[j + 1] == 0x80 && (unsigned char)t[j + 2] == 0xA6) {
					j += 3;
					dots += 3;
				} else
					break;
			}
			if (dots >= 4) {
				if ((rc = S_add_ph(out, p, (uint32_t)i, (uint32_t)j)) != 0)
					return rc;
			}
			if (j > i)
				i = j - 1;
			continue;
		}
		/* words: NAAM_HIER, XX-XX-XXXX, dd-mm-jjjj */
		if ((ch >= 'A' && ch <= 'Z') || ch == 'x' || ch == 'd') {
			if (i > 0 && ((t[i - 1] >= 'A' && t[i - 1] <= 'Z') || (t[i - 1] >= 'a' && t[i - 1] <= 'z') ||
			              (t[i - 1] >= '0' && t[i - 1] <= '9') || t[i - 1] == '_'))
				continue;
			size_t j = i;
			unsigned acc = 0, m;
			int xs = 0;
			while (j < n && (m = S_ph_word[(unsigned char)t[j]]) != 0) {
				acc |= m;
				xs += (m & S_X) != 0;
				j++;
				/* a lower-case letter and another letter or digit: only the length
				 * counts any more (dd-mm-jjjj), so on to the word's end */
				if ((acc & (S_LOWER | S_OTHER)) == (S_LOWER | S_OTHER) && !tl_ph_plain) {
					while (j < n && S_ph_word[(unsigned char)t[j]])
						j++;
					break;
				}
			}
			int under = (acc & S_UNDER) != 0, other = (acc & S_OTHER) != 0,
			    lower = (acc & S_LOWER) != 0;
			size_t wl = j - i;
			int ph = (under && !lower && wl >= 4) || (xs >= 2 && other == 0 && wl >= 2 && !lower) ||
			         (xs >= 3 && other == 0) ||
			         (wl == 10 && (strncmp(t + i, "dd-mm-jjjj", 10) == 0 ||
			                       strncmp(t + i, "dd-mm-yyyy", 10) == 0));
			if (ph && (rc = S_add_ph(out, p, (uint32_t)i, (uint32_t)j)) != 0)
				return rc;
			i = j > i ? j - 1 : i;
		}
	}
	return 0;
}
