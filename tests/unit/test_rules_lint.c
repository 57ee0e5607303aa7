/* test_rules_lint.c: the ruleset loader's errors name file, line and column:
 * bad JSON, unknown concepts, duplicate ids, typos in keys, unknown
 * thresholds, unknown placeholders in clauses; extends and overrides. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "tmpdir_fixture.h"
#include "rules/rules.h"



/* Loads `text` as a ruleset and expects the first error in file `in` at line:col with `msg` in it. */
static void S_expect_in(const char *name, const char *in, const char *text, long line, long col,
                        const char *msg)
{
	const char *p = fx_tmp_write(name, text);
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	tl_diag d = {0, 0, NULL, NULL, 1};
	int rc = tl_rules_load(&rs, p, &d, &err);
	T_INT(rc, TL_ERULESET);
	T_OK(d.errors >= 1, "%s: no error counted", name);
	T_OK(strstr(err.path, in) != NULL, "%s: path %s", name, err.path);
	T_INT(err.line, line);
	T_INT(err.col, col);
	T_OK(strstr(err.message, msg) != NULL, "%s: message \"%s\" lacks \"%s\"", name, err.message, msg);
	tl_ruleset_free(rs);
}

static void S_expect(const char *name, const char *text, long line, long col, const char *msg)
{
	S_expect_in(name, name, text, line, col, msg);
}

#define RULE(extra)                                                                               \
	"{\"id\": \"R-1\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n" \
	" \"met\": [{\"all\": [\"c\"]}]" extra "}"

/* `rules lint` on a ruleset whose concept c has the given nl terms: the number of warnings,
 * and whether the output names `needle`. */
static int S_lint_warnings(const char *name, const char *terms, const char *needle, int *named)
{
	char text[1024];
	snprintf(text, sizeof text,
	         "{\"id\": \"x\", \"concepts\": {\"c\": {\"nl\": [%s]}},\n \"rules\": [" RULE(
	             ", \"examples\": {\"nl\": {\"met\": [\"a\"]}, \"en\": {\"met\": [\"a\"]}}") "]}\n",
	         terms);
	const char *p = fx_tmp_write(name, text);
	char out[4096] = "";
	FILE *f = fmemopen(out, sizeof out - 1, "w");
	int warnings = -1;
	tl_error err = TL_ERROR_INIT;
	if (f) {
		tl_ruleset_lint(p, f, &warnings, &err);
		fclose(f);
	}
	*named = strstr(out, needle) != NULL;
	return warnings;
}

