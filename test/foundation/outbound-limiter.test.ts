import { LocalBudget, TeamsLimiter } from '../../bot/core/outbound/limiter';
import { PACE_FRACTION } from '../../bot/core/outbound/consts';

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
  it('spaces requests evenly at the ceiling, never two inside one interval', async () => {
    const limiter = new TeamsLimiter(new LocalBudget(), 100);
    const times = await grantTimes(limiter, 30);
    const interval = 1000 / (100 * PACE_FRACTION);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(interval - TIMER_SLACK_MS);
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
    expect(all[all.length - 1] - all[0]).toBeGreaterThanOrEqual(29 * interval - 10 * TIMER_SLACK_MS);
  });
});
