/* test_check_sync.c: `check --format jsonl -o FILE` syncs its lines on a
 * thread of its own (src/cli/check_sync.c): requests return at once, the
 * last sync is waited for, and a failed fsync is reported, not lost. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/check_sync.c"
#include "harness.h"

static void test_lines_synced(void)
{
	char path[] = "/tmp/tl_sync_XXXXXX";
	int fd = mkstemp(path);
	T_OK(fd >= 0, "mkstemp");
	FILE *f = fdopen(fd, "w");
	tl_syncer *s = tl_syncer_new(fd);
	T_OK(s != NULL, "a syncer");
	for (int i = 0; i < 200; i++) {
		fprintf(f, "{\"line\":%d}\n", i);
		fflush(f);
		T_INT(tl_syncer_request(s), 0);
	}
	T_INT(tl_syncer_finish(s), 0);
	T_INT(tl_syncer_finish(NULL), 0);
	fclose(f);
	FILE *r = fopen(path, "r");
	char line[64];
	int n = 0, ok = 1;
	while (r && fgets(line, sizeof line, r)) {
		char want[64];
		snprintf(want, sizeof want, "{\"line\":%d}\n", n++);
		ok &= !strcmp(line, want);
	}
	if (r)
		fclose(r);
	T_INT(n, 200);
	T_OK(ok, "the lines in order");
	unlink(path);
}

static void test_error_reported(void)
{
	/* a pipe cannot be fsync'ed (EINVAL): the error comes back, at a later
	 * request or at the end */
	int p[2];
	T_INT(pipe(p), 0);
	tl_syncer *s = tl_syncer_new(p[1]);
	T_OK(s != NULL, "a syncer");
	T_INT(tl_syncer_request(s), 0);
	errno = 0;
	T_INT(tl_syncer_finish(s), -1);
	T_INT(errno, EINVAL);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	test_lines_synced();
	test_error_reported();
	return T_DONE();
}
