/* scratch_db.h — a fresh, migrated SQLite database in a directory of its own, for unit tests
 * that need the whole schema (events, jobs, the areas' stores): made before a test, removed
 * after it. Not for tests of the database layer itself (test_platform.c, test_faults.c, which
 * inject faults into their own connections). */
#ifndef HG_SCRATCH_DB_H
#define HG_SCRATCH_DB_H

#include "platform/db.h"

/* Makes /tmp/hg-TAG-XXXXXX, points the process's database URL at a file in it, opens this
 * thread's connection (db_thread) and runs every module's migrations; fails the test when any
 * step fails. One at a time per process. */
db *scratch_db_open(const char *tag);
/* The directory scratch_db_open made (a place for a test's key directory, say). */
const char *scratch_db_dir(void);
/* Closes this thread's connection and removes the directory and everything in it. */
void scratch_db_remove(void);

#endif
