/* barcode.h — barcodes and QR codes as PNG images (zint draws, cairo encodes the PNG), and a
 * QR code drawn as vector squares on a cairo page (the certificates' PDF). Knows nothing of
 * what the data means. */
#ifndef HG_BARCODE_H
#define HG_BARCODE_H

#include "buf.h"
#include "rc.h"

enum barcode_kind { BARCODE_KIND_CODE128, BARCODE_KIND_QR };

/* Renders data as a PNG with the human-readable text under a Code 128 symbol, appending the
 * bytes to out. HG_INVALID when the data cannot be encoded. */
hg_rc barcode_png(enum barcode_kind kind, const char *data, buf *out, hg_err *err);

/* Draws data as a QR code (error correction level M, with its quiet zone) as a square of side
 * `size` at (x, y) of cr, in vector squares of the current source. HG_INVALID when the data
 * cannot be encoded. */
typedef struct _cairo cairo_t;
hg_rc barcode_qr_draw(cairo_t *cr, const char *data, double x, double y, double size, hg_err *err);

#endif
