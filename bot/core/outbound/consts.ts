/**
 * Every tuning knob of the outbound path (proactive sends, updates, 1:1 opens, roster pages and turn
 * replies), in one place. The per-second ceiling itself comes from config (OUTBOUND_RATE_PER_SECOND,
 * default the Teams limit) because a tenant that shares its budget with other apps lowers it.
 */

/** Teams allows 50 requests/second per app per tenant, counting every bot API call. */
export const TEAMS_TENANT_LIMIT_PER_SECOND = 50;

/** Teams' per-conversation limits: [window in ms, most requests in it]. */
export const CONVERSATION_WINDOWS: readonly (readonly [number, number])[] = [
  [1_000, 7],
  [2_000, 8],
  [30_000, 60],
  [3_600_000, 1_800],
];

/**
 * Slots are spaced at this fraction of the ceiling. Teams counts requests as they arrive, in a
 * sliding window; at 0.985 the 50 slots of any second span 1,015 ms, which leaves room for a request
 * let go a little after its slot (LATE_SLOT_MS) plus the jitter on its way to Teams. Measured here,
 * that jitter is 1 ms typically and past 10 ms rarely (a garbage collection); at 0.99 the rare ones
 * drew a 429, and each 429 stops every sender for the whole Retry-After (1 s or more).
 */
export const PACE_FRACTION = 0.985;

/**
 * A slot is used at most this long after its time, or given up. Slots are shared by every instance;
 * if one instance used its slot late (its event loop was busy) and the next slot, another
 * instance's, went on time, the two would land closer than the spacing and a second could hold 51.
 * With every request inside [slot, slot + 4 ms], no second holds more than 50 (see PACE_FRACTION).
 */
export const LATE_SLOT_MS = 4;

/** Slots given up in a row before one is used late anyway: an overloaded instance still sends (and meets a 429 at worst). */
export const MAX_LATE_SKIPS = 5;

/** A reservation made when idle starts this far ahead at most (it is set from how long reservations take). */
export const RESERVE_LEAD_MAX_MS = 100;

/**
 * Slots reserved from the shared budget at a time (at 50/s, 10 slots are 200 ms of sending): one
 * Cosmos read and write per batch, and another instance is never more than a batch behind.
 */
export const RESERVE_BATCH = 10;

/** The next batch is reserved when fewer slots than this are left, so a send never waits on the reservation. */
export const RESERVE_LOW_WATER = 4;

/** Retries per request for 429/412/5xx/timeouts before it is reported as failed. */
export const MAX_SEND_RETRIES = 6;

/** Exponential backoff when the service gives no Retry-After: base * 2^attempt, capped, full jitter. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;

/** A Retry-After longer than this is capped so a bad header cannot stall the bot for hours. */
export const RETRY_AFTER_MAX_MS = 60_000;

/** Per-request timeout: a hung connection must not hold a claim for the whole lease. */
export const SEND_TIMEOUT_MS = 15_000;
