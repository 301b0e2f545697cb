/* writer.h — group commit for the HTTP server: state-changing requests are run one after
 * another on a single writer thread inside one transaction per batch, and each is answered
 * only after its batch committed. One fsync then serves every request of the batch, instead
 * of one fsync per request (DESIGN.md §4, §6: durable ingest needs group commit). */
#ifndef HG_WRITER_H
#define HG_WRITER_H

#include "http.h"

/* SQLite: the size in MiB past which the WAL is made to start over (default 64). Before start. */
void writer_set_wal_limit(long mb);
/* Starts the writer thread (its database connection is opened from db_get_url()). */
hg_rc writer_start(hg_err *err);
/* Finishes the queued work and stops the thread. */
void writer_stop(void);
/* Queues fn(r, err), to be run on the writer thread inside a batch, and returns at once; once
 * the batch is durable (or has failed) *rc holds fn's result and on_done(cls) is called, on
 * the writer's or the syncer's thread, and must not block. r, err and rc must live until then.
 * fn's result is HG_UNAVAILABLE when the batch could not commit. on_queue(cls), if given, is
 * called as the job joins the queue, under the queue's lock: after writer_drain has begun the
 * job is refused (HG_UNAVAILABLE) and on_queue is not called, so that whatever on_queue
 * suspends is always called back. */
hg_rc writer_submit(route_fn fn, req *r, hg_err *err, hg_rc *rc, void (*on_queue)(void *), void (*on_done)(void *),
                    void *cls);
/* Post-commit effects: a job's fn registers them with db_after_commit(r->db, ...); they run
 * once its batch is durable (after the syncer's fdatasync on SQLite, after COMMIT on
 * PostgreSQL), before its requests are answered, on the writer's or the syncer's thread.
 * A job's effects are dropped when its savepoint rolls back, when the batch is run again
 * (only the run that commits registers effects that run) and when the commit fails. */

/* Tests only: the next n group commits fail as a failed COMMIT would (everything of the
 * batch rolled back, every request answered HG_UNAVAILABLE, no effect run). */
void writer_fail_commits(int n);

/* Refuses new jobs and waits until every submitted one has finished (before the HTTP server
 * stops). */
void writer_drain(void);
/* Batches run a second time, with savepoints, because a request in them failed after writing. */
long writer_reruns(void);
/* The group commit's counters in Prometheus text (for /metrics): writes, commits, batches run
 * again, WAL restarts, and the writes waiting now. */
hg_rc writer_metrics_render(buf *b);

#endif
