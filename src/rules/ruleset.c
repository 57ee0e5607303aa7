/* ruleset.c: loading a ruleset (tl_rules_load): the top file, then what it
 * extends (a parent ruleset, merged first) and includes, with overrides;
 * every concept, context, rule and override becomes a definition in a
 * name-keyed table, where a later layer (the extending ruleset) replaces
 * an earlier one and a name given twice in one layer is an error.
 * build.c then turns the merged definitions into the ruleset.  Files are
 * read in load_files.c, errors placed at file:line:col in load_diag.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/load.h"
#include "rules/snapshot.h"

/** ## Merging: extends, include, overrides */

static uint32_t S_name_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot for name in d's hash (grown to stay at most half full), or NULL
 * when out of memory. */
static uint32_t *S_defs_slot(tl_defs *d, const char *name)
{
	if ((d->n + 1) * 2 > d->cap) {
		uint32_t na = d->cap ? d->cap * 2 : 256;
		uint32_t *ns = na > d->cap ? calloc(na, sizeof *ns) : NULL;
		if (!ns)
			return NULL;
		for (uint32_t i = 0; i < d->n; i++) {
			uint32_t k = S_name_hash(d->v[i].name) & (na - 1);
			while (ns[k])
				k = (k + 1) & (na - 1);
			ns[k] = i + 1;
		}
		free(d->slot);
		d->slot = ns;
		d->cap = na;
	}
	uint32_t k = S_name_hash(name) & (d->cap - 1);
	while (d->slot[k] && strcmp(d->v[d->slot[k] - 1].name, name) != 0)
		k = (k + 1) & (d->cap - 1);
	return &d->slot[k];
}

static int S_defs_put(tl_load *L, tl_defs *d, const char *what, const char *name, const cJSON *node,
                      int src)
{
	uint32_t *slot = S_defs_slot(d, name);
	if (!slot) {
		L->oom = 1;
		return -1;
	}
	if (*slot) {
		uint32_t i = *slot - 1;
		if (d->v[i].layer == L->layer) {
			/* a key its map repeats: reported as a duplicate key already */
			const cJSON *f = d->v[i].node;
			if (!(d->v[i].src == src && f->string && node->string && !strcmp(f->string, node->string)))
				tl_load_error(L, node, "%s '%s' is defined twice (first in %s)", what, name,
				              L->srcs[d->v[i].src].path);
			return -1;
		}
		d->v[i].node = node; /* the extending ruleset replaces its parent's */
		d->v[i].src = src;
		d->v[i].layer = L->layer;
		return 0;
	}
	if (d->n == d->a) {
		uint32_t na = d->a ? d->a * 2 : 64;
		tl_def *nv = realloc(d->v, na * sizeof *nv);
		if (!nv) {
			L->oom = 1;
			return -1;
		}
		d->v = nv;
		d->a = na;
	}
	d->v[d->n++] = (tl_def){name, node, src, L->layer};
	*slot = d->n;
	return 0;
}

static const char *const S_top_keys[] = {"id", "version", "title", "description", "extends",
                                         "include", "concepts", "contexts", "rules", "overrides",
                                         "frameworks", "clauses", "clause_terms", NULL};
static const char *const S_inc_keys[] = {"concepts", "contexts", "rules", "include", "title",
                                         "description", NULL};

static void S_take_body(tl_load *L, int src, int depth);

