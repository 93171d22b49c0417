/**
 * Every tuning knob of the briefings broadcast pipeline, in one place (the shape of Microsoft's
 * large-scale-notification sample). The per-second ceiling itself comes from config
 * (OUTBOUND_RATE_PER_SECOND, default the Teams limit of 50) because a tenant that shares its budget with other apps lowers it.
 */

/** Concurrent sends in one worker; enough to keep the bucket busy when a request takes ~200 ms. */
export const SEND_CONCURRENCY = 24;

/** Delivery documents claimed per query; the embedded Cosmos scans the container per query, so fetch many. */
export const CLAIM_PAGE_SIZE = 100;

/** Claim the next page when fewer than this many claimed deliveries wait to be sent (keeps the pipe full). */
export const CLAIM_LOW_WATER = 40;

/**
 * Concurrent Cosmos writes when claiming a page (the store is far faster than the connector). Kept
 * small: 16 at once made each page's writes one burst of work that held the event loop long enough
 * for the limiter to miss a slot now and then (bench:broadcast: 41 slots missed in 2,538 at 16, 9-17 at 4).
 */
export const STORE_CONCURRENCY = 4;

/** Documents per bulk create when planning a broadcast (Cosmos bulk accepts up to 100). */
export const PLAN_BULK_SIZE = 100;

/** The first page of a plan is smaller, so sending starts while the rest is written. */
export const PLAN_FIRST_PAGE_SIZE = 20;

/** How long a claimed delivery stays ours; after that another worker treats it as in flight at a crash. */
export const CLAIM_LEASE_MS = 60_000;

/** The per-broadcast lease: one worker drives a broadcast at a time; renewed while it works. */
export const BROADCAST_LEASE_MS = 20_000;
// Renewal also picks up a cancel or an edit, so it runs often: a cancel stops new sends within about 2 s.
export const BROADCAST_LEASE_RENEW_MS = 2_000;

/** The author's progress card is replaced at most this often (Teams: 7/s, 60/30 s per conversation). */
export const PROGRESS_INTERVAL_MS = 3_000;

/** How often the scheduler sweep looks for scheduled and interrupted broadcasts. */
export const SWEEP_EVERY_SECONDS = 15;

/** Reading speed for the seven-minute check. */
export const WORDS_PER_MINUTE = 200;
export const TARGET_MINUTES = 7;

/** Library and drafts lists. */
export const LIBRARY_PAGE = 15;

/** Channels and chats offered in the authoring form (keeps the form under the 28 KB card limit). */
export const MAX_CONVERSATION_CHOICES = 50;
