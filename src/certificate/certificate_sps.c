/* certificate_sps.c — a certificate in the UN/CEFACT SPS Certificate structure (the schema the
 * IPPC ePhyto Hub exchanges: rsm:SPSCertificate with its SPSExchangedDocument — name, number,
 * type, status, issue time, issuer, the certificate it replaces — and its SPSConsignment —
 * consignor, consignee, export and import countries, the consignment item with its trade line
 * items). Written from the certificate's JSON; text escaped for XML. */
#include <stdio.h>
#include <string.h>

#include "certificate.h"

#define NS_RSM "urn:un:unece:uncefact:data:standard:SPSCertificate:17"
#define NS_RAM "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21"
#define NS_UDT "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:21"

int certificate_document_type(const char *kind)
{
    /* UNTDID 1001 (document name code): 851 phytosanitary, 852 sanitary (卫生证书), 853
     * veterinary, 3 certificate of quality */
    if (!kind)
        return 0;
    if (!strcmp(kind, "PC"))
        return 851;
    if (!strcmp(kind, "HC"))
        return 852;
    if (!strcmp(kind, "VC"))
        return 853;
    if (!strcmp(kind, "QC"))
        return 3;
    return 0;
}

/* Appends s escaped as XML character data (& < > " '), dropping the control characters XML 1.0
 * forbids. */
static hg_rc put_text(buf *b, const char *s)
{
    hg_rc rc = HG_OK;
    for (; s && *s && !rc; s++) {
        unsigned char ch = (unsigned char)*s;
        rc = ch == '&'                                               ? buf_puts(b, "&amp;")
             : ch == '<'                                             ? buf_puts(b, "&lt;")
             : ch == '>'                                             ? buf_puts(b, "&gt;")
             : ch == '"'                                             ? buf_puts(b, "&quot;")
             : ch == '\''                                            ? buf_puts(b, "&apos;")
             : (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') ? HG_OK
                                                                     : buf_append(b, s, 1);
    }
    return rc;
}

/* <tag>text</tag> with an indent. */
static hg_rc elem(buf *b, int depth, const char *tag, const char *text)
{
    hg_rc rc = buf_appendf(b, "%*s<%s>", 2 * depth, "", tag);
    if (!rc)
        rc = put_text(b, text);
    return rc ? rc : buf_appendf(b, "</%s>\n", tag);
}

static hg_rc open_tag(buf *b, int depth, const char *tag) { return buf_appendf(b, "%*s<%s>\n", 2 * depth, "", tag); }
static hg_rc close_tag(buf *b, int depth, const char *tag) { return buf_appendf(b, "%*s</%s>\n", 2 * depth, "", tag); }

static const char *str(const json_t *o, const char *key) { return json_string_value(json_object_get(o, key)); }

/* A party: <tag><ram:Name>name</ram:Name></tag>. */
static hg_rc party(buf *b, int depth, const char *tag, const char *name)
{
    hg_rc rc = open_tag(b, depth, tag);
    if (!rc)
        rc = elem(b, depth + 1, "ram:Name", name);
    return rc ? rc : close_tag(b, depth, tag);
}

static hg_rc country(buf *b, int depth, const char *tag, const char *code)
{
    hg_rc rc = open_tag(b, depth, tag);
    if (!rc)
        rc = elem(b, depth + 1, "ram:ID", code);
    return rc ? rc : close_tag(b, depth, tag);
}

hg_rc certificate_sps_xml(const json_t *cert, const char *kind_en, buf *b)
{
    const char *status = str(cert, "status");
    char type[8], st[8];
    snprintf(type, sizeof type, "%d", certificate_document_type(str(cert, "kind")));
    snprintf(st, sizeof st, "%d",
             status && !strcmp(status, "annulled") ? CERTIFICATE_STATUS_ANNULLED : CERTIFICATE_STATUS_ISSUED);
    hg_rc rc = buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsm:SPSCertificate xmlns:rsm=\"" NS_RSM
                           "\" xmlns:ram=\"" NS_RAM "\" xmlns:udt=\"" NS_UDT "\">\n");
    if (!rc)
        rc = open_tag(b, 1, "rsm:SPSExchangedDocument");
    if (!rc)
        rc = elem(b, 2, "ram:Name", kind_en);
    if (!rc)
        rc = elem(b, 2, "ram:ID", str(cert, "cert_no"));
    if (!rc)
        rc = elem(b, 2, "ram:TypeCode", type);
    if (!rc)
        rc = elem(b, 2, "ram:StatusCode", st);
    if (!rc)
        rc = open_tag(b, 2, "ram:IssueDateTime");
    if (!rc)
        rc = elem(b, 3, "udt:DateTimeString", str(cert, "issued_at"));
    if (!rc)
        rc = close_tag(b, 2, "ram:IssueDateTime");
    if (!rc)
        rc = party(b, 2, "ram:IssuerSPSParty", "General Administration of Customs of the People's Republic of China");
    if (!rc && str(cert, "replaces")) {
        /* the certificate this one replaces (ISPM 12 §6) */
        rc = open_tag(b, 2, "ram:ReferenceSPSReferencedDocument");
        if (!rc)
            rc = elem(b, 3, "ram:TypeCode", type);
        if (!rc)
            rc = elem(b, 3, "ram:RelationshipTypeCode", "replaces");
        if (!rc)
            rc = elem(b, 3, "ram:ID", str(cert, "replaces"));
        if (!rc)
            rc = close_tag(b, 2, "ram:ReferenceSPSReferencedDocument");
    }
    if (!rc && str(cert, "annul_reason")) {
        rc = open_tag(b, 2, "ram:IncludedSPSNote");
        if (!rc)
            rc = elem(b, 3, "ram:Subject", "annulment");
        if (!rc)
            rc = elem(b, 3, "ram:Content", str(cert, "annul_reason"));
        if (!rc)
            rc = close_tag(b, 2, "ram:IncludedSPSNote");
    }
    if (!rc)
        rc = close_tag(b, 1, "rsm:SPSExchangedDocument");
    if (!rc)
        rc = open_tag(b, 1, "rsm:SPSConsignment");
    if (!rc)
        rc = party(b, 2, "ram:ConsignorSPSParty", str(cert, "exporter"));
    if (!rc)
        rc = party(b, 2, "ram:ConsigneeSPSParty", str(cert, "consignee_name"));
    if (!rc)
        rc = country(b, 2, "ram:ExportSPSCountry", "CN");
    if (!rc)
        rc = country(b, 2, "ram:ImportSPSCountry", str(cert, "destination_country"));
    if (!rc)
        rc = open_tag(b, 2, "ram:IncludedSPSConsignmentItem");
    if (!rc)
        rc = open_tag(b, 3, "ram:IncludedSPSTradeLineItem");
    if (!rc)
        rc = elem(b, 4, "ram:SequenceNumeric", "1");
    if (!rc)
        rc = elem(b, 4, "ram:Description", str(cert, "goods"));
    if (!rc)
        rc = open_tag(b, 4, "ram:AssociatedSPSReferencedDocument");
    if (!rc)
        rc = elem(b, 5, "ram:ID", str(cert, "entry_no"));
    if (!rc)
        rc = close_tag(b, 4, "ram:AssociatedSPSReferencedDocument");
    if (!rc)
        rc = close_tag(b, 3, "ram:IncludedSPSTradeLineItem");
    if (!rc)
        rc = close_tag(b, 2, "ram:IncludedSPSConsignmentItem");
    if (!rc)
        rc = close_tag(b, 1, "rsm:SPSConsignment");
    return rc ? rc : buf_puts(b, "</rsm:SPSCertificate>\n");
}
