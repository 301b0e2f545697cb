"""webhooks_cases.py — API tests of the webhooks (found by run_api_tests.py by its name), with
a receiver on loopback (a small http.server in a thread) that verifies every Standard Webhooks
signature (webhook-id, webhook-timestamp, webhook-signature: v1, HMAC-SHA256 of
id.timestamp.body under the base64-decoded secret) and answers as each test tells it.

They prove: registration is checked (http(s) only; loopback, private and link-local targets
refused unless serve --webhook-targets allows them; OWASP SSRF Prevention); an enterprise sees
and deletes only its own webhooks (another's answers 404); a message is retried after 500s
with the same webhook-id; messages to one endpoint go in event order; a message that fails, or
an endpoint that hangs, holds back no other message; 410 disables the endpoint; the delivery
log and replay; and a server killed with -9 while deliveries are pending delivers each after
its restart, acknowledged exactly once."""
import base64
import hashlib
import hmac
import http.server
import json
import os
import signal
import threading
import time

from cargo_cases import FISHERY, TRADING, bill, bill_no, file, manifest
from harness import Server

FAST = ["--webhook-targets", "127.0.0.1/32", "--webhook-backoff-ms", "1", "--webhook-timeout-ms", "700"]


class Receiver:
    """Webhook receiver on 127.0.0.1: records each request (path, id, timestamp, whether the
    signature verified, body) and answers with rule(path, msg_id, n) -> (status, delay_s),
    n counting the requests of that path and id so far (1 for the first)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.got = []
        self.secrets = {}   # path -> secret
        self.rule = lambda path, msg_id, n: (200, 0)
        rec = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                msg_id = self.headers.get("webhook-id")
                ts = self.headers.get("webhook-timestamp")
                sig = self.headers.get("webhook-signature") or ""
                with rec.lock:
                    secret = rec.secrets.get(self.path)
                    n = 1 + sum(1 for g in rec.got if g["path"] == self.path and g["id"] == msg_id)
                    rule = rec.rule
                ok = False
                if secret and msg_id and ts:
                    key = base64.b64decode(secret[len("whsec_"):])
                    want = base64.b64encode(hmac.new(key, ("%s.%s." % (msg_id, ts)).encode() + body,
                                                     hashlib.sha256).digest()).decode()
                    ok = any(hmac.compare_digest(s, "v1," + want) for s in sig.split(" "))
                status, delay = rule(self.path, msg_id, n)
                entry = {"path": self.path, "id": msg_id, "ts": int(ts or 0), "valid": ok, "status": status,
                         "body": json.loads(body or b"{}"), "at": time.time(),
                         "type": self.headers.get("Content-Type")}
                with rec.lock:
                    rec.got.append(entry)
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except OSError:
                    entry["status"] = -1   # the server hung up first: no acknowledgement

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def of(self, path):
        with self.lock:
            return [g for g in self.got if g["path"] == path]

    def wait(self, what, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            v = what()
            if v:
                return v
            time.sleep(0.05)
        raise AssertionError("timed out waiting; received %r" % [(g["path"], g["id"], g["status"]) for g in self.got])

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def register_hook(s, rec, path, who="dl-trading", types=("declaration.filed",)):
    body = {"url": rec.url(path), "description": "test " + path}
    if types is not None:
        body["event_types"] = list(types)
    r = s.as_user(who, "POST", "/api/v1/webhooks", body)
    if r.status != 201:
        raise AssertionError("register: %r" % r)
    with rec.lock:
        rec.secrets[path] = r.json["secret"]
    return r.json


def filed(s, who="dl-trading", uscc=TRADING):
    b = bill_no()
    r = manifest(s, [bill(b, consignee=uscc)])
    if r.status != 201:
        raise AssertionError("manifest: %r" % r)
    r = file(s, b, who=who, uscc=uscc)
    if r.status != 201:
        raise AssertionError("declaration: %r" % r)
    return r.json["entry_no"]


def deliveries(s, hook, who="dl-trading"):
    r = s.as_user(who, "GET", "/api/v1/webhooks/%d/deliveries" % hook["id"])
    if r.status != 200:
        raise AssertionError("deliveries: %r" % r)
    return r.json["items"]


_shared = {}


def hooks_server(binary):
    """One server for these tests, with loopback allowed and a fast retry schedule."""
    if "s" not in _shared:
        _shared["s"] = Server(binary, extra_args=FAST)
        _shared["rec"] = Receiver()
    return _shared["s"], _shared["rec"]


def register_area(test, eq, error_of):
    @test
    def webhooks_registration_is_checked_and_private(s):
        # the suite's main server has no --webhook-targets: loopback is refused (SSRF)
        for url in ["http://127.0.0.1:9/x", "http://localhost/x", "http://10.0.0.7/x", "http://169.254.169.254/",
                    "ftp://hooks.example.com/x", "https://u:p@hooks.example.com/", "nonsense"]:
            error_of(s.as_user("dl-trading", "POST", "/api/v1/webhooks", {"url": url}), 400, field="url")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/webhooks", {"url": "https://hooks.example.com/a",
                                                                      "colour": "red"}), 400, code="unknown_field")
        for types in [["Declaration.Filed"], "declaration.filed", ["de*"], [""], ["a,b"]]:
            error_of(s.as_user("dl-trading", "POST", "/api/v1/webhooks",
                               {"url": "https://hooks.example.com/a", "event_types": types}), 400, field="event_types")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/webhooks", {"url": "https://hooks.example.com/a",
                                                                      "description": "x" * 201}), 400,
                 field="description")
        eq(s.as_user("officer", "POST", "/api/v1/webhooks", {"url": "https://hooks.example.com/a"}).status, 403)
        r = s.as_user("dl-trading", "POST", "/api/v1/webhooks",
                      {"url": "https://hooks.example.com/trading", "event_types": ["declaration.", "tax.paid"]})
        eq(r.status, 201, repr(r))
        hook = r.json
        assert hook["secret"].startswith("whsec_") and len(base64.b64decode(hook["secret"][6:])) >= 24, hook
        eq(hook["event_types"], ["declaration.", "tax.paid"])
        eq(hook["status"], "active")
        listed = s.as_user("dl-trading", "GET", "/api/v1/webhooks").json["items"]
        mine = [h for h in listed if h["id"] == hook["id"]]
        eq(len(mine), 1)
        assert "secret" not in mine[0], mine[0]
        # another enterprise neither sees, reads, replays nor deletes it: 404, as if it were not there
        assert not any(h["id"] == hook["id"] for h in s.as_user("dl-fishery", "GET", "/api/v1/webhooks").json["items"])
        error_of(s.as_user("dl-fishery", "DELETE", "/api/v1/webhooks/%d" % hook["id"]), 404)
        error_of(s.as_user("dl-fishery", "GET", "/api/v1/webhooks/%d/deliveries" % hook["id"]), 404)
        error_of(s.as_user("dl-fishery", "POST", "/api/v1/webhooks/%d/replay" % hook["id"], {"from_seq": 0}), 404)
        error_of(s.as_user("dl-trading", "DELETE", "/api/v1/webhooks/99999999"), 404)
        error_of(s.as_user("dl-trading", "DELETE", "/api/v1/webhooks/abc"), 404)
        error_of(s.as_user("dl-trading", "POST", "/api/v1/webhooks/%d/replay" % hook["id"], {}), 400,
                 field="from_seq")
        # registration and deletion are audited
        eq(s.as_user("dl-trading", "DELETE", "/api/v1/webhooks/%d" % hook["id"]).status, 200)
        error_of(s.as_user("dl-trading", "DELETE", "/api/v1/webhooks/%d" % hook["id"]), 404)
        rows = s.sql("SELECT action FROM audit_log WHERE object_type = 'webhook' AND object_id = '%d' ORDER BY seq"
                     % hook["id"])
        eq([r[0] for r in rows], ["webhook.create", "webhook.delete"])
        eq(s.sql("SELECT COUNT(*) FROM audit_log WHERE object_type = 'webhook' AND (after_json LIKE '%whsec%' OR before_json LIKE '%whsec%')")[0][0], "0")
        # serve refuses a bad --webhook-targets
        import subprocess
        p = subprocess.run([s.binary, "serve", "--webhook-targets", "127.0.0.1/40"], capture_output=True, text=True,
                           env=s.env)
        eq(p.returncode, 2, p.stderr)

    @test
    def webhooks_are_signed_retried_and_in_order(s):
        srv, rec = hooks_server(s.binary)
        # /retry: each message answered 500 twice, then 200
        rec.rule = lambda path, msg_id, n: (500, 0) if path == "/retry" and n <= 2 else (200, 0)
        hook = register_hook(srv, rec, "/retry")
        entries = [filed(srv) for _ in range(3)]
        got = rec.wait(lambda: len([g for g in rec.of("/retry") if g["status"] == 200]) >= 3 and rec.of("/retry"))
        assert all(g["valid"] for g in got), got
        by_id = {}
        for g in got:
            by_id.setdefault(g["id"], []).append(g)
        eq(len(by_id), 3, "three messages")
        for msg_id, tries in by_id.items():
            eq([t["status"] for t in tries], [500, 500, 200], msg_id)   # the same webhook-id on every retry
            assert all(t["body"] == tries[0]["body"] for t in tries)
            assert all(abs(t["ts"] - time.time()) < 60 for t in tries)
            eq(tries[0]["type"], "application/json")
            eq(tries[0]["body"]["type"], "declaration.filed")
            eq(tries[0]["body"]["enterprise"], TRADING)
        eq(sorted(t[0]["body"]["subject"]["id"] for t in by_id.values()), sorted(entries))
        # in order per endpoint: first attempts in event order
        firsts = [g["body"]["seq"] for g in got if g["status"] == 500 and
                  g is by_id[g["id"]][0]]
        eq(firsts, sorted(firsts))
        log = rec.wait(lambda: [d for d in deliveries(srv, hook) if d["status"] == "delivered"] if all(
            d["status"] == "delivered" for d in deliveries(srv, hook)) else None)
        eq(len(log), 3)
        for d in log:
            eq(d["attempts"], 3)
            eq(d["last_status"], 200)
            assert d["delivered_at"] and d["next_attempt_at"] is None, d
            assert d["msg_id"] in by_id, d
        # ordering: with the receiver answering at once, messages arrive in event order
        hook2 = register_hook(srv, rec, "/ordered")
        for _ in range(4):
            filed(srv)
        got = rec.wait(lambda: len(rec.of("/ordered")) >= 4 and rec.of("/ordered"))
        seqs = [g["body"]["seq"] for g in got]
        eq(seqs, sorted(seqs), "one endpoint's messages in event order")
        eq(len(deliveries(srv, hook2)), 4)
        m = srv.request("GET", "/metrics").body
        assert "haiguan_webhook_deliveries_total " in m and "haiguan_webhook_deliveries_pending " in m, m[-800:]
        assert 'haiguan_job_last_run_timestamp_seconds{job="webhooks.deliver"}' in m
        for path in ["/retry", "/ordered"]:
            srv.as_user("dl-trading", "DELETE", "/api/v1/webhooks/%d" % (hook if path == "/retry" else hook2)["id"])

    @test
    def webhooks_one_failure_blocks_nothing(s):
        srv, rec = hooks_server(s.binary)
        # /hang never answers in time; /ok answers at once: another endpoint's message goes meanwhile
        # /picky fails its first message for ever; the next message to the same endpoint still goes
        state = {"first": None}

        def rule(path, msg_id, n):
            if path == "/hang":
                return 200, 3
            if path == "/picky":
                with rec.lock:
                    if state["first"] is None:
                        state["first"] = msg_id
                return (500, 0) if msg_id == state["first"] else (200, 0)
            return 200, 0
        rec.rule = rule
        hang = register_hook(srv, rec, "/hang")
        ok = register_hook(srv, rec, "/ok")
        picky = register_hook(srv, rec, "/picky")
        t0 = time.time()
        a = filed(srv)
        rec.wait(lambda: rec.of("/hang"))
        got = rec.wait(lambda: [g for g in rec.of("/ok") if g["body"]["subject"]["id"] == a])
        assert got[0]["at"] - t0 < 2.5, "the hanging endpoint held back another's message (%.1fs)" % (got[0]["at"] - t0)
        b = filed(srv)
        got = rec.wait(lambda: [g for g in rec.of("/picky") if g["status"] == 200])
        eq(got[0]["body"]["subject"]["id"], b)
        failing = [g for g in rec.of("/picky") if g["id"] == state["first"]]
        assert failing and all(g["status"] == 500 for g in failing), failing
        # the failing one keeps its own retries; the delivered one is delivered
        # the receiver sees the request before the server records its answer: wait for the record
        deadline = time.time() + 10
        while True:
            log = {d["msg_id"]: d for d in deliveries(srv, picky)}
            if log[got[0]["id"]]["status"] == "delivered" or time.time() > deadline:
                break
            time.sleep(0.05)
        eq(log[got[0]["id"]]["status"], "delivered")
        eq(log[state["first"]]["status"], "pending")
        # the hanging endpoint's message is retried after its timeout, as a failure
        rec.wait(lambda: len(rec.of("/hang")) >= 2, timeout=15)
        h = deliveries(srv, hang)
        assert any(d["attempts"] >= 1 and d["last_error"] for d in h), h
        for hook in (hang, ok, picky):
            eq(srv.as_user("dl-trading", "DELETE", "/api/v1/webhooks/%d" % hook["id"]).status, 200)
        rec.rule = lambda path, msg_id, n: (200, 0)

    @test
    def webhooks_410_disables_and_replay_queues_again(s):
        srv, rec = hooks_server(s.binary)
        rec.rule = lambda path, msg_id, n: (410, 0) if path == "/gone" else (200, 0)
        gone = register_hook(srv, rec, "/gone")
        filed(srv)
        rec.wait(lambda: rec.of("/gone"))
        h = rec.wait(lambda: [x for x in srv.as_user("dl-trading", "GET", "/api/v1/webhooks").json["items"]
                              if x["id"] == gone["id"] and x["status"] == "disabled"])
        assert "410" in h[0]["disabled_reason"], h
        eq(deliveries(srv, gone)[0]["status"], "failed")
        filed(srv)
        time.sleep(1.5)
        eq(len(rec.of("/gone")), 1, "a disabled endpoint gets nothing more")
        eq(len(deliveries(srv, gone)), 1)
        error_of(srv.as_user("dl-trading", "POST", "/api/v1/webhooks/%d/replay" % gone["id"], {"from_seq": 0}), 409)
        # replay: one message again (the same webhook-id), then everything after a seq
        hook = register_hook(srv, rec, "/replay", types=None)
        filed(srv)
        first = rec.wait(lambda: rec.of("/replay"))
        n_before = len(first)
        r = srv.as_user("dl-trading", "POST", "/api/v1/webhooks/%d/replay" % hook["id"], {"msg_id": first[0]["id"]})
        eq(r.status, 202, repr(r))
        eq(r.json["queued"], 1)
        again = rec.wait(lambda: [g for g in rec.of("/replay")[n_before:] if g["id"] == first[0]["id"]])
        assert again[0]["valid"], again
        start = first[0]["body"]["seq"] - 1
        mine = [e for e in srv.as_user("dl-trading", "GET", "/api/v1/events?after=%d&limit=200" % start).json["items"]]
        r = srv.as_user("dl-trading", "POST", "/api/v1/webhooks/%d/replay" % hook["id"], {"from_seq": start})
        eq(r.status, 202)
        eq(r.json["queued"], len(mine))
        rec.wait(lambda: len(rec.of("/replay")) >= n_before + 1 + len(mine))
        # only the enterprise's own events: the fishery's declaration is not delivered to trading
        other = filed(srv, who="dl-fishery", uscc=FISHERY)
        time.sleep(1.0)
        assert not any(g["body"]["subject"]["id"] == other for g in rec.got), "another enterprise's event delivered"
        error_of(srv.as_user("dl-trading", "POST", "/api/v1/webhooks/%d/replay" % hook["id"], {"msg_id": "msg_x"}),
                 404, field="msg_id")
        for x in (gone, hook):
            srv.as_user("dl-trading", "DELETE", "/api/v1/webhooks/%d" % x["id"])

    @test
    def webhooks_survive_kill_9(s):
        rec = Receiver()
        srv = Server(s.binary, extra_args=FAST)
        srv2 = None
        try:
            # the receiver is down for now (503): every message stays pending, attempted
            rec.rule = lambda path, msg_id, n: (503, 0)
            hook = register_hook(srv, rec, "/crash")
            entries = [filed(srv) for _ in range(5)]
            rec.wait(lambda: len({g["id"] for g in rec.of("/crash")}) >= 5)
            srv.proc.send_signal(signal.SIGKILL)
            srv.proc.wait()
            pending = srv.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'")[0][0]
            eq(pending, "5")
            rec.rule = lambda path, msg_id, n: (200, 0)
            srv2 = Server(s.binary, extra_args=FAST, db=srv.db, keys=srv.keys, setup=False)
            acked = rec.wait(lambda: len({g["id"] for g in rec.of("/crash") if g["status"] == 200}) >= 5 and
                             [g for g in rec.of("/crash") if g["status"] == 200])
            time.sleep(1.5)   # any duplicate would come now
            acked = [g for g in rec.of("/crash") if g["status"] == 200]
            ids = [g["id"] for g in acked]
            eq(len(ids), 5, "each message acknowledged exactly once: %r" % ids)
            eq(len(set(ids)), 5)
            assert all(g["valid"] for g in acked)
            eq(sorted(g["body"]["subject"]["id"] for g in acked), sorted(entries))
            log = deliveries(srv2, hook)
            assert all(d["status"] == "delivered" for d in log), log
        finally:
            if srv2:
                srv2.cleanup()
            if srv.proc.poll() is None:
                srv.proc.kill()
            srv.own_db = True
            srv.cleanup()
            rec.close()

    @test
    def webhooks_two_servers_deliver_each_once(s):
        # both servers' delivery jobs claim from one table: a message goes out from one of them
        rec = Receiver()
        a = Server(s.binary, extra_args=FAST)
        b = None
        try:
            b = Server(s.binary, extra_args=FAST, db=a.db, keys=a.keys, setup=False)
            rec.rule = lambda path, msg_id, n: (500, 0) if n == 1 else (200, 0)   # every message retried once
            register_hook(a, rec, "/two")
            for i in range(6):
                filed(a if i % 2 else b)
            rec.wait(lambda: len({g["id"] for g in rec.of("/two") if g["status"] == 200}) >= 6)
            time.sleep(1.5)
            acks = [g["id"] for g in rec.of("/two") if g["status"] == 200]
            eq(len(acks), 6, "each message acknowledged once: %r" % acks)
            tries = [g["id"] for g in rec.of("/two")]
            eq(len(tries), 12, "each message tried twice (500, then 200), by one server at a time: %r" % tries)
        finally:
            if b:
                b.cleanup()
            a.cleanup()
            rec.close()

    @test
    def webhooks_cleanup(s):
        if "s" in _shared:
            _shared["s"].cleanup()
            _shared["rec"].close()
            _shared.clear()
