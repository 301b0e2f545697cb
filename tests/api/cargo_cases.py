"""cargo_cases.py — API tests of manifests, arrivals and declarations (registered by
run_api_tests.py). Each test makes its own bills so that tests do not depend on each other."""
import itertools
import subprocess
import threading

TRADING = "91210200241600015L"
FISHERY = "91210200716215023J"
_seq = itertools.count(1)


def iso6346(owner, serial):
    """A container number with its check digit (ISO 6346 annex A), computed here on its own."""
    values, v = {}, 10
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if v % 11 == 0:
            v += 1
        values[ch] = v
        v += 1
    code = owner + "U" + "%06d" % serial
    total = sum((int(c) if c.isdigit() else values[c]) * 2 ** i for i, c in enumerate(code))
    return code + str(total % 11 % 10)


# a container is on one live manifest at a time (docs/RULES.md): each test takes fresh numbers,
# in a series of its own (owner HGT) that the docs' fixed numbers (CSQU…, MSKU…) never meet
_box = itertools.count(1)


def container():
    return iso6346("HGT", next(_box))


def bill_no():
    return "TST%010d" % next(_seq)


def manifest(s, bills, eta="2026-12-02T08:00:00+08:00", who="dl-agent", **extra):
    body = {"direction": "import", "transport_mode": "sea", "vessel_imo": "IMO9074729", "port": "0901", "eta": eta,
            "bills": bills}
    body.update(extra)
    return s.as_user(who, "POST", "/api/v1/manifests", body)


def bill(no, consignee=TRADING, containers=None, packages=100, gross=10000):
    b = {"bill_no": no, "consignee": consignee, "goods_description": "parts", "packages": packages,
         "gross_weight_kg": gross}
    if containers:
        b["containers"] = containers
    return b


