"""certificate_cases.py — API tests of cloud-issued certificates (issue 21 §1), found by
run_api_tests.py by its name: the exporter applies for its own export declaration whose goods
passed inspection (each refusal names its rule and writes nothing), the inspection officer
issues it numbered port + year + kind + serial, and the signature over the canonical JSON
verifies with an independent Ed25519 (cryptography) against the public key the server kept."""
import datetime
import re
import sys

import cargo_cases as cc

try:
    import cryptography  # noqa: F401
except ImportError:   # a Python of its own (pyenv, venv): Debian's python3-cryptography
    sys.path.append("/usr/lib/python3/dist-packages")


def export_declaration(s, eq):
    """A filed export declaration of dl-trading (consignor), on a fresh export manifest."""
    b = cc.bill_no()
    m = cc.manifest(s, [cc.bill(b)], direction="export")
    eq(m.status, 201, repr(m))
    r = cc.file(s, b, direction="export", consignee=None, consignor=cc.TRADING, trade_country="JP")
    eq(r.status, 201, repr(r))
    return r.json["entry_no"]


def inspect(s, eq, entry, result="pass"):
    """An officer orders an inspection of entry and records its result."""
    if s.as_user("officer", "GET", "/api/v1/declarations/" + entry).json["status"] != "inspection":
        r = s.as_user("officer", "POST", "/api/v1/declarations/%s/inspection" % entry,
                      {"kind": "manual", "reason": "出口检验"})
        eq(r.status, 201, repr(r))
    tasks = s.as_user("officer", "GET", "/api/v1/inspections?status=open&limit=200").json["items"]
    task = [t for t in tasks if t["entry_no"] == entry][0]
    body = {"result": result, "findings": "货证相符"} if result == "pass" else \
        {"result": "fail", "findings": "检出有害生物", "disposal": "return"}
    eq(s.as_user("officer", "POST", "/api/v1/inspections/%d/result" % task["id"], body).status, 200)


def application(entry, **kw):
    body = {"entry_no": entry, "kind": "PC", "consignee_name": "Osaka Foods K.K.", "destination_country": "JP",
            "goods": "鲜苹果 20 吨"}
    body.update(kw)
    return body


def count(s):
    return int(s.sql("SELECT COUNT(*) FROM certificates")[0][0])


def register_area(test, eq, error_of):
    @test
    def certificate_kinds_are_listed(s):
        r = s.as_user("dl-trading", "GET", "/api/v1/certificate-kinds")
        eq(r.status, 200, repr(r))
        eq({k["code"] for k in r.json["items"]} >= {"HC", "PC", "VC", "QC"}, True)
        error_of(s.request("GET", "/api/v1/certificate-kinds"), 401)

    @test
    def certificate_application_refusals_name_their_rule(s):
        entry = export_declaration(s, eq)
        before = count(s)
        # 进出口商品检验法实施条例 art. 24: a certificate attests an inspection that was made
        r = s.as_user("dl-trading", "POST", "/api/v1/certificates", application(entry))
        assert r.status == 409 and r.json["error"]["code"] in ("not_inspected", "inspection_open"), repr(r)
        # the fields, each named
        for bad, field in [({"kind": "ZZ"}, "kind"), ({"kind": ""}, "kind"), ({"destination_country": "XX"},
                           "destination_country"), ({"goods": ""}, "goods"), ({"consignee_name": None},
                           "consignee_name"), ({"colour": "red"}, "colour")]:
            body = application(entry, **bad)
            body = {k: v for k, v in body.items() if v is not None}
            error_of(s.as_user("dl-trading", "POST", "/api/v1/certificates", body), 400, field=field)
        # an import declaration has no export certificate
        b = cc.bill_no()
        eq(cc.manifest(s, [cc.bill(b)]).status, 201)
        imp = cc.file(s, b).json["entry_no"]
        error_of(s.as_user("dl-trading", "POST", "/api/v1/certificates", application(imp)), 409, field="entry_no",
                 code="not_export")
        # another enterprise's declaration does not exist for it
        error_of(s.as_user("dl-fishery", "POST", "/api/v1/certificates", application(entry)), 404)
        # officers do not apply
        error_of(s.as_user("officer", "POST", "/api/v1/certificates", application(entry)), 403)
        eq(count(s), before)
        # failed goods get none
        inspect(s, eq, entry, result="fail")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/certificates", application(entry)), 409, field="entry_no",
                 code="inspection_failed")
        eq(count(s), before)

    @test
    def certificate_applied_issued_signed_and_numbered(s):
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        entry = export_declaration(s, eq)
        r = s.as_user("dl-trading", "POST", "/api/v1/certificates", application(entry))
        assert r.status == 409, repr(r)
        inspect(s, eq, entry)
        r = s.as_user("dl-trading", "POST", "/api/v1/certificates", application(entry))
        eq(r.status, 201, repr(r))
        cid = r.json["id"]
        eq((r.json["status"], r.json["cert_no"], r.json["exporter"]), ("applied", None, cc.TRADING))
        # one application per declaration and kind
        error_of(s.as_user("dl-trading", "POST", "/api/v1/certificates", application(entry)), 409, field="kind",
                 code="duplicate")
        # the exporter and officers read it; another enterprise does not see it
        eq(s.as_user("officer", "GET", "/api/v1/certificates/" + cid).status, 200)
        error_of(s.as_user("dl-fishery", "GET", "/api/v1/certificates/" + cid), 404)
        # only the inspection post issues (manager has none; an enterprise never)
        error_of(s.as_user("dl-trading", "POST", "/api/v1/certificates/%s/issue" % cid), 403)
        error_of(s.as_user("manager", "POST", "/api/v1/certificates/%s/issue" % cid), 403)
        r = s.as_user("officer", "POST", "/api/v1/certificates/%s/issue" % cid)
        eq(r.status, 200, repr(r))
        c = r.json
        year = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).year
        assert re.fullmatch(r"0902%dPC\d{6}" % year, c["cert_no"]), c["cert_no"]
        eq((c["status"], c["issued_by"]), ("issued", "officer"))
        error_of(s.as_user("officer", "POST", "/api/v1/certificates/%s/issue" % cid), 409, field="status")
        # the signature covers the canonical JSON and verifies with the key it names
        canon, key_id, sig = s.sql("SELECT canonical, key_id, signature FROM certificates WHERE id = '%s'" % cid)[0]
        pk = s.sql("SELECT public_key FROM certificate_keys WHERE key_id = '%s'" % key_id)[0][0]
        eq(key_id, c["key_id"])
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(pk)).verify(bytes.fromhex(sig), canon.encode())
        assert c["cert_no"] in canon and entry in canon, canon
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(pk)).verify(bytes.fromhex(sig),
                                                                         canon.replace("JP", "KR").encode())
            raise AssertionError("a changed certificate verified")
        except Exception as e:   # cryptography's InvalidSignature
            assert type(e).__name__ == "InvalidSignature", e
        # the audit trail names the officer's credential
        rows = s.sql("SELECT actor FROM audit_log WHERE action = 'certificate.issue' AND object_id = '%s'" % cid)
        eq([r[0] for r in rows], ["officer"])
