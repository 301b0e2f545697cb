/* auth.h — users, roles and posts, passwords, sessions, bearer tokens, sign-in throttling.
 *
 * A principal is who a request or command acts as. Roles: admin, officer, enterprise,
 * system (machines). Officers carry posts, which the modules declare (module.h); `manager`
 * reads every area and changes nothing. A user whose role is enterprise is bound to an
 * enterprise that the module keeping the registry knows (hg_module.enterprise_find).
 * Sessions and tokens are random 256-bit values of which only the SHA-256 is stored. */
#ifndef HG_AUTH_H
#define HG_AUTH_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "ctx.h"
#include "db.h"
#include "rc.h"

enum {
    ROLE_ADMIN = 1u << 0,
    ROLE_OFFICER = 1u << 1,
    ROLE_ENTERPRISE = 1u << 2,
    ROLE_SYSTEM = 1u << 3,
};
#define ROLE_ANY (ROLE_ADMIN | ROLE_OFFICER | ROLE_ENTERPRISE | ROLE_SYSTEM)

/* Officer posts: each module declares its own (module.h, HG_POST); hg_posts.h, generated
 * from those declarations, defines POST_NAME as the post's bit. POST_MANAGER, declared by
 * the platform, reads every area and changes nothing (router.c). */
#include "hg_posts.h"

typedef struct principal {
    int64_t user_id;
    char name[64];
    unsigned role;            /* one ROLE_* bit */
    unsigned posts;           /* POST_* bits (officers) */
    char enterprise[32];      /* USCC of an enterprise user's enterprise, else "" */
    int64_t session_id;       /* > 0 when authenticated by cookie */
    int64_t token_id;         /* > 0 when authenticated by bearer token */
    char scopes[256];         /* token scopes, comma-separated, "*" for all; "" for sessions */
    char csrf[72];            /* the session's CSRF token */
} principal;

/* Names <-> bits. role_parse/post_parse return 0 for an unknown name. */
unsigned role_parse(const char *name);
const char *role_name(unsigned role);
unsigned post_parse(const char *name);
/* Comma-separated names of the bits into out. */
void posts_format(unsigned posts, char *out, size_t outlen);
/* Parses "a,b,c" into bits; HG_INVALID naming the bad post otherwise. */
hg_rc posts_parse_list(const char *list, unsigned *out, hg_err *err);
/* 1 when scope (an area name) is allowed by the comma-separated list (or "*"). */
int scope_allows(const char *scopes, const char *scope);
/* Validates a comma-separated scope list against the scopes the modules declare. */
hg_rc scopes_validate(const char *scopes, hg_err *err);
/* The names of every declared post (in bit order) or scope (in module order), ", "-separated,
 * into out (truncated to fit), for messages and help. */
void posts_names(char *out, size_t outlen);
void scopes_names(char *out, size_t outlen);

/* Password rules (SECURITY.md §1): 12-128 characters. */
hg_rc password_check(const char *pw, hg_err *err);
/* argon2id hash into out (crypto_pwhash_STRBYTES). */
hg_rc password_hash(const char *pw, char *out, hg_err *err);

/* Creates a user in the caller's transaction; returns the new id in *id. */
typedef struct user_spec {
    const char *name;
    unsigned role;
    unsigned posts;
    const char *enterprise;   /* USCC or NULL */
    const char *password;     /* NULL for machine accounts (ROLE_SYSTEM): they have none */
    const char *display_name; /* the name people know the user by (王立新), or NULL: none */
} user_spec;

/* A display name: at most DISPLAY_NAME_MAX characters, no control characters; "" clears it. */
#define DISPLAY_NAME_MAX 64
hg_rc display_name_check(const char *v, hg_err *err);

/* What machine accounts store in place of a password hash: no password verifies against it,
 * so a machine acts only through its bearer tokens, whose scopes bound what it may do. */
