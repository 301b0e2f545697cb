"""stats_cases.py — the statistics say what they count (issue 14: the clearance-time figures
exclude nothing silently). A released declaration with no recorded arrival cannot have an
arrival → release time: it is left out of the groups and counted under `excluded`, and the
answer names the outlier rule it used (none: implausible times are refused when recorded)."""
import cargo_cases as cc


def register_area(test, eq, error_of):
    @test
    def clearance_time_states_what_it_left_out(s):
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        entries = []
        for _ in range(2):
            b = cc.bill_no()
            # 0904 (出口加工区) serves road only: lorries (运输方式 agrees with the port, 报关单填制规范)
            m = cc.manifest(s, [cc.bill(b)], port="0904", transport_mode="road", vessel_imo=None, vehicle="辽B12345")
            eq(m.status, 201, repr(m))
            cc.arrive(s, m)
            eq(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b]}).status, 201)
            r = cc.file(s, b, port="0904", transport_mode="road")
            eq(r.status, 201, repr(r))
            e = r.json["entry_no"]
            due = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json["amount_due"]
            eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": due}).status, 201)
            entries.append((e, b))
        url = "/api/v1/stats/clearance-time?port=0904&group=month"
        r = s.as_user("manager", "GET", url)
        eq(r.status, 200, repr(r))
        eq((r.json["counted"], r.json["excluded"], r.json["outlier_rule"]), (2, {"no_arrival": 0}, "none"))
        eq(sum(g["total"]["count"] for g in r.json["groups"]), 2)
        # behind the system's back, one bill loses its arrival records and its transport's
        # arrival: the figure now counts one, and says one was left out, and why
        e, b = entries[1]
        cc.sql(s, "DELETE FROM arrivals WHERE bill_no = '%s'" % b)
        cc.sql(s, "UPDATE manifests SET arrived_ms = NULL WHERE manifest_no IN "
                  "(SELECT manifest_no FROM manifest_bills WHERE bill_no = '%s')" % b)
        r = s.as_user("manager", "GET", url)
        eq((r.json["counted"], r.json["excluded"]), (1, {"no_arrival": 1}))
        eq(sum(g["total"]["count"] for g in r.json["groups"]), 1)

    @test
    def clearance_time_says_which_segments_it_counted_as_zero(s):
        # 船边直提: goods released at their transport's arrival, before the terminal reports them, have
        # no customs time after their arrival report: counted with that segment as zero, and said
        tok = s.cli("token", "create", "--user", "terminal01", "--scopes", "arrival").stdout.strip()
        b = cc.bill_no()
        m = cc.manifest(s, [cc.bill(b)], port="0905")
        eq(m.status, 201, repr(m))
        r = cc.file(s, b, port="0905", ship_side_pickup=True)
        eq(r.status, 201, repr(r))
        e = r.json["entry_no"]
        due = s.as_user("dl-trading", "GET", "/api/v1/tax/" + e).json["amount_due"]
        eq(s.as_user("dl-trading", "POST", "/api/v1/payments", {"entry_no": e, "amount": due}).status, 201)
        cc.arrive(s, m)
        eq(s.as_user("officer", "GET", "/api/v1/declarations/" + e).json["status"], "released")
        # a terminal whose clock runs a minute fast (within the tolerance) reports the goods: the
        # time recorded is the server's, never after what follows it
        import datetime
        ahead = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=1)).isoformat()
        eq(s.with_token(tok, "POST", "/api/v1/arrivals", {"bills": [b], "at": ahead}).status, 201)
        stored = int(s.sql("SELECT MAX(at_ms) FROM arrivals WHERE bill_no = '%s'" % b)[0][0])
        assert stored <= int(datetime.datetime.now(datetime.timezone.utc).timestamp() * 1000), stored
        r = s.as_user("manager", "GET", "/api/v1/stats/clearance-time?port=0905&group=month")
        eq((r.json["counted"], r.json["outlier_rule"], r.json["zero_segments"]),
           (1, "none", {"released_before_arrival": 1, "gate_out_before_release": 0}))
