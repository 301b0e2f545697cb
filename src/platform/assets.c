/* assets.c — the web console's files: index.html for every client-side path of the
 * single-page console, and /assets/NAME.HASH.ext for its scripts, styles and images.
 *
 * The files are compiled into the binary by tools/embed_assets.py from web/dist (Meson runs it
 * at build time; the generated assets_data.inc defines asset_files[] and the console's paths).
 * Hashed assets are cached for a year (their names change with their content); index.html is
 * never cached, so a new binary is picked up on the next load. Text files are compressed at
 * build time and sent compressed to a client that accepts gzip (the sign-in page on a phone's
 * connection is a fifth of its size); the answer says it varies with Accept-Encoding. `haiguan serve --assets DIR`
 * reads the same names from DIR on every request instead (development: `vite build --watch`).
 *
 * Not for: the API (the console has no private routes; it calls /api/v1/ like anyone else). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "http.h"
#include "http_negotiate.h"
#include "mem.h"
#include "module.h"

typedef struct asset_file {
    const char *url;  /* "/index.html", "/assets/index.Bx1f9a2c.js" */
    const char *type; /* Content-Type */
    const char *data;
    size_t len;
    int immutable;    /* content-hashed name: cache for a year */
    const char *gzip; /* the same compressed at build time, or NULL (not worth it) */
    size_t gzip_len;
} asset_file;

#include "assets_data.inc"

#define IMMUTABLE_CACHE "public, max-age=31536000, immutable"
#define DISK_MAX_BYTES (32u << 20)

static const struct {
    const char *ext;
    const char *type;
} disk_types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".map", "application/json; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".ico", "image/x-icon"},
    {".woff", "font/woff"},
    {".woff2", "font/woff2"},
    {".ttf", "font/ttf"},
    {".txt", "text/plain; charset=utf-8"},
};

/* Replies with an embedded file, compressed when it has a compressed form the client takes. */
static hg_rc embedded_reply(req *r, const asset_file *f, int status)
{
    int gz = f->gzip && http_accepts_coding(req_header(r, "Accept-Encoding"), "gzip");
    hg_rc rc = gz ? req_reply_raw(r, status, f->type, f->gzip, f->gzip_len)
                  : req_reply_raw(r, status, f->type, f->data, f->len);
    if (rc == HG_OK && gz)
        rc = req_add_header(r, "Content-Encoding", "gzip");
    if (rc == HG_OK && f->gzip)
        rc = req_add_header(r, "Vary", "Accept-Encoding");
    if (rc == HG_OK && f->immutable)
        rc = req_add_header(r, "Cache-Control", IMMUTABLE_CACHE);
    return rc;
}

static const asset_file *embedded_find(const char *url)
{
    for (const asset_file *f = asset_files; f->url; f++)
        if (strcmp(f->url, url) == 0)
            return f;
    return NULL;
}

static const char *disk_type(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return NULL;
    for (size_t i = 0; i < sizeof disk_types / sizeof disk_types[0]; i++)
        if (strcmp(dot, disk_types[i].ext) == 0)
            return disk_types[i].type;
    return NULL;
}

/* A file name the console may ask for: letters, digits, '.', '_', '-', not starting with a
 * dot, so that no path can leave the assets directory. */
static int safe_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 200 || name[0] == '.')
        return 0;
    return strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