#define MACHINE_NO_PASSWORD "!machine"
/* Writes below run on c->d in their own transaction together with their audit row
 * (audit_commit), which names c's actor (a user name or "cli:<os user>"), its request id and
 * the credential c->who acted with. */
hg_rc user_create(const hg_ctx *c, const user_spec *u, int64_t *id, hg_err *err);
/* *yes 1 when name is an officer's user who is not disabled (an enterprise's coordinator
 * must be), else 0. */
hg_rc user_is_active_officer(db *d, const char *name, int *yes, hg_err *err);
/* JSON object of a user (never the hash); caller owns it. NOTFOUND when absent. */
hg_rc user_get_json(db *d, const char *name, json_t **out, hg_err *err);
hg_rc user_list_json(db *d, json_t **out, hg_err *err);
/* Both end every session and revoke every token of the user at once. */
hg_rc user_set_password(const hg_ctx *c, const char *name, const char *password, hg_err *err);
hg_rc user_disable(const hg_ctx *c, const char *name, hg_err *err);
/* Sets a user's display name ("" clears it), audited as user.update; sessions stay. */
hg_rc user_set_display_name(const hg_ctx *c, const char *name, const char *display_name, hg_err *err);
/* {"items": [{"name", "display_name"}]}: every user but the enterprise users of enterprises
 * other than `enterprise` (NULL: every user). */
hg_rc user_names_json(db *d, const char *enterprise, json_t **out, hg_err *err);

/* Signs in with name and password from address addr (throttled before, signin_throttle.h).
 * On success fills *p, writes the fresh session token (64 hex chars + NUL) into token_out,
 * takes the attempt off the throttle's counts and returns HG_OK; the user's oldest sessions
 * past ten end. HG_UNAUTH for a wrong name or password (the same answer for both, in the
 * same time), HG_TOOMANY when the password pool is full. */
hg_rc session_login(db *d, const char *name, const char *password, const char *addr, principal *p, char token_out[65],
                    hg_err *err);
hg_rc session_logout(db *d, int64_t session_id, hg_err *err);
/* Deletes the sessions past their idle or absolute expiry at now (a periodic job: an expired
 * session is refused when used, this removes the ones nobody uses again); *deleted (if
 * non-NULL) receives how many. Errors: db errors. */
hg_rc session_purge(db *d, int64_t now_ms, int64_t *deleted, hg_err *err);
/* Authenticates a session cookie value or a bearer token (HG_UNAUTH when unknown,
 * expired, revoked or the user is disabled). */
hg_rc session_authenticate(db *d, const char *session_token, principal *p, hg_err *err);
hg_rc token_authenticate(db *d, const char *bearer, principal *p, hg_err *err);
/* Who may be given a token by whom (pure): a person's token is created by that person from a
 * signed-in session, never by an administrator (who could then act as them); a machine
 * account's by an administrator. by is NULL for the command line, whose operator holds the
 * database itself and may create any; every token creation is audited with its creator.
 * HG_OK, or HG_FORBIDDEN with the rule in err. */
hg_rc token_issue_allowed(const principal *by, const char *target, unsigned target_role, hg_err *err);
/* Creates a bearer token for user name with scopes, created by c->who (NULL: the command line,
 * c->actor names the operator); token_out receives it once. */
hg_rc token_create(const hg_ctx *c, const char *name, const char *scopes, int64_t *id, char token_out[65], hg_err *err);
/* Revokes token id: an administrator any, a user their own (c->who NULL: the command line). */
hg_rc token_revoke(const hg_ctx *c, int64_t id, hg_err *err);

/* JSON view of a principal for GET /me. Caller owns it. */
json_t *principal_json(const principal *p);

/* Session lifetimes in ms (defaults: idle 30 min, absolute 12 h). */
void auth_set_lifetimes(int64_t idle_ms, int64_t absolute_ms);

extern const struct migration auth_migrations[];

#endif
