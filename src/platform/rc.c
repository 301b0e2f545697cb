/* rc.c — result codes: their names, their HTTP statuses and the error constructor. */
#include "rc.h"

#include "i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct {
    hg_rc rc;
    int status;
    const char *name;
} rc_table[] = {
    {HG_OK, 200, "ok"},
    {HG_INVALID, 400, "invalid"},
    {HG_NOTFOUND, 404, "not_found"},
    {HG_FORBIDDEN, 403, "forbidden"},
    {HG_UNAUTH, 401, "unauthenticated"},
    {HG_CONFLICT, 409, "conflict"},
    {HG_TOOMANY, 429, "too_many_requests"},
    {HG_TOOBIG, 413, "too_large"},
    {HG_MEDIATYPE, 415, "unsupported_media_type"},
    {HG_METHOD, 405, "method_not_allowed"},
    {HG_DB, 500, "storage_error"},
    {HG_UNAVAILABLE, 503, "unavailable"},
    {HG_IO, 500, "io_error"},
    {HG_NOMEM, 503, "out_of_memory"},
    {HG_INTERNAL, 500, "internal"},
    {HG_ROW, 200, "row"},
    {HG_DONE, 200, "done"},
};

static size_t rc_index(hg_rc rc)
{
    for (size_t i = 0; i < sizeof rc_table / sizeof rc_table[0]; i++)
        if (rc_table[i].rc == rc)
            return i;
    return 14; /* HG_INTERNAL */
}

int hg_rc_http_status(hg_rc rc) { return rc_table[rc_index(rc)].status; }

const char *hg_rc_message(hg_rc rc)
{
    switch (rc) {
    case HG_INVALID: return N_("the request is not valid");
    case HG_NOTFOUND: return N_("no such resource");
    case HG_FORBIDDEN: return N_("your role or post may not do this");
    case HG_UNAUTH: return N_("sign in or present a bearer token");
    case HG_CONFLICT: return N_("the request conflicts with the current state of the record");
    case HG_TOOMANY: return N_("too many requests; try again shortly");
    case HG_TOOBIG: return N_("the request body is too large");
    case HG_MEDIATYPE: return N_("the request body must be JSON");
    case HG_METHOD: return N_("this method is not allowed here");
    case HG_UNAVAILABLE:
    case HG_NOMEM: return N_("the server is busy; try again shortly");
    default: return N_("internal error");
    }
}
const char *hg_rc_name(hg_rc rc) { return rc_table[rc_index(rc)].name; }

void hg_err_clear(hg_err *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

hg_rc hg_fail(hg_err *err, hg_rc rc, const char *code, const char *field, const char *fmt, ...)
{
    if (!err)
        return rc;
    err->rc = rc;
    snprintf(err->code, sizeof err->code, "%s", code ? code : hg_rc_name(rc));
    snprintf(err->field, sizeof err->field, "%s", field ? field : "");
    va_list ap, zh;
    va_start(ap, fmt);
    va_copy(zh, ap);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    i18n_trim_utf8(err->message);
    /* translated before formatting: the Chinese format takes the same arguments */
    i18n_format_zh(err->message_zh, sizeof err->message_zh, fmt, zh, err->message);
    va_end(zh);
    va_end(ap);
    return rc;
}
