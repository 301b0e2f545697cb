/* test_certificate.c — the certificate area's pure rules: its numbers, what the inspections
 * must have found before a certificate is applied for, and the offline checks: the QR code
 * (forged, altered, cut short) and the PDF's signature line (one byte changed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "certificate/certificate.h"

static keydir_key key, other;

/* Keys from fixed seeds (1s: ours, 2s: a forger's, unknown to the lookup). */
static void make_key(keydir_key *k, unsigned char fill)
{
    unsigned char seed[32];
    memset(seed, fill, sizeof seed);
    crypto_sign_seed_keypair(k->pk, k->sk, seed);
    keydir_key_id(k->pk, k->id);
    hex_encode(k->pk, 32, k->pk_hex);
}

static hg_rc lookup(void *cls, const char *key_id, char pk_hex[65], hg_err *err)
{
    (void)cls, (void)err;
    if (strcmp(key_id, key.id) != 0)
        return HG_NOTFOUND;
    memcpy(pk_hex, key.pk_hex, 65);
    return HG_OK;
}

static certificate_qr_claims claims(void)
{
    certificate_qr_claims c = {.version = 1, .status = CERTIFICATE_STATUS_ISSUED, .issued_s = 1796000000};
    snprintf(c.no, sizeof c.no, "%s", "09012026HC000001");
    snprintf(c.code, sizeof c.code, "%s", "ABCDE23456");
    memset(c.digest, 7, sizeof c.digest);
    return c;
}

static void qr_round_trip_and_refusals(void **state)
{
    (void)state;
    make_key(&key, 1);
    make_key(&other, 2);
    certificate_qr_claims c = claims(), got;
    buf qr;
    buf_init(&qr, 4096);
    hg_err err;
    assert_int_equal(certificate_qr_encode(&key, &c, &qr, &err), HG_OK);
    assert_int_equal(strncmp(qr.data, "HGC1:", 5), 0);
    assert_int_equal(certificate_qr_verify(qr.data, lookup, NULL, &got, &err), HG_OK);
    assert_string_equal(got.no, c.no);
    assert_string_equal(got.code, c.code);
    assert_int_equal(got.status, 70);
    assert_memory_equal(got.digest, c.digest, sizeof c.digest);
    assert_string_equal(got.key_id, key.id);
    /* a character changed, cut short, another prefix: refused naming the field */
    char *bad = strdup(qr.data);
    bad[20] = bad[20] == 'A' ? 'B' : 'A';
    assert_int_equal(certificate_qr_verify(bad, lookup, NULL, &got, &err), HG_INVALID);
    assert_string_equal(err.field, "qr");
    assert_string_equal(err.code, "qr_invalid");
    memcpy(bad, qr.data, qr.len + 1);
    bad[qr.len - 3] = 0;
    assert_int_equal(certificate_qr_verify(bad, lookup, NULL, &got, &err), HG_INVALID);
    assert_int_equal(
        certificate_qr_verify("HG1:6BFOXN*TS0BI$ZD-PHQ7I9AD66V5B22CH9M9ESI9XBHXK-%69LQOGI.*V76GCV4*XUA2P-FHT-HNXHQ",
                              lookup, NULL, &got, &err),
        HG_INVALID);
    assert_non_null(strstr(err.message, "HGC1:"));
    /* a forger's key, however well formed the code: unknown key */
    buf forged;
    buf_init(&forged, 4096);
    assert_int_equal(certificate_qr_encode(&other, &c, &forged, &err), HG_OK);
    assert_int_equal(certificate_qr_verify(forged.data, lookup, NULL, &got, &err), HG_INVALID);
    assert_non_null(strstr(err.message, "unknown key"));
    free(bad);
    buf_free(&qr);
    buf_free(&forged);
}

static void pdf_signature_line(void **state)
{
    (void)state;
    make_key(&key, 1);
    const char body[] = "%PDF-1.5\n1 0 obj << /Keywords (HGC1:ABC) >> endobj\n%%EOF\n";
    buf pdf;
    buf_init(&pdf, 4096);
    assert_int_equal(buf_puts(&pdf, body), HG_OK);
    assert_int_equal(certificate_pdf_seal(&key, &pdf), HG_OK);
    char qr[64];
    const char *why;
    hg_err err;
    assert_int_equal(certificate_pdf_check(pdf.data, pdf.len, lookup, NULL, qr, sizeof qr, &why, &err), HG_OK);
    assert_string_equal(qr, "HGC1:ABC");
    /* every byte counts: one changed anywhere, before or in the signature line */
    for (size_t i = 0; i < pdf.len; i += 7) {
        pdf.data[i] ^= 1;
        assert_int_equal(certificate_pdf_check(pdf.data, pdf.len, lookup, NULL, qr, sizeof qr, &why, &err), HG_INVALID);
        assert_non_null(why);
        pdf.data[i] ^= 1;
    }
    /* cut short, or with no signature line */
    assert_int_equal(certificate_pdf_check(pdf.data, pdf.len - 1, lookup, NULL, qr, sizeof qr, &why, &err), HG_INVALID);
    assert_int_equal(certificate_pdf_check(body, strlen(body), lookup, NULL, qr, sizeof qr, &why, &err), HG_INVALID);
    assert_non_null(strstr(why, "no certificate signature"));
    buf_free(&pdf);
}

static void numbers(void **state)
{
    (void)state;
    char no[17];
    /* port (关区代码) + year + kind + serial: one number per certificate, never reused */
    assert_int_equal(certificate_number("0901", 2026, "PC", 1, no), 0);
    assert_string_equal(no, "09012026PC000001");
    assert_int_equal(certificate_number("0901", 2026, "HC", 999999, no), 0);
    assert_string_equal(no, "09012026HC999999");
    /* refused: a serial past six digits, a port that is not a customs code, a kind not two letters */
    assert_int_equal(certificate_number("0901", 2026, "PC", 1000000, no), -1);
    assert_int_equal(certificate_number("0901", 2026, "PC", 0, no), -1);
    assert_int_equal(certificate_number("CNDLC", 2026, "PC", 1, no), -1);
    assert_int_equal(certificate_number("09A2", 2026, "PC", 1, no), -1);
    assert_int_equal(certificate_number("0901", 2026, "pc", 1, no), -1);
    assert_int_equal(certificate_number("0901", 2026, "PCX", 1, no), -1);
    assert_int_equal(certificate_number("0901", 99, "PC", 1, no), -1);
}

static void inspected(void **state)
{
    (void)state;
    hg_err err;
    /* 进出口商品检验法实施条例 art. 24: a certificate attests the inspection's result */
    assert_int_equal(certificate_inspected(1, 0, 0, &err), HG_OK);
    assert_int_equal(certificate_inspected(0, 0, 0, &err), HG_CONFLICT);
    assert_string_equal(err.code, "not_inspected");
    assert_int_equal(certificate_inspected(1, 1, 0, &err), HG_CONFLICT);
    assert_string_equal(err.code, "inspection_open");
    assert_int_equal(certificate_inspected(2, 0, 1, &err), HG_CONFLICT);
    assert_string_equal(err.code, "inspection_failed");
    assert_string_equal(err.field, "entry_no");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers),
        cmocka_unit_test(inspected),
        cmocka_unit_test(qr_round_trip_and_refusals),
        cmocka_unit_test(pdf_signature_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
