#!/usr/bin/env python3
"""embed_assets.py -- turns the console's Vite build (web/dist) into C data for
src/platform/assets.c, the way Fossil compiles its built-in files into the binary.

Run by Meson at build time (a custom_target); not meant to be run by hand, though it can be:

    tools/embed_assets.py --dist web/dist --paths web/src/paths.json \
        --out assets_data.inc --depfile assets_data.d

It writes one C fragment, included by assets.c, that defines:

  - asset_files[]: every file of the build as {url, MIME type, bytes, length, immutable, gzip
    bytes, gzip length}: text files (HTML, scripts, styles, JSON, SVG) are also compressed here,
    at build time (gzip level 9, no timestamp, so the build is reproducible), and served
    compressed to a client whose Accept-Encoding takes gzip; a file that compression does not
    make at least a tenth smaller has no compressed form (NULL, 0).
    Files under assets/ carry a content hash in their names (NAME.HASH.ext, given by the Vite
    configuration); the generator refuses a build whose asset names have no hash, because those
    files are served with a one-year immutable cache. index.html is served uncached.
  - ASSETS_SPA_PATHS(X): the console's client-side paths (from web/src/paths.json and each
    business area's web/src/areas/AREA/pages.json, the lists the Vue router reads), converted
    from ":param" to the router's "{param}" form, so that a reload or a deep link on any page
    gets index.html.

When web/dist has not been built (a C-only checkout, a machine without Node.js), it embeds a
small page that says how to build the console, so that the C build never depends on npm.
The depfile names every file read, and the directories, so ninja regenerates when the console
is rebuilt.
"""

import argparse
import gzip
import json
import os
import re
import sys

MIME = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".txt": "text/plain; charset=utf-8",
    ".map": "application/json; charset=utf-8",
}

# NAME.HASH.ext, as vite.config.js names them; the hash is Vite's content hash (base64url).
HASHED = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.[A-Za-z0-9_-]{8,}\.[a-z0-9]+$")
SAFE_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*$")