def declaration(bill, who="dl-trading", uscc=TRADING, **extra):
    body = {"direction": "import", "kind": "complete", "declarant": uscc, "consignee": uscc, "port": "0901",
            "transport_mode": "sea", "bill_no": bill, "trade_country": "DE", "packages": 1,
            "items": [{"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
                       "value": "1000.00", "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}]}
    body.update(extra)
    return s_as(who, body)


def register_producer(s, no, country, categories="03", who="officer", **extra):
    """Registers an overseas food producer as customs does before its goods are declared
    (进口食品境外生产企业注册, 海关总署令第248号); one registered already is left as it is."""
    body = {"registration_no": no, "country": country, "name": "Producer " + no, "categories": categories,
            "valid_from": "2022-01-01T00:00:00+08:00"}
    body.update(extra)
    r = s.as_user(who, "POST", "/api/v1/producers", body)
    assert r.status in (201, 409), repr(r)
    return r


def arrive(s, m, who="dl-agent", **body):
    """The carrier's agent declares the transport of manifest response m arrived (now)."""
    r = s.as_user(who, "POST", "/api/v1/manifests/%s/arrived" % m.json["manifest_no"], body or None)
    assert r.status == 200, repr(r)
    return r


def sql(s, statement):
    """Runs statement on the test server's database, SQLite or PostgreSQL (for moving times
    into the past, which the API rightly refuses to be told)."""
    import sqlite3
    if s.db.startswith("postgres"):
        import harness
        harness.psql(s.db, statement)
    else:
        con = sqlite3.connect(s.db)
        con.execute(statement)
        con.commit()
        con.close()


def s_as(who, body):
    return ("POST", "/api/v1/declarations", body, who)


def file(s, bill, who="dl-trading", uscc=TRADING, **extra):
    method, path, body, who = declaration(bill, who, uscc, **extra)
    return s.as_user(who, method, path, body)


def register(test, eq, error_of, binary):
    @test
    def manifests_check_transport_bills_and_owner(s):
        error_of(manifest(s, [bill(bill_no())], vessel_imo=None), 400)
        r = s.as_user("dl-agent", "POST", "/api/v1/manifests",
                      {"direction": "import", "transport_mode": "sea", "port": "0901",
                       "eta": "2026-12-02T08:00:00+08:00", "bills": [bill(bill_no())]})
        error_of(r, 400, field="vessel_imo")
        error_of(manifest(s, [bill(bill_no(), containers="CSQU3054384")]), 400, field="bills[0].containers")
        error_of(manifest(s, []), 400, field="bills")
        error_of(manifest(s, [bill(bill_no())], port="902"), 400, field="port")
        b = bill_no()
        r = manifest(s, [bill(b)])
        eq(r.status, 201, repr(r))
        no = r.json["manifest_no"]
        error_of(manifest(s, [bill(b)]), 409, field="bills")
        eq(s.as_user("officer", "GET", "/api/v1/manifests/" + no).status, 200)
        eq(s.as_user("dl-trading", "GET", "/api/v1/manifests/" + no).status, 200)   # the bill's consignee
        error_of(s.as_user("dl-fishery", "GET", "/api/v1/manifests/" + no), 404)
        # 海关进出境运输工具舱单管理办法: the carrier or its agent files the manifest, never an importer;
        # a clearance officer may enter one
        error_of(manifest(s, [bill(bill_no())], who="dl-trading"), 403, field="filer", code="manifest_filer")
        eq(manifest(s, [bill(bill_no())], who="officer").status, 201)
        error_of(s.as_user("manager", "POST", "/api/v1/manifests", {}), 403)
        error_of(manifest(s, [bill(bill_no())], status="arrived"), 400, field="status", code="read_only")

    @test
    def declarations_are_checked_and_private(s):
        b = bill_no()
        eq(manifest(s, [bill(b)]).status, 201)
        error_of(file(s, "NOSUCHBILL"), 400, field="bill_no")
        error_of(file(s, b, uscc=FISHERY), 403, field="declarant", code="declarant_self")
        error_of(file(s, b, consignee=None), 400, field="consignee")
        error_of(file(s, b, direction="export", consignor=TRADING), 400, field="bill_no")
        error_of(file(s, b, items=[]), 400, field="items")
        error_of(file(s, b, lane="green"), 400, field="lane", code="read_only")
        error_of(file(s, b, entry_no="090120261000000001"), 400, field="entry_no", code="read_only")
        r = file(s, b)
        eq(r.status, 201, repr(r))
        entry = r.json["entry_no"]
        eq(len(entry), 18)
        assert entry.startswith("09012026") or entry.startswith("09012027"), entry
        eq(entry[8], "1")
        eq(subprocess.run([binary, "check", "entry-no", entry], capture_output=True).returncode, 0)
        eq(r.json["advance"], True)
        error_of(s.as_user("dl-fishery", "GET", "/api/v1/declarations/" + entry), 404)
        d = s.as_user("manager", "GET", "/api/v1/declarations/" + entry)
        eq(d.status, 200)
        # its timeline opens with the filing (by whom, advance or not) and the screening's lane
        eq([(t["event"], t["actor"], t["detail"]) for t in d.json["timeline"][:2]],
           [("filed", "dl-trading", {"advance": True}), ("screened", "risk", {"lane": r.json["lane"]})])
        eq(d.json["timeline"][0]["at"], r.json["filed_at"])
        mine = s.as_user("dl-fishery", "GET", "/api/v1/declarations?limit=200").json["items"]
        assert all(FISHERY in (d["declarant"], d.get("consignee"), d.get("consignor")) for d in mine)
        error_of(s.as_user("manager", "POST", "/api/v1/declarations/%s/release" % entry), 403)
        # not arrived: an officer cannot release it either, and the rule is named
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/%s/release" % entry), 409, field="arrival")
        audit = s.as_user("admin", "GET", "/api/v1/audit?object=declaration:" + entry).json["items"]
        assert [a["action"] for a in audit] == ["declaration.file"], audit

    @test
    def entry_numbers_unique_under_concurrent_filing(s):
        b = bill_no()
        eq(manifest(s, [bill(b)]).status, 201)
        got, lock = [], threading.Lock()

        def worker():
            for _ in range(15):
                r = file(s, b)
                with lock:
                    got.append(r)

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(r.status == 201 for r in got), [r for r in got if r.status != 201][:3]
        entries = [r.json["entry_no"] for r in got]
        eq(len(set(entries)), 60, "unique entry numbers")
        serials = sorted(int(e[9:]) for e in entries)
        eq(serials, list(range(serials[0], serials[0] + 60)), "consecutive serials, none skipped")

    @test
    def arrival_releases_green_and_ship_side_pickup_waits_for_transport(s):
        b1, b2 = bill_no(), bill_no()
        r = manifest(s, [bill(b1, containers=container()), bill(b2, consignee=FISHERY)])
        eq(r.status, 201)
        m = r
        no = r.json["manifest_no"]
        e1 = file(s, b1).json["entry_no"]
        e2 = file(s, b2, who="dl-fishery", uscc=FISHERY, kind="summary", ship_side_pickup=True).json["entry_no"]
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        # goods arrive after their transport (运抵 follows 运输工具申报进境)
        error_of(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b1]}), 409, field="bills[0]",
                 code="transport_not_arrived")
        total = s.as_user("dl-fishery", "GET", "/api/v1/tax/" + e2).json["total"]
        eq(s.as_user("dl-fishery", "POST", "/api/v1/tax/guarantees",
                     {"entry_no": e2, "amount": total, "guarantor": "中国银行大连分行"}).status, 201)
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e2).json["status"], "filed")
        # the importer is no party to the transport's arrival; a time before the filing or in the future is refused
        error_of(s.as_user("dl-trading", "POST", "/api/v1/manifests/%s/arrived" % no), 403, code="arrival_party")
        error_of(s.as_user("dl-agent", "POST", "/api/v1/manifests/%s/arrived" % no, {"at": "2030-01-01T08:00:00+08:00"}),
                 400, field="at", code="arrival_time")
        error_of(s.as_user("dl-agent", "POST", "/api/v1/manifests/%s/arrived" % no, {"at": "2020-01-01T08:00:00+08:00"}),
                 400, field="at", code="arrival_time")
        arrive(s, m)
        d2 = s.as_user("officer", "GET", "/api/v1/declarations/" + e2).json
        eq(d2["status"], "released")   # ship-side pickup: released at the transport's arrival
        assert "transport_arrived" in [t["event"] for t in d2["timeline"]], d2["timeline"]
        error_of(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b1], "at": "2030-01-01T08:00:00+08:00"}), 400,
                 field="at", code="arrival_time")
        error_of(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b1], "at": "2020-01-01T08:00:00+08:00"}), 400,
                 field="at", code="arrival_time")
        r = s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b1.lower()]})
        eq(r.status, 201, repr(r))
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e1).json["status"], "filed")   # tax is due
        due = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e1).json["amount_due"]
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e1, "amount": due}).status, 201)
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e1).json["status"], "released")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e1, "amount": due}), 409)
        error_of(s.as_user("dl-fishery", "GET", "/api/v1/tax/" + e1), 404)
        error_of(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b1], "containers": ["ZZZU0000000"]}), 400,
                 field="containers[0]")
        error_of(s.with_token(tok, "GET", "/api/v1/declarations"), 403)   # outside its scope
        # 20 days on: the transport's arrival is moved back, as the clock would have moved
        sql(s, "UPDATE manifests SET arrived_ms = arrived_ms - %d WHERE manifest_no = '%s'" % (20 * 86400000, no))
        d2 = s.as_user("officer", "GET", "/api/v1/declarations/" + e2).json
        eq(d2["overdue"], True)    # the 14 days have passed
        over = s.as_user("officer", "GET", "/api/v1/declarations?overdue=true&limit=200").json["items"]
        assert e2 in [d["entry_no"] for d in over]
        assert all(d["overdue"] is True for d in over), over[:2]
        error_of(s.as_user("dl-agent", "POST", "/api/v1/manifests/%s/arrived" % no), 409)
        r = s.as_user("dl-fishery", "POST", "/api/v1/declarations/%s/complete" % e2, {"elements": ["1|0|冷冻"]})
        eq(r.status, 200, repr(r))
        eq(r.json["overdue"], False)
        error_of(s.as_user("dl-fishery", "POST", "/api/v1/declarations/%s/complete" % e2, {"elements": ["x"]}), 409)
        error_of(s.as_user("dl-trading", "POST", "/api/v1/declarations/%s/complete" % e1, {"elements": ["x"]}), 409,
                 field="kind")


