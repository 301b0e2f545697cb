/* webhook.c — the webhooks' pure decisions (webhook.h): the Standard Webhooks signature and
 * secret, the retry schedule, and the URL and address policy. No I/O beyond the random bytes
 * of a new secret; no SQL. */
#include "webhook.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- signing ---- */

#define SECRET_PREFIX "whsec_"

void webhook_secret_new(char out[WEBHOOK_SECRET_MAX])
{
    unsigned char raw[WEBHOOK_SECRET_BYTES];
    randombytes_buf(raw, sizeof raw);
    memcpy(out, SECRET_PREFIX, sizeof SECRET_PREFIX - 1);
    sodium_bin2base64(out + sizeof SECRET_PREFIX - 1, WEBHOOK_SECRET_MAX - (sizeof SECRET_PREFIX - 1), raw, sizeof raw,
                      sodium_base64_VARIANT_ORIGINAL);
    sodium_memzero(raw, sizeof raw);
}

hg_rc webhook_secret_key(const char *secret, unsigned char *key, size_t max, size_t *len, hg_err *err)
{
    size_t p = sizeof SECRET_PREFIX - 1;
    if (!secret || strncmp(secret, SECRET_PREFIX, p) != 0)
        return hg_fail(err, HG_INVALID, "invalid", "secret", "a webhook secret starts with whsec_");
    const char *end = NULL;
    if (sodium_base642bin(key, max, secret + p, strlen(secret + p), NULL, len, &end, sodium_base64_VARIANT_ORIGINAL) !=
            0 ||
        *end || *len == 0)
        return hg_fail(err, HG_INVALID, "invalid", "secret", "a webhook secret is whsec_ and base64");
    return HG_OK;
}

hg_rc webhook_sign(const char *secret, const char *msg_id, int64_t timestamp_s, const char *body, size_t body_len,
                   char out[WEBHOOK_SIGNATURE_MAX], hg_err *err)
{
    unsigned char key[64], mac[crypto_auth_hmacsha256_BYTES];
    size_t klen = 0;
    hg_rc rc = webhook_secret_key(secret, key, sizeof key, &klen, err);
    if (rc)
        return rc;
    char ts[24];
    snprintf(ts, sizeof ts, "%lld", (long long)timestamp_s);
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key, klen);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg_id, strlen(msg_id));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts, strlen(ts));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, body_len);
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_memzero(key, sizeof key);
    memcpy(out, "v1,", 3);
    sodium_bin2base64(out + 3, WEBHOOK_SIGNATURE_MAX - 3, mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
    return HG_OK;
}

/* ---- the retry schedule ---- */

/* Seconds after the n-th failed attempt (1-based): the specification's example, then 12 h. */
static int64_t schedule_s(int n)
{
    static const int64_t steps[] = {5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600};
    int k = (int)(sizeof steps / sizeof steps[0]);
    return n >= 1 && n <= k ? steps[n - 1] : 12 * 3600;
}

int64_t webhook_retry_delay_ms(int attempts, int64_t first_ms, int64_t now_ms, int64_t unit_ms)
{
    if (attempts < 1)
        return 0;
    int64_t delay = schedule_s(attempts) * unit_ms;
    if (now_ms + delay - first_ms > (int64_t)WEBHOOK_GIVE_UP_S * unit_ms)
        return -1;
    return delay;
}

/* ---- addresses ---- */

hg_rc webhook_cidr_parse(const char *s, webhook_cidr *out, hg_err *err)
{
    char text[64];
    const char *slash = strchr(s, '/');
    size_t n = slash ? (size_t)(slash - s) : strlen(s);
    if (n == 0 || n >= sizeof text)
        return hg_fail(err, HG_INVALID, "invalid", "webhook-targets", "%s is not an address range (A.B.C.D/N)", s);
    memcpy(text, s, n);
    text[n] = '\0';
    memset(out, 0, sizeof *out);
    int max;
    if (inet_pton(AF_INET, text, out->addr) == 1) {
        out->family = AF_INET;
        max = 32;
    } else if (inet_pton(AF_INET6, text, out->addr) == 1) {
        out->family = AF_INET6;
        max = 128;
    } else {
        return hg_fail(err, HG_INVALID, "invalid", "webhook-targets", "%s is not an address range (A.B.C.D/N)", s);
    }
    out->bits = max;
    if (slash) {
        char *end;
        long b = strtol(slash + 1, &end, 10);
        if (!slash[1] || *end || b < 0 || b > max)
            /* TRANSLATORS: 1: s; 2: max */
            return hg_fail(err, HG_INVALID, "invalid", "webhook-targets", "%s: the prefix must be from 0 to %d", s,
                           max);
        out->bits = (int)b;
    }
    return HG_OK;
}

hg_rc webhook_cidrs_parse(const char *list, webhook_cidr *out, int *n, hg_err *err)
{
    *n = 0;
    for (const char *p = list;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char one[80];
        if (len == 0 || len >= sizeof one || *n >= WEBHOOK_CIDRS_MAX)
            return hg_fail(err, HG_INVALID, "invalid", "webhook-targets",
                           "give one to %d address ranges, comma-separated", WEBHOOK_CIDRS_MAX);
        memcpy(one, p, len);
        one[len] = '\0';
        hg_rc rc = webhook_cidr_parse(one, &out[*n], err);
        if (rc)
            return rc;
        (*n)++;
        if (!comma)
            return HG_OK;
        p = comma + 1;
    }
}

