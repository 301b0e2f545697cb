/* announced_module.c — the posts and token scopes of areas announced but not built yet
 * (bonded supervision, anti-smuggling, cross-border e-commerce, cases).
 * Users and tokens that name them were accepted before the areas registered their own, so
 * they stay accepted; each moves to its area's module record when that area is built, and
 * this module goes when the last one has. It has no routes, tables or code. */
#include "../platform/module.h"

static const hg_post announced_posts[] = {
    HG_POST(6, bonded, "保税"),
    HG_POST(9, antismuggling, "缉私"),
    {0},
};

static const hg_scope announced_scopes[] = {
    {"bonded", "bonded supervision (announced)"},
    {"ecommerce", "cross-border e-commerce (announced)"},
    {"cases", "anti-smuggling cases (announced)"},
    {NULL, NULL},
};

const hg_module announced_module = {.name = "announced",
                                    .summary = "posts and scopes of areas announced but not built yet",
                                    .posts = announced_posts,
                                    .scopes = announced_scopes};
