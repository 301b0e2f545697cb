#!/bin/sh
# Installs the Debian packages haiguan needs, only those missing.
#   scripts/install-deps.sh build   — what `make run` needs
#   scripts/install-deps.sh test    — also what the test suite needs
# Runs apt-get only when something is missing, so repeated runs are fast and offline-safe.
set -eu
BUILD="gcc make meson ninja-build pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev \
libpq-dev libssl-dev libsodium-dev libcurl4-openssl-dev libjemalloc-dev libzint-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk fonts-wqy-zenhei iso-codes \
zlib1g-dev"
TEST="libcmocka-dev clang clang-format libclang-rt-14-dev sqlite3 python3 curl zbar-tools chromium clips libclips-dev \
nginx-light openssl python3-cbor2 python3-cryptography poppler-utils libxml2-utils gettext"
want="$BUILD"
[ "${1:-build}" = test ] && want="$BUILD $TEST"
# Node.js and npm build the web console (web/, Vite); a machine that already has them, from
# Debian or elsewhere, keeps its own. The browser tests use Debian's chromium (in TEST).
command -v node >/dev/null 2>&1 || want="$want nodejs"
command -v npm >/dev/null 2>&1 || want="$want npm"
missing=""
for p in $want; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing >&2
