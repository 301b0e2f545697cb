"""harness.py — runs a haiguan binary against a fresh database on a random loopback port,
and gives tests a small HTTP client that signs in as the demo users.

Used by run_api_tests.py; nothing here knows a route beyond sign-in."""
import http.client
import json
import os
import sys
import re
import shutil
import signal
import subprocess
import tempfile
import time

DEMO_PASSWORDS = {
    "admin": "admin-demo-2026",
    "officer": "officer-demo-2026",
    "manager": "manager-demo-2026",
    "dl-trading": "trading-demo-2026",
    "dl-fishery": "fishery-demo-2026",
    "dl-agent": "agent-demo-2026",
    "inspector": "inspector-demo-2026",
}


def learn_signins(demo_output):
    """Adds the sign-ins `haiguan demo` printed (each module's: module, name, password, who)
    to DEMO_PASSWORDS, so that an area's demo users need no line here."""
    for line in demo_output.splitlines():
        parts = line.split()
        if len(parts) >= 3 and line.startswith("  ") and parts[2].endswith("-2026"):
            DEMO_PASSWORDS.setdefault(parts[1], parts[2])


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body
        try:
            self.json = json.loads(body) if body else None
        except ValueError:
            self.json = None

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def __repr__(self):
        return "<%d %s>" % (self.status, self.body[:300])


def pg_base():
    """The PostgreSQL base URL the suite runs against (env HAIGUAN_TEST_PG), or None."""
    return os.environ.get("HAIGUAN_TEST_PG") or None


def psql(url, sql, check=True):
    """Runs sql on the PostgreSQL database at url; returns the rows as lists of strings."""
    p = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                       capture_output=True, text=True, timeout=120)
    if check and p.returncode != 0:
        raise AssertionError("psql failed: %s" % p.stderr.strip())
    if p.returncode != 0:
        return None
    return [line.split("\t") for line in p.stdout.splitlines() if line]


def pg_create_database(base):
    """A fresh, empty database on the server at base; returns its URL."""
    name = "hg_%s" % os.urandom(6).hex()
    psql(base + "/postgres", "CREATE DATABASE " + name)
    return base + "/" + name


def pg_drop_database(url):
    base, name = url.rsplit("/", 1)
    psql(base + "/postgres", "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name, check=False)


def wait_until(cond, seconds):
    """Polls cond until it is true, for at most seconds; fails the test when it never is."""
    deadline = time.time() + seconds
    while not cond():
        if time.time() > deadline:
            raise AssertionError("condition not met within %ss" % seconds)
        time.sleep(0.05)


class Server:
    """A haiguan serve process on a fresh database with demo data: a SQLite file in a
    temporary directory, or, when HAIGUAN_TEST_PG is set, a new database on that
    PostgreSQL server. db and keys (with setup=False) attach a second server to an
    existing database instead."""

    def __init__(self, binary, extra_args=(), db=None, keys=None, setup=True, env=None):
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="haiguan-test-")
        self.own_db = db is None
        if db is not None:
            self.db = db
        elif pg_base():
            self.db = pg_create_database(pg_base())
        else:
            self.db = os.path.join(self.dir, "test.db")
        self.keys = keys or os.path.join(self.dir, "keys")
        self.env = dict(os.environ, HAIGUAN_DB=self.db, HAIGUAN_KEYS=self.keys, **(env or {}))
        if setup:
            self.cli("init")
            learn_signins(self.cli("demo").stdout)
        self.log = open(os.path.join(self.dir, "server.log"), "w+")
        self.proc = subprocess.Popen(
            # the suite's client plays every user from one address, as a reverse proxy would: it is
            # declared as the proxy, exempt from the per-address connection limit (the limit's own
            # tests connect from other loopback addresses)
            [binary, "serve", "--listen", "127.0.0.1:0", "--threads", "4", "--trusted-proxy", "127.0.0.1"]
            + list(extra_args),
            stdout=subprocess.PIPE, stderr=self.log, env=self.env, text=True)
        line = self.proc.stdout.readline()
        m = re.match(r"listening on http://([0-9.]+):(\d+)", line)
        if not m:
            raise RuntimeError("server did not start: %r\n%s" % (line, self.server_log()))
        self.host, self.port = m.group(1), int(m.group(2))
        self.sessions = {}

    def is_pg(self):
        return self.db.startswith("postgres")

    def sql(self, query):
        """Rows of query run directly on the server's database (sqlite3 or psql), as
        lists of strings; for tests that look under the API."""
        if self.is_pg():
            return psql(self.db, query)
        import sqlite3
        con = sqlite3.connect(self.db)
        try:
            return [[None if v is None else str(v) for v in row] for row in con.execute(query).fetchall()]
        finally:
            con.close()

    def server_log(self):
        self.log.flush()
        with open(os.path.join(self.dir, "server.log")) as f:
            return f.read()[-4000:]

    def cli(self, *args, stdin=None, check=True):
        p = subprocess.run([self.binary] + list(args), input=stdin, capture_output=True, text=True, env=self.env,
                           timeout=120)
        if check and p.returncode != 0:
            raise AssertionError("haiguan %s exited %d: %s %s" % (" ".join(args), p.returncode, p.stdout, p.stderr))
        return p

    def request(self, method, path, body=None, headers=None, raw=None, content_type="application/json"):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        h = dict(headers or {})
        # the cases and the docs' examples compare the API's English messages: they ask for
        # English; a case of the Chinese default passes "Accept-Language": None (no field)
        h.setdefault("Accept-Language", "en")
        if h["Accept-Language"] is None:
            del h["Accept-Language"]
        data = None
        if raw is not None:
            data = raw if isinstance(raw, bytes) else raw.encode()
        elif body is not None:
            data = json.dumps(body).encode()
        if data is not None and content_type and "Content-Type" not in h:
            h["Content-Type"] = content_type
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        resp = Response(r.status, r.getheaders(), r.read().decode("utf-8", "replace"))
        conn.close()
        return resp

    def login(self, name, password=None):
        """Signs in (once per user) and returns (cookie header, csrf token)."""
        if name in self.sessions:
            return self.sessions[name]
        r = self.request("POST", "/api/v1/session",
                         {"username": name, "password": password or DEMO_PASSWORDS[name]})
        if r.status != 200:
            raise AssertionError("sign-in of %s failed: %r" % (name, r))
        cookie = r.header("Set-Cookie").split(";")[0]
        self.sessions[name] = (cookie, r.json["csrf_token"])
        return self.sessions[name]

    def as_user(self, name, method, path, body=None, raw=None, headers=None, csrf=True):
        cookie, token = self.login(name)
        h = {"Cookie": cookie}
        if csrf:
            h["X-CSRF-Token"] = token
        h.update(headers or {})
        return self.request(method, path, body=body, raw=raw, headers=h)

    def with_token(self, token, method, path, body=None):
        return self.request(method, path, body=body, headers={"Authorization": "Bearer " + token})

    def alive(self):
        return self.proc.poll() is None and self.request("GET", "/healthz").status == 200

    def stop(self):
        """SIGTERM, and the exit status (0 for a clean stop)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return -9
            if self.proc.returncode != 0:
                # a rare unclean stop (an abort, a sanitizer's report at exit) must say why:
                # the server's own words are in its log, which cleanup() deletes
                tail = self.server_log().splitlines()[-80:]
                print("--- server exited %d; its log (tail) ---\n%s" % (self.proc.returncode, "\n".join(tail)),
                      file=sys.stderr)
        return self.proc.returncode

    def cleanup(self):
        self.stop()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        if self.own_db and self.is_pg():
            pg_drop_database(self.db)
