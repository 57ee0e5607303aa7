/* load_files.c: the ruleset's files.  A path in a ruleset (extends,
 * include, frameworks, a clause folder) is relative to the file that names
 * it, and a file of the built-in ruleset can only name other built-in
 * files (util/embed.h), resolved without touching the disk; a file on disk
 * is read whole with a size cap.  Each file becomes a source (tl_src) that
 * lives until the load ends, is parsed once (into the ruleset's JSON arena
 * when tl_json takes it) and is checked for keys given twice. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rules/load.h"
#include "util/embed.h"
#include "util/json.h"

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
			tl_load_error_at(L, at_src, 0, "too many ruleset files");
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
	/* A check never runs the rules' self-tests, and a built-in file is
	 * valid JSON whose examples `rules lint` and `rules test` (tests) read:
	 * a check steps over them (40% of the built-in ruleset's bytes) */
	s->root = tl_json_parse_skip(&L->rs->json, s->text, len,
	                             embedded && L->check_only ? "examples" : NULL);
	s->in_arena = s->root != NULL;
	if (!s->root)
		s->root = cJSON_ParseWithLengthOpts(s->text, len, &end, 0);
	if (!s->root) {
		size_t off = end && end >= s->text ? (size_t)(end - s->text) : 0;
		tl_load_error_at(L, idx, off, "invalid JSON");
		return idx;
	}
	/* the built-in files cannot change after the build, and `rules lint`
	 * (a test) walks them: a check skips the walk (0.6M instructions) */
	if (!embedded || L->diag->out)
		tl_load_dup_keys(L, s->root, 0);
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
int tl_load_open(tl_load *L, char *path, int embedded, const cJSON *at, int at_src)
{
	if (embedded) {
		const tl_embedded_file *f = tl_embedded_find(path);
		if (!f) {
			if (at)
				tl_load_error(L, at, "no built-in ruleset file '%s'", path);
			else
				tl_load_error_at(L, at_src, 0, "no built-in ruleset file '%s'", path);
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
	return tl_load_open(L, p, L->srcs[from_src].embedded, at, from_src);
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
		int s = tl_load_open(L, names[i], L->srcs[from_src].embedded, at, from_src);
		if (s >= 0 && L->srcs[s].root)
			fn(L, s, ud);
	}
	free(dir);
	return 0;
}
