/* ruleset.c: reading ruleset files (built-in or on disk), extends, include,
 * overrides, and errors with file:line:col.
 *
 * cJSON gives no positions, so after a successful parse S_scan walks the text
 * again in step with the tree (cJSON keeps members in text order) and records
 * each node's byte offset; an error at a node then prints its line and column. */
#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rules/load.h"
#include "util/embed.h"
#include "util/json.h"

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

static void S_error_at(tl_load *L, int src, size_t off, const char *fmt, ...)
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

static void S_dup_keys(tl_load *L, const cJSON *node, int depth)
{
	if (depth > 256)
		return; /* deeper than either parser nests */
	if (cJSON_IsObject(node))
		S_dup_members(L, node);
	for (const cJSON *c = node->child; c; c = c->next)
		if (c->child)
			S_dup_keys(L, c, depth + 1);
}

/** ## Files */

/* dirname(base) + "/" + rel with "." and ".." resolved (for embedded keys). */
static char *S_join(const char *base, const char *rel)
{
	size_t bl = 0;
	if (rel[0] != '/') {
		const char *slash = strrchr(base, '/');
		bl = slash ? (size_t)(slash - base) : 0;
	}
	size_t n = bl + strlen(rel) + 2;
	char *raw = malloc(n), *out = malloc(n);
	if (!raw || !out) {
		free(raw);
		free(out);
		return NULL;
	}
	snprintf(raw, n, "%.*s%s%s", (int)bl, base, bl ? "/" : "", rel);
	/* normalise segment by segment */
	size_t o = 0;
	int abs = raw[0] == '/';
	char *save = NULL;
	for (char *seg = strtok_r(raw, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
		if (!strcmp(seg, "."))
			continue;
		if (!strcmp(seg, "..")) {
			out[o] = '\0'; /* the strcmp below reads the previous segment */
			char *prev = NULL;
			for (size_t k = o; k > 0 && !prev; k--)
				if (out[k - 1] == '/')
					prev = out + k - 1;
			if (o && strcmp(prev ? prev + 1 : out, "..") != 0) {
				o = prev ? (size_t)(prev - out) : 0;
				continue;
			}
		}
		if (o || abs)
			out[o++] = '/';
		size_t sl = strlen(seg);
		memcpy(out + o, seg, sl);
		o += sl;
	}
	out[o] = '\0';
	if (!o && abs) {
		out[0] = '/';
		out[1] = '\0';
	}
	free(raw);
	return out;
}

/* Adds a source: built-in bytes (NUL-terminated, living as long as the
 * program), or a file's bytes read by S_read_disk (NUL-terminated), which
 * the source takes over. */
static int S_add_src(tl_load *L, char *path, int embedded, const char *data, size_t len,
                     const cJSON *at, int at_src)
{
	for (int i = 0; i < L->nsrc; i++)
		if (!strcmp(L->srcs[i].path, path) && L->srcs[i].embedded == embedded) {
			free(path);
			if (!embedded)
				free((char *)data);
			return i;
		}
	if (L->nsrc >= TL_LOAD_MAX_FILES) {
		if (at)
			tl_load_error(L, at, "too many ruleset files (at most %d)", TL_LOAD_MAX_FILES);
		else
			S_error_at(L, at_src, 0, "too many ruleset files");
		free(path);
		if (!embedded)
			free((char *)data);
		return -1;
	}
	tl_src *s = &L->srcs[L->nsrc];
	s->path = path;
	s->embedded = embedded;
	s->text = data;
	s->owned = !embedded;
	s->len = len;
	int idx = L->nsrc++;
	const char *end = NULL;
	s->root = tl_json_parse(&L->rs->json, s->text, len);
	s->in_arena = s->root != NULL;
	if (!s->root)
		s->root = cJSON_ParseWithLengthOpts(s->text, len, &end, 0);
	if (!s->root) {
		size_t off = end && end >= s->text ? (size_t)(end - s->text) : 0;
		S_error_at(L, idx, off, "invalid JSON");
		return idx;
	}
	/* the built-in files cannot change after the build, and `rules lint`
	 * (a test) walks them: a check skips the walk (0.6M instructions) */
	if (!embedded || L->diag->out)
		S_dup_keys(L, s->root, 0);
	return idx;
}

/* Reads a file into a NUL-terminated buffer, sized from its length when
 * it has one (so the text is not copied while the buffer grows). */
static int S_read_disk(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return TL_EIO;
	size_t a = 65536, n = 0;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
	    (uint64_t)st.st_size < TL_LOAD_MAX_FILE_SIZE)
		a = (size_t)st.st_size + 1; /* + 1: reading to the end needs one spare byte */
	char *buf = malloc(a);
	if (!buf) {
		fclose(f);
		return TL_ENOMEM;
	}
	for (;;) {
		if (n == a) {
			if (a >= TL_LOAD_MAX_FILE_SIZE) {
				free(buf);
				fclose(f);
				return TL_ELIMIT_ENTRY_SIZE;
			}
			char *nb = realloc(buf, a * 2);
			if (!nb) {
				free(buf);
				fclose(f);
				return TL_ENOMEM;
			}
			buf = nb;
			a *= 2;
		}
		size_t r = fread(buf + n, 1, a - n, f);
		if (!r)
			break;
		n += r;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		return TL_EIO;
	}
	buf[n] = '\0'; /* n < a: the loop ends on a read that got nothing */
	*data = buf;
	*len = n;
	return 0;
}

