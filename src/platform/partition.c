/* partition.c — monthly partitions of the platform's append-only tables on PostgreSQL
 * (issue 22 §2): audit_log and event_outbox are partitioned by range of at_ms, one partition
 * per calendar month of China Standard Time (UTC+8, the customs' own days), so that an old
 * month can be detached and moved to cheaper storage as one table (docs/SCALING.md) and the
 * purge of old events can drop a month rather than delete its rows. A job makes the months
 * ahead; a default partition takes a row whose month was not made (the job has not run for
 * months), so a write is never refused for it. SQLite keeps its plain tables: one file per
 * installation has no storage tiers to move a month to.
 *
 * The key: a partitioned table's unique constraints must contain the partition key, so the
 * primary keys become (seq, at_ms). seq stays unique by construction (max + 1 under the
 * write lock; the audit chain hashes it, so a twin would fail `audit verify`), and every
 * lookup by seq still finds an index with seq first. */
#include <string.h>

#include "db.h"
#include "jobs.h"
#include "log.h"
#include "partition.h"

/* Months made ahead of the current one: the job runs daily, so two months leave weeks of
 * slack before a row could land in the default partition. */
#define MONTHS_AHEAD 2

/* The tables partitioned, in the migration below and for the job. */
static const char *const tables[] = {"audit_log", "event_outbox", NULL};

