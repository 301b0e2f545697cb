/* router.c — matching a method and path against the route tables, and the access policy
 * of a route (deny by default: SECURITY.md §6). Pure functions; no I/O. */
#include <string.h>

#include "http.h"

/* Matches one pattern segment by segment; {name} matches one non-empty segment, or, when a
 * literal follows it in the same segment ("{no}.pdf"), the segment's part before that literal. */
static int pattern_match(const char *pat, const char *path, const char *params[REQ_MAX_PARAMS], char **scratch,
                         size_t *left)
{
    int np = 0;
    while (*pat && *path) {
        if (*pat == '{') {
            const char *end = strchr(pat, '}');
            size_t n = strcspn(path, "/");
            size_t tail = end ? strcspn(end + 1, "/") : 0;
            if (end && tail) {
                if (n <= tail || strncmp(path + n - tail, end + 1, tail) != 0)
                    return 0;
                n -= tail;
            }
            if (!end || n == 0 || np >= REQ_MAX_PARAMS || n + 1 > *left)
                return 0;
            memcpy(*scratch, path, n);
            (*scratch)[n] = '\0';
            params[np++] = *scratch;
            *scratch += n + 1;
            *left -= n + 1;
            pat = end + 1;
            path += n;
        } else if (*pat++ != *path++) {
            return 0;
        }
    }
    return *pat == '\0' && *path == '\0';
}

const route *router_match(const route *const *tables, const char *method, const char *path,
                          const char *params[REQ_MAX_PARAMS], char *scratch, size_t scratch_len,
                          int *method_mismatch)
{
    *method_mismatch = 0;
    for (const route *const *t = tables; *t; t++) {
        for (const route *rt = *t; rt->method; rt++) {
            if (rt->flags & ROUTE_FALLBACK)
                continue;
            char *s = scratch;
            size_t left = scratch_len;
            const char *p[REQ_MAX_PARAMS] = {0};
            if (!pattern_match(rt->pattern, path, p, &s, &left))
                continue;
            if (strcmp(rt->method, method) != 0) {
                *method_mismatch = 1;
                continue;
            }
            memcpy(params, p, sizeof p);
            return rt;
        }
    }
    return NULL;
}

const route *router_fallback(const route *const *tables, const char *method, const char *path, const char *accept)
{
    if (strcmp(method, "GET") != 0 || strncmp(path, "/api/", 5) == 0 || !accept || !strstr(accept, "text/html"))
        return NULL;
    for (const route *const *t = tables; *t; t++)
        for (const route *rt = *t; rt->method; rt++)
            if ((rt->flags & ROUTE_FALLBACK) && strcmp(rt->method, method) == 0)
                return rt;
    return NULL;
}

static int is_read(const char *method) { return strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0; }

hg_rc route_auth_outcome(const route *rt, hg_rc auth_rc)
{
    if (auth_rc == HG_UNAUTH && (rt->flags & ROUTE_PUBLIC))
        return HG_OK;
    return auth_rc;
}

hg_rc route_allows(const route *rt, const principal *p)
{
    if (rt->flags & ROUTE_PUBLIC)
        return HG_OK;
    if (!p)
        return HG_UNAUTH;
    if (p->token_id && rt->scope && !scope_allows(p->scopes, rt->scope))
        return HG_FORBIDDEN;
    if (p->token_id && !rt->scope && strcmp(p->scopes, "*") != 0 && !(rt->flags & ROUTE_ANY_SCOPE))
        return HG_FORBIDDEN;   /* platform routes without an area need a "*" token */
    if (!(rt->roles & p->role))
        return HG_FORBIDDEN;
    if (p->role != ROLE_OFFICER || rt->posts == 0)
        return HG_OK;
    if (p->posts & rt->posts)
        return HG_OK;
    /* a manager reads every area that officers may read, and changes nothing */
    if ((p->posts & POST_MANAGER) && is_read(rt->method))
        return HG_OK;
    return HG_FORBIDDEN;
}