def register_tax(test, eq, error_of):
    @test
    def tax_bill_late_fee_deferral_and_waiver(s):
        import datetime
        b = bill_no()
        m = manifest(s, [bill(b)])
        eq(m.status, 201)
        # 100,000.00 USD of gear boxes at the demo's 7.12: 712,000.00 CNY; duty 8% 56,960.00;
        # VAT 13% of 768,960.00 = 99,964.80; total 156,924.80
        items = [{"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 10, "unit": "台",
                  "value": "100000.00", "currency": "USD", "gross_weight_kg": 10, "net_weight_kg": 9}]
        r = file(s, b, items=items)
        eq(r.status, 201, repr(r))
        e = r.json["entry_no"]
        bill_ = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json
        eq((bill_["lines"][0]["dutiable_value"], bill_["duty"], bill_["vat"], bill_["total"]),
           ("712000.00", "56960.00", "99964.80", "156924.80"))
        issued = datetime.datetime.fromisoformat(bill_["issued_at"].replace("Z", "+00:00"))
        later = (issued + datetime.timedelta(days=20)).isoformat()
        import urllib.parse
        late = s.as_user("dl-trading", "GET", "/api/v1/tax/%s?at=%s" % (e, urllib.parse.quote(later))).json
        # the 15 days end on a working day (a last day on a weekend or holiday of the district's
        # table moves to the next working day), and each tax's fee is its own: duty 56,960.00
        # and VAT 99,964.80 at 0.05% a day
        tz = datetime.timezone(datetime.timedelta(hours=8))
        table = dict(s.sql("SELECT date, kind FROM holidays"))
        last = issued.astimezone(tz).date() + datetime.timedelta(days=15)
        while table.get(last.isoformat()) == "holiday" or (last.weekday() >= 5 and
                                                           table.get(last.isoformat()) != "workday"):
            last += datetime.timedelta(days=1)
        days = ((issued + datetime.timedelta(days=20)).astimezone(tz).date() - last).days
        eq(late["due_date"], last.isoformat())
        eq(late["late_days"], days)
        fee = sum(f if f >= 5000 else 0 for f in ((t * 5 * days + 5000) // 10000 for t in (5696000, 9996480)))
        eq(late["late_fee"], "%d.%02d" % divmod(fee, 100))      # 5 days: 142.40 + 249.91 = 392.31
        eq(late["amount_due"], "%d.%02d" % divmod(15692480 + fee, 100))
        error_of(s.as_user("dl-trading", "GET", "/api/v1/tax/%s?at=tomorrow" % e), 400, field="at")
        far = (issued + datetime.timedelta(days=200)).isoformat()
        # more than six months: refused naming the rule (409; it was a 400 before the rule named its source)
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/deferrals",
                           {"entry_no": e, "until": far, "reason": "too long a wait"}), 409, field="until")
        soon = (issued + datetime.timedelta(days=3)).isoformat()
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/deferrals",
                           {"entry_no": e, "until": soon, "reason": "inside the period"}), 400, field="until")
        ok = (issued + datetime.timedelta(days=60)).isoformat()
        # a deferral is granted only against a tax guarantee (关税法): without one it is refused
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/deferrals", {"entry_no": e, "until": ok, "reason": "资金周转"}),
                 409, field="entry_no")
        g = s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                      {"entry_no": e, "amount": "156924.80", "guarantor": "中国银行大连分行", "letter_no": "DL-T1",
                       "valid_until": (issued + datetime.timedelta(days=90)).isoformat()})
        eq(g.status, 201, repr(g))
        r = s.as_user("dl-trading", "POST", "/api/v1/tax/deferrals", {"entry_no": e, "until": ok, "reason": "资金周转"})
        eq(r.status, 201, repr(r))
        # goods arrive: a deferred tax lets them go
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        arrive(s, m)
        eq(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b]}).status, 201)
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e).json["status"], "released")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": "1.00"}), 400,
                 field="amount")
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": "156924.80"}).status, 201)
        summary = s.as_user("officer", "GET", "/api/v1/tax/summary").json
        assert float(summary["revenue"]) >= 156924.80, summary
        error_of(s.as_user("dl-trading", "GET", "/api/v1/tax/summary"), 403)
        # a currency without a rate this month, and an HS code outside the tariff, are refused with their item
        error_of(file(s, b, items=[dict(items[0], currency="GBP")]), 400, field="items[0].currency")
        error_of(file(s, b, items=[dict(items[0], hs_code="9503000090")]), 400, field="items[0].hs_code")


