"""partition_cases.py — the monthly partitions of audit_log and event_outbox on PostgreSQL
(issue 22 §2, src/platform/partition.c): a month per partition in China Standard Time, made
two months ahead by the job storage.partitions, rows landing in their month, the audit log
still append-only in every partition. On SQLite the tables stay plain and the job does
nothing."""
import datetime

import cargo_cases as cc

CST = datetime.timezone(datetime.timedelta(hours=8))   # the customs' days (UTC+8, no summer time)


def months_from_now(n):
    """'yYYYYmMM' of the month n months after the current one in China Standard Time."""
    now = datetime.datetime.now(CST)
    y, m = divmod(now.year * 12 + now.month - 1 + n, 12)
    return "y%04dm%02d" % (y, m + 1)


def refused(s, sql):
    try:
        s.sql(sql)
    except AssertionError as e:
        return str(e)
    raise AssertionError("not refused: " + sql)


def register_area(test, eq, error_of):
    @test
    def audit_and_events_are_partitioned_by_month_ahead(s):
        if not s.is_pg():
            # SQLite: plain tables, and the job has nothing to do
            eq(s.sql("SELECT type FROM sqlite_master WHERE name = 'audit_log'"), [["table"]])
            eq(s.cli("jobs", "run", "storage.partitions").returncode, 0)
            return
        for table in ("audit_log", "event_outbox"):
            eq(s.sql("SELECT relkind FROM pg_class WHERE relname = '%s'" % table), [["p"]], table)
            names = [r[0] for r in s.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                                         "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = '%s'" % table)]
            for n in range(3):
                assert "%s_%s" % (table, months_from_now(n)) in names, (table, n, names)
            assert table + "_default" in names, names
        # a filing's audit rows (declaration.file, tax.assess) and event land in the current month's partition
        b = cc.bill_no()
        eq(cc.manifest(s, [cc.bill(b)]).status, 201)
        entry = cc.file(s, b).json["entry_no"]
        eq(s.sql("SELECT DISTINCT tableoid::regclass FROM audit_log WHERE object_id = '%s'" % entry),
           [["audit_log_" + months_from_now(0)]])
        eq(s.sql("SELECT DISTINCT tableoid::regclass FROM event_outbox WHERE subject_id = '%s'" % entry),
           [["event_outbox_" + months_from_now(0)]])
        # still append-only, through the parent and in a partition alone
        assert "append-only" in refused(s, "UPDATE audit_log SET actor = 'x' WHERE object_id = '%s'" % entry)
        assert "append-only" in refused(s, "DELETE FROM audit_log_%s" % months_from_now(0))
        assert "append-only" in refused(s, "TRUNCATE audit_log_%s" % months_from_now(0))
        # the job makes a missing month ahead again, and nothing when none is missing
        s.sql("DROP TABLE event_outbox_" + months_from_now(2))
        eq(s.cli("jobs", "run", "storage.partitions").returncode, 0)
        eq(s.sql("SELECT to_regclass('event_outbox_%s') IS NOT NULL" % months_from_now(2)), [["t"]])
        eq(s.sql("SELECT hg_month_partitions('audit_log', (extract(epoch FROM now()) * 1000)::BIGINT, 2)"), [["0"]])
        eq(s.cli("audit", "verify").returncode, 0)
