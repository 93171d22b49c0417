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
 * sliding window; a request the event loop sends a few milliseconds late can land in the same
 * window as the next one, so pacing exactly at the ceiling draws an occasional 429.
 */
export const PACE_FRACTION = 0.99;

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
