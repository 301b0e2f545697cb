/* record.c — generic parsing, validation, SQL and JSON for record types described by
 * field tables (record.h). Hand-written code per record is for domain rules only. */
#include "record.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "i18n.h"
#include "ident.h"
#include "json.h"
#include "log.h"
#include "mem.h"

static int nfields(const record_type *t)
{
    int n = 0;
    while (t->fields[n].name)
        n++;
    return n;
}

/* Rows one INSERT statement writes at most: their values must stay under SQLite's limit on bound
 * parameters (32,766), whatever the number of columns. */
#define INSERT_ROWS_MAX 100

static const char *column_of(const field *f) { return f->column ? f->column : f->name; }

static const field *key_field(const record_type *t)
{
    for (const field *f = t->fields; f->name; f++)
        if (f->flags & FF_KEY)
            return f;
    return NULL;
}

int record_field_index(const record_type *t, const char *name)
{
    /* looked up by name for every field read or set: the first letter spares most strcmp calls */
    for (int i = 0; t->fields[i].name; i++)
        if (t->fields[i].name[0] == name[0] && strcmp(t->fields[i].name, name) == 0)
            return i;
    return -1;
}

void record_free(record *r)
{
    if (!r->v)
        return;
    for (int i = 0; i < r->n; i++) {
        xfree(r->v[i].s);
        if (r->v[i].list) {
            for (int64_t k = 0; k < r->v[i].i; k++)
                record_free(&r->v[i].list[k]);
            xfree(r->v[i].list);
        }
    }
    xfree(r->v);
    r->v = NULL;
}

hg_rc record_init(const record_type *t, record *out, hg_err *err)
{
    out->type = t;
    out->n = nfields(t);
    out->v = xcalloc((size_t)out->n, sizeof *out->v);
    return out->v ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
}

/* Number of UTF-8 characters; -1 when s holds control characters (jansson has already
 * checked that the bytes are valid UTF-8). */
static long text_chars(const char *s)
{
    long n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            return -1;
        if ((*p & 0xc0) != 0x80)
            n++;
    }
    return n;
}

static hg_rc parse_text(const field *f, const json_t *v, field_value *out, hg_err *err)
{
    if (!json_is_string(v))
        return hg_fail(err, HG_INVALID, "wrong_type", f->name, "%s must be a string", f->name);
    char *s = (f->flags & FF_IDENT) ? ident_normalize_dup(json_string_value(v)) : xstrdup(json_string_value(v));
    if (!s)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    out->s = s;
    if (strlen(s) != json_string_length(v) && !(f->flags & FF_IDENT))
        return hg_fail(err, HG_INVALID, "invalid", f->name, "%s must not contain NUL characters", f->name);
    long chars = text_chars(s);
    if (chars < 0)
        return hg_fail(err, HG_INVALID, "invalid", f->name, "%s must not contain control characters", f->name);
    const char *canonical = f->normalize ? f->normalize(s) : NULL;
    if (canonical) {
        char *c = xstrdup(canonical);
        if (!c)
            return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        xfree(s);
        out->s = s = c;
    }
    if (f->type == FT_ENUM) {
        for (const char *const *e = f->values; *e; e++)
            if (strcmp(*e, s) == 0)
                return HG_OK;
        buf b;
        buf_init(&b, 200);
        for (const char *const *e = f->values; *e; e++)
            if (buf_appendf(&b, "%s%s", e == f->values ? "" : ", ", *e))
                break;
        /* TRANSLATORS: 1: name; 2: buf_str(&b) */
        hg_fail(err, HG_INVALID, "invalid", f->name, "%s must be one of: %s", f->name, buf_str(&b));
        buf_free(&b);
        return HG_INVALID;
    }
    if (f->check) {
        const char *why = NULL;
        if (!f->check(s, &why))
            /* TRANSLATORS: 1: name; 2: why ? why : N_("invalid") */
            return hg_fail(err, HG_INVALID, "invalid", f->name, "%s is not valid: %s", f->name, why ? why : N_("invalid"));
        return HG_OK;
    }
    if (chars < f->min_len || (f->max_len && chars > f->max_len))
        /* TRANSLATORS: 1: name; 2: min_len; 3: max_len */
        return hg_fail(err, HG_INVALID, "invalid", f->name, "%s must be %d to %d characters", f->name, f->min_len,
                       f->max_len);
    return HG_OK;
}

static hg_rc parse_list(const field *f, const json_t *v, field_value *out, hg_err *err);

