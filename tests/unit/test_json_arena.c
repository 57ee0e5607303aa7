/* test_json_arena.c: tl_json_parse builds exactly the tree cJSON builds, or
 * declines (NULL) and leaves the text to cJSON.  Checked on hand-written
 * cases, every file built into the binary, and random mutations of them.
 * tl_json_parse_skip builds cJSON's tree with the skipped members deleted. */
#include <math.h>
#include <stdlib.h>

#include "harness.h"
#include "util/embed.h"
#include "util/json.h"

/* 1 when the two trees are the same node for node (types, values, keys,
 * order, and the prev links cJSON sets: the first child's prev is the last). */
static int S_same(const cJSON *a, const cJSON *b)
{
	if (!a || !b)
		return a == b;
	if (a->type != b->type || a->valueint != b->valueint)
		return 0;
	if (memcmp(&a->valuedouble, &b->valuedouble, sizeof a->valuedouble) != 0 &&
	    !(isnan(a->valuedouble) && isnan(b->valuedouble)))
		return 0;
	if ((a->valuestring == NULL) != (b->valuestring == NULL) ||
	    (a->valuestring && strcmp(a->valuestring, b->valuestring) != 0))
		return 0;
	if ((a->string == NULL) != (b->string == NULL) || (a->string && strcmp(a->string, b->string) != 0))
		return 0;
	const cJSON *x = a->child, *y = b->child, *lx = NULL, *ly = NULL;
	for (; x && y; lx = x, ly = y, x = x->next, y = y->next) {
		if (!S_same(x, y))
			return 0;
		if (x->next && (x->next->prev != x || y->next->prev != y))
			return 0;
	}
	if (x || y)
		return 0; /* not the same number of children */
	/* the first child's prev is the last child in both */
	return !a->child || (a->child->prev == lx && b->child->prev == ly);
}

/* Parses text both ways: 1 when tl_json_parse declined or agreed with cJSON;
 * *took says whether it built a tree. */
static int S_check(const char *text, size_t len, int *took)
{
	tl_arena a;
	tl_arena_init(&a, 0);
	cJSON *mine = tl_json_parse(&a, text, len);
	cJSON *ref = cJSON_ParseWithLengthOpts(text, len, NULL, 0);
	int ok = !mine || (ref && S_same(mine, ref));
	if (took)
		*took = mine != NULL;
	cJSON_Delete(ref);
	tl_arena_free(&a);
	return ok;
}

static int S_takes(const char *text)
{
	int took = 0;
	T_OK(S_check(text, strlen(text), &took), "differs from cJSON on %s", text);
	return took;
}