static int in_prefix(const unsigned char *a, const unsigned char *net, int bits)
{
    int full = bits / 8, rest = bits % 8;
    if (memcmp(a, net, (size_t)full) != 0)
        return 0;
    if (!rest)
        return 1;
    unsigned char mask = (unsigned char)(0xff << (8 - rest));
    return (a[full] & mask) == (net[full] & mask);
}

/* The ranges no delivery may reach unless allowed: IANA's special-purpose registries
 * (RFC 6890) for what is not the public internet. */
static const struct {
    int family;
    const char *net;
    int bits;
} denied[] = {
    {AF_INET, "0.0.0.0", 8},    {AF_INET, "10.0.0.0", 8},     {AF_INET, "100.64.0.0", 10},
    {AF_INET, "127.0.0.0", 8},  {AF_INET, "169.254.0.0", 16}, {AF_INET, "172.16.0.0", 12},
    {AF_INET, "192.0.0.0", 24}, {AF_INET, "192.168.0.0", 16}, {AF_INET, "198.18.0.0", 15},
    {AF_INET, "224.0.0.0", 4},  {AF_INET, "240.0.0.0", 4},    {AF_INET6, "::", 128},
    {AF_INET6, "::1", 128},     {AF_INET6, "fc00::", 7},      {AF_INET6, "fe80::", 10},
    {AF_INET6, "ff00::", 8},    {AF_INET6, "64:ff9b::", 96},
};

static int matches(int family, const unsigned char *a, const webhook_cidr *c)
{
    return c->family == family && in_prefix(a, c->addr, c->bits);
}

int webhook_addr_allowed(const struct sockaddr *sa, const webhook_cidr *allow, int n)
{
    unsigned char a[16];
    int family = sa->sa_family;
    if (family == AF_INET) {
        memcpy(a, &((const struct sockaddr_in *)sa)->sin_addr, 4);
    } else if (family == AF_INET6) {
        memcpy(a, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
        static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (memcmp(a, mapped, 12) == 0) { /* ::ffff:A.B.C.D is A.B.C.D */
            family = AF_INET;
            memmove(a, a + 12, 4);
        }
    } else {
        return 0;
    }
    for (int i = 0; i < n; i++)
        if (matches(family, a, &allow[i]))
            return 1;
    for (size_t i = 0; i < sizeof denied / sizeof denied[0]; i++) {
        webhook_cidr c = {.family = denied[i].family, .bits = denied[i].bits};
        inet_pton(c.family, denied[i].net, c.addr);
        if (matches(family, a, &c))
            return 0;
    }
    return 1;
}

hg_rc webhook_url_check(const char *url, const webhook_cidr *allow, int n, hg_err *err)
{
    if (!url || !*url || strlen(url) > 2048)
        return hg_fail(err, HG_INVALID, "invalid", "url", "url must be an http or https URL of at most 2048 bytes");
    CURLU *u = curl_url();
    if (!u)
        return hg_fail(err, HG_NOMEM, NULL, NULL, "out of memory");
    char *scheme = NULL, *host = NULL, *user = NULL, *password = NULL;
    hg_rc rc = HG_OK;
    if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !*host)
        rc = hg_fail(err, HG_INVALID, "invalid", "url", "url is not a URL with a host");
    else if (strcasecmp(scheme, "http") != 0 && strcasecmp(scheme, "https") != 0)
        rc = hg_fail(err, HG_INVALID, "invalid", "url", "url must use http or https");
    else if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK ||
             curl_url_get(u, CURLUPART_PASSWORD, &password, 0) == CURLUE_OK)
        rc = hg_fail(err, HG_INVALID, "invalid", "url", "url must not carry a user name or password");
    if (!rc) {
        /* an address literal is checked now (curl gives an IPv6 one in its brackets) */
        char h[256];
        snprintf(h, sizeof h, "%s", host);
        size_t hl = strlen(h);
        if (hl >= 2 && h[0] == '[' && h[hl - 1] == ']') {
            memmove(h, h + 1, hl - 2);
            h[hl - 2] = '\0';
        }
        struct sockaddr_in a4 = {.sin_family = AF_INET};
        struct sockaddr_in6 a6 = {.sin6_family = AF_INET6};
        const struct sockaddr *sa = NULL;
        if (inet_pton(AF_INET, h, &a4.sin_addr) == 1)
            sa = (const struct sockaddr *)&a4;
        else if (inet_pton(AF_INET6, h, &a6.sin6_addr) == 1)
            sa = (const struct sockaddr *)&a6;
        else if (strcasecmp(h, "localhost") == 0 || (hl > 10 && strcasecmp(h + hl - 10, ".localhost") == 0)) {
            inet_pton(AF_INET, "127.0.0.1", &a4.sin_addr);
            sa = (const struct sockaddr *)&a4;
        }
        if (sa && !webhook_addr_allowed(sa, allow, n))
            rc = hg_fail(err, HG_INVALID, "refused_target", "url",
                         "url points to a loopback, private or link-local address, which webhooks may not reach");
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(user);
    curl_free(password);
    curl_url_cleanup(u);
    return rc;
}
