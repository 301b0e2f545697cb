/* event_api.c — the events' HTTP side: the pull feed GET /api/v1/events and the
 * Server-Sent Events stream GET /api/v1/events/stream, with the visibility rule both share
 * (an enterprise sees only its own objects' events), and the module record that registers
 * the outbox's migration. */
#include "event.h"
#include "module.h"

const hg_module event_module = {
    .name = "events",
    .migrations = event_migrations,
};
