/*
 * tenderlint.h: the public API of libtenderlint.
 *
 * The pipeline: read (ZIP + XML) -> document model -> normalise (ICU) ->
 * annotate -> match rules -> report model -> render.  The CLI in src/cli uses
 * only what this header declares.
 *
 * Conventions (libgit2, cmark):
 *  - functions that can fail return int: 0 or a negative TL_E* code, with the
 *    result in the first parameter `out` and the details in a caller-owned
 *    tl_error;
 *  - tl_x_free(NULL) is a no-op;
 *  - getters return borrowed pointers that live as long as the object they
 *    came from;
 *  - the library never calls abort() or exit() on bad input or a failed
 *    allocation.
 */
#ifndef TENDERLINT_H
#define TENDERLINT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#ifdef __cplusplus
extern "C" {
#endif

/** ## Errors
 *
 * Every code has a stable short name (tl_code_name) used in reports and in
 * ../shared/hostile/INDEX.tsv; the numbers are stable too.
 */
typedef enum {
	TL_OK = 0,
	/* format detection */
	TL_EFORMAT_UNKNOWN = -1,
	TL_EFORMAT_PDF = -2,
	TL_EFORMAT_LEGACY_DOC = -3,
	TL_EFORMAT_RTF = -4,
	TL_EENCRYPTED = -5,
	/* ZIP container */
	TL_EZIP_CORRUPT = -10,
	TL_EZIP_INCONSISTENT = -11,
	TL_EZIP_CRC = -12,
	TL_EZIP_SIZE_MISMATCH = -13,
	TL_EZIP_DUPLICATE_NAME = -14,
	TL_EZIP_OVERLAP = -15,
	/* package (OPC / ODF) */
	TL_EPKG_MISSING_PART = -20,
	TL_EPKG_BAD_PART_NAME = -21,
	TL_EPKG_SYMLINK = -22,
	/* resource limits */
	TL_ELIMIT_ENTRY_COUNT = -30,
	TL_ELIMIT_ENTRY_SIZE = -31,
	TL_ELIMIT_TOTAL_SIZE = -32,
	TL_ELIMIT_MEMORY = -33,
	TL_ELIMIT_NODES = -34,
	TL_ELIMIT_TEXT = -35,
	/* XML */
	TL_EXML_DTD = -40,
	TL_EXML_LIMIT = -41,
	TL_EXML_ENCODING = -42,
	TL_EXML_PARSE = -43,
	/* set by a batch supervisor */
	TL_ETIMEOUT = -50,
	TL_ECRASH = -51,
	/* everything else */
	TL_EIO = -60,
	TL_ENOMEM = -61,
	TL_EINVAL = -62,
	TL_ERULESET = -70,
	TL_EINTERNAL = -99
} tl_code;

/* "E_ZIP_CRC" for TL_EZIP_CRC, "OK" for 0, "E_INTERNAL" for unknown codes. */
const char *tl_code_name(int code);

#define TL_ERROR_MSG_MAX 512
#define TL_ERROR_PATH_MAX 1024
#define TL_ERROR_PART_MAX 256

/* Where and why something failed.  Caller-owned, passed explicitly, never a
 * global "last error".  line/col are 0 when unknown; `para` is the paragraph
 * index in the part when it is known, else -1. */
typedef struct tl_error {
	int code;
	char message[TL_ERROR_MSG_MAX];
	char path[TL_ERROR_PATH_MAX];
	char part[TL_ERROR_PART_MAX];
	long line, col;
	long para;
} tl_error;

#define TL_ERROR_INIT {0, {0}, {0}, {0}, 0, 0, -1}

void tl_error_clear(tl_error *err);
/* Sets code and a printf-style message; returns `code` so a caller can write
 * `return tl_error_set(err, TL_EZIP_CRC, "...")`.  err may be NULL. */
int tl_error_set(tl_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* Formats like jq: "contract.docx: word/document.xml, paragraph 212: message". */
void tl_error_format(const tl_error *err, char *buf, size_t size);

/** ## Limits
 *
 * Caps on untrusted input.  Defaults follow ../shared/hostile/README.md and
 * are documented in docs/security.md.
 */
typedef struct tl_limits {
	unsigned version;
	size_t max_entries;      /* ZIP entries per archive */
	size_t max_entry_size;   /* inflated bytes per entry */
	size_t max_total_size;   /* inflated bytes per document, all entries */
	unsigned max_ratio;      /* compression ratio cap, applied to members above 64 MiB (docs/security.md) */
	unsigned max_xml_depth;  /* element nesting */
	size_t max_text_len;     /* one XML text node or attribute value */
	size_t max_doc_text;     /* extracted text per document, bytes */
	size_t max_nodes;        /* paragraphs + other model nodes per document */
	unsigned max_ref_hops;   /* style basedOn / numbering link chains */
	double time_limit;       /* seconds per file in batch mode */
} tl_limits;

#define TL_LIMITS_VERSION 1
#define TL_LIMITS_INIT                                                   \
	{TL_LIMITS_VERSION, 10000, (size_t)256 << 20, (size_t)512 << 20, 500, \
	 256, 10000000, (size_t)64 << 20, 2000000, 64, 30.0}

/** ## Documents
 *
 * A document is read once into an arena-backed model: a flat list of
 * paragraphs in reading order and a clause tree over the body paragraphs.
 * All pointers below are borrowed and live until tl_document_free.
 */
typedef struct tl_document tl_document;

typedef enum {
	TL_FORMAT_UNKNOWN = 0,
	TL_FORMAT_DOCX,
	TL_FORMAT_ODT,
	TL_FORMAT_FODT,
	TL_FORMAT_TEXT,
	TL_FORMAT_MARKDOWN
} tl_format;

const char *tl_format_name(tl_format f); /* "docx", "odt", "fodt", "text", "markdown" */

typedef enum {
	TL_REVISIONS_ACCEPT = 0, /* insertions in, deletions out, moves once */
	TL_REVISIONS_REJECT,     /* the text before the tracked changes */
	TL_REVISIONS_BOTH        /* inserted and deleted text both kept */
} tl_revisions;

const char *tl_revisions_name(tl_revisions r); /* "accept", "reject", "both" */

typedef struct tl_read_options {
	unsigned version;
	tl_revisions revisions;
	tl_limits limits;
	/* Force a format instead of detecting it (TL_FORMAT_UNKNOWN = detect). */
	tl_format format;
	/* 2 or more: the reader may parse parts of a large document on one helper
	 * thread (a single check; a batch's workers each have a core). */
	unsigned threads;
} tl_read_options;

#define TL_READ_OPTIONS_VERSION 1
#define TL_READ_OPTIONS_INIT \
	{TL_READ_OPTIONS_VERSION, TL_REVISIONS_ACCEPT, TL_LIMITS_INIT, TL_FORMAT_UNKNOWN, 1}

typedef enum {
	TL_PARA_BODY = 0,
	TL_PARA_HEADING,
	TL_PARA_CELL,      /* a paragraph inside a table cell */
	TL_PARA_FOOTNOTE,
	TL_PARA_ENDNOTE,
	TL_PARA_COMMENT,   /* a reviewer's comment: never contract text */
	TL_PARA_HEADER,    /* page header */
	TL_PARA_FOOTER,    /* page footer */
	TL_PARA_TEXTBOX
} tl_para_kind;

const char *tl_para_kind_name(tl_para_kind k); /* "body", "heading", "cell", ... */

/* tl_para.flags */
#define TL_PARA_F_INSERTED 0x01u  /* wholly or partly tracked insertion */
#define TL_PARA_F_DELETED 0x02u   /* wholly or partly tracked deletion (view "both"/"reject") */
#define TL_PARA_F_TOC 0x04u       /* table-of-contents entry */
#define TL_PARA_F_LABEL_TYPED 0x08u /* label was typed in the text ("5.2 De ...") */
#define TL_PARA_F_LIST 0x10u      /* numbered or bulleted list item */
#define TL_PARA_F_HIDDEN 0x20u    /* vanished text (w:vanish); kept, flagged */

typedef struct tl_para {
	tl_para_kind kind;
	uint32_t flags;
	int32_t index;        /* position in the document's paragraph list */
	const char *part;     /* "word/document.xml", "content.xml", "word/footnotes.xml" */
	int32_t part_index;   /* paragraph ordinal within that part, 0-based */
	int32_t outline;      /* heading level 1..9; 0 when not a heading */
	int32_t list_level;   /* 1..9 for list items; 0 otherwise */
	const char *label;    /* the number as the reader sees it ("5.2", "a)", "Artikel 5"), or NULL */
	const char *style;    /* style name (not id) when known, else NULL */
	const char *text;     /* UTF-8, NFC, whitespace normalised; a list label is not part of it,
	                         a typed one (TL_PARA_F_LABEL_TYPED) stays at its start */
	size_t len;           /* strlen(text) */
	int32_t table, row, col; /* for TL_PARA_CELL: table ordinal, 0-based row and column; else -1 */
	int32_t ref;          /* notes and comments: index of the body paragraph holding the reference
	                         or the comment's anchor start; -1 */
	int32_t ref_end;      /* comments: index of the paragraph where the anchor range ends; -1 */
	const char *note_id;  /* footnote/endnote/comment id as in the file, or NULL */
	const char *author;   /* comment author, or NULL */
	int32_t clause;       /* innermost clause holding this paragraph, -1 */
} tl_para;

typedef struct tl_clause {
	int32_t index;        /* position in the clause list (document order) */
	int32_t parent;       /* -1 for top level */
	int32_t level;        /* 1 = article, 2 = sub-clause, ... */
	const char *label;    /* "Artikel 5", "5.2", "5.2.a", or NULL for an unnumbered heading */
	const char *title;    /* heading text, or NULL */
	int32_t first_para;   /* paragraph that opens it (the heading or numbered paragraph) */
	int32_t last_para;    /* last body paragraph inside it, inclusive */
} tl_clause;

typedef struct tl_revision_info {
	tl_revisions view;    /* the view the model holds */
	int32_t pending;      /* tracked changes found in the file (all kinds) */
	int32_t insertions, deletions, moves, format_changes;
	int32_t nauthors;
	const char *const *authors;
} tl_revision_info;

/* Reads a file; detects its format from content, never from the extension.
 * On failure *out is NULL, err says why and where, and the return is the code. */
int tl_document_read(tl_document **out, const char *path, const tl_read_options *opts,
                     tl_error *err);
/* Same from memory; `name` is used in messages and as the document's path. */
int tl_document_read_mem(tl_document **out, const char *name, const void *data, size_t len,
                         const tl_read_options *opts, tl_error *err);
void tl_document_free(tl_document *doc);

/* Content sniffing only.  Returns a format, or a negative TL_EFORMAT_* /
 * TL_EENCRYPTED code with err set.  `head` is the first bytes of the file. */
int tl_detect_format(const char *path, const void *head, size_t len, tl_error *err);

const char *tl_document_path(const tl_document *doc);
tl_format tl_document_format(const tl_document *doc);
const tl_para *tl_document_paras(const tl_document *doc, size_t *count);
const tl_clause *tl_document_clauses(const tl_document *doc, size_t *count);
const tl_revision_info *tl_document_revisions(const tl_document *doc);
/* Document title from properties or the first heading, or NULL. */
const char *tl_document_title(const tl_document *doc);

/* Writes the clause tree as text or as JSON (docs/extract-format.md). */
int tl_document_write_text(const tl_document *doc, FILE *out);
int tl_document_write_json(const tl_document *doc, FILE *out);

/** ## Rulesets
 *
 * A ruleset is JSON data (docs/ruleset-format.md).  The default ruleset
 * "vng-2022" and the clause library are built into the library.
 */
typedef struct tl_ruleset tl_ruleset;

/* path NULL: the built-in default ruleset. */
int tl_ruleset_load(tl_ruleset **out, const char *path, tl_error *err);
/* The same ruleset for checking only: the rules' self-test examples of the
 * built-in files are not read (they are 40% of its bytes; `rules lint` and
 * `rules test` read them), so tl_ruleset_selftest refuses it (TL_EINVAL).
 * Checks, reports and everything else give the same results as with
 * tl_ruleset_load. */
int tl_ruleset_load_for_check(tl_ruleset **out, const char *path, tl_error *err);
void tl_ruleset_free(tl_ruleset *rs);
const char *tl_ruleset_id(const tl_ruleset *rs);
const char *tl_ruleset_version(const tl_ruleset *rs);
size_t tl_ruleset_rule_count(const tl_ruleset *rs);
/* 1 when the ruleset defines the context tag (for checking --context TAG). */
int tl_ruleset_has_context(const tl_ruleset *rs, const char *tag);

/* Checks a ruleset (path NULL: the built-in one) with everything it
 * includes, extends, maps and its clause library; prints each problem as
 * "file:line:col: error|warning: message", then a summary line and
 * "N errors, M warnings", to `out`.  Returns the number of errors (>= 0), or
 * TL_ENOMEM. */
int tl_ruleset_lint(const char *path, FILE *out, int *warnings, tl_error *err);
/* Runs the rules' own examples (docs/ruleset-format.md, "Examples"): only
 * rule_id when not NULL, only lang ("nl"/"en") when not NULL.  Prints each
 * failure and "N passed, M failed" to out.  0, or TL_EINVAL for an unknown
 * rule, TL_ENOMEM. */
int tl_ruleset_selftest(const tl_ruleset *rs, const char *rule_id, const char *lang, FILE *out,
                        int *passed, int *failed, tl_error *err);
/* Checks one sentence (after the self-test preamble of lang "nl"/"en") with
 * every context on, and prints each rule that fires, or only rule_id, with
 * how the annotation layer read the sentence and which pattern decided. */
int tl_ruleset_try(const tl_ruleset *rs, const char *text, const char *lang, const char *rule_id,
                   FILE *out, tl_error *err);
/* "ID severity area title" per rule, titles in lang ("nl"/"en", NULL = en). */
int tl_ruleset_write_list(const tl_ruleset *rs, const char *lang, FILE *out);
/* One rule as loaded (after extends and overrides) as JSON, and its clause.
 * TL_EINVAL when there is no such rule. */
int tl_ruleset_write_rule(const tl_ruleset *rs, const char *id, FILE *out, tl_error *err);

/** ## Checking */
typedef struct tl_check_options {
	unsigned version;
	tl_read_options read;
	const char *report_lang;     /* "nl", "en", or NULL for the document's language */
	const char *const *force_contexts; /* NULL-terminated, or NULL: "TAG" forces a context tag
	                                      on, "!TAG" off (--context / --no-context) */
	unsigned flags;              /* TL_CHECK_* */
	int threads;                 /* threads one document may use for annotation and matching:
	                                0 or 1 = the calling thread only, 2 = two; the report is
	                                the same whatever the number */
} tl_check_options;

#define TL_CHECK_OPTIONS_VERSION 1
#define TL_CHECK_OPTIONS_INIT {TL_CHECK_OPTIONS_VERSION, TL_READ_OPTIONS_INIT, NULL, NULL, 0, 0}
/* tl_check_options.flags: add the document's text to the report, each
 * non-comment paragraph in reading order as "paragraphs" (para, kind, clause,
 * label, text; docs/report-format.md), for renderers that show the contract
 * (the HTML text view).  Off by default: it makes a report as large as the
 * contract. */
#define TL_CHECK_F_TEXT 0x1u

/* Reads and checks one file.  Always produces a document report in *out
 * (for an unreadable file: one with "error" set and no findings) unless
 * memory runs out; the return is 0 or the read error's code. */
int tl_check_file(cJSON **out, const tl_ruleset *rs, const char *path,
                  const tl_check_options *opts, tl_error *err);
/* Checks an already read document; *out is one "documents[]" object. */
int tl_check_document(cJSON **out, const tl_ruleset *rs, const tl_document *doc,
                      const tl_check_options *opts, tl_error *err);
/* The second half of tl_check_file for a caller that read the file itself
 * (`tenderlint check` reads while its ruleset loads): checks doc, read from
 * path, and frees it; a check error gives a report naming the file, as
 * tl_check_file does. */
int tl_check_read_file(cJSON **out, const tl_ruleset *rs, const char *path, tl_document *doc,
                       const tl_check_options *opts, tl_error *err);
/* tl_check_read_file for a caller whose ruleset is still loading (`check`
 * loads it on a second thread): annotates doc, which needs no ruleset, and
 * only then calls ruleset(ctx) for the ruleset to match with.  When that
 * returns NULL nothing is reported: doc is freed, *out stays NULL and the
 * return is TL_EINVAL. */
int tl_check_read_file_when(cJSON **out, const tl_ruleset *(*ruleset)(void *ctx), void *ctx,
                            const char *path, tl_document *doc, const tl_check_options *opts,
                            tl_error *err);

/** ## Helper threads
 *
 * The library runs its parallel steps (numbering.xml beside the body, the
 * second half of annotation and of the occurrence scan) on helper threads it
 * keeps for the life of the process, so that a check does not start and end
 * a thread per step; a caller may run its own work on them too (`check`
 * compiles its ruleset on one).  At most four run at once. */
typedef struct tl_task tl_task;
/* Runs fn(arg) on an idle helper, starting one when none is idle: 0 with *t
 * set, or -1 (no helper could be had) and the caller runs fn itself.  A
 * process that forks must join its tasks first: the child has no helpers. */
int tl_task_start(tl_task **t, void *(*fn)(void *), void *arg);
/* Waits until t's function has returned; t goes back to the idle helpers. */
void tl_task_join(tl_task *t);

/** ## Reports
 *
 * The report model is a cJSON tree that follows docs/report-format.md:
 * {tool, ruleset, rules[], documents[]}.  Renderers (src/report) read only
 * this model, never the document or the parser.
 */
/* A new top-level report holding tool, ruleset and rule metadata, with an
 * empty documents[] to which the caller appends tl_check_* results. */
int tl_report_new(cJSON **out, const tl_ruleset *rs, tl_error *err);
/* A documents[] entry for a file that could not be read. */
cJSON *tl_report_error_document(const char *path, const tl_error *err);

typedef enum {
	TL_RENDER_TEXT = 0,
	TL_RENDER_MARKDOWN,
	TL_RENDER_HTML,
	TL_RENDER_JSON,
	TL_RENDER_JSONL,   /* one line per document */
	TL_RENDER_SARIF,
	TL_RENDER_CSV,     /* matrix: a row per document, a column per rule */
	TL_RENDER_CSV_LONG /* document, rule, status, severity, clause, quote */
} tl_render_format;

typedef struct tl_render_options {
	unsigned version;
	const char *lang;  /* "nl" or "en"; NULL = each document's language */
	unsigned flags;    /* TL_RENDER_F_* */
} tl_render_options;
#define TL_RENDER_F_COLOR 0x1u /* ANSI colour (text renderer only) */
#define TL_RENDER_OPTIONS_VERSION 1
#define TL_RENDER_OPTIONS_INIT {TL_RENDER_OPTIONS_VERSION, NULL, 0}

int tl_render(const cJSON *report, tl_render_format fmt, const tl_render_options *opts, FILE *out,
              tl_error *err);
/* Parses "text", "md", "html", "json", "jsonl", "sarif", "csv", "csv-long". */
int tl_render_format_parse(const char *name, tl_render_format *out);

/* JSON Lines, streamed: the header line (the report without "documents",
 * with "type": "header") once, then one line per documents[] entry (with
 * "type": "document") as each document finishes.  tl_render with
 * TL_RENDER_JSONL writes both for a whole report. */
int tl_render_jsonl_header(const cJSON *report, FILE *out, tl_error *err);
int tl_render_jsonl_document(const cJSON *document, FILE *out, tl_error *err);
/* The header line above as text (with its line break), for a caller that
 * writes the lines itself.  malloc'd, NUL-terminated; NULL when out of memory. */
char *tl_render_jsonl_header_text(const cJSON *report, size_t *len);

/* The pretty JSON report (TL_RENDER_JSON) in pieces, for a caller that holds
 * its documents as text (`check` passes its workers' output on unparsed):
 * the report is the head, then each documents[] entry as
 * tl_render_json_document writes it, separated by TL_RENDER_JSON_SEP, then
 * TL_RENDER_JSON_TAIL.  Both return malloc'd NUL-terminated text and its
 * length, or NULL when out of memory; tl_render_json_head also when
 * "documents" is not the report's last member (tl_report_new's order). */
char *tl_render_json_head(const cJSON *report, size_t *len);
/* The text tl_render_json_head (fmt TL_RENDER_JSON) or
 * tl_render_jsonl_header_text (TL_RENDER_JSONL) gives for tl_report_new of
 * rs, with its length; for the built-in ruleset the tenderlint executable
 * has it from build time.  malloc'd; NULL for another format or when out of
 * memory. */
char *tl_report_head_text(const tl_ruleset *rs, tl_render_format fmt, size_t *len);
char *tl_render_json_document(const cJSON *document, size_t *len);
#define TL_RENDER_JSON_SEP ", "
#define TL_RENDER_JSON_TAIL "]\n}\n"

/** ## The contract back (redline)
 *
 * Writes a copy of the input package in which each gap of `report_document`
 * (one documents[] entry made from that input) gets a comment at its evidence
 * paragraph (or where the missing text belongs) and each suggested clause is
 * inserted after it as a tracked insertion by author "tenderlint".  DOCX input
 * gives a DOCX, ODT input an ODT; every other member of the package is copied
 * unchanged.  The comment language is opts->lang, else the document's.  The
 * date on comments and insertions is $SOURCE_DATE_EPOCH when set, else now.
 * output_path must differ from input_path; it is replaced atomically. */
int tl_redline_write(const cJSON *report_document, const char *input_path,
                     const char *output_path, const tl_render_options *opts, tl_error *err);


/** ## Batches
 *
 * A batch run collects input files (recursively, with include/exclude
 * globs, sorted, optionally one shard of them) and checks each in a worker
 * process, so that a crash, a hang or runaway memory on one file is recorded
 * for that file alone (E_CRASH, E_TIMEOUT, E_LIMIT_MEMORY) and the batch goes
 * on.  Results reach the caller in input order, each as soon as it and all
 * before it are done.
 */
typedef struct tl_batch_options {
	unsigned version;
	int jobs;                      /* worker processes; 0 = number of online CPUs */
	double time_limit;             /* wall seconds per file; 0 = no limit */
	size_t mem_limit;              /* address-space cap per worker in bytes; 0 = none */
	const char *const *include;    /* NULL-terminated globs on the path (fnmatch); NULL = all */
	const char *const *exclude;    /* NULL-terminated globs; NULL = none */
	int shard_k, shard_n;          /* check shard k of n (1-based); n = 0: everything */
	unsigned flags;                /* TL_BATCH_F_* */
	/* Notes from the workers (optional): after each work() call a worker
	 * calls note(work_ctx) and sends the text it returns (malloc'd, NULL for
	 * none) ahead of that call's result, even when work() returned NULL; the
	 * calling process receives it in on_note(text, len, note_ctx).  A non-zero
	 * return from on_note stops the batch: workers are killed, nothing more
	 * is emitted, and tl_batch_run returns that value. */
	char *(*note)(void *work_ctx);
	int (*on_note)(const char *text, size_t len, void *note_ctx);
	void *note_ctx;
	/* How a worker writes work()'s document for the parent (optional):
	 * malloc'd NUL-terminated text, NULL when out of memory.  NULL: as
	 * unformatted JSON (cJSON_PrintUnformatted). */
	char *(*print)(const cJSON *document, void *work_ctx);
} tl_batch_options;
#define TL_BATCH_F_PROGRESS 0x1u       /* progress bar on stderr */
#define TL_BATCH_F_ALL_FILES 0x2u      /* in folders, take every file, not only known extensions */
/* At the end, do not wait for the workers that finished their work: their
 * task pipes are closed and they exit on their own, while the caller goes
 * on.  For a caller that exits soon after tl_batch_run (`check`), whose exit
 * then need not wait until the kernel has taken down each worker's memory;
 * until the caller exits they remain as zombies.  A worker still busy (the
 * batch was stopped) is killed and waited for, as always. */
#define TL_BATCH_F_NO_WAIT 0x4u
#define TL_BATCH_OPTIONS_VERSION 1
#define TL_BATCH_OPTIONS_INIT {TL_BATCH_OPTIONS_VERSION, 0, 30.0, 0, NULL, NULL, 0, 0, 0, NULL, NULL, NULL, NULL}

/* Expands inputs (files, folders, "-" for a list of paths on stdin is the
 * caller's business) into a sorted, de-duplicated path list.  A named file
 * is always kept; inside folders only .docx .docm .dotx .dotm .odt .ott
 * .fodt .txt .md are taken unless TL_BATCH_F_ALL_FILES.  The shard is taken
 * last, by index modulo n, so shards are disjoint and cover everything.
 * A path that does not exist is kept: checking it reports the error. */
int tl_batch_collect(char ***out, size_t *count, const char *const *inputs, size_t ninputs,
                     const tl_batch_options *opts, tl_error *err);
void tl_batch_paths_free(char **paths, size_t count);

/* Runs in a worker process: returns one documents[] entry (NULL means out
 * of memory and is recorded as E_LIMIT_MEMORY) and may set *flags
 * (TL_BATCH_DOC_* and the caller's own bits above 0xFF) for the parent. */
typedef cJSON *(*tl_batch_work_fn)(const char *path, void *ctx, unsigned *flags);
#define TL_BATCH_DOC_ERROR 0x1u /* the document could not be read (set by the pool for E_CRASH/E_TIMEOUT too) */
/* Runs in the calling process, in input order, with the document as
 * the worker wrote it (unformatted JSON unless tl_batch_options.print, and
 * always unformatted for a result the pool made: E_CRASH, E_TIMEOUT,
 * E_LIMIT_MEMORY; NUL-terminated, borrowed for the call) and the
 * worker's flags: a caller streaming JSON Lines writes it as it is, others
 * parse it.  A non-zero return stops the batch. */
typedef int (*tl_batch_emit_fn)(size_t index, const char *path, const char *json, size_t len,
                                unsigned flags, void *ctx);

int tl_batch_run(char *const *paths, size_t count, const tl_batch_options *opts,
                 tl_batch_work_fn work, void *work_ctx, tl_batch_emit_fn emit, void *emit_ctx,
                 tl_error *err);


/** ## Waivers and baselines
 *
 * A waiver file (docs/waivers.md) records accepted deviations: document
 * path or glob, rule (or glob), reason, who, until when.  A waived finding
 * keeps its status and gets "waived": true plus the waiver; it counts as
 * waived, not as a gap, until the waiver expires.  A baseline is an earlier
 * JSON or JSON Lines report: applying it keeps only new and changed findings
 * and lists the resolved ones.
 */
typedef struct tl_waivers tl_waivers;
int tl_waivers_load(tl_waivers **out, const char *path, tl_error *err);
void tl_waivers_free(tl_waivers *w);
/* today: "YYYY-MM-DD", or NULL for the current date.  Returns the number of
 * findings waived in this document. */
int tl_waivers_apply(const tl_waivers *w, cJSON *document, const char *today);

/* Reads a report written as JSON (one object with documents[]) or JSON
 * Lines (header line, then one document per line) into the JSON form.
 * path "-" reads standard input. */
int tl_report_read_file(cJSON **out, const char *path, tl_error *err);

/* Batch: a document that declares a framework takes over, for what its own
 * text leaves open, the findings of another document of the same list that
 * IS that framework's text (its "framework_text"; e.g. the VNG processing
 * agreement as an annex).  Changes the documents in place (basis "annex",
 * "annexes" / "annex_of"); idempotent.  Returns the number of findings
 * changed, -1 when out of memory.  docs/report-format.md, "Annexes". */
int tl_annex_link(cJSON *documents);

typedef struct tl_baseline tl_baseline;
int tl_baseline_load(tl_baseline **out, const char *path, tl_error *err);
void tl_baseline_free(tl_baseline *b);
/* Marks each finding "change": "new" | "changed" (with "previous_status")
 * and drops unchanged ones; adds "resolved": [{rule, previous_status}]. */
int tl_baseline_apply(const tl_baseline *b, cJSON *document);


/* Tender versus contract, on two documents[] entries checked with the same
 * ruleset: for each requirement the tender states (met or partial there),
 * the contract's verdict: "carried", "weaker" (partial, or a longer period
 * than the tender's, from evidence "quantities"), "contradicts" (violated)
 * or "silent" (missing), citing both.  NULL when out of memory. */
cJSON *tl_compare_reports(const cJSON *tender, const cJSON *contract);
/* Plain-text rendering of a comparison, worst verdicts first. */
int tl_compare_write_text(const cJSON *cmp, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
