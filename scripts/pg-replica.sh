#!/bin/sh
# Starts a streaming replica of a test PostgreSQL server (scripts/pg-start.sh) and makes it the
# primary's synchronous standby, so that a write the primary acknowledges is on the replica
# too; prints the replica's base URL. scripts/pg-stop.sh REPLICA_STATE stops it.
#   usage: scripts/pg-replica.sh PRIMARY_URL REPLICA_STATE
# PRIMARY_URL is pg-start.sh's answer (postgres://postgres@127.0.0.1:PORT).
set -eu
usage="usage: pg-replica.sh PRIMARY_URL REPLICA_STATE"
primary=${1:?$usage}
state=${2:?$usage}
. scripts/pg-lib.sh
pg_find_bindir
pg_new_dir "$state"
port=$(pg_free_port)
hostport=${primary#postgres://postgres@}
phost=${hostport%:*}
pport=${hostport##*:}
name=$(basename "$dir")
name=standby_${name#haiguan-pg.}
# -R writes standby.signal and primary_conninfo from the connection it copied over, with the
# application_name the primary's synchronous_standby_names then names
as_pg "$bindir/pg_basebackup" -d "host=$phost port=$pport user=postgres application_name=$name" \
    -D "$dir/data" -R -X stream --checkpoint=fast >"$dir/basebackup.log" 2>&1 ||
    { cat "$dir/basebackup.log" >&2; exit 1; }
as_pg sh -c "cat >>'$dir/data/postgresql.conf'" <<CONF
port = $port
unix_socket_directories = '$dir'
CONF
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >&2 ||
    { cat "$dir/server.log" >&2; exit 1; }
psql -X -q -d "$primary/postgres" -c "ALTER SYSTEM SET synchronous_standby_names = '$name'" \
    -c "SELECT pg_reload_conf()" >/dev/null
# until the primary sees it streaming as its synchronous standby
i=0
until [ "$(psql -X -A -t -d "$primary/postgres" -c \
    "SELECT count(*) FROM pg_stat_replication WHERE application_name = '$name' AND sync_state = 'sync'")" = 1 ]; do
    i=$((i + 1))
    [ $i -lt 300 ] || { echo "pg-replica: $name never became the synchronous standby" >&2; exit 1; }
    sleep 0.1
done
echo "postgres://postgres@127.0.0.1:$port"
