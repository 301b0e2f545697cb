#!/bin/sh
# Stops the PostgreSQL server that scripts/pg-start.sh (or pg-replica.sh) started and deletes
# its directory.
#   usage: scripts/pg-stop.sh STATE_FILE
set -eu
state=${1:?usage: pg-stop.sh STATE_FILE}
[ -s "$state" ] || { rm -f "$state"; exit 0; }   # pg-start.sh failed before making one
. scripts/pg-lib.sh
pg_state_dir "$state"
bindir=""
for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && bindir=$d
done
if [ -f "$dir/data/postmaster.pid" ] && [ -n "$bindir" ]; then
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
fi
rm -rf "$dir"
rm -f "$state"
