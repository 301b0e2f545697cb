/* snapshot.c — what a gate needs to keep deciding when the centre cannot be reached (a gate
 * must not stop the port): a list of what may pass and what is held, with the cards, and a
 * watermark, signed with the centre's Ed25519 gate-snapshot key (key directory, file
 * gate-snapshot.key) and checked offline by `haiguan gate verify-snapshot`. The gate's side
 * of it — how it decides from the snapshot and posts its events later — is docs/OPERATIONS.md. */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/db_json.h"
#include "../platform/json_canon.h"
#include "../platform/keydir.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "gate.h"
#include "gate_store.h"

#define SNAPSHOT_KIND "haiguan.gate.snapshot/1"

static keydir_key snap_key;
static int snap_key_loaded;
static pthread_mutex_t snap_key_lock = PTHREAD_MUTEX_INITIALIZER;

hg_rc gate_snapshot_key(const char *dir, keydir_key *out, hg_err *err)
{
    hg_rc rc = HG_OK;
    char scratch[1024];
    pthread_mutex_lock(&snap_key_lock);
    if (!snap_key_loaded || dir) {
        /* else the process's key directory: $HAIGUAN_KEYS (serve --keys sets it), else next to
         * the database, as for the audit keys */
        if (!dir)
            audit_process_key_dir(scratch, sizeof scratch);
        const char *where = dir ? dir : scratch;
        int created = 0;
        rc = where[0]
                 ? keydir_load(where, "gate-snapshot.key", "the gate snapshot signing key", &snap_key, &created, err)
                 : hg_fail(err, HG_IO, "io_error", "", "no usable key directory for the gate snapshot key");
        snap_key_loaded = !rc;
    }
    if (!rc)
        *out = snap_key;
    pthread_mutex_unlock(&snap_key_lock);
    return rc;
}

static json_t *card_row(db_stmt *s)
{
    return json_pack("{s:s, s:s, s:s?, s:s?, s:s}", "card_no", db_col_text(s, 0), "kind", db_col_text(s, 1), "plate",
                     db_col_text(s, 2), "vin", db_col_text(s, 3), "status", db_col_text(s, 4));
}

static json_t *gone_row(db_stmt *s)
{
    return json_pack("{s:s?, s:s?, s:s}", "container_no", db_col_text(s, 0), "vin", db_col_text(s, 1), "entry_no",
                     db_col_text(s, 2));
}

/* Every unit not yet out, page by page of the release feed: may pass (released since since_ms)
 * or held (whenever released: a hold can come after the release). */
static hg_rc units(db *d, int64_t since_ms, json_t *may, json_t *held, hg_err *err)
{
    char cursor[80] = "";
    hg_rc rc = HG_OK;
    do {
        release_query q = {.gone = "false", .cursor = cursor[0] ? cursor : NULL, .limit = 200};
        json_t *page = NULL;
        if ((rc = release_list(d, &q, &page, err)))
            return rc;
        size_t i;
        json_t *u;
        json_array_foreach(json_object_get(page, "items"), i, u)
        {
            int64_t released = 0;
            time_parse_rfc3339(json_string_value(json_object_get(u, "released_at")), &released);
            json_t *row = json_pack("{s:O, s:O, s:O, s:O}", "container_no", json_object_get(u, "container_no"), "vins",
                                    json_object_get(u, "vins"), "entry_no", json_object_get(u, "entry_no"), "bill_no",
                                    json_object_get(u, "bill_no"));
            if (!row)
                rc = HG_NOMEM;
            else if (json_is_true(json_object_get(u, "may_leave")))
                rc = released >= since_ms ? (json_array_append_new(may, row) ? HG_NOMEM : HG_OK)
                                          : (json_decref(row), HG_OK);
            else
                rc = json_object_set(row, "holds", json_object_get(u, "holds")) || json_array_append_new(held, row)
                         ? HG_NOMEM
                         : HG_OK;
        }
        const char *next = json_string_value(json_object_get(page, "next_cursor"));
        snprintf(cursor, sizeof cursor, "%s", next ? next : "");
        json_decref(page);
    } while (!rc && cursor[0]);
    return rc == HG_NOMEM ? hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory") : rc;
}

