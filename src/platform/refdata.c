/* refdata.c — versions of reference tables, the generic cache of a versioned table's rows and
 * its prefix tables (refdata.h). */
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

/* Inside an optimistic group (the writer's batch, which holds the write lock) the versions are
 * read once, all of them in one query, and kept for the rest of the group: on PostgreSQL each
 * read is a round trip, and a filing looks up four or five tables' versions. A change the group
 * itself makes to a reference table forgets them: the db layer renews the group's epoch when a
 * statement writes to a table it was told is versioned (db_watch_tables, every name read here),
 * whatever code runs it, so no writer has to remember to say so; one committed meanwhile by
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
    db_watch_tables(d, NULL, 0);
    hg_rc rc = db_query(d, &s, err, "SELECT name, version FROM ref_versions", "");
    if (rc)
        return rc;
    int fits = 1;
    const char *names[SEEN_MAX];
    while ((rc = db_step(s, err)) == HG_ROW) {
        const char *name = db_col_text(s, 0);
        if (seen.n == SEEN_MAX || !name || strlen(name) >= sizeof seen.row[0].name) {
            fits = 0;
            continue;
        }
        snprintf(seen.row[seen.n].name, sizeof seen.row[0].name, "%s", name);
        names[seen.n] = seen.row[seen.n].name;
        seen.row[seen.n++].version = db_col_int(s, 1);
    }
    db_reset(s);
    if (rc != HG_DONE)
        return rc;
    /* kept only when every write that could change them is watched (else read each time) */
    if (fits && db_watch_tables(d, names, seen.n) == HG_OK)
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

/* ---- the row cache ---- */

static void rows_free(const row_cache *c, void *rows, size_t n)
{
    for (size_t i = 0; c->free_row && i < n; i++)
        c->free_row((char *)rows + i * c->row_size);
    xfree(rows);
}

/* Reads the table into new rows and, when all were read, puts them in place of the old; under
 * c->mu. */
static hg_rc load(db *d, row_cache *c, int64_t version, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err, c->load_sql, "");
    if (rc)
        return rc;
    size_t n = 0, cap = 0;
    char *rows = NULL;
    while ((rc = db_step(s, err)) == HG_ROW) {
        if (n == cap) {
            char *more = xrealloc(rows, (cap = cap ? cap * 2 : 16) * c->row_size);
            if (!more) {
                rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
                break;
            }
            rows = more;
        }
        void *r = rows + n++ * c->row_size;
        memset(r, 0, c->row_size);
        if ((rc = c->read(s, r, err)) != HG_OK)
            break;
    }
    db_reset(s);
    if (rc != HG_DONE) {
        rows_free(c, rows, n);
        return rc;
    }
    if (n > 1 && c->cmp)
        qsort(rows, n, c->row_size, c->cmp);
    rows_free(c, c->rows, c->n);
    c->rows = rows;
    c->n = n;
    c->version = version;
    return HG_OK;
}

hg_rc row_cache_with(db *d, row_cache *c, hg_rc (*fn)(const void *rows, size_t n, void *cls, hg_err *err), void *cls,
                     hg_err *err)
{
    int64_t version = 0;
    hg_rc rc = d ? refdata_version(d, c->table, &version, err) : HG_OK;
    if (rc)
        return rc;
    pthread_mutex_lock(&c->mu);
    if (d && c->version != version)
        rc = load(d, c, version, err);
    if (!rc && fn)
        rc = fn(c->rows, c->n, cls, err);
    pthread_mutex_unlock(&c->mu);
    return rc;
}

hg_rc row_cache_sync(db *d, row_cache *c, hg_err *err) { return row_cache_with(d, c, NULL, NULL, err); }

/* ---- prefix tables ---- */

int prefix_row_cmp(const void *a, const void *b)
{
    return strcmp(((const prefix_row *)a)->prefix, ((const prefix_row *)b)->prefix);
}

hg_rc prefix_row_read(db_stmt *s, void *row, hg_err *err)
{
    (void)err;
    prefix_row *r = row;
    const char *p = db_col_text(s, 0);
    snprintf(r->prefix, sizeof r->prefix, "%s", p ? p : "");
    for (int i = 0; i < 3 && i + 1 < db_col_count(s); i++)
        r->v[i] = db_col_int(s, i + 1);
    for (int i = 0; i < 2 && i + 4 < db_col_count(s); i++) {
        const char *t = db_col_text(s, i + 4);
        snprintf(r->text[i], sizeof r->text[i], "%s", t ? t : "");
    }
    return HG_OK;
}

hg_rc prefix_cache_sync(db *d, prefix_cache *c, hg_err *err) { return row_cache_sync(d, &c->rows, err); }

typedef struct prefix_find {
    const char *code;
    prefix_row *out;
    int found;
} prefix_find;

static hg_rc longest_prefix(const void *rows, size_t n, void *cls, hg_err *err)
{
    (void)err;
    prefix_find *f = cls;
    prefix_row key;
    for (size_t len = strlen(f->code); len >= 2 && !f->found; len -= 2) {
        if (len >= sizeof key.prefix)
            continue;
        memcpy(key.prefix, f->code, len);
        key.prefix[len] = '\0';
        const prefix_row *r = n ? bsearch(&key, rows, n, sizeof key, prefix_row_cmp) : NULL;
        if (r) {
            *f->out = *r;
            f->found = 1;
        }
    }
    return HG_OK;
}

int prefix_cache_find(prefix_cache *c, const char *code, prefix_row *out)
{
    prefix_find f = {code, out, 0};
    row_cache_with(NULL, &c->rows, longest_prefix, &f, NULL);
    return f.found;
}
