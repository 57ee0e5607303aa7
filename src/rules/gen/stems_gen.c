/* stems_gen.c: the build-time generator of generated/tl_stems.c (stems.h):
 * the stem table and the term table of the built-in ruleset.
 *
 * Loads the built-in ruleset with the library's own loader, breaks every
 * term into words as tl_compile_term does (its space-separated chunks, and
 * the tokenizer's folded words), stems each distinct (language, word) with
 * tl_text_stem_uncached and writes the pairs as a C hash table.  A word the
 * table misses is stemmed at run time, so the table only has to be a subset
 * of the words the loader stems; it must never hold a wrong stem, which is
 * why it asks the same function.  The term table holds each term's words as
 * the loader compiled them here, without any table (tl_compile_term_uncached).
 *
 * usage: tl_stems_gen OUT.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"
#include "tenderlint.h"
#include "rules/stems.h"
#include "text/text.h"

typedef struct S_gen {
	char *head[TL_HEAD_KINDS]; /* the report heads (tl_head_table), malloc'd, or NULL */
	size_t head_len[TL_HEAD_KINDS];
	tl_stem_ent *ent;
	uint32_t n, cap;
	char *pool;
	size_t npool, apool;
	uint32_t *slot;
	uint32_t nslot;
	tl_text *tx;
	tl_arena *arena;
	int oom;
	/* the term table (tl_term_table) */
	tl_term_ent *tent;
	uint32_t nt, tcap;
	tl_term_word *tw;
	uint32_t ntw, twcap;
	uint32_t *tslot;
	uint32_t ntslot;
} S_gen;

static uint32_t S_pool_add(S_gen *g, const char *s, size_t n)
{
	if (g->npool + n + 1 > g->apool) {
		size_t na = g->apool ? g->apool * 2 : 65536;
		while (na < g->npool + n + 1)
			na *= 2;
		char *np = realloc(g->pool, na);
		if (!np)
			return g->oom = 1, 0;
		g->pool = np;
		g->apool = na;
	}
	uint32_t off = (uint32_t)g->npool;
	memcpy(g->pool + off, s, n);
	g->pool[off + n] = '\0';
	g->npool += n + 1;
	return off;
}

static int S_has(const S_gen *g, unsigned lang, const char *w, size_t n)
{
	const tl_stem_table t = {g->slot, g->nslot, g->ent, g->n, g->pool};
	return tl_stem_lookup(&t, lang, w, n) != NULL;
}

/* Places entry k in the slots, doubling them to keep them at most half full. */
static void S_slot_put(S_gen *g, uint32_t k)
{
	if ((g->n + 1) * 2 > g->nslot) {
		uint32_t na = g->nslot ? g->nslot * 2 : 1024;
		uint32_t *ns = calloc(na, sizeof *ns);
		if (!ns)
			return (void)(g->oom = 1);
		free(g->slot);
		g->slot = ns;
		g->nslot = na;
		for (uint32_t j = 0; j < k; j++)
			S_slot_put(g, j);
	}
	const tl_stem_ent *e = &g->ent[k];
	uint32_t i = tl_stem_hash(g->pool + e->word, e->len, e->lang) & (g->nslot - 1);
	while (g->slot[i])
		i = (i + 1) & (g->nslot - 1);
	g->slot[i] = k + 1;
}