def register_tax_bills(test, eq, error_of):
    @test
    def tax_bills_list_is_own_paged_and_filtered(s):
        b = bill_no()
        eq(manifest(s, [bill(b)]).status, 201)
        filed = [file(s, b).json["entry_no"] for _ in range(3)]
        # the newest first, paged by entry number, with each bill's standing
        page = s.as_user("dl-trading", "GET", "/api/v1/tax/bills?limit=2").json
        eq([r["entry_no"] for r in page["items"]], filed[::-1][:2])
        eq(page["items"][0]["status"], "due")
        assert page["items"][0]["amount_due"] == page["items"][0]["total"], page
        page2 = s.as_user("dl-trading", "GET", "/api/v1/tax/bills?limit=2&cursor=" + page["next_cursor"]).json
        eq(page2["items"][0]["entry_no"], filed[0])
        # another enterprise sees none of them; a tax officer sees them all
        other = s.as_user("dl-fishery", "GET", "/api/v1/tax/bills?limit=200").json["items"]
        eq([r for r in other if r["entry_no"] in filed], [])
        mine = s.as_user("officer", "GET", "/api/v1/tax/bills?limit=200&status=due").json["items"]
        eq(sorted(r["entry_no"] for r in mine if r["entry_no"] in filed), sorted(filed))
        # paid ones leave the due filter; nothing is overdue within the period
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments",
                     {"entry_no": filed[1], "amount": page["items"][1]["amount_due"]}).status, 201)
        due = [r["entry_no"] for r in s.as_user("dl-trading", "GET", "/api/v1/tax/bills?status=due&limit=200").json["items"]]
        assert filed[1] not in due and filed[0] in due, due
        overdue = s.as_user("dl-trading", "GET", "/api/v1/tax/bills?overdue=true&limit=200").json["items"]
        eq([r for r in overdue if r["entry_no"] in filed], [])
        # the declaration list carries the same standing
        row = [r for r in s.as_user("dl-trading", "GET", "/api/v1/declarations?order=newest&limit=5").json["items"]
               if r["entry_no"] == filed[1]][0]
        eq(row["tax"]["status"], "paid")
        eq(row["tax"]["amount_due"], "0.00")
        error_of(s.as_user("dl-trading", "GET", "/api/v1/tax/bills?overdue=yes"), 400, field="overdue")
        error_of(s.as_user("dl-trading", "GET", "/api/v1/tax/bills?limit=0"), 400, field="limit")
        error_of(s.as_user("dl-trading", "GET", "/api/v1/tax/bills?from=yesterday"), 400, field="from")