static void test_cases(void)
{
	/* read as cJSON reads them (taken or, when invalid, declined) */
	static const char *const agree[] = {
		"{}", "[]", " \t\r\n{ } ", "null", "true", "false", "0", "-0", "12", "-3.25", "1e3", "2E-2",
		"1.5e+10", "2147483647", "2147483648", "-2147483648", "-2147483649", "1e400", "-1e400",
		"\"\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"caf\\u00e9 \\u20ac \\ud83d\\ude00\"",
		"\"\\u0041\\u00C9\"", "\"raw\x01control\x1f bytes\"", "\"\xc3\xa9t\xc3\xa9\"",
		"{\"a\":1,\"a\":2}", "{\"x\" : [1, [2, [3, {}]], \"y\"], \"z\": {\"k\": null}}",
		"[1,2,3] trailing garbage", "{\"a\":1}}", "nullx", "truefalse", "[1.]", "[01]", "[1e]",
		"[-]", "{\"k\":\"v\"\x01}", "[+1]", "[\"a\",]", "{\"a\":1,}", NULL};
	for (int i = 0; agree[i]; i++)
		S_takes(agree[i]);
	/* values checked directly */
	tl_arena a;
	tl_arena_init(&a, 0);
	const char *t = "{\"n\": 2147483648, \"m\": -7.9, \"s\": \"\\u00e9\\ud83d\\ude00\", \"b\": true}";
	cJSON *r = tl_json_parse(&a, t, strlen(t));
	T_OK(r && cJSON_IsObject(r), "an object");
	T_INT(cJSON_GetObjectItemCaseSensitive(r, "n")->valueint, 2147483647);
	T_INT(cJSON_GetObjectItemCaseSensitive(r, "m")->valueint, -7);
	T_STR(cJSON_GetObjectItemCaseSensitive(r, "s")->valuestring, "\xc3\xa9\xf0\x9f\x98\x80");
	T_INT(cJSON_GetObjectItemCaseSensitive(r, "b")->valueint, 1);
	T_INT(cJSON_GetArraySize(r), 4);
	T_OK(r && r->child->prev == cJSON_GetObjectItemCaseSensitive(r, "b"), "first child's prev is the last");
	tl_arena_free(&a);
	/* declined: cJSON rejects them, or reads them in ways left to it */
	static const char *const declined[] = {
		"", "   ", "[", "{", "[1,", "{\"a\"", "{\"a\":}", "{a:1}", "\"open", "\"bad \\x escape\"",
		"\"\\u0000\"", "\"\\uzzzz\"", "\"\\udc00\"", "\"\\ud800\"", "\"\\ud800\\u0041\"", "\xef\xbb\xbf{}",
		"-", "[1 2]", "{\"a\" 1}", "nul", "tru", "@",
		"[1234567890123456789012345678901234567890123456789012345678901234567890]", NULL};
	for (int i = 0; declined[i]; i++) {
		int took = S_takes(declined[i]);
		T_OK(!took, "tl_json_parse should leave \"%s\" to cJSON", declined[i]);
	}
	/* nesting deeper than the parser's limit goes to cJSON */
	char deep[2 * 300 + 1];
	memset(deep, '[', 300);
	memset(deep + 300, ']', 300);
	deep[600] = '\0';
	T_OK(!S_takes(deep), "300 levels are left to cJSON");
	deep[250] = '\0';
	memset(deep + 125, ']', 125);
	T_OK(S_takes(deep), "125 levels are read");
}

static void test_embedded(void)
{
	int n = 0, taken = 0;
	for (const tl_embedded_file *f = tl_embedded_files; f->path; f++) {
		int took = 0;
		T_OK(S_check(f->data, f->size, &took), "differs from cJSON on %s", f->path);
		n++;
		taken += took;
	}
	T_OK(n > 10, "the built-in files are there (%d)", n);
	T_INT(taken, n); /* every built-in file takes the fast path */
}

/* Random byte edits of a built-in file: never a tree that differs. */
static void test_mutations(void)
{
	const tl_embedded_file *f = tl_embedded_find("rulesets/vng-2022.json");
	T_OK(f != NULL, "the built-in ruleset");
	if (!f)
		return;
	static const char alphabet[] = "{}[],:\"\\u0123456789abcdefABCDEF.eE+- \t\nnulltruefalse\x01\xc3\xa9";
	char *buf = malloc(f->size + 1);
	unsigned seed = 12345;
	int bad = 0, took = 0;
	for (int it = 0; it < 3000 && buf; it++) {
		memcpy(buf, f->data, f->size + 1);
		int edits = 1 + it % 4;
		for (int e = 0; e < edits; e++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % f->size;
			seed = seed * 1103515245u + 12345u;
			buf[at] = alphabet[(seed >> 8) % (sizeof alphabet - 1)];
		}
		int t = 0;
		if (!S_check(buf, f->size, &t))
			bad++;
		took += t;
	}
	T_INT(bad, 0);
	T_OK(took > 100, "many mutations still parse (%d)", took);
	free(buf);
}

/* cJSON's tree with every member called key deleted, at any depth. */
static void S_drop(cJSON *c, const char *key)
{
	if (!c)
		return;
	while (cJSON_IsObject(c) && cJSON_GetObjectItemCaseSensitive(c, key))
		cJSON_DeleteItemFromObjectCaseSensitive(c, key);
	for (cJSON *x = c ? c->child : NULL; x; x = x->next)
		S_drop(x, key);
}

/* tl_json_parse_skip(text, key) against cJSON's tree without the key: 1 when
 * they agree or the skipping parse declined (*took says which). */
