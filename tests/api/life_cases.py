"""life_cases.py — API-suite cases of a declaration's life after filing (issue 15): the
credential every cargo and tax change is audited with, and (as they come) modification,
cancellation, return and refiling, amendment after release and re-assessment at the
transport's entry. Each rule has a refused and an accepted case; a refusal writes nothing."""
from tax_cases import filed


def register(test, eq, error_of):
    @test
    def a_cargo_change_and_a_tax_payment_name_the_credential(s):
        # issue 12 item 6 / issue 13 §1: the audit row of a filing (a session) and of a payment
        # (a machine's token) names the credential the change was made with
        _, e = filed(s)
        t = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json
        tok = s.cli("token", "create", "--user", "dl-trading", "--scopes", "tax").stdout.strip()
        eq(s.with_token(tok, "POST", "/api/v1/payments", {"entry_no": e, "amount": t["amount_due"]}).status, 201)
        rows = s.as_user("admin", "GET", "/api/v1/audit?object=declaration:%s" % e).json["items"]
        got = {row["action"]: row.get("credential") or "" for row in rows}
        assert got["declaration.file"].startswith("session:"), got
        rows = s.as_user("admin", "GET", "/api/v1/audit?object=tax:%s" % e).json["items"]
        got = {row["action"]: row.get("credential") or "" for row in rows}
        assert got["tax.pay"].startswith("token:"), got
