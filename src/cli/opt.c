/* opt.c: the table-driven option parser (opt.h). */
#include "cli/opt.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "tenderlint.h"

static size_t S_count(const tl_opt_spec *s)
{
	size_t n = 0;
	while (s && s[n].kind != TL_OPT_END)
		n++;
	return n;
}

static void S_vmsg(const tl_opt_cmd *cmd, const char *fmt, va_list ap)
{
	fprintf(stderr, "tenderlint %s: ", cmd->name);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nTry 'tenderlint %s --help' for more information.\n", cmd->name);
}

int tl_opt_usage_error(const tl_opt_cmd *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	S_vmsg(cmd, fmt, ap);
	va_end(ap);
	return TL_OPT_USAGE;
}

void tl_opt_help(FILE *f, const tl_opt_cmd *cmd)
{
	fprintf(f, "usage: tenderlint %s %s\n", cmd->name, cmd->synopsis ? cmd->synopsis : "");
	if (cmd->summary)
		fprintf(f, "\n%s\n", cmd->summary);
	fprintf(f, "\noptions:\n");
	size_t n = S_count(cmd->specs);
	for (size_t i = 0; i <= n; i++) {
		const tl_opt_spec *s = i < n ? &cmd->specs[i] : NULL;
		char left[96];
		if (s)
			snprintf(left, sizeof left, "%c%c%c --%s%s%s", s->alias ? '-' : ' ',
			         s->alias ? s->alias : ' ', s->alias ? ',' : ' ', s->name,
			         s->kind == TL_OPT_FLAG ? "" : " ",
			         s->kind == TL_OPT_FLAG ? "" : (s->value_name ? s->value_name : "VALUE"));
		else
			snprintf(left, sizeof left, "-h, --help");
		fprintf(f, "  %-26s", left);
		if (strlen(left) > 26)
			fprintf(f, "\n  %-26s", "");
		fprintf(f, "%s", s ? (s->help ? s->help : "") : "show this help and exit");
		if (s && s->choices) {
			fprintf(f, " (");
			for (size_t k = 0; s->choices[k]; k++)
				fprintf(f, "%s%s", k ? ", " : "", s->choices[k]);
			fprintf(f, ")");
		}
		if (s && s->def)
			fprintf(f, " [default: %s]", s->def);
		if (s && s->kind == TL_OPT_MULTI)
			fprintf(f, " (repeatable)");
		fputc('\n', f);
	}
}

static int S_set(tl_opts *o, size_t i, const char *value, const char *shown)
{
	const tl_opt_spec *s = &o->cmd->specs[i];
	tl_opt_value *v = &o->vals[i];
	if (s->kind == TL_OPT_FLAG) {
		v->count++;
		return TL_OPT_OK;
	}
	if (s->choices) {
		size_t k = 0;
		while (s->choices[k] && strcmp(s->choices[k], value) != 0)
			k++;
		if (!s->choices[k]) {
			char list[512];
			size_t at = 0;
			list[0] = '\0';
			for (size_t m = 0; s->choices[m] && at < sizeof list; m++) {
				int w = snprintf(list + at, sizeof list - at, "%s%s", m ? ", " : "", s->choices[m]);
				if (w < 0)
					break;
				at += (size_t)w;
			}
			return tl_opt_usage_error(o->cmd, "invalid value '%s' for %s (expected one of: %s)",
			                          value, shown, list);
		}
	}
	if (s->kind == TL_OPT_VALUE && v->count)
		return tl_opt_usage_error(o->cmd, "%s given more than once", shown);
	v->count++;
	v->value = value;
	if (s->kind == TL_OPT_MULTI) {
		const char **nv = realloc(v->values, (v->nvalues + 2) * sizeof *nv);
		if (!nv)
			return tl_opt_usage_error(o->cmd, "out of memory");
		v->values = nv;
		v->values[v->nvalues++] = value;
		v->values[v->nvalues] = NULL;
	}
	return TL_OPT_OK;
}

