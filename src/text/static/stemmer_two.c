/* stemmer_two.c: libstemmer's front end (sb_stemmer_new, _stem, _length,
 * _delete) with only the two algorithms tenderlint uses, Dutch and English
 * (UTF-8), for the statically linked executable (cmake/Dependencies.cmake).
 *
 * Why: libstemmer.a's own front end holds a table of every algorithm it
 * ships, so linking it pulls in all of them, and their tables of pointers
 * (some 10,000 relative relocations in a position-independent executable)
 * are written by the dynamic loader at every start: about 85 pages copied
 * on write, some 0.2 ms of each run.  With this file on the link line first,
 * the archive's front end is never taken; only the two algorithms' objects
 * and the Snowball runtime are.
 *
 * It follows libstemmer.c of Snowball 2.x: the algorithms' entry points are
 * global symbols of the archive, and the runtime's struct SN_env begins with
 * the buffer, the cursor and the length.  CMake compiles and runs a check of
 * this file against the archive (stemmer_two_check.c) before using it, and
 * falls back to the archive's front end when the check fails. */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

struct SN_env {
	unsigned char *p; /* the word, then its stem */
	int c, l;         /* the cursor, the length */
	/* ... the runtime's other fields, not touched here */
};
extern int SN_set_current(struct SN_env *z, int size, const unsigned char *s);
extern struct SN_env *dutch_UTF_8_create_env(void);
extern void dutch_UTF_8_close_env(struct SN_env *z);
extern int dutch_UTF_8_stem(struct SN_env *z);
extern struct SN_env *english_UTF_8_create_env(void);
extern void english_UTF_8_close_env(struct SN_env *z);
extern int english_UTF_8_stem(struct SN_env *z);

struct sb_stemmer {
	void (*close)(struct SN_env *);
	int (*stem)(struct SN_env *);
	struct SN_env *env;
};

const char **sb_stemmer_list(void)
{
	static const char *list[] = {"dutch", "english", NULL};
	return list;
}

struct sb_stemmer *sb_stemmer_new(const char *algorithm, const char *charenc)
{
	if (!algorithm || (charenc && strcmp(charenc, "UTF_8") != 0))
		return NULL;
	struct sb_stemmer *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	if (!strcmp(algorithm, "dutch") || !strcmp(algorithm, "nl") || !strcmp(algorithm, "nld")) {
		s->env = dutch_UTF_8_create_env();
		s->close = dutch_UTF_8_close_env;
		s->stem = dutch_UTF_8_stem;
	} else if (!strcmp(algorithm, "english") || !strcmp(algorithm, "en") || !strcmp(algorithm, "eng")) {
		s->env = english_UTF_8_create_env();
		s->close = english_UTF_8_close_env;
		s->stem = english_UTF_8_stem;
	}
	if (!s->env) {
		free(s);
		return NULL;
	}
	return s;
}

void sb_stemmer_delete(struct sb_stemmer *s)
{
	if (!s)
		return;
	s->close(s->env);
	free(s);
}

const sb_symbol *sb_stemmer_stem(struct sb_stemmer *s, const sb_symbol *word, int size)
{
	if (SN_set_current(s->env, size, word)) {
		s->env->l = 0;
		return NULL;
	}
	if (s->stem(s->env) < 0)
		return NULL;
	s->env->p[s->env->l] = 0;
	return s->env->p;
}

int sb_stemmer_length(struct sb_stemmer *s) { return s->env->l; }
