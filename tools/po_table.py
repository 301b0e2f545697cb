#!/usr/bin/env python3
"""po_table.py -- turns the Chinese catalogue (po/zh_CN.po) into C data for src/platform/i18n.c.

Run by Meson at build time (a custom_target); by hand:

    tools/po_table.py --po po/zh_CN.po --out messages_zh.inc

It writes i18n_table[]: {msgid, msgstr} for every translated, non-fuzzy message, the strings
spelled as C literals, with xgettext's "%<PRId64>" turned back into "%" PRId64 so that a msgid
is byte for byte the format the code passes to hg_fail on this platform.

A translation is a printf format that hg_fail runs with the msgid's arguments, so the generator
refuses (exit 1, naming the message) one whose directives are not the msgid's, in the msgid's
order: a wrong directive would read an argument as the wrong type. A translation may instead
number its directives (gettext's positional form, %2$s then %1$s, for a sentence whose
arguments read better in another order): then every directive is numbered, each argument of
the msgid is used with the msgid's type, and none has a star width. A msgid is never numbered
(it is the code's printf format); %n is refused.
`msgfmt --check-format` (tools/po_check.sh) checks the same; this keeps the build safe
without gettext installed.
"""
import argparse
import re
import sys

DIRECTIVE = re.compile(r"%(?:%|(?:\d+\$)?[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|j|z|t|L|q)?"
                       r"(?:<PRI[a-zA-Z0-9]+>|[diouxXcspaAeEfFgGn]))")
POSITIONAL = re.compile(r"%\d+\$")


def unquote(text):
    """The value of a .po string literal (without its quotes)."""
    out, i = [], 0
    esc = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            out.append(esc.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_po(path):
    """The catalogue's entries as dicts: msgid, msgstr, flags (set), line."""
    entries, cur, key = [], None, None

    def flush():
        if cur is not None and "msgid" in cur:
            entries.append(cur)

    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.strip()
            if not line:
                flush()
                cur, key = None, None
                continue
            if cur is None:
                cur = {"flags": set(), "line": lineno}
            if line.startswith("#,"):
                cur["flags"].update(x.strip() for x in line[2:].split(","))
            elif line.startswith("#~"):
                cur["obsolete"] = True
            elif line.startswith("#"):
                continue
            elif line.startswith("msgctxt ") or line.startswith("msgid_plural") or line.startswith("msgstr["):
                sys.exit(f"{path}:{lineno}: contexts and plural forms are not used by haiguan's catalogue")
            else:
                m = re.match(r'^(msgid|msgstr)?\s*"(.*)"$', line)
                if not m:
                    sys.exit(f"{path}:{lineno}: cannot read: {line}")
                if m.group(1):
                    key = m.group(1)
                    cur[key] = ""
                if key is None:
                    sys.exit(f"{path}:{lineno}: a string outside msgid/msgstr")
                cur[key] += unquote(m.group(2))
    flush()
    return [e for e in entries if not e.get("obsolete")]


def directives(s):
    """The arguments s's directives read, as types: a star width or precision reads an int, and
    flags, widths and precisions are free ("%.0s" reads the string "%s" reads, printing none of
    it: how a translation drops an English plural's "s")."""
    out = []
    for d in DIRECTIVE.findall(s):
        if d == "%%":
            continue
        m = re.match(r"%(?:\d+\$)?[-+ #0']*(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|j|z|t|L|q)?(.*)$", d)
        width, prec, length, conv = m.groups()
        out += ["int"] * ((width == "*") + (prec == "*"))
        conv = {"i": "d", "o": "u", "x": "u", "X": "u", "e": "f", "E": "f", "F": "f", "g": "f", "G": "f",
                "a": "f", "A": "f"}.get(conv, conv)
        out.append((length or "") + conv)
    return out


def positional_problem(want, mstr):
    """Why mstr's numbered directives do not take the msgid's arguments (want: their types), or
    None: every directive numbered, none with a star, each taking its argument's type, every
    argument used."""
    used = set()
    for d in DIRECTIVE.findall(mstr):
        if d == "%%":
            continue
        m = re.match(r"%(\d+)\$", d)
        if not m:
            return "numbered and unnumbered directives are mixed"
        if "*" in d:
            return "a numbered directive has a star width or precision"
        k = int(m.group(1))
        if k < 1 or k > len(want):
            return f"%{k}$ names no argument of the msgid (it has {len(want)})"
        got = directives(d)
        if got != [want[k - 1]]:
            return f"%{k}$ reads {got} where the msgid's argument {k} is {want[k - 1]}"
        used.add(k)
    missing = sorted(set(range(1, len(want) + 1)) - used)
    if missing:
        return f"the translation leaves out argument(s) {missing}"
    return None


def c_literal(s):
    """s as a C string literal, with "%<PRIxx>" as the <inttypes.h> macro."""
    parts = re.split(r"<(PRI[a-zA-Z0-9]+)>", s)
    out = []
    for i, p in enumerate(parts):
        if i % 2:
            out.append(" " + p + " ")
            continue
        b = p.encode("utf-8")
        lit = []
        for byte in b:
            ch = chr(byte)
            if ch == '"' or ch == "\\":
                lit.append("\\" + ch)
            elif ch == "\n":
                lit.append("\\n")
            elif ch == "?":
                lit.append("\\?")  # no trigraphs
            elif 32 <= byte < 127:
                lit.append(ch)
            else:
                lit.append("\\%03o" % byte)  # octal: a hex escape would swallow a following digit
        out.append('"' + "".join(lit) + '"')
    return "".join(out)


def check(entries, path):
    problems = []
    for e in entries:
        mid, mstr = e["msgid"], e.get("msgstr", "")
        if not mid or not mstr or "fuzzy" in e["flags"]:
            continue
        where = f"{path}:{e['line']}: {mid!r}"
        if POSITIONAL.search(mid):
            problems.append(f"{where}: a msgid's directives are never numbered")
            continue
        if "%n" in mstr:
            problems.append(f"{where}: %n is refused")
        if any(d in ("ls", "lc") for d in directives(mid)):
            problems.append(f"{where}: wide-character directives are not supported by i18n.c")
        if POSITIONAL.search(mstr):
            problem = positional_problem(directives(mid), mstr)
            if problem:
                problems.append(f"{where}: {problem}")
        elif directives(mid) != directives(mstr):
            problems.append(f"{where}: the translation's directives {directives(mstr)} are not the msgid's "
                            f"{directives(mid)}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--po", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    entries = parse_po(a.po)
    problems = check(entries, a.po)
    if problems:
        sys.exit("\n".join(problems))
    rows = [e for e in entries if e["msgid"] and e.get("msgstr") and "fuzzy" not in e["flags"]]
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("/* generated by tools/po_table.py from po/zh_CN.po; do not edit */\n")
        f.write("static const i18n_entry i18n_table[] = {\n")
        for e in rows:
            f.write(f"    {{{c_literal(e['msgid'])}, {c_literal(e['msgstr'])}}},\n")
        if not rows:
            f.write('    {"", ""},\n')
        f.write("};\n")


if __name__ == "__main__":
    main()
