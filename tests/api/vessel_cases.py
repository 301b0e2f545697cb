"""vessel_cases.py — API tests of vessel epidemic warning and disposal (issue 19), found by
run_api_tests.py by its name: the agent's arrival declaration (FAL 1, the Maritime Declaration
of Health of IHR 2005 Annex 8, the FAL 5/6 lists) and every bad input of the issue refused
naming its field with nothing written; the warning rules and the MDH/crew-list cross-check;
the tour (boarding, testing on application, a positive crew member, the order that holds the
cargo's arrival report, release and gate exit, the departure) and a clean ship's radio
pratique; amendments; the rules and the high-risk list; figures. Each test makes its own ship
(a fresh IMO number), so that its orders hold nothing of other tests'."""
import datetime
import random

from cargo_cases import arrive, bill, bill_no, file, manifest

TZ = datetime.timezone(datetime.timedelta(hours=8))


def day(n=0):
    return (datetime.datetime.now(TZ) + datetime.timedelta(days=n)).strftime("%Y-%m-%d")


def at(hours=0):
    return (datetime.datetime.now(TZ) + datetime.timedelta(hours=hours)).replace(microsecond=0).isoformat()


def new_imo():
    """A fresh IMO number with its check digit (weights 7..2 on the first six digits)."""
    d = [random.randint(1, 9)] + [random.randint(0, 9) for _ in range(5)]
    return "IMO" + "".join(map(str, d)) + str(sum(x * w for x, w in zip(d, range(7, 1, -1))) % 10)


