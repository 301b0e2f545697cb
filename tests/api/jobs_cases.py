"""jobs_cases.py — API tests of the periodic jobs (found by run_api_tests.py by its name): the
scheduler of `haiguan serve` runs every job once it is due and /metrics shows each job's last
run and failures; `haiguan jobs` lists them with their last run; `haiguan jobs run NAME` runs
one now, exit 2 for an unknown job or option; serve refuses a bad --event-days."""
import re
import subprocess
import time


def metric(body, name, job):
    m = re.search(r'^%s\{job="%s"\} ([0-9.]+)$' % (re.escape(name), re.escape(job)), body, re.M)
    return float(m.group(1)) if m else None


def register_area(test, eq, error_of):
    @test
    def jobs_run_on_schedule_and_show_in_metrics(s):
        body = ""
        for _ in range(50):   # the scheduler's first look comes at start-up
            body = s.request("GET", "/metrics").body
            if (metric(body, "haiguan_job_last_run_timestamp_seconds", "events.purge") or 0) > 0:
                break
            time.sleep(0.1)
        for job in ["events.purge", "accounts.purge_sessions", "accounts.purge_signin_throttle"]:
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
