"""crash_test.py — kill -9 of the server under write load: every acknowledged write is present
exactly once afterwards, the database is intact and the audit chain verifies (SECURITY.md §14).
The same under SIGTERM, where the server must also stop by itself, promptly and cleanly, with
writes still waiting for their commit. Called from run_api_tests.py with its own server."""
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


def run(binary, eq, sig=signal.SIGKILL):
    s = Server(binary)
    acked, lock, stop = [], threading.Lock(), threading.Event()
    cookie, csrf = s.login("officer")

    # declarations too: the fullest write path (entry number, screening, tax bill, samples, audit)
    bill = "CRASH%08d" % random.randint(0, 99999999)
    m = {"direction": "import", "transport_mode": "sea", "vessel_imo": "IMO9074729", "port": "0901",
         "eta": "2026-12-02T08:00:00+08:00",
         "bills": [{"bill_no": bill, "consignee": "91210200241600015L", "goods_description": "parts",
                    "packages": 1000000, "gross_weight_kg": 100000000}]}
    eq(s.as_user("dl-agent", "POST", "/api/v1/manifests", m).status, 201)
    tcookie, tcsrf = s.login("dl-trading")
    declared = []
    decl = {"direction": "import", "kind": "complete", "declarant": "91210200241600015L",
            "consignee": "91210200241600015L", "port": "0901", "transport_mode": "sea", "bill_no": bill,
            "trade_country": "DE", "packages": 1,
            "items": [{"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
                       "value": "1000.00", "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}]}

    def declarer():
        while not stop.is_set():
            try:
                r = s.request("POST", "/api/v1/declarations", decl, headers={"Cookie": tcookie, "X-CSRF-Token": tcsrf})
            except OSError:
                return
            if r.status == 201:
                with lock:
                    declared.append(r.json["entry_no"])

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

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)] + [threading.Thread(target=declarer)]
    for t in threads:
        t.start()
    time.sleep(1.0 + random.random())
    s.proc.send_signal(sig)
    code = s.proc.wait(timeout=30)
    stop.set()
    if sig == signal.SIGTERM:
        eq(code, 0, "exit status after SIGTERM under load")
    for t in threads:
        t.join()
    assert len(acked) > 10, "too few writes acknowledged before the kill: %d" % len(acked)
    if not s.is_pg():
        con = sqlite3.connect(s.db)
        eq(con.execute("PRAGMA integrity_check").fetchone()[0], "ok", "integrity_check")
        con.close()
    rows = dict((u, int(n)) for u, n in s.sql("SELECT uscc, COUNT(*) FROM enterprises GROUP BY uscc"))
    missing = [u for u in acked if rows.get(u) != 1]
    assert not missing, "acknowledged but missing after signal %d: %s" % (sig, missing[:5])
    assert len(declared) > 5, "too few declarations acknowledged before the kill: %d" % len(declared)
    entries = dict((e, int(n)) for e, n in s.sql("SELECT entry_no, COUNT(*) FROM declarations GROUP BY entry_no"))
    lost = [e for e in declared if entries.get(e) != 1]
    assert not lost, "acknowledged declarations missing after signal %d: %s" % (sig, lost[:5])
    p = s.cli("audit", "verify", check=False)
    eq(p.returncode, 0, "audit verify after signal %d: %s%s" % (sig, p.stdout, p.stderr))
    s.cleanup()
    return len(acked) + len(declared)
