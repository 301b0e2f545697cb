#!/usr/bin/env python3
"""check_modules.py — the source-level half of the self-check (AREAS.md, "A self-check"): the
shape of the areas' code, which the module records cannot show. `haiguan selfcheck` checks the
records themselves (migrations, routes, posts, scopes, importers, field tables).

It fails (exit 1, one line per problem) when
  - an area includes a later area's header (the order is `areas` in src/meson.build), or the
    platform (src/platform, src/check) includes an area's, or an area calls a function a later
    area defines (however it was declared);
  - a file includes another folder's private header (one that opens saying "not a public API");
  - an area's headers include each other in a circle, or its .c files call each other's
    functions in a circle (a file's calls are the names it uses that another file of the
    area defines);
  - an area's SQL names a table or view of another module, other than a view an earlier
    area publishes (migrations are exempt: a shipped one is never edited, and the one-time
    copies they make are documented there);
  - with --routes and --docs: an API route has no "### METHOD PATTERN" heading or no example
    (docs/api/*.md, with docs/API.md), as tests/api/doc_examples.py runs them.
It reads sources as text (comments and strings told apart, no preprocessor): a check that
sees a name where a compiler would not is possible, and then the fix is in the source.
Planted violations: tests/selfcheck/ (run_fixtures.py)."""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")
DEF = re.compile(r"^(?!static\b)(?:[A-Za-z_][\w \t\*]*?[\s\*])([a-z_]\w*)\s*\([^;{]*\)\s*\{", re.M)
SQL_NAME = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_]\w*)", re.I)
CREATE = re.compile(r"\bCREATE\s+(TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_]\w*)", re.I)
MIGRATIONS = re.compile(r"const\s+(?:struct\s+)?migration\s+\w+\s*\[\s*\]\s*=\s*\{.*?\n\};", re.S)
PLATFORM_DIRS = ("platform", "check")


def areas_of(src):
    with open(os.path.join(src, "meson.build"), encoding="utf-8") as f:
        m = re.search(r"^areas\s*=\s*\[([^\]]*)\]", f.read(), re.M)
    if not m:
        sys.exit("check_modules: no `areas = [...]` in %s/meson.build" % src)
    return re.findall(r"'([a-z_]+)'", m.group(1))


def strip_comments(text):
    """The code without its comments; string literals are kept (SQL lives in them)."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text[i] in "\"'":
            q, j = text[i], i + 1
            while j < n and text[j] != q:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def strings_of(code):
    return " ".join(re.findall(r'"((?:[^"\\]|\\.)*)"', code))


def without_strings(code):
    return re.sub(r'"(?:[^"\\]|\\.)*"', '""', code)


def cycles(graph):
    """The strongly connected components of more than one node (Tarjan), each sorted."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


class Tree:
    def __init__(self, src):
        self.src = src
        self.areas = areas_of(src)
        self.files = {}   # path relative to src -> code without comments
        self.heads = {}   # path -> its first lines, comments included
        for path in sorted(glob.glob(os.path.join(src, "*", "*.[ch]"))):
            rel = os.path.relpath(path, src).replace(os.sep, "/")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            self.files[rel] = strip_comments(text)
            self.heads[rel] = "\n".join(text.splitlines()[:4])

    def folder(self, rel):
        return rel.split("/")[0]

    def resolve(self, rel, inc):
        return os.path.normpath(os.path.join(os.path.dirname(rel), inc)).replace(os.sep, "/")


def check_includes(t, problems):
    rank = {a: i for i, a in enumerate(t.areas)}
    graph = {}
    for rel, code in t.files.items():
        me = t.folder(rel)
        for inc in INCLUDE.findall(code):
            target = t.resolve(rel, inc)
            if target not in t.files:
                continue
            other = t.folder(target)
            if other != me and other in rank:
                if me in rank and rank[other] > rank[me]:
                    problems.append("%s: area %s includes %s, of the later area %s" % (rel, me, target, other))
                elif me in PLATFORM_DIRS:
                    problems.append("%s: the platform includes %s, of the area %s" % (rel, target, other))
            if other != me and "not a public API" in t.heads.get(target, ""):
                problems.append("%s: includes %s, a private header of %s" % (rel, target, other))
            if other == me and rel.endswith(".h"):
                graph.setdefault(rel, set()).add(target)
    for comp in cycles(graph):
        problems.append("%s: headers include each other in a circle: %s" % (t.folder(comp[0]), " -> ".join(comp)))


def check_calls(t, problems):
    # a call into a later area, however it was declared (an extern written by hand, say)
    rank = {a: i for i, a in enumerate(t.areas)}
    owner = {}
    for rel, code in t.files.items():
        if rel.endswith(".c") and t.folder(rel) in rank:
            for name in DEF.findall(without_strings(code)):
                owner.setdefault(name, t.folder(rel))
    for rel, code in t.files.items():
        me = t.folder(rel)
        if not rel.endswith(".c") or me not in rank:
            continue
        for name in sorted(set(CALL.findall(without_strings(code)))):
            o = owner.get(name)
            if o and rank[o] > rank[me]:
                problems.append("%s: area %s calls %s of the later area %s" % (rel, me, name, o))
    for area in t.areas:
        sources = {r: c for r, c in t.files.items() if t.folder(r) == area and r.endswith(".c")}
        defined = {}
        for rel, code in sources.items():
            for name in DEF.findall(without_strings(code)):
                defined.setdefault(name, rel)
        graph = {}
        for rel, code in sources.items():
            for name in set(CALL.findall(without_strings(code))):
                owner = defined.get(name)
                if owner and owner != rel:
                    graph.setdefault(rel, set()).add(owner)
        for comp in cycles(graph):
            problems.append("%s: files call each other in a circle: %s" % (area, ", ".join(comp)))