/* A quantity or weight: decimal.h reads it with integers; each refusal names its rule. */
static hg_rc parse_decimal(const field *f, const json_t *v, field_value *out, hg_err *err)
{
    decimal_why why = decimal_from_json(v, f->scale, &out->i);
    const char *code = decimal_why_code(why);
    switch (why) {
    case DECIMAL_OK: break;
    case DECIMAL_TOO_MANY_PLACES:
        return hg_fail(err, HG_INVALID, code, f->name, "%s must have at most %d decimal places", f->name, f->scale);
    case DECIMAL_NEGATIVE: return hg_fail(err, HG_INVALID, code, f->name, "%s must not be negative", f->name);
    case DECIMAL_IMPRECISE:
        return hg_fail(err, HG_INVALID, code, f->name,
                       "%s has more than 15 significant digits: send it as a string such as \"1234.5\"", f->name);
    case DECIMAL_WRONG_TYPE:
        return hg_fail(err, HG_INVALID, code, f->name, "%s must be a number or a decimal string such as \"1.5\"",
                       f->name);
    case DECIMAL_NOT_A_DECIMAL:
        return hg_fail(err, HG_INVALID, code, f->name,
                       "%s must be a decimal such as \"1.5\": digits and one point, no sign or exponent", f->name);
    case DECIMAL_OUT_OF_RANGE: break;
    }
    if (why == DECIMAL_OUT_OF_RANGE || out->i < f->min || out->i > f->max) {
        char lo[DECIMAL_TEXT_MAX], hi[DECIMAL_TEXT_MAX];
        decimal_format(f->min, f->scale, lo, sizeof lo);
        decimal_format(f->max, f->scale, hi, sizeof hi);
        return hg_fail(err, HG_INVALID, "invalid", f->name, "%s must be from %s to %s", f->name, lo, hi);
    }
    return HG_OK;
}

static hg_rc parse_value(const field *f, const json_t *v, field_value *out, hg_err *err)
{
    out->set = 1;
    if (json_is_null(v)) {
        if (f->flags & (FF_REQUIRED | FF_KEY))
            return hg_fail(err, HG_INVALID, "required", f->name, "%s is required and cannot be null", f->name);
        out->is_null = 1;
        return HG_OK;
    }
    switch (f->type) {
    case FT_TEXT:
    case FT_ENUM: return parse_text(f, v, out, err);
    case FT_INT:
        if (!json_is_integer(v))
            return hg_fail(err, HG_INVALID, "wrong_type", f->name, "%s must be an integer", f->name);
        out->i = json_integer_value(v);
        if (out->i < f->min || out->i > f->max)
            /* TRANSLATORS: 1: name; 2: min; 3: max */
            return hg_fail(err, HG_INVALID, "invalid", f->name, "%s must be from %lld to %lld", f->name,
                           (long long)f->min, (long long)f->max);
        return HG_OK;
    case FT_BOOL:
        if (!json_is_boolean(v))
            return hg_fail(err, HG_INVALID, "wrong_type", f->name, "%s must be true or false", f->name);
        out->i = json_is_true(v);
        return HG_OK;
    case FT_TIME:
        if (!json_is_string(v) || time_parse_rfc3339(json_string_value(v), &out->i))
            return hg_fail(err, HG_INVALID, "invalid", f->name, "%s must be an RFC 3339 time with offset", f->name);
        return HG_OK;
    case FT_LIST: return parse_list(f, v, out, err);
    case FT_DECIMAL: return parse_decimal(f, v, out, err);
    case FT_MONEY:
        if (!json_is_string(v))
            return hg_fail(err, HG_INVALID, "wrong_type", f->name, "%s must be a decimal string such as \"1234.56\"",
                           f->name);
        if (money_parse(json_string_value(v), &out->i, err)) {
            snprintf(err->field, sizeof err->field, "%s", f->name);
            return HG_INVALID;
        }
        if (out->i < f->min || out->i > f->max)
            return hg_fail(err, HG_INVALID, "invalid", f->name, "%s is out of range", f->name);
        return HG_OK;
    }
    return HG_INTERNAL;
}

/* Children are always parsed as creations; their errors name the path, "items[2].hs_code". */
static hg_rc parse_list(const field *f, const json_t *v, field_value *out, hg_err *err)
{
    if (!json_is_array(v))
        return hg_fail(err, HG_INVALID, "wrong_type", f->name, "%s must be an array", f->name);
    size_t n = json_array_size(v);
    if ((int64_t)n < f->min || (int64_t)n > f->max)
        /* TRANSLATORS: 1: name; 2: min; 3: max */
        return hg_fail(err, HG_INVALID, "invalid", f->name, "%s must have %lld to %lld entries", f->name,
                       (long long)f->min, (long long)f->max);
    out->list = xcalloc(n ? n : 1, sizeof *out->list);
    if (!out->list)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    for (size_t k = 0; k < n; k++) {
        out->i = (int64_t)k + 1;   /* so that record_free frees what was parsed so far */
        const json_t *item = json_array_get(v, k);
        if (!json_is_object(item))
            /* TRANSLATORS: 1: name; 2: k */
            return hg_fail(err, HG_INVALID, "wrong_type", f->name, "%s[%zu] must be an object", f->name, k);
        hg_rc rc = record_from_json(f->child, item, REC_CREATE, &out->list[k], err);
        if (rc) {
            if (err) {
                buf path;
                buf_init(&path, sizeof err->field - 1);
                if (buf_appendf(&path, "%s[%zu]%s%s", f->name, k, err->field[0] ? "." : "", err->field) == HG_OK)
                    memcpy(err->field, buf_str(&path), path.len + 1);
                buf_free(&path);
            }
            return rc;
        }
    }
    out->i = (int64_t)n;
    return HG_OK;
}

