/**
 * Broadcast benchmark (not a timed test). The real bot (HTTP endpoint, briefings engine, the one
 * messenger and its limiter with the budget shared through Cosmos) on the embedded Cosmos server,
 * against a connector in another process that behaves like Teams under load: it counts every request
 * in sliding windows (50/s per app per tenant, and 7/1 s, 8/2 s, 60/30 s, 1,800/h per conversation)
 * and answers 429 with Retry-After over them, answers after 40-200 ms, and fails 1% of requests with
 * a 503 (seeded, so runs repeat).
 *
 * Three runs:
 *   1. one instance: a briefing to everyone; a quarter of the recipients were found in a team roster
 *      and have no 1:1 chat yet, so the bot opens one first (two requests for them);
 *   2. two instances on one Cosmos database, each sending its own briefing to everyone at once;
 *   3. a 5,000-member team roster read when the bot is added to the team.
 *
 * The ratio is measured against Teams' ceiling (50 requests/s), not the bot's setting: every request
 * that reached the connector (sends, 1:1 creations, progress-card updates, retries, 429s and 503s)
 * from the first to the last, per second, over 50.
 *
 *   npm run bench:broadcast
 *   BENCH_RECIPIENTS=500 BENCH_ROSTER=1000 BENCH_RUNS=one,roster npm run bench:broadcast
 *
 * The last line printed is one JSON object: the one-instance figures at the top level, the
 * two-instance run under `twoInstances`, and the roster read as `rosterSyncMs` / `rosterPeakRssMb`.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startTestBot, users, type TestBot } from '../test/support/harness';
import { authorDraft, engineOf, seedRecipients } from '../test/briefings/fixtures';
import { startEmbeddedCosmosThread } from '../storage/embedded-thread';
import { TEAMS_TENANT_LIMIT_PER_SECOND } from '../bot/core/outbound/consts';
import type { TeamsLimiter } from '../bot/core/outbound/limiter';
import { RemoteTeams } from './support/remote-teams';
import type { CompactRecord } from './support/teams-process';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 2000);
const UNOPENED = Math.round(RECIPIENTS * Number(process.env.BENCH_UNOPENED_FRACTION ?? 0.25));
const ROSTER = Number(process.env.BENCH_ROSTER ?? 5000);
const SEED = Number(process.env.BENCH_SEED ?? 20261129);

/** Peak resident memory of this process (the bots and the embedded Cosmos thread; not the connector's process). */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(timer), Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576)) };
}

/** The longest the bot's event loop was held up during a run, in ms: the jitter the limiter's pacing must absorb. */
function loopDelay() {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  return () => (h.disable(), { loopDelayP99Ms: Math.round(h.percentile(99) / 1e6), loopDelayMaxMs: Math.round(h.max / 1e6) });
}

/** The bot is added to a team: it reads the roster in the background. */
async function installInTeam(bot: TestBot, teams: RemoteTeams, teamId: string) {
  const res = await bot.post(bot.activity(users.bu, { type: 'installationUpdate', action: 'add' }, { conversationType: 'channel', conversationId: teamId, teamId }));
  if (res.status !== 200) throw new Error(`install answered ${res.status}`);
  await bot.app.services.background.idle();
}

function summarise(received: readonly CompactRecord[], titles: string[], expectedPerBriefing: number, sentAt: number) {
  const arrivals = received.map((r) => r.arrived).sort((a, b) => a - b);
  const seconds = arrivals.length > 1 ? (arrivals[arrivals.length - 1] - arrivals[0]) / 1000 : 0;
  let duplicates = 0;
  let lost = 0;
  let lastDelivery = sentAt;
  for (const title of titles) {
    const perConversation = new Map<string, number>();
    for (const r of received) {
      if (r.method !== 'POST' || r.status !== 200 || !r.path.endsWith('/activities') || r.summary !== `7-minute briefing: ${title}`) continue;
      perConversation.set(r.conversationId!, (perConversation.get(r.conversationId!) ?? 0) + 1);
      lastDelivery = Math.max(lastDelivery, r.at);
    }
    for (const n of perConversation.values()) duplicates += n - 1;
    lost += Math.max(0, expectedPerBriefing - perConversation.size);
  }
  // Teams answers a second create for the same member with the same chat: count members.
  const opened = new Set(received.filter((r) => r.method === 'POST' && r.path === '/v3/conversations' && r.status === 200).map((r) => r.memberId)).size;
  // Most requests in any one second, as Teams counts them (attempts included).
  let busiestSecond = 0;
  for (let i = 0, j = 0; i < arrivals.length; i++) {
    while (arrivals[i] - arrivals[j] >= 1000) j++;
    busiestSecond = Math.max(busiestSecond, i - j + 1);
  }
  const apiRequestsPerSecond = seconds > 0 ? (arrivals.length - 1) / seconds : 0;
  return {
    recipients: expectedPerBriefing,
    briefings: titles.length,
    opened,
    teamsLimitRps: TEAMS_TENANT_LIMIT_PER_SECOND,
    apiRequests: arrivals.length,
    apiRequestsPerSecond: Math.round(apiRequestsPerSecond * 100) / 100,
    ratio: Math.round((apiRequestsPerSecond / TEAMS_TENANT_LIMIT_PER_SECOND) * 1000) / 1000,
    busiestSecond,
    endToEndSeconds: Math.round((lastDelivery - sentAt) / 10) / 100,
    throttled: received.filter((r) => r.status === 429).length,
    transient503: received.filter((r) => r.status === 503).length,
    duplicates,
    lost,
  };
}

