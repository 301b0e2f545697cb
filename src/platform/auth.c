/* auth.c — users, passwords (argon2id), sessions, bearer tokens and sign-in throttling.
 * Officer posts and token scopes are the modules' (module.h): this file names none.
 *
 * Tokens and session ids are 256-bit random values shown once; the database keeps their
 * SHA-256 only, so a stolen database does not yield working credentials. */
#include "auth.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "db_json.h"
#include "i18n.h"
#include "log.h"
#include "mem.h"
#include "module.h"
#include "password_pool.h"
#include "signin_throttle.h"
#include "utf8.h"

/* SQL text: the bound is spliced into a LIMIT, where not every backend takes a parameter */
#define SESSIONS_PER_USER_SQL "10"
#define TOUCH_EVERY_MS (60 * 1000)

static int64_t idle_limit_ms = 30 * 60 * 1000;
static int64_t absolute_limit_ms = 12 * 60 * 60 * 1000;

void auth_set_lifetimes(int64_t idle_ms, int64_t absolute_ms)
{
    idle_limit_ms = idle_ms;
    absolute_limit_ms = absolute_ms;
}

const migration auth_migrations[] = {
    {1, "users, sessions, tokens",
     "CREATE TABLE users ("
     " id @IDPK,"
     " name TEXT NOT NULL UNIQUE,"
     " role TEXT NOT NULL,"
     " posts TEXT NOT NULL DEFAULT '',"
     " enterprise TEXT,"
     " password_hash TEXT NOT NULL,"
     " disabled BIGINT NOT NULL DEFAULT 0,"
     " created_ms BIGINT NOT NULL,"
     " updated_ms BIGINT NOT NULL);"
     "CREATE TABLE sessions ("
     " id @IDPK,"
     " token_hash TEXT NOT NULL UNIQUE,"
     " user_id BIGINT NOT NULL REFERENCES users(id),"
     " csrf TEXT NOT NULL,"
     " created_ms BIGINT NOT NULL,"
     " last_ms BIGINT NOT NULL);"
     "CREATE INDEX sessions_user ON sessions(user_id);"
     "CREATE TABLE api_tokens ("
     " id @IDPK,"
     " token_hash TEXT NOT NULL UNIQUE,"
     " user_id BIGINT NOT NULL REFERENCES users(id),"
     " scopes TEXT NOT NULL,"
     " created_ms BIGINT NOT NULL,"
     " revoked_ms BIGINT);"
     "CREATE INDEX api_tokens_user ON api_tokens(user_id);"
     "CREATE TABLE login_failures ("
     " id @IDPK,"
     " name TEXT NOT NULL,"
     " addr TEXT NOT NULL,"
     " at_ms BIGINT NOT NULL);"
     "CREATE INDEX login_failures_name ON login_failures(name, at_ms);"
     "CREATE INDEX login_failures_addr ON login_failures(addr, at_ms);",
     NULL, NULL},
    {2, "sign-in throttle counters (issue 13)",
     "CREATE TABLE login_throttle ("
     " subject TEXT PRIMARY KEY,"
     " failures BIGINT NOT NULL,"
     " pending BIGINT NOT NULL,"
     " last_ms BIGINT NOT NULL,"
     " prev_ms BIGINT NOT NULL);"
     "CREATE INDEX login_throttle_last ON login_throttle(last_ms);",
     NULL, NULL},
    /* the name people know a user by (王立新), which the console shows instead of the account
     * name (issue 16); '' for none, as every existing user has */
    {3, "users' display names (issue 16)", "ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';", NULL,
     NULL},
    {0, NULL, NULL, NULL, NULL},
};

/* ---- names of roles, posts and scopes ---- */

static const char *const role_names[] = {"admin", "officer", "enterprise", "system"};
/* Posts and scopes are declared by the modules (module.h); these read the records. A post's
 * name by its bit, NULL when no module declares the bit. */
static const char *post_name(unsigned bit)
{
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const hg_post *p = (*m)->posts; p && p->name; p++)
            if (p->bit == bit)
                return p->name;
    return NULL;
}

static int scope_known(const char *item, size_t n)
{
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const hg_scope *s = (*m)->scopes; s && s->name; s++)
            if (strlen(s->name) == n && strncmp(s->name, item, n) == 0)
                return 1;
    return 0;
}

void posts_names(char *out, size_t outlen)
{
    size_t used = 0;
    out[0] = '\0';
    for (unsigned i = 0; i < 32; i++) {
        const char *name = post_name(1u << i);
        int n = name ? snprintf(out + used, outlen - used, "%s%s", used ? ", " : "", name) : 0;
        if (n < 0 || (size_t)n >= outlen - used)
            return;
        used += (size_t)n;
    }
}

