/* scratch_db.c — a fresh, migrated database for a unit test, and its removal (scratch_db.h). */
#define _XOPEN_SOURCE 700
#include "scratch_db.h"

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>

#include <cmocka.h>

#include "platform/module.h"

static char dir[64];

db *scratch_db_open(const char *tag)
{
    char path[128];
    snprintf(dir, sizeof dir, "/tmp/hg-%s-XXXXXX", tag);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/%s.db", dir, tag);
    db_set_url(path);
    hg_err e;
    db *d = db_thread(&e);
    assert_non_null(d);
    assert_int_equal(db_migrate(d, modules_migrations(), NULL, &e), HG_OK);
    return d;
}

const char *scratch_db_dir(void) { return dir; }

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

void scratch_db_remove(void)
{
    db_thread_close();
    /* depth first: the files (the database, its WAL, a key directory) before the directory */
    assert_int_equal(nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS), 0);
}
