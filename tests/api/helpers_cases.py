"""helpers_cases.py — API-suite cases of the platform's shared helpers seen from outside: the
holiday table's importer (`haiguan import holidays FILE`), the import framework's per-line
policy, and the rule that every command refuses an unknown option with exit 2."""
import gzip
import http.client
import os

from crash_test import uscc


def register(test, eq, error_of):
    @test
    def a_browser_at_a_mistyped_address_gets_the_consoles_page(s):
        # issue 16: a mistyped URL showed raw JSON. A browser navigating (Accept: text/html)
        # gets index.html with 404, whose router shows the console's own page; API clients,
        # paths under /api/ and other methods keep the JSON 404
        html = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
        r = s.request("GET", "/no-such-page", headers=html)
        eq((r.status, r.header("Content-Type").split(";")[0]), (404, "text/html"))
        eq(r.body, s.request("GET", "/").body)
        for method, path, headers in (("GET", "/no-such-page", {"Accept": "application/json"}),
                                      ("GET", "/no-such-page", {}),
                                      ("GET", "/api/v1/no-such-thing", html),
                                      ("DELETE", "/no-such-page", html)):
            r = s.request(method, path, headers=headers)
            eq((r.status, r.json["error"]["code"]), (404, "not_found"), (method, path, headers))

    @test
    def console_files_are_sent_compressed_when_the_client_takes_gzip(s):
        # RFC 9110 §12.5.3: gzip when accepted (by name or "*"), never when refused with q=0
        # or not offered; the answer varies with Accept-Encoding either way
        def get(path, accept):
            conn = http.client.HTTPConnection(s.host, s.port, timeout=30)
            conn.request("GET", path, headers={"Accept-Encoding": accept} if accept is not None else {})
            r = conn.getresponse()
            body, headers = r.read(), {k.lower(): v for k, v in r.getheaders()}
            conn.close()
            return r.status, headers, body
        st, plain_h, plain = get("/", None)
        eq(st, 200)
        assert "content-encoding" not in plain_h, plain_h
        for accept in ("gzip, deflate, br", "br;q=1, *;q=0.5"):
            st, h, body = get("/", accept)
            eq((st, h.get("content-encoding"), h.get("vary")), (200, "gzip", "Accept-Encoding"))
            eq(gzip.decompress(body), plain)
            assert len(body) < len(plain), (len(body), len(plain))
        for accept in ("gzip;q=0", "identity", "", "gzip;level=9"):
            st, h, body = get("/", accept)
            eq((st, h.get("content-encoding"), body), (200, None, plain))
        # a content-hashed script: compressed, and still cached for a year
        import re
        script = re.search(rb'src="(/assets/[^"]+\.js)"', plain)
        if script:
            st, h, body = get(script.group(1).decode(), "gzip")
            eq((st, h.get("content-encoding")), (200, "gzip"))
            assert "immutable" in h.get("cache-control", ""), h

    @test
    def import_holidays_loads_whole_file_or_nothing(s):
        path = os.path.join(s.dir, "holidays.csv")
        with open(path, "w") as f:
            f.write("date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-10,workday,国庆节调休\n")
        p = s.cli("import", "holidays", path)
        assert "2 loaded, 0 refused" in p.stdout, p.stdout
        eq(s.sql("SELECT date, kind, name FROM holidays ORDER BY date"),
           [["2026-10-01", "holiday", "国庆节"], ["2026-10-10", "workday", "国庆节调休"]])
        # refused: a bad line anywhere loads nothing, each reported with its line number
        with open(path, "w") as f:
            f.write("2026-10-02,holiday,国庆节\n2026-02-30,holiday,x\n2026-10-03,rest,x\n2026-10-04,holiday,\n")
        p = s.cli("import", "holidays", path, check=False)
        eq(p.returncode, 1, p.stdout + p.stderr)
        assert "line 2: date: " in p.stdout and "line 3: kind: " in p.stdout and "line 4: name: " in p.stdout, p.stdout
        assert "0 loaded: 3 lines refused, nothing changed" in p.stdout, p.stdout
        eq(s.sql("SELECT COUNT(*) FROM holidays"), [["2"]])

    @test
    def import_enterprises_goes_on_after_a_refused_line(s):
        # the first line refused used to leave the import stopped ("cannot start a
        # transaction within a transaction") with the good lines after it unloaded
        fresh = uscc("9121020070000%03d" % (os.getpid() % 1000))
        path = os.path.join(s.dir, "ent.csv")
        with open(path, "w") as f:
            f.write("uscc,customs_code,name_zh,kind,credit_level,coordinator\n")
            f.write("91210200241600015L,2102930001,重复,importer,general_credit,officer\n")
            f.write("%s,2102930019,导入二号,importer,general_credit,officer\n" % fresh)
        p = s.cli("import", "enterprises", path, check=False)
        eq(p.returncode, 1, p.stdout + p.stderr)
        assert "line 2: uscc: " in p.stdout and "1 loaded, 1 refused" in p.stdout, p.stdout
        eq(p.stderr, "")

    @test
    def every_command_refuses_an_unknown_option(s):
        listed = s.cli("help").stdout.split("commands:")[1]
        names = [line.split()[0] for line in listed.splitlines() if line.startswith("  ")]
        names = [n for n in names if n not in ("help", "version")]
        assert "serve" in names and "import" in names, names
        # refused: the option alone, and after a subcommand and its arguments
        cases = [[n, "--no-such-option"] for n in names] + [
            ["user", "list", "--no-such-option"], ["user", "add", "x", "--role", "officer", "--rol", "admin"],
            ["token", "revoke", "1", "--no-such-option"], ["db", "copy", "--from", "a", "--to", "b", "--forc"],
            ["audit", "verify", "--no-such-option"], ["risk", "import", "f.jsonl", "--key", "d"],
            ["import", "holidays", "f.csv", "--no-such-option"], ["check", "uscc", "-x"], ["serve", "--listen"]]
        for args in cases:
            p = s.cli(*args, check=False)
            eq(p.returncode, 2, "exit of haiguan %s: %s" % (" ".join(args), p.stderr))
            assert p.stderr.startswith("haiguan ") or p.stderr.startswith("usage:"), p.stderr
        # accepted: known options, and "--" before a value that starts with '-'
        eq(s.cli("routes").returncode, 0)
        p = s.cli("check", "uscc", "--", "-91210200241600015L", check=False)
        eq((p.returncode, p.stdout.startswith("invalid")), (1, True), p.stdout + p.stderr)
        eq(s.cli("check", "uscc", "--", "91210200241600015L").stdout, "valid\n")
