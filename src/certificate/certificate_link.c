/* certificate_link.c — what the certificate area contributes to the liaison platform
 * (services' extension point LIAISON_LINK_KINDS): an enterprise may link its own certificates,
 * as an exporter, to a problem it raises, by certificate number or by its application's id. */
#include <string.h>

#include "../services/services.h"
#include "certificate.h"

static hg_rc own_certificate(db *d, const char *enterprise, const char *ref, int *own, hg_err *err)
{
    int64_t n = 0;
    *own = 0;
    hg_rc rc = db_int(d, &n, err, "SELECT COUNT(*) FROM certificates WHERE (cert_no = ? OR id = ?) AND exporter = ?",
                      "ttt", ref, ref, enterprise ? enterprise : "");
    if (!rc)
        *own = n > 0;
    return rc;
}

const liaison_link_kind certificate_link_kind = {.kind = "certificate", .own = own_certificate};
