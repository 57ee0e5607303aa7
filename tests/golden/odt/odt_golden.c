/* odt_golden: golden tests of the ODT reader through the public API.
 *
 *   odt_golden check DIR          every NAME.odt / NAME.fodt in DIR against
 *                                 NAME.EXT.expected (accept view) and
 *                                 NAME.EXT.reject.expected / .both.expected
 *   odt_golden dump FILE [VIEW]   prints what check compares
 *
 * The expected files are written by hand in make_fixtures.py, next to the
 * fixtures it builds, never by running this reader. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odt_fixture.h"

static char *S_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	tl_buf b = TL_BUF_INIT(0);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		tl_buf_put(&b, chunk, n);
	fclose(f);
	if (!b.data)
		tl_buf_puts(&b, "");
	return b.data;
}

static char *S_render(const char *path, tl_revisions view)
{
	tl_read_options o = TL_READ_OPTIONS_INIT;
	o.revisions = view;
	tl_error err = TL_ERROR_INIT;
	tl_document *d = NULL;
	tl_buf b = TL_BUF_INIT(0);
	int rc = tl_document_read(&d, path, &o, &err);
	if (rc) {
		tl_buf_printf(&b, "error %s\n", tl_code_name(rc));
		return b.data;
	}
	const char *title = tl_document_title(d);
	tl_buf_printf(&b, "title: %s\n", title ? title : "");
	odt_dump_style = 1;
	char *dump = odt_dump(d);
	tl_buf_puts(&b, dump);
	free(dump);
	tl_document_free(d);
	return b.data;
}

static int S_cmp(const char *a, const char *b)
{
	return strcmp(a, b);
}

static int S_names(const void *a, const void *b)
{
	return S_cmp(*(const char *const *)a, *(const char *const *)b);
}

static int S_check(const char *dir)
{
	static const struct {
		const char *suffix;
		tl_revisions view;
	} views[] = {{"expected", TL_REVISIONS_ACCEPT},
	             {"reject.expected", TL_REVISIONS_REJECT},
	             {"both.expected", TL_REVISIONS_BOTH}};
	DIR *dp = opendir(dir);
	if (!dp) {
		fprintf(stderr, "odt_golden: cannot open %s\n", dir);
		return 2;
	}
	char *names[256];
	size_t nn = 0;
	struct dirent *e;
	while ((e = readdir(dp)) && nn < 256) {
		size_t len = strlen(e->d_name);
		if ((len > 4 && strcmp(e->d_name + len - 4, ".odt") == 0) ||
		    (len > 5 && strcmp(e->d_name + len - 5, ".fodt") == 0))
			names[nn++] = strdup(e->d_name);
	}
	closedir(dp);
	qsort(names, nn, sizeof names[0], S_names);
	int fails = 0, runs = 0;
	for (size_t i = 0; i < nn; i++) {
		for (size_t v = 0; v < sizeof views / sizeof views[0]; v++) {
			char path[4096], exp[4096];
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			snprintf(exp, sizeof exp, "%s/%s.%s", dir, names[i], views[v].suffix);
			char *want = S_slurp(exp);
			if (!want)
				continue;
			runs++;
			char *got = S_render(path, views[v].view);
			if (strcmp(got, want) != 0) {
				fails++;
				printf("FAIL %s (%s)\n--- expected\n%s--- got\n%s", names[i],
				       tl_revisions_name(views[v].view), want, got);
			} else {
				printf("ok   %s (%s)\n", names[i], tl_revisions_name(views[v].view));
			}
			free(got);
			free(want);
		}
		free(names[i]);
	}
	printf("%d passed, %d failed\n", runs - fails, fails);
	return fails || !runs ? 1 : 0;
}

int main(int argc, char **argv)
{
	tl_xml_init();
	if (argc >= 3 && strcmp(argv[1], "check") == 0)
		return S_check(argv[2]);
	if (argc >= 3 && strcmp(argv[1], "dump") == 0) {
		tl_revisions v = TL_REVISIONS_ACCEPT;
		if (argc >= 4 && strcmp(argv[3], "reject") == 0)
			v = TL_REVISIONS_REJECT;
		else if (argc >= 4 && strcmp(argv[3], "both") == 0)
			v = TL_REVISIONS_BOTH;
		char *s = S_render(argv[2], v);
		fputs(s, stdout);
		free(s);
		return 0;
	}
	fprintf(stderr, "usage: odt_golden check DIR | dump FILE [accept|reject|both]\n");
	return 2;
}
