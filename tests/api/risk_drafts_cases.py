"""risk_drafts_cases.py — API tests of risk rules as officers work them (issue 16, "risk rules
by name"): a rule saved as a draft never screens until an officer activates it on purpose (who
and when kept and audited), a rule outside its validity dates does not hit, and a rule is tried
on chosen filed declarations without activating it (which would hit, and the lane they would
get). Registered by run_api_tests.py (register_area). Bills are this module's own (RDR…)."""
import itertools

from cargo_cases import bill, file, manifest

_seq = itertools.count(1)


def bill_no():
    return "RDR%010d" % next(_seq)


def rule(bill_no_, **extra):
    r = {"name": "试用布控 trial on bill %s" % bill_no_, "source": "district", "issuer": "test",
         "scope": {"direction": "import"}, "conditions": [{"kind": "bill_no", "values": [bill_no_]}],
         "action": {"lane": "red", "inspection": "document"}, "note": "issue 16"}
    r.update(extra)
    return r


def screen_decl(bill_no_, i):
    return {"id": "RDRSCREEN%06d" % i, "direction": "import", "bill_no": bill_no_,
            "items": [{"hs_code": "8483409000", "origin": "DE"}]}


def register_area(test, eq, error_of):
    def hits(s, body, rid):
        r = s.as_user("officer", "POST", "/api/v1/risk/screen", body)
        eq(r.status, 200, repr(r))
        return [h for h in r.json["hits"] if h["rule_id"] == rid]

    @test
    def a_draft_rule_never_screens_until_an_officer_activates_it(s):
        # Choice (docs/RULES.md): a draft is saved whole and checked like any rule, but the
        # compiled set indexes active rules only; activation names who and when.
        b = bill_no()
        r = s.as_user("officer", "POST", "/api/v1/risk/rules", dict(rule(b), status="draft"))
        eq(r.status, 201, repr(r))
        rid = r.json["id"]
        eq(r.json["status"], "draft")
        assert "activated_at" not in r.json, r.json
        # refused: the draft does not screen, cannot be resumed or suspended, managers cannot act
        eq(hits(s, screen_decl(b, 1), rid), [])
        error_of(s.as_user("officer", "POST", "/api/v1/risk/rules/%d/resume" % rid), 409, field="status",
                 code="rule_draft")
        error_of(s.as_user("officer", "POST", "/api/v1/risk/rules/%d/suspend" % rid), 409, field="status",
                 code="rule_draft")
        error_of(s.as_user("manager", "POST", "/api/v1/risk/rules/%d/activate" % rid), 403)
        error_of(s.as_user("officer", "POST", "/api/v1/risk/rules",
                           dict(rule(b), status="active")), 400, field="status", code="read_only")
        # a draft is changed as a draft
        p = s.as_user("officer", "PATCH", "/api/v1/risk/rules/%d" % rid, {"note": "checked"})
        eq((p.status, p.json["status"]), (200, "draft"))
        eq(s.as_user("officer", "GET", "/api/v1/risk/rules?status=draft&limit=200").status, 200)
        assert rid in [i["id"] for i in
                       s.as_user("officer", "GET", "/api/v1/risk/rules?status=draft&limit=200").json["items"]]
        # accepted: activated on purpose, it screens from the next declaration
        a = s.as_user("officer", "POST", "/api/v1/risk/rules/%d/activate" % rid)
        eq(a.status, 200, repr(a))
        eq((a.json["status"], a.json["activated_by"]), ("active", "officer"))
        assert a.json["activated_at"], a.json
        eq(len(hits(s, screen_decl(b, 2), rid)), 1)
        error_of(s.as_user("officer", "POST", "/api/v1/risk/rules/%d/activate" % rid), 409, field="status",
                 code="not_draft")
        # a patch cannot forge the activation
        error_of(s.as_user("officer", "PATCH", "/api/v1/risk/rules/%d" % rid, {"activated_by": "x"}), 400,
                 field="activated_by")
        rows = s.as_user("admin", "GET", "/api/v1/audit?object=risk_rule:%d" % rid).json["items"]
        act = [row for row in rows if row["action"] == "risk.rule.activate"]
        eq(len(act), 1)
        eq((act[0]["actor"], act[0]["before"]["status"], act[0]["after"]["status"]), ("officer", "draft", "active"))
        assert act[0]["credential"].startswith("session:"), act[0]
        # a rule created without status is active at once, as headquarters' instructions arrive,
        # and names its creator as the one who put it in force
        h = s.as_user("officer", "POST", "/api/v1/risk/rules", rule(bill_no(), source="hq"))
        eq((h.status, h.json["status"], h.json["activated_by"]), (201, "active", "officer"))
        s.as_user("officer", "POST", "/api/v1/risk/rules/%d/suspend" % rid)
        s.as_user("officer", "POST", "/api/v1/risk/rules/%d/suspend" % h.json["id"])

    @test
    def a_rule_outside_its_validity_dates_does_not_hit(s):
        # 海关布控指令: an instruction has a period of validity; valid_from <= at < valid_to
        b = bill_no()
        made = []
        try:
            for name, frm, to in (("future", "2099-01-01T00:00:00+08:00", None),
                                  ("past", "2020-01-01T00:00:00+08:00", "2021-01-01T00:00:00+08:00"),
                                  ("now", "2020-01-01T00:00:00+08:00", "2099-01-01T00:00:00+08:00")):
                body = rule(b, name="validity %s %s" % (name, b), valid_from=frm)
                if to:
                    body["valid_to"] = to
                r = s.as_user("officer", "POST", "/api/v1/risk/rules", body)
                eq(r.status, 201, repr(r))
                made.append((name, r.json))
            by = dict(made)
            eq(by["past"]["status"], "expired")
            # refused: before its valid_from and after its valid_to it does not hit
            eq(hits(s, screen_decl(b, 10), by["future"]["id"]), [])
            eq(hits(s, screen_decl(b, 10), by["past"]["id"]), [])
            # accepted: inside its dates it does
            eq(len(hits(s, screen_decl(b, 10), by["now"]["id"])), 1)
            # an inverted period is refused naming valid_to
            error_of(s.as_user("officer", "POST", "/api/v1/risk/rules",
                               rule(b, valid_from="2027-01-01T00:00:00+08:00", valid_to="2026-01-01T00:00:00+08:00")),
                     400, field="valid_to")
        finally:
            for _, r in made:
                s.as_user("officer", "POST", "/api/v1/risk/rules/%d/suspend" % r["id"])

    @test
    def a_rule_is_tried_on_chosen_filed_declarations_without_activating_it(s):
        b, other = bill_no(), bill_no()
        eq(manifest(s, [bill(b), bill(other)]).status, 201)
        f1, f2 = file(s, b), file(s, other)
        eq((f1.status, f2.status), (201, 201), repr(f1))
        e1, e2 = f1.json["entry_no"], f2.json["entry_no"]
        eq(f1.json["lane"], "green")
        d = s.as_user("officer", "POST", "/api/v1/risk/rules", dict(rule(b), status="draft"))
        rid = d.json["id"]
        before = s.as_user("manager", "GET", "/api/v1/risk/stats").json["screenings"]
        t = s.as_user("officer", "POST", "/api/v1/risk/rules/%d/try" % rid,
                      {"declarations": [e1, e2, "090120269999999990"]})
        eq(t.status, 200, repr(t))
        eq(t.json["rule_id"], rid)
        assert t.json["in_force"] is True, t.json
        res = {x["declaration_id"]: x for x in t.json["results"]}
        eq((res[e1]["hit"], res[e1]["fired"], res[e1]["lane_without"], res[e1]["lane_with"]),
           (True, True, "green", "red"))
        eq(res[e1]["matched"], [{"kind": "bill_no", "value": b}])
        eq((res[e2]["hit"], res[e2]["lane_with"]), (False, "green"))
        eq(res["090120269999999990"]["screened"], False)
        # a read: nothing screened for real, the draft still a draft, the declaration still green
        eq(s.as_user("manager", "GET", "/api/v1/risk/stats").json["screenings"], before)
        eq(s.as_user("officer", "GET", "/api/v1/risk/rules/%d" % rid).json["status"], "draft")
        eq(s.as_user("officer", "GET", "/api/v1/declarations/%s" % e1).json["lane"], "green")
        # refused: no list, a number, too many, unknown fields, unknown rule, an enterprise
        path = "/api/v1/risk/rules/%d/try" % rid
        error_of(s.as_user("officer", "POST", path, {}), 400, field="declarations")
        error_of(s.as_user("officer", "POST", path, {"declarations": []}), 400, field="declarations")
        error_of(s.as_user("officer", "POST", path, {"declarations": [e1, 7]}), 400, field="declarations[1]")
        error_of(s.as_user("officer", "POST", path, {"declarations": [e1] * 51}), 400, field="declarations")
        error_of(s.as_user("officer", "POST", path, {"declarations": [e1], "x": 1}), 400, code="unknown_field")
        error_of(s.as_user("officer", "POST", "/api/v1/risk/rules/999999/try", {"declarations": [e1]}), 404)
        error_of(s.as_user("dl-trading", "POST", path, {"declarations": [e1]}), 403)

    @test
    def risk_rules_list_newest_first_searched_sorted_and_paged(s):
        # issue 16: lists open newest first, with a search box, sorting, numbered pages and 共 N 条
        tag = bill_no()
        ids = []
        for name in ("b", "a", "c"):   # ASCII: the same order under every collation
            r = s.as_user("officer", "POST", "/api/v1/risk/rules",
                          dict(rule(tag, name="list %s %s" % (tag, name)), status="draft"))
            eq(r.status, 201, repr(r))
            ids.append(r.json["id"])
        got = s.as_user("officer", "GET", "/api/v1/risk/rules?q=%s&limit=2" % tag)
        eq(got.status, 200, repr(got))
        eq([i["id"] for i in got.json["items"]], [ids[2], ids[1]])   # newest first
        nxt = s.as_user("officer", "GET", "/api/v1/risk/rules?q=%s&limit=2&cursor=%s" % (tag, got.json["next_cursor"]))
        eq([i["id"] for i in nxt.json["items"]], [ids[0]])
        srt = s.as_user("officer", "GET", "/api/v1/risk/rules?q=%s&sort=name&page=1&limit=2" % tag)
        eq((srt.json["total"], [i["id"] for i in srt.json["items"]]), (3, [ids[1], ids[0]]))
        p2 = s.as_user("officer", "GET", "/api/v1/risk/rules?q=%s&sort=-updated_at&page=2&limit=2" % tag)
        eq((p2.json["total"], len(p2.json["items"])), (3, 1))
        eq(s.as_user("officer", "GET", "/api/v1/risk/rules?q=%s&status=active" % tag).json["items"], [])
        # the search is literal: % and _ match themselves only
        eq(s.as_user("officer", "GET", "/api/v1/risk/rules?q=%25%25%25").json["items"], [])
        error_of(s.as_user("officer", "GET", "/api/v1/risk/rules?sort=lane"), 400, field="sort")
        error_of(s.as_user("officer", "GET", "/api/v1/risk/rules?sort=name&cursor=5"), 400, field="cursor")
        error_of(s.as_user("officer", "GET", "/api/v1/risk/rules?page=0"), 400, field="page")
        error_of(s.as_user("officer", "GET", "/api/v1/risk/rules?status=gone"), 400, field="status")
