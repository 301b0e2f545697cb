/* import.c — the import framework (import.h): reading, line numbers, policy, transactions,
 * per-line reports, progress and the summary. The importers supply only a line function. */
#include "import.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "audit.h"
#include "buf.h"
#include "cmd.h"
#include "csv.h"
#include "ctx.h"
#include "json.h"

/* What the command line's import is audited as (import_audit_as): one import a process. */
static const char *audit_kind, *audit_actor;

void import_audit_as(const char *kind, const char *actor)
{
    audit_kind = kind;
    audit_actor = actor;
}

void import_progress(long done, long total)
{
    if (!isatty(2) || total == 0)
        return;
    int width = 40, filled = (int)(done * width / total);
    fprintf(stderr, "\r[%.*s%*s] %ld/%ld lines", filled, "########################################", width - filled, "",
            done, total);
    if (done == total)
        fprintf(stderr, "\n");
}

/* The state of one run. */
typedef struct run {
    const import_spec *spec;
    db *d;
    long loaded, refused, in_batch;
    int open;    /* a batch's transaction is open */
    int stopped; /* a database failure ended the run early */
    hg_err stop; /* why */
    int bar;     /* drawing a progress bar */
} run;

/* The audit row of an import: who loaded which file (by its SHA-256) into which table, and
 * how many lines; inside the caller's transaction. */
static hg_rc audit_import(db *d, const char *path, const void *data, size_t len, const run *u, hg_err *err)
{
    unsigned char h[crypto_hash_sha256_BYTES];
    char hex[2 * crypto_hash_sha256_BYTES + 1], action[64];
    crypto_hash_sha256(h, data, len);
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    const char *base = strrchr(path, '/');
    snprintf(action, sizeof action, "import.%s", audit_kind);
    json_t *after = json_pack("{s:s, s:s, s:I, s:I, s:I}", "file", base ? base + 1 : path, "sha256", hex, "bytes",
                              (json_int_t)len, "loaded", (json_int_t)u->loaded, "refused", (json_int_t)u->refused);
    if (!after)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    hg_ctx c = ctx_command(d, audit_actor ? audit_actor : "cli");
    hg_rc rc = audit_append_ctx(&c, action, "reference_table", audit_kind, NULL, after, err);
    json_decref(after);
    return rc;
}

static void report(run *u, long line, const hg_err *err)
{
    if (u->bar)
        fprintf(stderr, "\r"); /* the report starts its own line below the bar */
    printf("line %ld: %s%s%s\n", line, err->field, err->field[0] ? ": " : "", err->message);
    u->refused++;
}

/* Hands one row to the importer under the policy's transaction discipline. */
static void one_line(run *u, import_row *row)
{
    const import_spec *s = u->spec;
    hg_err err;
    hg_err_clear(&err);
    int batched = s->policy == IMPORT_PER_LINE && s->batch > 0;
    if (batched && !u->open) {
        if (db_begin(u->d, &u->stop)) {
            u->stopped = 1;
            return;
        }
        u->open = 1;
    }
    hg_rc rc = HG_OK;
    if (batched && !(rc = db_exec(u->d, "SAVEPOINT line", &err))) {
        rc = s->line(s->ctx, u->d, row, &err);
        hg_err ignored;
        db_exec(u->d, rc ? "ROLLBACK TO SAVEPOINT line" : "RELEASE SAVEPOINT line", &ignored);
    } else if (!batched) {
        rc = s->line(s->ctx, u->d, row, &err);
    }
    if (rc) {
        report(u, row->line, &err);
        return;
    }
    if (row->skip)
        return;
    u->loaded++;
    if (batched && ++u->in_batch >= s->batch) {
        if (db_commit(u->d, &u->stop)) {
            db_rollback(u->d);
            u->loaded -= u->in_batch;
            u->stopped = 1;
        }
        u->in_batch = 0;
        u->open = 0;
    }
}

