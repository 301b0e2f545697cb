/* audit_cmd.c — `haiguan audit …`: verify the chain (optionally against an exported
 * checkpoint file and an auditor's trust file), reconcile the areas' state with the rows,
 * append signed heads to an external file,
 * sign one now, rotate the signing key, print the key directory's pins.
 *
 * Only argument handling and printing live here; the work is in audit.c. Exit codes
 * follow cmd.h: 0 done, 1 failed or chain broken, 2 usage. */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cmd.h"
#include "module.h"

/* The options a subcommand may take (bits). */
enum { OPT_KEYS = 1, OPT_CHECKPOINT = 2, OPT_TRUST = 4 };

typedef struct audit_args {
    const char *keys;         /* --keys DIR */
    const char *checkpoint;   /* --checkpoint FILE */
    const char *trust;        /* --trust FILE */
    const char *pos[2];       /* positional arguments after the subcommand */
    int npos;
} audit_args;

typedef struct audit_sub {
    const char *name;
    int npos;       /* exact number of positional arguments */
    int options;    /* OPT_* it accepts */
    int (*fn)(cmd_ctx *c, const audit_args *a);
} audit_sub;

/* Parses argv[2..] (argv[0] "audit", argv[1] the subcommand) strictly, so that a typo in
 * an option is a usage error rather than silently ignored. --db is accepted and left to
 * main, which has already read it into c->db_url. 0 on success. */
static int parse_args(cmd_ctx *c, int allowed, audit_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 2; i < c->argc; i++) {
        const char *arg = c->argv[i];
        const char **slot = NULL;
        if (strcmp(arg, "--keys") == 0 && (allowed & OPT_KEYS))
            slot = &a->keys;
        else if (strcmp(arg, "--checkpoint") == 0 && (allowed & OPT_CHECKPOINT))
            slot = &a->checkpoint;
        else if (strcmp(arg, "--trust") == 0 && (allowed & OPT_TRUST))
            slot = &a->trust;
        else if (strcmp(arg, "--db") == 0) {
            if (i + 1 >= c->argc)
                return -1;
            i++;
            continue;
        } else if (arg[0] == '-' && arg[1]) {
            return -1;
        }
        if (slot) {
            if (i + 1 >= c->argc || *slot)
                return -1;
            *slot = c->argv[++i];
            continue;
        }
        if (a->npos == 2)
            return -1;
        a->pos[a->npos++] = arg;
    }
    return 0;
}

/* The key directory of a command (audit.h). */
const char *cmd_key_dir(cmd_ctx *c, char *scratch, size_t n)
{
    const char *k = cmd_option(c, "--keys");
    /* --keys wins over the environment for every key the process reads, including the ones
     * areas load later by themselves (the risk draw secret): one place says where keys live */
    if (k && *k)
        setenv("HAIGUAN_KEYS", k, 1);
    if (!k)
        k = getenv("HAIGUAN_KEYS");
    if (k && *k)
        return k;
    audit_default_key_dir(c->db_url, scratch, n);
    return scratch;
}

/* A command's database with the audit keys loaded (audit.h). */
db *cmd_open_db_keyed(cmd_ctx *c)
{
    db *d = cmd_open_db(c);
    if (!d)
        return NULL;
    char dir[4096];
    hg_err err;
    hg_err_clear(&err);
    if (audit_keys_load(d, cmd_key_dir(c, dir, sizeof dir), &err)) {
        fprintf(stderr, "haiguan: %s\n", err.message);
        db_close(d);
        return NULL;
    }
    return d;
}

/* --keys, else HAIGUAN_KEYS, else next to the database (the audit command parses --keys itself). */
static const char *key_dir(cmd_ctx *c, const audit_args *a, char *space, size_t spacelen)
{
    const char *env = getenv("HAIGUAN_KEYS");
    if (a->keys)
        return a->keys;
    if (env && *env)
        return env;
    audit_default_key_dir(c->db_url, space, spacelen);
    return space;
}

static int fail(const char *what, const hg_err *err)
{
    fprintf(stderr, "haiguan audit %s: %s\n", what, err->message);
    return EXIT_FAIL;
}

