/* certificate_hub.c — the outbox of envelopes to importing countries' authorities, as the IPPC
 * ePhyto Hub carries them (from, to, type, status, number, content: the SPS XML), and the job
 * that delivers them to the hub (HAIGUAN_CERT_HUB_URL; none set: they wait) with the hub's
 * delivery states: pending, delivered, delivered with warnings, failed. An answer 2xx is
 * delivered (with warnings when its JSON lists some), 4xx is failed for good (the hub refused
 * the envelope), anything else is tried again later, at most CERT_HUB_ATTEMPTS times. One
 * envelope at a time, each outcome its own audited transaction. */
#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/json.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "certificate.h"

#define CERT_HUB_ATTEMPTS 5
#define CERT_HUB_BATCH 20

static size_t collect(char *p, size_t size, size_t n, void *cls)
{
    buf *b = cls;
    return buf_append(b, p, size * n) == HG_OK ? size * n : 0;
}

/* POSTs body to url: the HTTP status (0 when no answer) and the answer's body. */
static long post(const char *url, const char *body, buf *answer, char *why, size_t why_n)
{
    CURL *c = curl_easy_init();
    long status = 0;
    if (!c) {
        snprintf(why, why_n, "%s", "curl cannot start");
        return 0;
    }
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "haiguan-certificates/1");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, answer);
    CURLcode res = curl_easy_perform(c);
    if (res == CURLE_OK)
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    else
        snprintf(why, why_n, "%s", curl_easy_strerror(res));
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    return status;
}

/* The delay before attempt `attempts` + 1: 30 s, 1, 2, 4 min (times HAIGUAN_CERT_HUB_BACKOFF_MS
 * / 1000; tests set 0). */
static int64_t backoff_ms(int64_t attempts)
{
    const char *v = getenv("HAIGUAN_CERT_HUB_BACKOFF_MS");
    long unit = v ? strtol(v, NULL, 10) : 1000;
    if (unit < 0 || unit > 60000)
        unit = 1000;
    return (int64_t)unit * 30 * (1LL << (attempts > 10 ? 10 : attempts - 1));
}

/* Records one attempt's outcome on envelope id (its own transaction, audited). */
static hg_rc record(const hg_ctx *c, int64_t id, int64_t attempts, long status, const char *answer, const char *why,
                    hg_err *err)
{
    json_t *j = status >= 200 && status < 300 ? json_loads(answer, 0, NULL) : NULL;
    json_t *warnings = json_object_get(j, "warnings");
    const char *state = status >= 200 && status < 300
                            ? (json_array_size(warnings) ? "delivered_with_warnings" : "delivered")
                        : status >= 400 && status < 500 ? "failed"
                        : attempts >= CERT_HUB_ATTEMPTS ? "failed"
                                                        : "pending";
    char error[300] = "", *warn_text = json_array_size(warnings) ? json_dumps(warnings, JSON_COMPACT) : NULL;
    if (status && (status < 200 || status >= 300))
        snprintf(error, sizeof error, "the hub answered %ld", status);
    else if (!status)
        snprintf(error, sizeof error, "%s", why);
    hg_rc rc = db_begin(c->d, err);
    int delivered = !strncmp(state, "delivered", 9);
    if (!rc)
        rc = db_run(
            c->d, err,
            "UPDATE certificate_envelopes SET state = ?, attempts = ?, next_ms = ?, last_error = ?, warnings = ?,"
            " delivered_ms = CASE WHEN CAST(? AS BIGINT) = 1 THEN CAST(? AS BIGINT) ELSE NULL END WHERE id = ?",
            "tiittiii", state, attempts, c->now_ms + backoff_ms(attempts), error[0] ? error : NULL, warn_text,
            (int64_t)delivered, c->now_ms, id);
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", (long long)id);
    json_t *after =
        json_pack("{s:s, s:I, s:I}", "state", state, "attempts", (json_int_t)attempts, "http", (json_int_t)status);
    rc = audit_commit(c, rc, "certificate.envelope_attempt", "certificate_envelope", sid, NULL, after, err);
    json_decref(after);
    json_decref(j);
    xfree(warn_text);
    return rc;
}

