#!/bin/sh
# Stops the PostgreSQL server that scripts/pg-start.sh started and deletes its directory.
#   usage: scripts/pg-stop.sh STATE_FILE
set -eu
state=${1:?usage: pg-stop.sh STATE_FILE}
[ -s "$state" ] || { rm -f "$state"; exit 0; }   # pg-start.sh failed before making one
dir=$(cat "$state")
case "$dir" in
    /tmp/haiguan-pg.*) ;;
    *) echo "pg-stop: refusing to delete '$dir'" >&2; exit 1 ;;
esac
bindir=""
for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && bindir=$d
done
if [ -f "$dir/data/postmaster.pid" ] && [ -n "$bindir" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    else
        sudo -u postgres "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
fi
rm -rf "$dir"
rm -f "$state"
