/* barcode.h — barcodes and QR codes as PNG images (zint draws, cairo encodes the PNG).
 * Knows nothing of what the data means. */
#ifndef HG_BARCODE_H
#define HG_BARCODE_H

#include "buf.h"
#include "rc.h"

enum barcode_kind { BARCODE_KIND_CODE128, BARCODE_KIND_QR };

/* Renders data as a PNG with the human-readable text under a Code 128 symbol, appending the
 * bytes to out. HG_INVALID when the data cannot be encoded. */
hg_rc barcode_png(enum barcode_kind kind, const char *data, buf *out, hg_err *err);

#endif
