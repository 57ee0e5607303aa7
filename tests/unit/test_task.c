/* test_task.c: helper threads kept for the life of the process
 * (tl_task_start, tl_task_join; src/util/task.c). */
#include <pthread.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "util/task.h"

/* a task that records which thread ran it */
typedef struct {
	pthread_t who;
	int ran;
} S_rec;

static void *S_record(void *arg)
{
	S_rec *r = arg;
	r->who = pthread_self();
	r->ran++;
	return NULL;
}

/* tasks that meet: each waits (at most 5 s) until all `need` have arrived,
 * which can only happen when they run at the same time */
typedef struct {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int arrived, need, release;
} S_meet;

typedef struct {
	S_meet *m;
	int met;
} S_guest;

static void *S_meet_fn(void *arg)
{
	S_guest *g = arg;
	S_meet *m = g->m;
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 5;
	pthread_mutex_lock(&m->mu);
	m->arrived++;
	pthread_cond_broadcast(&m->cv);
	int rc = 0;
	while (m->arrived < m->need && rc == 0)
		rc = pthread_cond_timedwait(&m->cv, &m->mu, &until);
	g->met = m->arrived >= m->need;
	/* stay busy until released, so that the helpers are all taken */
	rc = 0;
	while (!m->release && rc == 0)
		rc = pthread_cond_timedwait(&m->cv, &m->mu, &until);
	pthread_mutex_unlock(&m->mu);
	return NULL;
}

static void S_run_and_reuse(void)
{
	S_rec r = {0};
	tl_task *t = NULL;
	T_INT(tl_task_start(&t, S_record, &r), 0);
	T_OK(t != NULL, "a task handle");
	tl_task_join(t);
	T_INT(r.ran, 1);
	T_OK(!pthread_equal(r.who, pthread_self()), "the task ran on another thread");
	/* the helper is idle again: the next task goes to the same one */
	pthread_t first = r.who;
	tl_task *t2 = NULL;
	T_INT(tl_task_start(&t2, S_record, &r), 0);
	tl_task_join(t2);
	T_INT(r.ran, 2);
	T_OK(t2 == t && pthread_equal(r.who, first), "an idle helper is reused, not a new thread");
	tl_task_join(NULL); /* a no-op */
}

/* TL_TASK_MAX tasks run at the same time; one more is refused (the caller
 * runs it itself) until one is joined */
static void S_limit(void)
{
	S_meet m = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, TL_TASK_MAX, 0};
	S_guest g[TL_TASK_MAX];
	tl_task *t[TL_TASK_MAX];
	unsigned started = 0;
	for (unsigned i = 0; i < TL_TASK_MAX; i++) {
		g[i] = (S_guest){&m, 0};
		if (tl_task_start(&t[i], S_meet_fn, &g[i]) == 0)
			started++;
	}
	T_INT(started, TL_TASK_MAX);
	S_rec r = {0};
	tl_task *extra = (tl_task *)&r;
	T_INT(tl_task_start(&extra, S_record, &r), -1);
	T_OK(extra == NULL, "no handle when refused");
	T_INT(r.ran, 0);
	pthread_mutex_lock(&m.mu);
	m.release = 1;
	pthread_cond_broadcast(&m.cv);
	pthread_mutex_unlock(&m.mu);
	for (unsigned i = 0; i < started; i++)
		tl_task_join(t[i]);
	for (unsigned i = 0; i < TL_TASK_MAX; i++)
		T_OK(g[i].met, "task %u met the others: they ran at once", i);
	/* joined: helpers are free again */
	T_INT(tl_task_start(&extra, S_record, &r), 0);
	tl_task_join(extra);
	T_INT(r.ran, 1);
}

/* a forked child has none of the parent's helper threads: it starts its own */
static void S_fork(void)
{
	S_rec r = {0};
	tl_task *t;
	T_INT(tl_task_start(&t, S_record, &r), 0); /* the parent has a helper */
	tl_task_join(t);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		alarm(10); /* a child waiting on a parent's helper would hang */
		S_rec c = {0};
		tl_task *ct;
		int ok = tl_task_start(&ct, S_record, &c) == 0;
		if (ok)
			tl_task_join(ct);
		_exit(ok && c.ran == 1 && !pthread_equal(c.who, pthread_self()) ? 0 : 1);
	}
	int st = 0;
	T_OK(pid > 0 && waitpid(pid, &st, 0) == pid, "fork and wait");
	T_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the child ran a task on its own helper (status %d)", st);
}

int main(void)
{
	S_run_and_reuse();
	S_limit();
	S_fork();
	return T_DONE();
}