hg_rc record_from_json(const record_type *t, const json_t *body, enum record_mode mode, record *out, hg_err *err)
{
    hg_rc rc = record_init(t, out, err);
    if (rc)
        return rc;
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)body, key, v)
    {
        int i = record_field_index(t, key);
        if (i < 0)
            return hg_fail(err, HG_INVALID, "unknown_field", key, "unknown field \"%s\"", key);
        const field *f = &t->fields[i];
        if (f->flags & FF_SERVER)
            return hg_fail(err, HG_INVALID, "read_only", key, "%s is set by the system and cannot be sent", key);
        if (mode == REC_PATCH && (f->flags & (FF_KEY | FF_FIXED)))
            return hg_fail(err, HG_INVALID, "read_only", key, "%s cannot be changed", key);
        if ((rc = parse_value(f, v, &out->v[i], err)))
            return rc;
    }
    if (mode == REC_CREATE)
        for (int i = 0; i < out->n; i++)
            if ((t->fields[i].flags & (FF_REQUIRED | FF_KEY)) && !(t->fields[i].flags & FF_SERVER) && !out->v[i].set)
                return hg_fail(err, HG_INVALID, "required", t->fields[i].name, "%s is required", t->fields[i].name);
    if (mode == REC_PATCH) {
        int any = 0;
        for (int i = 0; i < out->n; i++)
            any |= out->v[i].set;
        if (!any)
            return hg_fail(err, HG_INVALID, "required", "", "the patch changes nothing: send at least one field");
    }
    return HG_OK;
}

hg_rc record_set_int(record *r, const char *name, int64_t v)
{
    int i = record_field_index(r->type, name);
    if (i < 0)
        return HG_INTERNAL;
    r->v[i].set = 1;
    r->v[i].is_null = 0;
    r->v[i].i = v;
    return HG_OK;
}

hg_rc record_set_text(record *r, const char *name, const char *s)
{
    int i = record_field_index(r->type, name);
    if (i < 0)
        return HG_INTERNAL;
    char *copy = s ? xstrdup(s) : NULL;
    if (s && !copy)
        return HG_NOMEM;
    xfree(r->v[i].s);
    r->v[i].s = copy;
    r->v[i].set = 1;
    r->v[i].is_null = s == NULL;
    return HG_OK;
}

const record *record_list(const record *r, const char *name, int *n)
{
    int i = record_field_index(r->type, name);
    *n = 0;
    if (i < 0 || !r->v[i].set || !r->v[i].list)
        return NULL;
    *n = (int)r->v[i].i;
    return r->v[i].list;
}

int64_t record_int(const record *r, const char *name, int64_t dflt)
{
    int i = record_field_index(r->type, name);
    return i >= 0 && r->v[i].set && !r->v[i].is_null ? r->v[i].i : dflt;
}

const char *record_text(const record *r, const char *name)
{
    int i = record_field_index(r->type, name);
    return i >= 0 && r->v[i].set && !r->v[i].is_null ? r->v[i].s : NULL;
}

static hg_rc bind_value(db_stmt *s, int pos, const field *f, const field_value *v)
{
    if (v->is_null)
        return db_bind_null(s, pos);
    if (f->type == FT_TEXT || f->type == FT_ENUM)
        return db_bind_text(s, pos, v->s);
    return db_bind_int(s, pos, v->i);
}

/* Runs sql with the record's set, non-list values bound in field order, then the key when
 * one is given (an UPDATE's WHERE; the key field itself is then not among the values). */
static hg_rc run_bound(db *d, const char *sql, const record *r, const char *key, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = db_prepare(d, sql, &s, err);
    if (rc)
        return rc;
    int pos = 1;
    for (int i = 0; i < r->n && !rc; i++)
        if (r->v[i].set && r->type->fields[i].type != FT_LIST && !(key && (r->type->fields[i].flags & FF_KEY)))
            rc = bind_value(s, pos++, &r->type->fields[i], &r->v[i]);
    if (!rc && key)
        rc = db_bind_text(s, pos, key);
    if (!rc) {
        while ((rc = db_step(s, err)) == HG_ROW)
            ;
        if (rc == HG_DONE)
            rc = HG_OK;
    } else {
        hg_fail(err, rc, NULL, NULL, "cannot bind values");
    }
    db_reset(s);
    return rc;
}

static hg_rc insert_rows(db *d, const record *rows, int64_t n, const char *parent_key, int64_t first_line,
                         hg_err *err);

/* 1 when a and b (of one type) have the same fields set, so that one statement inserts both. */
static int same_fields(const record *a, const record *b)
{
    for (int i = 0; i < a->n; i++)
        if (a->type->fields[i].type != FT_LIST && a->v[i].set != b->v[i].set)
            return 0;
    return 1;
}

/* Inserts n child records (one type) under key, numbered from 1: one statement for each run of
 * children with the same fields set (all of a declaration's items, usually). */
static hg_rc insert_list(db *d, const record *list, int64_t n, const char *key, hg_err *err)
{
    hg_rc rc = HG_OK;
    for (int64_t k = 0, run; k < n && !rc; k += run) {
        for (run = 1; k + run < n && run < INSERT_ROWS_MAX && same_fields(&list[k], &list[k + run]); run++)
            ;
        rc = insert_rows(d, &list[k], run, key, k + 1, err);
    }
    return rc;
}

/* Inserts the children of every set list field of r, whose key is key. */
static hg_rc insert_children(db *d, const record *r, const char *key, hg_err *err)
{
    hg_rc rc = HG_OK;
    for (int i = 0; i < r->n && !rc; i++)
        if (r->type->fields[i].type == FT_LIST && r->v[i].set)
            rc = insert_list(d, r->v[i].list, r->v[i].i, key, err);
    return rc;
}

