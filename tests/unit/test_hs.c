/* test_hs.c — the HS 2022 headings of the smart declaration navigation (智慧申报导航) are the
 * whole nomenclature: every chapter but the reserved 77 has its headings, each a 4-digit code
 * held once, in code order, in the part of its own section, with a Chinese and an English name;
 * the 2022 amendments are in, the headings they deleted are out; the search and the lookups
 * reach the headings of every part. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "services/services.h"

static int chapter_of(const hs_heading *h) { return (h->code[0] - '0') * 10 + (h->code[1] - '0'); }

static int digits4(const char *s)
{
    if (strlen(s) != 4)
        return 0;
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int has_non_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 1;
    return 0;
}

static void every_heading_in_its_section(void **state)
{
    (void)state;
    int per_chapter[98] = {0}, n = 0;
    const hs_heading *prev = NULL;
    for (const hs_heading *const *part = hs_heading_parts; *part; part++) {
        /* a part is one section's (or half of one's): its headings all in that section */
        assert_non_null((*part)->code);
        const hs_section *s = hs_section_of(chapter_of(*part));
        assert_non_null(s);
        for (const hs_heading *h = *part; h->code; h++, n++) {
            assert_true(digits4(h->code));
            int c = chapter_of(h);
            assert_true(c >= s->first && c <= s->last);
            assert_ptr_equal(hs_section_of(c), s);
            /* in code order over all parts, so each code once */
            if (prev)
                assert_true(strcmp(prev->code, h->code) < 0);
            prev = h;
            /* names in both languages: Chinese (some of it not ASCII: 9022 starts "X射线") and
             * English (an ASCII capital first) */
            assert_true(h->zh && strlen(h->zh) >= 3 && has_non_ascii(h->zh));
            assert_true(h->en && h->en[0] >= 'A' && h->en[0] <= 'Z');
            per_chapter[c]++;
            /* the lookups find it, by its code and by its index */
            assert_ptr_equal(hs_heading_find(h->code), h);
            assert_ptr_equal(hs_heading_at(n), h);
        }
    }
    assert_null(hs_heading_at(n));
    assert_null(hs_heading_at(-1));
    /* Every chapter has headings but 77, reserved for a possible future use in the HS. */
    for (int c = 1; c <= 97; c++)
        if (c == 77)
            assert_int_equal(per_chapter[c], 0);
        else
            assert_true(per_chapter[c] > 0);
    /* The WCO gives the HS 2022 edition 1,228 headings (HS 2017: 1,222; 2022 added 0309, 2404,
     * 3827, 8485, 8524, 8549, 8806 and 8807, and deleted 8107 and 8803). Chapters that are
     * easy to count by hand: */
    assert_int_equal(n, 1228);
    assert_int_equal(per_chapter[3], 9);
    assert_int_equal(per_chapter[28], 50);
    assert_int_equal(per_chapter[29], 42);
    assert_int_equal(per_chapter[84], 87);
    assert_int_equal(per_chapter[85], 48);
    assert_int_equal(per_chapter[88], 6);
    assert_int_equal(per_chapter[97], 6);
}

static void the_2022_amendments(void **state)
{
    (void)state;
    /* new in HS 2022 */
    const char *added[] = {"0309", "2404", "3827", "8485", "8524", "8549", "8806", "8807"};
    for (size_t i = 0; i < sizeof added / sizeof *added; i++)
        assert_non_null(hs_heading_find(added[i]));
    assert_non_null(strstr(hs_heading_find("8524")->en, "Flat panel display modules"));
    assert_non_null(strstr(hs_heading_find("8549")->zh, "电子电气废弃物"));
    assert_non_null(strstr(hs_heading_find("8806")->en, "Unmanned aircraft"));
    /* deleted: cadmium (8107) went to 8112, aircraft parts (8803) to 8807; 8548 stays for
     * electrical parts n.e.s. once its waste went to 8549 */
    assert_null(hs_heading_find("8107"));
    assert_null(hs_heading_find("8803"));
    assert_non_null(strstr(hs_heading_find("8112")->en, "cadmium"));
    assert_non_null(strstr(hs_heading_find("8548")->en, "Electrical parts"));
    /* deleted before 2017 and not back */
    const char *gone[] = {"0503", "0509", "1519", "2527", "2838", "2848", "2851", "4204", "4815",
                          "5304", "6503", "6908", "7012", "8520", "9009", "9203", "9501"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        assert_null(hs_heading_find(gone[i]));
    /* a code shorter than a heading is no heading; a line's code finds its heading */
    assert_null(hs_heading_find("42"));
    assert_null(hs_heading_find(NULL));
    assert_string_equal(hs_heading_find("4202210000")->code, "4202");
}

/* The first hit of the level wanted, or NULL. */
static const hs_heading *first_heading(const char *q)
{
    hs_hit hits[20];
    size_t n = hs_search(q, hits, 20);
    for (size_t i = 0; i < n; i++)
        if (hits[i].level == HS_HEADING)
            return hs_heading_at(hits[i].index);
    return NULL;
}

static void search_reaches_every_part(void **state)
{
    (void)state;
    /* headings of parts far apart, in Chinese and in English */
    assert_string_equal(first_heading("手提包")->code, "4202");
    assert_string_equal(first_heading("pianos")->code, "9201");
    assert_string_equal(first_heading("平板显示模组")->code, "8524");
    assert_string_equal(first_heading("flat panel display modules")->code, "8524");
    assert_string_equal(first_heading("无人驾驶航空器")->code, "8806");
    assert_string_equal(first_heading("Antiques")->code, "9706");
    assert_string_equal(first_heading("鲜、冷牛肉")->code, "0201");
    /* a heading's code, first among its lines */
    hs_hit hits[5];
    assert_true(hs_search("9201", hits, 5) >= 1);
    assert_int_equal(hits[0].level, HS_HEADING);
    assert_string_equal(hs_heading_at(hits[0].index)->code, "9201");
    /* a chapter's code: the chapter, then its headings */
    size_t n = hs_search("92", hits, 5);
    assert_int_equal(n, 5);
    assert_int_equal(hits[0].level, HS_CHAPTER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_heading_in_its_section),
        cmocka_unit_test(the_2022_amendments),
        cmocka_unit_test(search_reaches_every_part),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
