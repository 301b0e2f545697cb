/* json.c — request body parsing with a depth bound, and the JSON error shape. */
#include "json.h"

#include <string.h>

#include "json_fast.h"

/* jansson's own nesting limit is a compile-time 2048; a customs body never needs more
 * than a few levels, so refuse deep nesting before parsing (cheap, allocation-free). */
static int depth_ok(const char *s, size_t n)
{
    int depth = 0, in_str = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = 0;
        } else if (c == '"') {
            in_str = 1;
        } else if (c == '{' || c == '[') {
            if (++depth > JSON_MAX_DEPTH)
                return 0;
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    return 1;
}

hg_rc json_parse_body(const char *s, size_t n, json_t **out, hg_err *err)
{
    *out = NULL;
    if (n == 0)
        return hg_fail(err, HG_INVALID, "malformed_json", "", "the request body is empty; a JSON object is expected");
    if (!depth_ok(s, n))
        return hg_fail(err, HG_INVALID, "malformed_json", "", "JSON nested deeper than %d levels", JSON_MAX_DEPTH);
    json_error_t je;
    json_t *j = json_fast_loadb(s, n);   /* the usual body, quickly; anything else as before */
    if (!j)
        j = json_loadb(s, n, JSON_REJECT_DUPLICATES, &je);
    if (!j)
        /* TRANSLATORS: 1: line; 2: column; 3: text */
        return hg_fail(err, HG_INVALID, "malformed_json", "", "malformed JSON at line %d column %d: %s", je.line,
                       je.column, je.text);
    if (!json_is_object(j)) {
        json_decref(j);
        return hg_fail(err, HG_INVALID, "malformed_json", "", "the request body must be a JSON object");
    }
    *out = j;
    return HG_OK;
}

hg_rc json_page(json_t *items, json_t *next_cursor, json_t **out, hg_err *err)
{
    *out = items && next_cursor ? json_pack("{s:o, s:o}", "items", items, "next_cursor", next_cursor) : NULL;
    if (*out)
        return HG_OK;
    if (!items || !next_cursor) {   /* json_pack takes what it was given only when it succeeds */
        json_decref(items);
        json_decref(next_cursor);
    }
    return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}

hg_rc json_page_of(json_t *items, int limit, const char *key, json_t **out, hg_err *err)
{
    json_t *next = NULL;
    if (items && limit > 0 && json_array_size(items) > (size_t)limit) {
        while (json_array_size(items) > (size_t)limit)
            json_array_remove(items, json_array_size(items) - 1);
        next = json_incref(json_object_get(json_array_get(items, (size_t)limit - 1), key));
    }
    return json_page(items, next ? next : json_null(), out, err);
}

json_t *json_error_body(const hg_err *err, const char *message, const char *request_id)
{
    json_t *e = json_pack("{s:s, s:s, s:s*, s:s}", "code", err->code[0] ? err->code : hg_rc_name(err->rc),
                          "message", message ? message : err->message, "field", err->field[0] ? err->field : NULL, "request_id",
                          request_id ? request_id : "");
    return e ? json_pack("{s:o}", "error", e) : NULL;
}

hg_rc json_reject_unknown(const json_t *obj, const char *const *allowed, hg_err *err)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v)
    {
        (void)v;
        int ok = 0;
        for (const char *const *a = allowed; *a && !ok; a++)
            ok = strcmp(*a, key) == 0;
        if (!ok)
            return hg_fail(err, HG_INVALID, "unknown_field", key, "unknown field \"%s\"", key);
    }
    return HG_OK;
}

hg_rc json_get_str(const json_t *obj, const char *key, int required, const char **out, hg_err *err)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v)) {
        if (required)
            return hg_fail(err, HG_INVALID, "required", key, "%s is required", key);
        return HG_OK;
    }
    if (!json_is_string(v))
        return hg_fail(err, HG_INVALID, "wrong_type", key, "%s must be a string", key);
    *out = json_string_value(v);
    return HG_OK;
}
