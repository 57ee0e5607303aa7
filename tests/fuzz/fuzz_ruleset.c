/* fuzz_ruleset.c: the ruleset loader (JSON -> concepts, contexts, rules,
 * patterns; errors with file:line:col).  tl_ruleset_load reads a path, so
 * each input is written to one file in a private temporary folder made at
 * start-up; "extends"/"include"/"frameworks" in the input resolve against
 * that folder (empty) or the built-in files ("extends": "vng-2022").  A
 * ruleset that loads with few rules also runs its own examples (compile and
 * match); the built-in one has hundreds of examples, too slow per input. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static char S_path[4096];

static void S_cleanup(void)
{
	if (!S_path[0])
		return;
	unlink(S_path);
	char *slash = strrchr(S_path, '/');
	if (slash) {
		*slash = '\0';
		rmdir(S_path);
	}
}

static int S_init(void)
{
	if (S_path[0])
		return 0;
	const char *tmp = getenv("TMPDIR");
	char dir[2048];
	snprintf(dir, sizeof dir, "%s/tl-fuzz-ruleset-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	snprintf(S_path, sizeof S_path, "%s/ruleset.json", dir);
	atexit(S_cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (S_init() != 0)
		abort(); /* the harness itself cannot work: say so loudly */
	FILE *f = fopen(S_path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	if (fclose(f) != 0)
		abort();
	tl_error err = TL_ERROR_INIT;
	tl_ruleset *rs = NULL;
	int rc = tl_ruleset_load(&rs, S_path, &err);
	if (rc == 0) {
		(void)tl_ruleset_id(rs);
		(void)tl_ruleset_version(rs);
		FILE *sink = tl_fuzz_sink();
		if (sink && tl_ruleset_rule_count(rs) <= 8) {
			int passed = 0, failed = 0;
			tl_error e2 = TL_ERROR_INIT;
			tl_ruleset_selftest(rs, NULL, NULL, sink, &passed, &failed, &e2);
			tl_ruleset_write_list(rs, "nl", sink);
		}
		tl_ruleset_free(rs);
	} else if (rs || err.code == 0) {
		abort(); /* a failed load leaves nothing behind and says why */
	}
	return 0;
}
