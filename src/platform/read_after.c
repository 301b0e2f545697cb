/* read_after.c — the replica's reads that see their reader's own writes (read_after.h). */
#include "read_after.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "log.h"

#define SLOTS 1024 /* tokens written through recently, by token id: a collision forgets one */

static struct mark {
    int64_t token_id, at_ms;
    char lsn[DB_LSN_MAX];
} marks[SLOTS];
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void read_after_note(const principal *who, const char *lsn, int64_t now_ms)
{
    if (!who || who->token_id <= 0 || !db_lsn_valid(lsn))
        return;
    struct mark *m = &marks[(uint64_t)who->token_id % SLOTS];
    pthread_mutex_lock(&mu);
    *m = (struct mark){.token_id = who->token_id, .at_ms = now_ms};
    snprintf(m->lsn, sizeof m->lsn, "%s", lsn);
    pthread_mutex_unlock(&mu);
}

void read_after_need(const principal *who, const char *cookie, int64_t now_ms, char lsn[DB_LSN_MAX])
{
    lsn[0] = '\0';
    if (!who)
        return;
    if (who->session_id > 0) {
        if (cookie && db_lsn_valid(cookie))
            snprintf(lsn, DB_LSN_MAX, "%s", cookie);
        return;
    }
    if (who->token_id <= 0)
        return;
    const struct mark *m = &marks[(uint64_t)who->token_id % SLOTS];
    pthread_mutex_lock(&mu);
    if (m->token_id == who->token_id && now_ms - m->at_ms < READ_AFTER_MS)
        snprintf(lsn, DB_LSN_MAX, "%s", m->lsn);
    pthread_mutex_unlock(&mu);
}

db *read_after_choose(const principal *who, const char *cookie, int64_t now_ms)
{
    hg_err err;
    hg_err_clear(&err);
    db *replica = db_thread_read(&err);
    if (!replica) {
        if (err.rc)
            log_warn("replica: %s; reading the primary", err.message);
        return NULL;
    }
    char lsn[DB_LSN_MAX];
    read_after_need(who, cookie, now_ms, lsn);
    if (!lsn[0])
        return replica;
    for (int i = 0; i < 5; i++) {
        int yes = 0;
        if (db_replayed(replica, lsn, &yes, &err))
            return NULL; /* the replica is away: the primary answers */
        if (yes)
            return replica;
        nanosleep(&(struct timespec){0, 40 * 1000000L}, NULL);
    }
    return NULL; /* the replica lags more than the reader may wait: the primary answers */
}
