/* barcode.c — zint renders the symbol into a bitmap; cairo writes that bitmap as PNG into a
 * buffer (zint 2.11 in Debian 12 cannot write PNG to memory itself). For a page, zint's vector
 * output (its rectangles) is drawn with cairo, so that a PDF keeps the code sharp. */
#include "barcode.h"

#include <cairo.h>
#include <stdint.h>
#include <string.h>
#include <zint.h>

static cairo_status_t write_png(void *closure, const unsigned char *data, unsigned int length)
{
    return buf_append(closure, data, length) == HG_OK ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

hg_rc barcode_png(enum barcode_kind kind, const char *data, buf *out, hg_err *err)
{
    struct zint_symbol *sym = ZBarcode_Create();
    if (!sym)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    sym->symbology = kind == BARCODE_KIND_QR ? BARCODE_QRCODE : BARCODE_CODE128;
    sym->scale = kind == BARCODE_KIND_QR ? 4.0f : 2.0f;
    sym->height = 50.0f;
    sym->whitespace_width = 10;
    sym->border_width = 0;
    sym->show_hrt = kind == BARCODE_KIND_CODE128;
    sym->input_mode = DATA_MODE;
    hg_rc rc = HG_OK;
    int z = ZBarcode_Encode_and_Buffer(sym, (const unsigned char *)data, (int)strlen(data), 0);
    if (z >= ZINT_ERROR) {
        rc = hg_fail(err, HG_INVALID, "invalid", "data", "cannot encode this text as a barcode: %s", sym->errtxt);
        goto out;
    }
    int w = sym->bitmap_width, h = sym->bitmap_height;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "cannot create an image");
        goto out;
    }
    cairo_surface_flush(s);
    unsigned char *px = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            const unsigned char *src = (const unsigned char *)sym->bitmap + 3 * (y * w + x);
            uint32_t pixel = (uint32_t)src[0] << 16 | (uint32_t)src[1] << 8 | src[2];
            memcpy(px + y * stride + 4 * x, &pixel, 4);
        }
    cairo_surface_mark_dirty(s);
    if (cairo_surface_write_to_png_stream(s, write_png, out) != CAIRO_STATUS_SUCCESS)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "cannot write the PNG image");
    cairo_surface_destroy(s);
out:
    ZBarcode_Delete(sym);
    return rc;
}

hg_rc barcode_qr_draw(cairo_t *cr, const char *data, double x, double y, double size, hg_err *err)
{
    struct zint_symbol *sym = ZBarcode_Create();
    if (!sym)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    sym->symbology = BARCODE_QRCODE;
    sym->option_1 = 2; /* level M */
    sym->whitespace_width = 4;
    sym->whitespace_height = 4; /* the quiet zone of 4 modules (ISO/IEC 18004 §6.3.8) */
    sym->input_mode = DATA_MODE;
    hg_rc rc = HG_OK;
    int z = ZBarcode_Encode_and_Buffer_Vector(sym, (const unsigned char *)data, (int)strlen(data), 0);
    if (z >= ZINT_ERROR || !sym->vector || sym->vector->width <= 0) {
        rc = hg_fail(err, HG_INVALID, "invalid", "data", "cannot encode this text as a QR code: %s", sym->errtxt);
    } else {
        double k = size / (sym->vector->width > sym->vector->height ? sym->vector->width : sym->vector->height);
        for (const struct zint_vector_rect *r = sym->vector->rectangles; r; r = r->next)
            cairo_rectangle(cr, x + r->x * k, y + r->y * k, r->width * k, r->height * k);
        cairo_fill(cr);
    }
    ZBarcode_Delete(sym);
    return rc;
}
