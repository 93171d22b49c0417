import { CONVERSATION_WINDOWS, LATE_SLOT_MS, MAX_LATE_SKIPS, PACE_FRACTION, RESERVE_BATCH, RESERVE_LEAD_MAX_MS, RESERVE_LOW_WATER } from './consts';
import { slotRule, takeSlots, type Reservation, type SlotRule, type SlotState } from './slots';
import { sleep } from '../../shared/sleep';

export interface TakeOptions {
  /** The tenant whose budget the request spends (Teams counts per app per tenant). */
  tenantId?: string;
  /** A reply to someone waiting in a chat: served before queued background work. */
  interactive?: boolean;
}

/**
 * The rate limit every outbound request passes: Teams' limit per app per tenant, shared by
 * broadcasts, nudges, reminders, agenda updates, ticket replies and turn replies, plus the
 * per-conversation limits. A 429 pauses every taker, in every instance.
 */
export interface OutboundLimiter {
  /** Resolves when the caller may make one request to the conversation. */
  take(conversationId?: string, opts?: TakeOptions): Promise<void>;
  /** Teams answered 429: stop every taker of the tenant for `ms` (Retry-After). */
  pause(ms: number, tenantId?: string): void;
}

/**
 * The tenant's budget, shared by every instance of the bot: it keeps the slots recently handed out
 * and a pause, and applies a reservation (see slots.ts) to them atomically.
 */
export interface RateBudget {
  /** Applies `plan` to the key's state and stores the result, atomically; returns the slots it chose. */
  reserve(key: string, plan: (state: SlotState) => Reservation & { state: SlotState }): Promise<Reservation>;
  /** No slot of this key starts before `untilMs`. */
  pauseUntil(key: string, untilMs: number): Promise<void>;
}

/** An in-memory budget, for one instance (unit tests, and while the shared one cannot be reached). */
export class LocalBudget implements RateBudget {
  private readonly states = new Map<string, SlotState>();
  async reserve(key: string, plan: (state: SlotState) => Reservation & { state: SlotState }): Promise<Reservation> {
    const { slots, earliest, state } = plan(this.states.get(key) ?? { recent: [], pausedUntil: 0 });
    this.states.set(key, state);
    return { slots, earliest };
  }
  async pauseUntil(key: string, untilMs: number): Promise<void> {
    const state = this.states.get(key) ?? { recent: [], pausedUntil: 0 };
    this.states.set(key, { ...state, pausedUntil: Math.max(state.pausedUntil, untilMs) });
  }
}

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface TenantLane {
  interactive: Waiter[];
  bulk: Waiter[];
  /** Slots reserved from the shared budget and not yet used, by time: each may go from `earliest` to `at` + LATE_SLOT_MS. */
  slots: { at: number; earliest: number }[];
  pausedUntil: number;
  running: boolean;
  /** Slots given up in a row because they had passed (see LATE_SLOT_MS). */
  lateSkips: number;
  /** A reservation on its way, so the next batch arrives before this one runs out. */
  fetching?: Promise<void>;
}


/**
 * Teams' limits, enforced before a request leaves:
 * - per tenant: slots reserved in small batches from the shared budget, spaced evenly at the
 *   ceiling (slightly under it, see PACE_FRACTION), one request per slot, replies to people first.
 *   A slot is used on time or not at all: one used late would crowd the next slot, which may be
 *   another instance's, into the same second (see LATE_SLOT_MS);
 * - per conversation: 7 per second, 8 per 2 s, 60 per 30 s and 1,800 per hour, counted here (one
 *   conversation is almost always served by one instance at a time).
 */
export class TeamsLimiter implements OutboundLimiter {
  private readonly lanes = new Map<string, TenantLane>();
  private readonly recent = new Map<string, number[]>();
  private readonly rule: SlotRule;
  /** Used while the shared budget cannot be reached (storage down), so replies still go, at the same pace. */
  private readonly fallback: LocalBudget;
  /** Requests granted, for benchmarks and tests. */
  granted = 0;
  pauses = 0;
  /** Slots given up because the event loop reached them too late. */
  lateSlots = 0;
  /** How long a reservation takes (smoothed), so a reservation made when idle starts after it arrives. */
  private reserveMs = 0;

  constructor(
    private readonly budget: RateBudget,
    ratePerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.rule = slotRule(ratePerSecond, PACE_FRACTION);
    this.fallback = new LocalBudget();
  }

  /** Slots from the shared budget; from this instance's own if storage cannot be reached. */
  private async reserve(key: string, n: number, paced: boolean): Promise<Reservation> {
    const asked = this.now();
    const notBefore = asked + Math.min(RESERVE_LEAD_MAX_MS, Math.ceil(this.reserveMs * 1.5) + 1);
    const plan = (state: SlotState) => takeSlots(state, n, this.rule, { notBefore, paced, now: this.now() });
    try {
      const slots = await this.budget.reserve(key, plan);
      this.reserveMs = 0.8 * this.reserveMs + 0.2 * (this.now() - asked);
      return slots;
    } catch {
      return this.fallback.reserve(key, plan);
    }
  }

