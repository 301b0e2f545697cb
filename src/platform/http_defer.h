/* http_defer.h — holding a request for a while without holding a thread: a handler that must
 * wait (a sign-in on a name under attack is delayed, signin_throttle.h) has its connection
 * suspended and resumed by one timer thread when the time is up. Sleeping in the handler
 * instead would let a few such requests occupy every server thread. */
#ifndef HG_HTTP_DEFER_H
#define HG_HTTP_DEFER_H

#include <stdint.h>

/* Starts the timer thread; 0 on success. */
int defer_start(void);
/* Calls resume(cls) once mono_ns() reaches due_ns (or at once while stopping); 0 on success,
 * -1 when it cannot be held (out of memory, stopping): the caller goes on at once. */
int defer_add(int64_t due_ns, void (*resume)(void *), void *cls);
/* Resumes every held request now and stops the thread (before the HTTP server stops: a
 * suspended connection must be resumed first). */
void defer_stop(void);

#endif
