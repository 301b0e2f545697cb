/* module.c — the tables the platform combines from the module records: migration sets,
 * route tables, contributions to extension points, and who owns a post or a scope. The
 * list itself (hg_modules) is generated (modules.c); this file knows no module by name. */
#include "module.h"

#include "record.h"

#include <stddef.h>
#include <string.h>

#define MAX_MODULES 32

const migration *const *modules_migrations(void)
{
    static const migration *sets[MAX_MODULES + 1];
    int n = 0;
    for (const hg_module *const *m = hg_modules; *m && n < MAX_MODULES; m++)
        if ((*m)->migrations)
            sets[n++] = (*m)->migrations;
    sets[n] = NULL;
    return sets;
}

const route *const *modules_routes(void)
{
    static const route *tables[MAX_MODULES + 1];
    int n = 0;
    for (const hg_module *const *m = hg_modules; *m && n < MAX_MODULES; m++)
        if ((*m)->routes)
            tables[n++] = (*m)->routes;
    tables[n] = NULL;
    return tables;
}

/* The cursor counts contributions seen so far over all modules: no state outside it, so
 * that threads may walk a point at once. */
const void *modules_extension_next(const char *point, size_t *cursor)
{
    size_t seen = 0;
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const hg_extension *e = (*m)->extends; e && e->point; e++)
            if (strcmp(e->point, point) == 0 && seen++ == *cursor) {
                (*cursor)++;
                return e->row;
            }
    return NULL;
}

const hg_module *modules_post_owner(unsigned bit)
{
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const hg_post *p = (*m)->posts; p && p->name; p++)
            if (p->bit == bit)
                return *m;
    return NULL;
}

const hg_module *modules_route_owner(const route *rt)
{
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const route *r = (*m)->routes; r && r->method; r++)
            if (r == rt)
                return *m;
    return NULL;
}

const hg_module *modules_scope_owner(const char *name)
{
    for (const hg_module *const *m = hg_modules; *m; m++)
        for (const hg_scope *s = (*m)->scopes; s && s->name; s++)
            if (strcmp(s->name, name) == 0)
                return *m;
    return NULL;
}

static const char *label_in(const record_type *t, const char *name, int depth)
{
    for (const field *f = t && depth < 4 ? t->fields : NULL; f && f->name; f++) {
        if (f->label_zh && *f->label_zh && (strcmp(f->name, name) == 0 || (f->column && strcmp(f->column, name) == 0)))
            return f->label_zh;
        const char *c = f->child ? label_in(f->child, name, depth + 1) : NULL;
        if (c)
            return c;
    }
    return NULL;
}

const char *modules_field_label_zh(const char *name)
{
    /* a name that tables label differently (name: 企业名称, 姓名, ...) has no one label: the
     * catalogue's generic word for it (words.c) is used instead */
    const char *found = NULL;
    for (const hg_module *const *m = hg_modules; name && *m; m++)
        for (const struct record_type *const *t = (*m)->records; t && *t; t++) {
            const char *l = label_in(*t, name, 0);
            if (l && found && strcmp(l, found) != 0)
                return NULL;
            if (l)
                found = l;
        }
    return found;
}
