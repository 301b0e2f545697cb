"""multi_server.py — tests that need more than the suite's one server (registered by
run_api_tests.py):

- two `haiguan serve` processes on one database under concurrent writes from both: every
  acknowledged write present exactly once, entry numbers unique and consecutive, a
  declaration released once under simultaneous payments, the audit chain one unbroken chain. On the backend the suite runs on (SQLite: one file shared by two
  processes; PostgreSQL: one database).
- `haiguan db copy` of a demo SQLite installation to PostgreSQL (only when the suite runs
  with HAIGUAN_TEST_PG): the same requests get the same answers from both, and the copy
  takes new writes.
- PostgreSQL stopped and started again under a running server (only under make test-pg,
  which says where the server's data is with HAIGUAN_TEST_PG_STATE)."""
import os
import shutil
import subprocess
import tempfile
import threading

import cargo_cases
import harness
from harness import Server

from crash_test import uscc


def _writers(servers, n_threads, per_thread, eq):
    """Creates and patches enterprises from n_threads threads spread over servers; returns
    (created usccs, number of acknowledged patches)."""
    created, patched, failures, lock = [], [0], [], threading.Lock()
    shared = "91210200716215023J"   # demo enterprise every thread patches: contention

    def worker(n):
        s = servers[n % len(servers)]
        cookie, csrf = s.login("officer")
        h = {"Cookie": cookie, "X-CSRF-Token": csrf}
        for i in range(per_thread):
            code = uscc("9121030%d%08d" % (n, i))
            body = {"uscc": code, "customs_code": "22%d%07d" % (n, i), "name_zh": "双机企业%d-%d" % (n, i),
                    "kind": "importer", "credit_level": "general_credit"}
            r = s.request("POST", "/api/v1/enterprises", body, headers=h)
            p = s.request("PATCH", "/api/v1/enterprises/" + shared, {"name_en": "Fishery %d-%d" % (n, i)}, headers=h)
            with lock:
                if r.status == 201:
                    created.append(code)
                else:
                    failures.append(r)
                if p.status == 200:
                    patched[0] += 1
                else:
                    failures.append(p)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, "writes refused under concurrency: %s" % failures[:3]
    return created, patched[0]