const migration partition_migrations[] = {
    {60, "audit_log and event_outbox partitioned by month (PostgreSQL)", NULL, NULL,
     /* hg_month_partitions(table, from_ms, ahead): the monthly partitions from the month of
      * from_ms to ahead months after the current one that do not exist yet, named
      * TABLE_yYYYYmMM; returns how many it made. Each of audit_log's also refuses TRUNCATE
      * (a statement trigger of the parent does not fire for a partition truncated alone). */
     "CREATE FUNCTION hg_month_partitions(tbl TEXT, from_ms BIGINT, ahead INT) RETURNS INT\n"
     "LANGUAGE plpgsql AS $$\n"
     "DECLARE\n"
     "  m DATE := date_trunc('month', to_timestamp(from_ms / 1000.0) AT TIME ZONE 'Asia/Shanghai')::DATE;\n"
     "  last DATE := (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') + make_interval(months => "
     "ahead))::DATE;\n"
     "  name TEXT;\n"
     "  made INT := 0;\n"
     "BEGIN\n"
     "  WHILE m <= last LOOP\n"
     "    name := tbl || '_' || to_char(m, '\"y\"YYYY\"m\"MM');\n"
     "    IF to_regclass(quote_ident(name)) IS NULL THEN\n"
     "      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%s) TO (%s)', name, tbl,\n"
     "        (extract(epoch FROM m::TIMESTAMP AT TIME ZONE 'Asia/Shanghai') * 1000)::BIGINT,\n"
     "        (extract(epoch FROM (m + INTERVAL '1 month')::TIMESTAMP AT TIME ZONE 'Asia/Shanghai') * 1000)::BIGINT);\n"
     "      IF tbl = 'audit_log' THEN\n"
     "        EXECUTE format('CREATE TRIGGER no_truncate BEFORE TRUNCATE ON %I'\n"
     "          ' FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()', name);\n"
     "      END IF;\n"
     "      made := made + 1;\n"
     "    END IF;\n"
     "    m := (m + INTERVAL '1 month')::DATE;\n"
     "  END LOOP;\n"
     "  RETURN made;\n"
     "END;\n"
     "$$;\n"
     /* audit_log: the rows move into the partitioned table of the same columns, in order;
      * its indexes and append-only triggers are made again on it (a partitioned table's row
      * triggers and indexes apply to every partition, made now or later) */
     "ALTER TABLE audit_log RENAME TO audit_log_unpartitioned;\n"
     "ALTER TABLE audit_log_unpartitioned RENAME CONSTRAINT audit_log_pkey TO audit_log_unpartitioned_pkey;\n"
     "DROP INDEX audit_log_object, audit_log_actor, audit_log_at;\n"
     "CREATE TABLE audit_log (LIKE audit_log_unpartitioned, PRIMARY KEY (seq, at_ms)) PARTITION BY RANGE (at_ms);\n"
     "CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;\n"
     "CREATE TRIGGER no_truncate BEFORE TRUNCATE ON audit_log_default"
     " FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();\n"
     "SELECT hg_month_partitions('audit_log', COALESCE((SELECT MIN(at_ms) FROM audit_log_unpartitioned),"
     " (extract(epoch FROM now()) * 1000)::BIGINT), 2);\n"
     "INSERT INTO audit_log SELECT * FROM audit_log_unpartitioned;\n"
     "DROP TABLE audit_log_unpartitioned;\n"
     "CREATE INDEX audit_log_object ON audit_log (object_type, object_id, seq);\n"
     "CREATE INDEX audit_log_actor ON audit_log (actor, seq);\n"
     "CREATE INDEX audit_log_at ON audit_log (at_ms);\n"
     "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log"
     " FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();\n"
     "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
     " FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();\n"
     /* event_outbox: the same, without triggers (old events are purged) */
     "ALTER TABLE event_outbox RENAME TO event_outbox_unpartitioned;\n"
     "ALTER TABLE event_outbox_unpartitioned RENAME CONSTRAINT event_outbox_pkey TO event_outbox_unpartitioned_pkey;\n"
     "DROP INDEX event_outbox_enterprise, event_outbox_at;\n"
     "CREATE TABLE event_outbox (LIKE event_outbox_unpartitioned, PRIMARY KEY (seq, at_ms)) PARTITION BY RANGE "
     "(at_ms);\n"
     "CREATE TABLE event_outbox_default PARTITION OF event_outbox DEFAULT;\n"
     "SELECT hg_month_partitions('event_outbox', COALESCE((SELECT MIN(at_ms) FROM event_outbox_unpartitioned),"
     " (extract(epoch FROM now()) * 1000)::BIGINT), 2);\n"
     "INSERT INTO event_outbox SELECT * FROM event_outbox_unpartitioned;\n"
     "DROP TABLE event_outbox_unpartitioned;\n"
     "CREATE INDEX event_outbox_enterprise ON event_outbox (enterprise, seq);\n"
     "CREATE INDEX event_outbox_at ON event_outbox (at_ms);\n"},
    /* hg_trgm_index(index, table, column): a trigram index on LOWER(column), which serves the
     * lists' search box (LOWER(column) LIKE '%text%'). An extension is one per database and
     * lives in one schema, so a district in a schema of its own (--schema) finds pg_trgm's
     * operator class by the schema the extension was made in, not on its search path. */
    {70, "trigram indexes for the lists' search (PostgreSQL)", NULL, NULL,
     "CREATE FUNCTION hg_trgm_index(idx TEXT, tbl TEXT, col TEXT) RETURNS VOID\n"
     "LANGUAGE plpgsql AS $$\n"
     "DECLARE s TEXT;\n"
     "BEGIN\n"
     "  CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;\n"
     "  SELECT n.nspname INTO s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace\n"
     "   WHERE e.extname = 'pg_trgm';\n"
     "  EXECUTE format('CREATE INDEX %I ON %I USING gin (LOWER(%I) %I.gin_trgm_ops)', idx, tbl, col, s);\n"
     "END $$;\n"},
    {0, NULL, NULL, NULL, NULL},
};

hg_rc partition_ahead(db *d, int *made, hg_err *err)
{
    *made = 0;
    if (strcmp(db_backend(d), "postgres") != 0)
        return HG_OK;
    /* under the district's write lock, so that no write waits on a half-made month and two
     * servers never make the same one */
    hg_rc rc = db_begin(d, err);
    for (int i = 0; tables[i] && !rc; i++) {
        int64_t n = 0;
        rc = db_int(d, &n, err, "SELECT hg_month_partitions(?, (extract(epoch FROM now()) * 1000)::BIGINT, ?)", "ti",
                    tables[i], (int64_t)MONTHS_AHEAD);
        *made += (int)n;
    }
    if (rc) {
        db_rollback(d);
        return rc;
    }
    return db_commit(d, err);
}

static hg_rc ahead_job(db *d, hg_err *err)
{
    int made = 0;
    hg_rc rc = partition_ahead(d, &made, err);
    if (!rc && made)
        log_info("storage: made %d monthly partitions ahead", made);
    return rc;
}

const hg_job partition_jobs[] = {
    {"storage.partitions", "make the monthly partitions of audit_log and event_outbox two months ahead (PostgreSQL)",
     86400, ahead_job},
    {NULL, NULL, 0, NULL},
};
