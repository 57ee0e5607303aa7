/* check_sync.c: fsync on a thread of its own.
 *
 * `check --format jsonl -o FILE` writes and flushes each document's line
 * as it comes and makes it durable (fsync).  An fsync takes milliseconds;
 * done inline, the batch supervisor could hand out no work and read no
 * results meanwhile, so with two workers the other one often sat idle.  Here
 * the supervisor only asks for a sync; the thread syncs whatever has been
 * written by then (requests that arrive during a sync share the next one),
 * and the last sync is waited for before the file is closed.  The lines on
 * disk are the same; durability lags by at most one sync. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/check_sync.h"

struct tl_syncer {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int fd;
	int want, stop; /* a sync is asked for; no more will be */
	int err;        /* errno of a failed fsync, or 0 */
};

static void *S_main(void *arg)
{
	tl_syncer *s = arg;
	pthread_mutex_lock(&s->mu);
	for (;;) {
		while (!s->want && !s->stop)
			pthread_cond_wait(&s->cv, &s->mu);
		if (!s->want)
			break;
		s->want = 0;
		pthread_mutex_unlock(&s->mu);
		int rc = fsync(s->fd) == 0 ? 0 : errno;
		pthread_mutex_lock(&s->mu);
		if (rc && !s->err)
			s->err = rc;
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

tl_syncer *tl_syncer_new(int fd)
{
	tl_syncer *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->fd = fd;
	if (pthread_mutex_init(&s->mu, NULL) != 0) {
		free(s);
		return NULL;
	}
	if (pthread_cond_init(&s->cv, NULL) != 0) {
		pthread_mutex_destroy(&s->mu);
		free(s);
		return NULL;
	}
	if (pthread_create(&s->th, NULL, S_main, s) != 0) {
		pthread_cond_destroy(&s->cv);
		pthread_mutex_destroy(&s->mu);
		free(s);
		return NULL;
	}
	return s;
}

int tl_syncer_request(tl_syncer *s)
{
	pthread_mutex_lock(&s->mu);
	int err = s->err;
	s->want = 1;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
	if (err)
		errno = err;
	return err ? -1 : 0;
}

int tl_syncer_finish(tl_syncer *s)
{
	if (!s)
		return 0;
	pthread_mutex_lock(&s->mu);
	s->stop = 1;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
	pthread_join(s->th, NULL);
	int err = s->err;
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->mu);
	free(s);
	if (err)
		errno = err;
	return err ? -1 : 0;
}
