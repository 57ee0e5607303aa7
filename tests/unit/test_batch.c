/* Unit tests for src/batch: collection, sharding, the worker pool's isolation
 * (crash, timeout, memory), in-order results, waivers and baselines. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "tenderlint.h"

static cJSON *work(const char *path, void *ctx, unsigned *flags)
{
	(void)ctx;
	*flags = strstr(path, "ok") ? 0x100u : 0;
	if (strstr(path, "crash"))
		raise(SIGSEGV);
	if (strstr(path, "hang"))
		for (;;)
			pause();
	if (strstr(path, "slow"))
		usleep(200000);
	cJSON *d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "path", path);
	cJSON_AddNullToObject(d, "error");
	cJSON_AddItemToObject(d, "findings", cJSON_CreateArray());
	return d;
}

typedef struct {
	char got[64][64];
	int codes[64];
	size_t n;
} sink;

static int emit(size_t index, const char *path, const char *json, size_t len, unsigned flags,
                void *ctx)
{
	sink *s = ctx;
	cJSON *doc = cJSON_Parse(json);
	T_INT(strlen(json), len);
	/* worker flags arrive; the pool marks its own error records */
	T_INT(flags & 0x100u, strstr(path, "ok") ? 0x100u : 0);
	T_INT((flags & TL_BATCH_DOC_ERROR) != 0, strstr(path, "crash") || strstr(path, "hang"));
	T_INT(index, s->n);
	snprintf(s->got[s->n], sizeof s->got[0], "%s", path);
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(doc, "error");
	const cJSON *c = cJSON_IsObject(e) ? cJSON_GetObjectItemCaseSensitive(e, "code") : NULL;
	s->codes[s->n] = cJSON_IsString(c) ? (strcmp(c->valuestring, "E_CRASH") == 0   ? 1
	                                      : strcmp(c->valuestring, "E_TIMEOUT") == 0 ? 2
	                                                                                 : 3)
	                                   : 0;
	s->n++;
	cJSON_Delete(doc);
	return 0;
}

static void test_pool(int jobs)
{
	char *paths[] = {"a-ok", "b-crash", "c-slow", "d-hang", "e-ok", "f-slow", "g-ok"};
	tl_batch_options o = TL_BATCH_OPTIONS_INIT;
	o.jobs = jobs;
	o.time_limit = 8.0; /* generous: under ASan on a loaded machine a crashing child takes a while to report */
	sink s = {0};
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_batch_run(paths, 7, &o, work, NULL, emit, &s, &err), 0);
	T_INT(s.n, 7);
	for (size_t i = 0; i < 7; i++)
		T_STR(s.got[i], paths[i]);
	T_INT(s.codes[0], 0);
	T_INT(s.codes[1], 1); /* crash recorded for that file alone */
	T_INT(s.codes[2], 0);
	T_INT(s.codes[3], 2); /* hang killed at the time limit */
	T_INT(s.codes[4], 0);
	T_INT(s.codes[6], 0);
}

/* TL_BATCH_F_NO_WAIT: the results are all there, and the workers that
 * finished are left to exit on their own: the caller reaps them (here, so
 * that they exit with status 0); without the flag none is left. */
static int S_reap_left(void)
{
	int n = 0, st = 0, bad = 0;
	pid_t p;
	while ((p = waitpid(-1, &st, 0)) > 0 || (p < 0 && errno == EINTR)) {
		if (p < 0)
			continue;
		n++;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			bad++;
	}
	return bad ? -1 : n;
}

static void test_no_wait(int jobs)
{
	char *paths[] = {"a-ok", "b-ok", "c-ok", "d-ok", "e-ok"};
	for (int no_wait = 0; no_wait <= 1; no_wait++) {
		tl_batch_options o = TL_BATCH_OPTIONS_INIT;
		o.jobs = jobs;
		o.flags = no_wait ? TL_BATCH_F_NO_WAIT : 0;
		sink s = {0};
		tl_error err = TL_ERROR_INIT;
		T_INT(tl_batch_run(paths, 5, &o, work, NULL, emit, &s, &err), 0);
		T_INT(s.n, 5);
		for (size_t i = 0; i < 5; i++)
			T_STR(s.got[i], paths[i]);
		T_INT(S_reap_left(), no_wait ? jobs : 0); /* each left worker exits 0 */
	}
}

/* Notes: a worker's note reaches the parent ahead of that file's result
 * (also when work() fails), and a non-zero on_note stops the batch with
 * its value and nothing more emitted. */