def check_sql(t, problems):
    owner, kind = {}, {}
    for rel, code in t.files.items():
        for m in MIGRATIONS.finditer(code):
            for k, name in CREATE.findall(strings_of(m.group(0))):
                owner.setdefault(name, t.folder(rel))
                kind[name] = k.upper()
    rank = {a: i for i, a in enumerate(t.areas)}
    for rel, code in t.files.items():
        me = t.folder(rel)
        if me not in rank:
            continue
        for name in sorted(set(SQL_NAME.findall(strings_of(MIGRATIONS.sub("", code))))):
            o = owner.get(name)
            if not o or o == me:
                continue
            if kind[name] == "VIEW" and o in rank and rank[o] < rank[me]:
                continue
            what = "view" if kind[name] == "VIEW" else "table"
            problems.append("%s: SQL on %s's %s %s" % (rel, o, what, name))


def parse_routes(routes_text):
    """`haiguan routes --json` (a list of objects) or plain `haiguan routes` lines."""
    if routes_text.lstrip().startswith("["):
        return json.loads(routes_text)
    out = []
    for line in routes_text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out.append({"method": parts[0], "pattern": parts[1]})
    return out


def check_docs(routes_text, docs, problems):
    """Each route has a heading, an executed example; with what a route declares (--json):
    an example answering its success status, and each of its query parameters named in its
    section (the heading down to the next heading)."""
    text = ""
    for path in [os.path.join(docs, "API.md")] + sorted(glob.glob(os.path.join(docs, "api", "*.md"))):
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                text += f.read() + "\n"
    pairs = [(a.strip().split("\n")[0], b.strip().split("\n")[0].split(" ")[0] if b.strip() else "")
             for a, b in re.findall(r"```example\n(.*?)```\s*```response\n(.*?)```", text, re.S)]
    requests = [b.strip().split("\n")[0] for b in re.findall(r"```example\n(.*?)```", text, re.S)]
    for r in parse_routes(routes_text):
        method, pattern = r["method"], r["pattern"]
        if not pattern.startswith("/api/") and pattern not in ("/", "/healthz", "/metrics"):
            continue
        heading = "### %s %s" % (method, pattern)
        hm = re.search("^%s[ \t]*$" % re.escape(heading), text, re.M)
        if not hm:
            problems.append("docs: route %s %s has no heading" % (method, pattern))
            continue
        rx = re.compile("^" + re.sub(r"\\{[a-z_]+\\}", "[^/?]+", re.escape(pattern)) + r"(\?.*)?$")

        def mine(req):
            parts = req.split(" ", 1)
            return parts[0] == method and len(parts) > 1 and rx.match(parts[1])
        if not any(mine(q) for q in requests):
            problems.append("docs: route %s %s has no example" % (method, pattern))
            continue
        if "status" in r and not r.get("stream") and not any(mine(q) and st == str(r["status"]) for q, st in pairs):
            problems.append("docs: route %s %s has no example answering its status %d" % (method, pattern,
                                                                                        r["status"]))
        at = hm.end()
        nxt = text.find("\n#", at)
        section = text[at:nxt if nxt >= 0 else len(text)]
        for q in r.get("query", []):
            if not re.search(r"(?<![A-Za-z0-9_])%s(?![A-Za-z0-9_])" % re.escape(q), section):
                problems.append("docs: route %s %s does not name its query parameter %s" % (method, pattern, q))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default="src", help="the source tree (with meson.build naming the areas)")
    ap.add_argument("--routes", help="a file with `haiguan routes` output, or the haiguan binary to ask")
    ap.add_argument("--docs", help="the docs directory (API.md, api/*.md)")
    a = ap.parse_args()
    t = Tree(a.src)
    problems = []
    check_includes(t, problems)
    check_calls(t, problems)
    check_sql(t, problems)
    if a.routes and a.docs:
        if os.access(a.routes, os.X_OK) and not a.routes.endswith(".txt"):
            routes_text = subprocess.run([a.routes, "routes", "--json"], capture_output=True, text=True,
                                         check=True).stdout
        else:
            with open(a.routes, encoding="utf-8") as f:
                routes_text = f.read()
        check_docs(routes_text, a.docs, problems)
    for p in problems:
        print("check_modules: " + p)
    if problems:
        print("check_modules: %d problem%s" % (len(problems), "" if len(problems) == 1 else "s"))
        return 1
    print("check_modules: %d areas (%s), no problem" % (len(t.areas), ", ".join(t.areas)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
