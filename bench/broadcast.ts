/**
 * Broadcast benchmark (not a timed test): the real briefings engine (Cosmos claims, token bucket,
 * connector client without SDK retries) against a local connector that enforces Teams' limits.
 *
 *   npm run bench:broadcast            2,000 recipients at OUTBOUND_RATE_PER_SECOND (default 45)
 *   BENCH_RECIPIENTS=500 npm run bench:broadcast
 *
 * The last line printed is one JSON object: recipients, ceilingRps, achievedRps, ratio, throttled,
 * duplicates, lost, peakRssMb (plus a few extra timings). achievedRps is measured over the send window
 * (first to last delivered message); planning time is reported separately as planMs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { OperationInput } from '@azure/cosmos';
import { loadConfig } from '../bot/core/config';
import { createLogger } from '../bot/core/logger';
import { defaultContentPack } from '../content/load';
import { connectStore } from '../storage/cosmos';
import { startEmbeddedCosmos } from '../storage/embedded';
import type { Member } from '../storage/members/schema';
import { createCoreApp } from '../bot/app/create-app';
import { BotConnector } from '../bot/edge/connector';
import type { BriefingsFeature } from '../bot/briefings';
import { TEAMS_TENANT_LIMIT_PER_SECOND } from '../bot/core/outbound/consts';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 2000);
const TENANT = '11111111-2222-3333-4444-555555555555';

/** Teams' documented limits: per app per tenant, and per conversation (window ms → max requests). */
const TENANT_WINDOWS: [number, number][] = [[1000, TEAMS_TENANT_LIMIT_PER_SECOND]];
const CONVERSATION_WINDOWS: [number, number][] = [[1000, 7], [2000, 8], [30_000, 60], [3_600_000, 1800]];

class ThrottlingConnector {
  tenantLog: number[] = [];
  perConversation = new Map<string, number[]>();
  posts = new Map<string, number>();
  throttled = 0;
  firstAt = 0;
  lastAt = 0;
  private seq = 0;
  private server?: http.Server;
  url = '';

  private over(log: number[], windows: [number, number][], now: number) {
    return windows.some(([ms, max]) => {
      let n = 0;
      for (let i = log.length - 1; i >= 0 && now - log[i] < ms; i--) n++;
      return n >= max;
    });
  }

  async start() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const path = (req.url ?? '').split('?')[0];
        const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
        const conv = m ? decodeURIComponent(m[1]) : '';
        const now = performance.now();
        const convLog = this.perConversation.get(conv) ?? [];
        if (this.over(this.tenantLog, TENANT_WINDOWS, now) || this.over(convLog, CONVERSATION_WINDOWS, now)) {
          this.throttled++;
          res.writeHead(429, { 'content-type': 'application/json', 'Retry-After': '1' });
          res.end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
          return;
        }
        this.tenantLog.push(now);
        if (this.tenantLog.length > 5000) this.tenantLog.splice(0, 2500);
        convLog.push(now);
        this.perConversation.set(conv, convLog);
        // Latency of the real service is tens to hundreds of ms; the engine must keep enough in flight.
        const latency = 40 + Math.random() * 160;
        setTimeout(() => {
          if (req.method === 'POST' && m && !m[2] && conv.startsWith('a:bench-')) {
            this.posts.set(conv, (this.posts.get(conv) ?? 0) + 1);
            this.firstAt ||= performance.now();
            this.lastAt = performance.now();
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: m?.[2] ?? `act-${++this.seq}` }));
        }, latency);
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close() {
    this.server?.closeAllConnections?.();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }
}

async function main() {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const connector = await new ThrottlingConnector().start();
  const embedded = await startEmbeddedCosmos();
  const config = { ...loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', COSMOS_DATABASE: `bench-${randomUUID().slice(0, 8)}` }), embeddedStorage: true };
  const store = await connectStore({ endpoint: embedded.endpoint, key: embedded.key, databaseId: config.COSMOS_DATABASE, insecureLoopbackTls: true });
  const content = defaultContentPack();
  const partnershipId = content.partnership.id;
  const core = createCoreApp({ config, log: createLogger('silent'), content, store, connector: new BotConnector(config), instanceId: 'bench' });
  const engine = (core.features.find((f) => f.name === 'briefings') as BriefingsFeature).engine;

  const at = new Date().toISOString();
  const ref = (i: number) => ({
    serviceUrl: connector.url, channelId: 'msteams', conversation: { id: `a:bench-${i}`, tenantId: TENANT, conversationType: 'personal' },
    bot: { id: '28:partnership-bot', name: 'Partnership bot' }, user: { id: `29:bench-${i}` },
  });
  const docs: Member[] = Array.from({ length: RECIPIENTS }, (_, i) => ({
    type: 'member', id: `aad-bench-${i}`, pk: partnershipId, userId: `29:bench-${i}`, name: `Bench member ${i}`, tenantId: TENANT,
    agency: content.partnership.agencies[i % content.partnership.agencies.length].id, roles: [], personal: ref(i), reachable: true, teams: [], prefs: {}, createdAt: at, updatedAt: at,
  }));
  for (let i = 0; i < docs.length; i += 100) {
    await store.containers.members.items.bulk(docs.slice(i, i + 100).map((d) => ({ operationType: 'Create', resourceBody: d })) as unknown as OperationInput[]);
  }

  const ceilingRps = config.OUTBOUND_RATE_PER_SECOND;
  const briefingId = randomUUID();
  await engine.repo.briefings.create({
    type: 'briefing', id: briefingId, pk: partnershipId, code: 'BENCH1', title: 'Benchmark briefing', source: 'Benchmark', background: 'Synthetic text for a load test.',
    whyItMatters: '', keyPoints: ['One point.'], remember: '', actions: '', reflection: ['What are your key thoughts?'], links: [], priorities: ['neglect'],
    audience: { kind: 'everyone', conversations: [], roles: [], agencies: [] }, status: 'sending', version: 1, syncedVersion: 1, authorId: 'bench', authorName: 'Bench',
    progress: { ref: { ...ref(-1), conversation: { id: 'a:author', tenantId: TENANT, conversationType: 'personal' } }, activityId: 'act-progress' },
    createdAt: at, updatedAt: at,
  });

  const t0 = performance.now();
  const result = await engine.run(briefingId);
  const totalMs = performance.now() - t0;
  clearInterval(sampler);

  let duplicates = 0;
  let delivered = 0;
  for (const n of connector.posts.values()) {
    delivered++;
    duplicates += n - 1;
  }
  const windowSecs = (connector.lastAt - connector.firstAt) / 1000;
  const achievedRps = windowSecs > 0 ? (delivered + duplicates - 1) / windowSecs : 0;
  const out = {
    recipients: RECIPIENTS,
    ceilingRps,
    achievedRps: Math.round(achievedRps * 100) / 100,
    ratio: Math.round((achievedRps / ceilingRps) * 1000) / 1000,
    throttled: connector.throttled,
    duplicates,
    lost: RECIPIENTS - delivered,
    peakRssMb: Math.round(peakRss / 1048576),
    planMs: Math.round((connector.firstAt || performance.now()) - t0),
    totalMs: Math.round(totalMs),
    recorded: result.counts,
  };
  store.dispose();
  await embedded.close();
  await connector.close();
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
