/* task.c: helper threads kept for the life of the process (tl_task_start).
 *
 * A check of one document has several parallel steps (the ruleset load,
 * numbering.xml, two text phases, polarity, the occurrence scan, the
 * patterns).  A new thread maps a stack and faults it in; one that ends gives
 * its stack back with madvise(MADV_DONTNEED), and the kernel then interrupts
 * every other CPU running the process to flush its TLB, which on a virtual
 * machine costs tens of microseconds each.  So a helper, once started, waits
 * for the next task instead of ending: bench-nl-600.docx 23.3 -> 22.2 ms
 * median (docs/architecture.md, "Threads and memory").
 *
 * Each helper has its own lock and condition; the list of idle helpers has
 * one more.  A forked child has none of the parent's threads: the child
 * starts with an empty list (pthread_atfork). */
#include "util/task.h"

#include <pthread.h>
#include <stdlib.h>

enum { S_IDLE, S_GIVEN, S_DONE };

struct tl_task {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	void *(*fn)(void *);
	void *arg;
	int state;
	tl_task *next; /* in the idle list */
};

static pthread_mutex_t S_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t S_once = PTHREAD_ONCE_INIT;
static tl_task *S_idle;
static unsigned S_count; /* helpers started, idle or busy */

static void S_prepare(void) { pthread_mutex_lock(&S_mu); }
static void S_parent(void) { pthread_mutex_unlock(&S_mu); }
static void S_child(void)
{
	/* the helpers did not come along; their records stay allocated, as the
	 * parent's memory does */
	S_idle = NULL;
	S_count = 0;
	pthread_mutex_unlock(&S_mu);
}

static void S_init(void) { (void)pthread_atfork(S_prepare, S_parent, S_child); }

static void *S_loop(void *arg)
{
	tl_task *t = arg;
	pthread_mutex_lock(&t->mu);
	for (;;) {
		while (t->state != S_GIVEN)
			pthread_cond_wait(&t->cv, &t->mu);
		pthread_mutex_unlock(&t->mu);
		t->fn(t->arg);
		pthread_mutex_lock(&t->mu);
		t->state = S_DONE;
		pthread_cond_broadcast(&t->cv);
	}
	return NULL;
}

/* A new helper, idle, or NULL. */
static tl_task *S_new(void)
{
	tl_task *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	if (pthread_mutex_init(&t->mu, NULL) != 0) {
		free(t);
		return NULL;
	}
	if (pthread_cond_init(&t->cv, NULL) != 0) {
		pthread_mutex_destroy(&t->mu);
		free(t);
		return NULL;
	}
	pthread_attr_t at;
	int ok = pthread_attr_init(&at) == 0;
	if (ok) {
		pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
		pthread_attr_setstacksize(&at, TL_TASK_STACK);
		pthread_t th;
		ok = pthread_create(&th, &at, S_loop, t) == 0;
		pthread_attr_destroy(&at);
	}
	if (!ok) {
		pthread_cond_destroy(&t->cv);
		pthread_mutex_destroy(&t->mu);
		free(t);
		return NULL;
	}
	return t;
}

int tl_task_start(tl_task **out, void *(*fn)(void *), void *arg)
{
	*out = NULL;
	if (pthread_once(&S_once, S_init) != 0)
		return -1;
	pthread_mutex_lock(&S_mu);
	tl_task *t = S_idle;
	if (t) {
		S_idle = t->next;
	} else if (S_count < TL_TASK_MAX) {
		S_count++;
		pthread_mutex_unlock(&S_mu);
		t = S_new();
		pthread_mutex_lock(&S_mu);
		if (!t)
			S_count--;
	}
	pthread_mutex_unlock(&S_mu);
	if (!t)
		return -1;
	pthread_mutex_lock(&t->mu);
	t->fn = fn;
	t->arg = arg;
	t->next = NULL;
	t->state = S_GIVEN;
	pthread_cond_broadcast(&t->cv);
	pthread_mutex_unlock(&t->mu);
	*out = t;
	return 0;
}

void tl_task_join(tl_task *t)
{
	if (!t)
		return;
	pthread_mutex_lock(&t->mu);
	while (t->state != S_DONE)
		pthread_cond_wait(&t->cv, &t->mu);
	t->state = S_IDLE;
	pthread_mutex_unlock(&t->mu);
	pthread_mutex_lock(&S_mu);
	t->next = S_idle;
	S_idle = t;
	pthread_mutex_unlock(&S_mu);
}