def register_gate(test, eq, error_of):
    @test
    def gate_reads_releases_and_records_exits(s):
        b = bill_no()
        one, two = container(), container()
        m = manifest(s, [bill(b, containers=one + "," + two)])
        eq(m.status, 201)
        e = file(s, b).json["entry_no"]
        gate = s.cli("token", "create", "--user", "gate01", "--scopes", "gate").stdout.strip()
        arrival = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        # not released yet: not listed, and the gate keeps it
        eq([r for r in s.with_token(gate, "GET", "/api/v1/releases?bill_no=" + b).json["items"]], [])
        error_of(s.with_token(gate, "POST", "/api/v1/releases/%s/gate-out" % e, {"gate": "G1"}), 409, field="status")
        arrive(s, m)
        eq(s.with_token(arrival, "POST", "/api/v1/arrivals", {"bills": [b]}).status, 201)
        due = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json["amount_due"]
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": due}).status, 201)
        # release is per container: each of the bill's containers, with the declarations covering it
        rel = s.with_token(gate, "GET", "/api/v1/releases?bill_no=" + b).json["items"]
        eq([(r["container_no"], r["entries"], r["may_leave"], r["holds"], r["gate_out_at"]) for r in rel],
           [(one, [e], True, [], None), (two, [e], True, [], None)])
        rel = s.with_token(gate, "GET", "/api/v1/releases?container=" + two).json["items"]
        eq([r["entry_no"] for r in rel if r["bill_no"] == b], [e])
        error_of(s.with_token(gate, "POST", "/api/v1/releases/%s/gate-out" % e, {"gate": "G1"}), 400, field="container",
                 code="container_required")
        # refused: a container of another bill, an exit before the release, an enterprise, a token without the scope
        error_of(s.with_token(gate, "POST", "/api/v1/releases/%s/gate-out" % e, {"gate": "G1", "container": container()}),
                 400, field="container")
        error_of(s.with_token(gate, "POST", "/api/v1/releases/%s/gate-out" % e,
                              {"gate": "G1", "at": "2020-01-01T00:00:00+08:00"}), 400, field="at")
        error_of(s.with_token(gate, "POST", "/api/v1/releases/%s/gate-out" % e, {"container": one}), 400,
                 field="gate")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/releases/%s/gate-out" % e, {"gate": "G1"}), 403)
        error_of(s.with_token(arrival, "GET", "/api/v1/releases"), 403)
        # each container once; the first exit is the gate-out time
        r = s.with_token(gate, "POST", "/api/v1/releases/%s/gate-out" % e, {"gate": "G1", "container": one.lower()})
        eq(r.status, 201, repr(r))
        eq(r.json["container"], one)
        error_of(s.with_token(gate, "POST", "/api/v1/releases/%s/gate-out" % e, {"gate": "G2", "container": one}),
                 409, field="container")
        eq(s.with_token(gate, "POST", "/api/v1/releases/%s/gate-out" % e, {"gate": "G2", "container": two}).status,
           201)
        d = s.as_user("officer", "GET", "/api/v1/declarations/" + e).json
        assert d["gate_out_at"], d
        eq([t["event"] for t in d["timeline"]].count("gate_out"), 2)
        gone = [r["container_no"] for r in
                s.with_token(gate, "GET", "/api/v1/releases?gone=true&bill_no=" + b).json["items"]]
        eq(gone, [one, two])
        eq(s.with_token(gate, "GET", "/api/v1/releases?gone=false&bill_no=" + b).json["items"], [])
        # the third segment of clearance time now has this declaration
        st = s.as_user("manager", "GET", "/api/v1/stats/clearance-time?group=month").json
        assert sum(g["release_to_gate"]["count"] for g in st["groups"]) >= 1, st
        error_of(s.with_token(gate, "GET", "/api/v1/releases?gone=maybe"), 400, field="gone")
        error_of(s.with_token(gate, "GET", "/api/v1/releases?direction=up"), 400, field="direction")
        eq(s.with_token(gate, "GET", "/api/v1/releases?direction=export&bill_no=" + b).json["items"], [])
        error_of(s.with_token(gate, "GET", "/api/v1/releases?cursor=nonsense"), 400, field="cursor")
        # paging: one at a time gives the same declarations as one page
        all_ = [(r["container_no"], r["entry_no"]) for r in
                s.with_token(gate, "GET", "/api/v1/releases?limit=200").json["items"]]
        paged, cursor = [], None
        while True:
            page = s.with_token(gate, "GET", "/api/v1/releases?limit=1" + ("&cursor=" + cursor if cursor else "")).json
            paged += [(r["container_no"], r["entry_no"]) for r in page["items"]]
            cursor = page["next_cursor"]
            if not cursor or len(paged) > 200:
                break
        eq(paged[:len(all_)], all_)


def register_many_on_a_bill(test, eq, error_of):
    @test
    def arrival_releases_every_declaration_of_a_bill(s):
        # more declarations on one bill than one page of the release check (64)
        b = bill_no()
        m = manifest(s, [bill(b)])
        eq(m.status, 201)
        entries = []
        for _ in range(70):
            r = file(s, b)
            eq(r.status, 201, repr(r))
            e = r.json["entry_no"]
            due = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json["amount_due"]
            eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": due}).status, 201)
            entries.append(e)
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        arrive(s, m)
        eq(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b]}).status, 201)
        gate = s.cli("token", "create", "--user", "gate01", "--scopes", "gate").stdout.strip()
        released = s.with_token(gate, "GET", "/api/v1/releases?limit=200&bill_no=" + b).json["items"]
        eq(sorted(r["entry_no"] for r in released), sorted(entries))


