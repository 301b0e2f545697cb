#!/usr/bin/env python3
"""run_proxy_tests.py — haiguan behind Debian's nginx with deploy/nginx/haiguan.conf, over TLS
with a throw-away certificate, all on loopback (issue 13 §6).

usage: run_proxy_tests.py PATH/TO/haiguan

It runs the README's tour through the proxy, and checks what only the proxy set-up shows: the
session cookie is `__Host-` prefixed and Secure, HSTS is sent, plain HTTP is redirected, the
client address haiguan throttles by is the real client's (not the proxy's, not one a client
claims), and the framing faults haiguan cannot see itself (bare LF, obsolete folding, NUL)
never reach it as written. nginx is started from a directory of its own and stopped after."""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "api"))
from harness import Server  # noqa: E402

ROOT = os.path.join(HERE, "..", "..")
SITE = os.path.join(ROOT, "deploy", "nginx", "haiguan.conf")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_conf(upstream, plain, tls, cert, key):
    """deploy/nginx/haiguan.conf with only its `# site:` lines changed."""
    repl = {
        "upstream": "server 127.0.0.1:%d;" % upstream,
        "plain": "listen 127.0.0.1:%d;" % plain,
        "tls": "listen 127.0.0.1:%d ssl http2;" % tls,
        "name": "server_name localhost;",
        "cert": "ssl_certificate %s;" % cert,
        "key": "ssl_certificate_key %s;" % key,
    }
    out = []
    for line in open(SITE):
        m = re.match(r"^(\s*).*#\s*site:\s*(\w+)\s*$", line)
        out.append(m.group(1) + repl[m.group(2)] + "\n" if m else line)
    return "".join(out)


