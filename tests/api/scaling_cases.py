"""scaling_cases.py — districts on one PostgreSQL database (issue 22 §2): each installation in
a schema of its own (`--schema NAME`, or the URL's options=-csearch_path=NAME), made by its
first `haiguan init`; their data never mixes, and their writes do not share a lock, so one
district writing never waits for another. PostgreSQL only; on SQLite these cases pass at once
(a district there is its own file)."""
import subprocess
import threading

import cargo_cases as cc
import harness

SCHEMAS = ("0900", "0800")   # two customs districts, by their codes


def write_lock_key(schema):
    """The advisory lock a district's write transactions take (docs/SCALING.md): FNV-1a 64 of
    "haiguan:" and the schema name, its top bit cleared."""
    h = 14695981039346656037
    for b in ("haiguan:" + schema).encode():
        h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h & 0x7FFFFFFFFFFFFFFF


def register_area(test, eq, error_of):
    @test
    def districts_share_a_database_but_neither_data_nor_lock(s):
        if not s.is_pg():
            return
        url = harness.pg_create_database(harness.pg_base())
        servers = []
        try:
            for schema in SCHEMAS:
                # the first by --schema, the second by the URL's own options: both are ways in
                if schema == SCHEMAS[0]:
                    servers.append(harness.Server(s.binary, db=url, extra_args=(), env={"HAIGUAN_DB_SCHEMA": schema}))
                else:
                    servers.append(harness.Server(s.binary, db=url + "?options=-csearch_path%3D" + schema))
            a, b = servers
            names = [r[0] for r in harness.psql(url, "SELECT nspname FROM pg_namespace WHERE nspname IN "
                                                     "('0900', '0800') ORDER BY 1")]
            eq(names, ["0800", "0900"])
            eq(harness.psql(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), [["0"]])
            # data never mixes: a manifest filed in one district is unknown in the other
            m = cc.manifest(a, [cc.bill(cc.bill_no())])
            eq(m.status, 201, repr(m))
            no = m.json["manifest_no"]
            eq(a.as_user("officer", "GET", "/api/v1/manifests/" + no).status, 200)
            error_of(b.as_user("officer", "GET", "/api/v1/manifests/" + no), 404)
            # each audit chain is the district's own, and verifies
            for srv in servers:
                eq(srv.cli("audit", "verify").returncode, 0)
            # no shared lock: while a session holds district A's write lock, B files at once;
            # A's filing waits until the lock is let go
            holder = subprocess.Popen(
                ["psql", "-X", "-q", "-d", url, "-c",
                 "BEGIN; SELECT pg_advisory_xact_lock(%d); SELECT pg_sleep(60); COMMIT;" % write_lock_key(SCHEMAS[0])],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                # that very lock granted to the holder (a bigint key is classid:objid, objsubid 1;
                # the servers' jobs hold advisory locks of their own meanwhile)
                key = write_lock_key(SCHEMAS[0])
                held = ("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 "
                        "AND classid::bigint = %d AND objid::bigint = %d" % (key >> 32, key & 0xFFFFFFFF))
                harness.wait_until(lambda: harness.psql(url, held)[0][0] == "1", 10)
                done = {}
                t = threading.Thread(target=lambda: done.setdefault("a", cc.manifest(a, [cc.bill(cc.bill_no())])))
                t.start()
                r = cc.manifest(b, [cc.bill(cc.bill_no())])
                eq(r.status, 201, repr(r))
                assert holder.poll() is None, "the holder ended before district B's filing came back"
                assert "a" not in done, "district A filed while its write lock was held by another session"
            finally:
                harness.psql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                  "query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()", check=False)
                holder.wait()
            t.join(30)
            eq(done["a"].status, 201, repr(done.get("a")))
        finally:
            for srv in servers:
                srv.cleanup()
            harness.pg_drop_database(url)

    @test
    def a_schema_name_is_checked(s):
        p = subprocess.run([s.binary, "--db", "x.db", "--schema", "0900", "init"], capture_output=True, text=True)
        eq(p.returncode, 2, p.stderr)
        assert "PostgreSQL" in p.stderr, p.stderr
        if not s.is_pg():
            return
        p = subprocess.run([s.binary, "--db", s.db, "--schema", "Bad-Name", "audit", "verify"],
                           capture_output=True, text=True)
        eq(p.returncode, 1, p.stdout + p.stderr)
        assert "schema" in p.stderr, p.stderr
