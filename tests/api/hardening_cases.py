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
        assert "0902" not in wrong["message"], wrong
        eq(cargo_cases.file(s, b).status, 201)
