"""units_cases.py — API tests of the customs table of units of measurement (海关计量单位代码表,
src/platform/units.c): GET /api/v1/reference/units (public, cached, versioned) and the check an
item's `unit` meets when a declaration is filed (stated by its Chinese name, as the tariff's
legal units are). Registered by run_api_tests.py (register_area). Bills are this module's own
(UNT…)."""
import itertools

from cargo_cases import bill, file, manifest

_seq = itertools.count(1)


def bill_no():
    return "UNT%010d" % next(_seq)


GEAR = {"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
        "value": "1000.00", "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}


def register_area(test, eq, error_of):
    @test
    def the_units_table_is_public_cached_and_versioned(s):
        # 海关计量单位代码表: public like the other reference names, cached a day, with its version
        r = s.request("GET", "/api/v1/reference/units")
        eq(r.status, 200, repr(r))
        eq(r.header("Cache-Control"), "public, max-age=86400")
        assert isinstance(r.json["version"], int) and r.json["version"] >= 1, r.json["version"]
        items = r.json["items"]
        codes = [u["code"] for u in items]
        eq(codes, sorted(set(codes)), "sorted by code, each once")
        by_code = {u["code"]: (u["name_zh"], u["name_en"]) for u in items}
        for code, zh in [("001", "台"), ("007", "个"), ("011", "件"), ("035", "千克"), ("036", "克"), ("070", "吨"),
                         ("095", "升"), ("096", "毫升"), ("120", "箱"), ("142", "瓶")]:
            eq(by_code[code][0], zh, code)
        eq(by_code["035"][1], "kilogram")
        # the same answer signed in
        eq(s.as_user("dl-trading", "GET", "/api/v1/reference/units").json, r.json)

    @test
    def an_items_unit_is_a_unit_of_the_customs_table_by_its_name(s):
        # 海关计量单位代码表 (报关单填制规范: 计量单位 from the table): refused before anything is stored
        b = bill_no()
        eq(manifest(s, [bill(b)]).status, 201)
        before = s.sql("SELECT COUNT(*) FROM declarations WHERE bill_no = '%s'" % b)
        err = error_of(file(s, b, items=[dict(GEAR, unit="公斤")]), 400, field="items[0].unit", code="invalid")
        assert "customs table of units" in err["message"], err
        # the second item is named by its index
        error_of(file(s, b, items=[GEAR, dict(GEAR, unit="pcs")]), 400, field="items[1].unit", code="invalid")
        # a code outside the table is refused as an unknown name is
        err = error_of(file(s, b, items=[dict(GEAR, unit="999")]), 400, field="items[0].unit", code="invalid")
        assert "customs table of units" in err["message"], err
        # in Chinese by default
        zh = error_of(s.as_user("dl-trading", "POST", "/api/v1/declarations",
                                dict(_body(b), items=[dict(GEAR, unit="公斤")]), headers={"Accept-Language": None}),
                      400, field="items[0].unit")
        assert "海关计量单位代码表" in zh["message"] and "单位" in zh["message"], zh
        eq(s.sql("SELECT COUNT(*) FROM declarations WHERE bill_no = '%s'" % b), before)
        # accepted: the tariff line's legal unit by name (台), and a unit of the table where the
        # tariff gives the line none (live horses: 匹)
        eq(file(s, b, items=[GEAR]).status, 201)
        horses = {"hs_code": "0101210010", "name": "改良种用马", "origin": "IE", "quantity": 2, "unit": "匹",
                  "value": "100000.00", "currency": "CNY", "gross_weight_kg": 1200, "net_weight_kg": 1100}
        b2 = bill_no()
        eq(manifest(s, [bill(b2, gross=2000)]).status, 201)
        r = file(s, b2, items=[horses])
        eq(r.status, 201, r.body)
        eq(s.as_user("dl-trading", "GET", "/api/v1/declarations/" + r.json["entry_no"]).json["items"][0]["unit"], "匹")

    @test
    def an_items_unit_sent_as_its_code_is_stored_as_its_name(s):
        # 海关计量单位代码表: EDI messages and the single window send the code (035); it is taken and
        # stored as the table's name (千克), the one form the tariff's legal units are compared with
        b = bill_no()
        eq(manifest(s, [bill(b)]).status, 201)
        r = file(s, b, items=[dict(GEAR, unit="035")])
        eq(r.status, 201, r.body)
        eq(r.json["items"][0]["unit"], "千克")
        eq(s.as_user("dl-trading", "GET", "/api/v1/declarations/" + r.json["entry_no"]).json["items"][0]["unit"], "千克")
        # a code the table does not have stays refused, naming the item's field
        b2 = bill_no()
        eq(manifest(s, [bill(b2)]).status, 201)
        before = s.sql("SELECT COUNT(*) FROM declarations WHERE bill_no = '%s'" % b2)
        err = error_of(file(s, b2, items=[dict(GEAR, unit="999")]), 400, field="items[0].unit", code="invalid")
        assert "customs table of units" in err["message"], err
        eq(s.sql("SELECT COUNT(*) FROM declarations WHERE bill_no = '%s'" % b2), before)

    @test
    def the_legal_unit_check_still_names_the_tariffs_units(s):
        # a unit of the table that is not the line's legal unit stays unit_not_legal (法定计量单位)
        b = bill_no()
        eq(manifest(s, [bill(b)]).status, 201)
        err = error_of(file(s, b, items=[dict(GEAR, unit="箱")]), 400, field="items[0].unit", code="unit_not_legal")
        assert "台/千克" in err["message"], err


def _body(b):
    from cargo_cases import declaration
    return declaration(b)[2]
