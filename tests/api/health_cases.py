"""health_cases.py — API tests of passenger health quarantine (issue 18), found by
run_api_tests.py by its name: a traveller declares without an account and gets a signed QR code
that an independent decoder (cbor2, cryptography's Ed25519, zlib and the Base45 of RFC 9285
written here) and zbarimg read back; every bad input of the issue is refused naming its field,
with nothing written; the counter's tour from the scan to the laboratory's results, the
clearance, the handover and its acknowledgement; an expired code; privacy (the quarantine
post only, masking, no answers in the audit trail); the purge with the audit chain whole; the
alarm on unacknowledged handovers."""
import datetime
import os
import random
import subprocess
import tempfile
import sys
import zlib

try:
    import cbor2  # noqa: F401
except ImportError:   # a Python of its own (pyenv, venv): Debian's python3-cbor2 (install-deps.sh test)
    sys.path.append("/usr/lib/python3/dist-packages")

TZ = datetime.timezone(datetime.timedelta(hours=8))
B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

# ICAO 9303 part 4's specimen passport (TD3), every check digit right
MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< L898902C36UTO7408122F1204159ZE184226B<<<<<10"


def b45decode(s):
    """RFC 9285 §4.2, independently of the server's."""
    out = bytearray()
    for i in range(0, len(s), 3):
        chunk = s[i:i + 3]
        v = sum(B45.index(c) * 45 ** k for k, c in enumerate(chunk))
        out += v.to_bytes(2 if len(chunk) == 3 else 1, "big")
    return bytes(out)


