/* walk.c: input collection for batch runs: folders walked recursively,
 * include/exclude globs, sorted and de-duplicated, then sharded. */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "tenderlint.h"

typedef struct {
	char **v;
	size_t n, cap;
} S_list;

static int S_push(S_list *l, const char *s)
{
	if (l->n == l->cap) {
		size_t c = l->cap ? l->cap * 2 : 64;
		char **v = realloc(l->v, c * sizeof *v);
		if (!v)
			return TL_ENOMEM;
		l->v = v;
		l->cap = c;
	}
	l->v[l->n] = strdup(s);
	if (!l->v[l->n])
		return TL_ENOMEM;
	l->n++;
	return 0;
}

static int S_known_ext(const char *path)
{
	static const char *const exts[] = {".docx", ".docm", ".dotx", ".dotm", ".odt",
	                                   ".ott",  ".fodt", ".txt",  ".md"};
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return 0;
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (strcasecmp(dot, exts[i]) == 0)
			return 1;
	return 0;
}

static int S_glob_any(const char *const *globs, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	for (; globs && *globs; globs++)
		if (fnmatch(*globs, path, 0) == 0 || fnmatch(*globs, base, 0) == 0)
			return 1;
	return 0;
}

static int S_wanted(const char *path, const tl_batch_options *o, int named)
{
	if (o->exclude && S_glob_any(o->exclude, path))
		return 0;
	if (o->include && *o->include)
		return S_glob_any(o->include, path);
	return named || (o->flags & TL_BATCH_F_ALL_FILES) || S_known_ext(path);
}

static int S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Iterative walk with an explicit stack of folders; symlinked folders are
 * not followed (a loop could never end), symlinked files are. */
static int S_walk(S_list *out, const char *root, const tl_batch_options *o, tl_error *err)
{
	S_list stack = {0};
	int rc = S_push(&stack, root);
	while (rc == 0 && stack.n) {
		char *dir = stack.v[--stack.n];
		DIR *d = opendir(dir);
		if (!d) {
			/* an unreadable folder is reported as an input that fails */
			rc = S_push(out, dir);
			free(dir);
			continue;
		}
		struct dirent *e;
		while (rc == 0 && (e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue; /* ., .., hidden files and lock files like .~lock */
			size_t len = strlen(dir) + strlen(e->d_name) + 2;
			char *p = malloc(len);
			if (!p) {
				rc = TL_ENOMEM;
				break;
			}
			snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
			struct stat st;
			if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
				rc = S_push(&stack, p);
			} else if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && S_wanted(p, o, 0)) {
				rc = S_push(out, p);
			}
			free(p);
		}
		closedir(d);
		free(dir);
	}
	for (size_t i = 0; i < stack.n; i++)
		free(stack.v[i]);
	free(stack.v);
	if (rc)
		tl_error_set(err, rc, "out of memory while listing %s", root);
	return rc;
}

int tl_batch_collect(char ***out, size_t *count, const char *const *inputs, size_t ninputs,
                     const tl_batch_options *opts, tl_error *err)
{
	tl_batch_options def = TL_BATCH_OPTIONS_INIT;
	const tl_batch_options *o = opts ? opts : &def;
	S_list l = {0};
	int rc = 0;
	*out = NULL;
	*count = 0;
	for (size_t i = 0; rc == 0 && i < ninputs; i++) {
		struct stat st;
		if (stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode))
			rc = S_walk(&l, inputs[i], o, err);
		else if (S_wanted(inputs[i], o, 1))
			rc = S_push(&l, inputs[i]);
	}
	if (rc) {
		tl_batch_paths_free(l.v, l.n);
		return tl_error_set(err, rc, "out of memory while collecting inputs");
	}
	if (l.n > 1)
		qsort(l.v, l.n, sizeof *l.v, S_cmp);
	/* de-duplicate, then keep this shard's share (index mod n) */
	size_t w = 0, kept = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (w && strcmp(l.v[w - 1], l.v[i]) == 0) {
			free(l.v[i]);
			continue;
		}
		l.v[w++] = l.v[i];
	}
	for (size_t i = 0; i < w; i++) {
		if (o->shard_n > 0 && (int)(i % (size_t)o->shard_n) != o->shard_k - 1)
			free(l.v[i]);
		else
			l.v[kept++] = l.v[i];
	}
	*out = l.v;
	*count = kept;
	return 0;
}

void tl_batch_paths_free(char **paths, size_t count)
{
	if (!paths)
		return;
	for (size_t i = 0; i < count; i++)
		free(paths[i]);
	free(paths);
}
