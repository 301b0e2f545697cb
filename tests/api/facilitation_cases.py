"""facilitation_cases.py — AEO facilitation where it acts on inspection (issue 20): a certified
enterprise's task comes first in the inspection queue, and a certified enterprise may ask that its
goods be inspected without it attending (查验免到场), the site operator's person assisting and
signing in its place. Both follow the credit level the declaration is treated by: the lower of
its owner's and its declarant's. Sources: 海关注册登记和备案企业信用管理办法 (GACC Decree 251, 2021:
certified enterprises' measures, 优先办理进出口货物通关手续); 海关进出口货物查验管理办法 (who attends an
inspection; without the consignee the site's operator assists and signs). Registered by
run_api_tests.py (register_area). Bills are this module's own (FAC…)."""
import itertools

from cargo_cases import FISHERY, TRADING, bill, file, manifest

BROKER = "91210213550001235J"
_seq = itertools.count(1)


def bill_no():
    return "FAC%010d" % next(_seq)


def register_area(test, eq, error_of):
    def inspected(s, who, uscc, consignee, kind="manual"):
        """A declaration filed by who (for consignee) and an inspection of kind ordered by an
        officer: its entry number."""
        b = bill_no()
        eq(manifest(s, [bill(b, consignee=consignee)]).status, 201)
        r = file(s, b, who=who, uscc=uscc, consignee=consignee)
        eq(r.status, 201, repr(r))
        e = r.json["entry_no"]
        if r.json["status"] != "inspection":
            o = s.as_user("officer", "POST", "/api/v1/declarations/%s/inspection" % e,
                          {"kind": kind, "reason": "AEO 便利测试"})
            eq(o.status, 201, repr(o))
        return e

    def task_of(s, e):
        r = s.as_user("officer", "GET", "/api/v1/inspections?status=open&q=" + e)
        eq(r.status, 200, repr(r))
        tasks = [t for t in r.json["items"] if t["entry_no"] == e]
        assert tasks, r.json
        return tasks[0]

    @test
    def a_certified_enterprises_inspection_comes_first_in_the_queue(s):
        # Decree 251: certified enterprises' clearance is handled first (优先办理); the broker's
        # general credit is the lower level of a declaration it makes for the advanced-certified
        # owner, so that one waits its turn like anyone's
        by_broker = inspected(s, "dl-broker", BROKER, TRADING)
        own = inspected(s, "dl-trading", TRADING, TRADING)
        general = inspected(s, "dl-fishery", FISHERY, FISHERY)
        eq([task_of(s, e)["priority"] for e in (own, general, by_broker)], [2, 1, 0])
        seen, cursor = [], None
        for _ in range(100):
            r = s.as_user("officer", "GET", "/api/v1/inspections?status=open&limit=50"
                          + ("&cursor=" + cursor if cursor else ""))
            eq(r.status, 200, repr(r))
            seen += [t["entry_no"] for t in r.json["items"]]
            cursor = r.json["next_cursor"]
            if not cursor:
                break
        # filed last but one, the advanced-certified owner's own task is ahead of the broker's
        assert seen.index(own) < seen.index(general) < seen.index(by_broker), (own, general, by_broker)

    @test
    def a_certified_enterprise_is_inspected_without_attending(s):
        e = inspected(s, "dl-trading", TRADING, TRADING)
        # another enterprise's declaration: not found, as everywhere
        error_of(s.as_user("dl-fishery", "POST", "/api/v1/declarations/%s/attendance-waiver" % e,
                           {"reason": "人员在外地"}), 404)
        error_of(s.as_user("dl-trading", "POST", "/api/v1/declarations/%s/attendance-waiver" % e, {}), 400,
                 field="reason")
        r = s.as_user("dl-trading", "POST", "/api/v1/declarations/%s/attendance-waiver" % e,
                      {"reason": "报关员出差，委托场站协助查验"})
        eq(r.status, 200, repr(r))
        assert "attendance_waived" in [t["event"] for t in r.json["timeline"]], r.json["timeline"]
        task = task_of(s, e)
        eq((task["attendance"]["status"], task["attendance"]["by"]), ("waived", "dl-trading"))
        # asked once: nothing is left awaiting the enterprise
        error_of(s.as_user("dl-trading", "POST", "/api/v1/declarations/%s/attendance-waiver" % e,
                           {"reason": "再次申请"}), 409, code="no_open_inspection")
        # 查验管理办法: without the consignee the site's operator assists and signs the record
        path = "/api/v1/inspections/%d/result" % task["id"]
        error_of(s.as_user("officer", "POST", path, {"result": "pass"}), 400, field="witness")
        r = s.as_user("officer", "POST", path, {"result": "pass", "findings": "货证相符",
                                                 "witness": "大窑湾场站 李明"})
        eq(r.status, 200, repr(r))
        eq((r.json["status"], r.json["attendance"]["witness"]), ("passed", "大窑湾场站 李明"))

    @test
    def inspection_without_attending_is_refused_below_certified(s):
        # the broker's general credit is the level the declaration is treated by, whoever asks
        e = inspected(s, "dl-broker", BROKER, TRADING)
        for who in ("dl-trading", "dl-broker"):
            error_of(s.as_user(who, "POST", "/api/v1/declarations/%s/attendance-waiver" % e,
                               {"reason": "不到场"}), 409, field="entry_no", code="credit_level")
        assert "attendance" not in task_of(s, e)
        # a document review has no one to attend
        d = inspected(s, "dl-trading", TRADING, TRADING, kind="document")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/declarations/%s/attendance-waiver" % d,
                           {"reason": "不到场"}), 409, code="no_open_inspection")

    @test
    def the_post_clearance_audit_plan_draws_fewer_certified_enterprises(s):
        # 海关注册登记和备案企业信用管理办法: fewer post-clearance audits (稽查) of certified
        # enterprises, more of dishonest ones; the shares (20%, 50%, every dishonest one) are the
        # district's choice, docs/services.md
        import datetime
        year = datetime.date.today().year + 1
        error_of(s.as_user("officer", "POST", "/api/v1/aeo/audit-plans", {"year": year}), 403)
        error_of(s.as_user("manager", "POST", "/api/v1/aeo/audit-plans", {"year": year - 2}), 400, field="year",
                 code="out_of_range")
        error_of(s.as_user("manager", "POST", "/api/v1/aeo/audit-plans", {"year": year, "base_ppm": 0}), 400,
                 field="base_ppm")
        error_of(s.as_user("manager", "GET", "/api/v1/aeo/audit-plans/%d" % year), 404, field="year")
        r = s.as_user("manager", "POST", "/api/v1/aeo/audit-plans", {"year": year, "base_ppm": 500000})
        eq(r.status, 201, repr(r))
        by = {l["credit_level"]: l for l in r.json["levels"]}
        eq([by[k]["rate_ppm"] for k in ("advanced_certified", "general_certified", "general_credit", "dishonest")],
           [100000, 250000, 500000, 1000000])
        eq(sum(l["enterprises"] for l in r.json["levels"]), r.json["enterprises"])
        # every dishonest enterprise is audited: the demo's e-commerce platform among them
        eq(by["dishonest"]["selected_ppm"], 1000000)
        assert "91210200765432104C" in [e["uscc"] for e in r.json["selected_enterprises"]], r.json
        error_of(s.as_user("manager", "POST", "/api/v1/aeo/audit-plans", {"year": year}), 409, code="plan_exists")
        got = s.as_user("manager", "GET", "/api/v1/aeo/audit-plans/%d" % year)
        eq((got.status, got.json["selected"], got.json["drawn_by"]), (200, r.json["selected"], "manager"))