static void S_take_includes(tl_load *L, int src, int depth)
{
	const cJSON *inc = cJSON_GetObjectItemCaseSensitive(L->srcs[src].root, "include");
	if (!inc)
		return;
	if (!cJSON_IsArray(inc)) {
		tl_load_error(L, inc, "\"include\" must be an array of paths");
		return;
	}
	const cJSON *p;
	cJSON_ArrayForEach(p, inc)
	{
		if (!cJSON_IsString(p)) {
			tl_load_error(L, p, "an include must be a path string");
			continue;
		}
		if (depth >= TL_LOAD_MAX_DEPTH) {
			tl_load_error(L, p, "includes nested too deeply");
			continue;
		}
		int s = tl_load_file(L, src, p->valuestring, p);
		if (s < 0 || !L->srcs[s].root)
			continue;
		if (!cJSON_IsObject(L->srcs[s].root)) {
			tl_load_error(L, L->srcs[s].root, "an included ruleset file must be a JSON object");
			continue;
		}
		tl_load_check_keys(L, L->srcs[s].root, "included file", S_inc_keys);
		S_take_body(L, s, depth + 1);
	}
}

static void S_take_map(tl_load *L, int src, const char *key, tl_defs *d, const char *what)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(L->srcs[src].root, key);
	if (!m)
		return;
	if (!cJSON_IsObject(m)) {
		tl_load_error(L, m, "\"%s\" must be an object", key);
		return;
	}
	const cJSON *c;
	cJSON_ArrayForEach(c, m)
	{
		if (tl_load_is_comment_key(c->string))
			continue;
		S_defs_put(L, d, what, c->string, c, src);
	}
}

static void S_take_body(tl_load *L, int src, int depth)
{
	const cJSON *root = L->srcs[src].root;
	S_take_map(L, src, "concepts", &L->concepts, "concept");
	S_take_map(L, src, "contexts", &L->contexts, "context");
	const cJSON *rules = cJSON_GetObjectItemCaseSensitive(root, "rules");
	if (rules && !cJSON_IsArray(rules)) {
		tl_load_error(L, rules, "\"rules\" must be an array");
	} else if (rules) {
		const cJSON *r;
		cJSON_ArrayForEach(r, rules)
		{
			const cJSON *id = cJSON_GetObjectItemCaseSensitive(r, "id");
			if (!cJSON_IsObject(r) || !cJSON_IsString(id) || !id->valuestring[0]) {
				tl_load_error(L, r, "a rule must be an object with a string \"id\"");
				continue;
			}
			S_defs_put(L, &L->rules, "rule", id->valuestring, r, src);
		}
	}
	S_take_includes(L, src, depth);
}

