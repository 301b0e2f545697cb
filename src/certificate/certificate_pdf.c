/* certificate_pdf.c — the certificate as a one-page A4 PDF, laid out as the paper certificate
 * is (the issuing authority, the kind's title in both languages, the numbered fields, the
 * attestation, the date, the officer, the seal, the QR code), drawn with cairo and set with
 * pango in a CJK font that fontconfig finds (Debian's fonts-noto-cjk). The seal is vector art
 * (two rings, a star, the authority's name along the arc); the QR is vector squares
 * (barcode.h). The QR's text is repeated in the PDF's Keywords so that `haiguan certificate
 * verify FILE.pdf` reads it without rendering. */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/barcode.h"
#include "../platform/log.h"
#include "certificate.h"

#define PAGE_W 595.28 /* A4 in points */
#define PAGE_H 841.89
#define MARGIN 48.0
/* WenQuanYi Zen Hei (fonts-wqy-zenhei) covers GB2312 and more, and is TrueType, which cairo
 * subsets to the glyphs used: a certificate is some tens of kilobytes where Noto CJK's CFF
 * subsets weigh a megabyte. Fontconfig falls back to any CJK font when it is missing. */
#define FONT "WenQuanYi Zen Hei"
#define FONT_SERIF FONT

static cairo_status_t write_pdf(void *closure, const unsigned char *data, unsigned int length)
{
    return buf_append(closure, data, length) == HG_OK ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Sets text at (x, y) in a box `width` wide, aligned; returns its height. */
static double text(cairo_t *cr, double x, double y, double width, const char *font, double size, int bold,
                   PangoAlignment align, const char *s)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    PangoFontDescription *f = pango_font_description_from_string(font);
    pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
    pango_font_description_set_weight(f, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l, f);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align);
    pango_layout_set_text(l, s ? s : "", -1);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
    pango_font_description_free(f);
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

/* A five-pointed star of outer radius r centred at (cx, cy). */
static void star(cairo_t *cr, double cx, double cy, double r)
{
    for (int i = 0; i < 10; i++) {
        double a = -M_PI / 2 + i * M_PI / 5, rr = i % 2 ? r * 0.382 : r;
        if (i == 0)
            cairo_move_to(cr, cx + rr * cos(a), cy + rr * sin(a));
        else
            cairo_line_to(cr, cx + rr * cos(a), cy + rr * sin(a));
    }
    cairo_close_path(cr);
    cairo_fill(cr);
}

/* The seal (印章): red rings, the star, the authority's name along the upper arc and the
 * seal's purpose across the lower half, as the customs' inspection-quarantine seal is cut. */
static void seal(cairo_t *cr, double cx, double cy, double r)
{
    static const char *const arc[] = {"中", "华", "人", "民", "共", "和", "国", "海", "关"};
    const int n = sizeof arc / sizeof arc[0];
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.8, 0.08, 0.08);
    cairo_set_line_width(cr, 3.0);
    cairo_new_path(cr); /* the text set before leaves a current point, which arc would join */
    cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 0.8);
    cairo_arc(cr, cx, cy, r - 5, 0, 2 * M_PI);
    cairo_stroke(cr);
    star(cr, cx, cy - r * 0.05, r * 0.28);
    /* the characters from 165° to 375° (the upper arc and a little below), each upright
     * towards the centre */
    for (int i = 0; i < n; i++) {
        double a = (165.0 + 210.0 * i / (n - 1)) * M_PI / 180.0;
        cairo_save(cr);
        cairo_translate(cr, cx + (r - 15) * cos(a), cy + (r - 15) * sin(a));
        cairo_rotate(cr, a + M_PI / 2);
        text(cr, -7, -7, 14, FONT_SERIF, 11, 1, PANGO_ALIGN_CENTER, arc[i]);
        cairo_restore(cr);
    }
    text(cr, cx - r, cy + r * 0.36, 2 * r, FONT_SERIF, 8, 1, PANGO_ALIGN_CENTER, "检验检疫专用章");
    cairo_restore(cr);
}

/* One row of the fields: the label in Chinese over English on the left, the value right. */
static double field(cairo_t *cr, double y, const char *zh, const char *en, const char *value)
{
    const double label_w = 150, x = MARGIN + 12, vx = x + label_w;
    double h1 = text(cr, x, y, label_w, FONT, 10.5, 1, PANGO_ALIGN_LEFT, zh);
    double h2 = text(cr, x, y + h1, label_w, FONT, 8, 0, PANGO_ALIGN_LEFT, en);
    double hv = text(cr, vx, y + 2, PAGE_W - MARGIN - 12 - vx, FONT, 10.5, 0, PANGO_ALIGN_LEFT, value);
    double h = (h1 + h2 > hv + 2 ? h1 + h2 : hv + 2) + 8;
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, MARGIN + 6, y + h - 4);
    cairo_line_to(cr, PAGE_W - MARGIN - 6, y + h - 4);
    cairo_stroke(cr);
    return y + h;
}

/* Pango, cairo and fontconfig keep their font caches for the life of the process; they are
 * given back at its end, so that a command that rendered certificates (the demo) ends with
 * nothing allocated (LeakSanitizer's view in the test builds). */
static void release_fonts(void)
{
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    FcFini();
}

static void register_release(void) { atexit(release_fonts); }