/* Records the stem of w[0..n) in lang (a word tl_text_stem_uncached stems). */
static void S_word(S_gen *g, unsigned lang, const char *w, size_t n)
{
	if (!n || n > UINT16_MAX || g->oom)
		return;
	unsigned char c0 = (unsigned char)w[0];
	if (!((c0 >= 'a' && c0 <= 'z') || c0 >= 0x80) || S_has(g, lang, w, n))
		return;
	char *f = tl_arena_strndup(g->arena, w, n);
	const char *st = f ? tl_text_stem_uncached(g->tx, (tl_lang)lang, f, n, g->arena) : NULL;
	if (!st)
		return (void)(g->oom = 1);
	if (g->n == g->cap) {
		uint32_t nc = g->cap ? g->cap * 2 : 4096;
		tl_stem_ent *ne = realloc(g->ent, nc * sizeof *ne);
		if (!ne)
			return (void)(g->oom = 1);
		g->ent = ne;
		g->cap = nc;
	}
	uint32_t wo = S_pool_add(g, w, n);
	uint32_t so = strcmp(st, g->pool + wo) ? S_pool_add(g, st, strlen(st)) : wo; /* often itself */
	if (g->oom)
		return;
	g->ent[g->n] = (tl_stem_ent){wo, so, (uint16_t)n, (uint8_t)lang};
	S_slot_put(g, g->n);
	g->n++;
}

static void S_term(S_gen *g, const tl_rterm *t)
{
	const char *p = t->text;
	/* the chunks tl_compile_term stems without the tokenizer */
	while (*p) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		size_t n = (size_t)(e - p), k = 0;
		while (k < n && p[k] >= 'a' && p[k] <= 'z')
			k++;
		if (n && k == n)
			S_word(g, t->lang, p, n);
		p = e;
	}
	/* and the tokenizer's words of the others */
	tl_token *tok = NULL;
	uint32_t nt = 0;
	if (tl_text_tokens(g->tx, t->text, strlen(t->text), &tok, &nt) != 0)
		return (void)(g->oom = 1);
	for (uint32_t i = 0; i < nt; i++)
		if (!(tok[i].flags & TL_TOK_PUNCT))
			S_word(g, t->lang, tok[i].fold, strlen(tok[i].fold));
}

/* Places term entry k in the term slots, doubling them to keep them at most half full. */
static void S_tslot_put(S_gen *g, uint32_t k)
{
	if ((g->nt + 1) * 2 > g->ntslot) {
		uint32_t na = g->ntslot ? g->ntslot * 2 : 1024;
		uint32_t *ns = calloc(na, sizeof *ns);
		if (!ns)
			return (void)(g->oom = 1);
		free(g->tslot);
		g->tslot = ns;
		g->ntslot = na;
		for (uint32_t j = 0; j < k; j++)
			S_tslot_put(g, j);
	}
	const tl_term_ent *e = &g->tent[k];
	uint32_t i = tl_stem_hash(g->pool + e->text, e->len, e->lang) & (g->ntslot - 1);
	while (g->tslot[i])
		i = (i + 1) & (g->ntslot - 1);
	g->tslot[i] = k + 1;
}

/* Records a compiled term's words (the loader compiled it without a table). */
static void S_term_words(S_gen *g, const tl_rterm *t)
{
	size_t len = strlen(t->text);
	const tl_term_table cur = {g->tslot, g->ntslot, g->tent, g->nt, g->tw, g->pool};
	if (g->oom || len > UINT32_MAX || tl_term_lookup(&cur, t->lang, t->text, len))
		return;
	if (g->nt == g->tcap) {
		uint32_t nc = g->tcap ? g->tcap * 2 : 4096;
		tl_term_ent *ne = realloc(g->tent, nc * sizeof *ne);
		if (!ne)
			return (void)(g->oom = 1);
		g->tent = ne;
		g->tcap = nc;
	}
	if (g->ntw + t->nw > g->twcap) {
		uint32_t nc = g->twcap ? g->twcap : 8192;
		while (nc < g->ntw + t->nw)
			nc *= 2;
		tl_term_word *nw = realloc(g->tw, nc * sizeof *nw);
		if (!nw)
			return (void)(g->oom = 1);
		g->tw = nw;
		g->twcap = nc;
	}
	uint32_t to = S_pool_add(g, t->text, len);
	for (uint32_t k = 0; k < t->nw && !g->oom; k++) {
		const tl_rword *w = &t->w[k];
		g->tw[g->ntw + k] = (tl_term_word){S_pool_add(g, w->s, w->len), w->len, w->kind, w->gap};
	}
	if (g->oom)
		return;
	g->tent[g->nt] = (tl_term_ent){to, (uint32_t)len, g->ntw, t->nw, t->lang};
	g->ntw += t->nw;
	S_tslot_put(g, g->nt);
	g->nt++;
}

