# pg-lib.sh — what the test PostgreSQL scripts share (sourced, not run): finding Debian's
# server binaries, running them as the `postgres` user (PostgreSQL refuses root), a free
# loopback port, and the state file that names a test server's directory.

# Sets bindir to the newest /usr/lib/postgresql/*/bin with initdb; installs the test
# dependencies first when there is none.
pg_find_bindir() {
    bindir=""
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && bindir=$d
    done
    if [ -z "$bindir" ] && [ "${1:-}" = install ]; then
        scripts/install-deps.sh test
        pg_find_bindir
    fi
    [ -n "$bindir" ] || { echo "pg: PostgreSQL server binaries not found" >&2; exit 1; }
}

as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    elif [ "$(id -un)" = postgres ]; then
        "$@"
    else
        sudo -u postgres "$@"
    fi
}

# A free loopback port: bind to 0 and let the kernel choose, then release it.
pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A fresh directory for a test server, owned by postgres, written to state file $1.
pg_new_dir() {
    dir=$(mktemp -d /tmp/haiguan-pg.XXXXXX)
    chmod 755 "$dir"
    chown postgres: "$dir" 2>/dev/null || sudo chown postgres: "$dir"
    echo "$dir" >"$1"
}

# Sets dir from state file $1, refusing anything but a test server's directory.
pg_state_dir() {
    dir=$(cat "$1")
    case "$dir" in
        /tmp/haiguan-pg.*) ;;
        *) echo "pg: not a test server: '$dir'" >&2; exit 1 ;;
    esac
}
