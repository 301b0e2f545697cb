"""certificate_cases.py — API tests of cloud-issued certificates (issue 21 §1), found by
run_api_tests.py by its name: the exporter applies for its own export declaration whose goods
passed inspection (each refusal names its rule and writes nothing), the inspection officer
issues it numbered port + year + kind + serial, and the signature over the canonical JSON
verifies with an independent Ed25519 (cryptography) against the public key the server kept."""
import datetime
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import zlib

import cargo_cases as cc
import health_cases as hc

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


RSM = "urn:un:unece:uncefact:data:standard:SPSCertificate:17"
NS = {"rsm": RSM, "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21",
      "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:21"}


def issued(s, eq, kind="PC", **kw):
    """An inspected export declaration of dl-trading, its application and the officer's issue."""
    entry = export_declaration(s, eq)
    inspect(s, eq, entry)
    r = s.as_user("dl-trading", "POST", "/api/v1/certificates", application(entry, kind=kind, **kw))
    eq(r.status, 201, repr(r))
    r = s.as_user("officer", "POST", "/api/v1/certificates/%s/issue" % r.json["id"])
    eq(r.status, 200, repr(r))
    return r.json


def pdf_text(pdf):
    """pdftotext of the PDF's bytes (poppler-utils)."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "c.pdf")
        with open(path, "wb") as f:
            f.write(pdf)
        return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                              timeout=60).stdout


def pdf_qr(pdf):
    """The QR code of the PDF's page as pdftoppm renders it and zbarimg reads it."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "c.pdf")
        with open(path, "wb") as f:
            f.write(pdf)
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", path, os.path.join(d, "page")], check=True,
                       timeout=60)
        with open(os.path.join(d, "page.png"), "rb") as f:
            return hc.zbar(f.read(), "qrcode")


def verify_qr(s, qr):
    """The QR's claims, verified independently of the server: Base45 (RFC 9285), zlib, COSE_Sign1
    (RFC 9052) with Ed25519 by the key its kid names, the key from GET /api/v1/certificate-keys."""
    import cbor2
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    cose = cbor2.loads(zlib.decompress(hc.b45decode(qr[len("HGC1:"):])))
    prot, _, payload, sig = cose.value
    kid = cbor2.loads(prot)[4].hex()
    keys = {k["key_id"]: k["public_key"] for k in s.request("GET", "/api/v1/certificate-keys").json["items"]}
    tbs = cbor2.dumps(["Signature1", prot, b"", payload])
    Ed25519PublicKey.from_public_bytes(bytes.fromhex(keys[kid])).verify(sig, tbs)
    return cbor2.loads(payload)


def check(s, no, code, sha256=None, addr="198.51.100.20"):
    """The public online check from a client address (the suite's client is the trusted proxy,
    so X-Forwarded-For names the client)."""
    q = "code=" + urllib.parse.quote(code, safe="")
    if sha256 is not None:
        q += "&sha256=" + sha256
    return s.request("GET", "/api/v1/certificates/%s/verify?%s" % (no, q), headers={"X-Forwarded-For": addr})


