"""doc_examples.py — executes every example of the API reference (docs/API.md's pages,
docs/api/*.md, in the order its index lists them) against a live server.

An example is a fenced block tagged `example`:

    ```example
    POST /api/v1/enterprises
    as: officer
    {"uscc": "..."}
    ```

followed by a block tagged `response` whose first line is the status and whose optional
JSON must be contained in the actual response ("*" in the expected JSON matches any value,
a list matches when each expected element is matched by some actual element). `as:` names a
demo user (signed in with a cookie session and CSRF token), `token:` a bearer token of a
previous example's `save:` name, and nothing means anonymous. `save: NAME=FIELD` keeps a
field of the response for later examples as {{NAME}} (`items.[entry_no=X].id`: the
first element of items whose entry_no is X); {{date:+30d}} is a time 30 days from now ({{year:+1}}
next year, a number),
{{day:-5d}} the date (YYYY-MM-DD, Asia/Shanghai) five days ago."""
import datetime
import json
import re

BLOCK = re.compile(r"```(example|response)\n(.*?)```", re.S)


def contains(actual, expected):
    if expected == "*":
        return True
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and contains(actual[k], v) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and all(any(contains(a, e) for a in actual) for e in expected)
    return actual == expected


def parse(text):
    blocks = BLOCK.findall(text)
    examples = []
    i = 0
    while i < len(blocks):
        kind, body = blocks[i]
        if kind != "example":
            raise ValueError("a response block without its example: %r" % body[:80])
        if i + 1 >= len(blocks) or blocks[i + 1][0] != "response":
            raise ValueError("example without a response block: %r" % body[:80])
        examples.append((body, blocks[i + 1][1]))
        i += 2
    return examples


DATE_MACRO = re.compile(r"\{\{date:([+-]\d+)d\}\}")
DAY_MACRO = re.compile(r"\{\{day:([+-]\d+)d\}\}")
YEAR_MACRO = re.compile(r"\{\{year:([+-]\d+)\}\}")
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def expand_dates(text):
    """{{date:+30d}}: the time 30 days from now, RFC 3339 in Asia/Shanghai, for examples that
    must stay valid whatever day the suite runs."""
    import datetime
    tz = datetime.timezone(datetime.timedelta(hours=8))

    def one(m):
        t = datetime.datetime.now(tz) + datetime.timedelta(days=int(m.group(1)))
        return t.replace(microsecond=0).isoformat()

    def day(m):
        return (datetime.datetime.now(tz) + datetime.timedelta(days=int(m.group(1)))).strftime("%Y-%m-%d")
    def year(m):   # {{year:+1}}: next year in Asia/Shanghai, a number
        return str(datetime.datetime.now(tz).year + int(m.group(1)))
    return YEAR_MACRO.sub(year, DAY_MACRO.sub(day, DATE_MACRO.sub(one, text)))


PAGE_LINK = re.compile(r"^- \[[^\]]+\]\(api/([a-z0-9_-]+\.md)\)", re.M)


def page_order(docs_dir):
    """The pages of docs/api/ in the order docs/API.md's index lists them. A page that is not
    listed is an error rather than run in some order of its own: its examples may need what
    earlier pages made, and a reader finds it only through the index."""
    import glob
    import os
    with open(os.path.join(docs_dir, "API.md"), encoding="utf-8") as f:
        listed = PAGE_LINK.findall(f.read())
    present = sorted(os.path.basename(p) for p in glob.glob(os.path.join(docs_dir, "api", "*.md")))
    unlisted = [p for p in present if p not in listed]
    if unlisted:
        raise ValueError("docs/api/%s is not listed in docs/API.md's index (## Pages): add it where its "
                         "examples should run" % unlisted[0])
    missing = [p for p in listed if p not in present]
    if missing:
        raise ValueError("docs/API.md's index lists api/%s, which does not exist" % missing[0])
    return [os.path.join(docs_dir, "api", p) for p in listed]


def read_docs(docs_dir):
    """docs/API.md (its conventions hold no examples), then its pages in the index's order."""
    import os
    text = ""
    for path in [os.path.join(docs_dir, "API.md")] + page_order(docs_dir):
        with open(path, encoding="utf-8") as f:
            text += f.read() + "\n"
    return text


# A page whose examples need a server of another kind says so on a line of its own; the suite's
# server skips them (the route check still counts them), and the test that starts such a
# server runs them (run_page): docs/api/national.md runs on `serve --national`.
RUNS_ON = re.compile(r"^<!-- examples run on: ([a-z]+) -->$", re.M)