def register_stats(test, eq, error_of):
    @test
    def clearance_time_statistics_with_baseline(s):
        import datetime
        import sqlite3
        tz = datetime.timezone(datetime.timedelta(hours=8))
        now = datetime.datetime.now(tz)
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        entries = []
        for hours in (10, 40):
            b = bill_no()
            m = manifest(s, [bill(b)], port="0908")
            eq(m.status, 201)
            arrive(s, m)
            eq(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b]}).status, 201)
            # the goods arrived hours ago: the times are moved back (the API takes no arrival in the
            # past of its manifest)
            sql(s, "UPDATE arrivals SET at_ms = at_ms - %d WHERE bill_no = '%s'" % (hours * 3600000, b))
            r = file(s, b, port="0908")
            eq(r.status, 201, repr(r))
            e = r.json["entry_no"]
            due = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json["amount_due"]
            eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": due}).status, 201)
            eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e).json["status"], "released")
            entries.append((e, b))
        ov = s.as_user("manager", "GET", "/api/v1/stats/overview?port=0908")
        eq(ov.status, 200, repr(ov))
        eq((ov.json["by_status"], ov.json["by_lane"], ov.json["released"]), ({"released": 2}, {"green": 2}, 2))
        error_of(s.as_user("manager", "GET", "/api/v1/stats/overview?direction=sideways"), 400, field="direction")
        if s.db.startswith("postgres"):
            return   # the baseline part below moves rows in SQLite directly
        # move the 40-hour declaration to the same day of 2017, the baseline year
        then = now.replace(year=2017)
        shift = int((now - then).total_seconds() * 1000)
        e, b = entries[1]
        con = sqlite3.connect(s.db)
        con.execute("UPDATE declarations SET filed_ms = filed_ms - ?, released_ms = released_ms - ? WHERE entry_no = ?",
                    (shift, shift, e))
        con.execute("UPDATE arrivals SET at_ms = at_ms - ? WHERE bill_no = ?", (shift, b))
        con.commit()
        # the 10-hour one leaves the gate; its exit is then put two hours after its release
        gate = s.cli("token", "create", "--user", "gate01", "--scopes", "gate").stdout.strip()
        eq(s.with_token(gate, "POST", "/api/v1/releases/%s/gate-out" % entries[0][0], {"gate": "G1"}).status, 201)
        con.execute("UPDATE declarations SET gate_out_ms = released_ms + 7200000 WHERE entry_no = ?", (entries[0][0],))
        con.commit()
        con.close()
        r = s.as_user("manager", "GET", "/api/v1/stats/clearance-time?direction=import&port=0908&group=month"
                                        "&baseline_year=2017")
        eq(r.status, 200, repr(r))
        g = r.json["groups"]
        eq(len(g), 1, repr(g))
        eq(g[0]["key"], now.strftime("%Y-%m"))
        eq(g[0]["total"]["count"], 1)
        eq(g[0]["total"]["mean_hours"], "10.00")
        eq(g[0]["arrival_to_declaration"]["mean_hours"], "10.00")
        eq(g[0]["baseline"]["key"], "2017-" + now.strftime("%m"))
        eq(g[0]["baseline"]["mean_hours"], "40.00")
        eq(g[0]["baseline"]["change_pct"], "-75.00")
        eq((g[0]["release_to_gate"]["count"], g[0]["release_to_gate"]["mean_hours"]), (1, "2.00"))
        r = s.as_user("manager", "GET", "/api/v1/stats/clearance-time?port=0908&group=day")
        eq(r.json["groups"][0]["key"], now.strftime("%Y-%m-%d"))
        error_of(s.as_user("manager", "GET", "/api/v1/stats/clearance-time?group=year"), 400, field="group")
        error_of(s.as_user("dl-trading", "GET", "/api/v1/stats/clearance-time"), 403)


