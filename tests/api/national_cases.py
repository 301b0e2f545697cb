"""national_cases.py — headquarters above two districts (issue 22 §4; docs/SCALING.md §4).

Three PostgreSQL clusters on loopback (scripts/pg-start.sh): districts 0900 and 0800, each a
haiguan server in the schema named by its customs code, and the national installation
(`serve --national`). The districts publish the statistics' rows (`haiguan national publish`),
the national database subscribes to each (`national subscribe --district CODE URL`) and each
district follows headquarters' instructions (`national follow URL`). Then: filings released in
both districts appear in the national clearance-time statistics by district with the counts
the districts give themselves; an instruction issued nationally changes the lane of a
declaration in both districts, its hits come back up by district, and its suspension reaches
them too; the national server refuses district writes, the district server the national
routes, and an officer without the risk post may not issue an instruction; docs/api/national.md's
examples run on the national server. PostgreSQL only, on clusters of its own; `--national` on
SQLite is refused on either backend."""
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import cargo_cases as cc
import doc_examples
import harness
from failover_cases import ROOT, script, stop_pair

DISTRICTS = ("0900", "0800")
KEYWORD = "总署布控测试"          # the instruction's keyword, in the goods' name
HQ_USERS = {"hq-risk": ("risk", "hq-risk-demo-2026"), "hq-clearance": ("clearance", "hq-clear-demo-2026")}
PORT = "0908"                    # the port both districts' test filings use


def instruction(name=KEYWORD):
    """A headquarters instruction (布控指令): goods named with the keyword go to the red lane."""
    return {"name": "总署布控指令 " + name, "source": "hq", "issuer": "海关总署风险管理司",
            "conditions": [{"kind": "keyword", "values": [name]}],
            "action": {"lane": "red", "inspection": "manual"}, "note": "人工查验 Inspect by hand."}


def released(srv, tok, name="齿轮箱"):
    """Files a declaration at PORT whose goods arrived, pays its tax: it is released."""
    b = cc.bill_no()
    m = cc.manifest(srv, [cc.bill(b)], port=PORT)
    assert m.status == 201, repr(m)
    cc.arrive(srv, m)
    r = srv.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b]})
    assert r.status == 201, repr(r)
    r = cc.file(srv, b, port=PORT)
    assert r.status == 201, repr(r)
    e = r.json["entry_no"]
    due = srv.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json["amount_due"]
    assert srv.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": due}).status == 201
    return e


def filed_lane(srv, name):
    """The lane of a declaration filed now whose goods are named name."""
    b = cc.bill_no()
    assert cc.manifest(srv, [cc.bill(b)], port=PORT).status == 201
    body = cc.declaration(b, port=PORT)[2]
    body["items"][0]["name"] = name
    r = srv.as_user("dl-trading", "POST", "/api/v1/declarations", body)
    assert r.status == 201, repr(r)
    return r.json["entry_no"], r.json["lane"]


def own_count(srv):
    """The district's own count of releases at PORT in its clearance-time statistics."""
    r = srv.as_user("manager", "GET", "/api/v1/stats/clearance-time?port=" + PORT)
    assert r.status == 200, repr(r)
    return sum(g["total"]["count"] for g in r.json["groups"])