  async take(conversationId?: string, opts: TakeOptions = {}): Promise<void> {
    if (conversationId) await this.conversationTurn(conversationId);
    await new Promise<void>((resolve, reject) => {
      const lane = this.lane(opts.tenantId ?? 'default');
      (opts.interactive ? lane.interactive : lane.bulk).push({ resolve, reject });
      if (!lane.running) void this.run(opts.tenantId ?? 'default', lane);
    });
    this.granted++;
  }

  pause(ms: number, tenantId = 'default'): void {
    const until = this.now() + ms;
    const lane = this.lane(tenantId);
    if (until > lane.pausedUntil) {
      this.pauses++;
      lane.pausedUntil = until;
      // Slots reserved before the pause are given up; the budget moves everyone past it.
      lane.slots = lane.slots.filter((s) => s.at >= until).map((s) => ({ at: s.at, earliest: Math.max(s.earliest, until) }));
      void this.budget.pauseUntil(tenantId, until).catch(() => undefined);
    }
  }

  private lane(key: string): TenantLane {
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { interactive: [], bulk: [], slots: [], pausedUntil: 0, running: false, lateSkips: 0 }));
    return lane;
  }

  /** Hands out slots while anyone waits; reserves more from the shared budget as needed. */
  private async run(key: string, lane: TenantLane) {
    lane.running = true;
    try {
      for (;;) {
        const waiting = lane.interactive.length + lane.bulk.length;
        if (waiting === 0) return;
        const now = this.now();
        // Slots that have passed are given up (a few in a row at most, so a saturated event loop still sends).
        while (lane.slots.length && (lane.slots[0].at < lane.pausedUntil || (now - lane.slots[0].at > LATE_SLOT_MS && lane.lateSkips < MAX_LATE_SKIPS))) {
          if (lane.slots.shift()!.at >= lane.pausedUntil) {
            lane.lateSkips++;
            this.lateSlots++;
          }
        }
        // Reserve the next batch while this one is still being used, so sending never waits on Cosmos.
        if (!lane.fetching && lane.slots.length < RESERVE_LOW_WATER && waiting > lane.slots.length) {
          // People waiting for a reply get slots that go at once while Teams' window has room;
          // background work gets evenly paced ones.
          const forPeople = lane.interactive.length - lane.slots.length;
          const paced = forPeople <= 0;
          const n = Math.min(RESERVE_BATCH, paced ? waiting - lane.slots.length : forPeople);
          lane.fetching = this.reserve(key, n, paced)
            .then((r) => {
              lane.slots.push(...r.slots.map((at, i) => ({ at, earliest: Math.min(at, r.earliest[i] ?? at) })));
              lane.slots.sort((a, b) => a.at - b.at);
            })
            .finally(() => (lane.fetching = undefined));
        }
        if (lane.slots.length === 0) {
          await lane.fetching;
          continue;
        }
        // The first slot that may go now (a reply's may go before a background slot reserved earlier).
        const ready = lane.slots.findIndex((x) => x.earliest <= now);
        if (ready < 0) {
          // Wait for the soonest, then look again: a pause may have come, or the timer may have fired too late.
          await sleep(Math.min(...lane.slots.map((x) => x.earliest)) - now);
          continue;
        }
        lane.slots.splice(ready, 1);
        lane.lateSkips = 0;
        const next = lane.interactive.shift() ?? lane.bulk.shift();
        next?.resolve();
      }
    } finally {
      lane.running = false;
    }
  }

  /** Waits until one more request to the conversation stays inside every per-conversation window, then counts it. */
  private async conversationTurn(conversationId: string) {
    for (;;) {
      const now = this.now();
      const times = (this.recent.get(conversationId) ?? []).filter((t) => now - t < CONVERSATION_WINDOWS[CONVERSATION_WINDOWS.length - 1][0]);
      let wait = 0;
      for (const [windowMs, max] of CONVERSATION_WINDOWS) {
        const inWindow = times.filter((t) => now - t < windowMs);
        // A few ms past the window's end: timers and clocks differ by a millisecond or two.
        if (inWindow.length >= max) wait = Math.max(wait, inWindow[inWindow.length - max] + windowMs - now + 5);
      }
      if (wait <= 0) {
        times.push(now);
        this.recent.set(conversationId, times);
        this.forgetQuietConversations(now);
        return;
      }
      this.recent.set(conversationId, times);
      await sleep(wait);
    }
  }

  /** Conversations with nothing in the last hour are dropped, so a broadcast to thousands does not stay in memory. */
  private forgetQuietConversations(now: number) {
    if (this.recent.size < 10_000) return;
    const hour = CONVERSATION_WINDOWS[CONVERSATION_WINDOWS.length - 1][0];
    for (const [id, times] of this.recent) if (times.length === 0 || now - times[times.length - 1] >= hour) this.recent.delete(id);
  }
}
