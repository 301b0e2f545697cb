/* read_after.h — reads from the replica that still see the reader's own writes (serve
 * --db-read). Routes flagged ROUTE_REPLICA (lists, statistics) may read a streaming replica,
 * which lags the primary by a little; a caller who has just written must not find its change
 * missing there. After a write the server notes the primary's WAL position for the caller: in a
 * cookie for a browser session (so that another server behind the load balancer knows it too)
 * and in this process for a bearer token; a replica read by that caller within READ_AFTER_MS
 * waits, briefly, for the replica to replay that far, else reads the primary. Not for: which
 * routes may read the replica (route.h flags), the connections (db.h). */
#ifndef HG_READ_AFTER_H
#define HG_READ_AFTER_H

#include <stdint.h>

#include "auth.h"
#include "db.h"

#define READ_AFTER_MS 30000 /* how long after a write its writer's reads wait for it */
#define READ_AFTER_COOKIE "hg_read_after"

/* Notes that who (a bearer token's holder) wrote up to lsn at now_ms. Sessions carry theirs in
 * the cookie instead. */
void read_after_note(const principal *who, const char *lsn, int64_t now_ms);

/* The WAL position who's read must see, into lsn: the cookie's (a session's, cookie may be
 * NULL) or the one noted for its token within READ_AFTER_MS; "" when none (any replica state
 * will do). A malformed cookie counts as none: it can only make its holder read older data. */
void read_after_need(const principal *who, const char *cookie, int64_t now_ms, char lsn[DB_LSN_MAX]);

/* The connection a replica-flagged read of who uses: the replica when it has replayed what who
 * must see (waiting up to about 200 ms for it), else NULL (the caller keeps the primary). */
db *read_after_choose(const principal *who, const char *cookie, int64_t now_ms);

#endif