hg_rc record_insert_children(db *d, const record *rows, int n, const char *parent_key, hg_err *err)
{
    return insert_list(d, rows, n, parent_key, err);
}

hg_rc record_insert(db *d, const record *r, hg_err *err)
{
    return insert_rows(d, r, 1, NULL, 0, err);
}

/* The INSERT of n rows shaped like r (its set fields; with the parent's key and a line number
 * when child), into sql. */
static hg_rc insert_sql(const record *r, int64_t n, int child, buf *sql)
{
    /* plain concatenation, not buf_appendf: this runs for every row a declaration writes */
    hg_rc rc;
    (void)((rc = buf_puts(sql, "INSERT INTO ")) || (rc = buf_puts(sql, r->type->table)) || (rc = buf_puts(sql, " (")));
    int ncols = 0;
    if (!rc && child) {
        (void)((rc = buf_puts(sql, r->type->parent_column)) || (rc = buf_puts(sql, ", line_no")));
        ncols = 2;
    }
    for (int i = 0; i < r->n && !rc; i++)
        if (r->v[i].set && r->type->fields[i].type != FT_LIST) {
            (void)((ncols && (rc = buf_puts(sql, ", "))) || (rc = buf_puts(sql, column_of(&r->type->fields[i]))));
            ncols++;
        }
    if (!rc)
        rc = buf_puts(sql, ") VALUES ");
    /* one row's placeholders, "(?, ?, ?)", written once and appended n times */
    char group[3 * 256];
    size_t g = 0;
    if (!rc && ncols > 250)
        rc = HG_TOOBIG;
    group[g++] = '(';
    for (int c = 0; c < ncols && !rc; c++) {
        if (c) {
            group[g++] = ',';
            group[g++] = ' ';
        }
        group[g++] = '?';
    }
    group[g++] = ')';
    for (int64_t k = 0; k < n && !rc; k++)
        (void)((k && (rc = buf_puts(sql, ", "))) || (rc = buf_append(sql, group, g)));
    return rc;
}

/* The INSERTs built so far, by shape. The group-commit writer writes the same few shapes (a
 * declaration, its items, its tax lines) over and over, and building their text was a third of
 * the work of inserting them. Entries are never dropped, so a text handed out stays valid;
 * once the table is full, further shapes are built each time. Types of at most 64 fields. */
typedef struct insert_shape {
    const record_type *type;
    uint64_t set;   /* bit i: field i set */
    int64_t n;
    int child;
    char *sql;
} insert_shape;
#define INSERT_SHAPES 128
static insert_shape shapes[INSERT_SHAPES];
static int n_shapes;
static pthread_mutex_t shapes_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *shape_find_locked(const insert_shape *want)
{
    for (int i = 0; i < n_shapes; i++)
        if (shapes[i].type == want->type && shapes[i].set == want->set && shapes[i].n == want->n &&
            shapes[i].child == want->child)
            return shapes[i].sql;
    return NULL;
}

static const char *shape_find(const insert_shape *want)
{
    pthread_mutex_lock(&shapes_lock);
    const char *text = shape_find_locked(want);
    pthread_mutex_unlock(&shapes_lock);
    return text;
}

/* The INSERT for n rows shaped like r, from the table or built into sql (and kept). NULL when
 * it cannot be built. */
static const char *insert_sql_of(const record *r, int64_t n, int child, buf *sql)
{
    uint64_t set = 0;
    int keep = r->n <= 64;
    for (int i = 0; i < r->n && keep; i++)
        if (r->v[i].set && r->type->fields[i].type != FT_LIST)
            set |= (uint64_t)1 << i;
    insert_shape want = {r->type, set, n, child, NULL};
    const char *text = keep ? shape_find(&want) : NULL;
    if (text)
        return text;
    if (insert_sql(r, n, child, sql))
        return NULL;
    if (keep && (want.sql = xstrdup(buf_str(sql)))) {
        pthread_mutex_lock(&shapes_lock);
        int added = n_shapes < INSERT_SHAPES && !shape_find_locked(&want);   /* not added meanwhile */
        if (added)
            shapes[n_shapes++] = want;
        pthread_mutex_unlock(&shapes_lock);
        if (!added)
            xfree(want.sql);
    }
    return buf_str(sql);
}

/* Inserts n records of one type with the same fields set (same_fields), in one statement;
 * children (parent_key set) get it and their line numbers from first_line on. */
static hg_rc insert_rows(db *d, const record *rows, int64_t n, const char *parent_key, int64_t first_line,
                         hg_err *err)
{
    const record *r = &rows[0];
    buf sql;
    buf_init(&sql, 1u << 20);
    const char *text = insert_sql_of(r, n, parent_key != NULL, &sql);
    if (!text) {
        buf_free(&sql);
        return hg_fail(err, HG_TOOBIG, NULL, NULL, "cannot build the statement");
    }
    db_stmt *s;
    hg_rc rc = db_prepare(d, text, &s, err);
    buf_free(&sql);
    if (rc)
        return rc;
    int pos = 1;
    for (int64_t k = 0; k < n && !rc; k++) {
        const record *row = &rows[k];
        if (parent_key) {
            rc = db_bind_text(s, pos++, parent_key);
            if (!rc)
                rc = db_bind_int(s, pos++, first_line + k);
        }
        for (int i = 0; i < row->n && !rc; i++)
            if (row->v[i].set && row->type->fields[i].type != FT_LIST)
                rc = bind_value(s, pos++, &row->type->fields[i], &row->v[i]);
    }
    if (!rc) {
        while ((rc = db_step(s, err)) == HG_ROW)
            ;
        if (rc == HG_DONE)
            rc = HG_OK;
    } else {
        hg_fail(err, rc, NULL, NULL, "cannot bind values");
    }
    db_reset(s);
    const field *key = key_field(r->type);
    if (rc == HG_CONFLICT && !parent_key)
        /* TRANSLATORS: 1: name; 2: key ? key->name : "key" */
        rc = hg_fail(err, HG_CONFLICT, "conflict", key ? key->name : "", "a %s with this %s already exists",
                     r->type->name, key ? key->name : "key");
    for (int64_t k = 0; k < n && !rc && key; k++)
        rc = insert_children(d, &rows[k], record_text(&rows[k], key->name), err);
    return rc;
}

