#!/bin/sh
# Style checks that a tool can do (STYLE.md): banned functions in C sources, a header
# comment at the top of every C file, result codes kept through `||` chains (rc.h), and the
# formatter (.clang-format) on every C file but the older ones in scripts/format-legacy.txt.
set -eu
cd "$(dirname "$0")/.."
status=0
files=$(find src tests -name '*.[ch]' | sort)
legacy=scripts/format-legacy.txt
for f in $files; do
    [ -f "$f" ] || continue
    if ! head -n 1 "$f" | grep -q '^/\*'; then
        echo "lint: $f: must open with a comment saying what the file is for"
        status=1
    fi
    if grep -nE '\b(sprintf|vsprintf|strcpy|strcat|strtok|atoi|atol|gets|localtime|gmtime|asctime|ctime)\s*\(' "$f" \
        | grep -vE '(snprintf|vsnprintf|_r\s*\()' ; then
        echo "lint: $f: uses a banned function (see STYLE.md: use snprintf, buf_*, strtol, gmtime_r)"
        status=1
    fi
    case "$f" in
    src/platform/mem.c) ;;
    src/check/check_iso.c) ;;   # one-time process-lifetime tables, documented there
    src/*)
        if grep -nE '(^|[^x_a-z])(malloc|calloc|realloc|free|strdup|strndup)\s*\(' "$f" | grep -vE 'json_|sqlite3_|//|^[0-9]+:\s*(\*|/\*)'; then
            echo "lint: $f: allocate through xmalloc/xcalloc/xrealloc/xfree/xstrdup (mem.h)"
            status=1
        fi
        ;;
    esac
done
# `rc = a() || b();` makes any failure 1 (HG_INVALID): (rc = a()) || (rc = b()) keeps it (rc.h).
# A statement is read whole (it may span lines); `||` inside parentheses or before `?` is fine.
python3 - $files <<'PY' || status=1
import re, sys
bad = 0
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8", errors="replace").read()
    for m in re.finditer(r"(?m)^[ \t]*(?:hg_rc[ \t]+)?rc[ \t]*=(?!=)([^;]*);", text):
        body, depth, top = m.group(1), 0, ""
        for ch in body:
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and ch not in "()":
                top += ch
        if "||" in top and "?" not in top:
            line = text.count("\n", 0, m.start()) + 1
            print("lint: %s:%d: 'rc = a() || b()' loses the result code; write (rc = a()) || (rc = b()) (rc.h)"
                  % (path, line))
            bad = 1
sys.exit(bad)
PY

# The formatter: every C file of src, tests and bench not on the legacy list. One clang-format
# run over all of them (--dry-run names each file it would change: a warning per change), not
# one per file, which is most of the lint's time.
if command -v clang-format >/dev/null 2>&1; then
    all=$(find src tests bench -name '*.[ch]' | sort)
    checked=$(printf '%s\n' "$all" | grep -vxF -f "$legacy" || true)
    older=$(printf '%s\n' "$all" | grep -xF -f "$legacy" || true)
    # the files clang-format would change, each once
    unformatted() {
        [ -n "$*" ] || return 0
        clang-format --dry-run "$@" 2>&1 |
            sed -n 's/^\(.*\):[0-9]*:[0-9]*: warning: code should be clang-formatted.*/\1/p' | sort -u
    }
    # shellcheck disable=SC2086
    for f in $(unformatted $checked); do
        echo "lint: $f: not in the format of .clang-format (run clang-format -i $f)"
        status=1
    done
    # shellcheck disable=SC2086
    still=$(unformatted $older)
    for f in $older; do
        printf '%s\n' "$still" | grep -qxF "$f" || echo "lint: $f is formatted now: remove it from $legacy"
    done
else
    echo "lint: clang-format not installed (Debian package clang-format): format not checked"
fi
# The API messages' Chinese catalogue (po/): up to date, complete, directives as the msgids'.
if command -v xgettext >/dev/null 2>&1; then
    tools/po_check.sh check >/dev/null || status=1
else
    echo "lint: gettext not installed (Debian package gettext): the message catalogue not checked"
fi
[ $status -eq 0 ] && echo "lint: ok"
exit $status
