/* certificate_docs.c — the documents made at issue: the verification code printed on the
 * certificate, the QR code's text (certificate_qr.c) and the PDF (certificate_pdf.c) signed
 * with its own signature line, with its SHA-256, all kept with the certificate so that the
 * genuine PDF is served and compared as it was issued (fonts and libraries may change later;
 * the PDF does not). The page prints where to check it online (HAIGUAN_CERT_VERIFY_URL). */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../platform/iso_names.h"
#include "../platform/mem.h"
#include "certificate_docs.h"

/* The address of the public verification page printed on certificates:
 * HAIGUAN_CERT_VERIFY_URL (an absolute URL), else the console's path "/verify". */
static const char *verify_url(void)
{
    /* the operator's public address of the console's page (https://…/verify); without it the
     * page's path on this server, which the console serves (web/src/areas/certificate/) */
    const char *v = getenv("HAIGUAN_CERT_VERIFY_URL");
    return v && *v && strlen(v) < 200 && !strpbrk(v, " \t\r\n?#") ? v : "/verify";
}

void certificate_code(char out[CERTIFICATE_CODE_LEN + 1])
{
    /* Crockford's alphabet less the letters read as digits: 31 symbols, 10 of them ≈ 49 bits */
    static const char alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    for (int i = 0; i < CERTIFICATE_CODE_LEN; i++)
        out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
    out[CERTIFICATE_CODE_LEN] = 0;
}

/* The country's names in Chinese and English (iso-codes); the code itself when unknown. */
static void country_names(const char *code, char *zh, char *en, size_t n)
{
    snprintf(zh, n, "%s", code);
    snprintf(en, n, "%s", code);
    const char *all = iso_names_json();
    json_t *j = all ? json_loads(all, 0, NULL) : NULL;
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(j, "countries"), i, c)
    {
        if (!strcmp(json_string_value(json_object_get(c, "code")) ? json_string_value(json_object_get(c, "code")) : "",
                    code)) {
            snprintf(zh, n, "%s", json_string_value(json_object_get(c, "zh")) ?: code);
            snprintf(en, n, "%s", json_string_value(json_object_get(c, "en")) ?: code);
            break;
        }
    }
    json_decref(j);
}

hg_rc certificate_documents(const keydir_key *k, const certificate_facts *f, certificate_docs *out, hg_err *err)
{
    memset(out, 0, sizeof *out);
    buf_init(&out->qr, 2048);
    buf_init(&out->pdf, CERTIFICATE_PDF_MAX);
    certificate_code(out->code);
    certificate_qr_claims q = {.version = 1, .status = CERTIFICATE_STATUS_ISSUED, .issued_s = f->issued_ms / 1000};
    snprintf(q.no, sizeof q.no, "%s", f->no);
    snprintf(q.code, sizeof q.code, "%s", out->code);
    crypto_hash_sha256(q.digest, (const unsigned char *)f->canonical, strlen(f->canonical));
    hg_rc rc = certificate_qr_encode(k, &q, &out->qr, err);
    char zh[128], en[128], date[16];
    country_names(f->country, zh, en, sizeof zh);
    /* the date of issue as the port keeps it (Asia/Shanghai, UTC+8 all year) */
    time_t t = (time_t)(f->issued_ms / 1000 + 8 * 3600);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "%Y-%m-%d", &tm);
    certificate_doc d = {.no = f->no,
                         .kind_zh = f->kind_zh,
                         .kind_en = f->kind_en,
                         .exporter = f->exporter,
                         .consignee = f->consignee,
                         .country_zh = zh,
                         .country_en = en,
                         .goods = f->goods,
                         .entry_no = f->entry_no,
                         .port = f->port,
                         .issued_date = date,
                         .officer = f->officer,
                         .code = out->code,
                         .qr = out->qr.data,
                         .replaces = f->replaces,
                         .verify_url = verify_url(),
                         .issued_ms = f->issued_ms};
    if (!rc)
        rc = certificate_pdf_render(&d, &out->pdf, err);
    if (!rc && certificate_pdf_seal(k, &out->pdf))
        rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    unsigned char h[32];
    if (!rc) {
        crypto_hash_sha256(h, (const unsigned char *)out->pdf.data, out->pdf.len);
        hex_encode(h, sizeof h, out->pdf_sha256);
        size_t n = sodium_base64_encoded_len(out->pdf.len, sodium_base64_VARIANT_ORIGINAL);
        out->pdf_base64 = xmalloc(n);
        if (!out->pdf_base64)
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        else
            sodium_bin2base64(out->pdf_base64, n, (const unsigned char *)out->pdf.data, out->pdf.len,
                              sodium_base64_VARIANT_ORIGINAL);
    }
    if (rc)
        certificate_docs_free(out);
    return rc;
}

void certificate_docs_free(certificate_docs *d)
{
    buf_free(&d->qr);
    buf_free(&d->pdf);
    xfree(d->pdf_base64);
    d->pdf_base64 = NULL;
}

hg_rc certificate_pdf_decode(const char *base64, buf *out, hg_err *err)
{
    size_t n = strlen(base64), len = 0;
    unsigned char *raw = xmalloc(n / 4 * 3 + 3);
    hg_rc rc = raw ? HG_OK : HG_NOMEM;
    if (!rc && sodium_base642bin(raw, n / 4 * 3 + 3, base64, n, NULL, &len, NULL, sodium_base64_VARIANT_ORIGINAL))
        rc = HG_INTERNAL;
    if (!rc)
        rc = buf_append(out, raw, len);
    xfree(raw);
    return rc ? hg_fail(err, rc, NULL, NULL, "the stored PDF cannot be read") : HG_OK;
}
