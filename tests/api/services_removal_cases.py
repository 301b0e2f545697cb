"""services_removal_cases.py — API tests of removing a liaison coordinator who delays (issue 20;
GACC's coordinator rules of 2019: a coordinator who delays an enterprise's problem without reason
is removed): a manager names the successor and the reason; the coordinator's enterprises and
open problems move to the successor in one transaction, audited, and the enterprise's next
problem goes to the successor. Registered by run_api_tests.py (register_area). The officers and
the enterprise are this module's own, so no other test's coordinator changes."""
from crash_test import uscc
from tax_cases import write_sql


def register_area(test, eq, error_of):
    @test
    def a_coordinator_who_delays_is_removed_by_a_manager_with_the_open_problems_moved(s):
        for name in ("coord-slow", "coord-next"):
            s.cli("user", "add", name, "--role", "officer", "--post", "liaison", stdin=name + "-password-1\n")
            s.login(name, name + "-password-1")
        ent = uscc("9121020071077701")
        r = s.as_user("officer", "POST", "/api/v1/enterprises",
                      {"uscc": ent, "customs_code": "2102937701", "name_zh": "撤换测试公司", "kind": "importer",
                       "credit_level": "advanced_certified", "coordinator": "coord-slow"})
        eq(r.status, 201, r.body)
        s.cli("user", "add", "dl-removal", "--role", "enterprise", "--enterprise", ent, stdin="dl-removal-password\n")
        s.login("dl-removal", "dl-removal-password")

        def raise_one(title):
            p = s.as_user("dl-removal", "POST", "/api/v1/liaison/problems",
                          {"category": "port_unloading", "title": title, "text": "卸货计划迟迟未获答复，请协助。",
                           "urgency": "urgent"})
            eq(p.status, 201, p.body)
            return p.json

        late, waiting = raise_one("卸货迟迟未答复"), raise_one("第二个问题")
        eq((late["assignee"], waiting["assignee"]), ("coord-slow", "coord-slow"))
        path = "/api/v1/liaison/coordinators/coord-slow/removal"
        body = {"successor": "coord-next", "reason": "无故拖延企业卸货问题超过时限"}
        # refused: no delay on record yet — a coordinator is removed for delaying (GACC's rules)
        error_of(s.as_user("manager", "POST", path, body), 409, field="coordinator", code="no_delay")
        write_sql(s, "UPDATE liaison_problems SET due_known_ms = 1, due_studied_ms = 2, due_solved_ms = 3"
                     " WHERE problem_no = '%s'" % late["problem_no"])
        s.cli("jobs", "run", "services.liaison_escalate")
        # refused: not a manager, no reason, the same officer, an unknown successor, not a
        # coordinator, removing oneself
        error_of(s.as_user("liaison2", "POST", path, body), 403)
        error_of(s.as_user("manager", "POST", path, {"successor": "coord-next"}), 400, field="reason")
        error_of(s.as_user("manager", "POST", path, dict(body, successor="coord-slow")), 400, field="successor",
                 code="same_officer")
        error_of(s.as_user("manager", "POST", path, dict(body, successor="nobody-here")), 400, field="successor")
        error_of(s.as_user("manager", "POST", "/api/v1/liaison/coordinators/coord-next/removal", body), 404,
                 field="coordinator", code="not_coordinator")
        error_of(s.as_user("manager", "POST", "/api/v1/liaison/coordinators/manager/removal", body), 404,
                 code="not_coordinator")
        eq(s.as_user("manager", "GET", "/api/v1/enterprises/" + ent).json["coordinator"], "coord-slow")  # nothing written
        # accepted
        r = s.as_user("manager", "POST", path, body)
        eq(r.status, 201, r.body)
        eq((r.json["coordinator"], r.json["successor"], r.json["removed_by"]), ("coord-slow", "coord-next", "manager"))
        assert r.json["breaches"] >= 1, r.json
        eq(r.json["enterprises"], [ent])
        eq(sorted(r.json["problems"]), sorted([late["problem_no"], waiting["problem_no"]]))
        for p in (late, waiting):
            g = s.as_user("coord-next", "GET", "/api/v1/liaison/problems/" + p["problem_no"]).json
            eq(g["assignee"], "coord-next")
            note = [m for m in g["messages"] if m["kind"] == "assignment"][-1]
            assert note["internal"] and "无故拖延" in note["text"], note
            # the enterprise sees the successor, never the internal note
            e = s.as_user("dl-removal", "GET", "/api/v1/liaison/problems/" + p["problem_no"]).json
            assert not [m for m in e["messages"] if m["kind"] == "assignment"], e["messages"]
        eq(s.as_user("manager", "GET", "/api/v1/enterprises/" + ent).json["coordinator"], "coord-next")
        # the next problem goes to the successor
        eq(raise_one("之后的问题")["assignee"], "coord-next")
        # audited: the removal, each enterprise and each problem, with the credential
        rows = s.as_user("admin", "GET", "/api/v1/audit?object=liaison_coordinator:coord-slow").json["items"]
        eq([x["action"] for x in rows], ["liaison.coordinator.remove"])
        assert rows[0]["credential"].startswith("session:"), rows[0]
        er = s.as_user("admin", "GET", "/api/v1/audit?object=enterprise:" + ent).json["items"]
        assert any(x["action"] == "enterprise.coordinator" and x["after"]["coordinator"] == "coord-next" for x in er), er
        pr = s.as_user("admin", "GET", "/api/v1/audit?object=liaison_problem:" + late["problem_no"]).json["items"]
        assert any(x["action"] == "liaison.reassigned" and x["after"]["assignee"] == "coord-next" for x in pr), pr
        # listed for managers and the liaison post; the removed officer coordinates nothing now
        lst = s.as_user("liaison2", "GET", "/api/v1/liaison/coordinator-removals").json["items"]
        eq(lst[0]["removal_no"], r.json["removal_no"])
        error_of(s.as_user("manager", "POST", path, body), 404, code="not_coordinator")
        error_of(s.as_user("dl-removal", "GET", "/api/v1/liaison/coordinator-removals"), 403)
