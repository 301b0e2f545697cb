"""lists_cases.py — API tests of what every list shares (src/platform/list_query.h): the
search box's q (entry number, bill number, container, VIN), sorting, numbered pages with their
total, and the CSV export of the filtered list, bounded and recorded in the audit trail.
Registered by run_api_tests.py (register_area). Bills are this module's own (LST…)."""
import itertools
import json

from cargo_cases import FISHERY, TRADING, bill, container, file, manifest

_seq = itertools.count(1)


def bill_no():
    return "LST%010d" % next(_seq)


def entries(r):
    return [i["entry_no"] for i in r.json["items"]]


def register_area(test, eq, error_of):
    def listed(s, query, who="officer"):
        r = s.as_user(who, "GET", "/api/v1/declarations?" + query)
        eq(r.status, 200, repr(r))
        return r

    @test
    def declarations_are_found_by_entry_bill_container_and_vin(s):
        b1, b2, box = bill_no(), bill_no(), container()
        eq(manifest(s, [bill(b1, containers=box), bill(b2, gross=2000)]).status, 201)
        e1 = file(s, b1, containers=box).json["entry_no"]
        car = {"hs_code": "8703231990", "name": "小轿车", "origin": "DE", "quantity": 1, "unit": "辆",
               "value": "200000.00", "currency": "CNY", "gross_weight_kg": 1500, "net_weight_kg": 1400,
               "vins": "WVWZZZ1J5XW000009"}
        r = file(s, b2, items=[car])
        eq(r.status, 201, repr(r))
        e2 = r.json["entry_no"]
        # any part of the number, in any case; a container or a VIN finds the declarations covering it
        eq(entries(listed(s, "q=" + e1)), [e1])
        eq(entries(listed(s, "q=" + b1.lower())), [e1])
        assert e1 in entries(listed(s, "q=%s&limit=200&order=newest" % box.lower())), "by container"
        assert e2 in entries(listed(s, "q=WVWZZZ1J5XW000009&limit=200&order=newest")), "by VIN"
        assert e1 not in entries(listed(s, "q=WVWZZZ1J5XW000009&limit=200&order=newest"))
        # a search is literal: % and _ are no wildcards
        eq(entries(listed(s, "q=LST%25")), [])
        # an enterprise searches only its own
        eq(entries(listed(s, "q=" + e1, who="dl-fishery")), [])
        # the parties by name (issue 16: names, not codes), in the list and in the declaration
        row = listed(s, "q=" + e1).json["items"][0]
        eq(row["parties"][TRADING]["name_zh"], "大连港通国际贸易有限公司")
        one = s.as_user("officer", "GET", "/api/v1/declarations/" + e1).json
        eq(sorted(one["parties"]), [TRADING])
        assert "parties" not in s.sql("SELECT after_json FROM audit_log WHERE object_id = '%s'" % e1)[0][0]

    @test
    def declarations_sort_and_numbered_pages_with_a_total(s):
        b = bill_no()
        bills = [b + c for c in "ABC"]
        eq(manifest(s, [bill(x) for x in bills]).status, 201)
        made = [file(s, x).json["entry_no"] for x in bills]
        r = listed(s, "q=%s&page=1&limit=2&sort=-entry_no" % b)
        eq((r.json["total"], entries(r), r.json["next_cursor"]), (3, made[::-1][:2], None))
        r = listed(s, "q=%s&page=2&limit=2&sort=-entry_no" % b)
        eq((r.json["total"], entries(r)), (3, made[:1]))
        eq(entries(listed(s, "q=%s&sort=bill_no" % b)), made)
        eq(entries(listed(s, "q=%s&sort=-bill_no" % b)), made[::-1])
        # rows without a value come last whichever way (released_at: none released yet)
        eq(len(entries(listed(s, "q=%s&sort=-released_at" % b))), 3)
        # cursor paging stays as it was without page or sort
        r = listed(s, "q=%s&limit=2" % b)
        eq((entries(r), r.json["next_cursor"], "total" in r.json), (made[:2], made[1], False))

    @test
    def list_parameters_are_refused_with_their_rule(s):
        for query, field in (("sort=declarant_name", "sort"), ("sort=items", "sort"), ("sort=--filed_at", "sort"),
                             ("page=0", "page"), ("page=x", "page"), ("page=2&limit=1&cursor=1", "cursor"),
                             ("sort=port&cursor=1", "cursor"), ("page=10002&limit=1", "page"),
                             ("page=52&limit=200", "page"), ("q=" + "x" * 101, "q"), ("q=%0A", "q")):
            error_of(s.as_user("officer", "GET", "/api/v1/declarations?" + query), 400, field=field, code="invalid")
        # the deepest page allowed: 10,000 rows skipped
        eq(s.as_user("officer", "GET", "/api/v1/declarations?page=51&limit=200").status, 200)
        eq(s.as_user("officer", "GET", "/api/v1/declarations?q=" + "x" * 100).status, 200)

    def exports(s):
        return int(s.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'declaration.export'")[0][0])

    @test
    def declarations_export_as_csv_with_an_audit_row(s):
        b = bill_no()
        eq(manifest(s, [bill(b)]).status, 201)
        e = file(s, b).json["entry_no"]
        before = exports(s)
        r = s.as_user("officer", "POST", "/api/v1/declarations/export?q=%s&sort=-filed_at" % b)
        eq(r.status, 200, repr(r))
        eq(r.header("Content-Type"), "text/csv; charset=utf-8")
        assert r.header("Content-Disposition").startswith("attachment"), r.header("Content-Disposition")
        lines = r.body.lstrip("\ufeff").split("\r\n")
        eq(lines[0].split(",")[:3], ["entry_no", "direction", "kind"])
        eq((len(lines), lines[1].split(",")[0], lines[2]), (3, e, ""))
        # who exported what: the credential, the filters given and the number of rows
        row = s.sql("SELECT actor, after_json, credential FROM audit_log WHERE action = 'declaration.export'"
                    " ORDER BY seq DESC LIMIT 1")[0]
        eq((row[0], json.loads(row[1]), row[2].split(":")[0]),
           ("officer", {"query": {"q": b, "sort": "-filed_at"}, "rows": 1}, "session"))
        eq(exports(s), before + 1)
        # an enterprise exports only what it sees
        r = s.as_user("dl-fishery", "POST", "/api/v1/declarations/export?q=" + b)
        eq((r.status, r.body.lstrip("\ufeff").count("\r\n")), (200, 1))
        # refused: a bad filter (nothing exported, nothing recorded), no CSRF token, no session
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/export?sort=nope"), 400, field="sort")
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/export?status=lost"), 400, field="status")
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/export", csrf=False), 403)
        error_of(s.request("POST", "/api/v1/declarations/export"), 401)
        eq(exports(s), before + 2)
        assert FISHERY   # the fishery's own declarations are none of these

    @test
    def the_inspection_queue_is_searched_by_entry_or_bill(s):
        # the queue keeps its order (green channel first, then oldest); q narrows it
        b = bill_no()
        eq(manifest(s, [bill(b)]).status, 201)
        e = file(s, b).json["entry_no"]
        body = {"kind": "document", "reason": "核对原产地证书"}
        eq(s.as_user("officer", "POST", "/api/v1/declarations/%s/inspection" % e, body).status, 201)
        for q in (e, e[-6:], b.lower()):
            r = s.as_user("officer", "GET", "/api/v1/inspections?status=open&q=" + q)
            eq((r.status, [i["entry_no"] for i in r.json["items"]]), (200, [e]), q)
        eq(s.as_user("officer", "GET", "/api/v1/inspections?q=LST%25").json["items"], [])
        error_of(s.as_user("officer", "GET", "/api/v1/inspections?q=" + "x" * 101), 400, field="q", code="invalid")