FALLBACK_HTML = b"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>haiguan \xe6\xb5\xb7\xe5\x85\xb3</title></head>
<body><h1>haiguan \xe6\xb5\xb7\xe5\x85\xb3</h1>
<p>The web console was not built into this binary. Build it with <code>make web</code>
(Node.js and npm) and rebuild, or serve a built console with
<code>haiguan serve --assets web/dist</code>. The JSON API is served under /api/v1/.</p>
</body></html>
"""


def c_string(data):
    """Renders bytes as C string literal lines (octal escapes: never greedy, no trigraphs)."""
    out = []
    line = []
    width = 0
    for b in data:
        if 32 <= b < 127 and b not in (34, 92, 63):   # printable, not " \ ?
            piece = chr(b)
        else:
            piece = "\\%03o" % b
        line.append(piece)
        width += len(piece)
        if width >= 96 or b == 10:
            out.append('"' + "".join(line) + '"')
            line = []
            width = 0
    if line or not out:
        out.append('"' + "".join(line) + '"')
    return "\n    ".join(out)


COMPRESSIBLE = ("text/", "application/json", "image/svg+xml")


def compressed(mime, data):
    """The gzip form of a text file when it saves at least a tenth, else None."""
    if not mime.startswith(COMPRESSIBLE):
        return None
    gz = gzip.compress(data, compresslevel=9, mtime=0)
    return gz if len(gz) * 10 <= len(data) * 9 else None


def spa_pattern(path):
    """"/enterprises/:uscc/edit" -> "/enterprises/{uscc}/edit"."""
    if not path.startswith("/") or any(c in path for c in '"\\*?()'):
        sys.exit("embed_assets: unsupported console path %r" % path)
    return re.sub(r":([A-Za-z_][A-Za-z0-9_]*)", r"{\1}", path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dist", required=True, help="Vite's output directory (web/dist)")
    ap.add_argument("--paths", required=True, help="web/src/paths.json: the console's client-side paths")
    ap.add_argument("--out", required=True, help="the C fragment to write")
    ap.add_argument("--depfile", help="a make-style depfile naming every input read")
    args = ap.parse_args()

    deps = [args.paths, os.path.dirname(os.path.abspath(args.dist))]
    with open(args.paths, encoding="utf-8") as f:
        paths = json.load(f)
    # the areas' own pages (web/src/areas/AREA/pages.json), found by their file names
    areas_dir = os.path.join(os.path.dirname(os.path.abspath(args.paths)), "areas")
    if os.path.isdir(areas_dir):
        deps.append(areas_dir)
        for area in sorted(os.listdir(areas_dir)):
            pages = os.path.join(areas_dir, area, "pages.json")
            if os.path.isfile(pages):
                deps += [os.path.join(areas_dir, area), pages]
                with open(pages, encoding="utf-8") as f:
                    paths += json.load(f)
    patterns = []
    for p in paths:
        pat = spa_pattern(p["path"])
        if pat != "/" and pat not in patterns:   # "/" has its own route in assets.c
            patterns.append(pat)

    files = []   # (url, mime, bytes, immutable)
    index = os.path.join(args.dist, "index.html")
    built = os.path.isfile(index)
    if built:
        deps += [args.dist, index]
        with open(index, "rb") as f:
            files.append(("/index.html", MIME[".html"], f.read(), 0))
        adir = os.path.join(args.dist, "assets")
        if os.path.isdir(adir):
            deps.append(adir)
            for name in sorted(os.listdir(adir)):
                full = os.path.join(adir, name)
                if not os.path.isfile(full):
                    continue
                ext = os.path.splitext(name)[1].lower()
                if not SAFE_NAME.match(name) or not HASHED.match(name):
                    sys.exit("embed_assets: %s has no content hash in its name (NAME.HASH.ext)" % full)
                if ext not in MIME:
                    sys.exit("embed_assets: %s: unknown file type %s (add it to MIME)" % (full, ext))
                deps.append(full)
                with open(full, "rb") as f:
                    files.append(("/assets/" + name, MIME[ext], f.read(), 1))
    else:
        files.append(("/index.html", MIME[".html"], FALLBACK_HTML, 0))

    out = []
    out.append("/* %s -- generated by tools/embed_assets.py from the console's build; do not edit.\n"
               " * %s */\n" % (os.path.basename(args.out),
                              "Built console: %d files." % len(files) if built else
                              "The console was not built: a page saying how to build it."))
    out.append("#define ASSETS_BUILT %d\n" % (1 if built else 0))
    out.append("#define ASSETS_SPA_PATHS(X) \\\n")
    for pat in patterns:
        out.append('    X("%s") \\\n' % pat)
    out.append("\n")
    gzs = [compressed(mime, data) for (url, mime, data, imm) in files]
    for i, (url, mime, data, imm) in enumerate(files):
        out.append("static const char asset_bytes_%d[] =\n    %s;\n" % (i, c_string(data)))
        if gzs[i] is not None:
            out.append("static const char asset_gzip_%d[] =\n    %s;\n" % (i, c_string(gzs[i])))
    out.append("\nstatic const asset_file asset_files[] = {\n")
    for i, (url, mime, data, imm) in enumerate(files):
        gz = ("asset_gzip_%d, %d" % (i, len(gzs[i]))) if gzs[i] is not None else "NULL, 0"
        out.append('    {"%s", "%s", asset_bytes_%d, %d, %d, %s},\n' % (url, mime, i, len(data), imm, gz))
    out.append("    {NULL, NULL, NULL, 0, 0, NULL, 0},\n};\n")

    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write("".join(out))
    os.replace(tmp, args.out)
    if args.depfile:
        def esc(p):
            return p.replace(" ", "\\ ")
        with open(args.depfile, "w", encoding="utf-8") as f:
            f.write("%s: %s\n" % (esc(args.out), " ".join(esc(os.path.abspath(d)) for d in deps)))


if __name__ == "__main__":
    main()