static int verify_cmd(cmd_ctx *c, const audit_args *a)
{
    char space[PATH_MAX];
    audit_report rep;
    hg_err err;
    hg_err_clear(&err);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    audit_verify_opts o = {.key_dir = key_dir(c, a, space, sizeof space), .trust_file = a->trust,
                           .checkpoint_file = a->checkpoint};
    hg_rc rc = audit_verify_with(d, &o, &rep, &err);
    db_close(d);
    if (rc == HG_OK) {
        printf("audit chain whole: %" PRId64 " rows, %" PRId64 " checkpoints\n", rep.rows, rep.checkpoints);
        if (a->checkpoint && rep.unanchored)
            printf("%" PRId64 " rows after row %" PRId64 " (the newest head in %s) are not yet anchored\n",
                   rep.unanchored, rep.anchored, a->checkpoint);
        else if (a->checkpoint)
            printf("every row is anchored by a head in %s\n", a->checkpoint);
        return EXIT_OK;
    }
    if (rc == HG_INVALID && rep.bad_seq) {
        printf("audit chain broken at row %" PRId64 ": %s\n", rep.bad_seq, rep.reason);
        return EXIT_FAIL;
    }
    return fail("verify", &err);
}

static int export_cmd(cmd_ctx *c, const audit_args *a)
{
    char space[PATH_MAX];
    int64_t count = 0;
    hg_err err;
    hg_err_clear(&err);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    /* A key is loaded (made if need be) so that the export ends with a fresh checkpoint. */
    hg_rc rc = audit_keys_load(d, key_dir(c, a, space, sizeof space), &err);
    if (!rc)
        rc = audit_export(d, a->pos[0], &count, &err);
    db_close(d);
    if (rc)
        return fail("export", &err);
    printf("appended %" PRId64 " signed heads to %s\n", count, a->pos[0]);
    return EXIT_OK;
}

static int checkpoint_cmd(cmd_ctx *c, const audit_args *a)
{
    char space[PATH_MAX], key_id[17], head[65];
    int64_t seq = 0;
    hg_err err;
    hg_err_clear(&err);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    hg_rc rc = audit_keys_load(d, key_dir(c, a, space, sizeof space), &err);
    if (!rc)
        rc = audit_checkpoint(d, &err);
    if (!rc)
        rc = audit_head(d, &seq, head, &err);
    if (!rc)
        rc = audit_key_id(key_id) == HG_OK ? HG_OK : hg_fail(&err, HG_INTERNAL, NULL, NULL, "no key loaded");
    db_close(d);
    if (rc)
        return fail("checkpoint", &err);
    if (seq == 0)
        printf("audit chain is empty: nothing to sign\n");
    else
        printf("checkpoint at row %" PRId64 " signed with key %s\n", seq, key_id);
    return EXIT_OK;
}

static int rotate_key_cmd(cmd_ctx *c, const audit_args *a)
{
    char space[PATH_MAX], key_id[17];
    hg_err err;
    hg_err_clear(&err);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    hg_rc rc = audit_rotate_key(d, key_dir(c, a, space, sizeof space), key_id, &err);
    db_close(d);
    if (rc)
        return fail("rotate-key", &err);
    printf("%s\n", key_id);
    return EXIT_OK;
}

static int pins_cmd(cmd_ctx *c, const audit_args *a)
{
    char space[PATH_MAX];
    buf out;
    hg_err err;
    hg_err_clear(&err);
    buf_init(&out, 1 << 16);
    hg_rc rc = audit_pins_text(key_dir(c, a, space, sizeof space), &out, &err);
    if (!rc)
        fputs(buf_str(&out), stdout);
    buf_free(&out);
    return rc ? fail("pins", &err) : EXIT_OK;
}

/* Every contributed reconciler in module order; each finding a line "TYPE ID: RULE: message",
 * then a summary. Exit 1 when anything is unaccounted for. */