static int read_csv(run *u, const char *data, size_t len, const char *path)
{
    const import_spec *s = u->spec;
    csv_reader r;
    csv_init(&r, data, len);
    int got;
    if (s->header) {
        got = csv_next(&r);
        import_row row = {.line = r.line, .field = r.field, .nfields = r.nfields};
        int code = s->header(s->ctx, got == 1 ? &row : NULL, path);
        if (code) {
            csv_free(&r);
            return code;
        }
    }
    while (!u->stopped && (got = csv_next(&r)) != 0) {
        if (got < 0) {
            hg_err err;
            hg_err_clear(&err);
            snprintf(err.message, sizeof err.message, "%s", s->malformed ? s->malformed : "malformed CSV");
            report(u, r.line, &err);
            continue;
        }
        import_row row = {.line = r.line, .field = r.field, .nfields = r.nfields};
        one_line(u, &row);
    }
    csv_free(&r);
    return 0;
}

static void read_jsonl(run *u, const char *data, size_t n)
{
    long total = 0, line = 0;
    for (size_t i = 0; i < n; i++)
        total += data[i] == '\n';
    if (n && data[n - 1] != '\n')
        total++;
    const char *p = data, *end = p + n;
    while (p < end && !u->stopped) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        line++;
        if (len && !(len == 1 && p[0] == '\r')) {
            import_row row = {.line = line};
            hg_err err;
            hg_err_clear(&err);
            if (json_parse_body(p, len, &row.obj, &err))
                report(u, line, &err);
            else
                one_line(u, &row);
            json_decref(row.obj);
        }
        if (u->bar && line % 100 == 0)
            import_progress(line, total);
        p += len + (nl ? 1 : 0);
    }
    if (u->bar)
        import_progress(total, total);
}

int import_run(const import_spec *spec, db *d, const char *path)
{
    run u = {.spec = spec, .d = d, .bar = spec->progress && isatty(2)};
    hg_err_clear(&u.stop);
    buf data;
    buf_init(&data, spec->max_bytes);
    hg_err err;
    hg_err_clear(&err);
    if (buf_read_file(&data, path, &err)) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        buf_free(&data);
        return EXIT_FAIL;
    }
    int whole = spec->policy == IMPORT_ALL_OR_NOTHING, status = EXIT_OK;
    const char *noun = spec->noun ? spec->noun : "";
    if (whole && db_begin(d, &err)) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        buf_free(&data);
        return EXIT_FAIL;
    }
    const char *text = data.data ? data.data : "";
    if (spec->format == IMPORT_CSV)
        status = read_csv(&u, text, data.len, path);
    else
        read_jsonl(&u, text, data.len);
    if (status) { /* the header refused the file */
        buf_free(&data);
        if (whole)
            db_rollback(d);
        return status;
    }
    if (whole) {
        if (u.refused) {
            buf_free(&data);
            db_rollback(d);
            printf("0%s%s loaded: %ld line%s refused, nothing changed\n", noun[0] ? " " : "", noun, u.refused,
                   u.refused == 1 ? "" : "s");
            return EXIT_FAIL;
        }
        hg_rc arc = audit_kind ? audit_import(d, path, text, data.len, &u, &err) : HG_OK;
        buf_free(&data);
        if (arc || db_commit(d, &err)) {
            db_rollback(d);
            fprintf(stderr, "haiguan: %s\n", err.message);
            return EXIT_FAIL;
        }
        printf("%ld%s%s loaded, 0 refused\n", u.loaded, noun[0] ? " " : "", noun);
        return EXIT_OK;
    }
    if (u.open && db_commit(d, &err)) {
        db_rollback(d);
        u.loaded -= u.in_batch;
        fprintf(stderr, "haiguan: cannot commit: %s\n", err.message);
        status = EXIT_FAIL;
    } else if (u.stopped) {
        fprintf(stderr, "haiguan: import stopped: %s\n", u.stop.message);
        status = EXIT_FAIL;
    }
    /* what loaded line by line is audited once, after the last line */
    if (audit_kind && u.loaded) {
        hg_rc arc = db_begin(d, &err);
        if (!arc)
            arc = audit_import(d, path, text, data.len, &u, &err);
        if (arc || (arc = db_commit(d, &err))) {
            db_rollback(d);
            fprintf(stderr, "haiguan: the import's audit row was not written: %s\n", err.message);
            status = EXIT_FAIL;
        }
    }
    buf_free(&data);
    printf("%ld%s%s loaded, %ld refused\n", u.loaded, noun[0] ? " " : "", noun, u.refused);
    return u.refused ? EXIT_FAIL : status;
}
