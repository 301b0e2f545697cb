"""pipeline_cases.py — the group-commit writer's batches when one request in the middle fails
in the database (issue 22 §1). On PostgreSQL a batch's writes are sent in pipeline mode and
answered later (src/platform/db_pg.c), so a failure is seen after the request has gone on; the
batch is then run again with a savepoint per request. Either way the failing request alone
is refused and leaves nothing, every other one commits, once. Both backends: on SQLite the
same batch fails the same way and is run again the same way."""
import sqlite3
import subprocess
import threading
import time

import cargo_cases as cc

# the advisory lock every write transaction of the public schema takes (db_pg.c WRITE_LOCK_KEY_NUM)
WRITE_LOCK_KEY = 29380502913114478
BOOM = "爆炸测试品"   # the item name the test's trigger refuses


def refuse_boom(s):
    """A trigger that refuses the item named BOOM: a failure only the database sees, after
    haiguan's own checks passed (nothing in the API would refuse it)."""
    if s.is_pg():
        s.sql("CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
              "IF NEW.name = '%s' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; "
              "RETURN NEW; END $$" % BOOM)
        s.sql("CREATE TRIGGER boom BEFORE INSERT ON declaration_items FOR EACH ROW EXECUTE FUNCTION boom()")
    else:
        con = sqlite3.connect(s.db)
        con.execute("CREATE TRIGGER boom BEFORE INSERT ON declaration_items WHEN NEW.name = '%s' "
                    "BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END" % BOOM)
        con.commit()
        con.close()


def hold_write_lock(s, seconds):
    """Holds the database's write lock for seconds from another connection, so that the
    writer's next batch waits and the requests sent meanwhile queue into the one after it."""
    if s.is_pg():
        return subprocess.Popen(["psql", "-X", "-q", "-d", s.db, "-c",
                                 "BEGIN; SELECT pg_advisory_xact_lock(%d); SELECT pg_sleep(%g); COMMIT;"
                                 % (WRITE_LOCK_KEY, seconds)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def hold():
        con = sqlite3.connect(s.db, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        time.sleep(seconds)
        con.execute("ROLLBACK")
        con.close()
    t = threading.Thread(target=hold)
    t.start()
    return t


def reruns(s):
    body = s.request("GET", "/metrics").body
    return int(body.split("\nhaiguan_writer_reruns_total ")[1].split("\n")[0])


def register_area(test, eq, error_of):
    @test
    def a_request_failing_mid_batch_rolls_back_alone(s):
        good_bill, bad_bill = cc.bill_no(), cc.bill_no()
        eq(cc.manifest(s, [cc.bill(good_bill, packages=1000, gross=1000000), cc.bill(bad_bill)]).status, 201)
        refuse_boom(s)
        before = reruns(s)
        item = {"hs_code": "8483409000", "name": BOOM, "origin": "DE", "quantity": 1, "unit": "台",
                "value": "1000.00", "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}
        got, lock = {}, threading.Lock()

        def filer(k):
            r = cc.file(s, bad_bill, items=[item]) if k == 5 else cc.file(s, good_bill)
            with lock:
                got[k] = r
        holder = hold_write_lock(s, 3)
        time.sleep(0.5)
        # the first waits for the lock in a batch of its own; the next nine queue behind it
        # and make one batch, the refused one in its middle
        first = threading.Thread(target=filer, args=(0,))
        first.start()
        time.sleep(0.5)
        rest = [threading.Thread(target=filer, args=(k,)) for k in range(1, 10)]
        for k, t in enumerate(rest):
            t.start()
            time.sleep(0.05 if k < 8 else 0)
        for t in [first] + rest:
            t.join()
        if hasattr(holder, "wait"):
            holder.wait()
        else:
            holder.join()
        eq(got[5].status, 409, "the filing the database refused: %r" % got[5])
        good = [got[k] for k in range(10) if k != 5]
        assert all(r.status == 201 for r in good), [r for r in good if r.status != 201][:3]
        # every acknowledged filing is there exactly once; the refused one left nothing
        entries = sorted(r.json["entry_no"] for r in good)
        eq(sorted(row[0] for row in s.sql("SELECT entry_no FROM declarations WHERE bill_no = '%s'" % good_bill)),
           entries)
        eq(s.sql("SELECT COUNT(*) FROM declarations WHERE bill_no = '%s'" % bad_bill), [["0"]])
        eq(s.sql("SELECT COUNT(*) FROM declaration_items WHERE name = '%s'" % BOOM), [["0"]])
        eq(s.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'declaration.file' AND object_id IN (%s)"
                 % ",".join("'%s'" % e for e in entries)), [[str(len(entries))]])
        # the batch ran again with savepoints after the failure
        assert reruns(s) > before, "no batch was run again (reruns %d before, %d after)" % (before, reruns(s))
        eq(s.cli("audit", "verify").returncode, 0)