def two_servers_one_database(binary, eq):
    a = Server(binary)
    b = None
    try:
        b = Server(binary, db=a.db, keys=a.keys, setup=False)
        servers = [a, b]
        before = int(a.sql("SELECT COUNT(*) FROM audit_log")[0][0])
        # concurrent filing on both servers: entry numbers are allocated under the write lock
        bl = cargo_cases.bill_no()
        eq(cargo_cases.manifest(a, [cargo_cases.bill(bl)]).status, 201)
        got, lock = [], threading.Lock()

        def filer(n):
            s = servers[n % 2]
            for _ in range(8):
                r = cargo_cases.file(s, bl)
                with lock:
                    got.append(r)

        threads = [threading.Thread(target=filer, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        created, patched = _writers(servers, 6, 12, eq)
        for t in threads:
            t.join()
        assert all(r.status == 201 for r in got), [r for r in got if r.status != 201][:3]
        entries = [r.json["entry_no"] for r in got]
        eq(len(set(entries)), len(entries), "unique entry numbers across two servers")
        serials = sorted(int(e[9:]) for e in entries)
        eq(serials, list(range(serials[0], serials[0] + len(entries))), "consecutive serials across two servers")

        eq(len(created), 72, "acknowledged creates")
        rows = dict((u, int(n)) for u, n in a.sql(
            "SELECT uscc, COUNT(*) FROM enterprises WHERE customs_code LIKE '22%' GROUP BY uscc"))
        missing = [u for u in created if rows.get(u) != 1]
        eq(missing, [], "acknowledged creates present exactly once")
        eq(len(rows), len(created), "no enterprise that was not acknowledged")
        # one audit row per acknowledged change, none lost, none doubled
        audit = dict((act, int(n)) for act, n in a.sql(
            "SELECT action, COUNT(*) FROM audit_log WHERE seq > %d GROUP BY action" % before))
        eq(audit.get("enterprise.create"), len(created), "audit rows of creates")
        eq(audit.get("enterprise.update"), patched, "audit rows of patches")
        eq(audit.get("declaration.file"), len(entries), "audit rows of filings")
        for s in servers:
            r = s.as_user("officer", "GET", "/api/v1/enterprises/" + created[-1])
            eq(r.status, 200, "each server reads the other's writes")
        # one payment releases a declaration once, however many arrive at both servers at once
        bl = cargo_cases.bill_no()
        m = cargo_cases.manifest(a, [cargo_cases.bill(bl)])
        eq(m.status, 201)
        entry = cargo_cases.file(a, bl).json["entry_no"]
        cargo_cases.arrive(a, m)
        tok = a.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        eq(a.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [bl]}).status, 201, "arrival")
        due = a.as_user("dl-trading", "GET", "/api/v1/tax/" + entry).json["amount_due"]
        for s in servers:
            s.login("dl-trading")
        paid = []

        def payer(n):
            r = servers[n % 2].as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": entry, "amount": due})
            with lock:
                paid.append(r.status)

        threads = [threading.Thread(target=payer, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        eq(sorted(paid), [201, 409, 409, 409, 409, 409], "concurrent payments of one declaration")
        eq(b.as_user("officer", "GET", "/api/v1/declarations/" + entry).json["status"], "released", "released")
        once = a.sql("SELECT action, COUNT(*) FROM audit_log WHERE object_id = '%s' AND action IN "
                     "('declaration.release', 'tax.pay') GROUP BY action ORDER BY action" % entry)
        eq([(x, int(n)) for x, n in once], [("declaration.release", 1), ("tax.pay", 1)], "released once, paid once")
        p = a.cli("audit", "verify", check=False)
        eq(p.returncode, 0, "audit verify after two servers: " + p.stdout + p.stderr)
        return len(created) + patched + len(entries) + len(paid)
    finally:
        if b:
            b.cleanup()
        a.cleanup()


# GET routes compared after a copy: lists and single objects of the demo data, as the
# officer and as an enterprise user (whose answers are filtered by owner).
COMPARE = [
    ("officer", "/api/v1/enterprises?limit=100"),
    ("officer", "/api/v1/enterprises/91210200241600015L"),
    ("officer", "/api/v1/enterprises?q=%E5%A4%A7%E8%BF%9E&limit=100"),
    ("officer", "/api/v1/enterprises?credit_level=general_credit"),
    ("officer", "/api/v1/manifests?limit=100"),
    ("officer", "/api/v1/declarations?limit=100"),
    ("officer", "/api/v1/risk/rules?limit=100"),
    ("admin", "/api/v1/audit?limit=100"),
    ("admin", "/api/v1/users"),
    ("dl-trading", "/api/v1/enterprises/91210200241600015L"),
    ("dl-trading", "/api/v1/declarations?limit=100"),
    ("dl-trading", "/api/v1/enterprises/91210200716215023J"),
]


def _stable(v):
    """v without request ids, which differ per request by design."""
    if isinstance(v, dict):
        return {k: _stable(x) for k, x in v.items() if k != "request_id"}
    if isinstance(v, list):
        return [_stable(x) for x in v]
    return v


def copy_sqlite_to_pg(binary, eq):
    base = harness.pg_base()
    work = tempfile.mkdtemp(prefix="haiguan-copy-")
    src_file = os.path.join(work, "port.db")
    keys = os.path.join(work, "keys")
    target = harness.pg_create_database(base)
    src = dst = None
    try:
        src = Server(binary, db=src_file, keys=keys)   # a SQLite port with demo data
        # a little more history than the demo: a change and its audit row
        eq(src.as_user("officer", "PATCH", "/api/v1/enterprises/91210200716215023J",
                       {"name_en": "Copied Fishery"}).status, 200)
        eq(src.stop(), 0)
        env = dict(os.environ, HAIGUAN_KEYS=keys)
        p = subprocess.run([binary, "db", "copy", "--from", src_file, "--to", target], capture_output=True, text=True,
                           env=env, timeout=120)
        eq(p.returncode, 0, "db copy: " + p.stdout + p.stderr)
        assert "row counts match" in p.stdout, p.stdout
        # a second copy onto the now non-empty target is refused, and changes nothing
        p = subprocess.run([binary, "db", "copy", "--from", src_file, "--to", target], capture_output=True, text=True,
                           env=env, timeout=120)
        eq(p.returncode, 1, "second copy without --force")
        eq(len(p.stderr.strip().splitlines()), 1, "one line: " + p.stderr)
        # a mistyped source is refused rather than created empty and "copied"
        p = subprocess.run([binary, "db", "copy", "--from", src_file + "x", "--to", target], capture_output=True,
                           text=True, env=env, timeout=120)
        eq(p.returncode, 1, "copy from a missing file")
        assert not os.path.exists(src_file + "x")
        src.cleanup()
        src = Server(binary, db=src_file, keys=keys, setup=False)
        dst = Server(binary, db=target, keys=keys, setup=False)
        for who, path in COMPARE:
            x, y = src.as_user(who, "GET", path), dst.as_user(who, "GET", path)
            eq((y.status, _stable(y.json)), (x.status, _stable(x.json)), "%s GET %s on the copy" % (who, path))
        # the copy takes new writes: identity sequences were moved past the copied ids
        body = {"uscc": "91350100M000100Y43", "customs_code": "3501930001", "name_zh": "复制后新企业",
                "kind": "importer", "credit_level": "general_credit"}
        eq(dst.as_user("officer", "POST", "/api/v1/enterprises", body).status, 201)
        dst.cli("user", "add", "after-copy", "--role", "officer", "--post", "clearance", stdin="after-copy-password\n")
        p = dst.cli("audit", "verify", check=False)
        eq(p.returncode, 0, p.stdout + p.stderr)
        # and back: PostgreSQL to a new SQLite file gives the same answers again
        back = os.path.join(work, "back.db")
        p = subprocess.run([binary, "db", "copy", "--from", target, "--to", back], capture_output=True, text=True,
                           env=env, timeout=120)
        eq(p.returncode, 0, "db copy back: " + p.stdout + p.stderr)
        return len(COMPARE)
    finally:
        for s in (src, dst):
            if s:
                s.cleanup()
        harness.pg_drop_database(target)
        shutil.rmtree(work, ignore_errors=True)


def database_outage(binary, eq):
    """PostgreSQL stopped under a running server: 503 on the affected requests, one clear
    line and exit 1 from commands, and everything back as soon as the database returns."""
    state = os.environ["HAIGUAN_TEST_PG_STATE"]
    ctl = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "pg-ctl.sh")
    s = Server(binary)
    stopped = False
    try:
        eq(s.as_user("officer", "GET", "/api/v1/enterprises?limit=5").status, 200)
        subprocess.run([ctl, state, "stop"], check=True, capture_output=True, timeout=120)
        stopped = True
        for _ in range(3):   # every thread's connection, not only the first one asked
            r = s.as_user("officer", "GET", "/api/v1/enterprises?limit=5")
            eq((r.status, (r.json or {}).get("error", {}).get("code")), (503, "unavailable"), "while down: %r" % r)
        eq(s.request("GET", "/healthz").status, 503, "healthz while down")
        body = {"uscc": "91350100M000100Y43", "customs_code": "3501930001", "name_zh": "停库时企业",
                "kind": "importer", "credit_level": "general_credit"}
        eq(s.as_user("officer", "POST", "/api/v1/enterprises", body).status, 503, "write while down")
        p = s.cli("audit", "verify", check=False)
        eq(p.returncode, 1, "command while down")
        eq(len(p.stderr.strip().splitlines()), 1, "one line: " + p.stderr)
        subprocess.run([ctl, state, "start"], check=True, capture_output=True, timeout=120)
        stopped = False
        for _ in range(6):
            eq(s.as_user("officer", "GET", "/api/v1/enterprises?limit=5").status, 200,
               "after the database returned; server log: " + s.server_log()[-1500:])
        eq(s.request("GET", "/healthz").status, 200, "healthz after; server log: " + s.server_log()[-1500:])
        eq(s.as_user("officer", "POST", "/api/v1/enterprises", body).status, 201, "the refused write, again")
        p = s.cli("audit", "verify", check=False)
        eq(p.returncode, 0, p.stdout + p.stderr)
    finally:
        if stopped:
            subprocess.run([ctl, state, "start"], capture_output=True, timeout=120)
        s.cleanup()