static void S_string(FILE *f, const char *s, size_t n)
{
	fputs("\t\"", f);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?')
			fputc(c, f);
		else
			fprintf(f, "\\%03o", c);
	}
	fputs("\"\n", f);
}

/* A text of n bytes as one C string literal a line per line of text. */
static void S_text(FILE *f, const char *s, size_t n)
{
	size_t from = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n' || i + 1 == n) {
			S_string(f, s + from, i + 1 - from);
			from = i + 1;
		}
	if (!n)
		fputs("\t\"\"\n", f);
}

/* The report heads of the built-in ruleset (stems.h, tl_head_table); NULL
 * texts when it did not load. */
static void S_write_heads(FILE *f, char *const text[TL_HEAD_KINDS], const size_t len[TL_HEAD_KINDS])
{
	static const char *const names[TL_HEAD_KINDS] = {"S_head_json", "S_head_jsonl"};
	for (int k = 0; k < TL_HEAD_KINDS; k++) {
		fprintf(f, "static const char %s[%zu] =\n", names[k], (text[k] ? len[k] : 0) + 1);
		S_text(f, text[k] ? text[k] : "", text[k] ? len[k] : 0);
		fputs(";\n\n", f);
	}
	fputs("extern const tl_head_table tl_builtin_head_table;\n"
	      "const tl_head_table tl_builtin_head_table = {{S_head_json, S_head_jsonl}, {", f);
	for (int k = 0; k < TL_HEAD_KINDS; k++)
		fprintf(f, "%s%zu", k ? ", " : "", text[k] ? len[k] : 0);
	fputs("}};\n", f);
}

static int S_write(const S_gen *g, const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	fputs("/* generated by src/rules/gen/stems_gen.c from the built-in ruleset: do not edit */\n"
	      "#include \"rules/stems.h\"\n\n"
	      "extern const tl_stem_table tl_builtin_stem_table;\n\n",
	      f);
	fprintf(f, "static const char S_pool[%zu] =\n", g->npool ? g->npool : 1);
	size_t from = 0;
	for (size_t i = 0; i < g->npool; i++)
		if (g->pool[i] == '\0') { /* one string a line, each with its NUL */
			S_string(f, g->pool + from, i - from + (i + 1 < g->npool));
			from = i + 1;
		}
	if (!g->npool)
		fputs("\t\"\"\n", f);
	fputs(";\n\n", f);
	fprintf(f, "static const tl_stem_ent S_ent[%u] = {\n", g->n ? g->n : 1);
	for (uint32_t i = 0; i < g->n; i++)
		fprintf(f, "\t{%u, %u, %u, %u},\n", g->ent[i].word, g->ent[i].stem, g->ent[i].len,
		        g->ent[i].lang);
	if (!g->n)
		fputs("\t{0, 0, 0, 0},\n", f);
	fputs("};\n\n", f);
	fprintf(f, "static const uint32_t S_slot[%u] = {", g->nslot ? g->nslot : 1);
	for (uint32_t i = 0; i < g->nslot; i++)
		fprintf(f, "%s%u,", i % 16 ? " " : "\n\t", g->slot[i]);
	if (!g->nslot)
		fputs("0", f);
	fputs("\n};\n\n", f);
	fprintf(f, "const tl_stem_table tl_builtin_stem_table = {S_slot, %u, S_ent, %u, S_pool};\n",
	        g->nslot, g->n);
	fputs("\nextern const tl_term_table tl_builtin_term_table;\n\n", f);
	fprintf(f, "static const tl_term_ent S_tent[%u] = {\n", g->nt ? g->nt : 1);
	for (uint32_t i = 0; i < g->nt; i++)
		fprintf(f, "\t{%u, %u, %u, %u, %u},\n", g->tent[i].text, g->tent[i].len, g->tent[i].first,
		        g->tent[i].nw, g->tent[i].lang);
	if (!g->nt)
		fputs("\t{0, 0, 0, 0, 0},\n", f);
	fputs("};\n\n", f);
	fprintf(f, "static const tl_term_word S_tw[%u] = {\n", g->ntw ? g->ntw : 1);
	for (uint32_t i = 0; i < g->ntw; i++)
		fprintf(f, "\t{%u, %u, %u, %u},\n", g->tw[i].s, g->tw[i].len, g->tw[i].kind, g->tw[i].gap);
	if (!g->ntw)
		fputs("\t{0, 0, 0, 0},\n", f);
	fputs("};\n\n", f);
	fprintf(f, "static const uint32_t S_tslot[%u] = {", g->ntslot ? g->ntslot : 1);
	for (uint32_t i = 0; i < g->ntslot; i++)
		fprintf(f, "%s%u,", i % 16 ? " " : "\n\t", g->tslot[i]);
	if (!g->ntslot)
		fputs("0", f);
	fputs("\n};\n\n", f);
	fprintf(f, "const tl_term_table tl_builtin_term_table = {S_tslot, %u, S_tent, %u, S_tw, S_pool};\n\n",
	        g->ntslot, g->nt);
	S_write_heads(f, g->head, g->head_len);
	int bad = ferror(f);
	return fclose(f) == 0 && !bad ? 0 : -1;
}

