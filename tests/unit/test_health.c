/* test_health.c — the pure parts of passenger health quarantine: Base45 against RFC 9285's
 * examples, the CBOR reader and writer against RFC 8949 Appendix A, the QR container (CWT in
 * COSE_Sign1 with EdDSA, zlib, Base45: the EU DCC specification) signed, verified, tampered and
 * expired, masking, the card's field rules and the outcome rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "health/health.h"

static void base45_rfc9285(void **state)
{
    (void)state;
    /* RFC 9285 §4.3 */
    static const char *const vectors[][2] = {
        {"AB", "BB8"}, {"Hello!!", "%69 VD92EX0"}, {"base-45", "UJCLQE7W581"}, {"ietf!", "QED8WEX0"}};
    for (size_t i = 0; i < 4; i++) {
        buf b;
        buf_init(&b, 256);
        assert_int_equal(health_base45_encode((const unsigned char *)vectors[i][0], strlen(vectors[i][0]), &b), HG_OK);
        assert_string_equal(buf_str(&b), vectors[i][1]);
        buf_reset(&b);
        assert_int_equal(health_base45_decode(vectors[i][1], strlen(vectors[i][1]), &b), HG_OK);
        assert_int_equal(b.len, strlen(vectors[i][0]));
        assert_memory_equal(b.data, vectors[i][0], b.len);
        buf_free(&b);
    }
    buf b;
    buf_init(&b, 256);
    assert_int_equal(health_base45_decode("GGW", 3, &b), HG_INVALID);  /* 65535 < value: RFC 9285 §6 */
    assert_int_equal(health_base45_decode("ab", 2, &b), HG_INVALID);   /* not the alphabet */
    assert_int_equal(health_base45_decode("AAAA", 4, &b), HG_INVALID); /* a length of 3n + 1 */
    buf_free(&b);
}

static void cbor_rfc8949(void **state)
{
    (void)state;
    buf b;
    buf_init(&b, 256);
    /* RFC 8949 Appendix A: 0 -> 00, 24 -> 1818, 1000 -> 1903e8, -1 -> 20, -1000 -> 3903e7 */
    assert_int_equal(cbor_put_int(&b, 0), HG_OK);
    assert_int_equal(cbor_put_int(&b, 24), HG_OK);
    assert_int_equal(cbor_put_int(&b, 1000), HG_OK);
    assert_int_equal(cbor_put_int(&b, -1), HG_OK);
    assert_int_equal(cbor_put_int(&b, -1000), HG_OK);
    assert_int_equal(cbor_put_str(&b, CBOR_TSTR, "IETF", 4), HG_OK);
    static const unsigned char want[] = {0x00, 0x18, 0x18, 0x19, 0x03, 0xe8, 0x20, 0x39,
                                         0x03, 0xe7, 0x64, 'I',  'E',  'T',  'F'};
    assert_int_equal(b.len, sizeof want);
    assert_memory_equal(b.data, want, sizeof want);
    cbor_reader r = {(const unsigned char *)b.data, (const unsigned char *)b.data + b.len, 0};
    int64_t v;
    int64_t expect[] = {0, 24, 1000, -1, -1000};
    for (int i = 0; i < 5; i++) {
        assert_int_equal(cbor_int(&r, &v), 0);
        assert_int_equal(v, expect[i]);
    }
    const unsigned char *p;
    size_t n;
    assert_int_equal(cbor_str(&r, CBOR_TSTR, &p, &n), 0);
    assert_int_equal(n, 4);
    assert_int_equal(cbor_skip(&r), -1); /* at the end */
    /* a length beyond the input, an array claiming more items than bytes, deep nesting */
    static const unsigned char bad1[] = {0x45, 'a'}, bad2[] = {0x9a, 0xff, 0xff, 0xff, 0xff};
    cbor_reader r1 = {bad1, bad1 + sizeof bad1, 0}, r2 = {bad2, bad2 + sizeof bad2, 0};
    assert_int_equal(cbor_skip(&r1), -1);
    assert_int_equal(cbor_skip(&r2), -1);
    unsigned char deep[40];
    memset(deep, 0x81, sizeof deep);
    deep[39] = 0x00;
    cbor_reader r3 = {deep, deep + sizeof deep, 0};
    assert_int_equal(cbor_skip(&r3), -1);
    buf_free(&b);
}

static keydir_key test_key;

static hg_rc lookup(void *cls, const char *key_id, char pk_hex[65], hg_err *err)
{
    (void)cls, (void)err;
    if (strcmp(key_id, test_key.id) != 0)
        return HG_NOTFOUND;
    memcpy(pk_hex, test_key.pk_hex, 65);
    return HG_OK;
}