hg_rc record_update(db *d, const record *r, const char *key, hg_err *err)
{
    const field *k = key_field(r->type);
    buf sql;
    buf_init(&sql, 20000);
    hg_rc rc = buf_appendf(&sql, "UPDATE %s SET ", r->type->table);
    int first = 1;
    for (int i = 0; i < r->n && !rc; i++)
        if (r->v[i].set && !(r->type->fields[i].flags & FF_KEY) && r->type->fields[i].type != FT_LIST) {
            rc = buf_appendf(&sql, "%s%s = ?", first ? "" : ", ", column_of(&r->type->fields[i]));
            first = 0;
        }
    if (!rc)
        rc = buf_appendf(&sql, " WHERE %s = ?", column_of(k));
    if (rc) {
        buf_free(&sql);
        return hg_fail(err, rc, NULL, NULL, "cannot build the statement");
    }
    rc = first ? HG_OK : run_bound(d, buf_str(&sql), r, key, err);
    if (!rc && !first && db_changes(d) == 0)
        /* TRANSLATORS: 1: name; 2: name; 3: key */
        rc = hg_fail(err, HG_NOTFOUND, "not_found", k->name, "no %s with %s %s", r->type->name, k->name, key);
    for (int i = 0; i < r->n && !rc; i++) {
        const field *f = &r->type->fields[i];
        if (f->type != FT_LIST || !r->v[i].set)
            continue;
        buf_reset(&sql);
        rc = buf_appendf(&sql, "DELETE FROM %s WHERE %s = ?", f->child->table, f->child->parent_column);
        if (!rc)
            rc = db_run(d, err, buf_str(&sql), "t", key);
        for (int64_t c = 0; c < r->v[i].i && !rc; c++)
            rc = insert_rows(d, &r->v[i].list[c], 1, key, c + 1, err);
    }
    buf_free(&sql);
    return rc;
}

static hg_rc select_list(const record_type *t, buf *b)
{
    hg_rc rc = buf_puts(b, "SELECT ");
    int n = 0;
    for (const field *f = t->fields; f->name && !rc; f++)
        if (f->type != FT_LIST)
            rc = buf_appendf(b, "%s%s", n++ ? ", " : "", column_of(f));
    if (!rc)
        rc = buf_appendf(b, " FROM %s", t->table);
    return rc;
}

/* The JSON of one field value: the one place a field type's JSON form is decided, for stored
 * rows (row_json) and parsed records (record_to_json) alike. */
static json_t *value_json(const field *f, const field_value *v)
{
    char tmp[48];
    if (!v->set || v->is_null)
        return json_null();
    switch (f->type) {
    case FT_INT: return json_integer(v->i);
    case FT_BOOL: return json_boolean(v->i);
    case FT_TIME: time_format_rfc3339(v->i, tmp, sizeof tmp); return json_string(tmp);
    case FT_MONEY: money_format(v->i, tmp, sizeof tmp); return json_string(tmp);
    case FT_DECIMAL: return decimal_json(v->i, f->scale);
    default: return json_string(v->s);
    }
}

static json_t *row_json(const record_type *t, db_stmt *s)
{
    json_t *o = json_object();
    int i = 0;
    for (const field *f = t->fields; f->name && o; f++) {
        if (f->type == FT_LIST)
            continue;
        field_value v = {.set = 1, .is_null = db_col_null(s, i)};
        if (!v.is_null && (f->type == FT_TEXT || f->type == FT_ENUM))
            v.s = (char *)db_col_text(s, i);
        else if (!v.is_null)
            v.i = db_col_int(s, i);
        if (json_object_set_new(o, f->name, value_json(f, &v))) {
            json_decref(o);
            o = NULL;
        }
        i++;
    }
    return o;
}

hg_rc record_children_json(db *d, const record_type *t, const char *parent_key, json_t **out, hg_err *err)
{
    buf sql;
    buf_init(&sql, 20000);
    db_stmt *s = NULL;
    hg_rc rc = select_list(t, &sql);
    if (!rc)
        rc = buf_appendf(&sql, " WHERE %s = ? ORDER BY line_no", t->parent_column);
    if (!rc)
        rc = db_query(d, &s, err, buf_str(&sql), "t", parent_key);
    json_t *arr = json_array();
    while (!rc && (rc = db_step(s, err)) == HG_ROW)
        rc = json_array_append_new(arr, row_json(t, s)) ? HG_NOMEM : HG_OK;
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    buf_free(&sql);
    if (rc)
        json_decref(arr);
    *out = rc ? NULL : arr;
    return rc;
}

