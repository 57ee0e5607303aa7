/* check_sync.h: `check --format jsonl -o FILE` makes each line durable on a
 * thread of its own (check_sync.c). */
#ifndef TL_CLI_CHECK_SYNC_H
#define TL_CLI_CHECK_SYNC_H

typedef struct tl_syncer tl_syncer;

/* A syncer for fd, or NULL (out of memory, no thread): then sync inline. */
tl_syncer *tl_syncer_new(int fd);
/* Asks for an fsync of everything written so far; returns at once.  0, or
 * -1 with errno set when an earlier fsync failed. */
int tl_syncer_request(tl_syncer *s);
/* Waits for the last requested fsync, ends the thread and frees s: 0, or -1
 * with errno set when an fsync failed.  NULL is a no-op. */
int tl_syncer_finish(tl_syncer *s);

#endif
