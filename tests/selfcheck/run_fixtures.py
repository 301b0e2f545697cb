#!/usr/bin/env python3
"""run_fixtures.py — plants each violation tools/check_modules.py guards, in a small tree of
two areas written to a temporary directory, and shows the checker fails on it with the
problem named; the clean tree passes. Usage: run_fixtures.py tools/check_modules.py"""
import json
import os
import subprocess
import sys
import tempfile

CLEAN = {
    "meson.build": "areas = ['first', 'second']\n",
    "platform/db.h": "/* db.h — the platform's storage. */\n",
    "first/first.h": '/* first.h — the first area\'s public API. */\n#include "../platform/db.h"\nint first_count(void);\n',
    "first/first_store.h": "/* first_store.h — shared by first's store files (not a public API). */\n",
    "first/first_schema.c": ('/* first_schema.c — migrations. */\n#include "first.h"\n'
                             'const migration first_migrations[] = {\n'
                             '    {600, "things", "CREATE TABLE things (k TEXT); CREATE VIEW first_things AS SELECT k FROM things;"},\n'
                             '    {0},\n};\n'),
    "first/first_store.c": ('/* first_store.c — the SQL of things. */\n#include "first.h"\n#include "first_store.h"\n'
                            'int first_count(void)\n{\n    return run("SELECT COUNT(*) FROM things");\n}\n'),
    "second/second.h": '/* second.h — the second area. */\n#include "../first/first.h"\n',
    "second/second.c": ('/* second.c — reads the first area through its header and view. */\n#include "second.h"\n'
                        'int second_total(void)\n{\n    return first_count() + run("SELECT COUNT(*) FROM first_things");\n}\n'),
}
ROUTES = "GET    /api/v1/things                           list things\n"
DOCS = "### GET /api/v1/things\n\n```example\nGET /api/v1/things\nas: officer\n```\n```response\n200\n```\n"

CASES = [
    ("an area includes a later area",
     {"first/first.c": '/* first.c */\n#include "../second/second.h"\n'},
     "area first includes second/second.h, of the later area second"),
    ("an area calls a later area without its header",
     {"first/first_more.c": '/* first_more.c */\nint second_total(void);\nint first_more(void)\n{\n    return second_total();\n}\n'},
     "first/first_more.c: area first calls second_total of the later area second"),
    ("the platform includes an area",
     {"platform/db.c": '/* db.c */\n#include "../first/first.h"\n'},
     "the platform includes first/first.h"),
    ("a private header is included from another folder",
     {"second/second_store.c": '/* second_store.c */\n#include "../first/first_store.h"\n'},
     "a private header of first"),
    ("an area's headers include each other in a circle",
     {"first/a.h": '/* a.h */\n#include "b.h"\n', "first/b.h": '/* b.h */\n#include "a.h"\n'},
     "headers include each other in a circle: first/a.h -> first/b.h"),
    ("an area's files call each other in a circle",
     {"first/a.c": "/* a.c */\nint a_one(void)\n{\n    return b_two();\n}\n",
      "first/b.c": "/* b.c */\nint b_two(void)\n{\n    return a_one() + 1;\n}\n"},
     "files call each other in a circle: first/a.c, first/b.c"),
    ("an area runs SQL on another area's table",
     {"second/second.c": '/* second.c */\nint second_total(void)\n{\n    return run("SELECT COUNT(*) FROM things");\n}\n'},
     "second/second.c: SQL on first's table things"),
    ("an earlier area reads a later area's view",
     {"second/second_schema.c": ('/* second_schema.c */\nconst migration second_migrations[] = {\n'
                                 '    {700, "v", "CREATE TABLE s (k TEXT); CREATE VIEW second_s AS SELECT k FROM s;"},\n'
                                 '    {0},\n};\n'),
      "first/first_report.c": '/* first_report.c */\nint first_report(void)\n{\n    return run("SELECT k FROM second_s");\n}\n'},
     "first/first_report.c: SQL on second's view second_s"),
    ("a route has no heading in the docs",
     {"@routes": ROUTES + "POST   /api/v1/things                           add a thing\n"},
     "docs: route POST /api/v1/things has no heading"),
    ("a route has a heading but no example",
     {"@routes": ROUTES + "GET    /api/v1/things/{k}                       read a thing\n",
      "@docs": DOCS + "### GET /api/v1/things/{k}\nReads one.\n"},
     "docs: route GET /api/v1/things/{k} has no example"),
    # What a route declares (`haiguan routes --json`, issue 12 item 7) is checked against its
    # section: an example answering its success status, each query parameter named.
    ("a route's documented examples never answer its declared status",
     {"@routes": json.dumps([{"method": "GET", "pattern": "/api/v1/things", "status": 201, "query": []}]),
      "@docs": DOCS},
     "docs: route GET /api/v1/things has no example answering its status 201"),
    ("a route's section does not name a query parameter it reads",
     {"@routes": json.dumps([{"method": "GET", "pattern": "/api/v1/things", "status": 200,
                              "query": ["limit", "colour"]}]),
      "@docs": DOCS.replace("\n\n```example", "\nPaged with `limit`.\n\n```example")},
     "docs: route GET /api/v1/things does not name its query parameter colour"),
    ("a heading that only begins like the route's is not its heading",
     {"@routes": ROUTES + "GET    /api/v1/thing                            one thing\n"},
     "docs: route GET /api/v1/thing has no heading"),
]


def plant(root, files):
    for rel, text in files.items():
        if rel.startswith("@"):
            continue
        path = os.path.join(root, "src", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    os.makedirs(os.path.join(root, "docs"), exist_ok=True)
    with open(os.path.join(root, "docs", "API.md"), "w", encoding="utf-8") as f:
        f.write(files.get("@docs", DOCS))
    with open(os.path.join(root, "routes.txt"), "w", encoding="utf-8") as f:
        f.write(files.get("@routes", ROUTES))


def check(checker, root):
    return subprocess.run([sys.executable, checker, "--src", os.path.join(root, "src"), "--routes",
                           os.path.join(root, "routes.txt"), "--docs", os.path.join(root, "docs")],
                          capture_output=True, text=True)


def main():
    checker = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "clean")
        plant(root, CLEAN)
        p = check(checker, root)
        ok = p.returncode == 0
        print("%s  the clean tree passes" % ("ok  " if ok else "FAIL"))
        if not ok:
            print(p.stdout + p.stderr)
            failures += 1
        for i, (name, changes, expected) in enumerate(CASES):
            root = os.path.join(tmp, "case%d" % i)
            plant(root, {**CLEAN, **changes})
            p = check(checker, root)
            ok = p.returncode == 1 and expected in p.stdout
            print("%s  %s" % ("ok  " if ok else "FAIL", name))
            if not ok:
                print("     expected %r, got exit %d:\n%s%s" % (expected, p.returncode, p.stdout, p.stderr))
                failures += 1
    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
