"""release_conditions_cases.py — API tests of GET /api/v1/declarations/{entry_no}/release-conditions
(issue 16: a held declaration says why and who acts next): every unmet condition, each with
what resolves it, as the release itself decides (cargo_release_unmet). Registered by
run_api_tests.py (register_area). Bills are this module's own (RCN…)."""
import itertools

from cargo_cases import FISHERY, TRADING, arrive, bill, file, manifest, register_producer

_seq = itertools.count(1)


def bill_no():
    return "RCN%010d" % next(_seq)


def register_area(test, eq, error_of):
    def conditions(s, who, e):
        r = s.as_user(who, "GET", "/api/v1/declarations/%s/release-conditions" % e)
        eq(r.status, 200, repr(r))
        return r.json, {c["field"]: c for c in r.json["unmet"]}

    @test
    def a_held_declaration_lists_every_unmet_condition(s):
        # frozen seafood: every import batch is sampled for nucleic acid (HQ's standing
        # instruction on cold-chain food), and it has not arrived: both are listed, with the bill
        # whose arrival is awaited and the sample's barcode at the laboratory
        fish = [{"hs_code": "0303130000", "name": "冻鲑鱼", "origin": "NO", "quantity": 100, "unit": "千克",
                 "value": "6000.00", "currency": "CNY", "gross_weight_kg": 100, "net_weight_kg": 95, "frozen": True,
                 "producer": "NO-RCN1"}]
        register_producer(s, "NO-RCN1", "NO")
        b = bill_no()
        eq(manifest(s, [bill(b, consignee=FISHERY)]).status, 201)
        r = file(s, b, who="dl-fishery", uscc=FISHERY, items=fish, trade_country="NO")
        eq(r.status, 201, repr(r))
        e = r.json["entry_no"]
        got, by = conditions(s, "officer", e)
        eq((got["entry_no"], got["may_release"]), (e, False))
        eq(by["arrival"]["bill_no"], b)
        eq([x["status"] for x in by["samples"]["samples"]], ["pending"])
        assert all(c["waits"] for c in got["unmet"]), got
        # the order is the release's own: its refusal names the first condition
        refused = s.as_user("officer", "POST", "/api/v1/declarations/%s/release" % e)
        error_of(refused, 409, field=got["unmet"][0]["field"])
        # an open inspection gives its task; its reason is for officers only (the selection is
        # the risk officers' knowledge: the trader learns that its goods are inspected, not why)
        if "lane" in by:
            assert by["lane"]["inspections"] and "reason" in by["lane"]["inspections"][0], by["lane"]
            _, mine = conditions(s, "dl-fishery", e)
            assert "reason" not in mine["lane"]["inspections"][0], mine["lane"]
        # another enterprise's declaration: not found, as everywhere
        error_of(s.as_user("dl-trading", "GET", "/api/v1/declarations/%s/release-conditions" % e), 404)

    @test
    def a_declaration_ready_for_release_has_nothing_unmet(s):
        b = bill_no()
        m = manifest(s, [bill(b, gross=10)])
        eq(m.status, 201)
        gears = [{"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台", "value": "1.00",
                  "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}]
        e = file(s, b, items=gears).json["entry_no"]
        got, by = conditions(s, "dl-trading", e)
        assert "arrival" in by, got
        arrive(s, m)
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        eq(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b]}).status, 201)
        got, by = conditions(s, "officer", e)
        if got["status"] == "released":   # green and nothing due: released on arrival
            eq([c["field"] for c in got["unmet"]], ["status"])
            eq(got["unmet"][0]["waits"], False)
        else:
            assert "arrival" not in by, got
        assert TRADING