def register_inspections(test, eq, error_of):
    @test
    def seafood_samples_positive_suspends_producer(s):
        import os
        import shutil
        import subprocess
        lab = s.cli("token", "create", "--user", "lab01", "--scopes", "lab").stdout.strip()
        seafood = [{"hs_code": "0303130000", "name": "冻鲑鱼", "origin": "NO", "quantity": 100, "unit": "千克",
                    "value": "6000.00", "currency": "CNY", "gross_weight_kg": 100, "net_weight_kg": 95, "frozen": True,
                    "producer": "NO-777"}]
        register_producer(s, "NO-777", "NO")
        entries = []
        for _ in range(3):
            b = bill_no()
            eq(manifest(s, [bill(b, consignee=FISHERY)]).status, 201)
            r = file(s, b, who="dl-fishery", uscc=FISHERY, items=seafood, trade_country="NO")
            eq(r.status, 201, repr(r))
            entries.append(r.json["entry_no"])
        samples = [s.as_user("officer", "GET", "/api/v1/samples?entry_no=" + e).json["items"] for e in entries]
        assert all(len(x) == 1 and x[0]["kind"] == "nucleic_acid" for x in samples), samples
        code = samples[0][0]["barcode"]
        png = s.as_user("officer", "GET", "/api/v1/samples/%s/barcode.png" % code)
        eq(png.status, 200)
        eq(png.header("Content-Type"), "image/png")
        if shutil.which("zbarimg"):   # the label decodes to the barcode itself
            path = os.path.join(s.dir, "label.png")
            conn = __import__("http.client").client.HTTPConnection(s.host, s.port)
            cookie, _ = s.login("officer")
            conn.request("GET", "/api/v1/samples/%s/barcode.png" % code, headers={"Cookie": cookie})
            with open(path, "wb") as f:
                f.write(conn.getresponse().read())
            out = subprocess.run(["zbarimg", "--raw", "-q", path], capture_output=True, text=True).stdout.strip()
            eq(out, code)
        error_of(s.as_user("dl-trading", "GET", "/api/v1/samples/" + code), 404)
        error_of(s.with_token(lab, "POST", "/api/v1/samples/%s/result" % code, {"result": "maybe"}), 400, field="result")
        eq(s.with_token(lab, "POST", "/api/v1/samples/%s/result" % code, {"result": "positive"}).status, 200)
        error_of(s.with_token(lab, "POST", "/api/v1/samples/%s/result" % code, {"result": "negative"}), 409)
        d = s.as_user("officer", "GET", "/api/v1/declarations/" + entries[0]).json
        b0 = d["bill_no"]
        eq(d["status"], "inspection")
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/%s/release" % entries[0]), 409, field="samples")
        # one positive: a week's suspension
        r = file(s, b0, who="dl-fishery", uscc=FISHERY, items=seafood, trade_country="NO")
        err = error_of(r, 409, field="items[0].producer", code="suspended")
        assert "1 positive" in err["message"], err
        for e in entries[1:]:
            c = s.as_user("officer", "GET", "/api/v1/samples?entry_no=" + e).json["items"][0]["barcode"]
            eq(s.with_token(lab, "POST", "/api/v1/samples/%s/result" % c, {"result": "positive"}).status, 200)
        err = error_of(file(s, b0, who="dl-fishery", uscc=FISHERY, items=seafood, trade_country="NO"), 409,
                       field="items[0].producer")
        assert "3 positive" in err["message"], err
        # the open tasks of the positive batches: they cannot pass, they fail with a disposal
        tasks = [t for t in s.as_user("officer", "GET", "/api/v1/inspections").json["items"]
                 if t["entry_no"] in entries]
        eq(len(tasks), 3)
        t = tasks[0]["id"]
        error_of(s.as_user("officer", "POST", "/api/v1/inspections/%d/result" % t, {"result": "pass"}), 409)
        error_of(s.as_user("officer", "POST", "/api/v1/inspections/%d/result" % t,
                           {"result": "fail", "findings": "阳性"}), 400, field="disposal")
        error_of(s.as_user("dl-fishery", "POST", "/api/v1/inspections/%d/result" % t,
                           {"result": "fail", "findings": "阳性", "disposal": "destroy"}), 403)
        r = s.as_user("officer", "POST", "/api/v1/inspections/%d/result" % t,
                      {"result": "fail", "findings": "阳性", "disposal": "destroy"})
        eq(r.status, 200, repr(r))
        e = tasks[0]["entry_no"]
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e).json["status"], "refused")
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/%s/release" % e), 409, field="status")
        error_of(s.as_user("officer", "POST", "/api/v1/inspections/%d/result" % t, {"result": "pass"}), 409)


def register_imports(test, eq, error_of):
    @test
    def import_manifests_declarations_arrivals_jsonl(s):
        import json
        import os
        b1, b2 = bill_no(), bill_no()
        m = {"filer": "91210200118877668W", "direction": "import", "transport_mode": "sea", "vessel_imo": "IMO9074729",
             "port": "0901", "eta": "2026-12-05T08:00:00+08:00", "bills": [bill(b1), bill(b2)]}
        path = os.path.join(s.dir, "m.jsonl")
        with open(path, "w") as f:
            f.write(json.dumps(m) + "\n")
            f.write(json.dumps(dict(m, filer="bad")) + "\n")
            f.write("{not json\n")
        p = s.cli("import", "manifests", path, check=False)
        eq(p.returncode, 1, p.stdout + p.stderr)
        assert "line 2: filer" in p.stdout and "line 3:" in p.stdout and "1 loaded, 2 refused" in p.stdout, p.stdout
        _, path_, body, _ = declaration(b1)
        with open(path, "w") as f:
            f.write(json.dumps(body) + "\n")
            f.write(json.dumps(dict(body, bill_no="NOSUCH")) + "\n")
        p = s.cli("import", "declarations", path, check=False)
        assert "line 2: bill_no" in p.stdout and "1 loaded, 1 refused" in p.stdout, p.stdout
        with open(path, "w") as f:
            f.write(json.dumps({"bills": [b1, b2]}) + "\n")
        # before the transport's arrival the line is refused with its rule; after it, loaded
        p = s.cli("import", "arrivals", path, check=False)
        assert "transport has not declared its arrival" in p.stdout and "0 loaded, 1 refused" in p.stdout, p.stdout
        mine = s.as_user("dl-trading", "GET", "/api/v1/manifests?bill_no=" + b1).json["items"]
        eq(len(mine), 1)
        eq(s.as_user("officer", "POST", "/api/v1/manifests/%s/arrived" % mine[0]["manifest_no"]).status, 200)
        p = s.cli("import", "arrivals", path)
        assert "1 loaded, 0 refused" in p.stdout, p.stdout
        listed = s.as_user("dl-trading", "GET", "/api/v1/declarations?limit=200").json["items"]
        assert any(d["bill_no"] == b1 for d in listed)


