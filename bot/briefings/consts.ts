/**
 * Every tuning knob of the briefings broadcast pipeline, in one place (the shape of Microsoft's
 * large-scale-notification sample). The per-second ceiling itself comes from config
 * (BROADCAST_RATE_PER_SECOND, default 45) because operators change it per tenant.
 */

/** Teams allows 50 requests/second per app per tenant; config defaults below that to leave headroom. */
export const TEAMS_TENANT_LIMIT_PER_SECOND = 50;

/**
 * Tokens the bucket may hold when idle. Small on purpose: ceiling + burst must stay under the tenant
 * limit inside any one-second window, or the first second of a broadcast draws 429s.
 */
export const BUCKET_BURST = 3;

/** Concurrent sends in one worker; enough to keep the bucket busy when a request takes ~200 ms. */
export const SEND_CONCURRENCY = 24;

/** Delivery documents claimed per query; the embedded Cosmos scans the container per query, so fetch many. */
export const CLAIM_PAGE_SIZE = 100;

/** Claim the next page when fewer than this many claimed deliveries wait to be sent (keeps the pipe full). */
export const CLAIM_LOW_WATER = 40;

/** Concurrent Cosmos writes when claiming or recording (the store is far faster than the connector). */
export const STORE_CONCURRENCY = 16;

/** Documents per bulk create when planning a broadcast (Cosmos bulk accepts up to 100). */
export const PLAN_BULK_SIZE = 100;

/** How long a claimed delivery stays ours; after that another worker treats it as in flight at a crash. */
export const CLAIM_LEASE_MS = 60_000;

/** The per-broadcast lease: one worker drives a broadcast at a time; renewed while it works. */
export const BROADCAST_LEASE_MS = 20_000;
// Renewal also picks up a cancel or an edit, so it runs often: a cancel stops new sends within about 2 s.
export const BROADCAST_LEASE_RENEW_MS = 2_000;

/** Retries per message for 429/412/5xx/timeouts before it is recorded as failed. */
export const MAX_SEND_RETRIES = 6;

/** Exponential backoff when the service gives no Retry-After: base * 2^attempt, capped, full jitter. */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;

/** A Retry-After longer than this is capped so a bad header cannot stall a broadcast for hours. */
export const RETRY_AFTER_MAX_MS = 60_000;

/** Per-request timeout: a hung connection must not hold a claim for the whole lease. */
export const SEND_TIMEOUT_MS = 15_000;

/** The author's progress card is replaced at most this often (Teams: 7/s, 60/30 s per conversation). */
export const PROGRESS_INTERVAL_MS = 3_000;

/** How often the scheduler sweep looks for scheduled and interrupted broadcasts. */
export const SWEEP_EVERY_SECONDS = 15;

/** Reading speed for the seven-minute check. */
export const WORDS_PER_MINUTE = 200;
export const TARGET_MINUTES = 7;

/** Library and drafts lists. */
export const LIBRARY_PAGE = 15;

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

/** Channels and chats offered in the authoring form (keeps the form under the 28 KB card limit). */
export const MAX_CONVERSATION_CHOICES = 50;
