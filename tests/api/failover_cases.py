"""failover_cases.py — a district that does not stop (issue 22 §3): a primary with a synchronous
streaming replica (scripts/pg-start.sh, pg-replica.sh), the server on a libpq multi-host URL
(target_session_attrs=read-write). The primary is killed with -9 under write load, the replica
promoted; the server carries on by itself, every acknowledged write is present exactly once,
writes in flight answer 503 (never a false 201), the audit chain verifies, and the old primary
rejoins as a replica (pg_rewind). PostgreSQL only: it runs when the suite runs on PostgreSQL,
on servers of its own."""
import os
import subprocess
import tempfile
import threading
import time

import cargo_cases as cc
import harness

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def script(*args):
    p = subprocess.run([os.path.join("scripts", args[0])] + list(args[1:]), cwd=ROOT, capture_output=True,
                       text=True, timeout=180)
    if p.returncode != 0:
        raise AssertionError("%s failed: %s" % (" ".join(args), p.stderr[-2000:]))
    return p.stdout.strip()


def start_pair(tmp):
    """A primary and its synchronous replica on loopback, with a database hg on the primary:
    (primary URL, replica URL, primary state file, replica state file)."""
    pstate, rstate = os.path.join(tmp, "primary"), os.path.join(tmp, "replica")
    primary = script("pg-start.sh", pstate)
    replica = script("pg-replica.sh", primary, rstate)
    harness.psql(primary + "/postgres", "CREATE DATABASE hg LOCALE 'C.UTF-8' TEMPLATE template0")
    return primary, replica, pstate, rstate


def stop_pair(*states):
    for st in states:
        if os.path.exists(st):
            subprocess.run([os.path.join("scripts", "pg-stop.sh"), st], cwd=ROOT, capture_output=True)


def register_area(test, eq, error_of):
    register_replica_reads(test, eq, error_of)

    @test
    def failover_keeps_every_acknowledged_write(s):
        if not s.is_pg():
            return
        tmp = tempfile.mkdtemp(prefix="haiguan-failover-")
        pstate, rstate = os.path.join(tmp, "primary"), os.path.join(tmp, "replica")
        srv = None
        try:
            primary, replica, pstate, rstate = start_pair(tmp)
            hp = [u.split("@", 1)[1] for u in (primary, replica)]
            url = "postgres://postgres@%s,%s/hg?target_session_attrs=read-write" % tuple(hp)
            srv = harness.Server(s.binary, db=url)
            cookie, csrf = srv.login("dl-agent")
            results, lock, stop = [], threading.Lock(), threading.Event()

            def writer():
                while not stop.is_set():
                    b = cc.bill_no()
                    method, path, body = "POST", "/api/v1/manifests", None
                    body = {"direction": "import", "transport_mode": "sea", "vessel_imo": "IMO9074729",
                            "port": "0901", "eta": "2026-12-02T08:00:00+08:00", "bills": [cc.bill(b)]}
                    try:
                        r = srv.request(method, path, body, headers={"Cookie": cookie, "X-CSRF-Token": csrf})
                        status = r.status
                    except OSError:
                        status = 0   # the connection itself failed: not acknowledged
                    with lock:
                        results.append((time.time(), b, status))
                    if status != 201:
                        time.sleep(0.05)

            def acked_since(t0):
                with lock:
                    return sum(1 for t, _, st in results if st == 201 and t >= t0)

            threads = [threading.Thread(target=writer) for _ in range(4)]
            for t in threads:
                t.start()
            harness.wait_until(lambda: acked_since(0) >= 40, 60)
            killed = time.time()
            script("pg-ctl.sh", pstate, "kill")
            time.sleep(1.0)   # the writes fail meanwhile; then the operator (or a tool) promotes
            script("pg-ctl.sh", rstate, "promote")
            harness.wait_until(lambda: acked_since(time.time() - 0.5) >= 1 and acked_since(killed) >= 40, 90)
            stop.set()
            for t in threads:
                t.join(30)
            statuses = sorted(set(st for _, _, st in results))
            assert set(statuses) <= {201, 503}, "answers other than 201 and 503: %r" % statuses
            acked = [b for _, b, st in results if st == 201]
            times = sorted(t for t, _, st in results if st == 201)
            after = [t for t in times if t >= killed]
            gap = max(b - a for a, b in zip(times, times[1:]))   # the longest time without an ack
            # every acknowledged write is on the promoted replica, once
            new_primary = replica + "/hg"
            rows = harness.psql(new_primary, "SELECT bill_no, count(*) FROM manifest_bills GROUP BY bill_no "
                                             "HAVING count(*) > 1")
            eq(rows, [], "bills stored twice")
            present = set(r[0] for r in harness.psql(new_primary, "SELECT bill_no FROM manifest_bills"))
            lost = [b for b in acked if b not in present]
            eq(lost, [], "acknowledged writes lost")
            p = srv.cli("audit", "verify", check=False)
            eq(p.returncode, 0, "audit verify after failover: " + p.stdout + p.stderr)
            # the old primary comes back as a replica of the new one and catches up
            script("pg-ctl.sh", pstate, "rejoin", "host=%s port=%s" % tuple(hp[1].split(":")))
            eq(harness.psql(primary + "/hg", "SELECT pg_is_in_recovery()"), [["t"]])
            harness.wait_until(lambda: harness.psql(primary + "/hg", "SELECT count(*) FROM manifest_bills") ==
                               harness.psql(new_primary, "SELECT count(*) FROM manifest_bills"), 30)
            print("     %d acknowledged (%d after the kill), %d answered 503, lost 0; %.1f s without an "
                  "acknowledged write" % (len(acked), len(after), sum(1 for r in results if r[2] == 503), gap))
            eq(srv.stop(), 0)
        finally:
            if srv:
                srv.cleanup()
            stop_pair(pstate, rstate)
            os.rmdir(tmp) if os.path.isdir(tmp) and not os.listdir(tmp) else None


