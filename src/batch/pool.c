/* pool.c: the batch supervisor.  Each file is checked in a forked worker
 * process; the parent hands out work over a pipe, reads results back over
 * another, kills a worker that overruns the per-file time limit, records a
 * worker's death for the file it held, starts a fresh worker, and emits
 * results in input order.  A worker can send notes ahead of a result
 * (tl_batch_options.note): `check` starts its workers before loading any
 * ruleset, each loads its own, and the first sends the parent the report's
 * rule list. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tenderlint.h"

/* ASan and TSan reserve terabytes of address space: under them a worker's
 * RLIMIT_AS would kill it at its first allocation, so the limit is left off */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define S_HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define S_HAVE_ASAN 1
#endif
#endif
#ifndef S_HAVE_ASAN
#define S_HAVE_ASAN 0
#endif

#define S_EXIT_NOMEM 86 /* a worker's exit status when work() could not allocate */
#define S_HDR 24        /* result header: index, length, flags (3 x uint64) */
#define S_NOTE UINT64_MAX /* the index of a note (tl_batch_options.note) */

typedef struct {
	pid_t pid;
	int task_fd, result_fd;
	long busy;           /* index in progress, -1 when idle */
	double deadline;     /* monotonic seconds */
	unsigned rflags;     /* flags of the result being read */
	uint64_t ridx;       /* its index: the file's, or S_NOTE */
	unsigned char *buf;  /* result being read: 24-byte header, then JSON */
	size_t have, need;
} S_worker;

static double S_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int S_write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n) {
		ssize_t k = write(fd, c, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		c += k;
		n -= (size_t)k;
	}
	return 0;
}

