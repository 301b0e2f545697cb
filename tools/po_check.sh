#!/bin/sh
# po_check.sh — the API messages' catalogue (po/): extracts the msgids from the C sources with
# xgettext (Debian's gettext) and checks the Chinese translation against them.
#   tools/po_check.sh update   — rewrites po/haiguan.pot and merges it into po/zh_CN.po
#                                (new messages come in untranslated; translate them)
#   tools/po_check.sh check    — fails when po/haiguan.pot is stale, when a msgid lacks a
#                                Chinese translation (or is fuzzy), or when a translation's
#                                printf directives are not its msgid's (msgfmt --check-format)
# Run by `make lint` (scripts/lint.sh) and the unit suite (tests/meson.build).
#
# What is a message: hg_fail's format (5th argument), a literal marked N_("...") (a reason
# passed to hg_fail as an argument), a validator's fail(reason, "...") and db_row_json's
# not-found message. The .pot has no source locations, so moving code does not make it stale.
set -eu
cd "$(dirname "$0")/.."
POT=po/haiguan.pot
PO=po/zh_CN.po

extract() {
    find src -name '*.c' | LC_ALL=C sort >"$1.files"
    xgettext --from-code=UTF-8 --language=C --no-location --sort-output --no-wrap \
        --keyword= --keyword=hg_fail:5 --keyword=N_ --keyword=fail:2 --keyword=db_row_json:5 \
        --flag=hg_fail:5:c-format \
        --package-name=haiguan --msgid-bugs-address=none \
        -f "$1.files" -o - |
        sed -e '/^"POT-Creation-Date:/d' >"$1"
    rm -f "$1.files"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

case "${1:-check}" in
update)
    extract "$POT"
    if [ -f "$PO" ]; then
        msgmerge --quiet --no-wrap --no-location --sort-output --no-fuzzy-matching --update --backup=none "$PO" "$POT"
    else
        msginit --no-translator --no-wrap --locale=zh_CN.UTF-8 --input="$POT" --output-file="$PO"
    fi
    ;;
check)
    fail=0
    extract "$tmp/fresh.pot"
    if ! cmp -s "$tmp/fresh.pot" "$POT"; then
        echo "po_check: $POT is stale (messages changed in src/): run tools/po_check.sh update" >&2
        diff -u "$POT" "$tmp/fresh.pot" | grep '^[-+]msgid' | head -20 >&2 || true
        fail=1
    fi
    # every msgid of the code is in the catalogue, translated and not fuzzy
    if ! msgcmp --use-untranslated "$PO" "$tmp/fresh.pot" 2>"$tmp/cmp"; then
        sed 's/^/po_check: /' "$tmp/cmp" | head -20 >&2
        fail=1
    fi
    msgattrib --untranslated --no-obsolete "$PO" -o "$tmp/untranslated.po"
    msgattrib --only-fuzzy --no-obsolete "$PO" -o "$tmp/fuzzy.po"
    for f in untranslated fuzzy; do
        n=$(grep -c '^msgid ' "$tmp/$f.po" 2>/dev/null || true)
        if [ "${n:-0}" -gt 1 ]; then   # the header counts as one
            echo "po_check: $PO has $((n - 1)) $f message(s):" >&2
            grep -A1 '^msgid ' "$tmp/$f.po" | tail -n +3 | head -20 >&2
            fail=1
        fi
    done
    # the translations' printf directives are their msgids'
    if ! msgfmt --check --check-format -o /dev/null "$PO"; then
        fail=1
    fi
    # and what the build's generator refuses (directive order, positional ones)
    if ! python3 tools/po_table.py --po "$PO" --out "$tmp/table.inc"; then
        fail=1
    fi
    [ "$fail" -eq 0 ] && echo "po_check: $PO translates every message of $POT"
    exit "$fail"
    ;;
*)
    echo "usage: tools/po_check.sh update|check" >&2
    exit 2
    ;;
esac
