/* selfcheck.c — the module records' self-check (selfcheck.h) and `haiguan selfcheck`. Each
 * check walks the records it is given and names what is wrong; it changes nothing. */
#include "selfcheck.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "record.h"

static void problem(selfcheck_report report, void *arg, const char *module, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void problem(selfcheck_report report, void *arg, const char *module, const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    report(arg, module, text);
}

static int is_legacy(const hg_module *m, int version)
{
    for (const int *v = m->migrations_legacy; v && *v; v++)
        if (*v == version)
            return 1;
    return 0;
}

int selfcheck_migrations(const hg_module *const *mods, selfcheck_report report, void *arg)
{
    int n = 0;
    for (const hg_module *const *a = mods; *a; a++) {
        const hg_module *m = *a;
        int ranged = m->migrations_first || m->migrations_last;
        if (m->migrations && !ranged)
            n++, problem(report, arg, m->name, "has migrations but declares no range");
        if (ranged && m->migrations_first > m->migrations_last)
            n++, problem(report, arg, m->name, "range %d-%d is empty", m->migrations_first, m->migrations_last);
        for (const migration *g = m->migrations; g && g->version; g++) {
            int inside = g->version >= m->migrations_first && g->version <= m->migrations_last;
            if (!inside && !is_legacy(m, g->version))
                n++, problem(report, arg, m->name, "migration %d is outside its range %d-%d", g->version,
                             m->migrations_first, m->migrations_last);
            for (const hg_module *const *b = mods; *b; b++)
                for (const migration *h = (*b)->migrations; h && h->version && (b != a || h != g); h++)
                    if (h->version == g->version && (b < a || (b == a && h < g)))
                        n++, problem(report, arg, m->name, "migration %d is also %s's", g->version, (*b)->name);
        }
        for (const hg_module *const *b = a + 1; *b && ranged; b++) {
            const hg_module *o = *b;
            if ((o->migrations_first || o->migrations_last) && m->migrations_first <= o->migrations_last &&
                o->migrations_first <= m->migrations_last)
                n++, problem(report, arg, m->name, "range %d-%d overlaps %s's %d-%d", m->migrations_first,
                             m->migrations_last, o->name, o->migrations_first, o->migrations_last);
        }
        /* a legacy version lies in another module's range: that module must not use it */
        for (const int *v = m->migrations_legacy; v && *v; v++) {
            int declared = 0;
            for (const migration *g = m->migrations; g && g->version; g++)
                declared |= g->version == *v;
            if (!declared)
                n++, problem(report, arg, m->name, "legacy migration %d is not one of its migrations", *v);
        }
    }
    return n;
}

/* Two patterns are one route when they differ only in the names of their {placeholders}. */
static int same_pattern(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a == '{' && *b == '{') {
            a = strchr(a, '}');
            b = strchr(b, '}');
            if (!a || !b)
                return 0;
        } else if (*a != *b) {
            return 0;
        }
        a++, b++;
    }
    return *a == *b;
}

static int post_registered(const hg_module *const *mods, unsigned bit)
{
    for (const hg_module *const *m = mods; *m; m++)
        for (const hg_post *p = (*m)->posts; p && p->name; p++)
            if (p->bit == bit)
                return 1;
    return 0;
}

static int scope_registered(const hg_module *const *mods, const char *name)
{
    for (const hg_module *const *m = mods; *m; m++)
        for (const hg_scope *s = (*m)->scopes; s && s->name; s++)
            if (strcmp(s->name, name) == 0)
                return 1;
    return 0;
}

/* What a route declares about itself (http.h) must be possible: a success status, a body
 * only on a method that has one (the fallback page answers 404), a prepare step only for a write in the group commit, query
 * parameters named once each, the replica only for reads, and a summary. */