/* The heads as tl_report_head_text makes them at run time (this program
 * does not link the table, so it works them out). */
static int S_heads(S_gen *g, const tl_ruleset *rs)
{
	g->head[TL_HEAD_JSON] = tl_report_head_text(rs, TL_RENDER_JSON, &g->head_len[TL_HEAD_JSON]);
	g->head[TL_HEAD_JSONL] = tl_report_head_text(rs, TL_RENDER_JSONL, &g->head_len[TL_HEAD_JSONL]);
	return g->head[TL_HEAD_JSON] && g->head[TL_HEAD_JSONL] ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: tl_stems_gen OUT.c\n", stderr);
		return 2;
	}
	tl_arena arena;
	tl_arena_init(&arena, 0);
	tl_error err = {0};
	S_gen g = {0};
	g.arena = &arena;
	tl_ruleset *rs = NULL;
	tl_diag diag = {0};
	int rc = tl_rules_load(&rs, NULL, &diag, &err);
	if (rc != 0 || !rs) /* the loader will say what is wrong at run time: no table */
		fprintf(stderr, "tl_stems_gen: the built-in ruleset does not load (%d): empty table\n", rc);
	else if (tl_text_open(&g.tx, &arena, &err) != 0)
		g.oom = 1;
	else
		for (uint32_t i = 0; i < rs->nterms && !g.oom; i++) {
			S_term(&g, &rs->terms[i]);
			S_term_words(&g, &rs->terms[i]);
		}
	if (rs && !g.oom && S_heads(&g, rs) != 0)
		g.oom = 1;
	int bad = g.oom;
	if (bad)
		fputs("tl_stems_gen: out of memory\n", stderr);
	else if (S_write(&g, argv[1]) != 0) {
		fprintf(stderr, "tl_stems_gen: cannot write %s\n", argv[1]);
		bad = 1;
	}
	if (g.tx)
		tl_text_close(g.tx);
	tl_ruleset_free(rs);
	for (int k = 0; k < TL_HEAD_KINDS; k++)
		free(g.head[k]);
	free(g.slot);
	free(g.ent);
	free(g.pool);
	free(g.tslot);
	free(g.tent);
	free(g.tw);
	tl_arena_free(&arena);
	return bad;
}
