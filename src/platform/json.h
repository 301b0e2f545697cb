/* json.h — small helpers over jansson shared by every handler: bounded parsing of request
 * bodies and the error shape of DESIGN.md §4. */
#ifndef HG_JSON_H
#define HG_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "rc.h"

#define JSON_MAX_DEPTH 32

/* Parses a request body that must be one JSON object, nested at most JSON_MAX_DEPTH deep,
 * without duplicate keys. *out is owned by the caller. HG_INVALID naming the problem
 * (code "malformed_json") otherwise. */
hg_rc json_parse_body(const char *s, size_t n, json_t **out, hg_err *err);

/* A page of a list, {"items": items, "next_cursor": next_cursor}, taking both (also on
 * failure: HG_NOMEM). */
hg_rc json_page(json_t *items, json_t *next_cursor, json_t **out, hg_err *err);
/* The page of a list read with LIMIT limit + 1, taking items: a row beyond limit only says
 * there is more, and the next cursor is the member key of the last row kept. */
hg_rc json_page_of(json_t *items, int limit, const char *key, json_t **out, hg_err *err);

/* {"error":{"code","message","field","request_id"}}, the message given (the language the client
 * chose: err->message or err->message_zh), or err->message when NULL; caller owns it. */
json_t *json_error_body(const hg_err *err, const char *message, const char *request_id);

/* Rejects any key of obj not in the NULL-terminated list allowed (code "unknown_field"). */
hg_rc json_reject_unknown(const json_t *obj, const char *const *allowed, hg_err *err);

/* Reads a required/optional string member; HG_INVALID naming the field when absent
 * (required) or not a string. *out is borrowed from obj. */
hg_rc json_get_str(const json_t *obj, const char *key, int required, const char **out, hg_err *err);

#endif