typedef struct {
	int notes_seen;   /* worker: notes made so far (one per worker process) */
} note_wctx;

static cJSON *note_work(const char *path, void *ctx, unsigned *flags)
{
	(void)ctx;
	(void)flags;
	if (strstr(path, "nomem"))
		return NULL;
	cJSON *d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "path", path);
	return d;
}

static char *note_fn(void *ctx)
{
	note_wctx *w = ctx;
	return w->notes_seen++ ? NULL : strdup("{\"hello\":1}"); /* the first file of each worker */
}

typedef struct {
	int notes, results, stop_at_note;
	size_t results_before_first_note;
} note_sink;

static int on_note(const char *text, size_t len, void *ctx)
{
	note_sink *s = ctx;
	T_STR(text, "{\"hello\":1}");
	T_INT(len, strlen(text));
	if (!s->notes++)
		s->results_before_first_note = (size_t)s->results;
	return s->stop_at_note && s->notes >= s->stop_at_note ? 77 : 0;
}

static int note_emit(size_t index, const char *path, const char *json, size_t len, unsigned flags,
                     void *ctx)
{
	(void)index, (void)path, (void)json, (void)len, (void)flags;
	note_sink *s = ctx;
	s->results++;
	return 0;
}

static void test_notes(int jobs)
{
	char *paths[] = {"a", "b", "c", "d", "e"};
	tl_batch_options o = TL_BATCH_OPTIONS_INIT;
	o.jobs = jobs;
	o.note = note_fn;
	o.on_note = on_note;
	note_wctx w = {0};
	note_sink s = {0};
	o.note_ctx = &s;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_batch_run(paths, 5, &o, note_work, &w, note_emit, &s, &err), 0);
	T_INT(s.results, 5);
	T_INT(s.notes, jobs); /* one per worker process */
	T_INT(s.results_before_first_note, 0);

	/* a failing first file still sends its note, and on_note can stop the batch */
	char *bad[] = {"nomem", "b", "c"};
	note_wctx w2 = {0};
	note_sink s2 = {0, 0, 1, 0};
	o.note_ctx = &s2;
	o.jobs = 1;
	T_INT(tl_batch_run(bad, 3, &o, note_work, &w2, note_emit, &s2, &err), 77);
	T_INT(s2.notes, 1);
	T_INT(s2.results, 0);
}

static void touch(const char *p)
{
	FILE *f = fopen(p, "w");
	if (f)
		fclose(f);
}

static void test_collect(void)
{
	char dir[] = "/tmp/tl_batch_XXXXXX";
	T_OK(mkdtemp(dir) != NULL, "mkdtemp");
	char p[256];
	snprintf(p, sizeof p, "%s/sub", dir);
	mkdir(p, 0700);
	const char *files[] = {"b.docx", "a.odt", "sub/c.DOCX", "sub/skip.pdf", "notes.txt", ".~lock.a.odt#"};
	for (size_t i = 0; i < 6; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, files[i]);
		touch(p);
	}
	const char *in[] = {dir};
	char **out;
	size_t n;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_batch_collect(&out, &n, in, 1, NULL, &err), 0);
	T_INT(n, 4); /* a.odt b.docx notes.txt sub/c.DOCX, sorted; pdf and lock file left out */
	if (n == 4) {
		T_OK(strstr(out[0], "/a.odt") != NULL, "%s", out[0]);
		T_OK(strstr(out[3], "/sub/c.DOCX") != NULL, "%s", out[3]);
	}
	tl_batch_paths_free(out, n);

	/* shards are disjoint and cover everything */
	size_t total = 0;
	for (int k = 1; k <= 3; k++) {
		tl_batch_options o = TL_BATCH_OPTIONS_INIT;
		o.shard_k = k, o.shard_n = 3;
		T_INT(tl_batch_collect(&out, &n, in, 1, &o, &err), 0);
		total += n;
		tl_batch_paths_free(out, n);
	}
	T_INT(total, 4);

	const char *ex[] = {"*.txt", NULL};
	tl_batch_options o = TL_BATCH_OPTIONS_INIT;
	o.exclude = ex;
	T_INT(tl_batch_collect(&out, &n, in, 1, &o, &err), 0);
	T_INT(n, 3);
	tl_batch_paths_free(out, n);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	T_INT(system(cmd), 0);
}

