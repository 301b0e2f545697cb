/* rc.h — the one result type of haiguan and the error struct that travels with it.
 *
 * Every fallible function returns an hg_rc and, on failure, fills an hg_err with a
 * code, a message for humans and (for input errors) the offending field. One table
 * (rc.c) maps codes to HTTP statuses and to the stable strings of the JSON error shape.
 *
 * A sequence of calls that stops at the first failure keeps that failure's own code:
 *     if ((rc = a()) || (rc = b())) goto out;      or      (void)((rc = a()) || (rc = b()));
 * never `rc = a() || b();`, whose value is 1 (HG_INVALID) whatever failed — a lost HG_NOMEM
 * or HG_UNAVAILABLE would answer 400 for a server fault. scripts/lint.sh refuses that form. */
#ifndef HG_RC_H
#define HG_RC_H

typedef enum hg_rc {
    HG_OK = 0,
    HG_INVALID,      /* input broke a rule: 400/422 */
    HG_NOTFOUND,     /* no such object, or not yours: 404 */
    HG_FORBIDDEN,    /* authenticated but not allowed: 403 */
    HG_UNAUTH,       /* not authenticated: 401 */
    HG_CONFLICT,     /* unique key taken, or state forbids it: 409 */
    HG_TOOMANY,      /* rate limited: 429 */
    HG_TOOBIG,       /* body too large: 413 */
    HG_MEDIATYPE,    /* not JSON: 415 */
    HG_METHOD,       /* method not allowed on this path: 405 */
    HG_DB,           /* storage failed: 500 */
    HG_UNAVAILABLE,  /* database unreachable: 503 */
    HG_IO,           /* file or socket I/O failed */
    HG_NOMEM,        /* allocation failed */
    HG_INTERNAL,     /* a bug */
    HG_ROW,          /* db_step: a row is ready (not an error) */
    HG_DONE          /* db_step: no more rows (not an error) */
} hg_rc;

typedef struct hg_err {
    hg_rc rc;
    char code[48];       /* stable machine string, e.g. "invalid", "not_found", "unknown_field" */
    char field[64];      /* offending field ("items[2].hs_code"), or "" */
    char message[256];   /* for humans, in English; never SQL text or paths */
    char message_zh[384]; /* the same in Chinese (i18n.h), or "" when the catalogue has none */
} hg_err;

/* Fills err (if non-NULL) and returns rc. The code string defaults to rc's name
 * when code is NULL. The message is printf-formatted and truncated to fit (on a UTF-8
 * boundary); fmt is also looked up in the Chinese catalogue (i18n.h) and, when found, its
 * translation is formatted with the same arguments into message_zh. */
hg_rc hg_fail(hg_err *err, hg_rc rc, const char *code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Clears err to "no error". */
void hg_err_clear(hg_err *err);

/* HTTP status for a result code (HG_OK -> 200). */
int hg_rc_http_status(hg_rc rc);
/* A sentence for a failure that set no message of its own (a handler that returned an hg_rc
 * without hg_fail): catalogued, so that it is translated like any message. Static string. */
const char *hg_rc_message(hg_rc rc);
/* Stable lower-case name for a result code ("invalid", "not_found", ...). Static string. */
const char *hg_rc_name(hg_rc rc);

#endif