static int route_declaration(const hg_module *m, const route *r, selfcheck_report report, void *arg)
{
    int n = 0, write = strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0;
    if (r->status && (r->status < 200 || r->status > 299) && !((r->flags & ROUTE_FALLBACK) && r->status == 404))
        n++, problem(report, arg, m->name, "route %s %s: success status %d is not 2xx", r->method, r->pattern,
                     r->status);
    if (r->body && (!write || strcmp(r->method, "DELETE") == 0))
        n++, problem(report, arg, m->name, "route %s %s: a body record on a method without a body", r->method,
                     r->pattern);
    if (r->prepare && (!write || (r->flags & ROUTE_DIRECT)))
        n++, problem(report, arg, m->name, "route %s %s: a prepare step, but it is not a group-commit write", r->method,
                     r->pattern);
    if ((r->flags & ROUTE_URGENT) && (!write || (r->flags & ROUTE_DIRECT)))
        n++, problem(report, arg, m->name, "route %s %s: urgent, but it is not a group-commit write", r->method,
                     r->pattern);
    if ((r->flags & ROUTE_REPLICA) && write)
        n++, problem(report, arg, m->name, "route %s %s: only a read may be answered from the replica", r->method,
                     r->pattern);
    if (!r->summary || !*r->summary)
        n++, problem(report, arg, m->name, "route %s %s has no summary", r->method, r->pattern);
    for (const char *q = r->query; q && *q;) {
        const char *e = strchr(q, ',');
        size_t len = e ? (size_t)(e - q) : strlen(q);
        const char *next = e ? e + 1 : q + len;
        for (const char *o = next; *o;) {
            const char *oe = strchr(o, ',');
            size_t olen = oe ? (size_t)(oe - o) : strlen(o);
            if (olen == len && memcmp(o, q, len) == 0)
                n++, problem(report, arg, m->name, "route %s %s: query parameter %.*s declared twice", r->method,
                             r->pattern, (int)len, q);
            o = oe ? oe + 1 : o + olen;
        }
        if (len == 0)
            n++, problem(report, arg, m->name, "route %s %s: an empty query parameter name", r->method, r->pattern);
        q = next;
    }
    return n;
}

int selfcheck_routes(const hg_module *const *mods, selfcheck_report report, void *arg)
{
    int n = 0;
    for (const hg_module *const *a = mods; *a; a++)
        for (const route *r = (*a)->routes; r && r->method; r++) {
            for (const hg_module *const *b = mods; b <= a; b++)
                for (const route *o = (*b)->routes; o && o->method && (b < a || o < r); o++)
                    if (strcmp(o->method, r->method) == 0 && same_pattern(o->pattern, r->pattern))
                        n++, problem(report, arg, (*a)->name, "route %s %s is also %s's (%s)", r->method, r->pattern,
                                     (*b)->name, o->pattern);
            if (r->scope && !scope_registered(mods, r->scope))
                n++, problem(report, arg, (*a)->name, "route %s %s: scope \"%s\" is not registered", r->method,
                             r->pattern, r->scope);
            for (unsigned i = 0; i < 32; i++)
                if ((r->posts & (1u << i)) && !post_registered(mods, 1u << i))
                    n++, problem(report, arg, (*a)->name, "route %s %s: post bit %u is not registered", r->method,
                                 r->pattern, i);
            n += route_declaration(*a, r, report, arg);
        }
    return n;
}

int selfcheck_registry(const hg_module *const *mods, selfcheck_report report, void *arg)
{
    int n = 0;
    for (const hg_module *const *a = mods; *a; a++) {
        for (const hg_post *p = (*a)->posts; p && p->name; p++) {
            if (!p->bit || (p->bit & (p->bit - 1)))
                n++, problem(report, arg, (*a)->name, "post %s is not one bit", p->name);
            if (!p->label_zh || !*p->label_zh)
                n++, problem(report, arg, (*a)->name, "post %s has no Chinese label", p->name);
            for (const hg_module *const *b = mods; b <= a; b++)
                for (const hg_post *q = (*b)->posts; q && q->name && (b < a || q < p); q++)
                    if (q->bit == p->bit || strcmp(q->name, p->name) == 0)
                        n++, problem(report, arg, (*a)->name, "post %s clashes with %s's %s", p->name, (*b)->name,
                                     q->name);
        }
        for (const hg_scope *s = (*a)->scopes; s && s->name; s++)
            for (const hg_module *const *b = mods; b <= a; b++)
                for (const hg_scope *t = (*b)->scopes; t && t->name && (b < a || t < s); t++)
                    if (strcmp(t->name, s->name) == 0)
                        n++, problem(report, arg, (*a)->name, "scope %s is also %s's", s->name, (*b)->name);
    }
    return n;
}

int selfcheck_importers(const hg_module *const *mods, selfcheck_report report, void *arg)
{
    int n = 0;
    for (const hg_module *const *a = mods; *a; a++)
        for (const importer *im = (*a)->importers; im && im->kind; im++)
            if (!im->help || !*im->help)
                n++, problem(report, arg, (*a)->name, "importer %s has no help", im->kind);
    return n;
}

