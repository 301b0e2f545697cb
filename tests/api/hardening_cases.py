"""hardening_cases.py — the server refuses what an attacker on the wire would try (issue 13):
request framing that two parties could read differently (RFC 9112), and one client holding
the server's connections. Each case is sent on a raw socket and must be answered 400 and
closed; the well-framed twin of each is accepted, so a check that refused everything fails."""
import socket

HOST_LINE = b"Host: x\r\n"

# (name, request, the RFC 9112 rule) — each refused with 400 and the connection closed
REFUSED = [
    ("content-length with transfer-encoding",
     b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
     b"0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", "RFC 9112 §6.3 (3)"),
    ("two content-lengths",
     b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}abc",
     "RFC 9112 §6.3 (5)"),
    ("equal content-lengths twice",
     b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}",
     "RFC 9112 §6.3 (5)"),
    ("signed content-length",
     b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n{}", "RFC 9112 §6.3"),
    ("transfer-encoding other than chunked",
     b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
     "RFC 9112 §6.1"),
    ("HTTP/1.1 without Host", b"GET /healthz HTTP/1.1\r\n\r\n", "RFC 9112 §3.2"),
    ("bare CR in a value", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n", "RFC 9112 §2.2"),
    ("space before the colon", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A : b\r\n\r\n", "RFC 9112 §5.1"),
    ("control character in a value", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n", "RFC 9110 §5.5"),
]

ACCEPTED = [
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\tb\r\n\r\n",
    b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
    b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
    b"GET /healthz HTTP/1.0\r\n\r\n",
]


def exchange(s, payload, timeout=3):
    """Sends payload; returns (every status line received, whether the server closed)."""
    with socket.create_connection((s.host, s.port), timeout=timeout) as c:
        c.sendall(payload)
        out, closed = b"", False
        try:
            while True:
                d = c.recv(65536)
                if not d:
                    closed = True
                    break
                out += d
        except socket.timeout:
            pass
    return [l for l in out.split(b"\r\n") if l.startswith(b"HTTP/1.")], closed, out


def register(test, eq, error_of):
    @test
    def ambiguous_framing_is_refused_and_closed(s):
        for name, payload, rule in REFUSED:
            statuses, closed, out = exchange(s, payload)
            assert statuses and statuses[0].split()[1] == b"400", "%s (%s): %r" % (name, rule, out[:200])
            # nothing read behind it was answered (libmicrohttpd 0.9.75 writes its own 400's
            # head twice for a malformed Content-Length, so count kinds, not lines)
            assert {st.split()[1] for st in statuses} == {b"400"}, \
                "%s (%s): a request was read behind it: %r" % (name, rule, statuses)
            assert closed, "%s (%s): the connection stayed open" % (name, rule)
        # the error names the rule, in the usual error shape
        statuses, closed, out = exchange(s, REFUSED[0][1])
        assert b'"code":"bad_framing"' in out and b"Transfer-Encoding" in out, out

    @test
    def well_framed_requests_are_read(s):
        for payload in ACCEPTED:
            statuses, closed, out = exchange(s, payload, timeout=1)
            assert statuses and statuses[0].split()[1] != b"400" or b"bad_framing" not in out, out[:300]
            assert b"bad_framing" not in out, out[:300]

    @test
    def oversized_body_is_refused_before_100_continue(s):
        # RFC 9110 §10.1.1: a server that will refuse the body says so instead of 100 Continue
        statuses, closed, out = exchange(
            s, b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               b"Content-Length: 99999999\r\nExpect: 100-continue\r\n\r\n")
        eq([st.split()[1] for st in statuses], [b"413"], "statuses")
        assert closed
        # within the limit the client is told to go on
        with socket.create_connection((s.host, s.port), timeout=3) as c:
            c.sendall(b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 2\r\nExpect: 100-continue\r\n\r\n")
            first = c.recv(4096)
            assert first.startswith(b"HTTP/1.1 100"), first

    @test
    def head_is_answered_like_get_without_body(s):
        r = s.request("HEAD", "/healthz")
        eq(r.status, 200)
        eq(r.body, "", "HEAD body")
        r = s.request("HEAD", "/api/v1/enterprises")
        eq(r.status, 401)


def metric(s, name, source=None):
    if source:
        import http.client
        c = http.client.HTTPConnection(s.host, s.port, timeout=5, source_address=(source, 0))
        c.request("GET", "/metrics")
        body = c.getresponse().read().decode()
        c.close()
    else:
        body = s.request("GET", "/metrics").body
    for line in body.split("\n"):
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise AssertionError("no metric %s" % name)


def request_from(s, source, method, path, headers=None):
    """A request from another loopback address (127.0.0.0/8 is all loopback on Linux)."""
    import http.client
    import time
    c = http.client.HTTPConnection(s.host, s.port, timeout=5, source_address=(source, 0))
    t0 = time.time()
    c.request(method, path, headers=headers or {})
    r = c.getresponse()
    r.read()
    c.close()
    return r.status, time.time() - t0


def register_limits(test, eq, error_of, binary):
    from harness import Server

    @test
    def one_address_cannot_hold_the_server(s):
        # 2,000 connections from one address, each holding half a request line open
        refused_before = metric(s, 'haiguan_http_connections_refused_total{reason="per_address"}')
        cookie = s.login("officer")[0]
        held = []
        try:
            for _ in range(2000):
                try:
                    c = socket.create_connection((s.host, s.port), timeout=5, source_address=("127.0.0.2", 0))
                    c.sendall(b"GET /healthz HTTP/1.1\r\nHo")
                    held.append(c)
                except OSError:
                    pass
            # another client is served at once, signed in or not
            status, took = request_from(s, "127.0.0.5", "GET", "/healthz")
            eq(status, 200, "healthz from another address")
            assert took < 1.0, "healthz took %.2fs" % took
            status, took = request_from(s, "127.0.0.3", "GET", "/api/v1/enterprises", {"Cookie": cookie})
            eq(status, 200, "an officer's read from another address")
            assert took < 1.0, "an API read took %.2fs" % took
            refused = metric(s, 'haiguan_http_connections_refused_total{reason="per_address"}', "127.0.0.4") \
                - refused_before
            assert refused >= 2000 - 128 - 4 * 2, "refusals counted: %s" % refused
        finally:
            for c in held:
                c.close()

    @test
    def a_trickled_request_meets_its_deadline(s):
        import time
        d = Server(binary, ["--request-deadline", "2"], db=s.db, keys=s.keys, setup=False)
        try:
            c = socket.create_connection((d.host, d.port), timeout=10)
            t0, closed = time.time(), False
            payload = b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + b"{" * 60
            try:
                for b in payload:   # one byte every 0.1 s: never idle, never complete
                    c.sendall(bytes([b]))
                    time.sleep(0.1)
                    if time.time() - t0 > 6:
                        break
                c.settimeout(3)
                closed = c.recv(100) == b""
            except OSError:
                closed = True
            took = time.time() - t0
            assert closed and took < 6, "the connection lasted %.1fs, closed=%s" % (took, closed)
            eq(metric(d, 'haiguan_http_connections_refused_total{reason="request_deadline"}'), 1.0, "deadline count")
            eq(d.request("GET", "/healthz").status, 200)
        finally:
            d.stop()


def register_files_and_logs(test, eq, error_of, binary):
    import os
    import shutil
    import stat
    import subprocess
    import cargo_cases
    from harness import Server

    def mode(path):
        return stat.S_IMODE(os.stat(path).st_mode)

    @test
    def database_and_keys_are_the_owners_alone(s):
        if s.is_pg():
            return   # PostgreSQL keeps its own files; only the key directory is ours
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(s.db + suffix):
                eq(mode(s.db + suffix), 0o600, "mode of the database file %s" % (s.db + suffix))
        eq(mode(s.keys) & 0o077, 0, "key directory mode")
        for name in os.listdir(s.keys):
            eq(mode(os.path.join(s.keys, name)), 0o600, "mode of key file " + name)

    @test
    def a_shared_key_file_stops_the_server(s):
        keys = os.path.join(s.dir, "shared-keys")
        shutil.copytree(s.keys, keys)
        draw = os.path.join(keys, "risk-draw.key")
        if not os.path.exists(draw):
            with open(draw, "w") as f:
                f.write("ab" * 32 + "\n")
        os.chmod(draw, 0o644)
        env = dict(s.env, HAIGUAN_KEYS=keys)
        p = subprocess.run([binary, "serve", "--listen", "127.0.0.1:0"], env=env, capture_output=True, text=True,
                           timeout=30)
        assert p.returncode != 0, p
        assert "risk-draw.key" in p.stderr and "chmod 600" in p.stderr, p.stderr
        # mended, it serves
        os.chmod(draw, 0o600)
        d = Server(binary, db=s.db, keys=keys, setup=False)
        try:
            eq(d.request("GET", "/healthz").status, 200)
        finally:
            d.stop()

    @test
    def an_older_database_file_is_made_private(s):
        if s.is_pg():
            return
        db = os.path.join(s.dir, "older.db")
        env = dict(s.env, HAIGUAN_DB=db)
        subprocess.run([binary, "init"], env=env, check=True, capture_output=True)
        os.chmod(db, 0o644)
        p = subprocess.run([binary, "init"], env=env, check=True, capture_output=True, text=True)
        eq(mode(db), 0o600, "mode after init")
        assert "made 0600" in p.stderr, p.stderr

    @test
    def the_log_keeps_what_was_typed_as_a_name_short_and_escaped(s):
        typed = "Hunter2-Correct-Horse"   # a password typed into the name field
        r = s.request("POST", "/api/v1/session", {"username": typed, "password": "x" * 12})
        eq(r.status, 401)
        log = s.server_log()
        assert typed not in log and "Hu" + "\u2026 (21 bytes)" in log, log[-800:]
        # a real user's name is shown; so is the user on a successful sign-in's access line
        s.request("POST", "/api/v1/session", {"username": "officer", "password": "wrong-password-1"})
        assert "sign-in refused for officer from" in s.server_log()
        r = s.request("POST", "/api/v1/session", {"username": "officer", "password": "officer-demo-2026"})
        eq(r.status, 200)
        line = [l for l in s.server_log().split("\n") if "POST \\\"/api/v1/session\\\" 200" in l][-1]
        assert line.endswith("user=officer"), line
        # bidirectional overrides cannot reorder a log line on screen (CVE-2021-42574)
        s.request("POST", "/api/v1/session", {"username": "\u202eadmin", "password": "x" * 12})
        s.request("GET", "/api/v1/%E2%80%AEnosuch")
        log = s.server_log()
        assert "\u202e" not in log, "a bidirectional override reached the log"
        assert "\\u202e" in log, log[-800:]

    @test
    def a_bill_manifested_elsewhere_is_answered_as_none(s):
        # SECURITY: the answer must not tell another party's bill's port and direction
        b = cargo_cases.bill_no()
        eq(cargo_cases.manifest(s, [cargo_cases.bill(b)]).status, 201)
        wrong = error_of(cargo_cases.file(s, b, port="0903"), 400, field="bill_no", code="not_found")
        none = error_of(cargo_cases.file(s, "NOSUCH" + b, port="0903"), 400, field="bill_no", code="not_found")
        eq(wrong["message"].replace(b, "B"), none["message"].replace("NOSUCH" + b, "B"), "the two answers")
        assert "0901" not in wrong["message"], wrong
        eq(cargo_cases.file(s, b).status, 201)


def register_accounts(test, eq, error_of):
    @test
    def machine_accounts_act_only_through_their_tokens(s):
        # issue 13 §1: with the demo password of lab01 a cookie session ignored the token's
        # scopes and suspended headquarters' instruction; machines have no password now
        for machine in ("lab01", "gate01", "terminal01"):
            for guess in ("%s-demo-2026" % machine, "x" * 12):
                error_of(s.request("POST", "/api/v1/session", {"username": machine, "password": guess}), 401)
        # none can be given one, on the command line or through the API
        p = s.cli("user", "passwd", "lab01", stdin="lab01-password-new\n", check=False)
        eq(p.returncode, 1, "passwd of a machine")
        assert "password" in p.stderr, p.stderr
        error_of(s.as_user("admin", "POST", "/api/v1/users",
                           {"name": "scale09", "role": "system", "password": "scale09-password-1"}), 400,
                 field="password")
        # its token works within its scopes
        tok = s.cli("token", "create", "--user", "lab01", "--scopes", "lab").stdout.strip()
        eq(s.with_token(tok, "GET", "/api/v1/me").status, 200)
        error_of(s.with_token(tok, "GET", "/api/v1/risk/rules"), 403)
        # and `haiguan demo` prints no password for machines
        out = s.cli("demo").stdout
        assert "lab01-demo-2026" not in out and "token create --user lab01 --scopes lab" in out, out

    @test
    def a_token_holds_only_scopes_its_users_role_may(s):
        # issue 14 (who may state what): arrival reports, laboratory results, gate lanes and
        # handovers are a machine's facts (舱单办法 运抵 from the supervised site; the lab's
        # results from the lab): a person cannot mint a token of those scopes, nor of an area
        # none of whose routes takes their role; 403 naming scopes, and no token is made
        before = int(s.sql("SELECT COUNT(*) FROM api_tokens")[0][0])
        for scopes in ("lab", "arrival", "gate", "handover", "declarations,arrival"):
            err = error_of(s.as_user("dl-trading", "POST", "/api/v1/tokens", {"scopes": scopes}), 403, field="scopes",
                           code="scope_not_for_role")
            assert scopes.split(",")[-1] in err["message"], err
        error_of(s.as_user("officer", "POST", "/api/v1/tokens", {"scopes": "lab"}), 403, field="scopes",
                 code="scope_not_for_role")
        error_of(s.as_user("dl-trading", "POST", "/api/v1/tokens", {"scopes": "audit"}), 403, field="scopes",
                 code="scope_not_for_role")
        eq(int(s.sql("SELECT COUNT(*) FROM api_tokens")[0][0]), before)
        # accepted: a person's own areas, "*" (their role's reach), and the admin issuing a
        # machine's scope to a machine account
        for who, scopes in (("dl-trading", "declarations,tax"), ("dl-trading", "*"), ("officer", "inspections")):
            r = s.as_user(who, "POST", "/api/v1/tokens", {"scopes": scopes})
            eq(r.status, 201, repr(r))
        for user, scopes in (("lab01", "lab"), ("terminal01", "arrival"), ("gate01", "gate")):
            r = s.as_user("admin", "POST", "/api/v1/tokens", {"user": user, "scopes": scopes})
            eq(r.status, 201, repr(r))

    @test
    def an_admin_cannot_mint_a_persons_token(s):
        # issue 13 §1: an admin minted a `*` token for an officer and acted as them
        error_of(s.as_user("admin", "POST", "/api/v1/tokens", {"user": "officer", "scopes": "*"}), 403, field="user")
        error_of(s.as_user("admin", "POST", "/api/v1/tokens", {"user": "dl-trading", "scopes": "*"}), 403,
                 field="user")
        # an officer cannot mint one for a machine or another person either
        error_of(s.as_user("officer", "POST", "/api/v1/tokens", {"user": "gate01", "scopes": "gate"}), 403,
                 field="user")
        error_of(s.as_user("officer", "POST", "/api/v1/tokens", {"user": "manager", "scopes": "*"}), 403)
        # a person makes their own, and it acts as them
        r = s.as_user("officer", "POST", "/api/v1/tokens", {"scopes": "enterprises"})
        eq(r.status, 201, repr(r))
        eq(r.json["user"], "officer")
        mine = r.json["token"]
        eq(s.with_token(mine, "GET", "/api/v1/me").json["user"]["name"], "officer", "the token's user")
        # a token cannot make another token
        error_of(s.with_token(mine, "POST", "/api/v1/tokens", {"scopes": "*"}), 403)
        # the admin makes the gate's; the audit row names who made it
        r = s.as_user("admin", "POST", "/api/v1/tokens", {"user": "gate01", "scopes": "gate"})
        eq(r.status, 201, repr(r))
        rows = s.sql("SELECT after_json FROM audit_log WHERE action = 'token.create' AND object_id = '%s'" % r.json["id"])
        assert '"created_by":"admin"' in rows[0][0].replace(" ", ""), rows
        # revoking: one's own, or the admin any; another's token is answered as none
        error_of(s.as_user("dl-trading", "DELETE", "/api/v1/tokens/%s" % r.json["id"]), 404)
        eq(s.as_user("admin", "DELETE", "/api/v1/tokens/%s" % r.json["id"]).status, 204)

    @test
    def account_changes_name_the_credential_they_were_made_with(s):
        # issue 13 §1: every audit row records the session or token it was made with; a change
        # made on the command line has none (its operator holds the database itself)
        r = s.as_user("admin", "POST", "/api/v1/users",
                      {"name": "cred-officer", "role": "officer", "posts": ["clearance"],
                       "password": "cred-officer-pass-2026"})
        eq(r.status, 201, repr(r))
        eq(s.as_user("admin", "POST", "/api/v1/users/cred-officer/disable").status, 200)
        made = s.as_user("admin", "POST", "/api/v1/tokens", {"user": "gate01", "scopes": "gate"})
        eq(made.status, 201, repr(made))
        cli_tok = s.cli("token", "create", "--user", "lab01", "--scopes", "lab").stdout.strip()
        eq(s.with_token(cli_tok, "GET", "/api/v1/me").status, 200)

        def credential(action, obj):
            rows = s.sql("SELECT COALESCE(credential, '') FROM audit_log WHERE action = '%s' AND object_id = '%s'"
                         % (action, obj))
            assert rows, (action, obj)
            return rows[-1][0]
        assert credential("user.create", "cred-officer").startswith("session:")
        assert credential("user.disable", "cred-officer").startswith("session:")
        assert credential("token.create", str(made.json["id"])).startswith("session:")
        eq(s.as_user("admin", "DELETE", "/api/v1/tokens/%s" % made.json["id"]).status, 204)
        assert credential("token.revoke", str(made.json["id"])).startswith("session:")
        rows = s.sql("SELECT COALESCE(credential, ''), actor FROM audit_log WHERE action = 'token.create' "
                     "ORDER BY seq DESC LIMIT 2")
        cli_rows = [row for row in rows if row[1].startswith("cli:")]
        assert cli_rows and cli_rows[0][0] == "", rows


def register_throttle(test, eq, error_of):
    import threading
    import time

    def sign_in(s, name, password, client):
        # the suite's client is the declared proxy: it names the client it speaks for
        return s.request("POST", "/api/v1/session", {"username": name, "password": password},
                         headers={"X-Forwarded-For": client})

    @test
    def failures_elsewhere_never_lock_the_owner_out(s):
        # issue 13 §1: five wrong passwords locked the real user (admin included) out for 15
        # minutes even with the right password. Now the failing client waits; the owner does not.
        s.cli("user", "add", "victim2", "--role", "officer", "--post", "tax", stdin="victim2-password-1\n")
        for _ in range(5):
            error_of(sign_in(s, "victim2", "wrong-password-x", "198.51.100.1"), 401)
        r = sign_in(s, "victim2", "wrong-password-x", "198.51.100.1")
        error_of(r, 429)
        assert int(r.header("Retry-After")) >= 1
        eq(sign_in(s, "victim2", "victim2-password-1", "198.51.100.2").status, 200, "the owner from elsewhere")

    @test
    def rotating_addresses_only_slows_the_guesser(s):
        # issue 13 §1: rotating source addresses bypassed the address limit
        s.cli("user", "add", "victim3", "--role", "officer", "--post", "tax", stdin="victim3-password-1\n")
        took = []
        for i in range(16):
            t0 = time.time()
            error_of(sign_in(s, "victim3", "wrong-password-%d" % i, "198.51.100.%d" % (20 + i)), 401)
            took.append(time.time() - t0)
        # past ten failures on the name every attempt waits first (250 ms, 500 ms after fifteen):
        # a lower bound, which a busy machine cannot make fail
        assert min(took[10:]) >= 0.24 and took[15] >= 0.49, took
        # and its owner still gets in, from a client that has not been failing
        eq(sign_in(s, "victim3", "victim3-password-1", "198.51.100.99").status, 200, "the owner")

    @test
    def concurrent_failures_are_counted_before_hashing(s):
        # issue 13 §1: 120 concurrent failures produced 54 hashes against a limit of 50
        s.cli("user", "add", "victim4", "--role", "officer", "--post", "tax", stdin="victim4-password-1\n")
        statuses = []
        lock = threading.Lock()

        def attempt():
            r = sign_in(s, "victim4", "wrong-password-y", "198.51.100.50")
            with lock:
                statuses.append(r.status)
        threads = [threading.Thread(target=attempt) for _ in range(40)]
        t0 = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.time() - t0
        eq(sorted(set(statuses)), [401, 429], "answers")
        # five are hashed at once, not more. The client may try once more 1 s after its latest
        # failure, again 2 s after that, 4 s … (its Retry-After): on a machine so loaded that
        # the forty attempts take longer than that, those later tries are its right, not a leak
        later = 0
        while (2 ** (later + 1)) - 1 <= took:
            later += 1
        hashed = statuses.count(401)
        assert 5 <= hashed <= 5 + later, "%d hashed in %.1f s (at most %d)" % (hashed, took, 5 + later)

    @test
    def concurrent_right_passwords_all_sign_in(s):
        # attempts being checked make the client's next one wait its turn, not refused
        s.cli("user", "add", "six-tabs", "--role", "officer", "--post", "tax", stdin="six-tabs-password-1\n")
        statuses, lock = [], threading.Lock()

        def attempt():
            r = sign_in(s, "six-tabs", "six-tabs-password-1", "198.51.100.60")
            with lock:
                statuses.append(r.status)
        threads = [threading.Thread(target=attempt) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        eq(statuses, [200] * 8, "eight tabs signing in at once")

    @test
    def sign_in_flood_is_bounded_and_reads_go_on(s):
        # issue 13 §1: each failed sign-in cost a 64 MiB hash before any check; sixteen
        # flooding clients moved an officer's read from 2.6 ms to 534 ms. Hashing now has a
        # small pool; attempts wait for it without a thread, 64 at most, and past that are
        # answered 429 at once. Eighty clients flood here.
        cookie = s.login("officer")[0]
        stop = time.time() + 3
        answers = {}
        lock = threading.Lock()

        def flood(k):
            i = 0
            while time.time() < stop:
                r = sign_in(s, "flood-%d-%d" % (k, i), "x" * 12, "203.0.%d.%d" % (113 + k // 200, k % 200 + 1))
                i += 1
                with lock:
                    answers[r.status] = answers.get(r.status, 0) + 1
        threads = [threading.Thread(target=flood, args=(k,)) for k in range(80)]
        for t in threads:
            t.start()
        reads = []
        time.sleep(0.3)
        while time.time() < stop - 0.2:
            t0 = time.time()
            eq(s.request("GET", "/api/v1/enterprises?limit=5", headers={"Cookie": cookie}).status, 200, "read")
            reads.append(time.time() - t0)
            time.sleep(0.02)
        for t in threads:
            t.join()
        reads.sort()
        p50, p99 = reads[len(reads) // 2], reads[min(len(reads) - 1, int(len(reads) * 0.99))]
        # figures, not a timing assertion (the machine is shared): see docs/BENCHMARKS.md
        print("     sign-in flood: %s; officer reads p50 %.1f ms, p99 %.1f ms over %d"
              % (answers, p50 * 1000, p99 * 1000, len(reads)))
        assert answers.get(429, 0) > 0, "the pool never filled: %r" % answers
        assert set(answers) <= {401, 429}, answers
        body = s.request("GET", "/metrics").body
        assert "haiguan_password_hashes_refused_total" in body
        # an attempt refused because the pool stayed full was never tried: it is no longer
        # pending (it used to stay so until the window ended, making that client wait) and
        # is not counted as a failure of its client. It is taken back when its request ends,
        # which may be a moment after its client read the answer: wait for that
        deadline = time.time() + 15
        while s.sql("SELECT COALESCE(SUM(pending), 0) FROM login_throttle") != [["0"]] and time.time() < deadline:
            time.sleep(0.1)
        eq(s.sql("SELECT COALESCE(SUM(pending), 0) FROM login_throttle"), [["0"]])

    @test
    def a_user_holds_at_most_ten_sessions(s):
        s.cli("user", "add", "many-tabs", "--role", "officer", "--post", "tax", stdin="many-tabs-password-1\n")
        cookies = []
        for _ in range(11):
            r = s.request("POST", "/api/v1/session", {"username": "many-tabs", "password": "many-tabs-password-1"})
            eq(r.status, 200)
            cookies.append(r.header("Set-Cookie").split(";")[0])
        error_of(s.request("GET", "/api/v1/me", headers={"Cookie": cookies[0]}), 401)
        for c in cookies[1:]:
            eq(s.request("GET", "/api/v1/me", headers={"Cookie": c}).status, 200)