def register_release_first(test, eq, error_of):
    @test
    def release_first_inspect_later_for_bulk_ore(s):
        b = bill_no()
        m = manifest(s, [bill(b, gross=5000000)])
        eq(m.status, 201)
        ore = [{"hs_code": "2601111000", "name": "铁矿砂", "origin": "AU", "quantity": 5000000, "unit": "千克",
                "value": "4000000.00", "currency": "CNY", "gross_weight_kg": 5000000, "net_weight_kg": 4990000}]
        gears = [dict(ore[0], hs_code="8483409000", name="齿轮箱")]
        error_of(file(s, b, items=gears, release_first=True), 400, field="items[0].hs_code")
        # a district rule puts this ore in the red lane, so that an inspection is open at release
        rule = s.as_user("officer", "POST", "/api/v1/risk/rules",
                         {"name": "test: iron ore grade", "source": "district", "issuer": "test",
                          "scope": {"direction": "import"},
                          "conditions": [{"kind": "hs_prefix", "values": ["26011110"]}],
                          "action": {"lane": "red", "inspection": "manual"}, "note": "grade check"})
        eq(rule.status, 201, repr(rule))
        r = file(s, b, items=ore, release_first=True)
        eq(s.as_user("officer", "POST", "/api/v1/risk/rules/%s/suspend" % rule.json["id"]).status, 200)
        eq(r.status, 201, repr(r))
        eq(r.json["lane"], "red")
        e = r.json["entry_no"]
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        arrive(s, m)
        eq(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b]}).status, 201)
        due = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json["amount_due"]
        eq(due, "520000.00")   # no duty on iron ore, VAT 13%
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": due}).status, 201)
        d = s.as_user("officer", "GET", "/api/v1/declarations/" + e).json
        eq(d["status"], "released")   # released on arrival even if its inspection is still open
        tasks = [t for t in s.as_user("officer", "GET", "/api/v1/inspections").json["items"] if t["entry_no"] == e]
        eq(len(tasks), 1)
        if tasks:
            r = s.as_user("officer", "POST", "/api/v1/inspections/%d/result" % tasks[0]["id"],
                          {"result": "fail", "findings": "品位不符", "disposal": "return"})
            eq(r.status, 200, repr(r))
            d = s.as_user("officer", "GET", "/api/v1/declarations/" + e).json
            eq(d["status"], "released")
            assert "follow_up_required" in [t["event"] for t in d["timeline"]], d["timeline"]
        # two-stage admission needs pending samples
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/%s/permit-entry" % e), 409)


def register_order(test, eq, error_of):
    @test
    def declaration_list_pages_newest_first(s):
        seen, cursor = [], None
        for _ in range(4):
            path = "/api/v1/declarations?order=newest&limit=3" + ("&cursor=" + cursor if cursor else "")
            r = s.as_user("officer", "GET", path)
            eq(r.status, 200)
            seen += [d["entry_no"] for d in r.json["items"]]
            cursor = r.json["next_cursor"]
            if not cursor:
                break
        eq(seen, sorted(seen, reverse=True))
        eq(len(seen), len(set(seen)))
        assert len(seen) >= 6, seen
        error_of(s.as_user("officer", "GET", "/api/v1/declarations?order=random"), 400, field="order")


def register_order_inspection(test, eq, error_of):
    @test
    def officer_orders_an_inspection(s):
        b = bill_no()
        eq(manifest(s, [bill(b)]).status, 201)
        e = file(s, b).json["entry_no"]
        body = {"kind": "manual", "reason": "情报线索：疑似夹藏"}
        error_of(s.as_user("manager", "POST", "/api/v1/declarations/%s/inspection" % e, body), 403)
        error_of(s.as_user("dl-trading", "POST", "/api/v1/declarations/%s/inspection" % e, body), 403)
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/%s/inspection" % e, dict(body, kind="xray")), 400,
                 field="kind")
        r = s.as_user("officer", "POST", "/api/v1/declarations/%s/inspection" % e, body)
        eq(r.status, 201, repr(r))
        eq((r.json["status"], r.json["lane"]), ("inspection", "red"))
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/%s/inspection" % e, body), 409, field="status")
        # the enterprise sees that its goods are being inspected, never why
        mine = s.as_user("dl-trading", "GET", "/api/v1/declarations/" + e).json
        assert "情报" not in str(mine["timeline"]), mine["timeline"]
        task = [t for t in s.as_user("officer", "GET", "/api/v1/inspections").json["items"] if t["entry_no"] == e][0]
        eq(task["reason"], body["reason"])


def register_queue_paging(test, eq, error_of):
    @test
    def inspection_queue_pages_in_order(s):
        seen, cursor = [], None
        for _ in range(20):
            r = s.as_user("officer", "GET", "/api/v1/inspections?status=open&limit=2" + ("&cursor=" + cursor if cursor else ""))
            eq(r.status, 200, repr(r))
            seen += r.json["items"]
            cursor = r.json["next_cursor"]
            if not cursor:
                break
        ids = [t["id"] for t in seen]
        assert len(ids) >= 3, "the earlier tests leave open tasks: %r" % ids
        eq(len(ids), len(set(ids)))
        # green channel first, then certified enterprises' tasks (issue 20), then oldest first
        keys = [(not t["green_channel"], -t["priority"], t["created_at"], t["id"]) for t in seen]
        eq(keys, sorted(keys))
        assert all(t["lane"] in ("red", "yellow") and len(t["declarant"]) == 18 for t in seen), seen[:2]
        error_of(s.as_user("officer", "GET", "/api/v1/inspections?cursor=nonsense"), 400, field="cursor")