def container_no():
    """A fresh ISO 6346 container number with its check digit."""
    values = {c: v for c, v in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", [v for v in range(10, 39) if v % 11])}
    body = "HGVU%06d" % random.randint(0, 999999)
    total = sum((values[c] if c.isalpha() else int(c)) * 2 ** i for i, c in enumerate(body))
    return body + str(total % 11 % 10)


def person(family, given, kind="crew", **kw):
    p = {"kind": kind, "family_name": family, "given_name": given, "rank": "AB" if kind == "crew" else None,
         "nationality": "PH", "birth_date": "1985-03-04", "document_type": "seafarer_book",
         "document_no": "SB%06d" % random.randint(0, 999999), "document_state": "PH", "document_expiry": day(400),
         "embarked_port": "SGSIN", "embarked_on": day(-60), "temperature_dc": 365}
    p.update(kw)
    return {k: v for k, v in p.items() if v is not None}


def declaration(imo=None, **kw):
    d = {"vessel_name": "HAI YUN", "imo": imo or new_imo(), "call_sign": "VRAB%d" % random.randint(1, 9),
         "flag": "PA", "gross_tonnage": 23000, "voyage": "V%03d" % random.randint(1, 999), "port": "0901",
         "arrival_port": "CNDLC", "eta": at(48), "purpose": "cargo", "cargo_kind": "container",
         "last_ports": [{"locode": "KRPUS", "arrived_on": day(-6), "left_on": day(-5)}],
         "sanitation_cert": "sscec", "cert_place": "SGSIN", "cert_issued_on": day(-60), "affected_area": False,
         "joined": 0, "persons": [person("SANTOS", "JOSE", rank="Master"), person("REYES", "MARIO")]}
    for q in ("q1_death", "q2_infectious", "q3_ill_excess", "q4_ill_now", "q5_practitioner", "q6_condition",
              "q7_measure", "q8_stowaways", "q9_sick_animal"):
        d[q] = False
    d.update(kw)
    return d


def declare(s, body, who="dl-agent"):
    return s.as_user(who, "POST", "/api/v1/vessels/arrivals", body)


def rules(r):
    return sorted({x["rule"] for x in r.json["reasons"]})


def lab(s):
    return s.cli("token", "create", "--user", "lab01", "--scopes", "lab").stdout.strip()


def count(s, table):
    return int(s.sql("SELECT COUNT(*) FROM %s" % table)[0][0])


def register_area(test, eq, error_of):

    @test
    def vessel_declaration_radio_pratique_for_a_clean_ship(s):
        # GACC April 2020: declared 24 h before arrival with a valid SSCEC and no yes: radio pratique (电讯检疫)
        r = declare(s, declaration())
        eq(r.status, 201, repr(r))
        eq(r.json["level"], "radio_pratique")
        eq(r.json["reasons"], [])
        eq(r.json["late"], False)
        eq(r.json["agent"], "91210200118877668W")
        no = r.json["call_no"]
        page = s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals/" + no).json
        eq([t["kind"] for t in page["tasks"]], ["pratique"])
        assert "radio" in page["next_step"], page["next_step"]
        eq(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/pratique" % no,
                     {"decision": "granted", "reason": "电讯检疫：卫生证书有效，申报及时"}).status, 200)
        page = s.as_user("dl-agent", "GET", "/api/v1/vessels/arrivals/" + no).json
        eq(page["pratique"], "granted")
        eq(page["tasks"][0]["status"], "done")
        assert [e for e in page["timeline"] if e["event"] == "pratique_granted"], page["timeline"]
        # data about people: the audit trail keeps a hash of the lists, not the crew's documents (docs/vessel.md)
        rows = s.sql("SELECT after_json FROM audit_log WHERE object_id = '%s'" % no)
        assert rows and all(p["document_no"] not in (r[0] or "") and "SANTOS" not in (r[0] or "") for r in rows
                            for p in page["persons"]), rows[0]
        assert '"sha256"' in rows[0][0], rows[0]
        # another enterprise, and an officer without the quarantine post, see nothing of it
        error_of(s.as_user("dl-trading", "GET", "/api/v1/vessels/arrivals/" + no), 404)
        error_of(s.as_user("officer", "GET", "/api/v1/vessels/arrivals/" + no), 403)

    @test
    def vessel_bad_input_refused_naming_the_field(s):
        expired = person("CRUZ", "ANA", document_expiry=day(-1))
        twin = person("LIM", "BEN", document_no="SB123456")
        cases = [
            (dict(imo="IMO9074728"), "imo", None),                                     # check digit wrong
            (dict(last_ports=[{"locode": "XXABC", "arrived_on": day(-6), "left_on": day(-5)}]),
             "last_ports[0].locode", None),                                            # UN/LOCODE country unknown
            (dict(last_ports=[{"locode": "KRPUS", "arrived_on": day(-40), "left_on": day(-35)}]),
             "last_ports[0].left_on", "out_of_range"),                                 # FAL 1: the last 30 days
            (dict(eta=at(-2)), "eta", "eta_past"),                                     # an ETA in the past
            (dict(persons=[expired]), "persons[0].document_expiry", "document_expired"),
            (dict(persons=[person("TAN", "HOT", temperature_dc=600)]), "persons[0].temperature_dc", None),  # 60 °C
            (dict(persons=[twin, dict(twin, family_name="LIM2")]), "persons[1].document_no", "duplicate"),
            (dict(persons=[person("GO", "AL", rank=None)]), "persons[0].rank", "required"),   # FAL 5: rank or rating
            (dict(q4_ill_now=True), "q4_ill_now_details", "details_required"),         # IHR Annex 8: details of a yes
            (dict(sanitation_cert="sscc", cert_place=None), "cert_place", "required"),
            (dict(call_sign="12345"), "call_sign", None),
            (dict(flag="XX"), "flag", None),
            (dict(level="radio_pratique"), "level", None),                             # the server's field
            (dict(persons=[person("NG", "MRZ", document_type="passport", document_no="L898902C3",
                                  mrz="P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< "
                                      "L898902C36UTO7408122F1204159ZE184226B<<<<<11")]), "persons[0].mrz", None),
        ]
        before = count(s, "vessel_calls")
        for kw, field, code in cases:
            body = declaration(**kw)
            for k, v in list(body.items()):
                if v is None:
                    body.pop(k)
            error_of(declare(s, body), 400, field=field, code=code)
        eq(count(s, "vessel_calls"), before, "nothing written")
        # the accepted counterparts: a passport whose MRZ names it (ICAO 9303), a yes with its details
        ok = declaration(q4_ill_now=True, q4_ill_now_details="一名船员牙痛，无发热",
                         persons=[person("ERIKSSON", "ANNA", document_type="passport", document_no="L898902C3",
                                         mrz="P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< "
                                             "L898902C36UTO7408122F1204159ZE184226B<<<<<10")])
        r = declare(s, ok)
        eq(r.status, 201, repr(r))
        eq(r.json["level"], "lock", "a yes to question 4 locks (GACC April 2020)")
        # only shipping agents declare
        error_of(declare(s, declaration(), who="dl-trading"), 403, code="vessel_agent")
        error_of(declare(s, declaration(), who="quarantine"), 403)

    @test
    def vessel_rules_give_levels_with_reasons(s):
        # GACC April 2020: fever (≥ 37.3 °C) or a yes to questions 1-4 or 6 locks
        r = declare(s, declaration(persons=[person("WANG", "WEI", temperature_dc=378), person("LI", "NA")]))
        eq((r.status, r.json["level"]), (201, "lock"))
        eq(rules(r), ["fever"])
        assert "37.8" in r.json["reasons"][0]["reason"], r.json["reasons"]
        page = s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals/" + r.json["call_no"]).json
        eq(sorted(t["kind"] for t in page["tasks"]), ["boarding", "pratique"])
        eq([o["kind"] for o in page["orders"]], ["no_cargo_operations"], "locked: no cargo operations until cleared")
        eq(page["persons"][0]["flags"], ["fever"])
        eq(declare(s, declaration(q2_infectious=True, q2_infectious_details="疑似水痘")).json["level"], "lock")
        # a yes to question 7 (a sanitary measure) boards, it does not lock
        eq(declare(s, declaration(q7_measure=True, q7_measure_details="货舱熏蒸")).json["level"], "board")
        # IHR 2005 art. 39: a sanitation certificate is valid six months
        r = declare(s, declaration(cert_issued_on=day(-200)))
        eq((r.json["level"], rules(r)), ("board", ["certificate"]))
        eq(rules(declare(s, declaration(sanitation_cert="none", cert_place=None, cert_issued_on=None))),
           ["certificate"])
        eq(declare(s, declaration(cert_issued_on=day(-150))).json["level"], "radio_pratique")
        # declared less than 24 hours ahead: accepted and flagged late, no radio pratique
        r = declare(s, declaration(eta=at(10)))
        eq((r.status, r.json["late"], r.json["level"], rules(r)), (201, True, "board", ["late_report"]))
        # MDH: an affected area visited
        eq(rules(declare(s, declaration(affected_area=True, affected_area_details="途经疫区港口"))),
           ["affected_area"])
        # cold-chain cargo and repair ships: crew tested on application, the level unchanged
        r = declare(s, declaration(cargo_kind="cold_chain_container"))
        eq((r.json["level"], r.json["testing_required"]), ("radio_pratique", True))
        r = declare(s, declaration(purpose="repair", cargo_kind="none"))
        eq((r.json["level"], r.json["testing_required"], rules(r)), ("radio_pratique", True, ["repair_testing"]))

    @test
    def vessel_the_crew_list_is_cross_checked_with_the_mdh(s):
        # September 2020: crew joined within 14 days need a negative test within 3 days before boarding
        tested = person("ZHAO", "LEI", embarked_port="KRPUS", embarked_on=day(-5), test_on=day(-7),
                        test_result="negative")
        r = declare(s, declaration(joined=1, persons=[person("SANTOS", "JOSE", rank="Master"), tested]))
        eq((r.status, r.json["level"], r.json["reasons"]), (201, "radio_pratique", []))
        untested = dict(tested, test_on=None, test_result=None)
        untested = {k: v for k, v in untested.items() if v is not None}
        r = declare(s, declaration(joined=1, persons=[person("SANTOS", "JOSE", rank="Master"), untested]))
        eq((r.json["level"], rules(r)), ("board", ["joined_untested"]))
        assert "ZHAO LEI joined on" in r.json["reasons"][0]["reason"], r.json["reasons"]
        old = dict(tested, test_on=day(-10))   # more than 3 days before boarding
        eq(rules(declare(s, declaration(joined=1, persons=[old]))), ["joined_untested"])
        # the MDH says nobody joined, the list shows one embarked within 30 days (and the reverse)
        r = declare(s, declaration(joined=0, persons=[person("SANTOS", "JOSE", rank="Master"), tested]))
        eq((r.json["level"], rules(r)), ("board", ["joined_crosscheck"]))
        assert "MDH declares 0" in r.json["reasons"][0]["reason"], r.json["reasons"]
        eq(rules(declare(s, declaration(joined=2))), ["joined_crosscheck"])

    @test
    def vessel_high_risk_ports_and_rules_are_configurable(s):
        error_of(s.as_user("officer", "POST", "/api/v1/vessels/risk-ports",
                           {"locode": "INBOM", "level": "lock", "note": "x"}), 403)
        error_of(s.as_user("quarantine", "POST", "/api/v1/vessels/risk-ports",
                           {"locode": "INBOM", "level": "radio_pratique", "note": "高风险"}), 400, field="level")
        r = s.as_user("quarantine", "POST", "/api/v1/vessels/risk-ports",
                      {"locode": "IN BOM", "level": "lock", "note": "高风险港口"})
        eq((r.status, r.json["locode"]), (200, "INBOM"))
        ports = [{"locode": "INBOM", "arrived_on": day(-12), "left_on": day(-10)}]
        r = declare(s, declaration(last_ports=ports))
        eq((r.json["level"], rules(r)), ("lock", ["risk_port"]))
        # beyond the rule's 14 days the port no longer counts
        eq(declare(s, declaration(last_ports=[{"locode": "INBOM", "arrived_on": day(-20), "left_on": day(-18)}]))
           .json["level"], "radio_pratique")
        # a rule's change is an officer's and applies to what is declared after it
        error_of(s.as_user("quarantine", "PATCH", "/api/v1/vessels/rules/fever", {"param": 200}), 400, field="param")
        error_of(s.as_user("quarantine", "PATCH", "/api/v1/vessels/rules/fever", {"kind": "x"}), 400, field="kind")
        eq(s.as_user("quarantine", "PATCH", "/api/v1/vessels/rules/fever", {"param": 380}).status, 200)
        try:
            warm = [person("WANG", "WEI", temperature_dc=375)]
            eq(declare(s, declaration(persons=warm)).json["level"], "radio_pratique")
        finally:
            eq(s.as_user("quarantine", "PATCH", "/api/v1/vessels/rules/fever", {"param": 373}).status, 200)
        eq(declare(s, declaration(persons=warm)).json["level"], "lock")
        row = s.sql("SELECT actor FROM audit_log WHERE action = 'vessel.rule' ORDER BY seq DESC LIMIT 1")
        eq(row[0][0], "quarantine", "audited with who")

    @test
    def vessel_amendments_until_arrival(s):
        body = declaration()
        r = declare(s, body)
        no = r.json["call_no"]
        error_of(s.as_user("dl-trading", "POST", "/api/v1/vessels/arrivals/%s/amendments" % no, body), 403)
        body2 = dict(body, persons=body["persons"] + [person("HOT", "ONE", temperature_dc=381)])
        r = s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/amendments" % no, body2)
        eq((r.status, r.json["level"], r.json["version"]), (200, "lock", 2), repr(r))
        error_of(s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/amendments" % no,
                           dict(body2, port="0908")), 400, field="port")
        page = s.as_user("dl-agent", "GET", "/api/v1/vessels/arrivals/" + no).json
        eq([v["version"] for v in page["versions"]], [1], "the former version kept")
        amended = [e for e in page["timeline"] if e["event"] == "amended"]
        eq(amended[0]["detail"]["from_level"], "radio_pratique")
        eq(len(page["persons"]), 3)
        eq(s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/arrived" % no, {"at": at(0)}).status, 200)
        error_of(s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/amendments" % no, body2), 409,
                 field="status", code="amendment_closed")
        # the next call of the same ship starts with its record
        r = declare(s, declaration(imo=body["imo"]))
        page = s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals/" + r.json["call_no"]).json
        eq([h["call_no"] for h in page["history"]], [no])
        eq(page["history"][0]["level"], "lock")

    @test
    def vessel_tour_positive_crew_holds_the_cargo(s):
        """The issue's tour: a cold-chain bulk ship with a crew change; the cross-check finds a joined
        crew member without a test; boarded; sampled on application; one positive; the no-unloading
        order holds arrival report, release and gate exit; lifted with a reason; departure."""
        imo, voyage = new_imo(), "V%03d" % random.randint(1, 999)
        joined = person("ZHAO", "LEI", embarked_port="KRPUS", embarked_on=day(-4))
        body = declaration(imo=imo, voyage=voyage, purpose="crew_change", cargo_kind="bulk_refrigerated", joined=1,
                           persons=[person("SANTOS", "JOSE", rank="Master"), person("REYES", "MARIO"), joined])
        r = declare(s, body)
        eq((r.status, r.json["level"]), (201, "board"), repr(r))
        eq(rules(r), ["cold_chain_testing", "joined_untested"])
        no = r.json["call_no"]
        # the vessel's cargo: a manifest of the same ship and voyage, one bill released and one not
        b1, b2, box = bill_no(), bill_no(), container_no()
        m = manifest(s, [bill(b1, containers=box, packages=1), bill(b2, packages=1)], vessel_imo=imo,
                     voyage=voyage, eta=at(0))
        eq(m.status, 201, repr(m))
        e1 = file(s, b1, packages=1, containers=box).json["entry_no"]
        e2 = file(s, b2, packages=1).json["entry_no"]
        for e in (e1, e2):
            due = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json["amount_due"]
            eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": due}).status, 201)
        arrive(s, m)
        terminal = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        eq(s.with_token(terminal, "POST", "/api/v1/arrivals", {"containers": [box]}).status, 201)
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e1).json["status"], "released")
        # boarded by a quarantine officer; the agent applies for testing
        error_of(s.as_user("officer", "POST", "/api/v1/vessels/arrivals/%s/boarding" % no,
                           {"started_at": at(-1), "ended_at": at(0), "crew_screened": 3, "findings": "无"}), 403)
        eq(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/boarding" % no,
                     {"started_at": at(-1), "ended_at": at(0), "crew_screened": 3,
                      "findings": "3人测温正常，ZHAO LEI 无登轮前核酸检测"}).status, 201)
        r = s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/testing" % no, {"note": "冷链船舶船员检测"})
        eq(r.status, 201, repr(r))
        samples = r.json["items"]
        eq(len(samples), 3, "every person sampled")
        error_of(s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/testing" % no, {}), 409)
        # the laboratory's fact only; a sample of another call is refused
        tok = lab(s)
        error_of(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/results" % no,
                           {"barcode": samples[0]["barcode"], "result": "negative"}), 403)
        other = declare(s, declaration()).json["call_no"]
        error_of(s.with_token(tok, "POST", "/api/v1/vessels/arrivals/%s/results" % other,
                              {"barcode": samples[0]["barcode"], "result": "negative"}), 400, field="barcode",
                 code="sample_of_another_call")
        for smp, res in zip(samples, ["negative", "negative", "positive"]):
            r = s.with_token(tok, "POST", "/api/v1/vessels/arrivals/%s/results" % no,
                             {"barcode": smp["barcode"], "result": res})
            eq(r.status, 200, repr(r))
        events = s.sql("SELECT type FROM event_outbox WHERE subject_id = '%s' ORDER BY seq" % no)
        assert ["vessel.crew_positive"] in events, events
        page = s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals/" + no).json
        orders = [o for o in page["orders"] if o["kind"] == "no_unloading_leave"]
        eq(len(orders), 1, "a refrigerated-cargo ship with a positive crew member: no unloading, leave")
        eq(page["persons"][2]["flags"], ["joined_untested", "positive"])
        # the order holds: arrival report of the other bill, its release, the gate exit of the released one
        error_of(s.with_token(terminal, "POST", "/api/v1/arrivals", {"bills": [b2]}), 409, code="vessel_order")
        error_of(s.as_user("officer", "POST", "/api/v1/declarations/%s/release" % e2), 409)
        gate = s.cli("token", "create", "--user", "gate01", "--scopes", "gate").stdout.strip()
        error_of(s.with_token(gate, "POST", "/api/v1/releases/%s/gate-out" % e1,
                              {"gate": "G1", "container": box}), 409)
        # free pratique is not granted while the order stands
        error_of(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/pratique" % no,
                           {"decision": "granted", "reason": "放行"}), 409, code="order_in_force")
        eq(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/pratique" % no,
                     {"decision": "refused", "reason": "船员核酸阳性，责令离港"}).status, 200)
        # lifting needs the post and a reason
        error_of(s.as_user("officer", "POST", "/api/v1/vessels/orders/%s/lift" % orders[0]["order_no"],
                           {"reason": "解除"}), 403)
        error_of(s.as_user("quarantine", "POST", "/api/v1/vessels/orders/%s/lift" % orders[0]["order_no"], {}), 400,
                 field="reason")
        # the officer records the departure; no amendment after it
        eq(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/departure" % no, {"at": at(0)}).status, 200)
        error_of(s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/amendments" % no, body), 409,
                 field="status")
        error_of(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/departure" % no, {"at": at(0)}), 409)
        # lifted (the ship has left; what it left behind may move)
        eq(s.as_user("quarantine", "POST", "/api/v1/vessels/orders/%s/lift" % orders[0]["order_no"],
                     {"reason": "船舶已离港，货物已消毒处理"}).status, 200)
        error_of(s.as_user("quarantine", "POST", "/api/v1/vessels/orders/%s/lift" % orders[0]["order_no"],
                           {"reason": "again"}), 409)
        eq(s.with_token(terminal, "POST", "/api/v1/arrivals", {"bills": [b2]}).status, 201)
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e2).json["status"], "released")
        row = s.sql("SELECT actor FROM audit_log WHERE action = 'vessel.order_lift' ORDER BY seq DESC LIMIT 1")
        eq(row[0][0], "quarantine")
        # its next call starts with its record (the history rule, by IMO number)
        r = declare(s, declaration(imo=imo, eta=at(24 * 3)))
        eq((r.json["level"], rules(r)), ("board", ["history"]))
        # figures count it
        f = s.as_user("manager", "GET", "/api/v1/vessels/figures?period=month").json["total"]
        assert f["positives"] >= 1 and f["orders"] >= 1 and f["cold_chain_tested"] >= 1, f
        assert f["quarantined"] >= 1 and f["boardings"] >= 1, f
        error_of(s.as_user("manager", "GET", "/api/v1/vessels/figures?period=year"), 400, field="period")
        error_of(s.as_user("dl-agent", "GET", "/api/v1/vessels/figures"), 403)

    @test
    def vessel_board_tasks_and_pratique_rules(s):
        r = declare(s, declaration(persons=[person("WANG", "WEI", temperature_dc=380)]))
        no = r.json["call_no"]
        board = s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals?view=board&limit=200").json["items"]
        mine = [c for c in board if c["call_no"] == no]
        eq(len(mine), 1, "expected within 72 h")
        eq((mine[0]["orders_in_force"], mine[0]["open_tasks"]), (1, 2))
        far = declare(s, declaration(eta=at(24 * 5))).json["call_no"]
        assert far not in [c["call_no"] for c in board]
        own = s.as_user("dl-agent", "GET", "/api/v1/vessels/arrivals?limit=200").json["items"]
        assert no in [c["call_no"] for c in own]
        eq(s.as_user("dl-trading", "GET", "/api/v1/vessels/arrivals").json["items"], [])
        error_of(s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals?view=x"), 400, field="view")
        tasks = s.as_user("quarantine", "GET", "/api/v1/vessels/tasks?post=quarantine&status=open").json["items"]
        assert {"boarding", "pratique"} <= {t["kind"] for t in tasks if t["call_no"] == no}, tasks
        # a locked ship gets free pratique only after its boarding and with its order lifted
        error_of(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/pratique" % no,
                           {"decision": "granted", "reason": "x1"}), 409, code="order_in_force")
        order = s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals/" + no).json["orders"][0]["order_no"]
        eq(s.as_user("quarantine", "POST", "/api/v1/vessels/orders/%s/lift" % order, {"reason": "复测体温正常"}).status,
           200)
        error_of(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/pratique" % no,
                           {"decision": "granted", "reason": "x2"}), 409, code="boarding_required")
        error_of(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/boarding" % no,
                           {"started_at": at(1), "ended_at": at(0), "crew_screened": 1, "findings": "x"}), 400,
                 field="ended_at")
        eq(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/boarding" % no,
                     {"started_at": at(-1), "ended_at": at(0), "crew_screened": 1, "findings": "复测36.8°C"}).status,
           201)
        error_of(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/boarding" % no,
                           {"started_at": at(-1), "ended_at": at(0), "crew_screened": 1, "findings": "x"}), 409)
        r = s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/pratique" % no,
                      {"decision": "granted", "reason": "登临检疫合格"})
        eq((r.status, r.json["pratique"]), (200, "granted"))
        # an arrival stated in the future is refused
        error_of(s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/arrived" % no, {"at": at(5)}), 400,
                 field="at")

    @test
    def vessel_purge_keeps_audit_whole(s):
        # SECURITY.md 21, IHR 2005 art. 45 (no longer than necessary): the kept versions and the lists'
        # health answers of a call that has ended are purged after the retention; the audit chain,
        # which holds only counts and hashes of the lists, still verifies
        body = declaration(persons=[person("SANTOS", "JOSE", rank="Master"), person("HOT", "ONE", temperature_dc=381)])
        gone = declare(s, body).json["call_no"]
        eq(s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/amendments" % gone, body).status, 200)
        eq(s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/arrived" % gone, {"at": at(0)}).status, 200)
        eq(s.as_user("quarantine", "POST", "/api/v1/vessels/arrivals/%s/departure" % gone, {"at": at(0)}).status, 200)
        kept = declare(s, dict(body, imo=new_imo())).json["call_no"]   # expected in 48 h: within retention
        kept_imo = s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals/" + kept).json["imo"]
        eq(s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/amendments" % kept,
                     dict(body, imo=kept_imo)).status, 200)
        p = s.cli("vessel", "purge", "--days", "x", check=False)
        eq(p.returncode, 2, "not a number of days")
        p = s.cli("vessel", "purge", "--days", "0")
        assert "purged the crew data of" in p.stdout, p.stdout
        # counts, not the values: psql prints an empty text or a NULL as an empty line
        eq(s.sql("SELECT COUNT(*) FROM vessel_call_versions WHERE call_no = '%s' AND body = '' AND purged_ms IS NOT "
                 "NULL" % gone), [["1"]])
        eq(s.sql("SELECT COUNT(*) FROM vessel_persons WHERE call_no = '%s' AND temperature_dc IS NULL" % gone), [["2"]])
        assert s.sql("SELECT body FROM vessel_call_versions WHERE call_no = '%s'" % kept)[0][0], "within retention: kept"
        eq(s.sql("SELECT temperature_dc FROM vessel_persons WHERE call_no = '%s' AND line_no = 2" % kept)[0][0], "381")
        p = s.cli("audit", "verify", check=False)
        eq(p.returncode, 0, p.stdout + p.stderr)
        page = s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals/" + gone).json
        eq([x["family_name"] for x in page["persons"]], ["SANTOS", "HOT"], "identities stay")
        assert page["purged_at"], page
        eq(s.sql("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"), [["vessel.purge"]])

    @test
    def vessel_task_queues_by_post(s):
        # the issue: tasks each with an owner post, read as queues by post; the supervision of a bulk
        # refrigerated cargo's disinfection is the inspection post's (docs/vessel.md, a choice)
        r = declare(s, declaration(cargo_kind="bulk_refrigerated", vessel_name="LENG YUN"))
        no = r.json["call_no"]
        page = s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals/" + no).json
        eq({t["kind"]: t["post"] for t in page["tasks"]}, {"pratique": "quarantine", "disinfection": "inspection"})
        q = s.as_user("officer", "GET", "/api/v1/vessels/tasks?post=inspection&status=open").json["items"]
        mine = [t for t in q if t["call_no"] == no]
        eq([(t["kind"], t["vessel_name"]) for t in mine], [("disinfection", "LENG YUN")])
        q = s.as_user("quarantine", "GET", "/api/v1/vessels/tasks?post=quarantine&status=open").json["items"]
        eq(sorted(t["kind"] for t in q if t["call_no"] == no), ["pratique"])
        error_of(s.as_user("officer", "GET", "/api/v1/vessels/tasks?status=late"), 400, field="status")
        error_of(s.as_user("dl-agent", "GET", "/api/v1/vessels/tasks?post=inspection"), 403)
        # the task is done by its own post, once, with a result
        task = mine[0]["task_no"]
        path = "/api/v1/vessels/tasks/%s/result" % task
        error_of(s.as_user("quarantine", "POST", path, {"result": "卸货全程消毒监督"}), 403, field="task_no",
                 code="not_the_post")
        error_of(s.as_user("officer", "POST", path, {"result": ""}), 400, field="result")
        r = s.as_user("officer", "POST", path, {"result": "卸货全程消毒监督，过氧乙酸喷洒"})
        eq((r.status, r.json["status"], r.json["done_by"]), (200, "done", "officer"), repr(r))
        error_of(s.as_user("officer", "POST", path, {"result": "again"}), 409, field="status", code="task_done")
        page = s.as_user("quarantine", "GET", "/api/v1/vessels/arrivals/" + no).json
        assert [e for e in page["timeline"] if e["event"] == "task_done"], page["timeline"]

    @test
    def vessel_crew_positive_is_followed_up_by_health(s):
        # the issue: crew positive results emit an event the health area can use — health keeps one
        # follow-up row each (barcode, call, ship), counted beside the travellers' positives; a
        # negative result gives none
        r = declare(s, declaration(purpose="repair", cargo_kind="none"))
        no, imo = r.json["call_no"], r.json["imo"]
        samples = s.as_user("dl-agent", "POST", "/api/v1/vessels/arrivals/%s/testing" % no, {}).json["items"]
        tok = lab(s)
        eq(s.with_token(tok, "POST", "/api/v1/vessels/arrivals/%s/results" % no,
                        {"barcode": samples[0]["barcode"], "result": "negative"}).status, 200)
        eq(s.with_token(tok, "POST", "/api/v1/vessels/arrivals/%s/results" % no,
                        {"barcode": samples[1]["barcode"], "result": "positive"}).status, 200)
        board = s.as_user("quarantine", "GET", "/api/v1/health/flights").json
        mine = [c for c in board["crew_positives"] if c["call_no"] == no]
        eq([(c["barcode"], c["imo"]) for c in mine], [(samples[1]["barcode"], imo)])
        assert "person" not in mine[0] and "JOSE" not in str(mine[0]), mine[0]
        t = s.as_user("quarantine", "GET", "/api/v1/health/timings?period=day").json
        assert sum(p["crew_positive"] for p in t["periods"]) >= 1, t["periods"]