/* Replies with DIR/rel read from disk (development mode). HG_NOTFOUND when missing. */
static hg_rc disk_reply(req *r, const char *dir, const char *rel, int status, hg_err *err)
{
    const char *type = disk_type(rel);
    if (!type)
        return hg_fail(err, HG_NOTFOUND, "not_found", NULL, "no such resource");
    size_t plen = strlen(dir) + strlen(rel) + 2;
    char *path = xmalloc(plen);
    if (!path)
        return HG_NOMEM;
    snprintf(path, plen, "%s/%s", dir, rel);
    FILE *f = fopen(path, "rb");
    int fopen_errno = errno;
    xfree(path);
    if (!f && (fopen_errno == ENOENT || fopen_errno == ENOTDIR))
        return hg_fail(err, HG_NOTFOUND, "not_found", NULL, "no such resource");
    if (!f)
        /* TRANSLATORS: 1: rel; 2: fopen_errno */
        return hg_fail(err, HG_IO, NULL, NULL, "cannot open console file %s (errno %d)", rel, fopen_errno);
    hg_rc rc = HG_OK;
    buf b;
    buf_init(&b, DISK_MAX_BYTES);
    char chunk[16384];
    size_t n;
    while (rc == HG_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rc = buf_append(&b, chunk, n);
    if (rc == HG_OK && ferror(f))
        rc = hg_fail(err, HG_IO, NULL, NULL, "cannot read console file %s", rel);
    fclose(f);
    if (rc == HG_OK)
        rc = req_reply_raw(r, status, type, b.data ? b.data : "", b.len);
    buf_free(&b);
    return rc;
}

/* GET / and every client-side path of the console: index.html, never cached. */
static hg_rc index_api(req *r, hg_err *err)
{
    const char *dir = http_assets_dir();
    if (dir)
        return disk_reply(r, dir, "index.html", 200, err);
    const asset_file *f = embedded_find("/index.html");
    if (!f)
        return hg_fail(err, HG_NOTFOUND, "not_found", NULL, "no such resource");
    return embedded_reply(r, f, 200);
}

/* A browser's GET of a path no route has: the console's index.html with status 404, so that
 * the console shows its own "not found" page (its router's catch-all) instead of JSON. */
static hg_rc not_found_page_api(req *r, hg_err *err)
{
    const char *dir = http_assets_dir();
    if (dir)
        return disk_reply(r, dir, "index.html", 404, err);
    const asset_file *f = embedded_find("/index.html");
    if (!f)
        return hg_fail(err, HG_NOTFOUND, "not_found", NULL, "no such resource");
    return embedded_reply(r, f, 404);
}

/* GET /assets/{name}: a content-hashed file, cached for a year (from disk: not cached). */
static hg_rc asset_api(req *r, hg_err *err)
{
    const char *name = r->params[0];
    if (!safe_name(name))
        return hg_fail(err, HG_NOTFOUND, "not_found", NULL, "no such resource");
    const char *dir = http_assets_dir();
    if (dir) {
        char rel[256];
        snprintf(rel, sizeof rel, "assets/%s", name);
        return disk_reply(r, dir, rel, 200, err);
    }
    char url[256];
    snprintf(url, sizeof url, "/assets/%s", name);
    const asset_file *f = embedded_find(url);
    if (!f)
        return hg_fail(err, HG_NOTFOUND, "not_found", NULL, "no such resource");
    return embedded_reply(r, f, 200);
}

#define SPA_ROUTE(path)                                                                                                \
    {.method = "GET", .pattern = path, .fn = index_api, .flags = ROUTE_PUBLIC, .summary = "console page (index.html)"},

static const route assets_routes[] = {
    {.method = "GET",
     .pattern = "/",
     .fn = index_api,
     .flags = ROUTE_PUBLIC,
     .summary = "the web console (index.html)"},
    {.method = "GET",
     .pattern = "/assets/{name}",
     .fn = asset_api,
     .flags = ROUTE_PUBLIC,
     .summary = "console file, content-hashed, cached a year"},
    {.method = "GET",
     .pattern = "/{any path no route has}",
     .fn = not_found_page_api,
     .flags = ROUTE_PUBLIC | ROUTE_FALLBACK,
     .status = 404,
     .summary = "the console's \"not found\" page, for a browser at a path no route has"},
    /* clang-format off */
    ASSETS_SPA_PATHS(SPA_ROUTE)   /* every client-side path of the console (web/src/paths.json) */
    {0},
    /* clang-format on */
};

const hg_module assets_module = {.name = "assets", .summary = "the embedded web console", .routes = assets_routes};