def register_replica_reads(test, eq, error_of):
    @test
    def replica_reads_see_their_readers_own_writes(s):
        # issue 22 §3: dashboards read the replica (serve --db-read); a caller who has just
        # written reads what it wrote — its session's cookie (or its token, in this process)
        # names the WAL position the replica must have replayed, else the primary answers
        if not s.is_pg():
            return
        tmp = tempfile.mkdtemp(prefix="haiguan-replica-")
        pstate, rstate = os.path.join(tmp, "primary"), os.path.join(tmp, "replica")
        srv = None
        try:
            primary, replica, pstate, rstate = start_pair(tmp)
            srv = harness.Server(s.binary, db=primary + "/hg", extra_args=["--db-read", replica + "/hg"])
            url = "/api/v1/stats/overview?port=0901"
            first = srv.as_user("manager", "GET", url)
            eq((first.status, first.header("X-Haiguan-Read")), (200, "replica"))
            # the replica stops replaying: what is written now is on the primary only
            harness.psql(replica + "/postgres", "SELECT pg_wal_replay_pause()")
            b = cc.bill_no()
            eq(cc.manifest(srv, [cc.bill(b)]).status, 201)
            f = cc.file(srv, b)
            eq(f.status, 201, repr(f))
            # a reader who did not write reads the replica, a moment old: the filing is not there
            stale = srv.as_user("manager", "GET", url)
            eq(stale.header("X-Haiguan-Read"), "replica")
            eq(stale.json, first.json, "the paused replica answered")
            # an officer writes (a clearance officer may file a manifest) and then reads: the
            # primary answers, and counts the filing
            w = srv.as_user("officer", "POST", "/api/v1/manifests",
                            {"direction": "import", "transport_mode": "sea", "vessel_imo": "IMO9074729",
                             "port": "0901", "eta": "2026-12-02T08:00:00+08:00", "bills": [cc.bill(cc.bill_no())]})
            eq(w.status, 201, repr(w))
            mark = [c for _, c in w.headers if c.startswith("hg_read_after=")]
            assert mark and "HttpOnly" in mark[0] and "SameSite=Strict" in mark[0], w.headers
            cookie, _ = srv.login("officer")
            own = srv.request("GET", url, headers={"Cookie": cookie + "; " + mark[0].split(";")[0]})
            eq(own.header("X-Haiguan-Read"), "primary")
            assert own.json != first.json, "the primary counts the filing"
            # a forged mark only makes its holder read the primary; a malformed one is ignored
            odd = srv.request("GET", url, headers={"Cookie": cookie + "; hg_read_after=zz"})
            eq(odd.header("X-Haiguan-Read"), "replica")
            # a token that wrote: the same, kept by the server
            tok = srv.cli("token", "create", "--user", "officer", "--scopes", "stats,manifests").stdout.strip()
            eq(srv.with_token(tok, "POST", "/api/v1/manifests",
                              {"direction": "import", "transport_mode": "sea", "vessel_imo": "IMO9074729",
                               "port": "0901", "eta": "2026-12-02T08:00:00+08:00",
                               "bills": [cc.bill(cc.bill_no())]}).status, 201)
            eq(srv.with_token(tok, "GET", url).header("X-Haiguan-Read"), "primary")
            # replay resumes: the replica catches up and serves the writer again
            harness.psql(replica + "/postgres", "SELECT pg_wal_replay_resume()")
            harness.wait_until(lambda: srv.request("GET", url, headers={"Cookie": cookie + "; " + mark[0].split(";")[0]})
                               .header("X-Haiguan-Read") == "replica", 20)
            eq(srv.as_user("manager", "GET", url).json, own.json)
            eq(srv.stop(), 0)
        finally:
            if srv:
                srv.cleanup()
            stop_pair(pstate, rstate)
