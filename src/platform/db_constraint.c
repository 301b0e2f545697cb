/* db_constraint.c — the engines' constraint failures as our own messages (db_constraint.h).
 *
 * Reading the column out of the engine's text is best effort: when it cannot be read the
 * message says what kind of rule was broken without naming a field, which is still ours and
 * translated; the engine's own words are only logged. */
#include "db_constraint.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "log.h"

static void copy(char *out, size_t n, const char *s, size_t len)
{
    if (!out || n == 0)
        return;
    if (len >= n)
        len = n - 1;
    memcpy(out, s, len);
    out[len] = '\0';
}

static int ident_char(int c) { return isalnum(c) || c == '_'; }

/* Words of SQL a CHECK expression holds that are not columns. */
static int sql_word(const char *w, size_t len)
{
    static const char *const words[] = {"and",    "or",     "not",    "in",      "is",     "null", "between",
                                        "like",   "glob",   "case",   "when",    "then",   "else", "end",
                                        "true",   "false",  "escape", "collate", "nocase", "cast", "as",
                                        "exists", "select", "from",   "where"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == len && strncasecmp(words[i], w, len) == 0)
            return 1;
    return 0;
}

/* The first column of a CHECK expression: an identifier outside quotes that is not a function
 * (followed by '('), a table qualifier (followed by '.') or a word of SQL. */
static void expression_column(const char *e, char *out, size_t n)
{
    for (const char *p = e; *p;) {
        if (*p == '\'' || *p == '"' || *p == '`' || *p == '[') {
            char close = *p == '[' ? ']' : *p;
            const char *q = strchr(p + 1, close);
            if (*p == '"' || *p == '`' || *p == '[') { /* a quoted identifier is a column */
                if (q && q > p + 1) {
                    copy(out, n, p + 1, (size_t)(q - p - 1));
                    const char *after = q + 1;
                    while (*after == ' ')
                        after++;
                    if (*after != '.' && *after != '(')
                        return;
                }
            }
            p = q ? q + 1 : p + strlen(p);
            continue;
        }
        if (isalpha((unsigned char)*p) || *p == '_') {
            const char *s = p;
            while (ident_char((unsigned char)*p))
                p++;
            const char *after = p;
            while (*after == ' ')
                after++;
            if (*after != '(' && *after != '.' && !sql_word(s, (size_t)(p - s))) {
                copy(out, n, s, (size_t)(p - s));
                return;
            }
            continue;
        }
        if (isdigit((unsigned char)*p)) { /* a number, 1e5 included */
            while (ident_char((unsigned char)*p) || *p == '.')
                p++;
            continue;
        }
        p++;
    }
    copy(out, n, "", 0);
}

void db_constraint_sqlite_column(db_constraint_kind kind, const char *msg, char *out, size_t n)
{
    copy(out, n, "", 0);
    const char *at = msg ? strstr(msg, "failed: ") : NULL;
    if (!at)
        return;
    at += strlen("failed: ");
    if (kind == DBC_CHECK) {
        expression_column(at, out, n);
        return;
    }
    if (kind != DBC_UNIQUE && kind != DBC_NOT_NULL)
        return;
    if (strncmp(at, "index '", 7) == 0) /* a unique index on expressions: no column */
        return;
    /* "t.a, t.b": the last column, the one that tells rows of one parent apart */
    const char *last = strrchr(at, ',');
    last = last ? last + 1 : at;
    while (*last == ' ')
        last++;
    const char *dot = strchr(last, '.');
    const char *col = dot ? dot + 1 : last;
    size_t len = 0;
    while (ident_char((unsigned char)col[len]))
        len++;
    copy(out, n, col, len);
}

/* "Key (a, b)=(x, y) already exists.": the last of the columns. */
static void detail_column(const char *detail, char *out, size_t n)
{
    const char *k = detail ? strstr(detail, "Key (") : NULL;
    if (!k)
        return;
    k += 5;
    const char *end = strstr(k, ")=");
    if (!end)
        return;
    const char *s = end;
    while (s > k && s[-1] != ',' && s[-1] != ' ')
        s--;
    if (*s == '"')
        s++;
    const char *e = end;
    if (e > s && e[-1] == '"')
        e--;
    for (const char *p = s; p < e; p++)
        if (!ident_char((unsigned char)*p))
            return; /* an expression, not a column */
    copy(out, n, s, (size_t)(e - s));
}

db_constraint_kind db_constraint_pg(const char *state, const char *constraint, const char *column, const char *table,
                                    const char *detail, char *out, size_t n)
{
    copy(out, n, "", 0);
    if (!state)
        return DBC_TRIGGER;
    if (strcmp(state, "23505") == 0) {
        detail_column(detail, out, n);
        return DBC_UNIQUE;
    }
    if (strcmp(state, "23502") == 0) {
        if (column)
            copy(out, n, column, strlen(column));
        return DBC_NOT_NULL;
    }
    if (strcmp(state, "23503") == 0)
        return DBC_FOREIGN_KEY;
    if (strcmp(state, "23514") == 0 && constraint && *constraint) {
        /* PostgreSQL names a column's unnamed CHECK TABLE_COLUMN_check */
        size_t cl = strlen(constraint), tl = table ? strlen(table) : 0;
        const char *suffix = "_check";
        size_t sl = strlen(suffix);
        if (tl && cl > tl + 1 + sl && strncmp(constraint, table, tl) == 0 && constraint[tl] == '_' &&
            strcmp(constraint + cl - sl, suffix) == 0)
            copy(out, n, constraint + tl + 1, cl - tl - 1 - sl);
        return DBC_CHECK;
    }
    return DBC_TRIGGER; /* P0001, or a check_violation a trigger raised (no constraint) */
}

hg_rc db_constraint_fail(hg_err *err, db_constraint_kind kind, const char *column, const char *engine_text)
{
    static const char *const kinds[] = {"unique", "check", "not null", "foreign key", "trigger"};
    int named = column && *column;
    log_info("db: %s constraint refused a write: %s", kinds[kind], engine_text ? engine_text : "-");
    const char *field = named ? column : NULL;
    switch (kind) {
    case DBC_UNIQUE:
        return named ? hg_fail(err, HG_CONFLICT, "duplicate", field,
                               /* TRANSLATORS: %s is the field whose value another record has */
                               "a record with this %s already exists", column)
                     : hg_fail(err, HG_CONFLICT, "duplicate", NULL, "a record with the same key already exists");
    case DBC_CHECK:
        return named ? hg_fail(err, HG_INVALID, "invalid", field, "the value of %s is not allowed", column)
                     : hg_fail(err, HG_INVALID, "invalid", NULL, "a value is not allowed by the rules of the records");
    case DBC_NOT_NULL:
        return named ? hg_fail(err, HG_INVALID, "required", field, "%s is required", column)
                     : hg_fail(err, HG_INVALID, "required", NULL, "a required value is missing");
    case DBC_FOREIGN_KEY:
        return hg_fail(err, HG_CONFLICT, "conflict", NULL,
                       "the change refers to a record that does not exist, or removes one that others refer to");
    case DBC_TRIGGER:
    default:
        return hg_fail(err, HG_CONFLICT, "conflict", NULL, "these records are kept as written and may not be changed");
    }
}