static int S_read_all(int fd, void *p, size_t n)
{
	char *c = p;
	while (n) {
		ssize_t k = read(fd, c, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		c += k;
		n -= (size_t)k;
	}
	return 0;
}

/* The worker's loop: read an index, do the work, write {index, len, flags, json}. */
static void S_worker_main(int task_fd, int result_fd, char *const *paths, size_t count,
                          const tl_batch_options *o, tl_batch_work_fn work, void *ctx)
{
	signal(SIGPIPE, SIG_IGN);
	if (o->mem_limit && !S_HAVE_ASAN) {
		struct rlimit rl = {(rlim_t)o->mem_limit, (rlim_t)o->mem_limit};
		setrlimit(RLIMIT_AS, &rl);
	}
	cJSON *prev_doc = NULL;
	char *prev_json = NULL;
	for (;;) {
		uint64_t idx;
		if (S_read_all(task_fd, &idx, sizeof idx) != 0 || idx >= count)
			_exit(0); /* the last result's memory goes with the process */
		cJSON_Delete(prev_doc);
		free(prev_json);
		prev_doc = NULL;
		prev_json = NULL;
		unsigned flags = 0;
		cJSON *doc = work(paths[idx], ctx, &flags);
		char *note = o->note ? o->note(ctx) : NULL;
		if (note && *note) {
			uint64_t nh[3] = {S_NOTE, (uint64_t)strlen(note), 0};
			if (S_write_all(result_fd, nh, sizeof nh) != 0 || S_write_all(result_fd, note, (size_t)nh[1]) != 0)
				_exit(1);
		}
		free(note);
		char *json = !doc ? NULL : o->print ? o->print(doc, ctx) : cJSON_PrintUnformatted(doc);
		if (!json)
			_exit(S_EXIT_NOMEM);
		uint64_t hdr[3] = {idx, (uint64_t)strlen(json), flags};
		if (S_write_all(result_fd, hdr, sizeof hdr) != 0 ||
		    S_write_all(result_fd, json, (size_t)hdr[1]) != 0)
			_exit(1);
		/* freed after sending, when there is another file: the parent goes on meanwhile */
		prev_doc = doc;
		prev_json = json;
	}
}

static int S_spawn(S_worker *w, S_worker *all, int nall, char *const *paths, size_t count,
                   const tl_batch_options *o, tl_batch_work_fn work, void *ctx)
{
	int tp[2], rp[2];
	if (pipe(tp) != 0)
		return -1;
	if (pipe(rp) != 0) {
		close(tp[0]), close(tp[1]);
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(tp[0]), close(tp[1]), close(rp[0]), close(rp[1]);
		return -1;
	}
	if (pid == 0) {
		close(tp[1]);
		close(rp[0]);
		for (int i = 0; i < nall; i++) {
			if (&all[i] != w && all[i].pid > 0) {
				if (all[i].task_fd >= 0)
					close(all[i].task_fd);
				close(all[i].result_fd);
			}
		}
		S_worker_main(tp[0], rp[1], paths, count, o, work, ctx);
		_exit(0);
	}
	close(tp[0]);
	close(rp[1]);
	w->pid = pid;
	w->task_fd = tp[1];
	w->result_fd = rp[0];
	w->busy = -1;
	w->have = 0;
	w->need = S_HDR;
	return 0;
}

/* Closes the worker's pipes (an idle worker then exits) and forgets it
 * without waiting (TL_BATCH_F_NO_WAIT). */
static void S_leave(S_worker *w)
{
	if (w->task_fd >= 0)
		close(w->task_fd);
	close(w->result_fd);
	w->pid = -1;
	free(w->buf);
	w->buf = NULL;
	w->have = 0;
	w->need = S_HDR;
}

static void S_reap(S_worker *w, int *status)
{
	if (w->task_fd >= 0)
		close(w->task_fd);
	close(w->result_fd);
	while (waitpid(w->pid, status, 0) < 0 && errno == EINTR)
		;
	w->pid = -1;
	free(w->buf);
	w->buf = NULL;
	w->have = 0;
	w->need = S_HDR;
}

/* Hands the next file to an idle worker: 0, or -1 when it cannot take it. */
static int S_give(S_worker *w, size_t *next_task, const tl_batch_options *o)
{
	uint64_t idx = *next_task;
	if (S_write_all(w->task_fd, &idx, sizeof idx) != 0)
		return -1;
	w->busy = (long)(*next_task)++;
	w->deadline = o->time_limit > 0 ? S_now() + o->time_limit : 0;
	return 0;
}

static char *S_error_doc(const char *path, int code, const char *msg)
{
	tl_error e = TL_ERROR_INIT;
	tl_error_set(&e, code, "%s", msg);
	snprintf(e.path, sizeof e.path, "%s", path);
	cJSON *d = tl_report_error_document(path, &e);
	char *s = d ? cJSON_PrintUnformatted(d) : NULL;
	cJSON_Delete(d);
	return s;
}

static void S_progress(size_t done, size_t total, double start, int final)
{
	double el = S_now() - start;
	double rate = el > 0 ? (double)done / el : 0;
	double eta = rate > 0 ? (double)(total - done) / rate : 0;
	fprintf(stderr, "\r\033[K[%zu/%zu] %.1f files/s, ETA %d:%02d", done, total, rate,
	        (int)eta / 60, (int)eta % 60);
	if (final)
		fputc('\n', stderr);
	fflush(stderr);
}

typedef struct {
	char **results;     /* JSON text per index until emitted */
	size_t *lens;
	unsigned *flags;
	unsigned char *ready;
	size_t next_emit, done;
} S_order;

/* Takes ownership of json (malloc'd).  NULL json: out of memory. */
static int S_store(S_order *ord, size_t idx, char *json, unsigned flags, char *const *paths,
                   size_t count, tl_batch_emit_fn emit, void *ectx)
{
	if (!json)
		return 1;
	if (ord->ready[idx]) { /* a duplicate result cannot happen; keep the first */
		free(json);
		return 0;
	}
	ord->results[idx] = json;
	ord->lens[idx] = strlen(json);
	ord->flags[idx] = flags;
	ord->ready[idx] = 1;
	ord->done++;
	while (ord->next_emit < count && ord->ready[ord->next_emit]) {
		size_t i = ord->next_emit++;
		char *j = ord->results[i];
		ord->results[i] = NULL;
		int stop = emit(i, paths[i], j, ord->lens[i], ord->flags[i], ectx);
		free(j);
		if (stop)
			return 1;
	}
	return 0;
}

int tl_batch_run(char *const *paths, size_t count, const tl_batch_options *opts,
                 tl_batch_work_fn work, void *wctx, tl_batch_emit_fn emit, void *ectx,
                 tl_error *err)
{
	tl_batch_options def = TL_BATCH_OPTIONS_INIT;
	const tl_batch_options *o = opts ? opts : &def;
	if (count == 0)
		return 0;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int jobs = o->jobs > 0 ? o->jobs : (ncpu > 0 ? (int)ncpu : 1);
	if ((size_t)jobs > count)
		jobs = (int)count;
	if (jobs > 256)
		jobs = 256;

	S_worker *ws = calloc((size_t)jobs, sizeof *ws);
	S_order ord = {calloc(count, sizeof(char *)), calloc(count, sizeof(size_t)),
	               calloc(count, sizeof(unsigned)), calloc(count, 1), 0, 0};
	struct pollfd *pfd = calloc((size_t)jobs, sizeof *pfd);
	if (!ws || !ord.results || !ord.lens || !ord.flags || !ord.ready || !pfd) {
		free(ws), free(ord.results), free(ord.lens), free(ord.flags), free(ord.ready), free(pfd);
		return tl_error_set(err, TL_ENOMEM, "out of memory starting the batch");
	}
	void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
	int rc = 0, stop = 0;
	int heard = !o->on_note; /* a note came: progress may show (a failing first note stops the batch silently) */
	size_t next_task = 0;
	double start = S_now(), last_progress = 0;
	int progress = (o->flags & TL_BATCH_F_PROGRESS) && isatty(2);

	for (int i = 0; i < jobs; i++) {
		ws[i].pid = -1;
		if (S_spawn(&ws[i], ws, jobs, paths, count, o, work, wctx) != 0) {
			rc = tl_error_set(err, TL_EINTERNAL, "cannot start a worker process: %s",
			                  strerror(errno));
			stop = 1;
			break;
		}
	}

	while (!stop && ord.done < count) {
		/* hand out work to idle workers */
		for (int i = 0; i < jobs && next_task < count; i++) {
			if (ws[i].pid <= 0 || ws[i].busy >= 0)
				continue;
			if (S_give(&ws[i], &next_task, o) != 0) {
				int st;
				S_reap(&ws[i], &st);
				S_spawn(&ws[i], ws, jobs, paths, count, o, work, wctx);
			}
		}
		/* nothing left to hand out: a worker ends as soon as it has sent its
		 * result, while the parent takes that result in */
		for (int i = 0; i < jobs && next_task >= count; i++) {
			if (ws[i].pid > 0 && ws[i].task_fd >= 0) {
				close(ws[i].task_fd);
				ws[i].task_fd = -1;
			}
		}
		int npfd = 0, wait_ms = 250;
		double now = S_now();
		for (int i = 0; i < jobs; i++) {
			pfd[i].fd = (ws[i].pid > 0 && ws[i].busy >= 0) ? ws[i].result_fd : -1;
			pfd[i].events = POLLIN;
			pfd[i].revents = 0;
			if (pfd[i].fd >= 0) {
				npfd++;
				if (ws[i].deadline > 0) {
					double left = (ws[i].deadline - now) * 1000.0 + 1;
					if (left < wait_ms)
						wait_ms = left < 0 ? 0 : (int)left;
				}
			}
		}
		if (npfd == 0) {
			/* every worker failed to start again: record the rest and stop */
			for (size_t t = next_task; t < count && !stop; t++)
				stop = S_store(&ord, t, S_error_doc(paths[t], TL_EINTERNAL, "no worker process could be started"),
				               TL_BATCH_DOC_ERROR, paths, count, emit, ectx);
			next_task = count;
			break;
		}
		int n = poll(pfd, (nfds_t)jobs, wait_ms);
		if (n < 0 && errno != EINTR) {
			rc = tl_error_set(err, TL_EINTERNAL, "poll failed: %s", strerror(errno));
			break;
		}
		now = S_now();
		for (int i = 0; i < jobs && !stop; i++) {
			S_worker *w = &ws[i];
			if (w->pid <= 0 || w->busy < 0)
				continue;
			size_t idx = (size_t)w->busy;
			if (pfd[i].revents & (POLLIN | POLLHUP | POLLERR)) {
				if (!w->buf) {
					w->buf = malloc(S_HDR);
					if (!w->buf) {
						rc = tl_error_set(err, TL_ENOMEM, "out of memory");
						stop = 1;
						break;
					}
				}
				ssize_t k = read(w->result_fd, w->buf + w->have, w->need - w->have);
				if (k > 0) {
					w->have += (size_t)k;
					if (w->have == S_HDR && w->need == S_HDR) {
						uint64_t hdr[3];
						memcpy(hdr, w->buf, sizeof hdr);
						unsigned char *nb = hdr[1] < ((uint64_t)1 << 31) ? realloc(w->buf, S_HDR + (size_t)hdr[1] + 1) : NULL;
						if (!nb) {
							int st;
							kill(w->pid, SIGKILL);
							S_reap(w, &st);
							stop = S_store(&ord, idx, S_error_doc(paths[idx], TL_ELIMIT_MEMORY, "result too large"),
							               TL_BATCH_DOC_ERROR, paths, count, emit, ectx);
							w->busy = -1;
							S_spawn(w, ws, jobs, paths, count, o, work, wctx);
							continue;
						}
						w->buf = nb;
						w->need = S_HDR + (size_t)hdr[1];
						w->rflags = (unsigned)hdr[2];
						w->ridx = hdr[0];
					}
					if (w->have == w->need && w->need > S_HDR && w->ridx == S_NOTE) {
						/* a note ahead of the result: the worker stays busy */
						w->buf[w->have] = '\0';
						size_t len = w->have - S_HDR;
						w->have = 0;
						w->need = S_HDR;
						int nrc = o->on_note ? o->on_note((char *)w->buf + S_HDR, len, o->note_ctx) : 0;
						if (nrc) {
							rc = nrc;
							stop = 1;
							progress = 0;
						}
						heard = 1;
						continue;
					}
					if (w->have == w->need && w->need > S_HDR) {
						w->buf[w->have] = '\0';
						/* the JSON text moves down over the header and is passed on as it is */
						size_t len = w->have - S_HDR;
						memmove(w->buf, w->buf + S_HDR, len + 1);
						char *json = (char *)w->buf;
						w->buf = NULL;
						w->have = 0;
						w->need = S_HDR;
						w->busy = -1;
						/* the next file first, so the worker need not wait while
						 * this result is written out (with --output, synced) */
						if (next_task < count && w->task_fd >= 0)
							S_give(w, &next_task, o); /* on failure the loop above replaces it */
						stop = S_store(&ord, idx, json, w->rflags, paths, count, emit, ectx);
					}
					continue;
				}
				if (k < 0 && errno == EINTR)
					continue;
				/* EOF or error: the worker died with this file in hand */
				int st = 0;
				S_reap(w, &st);
				int code = TL_ECRASH;
				char msg[160];
				if (WIFSIGNALED(st)) {
					int sig = WTERMSIG(st);
					if (sig == SIGKILL)
						code = TL_ELIMIT_MEMORY; /* the kernel's OOM killer, or a memory cap */
					snprintf(msg, sizeof msg, "the worker checking this file died (signal %d%s)", sig,
					         sig == SIGKILL ? ", probably out of memory" : "");
				} else if (WIFEXITED(st) && WEXITSTATUS(st) == S_EXIT_NOMEM) {
					code = TL_ELIMIT_MEMORY;
					snprintf(msg, sizeof msg, "out of memory while checking this file");
				} else {
					snprintf(msg, sizeof msg, "the worker checking this file exited unexpectedly (status %d)",
					         WIFEXITED(st) ? WEXITSTATUS(st) : -1);
				}
				w->busy = -1;
				stop = S_store(&ord, idx, S_error_doc(paths[idx], code, msg), TL_BATCH_DOC_ERROR, paths, count,
				               emit, ectx);
				if (S_spawn(w, ws, jobs, paths, count, o, work, wctx) != 0)
					w->pid = -1;
				continue;
			}
			if (w->deadline > 0 && now >= w->deadline) {
				int st;
				kill(w->pid, SIGKILL);
				S_reap(w, &st);
				char msg[128];
				snprintf(msg, sizeof msg, "no result within %.0f s: skipped", o->time_limit);
				w->busy = -1;
				stop = S_store(&ord, idx, S_error_doc(paths[idx], TL_ETIMEOUT, msg), TL_BATCH_DOC_ERROR, paths,
				               count, emit, ectx);
				if (S_spawn(w, ws, jobs, paths, count, o, work, wctx) != 0)
					w->pid = -1;
			}
		}
		if (progress && (heard || ord.done) && (now - last_progress > 0.2 || ord.done == count)) {
			S_progress(ord.done, count, start, 0);
			last_progress = now;
		}
	}
	if (progress)
		S_progress(ord.done, count, start, 1);
	for (int i = 0; i < jobs; i++) {
		if (ws[i].pid > 0) {
			int st;
			if (ws[i].busy < 0 && (o->flags & TL_BATCH_F_NO_WAIT)) {
				S_leave(&ws[i]); /* closing the task pipe ends an idle worker */
			} else {
				if (ws[i].busy >= 0)
					kill(ws[i].pid, SIGKILL);
				S_reap(&ws[i], &st); /* closing the task pipe ends an idle worker */
			}
		}
		free(ws[i].buf);
	}
	for (size_t i = 0; i < count; i++)
		free(ord.results[i]);
	free(ord.results);
	free(ord.lens);
	free(ord.flags);
	free(ord.ready);
	free(ws);
	free(pfd);
	signal(SIGPIPE, old_pipe);
	if (stop && !rc)
		rc = tl_error_set(err, TL_EIO, "the batch was stopped: a result could not be written");
	return rc;
}
