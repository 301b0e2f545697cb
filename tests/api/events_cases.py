"""events_cases.py — API tests of the event feed GET /api/v1/events and the Server-Sent Events
stream GET /api/v1/events/stream (registered by run_api_tests.py): each enterprise sees only
its own objects' events, officers and scoped machines see all, bad parameters are refused
with the field named, a stream receives an event emitted after it connected and resumes from
Last-Event-ID."""
import http.client
import json
import socket
import time

from cargo_cases import FISHERY, TRADING, bill, bill_no, file, manifest


def feed(s, who, query=""):
    return s.as_user(who, "GET", "/api/v1/events" + query)


def all_after(s, who, after):
    """Every event who may see after seq `after`, page by page."""
    items = []
    while True:
        r = feed(s, who, "?after=%d&limit=200" % after)
        if r.status != 200:
            raise AssertionError("feed of %s: %r" % (who, r))
        items += r.json["items"]
        if len(r.json["items"]) < 200:
            return items
        after = r.json["next_after"]


def filed(s, who="dl-trading", uscc=TRADING):
    b = bill_no()
    r = manifest(s, [bill(b, consignee=uscc)])
    if r.status != 201:
        raise AssertionError("manifest: %r" % r)
    r = file(s, b, who=who, uscc=uscc)
    if r.status != 201:
        raise AssertionError("declaration: %r" % r)
    return r.json["entry_no"]


class Stream:
    """An open event stream, read event by event (comment lines and retry: skipped)."""

    def __init__(self, s, who, headers=None, query=""):
        cookie, _ = s.login(who)
        self.conn = http.client.HTTPConnection(s.host, s.port, timeout=20)
        h = {"Cookie": cookie, "Accept": "text/event-stream"}
        h.update(headers or {})
        self.conn.request("GET", "/api/v1/events/stream" + query, headers=h)
        self.r = self.conn.getresponse()
        self.status = self.r.status
        self.content_type = self.r.getheader("Content-Type")

    def next_event(self):
        ev = {}
        while True:
            line = self.r.readline()
            if not line:
                raise AssertionError("the stream ended")
            line = line.decode("utf-8").rstrip("\n")
            if line == "":
                if "data" in ev:
                    return ev
                ev = {}
                continue
            if line.startswith(":") or line.startswith("retry:"):
                continue
            k, _, v = line.partition(": ")
            ev[k] = json.loads(v) if k == "data" else v

    def close(self):
        try:
            self.conn.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.conn.close()


