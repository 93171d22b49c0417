/**
 * The rate limit every outbound request passes: one per app per tenant, shared by broadcasts,
 * nudges, reminders, agenda updates and ticket replies. A 429 pauses every taker.
 */
export interface OutboundLimiter {
  /** Resolves when the caller may make one request to the conversation. */
  take(conversationId?: string): Promise<void>;
  /** Teams answered 429: stop every taker for `ms` (Retry-After). */
  pause(ms: number): void;
}
