/* redline.h: what the DOCX and ODT redline writers share (internal).
 *
 * The plan: one item per gap of the report document (waived gaps skipped),
 * saying at which paragraph of the main part the comment goes (the evidence
 * paragraph, checked against the quote) and after which paragraph the
 * suggested clause is inserted.  The package: a byte copy of the input in
 * which libzip replaces only the edited members, so every other member
 * keeps its compressed bytes. */
#ifndef TL_REPORT_REDLINE_H
#define TL_REPORT_REDLINE_H

#include <stddef.h>
#include <time.h>
#include <zip.h>
#include <libxml/tree.h>

#include "tenderlint.h"

typedef struct {
	const cJSON *finding;
	long anchor;        /* part paragraph of the comment; -1 = after the insert point */
	const char *quote;  /* evidence quote that should be in the anchor paragraph, or NULL */
	long insert_after;  /* part paragraph after which the clause goes; -1 = the anchor */
	const char *text;   /* suggested clause, or NULL */
} tl_rl_item;

/* Items for the gaps of `doc` whose evidence lies in `main_part` (or that
 * have none).  *out is malloc'd (may be NULL when *n is 0). */
int tl_rl_plan(const cJSON *doc, const char *main_part, tl_rl_item **out, size_t *n,
               tl_error *err);

/* Whitespace-collapsed, trimmed copy (malloc'd), for comparing quotes. */
char *tl_rl_norm(const char *s);
/* The paragraph that holds `quote`: `expected` when its text holds it,
 * else the nearest one that does, else `expected` (clamped).  texts[] are
 * tl_rl_norm()ed. */
long tl_rl_locate(long expected, const char *quote, char *const *texts, size_t n);

/* A paragraph's text, whitespace-collapsed as tl_rl_norm does, with the
 * node and byte offset each byte came from, to find a quote and map it back
 * onto the XML. */
typedef struct {
	xmlNodePtr node; /* a text holder (text node or w:t), or a space-like element */
	size_t off;
} tl_rl_pos;

typedef struct {
	char *text;
	tl_rl_pos *pos;
	size_t len, cap;
	int space, oom;
} tl_rl_map;

/* Appends text that lives in `node` (offsets count from its start). */
void tl_rl_map_text(tl_rl_map *m, xmlNodePtr node, const char *text);
/* Appends an element that reads as one space (a tab, a break). */
void tl_rl_map_space(tl_rl_map *m, xmlNodePtr node);
/* Finds the quote: *first and *last are the positions of its first and last
 * bytes.  0 when found, -1 when not (or when the map ran out of memory). */
int tl_rl_map_find(const tl_rl_map *m, const char *quote, tl_rl_pos *first, tl_rl_pos *last);
void tl_rl_map_free(tl_rl_map *m);

/* A copy fit for XML character data: invalid UTF-8 becomes U+FFFD, control
 * characters become spaces.  malloc'd; NULL on OOM. */
char *tl_rl_clean(const char *s);

/* $SOURCE_DATE_EPOCH when set, else now. */
time_t tl_rl_time(void);
/* "2026-11-29T07:30:00Z" */
void tl_rl_iso(time_t t, char *buf, size_t size);

/* Reads a member (ASCII case-insensitive name) with the default size cap.
 * A missing member gives 1 and *data NULL. */
int tl_rl_read(zip_t *za, const char *name, char **data, size_t *len, tl_error *err);
/* Parses an XML part with the network off, no DTD (refused) and no entity
 * substitution. */
int tl_rl_parse(xmlDocPtr *out, const char *data, size_t len, const char *part, tl_error *err);
/* Serialises a part as UTF-8 with its XML declaration. */
int tl_rl_dump(xmlDocPtr doc, char **data, size_t *len, tl_error *err);

typedef struct {
	const char *name; /* member name as in the archive, or a new one */
	char *data;
	size_t len;
} tl_rl_member;

/* Copies `input` to `output` replacing or adding `members`, atomically. */
int tl_rl_write_package(const char *input, const char *output, const tl_rl_member *members,
                        size_t n, time_t mtime, tl_error *err);

/* DOCX package parts around the main part (redline_pkg.c). */
typedef struct {
	xmlDocPtr rels, ct, comments; /* parsed; rels and ct only when changed */
	char *comments_part, *rels_part;
	int rels_changed, ct_changed;
} tl_rl_docx_pkg;

/* The main part's name ("word/document.xml") from _rels/.rels. */
int tl_rl_docx_main_part(zip_t *za, char **out, tl_error *err);
/* Finds the comments part through the main part's relationships, or adds
 * one (relationship and content-type override); strict: ISO strict names. */
int tl_rl_docx_comments_part(tl_rl_docx_pkg *k, zip_t *za, const char *main_part, int strict,
                             tl_error *err);

int tl_redline_docx(const cJSON *doc, const char *input, const char *output, zip_t *za,
                    const char *lang, tl_error *err);
int tl_redline_odt(const cJSON *doc, const char *input, const char *output, zip_t *za,
                   const char *lang, tl_error *err);

#endif