class Nginx:
    def __init__(self, upstream):
        self.dir = tempfile.mkdtemp(prefix="haiguan-nginx-")
        cert, key = os.path.join(self.dir, "cert.pem"), os.path.join(self.dir, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"], check=True, capture_output=True)
        self.cert = cert
        self.plain, self.tls = free_port(), free_port()
        with open(os.path.join(self.dir, "site.conf"), "w") as f:
            f.write(site_conf(upstream, self.plain, self.tls, cert, key))
        temp = os.path.join(self.dir, "tmp")
        os.mkdir(temp)
        with open(os.path.join(self.dir, "nginx.conf"), "w") as f:
            f.write("%sdaemon off;\nworker_processes 1;\npid %s/nginx.pid;\nerror_log %s/error.log info;\n"
                    "events { worker_connections 512; }\n"
                    "http {\n  access_log %s/access.log;\n  client_body_temp_path %s/body;\n"
                    "  proxy_temp_path %s/proxy;\n  fastcgi_temp_path %s/fcgi;\n  uwsgi_temp_path %s/uwsgi;\n"
                    "  scgi_temp_path %s/scgi;\n  include %s/site.conf;\n}\n"
                    % ("user root;\n" if os.geteuid() == 0 else "", self.dir, self.dir, self.dir, temp, temp, temp,
                       temp, temp, self.dir))
        self.proc = subprocess.Popen(["nginx", "-p", self.dir, "-c", os.path.join(self.dir, "nginx.conf"),
                                      "-e", os.path.join(self.dir, "error.log")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.tls), timeout=0.2).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("nginx did not start: %s" % self.proc.stderr.read())
                time.sleep(0.05)
        raise RuntimeError("nginx did not listen")

    def context(self):
        ctx = ssl.create_default_context(cafile=self.cert)
        return ctx

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


class Reply:
    def __init__(self, r):
        self.status = r.status
        self.headers = r.getheaders()
        raw = r.read()
        self.body = raw.decode("utf-8", "replace")
        try:
            self.json = json.loads(self.body) if self.body else None
        except ValueError:
            self.json = None

    def header(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]


class Client:
    """A browser-like client of the proxy: one cookie jar, the CSRF token, a source address."""

    def __init__(self, ng, source="127.0.0.1"):
        self.ng, self.source, self.cookie, self.csrf = ng, source, None, None

    def request(self, method, path, body=None, headers=None):
        c = http.client.HTTPSConnection("127.0.0.1", self.ng.tls, context=self.ng.context(), timeout=30,
                                        source_address=(self.source, 0))
        h = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if self.cookie:
            h["Cookie"] = self.cookie
        if self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        c.request(method, path, body=data, headers=h)
        r = Reply(c.getresponse())
        c.close()
        return r

    def sign_in(self, name, password):
        r = self.request("POST", "/api/v1/session", {"username": name, "password": password})
        if r.status == 200:
            self.cookie = r.header("Set-Cookie")[0].split(";")[0]
            self.csrf = r.json["csrf_token"]
        return r


def eq(got, want, what):
    if got != want:
        raise AssertionError("%s: expected %r, got %r" % (what, want, got))


def cookie_is_host_prefixed_and_secure(s, ng):
    r = Client(ng).sign_in("officer", "officer-demo-2026")
    eq(r.status, 200, "sign-in through the proxy")
    cookie = r.header("Set-Cookie")[0]
    attrs = [a.strip() for a in cookie.split(";")]
    assert attrs[0].startswith("__Host-hg_session="), cookie
    for want in ("Secure", "HttpOnly", "SameSite=Strict", "Path=/"):
        assert want in attrs, "%s missing in %s" % (want, cookie)
    assert not any(a.lower().startswith("domain=") for a in attrs), cookie
    hsts = r.header("Strict-Transport-Security")
    assert hsts and "max-age=63072000" in hsts[0], r.headers
    # the plain-HTTP cookie is not accepted over TLS: a sibling domain could have planted it
    c = Client(ng)
    c.cookie = "hg_session=" + attrs[0].split("=", 1)[1]
    eq(c.request("GET", "/api/v1/me").status, 401, "a cookie without the __Host- prefix over TLS")


def plain_http_is_redirected(s, ng):
    c = http.client.HTTPConnection("127.0.0.1", ng.plain, timeout=10)
    c.request("GET", "/api/v1/enterprises", headers={"Host": "localhost"})
    r = c.getresponse()
    eq(r.status, 301, "plain HTTP")
    assert r.getheader("Location", "").startswith("https://localhost/"), r.getheaders()


def the_tour_works_through_the_proxy(s, ng):
    officer = Client(ng)
    eq(officer.sign_in("officer", "officer-demo-2026").status, 200, "officer sign-in")
    ent = {"uscc": "91350100M000100Y43", "customs_code": "3501930001", "name_zh": "福州测试贸易有限公司",
           "kind": "importer", "credit_level": "general_credit"}
    r = officer.request("POST", "/api/v1/enterprises", ent)
    assert r.status in (201, 409), r.body
    bad = dict(ent, uscc="91350100M000100Y44", customs_code="3501930002", name_zh="错误")
    r = officer.request("POST", "/api/v1/enterprises", bad)
    eq(r.status, 400, "a wrong check character")
    eq(r.json["error"]["field"], "uscc", "the field named")
    eq(officer.request("GET", "/api/v1/enterprises?credit_level=general_credit&limit=10").status, 200, "list")
    eq(officer.request("GET", "/api/v1/enterprises/91350100M000100Y43").status, 200, "read")
    trading = Client(ng)
    eq(trading.sign_in("dl-trading", "trading-demo-2026").status, 200, "enterprise sign-in")
    eq(trading.request("GET", "/api/v1/enterprises/91210200241600015L").status, 200, "its own enterprise")
    eq(trading.request("GET", "/api/v1/enterprises/91350100M000100Y43").status, 404, "another enterprise")
    eq(officer.request("GET", "/api/v1/declarations?status=inspection&limit=5").status, 200, "declarations")
    eq(officer.request("GET", "/api/v1/inspections?status=open").status, 200, "inspections")
    manager = Client(ng)
    eq(manager.sign_in("manager", "manager-demo-2026").status, 200, "manager sign-in")
    eq(manager.request("GET", "/api/v1/stats/clearance-time?direction=import&group=week").status, 200, "stats")
    eq(manager.request("GET", "/api/v1/tax/summary").status, 200, "tax summary")
    eq(trading.request("GET", "/api/v1/tax/bills?limit=5").status, 200, "own tax bills")
    token = s.cli("token", "create", "--user", "gate01", "--scopes", "gate").stdout.strip()
    gate = Client(ng)
    eq(gate.request("GET", "/api/v1/releases?direction=import&limit=3",
                    headers={"Authorization": "Bearer " + token}).status, 200, "the gate's releases")
    # a write through the proxy: CSRF still applies, and signing out ends the session
    officer_csrf = officer.csrf
    officer.csrf = None
    eq(officer.request("POST", "/api/v1/enterprises", dict(ent, uscc="91350100M000100Y43")).status, 403,
       "a write without the CSRF token")
    officer.csrf = officer_csrf
    eq(officer.request("DELETE", "/api/v1/session").status, 204, "sign-out")
    eq(officer.request("GET", "/api/v1/me").status, 401, "after sign-out")


def throttling_sees_the_real_client(s, ng):
    name = "nobody-%d" % os.getpid()
    # a client that claims another address is not believed: nginx replaces the header
    r = Client(ng, source="127.0.0.7").request("POST", "/api/v1/session", {"username": name, "password": "x" * 12},
                                                headers={"X-Forwarded-For": "203.0.113.9"})
    eq(r.status, 401, "a wrong sign-in")
    def counted():
        return s.sql("SELECT subject FROM login_throttle WHERE subject IN "
                     "('a:127.0.0.1', 'a:127.0.0.7', 'a:127.0.0.8', 'a:203.0.113.9') AND failures > 0 ORDER BY subject")
    eq(counted(), [["a:127.0.0.7"]], "the address a failure is counted against")
    # straight to haiguan, from a peer that is not the proxy, the header counts for nothing
    c = http.client.HTTPConnection(s.host, s.port, timeout=10, source_address=("127.0.0.8", 0))
    c.request("POST", "/api/v1/session", body=json.dumps({"username": name, "password": "x" * 12}),
              headers={"Content-Type": "application/json", "X-Forwarded-For": "203.0.113.9"})
    eq(c.getresponse().status, 401, "a wrong sign-in straight to haiguan")
    eq(counted(), [["a:127.0.0.7"], ["a:127.0.0.8"]], "addresses after a direct attempt")


def raw_tls(ng, payload):
    ctx = ng.context()
    with socket.create_connection(("127.0.0.1", ng.tls), timeout=5) as raw:
        with ctx.wrap_socket(raw, server_hostname="localhost") as c:
            c.sendall(payload)
            out = b""
            try:
                while True:
                    d = c.recv(65536)
                    if not d:
                        break
                    out += d
            except (socket.timeout, ssl.SSLError, OSError):
                pass
    return out


def faults_haiguan_cannot_see_stop_at_the_proxy(s, ng):
    # a second request hidden behind a fault must never be answered: nginx either refuses the
    # fault (400) or rewrites the request in clean CRLF framing before haiguan reads it
    smuggled = b"GET /api/v1/smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n"
    # (fault, request, what nginx 1.22 answers): bare LF ends a line for nginx too, and it sends
    # haiguan the request rebuilt in CRLF, so no one reads it differently; the others it refuses
    cases = [
        ("bare LF", b"GET /healthz HTTP/1.1\nHost: localhost\nConnection: close\n\n", b"200"),
        ("obsolete folding",
         b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-A: b\r\n c\r\nConnection: close\r\n\r\n", b"400"),
        ("NUL in a value",
         b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-A: a\x00b\r\nConnection: close\r\n\r\n", b"400"),
        ("CL with TE", b"POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n"
                       b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled, b"400"),
    ]
    before = s.server_log().count("/api/v1/smuggled")
    for name, payload, want in cases:
        out = raw_tls(ng, payload)
        status = out.split(b"\r\n", 1)[0]
        eq(status.split(b" ")[1:2], [want], "%s through nginx: %r" % (name, out[:120]))
    time.sleep(0.3)
    eq(s.server_log().count("/api/v1/smuggled"), before, "requests smuggled to haiguan")


def the_proxys_own_refusals_are_json_in_the_clients_language(s, ng):
    # issue 16: a body over client_max_body_size is refused by nginx itself, in haiguan's error
    # shape, Chinese by default and English when the client asks for it; never nginx's HTML
    big = {"username": "x" * (1024 * 1024 + 16), "password": "y"}
    for lang, want, message in ((None, "zh-CN", "请求体将超过上限"),
                                ("zh-CN,zh;q=0.9", "zh-CN", "请求体将超过上限"),
                                ("en-US,en;q=0.9", "en", "the request body would exceed the limit")):
        r = Client(ng).request("POST", "/api/v1/session", big, headers={"Accept-Language": lang} if lang else None)
        eq(r.status, 413, "a body over the limit (%s)" % lang)
        eq(r.header("Content-Type"), ["application/json; charset=utf-8"], "its type (%s)" % lang)
        eq(r.json and r.json["error"]["code"], "too_large", "its code (%s)" % lang)
        eq(r.json["error"]["message"], message, "its message (%s)" % lang)
        eq(r.header("Content-Language"), [want], "its language (%s)" % lang)


TESTS = [cookie_is_host_prefixed_and_secure, plain_http_is_redirected, the_tour_works_through_the_proxy,
         throttling_sees_the_real_client, faults_haiguan_cannot_see_stop_at_the_proxy,
         the_proxys_own_refusals_are_json_in_the_clients_language]


def main():
    binary = os.path.abspath(sys.argv[1])
    os.environ.setdefault("HAIGUAN_RISK_RANDOM", "0,0")
    s = Server(binary)
    ng = None
    failures = 0
    try:
        ng = Nginx(s.port)
        for t in TESTS:
            t0 = time.time()
            try:
                t(s, ng)
                print("ok   %-48s %.2fs" % (t.__name__, time.time() - t0))
            except Exception as e:  # report and go on; the summary fails the run
                failures += 1
                print("FAIL %-48s %s" % (t.__name__, e))
    finally:
        if failures:
            print("--- server log (tail) ---\n" + s.server_log())
            if ng:
                try:
                    print("--- nginx error log ---\n" + open(os.path.join(ng.dir, "error.log")).read()[-3000:])
                except OSError:
                    pass
        if ng:
            ng.stop()
        s.cleanup()
    print("%d failure(s)" % failures)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
