"""life_cases.py — API-suite cases of a declaration's life after filing (issue 15): the
credential every cargo and tax change is audited with, and (as they come) modification,
cancellation, return and refiling, amendment after release and re-assessment at the
transport's entry. Each rule has a refused and an accepted case; a refusal writes nothing."""
import datetime
import urllib.parse

from cargo_cases import arrive, bill as cargo_bill, bill_no, file, manifest
from tax_cases import TZ, fen, filed, write_sql


def register(test, eq, error_of):
    @test
    def a_cargo_change_and_a_tax_payment_name_the_credential(s):
        # issue 12 item 6 / issue 13 §1: the audit row of a filing (a session) and of a payment
        # (a machine's token) names the credential the change was made with
        _, e = filed(s)
        t = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json
        tok = s.cli("token", "create", "--user", "dl-trading", "--scopes", "tax").stdout.strip()
        eq(s.with_token(tok, "POST", "/api/v1/payments", {"entry_no": e, "amount": t["amount_due"]}).status, 201)
        rows = s.as_user("admin", "GET", "/api/v1/audit?object=declaration:%s" % e).json["items"]
        got = {row["action"]: row.get("credential") or "" for row in rows}
        assert got["declaration.file"].startswith("session:"), got
        rows = s.as_user("admin", "GET", "/api/v1/audit?object=tax:%s" % e).json["items"]
        got = {row["action"]: row.get("credential") or "" for row in rows}
        assert got["tax.pay"].startswith("token:"), got

    def ask(s, e, body, who="dl-trading"):
        return s.as_user(who, "POST", "/api/v1/declarations/%s/changes" % e, body)

    def decide(s, cid, verb="approve", who="officer", note=None):
        body = {"note": note} if note else None
        return s.as_user(who, "POST", "/api/v1/declaration-changes/%d/%s" % (cid, verb), body)

    def bill(s, e, at=None):
        return s.as_user("dl-trading", "GET", "/api/v1/tax/%s%s" % (e, "?at=" + urllib.parse.quote(at) if at else "")).json

    def status_of(s, e):
        return s.as_user("officer", "GET", "/api/v1/declarations/" + e).json["status"]

    def changes_of(s, e):
        return s.as_user("officer", "GET", "/api/v1/declarations/%s/changes" % e).json["items"]

    @test
    def a_modification_is_approved_by_customs_and_re_assessed(s):
        # 海关进出口货物报关单修改和撤销管理办法 (海关总署令第220号): the declarant asks with a
        # reason, customs approves; the tax is assessed again (an unpaid notice is re-issued)
        _, e = filed(s)
        eq(bill(s, e)["total"], "220.40")
        change = {"kind": "modify", "reason": "发票金额录入错误", "items": [{"line_no": 1, "value": "2000.00"}]}
        # refused, nothing written: an officer does not ask to modify; a change of nothing; a
        # field that is not changed this way; a value filing would refuse; no reason; a line
        # the declaration does not have; a party that is not the declarant
        error_of(ask(s, e, change, who="officer"), 403, "kind")
        error_of(ask(s, e, dict(change, items=[{"line_no": 1, "value": "1000.00"}])), 400, "items", "no_change")
        error_of(ask(s, e, dict(change, items=[{"line_no": 1, "unit": "件"}])), 400, "items[0].unit", "not_changeable")
        error_of(ask(s, e, dict(change, items=[{"line_no": 1, "value": "-5"}])), 400, "items[0].value")
        error_of(ask(s, e, dict(change, items=[{"line_no": 1, "net_weight_kg": 11}])), 400, "items[0].net_weight_kg",
                 "net_over_gross")
        error_of(ask(s, e, {"kind": "modify", "items": change["items"]}), 400, "reason")
        error_of(ask(s, e, dict(change, items=[{"line_no": 2, "value": "5.00"}])), 400, "items[0].line_no")
        error_of(ask(s, e, change, who="dl-fishery"), 404)
        eq(changes_of(s, e), [])
        # accepted: pending until an officer decides; one at a time
        r = ask(s, e, change)
        eq((r.status, r.json["status"], r.json["kind"]), (201, "pending", "modify"), r.body)
        cid = r.json["id"]
        error_of(ask(s, e, dict(change, items=[{"line_no": 1, "value": "3000.00"}])), 409, "entry_no", "pending")
        q = s.as_user("officer", "GET", "/api/v1/declaration-changes?status=pending").json["items"]
        assert any(x["id"] == cid for x in q), q
        error_of(decide(s, cid, "approve", who="dl-trading"), 403)
        error_of(decide(s, cid, "refuse"), 400, "note")   # a refusal says why
        r = decide(s, cid)
        eq((r.status, r.json["status"], r.json["outcome"]["tax"]["outcome"]), (200, "approved", "reissued"), r.body)
        error_of(decide(s, cid), 409, "id", "decided")
        # 2,000.00 yuan: duty 160.00, VAT (2,000 + 160) × 13% = 280.80
        t = bill(s, e)
        eq((t["status"], t["duty"], t["vat"], t["total"]), ("due", "160.00", "280.80", "440.80"))
        d = s.as_user("dl-trading", "GET", "/api/v1/declarations/" + e).json
        eq(d["items"][0]["value"], "2000.00")
        events = [x["event"] for x in d["timeline"]]
        for ev in ("change_requested", "rescreened", "tax_reassessed", "modified"):
            assert ev in events, events
        # a refused request changes nothing but its own status
        r = ask(s, e, dict(change, items=[{"line_no": 1, "value": "2500.00"}]))
        eq(decide(s, r.json["id"], "refuse", note="与合同不符").json["status"], "refused")
        eq(bill(s, e)["total"], "440.80")

    @test
    def a_cancellation_voids_the_bill_and_frees_the_bill_of_lading(s):
        # 令第220号: an approved cancellation; no late fee accrues on a void bill; its packages,
        # weight and containers are free for the next declaration; never released after it
        b = bill_no()
        m = manifest(s, [cargo_bill(b)])
        eq(m.status, 201, m.body)
        arrive(s, m)
        r = file(s, b, packages=100)
        eq(r.status, 201, r.body)
        e = r.json["entry_no"]
        error_of(file(s, b, packages=1), 409, "packages", "bill_packages")   # the bill is all declared
        error_of(ask(s, e, {"kind": "cancel", "reason": "合同取消", "items": []}), 400, "items")
        r = ask(s, e, {"kind": "cancel", "reason": "合同取消"})
        eq(r.status, 201, r.body)
        eq(decide(s, r.json["id"]).json["outcome"]["tax"]["outcome"], "void")
        eq(status_of(s, e), "cancelled")
        t = bill(s, e)
        eq((t["status"], t["amount_due"], t["late_fee"]), ("void", "0.00", "0.00"))
        # cancelling twice, modifying or releasing a cancelled declaration: refused
        error_of(ask(s, e, {"kind": "cancel", "reason": "再次撤单"}), 409, "kind", "cancelled")
        error_of(ask(s, e, {"kind": "modify", "reason": "改", "items": [{"line_no": 1, "value": "5.00"}]}), 409)
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/%s/release" % e), 409, "status")
        # the bill's packages are free again
        eq(file(s, b, packages=100).status, 201)
        # a paid bill, then cancelled: the tax comes back as a refund
        _, e2 = filed(s)
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e2, "amount": "220.40"}).status, 201)
        r = ask(s, e2, {"kind": "cancel", "reason": "重复申报"})
        out = decide(s, r.json["id"]).json["outcome"]["tax"]
        eq((out["outcome"], out["refund"]["total"]), ("void_and_refund", "220.40"))
        eq([(a["kind"], a["total"]) for a in bill(s, e2)["adjustments"]], [("refund", "220.40")])

    @test
    def a_returned_declaration_is_corrected_and_refiled_under_its_number(s):
        # 退单: an officer returns a filed declaration with a reason; the declarant corrects and
        # refiles it under the same entry number; the time it was back with the declarant is
        # its own segment
        _, e = filed(s)
        ret = "/api/v1/declarations/%s/return" % e
        refile = "/api/v1/declarations/%s/refile" % e
        error_of(s.as_user("officer", "POST", ret, {}), 400, "reason")
        error_of(s.as_user("dl-trading", "POST", ret, {"reason": "申报要素不全"}), 403)
        error_of(s.as_user("dl-trading", "POST", refile, {}), 409, "status", "not_returned")
        r = s.as_user("officer", "POST", ret, {"reason": "申报要素不全，请补充品牌型号"})
        eq((r.status, r.json["status"]), (200, "returned"), r.body)
        assert r.json["returned_at"], r.json
        error_of(s.as_user("officer", "POST", ret, {"reason": "再退"}), 409, "status")
        error_of(ask(s, e, {"kind": "modify", "reason": "改", "items": [{"line_no": 1, "value": "5.00"}]}), 409,
                 "kind", "returned")
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/%s/release" % e), 409, "status")
        error_of(s.as_user("dl-trading", "POST", refile, {"items": [{"line_no": 1, "quantity": 0}]}), 400,
                 "items[0].quantity")
        eq(status_of(s, e), "returned")
        r = s.as_user("dl-trading", "POST", refile,
                      {"reason": "已补充", "items": [{"line_no": 1, "elements": "1|0|用于机床|无品牌|型号GX-200",
                                                     "value": "1500.00"}]})
        eq((r.status, r.json["entry_no"], r.json["status"] in ("filed", "inspection")), (200, e, True), r.body)
        assert r.json["with_declarant_ms"] >= 0 and r.json["returned_at"] is None, r.json
        events = [x["event"] for x in r.json["timeline"]]
        assert events.index("returned") < events.index("refiled"), events
        # 1,500.00 yuan: duty 120.00, VAT (1,500 + 120) × 13% = 210.60, re-issued
        eq(bill(s, e)["total"], "330.60")

    @test
    def an_amendment_after_release_gives_a_supplementary_bill_or_a_refund(s):
        # 关税法 / 进出口关税条例 on 补征 and 退还; 征管办法: a supplementary bill has its own notice
        # and payment period. An amendment is opened by one officer, approved by another.
        clear2 = "officer2"   # the demo's second clearance officer
        b, e = filed(s)
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": "220.40"}).status, 201)
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        eq(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b]}).status, 201)
        eq(status_of(s, e), "released")
        amend = {"kind": "amend", "reason": "稽核发现低报价格", "items": [{"line_no": 1, "value": "1500.00"}]}
        # refused: the declarant modifying after release; the declarant amending; a field an
        # amendment does not change; approving one's own amendment
        error_of(ask(s, e, dict(amend, kind="modify")), 409, "kind", "released")
        error_of(ask(s, e, amend), 403, "kind")
        error_of(ask(s, e, dict(amend, items=[{"line_no": 1, "name": "齿轮"}]), who="officer"), 400, "items[0].name")
        r = ask(s, e, amend, who="officer")
        eq(r.status, 201, r.body)
        error_of(decide(s, r.json["id"]), 409, "id", "own_request")
        r = decide(s, r.json["id"], who=clear2)
        eq(r.status, 200, r.body)
        tax = r.json["outcome"]["tax"]
        # duty 120.00 − 80.00 = 40.00 is under 50 yuan: not levied; VAT 210.60 − 140.40 = 70.20
        eq((tax["outcome"], tax["supplementary"]["duty"], tax["supplementary"]["vat"],
            tax["supplementary"]["total"]), ("supplementary", "0.00", "70.20", "70.20"))
        sid = tax["supplementary"]["id"]
        t = bill(s, e)
        eq((t["status"], t["total"]), ("paid", "220.40"))   # the first notice stands
        sup = t["adjustments"][0]
        eq((sup["kind"], sup["status"], sup["amount_due"]), ("supplementary", "due", "70.20"))
        pay = "/api/v1/tax/supplementary/%d/payment" % sid
        money = lambda: {k: fen(v) for k, v in s.as_user("officer", "GET", "/api/v1/tax/summary").json.items()
                         if k in ("collected", "refunds", "outstanding")}
        before = money()
        error_of(s.as_user("dl-trading", "POST", pay, {"amount": "70.00"}), 400, "amount")
        error_of(s.as_user("dl-fishery", "POST", pay, {"amount": "70.20"}), 404)
        eq(s.as_user("dl-trading", "POST", pay, {"amount": "70.20"}).status, 201)
        # the revenue summary: a supplementary bill collected is tax collected into the treasury
        after = money()
        eq((after["collected"] - before["collected"], before["outstanding"] - after["outstanding"]), (7020, 7020))
        error_of(s.as_user("dl-trading", "POST", pay, {"amount": "70.20"}), 409, "id")
        eq(bill(s, e)["adjustments"][0]["status"], "paid")
        # the bill as it stood before the amendment: no supplementary bill yet
        eq(bill(s, e, at=t["issued_at"])["adjustments"], [])
        # a lower value: what was overpaid comes back. At 500.00 yuan duty is 40.00, under 50 yuan,
        # so all 80.00 of duty charged; VAT (500 + 40) × 13% = 70.20 of the 210.60 charged
        r = ask(s, e, dict(amend, items=[{"line_no": 1, "value": "500.00"}]), who=clear2)
        tax = decide(s, r.json["id"]).json["outcome"]["tax"]
        eq((tax["outcome"], tax["refund"]["duty"], tax["refund"]["vat"], tax["refund"]["total"]),
           ("refund", "80.00", "140.40", "220.40"))
        eq(money()["refunds"] - after["refunds"], 22040)

    @test
    def goods_declared_before_arrival_take_the_rate_of_the_transports_entry(s):
        # 关税法 / 进出口关税条例 第十五条: goods declared before arrival take the rates in force on
        # the day the transport declares entry; the bill is assessed again then (unpaid: re-issued;
        # paid: a supplementary bill). The rate in force "moves" here by changing the month's CHF
        # rate between the filing and the entry (no other case uses CHF).
        month = datetime.datetime.now(TZ).strftime("%Y-%m")
        write_sql(s, "DELETE FROM exchange_rates WHERE currency = 'CHF' AND month = '%s'" % month)
        write_sql(s, "INSERT INTO exchange_rates (currency, month, cny_micro) VALUES ('CHF', '%s', 8000000)" % month)
        b1, b2, b3 = bill_no(), bill_no(), bill_no()
        m = manifest(s, [cargo_bill(b) for b in (b1, b2, b3)])
        eq(m.status, 201, m.body)
        chf = [{"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
                "value": "1000.00", "currency": "CHF", "gross_weight_kg": 10, "net_weight_kg": 9}]
        e1 = file(s, b1, items=chf).json["entry_no"]
        e2 = file(s, b2, items=chf).json["entry_no"]
        e3 = file(s, b3).json["entry_no"]   # in CNY: no rate to move
        # 8,000.00 yuan: duty 640.00, VAT (8,000 + 640) × 13% = 1,123.20
        eq(bill(s, e1)["total"], "1763.20")
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e2, "amount": "1763.20"}).status, 201)
        write_sql(s, "UPDATE exchange_rates SET cny_micro = 8500000 WHERE currency = 'CHF' AND month = '%s'" % month)
        arrive(s, m)
        # unpaid, re-issued at 8,500.00 yuan: duty 680.00, VAT (8,500 + 680) × 13% = 1,193.40
        t = bill(s, e1)
        eq((t["status"], t["total"], t["lines"][0]["exchange_rate_micro"]), ("due", "1873.40", 8500000))
        # paid, a supplementary bill: duty 40.00 is under 50 yuan, VAT 70.20
        sup = bill(s, e2)["adjustments"]
        eq([(a["kind"], a["cause"], a["duty"], a["vat"]) for a in sup],
           [("supplementary", "transport_entry", "0.00", "70.20")])
        ev = lambda e: [x["event"] for x in s.as_user("officer", "GET", "/api/v1/declarations/" + e).json["timeline"]]
        assert "tax_reassessed" in ev(e1) and "tax_reassessed" in ev(e2), (ev(e1), ev(e2))
        assert "tax_reassessed" not in ev(e3), ev(e3)   # CNY: unchanged, nothing to say
        eq(bill(s, e3)["total"], "220.40")

    @test
    def exchange_rates_are_imported_per_month_as_customs_publishes_them(s):
        # 海关进出口货物征税管理办法: the month's rate is the one fixed on the third Wednesday of the
        # previous month; JPY is quoted per 100 yen
        import os
        import tempfile
        def load(text):
            fd, path = tempfile.mkstemp(suffix=".csv")
            with os.fdopen(fd, "w") as f:
                f.write(text)
            try:
                return s.cli("import", "exchange-rates", path, check=False)
            finally:
                os.unlink(path)
        rate = lambda cur: s.sql("SELECT cny_micro FROM exchange_rates WHERE currency = '%s' AND month = '2031-12'" % cur)
        # refused, nothing loaded: a fixing day that is not the third Wednesday of November 2031
        # (the 19th), a quote per 100 with six decimals, a quote per 10
        for bad in ("JPY,2031-12,4.7364,100,2031-11-20\n", "JPY,2031-12,4.736412,100\n", "HKD,2031-12,0.9123,10\n"):
            p = load("USD,2031-12,7.1098,1,2031-11-19\n" + bad)
            assert p.returncode != 0, (bad, p.stdout, p.stderr)
            eq((rate("USD"), rate("JPY")), ([], []), bad)
        p = load("currency,month,rate,per,fixed_on\nUSD,2031-12,7.1098,1,2031-11-19\nJPY,2031-12,4.7364,100,2031-11-19\n"
                 "EUR,2031-12,8.2345\n")
        eq(p.returncode, 0, p.stdout + p.stderr)
        eq((rate("USD"), rate("JPY"), rate("EUR")), ([["7109800"]], [["47364"]], [["8234500"]]))

    @test
    def a_two_step_completion_corrects_within_the_summary_and_keeps_its_lateness(s):
        # 海关总署公告2019年第127号 (两步申报): the complete declaration within 14 days of the
        # transport's entry, else the late-declaration fee of 海关征收进口货物滞报金办法; it may
        # correct the summary's goods, which are assessed again; its lateness stays on the record
        b = bill_no()
        m = manifest(s, [cargo_bill(b)])
        arrive(s, m)
        items = [{"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
                  "value": "100000.00", "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}]
        r = file(s, b, kind="summary", items=items)
        eq(r.status, 201, r.body)
        e = r.json["entry_no"]
        t = bill(s, e)   # duty 8,000.00, VAT 14,040.00
        eq(t["total"], "22040.00")
        eq(s.as_user("dl-trading", "POST", "/api/v1/tax/guarantees",
                     {"entry_no": e, "amount": t["total"], "guarantor": "中国银行大连分行"}).status, 201)
        # the transport declared entry 20 days ago: the completion is late
        write_sql(s, "UPDATE manifests SET arrived_ms = arrived_ms - %d WHERE manifest_no = '%s'"
                  % (20 * 86400000, m.json["manifest_no"]))
        done = "/api/v1/declarations/%s/complete" % e
        el = ["1|0|用于机床|无品牌|型号GX-200"]
        # refused, nothing written: a field a completion does not correct; an HS code outside the
        # summary's heading
        error_of(s.as_user("dl-trading", "POST", done, {"elements": el, "items": [{"line_no": 1, "name": "齿轮"}]}),
                 400, "items[0].name", "not_changeable")
        error_of(s.as_user("dl-trading", "POST", done,
                           {"elements": el, "items": [{"line_no": 1, "hs_code": "8458110090"}]}), 400,
                 "items[0].hs_code", "outside_summary")
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e).json["completed_at"], None)
        r = s.as_user("dl-trading", "POST", done, {"elements": el, "items": [{"line_no": 1, "value": "90000.00"}]})
        eq(r.status, 200, r.body)
        eq((r.json["completed_late"], r.json["items"][0]["value"]), (True, "90000.00"))
        ev = [x for x in r.json["timeline"] if x["event"] == "completed"][0]["detail"]
        assert ev["late"] and ev["days_late"] >= 1, ev
        # the guaranteed bill is lowered in place: duty 7,200.00, VAT (90,000 + 7,200) × 13% = 12,636.00;
        # the late-declaration fee is 0.05% of 90,000.00 a day, 45.00 yuan a day late
        t = bill(s, e)
        eq((t["status"], t["total"]), ("guaranteed", "19836.00"))
        eq(t["late_declaration"]["fee"], "%d.00" % (45 * ev["days_late"]))
        # in time: no lateness
        b2 = bill_no()
        m2 = manifest(s, [cargo_bill(b2)])
        arrive(s, m2)
        e2 = file(s, b2, kind="summary").json["entry_no"]
        r = s.as_user("dl-trading", "POST", "/api/v1/declarations/%s/complete" % e2, {"elements": el})
        eq((r.status, r.json["completed_late"]), (200, None), r.body)

    @test
    def a_late_completion_of_a_paid_summary_is_charged_on_a_fee_bill(s):
        # 海关总署公告2019年第127号 (两步申报) with 海关征收进口货物滞报金办法: a complete declaration
        # after its 14 days owes the late-declaration fee even when the summary's tax was paid;
        # the fee is charged on a supplementary bill of its own (cause late_completion), not only
        # recorded. Choice (docs/TAX_RULES.md): its own notice and 15-day period.
        b = bill_no()
        m = manifest(s, [cargo_bill(b)])
        arrive(s, m)
        items = [{"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
                  "value": "100000.00", "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}]
        e = file(s, b, kind="summary", items=items).json["entry_no"]
        t = bill(s, e)
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": t["amount_due"]}).status, 201)
        write_sql(s, "UPDATE manifests SET arrived_ms = arrived_ms - %d WHERE manifest_no = '%s'"
                  % (20 * 86400000, m.json["manifest_no"]))
        before = s.as_user("officer", "GET", "/api/v1/tax/summary").json["late_declaration_fees_collected"]
        r = s.as_user("dl-trading", "POST", "/api/v1/declarations/%s/complete" % e,
                      {"elements": ["1|0|用于机床|无品牌|型号GX-200"]})
        eq(r.status, 200, r.body)
        ev = [x for x in r.json["timeline"] if x["event"] == "completed"][0]["detail"]
        days = ev["days_late"]
        assert days >= 1, ev
        # 0.05% of 100,000.00 a day: 50.00 yuan for each day late, on its own bill
        fb = [a for a in bill(s, e)["adjustments"] if a["cause"] == "late_completion"]
        eq(len(fb), 1, fb)
        fb = fb[0]
        eq((fb["kind"], fb["status"], fb["late_declaration_fee"], fb["total"], fb["amount_due"]),
           ("supplementary", "due", "%d.00" % (50 * days), "%d.00" % (50 * days), "%d.00" % (50 * days)))
        eq(ev["fee_bill"]["id"], fb["id"])
        eq(bill(s, e)["status"], "paid")   # the first notice stays as it was paid
        # refused, nothing written: not exactly what the fee bill owes
        pay = "/api/v1/tax/supplementary/%d/payment" % fb["id"]
        error_of(s.as_user("dl-trading", "POST", pay, {"amount": "1.00"}), 400, "amount", "invalid")
        eq([a["status"] for a in bill(s, e)["adjustments"] if a["id"] == fb["id"]], ["due"])
        eq(s.as_user("dl-trading", "POST", pay, {"amount": fb["amount_due"]}).status, 201)
        eq([a["status"] for a in bill(s, e)["adjustments"] if a["id"] == fb["id"]], ["paid"])
        # the revenue summary counts it as a late-declaration fee collected
        after = s.as_user("officer", "GET", "/api/v1/tax/summary").json["late_declaration_fees_collected"]
        eq(fen(after) - fen(before), 5000 * days)
        # in time, a paid summary is charged nothing more
        b2 = bill_no()
        m2 = manifest(s, [cargo_bill(b2)])
        arrive(s, m2)
        e2 = file(s, b2, kind="summary", items=items).json["entry_no"]
        t2 = bill(s, e2)
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e2, "amount": t2["amount_due"]}).status,
           201)
        r = s.as_user("dl-trading", "POST", "/api/v1/declarations/%s/complete" % e2,
                      {"elements": ["1|0|用于机床|无品牌|型号GX-200"]})
        eq(r.status, 200, r.body)
        eq(bill(s, e2)["adjustments"], [])

    @test
    def a_dated_tariff_rate_is_the_one_in_force_on_the_day_that_decides(s):
        # 关税法 (and 进出口关税条例 第十五条): goods take the rate in force on the day the
        # declaration is accepted, or, declared before arrival, on the day their transport declares
        # entry; the district loads dated rates (haiguan import tariff-dated), each change audited.
        # Live horses (0101, no other case uses them), with illustrative rates.
        import os
        import tempfile
        today = datetime.datetime.now(TZ).date()
        def load(text):
            fd, path = tempfile.mkstemp(suffix=".csv")
            with os.fdopen(fd, "w") as f:
                f.write("hs_prefix,valid_from,valid_to,duty,vat,consumption,description\n" + text)
            try:
                return s.cli("import", "tariff-dated", path, check=False)
            finally:
                os.unlink(path)
        day = lambda n: (today + datetime.timedelta(days=n)).isoformat()
        rows = lambda: s.sql("SELECT valid_from_day, duty_ppm FROM tariff_dated_rates WHERE hs_prefix = '0101'")
        p = load("0101,%s,,10,9,0,live horses\n" % day(0))
        eq(p.returncode, 0, p.stdout + p.stderr)
        # refused, nothing loaded: a period overlapping the one in force, one ending before it starts
        for bad in ("0101,%s,%s,12,9,0\n" % (day(5), day(30)), "0102,%s,%s,12,9,0\n" % (day(3), day(1))):
            p = load("0103,%s,,5,9,0\n" % day(0) + bad)
            assert p.returncode != 0, (bad, p.stdout, p.stderr)
            eq(s.sql("SELECT COUNT(*) FROM tariff_dated_rates WHERE hs_prefix IN ('0102', '0103')"), [["0"]])
        eq(len(rows()), 1)
        b = bill_no()
        m = manifest(s, [cargo_bill(b)])
        horses = [{"hs_code": "0101210010", "name": "改良种用马", "origin": "IE", "quantity": 2, "unit": "匹",
                   "value": "100000.00", "currency": "CNY", "gross_weight_kg": 1200, "net_weight_kg": 1100}]
        r = file(s, b, items=horses)
        eq(r.status, 201, r.body)
        e = r.json["entry_no"]
        # filed before arrival at 10%: duty 10,000.00, VAT (100,000 + 10,000) × 9% = 9,900.00
        t = bill(s, e)
        eq((t["duty"], t["vat"], t["lines"][0]["rates_of"], t["lines"][0]["tariff_valid_from"]),
           ("10000.00", "9900.00", day(0), day(0)))
        # the rate in force from today becomes 15% before the transport declares entry (the same
        # first day again replaces it), audited with what it was
        eq(load("0101,%s,,15,9,0,live horses\n" % day(0)).returncode, 0)
        audit = s.as_user("admin", "GET", "/api/v1/audit?object=tariff_dated_rate:0101@" + day(0)).json["items"]
        eq(len(audit), 2, audit)
        arrive(s, m)
        # re-assessed at the entry: duty 15,000.00, VAT (100,000 + 15,000) × 9% = 10,350.00
        t = bill(s, e)
        eq((t["status"], t["duty"], t["vat"], t["total"]), ("due", "15000.00", "10350.00", "25350.00"))
        # a code with no dated rate in force takes the undated tariff, and says so
        eq(bill(s, file_cny(s))["lines"][0]["tariff_valid_from"], None)

    def file_cny(s):
        b = bill_no()
        m = manifest(s, [cargo_bill(b)])
        arrive(s, m)
        return file(s, b).json["entry_no"]

    @test
    def clearance_time_keeps_the_time_with_the_declarant_apart(s):
        # 退单 (海关总署令第220号's return for correction): the time a returned declaration spent with
        # its declarant is its own clearance-time segment, not customs' declaration -> release.
        # A declaration released on port 0906 (no other case uses it) is given the times of one
        # returned for an hour: arrived an hour before filing, released three hours after it.
        b = bill_no()
        m = manifest(s, [cargo_bill(b)], port="0906")
        arrive(s, m)
        r = file(s, b, port="0906")
        eq(r.status, 201, r.body)
        e = r.json["entry_no"]
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": bill(s, e)["amount_due"]})
           .status, 201)
        # released (whatever its lane: the times are what the case is about)
        write_sql(s, "UPDATE declarations SET status = 'released', filed_ms = filed_ms - 10800000, "
                     "released_ms = filed_ms, with_declarant_ms = 3600000 "
                     "WHERE entry_no = '%s'" % e)
        write_sql(s, "UPDATE manifests SET arrived_ms = (SELECT filed_ms FROM declarations WHERE entry_no = '%s') "
                     "- 3600000 WHERE manifest_no = '%s'" % (e, m.json["manifest_no"]))
        g = s.as_user("manager", "GET", "/api/v1/stats/clearance-time?port=0906&group=month").json["groups"]
        eq(len(g), 1, g)
        eq((g[0]["arrival_to_declaration"]["mean_hours"], g[0]["declaration_to_release"]["mean_hours"],
            g[0]["with_declarant"]["mean_hours"], g[0]["total"]["mean_hours"]), ("1.00", "2.00", "1.00", "4.00"))
