"""decimal_cases.py — API tests of decimal quantities and weights (issue 14: quantities to 5
places, weights in kg to 3, kept as integers of the smallest unit; 报关单填制规范 gives the
places, 海关进出境运输工具舱单管理办法 the bill the declarations reconcile with). Each rule has a
refused and an accepted case; they run on the suite's backend, SQLite or PostgreSQL.
Registered by run_api_tests.py; each test makes its own bills."""
import json

import harness
from cargo_cases import bill, bill_no, declaration, file, manifest

ITEM = {"hs_code": "8483409000", "name": "齿轮箱", "origin": "DE", "quantity": 1, "unit": "台",
        "value": "1000.00", "currency": "CNY", "gross_weight_kg": 10, "net_weight_kg": 9}


def item(**changes):
    return dict(ITEM, **changes)


def register(test, eq, error_of):
    @test
    def quantities_and_weights_accept_their_decimal_places(s):
        b = bill_no()
        eq(manifest(s, [bill(b, packages=10, gross=5000)]).status, 201)
        # 报关单填制规范: a quantity to 5 places, a weight in kg to 3; more is refused naming the
        # field and the rule, and writes nothing
        def count():
            return int(s.sql("SELECT COUNT(*) FROM declarations WHERE bill_no = '%s'" % b)[0][0])
        before = count()
        err = error_of(file(s, b, items=[item(quantity=3.123456)]), 400, field="items[0].quantity",
                       code="too_many_places")
        assert "at most 5 decimal places" in err["message"], err
        error_of(file(s, b, items=[item(quantity="3.123456")]), 400, field="items[0].quantity", code="too_many_places")
        error_of(file(s, b, items=[item(gross_weight_kg=2100.5005, net_weight_kg=2000)]), 400,
                 field="items[0].gross_weight_kg", code="too_many_places")
        error_of(file(s, b, items=[item(quantity="1e3")]), 400, field="items[0].quantity", code="not_a_decimal")
        error_of(file(s, b, items=[item(quantity=-1.5)]), 400, field="items[0].quantity", code="negative")
        error_of(file(s, b, items=[item(quantity=0)]), 400, field="items[0].quantity", code="invalid")
        # the Chinese message names the rule too
        method, path, body, who = declaration(b, items=[item(quantity=3.123456)])
        zh = s.as_user(who, method, path, body, headers={"Accept-Language": "zh-CN"})
        eq(zh.status, 400)
        assert "小数" in zh.json["error"]["message"], zh.json
        # net weight never exceeds gross, to the gram
        error_of(file(s, b, items=[item(gross_weight_kg=2100.5, net_weight_kg=2100.501)]), 400,
                 field="items[0].net_weight_kg", code="net_over_gross")
        eq(count(), before)
        # accepted: a number or a string, read back as the same decimal (2100 stays an integer);
        # the fraction in a measure, 千克 (gear boxes' second legal unit: 台/千克)
        r = file(s, b, items=[item(quantity=3.12345, unit="千克", gross_weight_kg=2100.5, net_weight_kg="2100.5"),
                              item(quantity="2", gross_weight_kg=2100, net_weight_kg=2000)])
        eq(r.status, 201, repr(r))
        got = s.as_user("dl-trading", "GET", "/api/v1/declarations/" + r.json["entry_no"])
        eq(got.status, 200)
        one, two = got.json["items"]
        eq((one["quantity"], one["gross_weight_kg"], one["net_weight_kg"]), (3.12345, 2100.5, 2100.5))
        eq((two["quantity"], two["gross_weight_kg"]), (2, 2100))
        assert isinstance(two["quantity"], int) and isinstance(two["gross_weight_kg"], int), two
        # the reply's text is the exact decimal, not a binary approximation of it
        assert '"quantity":3.12345' in got.body and '"gross_weight_kg":2100.5' in got.body, got.body[:400]
        # kept as integers of the smallest unit: 1e-5 of the unit, the gram
        rows = s.sql("SELECT quantity, gross_weight_kg, net_weight_kg FROM declaration_items WHERE entry_no = '%s'"
                     " ORDER BY line_no" % r.json["entry_no"])
        eq([[int(v) for v in row] for row in rows], [[312345, 2100500, 2100500], [200000, 2100000, 2000000]])
        # and the audit trail records the same decimals: `audit reconcile` finds nothing changed
        p = s.cli("audit", "reconcile", check=False)
        assert r.json["entry_no"] not in p.stdout, p.stdout[-2000:]

    @test
    def a_bill_reconciles_with_the_decimal_weights_of_its_declarations(s):
        # 海关进出境运输工具舱单管理办法: the declarations on a bill together declare no more than the
        # bill carries; with no tolerance configured (HAIGUAN_WEIGHT_TOLERANCE_PPM=0) the gram counts
        exact = harness.Server(s.binary, db=s.db, keys=s.keys, setup=False,
                               env={"HAIGUAN_WEIGHT_TOLERANCE_PPM": "0"})
        try:
            # a bill of 10.5 t: two declarations of 5.25 t are accepted
            b = bill_no()
            eq(manifest(exact, [bill(b, packages=10, gross=10500)]).status, 201)
            for _ in range(2):
                r = file(exact, b, items=[item(gross_weight_kg=5250, net_weight_kg=5000)])
                eq(r.status, 201, repr(r))
            # 5.3 t + 5.3 t on another bill of 10.5 t: the second is refused, naming the bill's weight
            b = bill_no()
            eq(manifest(exact, [bill(b, packages=10, gross=10500)]).status, 201)
            eq(file(exact, b, items=[item(gross_weight_kg=5300, net_weight_kg=5000)]).status, 201)
            err = error_of(file(exact, b, items=[item(gross_weight_kg=5300, net_weight_kg=5000)]), 409,
                           field="items", code="bill_weight")
            assert "carries 10500 kg gross" in err["message"] and "10600 kg" in err["message"], err
            # to the gram: a bill of 1000.001 kg takes 500.001 + 500 and not one gram more
            b = bill_no()
            m = manifest(exact, [bill(b, packages=10, gross=1000.001)])
            eq(m.status, 201, repr(m))
            eq(exact.as_user("dl-agent", "GET", "/api/v1/manifests/" + m.json["manifest_no"])
               .json["bills"][0]["gross_weight_kg"], 1000.001)
            eq(file(exact, b, items=[item(gross_weight_kg=500.001, net_weight_kg=500)]).status, 201)
            err = error_of(file(exact, b, items=[item(gross_weight_kg=500.001, net_weight_kg=500)]), 409,
                           field="items", code="bill_weight")
            assert "carries 1000.001 kg gross" in err["message"] and "1000.002 kg" in err["message"], err
            eq(file(exact, b, items=[item(gross_weight_kg=500, net_weight_kg=499.999)]).status, 201)
            # a bill's weight has its 3 places too
            error_of(manifest(exact, [bill(bill_no(), gross=10.0005)]), 400, field="bills[0].gross_weight_kg",
                     code="too_many_places")
        finally:
            exact.cleanup()

    @test
    def goods_counted_in_pieces_are_declared_in_whole_pieces(s):
        # 报关单填制规范 (数量及单位) / 海关计量单位代码表: a unit of count (台, 件, 箱 …) takes whole
        # quantities; the 5 places are for measures (千克, 米) and counts in thousands (千个)
        b = bill_no()
        eq(manifest(s, [bill(b, packages=10, gross=5000)]).status, 201)
        before = int(s.sql("SELECT COUNT(*) FROM declarations WHERE bill_no = '%s'" % b)[0][0])
        err = error_of(file(s, b, items=[item(quantity=0.5)]), 400, field="items[0].quantity", code="whole_units")
        assert "台" in err["message"], err
        error_of(file(s, b, items=[item(), item(quantity="2.00001")]), 400, field="items[1].quantity",
                 code="whole_units")
        eq(int(s.sql("SELECT COUNT(*) FROM declarations WHERE bill_no = '%s'" % b)[0][0]), before)
        # accepted: whole pieces (2 台, "3.00000" 台), a fraction of a measure (0.5 千克)
        r = file(s, b, items=[item(quantity=2), item(quantity="3.00000"), item(quantity=0.5, unit="千克")])
        eq(r.status, 201, repr(r))
        # read back in their units
        entry = r.json["entry_no"]
        units = [i["unit"] for i in s.as_user("dl-trading", "GET", "/api/v1/declarations/" + entry).json["items"]]
        eq(units, ["台", "台", "千克"])

    @test
    def a_real_number_of_more_than_15_digits_is_asked_as_a_string(s):
        # a JSON number is read by the decimal it was written as, up to the 15 digits a double
        # holds; past them the client is asked for a string, never silently rounded
        b = bill_no()
        eq(manifest(s, [bill(b, packages=10, gross=5000)]).status, 201)
        # (in 千克, the line's second legal unit: a count takes whole pieces)
        method, path, body, who = declaration(b, items=[item(unit="千克")])
        text = json.dumps(body).replace('"quantity": 1,', '"quantity": 0.30000000000000004,')
        assert "0.30000000000000004" in text
        error_of(s.as_user(who, method, path, raw=text), 400, field="items[0].quantity", code="imprecise_number")
        text = json.dumps(body).replace('"quantity": 1,', '"quantity": "12345678901.12345",')
        r = s.as_user(who, method, path, raw=text)
        eq(r.status, 201, repr(r))
        got = s.as_user(who, "GET", "/api/v1/declarations/" + r.json["entry_no"])
        eq(got.json["items"][0]["quantity"], "12345678901.12345")   # 16 digits: exact, as a string

    @test
    def migration_299_rescales_what_was_filed_before_decimals(s):
        # the quantities and weights filed as whole units and kilograms become 1e-5 units and grams,
        # on either backend; a database of its own, so that no other test's rows are rescaled twice
        import os
        import shutil
        import subprocess
        import tempfile
        work = tempfile.mkdtemp(prefix="haiguan-mig-")
        url = harness.pg_create_database(harness.pg_base()) if harness.pg_base() else os.path.join(work, "old.db")
        env = dict(os.environ, HAIGUAN_DB=url, HAIGUAN_KEYS=os.path.join(work, "keys"))

        def run(*args):
            p = subprocess.run([s.binary] + list(args), env=env, capture_output=True, text=True, timeout=120)
            assert p.returncode == 0, p.stdout + p.stderr

        def sql(statement):
            if url.startswith("postgres"):
                return harness.psql(url, statement)
            import sqlite3
            con = sqlite3.connect(url)
            try:
                rows = [[str(v) for v in r] for r in con.execute(statement).fetchall()]
                con.commit()
                return rows
            finally:
                con.close()
        try:
            run("init")
            for statement in [
                    "INSERT INTO manifests (manifest_no, direction, transport_mode, port, eta, filer, status, created_ms,"
                    " updated_ms) VALUES ('MF-OLD', 'import', 'sea', '0901', 0, 'x', 'filed', 0, 0)",
                    "INSERT INTO manifest_bills (manifest_no, line_no, bill_no, consignee, goods_description, packages,"
                    " gross_weight_kg) VALUES ('MF-OLD', 1, 'BILL-OLD', '91210200241600015L', 'parts', 120, 18200)",
                    "INSERT INTO declarations (entry_no, direction, kind, declarant, port, transport_mode, bill_no,"
                    " trade_country, status, lane, advance, filed_ms, updated_ms) VALUES ('E-OLD', 'import', 'complete',"
                    " 'x', '0901', 'sea', 'BILL-OLD', 'DE', 'filed', 'green', 0, 0, 0)",
                    "INSERT INTO declaration_items (entry_no, line_no, hs_code, name, origin, quantity, unit, value,"
                    " currency, gross_weight_kg, net_weight_kg) VALUES ('E-OLD', 1, '8458110090', 'lathe', 'DE', 120,"
                    " 'x', 100, 'CNY', 18200, 17600)",
                    "INSERT INTO ledger (entry_no, line_no, hs_code, quantity, unit, status, released_quantity,"
                    " updated_ms) VALUES ('E-OLD', 1, '8458110090', 120, 'x', 'passed', 120, 0)",
                    "DELETE FROM schema_migrations WHERE version = 299"]:
                sql(statement)
            run("init")   # applies 299 again, as to a database of before it
            eq(sql("SELECT quantity, gross_weight_kg, net_weight_kg FROM declaration_items WHERE entry_no = 'E-OLD'"),
               [["12000000", "18200000", "17600000"]])
            eq(sql("SELECT gross_weight_kg FROM manifest_bills WHERE bill_no = 'BILL-OLD'"), [["18200000"]])
            eq(sql("SELECT quantity, released_quantity FROM ledger WHERE entry_no = 'E-OLD'"), [["12000000", "12000000"]])
            eq(sql("SELECT COUNT(*) FROM schema_migrations WHERE version = 299"), [["1"]])
        finally:
            if url.startswith("postgres"):
                harness.pg_drop_database(url)
            shutil.rmtree(work, ignore_errors=True)
