/* tmpdir_fixture.h: a unit test's own temporary folder (rulesets written as
 * files for tl_rules_load): made once, files written into it (their
 * subfolders made as needed), removed at the end. */
#ifndef TL_TMPDIR_FIXTURE_H
#define TL_TMPDIR_FIXTURE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fx_tmp_dir[64];

/* Makes /tmp/tl_<tag>_XXXXXX: 0, or -1 (perror'd). */
static int fx_tmp_open(const char *tag)
{
	snprintf(fx_tmp_dir, sizeof fx_tmp_dir, "/tmp/tl_%s_XXXXXX", tag);
	if (mkdtemp(fx_tmp_dir))
		return 0;
	perror("mkdtemp");
	return -1;
}

/* Writes text to the folder's file `name` ("a.json", "cl/clauses/a.json");
 * the path, or NULL. */
static const char *fx_tmp_write(const char *name, const char *text)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", fx_tmp_dir, name);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	char cmd[600];
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
	if (system(cmd) != 0)
		return NULL;
	*slash = '/';
	FILE *f = fopen(path, "w");
	if (!f)
		return NULL;
	fputs(text, f);
	fclose(f);
	return path;
}

static void fx_tmp_remove(void)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx_tmp_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", fx_tmp_dir);
}
#endif
