/* test_units.c — unit tests of the customs table of units of measurement (海关计量单位代码表,
 * src/platform/units.c): its shape, the lookups by name and code, the normaliser and the check
 * of an item's unit, its JSON, and that every legal unit the navigation tables give a tariff
 * line is in it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "platform/units.h"
#include "services/services.h"

static void the_table_is_sorted_by_unique_three_digit_codes_with_unique_names(void **state)
{
    (void)state;
    size_t n;
    const unit_entry *t = units_table(&n);
    assert_true(n >= 100);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(strlen(t[i].code), 3);
        assert_int_equal(strspn(t[i].code, "0123456789"), 3);
        assert_true(t[i].zh[0] && t[i].en[0]);
        /* the English name is English: a page in English shows no Chinese (issue 16) */
        for (const unsigned char *p = (const unsigned char *)t[i].en; *p; p++)
            assert_true(*p < 0x80);
        if (i)
            assert_true(strcmp(t[i - 1].code, t[i].code) < 0);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(t[j].zh, t[i].zh);
    }
}

static void units_are_found_by_chinese_name_and_by_code(void **state)
{
    (void)state;
    /* the facts of the table the brief names (海关计量单位代码表) */
    static const char *const known[][2] = {{"001", "台"}, {"007", "个"}, {"011", "件"}, {"035", "千克"},
                                           {"036", "克"}, {"070", "吨"}, {"095", "升"}, {"096", "毫升"},
                                           {"120", "箱"}, {"142", "瓶"}, {"003", "辆"}, {"130", "匹"}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        const unit_entry *u = units_by_code(known[i][0]);
        assert_non_null(u);
        assert_string_equal(u->zh, known[i][1]);
        assert_ptr_equal(units_by_name(known[i][1]), u);
    }
    assert_string_equal(units_by_name("千克")->en, "kilogram");
    assert_null(units_by_name("公斤")); /* colloquial, not the table's */
    assert_null(units_by_name("kg"));
    assert_null(units_by_name(""));
    assert_null(units_by_name(NULL));
    assert_null(units_by_code("999"));
    assert_null(units_by_code("35"));
}

static void an_items_unit_is_its_chinese_name(void **state)
{
    (void)state;
    const char *why = NULL;
    /* accepted: the name, as the tariff's legal units and the printed declaration state it */
    assert_true(check_unit("千克", &why));
    assert_true(check_unit("台", NULL));
    /* refused: an unknown word, a name with spaces (a code reaches check_unit as its name) */
    assert_false(check_unit("公斤", &why));
    assert_non_null(strstr(why, "not a unit of the customs table"));
    assert_false(check_unit(" 千克", NULL));
    assert_false(check_unit("KG", NULL));
}

static void a_units_code_is_normalised_to_its_name(void **state)
{
    (void)state;
    /* EDI and the single window send the code: it is stored as the name, once, on input */
    assert_string_equal(units_name_of("035"), "千克");
    assert_string_equal(units_name_of("001"), "台");
    /* a name is kept as sent; an unknown code or word is left for check_unit to refuse */
    assert_null(units_name_of("千克"));
    assert_null(units_name_of("999"));
    assert_null(units_name_of("35"));
    assert_null(units_name_of(""));
}

static void the_json_lists_every_row_with_the_version(void **state)
{
    (void)state;
    const char *text = units_json();
    assert_non_null(text);
    assert_ptr_equal(units_json(), text); /* built once */
    json_error_t e;
    json_t *o = json_loads(text, 0, &e);
    assert_non_null(o);
    assert_int_equal(json_integer_value(json_object_get(o, "version")), UNITS_VERSION);
    size_t n;
    const unit_entry *t = units_table(&n);
    json_t *items = json_object_get(o, "items");
    assert_int_equal(json_array_size(items), n);
    json_t *first = json_array_get(items, 0);
    assert_string_equal(json_string_value(json_object_get(first, "code")), t[0].code);
    assert_string_equal(json_string_value(json_object_get(first, "name_zh")), t[0].zh);
    assert_string_equal(json_string_value(json_object_get(first, "name_en")), t[0].en);
    json_decref(o);
}

static void every_legal_unit_of_the_navigation_tables_is_in_the_table(void **state)
{
    (void)state;
    /* else a line's legal unit would be one the declaration cannot state */
    for (const hs_line *l = hs_lines; l->code; l++) {
        if (!units_by_name(l->unit1))
            fail_msg("%s: legal unit %s is not in the table", l->code, l->unit1);
        if (l->unit2 && !units_by_name(l->unit2))
            fail_msg("%s: second legal unit %s is not in the table", l->code, l->unit2);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_table_is_sorted_by_unique_three_digit_codes_with_unique_names),
        cmocka_unit_test(units_are_found_by_chinese_name_and_by_code),
        cmocka_unit_test(an_items_unit_is_its_chinese_name),
        cmocka_unit_test(a_units_code_is_normalised_to_its_name),
        cmocka_unit_test(the_json_lists_every_row_with_the_version),
        cmocka_unit_test(every_legal_unit_of_the_navigation_tables_is_in_the_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