int main(void)
{
	if (fx_tmp_open("lint"))
		return 1;
	S_expect("bad.json", "{\n  \"id\": \"x\",\n  \"rules\": [\n    {\"id\": }\n  ]\n}\n", 4, 12, "invalid JSON");
	S_expect("unknown-concept.json",
	         "{\"id\": \"x\",\n \"concepts\": {\"c\": {\"nl\": [\"a\"]}},\n \"rules\": [\n"
	         "  {\"id\": \"R-1\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\"},\n"
	         "   \"met\": [{\"all\": [\"c\", \"nope\"]}]}]}\n",
	         5, 26, "unknown concept 'nope'");
	S_expect("dup.json",
	         "{\"id\": \"x\", \"concepts\": {\"c\": {\"nl\": [\"a\"]}},\n \"rules\": [\n " RULE("") ",\n " RULE("") "]}\n",
	         5, 2, "rule 'R-1' is defined twice");
	S_expect("typo.json",
	         "{\"id\": \"x\", \"concepts\": {\"c\": {\"nl\": [\"a\"]}},\n \"rules\": [\n"
	         "  {\"id\": \"R-1\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\"},\n"
	         "   \"met\": [{\"all\": [\"c\"], \"modalty\": [\"obligation\"]}]}]}\n",
	         4, 27, "unknown key \"modalty\" in pattern");
	S_expect("threshold.json",
	         "{\"id\": \"x\", \"concepts\": {\"c\": {\"nl\": [\"a\"]}},\n \"rules\": [\n"
	         "  {\"id\": \"R-1\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\"},\n"
	         "   \"met\": [{\"all\": [\"c\"], \"quantity\": {\"kind\": \"duration\", \"max_hours\": \"@max\"}}]}]}\n",
	         4, 73, "unknown threshold 'max'");
	fx_tmp_write("cl/clauses/a.json",
	        "{\"clauses\": [\n  {\"id\": \"R-1\", \"title\": {\"nl\": \"t\", \"en\": \"t\"},\n"
	        "   \"nl\": \"{Vendor} meldt aan {klant}.\", \"en\": \"{Vendor} notifies {customer}.\"}]}\n");
	S_expect_in("cl/rs.json", "a.json",
	         "{\"id\": \"x\", \"clauses\": \"clauses\", \"concepts\": {\"c\": {\"nl\": [\"a\"]}},\n"
	         " \"rules\": [" RULE("") "]}\n",
	         3, 10, "unknown placeholder {klant}");
	/* a separable verb's "..." stands between two words */
	S_expect("gap.json",
	         "{\"id\": \"x\",\n \"concepts\": {\"c\": {\"nl\": [\"... over\"]}},\n \"rules\": [\n " RULE("") "]}\n",
	         2, 28, "'...' must stand between two words");
	/* one lower bound: min_hours or over_hours, not both */
	S_expect("bounds.json",
	         "{\"id\": \"x\", \"concepts\": {\"c\": {\"nl\": [\"a\"]}},\n \"rules\": [\n"
	         "  {\"id\": \"R-1\", \"area\": \"R\", \"severity\": \"high\", \"title\": {\"nl\": \"t\"},\n"
	         "   \"met\": [{\"all\": [\"c\"], \"quantity\": {\"kind\": \"duration\", \"min_hours\": 1, \"over_hours\": 2}}]}]}\n",
	         4, 39, "one lower bound");
	S_expect("missing-include.json", "{\"id\": \"x\",\n \"include\": [\"nothere.json\"]}\n", 2, 14,
	         "cannot read");

	/* extends: the child overrides a severity, a threshold, disables a rule */
	char child[1024];
	snprintf(child, sizeof child,
	         "{\"id\": \"child\", \"version\": \"2\", \"extends\": \"%s/rulesets/test/engine.json\",\n"
	         " \"overrides\": {\"T-SELL\": {\"severity\": \"low\"}, \"T-CAMERA\": {\"disabled\": true},\n"
	         "  \"T-INCIDENT\": {\"thresholds\": {\"max_hours\": 12}}}}\n",
	         TL_SOURCE_DIR);
	const char *p = fx_tmp_write("child.json", child);
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_rules_load(&rs, p, NULL, &err), 0);
	if (rs) {
		T_STR(tl_ruleset_id(rs), "child");
		T_INT(tl_rules_find(rs, "T-CAMERA"), -1);
		int s = tl_rules_find(rs, "T-SELL");
		T_OK(s >= 0 && rs->rules[s].severity == TL_RSEV_LOW, "severity override");
		int i = tl_rules_find(rs, "T-INCIDENT");
		T_OK(i >= 0 && rs->rules[i].pat[0].q.has_max && rs->rules[i].pat[0].q.max == 12,
		     "threshold override");
		T_OK(rs->nclauses >= 7, "clauses inherited: %u", rs->nclauses);
	}
	tl_ruleset_free(rs);
	snprintf(child, sizeof child,
	         "{\"id\": \"child\", \"extends\": \"%s/rulesets/test/engine.json\",\n"
	         " \"overrides\": {\"T-NOPE\": {\"severity\": \"low\"}}}\n", TL_SOURCE_DIR);
	S_expect("child-bad.json", child, 2, 16, "override for unknown rule 'T-NOPE'");
	/* a term whose one word stems to a common short word of the language matches every such
	 * word: "overheid" stems to "over"; an inflection of the word itself ("wetten") does not */
	int named = 0, base = S_lint_warnings("stem-base.json", "\"wet\"", "stems to", &named);
	T_OK(!named, "no stem warning for 'wet'");
	T_INT(S_lint_warnings("stem-trap.json", "\"overheid\"", "\"overheid\" stems to \"over\"", &named),
	      base + 1);
	T_OK(named, "'overheid' stems to 'over' is named");
	T_INT(S_lint_warnings("stem-exact.json", "\"\\\"overheid\\\"\"", "stems to", &named), base);
	T_OK(!named, "the exact word \"overheid\" is no trap");
	fx_tmp_remove(); /* after the last file written into it */
	return T_DONE();
}
