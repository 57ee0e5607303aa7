/* load_diag.c: where a ruleset's JSON nodes are, and what is wrong with
 * them.  cJSON gives no positions, so when a message first needs one, S_scan
 * walks each source's text again in step with its tree (cJSON keeps members
 * in text order) and records every node's byte offset in a hash on the node
 * pointer; tl_load_error and tl_load_warn then print file:line:col and keep
 * the first error in the caller's tl_error.  Also the check for keys an
 * object gives twice, which both JSON parsers would keep without a word. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/load.h"

/** ## Positions */
static size_t S_hash_ptr(const void *p)
{
	uintptr_t x = (uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static void S_pos_put(tl_load *L, const cJSON *node, int src, size_t off)
{
	if (L->npos * 2 >= L->apos) {
		size_t na = L->apos ? L->apos * 2 : 1024;
		tl_pos *nv = calloc(na, sizeof *nv);
		if (!nv) {
			L->oom = 1;
			return;
		}
		for (size_t i = 0; i < L->apos; i++) {
			if (!L->pos[i].node)
				continue;
			size_t h = S_hash_ptr(L->pos[i].node) & (na - 1);
			while (nv[h].node)
				h = (h + 1) & (na - 1);
			nv[h] = L->pos[i];
		}
		free(L->pos);
		L->pos = nv;
		L->apos = na;
	}
	size_t h = S_hash_ptr(node) & (L->apos - 1);
	while (L->pos[h].node && L->pos[h].node != node)
		h = (h + 1) & (L->apos - 1);
	if (!L->pos[h].node)
		L->npos++;
	L->pos[h].node = node;
	L->pos[h].src = (uint32_t)src;
	L->pos[h].off = (uint32_t)off;
}

static void S_scan_pending(tl_load *L);

static const tl_pos *S_pos_get(tl_load *L, const cJSON *node)
{
	S_scan_pending(L);
	if (!L->apos || !node)
		return NULL;
	size_t h = S_hash_ptr(node) & (L->apos - 1);
	while (L->pos[h].node) {
		if (L->pos[h].node == node)
			return &L->pos[h];
		h = (h + 1) & (L->apos - 1);
	}
	return NULL;
}

static size_t S_ws(const char *t, size_t i, size_t n)
{
	while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
		i++;
	return i;
}

static size_t S_skip_string(const char *t, size_t i, size_t n)
{
	if (i >= n || t[i] != '"')
		return i;
	for (i++; i < n && t[i] != '"'; i++)
		if (t[i] == '\\')
			i++;
	return i < n ? i + 1 : n;
}

/* Records the offset of `node` and its descendants; returns the offset after it. */
static size_t S_scan(tl_load *L, int src, const cJSON *node, const char *t, size_t i, size_t n,
                     int depth)
{
	i = S_ws(t, i, n);
	S_pos_put(L, node, src, i);
	if (depth > 200 || i >= n)
		return n;
	if (cJSON_IsObject(node) || cJSON_IsArray(node)) {
		int obj = cJSON_IsObject(node);
		i++; /* { or [ */
		for (const cJSON *c = node->child; c; c = c->next) {
			i = S_ws(t, i, n);
			if (obj) {
				size_t k = i;
				i = S_skip_string(t, i, n);
				S_pos_put(L, tl_load_key(c), src, k);
				i = S_ws(t, i, n);
				if (i < n && t[i] == ':')
					i++;
			}
			i = S_scan(L, src, c, t, i, n, depth + 1);
			i = S_ws(t, i, n);
			if (i < n && t[i] == ',')
				i++;
		}
		i = S_ws(t, i, n);
		return i < n ? i + 1 : n;
	}
	if (cJSON_IsString(node))
		return S_skip_string(t, i, n);
	while (i < n && !strchr(",]} \t\r\n", t[i]))
		i++;
	return i;
}

/* Positions are recorded only when a message needs one: a ruleset that
 * loads cleanly never pays for the second walk over its text. */
static void S_scan_pending(tl_load *L)
{
	for (; L->nscanned < L->nsrc; L->nscanned++) {
		tl_src *s = &L->srcs[L->nscanned];
		/* cJSON skips a UTF-8 byte-order mark, so the walk does too */
		size_t bom = s->len >= 3 && !memcmp(s->text, "\xef\xbb\xbf", 3) ? 3 : 0;
		if (s->root)
			S_scan(L, L->nscanned, s->root, s->text, bom, s->len, 0);
	}
}

static void S_linecol(const char *t, size_t off, long *line, long *col)
{
	long l = 1, c = 1;
	for (size_t i = 0; i < off && t[i]; i++) {
		if (t[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)t[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

int tl_load_src_of(tl_load *L, const cJSON *node)
{
	const tl_pos *p = S_pos_get(L, node);
	return p ? (int)p->src : -1;
}

static void S_report(tl_load *L, int is_error, int src, size_t off, int have_off, const char *fmt,
                     va_list ap)
{
	char msg[TL_ERROR_MSG_MAX];
	vsnprintf(msg, sizeof msg, fmt, ap);
	long line = 0, col = 0;
	const char *path = src >= 0 ? L->srcs[src].path : (L->rs && L->rs->path ? L->rs->path : "ruleset");
	if (src >= 0 && have_off)
		S_linecol(L->srcs[src].text, off, &line, &col);
	if (is_error)
		L->diag->errors++;
	else
		L->diag->warnings++;
	if (L->diag->out && (is_error || !L->diag->no_warnings)) {
		if (line)
			fprintf(L->diag->out, "%s:%ld:%ld: %s: %s\n", path, line, col,
			        is_error ? "error" : "warning", msg);
		else
			fprintf(L->diag->out, "%s: %s: %s\n", path, is_error ? "error" : "warning", msg);
	}
	if (is_error && L->err && L->err->code == 0) {
		tl_error_set(L->err, TL_ERULESET, "%s", msg);
		snprintf(L->err->path, sizeof L->err->path, "%s", path);
		L->err->line = line;
		L->err->col = col;
	}
}

void tl_load_error(tl_load *L, const cJSON *node, const char *fmt, ...)
{
	const tl_pos *p = S_pos_get(L, node);
	va_list ap;
	va_start(ap, fmt);
	S_report(L, 1, p ? (int)p->src : -1, p ? p->off : 0, p != NULL, fmt, ap);
	va_end(ap);
}

void tl_load_warn(tl_load *L, const cJSON *node, const char *fmt, ...)
{
	const tl_pos *p = S_pos_get(L, node);
	va_list ap;
	va_start(ap, fmt);
	S_report(L, 0, p ? (int)p->src : -1, p ? p->off : 0, p != NULL, fmt, ap);
	va_end(ap);
}

void tl_load_error_at(tl_load *L, int src, size_t off, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_report(L, 1, src, off, 1, fmt, ap);
	va_end(ap);
}

/** ## Keys given twice */

/* cJSON and tl_json keep both members of a key an object repeats, and every
 * lookup finds the first, so the second would be dropped without a word
 * ("none" given twice in a pattern). */
static void S_dup_report(tl_load *L, const cJSON *first, const cJSON *again)
{
	const tl_pos *p = S_pos_get(L, tl_load_key(first));
	long line = 0, col = 0;
	if (p)
		S_linecol(L->srcs[p->src].text, p->off, &line, &col);
	tl_load_error(L, tl_load_key(again), "duplicate key \"%s\" (first at line %ld, column %ld)",
	              again->string, line, col);
}

static int S_same_key(const cJSON *a, const cJSON *b)
{
	return a->string[0] == b->string[0] && !strcmp(a->string, b->string);
}

/* One object's members: pairwise while few (nearly every object of a
 * ruleset), through a hash of the names for a large map ("concepts"). */
static void S_dup_members(tl_load *L, const cJSON *obj)
{
	uint32_t k = 0;
	for (const cJSON *c = obj->child; c; c = c->next)
		k++;
	if (k <= 16) {
		for (const cJSON *b = obj->child ? obj->child->next : NULL; b; b = b->next)
			for (const cJSON *a = obj->child; a != b; a = a->next)
				if (S_same_key(a, b)) {
					if (!tl_load_is_comment_key(b->string))
						S_dup_report(L, a, b);
					break;
				}
		return;
	}
	uint32_t cap = 32;
	while (cap < k * 2)
		cap *= 2;
	const cJSON **slot = calloc(cap, sizeof *slot);
	if (!slot) {
		L->oom = 1;
		return;
	}
	for (const cJSON *c = obj->child; c; c = c->next) {
		uint32_t h = 2166136261u;
		for (const char *s = c->string; *s; s++)
			h = (h ^ (unsigned char)*s) * 16777619u;
		h &= cap - 1;
		while (slot[h] && !S_same_key(slot[h], c))
			h = (h + 1) & (cap - 1);
		if (!slot[h])
			slot[h] = c;
		else if (!tl_load_is_comment_key(c->string))
			S_dup_report(L, slot[h], c);
	}
	free(slot);
}

void tl_load_dup_keys(tl_load *L, const cJSON *node, int depth)
{
	if (depth > 256)
		return; /* deeper than either parser nests */
	if (cJSON_IsObject(node))
		S_dup_members(L, node);
	for (const cJSON *c = node->child; c; c = c->next)
		if (c->child)
			tl_load_dup_keys(L, c, depth + 1);
}
