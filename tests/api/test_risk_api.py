"""test_risk_api.py — API tests of the risk area (registered by run_api_tests.py): rules through
their life (create, read, list, change, suspend, resume) with the audit trail, refusals that
name the field, who may do what, screening that explains itself and sees every change at once,
odd declarations, and `haiguan risk import` (all or nothing, picked up by a running server)."""
import json
import os
import tempfile

SHRIMP = {"name": "冻虾测试 Frozen shrimp test", "source": "district", "issuer": "test",
          "scope": {"direction": "import"},
          "conditions": [{"kind": "hs_prefix", "values": ["030617"]}, {"kind": "origin_country", "values": ["VN"]}],
          "action": {"lane": "yellow", "inspection": "document"}, "note": "test rule"}


def decl(i, **extra):
    d = {"id": "RISKTEST%06d" % i, "direction": "import", "credit_level": "advanced_certified",
         "items": [{"hs_code": "0306171000", "origin": "VN", "description": "shrimp", "value": "100.00"}]}
    d.update(extra)
    return d


def hit_names(r):
    return [h["name"] for h in r.json["hits"] if h["fired"]]


def register(test, eq, error_of, binary):
    @test
    def a_rule_change_names_the_credential_it_was_made_with(s):
        # issue 13 §1: every audit row records the principal and the session or token it used
        # (a machine's token suspending an instruction is told from an officer's session)
        r = s.as_user("officer", "POST", "/api/v1/risk/rules", dict(SHRIMP, name="凭据测试 credential test"))
        eq(r.status, 201, r.body)
        rid = r.json["id"]
        tok = s.cli("token", "create", "--user", "officer", "--scopes", "risk").stdout.strip()
        eq(s.with_token(tok, "POST", "/api/v1/risk/rules/%s/suspend" % rid).status, 200)
        rows = s.as_user("admin", "GET", "/api/v1/audit?object=risk_rule:%s" % rid).json["items"]
        got = {row["action"]: row.get("credential") or "" for row in rows}
        assert got["risk.rule.create"].startswith("session:"), got
        assert got["risk.rule.suspend"].startswith("token:"), got


    @test
    def risk_rule_lifecycle_and_audit(s):
        r = s.as_user("officer", "POST", "/api/v1/risk/rules", SHRIMP)
        eq(r.status, 201, "create %r" % r)
        rid = r.json["id"]
        eq(r.json["status"], "active")
        # the next screening sees it, with the values that matched
        sc = s.as_user("officer", "POST", "/api/v1/risk/screen", decl(1))
        eq(sc.status, 200, "screen %r" % sc)
        assert SHRIMP["name"] in hit_names(sc), sc.json
        h = [h for h in sc.json["hits"] if h["rule_id"] == rid][0]
        eq(sorted((m["kind"], m["value"]) for m in h["matched"]),
           [("hs_prefix", "0306171000"), ("origin_country", "VN")])
        assert "reason" in sc.json["random_selection"]
        # read, list, patch
        eq(s.as_user("manager", "GET", "/api/v1/risk/rules/%d" % rid).json["name"], SHRIMP["name"])
        lst = s.as_user("officer", "GET", "/api/v1/risk/rules?status=active&limit=200")
        assert rid in [i["id"] for i in lst.json["items"]]
        p = s.as_user("officer", "PATCH", "/api/v1/risk/rules/%d" % rid,
                      {"conditions": [{"kind": "hs_prefix", "values": ["030617"]},
                                      {"kind": "origin_country", "values": ["IN"]}]})
        eq(p.status, 200, "patch %r" % p)
        assert SHRIMP["name"] not in hit_names(s.as_user("officer", "POST", "/api/v1/risk/screen", decl(2)))
        assert SHRIMP["name"] in hit_names(s.as_user("officer", "POST", "/api/v1/risk/screen",
                                                     decl(3, items=[{"hs_code": "0306171000", "origin": "IN"}])))
        # suspend: no longer selects; resume: selects again
        eq(s.as_user("officer", "POST", "/api/v1/risk/rules/%d/suspend" % rid).json["status"], "suspended")
        assert SHRIMP["name"] not in hit_names(s.as_user("officer", "POST", "/api/v1/risk/screen",
                                                         decl(4, items=[{"hs_code": "0306171000", "origin": "IN"}])))
        eq(s.as_user("officer", "POST", "/api/v1/risk/rules/%d/resume" % rid).json["status"], "active")
        # every change is audited, with before and after
        a = s.as_user("admin", "GET", "/api/v1/audit?object=risk_rule:%d" % rid)
        eq(a.status, 200)
        actions = sorted(i["action"] for i in a.json["items"])
        eq(actions, ["risk.rule.create", "risk.rule.resume", "risk.rule.suspend", "risk.rule.update"])
        upd = [i for i in a.json["items"] if i["action"] == "risk.rule.update"][0]
        eq(upd["actor"], "officer")
        eq(upd["before"]["conditions"][1]["values"], ["VN"])
        eq(upd["after"]["conditions"][1]["values"], ["IN"])
        error_of(s.as_user("officer", "GET", "/api/v1/risk/rules/999999"), 404)
        error_of(s.as_user("officer", "GET", "/api/v1/risk/rules/abc"), 404)

    @test
    def risk_bad_rules_name_the_field(s):
        def bad(body, field):
            error_of(s.as_user("officer", "POST", "/api/v1/risk/rules", body), 400, field=field)
        bad(dict(SHRIMP, colour="red"), "colour")
        bad(dict(SHRIMP, conditions=[]), "conditions")
        bad(dict(SHRIMP, conditions=[{"kind": "hs_prefix", "values": ["0"]}]), "conditions[0].values[0]")
        bad(dict(SHRIMP, conditions=[{"kind": "item_value", "min": "9.00", "max": "1.00"}]), "conditions[0].max")
        bad(dict(SHRIMP, conditions=[{"kind": "gross_weight", "min": 5, "max": 1}]), "conditions[0].max")
        bad(dict(SHRIMP, action={"lane": "red", "fire_ppm": 1000001}), "action.fire_ppm")
        bad(dict(SHRIMP, action={"lane": "red", "sampling": [{"kind": "nucleic_acid", "rate_ppm": 2000000}]}),
            "action.sampling[0].rate_ppm")
        bad(dict(SHRIMP, action={"lane": "purple"}), "action.lane")
        bad(dict(SHRIMP, id=5), "id")
        bad(dict(SHRIMP, status="suspended"), "status")
        bad(dict(SHRIMP, conditions=[{"kind": "consignee", "values": ["91210200241600015X"]}]),
            "conditions[0].values[0]")
        r = s.as_user("officer", "POST", "/api/v1/risk/rules", SHRIMP)
        error_of(s.as_user("officer", "PATCH", "/api/v1/risk/rules/%d" % r.json["id"], {"status": "active"}), 400,
                 field="status")
        error_of(s.as_user("officer", "POST", "/api/v1/risk/screen", {"id": "x", "direction": "import",
                                                                    "items": [{"hs_code": "03"}]}),
                 400, field="items[0].hs_code")
        error_of(s.as_user("officer", "POST", "/api/v1/risk/screen", {"direction": "import"}), 400, field="id")

    @test
    def risk_access_by_role_post_and_scope(s):
        routes = [("GET", "/api/v1/risk/rules", None), ("GET", "/api/v1/risk/rules/1", None),
                  ("POST", "/api/v1/risk/rules", SHRIMP), ("PATCH", "/api/v1/risk/rules/1", {"note": "x"}),
                  ("POST", "/api/v1/risk/rules/1/suspend", None), ("POST", "/api/v1/risk/rules/1/resume", None),
                  ("POST", "/api/v1/risk/screen", decl(9)), ("GET", "/api/v1/risk/stats", None)]
        for method, path, body in routes:
            for ent in ["dl-trading", "dl-fishery"]:   # enterprises never see rules or hits
                error_of(s.as_user(ent, method, path, body), 403)
            error_of(s.request(method, path, body), 401)
            if method == "GET":
                eq(s.as_user("manager", method, path).status, 200, "manager reads %s" % path)
            else:
                error_of(s.as_user("manager", method, path, body), 403)
        # an officer without the risk post
        s.cli("user", "add", "gate-officer", "--role", "officer", "--post", "gate", stdin="gate-officer-pass-1\n")
        cookie, csrf = s.login("gate-officer", "gate-officer-pass-1")
        r = s.request("GET", "/api/v1/risk/rules", headers={"Cookie": cookie})
        error_of(r, 403)
        # headquarters as a machine: a token with the risk scope
        s.cli("user", "add", "hq-risk", "--role", "system", stdin="hq-risk-password-1\n")
        tok = s.cli("token", "create", "--user", "hq-risk", "--scopes", "risk").stdout.strip()
        r = s.with_token(tok, "POST", "/api/v1/risk/rules", dict(SHRIMP, name="HQ by token", source="hq"))
        eq(r.status, 201, "token create %r" % r)
        tok2 = s.cli("token", "create", "--user", "hq-risk", "--scopes", "enterprises").stdout.strip()
        error_of(s.with_token(tok2, "GET", "/api/v1/risk/rules"), 403)

    @test
    def risk_screen_odd_declarations(s):
        eq(s.as_user("officer", "POST", "/api/v1/risk/screen", decl(20, items=[])).json["lane"] in
           ("green", "red"), True)
        many = [{"hs_code": "8471301000", "description": "d%d ivory" % i if i == 4999 else "x"} for i in range(5000)]
        r = s.as_user("officer", "POST", "/api/v1/risk/screen", decl(21, items=many))
        eq(r.status, 200, "5000 items %r" % r)
        ivory = [h for h in r.json["hits"] if "ivory" in [m["value"] for m in h["matched"]]]
        eq(ivory[0]["matched"][0]["item"], 4999)
        odd = "\u0001\ufffd\U0001F41F IVORY\u202e"
        r = s.as_user("officer", "POST", "/api/v1/risk/screen",
                      decl(22, items=[{"hs_code": "9601100000", "description": odd}]))
        eq(r.status, 200)
        eq(r.json["lane"], "red")
        # reproducible: the same declaration draws the same way
        a = s.as_user("officer", "POST", "/api/v1/risk/screen", decl(23, credit_level="general_credit"))
        b = s.as_user("officer", "POST", "/api/v1/risk/screen", decl(23, credit_level="general_credit"))
        eq(a.json["random_selection"], b.json["random_selection"])

    @test
    def risk_import_all_or_nothing(s):
        d = tempfile.mkdtemp(prefix="risk-import-")
        good = os.path.join(d, "good.jsonl")
        bad = os.path.join(d, "bad.jsonl")
        rules = [dict(SHRIMP, name="HQ import %d" % i, source="hq",
                      conditions=[{"kind": "bill_no", "values": ["IMPBILL%03d" % i]}]) for i in range(20)]
        with open(bad, "w") as f:
            for r in rules[:5]:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
            f.write("{not json\n")
            f.write(json.dumps(dict(SHRIMP, conditions=[])) + "\n")
            f.write("\n")
            f.write(json.dumps(dict(SHRIMP, action={"lane": "red", "fire_ppm": -1})) + "\n")
        before = s.as_user("officer", "GET", "/api/v1/risk/rules?source=hq&limit=200").json["items"]
        p = s.cli("risk", "import", bad, check=False)
        eq(p.returncode, 1, "bad import %s %s" % (p.stdout, p.stderr))
        for needle in ["line 6:", "line 7: conditions", "line 9: action.fire_ppm", "0 rules loaded"]:
            assert needle in p.stdout, p.stdout
        after = s.as_user("officer", "GET", "/api/v1/risk/rules?source=hq&limit=200").json["items"]
        eq(len(after), len(before), "nothing loaded")
        with open(good, "w") as f:
            for r in rules:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        p = s.cli("risk", "import", good)
        assert "20 rules loaded" in p.stdout, p.stdout
        # the running server picks the imported rules up at its next screening
        r = s.as_user("officer", "POST", "/api/v1/risk/screen", decl(30, bill_no="IMPBILL007"))
        assert "HQ import 7" in hit_names(r), r.json
        a = s.as_user("admin", "GET", "/api/v1/audit?limit=5")
        assert any(i["action"] == "risk.rule.create" for i in a.json["items"]), a.json
        p = s.cli("risk", "frobnicate", check=False)
        eq(p.returncode, 2)

    @test
    def risk_stats_answer(s):
        r = s.as_user("manager", "GET", "/api/v1/risk/stats")
        eq(r.status, 200)
        eq([c["credit_level"] for c in r.json["inspection_by_credit_level"]],
           ["advanced_certified", "general_certified", "general_credit", "dishonest"])
        # screenings recorded by the cargo area's filings (earlier tests) add up
        eq(sum(r.json["by_lane"].values()), r.json["screenings"])
        eq(sum(c["screenings"] for c in r.json["inspection_by_credit_level"]), r.json["screenings"])
        error_of(s.as_user("manager", "GET", "/api/v1/risk/stats?from=yesterday"), 400, field="from")

    @test
    def risk_random_selection_by_configuration(s):
        from harness import Server
        old = os.environ.get("HAIGUAN_RISK_RANDOM")
        os.environ["HAIGUAN_RISK_RANDOM"] = "1000000,1000000"   # everything selected: deterministic
        try:
            t = Server(binary)
        finally:
            if old is None:
                del os.environ["HAIGUAN_RISK_RANDOM"]
            else:
                os.environ["HAIGUAN_RISK_RANDOM"] = old
        try:
            r = t.as_user("officer", "POST", "/api/v1/risk/screen",
                          decl(40, credit_level="general_credit", items=[{"hs_code": "8483409000"}]))
            eq(r.status, 200)
            eq(r.json["lane"], "red")
            eq(r.json["random_selection"]["selected"], True)
            assert "general_credit" in r.json["random_selection"]["reason"], r.json
            # advanced certified: 20% of general credit's rate
            r = t.as_user("officer", "POST", "/api/v1/risk/screen", decl(41, items=[{"hs_code": "8483409000"}]))
            eq(r.json["random_selection"]["rate_ppm"], 200000)
            eq(t.stop(), 0)
        finally:
            t.cleanup()

    @test
    def risk_filed_declarations_are_screened_and_recorded(s):
        import cargo_cases as cc
        # a headquarters instruction on a bill, then a declaration of that bill filed by its owner
        b = cc.bill_no()
        eq(cc.manifest(s, [cc.bill(b)]).status, 201)
        r = s.as_user("officer", "POST", "/api/v1/risk/rules",
                      dict(SHRIMP, name="HQ bill instruction", source="hq", scope={"direction": "import"},
                           conditions=[{"kind": "bill_no", "values": [b]}],
                           action={"lane": "red", "inspection": "machine"}))
        eq(r.status, 201)
        before = s.as_user("manager", "GET", "/api/v1/risk/stats").json["screenings"]
        f = cc.file(s, b)
        eq(f.status, 201, "file %r" % f)
        eq(f.json["lane"], "red")
        entry = f.json["entry_no"]
        v = s.as_user("officer", "GET", "/api/v1/declarations/%s/risk" % entry)
        eq(v.status, 200, "risk view %r" % v)
        hit = [h for h in v.json["result"]["hits"] if h["name"] == "HQ bill instruction"][0]
        eq(hit["matched"], [{"kind": "bill_no", "value": b}])
        eq(v.json["result"]["inspection"], "machine")
        # the declarant sees its lane, never the rule
        error_of(s.as_user("dl-trading", "GET", "/api/v1/declarations/%s/risk" % entry), 403)
        error_of(s.as_user("officer", "GET", "/api/v1/declarations/090120269999999999/risk"), 404)
        st = s.as_user("manager", "GET", "/api/v1/risk/stats").json
        eq(st["screenings"], before + 1)
        assert any(h["name"] == "HQ bill instruction" and h["hits"] == 1 for h in st["hits_by_rule"]), st