static int reconcile_cmd(cmd_ctx *c, const audit_args *a)
{
    (void)a;
    hg_err err;
    hg_err_clear(&err);
    db *d = cmd_open_db(c);
    if (!d)
        return EXIT_FAIL;
    json_t *findings = json_array();
    hg_rc rc = findings ? HG_OK : hg_fail(&err, HG_NOMEM, NULL, NULL, "out of memory");
    size_t at = 0;
    int any = 0;
    for (const audit_reconciler *r; !rc && (r = modules_extension_next(AUDIT_RECONCILERS, &at));) {
        int64_t checked = 0;
        size_t before = json_array_size(findings);
        rc = r->run(d, findings, &checked, &err);
        if (!rc)
            printf("%s: %" PRId64 " compared, %zu unaccounted for\n", r->what, checked,
                   json_array_size(findings) - before);
        any = 1;
    }
    db_close(d);
    if (rc) {
        json_decref(findings);
        return fail("reconcile", &err);
    }
    size_t i;
    json_t *f;
    json_array_foreach(findings, i, f)
    {
        printf("%s %s: %s: %s\n", json_string_value(json_object_get(f, "object_type")),
               json_string_value(json_object_get(f, "object_id")), json_string_value(json_object_get(f, "rule")),
               json_string_value(json_object_get(f, "message")));
    }
    size_t n = json_array_size(findings);
    json_decref(findings);
    if (!any)
        printf("no area contributes a reconciler\n");
    else if (n)
        printf("%zu object%s changed behind the audit trail\n", n, n == 1 ? "" : "s");
    else
        printf("every object matches its audit rows\n");
    return n ? EXIT_FAIL : EXIT_OK;
}

static const audit_sub audit_subs[] = {
    {"verify", 0, OPT_CHECKPOINT | OPT_TRUST | OPT_KEYS, verify_cmd},
    {"reconcile", 0, 0, reconcile_cmd},
    {"pins", 0, OPT_KEYS, pins_cmd},
    {"export", 1, OPT_KEYS, export_cmd},
    {"checkpoint", 0, OPT_KEYS, checkpoint_cmd},
    {"rotate-key", 0, OPT_KEYS, rotate_key_cmd},
    {NULL, 0, 0, NULL},
};

static int audit_cmd(cmd_ctx *c)
{
    audit_args a;
    if (c->argc >= 2)
        for (const audit_sub *s = audit_subs; s->name; s++)
            if (strcmp(c->argv[1], s->name) == 0) {
                if (parse_args(c, s->options, &a) != 0 || a.npos != s->npos)
                    break;
                return s->fn(c, &a);
            }
    return cmd_usage(&audit_commands[0]);
}

/* cmd_run's first check; parse_args then holds each subcommand to its own (audit_sub). */
static const cmd_opt audit_opts[] = {{"--keys", 1}, {"--checkpoint", 1}, {"--trust", 1}, {NULL, 0}};

const command audit_commands[] = {
    {"audit", audit_cmd,
     "audit verify [--checkpoint FILE] [--trust FILE] [--keys DIR]\n"
     "audit reconcile   (the declarations, tax bills, releases and exits against their audit rows)\n"
     "audit export FILE [--keys DIR]\n"
     "audit checkpoint [--keys DIR]\n"
     "audit rotate-key [--keys DIR]\n"
     "audit pins [--keys DIR]",
     "verify the audit trail, export or sign its heads, rotate or pin the signing key",
     "The audit trail is a hash chain of every change, each row's hash keyed with the chain key\n"
     "(HMAC-SHA256), with Ed25519-signed heads (checkpoints).\n"
     "  verify      walks the chain with the chain key and checks every stored head; a head\n"
     "              counts only when its key is pinned outside the database (the key directory,\n"
     "              --trust FILE, or a rotation statement signed by a pinned key). With\n"
     "              --checkpoint FILE (kept off this machine, appended to by export) it also\n"
     "              proves the chain was not rewritten or cut back since, refuses a file with no\n"
     "              signed head, an unsigned head or one signed by a key nobody pins, and says\n"
     "              how many rows come after the newest head there. Exit 1 names the first bad row.\n"
     "  export      signs the current head and appends to FILE (JSON Lines) the heads and key\n"
     "              rotation statements it does not hold yet; run it often (cron) and copy FILE\n"
     "              where the database server cannot write.\n"
     "  checkpoint  signs the current head now, after checking the rows since the last head.\n"
     "  rotate-key  makes a new signing key and prints its id; the old key signs a statement\n"
     "              handing over to the new one, its secret is deleted and its public half stays\n"
     "              pinned in the key directory (audit-signing.retired).\n"
     "  pins        prints the key directory's pinned keys as trust-file lines\n"
     "              (\"<key id> <public key>\"): keep them in the auditor's --trust FILE.\n"
     "Keys live in --keys DIR, else $HAIGUAN_KEYS, else <database>.keys (mode 0600 files).",
     audit_opts, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
