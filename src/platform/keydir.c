/* keydir.c — key files and Ed25519 signing by key id (keydir.h). */
#include "keydir.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH_MAX_LEN 4096
#define SECRET_MAX 64 /* the largest file content read: an Ed25519 secret key */

static hg_rc ready(hg_err *err)
{
    if (sodium_init() < 0)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "libsodium cannot be initialised");
    return HG_OK;
}

int keydir_is_hex(const char *s, size_t len)
{
    if (!s || strlen(s) != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

/* Lower-case hex of exactly n bytes into out; 0 when s is anything else. */
static int hex_decode(const char *s, unsigned char *out, size_t n)
{
    size_t got = 0;
    if (!keydir_is_hex(s, 2 * n))
        return 0;
    return sodium_hex2bin(out, n, s, 2 * n, NULL, &got, NULL) == 0 && got == n;
}

void keydir_key_id(const unsigned char pk[32], char id[KEYDIR_ID_LEN + 1])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    crypto_hash_sha256(h, pk, 32);
    hex_encode(h, sizeof h, hex);
    memcpy(id, hex, KEYDIR_ID_LEN);
    id[KEYDIR_ID_LEN] = '\0';
}

static void key_fill(keydir_key *k)
{
    crypto_sign_ed25519_sk_to_pk(k->pk, k->sk);
    hex_encode(k->pk, sizeof k->pk, k->pk_hex);
    keydir_key_id(k->pk, k->id);
}

void keydir_key_wipe(keydir_key *k) { sodium_memzero(k->sk, sizeof k->sk); }

static hg_rc join_path(buf *out, const char *dir, const char *name, hg_err *err)
{
    buf_init(out, PATH_MAX_LEN);
    if (buf_appendf(out, "%s/%s", dir, name))
        return hg_fail(err, HG_INVALID, "invalid", "keys", "key directory path is too long");
    return HG_OK;
}

static hg_rc ensure_dir(const char *dir, hg_err *err)
{
    struct stat st;
    if (!dir || !*dir)
        return hg_fail(err, HG_INVALID, "invalid", "keys", "no key directory given");
    if (mkdir(dir, 0700) == 0)
        return HG_OK;
    if (errno != EEXIST)
        return hg_fail(err, HG_IO, "io_error", "keys", "cannot create the key directory: %s", strerror(errno));
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return hg_fail(err, HG_IO, "io_error", "keys", "the key directory is not a directory");
    return HG_OK;
}

/* Makes a rename or link in dir durable. */
static void fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Reads the hex file at path into out (n bytes); *missing = 1 (and HG_OK) when there is none. */
static hg_rc read_hex_file(const char *path, const char *what, unsigned char *out, size_t n, int *missing, hg_err *err)
{
    char hex[2 * SECRET_MAX + 8];
    struct stat st;
    size_t len = 0;
    hg_rc rc = HG_OK;
    *missing = 0;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) {
            *missing = 1;
            return HG_OK;
        }
        /* TRANSLATORS: 1: what; 2: strerror(errno) */
        return hg_fail(err, HG_IO, "io_error", "keys", "cannot open %s: %s", what, strerror(errno));
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        rc = hg_fail(err, HG_IO, "io_error", "keys", "%s is not a regular file", what);
        goto out;
    }
    /* Like ssh: a secret others can read is refused rather than silently used. */
    if (st.st_mode & 077) {
        rc = hg_fail(err, HG_FORBIDDEN, "forbidden", "keys", "%s is accessible to other users; it must have mode 0600",
                     what);
        goto out;
    }
    while (len < sizeof hex) {
        ssize_t got = read(fd, hex + len, sizeof hex - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            /* TRANSLATORS: 1: what; 2: strerror(errno) */
            rc = hg_fail(err, HG_IO, "io_error", "keys", "cannot read %s: %s", what, strerror(errno));
            goto out;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    while (len && (hex[len - 1] == '\n' || hex[len - 1] == '\r' || hex[len - 1] == ' '))
        len--;
    if (len != 2 * n) {
        rc = hg_fail(err, HG_IO, "io_error", "keys", "%s file is not a key", what);
        goto out;
    }
    hex[len] = '\0';
    if (!hex_decode(hex, out, n))
        rc = hg_fail(err, HG_IO, "io_error", "keys", "%s file is not a key", what);
out:
    sodium_memzero(hex, sizeof hex);
    close(fd);
    return rc;
}

/* Writes len bytes to fd whole (across short writes and EINTR), sets its mode to 0600 exactly
 * whatever the umask, syncs it to disk and closes it, also on failure. */
static hg_rc write_private(int fd, const char *data, size_t len, const char *what, hg_err *err)
{
    hg_rc rc = HG_OK;
    size_t done = 0;
    while (done < len && !rc) {
        ssize_t put = write(fd, data + done, len - done);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            /* TRANSLATORS: 1: what; 2: strerror(errno) */
            rc = hg_fail(err, HG_IO, "io_error", "keys", "cannot write %s: %s", what, strerror(errno));
        else
            done += (size_t)put;
    }
    if (!rc && (fchmod(fd, 0600) != 0 || fsync(fd) != 0))
        /* TRANSLATORS: 1: what; 2: strerror(errno) */
        rc = hg_fail(err, HG_IO, "io_error", "keys", "cannot write %s: %s", what, strerror(errno));
    if (close(fd) != 0 && !rc)
        /* TRANSLATORS: 1: what; 2: strerror(errno) */
        rc = hg_fail(err, HG_IO, "io_error", "keys", "cannot write %s: %s", what, strerror(errno));
    return rc;
}

/* Writes v (n bytes) as hex to a fresh temporary file of mode 0600 in dir; *tmp its path. */
static hg_rc write_tmp(const char *dir, const char *name, const char *what, const unsigned char *v, size_t n, buf *tmp,
                       hg_err *err)
{
    char hex[2 * SECRET_MAX + 2];
    hg_rc rc = HG_OK;
    buf_init(tmp, PATH_MAX_LEN);
    if (buf_appendf(tmp, "%s/.%s.%ld.%08" PRIx32, dir, name, (long)getpid(), randombytes_random()))
        return hg_fail(err, HG_INVALID, "invalid", "keys", "key directory path is too long");
    int fd = open(buf_str(tmp), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        /* TRANSLATORS: 1: what; 2: strerror(errno) */
        return hg_fail(err, HG_IO, "io_error", "keys", "cannot write %s: %s", what, strerror(errno));
    hex_encode(v, n, hex);
    hex[2 * n] = '\n';
    /* on disk before it is linked into place */
    rc = write_private(fd, hex, 2 * n + 1, what, err);
    sodium_memzero(hex, sizeof hex);
    if (rc)
        unlink(buf_str(tmp));
    return rc;
}

/* Reads file `name` of dir into out, or creates it from make(out) when missing, by link(2) so
 * that a file another process created meanwhile wins. *created = 1 when this call made it. */
static hg_rc load_or_create(const char *dir, const char *name, const char *what, unsigned char *out, size_t n,
                            void (*make)(unsigned char *out, size_t n), int *created, hg_err *err)
{
    buf path, tmp;
    int missing = 0;
    hg_rc rc;
    *created = 0;
    buf_init(&path, PATH_MAX_LEN);
    buf_init(&tmp, PATH_MAX_LEN);
    if ((rc = ready(err)) ||
        (make              ? (rc = ensure_dir(dir, err))
         : (!dir || !*dir) ? (rc = HG_NOTFOUND)
                           : 0) ||
        (rc = join_path(&path, dir, name, err)) || (rc = read_hex_file(buf_str(&path), what, out, n, &missing, err)) ||
        !missing)
        goto out;
    if (!make) { /* read only: a verifier never makes the key it checks against */
        rc = HG_NOTFOUND;
        goto out;
    }
    make(out, n);
    if ((rc = write_tmp(dir, name, what, out, n, &tmp, err)))
        goto out;
    if (link(buf_str(&tmp), buf_str(&path)) == 0) {
        *created = 1;
        missing = 0;
        fsync_dir(dir);
    } else if (errno == EEXIST) {
        rc = read_hex_file(buf_str(&path), what, out, n, &missing, err);
    } else {
        /* TRANSLATORS: 1: what; 2: strerror(errno) */
        rc = hg_fail(err, HG_IO, "io_error", "keys", "cannot install %s: %s", what, strerror(errno));
    }
    unlink(buf_str(&tmp));
    if (!rc && missing)
        rc = hg_fail(err, HG_IO, "io_error", "keys", "%s vanished while loading", what);
out:
    if (rc)
        sodium_memzero(out, n);
    buf_free(&path);
    buf_free(&tmp);
    return rc;
}

static void make_signing(unsigned char *out, size_t n)
{
    unsigned char pk[32];
    (void)n;
    crypto_sign_keypair(pk, out);
}

static void make_random(unsigned char *out, size_t n) { randombytes_buf(out, n); }

static hg_rc load_key(const char *dir, const char *name, const char *what, keydir_key *k, int *created, int create,
                      hg_err *err)
{
    unsigned char pk[32], check[64];
    hg_rc rc = load_or_create(dir, name, what, k->sk, sizeof k->sk, create ? make_signing : NULL, created, err);
    if (rc)
        return rc;
    /* The secret key is seed || public key: rebuilding it from the seed proves both halves. */
    if (crypto_sign_seed_keypair(pk, check, k->sk) != 0 || sodium_memcmp(check, k->sk, sizeof check) != 0)
        rc = hg_fail(err, HG_IO, "io_error", "keys", "%s file is not a key", what);
    sodium_memzero(check, sizeof check);
    if (rc)
        keydir_key_wipe(k);
    else
        key_fill(k);
    return rc;
}

hg_rc keydir_load(const char *dir, const char *name, const char *what, keydir_key *k, int *created, hg_err *err)
{
    return load_key(dir, name, what, k, created, 1, err);
}

hg_rc keydir_read(const char *dir, const char *name, const char *what, keydir_key *k, hg_err *err)
{
    int created;
    return load_key(dir, name, what, k, &created, 0, err);
}

hg_rc keydir_prepare(const char *dir, const char *name, const char *what, keydir_key *k, buf *tmp, hg_err *err)
{
    hg_rc rc;
    buf_init(tmp, PATH_MAX_LEN);
    if ((rc = ready(err)) || (rc = ensure_dir(dir, err)))
        return rc;
    make_signing(k->sk, sizeof k->sk);
    key_fill(k);
    rc = write_tmp(dir, name, what, k->sk, sizeof k->sk, tmp, err);
    if (rc)
        keydir_key_wipe(k);
    return rc;
}

hg_rc keydir_install(const char *dir, const char *name, const char *what, buf *tmp, hg_err *err)
{
    buf path;
    hg_rc rc = join_path(&path, dir, name, err);
    if (!rc && rename(buf_str(tmp), buf_str(&path)) != 0)
        /* TRANSLATORS: 1: what; 2: strerror(errno) */
        rc = hg_fail(err, HG_IO, "io_error", "keys", "cannot install the new %s: %s", what, strerror(errno));
    if (rc)
        unlink(buf_str(tmp));
    else
        fsync_dir(dir);
    buf_free(&path);
    return rc;
}

void keydir_abandon(buf *tmp)
{
    if (buf_str(tmp)[0])
        unlink(buf_str(tmp));
}

void keydir_sign(const keydir_key *k, const void *msg, size_t n, unsigned char sig[KEYDIR_SIG_BYTES])
{
    crypto_sign_detached(sig, NULL, msg, n, k->sk);
}

int keydir_verify(const char *key_id, const char *pk_hex, const void *msg, size_t n, const char *sig_hex)
{
    unsigned char pk[32], sig[KEYDIR_SIG_BYTES];
    char id[KEYDIR_ID_LEN + 1];
    if (!key_id || !hex_decode(pk_hex, pk, sizeof pk) || !hex_decode(sig_hex, sig, sizeof sig))
        return 0;
    keydir_key_id(pk, id);
    if (strcmp(id, key_id) != 0)
        return 0;
    return crypto_sign_verify_detached(sig, msg, n, pk) == 0;
}

hg_rc keydir_secret(const char *dir, const char *name, const char *what, unsigned char *out, size_t n, hg_err *err)
{
    int created;
    return keydir_secret_made(dir, name, what, out, n, &created, err);
}

hg_rc keydir_secret_made(const char *dir, const char *name, const char *what, unsigned char *out, size_t n,
                         int *created, hg_err *err)
{
    if (n > SECRET_MAX)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "secret too long");
    return load_or_create(dir, name, what, out, n, make_random, created, err);
}

hg_rc keydir_secret_read(const char *dir, const char *name, const char *what, unsigned char *out, size_t n, hg_err *err)
{
    int created;
    if (n > SECRET_MAX)
        return hg_fail(err, HG_INTERNAL, NULL, NULL, "secret too long");
    return load_or_create(dir, name, what, out, n, NULL, &created, err);
}

hg_rc keydir_append(const char *dir, const char *name, const char *what, const char *text, hg_err *err)
{
    buf path;
    hg_rc rc;
    if ((rc = ensure_dir(dir, err)) || (rc = join_path(&path, dir, name, err)))
        return rc;
    int fd = open(buf_str(&path), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    buf_free(&path);
    if (fd < 0)
        /* TRANSLATORS: 1: what; 2: strerror(errno) */
        return hg_fail(err, HG_IO, "io_error", "keys", "cannot write %s: %s", what, strerror(errno));
    /* durable before the change it prepares (a rotation) is made */
    rc = write_private(fd, text, strlen(text), what, err);
    if (!rc)
        fsync_dir(dir);
    return rc;
}