static json_t *due_row(db_stmt *s)
{
    return json_pack("{s:I, s:I, s:{s:s, s:s, s:I, s:I, s:s, s:s}}", "id", (json_int_t)db_col_int(s, 0), "attempts",
                     (json_int_t)db_col_int(s, 1), "envelope", "from", db_col_text(s, 2), "to", db_col_text(s, 3),
                     "type", (json_int_t)db_col_int(s, 4), "status", (json_int_t)db_col_int(s, 5), "number",
                     db_col_text(s, 6), "content", db_col_text(s, 7));
}

hg_rc certificate_deliver_job(db *d, hg_err *err)
{
    const char *url = getenv("HAIGUAN_CERT_HUB_URL");
    if (!url || !*url)
        return HG_OK; /* no hub configured: the envelopes wait */
    hg_ctx c = ctx_command(d, "system");
    json_t *due = NULL, *e;
    size_t i;
    hg_rc rc = db_rows_json(d, due_row, &due, err,
                            "SELECT id, attempts, from_country, to_country, doc_type, doc_status, cert_no, content FROM"
                            " certificate_envelopes WHERE state = 'pending' AND next_ms <= ? ORDER BY id LIMIT 20",
                            "i", c.now_ms);
    json_array_foreach(rc ? NULL : due, i, e)
    {
        char *body = json_dumps(json_object_get(e, "envelope"), JSON_COMPACT);
        buf answer;
        buf_init(&answer, 64 * 1024);
        char why[200] = "";
        long status = body ? post(url, body, &answer, why, sizeof why) : 0;
        c.now_ms = now_ms();
        rc = record(&c, json_integer_value(json_object_get(e, "id")),
                    json_integer_value(json_object_get(e, "attempts")) + 1, status, buf_str(&answer),
                    body ? why : "out of memory", err);
        buf_free(&answer);
        xfree(body);
        if (rc)
            break;
    }
    json_decref(due);
    return rc;
}

static json_t *envelope_row(db_stmt *s)
{
    char created[40], next[40], delivered[40];
    return json_pack("{s:I, s:s, s:s, s:I, s:I, s:s, s:s, s:I, s:s?, s:s?, s:s, s:s?, s:s?}", "id",
                     (json_int_t)db_col_int(s, 0), "from", db_col_text(s, 1), "to", db_col_text(s, 2), "type",
                     (json_int_t)db_col_int(s, 3), "status", (json_int_t)db_col_int(s, 4), "number", db_col_text(s, 5),
                     "state", db_col_text(s, 6), "attempts", (json_int_t)db_col_int(s, 7), "last_error",
                     db_col_text(s, 8), "warnings", db_col_text(s, 9), "created_at", db_col_time(s, 10, created),
                     "next_attempt_at", strcmp(db_col_text(s, 6), "pending") ? NULL : db_col_time(s, 11, next),
                     "delivered_at", db_col_time(s, 12, delivered));
}

hg_rc certificate_envelopes(db *d, const principal *who, const char *id, json_t **out, hg_err *err)
{
    json_t *cert = NULL, *items = NULL;
    hg_rc rc = certificate_get(d, who, id, &cert, err);
    json_decref(cert);
    if (!rc)
        rc = db_rows_json(d, envelope_row, &items, err,
                          "SELECT id, from_country, to_country, doc_type, doc_status, cert_no, state, attempts,"
                          " last_error, warnings, created_ms, next_ms, delivered_ms FROM certificate_envelopes WHERE"
                          " cert_id = ? ORDER BY id DESC",
                          "t", id);
    return rc ? rc : json_page(items, json_null(), out, err);
}
