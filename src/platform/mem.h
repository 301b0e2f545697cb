/* mem.h — the allocation wrappers every haiguan allocation goes through.
 *
 * They return NULL on failure like malloc (callers handle it: a server must not die
 * on one request's allocation failure). A test hook fails the Nth allocation so that
 * the cleanup paths nobody tried get tried (curl's torture mode). */
#ifndef HG_MEM_H
#define HG_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
/* Copy of s (NULL when s is NULL or on failure); the caller frees it with xfree. */
char *xstrdup(const char *s);
/* Copy of the first n bytes of s, NUL-terminated. */
char *xstrndup(const char *s, size_t n);
void xfree(void *p);

/* Torture mode: make the nth allocation from now (1-based) and every later one fail;
 * 0 turns it off. Process-wide; for tests only. */
void mem_fail_after(long n);
/* Installs the wrappers as jansson's allocators (called once at start-up). */
void mem_init(void);

#endif