static cJSON *doc_with(const char *path, const char *rule, const char *status)
{
	cJSON *d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "path", path);
	cJSON *fs = cJSON_AddArrayToObject(d, "findings");
	cJSON *f = cJSON_CreateObject();
	cJSON_AddStringToObject(f, "rule", rule);
	cJSON_AddStringToObject(f, "status", status);
	cJSON_AddItemToArray(fs, f);
	cJSON_AddItemToObject(d, "summary", cJSON_CreateObject());
	return d;
}

static void test_waivers(void)
{
	char path[] = "/tmp/tl_waiv_XXXXXX";
	int fd = mkstemp(path);
	const char *json = "{\"waivers\": [{\"path\": \"*.docx\", \"rule\": \"LEGAL-*\", \"reason\": \"accepted\","
	                   " \"by\": \"legal\", \"until\": \"2027-01-01\"}]}";
	T_INT(write(fd, json, strlen(json)), (long)strlen(json));
	close(fd);
	tl_waivers *w;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_waivers_load(&w, path, &err), 0);
	cJSON *d = doc_with("dir/x.docx", "LEGAL-LAW", "violated");
	T_INT(tl_waivers_apply(w, d, "2026-11-29"), 1);
	cJSON *d2 = doc_with("dir/x.docx", "LEGAL-LAW", "violated");
	T_INT(tl_waivers_apply(w, d2, "2027-01-02"), 0); /* expired */
	cJSON *d3 = doc_with("dir/x.odt", "LEGAL-LAW", "violated");
	T_INT(tl_waivers_apply(w, d3, "2026-11-29"), 0); /* other path */
	cJSON_Delete(d), cJSON_Delete(d2), cJSON_Delete(d3);
	tl_waivers_free(w);
	/* a bad file names the line */
	fd = open(path, O_WRONLY | O_TRUNC);
	T_INT(write(fd, "{\n \"waivers\": [\n  {,}\n]}", 23), 23);
	close(fd);
	T_OK(tl_waivers_load(&w, path, &err) != 0, "bad JSON refused");
	T_INT(err.line, 3);
	unlink(path);
}

static void test_baseline(void)
{
	char path[] = "/tmp/tl_base_XXXXXX";
	int fd = mkstemp(path);
	const char *jsonl = "{\"type\":\"header\",\"tool\":{\"name\":\"tenderlint\"}}\n"
	                    "{\"type\":\"document\",\"path\":\"a.docx\",\"findings\":["
	                    "{\"rule\":\"R1\",\"status\":\"missing\"},{\"rule\":\"R2\",\"status\":\"violated\"},"
	                    "{\"rule\":\"R3\",\"status\":\"met\"}]}\n";
	T_INT(write(fd, jsonl, strlen(jsonl)), (long)strlen(jsonl));
	close(fd);
	tl_baseline *b;
	tl_error err = TL_ERROR_INIT;
	T_INT(tl_baseline_load(&b, path, &err), 0);
	cJSON *d = cJSON_Parse("{\"path\":\"a.docx\",\"findings\":[{\"rule\":\"R1\",\"status\":\"missing\"},"
	                       "{\"rule\":\"R2\",\"status\":\"met\"},{\"rule\":\"R3\",\"status\":\"violated\"},"
	                       "{\"rule\":\"R4\",\"status\":\"partial\"}]}");
	T_INT(tl_baseline_apply(b, d), 0);
	const cJSON *fs = cJSON_GetObjectItemCaseSensitive(d, "findings");
	T_INT(cJSON_GetArraySize(fs), 2); /* R3 changed, R4 new; R1 unchanged, R2 resolved */
	char *s = cJSON_PrintUnformatted(d);
	T_OK(strstr(s, "\"rule\":\"R3\",\"status\":\"violated\",\"change\":\"changed\",\"previous_status\":\"met\"") != NULL, "%s", s);
	T_OK(strstr(s, "\"rule\":\"R4\",\"status\":\"partial\",\"change\":\"new\"") != NULL, "%s", s);
	T_OK(strstr(s, "\"resolved\":[{\"rule\":\"R2\",\"status\":\"met\",\"previous_status\":\"violated\"}]") != NULL, "%s", s);
	free(s);
	cJSON_Delete(d);
	tl_baseline_free(b);
	unlink(path);
}

int main(void)
{
	test_collect();
	test_pool(1);
	test_pool(2);
	test_no_wait(1);
	test_no_wait(2);
	test_notes(1);
	test_notes(2);
	test_waivers();
	test_baseline();
	return T_DONE();
}