static int S_add_arg(tl_opts *o, const char *a)
{
	const char **na = realloc(o->args, (o->nargs + 2) * sizeof *na);
	if (!na)
		return tl_opt_usage_error(o->cmd, "out of memory");
	o->args = na;
	o->args[o->nargs++] = a;
	o->args[o->nargs] = NULL;
	return TL_OPT_OK;
}

static int S_long(tl_opts *o, size_t n, int argc, char **argv, int *i)
{
	const char *a = argv[*i] + 2;
	const char *eq = strchr(a, '=');
	size_t len = eq ? (size_t)(eq - a) : strlen(a);
	if (len == 4 && !strncmp(a, "help", 4)) {
		tl_opt_help(stdout, o->cmd);
		return TL_OPT_HELP;
	}
	for (size_t k = 0; k < n; k++) {
		const tl_opt_spec *s = &o->cmd->specs[k];
		if (strlen(s->name) != len || strncmp(s->name, a, len) != 0)
			continue;
		char shown[80];
		snprintf(shown, sizeof shown, "--%s", s->name);
		if (s->kind == TL_OPT_FLAG) {
			if (eq)
				return tl_opt_usage_error(o->cmd, "%s takes no value", shown);
			return S_set(o, k, NULL, shown);
		}
		if (eq)
			return S_set(o, k, eq + 1, shown);
		if (*i + 1 >= argc)
			return tl_opt_usage_error(o->cmd, "%s needs a value (%s)", shown,
			                          s->value_name ? s->value_name : "VALUE");
		return S_set(o, k, argv[++*i], shown);
	}
	return tl_opt_usage_error(o->cmd, "unknown option '--%.*s'", (int)len, a);
}

static int S_short(tl_opts *o, size_t n, int argc, char **argv, int *i)
{
	const char *a = argv[*i] + 1;
	for (size_t p = 0; a[p]; p++) {
		if (a[p] == 'h') {
			tl_opt_help(stdout, o->cmd);
			return TL_OPT_HELP;
		}
		size_t k = 0;
		while (k < n && o->cmd->specs[k].alias != a[p])
			k++;
		if (k == n)
			return tl_opt_usage_error(o->cmd, "unknown option '-%c'", a[p]);
		const tl_opt_spec *s = &o->cmd->specs[k];
		char shown[80];
		snprintf(shown, sizeof shown, "-%c", a[p]);
		if (s->kind == TL_OPT_FLAG) {
			int rc = S_set(o, k, NULL, shown);
			if (rc)
				return rc;
			continue;
		}
		if (a[p + 1])
			return S_set(o, k, a + p + 1, shown);
		if (*i + 1 >= argc)
			return tl_opt_usage_error(o->cmd, "%s needs a value (%s)", shown,
			                          s->value_name ? s->value_name : "VALUE");
		return S_set(o, k, argv[++*i], shown);
	}
	return TL_OPT_OK;
}

int tl_opt_parse(tl_opts *out, const tl_opt_cmd *cmd, int argc, char **argv)
{
	memset(out, 0, sizeof *out);
	out->cmd = cmd;
	size_t n = S_count(cmd->specs);
	out->vals = calloc(n ? n : 1, sizeof *out->vals);
	if (!out->vals)
		return tl_opt_usage_error(cmd, "out of memory");
	int rc = TL_OPT_OK, only_args = 0;
	for (int i = 1; i < argc && rc == TL_OPT_OK; i++) {
		const char *a = argv[i];
		if (only_args || a[0] != '-' || a[1] == '\0')
			rc = S_add_arg(out, a);
		else if (a[1] == '-' && a[2] == '\0')
			only_args = 1;
		else if (a[1] == '-')
			rc = S_long(out, n, argc, argv, &i);
		else
			rc = S_short(out, n, argc, argv, &i);
	}
	return rc;
}

void tl_opt_free(tl_opts *o)
{
	if (!o)
		return;
	size_t n = o->cmd ? S_count(o->cmd->specs) : 0;
	for (size_t i = 0; o->vals && i < n; i++)
		free(o->vals[i].values);
	free(o->vals);
	free(o->args);
	memset(o, 0, sizeof *o);
}

