#!/bin/sh
# Stops or starts again the test PostgreSQL server of scripts/pg-start.sh, keeping its data:
# for the test that takes the database away under a running haiguan serve.
#   usage: scripts/pg-ctl.sh STATE_FILE stop|start
set -eu
state=${1:?usage: pg-ctl.sh STATE_FILE stop|start}
action=${2:?usage: pg-ctl.sh STATE_FILE stop|start}
dir=$(cat "$state")
case "$dir" in
    /tmp/haiguan-pg.*) ;;
    *) echo "pg-ctl: not a test server: '$dir'" >&2; exit 1 ;;
esac
bindir=""
for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && bindir=$d
done
case "$action" in
    stop) set -- "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop ;;
    start) set -- "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start ;;
    *) echo "pg-ctl: stop or start" >&2; exit 2 ;;
esac
if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@" >&2
else
    sudo -u postgres "$@" >&2
fi
