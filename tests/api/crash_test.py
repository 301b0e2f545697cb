"""crash_test.py — kill -9 of the server under write load: every acknowledged write is present
exactly once afterwards, the database is intact and the audit chain verifies (SECURITY.md §14).
Called from run_api_tests.py with its own server."""
import random
import signal
import sqlite3
import threading
import time

from harness import Server

CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(prefix16):
    """A valid unified social credit code from its first 16 characters (GB 32100 + GB 11714)."""
    val = lambda c: int(c) if c.isdigit() else ord(c) - 55
    t = sum(val(c) * w for c, w in zip(prefix16[8:16], [3, 7, 9, 10, 5, 8, 4, 2]))
    c = 11 - t % 11
    s = prefix16 + ("X" if c == 10 else "0" if c == 11 else str(c))
    t = sum(CH.index(ch) * w for ch, w in zip(s, W))
    return s + CH[(31 - t % 31) % 31]


def run(binary, eq):
    s = Server(binary)
    acked, lock, stop = [], threading.Lock(), threading.Event()
    cookie, csrf = s.login("officer")

    def writer(n):
        i = 0
        while not stop.is_set():
            i += 1
            code = uscc("9121020%d%08d" % (n, i))
            body = {"uscc": code, "customs_code": "21%d%07d" % (n, i), "name_zh": "压测企业%d-%d" % (n, i),
                    "kind": "importer", "credit_level": "general_credit"}
            try:
                r = s.request("POST", "/api/v1/enterprises", body, headers={"Cookie": cookie, "X-CSRF-Token": csrf})
            except OSError:
                return
            if r.status == 201:
                with lock:
                    acked.append(code)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    time.sleep(1.0 + random.random())
    s.proc.send_signal(signal.SIGKILL)
    s.proc.wait()
    stop.set()
    for t in threads:
        t.join()
    assert len(acked) > 10, "too few writes acknowledged before the kill: %d" % len(acked)
    if not s.db.startswith("postgres"):
        con = sqlite3.connect(s.db)
        eq(con.execute("PRAGMA integrity_check").fetchone()[0], "ok", "integrity_check")
        rows = dict(con.execute("SELECT uscc, COUNT(*) FROM enterprises GROUP BY uscc").fetchall())
        con.close()
        missing = [u for u in acked if rows.get(u) != 1]
        assert not missing, "acknowledged but missing after kill -9: %s" % missing[:5]
    p = s.cli("audit", "verify", check=False)
    eq(p.returncode, 0, "audit verify after kill -9: " + p.stdout + p.stderr)
    s.cleanup()
    return len(acked)
