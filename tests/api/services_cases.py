"""services_cases.py — API tests of enterprise services (issue 20), found by run_api_tests.py by
its name: the liaison platform's tour (an advanced-certified enterprise raises a tax-payment
problem, its coordinator opens it, answers citing a policy, resolves it and the enterprise
confirms: the three firsts are timestamps), every bad input of the issue refused naming its
field with nothing written, the steps a state forbids, reassignment, internal notes hidden
from the enterprise, escalation of a late first to the managers, visits by two officers and
campaigns, statistics and coordinators."""
import base64

import urllib.parse

from crash_test import uscc
from tax_cases import write_sql   # a change under the API: a deadline moved into the past

TRADING = "91210200241600015L"   # demo: 大连港通, advanced certified, coordinator "officer"
FISHERY = "91210200716215023J"   # demo: 大连海洋渔业
DEMO_ENTRY = "090120261000000001"  # the demo's declaration of 大连港通, with its tax bill
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def b64(data):
    return base64.b64encode(data).decode()


def problem(**kw):
    p = {"category": "tax_payment", "title": "税单无法支付", "text": "电子支付时提示税单状态异常，请协助核实。",
         "urgency": "urgent"}
    p.update(kw)
    return p


def count(s):
    return int(s.sql("SELECT COUNT(*) FROM liaison_problems")[0][0])


COD = "0303630000"


def draft(**item):
    """A draft import of frozen cod, right in every respect; item overrides its line."""
    it = {"hs_code": COD, "name": "冻鳕鱼", "elements": "0|0|冻、整条|大西洋鳕鱼Gadus morhua|无品牌|||",
          "origin": "NO", "quantity": 20000, "unit": "千克", "value": "500000.00", "currency": "CNY",
          "gross_weight_kg": 21000, "net_weight_kg": 20000}
    it.update(item)
    return {"direction": "import", "trade_country": "NO", "items": [it]}


def rules(r):
    return [(f["field"], f["rule"]) for f in r.json["findings"] if f["severity"] != "info"]


def q(text):
    return urllib.parse.quote(text)