static void make_key(void)
{
    crypto_sign_keypair(test_key.pk, test_key.sk);
    keydir_key_id(test_key.pk, test_key.id);
    hex_encode(test_key.pk, 32, test_key.pk_hex);
}

static void qr_signed_tampered_expired(void **state)
{
    (void)state;
    make_key();
    health_qr_claims c = {.id = "HD20261203a1b2c3d4e5f6",
                          .name = "Z**** S**",
                          .document = "11**************2X",
                          .flight = "CA930",
                          .entry_date = "2026-12-03",
                          .issued_s = 1796256000,
                          .expires_s = 1796256000 + 86400};
    buf b;
    buf_init(&b, 4096);
    hg_err err;
    assert_int_equal(health_qr_encode(&test_key, &c, &b, &err), HG_OK);
    assert_memory_equal(b.data, HEALTH_QR_PREFIX, 4);
    for (size_t i = 4; i < b.len; i++) /* QR alphanumeric mode's 45 characters */
        assert_non_null(strchr("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", b.data[i]));
    health_qr_claims got;
    int64_t now = 1796256000LL * 1000 + 3600000;
    assert_int_equal(health_qr_verify(b.data, now, lookup, NULL, &got, &err), HG_OK);
    assert_string_equal(got.id, c.id);
    assert_string_equal(got.flight, "CA930");
    assert_string_equal(got.key_id, test_key.id);
    assert_int_equal(got.expires_s, c.expires_s);
    /* expired: the traveller declares again */
    assert_int_equal(health_qr_verify(b.data, c.expires_s * 1000, lookup, NULL, &got, &err), HG_INVALID);
    assert_string_equal(err.code, "qr_expired");
    /* every single character changed is refused as tampered, never accepted */
    for (size_t i = 0; i < b.len; i++) {
        char *t = strdup(b.data);
        t[i] = t[i] == 'A' ? 'B' : 'A';
        assert_int_equal(health_qr_verify(t, now, lookup, NULL, &got, &err), HG_INVALID);
        assert_string_equal(err.code, "qr_invalid");
        assert_string_equal(err.field, "qr");
        free(t);
    }
    /* another key: unknown */
    keydir_key mine = test_key;
    make_key();
    assert_int_equal(health_qr_verify(b.data, now, lookup, NULL, &got, &err), HG_INVALID);
    assert_non_null(strstr(err.message, "unknown key"));
    test_key = mine;
    buf_free(&b);
}

static void masking(void **state)
{
    (void)state;
    char out[64];
    health_mask("11010519491231002X", out, sizeof out);
    assert_string_equal(out, "11**************2X");
    health_mask("13912345678", out, sizeof out);
    assert_string_equal(out, "13*******78");
    health_mask("E123", out, sizeof out);
    assert_string_equal(out, "****");
    health_mask_name("ERIKSSON<<ANNA<MARIA", out, sizeof out);
    assert_string_equal(out, "E******* A*** M****");
    health_mask_name("张三", out, sizeof out);
    assert_string_equal(out, "****");
}

static void field_rules(void **state)
{
    (void)state;
    const char *why;
    /* the card's "flight or vessel": a ship's voyage passes for a vessel, not for a flight */
    assert_true(health_trip_rule("vessel", "BHF1203", &why));
    assert_false(health_trip_rule("flight", "BHF1203", &why));
    assert_false(health_trip_rule(NULL, "BHF1203", &why)); /* a flight unless said otherwise */
    assert_true(health_trip_rule(NULL, "CA930", &why));
    assert_false(health_trip_rule("vessel", "BOHAI", &why)); /* no number */
    assert_false(health_trip_rule("vessel", "bh12", &why));
    /* IATA Resolution 762 flight designators */
    assert_true(health_check_flight("CA930", &why));
    assert_true(health_check_flight("MU5138", &why));
    assert_true(health_check_flight("3U8888", &why));
    assert_true(health_check_flight("CA930A", &why));
    assert_false(health_check_flight("930", &why));
    assert_false(health_check_flight("12345", &why));
    assert_false(health_check_flight("CA93000", &why));
    /* mobile numbers: mainland 11 digits or E.164 */
    assert_true(health_check_phone("13912345678", &why));
    assert_true(health_check_phone("+46701234567", &why));
    assert_false(health_check_phone("12912345678", &why));
    assert_false(health_check_phone("+0123456789", &why));
    /* the address for the next 14 days: not a placeholder, with a street number */
    assert_true(health_check_address("大连市中山区人民路15号1203室", &why));
    assert_false(health_check_address("hotel", &why));
    assert_false(health_check_address("U N K N O W N", &why));
    assert_false(health_check_address("酒店", &why));
    assert_false(health_check_address("Shangri-La Hotel Dalian", &why));
    /* ICAO 9303 part 3 names; dates */
    assert_true(health_check_mrz_name("ZHANG<<SAN", &why));
    assert_false(health_check_mrz_name("Zhang San", &why));
    assert_true(health_check_date("2024-02-29", &why));
    assert_false(health_check_date("2023-02-29", &why));
    /* the passport MRZ (ICAO 9303 part 4 specimen), as pasted or with a space */
    const char *mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    assert_true(health_check_mrz(mrz, &why));
    assert_false(health_check_mrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< "
                                  "L898902C36UTO7408122F1204159ZE184226B<<<<<11",
                                  &why));
}