def register_area(test, eq, error_of):
    register_console_routes(test, eq, error_of)

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
        assert re.fullmatch(r"0901%dPC\d{6}" % year, c["cert_no"]), c["cert_no"]
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

    @test
    def certificate_pdf_has_both_languages_and_a_qr_that_verifies(s):
        c = issued(s, eq)
        status, ctype, pdf = hc.raw_get(s, "dl-trading", "/api/v1/certificates/%s.pdf" % c["cert_no"])
        eq((status, ctype), (200, "application/pdf"))
        assert pdf.startswith(b"%PDF-"), pdf[:20]
        if os.environ.get("CERT_DUMP"):
            open(os.environ["CERT_DUMP"], "wb").write(pdf)
        # the exporter its own, officers all; another enterprise and the public do not see it
        eq(hc.raw_get(s, "officer", "/api/v1/certificates/%s.pdf" % c["cert_no"])[0], 200)
        eq(hc.raw_get(s, "dl-fishery", "/api/v1/certificates/%s.pdf" % c["cert_no"])[0], 404)
        eq(hc.raw_get(s, None, "/api/v1/certificates/%s.pdf" % c["cert_no"])[0], 401)
        eq(hc.raw_get(s, "officer", "/api/v1/certificates/09012026PC999999.pdf")[0], 404)
        # the text in Chinese and English, and the record's fields
        text = pdf_text(pdf)
        for needle in ("中华人民共和国海关", "植物检疫证书", "Phytosanitary Certificate", "发货人", "Consignor",
                       "收货人", "Consignee", "Osaka Foods K.K.", "鲜苹果 20 吨", "日本", "Japan", c["cert_no"],
                       c["entry_no"], cc.TRADING, "验证码", "Verification Code"):
            assert needle in text, "%r not in the PDF's text: %s" % (needle, text[:2000])
        # its rendering's QR code (pdftoppm, zbarimg) verifies with the published key alone
        qr = pdf_qr(pdf)
        assert qr.startswith("HGC1:"), qr
        claims = verify_qr(s, qr)
        eq((claims["no"], claims["ver"], claims["st"]), (c["cert_no"], 1, 70))
        canon = s.sql("SELECT canonical FROM certificates WHERE id = '%s'" % c["id"])[0][0]
        eq(claims["h"], hashlib.sha256(canon.encode()).digest())
        assert claims["c"] in text, "the verification code is printed"
        # the server keeps the SHA-256 of the PDF it served
        eq(s.sql("SELECT pdf_sha256 FROM certificates WHERE id = '%s'" % c["id"])[0][0],
           hashlib.sha256(pdf).hexdigest())

    @test
    def certificate_online_check_answers_valid_tampered_and_unknown_alike(s):
        c = issued(s, eq)
        no = c["cert_no"]
        _, _, pdf = hc.raw_get(s, "dl-trading", "/api/v1/certificates/%s.pdf" % no)
        code = verify_qr(s, pdf_qr(pdf))["c"]
        sha = hashlib.sha256(pdf).hexdigest()
        r = check(s, no, code)
        eq((r.status, r.json["result"], r.json["cert_no"]), (200, "valid", no))
        eq(check(s, no, code, sha256=sha).json["result"], "valid")
        # the QR code's text as scanned checks too
        eq(check(s, no, pdf_qr(pdf)).json["result"], "valid")
        # a forged or cut-short QR code: tampered, naming what failed
        qr = pdf_qr(pdf)
        r = check(s, no, qr[:-4])
        eq(r.json["result"], "tampered")
        assert "refused" in r.json["message"], r.json
        # an unknown number and a wrong code get the same answer, byte for byte
        a = check(s, "09012026PC999999", code)
        b = check(s, no, "ZZZZZZZZZZ")
        eq((a.status, a.body), (b.status, b.body))
        eq(a.json["result"], "unknown")
        # malformed input names its field
        error_of(check(s, no, ""), 400, field="code")
        error_of(check(s, no, code, sha256="xyz"), 400, field="sha256")
        # the exporter sees every check, newest first, from where in coarse terms
        v = s.as_user("dl-trading", "GET", "/api/v1/certificates/%s/verifications" % c["id"])
        eq(v.status, 200, repr(v))
        eq(v.json["items"][0]["result"], "unknown")
        eq(v.json["items"][0]["matched"], False)
        eq({i["from"] for i in v.json["items"]}, {"198.51.100.0/24"})
        # three valid checks and the wrong code; the cut-short QR names no number it can be trusted
        # for, the unknown number no certificate, the malformed ones were refused: not counted
        eq([i["result"] for i in v.json["items"]], ["unknown", "valid", "valid", "valid"])
        error_of(s.as_user("dl-fishery", "GET", "/api/v1/certificates/%s/verifications" % c["id"]), 404)

    @test
    def certificate_three_mismatches_lock_it_and_tell_exporter_and_post(s):
        c = issued(s, eq, kind="QC")
        no = c["cert_no"]
        code = s.sql("SELECT code FROM certificates WHERE id = '%s'" % c["id"])[0][0]
        # e-CertNL: repeated mismatches lock the certificate
        for i in range(2):
            eq(check(s, no, "WRONG%05d" % i, addr="192.0.2.%d" % (10 + i)).json["result"], "unknown")
        eq(check(s, no, code).json["result"], "valid")
        eq(check(s, no, code, sha256="0" * 64).json["result"], "tampered")   # the third mismatch
        eq(check(s, no, code).json["result"], "locked")
        ev = s.sql("SELECT enterprise, data FROM event_outbox WHERE type = 'certificate.locked' AND subject_id = '%s'"
                   % c["id"])
        eq(len(ev), 1)
        eq(ev[0][0], cc.TRADING)
        assert '"post":"inspection"' in ev[0][1].replace(" ", ""), ev
        items = s.as_user("dl-trading", "GET", "/api/v1/certificates/%s/verifications" % c["id"]).json["items"]
        eq([i["matched"] for i in items], [True, False, True, False, False])
        eq(items[-1]["from"], "192.0.2.0/24")
        rows = s.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.verify' AND object_id = '%s'" % c["id"])
        eq(int(rows[0][0]), 5)

    @test
    def certificate_online_check_is_rate_limited_per_address(s):
        c = issued(s, eq, kind="VC")
        addr = "203.0.113.77"
        for _ in range(30):
            eq(check(s, c["cert_no"], "X", addr=addr).status, 200)
        r = check(s, c["cert_no"], "X", addr=addr)
        error_of(r, 429)
        secs = int(r.header("Retry-After"))
        assert 1 <= secs <= 60, secs
        eq(check(s, c["cert_no"], "X", addr="203.0.113.78").status, 200)   # another client is not held

    @test
    def certificate_verifies_offline_from_pdf_or_qr(s):
        c = issued(s, eq, kind="HC", goods="冷冻鳕鱼 18 吨")
        _, _, pdf = hc.raw_get(s, "dl-trading", "/api/v1/certificates/%s.pdf" % c["cert_no"])
        with tempfile.TemporaryDirectory() as d:
            keys = os.path.join(d, "keys.json")
            with open(keys, "w") as f:
                f.write(s.request("GET", "/api/v1/certificate-keys").body)
            path = os.path.join(d, "c.pdf")
            with open(path, "wb") as f:
                f.write(pdf)
            p = s.cli("certificate", "verify", path, "--keys", keys)
            assert p.stdout.startswith("valid: certificate %s" % c["cert_no"]), p.stdout
            assert hashlib.sha256(pdf).hexdigest() in p.stdout, p.stdout
            # the key directory works as well (the server's, through HAIGUAN_KEYS)
            assert s.cli("certificate", "verify", path).stdout.startswith("valid:")
            # one byte changed anywhere: tampered, exit 1
            for at in (len(pdf) // 3, len(pdf) - 5):
                bad = bytearray(pdf)
                bad[at] ^= 0x01
                with open(path, "wb") as f:
                    f.write(bytes(bad))
                p = s.cli("certificate", "verify", path, "--keys", keys, check=False)
                eq(p.returncode, 1, p.stdout)
                assert p.stdout.startswith("tampered:"), p.stdout
            qr = pdf_qr(pdf)
            assert s.cli("certificate", "verify", qr, "--keys", keys).stdout.startswith("valid:")
            p = s.cli("certificate", "verify", qr[:-3], "--keys", keys, check=False)
            eq(p.returncode, 1)
            assert "tampered:" in p.stdout, p.stdout
            # a key the keys file does not know: refused
            with open(keys, "w") as f:
                f.write('{"items": []}')
            eq(s.cli("certificate", "verify", qr, "--keys", keys, check=False).returncode, 1)

    @test
    def certificate_annulled_and_replaced_by_the_inspection_post(s):
        c = issued(s, eq, kind="HC", goods="冷冻鳕鱼 18 吨")
        old_code = s.sql("SELECT code FROM certificates WHERE id = '%s'" % c["id"])[0][0]
        path = "/api/v1/certificates/%s/replace" % c["id"]
        body = {"reason": "收货人名称有误，应为 Osaka Seafood K.K.", "consignee_name": "Osaka Seafood K.K."}
        # only the inspection post; a reason is required and named; unknown fields refused
        error_of(s.as_user("dl-trading", "POST", path, body), 403)
        error_of(s.as_user("manager", "POST", path, body), 403)
        error_of(s.as_user("officer", "POST", path, {"consignee_name": "X"}), 400, field="reason")
        error_of(s.as_user("officer", "POST", path, {"reason": "no"}), 400, field="reason")
        error_of(s.as_user("officer", "POST", path, dict(body, colour="red")), 400, field="colour")
        error_of(s.as_user("officer", "POST", path, dict(body, destination_country="XX")), 400,
                 field="destination_country")
        before = count(s)
        eq(count(s), before)
        # UN/CEFACT SPS: the old certificate's status becomes 40 (annulled); the new one names it
        r = s.as_user("officer", "POST", path, body)
        eq(r.status, 201, repr(r))
        new = r.json
        eq((new["status"], new["replaces"], new["consignee_name"], new["goods"]),
           ("issued", c["cert_no"], "Osaka Seafood K.K.", "冷冻鳕鱼 18 吨"))
        assert new["cert_no"] != c["cert_no"], new
        old = s.as_user("dl-trading", "GET", "/api/v1/certificates/" + c["id"]).json
        eq((old["status"], old["replaced_by"], old["annul_reason"]), ("annulled", new["cert_no"], body["reason"]))
        # the old QR's online check says so at once, naming the new number
        r = check(s, c["cert_no"], old_code, addr="198.51.100.40")
        eq((r.json["result"], r.json["replaced_by"]), ("replaced", new["cert_no"]))
        eq(check(s, new["cert_no"], new["code"], addr="198.51.100.40").json["result"], "valid")
        # the new PDF says what it replaces, and its signature covers that
        _, _, pdf = hc.raw_get(s, "dl-trading", "/api/v1/certificates/%s.pdf" % new["cert_no"])
        assert c["cert_no"] in pdf_text(pdf), "the replacement names the old number"
        canon = s.sql("SELECT canonical FROM certificates WHERE id = '%s'" % new["id"])[0][0]
        assert '"replaces":"%s"' % c["cert_no"] in canon, canon
        # annulling or replacing twice: refused, naming the rule, nothing written
        n = count(s)
        error_of(s.as_user("officer", "POST", path, body), 409, field="status", code="already_annulled")
        error_of(s.as_user("officer", "POST", "/api/v1/certificates/%s/annul" % c["id"], {"reason": "再次作废"}),
                 409, field="status", code="already_annulled")
        eq(count(s), n)
        # evented to the exporter, audited with the officer's credential
        ev = s.sql("SELECT enterprise FROM event_outbox WHERE type = 'certificate.replaced' AND subject_id = '%s'"
                   % c["id"])
        eq(ev, [[cc.TRADING]])
        rows = s.sql("SELECT actor FROM audit_log WHERE action = 'certificate.replace' AND object_id = '%s'" % new["id"])
        eq(rows, [["officer"]])

    @test
    def certificate_annulled_with_a_reason(s):
        c = issued(s, eq, kind="VC")
        code = s.sql("SELECT code FROM certificates WHERE id = '%s'" % c["id"])[0][0]
        path = "/api/v1/certificates/%s/annul" % c["id"]
        error_of(s.as_user("officer", "POST", path, {}), 400, field="reason")
        error_of(s.as_user("dl-trading", "POST", path, {"reason": "货物未出运"}), 403)
        r = s.as_user("officer", "POST", path, {"reason": "货物未出运，申请人撤回"})
        eq(r.status, 200, repr(r))
        eq((r.json["status"], r.json["annulled_by"], r.json["replaced_by"]), ("annulled", "officer", None))
        r = check(s, c["cert_no"], code, addr="198.51.100.41")
        eq((r.json["result"], r.json["reason"]), ("annulled", "货物未出运，申请人撤回"))
        assert r.json["annulled_at"], r.json
        eq(len(s.sql("SELECT seq FROM event_outbox WHERE type = 'certificate.annulled' AND subject_id = '%s'"
                     % c["id"])), 1)
        # an application not issued is not annulled
        entry = export_declaration(s, eq)
        inspect(s, eq, entry)
        a = s.as_user("dl-trading", "POST", "/api/v1/certificates", application(entry)).json
        error_of(s.as_user("officer", "POST", "/api/v1/certificates/%s/annul" % a["id"], {"reason": "尚未签发"}), 409,
                 field="status", code="conflict")

    @test
    def certificate_sps_xml_has_the_structure_the_schema_requires(s):
        import xml.etree.ElementTree as ET
        c = issued(s, eq, kind="PC")
        status, ctype, body = hc.raw_get(s, "dl-trading", "/api/v1/certificates/%s.xml" % c["cert_no"])
        eq(status, 200)
        assert ctype.startswith("application/xml"), ctype
        eq(hc.raw_get(s, "dl-fishery", "/api/v1/certificates/%s.xml" % c["cert_no"])[0], 404)
        root = ET.fromstring(body)
        eq(root.tag, "{%s}SPSCertificate" % RSM)
        # UN/CEFACT SPS Certificate: the exchanged document's type 851 (phytosanitary) and
        # status 70 (issued), issue time and issuer; the consignment's parties, countries, items
        doc = root.find("rsm:SPSExchangedDocument", NS)
        eq(doc.find("ram:ID", NS).text, c["cert_no"])
        eq(doc.find("ram:TypeCode", NS).text, "851")
        eq(doc.find("ram:StatusCode", NS).text, "70")
        assert doc.find("ram:IssueDateTime/udt:DateTimeString", NS).text.startswith(c["issued_at"][:10])
        assert doc.find("ram:IssuerSPSParty/ram:Name", NS).text
        con = root.find("rsm:SPSConsignment", NS)
        eq(con.find("ram:ConsignorSPSParty/ram:Name", NS).text, cc.TRADING)
        eq(con.find("ram:ConsigneeSPSParty/ram:Name", NS).text, "Osaka Foods K.K.")
        eq(con.find("ram:ExportSPSCountry/ram:ID", NS).text, "CN")
        eq(con.find("ram:ImportSPSCountry/ram:ID", NS).text, "JP")
        items = con.findall("ram:IncludedSPSConsignmentItem/ram:IncludedSPSTradeLineItem", NS)
        eq(len(items), 1)
        eq(items[0].find("ram:Description", NS).text, "鲜苹果 20 吨")
        eq(items[0].find("ram:SequenceNumeric", NS).text, "1")
        # text that looks like markup stays text
        c2 = issued(s, eq, kind="QC", consignee_name="A&B <Trading> \"K.K.\"")
        body = hc.raw_get(s, "officer", "/api/v1/certificates/%s.xml" % c2["cert_no"])[2]
        eq(ET.fromstring(body).find("rsm:SPSConsignment/ram:ConsigneeSPSParty/ram:Name", NS).text,
           "A&B <Trading> \"K.K.\"")
        if shutil.which("xmllint"):
            p = subprocess.run(["xmllint", "--noout", "-"], input=body, capture_output=True, timeout=60)
            eq(p.returncode, 0, p.stderr)

    @test
    def certificate_envelopes_delivered_retried_and_failed_by_the_job(s):
        c = issued(s, eq, kind="HC")
        envs = s.as_user("dl-trading", "GET", "/api/v1/certificates/%s/envelopes" % c["id"]).json["items"]
        eq([(e["from"], e["to"], e["type"], e["status"], e["number"], e["state"]) for e in envs],
           [("CN", "JP", 852, 70, c["cert_no"], "pending")])
        # a loopback hub: first a fault (retried), then delivered with warnings
        answers = [(503, b""), (202, b'{"warnings": ["consignee address missing"]}')]
        got = []

        class Hub(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                env = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                got.append(env)
                # other tests' envelopes are taken; this certificate's get the scripted answers
                code, body = answers.pop(0) if answers and env["number"] == c["cert_no"] else (200, b"{}")
                self.send_response(code)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a):
                pass

        hub = http.server.HTTPServer(("127.0.0.1", 0), Hub)
        t = threading.Thread(target=hub.serve_forever, daemon=True)
        t.start()
        try:
            env = dict(s.env, HAIGUAN_CERT_HUB_URL="http://127.0.0.1:%d/envelopes" % hub.server_port,
                       HAIGUAN_CERT_HUB_BACKOFF_MS="0")
            run = lambda: subprocess.run([s.binary, "jobs", "run", "certificate.deliver"], env=env,
                                         capture_output=True, text=True, timeout=60)
            eq(run().returncode, 0)
            e = s.as_user("dl-trading", "GET", "/api/v1/certificates/%s/envelopes" % c["id"]).json["items"][0]
            eq((e["state"], e["attempts"], e["last_error"]), ("pending", 1, "the hub answered 503"))
            eq(run().returncode, 0)
            e = s.as_user("dl-trading", "GET", "/api/v1/certificates/%s/envelopes" % c["id"]).json["items"][0]
            eq((e["state"], e["attempts"]), ("delivered_with_warnings", 2))
            assert "consignee address missing" in e["warnings"], e
            assert e["delivered_at"], e
            mine = [g for g in got if g["number"] == c["cert_no"]]
            eq((mine[0]["from"], mine[0]["to"], mine[0]["type"], mine[0]["status"]), ("CN", "JP", 852, 70))
            assert mine[0]["content"].startswith("<?xml"), mine[0]
            # annulled: a new envelope with status 40; the hub refuses it (4xx): failed, not retried
            r = s.as_user("officer", "POST", "/api/v1/certificates/%s/annul" % c["id"], {"reason": "货物退运"})
            eq(r.status, 200, repr(r))
            answers.extend([(400, b"bad envelope"), (200, b"{}")])
            eq(run().returncode, 0)
            envs = s.as_user("officer", "GET", "/api/v1/certificates/%s/envelopes" % c["id"]).json["items"]
            eq([(e["status"], e["state"]) for e in envs], [(40, "failed"), (70, "delivered_with_warnings")])
            n = len(got)
            eq(run().returncode, 0)
            eq(len([g for g in got[n:] if g["number"] == c["cert_no"]]), 0)
        finally:
            hub.shutdown()

    @test
    def certificate_list_is_the_exporters_own_and_the_officers_queue(s):
        c = issued(s, eq, kind="PC")
        mine = s.as_user("dl-trading", "GET", "/api/v1/certificates").json["items"]
        assert c["id"] in [x["id"] for x in mine], mine
        eq({x["exporter"] for x in mine}, {cc.TRADING})
        eq([x for x in s.as_user("dl-fishery", "GET", "/api/v1/certificates").json["items"] if x["id"] == c["id"]], [])
        queue = s.as_user("officer", "GET", "/api/v1/certificates?status=applied").json["items"]
        eq({x["status"] for x in queue} <= {"applied"}, True)
        issued_ = s.as_user("officer", "GET", "/api/v1/certificates?status=issued").json["items"]
        eq(issued_[0]["id"], c["id"])   # newest first
        error_of(s.as_user("officer", "GET", "/api/v1/certificates?status=lost"), 400, field="status")
        error_of(s.request("GET", "/api/v1/certificates"), 401)


    @test
    def certificate_issues_at_once_take_consecutive_numbers_each_with_its_pdf(s):
        # GB/T 7027-style numbering: port + year + kind + serial, never reused, never skipped. The
        # number and PDF are made before the issuing transaction, which checks the number is
        # still free: four issues at once all succeed, with four consecutive serials, and each
        # PDF is there (its SHA-256 the stored one) as soon as its issue is acknowledged
        from concurrent.futures import ThreadPoolExecutor
        ids = []
        for _ in range(4):
            entry = export_declaration(s, eq)
            inspect(s, eq, entry)
            r = s.as_user("dl-trading", "POST", "/api/v1/certificates", application(entry, kind="HC"))
            eq(r.status, 201, repr(r))
            ids.append(r.json["id"])

        def issue_and_fetch(cid):
            r = s.as_user("officer", "POST", "/api/v1/certificates/%s/issue" % cid)
            eq(r.status, 200, repr(r))
            pdf = s.as_user("officer", "GET", "/api/v1/certificates/%s.pdf" % r.json["cert_no"])
            eq(pdf.status, 200, repr(pdf))
            assert pdf.body.startswith("%PDF-"), pdf.body[:20]
            return r.json
        with ThreadPoolExecutor(4) as pool:
            got = list(pool.map(issue_and_fetch, ids))
        serials = sorted(int(c["cert_no"][-6:]) for c in got)
        eq(serials, list(range(serials[0], serials[0] + 4)), [c["cert_no"] for c in got])
        eq(len({c["cert_no"][:-6] for c in got}), 1)
        # the stored PDF's digest is the one each answer named
        for c in got:
            eq(s.sql("SELECT pdf_sha256 FROM certificates WHERE cert_no = '%s'" % c["cert_no"]), [[c["pdf_sha256"]]])
        # one audit row each
        for cid in ids:
            eq(s.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.issue' AND object_id = '%s'" % cid),
               [["1"]])

    @test
    def certificate_list_pages_newest_first_with_a_cursor(s):
        for _ in range(2):
            issued(s, eq, kind="QC")
        full = s.as_user("officer", "GET", "/api/v1/certificates?kind=QC&limit=200").json
        eq(full["next_cursor"], None)
        want = [x["id"] for x in full["items"]]
        assert len(want) >= 2, want
        pages, cursor = [], None
        while True:
            path = "/api/v1/certificates?kind=QC&limit=1" + ("&cursor=" + cursor if cursor else "")
            r = s.as_user("officer", "GET", path)
            eq(r.status, 200, repr(r))
            eq(len(r.json["items"]), 1)
            pages.append(r.json["items"][0]["id"])
            cursor = r.json["next_cursor"]
            if cursor is None:
                break
            eq(cursor, pages[-1])
        eq(pages, want)   # every row once, in the order of the whole list
        # the default page is 50 rows
        r = s.as_user("officer", "GET", "/api/v1/certificates")
        eq(len(r.json["items"]) <= 50, True)
        error_of(s.as_user("officer", "GET", "/api/v1/certificates?cursor=a%27b"), 400, field="cursor")
        error_of(s.as_user("officer", "GET", "/api/v1/certificates?limit=0"), 400, field="limit")
        error_of(s.as_user("officer", "GET", "/api/v1/certificates?limit=201"), 400, field="limit")


def genuine(s, no, code, addr="198.51.100.30"):
    """The public genuine PDF by number and code (or QR text), from a client address."""
    import http.client
    conn = http.client.HTTPConnection(s.host, s.port, timeout=30)
    conn.request("GET", "/api/v1/certificates/%s/genuine.pdf?code=%s" % (no, urllib.parse.quote(code, safe="")),
                 headers={"X-Forwarded-For": addr})
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, r.getheader("Content-Type"), body


def register_console_routes(test, eq, error_of):
    """The routes the console's pages need (issue 21, step 6)."""

    @test
    def certificate_candidates_say_which_declarations_may_apply_and_why_not(s):
        # 进出口商品检验法实施条例 art. 24: only goods that passed inspection get a certificate;
        # the form shows the refusal the application would get, by its rule
        entry = export_declaration(s, eq)

        def row(who="dl-trading"):
            r = s.as_user(who, "GET", "/api/v1/certificate-declarations")
            eq(r.status, 200, repr(r))
            return [x for x in r.json["items"] if x["entry_no"] == entry]

        mine = row()
        eq(len(mine), 1, "the exporter's own export declaration is listed")
        eq((mine[0]["eligible"], mine[0]["refusal"]["code"], mine[0]["refusal"]["field"]),
           (False, "not_inspected", "entry_no"))
        eq(mine[0]["consignor"], cc.TRADING)
        before = count(s)
        inspect(s, eq, entry)
        mine = row()
        eq((mine[0]["eligible"], mine[0]["refusal"], mine[0]["kinds_taken"]), (True, None, []))
        eq(count(s), before, "reading the candidates writes nothing")
        r = s.as_user("dl-trading", "POST", "/api/v1/certificates", application(entry))
        eq(r.status, 201, repr(r))
        eq(row()[0]["kinds_taken"], ["PC"])
        # another enterprise does not see it; officers and the public are refused
        eq(row("dl-fishery"), [])
        error_of(s.as_user("officer", "GET", "/api/v1/certificate-declarations"), 403)
        error_of(s.request("GET", "/api/v1/certificate-declarations"), 401)
        # an import declaration is no candidate
        imports = [x for x in s.as_user("dl-trading", "GET", "/api/v1/declarations?direction=import&limit=5")
                   .json["items"]]
        listed = {x["entry_no"] for x in s.as_user("dl-trading", "GET", "/api/v1/certificate-declarations")
                  .json["items"]}
        eq([x["entry_no"] for x in imports if x["entry_no"] in listed], [])

    @test
    def certificate_list_searches_by_number_and_entry_and_filters_by_kind(s):
        c = issued(s, eq, kind="QC")
        def ids(who, q):
            r = s.as_user(who, "GET", "/api/v1/certificates?" + q)
            eq(r.status, 200, repr(r))
            return [x["id"] for x in r.json["items"]]
        eq(ids("officer", "q=" + c["cert_no"]), [c["id"]])
        eq(ids("dl-trading", "q=" + c["cert_no"][-8:].lower())[:1], [c["id"]])
        assert c["id"] in ids("officer", "q=" + c["entry_no"][-10:])
        eq(ids("dl-trading", "q=%s&kind=PC" % c["entry_no"]), [])
        eq(ids("dl-trading", "q=%s&kind=QC&status=issued" % c["entry_no"]), [c["id"]])
        eq(ids("dl-fishery", "q=" + c["cert_no"]), [])
        error_of(s.as_user("officer", "GET", "/api/v1/certificates?q=09%25"), 400, field="q")
        error_of(s.as_user("officer", "GET", "/api/v1/certificates?kind=pc1"), 400, field="kind")

    @test
    def certificate_genuine_pdf_for_its_number_and_code_is_a_recorded_check(s):
        # e-CertNL: the QR code shows the genuine PDF; a wrong code is a mismatch like any other
        c = issued(s, eq, kind="HC")
        no = c["cert_no"]
        _, _, pdf = hc.raw_get(s, "dl-trading", "/api/v1/certificates/%s.pdf" % no)
        qr = pdf_qr(pdf)
        code = verify_qr(s, qr)["c"]
        # the PDF prints the public page's address, opened on its number
        text = pdf_text(pdf)
        assert "Verify online" in text and "/verify?no=" + no in text.replace("\n", ""), text[-800:]
        eq(genuine(s, no, code), (200, "application/pdf", pdf))
        eq(genuine(s, no, qr)[2], pdf)
        # the online check names the kind for the public page
        r = check(s, no, code)
        eq((r.json["kind_zh"], r.json["kind_en"]), ("卫生证书", "Health Certificate"))
        # a wrong code and an unknown number: 404 alike, and the wrong code counts
        wrong = genuine(s, no, "ZZZZZZZZZZ")
        eq(wrong[0], 404)
        eq(genuine(s, "09012026HC999999", code)[0], 404)
        items = s.as_user("dl-trading", "GET", "/api/v1/certificates/%s/verifications" % c["id"]).json["items"]
        eq([(i["result"], i["matched"]) for i in items][:2], [("unknown", False), ("valid", True)])
        eq(len(items), 4, "each download is a check: two PDFs, the check, the wrong code")
        # locked after three mismatches: the right code no longer gets the PDF
        genuine(s, no, "ZZZZZZZZZY")
        genuine(s, no, "ZZZZZZZZZX")
        eq(check(s, no, code).json["result"], "locked")
        eq(genuine(s, no, code)[0], 404)
        # an annulled one still shows its genuine PDF (the page says annulled beside it)
        d = issued(s, eq, kind="VC")
        _, _, pdf2 = hc.raw_get(s, "dl-trading", "/api/v1/certificates/%s.pdf" % d["cert_no"])
        code2 = s.sql("SELECT code FROM certificates WHERE id = '%s'" % d["id"])[0][0]
        eq(s.as_user("officer", "POST", "/api/v1/certificates/%s/annul" % d["id"], {"reason": "货物退关"}).status, 200)
        eq(genuine(s, d["cert_no"], code2)[2], pdf2)
        # malformed: 400 naming code
        eq(genuine(s, no, "")[0], 400)
