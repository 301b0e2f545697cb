/* fuzz_input.h — how the harnesses that take a selector byte read their input: the first byte
 * picks what the rest is fed to, and the rest is copied, NUL-terminated, into a heap buffer of
 * its own, so that ASan sees any read past it. Test code only. */
#ifndef HG_FUZZ_INPUT_H
#define HG_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

/* data[1..size) as a string of *n bytes in a buffer of exactly *n + 1 (the caller frees it);
 * NULL when there is no selector byte (size 0) or no memory. */
char *fuzz_rest(const uint8_t *data, size_t size, size_t *n);

#endif
