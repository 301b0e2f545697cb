"""drafts_cases.py — API tests of declaration drafts (暂存, issue 16: "save as draft and
resume"): a draft is the enterprise's own working copy of the form, not a declaration — no entry
number, not screened, unjudged until the pre-check and the filing — saved, resumed, saved again
and discarded, each audited; another enterprise's draft does not exist for the caller.
Registered by run_api_tests.py (register_area)."""


FORM = {"direction": "import", "kind": "complete", "port": "0901", "bill_no": "",
        "items": [{"hs_code": "0303630000", "name": "冻鳕鱼", "quantity": ""}]}


def register_area(test, eq, error_of):
    @test
    def a_draft_is_the_enterprises_own_and_never_a_declaration(s):
        screened = s.as_user("manager", "GET", "/api/v1/risk/stats").json["screenings"]
        r = s.as_user("dl-trading", "POST", "/api/v1/declaration-drafts", {"title": "冻鳕鱼 第一批", "form": FORM})
        eq(r.status, 201, r.body)
        no = r.json["draft_no"]
        assert no.startswith("ZC") and "entry_no" not in r.json, r.json
        eq((r.json["form"], r.json["saved_by"]), (FORM, "dl-trading"))
        # not a declaration: not screened, not listed among declarations
        eq(s.as_user("manager", "GET", "/api/v1/risk/stats").json["screenings"], screened)
        eq(s.as_user("dl-trading", "GET", "/api/v1/declarations/" + no).status, 404)
        # resumed and saved again
        lst = s.as_user("dl-trading", "GET", "/api/v1/declaration-drafts").json["items"]
        eq(lst[0]["draft_no"], no)
        assert "form" not in lst[0], lst[0]
        again = dict(FORM, bill_no="COSU6012345")
        u = s.as_user("dl-trading", "PUT", "/api/v1/declaration-drafts/" + no, {"title": "冻鳕鱼 第一批", "form": again})
        eq((u.status, u.json["form"]["bill_no"]), (200, "COSU6012345"))
        eq(s.as_user("dl-trading", "GET", "/api/v1/declaration-drafts/" + no).json["form"], again)
        # refused: another enterprise (404, nothing learnt), an officer (403), bad bodies
        error_of(s.as_user("dl-fishery", "GET", "/api/v1/declaration-drafts/" + no), 404)
        error_of(s.as_user("dl-fishery", "PUT", "/api/v1/declaration-drafts/" + no, {"form": {}}), 404)
        error_of(s.as_user("dl-fishery", "DELETE", "/api/v1/declaration-drafts/" + no), 404)
        assert no not in [d["draft_no"] for d in
                          s.as_user("dl-fishery", "GET", "/api/v1/declaration-drafts").json["items"]]
        error_of(s.as_user("officer", "GET", "/api/v1/declaration-drafts"), 403)
        error_of(s.as_user("dl-trading", "POST", "/api/v1/declaration-drafts", {"title": "x"}), 400, field="form")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/declaration-drafts", {"form": [1]}), 400, field="form")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/declaration-drafts", {"form": {}, "entry_no": "1"}), 400,
                 field="entry_no")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/declaration-drafts", {"form": {}, "title": "长" * 101}), 400,
                 field="title")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/declaration-drafts", {"form": {"x": "y" * 300000}}), 400,
                 field="form")
        # discarded: gone for the enterprise, kept in the audit trail
        d = s.as_user("dl-trading", "DELETE", "/api/v1/declaration-drafts/" + no)
        eq((d.status, d.json["discarded"]), (200, True))
        error_of(s.as_user("dl-trading", "GET", "/api/v1/declaration-drafts/" + no), 404)
        n2 = s.as_user("dl-trading", "POST", "/api/v1/declaration-drafts", {"form": FORM}).json["draft_no"]
        assert n2 != no, "a number is never reused"
        rows = s.as_user("admin", "GET", "/api/v1/audit?object=declaration_draft:" + no).json["items"]
        eq(sorted(x["action"] for x in rows),
           ["declaration_draft.create", "declaration_draft.discard", "declaration_draft.update"])
