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
bindir=""
for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && bindir=$d
done
if [ -z "$bindir" ]; then
    scripts/install-deps.sh test
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && bindir=$d
    done
fi
[ -n "$bindir" ] || { echo "pg-start: PostgreSQL server binaries not found" >&2; exit 1; }

as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    elif [ "$(id -un)" = postgres ]; then
        "$@"
    else
        sudo -u postgres "$@"
    fi
}

dir=$(mktemp -d /tmp/haiguan-pg.XXXXXX)
chmod 755 "$dir"
chown postgres: "$dir" 2>/dev/null || sudo chown postgres: "$dir"
echo "$dir" >"$state"

# A free port: bind to 0 and let the kernel choose, then release it.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_pg "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
# In the configuration file rather than on the command line, so that scripts/pg-ctl.sh can
# stop and start the same server again (the outage test). fsync stays on (the default): the
# tests include kill -9 durability checks.
as_pg sh -c "cat >>'$dir/data/postgresql.conf'" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
CONF
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >&2 ||
    { cat "$dir/server.log" >&2; exit 1; }
echo "postgres://postgres@127.0.0.1:$port"
