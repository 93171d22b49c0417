import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ConfigError, isLoopback, type Config } from '../core/config';
import { createLogger, type Logger } from '../core/logger';
import type { Clock, Feature, FeatureFactory, Services } from '../core/contract';
import type { Router } from '../core/router';
import type { Scheduler } from '../core/scheduler';
import { loadPackByName, type ContentPack } from '../../content/load';
import type { EmbeddedCosmos } from '../../storage/embedded-types';
import { openStore } from '../app/open-store';
import { createCoreApp } from '../app/create-app';
import { createDialogs } from '../../dialogs';
import { createAdapter } from './adapter';
import { PartnershipBot } from './handler';
import { BotConnector } from './connector';
import { admissionRefusal, readInbound } from './inbound';

/** The largest request body the bot reads. */
export const MAX_BODY_BYTES = 100 * 1024;

export interface AppOptions {
  config: Config;
  log?: Logger;
  /** Share one embedded server between several bot instances (tests, benchmarks); it outlives the app. */
  embedded?: EmbeddedCosmos;
  /** An embedded server started early for this app (npm start), closed with it. */
  ownEmbedded?: EmbeddedCosmos;
  content?: ContentPack;
  clock?: Clock;
  /** Start the scheduler loop (default: config.SCHEDULER_ENABLED). Tests call scheduler.tick() instead. */
  scheduler?: boolean;
  instanceId?: string;
  /**
   * Development-only features (the "dev as" switch of `npm run dev`). Refused unless the bot runs
   * anonymously on loopback, which production never does (with an app id, JWT auth is always on).
   */
  devFeatures?: FeatureFactory[];
}

export interface App {
  url: string;
  port: number;
  services: Services;
  bot: PartnershipBot;
  router: Router;
  features: Feature[];
  scheduler: Scheduler;
  embedded?: EmbeddedCosmos;
  close(): Promise<void>;
}

/** Loads the configured content pack (content/packs/<CONTENT_PACK>). */
export function contentPackFor(config: Config): ContentPack {
  return loadPackByName(config.CONTENT_PACK);
}

/** Builds storage, services, features and the HTTP server, and starts listening. */
export async function startApp(opts: AppOptions): Promise<App> {
  const { config } = opts;
  if (opts.devFeatures?.length && !(config.anonymous && isLoopback(config.host))) {
    throw new ConfigError('Development-only features need an anonymous bot on loopback (no MicrosoftAppId, HOST 127.0.0.1).');
  }
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const content = opts.content ?? contentPackFor(config);
  const given = opts.ownEmbedded ? { embedded: opts.ownEmbedded, owned: true } : opts.embedded ? { embedded: opts.embedded, owned: false } : undefined;
  const { store, embedded, ownEmbedded } = await openStore(config, log, given);
  const core = createCoreApp({ config, log, content, store, connector: new BotConnector(config), clock: opts.clock, instanceId: opts.instanceId, devFeatures: opts.devFeatures });
  const { services, router, scheduler } = core;
  const { adapter, auth } = createAdapter(config, log);
  const bot = new PartnershipBot(services, router, createDialogs(services), core.help);

  const server = restify.createServer({ name: 'partnership-bot', handleUncaughtExceptions: false } as restify.ServerOptions);
  // Teams messages are at most about 28 KB and card submits far smaller; nothing legitimate comes near this.
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  /**
   * The door, in order: a readable activity (else 400), a valid token (else 401), then Teams, the
   * partnership's tenant and a callable service URL (else 403), and only then a turn. The tenant is
   * checked after authentication, so an unauthenticated caller cannot probe the allow-list.
   */
  server.post('/api/messages', async (req, res) => {
    const inbound = readInbound(req.body);
    if (!inbound.ok) {
      log.info({ event: 'bad-activity', reason: inbound.reason }, 'request refused: not an activity the bot can act on');
      res.send(400, { error: 'The request body is not a Bot Framework activity this bot can act on.' });
      return;
    }
    const activity = inbound.activity;
    let authenticated;
    try {
      authenticated = await auth.authenticateRequest(activity, String(req.headers.authorization ?? ''));
    } catch {
      res.send(401, { error: 'Unauthorized.' });
      return;
    }
    const refusal = admissionRefusal(activity, config);
    if (refusal) {
      log.warn({ event: 'activity-refused', reason: refusal, channel: String(activity.channelId).slice(0, 50), tenant: String(activity.conversation?.tenantId ?? 'none').slice(0, 64), activityType: activity.type }, 'activity refused: not from Teams in an allowed tenant');
      res.send(403, { error: refusal === 'tenant' || refusal === 'no-tenant' ? 'This tenant is not allowed to use this bot.' : 'This bot only accepts Microsoft Teams activities.' });
      return;
    }
    try {
      const invokeResponse = await adapter.handle(authenticated, activity, (ctx) => bot.run(ctx));
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (e) {
      log.error({ event: 'process-error', err: { type: (e as Error)?.name, message: (e as Error)?.message } }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    const reachable = await store.ping(2000);
    res.send(reachable ? 200 : 503, {
      status: reachable ? 'ok' : 'degraded',
      storage: reachable ? 'reachable' : 'unreachable',
      embeddedStorage: config.embeddedStorage,
      partnership: services.partnershipId,
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (opts.scheduler ?? config.SCHEDULER_ENABLED) scheduler.start(config.SCHEDULER_INTERVAL_SECONDS);
  // After listening, so /healthz answers at once; requests that arrive meanwhile are served as usual.
  if (config.WARM_UP_ON_START) for (const f of core.features) if (f.onStarted) services.background.run(`${f.name}:started`, () => f.onStarted!());
  log.info({ event: 'listening', host: config.host, port, auth: config.anonymous ? 'anonymous (loopback only)' : 'bot-framework-jwt', tenants: config.allowedTenants.length }, 'partnership bot listening');

  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    port,
    services,
    bot,
    router,
    features: core.features,
    scheduler,
    embedded,
    async close() {
      scheduler.stop();
      await new Promise<void>((r) => server.close(() => r()));
      store.dispose();
      if (ownEmbedded) await ownEmbedded.close();
    },
  };
}
