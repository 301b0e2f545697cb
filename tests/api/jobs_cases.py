"""jobs_cases.py — API tests of the periodic jobs (found by run_api_tests.py by its name): the
scheduler of `haiguan serve` runs every job once it is due and /metrics shows each job's last
run and failures; `haiguan jobs` lists them with their last run; `haiguan jobs run NAME` runs
one now, exit 2 for an unknown job or option; serve refuses a bad --event-days; with two
servers on one database each due run happens on one of them only."""
import os
import re
import subprocess
import time

from crash_test import uscc
from harness import Server


def metric(body, name, job):
    m = re.search(r'^%s\{job="%s"\} ([0-9.]+)$' % (re.escape(name), re.escape(job)), body, re.M)
    return float(m.group(1)) if m else None


def register_area(test, eq, error_of):
    @test
    def the_audit_checkpoint_job_signs_the_head_of_an_idle_chain(s):
        # issue 13 §2: an idle server's last rows got their signed head only at its next write;
        # the audit.checkpoint job signs it (here run now, with the server's key directory)
        r = s.as_user("officer", "POST", "/api/v1/enterprises",
                      {"uscc": uscc("91210200700009%02d" % (os.getpid() % 100)), "customs_code": "2102939001",
                       "name_zh": "作业测试公司", "kind": "importer", "credit_level": "general_credit",
                       "coordinator": "officer"})
        eq(r.status, 201, r.body)
        head = int(s.sql("SELECT MAX(seq) FROM audit_log")[0][0])
        p = s.cli("jobs", "run", "audit.checkpoint", "--keys", s.env.get("HAIGUAN_KEYS", s.db + ".keys"))
        assert p.stdout.startswith("audit.checkpoint: ok"), p.stdout + p.stderr
        eq(int(s.sql("SELECT MAX(seq) FROM audit_checkpoint")[0][0]), head, "the head is signed")

    @test
    def jobs_run_on_schedule_and_show_in_metrics(s):
        body = ""
        for _ in range(50):   # the scheduler's first look comes at start-up
            body = s.request("GET", "/metrics").body
            if (metric(body, "haiguan_job_last_run_timestamp_seconds", "events.purge") or 0) > 0:
                break
            time.sleep(0.1)
        for job in ["events.purge", "accounts.purge_sessions", "accounts.purge_signin_throttle", "webhooks.deliver",
                    "webhooks.purge", "audit.checkpoint"]:
            at = metric(body, "haiguan_job_last_run_timestamp_seconds", job)
            assert at and abs(at - time.time()) < 3600, (job, at)
            eq(metric(body, "haiguan_job_failures_total", job), 0.0, job)
            eq(metric(body, "haiguan_job_last_success", job), 1.0, job)
        out = s.cli("jobs").stdout
        assert re.search(r"^events\.purge +3600s +20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ +ok ", out, re.M), out
        before = metric(body, "haiguan_job_runs_total", "accounts.purge_sessions")
        p = s.cli("jobs", "run", "accounts.purge_sessions")
        assert p.stdout.startswith("accounts.purge_sessions: ok"), p.stdout
        after = metric(s.request("GET", "/metrics").body, "haiguan_job_runs_total", "accounts.purge_sessions")
        eq(after, before + 1, "a forced run is counted")
        eq(s.cli("jobs", "run", "no.such.job", check=False).returncode, 2)
        eq(s.cli("jobs", "run", check=False).returncode, 2)
        eq(s.cli("jobs", "--frobnicate", check=False).returncode, 2)
        assert s.cli("jobs", "--help").stdout.startswith("usage:")
        p = subprocess.run([s.binary, "serve", "--event-days", "0"], capture_output=True, text=True, env=s.env)
        eq(p.returncode, 2, p.stderr)
        assert "job        events.purge" in s.cli("modules").stdout

    @test
    def jobs_two_servers_run_each_due_run_once(s):
        first = Server(s.binary, extra_args=["--no-jobs"])
        others = []
        try:
            eq(first.sql("SELECT COUNT(*) FROM job_runs")[0][0], "0", "--no-jobs runs nothing")
            others = [Server(s.binary, db=first.db, keys=first.keys, setup=False) for _ in range(2)]
            deadline = time.time() + 10
            while time.time() < deadline:
                rows = first.sql("SELECT COUNT(*) FROM job_runs WHERE runs > 0 AND name LIKE '%purge%'")
                if rows[0][0] == "4":
                    break
                time.sleep(0.1)
            time.sleep(1.5)   # both schedulers have looked at least once more
            for name in ["events.purge", "accounts.purge_sessions", "accounts.purge_signin_throttle", "webhooks.purge"]:
                eq(first.sql("SELECT runs, failures FROM job_runs WHERE name = '%s'" % name), [["1", "0"]], name)
            # the job that runs every second runs about once a second between them, not twice
            a = int(first.sql("SELECT runs FROM job_runs WHERE name = 'webhooks.deliver'")[0][0])
            time.sleep(3)
            b = int(first.sql("SELECT runs FROM job_runs WHERE name = 'webhooks.deliver'")[0][0])
            assert 1 <= b - a <= 5, (a, b)
        finally:
            for o in others:
                o.cleanup()
            first.cleanup()
