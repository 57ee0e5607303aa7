/* driver.c: runs a fuzz target without libFuzzer, so any compiler (gcc in
 * the normal build) replays the committed corpus under CTest.
 *
 *   fuzz_docx_replay DIR_OR_FILE...
 *
 * Every regular file named (or found directly in a named folder, sorted by
 * name) is passed to LLVMFuzzerTestOneInput once.  Exit 0 when all ran; a
 * crash or sanitizer finding ends the process as it would under libFuzzer.
 * Fails when a folder is missing or no input was found at all, so an empty
 * or misplaced corpus cannot pass silently. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int S_run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t a = 4096, n = 0;
	unsigned char *buf = malloc(a);
	for (;;) {
		if (!buf) {
			fclose(f);
			fprintf(stderr, "%s: out of memory\n", path);
			return -1;
		}
		size_t r = fread(buf + n, 1, a - n, f);
		n += r;
		if (r == 0)
			break;
		if (n == a) {
			unsigned char *nb = realloc(buf, a * 2);
			if (!nb)
				free(buf);
			buf = nb;
			a *= 2;
		}
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		fprintf(stderr, "%s: read error\n", path);
		return -1;
	}
	/* a copy of exactly n bytes, so ASan sees any read past the input */
	unsigned char *exact = malloc(n ? n : 1);
	if (!exact) {
		free(buf);
		return -1;
	}
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	return 0;
}

static int S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Returns the number of inputs run, or -1. */
static long S_run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, a = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == a) {
			a = a ? a * 2 : 64;
			char **nn = realloc(names, a * sizeof *names);
			if (!nn)
				break;
			names = nn;
		}
		names[n] = strdup(e->d_name);
		if (names[n])
			n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, S_cmp);
	long ran = 0;
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (S_run_file(path) != 0) {
				ran = -1;
				break;
			}
			ran++;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ran;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
		return 2;
	}
	long total = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		long r = S_ISDIR(st.st_mode) ? S_run_dir(argv[i]) : (S_run_file(argv[i]) == 0 ? 1 : -1);
		if (r < 0)
			return 1;
		total += r;
	}
	if (total == 0) {
		fprintf(stderr, "no inputs found\n");
		return 1;
	}
	printf("%ld inputs ran without a finding\n", total);
	return 0;
}