static void S_take_top(tl_load *L, int src, int depth)
{
	const cJSON *root = L->srcs[src].root;
	if (!cJSON_IsObject(root)) {
		tl_load_error(L, root, "a ruleset must be a JSON object");
		return;
	}
	tl_load_check_keys(L, root, "ruleset", S_top_keys);
	const cJSON *ext = cJSON_GetObjectItemCaseSensitive(root, "extends");
	if (ext && !cJSON_IsString(ext)) {
		tl_load_error(L, ext, "\"extends\" must be a ruleset id or a path");
	} else if (ext) {
		if (depth >= TL_LOAD_MAX_DEPTH) {
			tl_load_error(L, ext, "\"extends\" nested too deeply (a cycle?)");
			return;
		}
		int ps;
		const char *v = ext->valuestring;
		if (!strchr(v, '/') && !strstr(v, ".json")) {
			size_t n = strlen(v) + 32;
			char *p = malloc(n);
			if (!p) {
				L->oom = 1;
				return;
			}
			snprintf(p, n, "rulesets/%s.json", v);
			ps = tl_load_open(L, p, 1, ext, src);
		} else {
			ps = tl_load_file(L, src, v, ext);
		}
		if (ps >= 0 && L->srcs[ps].root) {
			if (ps == src) {
				tl_load_error(L, ext, "a ruleset cannot extend itself");
				return;
			}
			S_take_top(L, ps, depth + 1);
		}
	}
	L->layer++;
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
	const cJSON *ver = cJSON_GetObjectItemCaseSensitive(root, "version");
	if (!cJSON_IsString(id) || !id->valuestring[0])
		tl_load_error(L, id ? id : root, "a ruleset needs a string \"id\"");
	else
		L->rs->id = tl_load_strdup(L, id->valuestring);
	if (ver && !cJSON_IsString(ver))
		tl_load_error(L, ver, "\"version\" must be a string");
	else if (ver)
		L->rs->version = tl_load_strdup(L, ver->valuestring);
	const cJSON *title = cJSON_GetObjectItemCaseSensitive(root, "title");
	if (title) {
		cJSON_Delete(L->rs->title);
		L->rs->title = cJSON_Duplicate(title, 1);
	}
	S_take_body(L, src, depth);
	S_take_map(L, src, "overrides", &L->overrides, "override");
	const cJSON *fw = cJSON_GetObjectItemCaseSensitive(root, "frameworks");
	if (fw && !cJSON_IsArray(fw)) {
		tl_load_error(L, fw, "\"frameworks\" must be an array of paths");
	} else if (fw) {
		const cJSON *p;
		cJSON_ArrayForEach(p, fw)
		{
			if (!cJSON_IsString(p)) {
				tl_load_error(L, p, "a framework mapping must be a path string");
				continue;
			}
			int s = tl_load_file(L, src, p->valuestring, p);
			if (s >= 0 && L->srcs[s].root)
				S_defs_put(L, &L->frameworks, "framework file", L->srcs[s].path, p, s);
		}
	}
	const cJSON *cl = cJSON_GetObjectItemCaseSensitive(root, "clauses");
	if (cl && !cJSON_IsString(cl))
		tl_load_error(L, cl, "\"clauses\" must be a folder path");
	else if (cl)
		S_defs_put(L, &L->clause_dirs, "clause folder", cl->valuestring, cl, src);
	const cJSON *ct = cJSON_GetObjectItemCaseSensitive(root, "clause_terms");
	if (ct) {
		L->clause_terms = ct;
		L->clause_terms_src = src;
	}
}

/** ## Public entry points */

int tl_load_is_comment_key(const char *k)
{
	/* the first byte first: this runs on every key of every file */
	return k && (k[0] == '_' || (k[0] == '$' && (!strcmp(k, "$comment") || !strcmp(k, "$schema"))) ||
	             (k[0] == 'c' && !strcmp(k, "comment")));
}

int tl_load_check_keys(tl_load *L, const cJSON *obj, const char *what, const char *const *allowed)
{
	int bad = 0;
	const cJSON *c;
	cJSON_ArrayForEach(c, obj)
	{
		if (tl_load_is_comment_key(c->string))
			continue;
		int ok = 0;
		/* first bytes first: the built-in ruleset has 30,000 keys to check */
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = (*a)[0] == c->string[0] && !strcmp(*a, c->string);
		if (!ok) {
			tl_load_error(L, tl_load_key(c), "unknown key \"%s\" in %s", c->string, what);
			bad++;
		}
	}
	return bad;
}

const char *tl_load_strdup(tl_load *L, const char *s)
{
	if (!s)
		return NULL;
	const char *r = tl_arena_strdup(&L->rs->arena, s);
	if (!r)
		L->oom = 1;
	return r;
}

/* The text itself, not a copy: every tree the loader reads stays alive in the
 * ruleset (rs->trees, rs->json) and is never changed (810 KiB of copies for
 * the built-in ruleset). */
const char *tl_load_lang_text(tl_load *L, const cJSON *obj, tl_lang lang)
{
	(void)L;
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, lang == TL_LANG_NL ? "nl" : "en");
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void S_load_free(tl_load *L)
{
	for (int i = 0; i < L->nsrc; i++) {
		free(L->srcs[i].path);
		if (L->srcs[i].owned)
			free((char *)L->srcs[i].text);
		/* trees move into rs->trees; a tree that failed to parse is NULL */
	}
	free(L->pos);
	free(L->concept_slots);
	tl_defs *all[] = {&L->concepts, &L->contexts, &L->rules, &L->overrides, &L->frameworks,
	                  &L->clause_dirs};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		free(all[i]->v);
		free(all[i]->slot);
	}
}

