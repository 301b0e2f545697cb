/* file_modes.c — refusing shared key files and tightening the database's (file_modes.h).
 * New files are private from the start: main sets the umask to 077 before anything is
 * created, so this mends only what existed before, or what someone loosened by hand. */
#include "file_modes.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "log.h"

hg_rc private_files_check(const char *dir, hg_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return HG_OK;   /* created 0700 when the first key is made */
    hg_rc rc = HG_OK;
    struct dirent *e;
    while (!rc && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        struct stat st;
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path || lstat(path, &st) != 0)
            continue;
        if (S_ISREG(st.st_mode) && (st.st_mode & 077))
            /* TRANSLATORS: 1: path; 2: (st.st_mode & 07777); 3: path */
            rc = hg_fail(err, HG_IO, "key_file_shared", "keys",
                         "%s may be read by other users (mode %04o); run: chmod 600 %s", path,
                         (unsigned)(st.st_mode & 07777), path);
    }
    closedir(d);
    return rc;
}

void sqlite_files_tighten(const char *db_url)
{
    if (strncmp(db_url, "postgres://", 11) == 0 || strncmp(db_url, "postgresql://", 13) == 0)
        return;
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char path[4096];
        struct stat st;
        if ((size_t)snprintf(path, sizeof path, "%s%s", db_url, suffixes[i]) >= sizeof path || stat(path, &st) != 0)
            continue;
        if (S_ISREG(st.st_mode) && (st.st_mode & 077)) {
            if (chmod(path, 0600) == 0)
                log_warn("%s was readable by other users (mode %04o): made 0600", path, (unsigned)(st.st_mode & 07777));
            else
                log_warn("%s is readable by other users (mode %04o) and cannot be made 0600", path,
                         (unsigned)(st.st_mode & 07777));
        }
    }
}
