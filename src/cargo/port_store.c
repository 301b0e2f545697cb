/* port_store.c — the district's table of port customs codes (关区代码表: the 4-digit codes of
 * the district's customs and its subordinate offices, with their names and the transport
 * modes their ports serve): the check every manifest and declaration makes of its port, the
 * table as the console reads it, and its changes (`haiguan import ports`), each audited with
 * before and after. Reference data with a version in ref_versions (migration 294). Not for:
 * the format of a code (cargo_check_port, cargo.c). */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/json.h"
#include "../platform/mem.h"
#include "../platform/refdata.h"
#include "../platform/words.h"
#include "cargo.h"

/* The table in memory as of its version (refdata.h): every manifest, declaration and vessel
 * call reads its port, a round trip each on PostgreSQL; the versions are read once per writer
 * batch. A district's table has tens of rows. */
typedef struct port_row {
    char code[8], modes[32], name_zh[96], name_en[128];
} port_row;

static hg_rc port_read(db_stmt *s, void *row, hg_err *err)
{
    (void)err;
    port_row *r = row;
    snprintf(r->code, sizeof r->code, "%s", db_col_text(s, 0));
    snprintf(r->modes, sizeof r->modes, "%s", db_col_text(s, 1));
    snprintf(r->name_zh, sizeof r->name_zh, "%s", db_col_text(s, 2));
    snprintf(r->name_en, sizeof r->name_en, "%s", db_col_text(s, 3));
    return HG_OK;
}

static row_cache ports = ROW_CACHE_INIT("customs_ports", "SELECT code, modes, name_zh, name_en FROM customs_ports",
                                        port_row, port_read, NULL, NULL);

typedef struct port_lookup {
    const char *code;
    port_row *out;
    int *found;
} port_lookup;

static hg_rc port_of_code(const void *rows, size_t n, void *cls, hg_err *err)
{
    (void)err;
    port_lookup *f = cls;
    const port_row *r = rows;
    for (size_t i = 0; i < n && !*f->found; i++)
        if (strcmp(r[i].code, f->code) == 0) {
            *f->out = r[i];
            *f->found = 1;
        }
    return HG_OK;
}

/* The port of code as the table stands (*found 0 when it has none). */
static hg_rc port_find(db *d, const char *code, port_row *out, int *found, hg_err *err)
{
    *found = 0;
    port_lookup f = {code, out, found};
    return row_cache_with(d, &ports, port_of_code, &f, err);
}

static hg_rc unknown_port(const char *code, const char *field, hg_err *err)
{
    return hg_fail(err, HG_INVALID, "unknown_port", field,
                   "%s is not a customs code of the district's ports (关区代码表: GET /api/v1/reference/ports)", code);
}

hg_rc cargo_port_known(db *d, const char *code, const char *field, hg_err *err)
{
    port_row p;
    int found = 0;
    hg_rc rc = port_find(d, code ? code : "", &p, &found, err);
    return rc ? rc : found ? HG_OK : unknown_port(code ? code : "", field, err);
}

/* 1 when the comma-separated list modes ("sea,road") holds mode. */
static int serves(const char *modes, const char *mode)
{
    size_t len = strlen(mode);
    for (const char *p = modes ? modes : ""; len && *p;) {
        size_t n = strcspn(p, ",");
        if (n == len && strncmp(p, mode, n) == 0)
            return 1;
        p += n + (p[n] == ',');
    }
    return 0;
}

hg_rc cargo_port_serves(db *d, const char *code, const char *mode, const char *mode_field, hg_err *err)
{
    port_row p;
    int found = 0;
    hg_rc rc = port_find(d, code ? code : "", &p, &found, err);
    if (rc)
        return rc;
    if (!found)
        return unknown_port(code ? code : "", "port", err);
    if (serves(p.modes, mode ? mode : ""))
        return HG_OK;
    /* the modes it serves as a list of their words (words.h) in the user's language */
    char served[128];
    hg_word_list(p.modes, served, sizeof served);
    /* 报关单填制规范: the transport mode (运输方式) is the one by which the goods cross the
     * border at the port of entry or exit (进出境关别), so the two must agree */
    /* TRANSLATORS: 1: port code; 2, 3: its names; 4: the modes it serves, a list ("sea and air",
     * "水路运输、航空运输"); 5: the mode refused */
    return hg_fail(err, HG_INVALID, "port_mode", mode_field,
                   "port %s (%s, %s) serves %s only, not %s: the transport mode and the port of entry or exit "
                   "must agree (报关单填制规范: 运输方式, 进出境关别)",
                   p.code, p.name_zh, p.name_en, served, hg_word(mode ? mode : ""));
}

