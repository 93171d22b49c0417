import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Config } from '../core/config';
import { createLogger, type Logger } from '../core/logger';
import { loadContentPack, DEFAULT_PACK_DIR, type ContentPack } from '../../content/load';
import { connectStore, startEmbeddedCosmosThread, type EmbeddedCosmos, type Store } from '../../storage/cosmos';
import { MembersRepository } from '../../storage/members/repository';
import { AuditLog, Leases, Notifications, SettingsRepository } from '../../storage/system/repository';
import { createAdapter } from './adapter';
import { PartnershipBot } from './handler';
import { BotMessenger } from './proactive';
import { createFeatures } from '../app/features';
import { helpMessage } from '../help';
import { Scheduler } from '../core/scheduler';
import { createRetentionSweep } from '../core/retention-sweep';
import type { Clock, Feature, Services } from '../core/contract';
import { join } from 'node:path';

export interface AppOptions {
  config: Config;
  log?: Logger;
  /** Share one embedded server between several bot instances (tests, benchmarks). */
  embedded?: EmbeddedCosmos;
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
  features: Feature[];
  scheduler: Scheduler;
  embedded?: EmbeddedCosmos;
  close(): Promise<void>;
}

function tenantOf(body: Partial<Activity> | undefined): string | undefined {
  return body?.conversation?.tenantId ?? (body?.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/** Builds storage, services, features and the HTTP server, and starts listening. */
export async function startApp(opts: AppOptions): Promise<App> {
  const { config } = opts;
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const content = opts.content ?? loadContentPack(config.CONTENT_PACK === 'cheshire-east' ? DEFAULT_PACK_DIR : join(__dirname, '..', '..', 'content', 'packs', config.CONTENT_PACK));
  let embedded = opts.embedded;
  let ownEmbedded: EmbeddedCosmos | undefined;
  if (config.embeddedStorage && !embedded) {
    embedded = ownEmbedded = await startEmbeddedCosmosThread();
    log.warn({ event: 'embedded-storage', endpoint: embedded.endpoint }, 'COSMOS_ENDPOINT is not set: using the embedded in-memory Cosmos server; data is lost when the bot stops');
  }
  const store: Store = await connectStore(
    config.embeddedStorage
      ? { endpoint: embedded!.endpoint, key: embedded!.key, databaseId: config.COSMOS_DATABASE, insecureLoopbackTls: true }
      : {
          endpoint: config.COSMOS_ENDPOINT!,
          key: config.COSMOS_KEY!,
          databaseId: config.COSMOS_DATABASE,
          ttlSeconds: {
            queries: config.RETENTION_DAYS_QUERIES * 86400,
            deliveries: config.RETENTION_DAYS_DELIVERIES * 86400,
            notifications: config.RETENTION_DAYS_DELIVERIES * 86400,
          },
        },
  );
  const partnershipId = content.partnership.id;
  const clock: Clock = opts.clock ?? { now: () => new Date() };
  const adapter = createAdapter(config, log);
  const members = new MembersRepository(store, partnershipId, config.BUSINESS_UNIT_ADMINS, () => clock.now());
  const services: Services = {
    config,
    content,
    store,
    log,
    clock,
    partnershipId,
    members,
    settings: new SettingsRepository(store, partnershipId),
    audit: new AuditLog(store, partnershipId, () => clock.now()),
    leases: new Leases(store, () => clock.now().getTime()),
    notifications: new Notifications(store, partnershipId, () => clock.now()),
    messenger: new BotMessenger(adapter, config.MicrosoftAppId ?? '', members),
    instanceId: opts.instanceId ?? randomUUID(),
  };
  const features = createFeatures(services);
  const help = helpMessage(services, () => features.flatMap((f) => f.commands ?? []));
  const bot = new PartnershipBot(services, features, help);
  const scheduler = new Scheduler(services, [...features.flatMap((f) => f.sweeps ?? []), createRetentionSweep()]);

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
      partnership: partnershipId,
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
    features,
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
