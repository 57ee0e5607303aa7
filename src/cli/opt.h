/* opt.h: the table-driven option parser every command shares (after libgit2's
 * src/cli/opt.h).  A command declares its options once, in a table; the same
 * table drives parsing, validation of fixed choices, and --help.
 *
 *     static const tl_opt_spec S_specs[] = {
 *         {TL_OPT_VALUE, "format", 'f', "FORMAT", "output format", "text", S_formats},
 *         {TL_OPT_FLAG, "quiet", 'q', NULL, "print errors only", NULL, NULL},
 *         {TL_OPT_END},
 *     };
 *     static const tl_opt_cmd S_cmd = {"extract", "[options] FILE...", "Prints ...", S_specs};
 *     tl_opts o;
 *     int rc = tl_opt_parse(&o, &S_cmd, argc, argv);
 *     if (rc != TL_OPT_OK)
 *         return rc == TL_OPT_HELP ? TL_EXIT_OK : TL_EXIT_USAGE;
 *     const char *fmt = tl_opt_str(&o, "format");   // "text" when not given
 *     ... o.args[0 .. o.nargs) are the operands ...
 *     tl_opt_free(&o);
 *
 * Syntax: --name VALUE, --name=VALUE, -f VALUE, -fVALUE, bundled short flags
 * (-qv), "--" ends the options, a lone "-" is an operand (stdin).  --help and
 * -h are built in.  Unknown options, missing values, values outside
 * `choices` and a repeated single-valued option are usage errors: the parser
 * prints "tenderlint CMD: ..." and a hint to stderr. */
#ifndef TL_CLI_OPT_H
#define TL_CLI_OPT_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
	TL_OPT_END = 0, /* terminates a table */
	TL_OPT_FLAG,    /* no value; counted */
	TL_OPT_VALUE,   /* one value; given twice is an error */
	TL_OPT_MULTI    /* a value, repeatable; all values kept in order */
} tl_opt_kind;

typedef struct tl_opt_spec {
	tl_opt_kind kind;
	const char *name;             /* long name without "--" */
	char alias;                   /* short name, or 0 */
	const char *value_name;       /* shown in help: "FORMAT" */
	const char *help;             /* one line */
	const char *def;              /* default value (help and tl_opt_str), or NULL */
	const char *const *choices;   /* NULL-terminated allowed values, or NULL for any */
} tl_opt_spec;

typedef struct tl_opt_cmd {
	const char *name;       /* "extract" */
	const char *synopsis;   /* "[options] FILE..." */
	const char *summary;    /* a short paragraph for --help */
	const tl_opt_spec *specs;
} tl_opt_cmd;

typedef struct tl_opt_value {
	int count;              /* times given */
	const char *value;      /* VALUE: the value; MULTI: the last one (borrowed from argv) */
	const char **values;    /* MULTI: all values in order (array malloc'd, strings borrowed) */
	size_t nvalues;
} tl_opt_value;

typedef struct tl_opts {
	const tl_opt_cmd *cmd;
	tl_opt_value *vals;     /* parallel to cmd->specs */
	const char **args;      /* operands in order (borrowed from argv) */
	size_t nargs;
} tl_opts;

enum { TL_OPT_OK = 0, TL_OPT_HELP = 1, TL_OPT_USAGE = 2 };

/* argv[0] is the command name; parsing starts at argv[1].  Returns TL_OPT_OK,
 * TL_OPT_HELP (help printed to stdout) or TL_OPT_USAGE (message printed to
 * stderr).  Free the result with tl_opt_free in every case. */
int tl_opt_parse(tl_opts *out, const tl_opt_cmd *cmd, int argc, char **argv);
void tl_opt_free(tl_opts *o);

/* The help text generated from the table. */
void tl_opt_help(FILE *f, const tl_opt_cmd *cmd);
/* Prints "tenderlint CMD: <message>" and the --help hint to stderr; returns
 * TL_OPT_USAGE, for checks a command makes after parsing. */
int tl_opt_usage_error(const tl_opt_cmd *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Lookups by long name; a name not in the table is a programming error and
 * reads as "not given". */
const tl_opt_value *tl_opt_get(const tl_opts *o, const char *name);
int tl_opt_flag(const tl_opts *o, const char *name);       /* times given */
const char *tl_opt_str(const tl_opts *o, const char *name); /* value, else the default */
/* Parses the option's value as a number in [min, max]; *out keeps its value
 * when the option was not given.  TL_OPT_USAGE (message printed) when the
 * value is not a number in range. */
int tl_opt_double(const tl_opts *o, const char *name, double min, double max, double *out);

/* Applies repeated "--limit NAME=VALUE" values (option `name`, a
 * TL_OPT_MULTI) to *lim.  NAME is a tl_limits field (max_entries,
 * max_entry_size, max_total_size, max_ratio, max_xml_depth, max_text_len,
 * max_doc_text, max_nodes, max_ref_hops, time_limit); sizes take a K, M or
 * G suffix (KiB, MiB, GiB).  TL_OPT_USAGE (message printed) on a bad value.
 * Documented in docs/security.md. */
struct tl_limits;
int tl_opt_limits(const tl_opts *o, const char *name, struct tl_limits *lim);
/* The help line for such an option. */
#define TL_OPT_LIMIT_HELP "override a resource limit, e.g. max_entry_size=64M (docs/security.md)"

#endif
