/**
 * Every tuning knob of the outbound path (proactive sends, updates and 1:1 opens), in one place.
 * The per-second ceiling itself comes from config (BROADCAST_RATE_PER_SECOND) because operators
 * change it per tenant.
 */

/** Teams allows 50 requests/second per app per tenant, counting every bot API call. */
export const TEAMS_TENANT_LIMIT_PER_SECOND = 50;

/**
 * Tokens the bucket may hold when idle. Small on purpose: ceiling + burst must stay under the tenant
 * limit inside any one-second window, or the first second of a broadcast draws 429s.
 */
export const BUCKET_BURST = 3;

/** Retries per request for 429/412/5xx/timeouts before it is reported as failed. */
export const MAX_SEND_RETRIES = 6;

/** Exponential backoff when the service gives no Retry-After: base * 2^attempt, capped, full jitter. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;

/** A Retry-After longer than this is capped so a bad header cannot stall the bot for hours. */
export const RETRY_AFTER_MAX_MS = 60_000;

/** Per-request timeout: a hung connection must not hold a claim for the whole lease. */
export const SEND_TIMEOUT_MS = 15_000;

/**
 * After a 429 the bucket also lowers its rate (multiplicative decrease) and creeps back up once no
 * 429 has been seen for a while, so a ceiling set too close to the tenant limit, or another instance
 * sharing the tenant's budget, costs a few pauses rather than one per second.
 */
export const THROTTLE_SLOWDOWN = 0.9;
export const MIN_RATE_FRACTION = 0.2;
export const RECOVER_AFTER_MS = 10_000;
/** Fraction of the ceiling regained per second once recovering. */
export const RECOVER_PER_SECOND = 0.02;
