"""tax_cases.py — API-suite cases of the tax rules (docs/TAX_RULES.md names each rule's
source): the 50-yuan thresholds, the payment period on the working-day calendar and the due
date it shows, checked arithmetic, guarantees from a known guarantor or accepted by a tax
officer, deferrals only against a guarantee, waivers only of late fees accrued and approved
by a second tax officer, guarantees that lapse, and the revenue summary by month and tax kind.
Each rule has a refused and an accepted case; a refusal writes nothing."""
import datetime
import urllib.parse

import harness
from cargo_cases import arrive, bill, bill_no, file, manifest, register_producer

TZ = datetime.timezone(datetime.timedelta(hours=8))
DAY_MS = 86400000


def yuan(fen):
    return "%s%d.%02d" % ("-" if fen < 0 else "", abs(fen) // 100, abs(fen) % 100)


def fen(s):
    whole, _, frac = s.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def filed(s, value="1000.00", **extra):
    """A declaration filed on a bill of its own, whose transport the carrier's agent has
    declared arrived (issue 14: goods are reported arrived only after their transport)."""
    b = bill_no()
    m = manifest(s, [bill(b)])
    assert m.status == 201, repr(m)
    arrive(s, m)
    items = [{"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
              "value": value, "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}]
    r = file(s, b, items=items, **extra)
    assert r.status == 201, repr(r)
    return b, r.json["entry_no"]


def write_sql(s, query):
    """Runs a change directly on the server's database and commits it (s.sql only reads)."""
    if s.is_pg():
        harness.psql(s.db, query)
        return
    import sqlite3
    con = sqlite3.connect(s.db, timeout=30)
    try:
        con.execute(query)
        con.commit()
    finally:
        con.close()


def backdate(s, e, days):
    """Moves a bill's issue and deadlines `days` into the past, as if it had been issued then."""
    write_sql(s, "UPDATE tax_bills SET issued_ms = issued_ms - %d, last_free_day = last_free_day - %d, "
                 "period_last_day = period_last_day - %d WHERE entry_no = '%s'" % (days * DAY_MS, days, days, e))


def bill_of(s, e, at=None, who="dl-trading"):
    q = "?at=" + urllib.parse.quote(at) if at else ""
    return s.as_user(who, "GET", "/api/v1/tax/%s%s" % (e, q)).json


def second_tax_officer(s):
    if "tax2" not in harness.DEMO_PASSWORDS:
        s.cli("user", "add", "tax2", "--role", "officer", "--post", "tax", stdin="tax2-password-2026\n")
        harness.DEMO_PASSWORDS["tax2"] = "tax2-password-2026"
    return "tax2"


def register(test, eq, error_of):
    @test
    def each_tax_under_50_yuan_is_not_levied(s):
        # 征管办法 / 关税法: duty 24.00 and VAT 42.12 on one ticket are each under 50 yuan: billed
        # 0.00, and the release is not held (it was billed 66.12 and held)
        b, e = filed(s, value="300.00")
        t = bill_of(s, e)
        eq((t["status"], t["total"], t["duty"], t["vat"]), ("none", "0.00", "0.00", "0.00"))
        eq(t["assessed"], {"duty": "24.00", "consumption_tax": "0.00", "vat": "42.12"})
        eq(sorted(t["not_levied"]), ["duty", "vat"])
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        eq(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b]}).status, 201)
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e).json["status"], "released")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": "0.00"}), 409)
        # accepted: 1,000.00 yuan gives duty 80.00 and VAT 140.40, both levied
        _, e2 = filed(s)
        t = bill_of(s, e2)
        eq((t["status"], t["total"], t["not_levied"]), ("due", "220.40", []))

    @test
    def due_date_is_the_last_day_without_a_fee(s):
        # 进出口关税条例 / 征管办法: 15 days from the day after issue; a last day on a rest day moves
        # to the next working day of the district's table; due_date is that day in Asia/Shanghai
        # (it showed the day before)
        _, e = filed(s)
        t = bill_of(s, e)
        issued = datetime.datetime.fromisoformat(t["issued_at"].replace("Z", "+00:00")).astimezone(TZ).date()
        table = dict(s.sql("SELECT date, kind FROM holidays"))
        last = issued + datetime.timedelta(days=15)
        while table.get(last.isoformat()) == "holiday" or (last.weekday() >= 5 and
                                                           table.get(last.isoformat()) != "workday"):
            last += datetime.timedelta(days=1)
        eq(t["due_date"], last.isoformat())
        on = bill_of(s, e, last.isoformat() + "T23:59:59+08:00")
        eq((on["late_fee"], on["late_days"], on["overdue"]), ("0.00", 0, False))
        after = bill_of(s, e, (last + datetime.timedelta(days=1)).isoformat() + "T00:00:01+08:00")
        eq((after["late_days"], after["overdue"]), (1, True))
        eq(after["late_fee"], "0.00")   # 0.05% of 80.00 and of 140.40: each under 50 yuan

    @test
    def amounts_never_wrap(s):
        # every amount in checked integer arithmetic: a maximal declaration (ten items of motor
        # cars at the largest value a declaration takes, in USD) is assessed, but its late fee on
        # 9999-12-31 is out of range and answered as such, never a figure wrapped around 2^64
        b = bill_no()
        eq(manifest(s, [bill(b, gross=20000)]).status, 201)
        car = {"hs_code": "8703231990", "name": "小轿车", "origin": "DE", "quantity": 1, "unit": "辆",
               "value": "1000000000000.00", "currency": "USD", "gross_weight_kg": 1500, "net_weight_kg": 1400}
        # one VIN each (GB 16735), check digits per ISO 3779
        vins = ["WVWZZZ1J0XW000001", "WVWZZZ1J2XW000002", "WVWZZZ1J4XW000003", "WVWZZZ1J6XW000004",
                "WVWZZZ1J8XW000005", "WVWZZZ1JXXW000006", "WVWZZZ1J1XW000007", "WVWZZZ1J3XW000008",
                "WVWZZZ1J5XW000009", "WVWZZZ1J1XW000010"]
        r = file(s, b, items=[dict(car, vins=v) for v in vins])
        eq(r.status, 201, repr(r))
        e = r.json["entry_no"]
        t = bill_of(s, e)
        eq(t["lines"][0]["dutiable_value"], "7120000000000.00")
        eq(t["duty"], "10680000000000.00")     # 15% of 7,120,000,000,000.00, ten times
        r = s.as_user("dl-trading", "GET", "/api/v1/tax/%s?at=%s" % (e, urllib.parse.quote("9999-12-31T12:00:00+08:00")))
        error_of(r, 400, field="at", code="out_of_range")
        # declared values are bounded: one fen more than the largest is refused, nothing written
        n = s.sql("SELECT COUNT(*) FROM tax_bills")
        error_of(file(s, b, items=[dict(car, value="1000000000000.01")]), 400, field="items[0].value")
        eq(s.sql("SELECT COUNT(*) FROM tax_bills"), n)

    @test
    def a_guarantee_secures_only_from_a_known_guarantor_or_an_officer(s):
        b, e = filed(s)
        total = bill_of(s, e)["total"]
        # refused: short of the tax, or valid for less than the payment period
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                           {"entry_no": e, "amount": "1.00", "guarantor": "中国银行大连分行"}), 400, field="amount")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                           {"entry_no": e, "amount": total, "guarantor": "中国银行大连分行",
                            "valid_until": "2026-01-01T00:00:00+08:00"}), 409, field="valid_until")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                           {"entry_no": e, "amount": total, "kind": "cash"}), 400, field="kind")
        eq(s.sql("SELECT COUNT(*) FROM tax_guarantees WHERE entry_no = '%s'" % e), [["0"]])
        # a guarantor the district does not know ("xx") secures nothing until a tax officer accepts
        r = s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees", {"entry_no": e, "amount": total, "guarantor": "xx"})
        eq(r.status, 201, repr(r))
        eq((r.json["status"], r.json["guarantee_request"]["status"]), ("due", "pending"))
        gid = r.json["guarantee_request"]["id"]
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        eq(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b]}).status, 201)
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e).json["status"], "filed")   # tax not secured
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees", {"entry_no": e, "amount": total,
                                                                             "guarantor": "yy"}), 409)
        pend = s.as_user("officer", "GET", "/api/v1/tax/guarantees?status=pending&entry_no=" + e).json["items"]
        eq([g["id"] for g in pend], [gid])
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees/%d/accept" % gid), 403)
        r = s.as_user("officer", "POST", "/api/v1/tax/guarantees/%d/accept" % gid, {"note": "核实保函真实有效"})
        eq((r.status, r.json["status"]), (200, "active"))
        error_of(s.as_user("officer", "POST", "/api/v1/tax/guarantees/%d/reject" % gid), 409, field="status")
        eq(bill_of(s, e)["status"], "guaranteed")
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e).json["status"], "released")
        # a known bank's letter secures at once
        _, e2 = filed(s)
        r = s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                      {"entry_no": e2, "amount": bill_of(s, e2)["total"], "guarantor": "中国银行大连分行",
                       "letter_no": "BOC-DL-0001"})
        eq((r.status, r.json["status"], r.json["guarantee_request"]["status"]), (201, "guaranteed", "active"))
        eq(r.json["guarantee_valid_until"], r.json["due_date"])
        # paying releases the guarantee
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e2, "amount": r.json["amount_due"]}).status,
           201)
        eq(s.as_user("officer", "GET", "/api/v1/tax/guarantees?entry_no=" + e2).json["items"][0]["status"], "released")

    @test
    def deferral_only_against_a_guarantee_for_six_months(s):
        _, e = filed(s)
        t = bill_of(s, e)
        issued = datetime.datetime.fromisoformat(t["issued_at"].replace("Z", "+00:00")).astimezone(TZ)
        until = (issued + datetime.timedelta(days=60)).isoformat()
        n = s.sql("SELECT COUNT(*) FROM tax_decisions")
        # 关税法 (延期缴纳): no guarantee, no deferral
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/deferrals",
                           {"entry_no": e, "until": until, "reason": "资金周转困难"}), 409, field="entry_no")
        g = s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                      {"entry_no": e, "amount": t["total"], "guarantor": "中国银行大连分行",
                       "valid_until": (issued + datetime.timedelta(days=30)).isoformat()})
        eq(g.status, 201, repr(g))
        # a deferral cannot outlast its guarantee, nor six calendar months
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/deferrals",
                           {"entry_no": e, "until": until, "reason": "资金周转困难"}), 409, field="until")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/deferrals",
                           {"entry_no": e, "until": (issued + datetime.timedelta(days=190)).isoformat(),
                            "reason": "资金周转困难"}), 409, field="until")
        eq(s.sql("SELECT COUNT(*) FROM tax_decisions"), n)
        within = (issued + datetime.timedelta(days=25)).isoformat()
        r = s.as_user("dl-trading", "POST", "/api/v1/tax/deferrals", {"entry_no": e, "until": within, "reason": "资金周转困难"})
        eq(r.status, 201, repr(r))
        eq(s.as_user("officer", "POST", "/api/v1/tax/decisions/%d/approve" % r.json["id"]).status, 200)
        d = bill_of(s, e)
        eq((d["status"], d["due_date"]), ("deferred", (issued + datetime.timedelta(days=25)).date().isoformat()))
        # past the deferral the bill is overdue and accrues, deferred or not
        past = bill_of(s, e, (issued + datetime.timedelta(days=27)).isoformat())
        eq((past["overdue"], past["late_days"]), (True, 2))

    @test
    def waivers_only_of_fees_accrued_by_a_second_officer(s):
        _, e = filed(s, value="400000.00")   # duty 32,000.00, VAT 56,160.00
        # 征管办法 (减免滞纳金): nothing has accrued, nothing to waive (a waiver before the fee gave
        # 74 days of immunity)
        n = s.sql("SELECT COUNT(*) FROM tax_decisions")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/waivers", {"entry_no": e, "reason": "港口封航三天"}), 409,
                 field="entry_no")
        eq(s.sql("SELECT COUNT(*) FROM tax_decisions"), n)
        backdate(s, e, 30)   # issued 30 days ago: its last free day was about two weeks ago
        t = bill_of(s, e)
        days = t["late_days"]
        assert days >= 10, t
        fee = sum(f if f >= 5000 else 0 for f in ((x * 5 * days + 5000) // 10000 for x in (3200000, 5616000)))
        eq(t["late_fee"], yuan(fee))
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/waivers",
                           {"entry_no": e, "reason": "港口封航三天", "amount": yuan(fee + 1)}), 409, field="amount")
        # a tax officer proposes; the proposer cannot approve it; a second tax officer can
        r = s.as_user("officer", "POST", "/api/v1/tax/waivers", {"entry_no": e, "reason": "港口封航三天，不可抗力",
                                                                 "amount": yuan(fee - 100)})
        eq(r.status, 201, repr(r))
        eq(r.json["amount"], yuan(fee - 100))
        error_of(s.as_user("officer", "POST", "/api/v1/tax/decisions/%d/approve" % r.json["id"]), 409, field="id")
        r = s.as_user(second_tax_officer(s), "POST", "/api/v1/tax/decisions/%d/approve" % r.json["id"],
                      {"note": "同意减免"})
        eq((r.status, r.json["status"], r.json["amount"]), (200, "approved", yuan(fee - 100)))
        t = bill_of(s, e)
        eq((t["late_fee"], t["late_fee_waived_amount"]), ("1.00", yuan(fee - 100)))
        # what accrues after the waiver is owed
        later = datetime.datetime.now(TZ) + datetime.timedelta(days=3)
        eq(bill_of(s, e, later.isoformat())["late_days"], days + 3)
        assert fen(bill_of(s, e, later.isoformat())["late_fee"]) > 100
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": t["amount_due"]}).status, 201)
        summary = s.as_user("officer", "GET", "/api/v1/tax/summary").json
        month = datetime.datetime.now(TZ).strftime("%Y-%m")
        m = [x for x in summary["months"] if x["month"] == month][0]
        assert fen(m["late_fees_waived"]) >= fee - 100, m
        assert fen(m["late_fees_collected"]) >= 100, m
        assert fen(m["by_kind"]["vat"]["collected"]) >= 5616000, m

    @test
    def a_deposit_lapsing_unpaid_is_converted(s):
        _, e = filed(s)
        t = bill_of(s, e)
        r = s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees", {"entry_no": e, "amount": "300.00", "kind": "deposit"})
        eq((r.status, r.json["guarantee_request"]["status"]), (201, "pending"))
        eq(s.as_user("officer", "POST", "/api/v1/tax/guarantees/%d/accept" % r.json["guarantee_request"]["id"]).status,
           200)
        # the validity (the payment period) ends unpaid: 保证金转税款
        backdate(s, e, 20)
        write_sql(s, "UPDATE tax_guarantees SET valid_until_day = valid_until_day - 20 WHERE entry_no = '%s'" % e)
        eq(bill_of(s, e)["overdue"], True)
        p = s.cli("tax", "lapse-guarantees")
        assert "converted" in p.stdout, p.stdout
        t = bill_of(s, e)
        eq((t["status"], t["amount_due"]), ("paid", "0.00"))
        eq(s.as_user("officer", "GET", "/api/v1/tax/guarantees?entry_no=" + e).json["items"][0]["status"], "converted")
        eq(s.cli("tax", "lapse-guarantees", "--at", "yesterday", check=False).returncode, 2)
        eq(s.cli("tax", "lapse-guarantees", "--nope", check=False).returncode, 2)

    @test
    def overdue_covers_guaranteed_and_deferred_bills(s):
        _, e = filed(s)
        t = bill_of(s, e)
        eq(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                     {"entry_no": e, "amount": t["total"], "guarantor": "中国银行大连分行"}).status, 201)
        backdate(s, e, 20)
        over = s.as_user("officer", "GET", "/api/v1/tax/bills?overdue=true&limit=200").json["items"]
        row = [x for x in over if x["entry_no"] == e]
        eq([(x["status"], x["overdue"]) for x in row], [("guaranteed", True)])

    @test
    def a_late_declaration_owes_the_late_declaration_fee(s):
        # 《海关征收进口货物滞报金办法》: declared more than 14 days after the transport declared
        # entry: 0.05% of the CIF value a day from the 15th day, in whole yuan, not under 50 yuan
        table = dict(s.sql("SELECT date, kind FROM holidays"))

        def working(d):
            k = table.get(d.isoformat())
            return k == "workday" or (k != "holiday" and d.weekday() < 5)

        today = datetime.datetime.now(TZ).date()
        items = [{"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
                  "value": "400000.00", "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}]
        for ago, late in ((30, True), (3, False)):
            b = bill_no()
            r = manifest(s, [bill(b)])
            eq(r.status, 201, repr(r))
            entry = datetime.datetime.combine(today - datetime.timedelta(days=ago), datetime.time(8, 0), TZ)
            # the manifest was filed before its transport arrived (issue 14: an arrival is never
            # before its manifest), so it is moved back with the arrival
            write_sql(s, "UPDATE manifests SET created_ms = created_ms - %d WHERE manifest_no = '%s'"
                      % ((ago + 1) * DAY_MS, r.json["manifest_no"]))
            r = s.as_user("dl-agent", "POST", "/api/v1/manifests/%s/arrived" % r.json["manifest_no"],
                          {"at": entry.isoformat()})
            eq(r.status, 200, repr(r))
            r = file(s, b, items=items)
            eq(r.status, 201, repr(r))
            t = bill_of(s, r.json["entry_no"])
            last = entry.date() + datetime.timedelta(days=14)
            while not working(last):
                last += datetime.timedelta(days=1)
            days = max(0, (today - last).days)
            eq(t["late_declaration"]["days"], days)
            fee = (40000000 * 5 * days // 10000) // 100 * 100
            fee = fee if fee >= 5000 else 0
            eq(t["late_declaration"]["fee"], yuan(fee))
            eq(late, fee > 0)
            # it is owed with the tax: duty 32,000.00 + VAT 56,160.00
            eq(t["amount_due"], yuan(8816000 + fee))
            if late:
                error_of(s.as_user("dl-trading", "POST", "/api/v1/payments",
                                   {"entry_no": r.json["entry_no"], "amount": "88160.00"}), 400, field="amount")
                eq(s.as_user("dl-trading", "POST", "/api/v1/payments",
                             {"entry_no": r.json["entry_no"], "amount": t["amount_due"]}).status, 201)

    @test
    def the_working_shows_the_valuation(s):
        # 《海关审定进出口货物完税价格办法》: the dutiable value is the CIF value, converted at the
        # month's rate; a declaration's price is taken as CIF until it declares other terms
        b = bill_no()
        eq(manifest(s, [bill(b)]).status, 201)
        items = [{"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
                  "value": "100000.00", "currency": "USD", "gross_weight_kg": 10, "net_weight_kg": 9}]
        r = file(s, b, items=items)
        eq(r.status, 201, repr(r))
        line = bill_of(s, r.json["entry_no"])["lines"][0]
        eq((line["price_terms"], line["price"], line["freight"], line["insurance"], line["cif_value"]),
           ("CIF", "100000.00", "0.00", "0.00", "100000.00"))
        eq((line["currency"], line["exchange_rate_micro"], line["dutiable_value"]), ("USD", 7120000, "712000.00"))

    @test
    def the_rate_kind_is_chosen_by_origin_and_named(s):
        # 关税法 (rate kinds): MFN goods take the provisional rate where there is one; an origin
        # without MFN treatment takes the general rate, no provisional
        import os
        path = os.path.join(s.dir, "kinds.csv")
        with open(path, "w") as f:
            f.write("hs_prefix,general,provisional\n0805,30,5\n")
        assert "1 loaded" in s.cli("import", "tariff-rate-kinds", path).stdout
        with open(path, "w") as f:
            f.write("country,note\nAQ,no MFN treatment (test)\n")
        assert "1 loaded" in s.cli("import", "general-rate-origins", path).stdout
        with open(path, "w") as f:
            f.write("0805,ES,bilateral,某协定,3\n")   # refused: the kind; nothing loaded
        eq(s.cli("import", "agreement-rates", path, check=False).returncode, 1)
        eq(s.sql("SELECT COUNT(*) FROM tariff_agreement_rates WHERE hs_prefix = '0805'"), [["0"]])
        for origin, kind, ppm in (("ES", "provisional", 50000), ("AQ", "general", 300000)):
            b = bill_no()
            eq(manifest(s, [bill(b)]).status, 201)
            register_producer(s, origin + "-TAX-0805", origin, categories="0805")   # food (令第248号)
            items = [{"hs_code": "0805100000", "name": "鲜橙", "origin": origin, "quantity": 1000, "unit": "千克",
                      "value": "10000.00", "currency": "CNY", "gross_weight_kg": 1000, "net_weight_kg": 950,
                      "producer": origin + "-TAX-0805"}]
            r = file(s, b, items=items, trade_country="ES")
            eq(r.status, 201, repr(r))
            line = bill_of(s, r.json["entry_no"])["lines"][0]
            eq((line["duty_rate_kind"], line["duty_rate_ppm"], line["origin"]), (kind, ppm, origin))
            eq(line["duty"], yuan(1000000 * ppm // 1000000))

    @test
    def revenue_summary_by_month_and_kind(s):
        r = s.as_user("manager", "GET", "/api/v1/tax/summary")
        eq(r.status, 200, repr(r))
        for k in ("duty", "consumption_tax", "vat"):
            assert set(r.json["by_kind"][k]) >= {"assessed", "collected", "deferred", "guaranteed", "refunds"}, r.json
        assert all(len(m["month"]) == 7 for m in r.json["months"]), r.json
        error_of(s.as_user("manager", "GET", "/api/v1/tax/summary?from=now"), 400, field="from")
        error_of(s.as_user("dl-trading", "GET", "/api/v1/tax/summary"), 403)

    @test
    def a_general_guarantee_secures_many_bills_up_to_its_amount_for_its_period(s):
        # 海关事务担保条例 (总担保: one guarantee for a period and an amount covering many
        # declarations) and GACC's announcements on 汇总征税 (each declaration draws on it, the
        # amount comes back when the tax is paid): accepted by a tax officer, refused once
        # exhausted or when it does not run to the end of the payment period
        G = "/api/v1/tax/general-guarantees"
        now = datetime.datetime.now(TZ)
        until = (now + datetime.timedelta(days=60)).isoformat()
        body = {"guarantor": "中国银行大连分行", "letter_no": "BOC-ZDB-2026-01", "amount": "3000.00",
                "valid_until": until}
        # refused, nothing written: longer than twelve months, no amount, starting in the past, an officer
        error_of(s.as_user("dl-trading", "POST", G, dict(body, valid_until=(now + datetime.timedelta(days=400))
                                                         .isoformat())), 400, "valid_until")
        error_of(s.as_user("dl-trading", "POST", G, dict(body, amount="0.00")), 400, "amount")
        error_of(s.as_user("dl-trading", "POST", G, dict(body, valid_from=(now - datetime.timedelta(days=3))
                                                         .isoformat())), 400, "valid_from")
        error_of(s.as_user("dl-trading", "POST", G, dict(body, kind="general")), 400, "kind")
        error_of(s.as_user("officer", "POST", G, body), 403)
        eq(s.sql("SELECT COUNT(*) FROM tax_general_guarantees WHERE letter_no = 'BOC-ZDB-2026-01'"), [["0"]])
        r = s.as_user("dl-trading", "POST", G, body)
        eq((r.status, r.json["status"], r.json["available"]), (201, "pending", "3000.00"), r.body)
        gid = r.json["id"]
        # a pending general guarantee secures nothing
        _, e1 = filed(s, value="10000.00")   # duty 800.00, VAT 1,404.00
        t1 = bill_of(s, e1)
        eq(t1["total"], "2204.00")
        draw = {"entry_no": e1, "amount": t1["total"], "kind": "general", "general_guarantee_id": gid}
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees", draw), 409, "general_guarantee_id")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees", dict(draw, general_guarantee_id="x")),
                 400, "general_guarantee_id")
        # the enterprise does not accept its own; the tax officer does
        error_of(s.as_user("dl-trading", "POST", "%s/%d/accept" % (G, gid)), 403)
        r = s.as_user("officer", "POST", "%s/%d/accept" % (G, gid), {"note": "保函核实"})
        eq((r.status, r.json["status"], r.json["decided_by"]), (200, "active", "officer"), r.body)
        error_of(s.as_user("officer", "POST", "%s/%d/reject" % (G, gid)), 409, "status")
        # a bill draws on it: guaranteed at once, 796.00 left
        r = s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees", draw)
        eq((r.status, r.json["status"], r.json["guarantee_request"]["general_available"]),
           (201, "guaranteed", "796.00"), r.body)
        # exhausted: a second bill of 2,204.00 is refused, nothing written
        _, e2 = filed(s, value="10000.00")
        draw2 = dict(draw, entry_no=e2)
        err = error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees", draw2), 409, "general_guarantee_id")
        assert "796.00" in err["message"], err
        eq(s.sql("SELECT COUNT(*) FROM tax_guarantees WHERE entry_no = '%s'" % e2), [["0"]])
        eq(bill_of(s, e2)["status"], "due")
        # the enterprise sees its own, with the bills it secures; another enterprise does not
        mine = [g for g in s.as_user("dl-trading", "GET", G).json["items"] if g["id"] == gid][0]
        eq((mine["used"], mine["available"], [x["entry_no"] for x in mine["draws"]]), ("2204.00", "796.00", [e1]))
        eq([g for g in s.as_user("dl-fishery", "GET", G).json["items"] if g["id"] == gid], [])
        # paying the first bill restores the amount; the second bill may then draw
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e1, "amount": t1["amount_due"]}).status, 201)
        eq([g for g in s.as_user("dl-trading", "GET", G).json["items"] if g["id"] == gid][0]["available"], "3000.00")
        r = s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees", draw2)
        eq((r.status, r.json["status"]), (201, "guaranteed"), r.body)
        # a general guarantee that ends before the payment period does is refused; one whose period
        # has passed shows as expired and secures nothing
        r = s.as_user("dl-trading", "POST", G, dict(body, letter_no="BOC-ZDB-2026-02"))
        g2 = r.json["id"]
        eq(s.as_user("officer", "POST", "%s/%d/accept" % (G, g2)).status, 200)
        _, e3 = filed(s, value="10000.00")
        write_sql(s, "UPDATE tax_general_guarantees SET valid_until_day = %d WHERE id = %d"
                  % (int(now.timestamp() // 86400) + 2, g2))
        err = error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                                 dict(draw, entry_no=e3, general_guarantee_id=g2)), 409, "general_guarantee_id")
        assert "payment period" in err["message"], err
        write_sql(s, "UPDATE tax_general_guarantees SET valid_until_day = valid_until_day - 10 WHERE id = %d" % g2)
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                           dict(draw, entry_no=e3, general_guarantee_id=g2)), 409, "general_guarantee_id")
        expired = [g["id"] for g in s.as_user("officer", "GET", G + "?status=expired").json["items"]]
        assert g2 in expired and gid not in expired, expired
        eq(bill_of(s, e3)["status"], "due")
        # a rejected one secures nothing either
        g3 = s.as_user("dl-trading", "POST", G, dict(body, letter_no="XX-1")).json["id"]
        eq(s.as_user("officer", "POST", "%s/%d/reject" % (G, g3), {"note": "担保人不明"}).json["status"], "rejected")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                           dict(draw, entry_no=e3, general_guarantee_id=g3)), 409, "general_guarantee_id")
        error_of(s.as_user("officer", "GET", G + "?status=gone"), 400, "status")

    @test
    def the_declaration_carries_price_terms_and_a_certificate_of_origin(s):
        # 关税法 and 海关审定进出口货物完税价格办法: the dutiable value is the CIF value; FOB adds freight
        # and insurance (3‰ of price and freight when unknown); an agreement rate needs the
        # certificate of origin (RCEP for Japanese lathes in the demo's tariff)
        def item(**extra):
            it = {"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
                  "value": "100000.00", "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}
            it.update(extra)
            return it
        def filing(**extra):
            b = bill_no()
            arrive(s, manifest(s, [bill(b)]))
            return file(s, b, items=[item(**extra)])
        # refused, nothing written: a freight added to a CIF price, unknown price terms, a
        # certificate number that is not one
        n = s.sql("SELECT COUNT(*) FROM declarations")
        error_of(filing(price_terms="CIF", freight="5000.00"), 400, "items[0].price_terms")
        error_of(filing(price_terms="DDP"), 400, "items[0].price_terms")
        error_of(filing(certificate_no="证书 1"), 400, "items[0].certificate_no")
        eq(s.sql("SELECT COUNT(*) FROM declarations"), n)
        # FOB 100,000.00 + freight 5,000.00 + insurance 3‰ of 105,000.00 = 315.00: CIF 105,315.00,
        # duty 8% 8,425.20, VAT (105,315.00 + 8,425.20) × 13% = 14,786.23
        r = filing(price_terms="FOB", freight="5000.00")
        eq(r.status, 201, r.body)
        eq((r.json["items"][0]["price_terms"], r.json["items"][0]["freight"]), ("FOB", "5000.00"))
        t = bill_of(s, r.json["entry_no"])
        ln = t["lines"][0]
        eq((ln["price_terms"], ln["insurance"], ln["insurance_estimated"], ln["cif_value"], ln["dutiable_value"]),
           ("FOB", "315.00", True, "105315.00", "105315.00"))
        eq((t["duty"], t["vat"]), ("8425.20", "14786.23"))
        # a Japanese lathe with its certificate of origin takes the RCEP rate (6.3%), without it the MFN 9.5%
        lathe = dict(hs_code="8458110090", name="数控车床", origin="JP")
        t = bill_of(s, filing(certificate_no="RCEP-JP-2026-0001", **lathe).json["entry_no"])
        eq((t["lines"][0]["duty_rate_kind"], t["lines"][0]["certificate_no"], t["duty"]),
           ("conventional", "RCEP-JP-2026-0001", "6300.00"))
        t = bill_of(s, filing(**lathe).json["entry_no"])
        eq((t["lines"][0]["duty_rate_kind"], t["duty"]), ("mfn", "9500.00"))