static int S_check_skip(const char *text, size_t len, const char *key, int *took)
{
	tl_arena a;
	tl_arena_init(&a, 0);
	cJSON *mine = tl_json_parse_skip(&a, text, len, key);
	cJSON *ref = cJSON_ParseWithLengthOpts(text, len, NULL, 0);
	S_drop(ref, key);
	int ok = !mine || (ref && S_same(mine, ref));
	*took = mine != NULL;
	cJSON_Delete(ref);
	tl_arena_free(&a);
	return ok;
}

static void test_skip(void)
{
	static const char *const taken[] = {
		"{\"ex\": 1}", "{\"a\": 1, \"ex\": [1, {\"b\": \"}]\\\"{[\"}], \"c\": 3}",
		"{\"ex\": {\"nested\": [[], {}, \"x\", null, true, -1.5e3]}, \"a\": {\"ex\": \"deep\", \"k\": 2}}",
		"{\"a\": [{\"ex\": 1}, {\"ex\": 2, \"b\": 3}], \"ex\" :\n  \"s\" , \"z\": false}",
		"{\"exa\": 1, \"e\": 2, \"ex\":\"\\u00e9\", \"EX\": 3}", "[\"ex\", {\"ex\": \"ex\"}]",
		"{\"ex\": [\n    \"one\",\n    \"two\"\n  ],\n  \"ex\": 2}", NULL};
	for (int i = 0; taken[i]; i++) {
		int took = 0;
		T_OK(S_check_skip(taken[i], strlen(taken[i]), "ex", &took), "skip differs on %s", taken[i]);
		T_OK(took, "skip should read %s", taken[i]);
	}
	/* a skipped value whose brackets do not pair up, or whose string does
	 * not close, or a bare value where a member must end: declined */
	static const char *const declined[] = {
		"{\"ex\": [1, 2}", "{\"ex\": {\"a\": 1]}", "{\"ex\": \"open}", "{\"ex\": [", "{\"ex\":",
		"{\"ex\" 1}", "{\"ex\": 1, }", "{\"ex\": ]", NULL};
	for (int i = 0; declined[i]; i++) {
		int took = 1;
		T_OK(S_check_skip(declined[i], strlen(declined[i]), "ex", &took), "skip differs on %s", declined[i]);
		T_OK(!took, "skip should decline %s", declined[i]);
	}
	/* every built-in file without its self-test examples, as the loader's
	 * check mode reads them (tl_ruleset_load_for_check) */
	int n = 0, with = 0;
	for (const tl_embedded_file *f = tl_embedded_files; f->path; f++) {
		int took = 0;
		T_OK(S_check_skip(f->data, f->size, "examples", &took), "skip differs on %s", f->path);
		T_OK(took, "skip reads %s", f->path);
		n++;
		with += strstr(f->data, "\"examples\"") != NULL;
	}
	T_OK(with > 5, "built-in files with examples (%d of %d)", with, n);
	/* random edits of a file with examples: a tree that differs never */
	const tl_embedded_file *f = tl_embedded_find("rulesets/vng-2022/sec.json");
	T_OK(f != NULL, "sec.json is built in");
	char *buf = f ? malloc(f->size + 1) : NULL;
	unsigned seed = 777;
	int bad = 0;
	static const char alphabet[] = "{}[],:\"\\ \n0aex";
	for (int it = 0; it < 400 && buf; it++) {
		memcpy(buf, f->data, f->size + 1);
		for (int e = 0; e < 1 + it % 3; e++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % f->size;
			seed = seed * 1103515245u + 12345u;
			buf[at] = alphabet[(seed >> 8) % (sizeof alphabet - 1)];
		}
		int took = 0;
		/* a skipped value is not validated: an edit inside one may be
		 * taken where cJSON would reject the text, which the check mode
		 * allows only for built-in files; elsewhere the trees agree */
		if (!S_check_skip(buf, f->size, "examples", &took) && took) {
			cJSON *ref = cJSON_ParseWithLengthOpts(buf, f->size, NULL, 0);
			bad += ref != NULL; /* valid JSON read into another tree */
			cJSON_Delete(ref);
		}
	}
	T_INT(bad, 0);
	free(buf);
}

int main(void)
{
	test_cases();
	test_embedded();
	test_mutations();
	test_skip();
	return T_DONE();
}
