/**
 * Where the next requests may go, as Teams counts them: at most `max` in any window of `windowMs`
 * (a sliding window, like Teams' own), with background work also spaced evenly. Pure: the budget
 * (shared through Cosmos, or in memory) keeps the state and applies this under an ETag.
 */
export interface SlotState {
  /** The latest slot times handed out (ms since the epoch), oldest first; at most `max` kept. */
  recent: number[];
  /** No slot before this (a 429's Retry-After). */
  pausedUntil: number;
}

export interface SlotRule {
  /** Requests allowed in one window. */
  max: number;
  windowMs: number;
  /** Spacing of paced (background) slots: the window divided evenly. */
  intervalMs: number;
}

/**
 * The rule for a ceiling of `ratePerSecond`, paced at `pace` of it: the window is stretched by
 * 1/pace so requests sent a little late, or delayed on the way, still fit Teams' one second.
 */
export function slotRule(ratePerSecond: number, pace: number): SlotRule {
  const max = Math.max(1, Math.floor(ratePerSecond));
  const windowMs = (max * 1000) / (ratePerSecond * pace);
  return { max, windowMs, intervalMs: windowMs / max };
}

export interface TakeSlots {
  /** No slot before this (now, plus the time a reservation takes). */
  notBefore: number;
  /**
   * The time now, where the budget applies this. A reply's slot may then be used from now on rather
   * than from its slot time, when that cannot crowd any window (see `takeSlots`).
   */
  now?: number;
  /**
   * Background work is paced: each slot at least one interval after the one before, so a broadcast
   * runs evenly at the ceiling. Replies to people are not: while the window has room they go at once.
   */
  paced: boolean;
}

/** Slots handed out: each is recorded at `slots[i]` and may be used from `earliest[i]` until a little after it. */
export interface Reservation {
  slots: number[];
  earliest: number[];
}

/**
 * The next `n` slots, in time order, and the state after them.
 *
 * A slot is recorded at its time t, and slots only ever move forward, so every later slot already
 * counts it at t. A reply's slot may also be used earlier, from `now`: that is safe when every window
 * that could hold the earlier send, all inside (now - window, t], holds at most max - 1 other slots.
 * Then a reply goes as soon as the reservation returns instead of waiting for its slot time.
 */
export function takeSlots(state: SlotState, n: number, rule: SlotRule, o: TakeSlots): Reservation & { state: SlotState } {
  const recent = state.recent.slice(-rule.max);
  const slots: number[] = [];
  const earliest: number[] = [];
  for (let i = 0; i < n; i++) {
    const last = recent.length ? recent[recent.length - 1] : -Infinity;
    let t = Math.max(o.notBefore, state.pausedUntil, last);
    if (o.paced) t = Math.max(t, last + rule.intervalMs);
    // The window ending at t may hold max - 1 earlier slots at most.
    if (recent.length >= rule.max) t = Math.max(t, recent[recent.length - rule.max] + rule.windowMs);
    const from = Math.max(o.now ?? t, state.pausedUntil);
    const early = !o.paced && from < t && recent.filter((x) => x > from - rule.windowMs).length <= rule.max - 1;
    recent.push(t);
    if (recent.length > rule.max) recent.shift();
    slots.push(t);
    earliest.push(early ? from : t);
  }
  return { slots, earliest, state: { recent, pausedUntil: state.pausedUntil } };
}