/** Waits until every recipient of each briefing is settled (sent, failed or unreachable), whichever instance did it. */
async function settled(bots: TestBot[], briefingIds: string[]) {
  const repo = engineOf(bots[0]).repo;
  for (;;) {
    await Promise.all(bots.map((b) => engineOf(b).idle()));
    const counts = await Promise.all(briefingIds.map((id) => repo.counts(id)));
    if (counts.every((c) => c.queued === 0 && c.sending === 0)) return counts;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Staff with a 1:1 chat already, plus a team whose members have none: everyone a briefing goes to. */
async function partnership(bot: TestBot, teams: RemoteTeams) {
  await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
  await seedRecipients(bot, RECIPIENTS - UNOPENED - 1, { serviceUrl: teams.url });
  await teams.setRoster('19:cohort@thread.tacv2', 'cohort', UNOPENED);
  await installInTeam(bot, teams, '19:cohort@thread.tacv2');
  const active = await bot.app.services.members.active();
  if (active.length !== RECIPIENTS) throw new Error(`expected ${RECIPIENTS} active members, found ${active.length}`);
}

/**
 * One briefing to the business unit alone, from each instance, before the measured run. The embedded
 * server compiles each query the first time it sees it (about half a second on this machine); Cosmos
 * itself has no such cost, so the measured run starts with the queries known.
 */
async function warmUp(bots: TestBot[], teams: RemoteTeams) {
  for (const bot of bots) {
    const briefingId = await authorDraft(bot, { title: 'Warm-up', audienceKind: 'roles', roles: 'businessUnit' }, (c) => teams.cards(c));
    const r = await bot.invoke(users.bu, 'briefings.send', { briefingId, confirmed: true });
    if (r.statusCode !== 200) throw new Error(`warm-up send answered ${JSON.stringify(r)}`);
    await settled([bot], [briefingId]);
  }
}

async function broadcastRun(instances: number) {
  const embedded = await startEmbeddedCosmosThread();
  const teams = await RemoteTeams.start(SEED + instances);
  const databaseId = `bench-${randomUUID().slice(0, 8)}`;
  const bots: TestBot[] = [];
  try {
    for (let i = 0; i < instances; i++) bots.push(await startTestBot({ embedded, databaseId, serviceUrl: teams.url, instanceId: `bench-${i}` }));
    await partnership(bots[0], teams);
    await warmUp(bots, teams);
    const titles = bots.map((_, i) => `Benchmark briefing ${i + 1}`);
    const ids: string[] = [];
    for (let i = 0; i < bots.length; i++) ids.push(await authorDraft(bots[i], { title: titles[i] }, (c) => teams.cards(c)));
    await new Promise((r) => setTimeout(r, 2100)); // the setup's requests leave Teams' windows
    await teams.clear();
    const rss = rssSampler();
    const loop = loopDelay();
    const sentAt = Date.now();
    const answers = await Promise.all(bots.map((b, i) => b.invoke(users.bu, 'briefings.send', { briefingId: ids[i], confirmed: true })));
    for (const r of answers) if (r.statusCode !== 200) throw new Error(`send answered ${JSON.stringify(r)}`);
    await settled(bots, ids);
    const delay = loop();
    const peakRssMb = rss.stop();
    const records = await teams.records();
    // BENCH_TRACE=dir keeps every request of the run (arrival, status, route) for a closer look.
    if (process.env.BENCH_TRACE) writeFileSync(join(process.env.BENCH_TRACE, `broadcast-${instances}.json`), JSON.stringify({ sentAt, records }));
    const lateSlots = bots.reduce((n, b) => n + (b.app.services.messenger.limiter as TeamsLimiter).lateSlots, 0);
    return { ...summarise(records, titles, RECIPIENTS, sentAt), instances, lateSlots, peakRssMb, ...delay };
  } finally {
    for (const b of bots) await b.close();
    await teams.close();
    await embedded.close();
  }
}

async function rosterSync() {
  const embedded = await startEmbeddedCosmosThread();
  const teams = await RemoteTeams.start(SEED);
  const bot = await startTestBot({ embedded, serviceUrl: teams.url, instanceId: 'bench-roster' });
  try {
    await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
    const teamId = '19:everyone@thread.tacv2';
    await teams.setRoster(teamId, 'everyone', ROSTER);
    const rosterRssBeforeMb = Math.round(process.memoryUsage().rss / 1048576);
    const rss = rssSampler();
    const t0 = performance.now();
    await installInTeam(bot, teams, teamId);
    const rosterSyncMs = Math.round(performance.now() - t0);
    const rosterPeakRssMb = rss.stop();
    const found = (await bot.app.services.members.idsInTeam(teamId)).size;
    if (found !== ROSTER) throw new Error(`roster sync recorded ${found} of ${ROSTER}`);
    return { rosterMembers: ROSTER, rosterSyncMs, rosterRssBeforeMb, rosterPeakRssMb };
  } finally {
    await bot.close();
    await teams.close();
    await embedded.close();
  }
}

async function main() {
  // BENCH_RUNS=one,two,roster picks runs while working on one of them; the README's figures come from all three.
  const runs = new Set((process.env.BENCH_RUNS ?? 'one,two,roster').split(','));
  const out: Record<string, unknown> = {};
  if (runs.has('one')) {
    const one = await broadcastRun(1);
    console.log(`one instance: ${JSON.stringify(one)}`);
    Object.assign(out, one);
  }
  if (runs.has('two')) {
    const two = await broadcastRun(2);
    console.log(`two instances: ${JSON.stringify(two)}`);
    out.twoInstances = two;
  }
  if (runs.has('roster')) {
    const roster = await rosterSync();
    console.log(`roster: ${JSON.stringify(roster)}`);
    Object.assign(out, roster);
  }
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