hg_rc certificate_pdf_render(const certificate_doc *d, buf *out, hg_err *err)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, register_release);
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_pdf, out, PAGE_W, PAGE_H);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "cannot create the PDF");
    }
    char title[160], created[40], country[160];
    snprintf(title, sizeof title, "%s %s %s", d->kind_zh, d->kind_en, d->no);
    time_t t = (time_t)(d->issued_ms / 1000);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, "中华人民共和国海关 China Customs");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "haiguan");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, d->qr);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, created);
    cairo_t *cr = cairo_create(s);
    /* the frame: a double line round the page */
    cairo_set_source_rgb(cr, 0.1, 0.2, 0.35);
    cairo_set_line_width(cr, 2.0);
    cairo_rectangle(cr, MARGIN - 8, MARGIN - 8, PAGE_W - 2 * MARGIN + 16, PAGE_H - 2 * MARGIN + 16);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, MARGIN - 4, MARGIN - 4, PAGE_W - 2 * MARGIN + 8, PAGE_H - 2 * MARGIN + 8);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    const double w = PAGE_W - 2 * MARGIN;
    double y = MARGIN + 10;
    y += text(cr, MARGIN, y, w, FONT_SERIF, 18, 1, PANGO_ALIGN_CENTER, "中华人民共和国海关");
    y += text(cr, MARGIN, y, w, FONT, 9, 0, PANGO_ALIGN_CENTER, "GENERAL ADMINISTRATION OF CUSTOMS P. R. CHINA");
    y += 14;
    y += text(cr, MARGIN, y, w, FONT_SERIF, 24, 1, PANGO_ALIGN_CENTER, d->kind_zh);
    y += text(cr, MARGIN, y, w, FONT, 13, 1, PANGO_ALIGN_CENTER, d->kind_en);
    y += 10;
    char no[64];
    snprintf(no, sizeof no, "编号 No.: %s", d->no);
    y += text(cr, MARGIN, y, w - 12, FONT, 11, 1, PANGO_ALIGN_RIGHT, no) + 2;
    if (d->replaces) {
        char line[160];
        snprintf(line, sizeof line, "本证书替代第 %s 号证书 This certificate replaces No. %s", d->replaces,
                 d->replaces);
        y += text(cr, MARGIN, y, w - 12, FONT, 9.5, 1, PANGO_ALIGN_RIGHT, line);
    }
    y += 4;
    cairo_set_line_width(cr, 1.0);
    cairo_move_to(cr, MARGIN + 6, y);
    cairo_line_to(cr, PAGE_W - MARGIN - 6, y);
    cairo_stroke(cr);
    y += 8;
    snprintf(country, sizeof country, "%s %s", d->country_zh, d->country_en);
    y = field(cr, y, "发货人", "Consignor", d->exporter);
    y = field(cr, y, "收货人", "Consignee", d->consignee);
    y = field(cr, y, "品名", "Description of Goods", d->goods);
    y = field(cr, y, "报关单号", "Customs Declaration No.", d->entry_no);
    y = field(cr, y, "启运口岸", "Port of Despatch", d->port);
    y = field(cr, y, "输往国家或地区", "Country of Destination", country);
    y += 10;
    y += text(cr, MARGIN + 12, y, w - 24, FONT, 11, 1, PANGO_ALIGN_LEFT, "检验检疫结果 Results of Inspection");
    y += text(cr, MARGIN + 12, y + 4, w - 24, FONT, 10.5, 0, PANGO_ALIGN_LEFT,
              "兹证明上述货物业经检验检疫，符合输往国家或地区的要求。");
    text(cr, MARGIN + 12, y + 8, w - 24, FONT, 9.5, 0, PANGO_ALIGN_LEFT,
         "This is to certify that the goods described above have been inspected and found to comply with the "
         "requirements of the country or region of destination.");
    /* the foot: date, officer, verification code on the left; the seal; the QR on the right */
    const double qr_size = 132, foot = PAGE_H - MARGIN - qr_size - 30;
    double fy = foot;
    char line[160];
    snprintf(line, sizeof line, "签证日期 Date of Issue: %s", d->issued_date);
    fy += text(cr, MARGIN + 12, fy, 240, FONT, 10, 0, PANGO_ALIGN_LEFT, line) + 4;
    snprintf(line, sizeof line, "授权签字人 Authorized Officer: %s", d->officer);
    fy += text(cr, MARGIN + 12, fy, 240, FONT, 10, 0, PANGO_ALIGN_LEFT, line) + 4;
    snprintf(line, sizeof line, "验证码 Verification Code: %s", d->code);
    fy += text(cr, MARGIN + 12, fy, 240, FONT, 10, 1, PANGO_ALIGN_LEFT, line) + 4;
    fy += text(cr, MARGIN + 12, fy, 230, FONT, 8, 0, PANGO_ALIGN_LEFT,
               "本证书经电子签名，扫描二维码验证。This certificate is signed electronically.") +
          3;
    /* where to check it online: the public page, opened on this number (the code is above) */
    if (d->verify_url) {
        char url[320];
        snprintf(url, sizeof url, "在线验证 Verify online: %s?no=%s", d->verify_url, d->no);
        text(cr, MARGIN + 12, fy, 230, FONT, 8, 0, PANGO_ALIGN_LEFT, url);
    }
    seal(cr, MARGIN + 300, foot + 62, 54);
    cairo_set_source_rgb(cr, 0, 0, 0);
    double qx = PAGE_W - MARGIN - qr_size - 4;
    hg_rc rc = barcode_qr_draw(cr, d->qr, qx, foot - 6, qr_size, err);
    text(cr, qx, foot + qr_size - 4, qr_size, FONT, 8, 0, PANGO_ALIGN_CENTER, "扫码验证 Scan to verify");
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (!rc && cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "cannot write the PDF");
    cairo_surface_destroy(s);
    return rc;
}
