/* file_modes.h — the server's files are its own (issue 13 §5): the database holds every
 * account's password hash, live sessions' CSRF secrets and all trade data, and the key
 * directory the secrets that sign the audit trail and key random selection. Whoever can read
 * risk-draw.key can predict which declarations are drawn for inspection. */
#ifndef HG_FILE_MODES_H
#define HG_FILE_MODES_H

#include "rc.h"

/* HG_IO naming the first file in dir that users other than the owner may read or write, with
 * the command that mends it; HG_OK when there is none or dir does not exist yet. */
hg_rc private_files_check(const char *dir, hg_err *err);

/* For a SQLite database path: the database and its -wal, -shm and -journal files, made 0600
 * when they are wider (files made by an older version); a warning names each one mended.
 * Nothing for a PostgreSQL URL. */
void sqlite_files_tighten(const char *db_url);

#endif