def register(test, eq, error_of):
    @test
    def events_enterprise_sees_only_its_own(s):
        start = feed(s, "officer", "?limit=1").json["last_seq"]
        mine = filed(s)
        theirs = filed(s, who="dl-fishery", uscc=FISHERY)
        a = all_after(s, "dl-trading", start)
        b = all_after(s, "dl-fishery", start)
        officer = all_after(s, "officer", start)
        assert a and all(e["enterprise"] == TRADING for e in a), a
        assert b and all(e["enterprise"] == FISHERY for e in b), b
        assert not any(e["subject"]["id"] == theirs for e in a), a
        assert not any(e["subject"]["id"] == mine for e in b), b
        types = [(e["type"], e["subject"]["id"]) for e in officer]
        assert ("declaration.filed", mine) in types and ("declaration.filed", theirs) in types, types
        ev = [e for e in a if e["type"] == "declaration.filed" and e["subject"]["id"] == mine][0]
        eq(ev["subject"]["kind"], "declaration")
        eq(ev["actor"], "dl-trading")
        assert ev["request_id"] and ev["at"].endswith("Z"), ev
        # the sequence has no gaps for one who sees all
        seqs = [e["seq"] for e in officer]
        eq(seqs, list(range(start + 1, start + 1 + len(seqs))), "gap-free seqs")
        # last_seq: the newest event the caller may see
        eq(feed(s, "dl-trading", "?limit=1").json["last_seq"], a[-1]["seq"])
        # pages follow next_after
        p1 = feed(s, "officer", "?after=%d&limit=1" % start).json
        eq(len(p1["items"]), 1)
        p2 = feed(s, "officer", "?after=%d&limit=1" % p1["next_after"]).json
        eq(p2["items"][0]["seq"], p1["items"][0]["seq"] + 1)
        # newest first with before, continued by next_before
        n1 = feed(s, "dl-trading", "?before=%d&limit=2" % (a[-1]["seq"] + 1)).json
        eq([e["seq"] for e in n1["items"]], [a[-1]["seq"], a[-2]["seq"]])
        n2 = feed(s, "dl-trading", "?before=%d&limit=1" % n1["next_before"]).json
        assert n2["items"][0]["seq"] < a[-2]["seq"] and n2["items"][0]["enterprise"] == TRADING, n2
        error_of(feed(s, "dl-trading", "?before=5&after=1"), 400, field="before")

    @test
    def events_feed_refuses_bad_parameters(s):
        for q, field in [("?after=-1", "after"), ("?after=abc", "after"), ("?after=", "after"),
                         ("?after=99999999999999999999", "after"), ("?limit=0", "limit"), ("?limit=201", "limit"),
                         ("?limit=x", "limit"), ("?before=-2", "before")]:
            error_of(feed(s, "dl-trading", q), 400, field=field)
        error_of(s.request("GET", "/api/v1/events"), 401)
        # a machine needs the events scope
        tok = s.cli("token", "create", "--user", "gate01", "--scopes", "events").stdout.strip()
        r = s.with_token(tok, "GET", "/api/v1/events?limit=5")
        eq(r.status, 200, repr(r))
        other = s.cli("token", "create", "--user", "gate01", "--scopes", "gate").stdout.strip()
        error_of(s.with_token(other, "GET", "/api/v1/events"), 403)
        # officers of a post without events are refused; a manager reads
        eq(feed(s, "manager", "?limit=1").status, 200)

    @test
    def events_of_the_areas(s):
        """A declaration's life and its tax emit their events, with their audit rows."""
        start = feed(s, "officer", "?limit=1").json["last_seq"]
        e = filed(s)
        o = s.as_user("officer", "POST", "/api/v1/declarations/%s/inspection" % e,
                      {"kind": "document", "reason": "核对原产地证书"})
        types = [x["type"] for x in all_after(s, "dl-trading", start) if x["subject"]["id"] == e]
        assert "declaration.filed" in types and "tax.due" in types, types
        if o.status == 201:
            assert "declaration.selected_for_inspection" in types, types
        # rule changes are customs' own: officers see them, enterprises not
        r = s.as_user("officer", "POST", "/api/v1/risk/rules",
                      {"name": "事件测试 event test", "source": "district",
                       "conditions": [{"kind": "hs_prefix", "values": ["97011000"]}], "action": {"lane": "yellow"}})
        eq(r.status, 201, repr(r))
        rid = str(r.json["id"])
        assert any(x["type"] == "risk.rule_changed" and x["subject"]["id"] == rid and x["enterprise"] is None
                   for x in all_after(s, "officer", start))
        assert not any(x["type"] == "risk.rule_changed" for x in all_after(s, "dl-trading", start))
        s.as_user("officer", "POST", "/api/v1/risk/rules/%s/suspend" % rid)

    @test
    def events_stream_delivers_and_resumes(s):
        bad = Stream(s, "dl-trading", headers={"Last-Event-ID": "x1"})
        eq(bad.status, 400)
        bad.close()
        st = Stream(s, "dl-trading")
        eq(st.status, 200)
        assert st.content_type.startswith("text/event-stream"), st.content_type
        try:
            theirs = filed(s, who="dl-fishery", uscc=FISHERY)   # not for this stream
            mine = filed(s)
            ev = st.next_event()
            eq(ev["event"], "declaration.filed")
            eq(ev["data"]["subject"]["id"], mine)
            assert ev["data"]["subject"]["id"] != theirs
            eq(int(ev["id"]), ev["data"]["seq"])
            first = int(ev["id"])
        finally:
            st.close()
        # reconnecting with Last-Event-ID gives what came after it, from the outbox
        again = Stream(s, "dl-trading", headers={"Last-Event-ID": str(first - 1)})
        try:
            eq(again.status, 200)
            ev = again.next_event()
            eq(int(ev["id"]), first)
            eq(ev["data"]["subject"]["id"], mine)
        finally:
            again.close()
        # and an officer's stream started from ?after= sees both enterprises' events
        o = Stream(s, "officer", query="?after=%d" % (first - 3))
        try:
            seen = [o.next_event()["data"]["enterprise"] for _ in range(3)]
            assert FISHERY in seen and TRADING in seen, seen
        finally:
            o.close()


    @test
    def events_streams_are_bounded(s):
        """At most 64 streams at once (HTTP_STREAMS_MAX): the next is told to come back later,
        and the server answers everything else meanwhile. Last of the events tests: a closed
        stream's place is given back only at the next wake (an event, or the notifier's tick)."""
        # a filing wakes every stream: those whose clients have gone give their places back,
        # as soon as their threads have seen the wake
        filed(s)
        open_ = []
        try:
            deadline = time.time() + 10
            while len(open_) < 64:
                st = Stream(s, "officer")
                if st.status == 429 and time.time() < deadline:
                    st.close()
                    time.sleep(0.1)
                    continue
                eq(st.status, 200)
                open_.append(st)
            cookie, _ = s.login("officer")
            r = s.request("GET", "/api/v1/events/stream", headers={"Cookie": cookie})
            error_of(r, 429, code="too_many_streams")
            assert r.header("Retry-After"), r
            eq(s.request("GET", "/healthz").status, 200)
            assert "haiguan_event_streams 64" in s.request("GET", "/metrics").body
            eq(feed(s, "dl-trading", "?limit=1").status, 200)
        finally:
            for st in open_:
                st.close()
