/* check.h — identifier validators: pure functions, no I/O, no allocation.
 *
 * Each validator judges the exact string it is given (no trimming, no case folding: the
 * API does that before calling, `haiguan check` does not). It returns 1 when the value is
 * valid and 0 otherwise; on 0, *reason (when reason is non-NULL) points at a static,
 * human-readable English phrase such as "wrong check digit" or "must be 18 characters".
 * The reason strings are static; the caller never frees them.
 *
 * Not for: reference data that needs loading (countries and currencies come from
 * Debian's iso-codes JSON; see check_iso.c, which loads them once, thread-safely). */
#ifndef HG_CHECK_H
#define HG_CHECK_H

#include <stddef.h>

/* Unified social credit code, GB 32100-2015: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY",
 * position 1 registration authority, 2 kind, 3-8 administrative division (digits),
 * 9-17 organisation code (GB 11714, with its own check digit at 17), 18 check character (mod 31).
 * Both check characters are verified. */
int check_uscc(const char *s, const char **reason);
/* Customs enterprise code (海关编码): exactly 10 characters, digits and upper-case letters,
 * the first four digits the registering customs' area code. */
int check_customs_code(const char *s, const char **reason);
/* ISO 6346 container number: owner code (3 letters), category (U, J or Z), 6-digit serial,
 * check digit (mod 11, 10 -> 0). */
int check_container(const char *s, const char **reason);
/* IMO ship number: "IMO" followed by 7 digits, or the 7 digits alone; weighted check digit. */
int check_imo(const char *s, const char **reason);
/* VIN, ISO 3779 with the North American / GB 16735 check digit at position 9; no I, O, Q. */
int check_vin(const char *s, const char **reason);
/* Resident identity number, GB 11643-1999: 17 digits and a check character (0-9 or X),
 * birth date valid. */
int check_id_card(const char *s, const char **reason);
/* ICAO 9303 machine-readable zone: TD3 (2x44, passports), TD2 (2x36) or TD1 (3x30);
 * lines separated by '\n'. All check digits (document number, birth date, expiry,
 * optional data where present, composite) verified. */
int check_mrz(const char *s, const char **reason);
/* HS code as used in China: 10 digits (8 tariff + 2 supervision); chapter 01-97, not 77. */
int check_hs(const char *s, const char **reason);
/* ISO 3166-1 alpha-2 or alpha-3 country code, upper-case, from iso-codes. */
int check_country(const char *s, const char **reason);
/* ISO 4217 alphabetic currency code, upper-case, from iso-codes. */
int check_currency(const char *s, const char **reason);
/* UN/LOCODE: ISO 3166 alpha-2 country + 3 characters from A-Z and 2-9, optionally with
 * one space between ("CN DLC" or "CNDLC"). The country must exist (check_country), so this
 * too needs the iso-codes data. */
int check_locode(const char *s, const char **reason);
/* Declaration entry number: 18 digits = customs code (4) + year (4) + direction (1: 0 export,
 * 1 import) + serial (9). */
int check_entry_no(const char *s, const char **reason);

/* Table of validators by kind name, for `haiguan check KIND` and for record field tables. */
typedef int (*check_fn)(const char *s, const char **reason);
typedef struct check_kind {
    const char *name;   /* "uscc", "customs-code", ... as on the command line */
    check_fn fn;
    const char *what;   /* one line for help text */
} check_kind;
extern const check_kind check_kinds[];   /* terminated by an entry with name == NULL */
const check_kind *check_find(const char *name);   /* NULL when unknown */


#endif
