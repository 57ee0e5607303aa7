/* test_rules_robust.c: damaged rulesets never crash the loader: every
 * truncation point of a real ruleset file and a few hundred byte
 * substitutions (fixed seed) either load or fail with TL_ERULESET and a
 * position (line >= 1) in the message. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "rules/rules.h"

static char *S_slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long sz = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)sz + 1);
	if (b && fread(b, 1, (size_t)sz, f) != (size_t)sz) {
		free(b);
		b = NULL;
	}
	fclose(f);
	if (b)
		b[sz] = '\0';
	*n = (size_t)sz;
	return b;
}

static int S_try(const char *path, const char *data, size_t n, int *positioned)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	fwrite(data, 1, n, f);
	fclose(f);
	tl_ruleset *rs = NULL;
	tl_error err = TL_ERROR_INIT;
	int rc = tl_rules_load(&rs, path, NULL, &err);
	*positioned = rc == 0 || err.line >= 1;
	if (!*positioned)
		fprintf(stderr, "no position: %s\n", err.message);
	tl_ruleset_free(rs);
	return rc;
}

int main(void)
{
	size_t n = 0;
	/* engine-more.json is self-contained apart from its concepts: most damaged
	 * versions fail, some load */
	char *orig = S_slurp(TL_SOURCE_DIR "/rulesets/test/engine.json", &n);
	T_OK(orig != NULL, "cannot read the test ruleset");
	if (!orig)
		return T_DONE();
	char dir[] = "/tmp/tl_robust_XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	char path[64], inc[64];
	snprintf(path, sizeof path, "%s/engine.json", dir);
	/* the files it includes, so that intact parts load */
	static const char *const others[] = {"engine-more.json", "engine-scope.json", "fw-test.json", "clauses/test.json", NULL};
	char cmd[256];
	snprintf(cmd, sizeof cmd, "mkdir -p %s/clauses", dir);
	T_INT(system(cmd), 0);
	for (int i = 0; others[i]; i++) {
		size_t m = 0;
		char src[512];
		snprintf(src, sizeof src, "%s/rulesets/test/%s", TL_SOURCE_DIR, others[i]);
		char *d = S_slurp(src, &m);
		snprintf(inc, sizeof inc, "%s/%s", dir, others[i]);
		FILE *f = d ? fopen(inc, "wb") : NULL;
		if (f) {
			fwrite(d, 1, m, f);
			fclose(f);
		}
		free(d);
	}
	int loaded = 0, failed = 0, unpositioned = 0, pos;
	for (size_t cut = 0; cut < n; cut += n / 150 + 1) {
		int rc = S_try(path, orig, cut, &pos);
		loaded += rc == 0;
		failed += rc == TL_ERULESET;
		unpositioned += !pos;
	}
	char *buf = malloc(n);
	unsigned seed = 12345;
	static const char subst[] = "{}[]\",:0a\\@*\" -";
	for (int k = 0; k < 300 && buf; k++) {
		memcpy(buf, orig, n);
		for (int j = 0; j < 3; j++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % n;
			seed = seed * 1103515245u + 12345u;
			buf[at] = subst[(seed >> 8) % (sizeof subst - 1)];
		}
		int rc = S_try(path, buf, n, &pos);
		loaded += rc == 0;
		failed += rc == TL_ERULESET;
		unpositioned += !pos;
	}
	T_INT(S_try(path, orig, n, &pos), 0); /* and the intact file loads */
	T_OK(failed > 100, "only %d damaged files were rejected", failed);
	T_INT(unpositioned, 0);
	printf("%d loaded, %d rejected\n", loaded, failed);
	free(buf);
	free(orig);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return T_DONE();
}
