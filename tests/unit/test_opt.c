/* The table-driven option parser (src/cli/opt.c; the CLI's own source is
 * compiled in, since the library does not hold it). */
#include "cli/opt.c"

#include "harness.h"

static const char *const S_formats[] = {"text", "json", NULL};
static const tl_opt_spec S_specs[] = {
	{TL_OPT_VALUE, "format", 'f', "FORMAT", "output format", "text", S_formats},
	{TL_OPT_VALUE, "revisions", 0, "VIEW", "tracked changes", "accept", NULL},
	{TL_OPT_FLAG, "quiet", 'q', NULL, "errors only", NULL, NULL},
	{TL_OPT_FLAG, "verbose", 'v', NULL, "more", NULL, NULL},
	{TL_OPT_MULTI, "context", 'c', "NAME", "force a context", NULL, NULL},
	{TL_OPT_VALUE, "timeout", 0, "SECONDS", "per file", "30", NULL},
	{TL_OPT_END, NULL, 0, NULL, NULL, NULL, NULL},
};
static const tl_opt_cmd S_cmd = {"demo", "[options] FILE...", "A demo command.", S_specs};

static int S_parse(tl_opts *o, const char *const *args)
{
	char *argv[32];
	int argc = 0;
	argv[argc++] = (char *)"demo";
	while (*args && argc < 31)
		argv[argc++] = (char *)*args++;
	argv[argc] = NULL;
	return tl_opt_parse(o, &S_cmd, argc, argv);
}

static void test_forms(void)
{
	tl_opts o;
	const char *a[] = {"a.docx", "--format", "json", "-qv", "-c", "cloud", "--context=saas",
	                   "--revisions=reject", "-", "--", "--not-an-option", NULL};
	T_INT(S_parse(&o, a), TL_OPT_OK);
	T_STR(tl_opt_str(&o, "format"), "json");
	T_STR(tl_opt_str(&o, "revisions"), "reject");
	T_INT(tl_opt_flag(&o, "quiet"), 1);
	T_INT(tl_opt_flag(&o, "verbose"), 1);
	const tl_opt_value *c = tl_opt_get(&o, "context");
	T_INT(c->nvalues, 2);
	T_STR(c->values[0], "cloud");
	T_STR(c->values[1], "saas");
	T_INT(o.nargs, 3);
	T_STR(o.args[0], "a.docx");
	T_STR(o.args[1], "-");
	T_STR(o.args[2], "--not-an-option");
	tl_opt_free(&o);
}

static void test_defaults_and_attached_short_value(void)
{
	tl_opts o;
	const char *a[] = {"-fjson", "x", NULL};
	T_INT(S_parse(&o, a), TL_OPT_OK);
	T_STR(tl_opt_str(&o, "format"), "json");
	T_STR(tl_opt_str(&o, "revisions"), "accept"); /* default from the table */
	T_INT(tl_opt_flag(&o, "quiet"), 0);
	double t = 0;
	T_INT(tl_opt_double(&o, "timeout", 1, 3600, &t), TL_OPT_OK);
	T_OK(t == 30.0, "default timeout %g", t);
	tl_opt_free(&o);
}

static void test_usage_errors(void)
{
	tl_opts o;
	const char *unknown[] = {"--nope", NULL};
	T_INT(S_parse(&o, unknown), TL_OPT_USAGE);
	tl_opt_free(&o);
	const char *bad_choice[] = {"--format", "pdf", NULL};
	T_INT(S_parse(&o, bad_choice), TL_OPT_USAGE);
	tl_opt_free(&o);
	const char *missing[] = {"--format", NULL};
	T_INT(S_parse(&o, missing), TL_OPT_USAGE);
	tl_opt_free(&o);
	const char *twice[] = {"-f", "json", "--format=text", NULL};
	T_INT(S_parse(&o, twice), TL_OPT_USAGE);
	tl_opt_free(&o);
	const char *flag_value[] = {"--quiet=yes", NULL};
	T_INT(S_parse(&o, flag_value), TL_OPT_USAGE);
	tl_opt_free(&o);
	const char *bad_short[] = {"-qz", NULL};
	T_INT(S_parse(&o, bad_short), TL_OPT_USAGE);
	tl_opt_free(&o);
	const char *nan[] = {"--timeout", "soon", NULL};
	T_INT(S_parse(&o, nan), TL_OPT_OK);
	double t = 0;
	T_INT(tl_opt_double(&o, "timeout", 1, 3600, &t), TL_OPT_USAGE);
	tl_opt_free(&o);
}

static void test_help_from_table(void)
{
	char buf[4096] = {0};
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	tl_opt_help(f, &S_cmd);
	fclose(f);
	T_OK(strstr(buf, "usage: tenderlint demo [options] FILE...") != NULL, "%s", buf);
	T_OK(strstr(buf, "-f, --format FORMAT") != NULL, "%s", buf);
	T_OK(strstr(buf, "(text, json) [default: text]") != NULL, "%s", buf);
	T_OK(strstr(buf, "--context NAME") != NULL && strstr(buf, "(repeatable)") != NULL, "%s", buf);
	T_OK(strstr(buf, "-h, --help") != NULL, "%s", buf);
}

int main(void)
{
	test_forms();
	test_defaults_and_attached_short_value();
	test_usage_errors();
	test_help_from_table();
	return T_DONE();
}