void scopes_names(char *out, size_t outlen)
{
    size_t used = 0;
    out[0] = '\0';
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const hg_scope *s = (*m)->scopes; s && s->name; s++) {
            int n = snprintf(out + used, outlen - used, "%s%s", used ? ", " : "", s->name);
            if (n < 0 || (size_t)n >= outlen - used)
                return;
            used += (size_t)n;
        }
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

unsigned role_parse(const char *name)
{
    for (unsigned i = 0; i < COUNT(role_names); i++)
        if (name && strcmp(name, role_names[i]) == 0)
            return 1u << i;
    return 0;
}

const char *role_name(unsigned role)
{
    for (unsigned i = 0; i < COUNT(role_names); i++)
        if (role == 1u << i)
            return role_names[i];
    return "unknown";
}

unsigned post_parse(const char *name)
{
    for (const hg_module *const *m = hg_modules; name && *m; m++)
        for (const hg_post *p = (*m)->posts; p && p->name; p++)
            if (strcmp(name, p->name) == 0)
                return p->bit;
    return 0;
}

void posts_format(unsigned posts, char *out, size_t outlen)
{
    size_t used = 0;
    out[0] = '\0';
    for (unsigned i = 0; i < 32; i++)
        if ((posts & (1u << i)) && post_name(1u << i)) {
            int n = snprintf(out + used, outlen - used, "%s%s", used ? "," : "", post_name(1u << i));
            if (n < 0 || (size_t)n >= outlen - used)
                return;
            used += (size_t)n;
        }
}

/* Calls fn for each comma-separated item of list; stops at the first non-zero result. */
static int each_item(const char *list, int (*fn)(const char *item, size_t n, void *arg), void *arg)
{
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        int r = fn(p, n, arg);
        if (r)
            return r;
        p += n;
        if (*p == ',')
            p++;
    }
    return 0;
}

typedef struct posts_acc {
    unsigned bits;
    char bad[64];
} posts_acc;

static int add_post(const char *item, size_t n, void *arg)
{
    posts_acc *a = arg;
    char name[32];
    if (n == 0 || n >= sizeof name) {
        snprintf(a->bad, sizeof a->bad, "%.*s", (int)(n < 40 ? n : 40), item);
        return 1;
    }
    memcpy(name, item, n);
    name[n] = '\0';
    unsigned bit = post_parse(name);
    if (!bit) {
        snprintf(a->bad, sizeof a->bad, "%s", name);
        return 1;
    }
    a->bits |= bit;
    return 0;
}

hg_rc posts_parse_list(const char *list, unsigned *out, hg_err *err)
{
    posts_acc a = {0, ""};
    if (each_item(list ? list : "", add_post, &a)) {
        char names[512];
        posts_names(names, sizeof names);
        /* TRANSLATORS: 1: bad; 2: names */
        return hg_fail(err, HG_INVALID, "invalid", "posts", "unknown post \"%s\"; posts are %s", a.bad, names);
    }
    *out = a.bits;
    return HG_OK;
}

typedef struct scope_probe {
    const char *want;
    int found;
} scope_probe;

static int match_scope(const char *item, size_t n, void *arg)
{
    scope_probe *s = arg;
    if ((n == 1 && item[0] == '*') || (strlen(s->want) == n && strncmp(item, s->want, n) == 0))
        s->found = 1;
    return s->found;
}

int scope_allows(const char *scopes, const char *scope)
{
    scope_probe s = {scope, 0};
    each_item(scopes, match_scope, &s);
    return s.found;
}

static int check_scope(const char *item, size_t n, void *arg)
{
    (void)arg;
    if (n == 1 && item[0] == '*')
        return 0;
    return !scope_known(item, n);
}

hg_rc scopes_validate(const char *scopes, hg_err *err)
{
    if (!scopes || !*scopes || each_item(scopes, check_scope, NULL)) {
        char names[1024];
        scopes_names(names, sizeof names);
        return hg_fail(err, HG_INVALID, "invalid", "scopes", "scopes must be a comma-separated list of areas (%s) or *",
                       names);
    }
    return HG_OK;
}

/* ---- passwords and random tokens ---- */

hg_rc password_check(const char *pw, hg_err *err)
{
    size_t n = pw ? strlen(pw) : 0;
    if (n < 12 || n > 128)
        return hg_fail(err, HG_INVALID, "invalid", "password", "password must be 12 to 128 characters");
    return HG_OK;
}