int selfcheck_jobs(const hg_module *const *mods, selfcheck_report report, void *arg)
{
    int n = 0;
    for (const hg_module *const *a = mods; *a; a++)
        for (const hg_job *j = (*a)->jobs; j && j->name; j++) {
            if (!j->summary || !*j->summary)
                n++, problem(report, arg, (*a)->name, "job %s has no summary", j->name);
            if (j->interval_s < 1 || !j->fn)
                n++, problem(report, arg, (*a)->name, "job %s has no function or no interval", j->name);
            for (const hg_module *const *b = mods; b <= a; b++)
                for (const hg_job *o = (*b)->jobs; o && o->name && (b < a || o < j); o++)
                    if (strcmp(o->name, j->name) == 0)
                        n++, problem(report, arg, (*a)->name, "job %s is also %s's", j->name, (*b)->name);
        }
    return n;
}

/* The columns a field table writes: its fields' (lists are children, not columns), and for
 * a child type the parent's key and the line number. Each must be in the table, and each
 * column the table requires (NOT NULL without a default) must be one of them, or inserting
 * the record would fail. */
static int check_type(db *d, const hg_module *m, const record_type *t, selfcheck_report report, void *arg)
{
    int n = 0, columns = 0;
    hg_err err;
    hg_err_clear(&err);
    db_stmt *s = NULL;
    hg_rc rc = db_query(d, &s, &err,
                        "SELECT name, \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0 FROM pragma_table_info(?)", "t",
                        t->table);
    char have[128][64];
    int required[128];
    while (!rc && (rc = db_step(s, &err)) == HG_ROW && columns < 128) {
        required[columns] = (int)db_col_int(s, 1);
        snprintf(have[columns++], sizeof have[0], "%s", db_col_text(s, 0));
        rc = HG_OK;
    }
    db_reset(s);
    if (rc != HG_DONE && rc != HG_OK && rc != HG_ROW) /* HG_ROW: more than 128 columns, the rest unread */
        return problem(report, arg, m->name, "record %s: cannot read table %s: %s", t->name, t->table, err.message), 1;
    if (!columns)
        return problem(report, arg, m->name, "record %s: no table %s in the migrated schema", t->name, t->table), 1;
    const char *want[72];
    int w = 0;
    for (const field *f = t->fields; f->name && w < 70; f++)
        if (f->type != FT_LIST)
            want[w++] = f->column ? f->column : f->name;
    if (t->parent_column) {
        want[w++] = t->parent_column;
        want[w++] = "line_no";
    }
    for (int i = 0; i < w; i++) {
        int found = 0;
        for (int j = 0; j < columns && !found; j++)
            found = strcmp(want[i], have[j]) == 0;
        if (!found)
            n++, problem(report, arg, m->name, "record %s: column %s is not in table %s", t->name, want[i], t->table);
    }
    for (int j = 0; j < columns; j++) {
        int found = !required[j];
        for (int i = 0; i < w && !found; i++)
            found = strcmp(want[i], have[j]) == 0;
        if (!found)
            n++, problem(report, arg, m->name, "record %s: table %s requires column %s, which it has no field for",
                         t->name, t->table, have[j]);
    }
    for (const field *f = t->fields; f->name; f++)
        if (f->type == FT_LIST && f->child)
            n += check_type(d, m, f->child, report, arg);
    return n;
}

int selfcheck_schema(db *d, const hg_module *const *mods, selfcheck_report report, void *arg)
{
    int n = 0;
    for (const hg_module *const *a = mods; *a; a++)
        for (const record_type *const *t = (*a)->records; t && *t; t++)
            n += check_type(d, *a, *t, report, arg);
    return n;
}

int selfcheck_all(const hg_module *const *mods, selfcheck_report report, void *arg)
{
    int n = selfcheck_migrations(mods, report, arg) + selfcheck_routes(mods, report, arg) +
            selfcheck_registry(mods, report, arg) + selfcheck_importers(mods, report, arg) +
            selfcheck_jobs(mods, report, arg);
    const migration *sets[64];
    int k = 0;
    for (const hg_module *const *a = mods; *a && k < 63; a++)
        if ((*a)->migrations)
            sets[k++] = (*a)->migrations;
    sets[k] = NULL;
    db *d = NULL;
    hg_err err;
    hg_err_clear(&err);
    if (db_open(":memory:", &d, &err) || db_migrate(d, sets, NULL, &err)) {
        problem(report, arg, "storage", "the migrations do not apply to an empty database: %s", err.message);
        n++;
    } else {
        n += selfcheck_schema(d, mods, report, arg);
    }
    if (d)
        db_close(d);
    return n;
}