/* Adds each list field of t to o as an array of its children, in line order. */
static hg_rc load_children(db *d, const record_type *t, const char *key, json_t *o, hg_err *err)
{
    hg_rc rc = HG_OK;
    for (const field *f = t->fields; f->name && !rc; f++) {
        json_t *arr;
        if (f->type == FT_LIST && !(rc = record_children_json(d, f->child, key, &arr, err)) &&
            json_object_set_new(o, f->name, arr))
            rc = HG_NOMEM;
    }
    return rc;
}

json_t *record_field_json(const record *r, const char *name)
{
    int i = record_field_index(r->type, name);
    return i < 0 || r->type->fields[i].type == FT_LIST ? NULL : value_json(&r->type->fields[i], &r->v[i]);
}

json_t *record_to_json(const record *r)
{
    json_t *o = json_object();
    for (int i = 0; i < r->n && o; i++) {
        const field *f = &r->type->fields[i];
        json_t *v;
        if (f->type == FT_LIST) {
            v = json_array();
            for (int64_t k = 0; v && r->v[i].set && k < r->v[i].i; k++)
                if (json_array_append_new(v, record_to_json(&r->v[i].list[k]))) {
                    json_decref(v);
                    v = NULL;
                }
        } else {
            v = value_json(f, &r->v[i]);
        }
        if (!v || json_object_set_new(o, f->name, v)) {
            json_decref(o);
            o = NULL;
        }
    }
    return o;
}

hg_rc record_load_json(db *d, const record_type *t, const char *key, json_t **out, hg_err *err)
{
    buf sql;
    buf_init(&sql, 20000);
    const field *k = key_field(t);
    hg_rc rc = select_list(t, &sql);
    if (!rc)
        rc = buf_appendf(&sql, " WHERE %s = ?", column_of(k));
    db_stmt *s = NULL;
    if (!rc)
        rc = db_query(d, &s, err, buf_str(&sql), "t", key);
    if (!rc) {
        rc = db_step(s, err);
        if (rc == HG_ROW) {
            *out = row_json(t, s);
            rc = *out ? HG_OK : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        } else if (rc == HG_DONE) {
            /* TRANSLATORS: 1: name; 2: name; 3: key */
            rc = hg_fail(err, HG_NOTFOUND, "not_found", k->name, "no %s with %s %s", t->name, k->name, key);
        }
        db_reset(s);
    }
    buf_free(&sql);
    if (!rc && (rc = load_children(d, t, key, *out, err))) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

hg_rc record_parse_limit(const char *s, int *limit, hg_err *err)
{
    *limit = 50;
    if (!s)
        return HG_OK;
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 1 || v > 200)
        return hg_fail(err, HG_INVALID, "invalid", "limit", "limit must be an integer from 1 to 200");
    *limit = (int)v;
    return HG_OK;
}

/* The conditions of q after "WHERE 1 = 1" (equality filters, search, the area's own SQL, the
 * cursor), in the order list_bind binds them; *nsearch gets the number of FF_SEARCH fields. */
static hg_rc list_where(const record_type *t, const record_query *q, int use_cursor, buf *sql, int *nsearch)
{
    hg_rc rc = buf_puts(sql, " WHERE 1 = 1");
    for (int i = 0; i < q->n_eq && !rc; i++) {
        int fi = record_field_index(t, q->eq_names[i]);
        rc = fi < 0 ? HG_INTERNAL : buf_appendf(sql, " AND %s = ?", column_of(&t->fields[fi]));
    }
    *nsearch = 0;
    if (!rc && q->q) {
        rc = buf_puts(sql, " AND (");
        for (const field *f = t->fields; f->name && !rc; f++)
            if (f->flags & FF_SEARCH)
                rc = buf_appendf(sql, "%sLOWER(%s) LIKE ?", (*nsearch)++ ? " OR " : "", column_of(f));
        if (!rc && q->q_sql)
            rc = buf_appendf(sql, "%s(%s)", *nsearch ? " OR " : "", q->q_sql);
        if (!rc)
            rc = buf_puts(sql, *nsearch || q->q_sql ? ")" : "1 = 1)");
    }
    if (!rc && q->extra_sql)
        rc = buf_appendf(sql, " AND (%s)", q->extra_sql);
    if (!rc && use_cursor && q->cursor)
        rc = buf_appendf(sql, " AND %s %s ?", column_of(key_field(t)), q->newest_first ? "<" : ">");
    return rc;
}

/* " ORDER BY": the sort field (rows without a value last, on both backends, whose NULL orders
 * differ), then the key, in the sort's direction: rows made in the same millisecond sort by
 * created_at as their numbers do, so that a newest-first page is the same on every run. */
static hg_rc list_order(const record_type *t, const record_query *q, buf *sql)
{
    hg_rc rc = buf_puts(sql, " ORDER BY ");
    int fi = q->sort ? record_field_index(t, q->sort) : -1;
    if (q->sort && (fi < 0 || t->fields[fi].type == FT_LIST))
        return HG_INTERNAL;
    if (!rc && fi >= 0) {
        const char *c = column_of(&t->fields[fi]);
        rc = buf_appendf(sql, "(%s IS NULL), %s%s, ", c, c, q->sort_desc ? " DESC" : "");
    }
    int desc = fi >= 0 ? q->sort_desc : q->newest_first;
    if (!rc)
        rc = buf_appendf(sql, "%s%s", column_of(key_field(t)), desc ? " DESC" : "");
    return rc;
}

