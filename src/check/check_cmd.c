/* check_cmd.c — `haiguan check KIND VALUE`: judges the exact string given (no trimming,
 * no case folding) and prints "valid" or "invalid: REASON". */
#include <stdio.h>
#include <string.h>

#include "../platform/buf.h"
#include "../platform/module.h"
#include "check.h"

static const command check_commands[];

static int check_cmd(cmd_ctx *c)
{
    if (c->argc < 3) {
        cmd_usage(&check_commands[0]);
        fprintf(stderr, "kinds:");
        for (const check_kind *k = check_kinds; k->name; k++)
            fprintf(stderr, " %s", k->name);
        fprintf(stderr, "\n");
        return EXIT_USAGE;
    }
    const check_kind *k = check_find(c->argv[1]);
    if (!k) {
        fprintf(stderr, "haiguan: unknown kind '%s'; kinds:", c->argv[1]);
        for (const check_kind *x = check_kinds; x->name; x++)
            fprintf(stderr, " %s", x->name);
        fprintf(stderr, "\n");
        return EXIT_USAGE;
    }
    /* an MRZ may come as two or three separate arguments, one per line */
    if (c->argc > 3 && strcmp(k->name, "mrz") != 0)
        return cmd_usage(&check_commands[0]);
    buf value;
    buf_init(&value, 4096);
    for (int i = 2; i < c->argc; i++)
        if (buf_puts(&value, i > 2 ? "\n" : "") || buf_puts(&value, c->argv[i])) {
            buf_free(&value);
            fprintf(stderr, "haiguan: value too long\n");
            return EXIT_FAIL;
        }
    const char *reason = NULL;
    int ok = k->fn(buf_str(&value), &reason);
    buf_free(&value);
    if (ok) {
        printf("valid\n");
        return EXIT_OK;
    }
    printf("invalid: %s\n", reason ? reason : "not valid");
    return EXIT_FAIL;
}

static const command check_commands[] = {
    {"check", check_cmd, "check KIND VALUE", "validate an identifier",
     "Prints \"valid\" or \"invalid: REASON\" (exit 0 or 1) for the exact VALUE given. KIND is one of\n"
     "uscc (GB 32100), customs-code, container (ISO 6346), imo, vin (ISO 3779 / GB 16735),\n"
     "id-card (GB 11643), mrz (ICAO 9303; lines joined by a newline or given as separate\n"
     "arguments), hs (10 digits), country (ISO 3166-1), currency (ISO 4217), locode (UN/LOCODE),\n"
     "entry-no (18-digit declaration number). A VALUE that starts with '-' follows \"--\".",
     NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

const hg_module check_module = {.name = "check", .summary = "identifier validators", .commands = check_commands};
