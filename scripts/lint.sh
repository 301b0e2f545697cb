#!/bin/sh
# Style checks that a tool can do (STYLE.md): banned functions in C sources and a header
# comment at the top of every C file.
set -eu
cd "$(dirname "$0")/.."
status=0
files=$(find src tests -name '*.[ch]' | sort)
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
[ $status -eq 0 ] && echo "lint: ok"
exit $status