/* LIKE with the wildcards of the user's text escaped would need ESCAPE; instead % and _ become
 * spaces (names never need them), so that a search stays literal. */
char *record_search_pattern(const char *text)
{
    buf p;
    buf_init(&p, 1024);
    hg_rc rc = buf_puts(&p, "%");
    for (const char *c = text; *c && !rc; c++)
        rc = buf_append(&p, (char[]){(*c == '%' || *c == '_') ? ' ' : (char)tolower((unsigned char)*c)}, 1);
    if (!rc)
        rc = buf_puts(&p, "%");
    if (rc) {
        buf_free(&p);
        return NULL;
    }
    return buf_take(&p);
}

/* Binds what list_where wrote, from *pos on. */
static hg_rc list_bind(db_stmt *s, const record_query *q, int use_cursor, int nsearch, const char *pattern, int *pos)
{
    hg_rc rc = HG_OK;
    for (int i = 0; i < q->n_eq && !rc; i++)
        rc = db_bind_text(s, (*pos)++, q->eq_values[i]);
    for (int i = 0; q->q && i < nsearch + (q->q_sql ? q->n_q_sql : 0) && !rc; i++)
        rc = db_bind_text(s, (*pos)++, pattern);
    for (int i = 0; i < q->n_extra && !rc; i++)
        rc = db_bind_text(s, (*pos)++, q->extra_args[i]);
    if (!rc && use_cursor && q->cursor)
        rc = db_bind_text(s, (*pos)++, q->cursor);
    return rc;
}

/* Prepares the SELECT of q's rows (count: SELECT COUNT(*)), every condition bound; with
 * paged, the LIMIT limit + 1 (one more tells whether a next page exists) and the OFFSET. */
static hg_rc list_prepare(db *d, const record_type *t, const record_query *q, int count, int paged, db_stmt **s,
                          hg_err *err)
{
    int use_cursor = paged && !q->sort && !q->offset;
    buf sql;
    buf_init(&sql, 20000);
    int nsearch = 0;
    hg_rc rc = count ? buf_appendf(&sql, "SELECT COUNT(*) FROM %s", t->table) : select_list(t, &sql);
    if (!rc)
        rc = list_where(t, q, use_cursor, &sql, &nsearch);
    if (!rc && !count)
        rc = list_order(t, q, &sql);
    if (!rc && paged)
        rc = buf_puts(&sql, q->offset ? " LIMIT ? OFFSET ?" : " LIMIT ?");
    if (rc) {
        buf_free(&sql);
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "cannot build the list query");
    }
    rc = db_prepare(d, buf_str(&sql), s, err);
    buf_free(&sql);
    if (rc)
        return rc;
    char *pattern = q->q ? record_search_pattern(q->q) : NULL;
    if (q->q && !pattern)
        rc = HG_NOMEM;
    int pos = 1;
    if (!rc)
        rc = list_bind(*s, q, use_cursor, nsearch, pattern, &pos);
    if (!rc && paged)
        rc = db_bind_int(*s, pos++, q->limit + 1);
    if (!rc && paged && q->offset)
        rc = db_bind_int(*s, pos++, q->offset);
    xfree(pattern);
    if (rc) {
        db_reset(*s);
        return hg_fail(err, rc, NULL, NULL, "cannot bind the list query");
    }
    return HG_OK;
}

static hg_rc list_total(db *d, const record_type *t, const record_query *q, int64_t *total, hg_err *err)
{
    db_stmt *s;
    hg_rc rc = list_prepare(d, t, q, 1, 0, &s, err);
    if (rc)
        return rc;
    rc = db_step(s, err);
    *total = rc == HG_ROW ? db_col_int(s, 0) : 0;
    rc = rc == HG_ROW ? HG_OK : rc == HG_DONE ? HG_INTERNAL : rc;
    db_reset(s);
    return rc;
}

hg_rc record_list_json(db *d, const record_type *t, const record_query *q, json_t **out, hg_err *err)
{
    db_stmt *s;
    *out = NULL;
    hg_rc rc = list_prepare(d, t, q, 0, 1, &s, err);
    if (rc)
        return rc;
    json_t *items = json_array();
    while ((rc = db_step(s, err)) == HG_ROW)
        json_array_append_new(items, row_json(t, s));
    if (rc == HG_DONE)
        rc = HG_OK;
    db_reset(s);
    int64_t total = 0;
    if (!rc && q->with_total)
        rc = list_total(d, t, q, &total, err);
    if (rc) {
        json_decref(items);
        return rc;
    }
    rc = json_page_of(items, q->limit, key_field(t)->name, out, err);
    return rc ? rc : record_page_numbered(out, q->sort || q->offset, q->with_total, total, err);
}

