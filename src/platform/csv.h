/* csv.h — a strict RFC 4180 reader for imports: comma-separated, optional double quotes
 * with "" for a quote, CRLF or LF line ends, UTF-8 (a leading BOM is skipped). Fields are
 * returned as NUL-terminated strings that live until the next csv_next call. */
#ifndef HG_CSV_H
#define HG_CSV_H

#include <stddef.h>

#include "buf.h"

#define CSV_MAX_FIELDS 64

typedef struct csv_reader {
    const char *p, *end;     /* the input, borrowed */
    long line;               /* line number of the record just read (1-based) */
    buf scratch;             /* owned: the current record's fields, NUL-separated */
    const char *field[CSV_MAX_FIELDS];
    int nfields;
} csv_reader;

void csv_init(csv_reader *r, const char *data, size_t len);
void csv_free(csv_reader *r);
/* Reads the next record: 1 when read, 0 at the end, -1 on a malformed record (an
 * unterminated quote, text after a closing quote, too many fields or a line too long);
 * after -1 the reader has skipped to the next line. */
int csv_next(csv_reader *r);

#endif
