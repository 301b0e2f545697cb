/* certificate_cmd.c — `haiguan certificate verify FILE.pdf|QR-TEXT [--keys DIR|FILE]`: the
 * offline check of a certificate, as an importing authority or a bank makes it without asking
 * us: the PDF's signature line over every byte of the file and the QR code its metadata holds,
 * or a QR code's text as a scanner read it, against the published public keys — the key
 * directory's certificate key (--keys DIR, else HAIGUAN_KEYS or next to the database), or the
 * JSON of GET /api/v1/certificate-keys saved to a file (--keys FILE), which keeps the keys
 * rotated out. Offline it cannot know of an annulment since: it prints the online check. */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../platform/audit.h"
#include "../platform/cmd.h"
#include "../platform/keydir.h"
#include "../platform/log.h"
#include "../platform/mem.h"
#include "certificate.h"

#define MAX_KEYS 64

typedef struct key_set {
    int n;
    char id[MAX_KEYS][KEYDIR_ID_LEN + 1];
    char pk[MAX_KEYS][65];
} key_set;

static hg_rc lookup(void *cls, const char *key_id, char pk_hex[65], hg_err *err)
{
    (void)err;
    const key_set *k = cls;
    for (int i = 0; i < k->n; i++)
        if (!strcmp(k->id[i], key_id)) {
            memcpy(pk_hex, k->pk[i], 65);
            return HG_OK;
        }
    return HG_NOTFOUND;
}

/* The published keys: a JSON file as GET /api/v1/certificate-keys answers, or a key directory. */
static int load_keys(const char *where, key_set *k)
{
    struct stat st;
    k->n = 0;
    if (!stat(where, &st) && S_ISREG(st.st_mode)) {
        json_t *j = json_load_file(where, 0, NULL), *it;
        size_t i;
        json_array_foreach(json_object_get(j, "items"), i, it)
        {
            const char *id = json_string_value(json_object_get(it, "key_id"));
            const char *pk = json_string_value(json_object_get(it, "public_key"));
            if (k->n < MAX_KEYS && id && pk && keydir_is_hex(id, KEYDIR_ID_LEN) && keydir_is_hex(pk, 64)) {
                snprintf(k->id[k->n], sizeof k->id[0], "%s", id);
                snprintf(k->pk[k->n++], sizeof k->pk[0], "%s", pk);
            }
        }
        json_decref(j);
    } else {
        keydir_key key;
        hg_err err;
        if (!keydir_read(where, "certificate.key", "the certificate signing key", &key, &err)) {
            snprintf(k->id[0], sizeof k->id[0], "%s", key.id);
            snprintf(k->pk[0], sizeof k->pk[0], "%s", key.pk_hex);
            k->n = 1;
        }
        keydir_key_wipe(&key);
    }
    if (!k->n)
        fprintf(stderr, "haiguan: no certificate public keys in %s\n", where);
    return k->n;
}

static int tampered(const char *why)
{
    printf("tampered: %s\n", why);
    return EXIT_FAIL;
}

static int verify_cmd(cmd_ctx *c, const struct command *self)
{
    /* the one argument that is not --keys or its value */
    const char *target = NULL;
    for (int i = 2; i < c->argc; i++) {
        if (!strcmp(c->argv[i], "--keys"))
            i++;
        else if (!target)
            target = c->argv[i];
        else
            return cmd_usage(self);
    }
    if (!target)
        return cmd_usage(self);
    char scratch[4096];
    key_set *keys = xcalloc(1, sizeof *keys);
    if (!keys || !load_keys(cmd_key_dir(c, scratch, sizeof scratch), keys)) {
        xfree(keys);
        return EXIT_FAIL;
    }
    hg_err err;
    hg_err_clear(&err);
    char qr[4096], sha[65] = "";
    const char *why = NULL;
    int rc = EXIT_OK;
    struct stat st;
    if (!stat(target, &st) && S_ISREG(st.st_mode)) {
        buf pdf;
        buf_init(&pdf, 8u << 20);
        hg_rc r = buf_read_file(&pdf, target, &err);
        if (r) {
            fprintf(stderr, "haiguan: %s\n", err.message);
            rc = EXIT_FAIL;
        } else if ((r = certificate_pdf_check(pdf.data, pdf.len, lookup, keys, qr, sizeof qr, &why, &err))) {
            rc = tampered(why ? why : err.message);
        } else {
            unsigned char h[32];
            crypto_hash_sha256(h, (const unsigned char *)pdf.data, pdf.len);
            hex_encode(h, sizeof h, sha);
        }
        buf_free(&pdf);
    } else {
        snprintf(qr, sizeof qr, "%s", target);
    }
    certificate_qr_claims q;
    if (rc == EXIT_OK && certificate_qr_verify(qr, lookup, keys, &q, &err))
        rc = tampered(err.message);
    if (rc == EXIT_OK) {
        char at[40];
        time_format_rfc3339(q.issued_s * 1000, at, sizeof at);
        printf("valid: certificate %s, version %lld, status at issue %lld (%s), issued %s, signed by key %s\n", q.no,
               (long long)q.version, (long long)q.status, q.status == CERTIFICATE_STATUS_ISSUED ? "issued" : "other",
               at, q.key_id);
        if (sha[0])
            printf("the PDF is the one signed (every byte), SHA-256 %s\n", sha);
        printf("verification code %s; whether it has been annulled since, the online check says:\n"
               "  GET /api/v1/certificates/%s/verify?code=%s%s%s\n",
               q.code, q.no, q.code, sha[0] ? "&sha256=" : "", sha);
    }
    xfree(keys);
    return rc;
}

static const cmd_opt verify_opts[] = {{"--keys", 1}, {NULL, 0}};
static const cmd_sub certificate_subs[] = {
    {"verify", verify_cmd, verify_opts},
    {NULL, NULL, NULL},
};

const command certificate_commands[] = {
    {"certificate", NULL, "certificate verify FILE.pdf|QR-TEXT [--keys DIR|FILE]",
     "inspection-quarantine certificates: verify a PDF or a QR code offline",
     "certificate verify checks a certificate without the server: a PDF's signature line over every\n"
     "byte of the file and the QR code it carries, or a QR code's text (HGC1:...), against the\n"
     "published keys: the certificate key of the key directory (--keys DIR, HAIGUAN_KEYS, or next\n"
     "to the database), or a file holding the JSON of GET /api/v1/certificate-keys (--keys FILE),\n"
     "which also lists keys rotated out. Prints \"valid: ...\" and exits 0, or \"tampered: ...\"\n"
     "naming what failed and exits 1. An annulment since issue is known only online.",
     NULL, certificate_subs},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