static void outcome_rule(void **state)
{
    (void)state;
    const char *why;
    int handover;
    /* negative and no symptoms: cleared */
    health_facts ok = {.negative = 1};
    assert_string_equal(health_clearance(&ok, &why, &handover), "cleared");
    assert_false(handover);
    /* positive, symptomatic, fever (37.3 °C) or a close contact: handed over (转运) */
    health_facts cases[] = {
        {.positive = 1}, {.symptoms = 1, .negative = 1}, {.fever = 1, .negative = 1}, {.contact = 1, .negative = 1}};
    for (size_t i = 0; i < 4; i++) {
        assert_null(health_clearance(&cases[i], &why, &handover));
        assert_true(handover);
        assert_non_null(why);
    }
    /* results pending, or none yet: wait */
    health_facts pending = {.pending = 1}, none = {0};
    assert_null(health_clearance(&pending, &why, &handover));
    assert_false(handover);
    assert_null(health_clearance(&none, &why, &handover));
    assert_false(handover);
}

static void periods(void **state)
{
    (void)state;
    char k[12];
    /* 2026-12-31T20:00Z is 2027-01-01 04:00 in Shanghai: ISO week 2026-W53 */
    int64_t ms = 1798747200000LL;
    assert_int_equal(health_period_key("day", ms, k), 0);
    assert_string_equal(k, "2027-01-01");
    assert_int_equal(health_period_key("week", ms, k), 0);
    assert_string_equal(k, "2026-W53");
    assert_int_equal(health_period_key("month", ms, k), 0);
    assert_string_equal(k, "2027-01");
    assert_int_equal(health_period_key("year", ms, k), -1);
}

/* The public declaration route's limit per client address (a choice, docs/health.md: the
 * sources are silent): a minute's allowance at once, then one every 60/per_min seconds, and the
 * refusal says how long to wait (RFC 9110 §10.2.3, Retry-After in seconds). */
static void declare_rate_bucket(void **state)
{
    (void)state;
    health_bucket b = {.tokens_milli = 3000, .at_ms = 0};
    int retry = 0;
    for (int i = 0; i < 3; i++)
        assert_int_equal(health_bucket_take(&b, 10, 3, &retry), 1);
    assert_int_equal(health_bucket_take(&b, 10, 3, &retry), 0); /* a 4th in the same minute: refused */
    assert_int_equal(retry, 20);                                /* 3 a minute: one every 20 s */
    assert_int_equal(health_bucket_take(&b, 15010, 3, &retry), 0);
    assert_int_equal(retry, 5);
    assert_int_equal(health_bucket_take(&b, 20010, 3, &retry), 1); /* 20 s later: one again */
    assert_int_equal(health_bucket_take(&b, 10 * 60000, 3, &retry), 1);
    assert_int_equal(b.tokens_milli, 2000); /* never more than a minute's worth */
    /* the table: one address refused, another admitted; 0 = no limit */
    int64_t t = 1700000000000;
    assert_int_equal(health_declare_admit("192.0.2.1", t, 2, &retry), 1);
    assert_int_equal(health_declare_admit("192.0.2.1", t, 2, &retry), 1);
    assert_int_equal(health_declare_admit("192.0.2.1", t, 2, &retry), 0);
    assert_int_equal(retry, 30);
    assert_int_equal(health_declare_admit("192.0.2.2", t, 2, &retry), 1);
    assert_int_equal(health_declare_admit("192.0.2.1", t, 0, &retry), 1);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(base45_rfc9285),
        cmocka_unit_test(cbor_rfc8949),
        cmocka_unit_test(qr_signed_tampered_expired),
        cmocka_unit_test(masking),
        cmocka_unit_test(field_rules),
        cmocka_unit_test(outcome_rule),
        cmocka_unit_test(periods),
        cmocka_unit_test(declare_rate_bucket),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
