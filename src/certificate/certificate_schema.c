/* certificate_schema.c — the certificate area's migrations (1100-1199). */
#include "../platform/db.h"

const migration certificate_migrations[] = {
    {1100, "certificate kinds, applications and certificates, signing keys",
     "CREATE TABLE certificate_kinds (code TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL);"
     "INSERT INTO certificate_kinds VALUES ('HC', '卫生证书', 'Health Certificate');"
     "INSERT INTO certificate_kinds VALUES ('PC', '植物检疫证书', 'Phytosanitary Certificate');"
     "INSERT INTO certificate_kinds VALUES ('VC', '兽医卫生证书', 'Veterinary Certificate');"
     "INSERT INTO certificate_kinds VALUES ('QC', '品质证书', 'Certificate of Quality');"
     "CREATE TABLE certificates ("
     " id TEXT PRIMARY KEY, cert_no TEXT UNIQUE, kind TEXT NOT NULL REFERENCES certificate_kinds(code),"
     " entry_no TEXT NOT NULL, port TEXT NOT NULL, exporter TEXT NOT NULL, consignee_name TEXT NOT NULL,"
     " destination_country TEXT NOT NULL, goods TEXT NOT NULL, status TEXT NOT NULL,"
     " applied_by TEXT NOT NULL, applied_ms BIGINT NOT NULL, issued_by TEXT, issued_ms BIGINT,"
     " key_id TEXT, signature TEXT, canonical TEXT);"
     "CREATE INDEX certificates_entry ON certificates(entry_no, kind);"
     "CREATE TABLE certificate_keys (key_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, created_ms BIGINT NOT NULL);",
     NULL, NULL},
    {1101, "a certificate's verification code, QR text and PDF with its SHA-256",
     "ALTER TABLE certificates ADD COLUMN version BIGINT;"
     "ALTER TABLE certificates ADD COLUMN code TEXT;"
     "ALTER TABLE certificates ADD COLUMN qr TEXT;"
     "ALTER TABLE certificates ADD COLUMN pdf TEXT;"
     "ALTER TABLE certificates ADD COLUMN pdf_sha256 TEXT;",
     NULL, NULL},
    /* the online check: every check of a certificate (the network it came from, /24 or /48,
     * never the address), the mismatches and the lock; the per-address count of the minute;
     * annulment and replacement */
    {1102, "certificate checks, mismatches and lock, annulment and replacement",
     "ALTER TABLE certificates ADD COLUMN mismatches BIGINT NOT NULL DEFAULT 0;"
     "ALTER TABLE certificates ADD COLUMN locked_ms BIGINT;"
     "ALTER TABLE certificates ADD COLUMN annulled_ms BIGINT;"
     "ALTER TABLE certificates ADD COLUMN annulled_by TEXT;"
     "ALTER TABLE certificates ADD COLUMN annul_reason TEXT;"
     "ALTER TABLE certificates ADD COLUMN replaces TEXT;"
     "ALTER TABLE certificates ADD COLUMN replaced_by TEXT;"
     "CREATE TABLE certificate_verifications (id @IDPK, cert_id TEXT NOT NULL REFERENCES certificates(id),"
     " at_ms BIGINT NOT NULL, from_net TEXT NOT NULL, result TEXT NOT NULL, matched BIGINT NOT NULL);"
     "CREATE INDEX certificate_verifications_cert ON certificate_verifications(cert_id, at_ms);"
     "CREATE TABLE certificate_verify_rate (addr TEXT PRIMARY KEY, window_ms BIGINT NOT NULL, n BIGINT NOT NULL);",
     NULL, NULL},
    /* the envelopes to importing authorities (the ePhyto Hub's: from, to, type, status,
     * number, content) with their delivery state */
    {1103, "certificate envelopes to importing authorities",
     "CREATE TABLE certificate_envelopes (id @IDPK, cert_id TEXT NOT NULL REFERENCES certificates(id),"
     " cert_no TEXT NOT NULL, from_country TEXT NOT NULL, to_country TEXT NOT NULL, doc_type BIGINT NOT NULL,"
     " doc_status BIGINT NOT NULL, content TEXT NOT NULL, state TEXT NOT NULL, attempts BIGINT NOT NULL,"
     " next_ms BIGINT NOT NULL, last_error TEXT, warnings TEXT, created_ms BIGINT NOT NULL, delivered_ms BIGINT);"
     "CREATE INDEX certificate_envelopes_due ON certificate_envelopes(state, next_ms);"
     "CREATE INDEX certificate_envelopes_cert ON certificate_envelopes(cert_id);",
     NULL, NULL},
    {0, NULL, NULL, NULL, NULL},
};
