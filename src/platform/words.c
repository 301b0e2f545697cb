/* words.c — the table of enum values and their English words (words.h); their Chinese is in
 * po/zh_CN.po. One word per value across the areas: where two areas share a value (released,
 * active) the word is the one both can read. */
#include "words.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

static const struct {
    const char *value;
    const char *word;
} words[] = {
    /* declarations (cargo), manifests, change requests */
    {"filed", N_("filed")},
    {"inspection", N_("under inspection")},
    {"permitted", N_("permitted to leave under seal")},
    {"released", N_("released")},
    {"refused", N_("refused")},
    {"returned", N_("returned for correction")},
    {"cancelled", N_("cancelled")},
    {"arrived", N_("arrived")},
    {"pending", N_("pending")},
    {"approved", N_("approved")},
    {"modify", N_("modification")},
    {"cancel", N_("cancellation")},
    {"amend", N_("amendment")},
    /* certificates */
    {"applied", N_("applied for")},
    {"issued", N_("issued")},
    {"annulled", N_("annulled")},
    /* cards, agencies, producers, rules, guarantees */
    {"active", N_("active")},
    {"suspended", N_("suspended")},
    {"replaced", N_("replaced")},
    {"revoked", N_("revoked")},
    {"registered", N_("registered")},
    {"draft", N_("draft")},
    {"rejected", N_("rejected")},
    {"converted", N_("converted to payment")},
    {"lapsed", N_("lapsed")},
    {"expired", N_("expired")},
    /* tax */
    {"due", N_("due")},
    {"paid", N_("paid")},
    {"guaranteed", N_("guaranteed")},
    {"deferred", N_("deferred")},
    {"waiver", N_("late-fee waiver")},
    {"deferral", N_("deferral")},
    /* gate holds, lanes, travellers, vessels */
    {"open", N_("open")},
    {"closed", N_("closed")},
    {"set_aside", N_("set aside")},
    {"in", N_("entry")},
    {"out", N_("exit")},
    {"cleared", N_("cleared")},
    {"handed over", N_("handed over")},
    {"declared", N_("declared")},
    {"departed", N_("departed")},
    /* directions and transport modes */
    {"import", N_("import")},
    {"export", N_("export")},
    {"sea", N_("sea")},
    {"air", N_("air")},
    {"road", N_("road")},
    {"rail", N_("rail")},
    /* credit levels (GACC Order 251) and a ship's warning level */
    {"advanced_certified", N_("advanced certified enterprise")},
    {"general_certified", N_("general certified enterprise")},
    {"general_credit", N_("general credit enterprise")},
    {"dishonest", N_("dishonest enterprise")},
    {"unknown", N_("unknown")},
    {"radio_pratique", N_("free pratique by radio")},
    {"board", N_("boarding quarantine")},
    {"lock", N_("locked")},
    /* enterprise kinds */
    {"importer", N_("importer")},
    {"exporter", N_("exporter")},
    {"broker", N_("customs broker")},
    {"shipping_agent", N_("shipping agent")},
    {"carrier", N_("carrier")},
    {"airline", N_("airline")},
    {"manufacturer", N_("manufacturer")},
    {"logistics", N_("logistics company")},
    {"not registered", N_("not registered")},
    /* fields of no record table that messages name (sign-in), and fields that several tables
     * label differently (name: 企业名称, 姓名, ...): a generic word, their name in English */
    {"username", N_("username")},
    {"password", N_("password")},
    {"name", N_("name")},
    {"kind", N_("kind")},
    {"code", N_("code")},
    {"id", N_("id")},
    {"at", N_("at")},
    {"direction", N_("direction")},
    {"enterprise", N_("enterprise")},
    {"items", N_("items")},
    {"line_no", N_("line_no")},
    {"reason", N_("reason")},
    {"port", N_("port")},
    {"result", N_("result")},
    {"level", N_("level")},
    {"note", N_("note")},
    {"officer", N_("officer")},
    {"text", N_("text")},
    {"unit", N_("unit")},
    {"origin", N_("origin")},
    {"person", N_("person")},
    {"producer", N_("producer")},
    {"vehicle", N_("vehicle")},
    {"barcode", N_("barcode")},
    {"decision", N_("decision")},
    {"findings", N_("findings")},
    {"consignee", N_("consignee")},
    {"flight_no", N_("flight_no")},
    {"mrz", N_("mrz")},
    {"created_at", N_("created_at")},
    {"updated_at", N_("updated_at")},
    {"issued_at", N_("issued_at")},
    {"issued_by", N_("issued_by")},
    {"valid_from", N_("valid_from")},
    {"valid_to", N_("valid_to")},
    {"arrived_at", N_("arrived_at")},
    {"arrived_on", N_("arrived_on")},
    {"started_at", N_("started_at")},
    {"ended_at", N_("ended_at")},
    {"result_at", N_("result_at")},
    {"result_by", N_("result_by")},
    {"purged_at", N_("purged_at")},
    {"trade_country", N_("trade_country")},
    {"gross_weight_kg", N_("gross_weight_kg")},
    {"net_weight_kg", N_("net_weight_kg")},
    {"source", N_("source")},
    {"after", N_("after")},
    {"period", N_("period")},
};

const char *hg_word(const char *value)
{
    for (size_t i = 0; value && i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i].value, value) == 0)
            return words[i].word;
    return value;
}

const char *hg_word_list(const char *values, char *out, size_t n)
{
    char zh[384];
    size_t k = 0, len = 0, zlen = 0;
    const char *p = values ? values : "";
    for (const char *q = p; *q; q += strcspn(q, ","), q += *q == ',')
        k += strcspn(q, ",") > 0;
    if (!n)
        return out;
    out[0] = zh[0] = '\0';
    for (size_t i = 0; *p; p += strcspn(p, ","), p += *p == ',') {
        char value[64];
        size_t vl = strcspn(p, ",");
        if (!vl)
            continue;
        snprintf(value, sizeof value, "%.*s", (int)vl, p);
        const char *en = hg_word(value), *t = i18n_zh_format(en);
        /* English joins the last two with "and", the others with commas; Chinese with 、 */
        const char *sep = i == 0 ? "" : i + 1 == k ? " and " : ", ";
        int w = snprintf(out + len, n - len, "%s%s", sep, en);
        len = w < 0 || (size_t)w >= n - len ? n - 1 : len + (size_t)w;
        w = snprintf(zh + zlen, sizeof zh - zlen, "%s%s", i ? "、" : "", t ? t : en);
        zlen = w < 0 || (size_t)w >= sizeof zh - zlen ? sizeof zh - 1 : zlen + (size_t)w;
        i++;
    }
    i18n_trim_utf8(zh);
    i18n_remember(out, zh);
    return out;
}

unsigned hg_word_count(void) { return (unsigned)(sizeof words / sizeof words[0]); }
