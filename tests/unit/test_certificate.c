/* test_certificate.c — the certificate area's pure rules: its numbers and what the
 * inspections must have found before a certificate is applied for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "certificate/certificate.h"

static void numbers(void **state)
{
    (void)state;
    char no[17];
    /* port (关区代码) + year + kind + serial: one number per certificate, never reused */
    assert_int_equal(certificate_number("0902", 2026, "PC", 1, no), 0);
    assert_string_equal(no, "09022026PC000001");
    assert_int_equal(certificate_number("0902", 2026, "HC", 999999, no), 0);
    assert_string_equal(no, "09022026HC999999");
    /* refused: a serial past six digits, a port that is not a customs code, a kind not two letters */
    assert_int_equal(certificate_number("0902", 2026, "PC", 1000000, no), -1);
    assert_int_equal(certificate_number("0902", 2026, "PC", 0, no), -1);
    assert_int_equal(certificate_number("CNDLC", 2026, "PC", 1, no), -1);
    assert_int_equal(certificate_number("09A2", 2026, "PC", 1, no), -1);
    assert_int_equal(certificate_number("0902", 2026, "pc", 1, no), -1);
    assert_int_equal(certificate_number("0902", 2026, "PCX", 1, no), -1);
    assert_int_equal(certificate_number("0902", 99, "PC", 1, no), -1);
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