/* Opens `path` (already resolved) as a source. */
static int S_open(tl_load *L, char *path, int embedded, const cJSON *at, int at_src)
{
	if (embedded) {
		const tl_embedded_file *f = tl_embedded_find(path);
		if (!f) {
			if (at)
				tl_load_error(L, at, "no built-in ruleset file '%s'", path);
			else
				S_error_at(L, at_src, 0, "no built-in ruleset file '%s'", path);
			free(path);
			return -1;
		}
		return S_add_src(L, path, 1, f->data, f->size, at, at_src);
	}
	char *data = NULL;
	size_t len = 0;
	int rc = S_read_disk(path, &data, &len);
	if (rc) {
		if (at)
			tl_load_error(L, at, "cannot read '%s': %s", path, tl_code_name(rc));
		else if (L->diag->out)
			fprintf(L->diag->out, "%s: error: cannot read: %s\n", path, tl_code_name(rc));
		if (!at) {
			L->diag->errors++;
			if (L->err && !L->err->code) {
				tl_error_set(L->err, rc == TL_ENOMEM ? TL_ENOMEM : TL_ERULESET,
				             "cannot read ruleset: %s", tl_code_name(rc));
				snprintf(L->err->path, sizeof L->err->path, "%s", path);
			}
		}
		free(path);
		return -1;
	}
	return S_add_src(L, path, 0, data, len, at, at_src);
}

int tl_load_file(tl_load *L, int from_src, const char *rel, const cJSON *at)
{
	char *p = S_join(L->srcs[from_src].path, rel);
	if (!p) {
		L->oom = 1;
		return -1;
	}
	return S_open(L, p, L->srcs[from_src].embedded, at, from_src);
}

static int S_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int tl_load_dir(tl_load *L, int from_src, const char *rel, const cJSON *at,
                void (*fn)(tl_load *, int, void *), void *ud)
{
	char *dir = S_join(L->srcs[from_src].path, rel);
	if (!dir) {
		L->oom = 1;
		return -1;
	}
	size_t dl = strlen(dir);
	char *names[TL_LOAD_MAX_FILES];
	int nn = 0;
	if (L->srcs[from_src].embedded) {
		for (const tl_embedded_file *f = tl_embedded_files; f->path && nn < TL_LOAD_MAX_FILES; f++)
			if (!strncmp(f->path, dir, dl) && f->path[dl] == '/' && !strchr(f->path + dl + 1, '/') &&
			    strlen(f->path) > 5 && !strcmp(f->path + strlen(f->path) - 5, ".json"))
				names[nn++] = strdup(f->path);
	} else {
		DIR *d = opendir(dir);
		if (!d) {
			tl_load_error(L, at, "cannot open folder '%s'", dir);
			free(dir);
			return -1;
		}
		struct dirent *e;
		while ((e = readdir(d)) && nn < TL_LOAD_MAX_FILES) {
			size_t el = strlen(e->d_name);
			if (el > 5 && !strcmp(e->d_name + el - 5, ".json") && e->d_name[0] != '.') {
				size_t n = dl + el + 2;
				names[nn] = malloc(n);
				if (names[nn])
					snprintf(names[nn++], n, "%s/%s", dir, e->d_name);
			}
		}
		closedir(d);
	}
	qsort(names, (size_t)nn, sizeof names[0], S_cmp_str);
	for (int i = 0; i < nn; i++) {
		if (!names[i])
			continue;
		int s = S_open(L, names[i], L->srcs[from_src].embedded, at, from_src);
		if (s >= 0 && L->srcs[s].root)
			fn(L, s, ud);
	}
	free(dir);
	return 0;
}

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
			ps = S_open(L, p, 1, ext, src);
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

int tl_rules_load(tl_ruleset **out, const char *path, tl_diag *diag, tl_error *err)
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
	if (err)
		tl_error_clear(err);
	rs->path = tl_arena_strdup(&rs->arena, path ? path : "rulesets/vng-2022.json");
	rs->builtin = path == NULL;
	char *p = strdup(rs->path);
	int src = p ? S_open(L, p, path == NULL, NULL, -1) : -1;
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

int tl_ruleset_load(tl_ruleset **out, const char *path, tl_error *err)
{
	return tl_rules_load(out, path, NULL, err);
}

void tl_ruleset_free(tl_ruleset *rs)
{
	if (!rs)
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
