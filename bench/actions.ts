/**
 * Benchmark (not a test): 10,000 actions across 200 owners in the embedded store. Prints one JSON line
 * last: actions, owners, sweepMs (one full nudge sweep, the first of the day, which sends), sweepSteadyMs
 * (the next sweep, nothing left to send), myActionsP95Ms (POST to reply at the fake connector) and peakRssMb.
 */
import { startTestBot, personalConversationId, SettableClock, type TestUser } from '../test/support/harness';
import { Tracker } from '../bot/actions/tracker';
import { runNudgeSweep } from '../bot/actions/nudge-sweep';
import { addWorkingDays } from '../bot/shared/time/working-days';
import { londonDate } from '../bot/shared/time/working-days';
import type { Action, ActionStatus } from '../storage/actions/schema';

const ACTIONS = 10_000;
const OWNERS = 200;
const TURNS = 300;
const NOW = new Date('2026-11-24T10:00:00Z'); // a Tuesday inside working hours

/** Deterministic pseudo-random numbers, so runs are comparable. */
function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function pick<T>(r: () => number, weighted: [T, number][]): T {
  let x = r() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[0][0];
}

async function main() {
  const clock = new SettableClock(NOW);
  const bot = await startTestBot({ clock, env: { LOG_LEVEL: 'silent' } });
  const services = bot.app.services;
  const tracker = new Tracker(services);
  const owners: TestUser[] = Array.from({ length: OWNERS }, (_, i) => ({ id: `29:bench-owner-${i}`, aadObjectId: `bench-owner-${i}`, name: `Bench owner ${i}` }));
  for (const o of owners) await bot.grant(o, ['dsp'], 'police');
  await bot.grant({ id: '29:bench-chair', aadObjectId: 'bench-chair', name: 'Bench chair' }, ['chair']);
  await bot.grant({ id: '29:bench-bu', aadObjectId: 'bench-bu', name: 'Bench business unit' }, ['businessUnit']);

  const r = rng(42);
  const today = londonDate(NOW);
  const at = NOW.toISOString();
  const statuses: [ActionStatus, number][] = [['open', 15], ['acknowledged', 20], ['in_progress', 30], ['blocked', 5], ['completed_pending_evidence', 5], ['completed', 20], ['cancelled', 5]];
  const sources = ['rapid-review', 'lcspr', 'learning-review', 'multi-agency-audit', 'section-11-175-audit', 'meeting', 'inspection'] as const;
  const priorities = [undefined, 'contextual-safeguarding', 'child-sexual-abuse', 'education-protective', 'neglect'];
  const groups = ['learning-improvement', 'cspr-group', 'maqag', 'partnership-board'];
  const actions: Action[] = Array.from({ length: ACTIONS }, (_, i) => {
    const status = pick(r, statuses);
    const due = addWorkingDays(today, Math.floor(r() * 150) - 30);
    const owner = owners[i % OWNERS];
    return {
      type: 'action', id: `bench-${i}`, pk: services.partnershipId, reference: `BENCH-${String(i).padStart(5, '0')}`,
      title: `Benchmark action ${i}: embed learning from review ${i % 37} in single-agency training`, description: 'Synthetic benchmark data.',
      source: sources[i % sources.length], priority: priorities[i % priorities.length], ownerId: owner.aadObjectId, ownerName: owner.name, ownerAgency: 'police',
      group: groups[i % groups.length], dueDate: due, dueSetOn: addWorkingDays(due, -60), status, notes: [], extensions: [],
      history: [{ at, by: 'bench-bu', byName: 'Bench business unit', what: 'created', detail: {} }], createdAt: at, createdBy: 'bench-bu', updatedAt: at,
      closedOn: status === 'completed' || status === 'cancelled' ? today : undefined,
    };
  });
  let t = Date.now();
  await tracker.repo.seedMany(actions);
  const seedMs = Date.now() - t;

  // Timed like the scheduler runs it (lease, then the sweep), without the other features' sweeps.
  const sweep = async (at: Date) => {
    const t0 = performance.now();
    if (!(await services.leases.tryAcquire('sweep:actions:nudges', services.instanceId, 300_000))) throw new Error('lease not won');
    const stats = await runNudgeSweep(services, at);
    return { ms: performance.now() - t0, stats };
  };
  const first = await sweep(NOW);
  const steady = await sweep(new Date(NOW.getTime() + 60_000));
  const sweepMs = first.ms;
  const sweepSteadyMs = steady.ms;

  const latencies: number[] = [];
  for (let i = 0; i < TURNS; i++) {
    const owner = owners[(i * 7) % OWNERS];
    const conv = personalConversationId(owner);
    const before = bot.connector.received.length;
    const t0 = Date.now();
    const p0 = performance.now();
    const res = await bot.say(owner, 'my actions');
    const elapsed = performance.now() - p0;
    const reply = bot.connector.received.slice(before).find((x) => x.conversationId === conv && x.body?.attachments);
    if (res.status !== 200 || !reply) throw new Error(`my actions turn ${i} failed (${res.status})`);
    // The reply is recorded at the connector before the HTTP response returns; use the earlier of the two.
    latencies.push(Math.min(elapsed, Math.max(0, reply.at - t0) + 1));
  }
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.ceil(latencies.length * 0.95) - 1];
  const sweepStats = first.stats;
  console.log(`seeded ${ACTIONS} actions in ${seedMs} ms; first sweep ${JSON.stringify(sweepStats)}; my actions median ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} ms`);
  await bot.close();
  console.log(JSON.stringify({ actions: ACTIONS, owners: OWNERS, sweepMs: Math.round(sweepMs), sweepSteadyMs: Math.round(sweepSteadyMs), myActionsP95Ms: Math.round(p95 * 10) / 10, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
