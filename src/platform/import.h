/* import.h — the one framework behind `haiguan import KIND FILE`: it reads the file (CSV, RFC
 * 4180, or JSON Lines), hands the importer one line at a time with its line number, reports
 * each refused line as "line N: field: reason" on stdout, draws a progress bar when stderr is
 * a terminal, and ends with a summary. The importer declares its format and its policy:
 *
 *   IMPORT_PER_LINE       a refused line loads nothing and the good lines load ("N loaded,
 *                         M refused"); with batch > 0 the framework runs `batch` lines per
 *                         transaction, each under a savepoint, with batch 0 the line
 *                         function's store opens its own transaction per line;
 *   IMPORT_ALL_OR_NOTHING one transaction for the whole file, rolled back when any line is
 *                         refused ("0 loaded: M lines refused, nothing changed"): for reference
 *                         tables that must never be half replaced (tariff, exchange rates,
 *                         holidays).
 *
 * Exit codes as commands give them: 0 when every line loaded, 1 when any was refused or the
 * file or database failed. Not for: parsing a line's content (the importer's line function
 * does that through the same record and store functions as the API). */
#ifndef HG_IMPORT_H
#define HG_IMPORT_H

#include <jansson.h>
#include <stddef.h>

#include "db.h"
#include "rc.h"

typedef enum import_format { IMPORT_CSV = 1, IMPORT_JSONL } import_format;
typedef enum import_policy { IMPORT_PER_LINE = 1, IMPORT_ALL_OR_NOTHING } import_policy;

/* One line of the file, as the line function sees it (borrowed: valid during the call). */
typedef struct import_row {
    long line;                /* 1-based line number in the file */
    const char *const *field; /* CSV: the record's fields */
    int nfields;
    json_t *obj; /* JSON Lines: the line's value (an object or anything else) */
    int skip;    /* set by the line function: neither loaded nor refused (a header) */
} import_row;

typedef struct import_spec {
    import_format format;
    import_policy policy;
    size_t max_bytes;      /* the largest file accepted */
    int batch;             /* IMPORT_PER_LINE: lines per transaction; 0: the store's own */
    int progress;          /* 1: a progress bar on stderr when it is a terminal */
    const char *malformed; /* CSV: the reason given for a malformed record */
    const char *noun;      /* optional: what a line is, in the summary ("20 rules loaded") */
    /* CSV, optional: called with the first record (NULL when the file has none or it is
     * malformed) before any line; a non-zero return is the exit code, and nothing loads. The
     * lines after it go to line(). It prints its own message, naming path. */
    int (*header)(void *ctx, const import_row *row, const char *path);
    /* Loads one line: HG_OK when loaded (or row->skip set), else the error with its field and
     * reason, which the framework prints. JSON Lines: blank lines never reach it, and a line
     * that is not JSON is refused before it. */
    hg_rc (*line)(void *ctx, db *d, import_row *row, hg_err *err);
    void *ctx;
} import_spec;

/* Runs the import of path into d as spec says; returns the exit code (EXIT_OK, EXIT_FAIL).
 * When the command line named the import (import_audit_as), what it changed is audited: one
 * row "import.KIND" naming the actor, the file's name, size and SHA-256 and the lines loaded
 * and refused — in the import's own transaction under IMPORT_ALL_OR_NOTHING (no change
 * without its row), in one of its own after the last line otherwise (when any line loaded). */
int import_run(const import_spec *spec, db *d, const char *path);

/* Names the kind (tariff, exchange-rates, holidays, …) and the actor ("cli:<os user>") that
 * the next import_run of this process audits; both borrowed, for the rest of the process.
 * The `haiguan import` command sets it before it calls the importer: a command runs one
 * import, on one thread; a server never imports. NULL kind: no audit row (unit tests, the
 * demo's own loading). */
void import_audit_as(const char *kind, const char *actor);

/* The progress bar import_run draws: "[####    ] done/total lines" on a terminal's stderr,
 * ended by a newline when done == total; nothing when stderr is not a terminal. */
void import_progress(long done, long total);

#endif
