#!/bin/sh
# Starts a throw-away PostgreSQL server for the tests and prints its base URL
# (postgres://postgres@127.0.0.1:PORT) on stdout; scripts/pg-stop.sh DIR stops it and
# deletes its data. The data directory is a fresh temporary one, owned by the `postgres`
# user (initdb refuses to run as root), with trust authentication on loopback only: it
# holds nothing but test data and lives for one test run.
#   usage: scripts/pg-start.sh STATE_FILE
# STATE_FILE receives the data directory, for pg-stop.sh.
set -eu
state=${1:?usage: pg-start.sh STATE_FILE}
. scripts/pg-lib.sh
pg_find_bindir install
pg_new_dir "$state"
port=$(pg_free_port)

# --no-sync: initdb does not flush the fresh files of a throw-away cluster (seconds on a busy
# disk); the server itself runs with fsync on, which is what the durability tests rely on.
as_pg "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
# In the configuration file rather than on the command line, so that scripts/pg-ctl.sh can
# stop and start the same server again (the outage test). fsync stays on (the default): the
# tests include kill -9 durability checks. wal_log_hints and the WAL kept back let a failed
# primary rejoin its promoted replica with pg_rewind, which reads the old primary's WAL from
# the last checkpoint before they parted (the failover test, scripts/pg-ctl.sh rejoin).
# wal_level = logical lets a district publish the tables the national statistics need to a
# headquarters installation (issue 22 section 4); it is a superset of replica, so the
# physical standby and pg_rewind work as before. The slots, senders and workers are raised so
# that one cluster can be a district publishing to headquarters and following its instructions,
# or headquarters receiving several districts (each subscription an apply worker, and table
# synchronisation workers while it copies the first rows).
as_pg sh -c "cat >>'$dir/data/postgresql.conf'" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
wal_log_hints = on
wal_keep_size = '256MB'
wal_level = logical
max_replication_slots = 16
max_wal_senders = 16
max_logical_replication_workers = 12
max_worker_processes = 24
wal_retrieve_retry_interval = '200ms'
CONF
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >&2 ||
    { cat "$dir/server.log" >&2; exit 1; }
echo "postgres://postgres@127.0.0.1:$port"
