/* partition.h — the monthly partitions of audit_log and event_outbox on PostgreSQL
 * (partition.c, docs/SCALING.md); nothing on SQLite. */
#ifndef HG_PARTITION_H
#define HG_PARTITION_H

#include "module.h"

/* Migration 60 (the storage module's range): the tables partitioned, rows kept. */
extern const migration partition_migrations[];
/* storage.partitions: the months ahead, daily. */
extern const hg_job partition_jobs[];
/* Makes the monthly partitions missing from the current month to two months ahead; *made
 * says how many. HG_OK with *made 0 on SQLite. Errors: db errors (a month whose rows already
 * went to the default partition cannot be made: the job then fails, and says so). */
hg_rc partition_ahead(db *d, int *made, hg_err *err);

#endif
