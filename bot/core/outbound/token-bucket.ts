import { BUCKET_BURST, MIN_RATE_FRACTION, RECOVER_AFTER_MS, RECOVER_PER_SECOND, THROTTLE_SLOWDOWN } from './consts';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/**
 * The process-wide rate limit for Bot Connector requests (GCRA form of a token bucket). Every send,
 * update and 1:1-open takes one token. A 429 pauses every taker until Retry-After has passed, because
 * the limit Teams enforces is per app per tenant, not per conversation or per worker.
 */
export class TokenBucket {
  private tat = 0;
  private pausedUntil = 0;
  private lastThrottle = -Infinity;
  private lastRecover = 0;
  /** The rate in force now: the ceiling, or less after recent 429s. */
  rate: number;
  throttles = 0;

  constructor(
    readonly ratePerSecond: number,
    private readonly burst = BUCKET_BURST,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.rate = ratePerSecond;
  }

  private get interval() {
    const now = this.now();
    if (this.rate < this.ratePerSecond && now - this.lastThrottle > RECOVER_AFTER_MS) {
      const secs = (now - Math.max(this.lastRecover, this.lastThrottle + RECOVER_AFTER_MS)) / 1000;
      this.rate = Math.min(this.ratePerSecond, this.rate + this.ratePerSecond * RECOVER_PER_SECOND * secs);
      this.lastRecover = now;
    }
    return 1000 / this.rate;
  }

  /** Resolves when the caller may make one request. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.pausedUntil) {
        await sleep(this.pausedUntil - now);
        continue;
      }
      const tat = Math.max(this.tat, now);
      const slot = Math.max(now, tat - (this.burst - 1) * this.interval);
      this.tat = tat + this.interval;
      if (slot > now) await sleep(slot - now);
      // A 429 that arrived while we slept moves everyone behind the pause, including us.
      if (this.now() < this.pausedUntil) continue;
      return;
    }
  }

  /** Stops all takers for `ms` (Retry-After). */
  pause(ms: number) {
    this.throttles++;
    // Several workers report the same burst of 429s; slow down once per pause, not once per report.
    if (this.now() >= this.pausedUntil) this.rate = Math.max(this.ratePerSecond * MIN_RATE_FRACTION, this.rate * THROTTLE_SLOWDOWN);
    this.lastThrottle = this.now();
    this.lastRecover = this.now();
    const until = this.now() + ms;
    if (until > this.pausedUntil) this.pausedUntil = until;
    this.tat = Math.max(this.tat, this.pausedUntil);
  }
}
