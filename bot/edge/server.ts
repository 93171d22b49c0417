import restify from 'restify';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import type { Config } from '../core/config';
import { createLogger, type Logger } from '../core/logger';
import type { Clock, Feature, Services } from '../core/contract';
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
import { tenantOf } from './turn';

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
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const content = opts.content ?? contentPackFor(config);
  const given = opts.ownEmbedded ? { embedded: opts.ownEmbedded, owned: true } : opts.embedded ? { embedded: opts.embedded, owned: false } : undefined;
  const { store, embedded, ownEmbedded } = await openStore(config, log, given);
  const core = createCoreApp({ config, log, content, store, connector: new BotConnector(config), clock: opts.clock, instanceId: opts.instanceId });
  const { services, router, scheduler } = core;
  const adapter = createAdapter(config, log);
  const bot = new PartnershipBot(services, router, createDialogs(services), core.help);

  const server = restify.createServer({ name: 'partnership-bot', handleUncaughtExceptions: false } as restify.ServerOptions);
  server.use(restify.plugins.bodyParser({ maxBodySize: 512 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    const body = req.body as Partial<Activity> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.type !== 'string') {
      res.send(400, { error: 'The request body must be a Bot Framework activity.' });
      return;
    }
    if (config.ALLOWED_TENANTS.length > 0) {
      const tenant = tenantOf(body);
      if (!tenant || !config.ALLOWED_TENANTS.includes(tenant)) {
        log.warn({ event: 'tenant-refused', tenant: tenant ?? 'none', activityType: body.type }, 'activity from a tenant that is not allowed');
        res.send(403, { error: 'This tenant is not allowed to use this bot.' });
        return;
      }
    }
    try {
      await adapter.process(req, res, (ctx) => bot.run(ctx));
    } catch (e) {
      // The adapter parses the activity with zod before its own error handling: a malformed activity is the caller's error.
      if ((e as Error)?.name === 'ZodError') {
        log.info({ event: 'bad-activity' }, 'request refused: not a valid activity');
        if (!res.headersSent) res.send(400, { error: 'The request body is not a valid Bot Framework activity.' });
        return;
      }
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
  log.info({ event: 'listening', host: config.host, port, auth: config.anonymous ? 'anonymous (loopback only)' : 'bot-framework-jwt', tenants: config.ALLOWED_TENANTS.length }, 'partnership bot listening');

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
