"""messages_cases.py — API-suite cases of the language of the API's messages (issue 16): a
refusal answers in Chinese by default and in English when the client prefers it
(Accept-Language, RFC 9110 §12.5.4), with Content-Language and Vary: Accept-Language; the code
and the field stay the same in both; a message with arguments is translated before it is
formatted, its arguments in place, and a validator's reason inside it is translated too.

The rest of the suite asks for English (harness.Server.request sends Accept-Language: en);
these cases send their own field, or none (None) to get the default."""
import json
import re

# a run of three ASCII words: an English sentence left in a Chinese message
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'-]+[A-Za-z]{2,}){2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def register_area(test, eq, error_of):
    def refused(s, lang, method="POST", path="/api/v1/session", body=None, user=None):
        headers = {"Accept-Language": lang}
        if user:
            r = s.as_user(user, method, path, body=body, headers=headers)
        else:
            r = s.request(method, path, body if body is not None else {"username": "nobody"}, headers=headers)
        return r

    def chinese(r, what):
        msg = r.json["error"]["message"]
        if not CJK.search(msg) or ENGLISH_RUN.search(msg):
            raise AssertionError("%s: not a Chinese message: %r" % (what, msg))
        eq(r.header("Content-Language"), "zh-CN", what)
        eq(r.header("Vary"), "Accept-Language", what)
        return msg

    def english(r, what):
        msg = r.json["error"]["message"]
        if CJK.search(msg):
            raise AssertionError("%s: not an English message: %r" % (what, msg))
        eq(r.header("Content-Language"), "en", what)
        eq(r.header("Vary"), "Accept-Language", what)
        return msg

    @test
    def a_refusal_answers_in_chinese_unless_the_client_prefers_english(s):
        # RFC 9110 §12.5.4: Chinese when the field is absent, names Chinese, or does not parse;
        # English when English weighs more, whatever its region; code and field unchanged
        for lang in (None, "zh-CN", "zh", "zh-CN,zh;q=0.9,en;q=0.8", "*", "fr", "en;q=abc", "en, zh;;"):
            r = refused(s, lang)
            err = error_of(r, 400, field="password")
            eq(chinese(r, lang), "密码为必填项", lang)
            eq(err["code"], "required", lang)
        for lang in ("en", "en-US", "en-US;q=0.9, zh;q=0.1", "zh;q=0, *", "EN-gb,zh;q=0.5", "fr, en;q=0.3"):
            r = refused(s, lang)
            err = error_of(r, 400, field="password")
            eq(english(r, lang), "password is required", lang)
            eq(err["code"], "required", lang)

    @test
    def a_message_with_arguments_is_translated_with_its_arguments_in_place(s):
        # the translated format takes the English one's arguments: the method and the path,
        # the query parameter's name
        r = refused(s, None, method="PATCH", path="/api/v1/session")
        error_of(r, 405, code="method_not_allowed")
        eq(chinese(r, "405"), "PATCH 不允许用于 /api/v1/session")
        r = refused(s, "en", method="PATCH", path="/api/v1/session")
        eq(english(r, "405"), "PATCH is not allowed on /api/v1/session")
        r = refused(s, "zh-CN", method="GET", path="/api/v1/enterprises?q=%FF%FE")
        error_of(r, 400, field="q")
        eq(chinese(r, "utf-8"), "查询参数 q 不是有效的 UTF-8 文本")

    @test
    def a_validators_reason_inside_a_message_is_translated_too(s):
        # GB 32100: the 18th character of a USCC is its check character; the reason the
        # validator gives is a message of its own, translated where it is quoted
        bad = "91210200241600015A"
        r = refused(s, None, method="GET", path="/api/v1/enterprises/" + bad, user="officer")
        error_of(r, 400, field="uscc")
        eq(chinese(r, "uscc"), "统一社会信用代码无效：第 18 位校验位错误（GB 32100）")
        r = refused(s, "en", method="GET", path="/api/v1/enterprises/" + bad, user="officer")
        eq(english(r, "uscc"), "uscc is not valid: wrong check character (position 18, GB 32100)")
        # an accepted request carries no language of its own
        r = s.as_user("officer", "GET", "/api/v1/enterprises/91210200241600015L", headers={"Accept-Language": None})
        eq(r.status, 200)
        eq(r.header("Content-Language"), None)

    # One refusal per area, asked for in Chinese: (area, user, method, path, body, status,
    # field). The scan below finds an English word left in the message.
    AREA_REFUSALS = [
        ("platform", None, "POST", "/api/v1/session", {}, 400, "username"),
        ("platform", "officer", "PATCH", "/api/v1/session", None, 405, None),
        ("platform", "officer", "GET", "/api/v1/no-such-route", None, 404, None),
        ("events", "officer", "GET", "/api/v1/events?after=-5", None, 400, "after"),
        ("enterprise", "officer", "POST", "/api/v1/enterprises", {}, 400, "uscc"),
        ("enterprise", "officer", "POST", "/api/v1/enterprises",
         {"uscc": "91210200241600015L", "customs_code": "2102960001", "name_zh": "大连港通国际贸易有限公司",
          "kind": "importer", "credit_level": "general_credit"}, 409, "uscc"),
        ("cargo", "dl-trading", "POST", "/api/v1/declarations", {}, 400, "direction"),
        ("cargo", "dl-agent", "POST", "/api/v1/manifests", {}, 400, "direction"),
        ("cargo", "officer", "POST", "/api/v1/declarations/090120269999999999/release", {}, 404, "entry_no"),
        ("gate", "officer", "POST", "/api/v1/gate/cards", {}, 400, "card_no"),
        ("gate", "officer", "POST", "/api/v1/gate/holds/999999/override", {}, 400, "reason"),
        ("vessel", "dl-agent", "POST", "/api/v1/vessels/arrivals", {}, 400, "vessel_name"),
        ("health", "quarantine", "POST", "/api/v1/health/flights", {}, 400, "flight_no"),
        ("tax", "dl-trading", "POST", "/api/v1/tax/guarantees", {}, 400, "entry_no"),
        ("risk", "officer", "POST", "/api/v1/risk/rules", {}, 400, "name"),
        ("risk", "officer", "GET", "/api/v1/risk/rules/999999", None, 404, "id"),
        ("services", "dl-trading", "POST", "/api/v1/liaison/problems", {}, 400, "category"),
        ("certificate", "dl-trading", "POST", "/api/v1/certificates", {}, 400, "entry_no"),
        ("stats", "officer", "GET", "/api/v1/stats/clearance-time?baseline_year=abc", None, 400, "baseline_year"),
        ("national", "officer", "GET", "/api/v1/national/districts", None, 409, None),
        ("check", "officer", "GET", "/api/v1/enterprises/NOPE", None, 400, "uscc"),
    ]
    ASCII_WORD = re.compile(r"[A-Za-z]{3,}")

    @test
    def a_refusal_of_every_area_in_chinese_has_no_english_word(s):
        # issue 16: a Chinese message holds no English word that is not data — the request's
        # own path, query and values (an entry number, a route) may appear as they were sent;
        # field names are their labels, statuses their words, never the JSON names
        for area, user, method, path, body, status, field in AREA_REFUSALS:
            headers = {"Accept-Language": "zh-CN"}
            if user:
                r = s.as_user(user, method, path, body=body, headers=headers)
            else:
                r = s.request(method, path, body, headers=headers)
            err = error_of(r, status, field=field)
            msg = err["message"]
            data = set(ASCII_WORD.findall(method + " " + path + " " + (json.dumps(body, ensure_ascii=False) if body else "")))
            left = [w for w in ASCII_WORD.findall(msg) if w not in data]
            if not CJK.search(msg) or left:
                raise AssertionError("%s: %s %s: English left in the Chinese message %r: %s" %
                                     (area, method, path, msg, left))
            eq(r.header("Content-Language"), "zh-CN", area)
            # the same refusal in English names the field by its JSON name and holds no Chinese
            r = s.as_user(user, method, path, body=body, headers={"Accept-Language": "en"}) if user else \
                s.request(method, path, body, headers={"Accept-Language": "en"})
            en = error_of(r, status, field=field)["message"]
            if CJK.search(en):
                raise AssertionError("%s: Chinese in the English message %r" % (area, en))