hg_rc password_hash(const char *pw, char *out, hg_err *err)
{
    password_pool_wait();
    int failed = crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
    password_pool_leave();
    return failed ? hg_fail(err, HG_NOMEM, NULL, NULL, "cannot hash password (out of memory)") : HG_OK;
}

/* *ok 1 when password verifies against hash; HG_TOOMANY when the pool has no slot now. */
static hg_rc password_verify(const char *hash, const char *password, int *ok, hg_err *err)
{
    hg_rc rc = password_pool_try(err);
    if (rc)
        return rc;
    *ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
    password_pool_leave();
    return HG_OK;
}

/* A fresh 256-bit token as 64 hex characters, and its SHA-256 as hex. */
static void token_new(char token[65], char hash[65])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    hex_encode(raw, sizeof raw, token);
    sodium_memzero(raw, sizeof raw);
    if (hash) {
        unsigned char h[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(h, (const unsigned char *)token, 64);
        hex_encode(h, sizeof h, hash);
    }
}

static void token_hash_of(const char *token, char hash[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
    hex_encode(h, sizeof h, hash);
}

/* ---- users ---- */

static json_t *user_row_json(db_stmt *s)
{
    /* columns: id, name, role, posts, enterprise, disabled, created_ms, updated_ms, display_name */
    json_t *posts = json_array();
    const char *p = db_col_text(s, 3);
    while (p && *p) {
        size_t n = strcspn(p, ",");
        json_array_append_new(posts, json_stringn(p, n));
        p += n;
        if (*p)
            p++;
    }
    char created[40], updated[40];
    time_format_rfc3339(db_col_int(s, 6), created, sizeof created);
    time_format_rfc3339(db_col_int(s, 7), updated, sizeof updated);
    const char *display = db_col_text(s, 8);
    return json_pack("{s:I, s:s, s:s, s:s, s:o, s:s?, s:b, s:s, s:s}", "id", (json_int_t)db_col_int(s, 0), "name",
                     db_col_text(s, 1), "display_name", display ? display : "", "role", db_col_text(s, 2), "posts",
                     posts, "enterprise", db_col_text(s, 4), "disabled", (int)db_col_int(s, 5), "created_at", created,
                     "updated_at", updated);
}

#define USER_COLS "id, name, role, posts, enterprise, disabled, created_ms, updated_ms, display_name"

hg_rc user_get_json(db *d, const char *name, json_t **out, hg_err *err)
{
    return db_row_json(d, user_row_json, out, "name", "no such user", err,
                       "SELECT " USER_COLS " FROM users WHERE name = ?", "t", name);
}

hg_rc user_list_json(db *d, json_t **out, hg_err *err)
{
    json_t *items;
    hg_rc rc = db_rows_json(d, user_row_json, &items, err, "SELECT " USER_COLS " FROM users ORDER BY name", "");
    if (!rc && !(*out = json_pack("{s:o}", "items", items)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return rc;
}

static int valid_user_name(const char *n)
{
    size_t len = strlen(n);
    if (len < 2 || len > 32)
        return 0;
    for (const char *p = n; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' || *p == '.'))
            return 0;
    return 1;
}

hg_rc display_name_check(const char *v, hg_err *err)
{
    size_t chars = 0;
    /* strict UTF-8 without control characters: the command line's text is checked here too */
    if (!utf8_text_ok(v))
        return hg_fail(err, HG_INVALID, "invalid", "display_name",
                       "display_name must be UTF-8 text without control characters");
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        chars += (*p & 0xc0) != 0x80;   /* lead bytes: one per character */
    if (chars > DISPLAY_NAME_MAX)
        return hg_fail(err, HG_INVALID, "too_long", "display_name", "display_name must be at most %d characters",
                       DISPLAY_NAME_MAX);
    return HG_OK;
}

hg_rc user_is_active_officer(db *d, const char *name, int *yes, hg_err *err)
{
    int64_t n = 0;
    hg_rc rc = db_int(d, &n, err, "SELECT COUNT(*) FROM users WHERE name = ? AND role = 'officer' AND disabled = 0",
                      "t", name);
    *yes = !rc && n > 0;
    return rc;
}

/* The module that keeps the enterprise registry answers (module.h): HG_OK, HG_NOTFOUND, or the
 * database's fault; without such a module, none exists. */
static hg_rc enterprise_known(db *d, const char *uscc, hg_err *err)
{
    for (const hg_module *const *m = hg_modules; *m; m++)
        if ((*m)->enterprise_find)
            return (*m)->enterprise_find(d, uscc, err);
    return HG_NOTFOUND;
}

hg_rc user_create(const hg_ctx *c, const user_spec *u, int64_t *id, hg_err *err)
{
    db *d = c->d;
    char hash[crypto_pwhash_STRBYTES];
    char posts[256];
    json_t *after = NULL;
    hg_rc rc;
    if (!u->name || !valid_user_name(u->name))
        return hg_fail(err, HG_INVALID, "invalid", "name",
                       "name must be 2 to 32 characters of a-z, 0-9, '_', '-' and '.'");
    if (!u->role)
        return hg_fail(err, HG_INVALID, "invalid", "role", "role must be admin, officer, enterprise or system");
    if (u->posts && u->role != ROLE_OFFICER)
        return hg_fail(err, HG_INVALID, "invalid", "posts", "only officers carry posts");
    if (u->role == ROLE_ENTERPRISE && !(u->enterprise && *u->enterprise))
        return hg_fail(err, HG_INVALID, "required", "enterprise", "an enterprise user needs --enterprise USCC");
    if (u->role != ROLE_ENTERPRISE && u->enterprise && *u->enterprise)
        return hg_fail(err, HG_INVALID, "invalid", "enterprise", "only enterprise users are bound to an enterprise");
    if (u->display_name && (rc = display_name_check(u->display_name, err)))
        return rc;
    if (u->role == ROLE_SYSTEM) {
        if (u->password)
            return hg_fail(err, HG_INVALID, "invalid", "password",
                           "a machine account has no password: it acts only through its bearer tokens");
        snprintf(hash, sizeof hash, "%s", MACHINE_NO_PASSWORD);
    } else if ((rc = password_check(u->password, err)) || (rc = password_hash(u->password, hash, err))) {
        return rc;
    }
    posts_format(u->posts, posts, sizeof posts);
    if ((rc = db_begin(d, err)))
        return rc;
    if (u->role == ROLE_ENTERPRISE) {
        rc = enterprise_known(d, u->enterprise, err);
        if (rc == HG_NOTFOUND)
            rc = hg_fail(err, HG_INVALID, "not_found", "enterprise", "no enterprise with USCC %s", u->enterprise);
        if (rc)
            goto out;   /* a database fault stays one: 503/500, not "no such enterprise" */
    }
    int64_t now = c->now_ms;
    rc = db_run(d, err,
                "INSERT INTO users (name, role, posts, enterprise, password_hash, disabled, created_ms, updated_ms, "
                "display_name) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)",
                "tttttiit", u->name, role_name(u->role), posts, u->role == ROLE_ENTERPRISE ? u->enterprise : NULL, hash,
                now, now, u->display_name ? u->display_name : "");
    if (rc == HG_CONFLICT)
        rc = hg_fail(err, HG_CONFLICT, "conflict", "name", "a user named %s already exists", u->name);
    if (rc)
        goto out;
    if ((rc = db_int(d, id, err, "SELECT id FROM users WHERE name = ?", "t", u->name)))
        goto out;
    rc = user_get_json(d, u->name, &after, err);
out:
    rc = audit_commit(c, rc, "user.create", "user", u->name, NULL, after, err);
    json_decref(after);
    sodium_memzero(hash, sizeof hash);
    return rc;
}

/* Ends every session and token of user id (inside the caller's transaction). */
static hg_rc end_credentials(db *d, int64_t user_id, hg_err *err)
{
    hg_rc rc = db_run(d, err, "DELETE FROM sessions WHERE user_id = ?", "i", user_id);
    if (!rc)
        rc = db_run(d, err, "UPDATE api_tokens SET revoked_ms = ? WHERE user_id = ? AND revoked_ms IS NULL", "ii",
                    now_ms(), user_id);
    return rc;
}

/* One change of a user, audited as action with its before and after: a new password hash, a
 * new display name, or (both NULL) disabling it. */
static hg_rc user_change(const hg_ctx *c, const char *name, const char *action, const char *new_hash,
                         const char *display_name, hg_err *err)
{
    db *d = c->d;
    json_t *before = NULL, *after = NULL;
    int64_t id;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    if ((rc = db_int(d, &id, err, "SELECT id FROM users WHERE name = ?", "t", name))) {
        if (rc == HG_NOTFOUND)
            hg_fail(err, rc, "not_found", "name", "no user named %s", name);
        goto out;
    }
    if ((rc = user_get_json(d, name, &before, err)))
        goto out;
    if (display_name)   /* a name people read: sessions and tokens stay as they are */
        rc = db_run(d, err, "UPDATE users SET display_name = ?, updated_ms = ? WHERE id = ?", "tii", display_name,
                    c->now_ms, id);
    else if (new_hash)
        rc = db_run(d, err, "UPDATE users SET password_hash = ?, updated_ms = ? WHERE id = ?", "tii", new_hash,
                    now_ms(), id);
    else
        rc = db_run(d, err, "UPDATE users SET disabled = 1, updated_ms = ? WHERE id = ?", "ii", now_ms(), id);
    if (!rc && !display_name)
        rc = end_credentials(d, id, err);
    if (!rc)
        rc = user_get_json(d, name, &after, err);
out:
    rc = audit_commit(c, rc, action, "user", name, before, after, err);
    json_decref(before);
    json_decref(after);
    return rc;
}

hg_rc user_set_password(const hg_ctx *c, const char *name, const char *password, hg_err *err)
{
    db *d = c->d;
    char hash[crypto_pwhash_STRBYTES];
    int64_t machines = 0;
    hg_rc rc = db_int(d, &machines, err, "SELECT COUNT(*) FROM users WHERE name = ? AND role = 'system'", "t", name);
    if (!rc && machines)
        rc = hg_fail(err, HG_INVALID, "invalid", "password",
                     "a machine account has no password: it acts only through its bearer tokens");
    if (!rc)
        rc = password_check(password, err);
    if (!rc)
        rc = password_hash(password, hash, err);
    if (!rc)
        rc = user_change(c, name, "user.password", hash, NULL, err);
    sodium_memzero(hash, sizeof hash);
    return rc;
}

hg_rc user_disable(const hg_ctx *c, const char *name, hg_err *err)
{
    return user_change(c, name, "user.disable", NULL, NULL, err);
}

hg_rc user_set_display_name(const hg_ctx *c, const char *name, const char *display_name, hg_err *err)
{
    hg_rc rc = display_name_check(display_name, err);
    return rc ? rc : user_change(c, name, "user.update", NULL, display_name, err);
}

/* The names people are known by, for pages that show who did something: every officer,
 * administrator and machine account, and the enterprise users of `enterprise` (NULL: all of
 * them), so that an enterprise learns no other enterprise's accounts. */
static json_t *user_name_row_json(db_stmt *s)
{
    const char *display = db_col_text(s, 1);
    return json_pack("{s:s, s:s}", "name", db_col_text(s, 0), "display_name", display ? display : "");
}

hg_rc user_names_json(db *d, const char *enterprise, json_t **out, hg_err *err)
{
    json_t *items;
    const char *e = enterprise ? enterprise : "";
    hg_rc rc = db_rows_json(d, user_name_row_json, &items, err,
                            "SELECT name, display_name FROM users WHERE role <> 'enterprise' OR ? = '' OR enterprise = ? "
                            "ORDER BY name",
                            "tt", e, e);
    if (!rc && !(*out = json_pack("{s:o}", "items", items)))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    return rc;
}

/* ---- sessions ---- */

static void principal_from_row(db_stmt *s, int first, principal *p)
{
    /* columns from first: user id, name, role, posts, enterprise */
    memset(p, 0, sizeof *p);
    p->user_id = db_col_int(s, first);
    snprintf(p->name, sizeof p->name, "%s", db_col_text(s, first + 1));
    p->role = role_parse(db_col_text(s, first + 2));
    posts_parse_list(db_col_text(s, first + 3), &p->posts, NULL);
    const char *ent = db_col_text(s, first + 4);
    snprintf(p->enterprise, sizeof p->enterprise, "%s", ent ? ent : "");
}

hg_rc session_login(db *d, const char *name, const char *password, const char *addr, principal *p, char token_out[65],
                    hg_err *err)
{
    db_stmt *s;
    char hash[crypto_pwhash_STRBYTES] = "";
    int found = 0, disabled = 0;
    hg_rc rc;
    if ((rc = db_query(d, &s, err,
                       "SELECT id, name, role, posts, enterprise, password_hash, disabled FROM users WHERE name = ?",
                       "t", name)))
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        found = 1;
        principal_from_row(s, 0, p);
        snprintf(hash, sizeof hash, "%s", db_col_text(s, 5));
        disabled = (int)db_col_int(s, 6);
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_OK;
    }
    db_reset(s);
    if (rc)
        return rc;
    /* verify even for unknown names, so that timing does not reveal which names exist */
    static const char dummy[crypto_pwhash_STRBYTES] = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                "3m8K8wTkuXl1qOTr4cS4a3sMv1ZwTzZ2m9Q2i0xIeGQ";
    /* a machine account never signs in: its hash is MACHINE_NO_PASSWORD, which nothing
     * verifies against; the dummy is verified instead so that it answers in the same time */
    int machine = found && p->role == ROLE_SYSTEM, ok = 0;
    if ((rc = password_verify(found && !machine ? hash : dummy, password, &ok, err)))
        return rc;
    ok = ok && !machine;
    if (!found || disabled || !ok) {
        /* a name that is no user's may be a password typed into the wrong field: the history
         * of failures and the log keep only its first characters and length */
        char shown[64];
        if (found)
            snprintf(shown, sizeof shown, "%s", name);
        else
            log_typed_name(name, shown, sizeof shown);
        if (!db_begin(d, err)) {
            if (db_run(d, err, "INSERT INTO login_failures (name, addr, at_ms) VALUES (?, ?, ?)", "tti", shown, addr,
                       now_ms()) ||
                db_commit(d, err))
                db_rollback(d);
        }
        hg_err ignored;
        throttle_failed(d, name, addr, &ignored);   /* the failure is counted already */
        log_info("sign-in refused for %s%s from %s", found ? "" : "unknown name ", shown, addr);
        return hg_fail(err, HG_UNAUTH, "unauthenticated", "password", "wrong user name or password");
    }
    char token_hash[65], csrf[65];
    token_new(token_out, token_hash);
    token_new(csrf, NULL);
    if ((rc = db_begin(d, err)))
        return rc;
    int64_t now = now_ms();
    rc = db_run(d, err, "INSERT INTO sessions (token_hash, user_id, csrf, created_ms, last_ms) VALUES (?, ?, ?, ?, ?)",
                "titii", token_hash, p->user_id, csrf, now, now);
    /* a user holds at most SESSIONS_PER_USER sessions: signing in again ends the oldest */
    if (!rc)
        rc = db_run(d, err,
                    "DELETE FROM sessions WHERE user_id = ? AND id NOT IN "
                    "(SELECT id FROM sessions WHERE user_id = ? ORDER BY id DESC LIMIT " SESSIONS_PER_USER_SQL ")",
                    "ii", p->user_id, p->user_id);
    if (!rc && crypto_pwhash_str_needs_rehash(hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                              crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        char fresh[crypto_pwhash_STRBYTES];
        if (!(rc = password_hash(password, fresh, err)))
            rc = db_run(d, err, "UPDATE users SET password_hash = ? WHERE id = ?", "ti", fresh, p->user_id);
    }
    if (!rc)
        rc = db_int(d, &p->session_id, err, "SELECT id FROM sessions WHERE token_hash = ?", "t", token_hash);
    if (!rc)
        rc = db_commit(d, err);
    if (rc) {
        db_rollback(d);
        return rc;
    }
    snprintf(p->csrf, sizeof p->csrf, "%s", csrf);
    log_info("sign-in %s from %s", name, addr);
    return throttle_succeeded(d, name, addr, err);
}

hg_rc session_logout(db *d, int64_t session_id, hg_err *err)
{
    return db_run(d, err, "DELETE FROM sessions WHERE id = ?", "i", session_id);
}

hg_rc session_purge(db *d, int64_t now, int64_t *deleted, hg_err *err)
{
    hg_rc rc = db_run(d, err, "DELETE FROM sessions WHERE last_ms < ? OR created_ms < ?", "ii", now - idle_limit_ms,
                      now - absolute_limit_ms);
    if (!rc && deleted)
        *deleted = db_changes(d);
    return rc;
}

static int is_hex64(const char *t)
{
    if (strlen(t) != 64)
        return 0;
    for (const char *p = t; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return 0;
    return 1;
}

hg_rc session_authenticate(db *d, const char *session_token, principal *p, hg_err *err)
{
    if (!is_hex64(session_token))
        return hg_fail(err, HG_UNAUTH, "unauthenticated", NULL, "session expired or unknown; sign in again");
    char h[65];
    token_hash_of(session_token, h);
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT s.id, s.csrf, s.created_ms, s.last_ms, u.disabled, u.id, u.name, u.role, u.posts, "
                        "u.enterprise FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
                        "t", h);
    if (rc)
        return rc;
    int64_t now = now_ms(), sid = 0, created = 0, last = 0;
    int disabled = 1;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        sid = db_col_int(s, 0);
        created = db_col_int(s, 2);
        last = db_col_int(s, 3);
        disabled = (int)db_col_int(s, 4);
        principal_from_row(s, 5, p);
        p->session_id = sid;
        snprintf(p->csrf, sizeof p->csrf, "%s", db_col_text(s, 1));
        rc = HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_UNAUTH;
    }
    db_reset(s);
    if (rc == HG_OK && (disabled || now - last > idle_limit_ms || now - created > absolute_limit_ms)) {
        session_logout(d, sid, err);
        rc = HG_UNAUTH;
    }
    if (rc == HG_UNAUTH)
        return hg_fail(err, HG_UNAUTH, "unauthenticated", NULL, "session expired or unknown; sign in again");
    if (rc)
        return rc;
    /* sliding idle expiry, written at most once a minute to keep reads read-only */
    int64_t touch_every = idle_limit_ms / 2 < TOUCH_EVERY_MS ? idle_limit_ms / 2 : TOUCH_EVERY_MS;
    if (now - last > touch_every)
        db_run(d, err, "UPDATE sessions SET last_ms = ? WHERE id = ?", "ii", now, sid);
    return HG_OK;
}

/* ---- bearer tokens ---- */

hg_rc token_authenticate(db *d, const char *bearer, principal *p, hg_err *err)
{
    if (!is_hex64(bearer))
        return hg_fail(err, HG_UNAUTH, "unauthenticated", "Authorization", "unknown or revoked token");
    char h[65];
    token_hash_of(bearer, h);
    db_stmt *s;
    hg_rc rc = db_query(d, &s, err,
                        "SELECT t.id, t.scopes, t.revoked_ms, u.disabled, u.id, u.name, u.role, u.posts, u.enterprise "
                        "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
                        "t", h);
    if (rc)
        return rc;
    rc = db_step(s, err);
    if (rc == HG_ROW) {
        principal_from_row(s, 4, p);
        p->token_id = db_col_int(s, 0);
        snprintf(p->scopes, sizeof p->scopes, "%s", db_col_text(s, 1));
        rc = (!db_col_null(s, 2) || db_col_int(s, 3)) ? HG_UNAUTH : HG_OK;
    } else if (rc == HG_DONE) {
        rc = HG_UNAUTH;
    }
    db_reset(s);
    if (rc == HG_UNAUTH)
        return hg_fail(err, HG_UNAUTH, "unauthenticated", "Authorization", "unknown or revoked token");
    return rc;
}

hg_rc token_issue_allowed(const principal *by, const char *target, unsigned target_role, hg_err *err)
{
    if (!by)
        return HG_OK;
    if (by->token_id)
        return hg_fail(err, HG_FORBIDDEN, "forbidden", "user",
                       "tokens are created from a signed-in session, not with another token");
    if (strcmp(by->name, target) == 0)
        return target_role == ROLE_SYSTEM ? hg_fail(err, HG_FORBIDDEN, "forbidden", "user", "machines do not sign in")
                                          : HG_OK;
    if (by->role == ROLE_ADMIN && target_role == ROLE_SYSTEM)
        return HG_OK;
    return hg_fail(err, HG_FORBIDDEN, "forbidden", "user",
                   by->role == ROLE_ADMIN
                       ? N_("an administrator creates tokens for machine accounts only; a person creates their own")
                       : N_("you may create tokens only for yourself"));
}

/* Whether a user of role may hold scope item (n characters): a machine's scope only a system
 * account; any other one whose area has a route that role may call. "*" is the role's whole
 * reach, held by anyone. */
typedef struct scope_holder {
    unsigned role;
    char refused[64];
} scope_holder;

static int scope_machine(const char *item, size_t n)
{
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const char *const *s = (*m)->machine_scopes; s && *s; s++)
            if (strlen(*s) == n && strncmp(*s, item, n) == 0)
                return 1;
    return 0;
}

static int scope_refused(const char *item, size_t n, void *arg)
{
    scope_holder *h = arg;
    if (n == 1 && item[0] == '*')
        return 0;
    int ok = !scope_machine(item, n) || h->role == ROLE_SYSTEM;
    int reached = 0;
    for (const hg_module *const *m = hg_modules; ok && !reached && *m; m++)
        for (const route *r = (*m)->routes; r && r->method && !reached; r++)
            reached = r->scope && strlen(r->scope) == n && strncmp(r->scope, item, n) == 0 && (r->roles & h->role);
    if (ok && reached)
        return 0;
    snprintf(h->refused, sizeof h->refused, "%.*s", (int)(n < 63 ? n : 63), item);
    return 1;
}

hg_rc token_create(const hg_ctx *c, const char *name, const char *scopes, int64_t *id, char token_out[65], hg_err *err)
{
    db *d = c->d;
    hg_rc rc = scopes_validate(scopes, err);
    if (rc)
        return rc;
    char hash[65], oid[32] = "";
    int64_t uid, disabled;
    token_new(token_out, hash);
    if ((rc = db_begin(d, err)))
        return rc;
    rc = db_int(d, &uid, err, "SELECT id FROM users WHERE name = ?", "t", name);
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, rc, "not_found", "user", "no user named %s", name);
    if (!rc)
        rc = db_int(d, &disabled, err, "SELECT disabled FROM users WHERE id = ?", "i", uid);
    int64_t machine = 0;
    if (!rc)
        rc = db_int(d, &machine, err, "SELECT COUNT(*) FROM users WHERE id = ? AND role = 'system'", "i", uid);
    if (!rc)
        rc = token_issue_allowed(c->who, name, machine ? ROLE_SYSTEM : ROLE_OFFICER, err);
    /* the scopes the user's role may hold (a person never a machine's: lab, arrival, gate) */
    scope_holder h = {0, ""};
    db_stmt *s;
    if (!rc && !(rc = db_query(d, &s, err, "SELECT role FROM users WHERE id = ?", "i", uid))) {
        if ((rc = db_step(s, err)) == HG_ROW) {
            h.role = role_parse(db_col_text(s, 0));
            rc = HG_OK;
        }
        db_reset(s);
    }
    if (!rc && each_item(scopes, scope_refused, &h))
        rc = h.role == ROLE_SYSTEM
                 ? hg_fail(err, HG_FORBIDDEN, "scope_not_for_role", "scopes",
                           "a machine account cannot hold scope %s: none of its routes takes a machine", h.refused)
                 : hg_fail(err, HG_FORBIDDEN, "scope_not_for_role", "scopes",
                           "a %s account cannot hold scope %s: it is a machine's, or none of its routes takes the role",
                           role_name(h.role), h.refused);
    if (!rc && disabled)
        rc = hg_fail(err, HG_INVALID, "invalid", "user", "user %s is disabled", name);
    if (!rc)
        rc = db_run(d, err, "INSERT INTO api_tokens (token_hash, user_id, scopes, created_ms) VALUES (?, ?, ?, ?)",
                    "titi", hash, uid, scopes, c->now_ms);
    if (!rc)
        rc = db_int(d, id, err, "SELECT id FROM api_tokens WHERE token_hash = ?", "t", hash);
    json_t *after = rc ? NULL
                       : json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)*id, "user", name, "scopes", scopes,
                                   "created_by", c->who ? c->who->name : c->actor);
    if (!rc)
        snprintf(oid, sizeof oid, "%lld", (long long)*id);
    rc = audit_commit(c, rc, "token.create", "token", oid, NULL, after, err);
    json_decref(after);
    return rc;
}

