"""lists_cases.py — API tests of what every list shares (src/platform/list_query.h): the
search box's q (entry number, bill number, container, VIN), sorting, numbered pages with their
total, and the CSV export of the filtered list, bounded and recorded in the audit trail.
Registered by run_api_tests.py (register_area). Bills are this module's own (LST…)."""
import itertools
import json
from urllib.parse import quote

from cargo_cases import FISHERY, TRADING, bill, container, file, manifest, register_producer

_seq = itertools.count(1)


def bill_no():
    return "LST%010d" % next(_seq)


def entries(r):
    return [i["entry_no"] for i in r.json["items"]]


def keys(r, key):
    return [i[key] for i in r.json["items"]]


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

    @test
    def a_list_refuses_a_parameter_it_does_not_take(s):
        # issue 14 (bad input): a filter the list does not take would silently select everything;
        # it is refused, naming it (docs/api/lists.md), on every list route and its export
        for path in ("/declarations", "/declarations/export", "/manifests", "/tax/bills", "/enterprises",
                     "/users", "/samples", "/liaison/problems", "/risk/rules", "/producers", "/inspections",
                     "/tax/bills/export"):
            export = path.endswith("/export")
            who = {"/liaison/problems": "dl-trading", "/risk/rules": "officer", "/inspections": "officer",
                   "/samples": "officer"}.get(path, "admin")
            r = s.as_user(who, "POST" if export else "GET",
                          "/api/v1%s?colour=red%s" % (path, "" if export else "&limit=5"))
            eq((r.status, (r.json or {}).get("error", {}).get("field")), (400, "colour"), path + " " + repr(r))
            eq(r.json["error"]["code"], "unknown_parameter")
        # accepted: a bill's declarations by its number (a split bill), any case
        b = bill_no()
        eq(manifest(s, [bill(b, packages=10)]).status, 201)
        e1, e2 = (file(s, b, packages=1).json["entry_no"] for _ in range(2))
        other = bill_no()
        eq(manifest(s, [bill(other)]).status, 201)
        file(s, other)
        eq(sorted(entries(listed(s, "bill_no=" + b.lower()))), sorted([e1, e2]))
        eq(entries(listed(s, "bill_no=NOSUCHBILL")), [])

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

    def exported(s, who, path):
        r = s.as_user(who, "POST", path)
        eq(r.status, 200, repr(r))
        lines = r.body.lstrip("\ufeff").split("\r\n")
        return lines[0].split(","), [line for line in lines[1:] if line]

    def audit_rows(s, action):
        return int(s.sql("SELECT COUNT(*) FROM audit_log WHERE action = '%s'" % action)[0][0])

    @test
    def manifests_are_found_sorted_paged_and_exported(s):
        b = bill_no()
        box = container()
        made = []
        for i, suffix in enumerate("ABC"):
            r = manifest(s, [bill(b + suffix, containers=box if i == 1 else None)], voyage="LV%s" % b[-4:])
            eq(r.status, 201, repr(r))
            made.append(r.json["manifest_no"])
        listed_m = lambda q, who="officer": s.as_user(who, "GET", "/api/v1/manifests?" + q)
        # by its number, a bill it carries (any part, any case), a container on it, its voyage
        eq(keys(listed_m("q=" + made[0]), "manifest_no"), [made[0]])
        eq(keys(listed_m("q=" + (b + "b").lower()), "manifest_no"), [made[1]])
        eq(keys(listed_m("q=" + box.lower()), "manifest_no"), [made[1]])
        eq(sorted(keys(listed_m("q=LV" + b[-4:]), "manifest_no")), sorted(made))
        eq(keys(listed_m("q=LST%25"), "manifest_no"), [])
        # newest first, numbered pages with their total; cursor paging stays as it was
        r = listed_m("q=%s&sort=-created_at&page=1&limit=2" % b)
        eq((r.status, r.json["total"], keys(r, "manifest_no"), r.json["next_cursor"]), (200, 3, made[::-1][:2], None))
        eq(keys(listed_m("q=%s&sort=-created_at&page=2&limit=2" % b), "manifest_no"), made[:1])
        eq(keys(listed_m("q=%s&order=newest" % b), "manifest_no"), made[::-1])
        r = listed_m("q=%s&limit=2" % b)
        eq((keys(r, "manifest_no"), r.json["next_cursor"], "total" in r.json), (made[:2], made[1], False))
        # the consignee's enterprise sees them; another enterprise does not
        eq(len(keys(listed_m("q=" + b, who="dl-trading"), "manifest_no")), 3)
        eq(keys(listed_m("q=" + b, who="dl-fishery"), "manifest_no"), [])
        for query, field in (("sort=bills", "sort"), ("order=sideways", "order"), ("page=0", "page"),
                             ("q=" + "x" * 101, "q"), ("status=lost", "status")):
            error_of(listed_m(query), 400, field=field, code="invalid")
        # the export: the same filters, an audit row naming the credential, the query and the rows
        before = audit_rows(s, "manifest.export")
        head, rows = exported(s, "officer", "/api/v1/manifests/export?q=%s&sort=-created_at" % b)
        eq((head[0], [row.split(",")[0] for row in rows]), ("manifest_no", made[::-1]))
        row = s.sql("SELECT actor, after_json FROM audit_log WHERE action = 'manifest.export' ORDER BY seq DESC LIMIT 1")[0]
        eq((row[0], json.loads(row[1])), ("officer", {"query": {"q": b, "sort": "-created_at"}, "rows": 3}))
        eq(exported(s, "dl-fishery", "/api/v1/manifests/export?q=" + b)[1], [])
        error_of(s.as_user("officer", "POST", "/api/v1/manifests/export?sort=nope"), 400, field="sort")
        eq(audit_rows(s, "manifest.export"), before + 2)

    @test
    def tax_bills_are_found_sorted_paged_and_exported(s):
        from tax_cases import filed
        made = [filed(s, value=v)[1] for v in ("3000.00", "1000.00", "2000.00")]
        common = made[0][:-4]   # the entry numbers' common prefix: today's, this port's
        bills = lambda q, who="officer": s.as_user(who, "GET", "/api/v1/tax/bills?" + q)
        # by its entry number, any part of it; a search is literal
        for q in (made[1], made[1][-6:]):
            r = bills("q=" + q)
            eq((r.status, keys(r, "entry_no")), (200, [made[1]]), q)
        eq(keys(bills("q=" + made[1][:-1] + "%25"), "entry_no"), [])
        # the trader by name as well as by code (names, not codes)
        row = bills("q=" + made[0]).json["items"][0]
        eq(row["parties"][row["trader"]]["name_zh"], "大连港通国际贸易有限公司")
        # sorted by the amount, numbered pages with their total
        mine = "q=%s&sort=-total&limit=200&page=1" % common
        r = bills(mine)
        order = [e for e in keys(r, "entry_no") if e in made]
        eq((order, r.json["next_cursor"]), ([made[0], made[2], made[1]], None))
        total = r.json["total"]
        r = bills("q=%s&sort=-total&limit=1&page=2" % common)
        eq((r.json["total"], len(r.json["items"])), (total, 1))
        # cursor paging, newest first, stays as it was
        r = bills("q=%s&limit=1" % made[2])
        eq((keys(r, "entry_no"), "total" in r.json), ([made[2]], False))
        # an enterprise searches only its own bills
        eq(keys(bills("q=" + made[0], who="dl-fishery"), "entry_no"), [])
        eq(keys(bills("q=" + made[0], who="dl-trading"), "entry_no"), [made[0]])
        for query, field in (("sort=trader", "sort"), ("page=0", "page"), ("q=%0A", "q"),
                             ("sort=total&cursor=" + made[0], "cursor")):
            error_of(bills(query), 400, field=field, code="invalid")
        # the export: the list's columns, the standing as of now, audited
        before = audit_rows(s, "tax_bill.export")
        head, rows = exported(s, "officer", "/api/v1/tax/bills/export?q=%s&sort=total" % made[1])
        eq((head[:3], head[-1], [row.split(",")[0] for row in rows]),
           (["entry_no", "declarant", "trader"], "paid_at", [made[1]]))
        row = s.sql("SELECT actor, after_json FROM audit_log WHERE action = 'tax_bill.export' ORDER BY seq DESC LIMIT 1")[0]
        eq((row[0], json.loads(row[1])), ("officer", {"query": {"q": made[1], "sort": "total"}, "rows": 1}))
        eq(exported(s, "dl-fishery", "/api/v1/tax/bills/export?q=" + made[1])[1], [])
        error_of(s.as_user("officer", "POST", "/api/v1/tax/bills/export?status=owing"), 400, field="status")
        eq(audit_rows(s, "tax_bill.export"), before + 2)

    @test
    def enterprises_are_found_sorted_paged_and_exported(s):
        ents = lambda q, who="officer": s.as_user(who, "GET", "/api/v1/enterprises?" + quote(q, safe="=&"))
        # by a part of the Chinese name, the English name in any case, the customs code
        eq(keys(ents("q=港通"), "uscc"), [TRADING])
        assert TRADING in keys(ents("q=dalian&limit=200"), "uscc")
        r = ents("sort=name_zh&page=1&limit=2")
        total = r.json["total"]
        assert total >= 3 and r.json["next_cursor"] is None, r.json
        names = [e["name_zh"] for e in ents("sort=name_zh&page=1&limit=200").json["items"]]
        eq(len(names), total)
        r2 = ents("sort=name_zh&page=2&limit=2")
        eq([e["name_zh"] for e in r2.json["items"]], names[2:4])
        eq(ents("sort=-created_at&limit=200&page=1").json["total"], total)
        # cursor paging by USCC stays as it was
        r = ents("limit=1")
        eq((r.json["next_cursor"], "total" in r.json), (r.json["items"][0]["uscc"], False))
        # an enterprise finds only itself
        eq(keys(ents("q=港通", who="dl-fishery"), "uscc"), [])
        for query, field in (("sort=credit_reason", "sort"), ("page=x", "page"), ("q=" + "港" * 101, "q"),
                             ("kind=pirate", "kind")):
            error_of(ents(query), 400, field=field, code="invalid")
        eq(ents("q=" + "港" * 100).status, 200)
        before = audit_rows(s, "enterprise.export")
        head, rows = exported(s, "officer", "/api/v1/enterprises/export?q=" + quote("港通"))
        eq((head[:3], [row.split(",")[0] for row in rows]), (["uscc", "customs_code", "name_zh"], [TRADING]))
        head, rows = exported(s, "dl-fishery", "/api/v1/enterprises/export")
        eq([row.split(",")[0] for row in rows], [FISHERY])
        eq(audit_rows(s, "enterprise.export"), before + 2)

    @test
    def samples_are_listed_found_sorted_paged_and_exported(s):
        # frozen seafood is sampled at filing (one nucleic-acid sample per item)
        seafood = {"hs_code": "0303130000", "name": "冻鲑鱼", "origin": "NO", "quantity": 100, "unit": "千克",
                   "value": "6000.00", "currency": "CNY", "gross_weight_kg": 100, "net_weight_kg": 95, "frozen": True,
                   "producer": "NO-LST%d" % next(_seq)}
        register_producer(s, seafood["producer"], "NO")
        made = []
        for _ in range(3):
            b = bill_no()
            eq(manifest(s, [bill(b, consignee=FISHERY)]).status, 201)
            r = file(s, b, who="dl-fishery", uscc=FISHERY, items=[seafood], trade_country="NO")
            eq(r.status, 201, repr(r))
            made.append(r.json["entry_no"])
        smp = lambda q, who="officer": s.as_user(who, "GET", "/api/v1/samples?" + q)
        # a declaration's samples, as before
        one = smp("entry_no=" + made[0])
        eq((one.status, keys(one, "entry_no"), keys(one, "status")), (200, [made[0]], ["pending"]))
        code = one.json["items"][0]["barcode"]
        # every sample: by barcode, entry number or producer, newest first, numbered pages
        eq(keys(smp("q=" + code.lower()), "barcode"), [code])
        r = smp("q=%s&sort=-created_at&page=1&limit=2" % seafood["producer"])
        eq((r.json["total"], keys(r, "entry_no"), r.json["next_cursor"]), (3, made[::-1][:2], None))
        eq(keys(smp("q=%s&status=pending&sort=-created_at&page=2&limit=2" % seafood["producer"]), "entry_no"), made[:1])
        eq(keys(smp("q=%s&status=negative" % seafood["producer"]), "entry_no"), [])
        # the consignee sees its own; another enterprise neither the list nor the declaration's
        eq(len(keys(smp("q=" + seafood["producer"], who="dl-fishery"), "barcode")), 3)
        eq(keys(smp("q=" + seafood["producer"], who="dl-trading"), "barcode"), [])
        error_of(smp("entry_no=" + made[0], who="dl-trading"), 404)
        for query, field in (("status=lost", "status"), ("sort=producer", "sort"), ("page=-1", "page")):
            error_of(smp(query), 400, field=field, code="invalid")
        before = audit_rows(s, "sample.export")
        head, rows = exported(s, "officer", "/api/v1/samples/export?sort=entry_no&q=" + seafood["producer"])
        eq((head[:2], [row.split(",")[1] for row in rows]), (["barcode", "entry_no"], made))
        eq(exported(s, "dl-trading", "/api/v1/samples/export?q=" + seafood["producer"])[1], [])
        eq(audit_rows(s, "sample.export"), before + 2)

    @test
    def users_are_found_sorted_paged_and_exported(s):
        users = lambda q, who="admin": s.as_user(who, "GET", "/api/v1/users?" + q)
        everyone = users("limit=200").json["items"]
        r = users("q=inspect&role=officer")
        assert r.json["items"] and all(u["role"] == "officer" for u in r.json["items"]), r.json
        assert all(isinstance(u["posts"], list) for u in everyone)
        eq([u["name"] for u in users("sort=name&page=1&limit=200").json["items"]], sorted(u["name"] for u in everyone))
        r = users("sort=-name&page=2&limit=3")
        eq(([u["name"] for u in r.json["items"]], r.json["total"]),
           (sorted((u["name"] for u in everyone), reverse=True)[3:6], len(everyone)))
        assert "dl-fishery" in [u["name"] for u in users("enterprise=" + FISHERY).json["items"]]
        assert all(u["enterprise"] == FISHERY for u in users("enterprise=" + FISHERY).json["items"])
        assert all(u["disabled"] for u in users("disabled=true").json["items"])
        for query, field in (("role=pirate", "role"), ("disabled=yes", "disabled"), ("sort=password_hash", "sort"),
                             ("page=1&cursor=a", "cursor")):
            error_of(users(query), 400, field=field, code="invalid")
        error_of(users("", who="officer"), 403)
        before = audit_rows(s, "user.export")
        head, rows = exported(s, "admin", "/api/v1/users/export?sort=name")
        eq((head, len(rows)), (["name", "id", "display_name", "role", "posts", "enterprise", "disabled", "created_at", "updated_at"],
                               len(everyone)))
        assert not any("$argon2" in row or "$" in row.split(",")[0] for row in rows)
        error_of(s.as_user("officer", "POST", "/api/v1/users/export"), 403)
        eq(audit_rows(s, "user.export"), before + 1)

    @test
    def liaison_problems_are_found_sorted_paged_and_exported(s):
        from services_cases import problem
        tag = "LST%d" % next(_seq)
        made = []
        for urgency in ("urgent", "normal", "urgent"):
            r = s.as_user("dl-fishery", "POST", "/api/v1/liaison/problems",
                          problem(title="冷链查验预约 " + tag, urgency=urgency))
            eq(r.status, 201, repr(r))
            made.append(r.json["problem_no"])
        probs = lambda q, who="officer": s.as_user(who, "GET", "/api/v1/liaison/problems?" + q)
        # by its number, any part of its title (in any case)
        eq(keys(probs("q=" + made[1]), "problem_no"), [made[1]])
        eq(sorted(keys(probs("q=" + tag.lower()), "problem_no")), sorted(made))
        r = probs("q=%s&sort=-raised_at&page=1&limit=2" % tag)
        eq((r.json["total"], keys(r, "problem_no"), r.json["next_cursor"]), (3, made[::-1][:2], None))
        eq(keys(probs("q=%s&sort=-raised_at&page=2&limit=2" % tag), "problem_no"), made[:1])
        eq(keys(probs("q=%s&urgency=normal" % tag), "problem_no"), [made[1]])
        # cursor paging, newest first, as it was
        r = probs("q=%s&limit=2" % tag)
        eq((keys(r, "problem_no"), r.json["next_cursor"], "total" in r.json), (made[::-1][:2], made[1], False))
        eq(keys(probs("q=" + tag, who="dl-trading"), "problem_no"), [])
        eq(len(keys(probs("q=" + tag, who="dl-fishery"), "problem_no")), 3)
        for query, field in (("sort=title", "sort"), ("page=0", "page"), ("queue=maybe", "queue"),
                             ("sort=status&cursor=" + made[0], "cursor")):
            error_of(probs(query), 400, field=field, code="invalid")
        before = audit_rows(s, "liaison_problem.export")
        head, rows = exported(s, "officer", "/api/v1/liaison/problems/export?sort=problem_no&q=" + tag)
        eq((head[:4], [row.split(",")[0] for row in rows]), (["problem_no", "enterprise", "category", "title"], made))
        eq(exported(s, "dl-trading", "/api/v1/liaison/problems/export?q=" + tag)[1], [])
        eq(audit_rows(s, "liaison_problem.export"), before + 2)
