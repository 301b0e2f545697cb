/* db_constraint.h — a constraint the database enforced (UNIQUE, CHECK, NOT NULL, FOREIGN KEY,
 * a trigger's refusal) turned into one of our own catalogued messages (issue 16).
 *
 * The engines' texts ("UNIQUE constraint failed: t.c", "duplicate key value violates unique
 * constraint ...") are English, name tables and may quote data: they go to the log only. The
 * client gets a message naming the field when the engine says which column it was, and the
 * field in hg_err.field. Both backends (db_sqlite.c, db_pg.c) call this; the reading of the
 * engines' texts is here so that a unit test covers it without a server.
 * Not for: a caller's own answer to a conflict it expects (record.c's "a declaration with this
 * entry_no already exists"), which replaces this one. */
#ifndef HG_DB_CONSTRAINT_H
#define HG_DB_CONSTRAINT_H

#include <stddef.h>

#include "rc.h"

typedef enum db_constraint_kind {
    DBC_UNIQUE,      /* UNIQUE or PRIMARY KEY: 409 duplicate */
    DBC_CHECK,       /* CHECK: 400 invalid, the column as field */
    DBC_NOT_NULL,    /* NOT NULL: 400 required */
    DBC_FOREIGN_KEY, /* FOREIGN KEY: 409 conflict */
    DBC_TRIGGER,     /* a trigger's RAISE (append-only tables): 409 conflict */
} db_constraint_kind;

/* The column SQLite's message names (kind UNIQUE or NOT NULL: "...failed: t.a, t.b", the last
 * column; CHECK: "...failed: NAME" or the expression, its first column) into out (n bytes),
 * "" when it names none. */
void db_constraint_sqlite_column(db_constraint_kind kind, const char *msg, char *out, size_t n);

/* The kind of a PostgreSQL failure of SQLSTATE class 23 or P0001, and its column into out:
 * from COLUMN_NAME (not null), the DETAIL "Key (a, b)=(...)" (unique, the last column), or the
 * constraint's generated name TABLE_COLUMN_check (check). A check_violation raised by a trigger
 * (no constraint name) is a trigger's. Any argument but state may be NULL. */
db_constraint_kind db_constraint_pg(const char *state, const char *constraint, const char *column, const char *table,
                                    const char *detail, char *out, size_t n);

/* Fills err with kind's catalogued message about column ("" or NULL: none known) and logs the
 * engine's text (never shown to the client). Returns the hg_rc of the kind. */
hg_rc db_constraint_fail(hg_err *err, db_constraint_kind kind, const char *column, const char *engine_text);

#endif