hg_rc record_page_numbered(json_t **out, int numbered, int with_total, int64_t total, hg_err *err)
{
    /* numbered pages: the next page is the next number, not a cursor */
    hg_rc rc = numbered && json_object_set_new(*out, "next_cursor", json_null()) ? HG_NOMEM : HG_OK;
    if (!rc && with_total && json_object_set_new(*out, "total", json_integer(total)))
        rc = HG_NOMEM;
    if (rc) {
        json_decref(*out);
        *out = NULL;
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    return HG_OK;
}

/* One CSV field: quoted when it holds a comma, quote or line break; a text that a spreadsheet
 * would take for a formula gets a leading '. */
static hg_rc csv_field(buf *b, const field *f, db_stmt *s, int col)
{
    char tmp[48];
    const char *v = tmp;
    if (db_col_null(s, col))
        return HG_OK;
    if (f->type == FT_TEXT || f->type == FT_ENUM)
        v = db_col_text(s, col);
    else if (f->type == FT_TIME)
        time_format_rfc3339(db_col_int(s, col), tmp, sizeof tmp);
    else if (f->type == FT_MONEY)
        money_format(db_col_int(s, col), tmp, sizeof tmp);
    else if (f->type == FT_DECIMAL)
        decimal_format(db_col_int(s, col), f->scale, tmp, sizeof tmp);
    else if (f->type == FT_BOOL)
        v = db_col_int(s, col) ? "true" : "false";
    else
        snprintf(tmp, sizeof tmp, "%lld", (long long)db_col_int(s, col));
    return record_csv_cell(b, v, f->type == FT_TEXT);
}

hg_rc record_csv_cell(buf *b, const char *v, int text)
{
    int formula = text && strchr("=+-@\t\r", v[0]) && v[0];
    int quote = formula || strpbrk(v, ",\"\r\n") != NULL;
    hg_rc rc = quote ? buf_puts(b, formula ? "\"'" : "\"") : HG_OK;
    for (const char *p = v; *p && !rc; p++)
        rc = *p == '"' ? buf_puts(b, "\"\"") : buf_append(b, p, 1);
    return rc ? rc : quote ? buf_puts(b, "\"") : HG_OK;
}

hg_rc record_list_csv(db *d, const record_type *t, const record_query *q, int max_rows, buf *out, int *rows,
                      hg_err *err)
{
    db_stmt *s;
    *rows = 0;
    record_query all = *q;
    all.cursor = NULL;
    all.offset = 0;
    all.limit = max_rows;   /* the LIMIT is max_rows + 1: one more tells there are too many */
    hg_rc rc = list_prepare(d, t, &all, 0, 1, &s, err);
    if (rc)
        return rc;
    int n = 0, too_many = 0;
    for (const field *f = t->fields; f->name && !rc; f++)
        if (f->type != FT_LIST)
            rc = buf_appendf(out, "%s%s", n++ ? "," : "", f->name);
    if (!rc)
        rc = buf_puts(out, "\r\n");
    while (!rc && (rc = db_step(s, err)) == HG_ROW) {
        if (++*rows > max_rows) {
            too_many = 1;
            break;
        }
        rc = HG_OK;
        int col = 0;
        for (const field *f = t->fields; f->name && !rc; f++)
            if (f->type != FT_LIST) {
                if (col)
                    rc = buf_puts(out, ",");
                if (!rc)
                    rc = csv_field(out, f, s, col);
                col++;
            }
        if (!rc)
            rc = buf_puts(out, "\r\n");
    }
    if (rc == HG_DONE || (rc == HG_ROW && too_many))
        rc = HG_OK;
    db_reset(s);
    if (!rc && too_many)
        return hg_fail(err, HG_INVALID, "too_many_rows", NULL,
                       "more than %d rows match: narrow the filters to export them", max_rows);
    if (rc && rc != HG_DB)
        return hg_fail(err, rc, NULL, NULL, "cannot write the export");
    return rc;
}

/* ---- money and time ---- */

static int take_digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++, (*p)++) {
        if (!isdigit((unsigned char)**p))
            return 0;
        v = v * 10 + (**p - '0');
    }
    *out = v;
    return 1;
}

hg_rc time_parse_rfc3339(const char *s, int64_t *ms)
{
    const char *p = s;
    int y, mo, d, h, mi, se, frac = 0;
    if (!take_digits(&p, 4, &y) || *p++ != '-' || !take_digits(&p, 2, &mo) || *p++ != '-' ||
        !take_digits(&p, 2, &d) || (*p != 'T' && *p != 't') || !(++p) || !take_digits(&p, 2, &h) || *p++ != ':' ||
        !take_digits(&p, 2, &mi) || *p++ != ':' || !take_digits(&p, 2, &se))
        return HG_INVALID;
    if (*p == '.') {
        p++;
        int n = 0;
        while (isdigit((unsigned char)*p)) {
            if (n < 3)
                frac = frac * 10 + (*p - '0');
            n++;
            p++;
        }
        if (n == 0)
            return HG_INVALID;
        for (; n < 3; n++)
            frac *= 10;
    }
    int offset_min = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p++ == '-' ? -1 : 1, oh, om;
        if (!take_digits(&p, 2, &oh) || *p++ != ':' || !take_digits(&p, 2, &om) || oh > 23 || om > 59)
            return HG_INVALID;
        offset_min = sign * (oh * 60 + om);
    } else {
        return HG_INVALID;
    }
    if (*p || !calendar_date_ok(y, mo, d) || h > 23 || mi > 59 || se > 60)
        return HG_INVALID;
    int64_t secs = calendar_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + (se == 60 ? 59 : se);
    *ms = (secs - (int64_t)offset_min * 60) * 1000 + frac;
    return HG_OK;
}
