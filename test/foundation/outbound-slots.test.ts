import { slotRule, takeSlots, type SlotState } from '../../bot/core/outbound/slots';

/** Where the next requests may go: Teams' sliding window, with background work paced evenly. */
const rule = slotRule(50, 0.985);
const empty: SlotState = { recent: [], pausedUntil: 0 };
const T = 1_000_000;

/** Most slots in any window of `ms` (a hair under the rule's window: slot times are floating point). */
function busiest(slots: number[], ms: number) {
  let most = 0;
  for (let i = 0, j = 0; i < slots.length; i++) {
    while (slots[i] - slots[j] >= ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('send slots', () => {
  it('stretches the window by the pace, so 50 a window is 49.25 a second', () => {
    expect(rule.max).toBe(50);
    expect(rule.windowMs).toBeCloseTo(1015.23, 2);
    expect(rule.intervalMs).toBeCloseTo(20.3, 2);
    expect(slotRule(0.5, 1)).toEqual({ max: 1, windowMs: 2000, intervalMs: 2000 });
    expect(slotRule(1000, 1)).toEqual({ max: 1000, windowMs: 1000, intervalMs: 1 });
  });

  it.each([
    ['replies to people go at once while the window has room', { paced: false }, 5, [T, T, T, T, T]],
    ['background work is spaced one interval apart', { paced: true }, 3, [T, T + 20.3, T + 40.6]],
  ])('%s', (_name, o, n, expected) => {
    const { slots } = takeSlots(empty, n, rule, { notBefore: T, ...o });
    slots.forEach((s, i) => expect(s).toBeCloseTo(expected[i], 1));
  });

  it('never puts more than 50 in a window: the 51st reply waits for the first to leave it', () => {
    const { slots } = takeSlots(empty, 120, rule, { notBefore: T, paced: false });
    expect(slots.slice(0, 50).every((s) => s === T)).toBe(true);
    expect(slots[50]).toBeCloseTo(T + rule.windowMs, 6);
    expect(busiest(slots, rule.windowMs - 1e-6)).toBe(50);
    expect(busiest(slots, 1000)).toBe(50);
  });

  it('keeps to the window across reservations, replies and background work mixed', () => {
    let state = empty;
    const all: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = takeSlots(state, 1 + (i % 7), rule, { notBefore: T + i * 37, paced: i % 3 === 0 });
      state = r.state;
      all.push(...r.slots);
    }
    expect([...all].sort((a, b) => a - b)).toEqual(all);
    expect(busiest(all, rule.windowMs - 1e-6)).toBeLessThanOrEqual(50);
    expect(state.recent.length).toBeLessThanOrEqual(50);
  });

  it.each([
    ['a reply with room in the window may go from now, before its slot time', { recent: [], pausedUntil: 0 }, { paced: false }, [T + 50], [T]],
    ['background work goes at its slot time', { recent: [], pausedUntil: 0 }, { paced: true }, [T + 50], [T + 50]],
    ['a reply with the window full waits for its slot', { recent: Array.from({ length: 50 }, (_, i) => T - 1000 + i * 20), pausedUntil: 0 }, { paced: false }, [T + 50], [T + 50]],
    ['a reply never goes before a pause ends', { recent: [], pausedUntil: T + 20 }, { paced: false }, [T + 50], [T + 20]],
  ])('%s', (_name, state, o, slots, earliest) => {
    const r = takeSlots(state, 1, rule, { notBefore: T + 50, now: T, ...o });
    r.slots.forEach((x, i) => expect(x).toBeCloseTo(slots[i], 6));
    r.earliest.forEach((x, i) => expect(x).toBeCloseTo(earliest[i], 6));
  });

  it('replies sent early and background work sent on time never put more than 50 in any second', () => {
    // Many reservations from several "instances", each reply sent at its earliest, each background
    // request at its slot: Teams counts the actual send times.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let state = empty;
    const sent: number[] = [];
    let now = T;
    for (let i = 0; i < 3000; i++) {
      now += random() * 30;
      const paced = random() < 0.5;
      const r = takeSlots(state, 1 + Math.floor(random() * 4), rule, { notBefore: now + random() * 100, now, paced });
      state = r.state;
      sent.push(...(paced ? r.slots : r.earliest));
    }
    sent.sort((a, b) => a - b);
    expect(busiest(sent, 1000)).toBeLessThanOrEqual(50);
    expect(busiest(sent, rule.windowMs - 1e-6)).toBeLessThanOrEqual(50);
  });

  it('gives no slot before a pause ends, nor before the time asked', () => {
    const paused = takeSlots({ recent: [], pausedUntil: T + 1500 }, 2, rule, { notBefore: T, paced: false });
    expect(paused.slots).toEqual([T + 1500, T + 1500]);
    const later = takeSlots({ recent: [T - 5000], pausedUntil: 0 }, 1, rule, { notBefore: T, paced: true });
    expect(later.slots).toEqual([T]);
  });
});
