/* gate.c — the gate's pure decisions: whether a plate read at a lane is a Chinese plate
 * number, whether an OCR read is sure enough, and which failed conditions an officer may
 * override. No database, no clock. */
#include <string.h>

#include "../platform/i18n.h"
#include "gate.h"

/* The abbreviations of the 31 provincial-level divisions that issue plates (GA 36-2018
 * 《中华人民共和国机动车号牌》 §5.1), each one UTF-8 character of three bytes. */
static const char *const provinces[] = {"京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘", "皖",
                                        "鲁", "新", "苏", "浙", "赣", "鄂", "桂", "甘", "晋", "蒙", "陕",
                                        "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼", NULL};
/* The last character of a plate of four serial characters: trailers, learner cars, police. */
static const char *const endings[] = {"挂", "学", "警", NULL};

static int plate_letter(char c) { return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O'; }
static int plate_digit(char c) { return c >= '0' && c <= '9'; }
static int plate_char(char c) { return plate_letter(c) || plate_digit(c); }

static int one_of(const char *s, const char *const *set)
{
    for (int i = 0; set[i]; i++)
        if (strncmp(s, set[i], strlen(set[i])) == 0)
            return (int)strlen(set[i]);
    return 0;
}

int gate_check_plate(const char *s, const char **reason)
{
    if (!s || !*s)
        return reason ? (*reason = N_("the plate is empty"), 0) : 0;
    int n = one_of(s, provinces);
    if (!n)
        return reason ? (*reason = N_("a plate begins with a province's abbreviation (辽, 京, …)"), 0) : 0;
    s += n;
    if (!plate_letter(*s))
        return reason
                   ? (*reason = N_("the province is followed by the issuing authority's letter (A-Z, not I or O)"), 0)
                   : 0;
    s++;
    size_t len = 0;
    while (plate_char(s[len]))
        len++;
    const char *rest = s + len;
    /* ordinary plates: five letters or digits */
    if (len == 5 && !*rest)
        return 1;
    /* four, then 挂, 学 or 警 */
    if (len == 4 && (n = one_of(rest, endings)) && !rest[n])
        return 1;
    /* new-energy plates (GA 36-2018 amendment of 2016): six characters; a small car's begins
     * with D (electric) or F (not purely electric) and is followed by a letter or digit and
     * four digits; a large vehicle's is five digits then D or F */
    if (len == 6 && !*rest) {
        int small = (s[0] == 'D' || s[0] == 'F') && plate_char(s[1]);
        int large = s[5] == 'D' || s[5] == 'F';
        for (int i = 2; i < 5; i++)
            small = small && plate_digit(s[i]);
        small = small && plate_digit(s[5]);
        for (int i = 0; i < 5; i++)
            large = large && plate_digit(s[i]);
        if (small || large)
            return 1;
        return reason
                   ? (*reason = N_("a new-energy plate is D or F then five characters, or five digits then D or F"), 0)
                   : 0;
    }
    return reason ? (*reason = N_("a plate has five characters after the letter (six for new-energy vehicles)"), 0) : 0;
}

int gate_read_sure(double confidence) { return confidence >= GATE_OCR_MIN_CONFIDENCE; }

int gate_condition_overridable(const char *condition)
{
    /* the gate's own readings: an officer at the lane sees the truck and can correct them.
     * What cargo decides (released, inspection, arrival, an order on the vessel, an exit
     * already recorded) is not the gate's to set aside. */
    static const char *const own[] = {"card", "plate", "container_read", "vin_read", "weight", NULL};
    for (int i = 0; own[i]; i++)
        if (strcmp(own[i], condition) == 0)
            return 1;
    return 0;
}
