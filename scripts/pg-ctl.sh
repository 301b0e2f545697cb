#!/bin/sh
# Acts on a test PostgreSQL server of scripts/pg-start.sh or pg-replica.sh, keeping its data:
# for the tests that take the database away under a running haiguan serve.
#   usage: scripts/pg-ctl.sh STATE_FILE stop|start|kill|promote
#          scripts/pg-ctl.sh STATE_FILE rejoin SOURCE_URL
# kill      kill -9 of the postmaster and its processes (a machine lost: the failover test)
# promote   a replica becomes the primary (pg_ctl promote, waiting until it accepts writes)
# rejoin    a stopped or killed former primary becomes a replica of SOURCE_URL (the promoted
#           one): pg_rewind to the point where their histories part, then streaming from it
set -eu
usage="usage: pg-ctl.sh STATE_FILE stop|start|kill|promote|rejoin SOURCE_URL"
state=${1:?$usage}
action=${2:?$usage}
. scripts/pg-lib.sh
pg_state_dir "$state"
pg_find_bindir
data=$dir/data
case "$action" in
    stop) as_pg "$bindir/pg_ctl" -D "$data" -m fast -w stop >&2 ;;
    start) as_pg "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >&2 ;;
    kill)
        # the postmaster and every process of it at once, as when its machine is lost
        pid=$(head -1 "$data/postmaster.pid")
        kill -9 "$pid" $(pgrep -P "$pid") 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null || [ -n "$(pgrep -P "$pid")" ]; do sleep 0.05; done
        ;;
    promote)
        as_pg "$bindir/pg_ctl" -D "$data" -w -t 60 promote >&2
        # the new timeline reaches the control file only at a checkpoint, and pg_rewind (a
        # rejoin against this server) reads it there
        port=$(sed -n 's/^port = //p' "$data/postgresql.conf" | tail -1)
        psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c CHECKPOINT
        ;;
    rejoin)
        source=${3:?$usage}
        # a killed server is first taken through crash recovery by pg_rewind itself (in
        # single-user mode, never accepting a connection as a primary again)
        port=$(sed -n 's/^port = //p' "$data/postgresql.conf" | tail -1)
        as_pg "$bindir/pg_rewind" --target-pgdata="$data" --source-server="$source user=postgres" >&2
        # pg_rewind copied the source's configuration too: this server's own port and
        # socket again, and the source as the primary it streams from
        name=$(basename "$dir")
        as_pg sh -c "touch '$data/standby.signal' && cat >>'$data/postgresql.conf'" <<CONF
port = $port
unix_socket_directories = '$dir'
CONF
        # postgresql.auto.conf is read last: the copied primary_conninfo there would win
        as_pg sed -i '/^primary_conninfo/d' "$data/postgresql.auto.conf"
        as_pg sh -c "cat >>'$data/postgresql.auto.conf'" <<CONF
primary_conninfo = '$source user=postgres application_name=standby_${name#haiguan-pg.}'
CONF
        as_pg "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >&2
        ;;
    *) echo "$usage" >&2; exit 2 ;;
esac