/* modes ("sea,road") as a JSON array of its words. */
static json_t *modes_json(const char *modes)
{
    json_t *a = json_array();
    for (const char *p = modes ? modes : ""; a && *p;) {
        size_t n = strcspn(p, ",");
        if (n)
            json_array_append_new(a, json_stringn(p, n));
        p += n + (p[n] == ',');
    }
    return a;
}

static json_t *port_json(const char *code, const char *zh, const char *en, const char *modes)
{
    return json_pack("{s:s, s:s, s:s, s:o}", "code", code, "name_zh", zh, "name_en", en, "modes", modes_json(modes));
}

hg_rc cargo_ports_json(db *d, json_t **out, hg_err *err)
{
    int64_t version = 0;
    *out = NULL;
    hg_rc rc = refdata_version(d, "customs_ports", &version, err);
    db_stmt *s;
    if (!rc)
        rc = db_query(d, &s, err, "SELECT code, name_zh, name_en, modes FROM customs_ports ORDER BY code", "");
    if (rc)
        return rc;
    json_t *items = json_array();
    while ((rc = db_step(s, err)) == HG_ROW)
        json_array_append_new(items,
                              port_json(db_col_text(s, 0), db_col_text(s, 1), db_col_text(s, 2), db_col_text(s, 3)));
    db_reset(s);
    if (rc != HG_DONE) {
        json_decref(items);
        return rc;
    }
    *out = json_pack("{s:I, s:o}", "version", (json_int_t)version, "items", items);
    return *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}

/* The transport modes a port serves: one or more of sea, air, road, rail, comma-separated
 * (spaces and '|' also separate), each once; written back normalised into out. */
static hg_rc parse_modes(const char *in, char out[32], hg_err *err)
{
    static const char *const known[] = {"sea", "air", "road", "rail"};
    int seen[4] = {0};
    for (const char *p = in ? in : ""; *p;) {
        size_t n = strcspn(p, ", |");
        int k = -1;
        for (int i = 0; i < 4 && n; i++)
            if (strlen(known[i]) == n && strncmp(p, known[i], n) == 0)
                k = i;
        if (n && k < 0)
            return hg_fail(err, HG_INVALID, "invalid", "modes", "modes are sea, air, road or rail");
        if (k >= 0)
            seen[k] = 1;
        p += n + (p[n] != '\0');
    }
    out[0] = '\0';
    for (int i = 0; i < 4; i++)
        if (seen[i])
            snprintf(out + strlen(out), 32 - strlen(out), "%s%s", out[0] ? "," : "", known[i]);
    return out[0] ? HG_OK : hg_fail(err, HG_INVALID, "required", "modes", "a port serves at least one transport mode");
}

hg_rc cargo_port_put(const hg_ctx *c, const char *code, const char *name_zh, const char *name_en, const char *modes,
                     hg_err *err)
{
    char m[32];
    if (!code || !cargo_check_port(code, NULL))
        return hg_fail(err, HG_INVALID, "invalid", "code", "code must be the 4-digit customs code (关区代码)");
    if (!name_zh || !*name_zh || strlen(name_zh) > 100)
        return hg_fail(err, HG_INVALID, "required", "name_zh",
                       "name_zh is the port customs' Chinese name, 1 to 100 bytes");
    if (!name_en || !*name_en || strlen(name_en) > 100)
        return hg_fail(err, HG_INVALID, "required", "name_en", "name_en is its English name, 1 to 100 bytes");
    hg_rc rc = parse_modes(modes, m, err);
    if (rc)
        return rc;
    json_t *before = NULL, *after = NULL;
    db_stmt *s;
    rc = db_query(c->d, &s, err, "SELECT name_zh, name_en, modes FROM customs_ports WHERE code = ?", "t", code);
    if (!rc) {
        if ((rc = db_step(s, err)) == HG_ROW)
            before = port_json(code, db_col_text(s, 0), db_col_text(s, 1), db_col_text(s, 2));
        db_reset(s);
        if (rc == HG_ROW || rc == HG_DONE)
            rc = HG_OK;
    }
    if (!rc)
        rc = db_run(c->d, err,
                    "INSERT INTO customs_ports (code, name_zh, name_en, modes) VALUES (?, ?, ?, ?) ON CONFLICT (code)"
                    " DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, modes = excluded.modes",
                    "tttt", code, name_zh, name_en, m);
    if (!rc && !(after = port_json(code, name_zh, name_en, m)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    if (!rc)
        rc = audit_append_ctx(c, before ? "refdata.port.update" : "refdata.port.create", "customs_port", code, before,
                              after, err);
    json_decref(before);
    json_decref(after);
    return rc;
}