hg_rc gate_snapshot(db *d, const principal *who, int64_t since_ms, int64_t now, json_t **out, hg_err *err)
{
    char gate[24] = "", since[40], watermark[40];
    *out = NULL;
    hg_rc rc = who && who->role == ROLE_SYSTEM ? gate_controller_of(d, who->name, gate, sizeof gate, err) : HG_OK;
    if (!rc && who && who->role == ROLE_SYSTEM && !gate[0])
        return hg_fail(err, HG_FORBIDDEN, "controller_gate", "gate", "this account is bound to no gate");
    json_t *may = json_array(), *held = json_array(), *cards = NULL, *gone = NULL;
    if (!rc)
        rc = units(d, since_ms, may, held, err);
    if (!rc)
        rc = db_rows_json(
            d, card_row, &cards, err,
            "SELECT card_no, kind, plate, vin, status FROM gate_cards WHERE updated_ms >= ? ORDER BY card_no", "i",
            since_ms);
    if (!rc)
        rc = db_rows_json(d, gone_row, &gone, err,
                          "SELECT container, vin, entry_no FROM gate_exits WHERE at_ms >= ? ORDER BY at_ms, id", "i",
                          since_ms);
    time_format_rfc3339(since_ms, since, sizeof since);
    time_format_rfc3339(now, watermark, sizeof watermark);
    json_t *payload = rc ? NULL
                         : json_pack("{s:s, s:s?, s:s, s:s, s:O, s:O, s:O, s:O}", "kind", SNAPSHOT_KIND, "gate",
                                     gate[0] ? gate : NULL, "since", since, "watermark", watermark, "may_pass", may,
                                     "held", held, "gone", gone, "cards", cards);
    json_decref(may);
    json_decref(held);
    json_decref(cards);
    json_decref(gone);
    if (rc)
        return rc;
    char *text = payload ? json_canon_text(payload) : NULL;
    keydir_key k;
    if (!text) {
        json_decref(payload);
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    }
    if (!(rc = gate_snapshot_key(NULL, &k, err))) {
        unsigned char sig[KEYDIR_SIG_BYTES];
        char sig_hex[2 * KEYDIR_SIG_BYTES + 1];
        keydir_sign(&k, text, strlen(text), sig);
        hex_encode(sig, sizeof sig, sig_hex);
        if (!(*out = json_pack("{s:o, s:s, s:s}", "payload", payload, "key_id", k.id, "signature", sig_hex)))
            rc = hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
        payload = NULL;
        keydir_key_wipe(&k);
    }
    json_decref(payload);
    xfree(text);
    return rc;
}

hg_rc gate_snapshot_verify(const json_t *doc, const char *pk_hex, hg_err *err)
{
    const json_t *payload = json_object_get(doc, "payload");
    const char *key_id = json_string_value(json_object_get(doc, "key_id")),
               *sig = json_string_value(json_object_get(doc, "signature"));
    if (!json_is_object(payload) || !key_id || !sig)
        return hg_fail(err, HG_INVALID, "invalid", "payload", "not a gate snapshot: payload, key_id and signature");
    if (strcmp(json_string_value(json_object_get(payload, "kind")) ? json_string_value(json_object_get(payload, "kind"))
                                                                   : "",
               SNAPSHOT_KIND) != 0)
        return hg_fail(err, HG_INVALID, "invalid", "kind", "not a gate snapshot of this version");
    char *text = json_canon_text(payload);
    if (!text)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    int ok = keydir_verify(key_id, pk_hex, text, strlen(text), sig);
    xfree(text);
    return ok ? HG_OK
              : hg_fail(err, HG_INVALID, "bad_signature", "signature",
                        "the signature does not verify with the pinned key (key id %s): altered, or another key's",
                        key_id);
}