def read_docs_split(docs_dir):
    """(all the text, the text of the pages the suite's own server runs)."""
    import os
    text = own = ""
    for path in [os.path.join(docs_dir, "API.md")] + page_order(docs_dir):
        with open(path, encoding="utf-8") as f:
            page = f.read() + "\n"
        text += page
        if not RUNS_ON.search(page):
            own += page
    return text, own


def run_page(server, path, saved=None):
    """Runs the examples of one page (one that names its server) against server."""
    with open(path, encoding="utf-8") as f:
        examples = parse(f.read())
    execute(server, examples, {} if saved is None else saved)
    return len(examples)


def run(server, docs_dir):
    text, own = read_docs_split(docs_dir)
    execute(server, parse(own), {})
    examples = parse(text)
    check_every_route_documented(server, text, examples)
    return len(parse(own))


def execute(server, examples, saved):
    for req, resp in examples:
        for k, v in saved.items():
            req = req.replace("{{%s}}" % k, v)
            resp = resp.replace("{{%s}}" % k, v)
        req = expand_dates(req)
        resp = YEAR_MACRO.sub(lambda m: str(datetime.datetime.now(SHANGHAI).year + int(m.group(1))), resp)
        lines = req.strip("\n").split("\n")
        method, path = lines[0].split(" ", 1)
        if "?" in path:   # a time's "+08:00" in a query string is sent as %2B, as a client must
            base, query = path.split("?", 1)
            path = base + "?" + query.replace("+", "%2B")
        who = token = None
        saves = []
        body_lines = []
        for l in lines[1:]:
            if l.startswith("as: "):
                who = l[4:].strip()
            elif l.startswith("token: "):
                token = saved[l[7:].strip()]
            elif l.startswith("save: "):
                saves.append(l[6:].strip())
            else:
                body_lines.append(l)
        body = json.loads("\n".join(body_lines)) if "".join(body_lines).strip() else None
        if who:
            r = server.as_user(who, method, path, body)
        elif token:
            r = server.with_token(token, method, path, body)
        else:
            r = server.request(method, path, body)
        if who and method == "DELETE" and path == "/api/v1/session":
            server.sessions.pop(who, None)   # signed out: the next example signs in again
        rl = resp.strip("\n").split("\n")
        want_status = int(rl[0].split()[0])
        if r.status != want_status:
            raise AssertionError("%s %s: expected %d, got %r" % (method, path, want_status, r))
        rest = "\n".join(rl[1:]).strip()
        if rest:
            if rest.startswith("{") or rest.startswith("["):
                want = json.loads(rest)
                # the examples show the default backend; the same suite also runs on PostgreSQL
                if isinstance(want, dict) and want.get("database") == "sqlite" and server.is_pg():
                    want["database"] = "postgres"
                if not contains(r.json, want):
                    raise AssertionError("%s %s: response %s does not contain %s" % (method, path, r.body[:500], rest))
            else:
                for needle in rest.split("\n"):
                    if needle.strip() and needle.strip() not in r.body:
                        raise AssertionError("%s %s: %r not in response" % (method, path, needle))
        for s in saves:
            name, field = s.split("=", 1)
            v = r.json
            for part in field.split("."):
                pick = re.fullmatch(r"\[(\w+)=(.*)\]", part)   # [key=value]: the first such element
                if pick:
                    v = next(x for x in v if str(x.get(pick[1])) == pick[2])
                else:
                    v = v[int(part)] if part.isdigit() else v[part]
            saved[name] = str(v)


def check_every_route_documented(server, text, examples):
    """Each route of `haiguan routes` has a heading and at least one executed example."""
    out = server.cli("routes").stdout
    missing = []
    for line in out.splitlines():
        method, pattern = line.split()[:2]
        if not pattern.startswith("/api/") and pattern not in ("/", "/healthz", "/metrics"):
            continue   # the console's pages are tested in the browser (tests/e2e), not here
        if "### %s %s" % (method, pattern) not in text:
            missing.append("%s %s (no heading)" % (method, pattern))
            continue
        rx = re.compile("^" + re.sub(r"\\{[a-z_]+\\}", "[^/?]+", re.escape(pattern)) + r"(\?.*)?$")
        if not any(req.strip().split("\n")[0].split(" ", 1)[0] == method and
                   rx.match(req.strip().split("\n")[0].split(" ", 1)[1]) for req, _ in examples):
            missing.append("%s %s (no example)" % (method, pattern))
    if missing:
        raise AssertionError("routes not documented in docs/api/*.md: " + ", ".join(missing))