static int S_load(tl_ruleset **out, const char *path, tl_diag *diag, int check_only, tl_error *err)
{
	*out = NULL;
	tl_diag quiet = {0, 0, NULL, NULL, 1};
	if (!diag)
		diag = &quiet;
	tl_ruleset *rs = calloc(1, sizeof *rs);
	tl_load *L = calloc(1, sizeof *L);
	if (!rs || !L) {
		free(rs);
		free(L);
		return tl_error_set(err, TL_ENOMEM, "out of memory loading the ruleset");
	}
	tl_arena_init(&rs->arena, 0);
	tl_arena_init(&rs->json, 0);
	rs->trees = cJSON_CreateArray();
	rs->data_concept = rs->personal_concept = rs->agreement_concept = -1;
	L->rs = rs;
	L->diag = diag;
	L->err = err;
	L->check_only = rs->check_only = check_only;
	if (err)
		tl_error_clear(err);
	rs->path = tl_arena_strdup(&rs->arena, path ? path : "rulesets/vng-2022.json");
	rs->builtin = path == NULL;
	char *p = strdup(rs->path);
	int src = p ? tl_load_open(L, p, path == NULL, NULL, -1) : -1;
	if (!p)
		L->oom = 1;
	if (src >= 0 && L->srcs[src].root)
		S_take_top(L, src, 0);
	if (!diag->errors && !L->oom)
		tl_load_build(L);
	for (int i = 0; i < L->nsrc; i++)
		if (L->srcs[i].in_arena)
			continue; /* freed with rs->json */
		else if (L->srcs[i].root && rs->trees)
			cJSON_AddItemToArray(rs->trees, L->srcs[i].root);
		else
			cJSON_Delete(L->srcs[i].root);
	int oom = L->oom || !rs->trees;
	S_load_free(L);
	free(L);
	if (oom) {
		tl_ruleset_free(rs);
		return tl_error_set(err, TL_ENOMEM, "out of memory loading the ruleset");
	}
	if (diag->errors) {
		tl_ruleset_free(rs);
		if (err && !err->code)
			tl_error_set(err, TL_ERULESET, "the ruleset has errors");
		return TL_ERULESET;
	}
	*out = rs;
	return 0;
}

int tl_rules_load(tl_ruleset **out, const char *path, tl_diag *diag, tl_error *err)
{
	return S_load(out, path, diag, 0, err);
}

int tl_ruleset_load(tl_ruleset **out, const char *path, tl_error *err)
{
	return S_load(out, path, NULL, 0, err);
}

int tl_ruleset_load_for_check(tl_ruleset **out, const char *path, tl_error *err)
{
	/* the built-in ruleset as the build loaded it (snapshot.h) */
	tl_ruleset *snap = path ? NULL : tl_rs_snapshot_map();
	if (snap) {
		if (err)
			tl_error_clear(err);
		*out = snap;
		return 0;
	}
	return S_load(out, path, NULL, 1, err);
}

int tl_rules_load_check_json(tl_ruleset **out, tl_error *err)
{
	return S_load(out, NULL, NULL, 1, err);
}

void tl_ruleset_free(tl_ruleset *rs)
{
	if (!rs || rs->snapshot)
		return;
	/* the large blocks first: freeing one after the tens of thousands of
	 * small cJSON nodes would make malloc consolidate them all */
	tl_index_free(rs->index);
	tl_arena_free(&rs->arena);
	tl_arena_free(&rs->json);
	cJSON_Delete(rs->trees);
	cJSON_Delete(rs->title);
	free(rs);
}

const char *tl_ruleset_id(const tl_ruleset *rs) { return rs->id; }
const char *tl_ruleset_version(const tl_ruleset *rs) { return rs->version ? rs->version : "0"; }
size_t tl_ruleset_rule_count(const tl_ruleset *rs) { return rs->nrules; }
