/* gate_cmd.c — `haiguan gate`: the commands a gate's operator runs without the centre. verify-
 * snapshot checks a snapshot file offline against the centre's public key, pinned on the gate
 * (never the key a file could carry itself); snapshot-key prints that key for pinning. And
 * `haiguan import cards FILE`: the cards a card office issued, through card_issue line by line. */
#include <stdio.h>
#include <string.h>

#include "../platform/audit.h"
#include "../platform/cmd.h"
#include "../platform/import.h"
#include "../platform/keydir.h"
#include "../platform/module.h"
#include "gate.h"

/* The first argument after the subcommand that is neither an option nor an option's value. */
static const char *file_arg(cmd_ctx *c)
{
    for (int i = 2; i < c->argc; i++) {
        if (strcmp(c->argv[i], "--keys") == 0 || strcmp(c->argv[i], "--public-key") == 0)
            i++;
        else if (c->argv[i][0] != '-')
            return c->argv[i];
    }
    return NULL;
}

/* The pinned public key: --public-key HEX, else the snapshot key of the key directory. */
static int pinned_key(cmd_ctx *c, char pk_hex[65], char id[KEYDIR_ID_LEN + 1])
{
    const char *given = cmd_option(c, "--public-key");
    hg_err err = {0};
    if (given) {
        unsigned char pk[32];
        if (!keydir_is_hex(given, 64)) {
            fprintf(stderr, "gate: --public-key is the 64 hex digits `haiguan gate snapshot-key` prints\n");
            return -1;
        }
        snprintf(pk_hex, 65, "%s", given);
        for (int i = 0; i < 32; i++) {
            unsigned v;
            sscanf(given + 2 * i, "%2x", &v);
            pk[i] = (unsigned char)v;
        }
        keydir_key_id(pk, id);
        return 0;
    }
    char scratch[1024];
    keydir_key k;
    const char *dir = cmd_key_dir(c, scratch, sizeof scratch);
    if (keydir_read(dir, "gate-snapshot.key", "the gate snapshot key", &k, &err)) {
        fprintf(stderr, "gate: no pinned key: %s (give --public-key or --keys)\n", err.message);
        return -1;
    }
    snprintf(pk_hex, 65, "%s", k.pk_hex);
    snprintf(id, KEYDIR_ID_LEN + 1, "%s", k.id);
    keydir_key_wipe(&k);
    return 0;
}

static int verify_cmd(cmd_ctx *c, const struct command *self)
{
    const char *file = file_arg(c);
    if (!file)
        return cmd_usage(self);
    char pk[65], id[KEYDIR_ID_LEN + 1];
    if (pinned_key(c, pk, id))
        return EXIT_FAIL;
    json_error_t jerr;
    json_t *doc = json_load_file(file, 0, &jerr);
    if (!doc) {
        printf("snapshot INVALID: %s is not JSON (%s, line %d)\n", file, jerr.text, jerr.line);
        return EXIT_FAIL;
    }
    hg_err err = {0};
    int rc = EXIT_OK;
    if (gate_snapshot_verify(doc, pk, &err)) {
        printf("snapshot INVALID: %s\n", err.message);
        rc = EXIT_FAIL;
    } else {
        const json_t *p = json_object_get(doc, "payload");
        const char *gate = json_string_value(json_object_get(p, "gate"));
        printf("snapshot valid: gate %s, since %s, watermark %s: %zu may pass, %zu held, %zu gone, %zu cards; signed by"
               " key %s\n",
               gate ? gate : "(all)", json_string_value(json_object_get(p, "since")),
               json_string_value(json_object_get(p, "watermark")), json_array_size(json_object_get(p, "may_pass")),
               json_array_size(json_object_get(p, "held")), json_array_size(json_object_get(p, "gone")),
               json_array_size(json_object_get(p, "cards")), id);
    }
    json_decref(doc);
    return rc;
}

static int key_cmd(cmd_ctx *c, const struct command *self)
{
    (void)self;
    char scratch[1024];
    keydir_key k;
    hg_err err = {0};
    if (gate_snapshot_key(cmd_key_dir(c, scratch, sizeof scratch), &k, &err)) {
        fprintf(stderr, "gate: %s\n", err.message);
        return EXIT_FAIL;
    }
    printf("%s %s\n", k.id, k.pk_hex);
    keydir_key_wipe(&k);
    return EXIT_OK;
}

/* One card: card_no, kind (ic | rfid), plate, vin, holder (USCC); a header line is skipped. */
static hg_rc card_line(void *ctx, db *d, import_row *r, hg_err *err)
{
    (void)ctx;
    if (r->line == 1 && strcmp(r->field[0], "card_no") == 0) {
        r->skip = 1;
        return HG_OK;
    }
    if (r->nfields != 5)
        return hg_fail(err, HG_INVALID, "invalid", NULL, "card_no,kind,plate,vin,holder expected");
    json_t *body = json_pack("{s:s, s:s, s:s}", "card_no", r->field[0], "kind", r->field[1], "holder", r->field[4]),
           *out = NULL;
    if (body && r->field[2][0])
        json_object_set_new(body, "plate", json_string(r->field[2]));
    if (body && r->field[3][0])
        json_object_set_new(body, "vin", json_string(r->field[3]));
    hg_ctx c = ctx_command(d, cli_actor());
    hg_rc rc = body ? card_issue(&c, body, &out, err) : hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    json_decref(body);
    json_decref(out);
    return rc;
}

static int import_cards(cmd_ctx *c, db *d, const char *path)
{
    (void)c;
    const import_spec spec = {.format = IMPORT_CSV,
                              .policy = IMPORT_PER_LINE,
                              .max_bytes = 16u << 20,
                              .progress = 1,
                              .malformed = "malformed CSV",
                              .noun = "cards",
                              .line = card_line};
    return import_run(&spec, d, path);
}

const importer gate_importers[] = {
    {"cards", import_cards,
     "CSV: card_no, kind (ic | rfid), plate (IC cards), vin (RFID tags), holder (USCC): cards issued, each line on "
     "its own (a refused line loads nothing, the others load)"},
    {NULL, NULL, NULL},
};

static const cmd_opt verify_opts[] = {{"--public-key", 1}, {"--keys", 1}, {NULL, 0}};
static const cmd_opt key_opts[] = {{"--keys", 1}, {NULL, 0}};
static const cmd_sub gate_subs[] = {
    {"verify-snapshot", verify_cmd, verify_opts},
    {"snapshot-key", key_cmd, key_opts},
    {NULL, NULL, NULL},
};

const command gate_commands[] = {
    {"gate", NULL, "gate verify-snapshot FILE [--public-key HEX | --keys DIR]\n       gate snapshot-key [--keys DIR]",
     "the smart gate: verify a snapshot offline, print the snapshot key to pin",
     "gate verify-snapshot checks a snapshot (GET /api/v1/gate/snapshot, saved to FILE) without the\n"
     "centre: its Ed25519 signature over the payload's canonical JSON, with the centre's public key\n"
     "pinned on the gate (--public-key HEX), or the key directory's (--keys DIR, else $HAIGUAN_KEYS,\n"
     "else next to the database). Exit 0 and a summary when it verifies, 1 when it does not.\n"
     "gate snapshot-key prints the key id and public key of the centre's snapshot key (made when\n"
     "missing), to pin on every gate.",
     NULL, gate_subs},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