hg_rc token_revoke(const hg_ctx *c, int64_t id, hg_err *err)
{
    db *d = c->d;
    const principal *by = c->who;
    hg_rc rc = db_begin(d, err);
    if (rc)
        return rc;
    int64_t revoked = 0, owner = 0;
    rc = db_int(d, &revoked, err, "SELECT COALESCE(revoked_ms, 0) FROM api_tokens WHERE id = ?", "i", id);
    if (!rc)
        rc = db_int(d, &owner, err, "SELECT user_id FROM api_tokens WHERE id = ?", "i", id);
    /* another's token is answered as none: ids are not to be probed */
    if (!rc && by && by->role != ROLE_ADMIN && owner != by->user_id)
        rc = HG_NOTFOUND;
    if (rc == HG_NOTFOUND)
        rc = hg_fail(err, rc, "not_found", "id", "no token %lld", (long long)id);
    if (rc || revoked) {
        /* revoking a revoked token changes nothing and writes no row */
        if (rc)
            db_rollback(d);
        else
            rc = db_commit(d, err);
        return rc;
    }
    rc = db_run(d, err, "UPDATE api_tokens SET revoked_ms = ? WHERE id = ?", "ii", c->now_ms, id);
        char oid[32];
        snprintf(oid, sizeof oid, "%lld", (long long)id);
        json_t *after = json_pack("{s:b}", "revoked", 1);
    rc = audit_commit(c, rc, "token.revoke", "token", oid, NULL, after, err);
        json_decref(after);
    return rc;
}

json_t *principal_json(const principal *p)
{
    json_t *posts = json_array();
    for (unsigned i = 0; i < 32; i++)
        if ((p->posts & (1u << i)) && post_name(1u << i))
            json_array_append_new(posts, json_string(post_name(1u << i)));
    return json_pack("{s:I, s:s, s:s, s:o, s:s*}", "id", (json_int_t)p->user_id, "name", p->name, "role",
                     role_name(p->role), "posts", posts, "enterprise", p->enterprise[0] ? p->enterprise : NULL);
}