def register_area(test, eq, error_of):
    @test
    def liaison_tour_three_firsts_are_timestamps(s):
        r = s.as_user("dl-trading", "POST", "/api/v1/liaison/problems", problem(
            links=[{"kind": "declaration", "ref": DEMO_ENTRY}, {"kind": "tax_bill", "ref": DEMO_ENTRY}],
            attachments=[{"name": "支付截图.pdf", "content_type": "application/pdf", "data": b64(PDF)}]))
        eq(r.status, 201, r.body)
        p = r.json
        no = p["problem_no"]
        eq(p["status"], "raised")
        # GACC's coordinator rules: an advanced-certified enterprise's problem goes to its coordinator
        eq(p["assignee"], "officer")
        eq(p["enterprise"], TRADING)
        eq(p["attachments"][0]["size"], len(PDF))
        eq(p["clocks"]["known"]["state"], "running")
        assert p["due_known_at"] <= p["due_studied_at"] <= p["due_solved_at"], p
        # another enterprise does not learn it exists
        error_of(s.as_user("dl-fishery", "GET", "/api/v1/liaison/problems/" + no), 404)
        lst = s.as_user("dl-fishery", "GET", "/api/v1/liaison/problems").json["items"]
        assert all(x["enterprise"] == FISHERY for x in lst), lst
        a = s.as_user("dl-trading", "GET", "/api/v1/liaison/problems/%s/attachments/1" % no)
        eq(a.status, 200)
        eq(a.header("Content-Type").split(";")[0], "application/pdf")
        eq(a.body.encode(), PDF)
        # known: the first time an officer opens it
        r = s.as_user("officer", "POST", "/api/v1/liaison/problems/%s/open" % no)
        eq(r.status, 200, r.body)
        eq(r.json["status"], "known")
        known = r.json["known_at"]
        assert known, r.json
        r = s.as_user("liaison2", "POST", "/api/v1/liaison/problems/%s/open" % no)
        eq(r.json["known_at"], known, "known is the first opening")
        eq(r.json["known_by"], "officer")
        # a reply without a policy is not yet studied; one citing a policy is
        r = s.as_user("officer", "POST", "/api/v1/liaison/problems/%s/messages" % no, {"text": "已收到，正在核实。"})
        eq(r.status, 201, r.body)
        eq(r.json["status"], "known")
        eq(r.json["studied_at"], None)
        r = s.as_user("officer", "POST", "/api/v1/liaison/problems/%s/messages" % no,
                      {"kind": "plan", "text": "核对税单与支付记录后重新推送。", "policy": "海关总署公告2017年第44号"})
        eq(r.json["status"], "studied")
        assert r.json["studied_at"], r.json
        s.as_user("officer", "POST", "/api/v1/liaison/problems/%s/messages" % no,
                  {"kind": "note", "text": "内部：银行端接口超时"})
        r = s.as_user("officer", "POST", "/api/v1/liaison/problems/%s/resolution" % no,
                      {"text": "税单已重新推送，可以支付。", "policy": "海关总署公告2017年第44号"})
        eq(r.status, 200, r.body)
        eq(r.json["status"], "resolved")
        eq(r.json["clocks"]["solved"]["state"], "met")
        # the enterprise sees the conversation, never the internal note
        mine = s.as_user("dl-trading", "GET", "/api/v1/liaison/problems/" + no).json
        eq([m["kind"] for m in mine["messages"]], ["reply", "plan", "resolution"])
        officers = s.as_user("officer", "GET", "/api/v1/liaison/problems/" + no).json
        assert "note" in [m["kind"] for m in officers["messages"]], officers
        # confirming a problem one did not raise
        error_of(s.as_user("dl-fishery", "POST", "/api/v1/liaison/problems/%s/confirm" % no, {"text": "好"}), 404)
        r = s.as_user("dl-trading", "POST", "/api/v1/liaison/problems/%s/confirm" % no, {"text": "已支付，谢谢。"})
        eq(r.status, 200, r.body)
        eq(r.json["status"], "solved")
        eq(r.json["solved_at"], r.json["resolved_at"], "solved at the resolution the enterprise confirmed")
        assert r.json["confirmed_at"], r.json
        for stage in ("known", "studied", "solved"):
            eq(r.json["clocks"][stage]["state"], "met", stage)
        st = s.as_user("manager", "GET", "/api/v1/liaison/statistics?by=category").json
        tax = [g for g in st["groups"] if g["key"] == "tax_payment"][0]
        assert tax["collected"] >= 1 and tax["solved"] >= 1, tax
        assert tax["known_minutes"]["count"] >= 1, tax
        co = s.as_user("officer", "GET", "/api/v1/liaison/coordinators?coordinator=officer").json
        eq(co["coordinators"][0]["coordinator"], "officer")
        assert TRADING in [e["uscc"] for e in co["coordinators"][0]["enterprise_list"]], co

    @test
    def liaison_a_problem_links_the_exporters_own_certificate(s):
        # issue 20 (links to "its own declarations, bills, tax bills or certificates"): the
        # certificate area offers its certificates through services' LIAISON_LINK_KINDS, by
        # number or by the application's id; the exporter's own only
        import certificate_cases  # a later area's cases: its helper issues one (an inspected export of dl-trading)
        cert = certificate_cases.issued(s, eq)
        cert_no, cert_id = cert["cert_no"], cert["id"]
        owner, other = "dl-trading", "dl-fishery"
        for ref in (cert_no, cert_id):
            r = s.as_user(owner, "POST", "/api/v1/liaison/problems",
                          problem(category="inspection_certificates", links=[{"kind": "certificate", "ref": ref}]))
            eq(r.status, 201, r.body)
            eq([(l["kind"], l["ref"]) for l in r.json["links"]], [("certificate", ref)])
        error_of(s.as_user(other, "POST", "/api/v1/liaison/problems",
                           problem(links=[{"kind": "certificate", "ref": cert_no}])), 400, "links[0].ref", "not_own")

    @test
    def liaison_bad_input_is_refused_with_nothing_written(s):
        before = count(s)
        # another enterprise's declaration, bill and tax bill (the same answer as one that does not exist)
        for kind in ("declaration", "tax_bill"):
            r = s.as_user("dl-fishery", "POST", "/api/v1/liaison/problems",
                          problem(links=[{"kind": kind, "ref": DEMO_ENTRY}]))
            error_of(r, 400, "links[0].ref", "not_own")
        r = s.as_user("dl-fishery", "POST", "/api/v1/liaison/problems",
                      problem(links=[{"kind": "bill", "ref": "COSU6281234560"}]))
        error_of(r, 400, "links[0].ref", "not_own")
        # a certificate (the certificate area's kind, LIAISON_LINK_KINDS) that is not the
        # enterprise's own, or none: the same refusal; an unknown kind names the kind
        error_of(s.as_user("dl-fishery", "POST", "/api/v1/liaison/problems",
                           problem(links=[{"kind": "certificate", "ref": "X1"}])), 400, "links[0].ref", "not_own")
        error_of(s.as_user("dl-fishery", "POST", "/api/v1/liaison/problems",
                           problem(links=[{"kind": "permit", "ref": "X1"}])), 400, "links[0].kind")
        # attachments: over the limit, bytes not of the declared type, a forbidden type
        big = PDF + b"0" * (256 * 1024)
        error_of(s.as_user("dl-trading", "POST", "/api/v1/liaison/problems", problem(
            attachments=[{"name": "a.pdf", "content_type": "application/pdf", "data": b64(big)}])),
            400, "attachments[0].data", "attachment_size")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/liaison/problems", problem(
            attachments=[{"name": "a.png", "content_type": "image/png", "data": b64(PDF)}])),
            400, "attachments[0].data", "attachment_type")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/liaison/problems", problem(
            attachments=[{"name": "a.exe", "content_type": "application/x-msdownload", "data": b64(b"MZ")}])),
            400, "attachments[0].content_type")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/liaison/problems", problem(
            attachments=[{"name": "a.pdf", "content_type": "application/pdf", "data": "%%%%"}])),
            400, "attachments[0].data")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/liaison/problems", problem(
            attachments=[{"name": "a.pdf", "content_type": "application/pdf", "data": b64(PDF)}] * 4)),
            400, "attachments")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/liaison/problems", problem(category="weather")),
                 400, "category")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/liaison/problems", problem(urgency="whenever")),
                 400, "urgency")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/liaison/problems", problem(status="solved")), 400, "status")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/liaison/problems", problem(text="")), 400, "text")
        # an officer does not raise an enterprise's problems
        error_of(s.as_user("officer", "POST", "/api/v1/liaison/problems", problem()), 403)
        eq(count(s), before, "nothing written")

    @test
    def liaison_steps_a_state_forbids_and_reopening(s):
        no = s.as_user("dl-trading", "POST", "/api/v1/liaison/problems",
                       problem(category="port_unloading", urgency="normal")).json["problem_no"]
        path = "/api/v1/liaison/problems/" + no
        error_of(s.as_user("officer", "POST", path + "/resolution", {"text": "已解决"}), 409, "status")
        error_of(s.as_user("dl-trading", "POST", path + "/confirm"), 409, "status")
        error_of(s.as_user("dl-trading", "POST", path + "/reopen", {"reason": "还没解决"}), 409, "status")
        error_of(s.as_user("officer", "POST", path + "/messages", {"kind": "plan", "text": "方案"}), 400, "policy",
                 "policy_required")
        error_of(s.as_user("dl-trading", "POST", path + "/messages", {"text": "补充", "policy": "某公告"}), 400,
                 "policy")
        error_of(s.as_user("dl-trading", "POST", path + "/messages", {"kind": "note", "text": "x"}), 400, "kind")
        error_of(s.as_user("officer", "POST", path + "/resolution", {"kind": "reply", "text": "x"}), 400, "kind")
        r = s.as_user("dl-trading", "POST", path + "/messages", {"text": "货物明天到港，请尽快。"})
        eq(r.status, 201, r.body)
        eq(r.json["status"], "raised", "an enterprise's message does not make it known")
        s.as_user("officer", "POST", path + "/messages", {"text": "已安排卸货监管。", "policy": "《海关监管作业场所管理办法》"})
        s.as_user("officer", "POST", path + "/resolution", {"text": "已完成卸货"})
        error_of(s.as_user("dl-trading", "POST", path + "/reopen", {}), 400, "reason")
        r = s.as_user("dl-trading", "POST", path + "/reopen", {"reason": "仍有两个集装箱未卸"})
        eq(r.status, 200, r.body)
        eq(r.json["status"], "studied")
        eq(r.json["reopened"], 1)
        eq(r.json["resolved_at"], None)
        eq(r.json["messages"][-1]["kind"], "reopening")
        # reassignment: an active officer with a reason, an internal step
        error_of(s.as_user("officer", "POST", path + "/assign", {"assignee": "nobody", "reason": "换人"}), 400,
                 "assignee")
        error_of(s.as_user("officer", "POST", path + "/assign", {"assignee": "liaison2"}), 400, "reason")
        r = s.as_user("officer", "POST", path + "/assign", {"assignee": "liaison2", "reason": "熟悉卸货业务"})
        eq(r.json["assignee"], "liaison2")
        error_of(s.as_user("officer", "POST", path + "/assign", {"assignee": "liaison2", "reason": "再次"}), 409,
                 "assignee")
        mine = s.as_user("dl-trading", "GET", path).json
        assert "assignment" not in [m["kind"] for m in mine["messages"]], mine
        eq(s.as_user("liaison2", "GET", "/api/v1/liaison/problems?assignee=liaison2").json["items"][0]["problem_no"],
           no)
        # an enterprise may not reassign, open or resolve
        error_of(s.as_user("dl-trading", "POST", path + "/open"), 403)
        error_of(s.as_user("dl-trading", "POST", path + "/assign", {"reason": "x1"}), 403)

    @test
    def liaison_queue_and_escalation_of_late_firsts(s):
        # an enterprise without a coordinator: the category's queue; the opener takes it
        r = s.as_user("officer", "PATCH", "/api/v1/enterprises/" + FISHERY, {"coordinator": None})
        eq(r.status, 200, r.body)
        try:
            p = s.as_user("dl-fishery", "POST", "/api/v1/liaison/problems",
                          problem(category="epidemic_supplies", title="防疫物资通关")).json
            eq(p["assignee"], None)
            queue = s.as_user("officer", "GET", "/api/v1/liaison/problems?queue=true&category=epidemic_supplies")
            assert p["problem_no"] in [x["problem_no"] for x in queue.json["items"]], queue.body
            co = s.as_user("officer", "GET", "/api/v1/liaison/coordinators").json
            assert FISHERY not in [e["uscc"] for e in co["advanced_without_coordinator"]], "general certified"
        finally:
            s.as_user("officer", "PATCH", "/api/v1/enterprises/" + FISHERY, {"coordinator": "officer"})
        no = p["problem_no"]
        write_sql(s, "UPDATE liaison_problems SET raised_ms = raised_ms - 86400000, due_known_ms = 1,"
                     " due_studied_ms = 2, due_solved_ms = 3 WHERE problem_no = '%s'" % no)
        out = s.cli("jobs", "run", "services.liaison_escalate").stdout
        assert out.startswith("services.liaison_escalate: ok"), out
        s.cli("jobs", "run", "services.liaison_escalate")   # safe to repeat: once per first
        g = s.as_user("manager", "GET", "/api/v1/liaison/problems/" + no).json
        eq(sorted(e["stage"] for e in g["escalations"]), ["known", "solved", "studied"])
        eq(g["clocks"]["known"]["state"], "breached")
        # the queue's breach filter (issue 16): only problems with a breach on record
        late = s.as_user("officer", "GET", "/api/v1/liaison/problems?breach=true&page=1&limit=100").json
        assert no in [x["problem_no"] for x in late["items"]], late
        for x in late["items"]:
            assert s.sql("SELECT COUNT(*) FROM liaison_escalations WHERE problem_no = '%s'" % x["problem_no"])[0][0]
        on_time = s.as_user("officer", "GET", "/api/v1/liaison/problems?breach=false&page=1&limit=100").json
        assert on_time["total"] >= late["total"], "breach=false is no filter"
        error_of(s.as_user("officer", "GET", "/api/v1/liaison/problems?breach=yes"), 400, "breach", "invalid")
        r = s.as_user("officer", "POST", "/api/v1/liaison/problems/%s/open" % no)
        eq(r.json["assignee"], "officer", "opened from the queue: the opener's")
        eq(r.json["clocks"]["known"]["state"], "breached", "known late")
        ev = s.sql("SELECT COUNT(*) FROM event_outbox WHERE type = 'liaison.escalated' AND subject_id = '%s'" % no)
        eq(int(ev[0][0]), 3)

    @test
    def liaison_visits_by_two_officers_and_campaigns(s):
        v = {"enterprise": TRADING, "kind": "site_visit", "at": "2026-11-20T10:00:00+08:00",
             "summary": "走访了解复工复产困难", "campaign": "百人千企", "helped": True}
        before = int(s.sql("SELECT COUNT(*) FROM liaison_visits")[0][0])
        error_of(s.as_user("officer", "POST", "/api/v1/liaison/visits", v), 400, "second_officer", "two_officers")
        error_of(s.as_user("officer", "POST", "/api/v1/liaison/visits", dict(v, second_officer="officer")), 400,
                 "second_officer", "two_officers")
        error_of(s.as_user("officer", "POST", "/api/v1/liaison/visits", dict(v, second_officer="dl-trading")), 400,
                 "second_officer")
        error_of(s.as_user("officer", "POST", "/api/v1/liaison/visits",
                           dict(v, second_officer="liaison2", at="2030-01-01T00:00:00+08:00")), 400, "at")
        error_of(s.as_user("officer", "POST", "/api/v1/liaison/visits",
                           dict(v, second_officer="liaison2", enterprise=uscc("9121020071099977"))), 400,
                 "enterprise")   # a well-formed USCC nobody registered
        eq(int(s.sql("SELECT COUNT(*) FROM liaison_visits")[0][0]), before, "nothing written")
        r = s.as_user("officer", "POST", "/api/v1/liaison/visits", dict(v, second_officer="liaison2"))
        eq(r.status, 201, r.body)
        eq(r.json["officer"], "officer")
        r = s.as_user("liaison2", "POST", "/api/v1/liaison/visits",
                      {"enterprise": FISHERY, "kind": "briefing", "at": "2026-11-21T14:00:00+08:00",
                       "summary": "宣讲RCEP原产地规则", "campaign": "百人千企"})
        eq(r.status, 201, r.body)
        c = [x for x in s.as_user("manager", "GET", "/api/v1/liaison/campaigns").json["items"]
             if x["campaign"] == "百人千企"][0]
        assert c["enterprises"] >= 2 and c["briefings"] >= 1 and c["helped"] >= 1, c
        lst = s.as_user("officer", "GET", "/api/v1/liaison/visits?campaign=百人千企".replace("百人千企", "%E7%99%BE%E4%BA%BA%E5%8D%83%E4%BC%81"))
        assert len(lst.json["items"]) >= 2, lst.body
        error_of(s.as_user("dl-trading", "GET", "/api/v1/liaison/visits"), 403)

    @test
    def navigation_search_ranks_the_line_with_its_path(s):
        r = s.as_user("dl-trading", "GET", "/api/v1/navigation/hs?q=%s&limit=5" % q("冻鳕鱼"))
        eq(r.status, 200, r.body)
        top = r.json["items"][0]
        eq((top["level"], top["code"]), ("line", COD))
        eq([p["code"] for p in top["path"]], ["I", "03", "0303", COD])
        eq(top["legal_units"], ["千克", None])
        eq([c["code"] for c in top["supervision"]], ["A", "B"])
        eq(top["inspection_code"], "P.R/Q.S")
        # the element list: brand type and export preference first, GTIN, CAS, other last
        names = [e["name"] for e in top["elements"]]
        eq(names[:2], ["品牌类型", "出口享惠情况"])
        eq(names[-3:], ["GTIN", "CAS", "其他"])
        eq(s.as_user("officer", "GET", "/api/v1/navigation/hs?q=frozen%20cod").json["items"][0]["code"], COD)
        eq(s.as_user("officer", "GET", "/api/v1/navigation/hs?q=8703").json["items"][0]["code"], "8703")
        # every section and chapter is there; a chapter's headings, browsed
        ch = s.as_user("dl-trading", "GET", "/api/v1/navigation/hs/03").json
        eq(len(ch["children"]), 9)
        eq(len(s.as_user("dl-trading", "GET", "/api/v1/navigation/hs/XV").json["children"]), 12)
        eq(s.as_user("dl-trading", "GET", "/api/v1/navigation/hs/77").json["name_en"][:9], "(Reserved")
        error_of(s.as_user("dl-trading", "GET", "/api/v1/navigation/hs/9999"), 404, "code")
        error_of(s.as_user("dl-trading", "GET", "/api/v1/navigation/hs"), 400, "q")

    @test
    def navigation_search_answers_every_heading_of_the_hs_2022(s):
        """Every heading of the nomenclature is held (1,228): goods the port's tariff lines do
        not cover are found by name in Chinese and English, with their path from the section."""
        def heading(query):
            r = s.as_user("dl-trading", "GET", "/api/v1/navigation/hs?q=%s&limit=20" % q(query))
            eq(r.status, 200, r.body)
            hits = [h for h in r.json["items"] if h["level"] == "heading"]
            assert hits, (query, r.body)
            return hits[0]
        h = heading("手提包")
        eq((h["code"], [p["code"] for p in h["path"]]), ("4202", ["VIII", "42", "4202"]))
        eq([p["level"] for p in h["path"]], ["section", "chapter", "heading"])
        h = heading("pianos")
        eq((h["code"], [p["code"] for p in h["path"]]), ("9201", ["XVIII", "92", "9201"]))
        assert h["name_zh"].startswith("钢琴"), h
        # new in HS 2022: flat panel display modules, e-waste, unmanned aircraft
        for query in ("平板显示模组", "flat panel display modules"):
            h = heading(query)
            eq((h["code"], [p["code"] for p in h["path"]]), ("8524", ["XVI", "85", "8524"]))
        eq(heading("电子电气废弃物")["code"], "8549")
        eq(heading("unmanned aircraft")["code"], "8806")
        # browsing: every heading of a chapter, none of the reserved 77, none deleted
        eq([c["code"] for c in s.as_user("officer", "GET", "/api/v1/navigation/hs/42").json["children"]],
           ["4201", "4202", "4203", "4205", "4206"])
        eq(len(s.as_user("officer", "GET", "/api/v1/navigation/hs/84").json["children"]), 87)
        eq(s.as_user("officer", "GET", "/api/v1/navigation/hs/77").json["children"], [])
        r = s.as_user("officer", "GET", "/api/v1/navigation/hs/8524")
        eq((r.status, r.json["level"], r.json["children"]), (200, "heading", []))
        error_of(s.as_user("officer", "GET", "/api/v1/navigation/hs/8107"), 404, "code")   # cadmium: 8112 since 2022
        total = sum(len(s.as_user("officer", "GET", "/api/v1/navigation/hs/%02d" % c).json["children"])
                    for c in range(1, 98))
        eq(total, 1228)

    @test
    def navigation_precheck_finds_each_fault_and_files_nothing(s):
        before = s.sql("SELECT MAX(seq) FROM audit_log")[0][0]
        r = s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", draft())
        eq(r.status, 200, r.body)
        eq(rules(r), [])
        eq(r.json["ok"], True)
        assert ("items[0].hs_code", "legal_inspection") in [(f["field"], f["rule"]) for f in r.json["findings"]]
        eq(r.json["lines"][0]["code"], COD)
        # a missing mandatory element (种类 left empty), a coded one outside its set, a short string
        r = s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck",
                      draft(elements="0|0|冻、整条||无品牌|||"))
        eq(rules(r), [("items[0].elements", "element_missing")])
        eq(r.json["ok"], False)
        assert "种类" in r.json["findings"][0]["message"], r.json
        eq(rules(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck",
                           draft(elements="7|0|冻|鳕鱼|无品牌|||"))), [("items[0].elements", "element_code")])
        eq(rules(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck",
                           draft(elements="0|0|冻|鳕鱼|无品牌"))), [("items[0].elements", "elements_count")])
        # the code: unknown at 10 digits, not 10 digits
        eq(rules(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", draft(hs_code="0303999999"))),
           [("items[0].hs_code", "hs_unknown")])
        eq(rules(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", draft(hs_code="030363"))),
           [("items[0].hs_code", "hs_format")])
        # weights, the legal unit, the reference price, countries and currency
        eq(rules(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", draft(net_weight_kg=22000))),
           [("items[0].net_weight_kg", "net_above_gross")])
        # decimals as the filing takes them (报关单填制规范: quantity to 5 places, kg to 3): a net
        # weight a gram above the gross is found, the same weights with the net below are clean
        heavy = draft(quantity="20000.12345", gross_weight_kg="21000.25", net_weight_kg="21000.251")
        r = s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", heavy)
        eq(rules(r), [("items[0].net_weight_kg", "net_above_gross")])
        heavy_msg = lambda r: [f["message"] for f in r.json["findings"] if f["rule"] == "net_above_gross"][0]
        assert "the net weight 21000.251 kg exceeds the gross weight 21000.25 kg" in heavy_msg(r), r.json
        # issue 16: the findings speak the request's language, as every answer does
        r = s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", heavy, headers={"Accept-Language": "zh-CN"})
        assert "净重21000.251千克大于毛重21000.25千克" in heavy_msg(r), r.json
        assert "Accept-Language" in (r.header("Vary") or ""), r.header("Vary")
        eq(rules(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck",
                           draft(quantity=20000.12345, gross_weight_kg="21000.25", net_weight_kg=20000.5))), [])
        error_of(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", draft(quantity="1.123456")), 400,
                 "items[0].quantity")
        eq(rules(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", draft(unit="箱"))),
           [("items[0].unit", "unit_not_legal")])
        r = s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", draft(value="5000.00"))
        eq(rules(r), [("items[0].value", "price_far_from_reference")])
        eq(r.json["ok"], True, "a warning does not stop a filing")
        eq(rules(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", draft(origin="XX", currency="ABC"))),
           [("items[0].origin", "invalid_country"), ("items[0].currency", "invalid_currency")])
        # crude oil needs the automatic import licence (监管条件 7); with it, nothing is missing
        oil = draft(hs_code="2709000000", name="原油", elements="0|0|原油|石油|无品牌|||", value="70000.00")
        eq(rules(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", oil)),
           [("licences", "licence_required")])
        oil["licences"] = [{"code": "7", "number": "AIL2026000123"}]
        eq(rules(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", oil)), [])
        # the draft's shape is still the field table's: unknown fields and wrong types are refused
        error_of(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", dict(draft(), entry_no="1")), 400,
                 "entry_no")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", dict(draft(), items=[])), 400, "items")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck",
                           dict(draft(), enterprise=FISHERY)), 400, "enterprise")
        eq(s.sql("SELECT MAX(seq) FROM audit_log")[0][0], before, "a pre-check writes nothing")

    @test
    def navigation_advance_rulings_are_offered_three_years(s):
        ruling = {"enterprise": TRADING, "kind": "classification", "hs_code": COD, "goods_name": "冻鳕鱼",
                  "decision": "整条冻大西洋鳕鱼归入税则号列03036300。", "issued_at": "2026-01-15T00:00:00+08:00"}
        error_of(s.as_user("dl-trading", "POST", "/api/v1/navigation/rulings", ruling), 403)
        error_of(s.as_user("officer", "POST", "/api/v1/navigation/rulings", dict(ruling, hs_code="0303999999")), 400,
                 "hs_code")
        error_of(s.as_user("officer", "POST", "/api/v1/navigation/rulings",
                           dict(ruling, issued_at="2031-01-01T00:00:00+08:00")), 400, "issued_at")
        r = s.as_user("officer", "POST", "/api/v1/navigation/rulings", ruling)
        eq(r.status, 201, r.body)
        # 海关预裁定管理暂行办法: valid three years from its issue
        eq(r.json["valid_to"], "2029" + r.json["issued_at"][4:], "three years to the day")
        no = r.json["ruling_no"]
        p = s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck", draft())
        assert no in [x["ruling_no"] for x in p.json["rulings"]], p.json
        p = s.as_user("dl-trading", "POST", "/api/v1/navigation/precheck",
                      draft(hs_code="0303130000", elements="0|0|冻|大西洋鲑鱼|无品牌|||", value="1200000.00"))
        eq(rules(p), [("items[0].hs_code", "ruling_differs")])
        # another enterprise neither sees nor is offered it
        eq([x for x in s.as_user("dl-fishery", "GET", "/api/v1/navigation/rulings").json["items"]
            if x["ruling_no"] == no], [])
        eq(s.as_user("dl-fishery", "POST", "/api/v1/navigation/precheck", draft()).json["rulings"], [])
        mine = s.as_user("dl-trading", "GET", "/api/v1/navigation/rulings?valid=true").json["items"]
        assert no in [x["ruling_no"] for x in mine], mine

    @test
    def aeo_facilitation_measured_per_level_and_month(s):
        r = s.as_user("manager", "GET", "/api/v1/aeo/facilitation?from=2026-01&to=2026-12")
        eq(r.status, 200, r.body)
        eq([m["month"] for m in r.json["months"]][:2], ["2026-01", "2026-02"])
        eq(len(r.json["months"]), 12)
        lv = {l["credit_level"]: l for l in r.json["months"][-1]["levels"]}
        eq(sorted(lv), ["advanced_certified", "dishonest", "general_certified", "general_credit"])
        # the policy's bounds (DESIGN §5): 20% and 50% of general credit's, dishonest at least 80%
        eq(lv["advanced_certified"]["bound_ppm"], 200000)
        eq(lv["general_certified"]["bound_ppm"], 500000)
        eq((lv["dishonest"]["bound"], lv["dishonest"]["bound_ppm"]), ("at_least_of_declarations", 800000))
        total = sum(l["screened"] for m in r.json["months"] for l in m["levels"])
        assert total >= 1, r.json   # the demo's declarations were screened
        levels = {e["credit_level"]: e for e in r.json["enterprises_by_level"]}
        assert levels["advanced_certified"]["enterprises"] >= 2, levels
        assert "a_year_ago" in levels["dishonest"] and "change_bp" in levels["dishonest"], levels
        error_of(s.as_user("manager", "GET", "/api/v1/aeo/facilitation?from=2026-13"), 400, "from")
        error_of(s.as_user("manager", "GET", "/api/v1/aeo/facilitation?from=2026-06&to=2026-01"), 400, "to")
        error_of(s.as_user("dl-trading", "GET", "/api/v1/aeo/facilitation"), 403)

    @test
    def aeo_level_history_with_the_reason_of_each_change(s):
        # the demo's shipyard was certified advanced (AEO) eight months ago
        h = s.as_user("manager", "GET", "/api/v1/aeo/levels/91210213005599016G").json["items"]
        eq([(x["credit_level"], x["previous_level"]) for x in h],
           [("advanced_certified", "general_certified"), ("general_certified", None)])
        assert "高级认证" in h[0]["reason"], h
        u = uscc("9121020071099988")
        r = s.as_user("officer", "POST", "/api/v1/enterprises",
                      {"uscc": u, "customs_code": "2102939988", "name_zh": "信用历史测试公司", "kind": "importer",
                       "credit_level": "general_credit", "coordinator": "officer"})
        eq(r.status, 201, r.body)
        r = s.as_user("officer", "PATCH", "/api/v1/enterprises/" + u,
                      {"credit_level": "general_certified", "credit_reason": "通过一般认证"})
        eq(r.status, 200, r.body)
        # a patch that leaves the level as it is adds no row
        s.as_user("officer", "PATCH", "/api/v1/enterprises/" + u, {"name_en": "Credit History Test Co."})
        h = s.as_user("officer", "GET", "/api/v1/aeo/levels/" + u).json["items"]
        eq([(x["seq"], x["credit_level"], x["reason"], x["changed_by"]) for x in h],
           [(2, "general_certified", "通过一般认证", "officer"), (1, "general_credit", "registered", "officer")])
        error_of(s.as_user("officer", "PATCH", "/api/v1/enterprises/" + u, {"credit_reason": "x"}), 400,
                 "credit_reason")
        error_of(s.as_user("manager", "GET", "/api/v1/aeo/levels/" + uscc("9121020071099999")), 404, "uscc")
        error_of(s.as_user("dl-trading", "GET", "/api/v1/aeo/levels/" + TRADING), 403)