def b45encode(b):
    out = ""
    for i in range(0, len(b), 2):
        if i + 1 < len(b):
            v = b[i] * 256 + b[i + 1]
            out += B45[v % 45] + B45[v // 45 % 45] + B45[v // 2025]
        else:
            out += B45[b[i] % 45] + B45[b[i] // 45]
    return out


def today(days=0):
    """The traveller's entry date: the Shanghai date of 45 minutes ago, the day the tests' flights
    (scheduled 40 and landed 30 minutes ago) are on, also in the first minutes after midnight
    there (the server takes entry dates from yesterday on)."""
    base = datetime.datetime.now(TZ) - datetime.timedelta(minutes=45)
    return (base + datetime.timedelta(days=days)).strftime("%Y-%m-%d")


def rfc3339(minutes=0):
    return (datetime.datetime.now(TZ) + datetime.timedelta(minutes=minutes)).replace(microsecond=0).isoformat()


def new_flight_no():
    return "HG%d" % random.randint(1, 9999)


def declaration(flight_no, **kw):
    d = {"name": "张三", "name_mrz": "ZHANG<<SAN", "sex": "M", "birth_date": "1949-12-31", "nationality": "CN",
         "document_type": "resident_id", "document_no": "11010519491231002X", "flight_no": flight_no, "seat": "32A",
         "port": "CNDLC", "entry_date": today(),
         "visits": [{"country": "KR", "arrived_on": today(-5), "left_on": today()}],
         "address": "大连市中山区人民路15号1203室", "phone": "13912345678", "contact_cases": False,
         "fever_cluster": False, "symptoms": [], "antipyretics": False, "warning_accepted": True, "language": "zh"}
    d.update(kw)
    return d


def passport(flight_no, **kw):
    d = declaration(flight_no, name="Anna Maria Eriksson", name_mrz="ERIKSSON<<ANNA<MARIA", sex="F",
                    birth_date="1974-08-12", nationality="SE", document_type="passport", document_no="L898902C3",
                    mrz=MRZ, phone="+46701234567")
    d.update(kw)
    return d


def declare(s, body):
    return s.request("POST", "/api/v1/health/declarations", body)


def landed_flight(s, flight_no):
    r = s.as_user("quarantine", "POST", "/api/v1/health/flights",
                  {"flight_no": flight_no, "origin": "KRSEL", "port": "CNDLC", "scheduled_at": rfc3339(-40),
                   "passengers": 180, "crew": 10})
    if r.status != 201:
        raise AssertionError("flight: %r" % r)
    fid = r.json["id"]
    r = s.as_user("quarantine", "POST", "/api/v1/health/flights/%s/landing" % fid, {"landed_at": rfc3339(-30)})
    if r.status != 200:
        raise AssertionError("landing: %r" % r)
    return fid


def zbar(png, symbology):
    """The text of the one symbol of a kind (qrcode, code128) in a PNG, read by zbarimg: the
    other symbologies are off, so that a pattern inside a QR code is never read as another."""
    with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as f:
        f.write(png)
    try:
        p = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-S%s.enable" % symbology, f.name],
                           capture_output=True, text=True, timeout=60)
        return p.stdout.strip()
    finally:
        os.unlink(f.name)


def raw_get(s, who, path):
    """GET returning the raw bytes (PNG)."""
    import http.client
    h = {}
    if who:
        cookie, _ = s.login(who)
        h["Cookie"] = cookie
    conn = http.client.HTTPConnection(s.host, s.port, timeout=30)
    conn.request("GET", path, headers=h)
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, r.getheader("Content-Type"), body


def count(s, table):
    return int(s.sql("SELECT COUNT(*) FROM %s" % table)[0][0])


def lab_token(s):
    return s.cli("token", "create", "--user", "lab01", "--scopes", "lab").stdout.strip()


def cdc_token(s):
    return s.cli("token", "create", "--user", "cdc01", "--scopes", "handover").stdout.strip()


def decode_qr(text):
    """The QR's text decoded by an independent implementation: Base45, zlib, CBOR (cbor2)."""
    import cbor2
    assert text.startswith("HG1:"), text
    cose = cbor2.loads(zlib.decompress(b45decode(text[4:])))
    assert isinstance(cose, cbor2.CBORTag) and cose.tag == 18, cose
    prot, unprot, payload, sig = cose.value
    return prot, unprot, payload, sig


def verify_qr(s, text):
    """Verifies the signature with the published key (cryptography's Ed25519): the claims."""
    import cbor2
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    prot, _, payload, sig = decode_qr(text)
    header = cbor2.loads(prot)
    assert header[1] == -8, header  # EdDSA
    kid = header[4].hex()
    keys = {k["key_id"]: k["public_key"] for k in s.request("GET", "/api/v1/health/keys").json["items"]}
    pk = Ed25519PublicKey.from_public_bytes(bytes.fromhex(keys[kid]))
    pk.verify(sig, cbor2.dumps(["Signature1", prot, b"", payload]))  # raises when it does not verify
    return cbor2.loads(payload)


def forge(s, claims_inner, exp, iat):
    """A QR code signed with the server's own key file (for an expired code), built with cbor2."""
    import cbor2
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    with open(os.path.join(s.keys, "health-qr.key")) as f:
        sk = bytes.fromhex(f.read().strip())
    key = Ed25519PrivateKey.from_private_bytes(sk[:32])
    keys = s.request("GET", "/api/v1/health/keys").json["items"]
    prot = cbor2.dumps({1: -8, 4: bytes.fromhex(keys[0]["key_id"])})
    payload = cbor2.dumps({1: "CN", 4: exp, 6: iat, -300: claims_inner})
    sig = key.sign(cbor2.dumps(["Signature1", prot, b"", payload]))
    cose = cbor2.dumps(cbor2.CBORTag(18, [prot, {}, payload, sig]))
    return "HG1:" + b45encode(zlib.compress(cose, 9))


def register_area(test, eq, error_of):

    @test
    def health_declare_qr_decoded_independently(s):
        fno = new_flight_no()
        r = declare(s, passport(fno))
        eq(r.status, 201, "declare: %r" % r)
        qr, token, did = r.json["qr"], r.json["token"], r.json["id"]
        assert all(c in B45 for c in qr[4:]), "QR alphanumeric mode's alphabet"
        claims = verify_qr(s, qr)
        eq(claims[4] - claims[6], 86400, "valid 24 hours")
        eq(claims[-300]["id"], did)
        eq(claims[-300]["fl"], fno)
        eq(claims[-300]["nm"], "E******* A*** M****", "masked name")
        assert "898902" not in claims[-300]["doc"], claims
        # the PNG, read by zbarimg, is the same text
        status, ctype, png = raw_get(s, None, "/api/v1/health/declarations/%s/qr?token=%s" % (did, token))
        eq((status, ctype), (200, "image/png"))
        eq(zbar(png, "qrcode"), qr, "zbarimg of the QR code")
        # reopening: with its own token only
        r = s.request("GET", "/api/v1/health/declarations/%s?token=%s" % (did, token))
        eq(r.status, 200)
        eq(r.json["qr"], qr, "the same code again (Ed25519 is deterministic)")
        other = declare(s, declaration(fno)).json
        error_of(s.request("GET", "/api/v1/health/declarations/%s?token=%s" % (did, other["token"])), 404)
        error_of(s.request("GET", "/api/v1/health/declarations/%s?token=%s" % (other["id"], token)), 404)
        error_of(s.request("GET", "/api/v1/health/declarations/%s" % did), 404)

    @test
    def health_bad_input_refused_naming_the_field(s):
        fno = new_flight_no()
        bad_mrz = MRZ[:-1] + "1"   # the composite check digit wrong
        cases = [
            (dict(birth_date="1990-02-30"), "birth_date"),                 # malformed date
            (dict(birth_date="1990/01/01"), "birth_date"),
            (dict(birth_date=today(2), document_type="travel_permit", document_no="C12345678"), "birth_date"),
            (dict(document_no="110105194912310021"), "document_no"),      # GB 11643 check character wrong
            (dict(document_no="11010519500101001X"), "document_no"),      # check character wrong
            (dict(visits=[{"country": "JP", "arrived_on": today(-20), "left_on": today(-15)}]), "visits[0].left_on"),
            (dict(visits=[{"country": "XX", "arrived_on": today(-2), "left_on": today()}]), "visits[0].country"),
            (dict(address="hotel"), "address"),
            (dict(address="Unknown"), "address"),
            (dict(address="Shangri-La Hotel Dalian"), "address"),
            (dict(phone="12345"), "phone"),
            (dict(nationality="XX"), "nationality"),
            (dict(warning_accepted=False), "warning_accepted"),
            (dict(symptoms=[{"symptom": "other"}]), "symptoms_other"),
            (dict(symptoms=[{"symptom": "sneezing"}]), "symptoms[0].symptom"),
            (dict(flight_no="930"), "flight_no"),
            (dict(entry_date=today(10)), "entry_date"),
            (dict(status="cleared"), "status"),
        ]
        before = count(s, "health_declarations")
        for kw, field in cases:
            body = declaration(fno)
            body.update(kw)
            error_of(declare(s, body), 400, field=field)
        for body, field in [(passport(fno, mrz=bad_mrz), "mrz"), (passport(fno, mrz=None), "mrz"),
                            (dict(passport(fno), document_no="L898902C4"), "document_no")]:
            if body.get("mrz") is None:
                body.pop("mrz")
            error_of(declare(s, body), 400, field=field)
        eq(count(s, "health_declarations"), before, "nothing written")
        # the accepted ones: 14 days exactly, a symptom named, a passport
        ok = [declaration(fno, visits=[{"country": "JP", "arrived_on": today(-20), "left_on": today(-14)}]),
              declaration(fno, symptoms=[{"symptom": "other"}], symptoms_other="耳鸣"), passport(fno),
              declaration(fno, address="Room 1203, 15 Renmin Road, Zhongshan District, Dalian")]
        for body in ok:
            eq(declare(s, body).status, 201, body)
        eq(count(s, "health_declarations"), before + len(ok))

    @test
    def health_counter_tour(s):
        fno = new_flight_no()
        neg = declare(s, declaration(fno)).json
        pos = declare(s, passport(fno, seat="14C")).json
        # before the flight is recorded, and before it lands, the scan is refused
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": neg["qr"]}), 400, field="qr",
                 code="no_flight")
        fid = landed_flight(s, fno)
        eq(s.as_user("quarantine", "GET", "/api/v1/health/flights").json["items"][-1]["boarding_open"] in (True, False),
           True)
        board = [f for f in s.as_user("quarantine", "GET", "/api/v1/health/flights").json["items"] if f["id"] == fid][0]
        eq(board["boarding_open"], True, "a flight without its boarding quarantine is open")
        # travellers flagged on board are a list by seat (登临检疫, 国境卫生检疫法实施细则); the count is the
        # server's (it was a number the officer typed before: now refused as a field the server sets)
        boarding = {"started_at": rfc3339(-25), "ended_at": rfc3339(-15), "findings": "机上发现一名发热旅客"}
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/flights/%s/boarding" % fid,
                           dict(boarding, flagged=1)), 400, field="flagged")
        twice = [{"seat": "14C", "reason": "体温37.6°C"}, {"seat": "14c", "reason": "again"}]
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/flights/%s/boarding" % fid,
                           dict(boarding, flagged_travellers=twice)), 400, field="flagged_travellers[1].seat")
        r = s.as_user("quarantine", "POST", "/api/v1/health/flights/%s/boarding" % fid,
                      dict(boarding, flagged_travellers=[{"seat": "14C", "name": "ERIKSSON", "reason": "体温37.6°C"}]))
        eq((r.status, r.json["flagged"]), (201, 1), r)
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/flights/%s/boarding" % fid,
                           dict(boarding, findings="x")), 409)
        board = [f for f in s.as_user("quarantine", "GET", "/api/v1/health/flights").json["items"] if f["id"] == fid][0]
        eq((board["flagged_on_board"], board["flagged_travellers"]),
           (1, [{"seat": "14C", "name": "ERIKSSON", "reason": "体温37.6°C"}]))
        row = s.sql("SELECT after_json FROM audit_log WHERE action = 'health.board' AND object_id = '%s'" % fid)[0][0]
        assert "ERIKSSON" not in row and "37.6" not in row and '"sha256"' in row, row
        # a tampered code (one byte of the compressed data changed, or the signature's) is refused
        raw = bytearray(zlib.decompress(b45decode(neg["qr"][4:])))
        raw[-1] ^= 1
        tampered = "HG1:" + b45encode(zlib.compress(bytes(raw)))
        before = count(s, "health_travellers")
        e = error_of(s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": tampered}), 400, field="qr",
                     code="qr_invalid")
        assert "signature" in e["message"], e
        z = bytearray(b45decode(neg["qr"][4:]))
        z[len(z) // 2] ^= 0x20
        e = error_of(s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": "HG1:" + b45encode(bytes(z))}),
                     400, field="qr", code="qr_invalid")
        one_char = neg["qr"][:10] + ("A" if neg["qr"][10] != "A" else "B") + neg["qr"][11:]
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": one_char}), 400, field="qr",
                 code="qr_invalid")
        eq(count(s, "health_travellers"), before, "nothing written")
        # the scan issues the barcode, once
        r = s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": neg["qr"]})
        eq(r.status, 200, r)
        code = r.json["barcode"]
        eq(r.json["created"], True)
        eq(r.json["flags"], ["travel"])
        again = s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": neg["qr"]}).json
        eq((again["barcode"], again["created"]), (code, False))
        status, ctype, png = raw_get(s, "quarantine", "/api/v1/health/travellers/%s/label" % code)
        eq((status, ctype), (200, "image/png"))
        eq(zbar(png, "code128"), code, "zbarimg of the Code 128 label")
        r = s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": pos["qr"]}).json
        pcode = r["barcode"]
        eq(r["flags"], ["travel", "on_board"], "the seat flagged on board")
        for c in (code, pcode):
            eq(s.as_user("quarantine", "POST", "/api/v1/health/travellers/%s/checks" % c,
                         {"kind": "temperature", "temperature_dc": 365}).status, 201)
            eq(s.as_user("quarantine", "POST", "/api/v1/health/travellers/%s/samples" % c,
                         {"kind": "nucleic_acid"}).status, 201)
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/travellers/%s/checks" % code,
                           {"kind": "temperature"}), 400, field="temperature_dc")
        # not yet cleared: results pending
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/travellers/%s/clear" % code), 409,
                 code="results_pending")
        lab = lab_token(s)
        # a result before the sample reached the laboratory, or for an unknown barcode: refused
        error_of(s.with_token(lab, "POST", "/api/v1/health/results",
                              {"barcode": code, "kind": "nucleic_acid", "result": "negative"}), 409, field="barcode")
        eq(s.as_user("quarantine", "POST", "/api/v1/health/flights/%s/samples-sent" % fid).json["sent"], 2)
        before = count(s, "audit_log")
        error_of(s.with_token(lab, "POST", "/api/v1/health/results",
                              {"barcode": "Q2000010100001", "kind": "nucleic_acid", "result": "negative"}), 400,
                 field="barcode")
        eq(count(s, "audit_log"), before, "nothing written")
        # results only from the laboratory's machine
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/results",
                           {"barcode": code, "kind": "nucleic_acid", "result": "negative"}), 403)
        eq(s.with_token(lab, "POST", "/api/v1/health/results",
                        {"barcode": code, "kind": "nucleic_acid", "result": "negative"}).status, 201)
        eq(s.with_token(lab, "POST", "/api/v1/health/results",
                        {"barcode": pcode, "kind": "nucleic_acid", "result": "positive"}).status, 201)
        # travellers of one flight with the same answers, in a batch: the negative one cleared, the
        # positive one left with its reason
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/flights/XX1-20000101/clearance"), 404)
        r = s.as_user("quarantine", "POST", "/api/v1/health/flights/%s/clearance" % fid)
        eq((r.status, r.json["cleared"]), (200, [code]))
        eq([(x["barcode"], x["handover_required"]) for x in r.json["left"]], [(pcode, True)])
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/travellers/%s/clear" % code), 409, field="barcode")
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/travellers/%s/clear" % pcode), 409,
                 code="handover_required")
        ho = {"vehicle": "辽B·12345", "unit": "大连市第六人民医院", "person": "李医生"}
        r = s.as_user("quarantine", "POST", "/api/v1/health/travellers/%s/handover" % pcode, ho)
        eq(r.status, 201, r)
        assert "positive" in r.json["reason"], r.json
        link_token = r.json["token"]
        # a second handover of the same traveller: refused, nothing written
        before = count(s, "audit_log")
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/travellers/%s/handover" % pcode, ho), 409,
                 field="barcode")
        eq(count(s, "audit_log"), before)
        unacked = s.as_user("quarantine", "GET", "/api/v1/health/handovers?unacknowledged=true").json["items"]
        assert pcode in [h["barcode"] for h in unacked]
        # the receiving unit acknowledges through its account; the link then says it is done
        cdc = cdc_token(s)
        r = s.with_token(cdc, "POST", "/api/v1/health/handovers/%s/acknowledgement" % pcode, {"person": "李医生"})
        eq((r.status, r.json["acknowledged_by"]), (200, "cdc01"))
        error_of(s.request("POST", "/api/v1/health/handover-receipts", {"token": link_token, "person": "李医生"}), 409)
        error_of(s.request("POST", "/api/v1/health/handover-receipts", {"token": "0" * 64, "person": "x"}), 404)
        card = s.as_user("quarantine", "GET", "/api/v1/health/travellers/%s" % pcode).json
        eq(card["status"], "handed_over")
        assert card["handover"]["acknowledged_at"], card
        # the dashboard: both travellers' times and the flight's
        t = s.as_user("quarantine", "GET", "/api/v1/health/timings?period=day").json
        mine = [x for x in t["travellers"] if x["barcode"] in (code, pcode)]
        eq(len(mine), 2, t["travellers"])
        assert all(x["within_target"] for x in mine), mine
        f = [x for x in t["flights"] if x["id"] == fid][0]
        assert f["samples_sent_s"] is not None and f["last_out_s"] is not None and f["boarded"], f
        eq(t["targets"], {"traveller_s": 1200, "flight_s": 5400})
        assert t["periods"][-1]["handed_over"] >= 1 and t["periods"][-1]["positive"] >= 1, t["periods"]

    @test
    def health_expired_qr_refused_redeclare(s):
        fno = new_flight_no()
        d = declare(s, declaration(fno)).json
        landed_flight(s, fno)
        import time
        now = int(time.time())
        old = forge(s, {"v": "1", "id": d["id"], "nm": "Z**** S**", "doc": "11**************2X", "fl": fno,
                        "dt": today()}, now - 60, now - 86460)
        e = error_of(s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": old}), 400, field="qr",
                     code="qr_expired")
        assert "declares again" in e["message"], e
        # the same forged shape within its validity passes: the independent encoder agrees with ours
        fresh = forge(s, {"v": "1", "id": d["id"], "nm": "Z**** S**", "doc": "11**************2X", "fl": fno,
                          "dt": today()}, now + 3600, now)
        eq(s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": fresh}).status, 200)

    @test
    def health_privacy(s):
        fno = new_flight_no()
        d = declaration(fno, phone="13987654321", address="大连市甘井子区华北路77号9室")
        r = declare(s, d)
        landed_flight(s, fno)
        code = s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": r.json["qr"]}).json["barcode"]
        # officers without the quarantine post, enterprises, anonymous: nothing
        for who in ("officer", "dl-trading"):
            error_of(s.as_user(who, "GET", "/api/v1/health/travellers/%s" % code), 403)
            error_of(s.as_user(who, "GET", "/api/v1/health/travellers"), 403)
        error_of(s.request("GET", "/api/v1/health/travellers"), 401)
        items = s.as_user("quarantine", "GET", "/api/v1/health/travellers?flight=%s-%s" % (
            fno, today().replace("-", ""))).json["items"]
        eq(len(items), 1)
        eq(items[0]["phone"], "13*******21")
        eq(items[0]["document_no"], "11**************2X")
        assert "name" not in items[0] and items[0]["name_mrz"] == "Z**** S**", items[0]
        # the audit trail and the server's log hold no answers and no full numbers
        rows = s.sql("SELECT COALESCE(after_json, '') FROM audit_log WHERE object_type LIKE 'health%'")
        text = " ".join(r[0] for r in rows)
        for secret in ("13987654321", "华北路77号", "11010519491231002X"):
            assert secret not in text, secret
            assert secret not in s.server_log(), secret
        assert "answers_hash" in text

    @test
    def health_purge_keeps_audit_whole(s):
        fno = new_flight_no()
        r = declare(s, declaration(fno, symptoms=[{"symptom": "dry_cough"}]))
        eq(r.status, 201)
        p = s.cli("health", "purge", "--days", "x", check=False)
        eq(p.returncode, 2)
        p = s.cli("health", "purge", "--days", "0")
        assert "purged the health answers" in p.stdout, p.stdout
        rows = s.sql("SELECT address, contact_cases, purged_ms FROM health_declarations WHERE id = '%s'" % r.json["id"])
        eq([v or None for v in rows[0][:2]], [None, None])   # psql shows NULL as ''
        assert rows[0][2] is not None
        eq(s.sql("SELECT COUNT(*) FROM health_symptoms WHERE declaration_id = '%s'" % r.json["id"]), [["0"]])
        p = s.cli("audit", "verify", check=False)
        eq(p.returncode, 0, p.stdout + p.stderr)
        # the traveller can still reopen the code; identity stays
        eq(s.request("GET", "/api/v1/health/declarations/%s?token=%s" % (r.json["id"], r.json["token"])).status, 200)

    @test
    def health_handover_alarm(s):
        fno = new_flight_no()
        d = declare(s, declaration(fno, contact_cases=True)).json
        fid = landed_flight(s, fno)
        code = s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": d["qr"]}).json["barcode"]
        eq(s.as_user("quarantine", "GET", "/api/v1/health/travellers/%s" % code).json["handover_required"], True)
        r = s.as_user("quarantine", "POST", "/api/v1/health/travellers/%s/handover" % code,
                      {"vehicle": "辽B·54321", "unit": "中山区疾控中心", "person": "王医生"})
        eq(r.status, 201)
        assert "contact" in r.json["reason"]
        p = s.cli("health", "alarms", "--after", "0")
        assert "raised" in p.stdout and not p.stdout.startswith("raised 0"), p.stdout
        h = [x for x in s.as_user("quarantine", "GET", "/api/v1/health/handovers?unacknowledged=true").json["items"]
             if x["barcode"] == code][0]
        assert h["alarm_at"], h
        # the alarm is raised once; the signed link closes the loop
        assert s.cli("health", "alarms", "--after", "0").stdout.startswith("raised 0")
        r = s.request("POST", "/api/v1/health/handover-receipts", {"token": r.json["token"], "person": "王医生"})
        eq((r.status, r.json["acknowledged_by"]), (200, "signed link"))
        eq(s.cli("audit", "verify", check=False).returncode, 0)
        assert fid

    @test
    def health_declarations_limited_per_address(s):
        # The public route's limit per client address (HAIGUAN_HEALTH_DECLARE_PER_MIN, default 60 a
        # minute: a choice, docs/health.md), 429 with Retry-After (RFC 9110 §10.2.3, RFC 6585 §4).
        # The suite's client is the trusted proxy, so X-Forwarded-For names each client.
        one = {"X-Forwarded-For": "192.0.2.%d" % random.randint(1, 120)}
        other = {"X-Forwarded-For": "198.51.100.%d" % random.randint(1, 250)}
        for i in range(60):  # a minute's allowance, spent on refused cards: every attempt counts
            r = s.request("POST", "/api/v1/health/declarations", {"name": ""}, headers=one)
            eq(r.status, 400, "attempt %d: %r" % (i, r))
        before = count(s, "health_declarations")
        fno = new_flight_no()
        r = s.request("POST", "/api/v1/health/declarations", declaration(fno), headers=one)
        error_of(r, 429, code="too_many_requests")
        assert 1 <= int(r.header("Retry-After")) <= 60, r.headers
        eq(count(s, "health_declarations"), before, "nothing written")
        r = s.request("POST", "/api/v1/health/declarations", declaration(fno), headers=other)
        eq(r.status, 201, "another address declares: %r" % r)

    @test
    def health_travellers_arriving_by_sea(s):
        # the card asks for the "flight or vessel" (出入境健康申明卡, 4th edition, item 4): a ship's
        # arrival is recorded and boarded like a flight, its voyage in flight_no, the cabin as the seat;
        # a flight keeps IATA's designator (Resolution 762) and an aircraft's bounds
        voyage = "BHF%d" % random.randint(1000, 9999)
        r = declare(s, declaration(voyage, seat="8123"))
        error_of(r, 400, field="flight_no")          # a flight by default: not an airline designator
        before = count(s, "health_declarations")
        error_of(declare(s, declaration("B!", transport="vessel")), 400, field="flight_no")
        eq(count(s, "health_declarations"), before, "nothing written")
        d = declare(s, declaration(voyage, transport="vessel", seat="8123"))
        eq(d.status, 201, d)
        arrival = {"transport": "vessel", "flight_no": voyage, "origin": "KRINC", "port": "CNDLC",
                   "scheduled_at": rfc3339(-40), "passengers": 1200, "crew": 80}
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/flights", dict(arrival, transport="flight")), 400,
                 field="flight_no")
        error_of(s.as_user("quarantine", "POST", "/api/v1/health/flights",
                           dict(arrival, transport="flight", flight_no=new_flight_no())), 400, field="passengers")
        r = s.as_user("quarantine", "POST", "/api/v1/health/flights", arrival)
        eq((r.status, r.json["transport"]), (201, "vessel"), r)
        fid = r.json["id"]
        eq(s.as_user("quarantine", "POST", "/api/v1/health/flights/%s/landing" % fid, {"landed_at": rfc3339(-30)}).status,
           200)
        r = s.as_user("quarantine", "POST", "/api/v1/health/scans", {"qr": d.json["qr"]})
        eq((r.status, r.json["flight_id"]), (200, fid), r)
        board = [f for f in s.as_user("quarantine", "GET", "/api/v1/health/flights").json["items"] if f["id"] == fid][0]
        eq((board["transport"], board["scanned"]), ("vessel", 1))
