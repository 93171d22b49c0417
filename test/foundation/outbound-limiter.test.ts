import { LocalBudget, TeamsLimiter } from '../../bot/core/outbound/limiter';
import { LATE_SLOT_MS, PACE_FRACTION } from '../../bot/core/outbound/consts';

/**
 * The outbound limiter's rules, on an in-memory budget: even spacing at the ceiling, replies to
 * people before background work, Teams' per-conversation windows, a 429 pause for every taker, and
 * one budget shared by several limiters (as instances share the Cosmos one). These assert order and
 * minimum spacing, which are the rules; they do not time anything against a target.
 */
const TIMER_SLACK_MS = 2;

async function grantTimes(limiter: TeamsLimiter, n: number, conversation = (i: number) => `conv-${i}`) {
  const times: number[] = [];
  await Promise.all(Array.from({ length: n }, (_, i) => limiter.take(conversation(i)).then(() => times.push(performance.now()))));
  return times.sort((a, b) => a - b);
}

describe('the outbound limiter', () => {
  it('spaces requests evenly at the ceiling, each inside its own slot', async () => {
    const limiter = new TeamsLimiter(new LocalBudget(), 100);
    const times = await grantTimes(limiter, 30);
    const interval = 1000 / (100 * PACE_FRACTION);
    // A request goes within [slot, slot + LATE_SLOT_MS], so two are never closer than this.
    const play = LATE_SLOT_MS + TIMER_SLACK_MS;
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(interval - play);
    expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(29 * interval - play);
    expect(limiter.granted).toBe(30);
  });

  it('serves a reply to a person before queued background work', async () => {
    const limiter = new TeamsLimiter(new LocalBudget(), 50);
    const order: string[] = [];
    const bulk = Array.from({ length: 12 }, (_, i) => limiter.take(`bulk-${i}`).then(() => order.push(`bulk-${i}`)));
    await new Promise((r) => setTimeout(r, 30));
    const reply = limiter.take('chat', { interactive: true }).then(() => order.push('reply'));
    await Promise.all([...bulk, reply]);
    expect(order.indexOf('reply')).toBeLessThanOrEqual(4);
  });

  it('keeps to 7 requests per second in one conversation', async () => {
    const limiter = new TeamsLimiter(new LocalBudget(), 1000);
    const times = await grantTimes(limiter, 8, () => 'one-chat');
    expect(times[7] - times[0]).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS);
    expect(times[6] - times[0]).toBeLessThan(1000);
  });

  it('holds every taker after a 429 until Retry-After has passed', async () => {
    const limiter = new TeamsLimiter(new LocalBudget(), 1000);
    await limiter.take('a');
    const paused = performance.now();
    limiter.pause(300);
    const times = await grantTimes(limiter, 3);
    for (const t of times) expect(t - paused).toBeGreaterThanOrEqual(300 - TIMER_SLACK_MS);
    expect(limiter.pauses).toBe(1);
  });

  it('shares one budget between limiters, as instances share the Cosmos one', async () => {
    const budget = new LocalBudget();
    const a = new TeamsLimiter(budget, 100);
    const b = new TeamsLimiter(budget, 100);
    const [ta, tb] = await Promise.all([grantTimes(a, 15), grantTimes(b, 15)]);
    const all = [...ta, ...tb].sort((x, y) => x - y);
    const interval = 1000 / (100 * PACE_FRACTION);
    // Together they keep the one ceiling: 30 grants need at least 29 intervals.
    expect(all[all.length - 1] - all[0]).toBeGreaterThanOrEqual(29 * interval - LATE_SLOT_MS - TIMER_SLACK_MS);
  });

  it('gives up slots the event loop reached too late, so limiters sharing a budget never exceed the ceiling in any second', async () => {
    const budget = new LocalBudget();
    const a = new TeamsLimiter(budget, 100);
    const b = new TeamsLimiter(budget, 100);
    // The event loop is held for 60 ms twice while both send (a long garbage collection, a big JSON parse).
    const stall = (at: number) =>
      setTimeout(() => {
        const until = performance.now() + 60;
        while (performance.now() < until) {
          // busy
        }
      }, at);
    stall(700);
    stall(1600);
    const [ta, tb] = await Promise.all([grantTimes(a, 130), grantTimes(b, 130)]);
    const all = [...ta, ...tb].sort((x, y) => x - y);
    let busiest = 0;
    for (let i = 0, j = 0; i < all.length; i++) {
      while (all[i] - all[j] >= 1000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    expect(busiest).toBeLessThanOrEqual(100);
    expect(a.lateSlots + b.lateSlots).toBeGreaterThan(0);
    // The margin the pacing leaves in a second covers the lateness allowed.
    expect(LATE_SLOT_MS).toBeLessThan(1000 / PACE_FRACTION - 1000);
  }, 20_000);

  it('answers a burst of people at once while the second has room, and never more than the ceiling in it', async () => {
    const limiter = new TeamsLimiter(new LocalBudget(), 50);
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 70 }, (_, i) => limiter.take(`chat-${i}`, { interactive: true }).then(() => times.push(performance.now()))));
    times.sort((a, b) => a - b);
    // The first 50 need not wait for pacing (paced, the 20th alone would be 390 ms in).
    expect(times[19] - started).toBeLessThan(150);
    let busiest = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] >= 1000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    expect(busiest).toBeLessThanOrEqual(50);
    expect(times[50] - times[0]).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS);
  });
});
