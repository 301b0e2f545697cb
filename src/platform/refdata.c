/* refdata.c — versions of reference tables and the prefix cache (refdata.h). */
#include "refdata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

const migration refdata_migrations[] = {
    {5, "versions of reference tables",
     "CREATE TABLE ref_versions (name TEXT PRIMARY KEY, version BIGINT NOT NULL);", NULL,
     "CREATE FUNCTION ref_version_bump() RETURNS trigger AS $$ BEGIN"
     " UPDATE ref_versions SET version = version + 1 WHERE name = TG_ARGV[0]; RETURN NULL; END $$ LANGUAGE plpgsql;"},
    {0, NULL, NULL, NULL, NULL},
};

static int by_prefix(const void *a, const void *b)
{
    return strcmp(((const prefix_row *)a)->prefix, ((const prefix_row *)b)->prefix);
}

static hg_rc load(db *d, prefix_cache *c, int64_t version, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, c->load_sql, NULL);
    if (rc)
        return rc;
    size_t n = 0, cap = 0;
    prefix_row *rows = NULL;
    while ((rc = db_step(s, err)) == HG_ROW) {
        if (n == cap) {
            prefix_row *more = xrealloc(rows, (cap = cap ? cap * 2 : 64) * sizeof *rows);
            if (!more) {
                rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
                break;
            }
            rows = more;
        }
        prefix_row *r = &rows[n++];
        memset(r, 0, sizeof *r);
        const char *p = db_col_text(s, 0);
        snprintf(r->prefix, sizeof r->prefix, "%s", p ? p : "");
        for (int i = 0; i < 3 && i + 1 < db_col_count(s); i++)
            r->v[i] = db_col_int(s, i + 1);
        for (int i = 0; i < 2 && i + 4 < db_col_count(s); i++) {
            const char *t = db_col_text(s, i + 4);
            snprintf(r->text[i], sizeof r->text[i], "%s", t ? t : "");
        }
    }
    db_reset(s);
    if (rc != HG_DONE) {
        xfree(rows);
        return rc;
    }
    if (n)
        qsort(rows, n, sizeof *rows, by_prefix);
    xfree(c->rows);
    c->rows = rows;
    c->n = n;
    c->version = version;
    return HG_OK;
}

/* Inside an optimistic group (the writer's batch, which holds the write lock) the versions are
 * read once, all of them in one query, and kept for the rest of the group: on PostgreSQL each
 * read is a round trip, and a filing looks up four or five tables' versions. A change the group
 * itself makes to a reference table forgets them (refdata_touched); one committed meanwhile by
 * someone who does not take the write lock (psql) counts from the next group, as if it had
 * committed a moment later. Per thread: the writer's connection is its thread's. */
#define SEEN_MAX 64
static _Thread_local struct {
    uint64_t epoch; /* db_group_epoch when read; 0: nothing kept */
    size_t n;
    struct {
        char name[48];
        int64_t version;
    } row[SEEN_MAX];
} seen;

static hg_rc read_all_versions(db *d, uint64_t epoch, hg_err *err)
{
    db_stmt *s;
    seen.epoch = 0;
    seen.n = 0;
    hg_rc rc = db_query(d, &s, err, "SELECT name, version FROM ref_versions", "");
    if (rc)
        return rc;
    int fits = 1;
    while ((rc = db_step(s, err)) == HG_ROW) {
        const char *name = db_col_text(s, 0);
        if (seen.n == SEEN_MAX || !name || strlen(name) >= sizeof seen.row[0].name) {
            fits = 0;
            continue;
        }
        snprintf(seen.row[seen.n].name, sizeof seen.row[0].name, "%s", name);
        seen.row[seen.n++].version = db_col_int(s, 1);
    }
    db_reset(s);
    if (rc != HG_DONE)
        return rc;
    if (fits)
        seen.epoch = epoch;
    return HG_OK;
}

hg_rc refdata_version(db *d, const char *table, int64_t *version, hg_err *err)
{
    *version = 0;
    uint64_t epoch = db_group_epoch(d);
    if (epoch && seen.epoch != epoch) {
        hg_rc rc = read_all_versions(d, epoch, err);
        if (rc)
            return rc;
    }
    if (epoch && seen.epoch == epoch) {
        for (size_t i = 0; i < seen.n; i++)
            if (strcmp(seen.row[i].name, table) == 0) {
                *version = seen.row[i].version;
                return HG_OK;
            }
        return HG_NOTFOUND;
    }
    return db_int(d, version, err, "SELECT version FROM ref_versions WHERE name = ?", "t", table);
}

void refdata_touched(void) { seen.epoch = 0; }

hg_rc prefix_cache_sync(db *d, prefix_cache *c, hg_err *err)
{
    int64_t version = 0;
    hg_rc rc = refdata_version(d, c->table, &version, err);
    if (rc)
        return rc;
    pthread_mutex_lock(&c->mu);
    if (c->version != version)
        rc = load(d, c, version, err);
    pthread_mutex_unlock(&c->mu);
    return rc;
}

int prefix_cache_find(prefix_cache *c, const char *code, prefix_row *out)
{
    prefix_row key;
    int found = 0;
    pthread_mutex_lock(&c->mu);
    for (size_t len = strlen(code); len >= 2 && !found; len -= 2) {
        if (len >= sizeof key.prefix)
            continue;
        memcpy(key.prefix, code, len);
        key.prefix[len] = '\0';
        const prefix_row *r = c->n ? bsearch(&key, c->rows, c->n, sizeof *c->rows, by_prefix) : NULL;
        if (r) {
            *out = *r;
            found = 1;
        }
    }
    pthread_mutex_unlock(&c->mu);
    return found;
}
