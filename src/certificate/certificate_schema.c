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
    {0, NULL, NULL, NULL, NULL},
};
