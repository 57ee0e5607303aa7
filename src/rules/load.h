/* load.h: the loader's working state, shared by ruleset.c (extends,
 * include, overrides), load_files.c (files), load_diag.c (positions,
 * messages) and build.c (JSON -> rules).  Internal to src/rules. */
#ifndef TL_RULES_LOAD_H
#define TL_RULES_LOAD_H

#include "rules/rules.h"

#define TL_LOAD_MAX_FILES 256
#define TL_LOAD_MAX_DEPTH 8
#define TL_LOAD_MAX_FILE_SIZE ((size_t)16 << 20)

typedef struct tl_src {
	char *path;        /* as shown in messages */
	int embedded;      /* 1: path is a key of tl_embedded_files */
	const char *text;  /* NUL-terminated: the built-in bytes, or a malloc'd copy */
	int owned;         /* 1: text is the malloc'd copy */
	size_t len;
	cJSON *root;
	int in_arena;      /* 1: root lives in rs->json (never cJSON_Delete it) */
} tl_src;

typedef struct tl_def {
	const char *name;
	const cJSON *node;
	int src;           /* index into srcs */
	int layer;         /* which top-level file (extends level) defined it */
} tl_def;

typedef struct tl_defs {
	tl_def *v;
	uint32_t n, a;
	uint32_t *slot;    /* name hash -> index + 1 (0 = free), ruleset.c */
	uint32_t cap;
} tl_defs;

typedef struct tl_pos {
	const cJSON *node;
	uint32_t src, off;
} tl_pos;

typedef struct tl_load {
	tl_ruleset *rs;
	tl_diag *diag;
	tl_error *err;
	tl_src srcs[TL_LOAD_MAX_FILES];
	int nsrc;
	tl_pos *pos;       /* open addressing on the node pointer */
	size_t npos, apos;
	int nscanned;      /* sources whose positions are recorded (on first need) */
	int layer;
	tl_defs concepts, contexts, rules, overrides, frameworks, clause_dirs;
	int32_t *concept_slots; /* concept name hash -> index + 1 (0 = free), build.c */
	uint32_t concept_cap;
	const cJSON *clause_terms;
	int clause_terms_src;
	int oom;
	int check_only;    /* tl_ruleset_load_for_check: the built-in files' "examples" are not read */
} tl_load;

/* Reports a problem at a node (its file, line and column). */
void tl_load_error(tl_load *L, const cJSON *node, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
void tl_load_warn(tl_load *L, const cJSON *node, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* The source a node came from (-1 when unknown). */
int tl_load_src_of(tl_load *L, const cJSON *node);
/* Reads a file relative to another source (embedded or disk); returns the
 * source index or -1 with an error reported at `at`. */
int tl_load_file(tl_load *L, int from_src, const char *rel, const cJSON *at);
/* Lists files of a folder relative to a source: *.json, sorted; calls fn per source. */
int tl_load_dir(tl_load *L, int from_src, const char *rel, const cJSON *at,
                void (*fn)(tl_load *, int src, void *), void *ud);

/* Reports an error at a byte offset of source src (-1: the ruleset as a
 * whole), load_diag.c. */
void tl_load_error_at(tl_load *L, int src, size_t off, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;
/* Reports each key an object in the tree gives twice (load_diag.c). */
void tl_load_dup_keys(tl_load *L, const cJSON *node, int depth);
/* Opens `path` (already resolved; the source takes it over, or it is
 * freed) as a source, built-in when embedded: its index, or -1 with the
 * error reported at `at` (NULL: at source at_src); load_files.c. */
int tl_load_open(tl_load *L, char *path, int embedded, const cJSON *at, int at_src);

/* frameworks.c: reads one mapping file (already parsed as source `src`). */
void tl_frameworks_load(tl_load *L, int src);
/* identify.c: a mapping's "identify" object (titles of the framework's own text) */
void tl_frameworks_load_identify(tl_load *L, tl_fwmap *fw, const cJSON *ident);

/* build.c: turns the merged definitions into the ruleset's structures. */
int tl_load_build(tl_load *L);

/* A handle for the position of an object member's key (never dereferenced). */
static inline const cJSON *tl_load_key(const cJSON *member)
{
	return (const cJSON *)((const char *)member + 1);
}

/* small helpers */
int tl_load_is_comment_key(const char *k);
int tl_load_check_keys(tl_load *L, const cJSON *obj, const char *what, const char *const *allowed);
const char *tl_load_strdup(tl_load *L, const char *s);
const char *tl_load_lang_text(tl_load *L, const cJSON *obj, tl_lang lang);

#endif
