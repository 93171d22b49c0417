/**
 * Benchmark (not a test): the real bot (restify + CloudAdapter + features) with embedded storage and a
 * fake connector, driven by 50 concurrent simulated users through a fixed number of mixed turns:
 * questions, `my actions`, card actions and help. Latency is from the HTTP POST to the bot's reply
 * reaching the fake connector (or, for a card action, the invoke response). Prints one JSON line last.
 *
 * Each simulated user pauses between turns (think time, exponential, mean THINK_MS = 1 s, as a person reads
 * a card). A second phase with no think time measures saturation: there, 50 users are always waiting,
 * so latency is 50 / throughput and says how many turns a second one instance can take.
 *
 * Every reply counts against Teams' 50 requests a second per tenant, as in a real tenant, so near that
 * rate replies queue. OUTBOUND_RATE_PER_SECOND=1000 lifts the limit, to see the bot's own work alone.
 */
import { startTestBot, personalConversationId, type TestUser } from '../test/support/harness';

const USERS = Number(process.env.BENCH_USERS ?? 50);
const TURNS_PER_USER = Number(process.env.BENCH_TURNS ?? 40);
const WARMUP_TURNS = 100;
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);

const QUESTIONS = [
  'what is the escalation route?',
  'what does NRM stand for',
  'how do I refer a child to the front door',
  'what level of need is this',
  'who is the LADO',
  'signs of neglect',
];

function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const bot = await startTestBot({ env: { LOG_LEVEL: 'silent', WARM_UP_ON_START: 'true', ...(process.env.OUTBOUND_RATE_PER_SECOND ? { OUTBOUND_RATE_PER_SECOND: process.env.OUTBOUND_RATE_PER_SECOND } : {}) }, embeddedThread: true });
  const services = bot.app.services;
  // As in production (WARM_UP_ON_START), the matcher is trained before the measured turns begin.
  await services.background.idle();
  const users: TestUser[] = Array.from({ length: USERS }, (_, i) => ({ id: `29:turn-user-${i}`, aadObjectId: `turn-user-${i}`, name: `Bench user ${i}` }));
  const bu: TestUser = { id: '29:turn-bu', aadObjectId: 'turn-bu', name: 'Bench business unit' };
  await bot.grant(bu, ['businessUnit']);
  const api = services.actions;
  const actionIds = new Map<string, string[]>();
  const due = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  for (const [i, u] of users.entries()) {
    await bot.grant(u, i % 5 === 0 ? ['chair'] : ['dsp'], 'police');
    const ids: string[] = [];
    for (let k = 0; k < 4; k++) ids.push((await api.createAction({ title: `Bench action ${i}-${k}`, source: 'meeting', ownerId: u.aadObjectId, dueDate: due }, bu.aadObjectId)).id);
    actionIds.set(u.aadObjectId, ids);
  }

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

  /** One turn; returns ms from POST to the reply at the connector, or undefined on error. */
  async function turn(u: TestUser, r: () => number): Promise<number | undefined> {
    const conv = personalConversationId(u);
    const x = r();
    const start = performance.now();
    if (x < 0.2) {
      const ids = actionIds.get(u.aadObjectId)!;
      const res = await bot.invoke(u, 'actions.show', { id: ids[Math.floor(r() * ids.length)] });
      if (res?.statusCode !== 200 || res.type !== 'application/vnd.microsoft.card.adaptive') return undefined;
      return performance.now() - start;
    }
    const text = x < 0.6 ? QUESTIONS[Math.floor(r() * QUESTIONS.length)] : x < 0.9 ? 'my actions' : 'help';
    const seen = bot.connector.received.length;
    let replyAt = 0;
    const waiting = bot.connector.waitFor((rec) => {
      for (let i = seen; i < rec.length; i++) {
        if (rec[i].conversationId === conv && rec[i].status === 200) {
          replyAt ||= performance.now();
          return true;
        }
      }
      return false;
    }, 10_000);
    const res = await bot.say(u, text);
    if (res.status !== 200) return undefined;
    await waiting;
    return replyAt - start;
  }

  // Warm-up: JIT, template caches, connection pools.
  const wr = rng(7);
  for (let i = 0; i < WARMUP_TURNS; i++) await turn(users[i % USERS], wr);

  async function phase(thinkMs: number, seed: number) {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const requestsBefore = bot.connector.received.length;
    await Promise.all(
      users.map(async (u, i) => {
        const r = rng(seed + i);
        for (let t = 0; t < TURNS_PER_USER; t++) {
          if (thinkMs > 0) await new Promise((res) => setTimeout(res, Math.min(4 * thinkMs, -Math.log(1 - r()) * thinkMs)));
          try {
            const ms = await turn(u, r);
            if (ms === undefined) errors++;
            else latencies.push(ms);
          } catch {
            errors++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      turns: USERS * TURNS_PER_USER,
      errors,
      p50Ms: Number(percentile(latencies, 50).toFixed(1)),
      p95Ms: Number(percentile(latencies, 95).toFixed(1)),
      p99Ms: Number(percentile(latencies, 99).toFixed(1)),
      turnsPerSecond: Number(((USERS * TURNS_PER_USER) / elapsed).toFixed(1)),
      // Bot Connector requests a second (replies, typing, updates): what Teams counts against its 50.
      apiRequestsPerSecond: Number(((bot.connector.received.length - requestsBefore) / elapsed).toFixed(1)),
    };
  }

  const main = await phase(THINK_MS, 1000);
  const saturation = await phase(0, 5000);
  clearInterval(sampler);
  const result = {
    ...main,
    users: USERS,
    thinkMsMean: THINK_MS,
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    saturation: { turns: saturation.turns, errors: saturation.errors, p50Ms: saturation.p50Ms, p95Ms: saturation.p95Ms, turnsPerSecond: saturation.turnsPerSecond, apiRequestsPerSecond: saturation.apiRequestsPerSecond },
  };
  await bot.close();
  console.log(JSON.stringify(result));
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