def register_area(test, eq, error_of):
    @test
    def national_needs_postgresql(s):
        # the national installation receives the districts by logical replication: SQLite has none
        tmp = tempfile.mkdtemp(prefix="haiguan-national-")
        db = os.path.join(tmp, "hq.db")
        p = subprocess.run([s.binary, "--db", db, "serve", "--national"], capture_output=True, text=True, timeout=30)
        eq(p.returncode, 2, p.stderr)
        assert "--national needs a PostgreSQL database" in p.stderr, p.stderr
        p = subprocess.run([s.binary, "--db", db, "national", "publish"], capture_output=True, text=True, timeout=30,
                           env=dict(os.environ, HAIGUAN_KEYS=os.path.join(tmp, "keys")))
        eq(p.returncode, 1, p.stderr)
        assert "PostgreSQL" in p.stderr, p.stderr
        subprocess.run(["rm", "-rf", tmp])

    @test
    def national_figures_and_instructions_over_two_districts(s):
        if not s.is_pg():
            return
        t0 = time.time()

        def mark(what):   # where the run time goes: the suite's budget is small
            print("  national: %-28s %5.1fs" % (what, time.time() - t0), file=sys.stderr)
        tmp = tempfile.mkdtemp(prefix="haiguan-national-")
        states = [os.path.join(tmp, n) for n in ("d0900", "d0800", "national")]
        servers, urls = [], []
        try:
            def cluster(st):
                base = script("pg-start.sh", st)
                if st == states[2]:   # headquarters' installation is owned by a role of its own
                    harness.psql(base + "/postgres", "CREATE ROLE hq_owner LOGIN")
                    harness.psql(base + "/postgres", "CREATE DATABASE hg OWNER hq_owner LOCALE 'C.UTF-8' "
                                                     "TEMPLATE template0")
                else:
                    harness.psql(base + "/postgres", "CREATE DATABASE hg LOCALE 'C.UTF-8' TEMPLATE template0")
                return base + "/hg"
            with ThreadPoolExecutor(3) as pool:   # the three at once: most of it is waiting
                urls = list(pool.map(cluster, states))
            mark("clusters started")
            # two districts, each in the schema of its customs code, with the demo data
            def district(code_url):
                srv = harness.Server(s.binary, db=code_url[1], env={"HAIGUAN_DB_SCHEMA": code_url[0]})
                servers.append(srv)
                return srv
            with ThreadPoolExecutor(2) as pool:
                districts = list(pool.map(district, zip(DISTRICTS, urls)))
            for code, srv in zip(DISTRICTS, districts):
                assert "publishes hg_nat_" + code in srv.cli("national", "publish").stdout
            mark("districts up")
            # headquarters: its own users, no district data; the server runs as the role that owns
            # the installation, not a superuser (only the subscribing steps need one)
            hq = harness.Server(s.binary, db=urls[2].replace("postgres@", "hq_owner@"), setup=False,
                                extra_args=("--national",))
            servers.append(hq)
            for name, (post, password) in HQ_USERS.items():
                hq.cli("user", "add", name, "--role", "officer", "--post", post, stdin=password + "\n")
                harness.DEMO_PASSWORDS[name] = password
            for code, url in zip(DISTRICTS, urls):
                out = hq.cli("--db", urls[2], "national", "subscribe", "--district", code, url).stdout
                assert "subscription hg_nat_" + code in out, out
            for srv in districts:
                assert "follows headquarters" in srv.cli("national", "follow", urls[2]).stdout
            # again: nothing changes
            assert "there already" in hq.cli("--db", urls[2], "national", "subscribe", "--district", "0900",
                                             urls[0]).stdout
            assert "already" in districts[0].cli("national", "follow", urls[2]).stdout

            mark("linked")
            # filings released in both districts: two in 0900, one in 0800
            toks = [srv.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
                    for srv in districts]
            for srv, tok, n in zip(districts, toks, (2, 1)):
                for _ in range(n):
                    released(srv, tok)
            mark("filed")
            want = {code: own_count(srv) for code, srv in zip(DISTRICTS, districts)}
            eq(want, {"0900": 2, "0800": 1})

            def national_counts():
                r = hq.as_user("hq-clearance", "GET", "/api/v1/national/clearance-time?port=" + PORT)
                assert r.status == 200, repr(r)
                return {d["district"]: d["total"]["count"] for d in r.json["districts"]}, r.json
            harness.wait_until(lambda: national_counts()[0] == want, 20)
            mark("national counts match")
            body = national_counts()[1]
            eq(body["national"]["counted"], 3)
            ov = hq.as_user("hq-clearance", "GET", "/api/v1/national/overview?port=" + PORT)
            eq(ov.status, 200, repr(ov))
            eq({d["district"]: (d["filed"], d["released"], d["by_lane"]) for d in ov.json["districts"]},
               {"0900": (2, 2, {"green": 2}), "0800": (1, 1, {"green": 1})})
            assert all(d["tax"]["assessed"] != "0.00" for d in ov.json["districts"]), ov.json
            # every registered district is listed, with zeros where the filters keep nothing (no export
            # was filed); the inspections and tax are filtered by their declaration's direction too
            ov = hq.as_user("hq-clearance", "GET", "/api/v1/national/overview?direction=export&port=" + PORT)
            eq(ov.status, 200, repr(ov))
            eq({d["district"]: (d["filed"], d["released"], d["by_lane"], d["inspections"]["ordered"],
                                d["tax"]["assessed"], d["tax"]["paid"]) for d in ov.json["districts"]},
               {code: (0, 0, {}, 0, "0.00", "0.00") for code in DISTRICTS})
            st = hq.as_user("hq-clearance", "GET", "/api/v1/national/districts").json["districts"]
            eq([(d["district"], d["receiving"]) for d in st], [("0800", True), ("0900", True)])

            # refused: district writes on the national server, the national routes on a district's,
            # an instruction from an officer without the risk post or not headquarters' own
            error_of(hq.as_user("hq-risk", "POST", "/api/v1/manifests", {"bills": []}), 403,
                     code="national_installation")
            error_of(districts[0].as_user("officer", "GET", "/api/v1/national/clearance-time"), 409,
                     code="not_national")
            error_of(districts[0].as_user("officer", "POST", "/api/v1/national/instructions", instruction()), 409,
                     code="not_national")
            error_of(hq.as_user("hq-clearance", "POST", "/api/v1/national/instructions", instruction()), 403,
                     code="forbidden")
            error_of(hq.as_user("hq-risk", "POST", "/api/v1/national/instructions",
                                dict(instruction(), source="district")), 400, field="source")
            error_of(hq.as_user("hq-risk", "POST", "/api/v1/national/instructions",
                                dict(instruction(), status="draft")), 400, field="status")

            # a district's own rule (the demo's endangered-species keywords) hits in 0900, before
            # the instruction's hits below: replication keeps order, so it would arrive first
            eq(filed_lane(districts[0], "象牙 ivory carving")[1], "red")
            mark("refusals")
            # before the instruction, goods with the keyword go green in both districts
            for srv in districts:
                eq(filed_lane(srv, "齿轮箱 " + KEYWORD)[1], "green")
            r = hq.as_user("hq-risk", "POST", "/api/v1/national/instructions", instruction())
            eq(r.status, 201, repr(r))
            iid = r.json["id"]
            assert iid >= 1000000000, r.json
            eq((r.json["status"], r.json["version"], r.json["issued_by"]), ("active", 1, "hq-risk"))
            for srv in districts:   # replicated down within seconds
                harness.wait_until(lambda: srv.sql("SELECT count(*) FROM hq.instructions WHERE id = %d" % iid)
                                   == [["1"]], 20)
            for srv in districts:   # the district officer sees what headquarters instructs
                got = srv.as_user("officer", "GET", "/api/v1/risk/instructions").json["items"]
                eq([(i["id"], i["status"], i["issued_by"]) for i in got], [(iid, "active", "hq-risk")])
            hit_entries = []
            for srv in districts:
                e, lane = filed_lane(srv, "齿轮箱 " + KEYWORD)
                eq(lane, "red", "the lane after the national instruction")
                hit_entries.append(e)
                explained = srv.as_user("officer", "GET", "/api/v1/declarations/%s/risk" % e).json
                assert str(iid) in repr(explained), explained
            mark("lanes red")
            # the hits come back up, by district
            def hits():
                items = hq.as_user("hq-clearance", "GET", "/api/v1/national/instructions").json["items"]
                return next(i for i in items if i["id"] == iid)["hits"]
            harness.wait_until(lambda: sorted(hits()) == sorted(DISTRICTS), 20)
            eq(hits(), {code: {"hits": 1, "fired": 1} for code in DISTRICTS})
            # a district's own rules' hits stay home: only instructions' hits are published
            own = districts[0].sql('SELECT count(*) FROM "0900".risk_hits WHERE rule_id < 1000000000')[0][0]
            assert int(own) >= 1, own
            eq(hq.sql('SELECT count(*) FROM "0900".risk_hits WHERE rule_id < 1000000000'), [["0"]])

            mark("hits up")
            # suspended nationally: the districts screen without it again
            r = hq.as_user("hq-risk", "POST", "/api/v1/national/instructions/%d/suspend" % iid)
            eq((r.status, r.json["status"], r.json["version"]), (200, "suspended", 2))
            error_of(hq.as_user("hq-risk", "POST", "/api/v1/national/instructions/%d/suspend" % iid), 409,
                     field="status")
            for srv in districts:
                harness.wait_until(lambda: srv.sql("SELECT status FROM hq.instructions WHERE id = %d" % iid)
                                   == [["suspended"]], 20)
                eq(filed_lane(srv, "齿轮箱 " + KEYWORD)[1], "green")
            # every change nationally has its audit row, and the chain verifies
            eq(hq.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'risk.instruction.%'"), [["2"]])
            eq(hq.cli("audit", "verify").returncode, 0)

            mark("suspended")
            # the page of the national routes runs its examples here
            docs = os.environ.get("HAIGUAN_DOCS", os.path.join(ROOT, "docs"))
            doc_examples.run_page(hq, os.path.join(docs, "api", "national.md"))
            mark("docs examples")
        finally:
            mark("tests done")
            # the subscriptions stopped first, so that no cluster's shutdown waits on another's
            for url in urls:
                for (sub,) in harness.psql(url, "SELECT subname FROM pg_subscription b JOIN pg_database d ON "
                                                "d.oid = b.subdbid WHERE d.datname = current_database()",
                                           check=False) or []:
                    harness.psql(url, 'ALTER SUBSCRIPTION "%s" DISABLE' % sub, check=False)
            with ThreadPoolExecutor(3) as pool:
                list(pool.map(lambda srv: srv.cleanup(), servers))
                list(pool.map(stop_pair, states))
            mark("stopped")
            subprocess.run(["rm", "-rf", tmp])
