/* certificate_docs.h — the documents of a certificate made at issue (certificate_docs.c): the
 * verification code, the QR text and the signed PDF with its SHA-256. Inside the area. */
#ifndef HG_CERTIFICATE_DOCS_H
#define HG_CERTIFICATE_DOCS_H

#include "certificate.h"

#define CERTIFICATE_CODE_LEN 10
#define CERTIFICATE_PDF_MAX (4u << 20) /* a one-page certificate is far smaller */

/* The facts the documents show (borrowed strings). */
typedef struct certificate_facts {
    const char *no, *kind_zh, *kind_en, *exporter, *consignee, *country, *goods, *entry_no, *port, *officer;
    const char *replaces;  /* the number this one replaces, or NULL */
    const char *canonical; /* the signed canonical JSON, whose SHA-256 the QR carries */
    int64_t issued_ms;
} certificate_facts;

typedef struct certificate_docs {
    char code[CERTIFICATE_CODE_LEN + 1];
    buf qr;  /* the QR's text */
    buf pdf; /* the signed PDF */
    char pdf_sha256[65];
    char *pdf_base64; /* as stored */
} certificate_docs;

/* A new verification code (random, unambiguous letters and digits). */
void certificate_code(char out[CERTIFICATE_CODE_LEN + 1]);
/* Makes the documents of f signed by k into *out (certificate_docs_free it, also on failure). */
hg_rc certificate_documents(const keydir_key *k, const certificate_facts *f, certificate_docs *out, hg_err *err);
void certificate_docs_free(certificate_docs *d);
/* Appends the stored (base64) PDF's bytes to out. */
hg_rc certificate_pdf_decode(const char *base64, buf *out, hg_err *err);

#endif