const tl_opt_value *tl_opt_get(const tl_opts *o, const char *name)
{
	size_t n = S_count(o->cmd->specs);
	for (size_t i = 0; i < n; i++)
		if (strcmp(o->cmd->specs[i].name, name) == 0)
			return &o->vals[i];
	return NULL;
}

int tl_opt_flag(const tl_opts *o, const char *name)
{
	const tl_opt_value *v = tl_opt_get(o, name);
	return v ? v->count : 0;
}

const char *tl_opt_str(const tl_opts *o, const char *name)
{
	size_t n = S_count(o->cmd->specs);
	for (size_t i = 0; i < n; i++)
		if (strcmp(o->cmd->specs[i].name, name) == 0)
			return o->vals[i].count ? o->vals[i].value : o->cmd->specs[i].def;
	return NULL;
}

int tl_opt_double(const tl_opts *o, const char *name, double min, double max, double *out)
{
	const char *s = tl_opt_str(o, name);
	if (!s)
		return TL_OPT_OK;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end || errno || !isfinite(v) || v < min || v > max)
		return tl_opt_usage_error(o->cmd, "--%s: '%s' is not a number from %g to %g", name, s, min,
		                          max);
	*out = v;
	return TL_OPT_OK;
}

int tl_opt_limits(const tl_opts *o, const char *name, struct tl_limits *lim)
{
	static const struct {
		const char *name;
		size_t off;
		int kind; /* 0 size_t, 1 unsigned, 2 double */
		double max;
	} fields[] = {
		{"max_entries", offsetof(tl_limits, max_entries), 0, 1e7},
		{"max_entry_size", offsetof(tl_limits, max_entry_size), 0, 4294967295.0},
		{"max_total_size", offsetof(tl_limits, max_total_size), 0, 17179869184.0},
		{"max_ratio", offsetof(tl_limits, max_ratio), 1, 1e6},
		{"max_xml_depth", offsetof(tl_limits, max_xml_depth), 1, 256},
		{"max_text_len", offsetof(tl_limits, max_text_len), 0, 10000000},
		{"max_doc_text", offsetof(tl_limits, max_doc_text), 0, 4294967295.0},
		{"max_nodes", offsetof(tl_limits, max_nodes), 0, 1e9},
		{"max_ref_hops", offsetof(tl_limits, max_ref_hops), 1, 4096},
		{"time_limit", offsetof(tl_limits, time_limit), 2, 86400},
	};
	const tl_opt_value *v = tl_opt_get(o, name);
	for (size_t i = 0; v && i < v->nvalues; i++) {
		const char *s = v->values[i], *eq = strchr(s, '=');
		size_t k = 0, nl = eq ? (size_t)(eq - s) : 0;
		while (k < sizeof fields / sizeof fields[0] &&
		       (strlen(fields[k].name) != nl || strncmp(fields[k].name, s, nl) != 0))
			k++;
		if (!eq || k == sizeof fields / sizeof fields[0])
			return tl_opt_usage_error(o->cmd, "--%s: '%s' is not NAME=VALUE with a known limit",
			                          name, s);
		char *end;
		errno = 0;
		double x = strtod(eq + 1, &end);
		double mult = 1;
		if (*end == 'K' || *end == 'k')
			mult = 1024, end++;
		else if (*end == 'M' || *end == 'm')
			mult = 1024.0 * 1024, end++;
		else if (*end == 'G' || *end == 'g')
			mult = 1024.0 * 1024 * 1024, end++;
		x *= mult;
		if (end == eq + 1 || *end || errno || !isfinite(x) || x <= 0 || x > fields[k].max ||
		    (fields[k].kind != 2 && x != floor(x)))
			return tl_opt_usage_error(o->cmd, "--%s: bad value in '%s' (a positive number up to %.0f)",
			                          name, s, fields[k].max);
		char *field = (char *)lim + fields[k].off;
		if (fields[k].kind == 0)
			*(size_t *)(void *)field = (size_t)x;
		else if (fields[k].kind == 1)
			*(unsigned *)(void *)field = (unsigned)x;
		else
			*(double *)(void *)field = x;
	}
	return TL_OPT_OK;
}
