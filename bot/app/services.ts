import type { ActionsApi, Clock, Services } from '../core/contract';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import type { ContentPack } from '../../content/load';
import type { Store } from '../../storage/cosmos';
import type { Connector } from '../core/outbound/connector';
import { createRepositories } from '../../storage';
import { MembersRepository } from '../../storage/members/repository';
import { AuditLog, CosmosRateBudget, Leases, Notifications, SettingsRepository } from '../../storage/system/repository';
import { Messenger } from '../core/outbound/messenger';
import { TeamsLimiter } from '../core/outbound/limiter';
import { createActionsApi } from '../actions/api';
import { ContentOverrides } from '../shared/content-overrides';
import { BackgroundWork } from '../core/background';

export interface ServicesOptions {
  config: Config;
  content: ContentPack;
  store: Store;
  log: Logger;
  clock: Clock;
  instanceId: string;
  /** The Bot Connector (the edge's implementation, or a test's). */
  connector: Connector;
}

/** Builds everything features use, once per bot. Two calls build two bots that share nothing. */
export function createServices(o: ServicesOptions): Services {
  const partnershipId = o.content.partnership.id;
  const now = () => o.clock.now();
  const members = new MembersRepository(o.store, partnershipId, o.config.BUSINESS_UNIT_ADMINS, now);
  // One limiter per bot, its budget in Cosmos: every instance on the same database shares Teams' limit.
  const limiter = new TeamsLimiter(new CosmosRateBudget(o.store), o.config.OUTBOUND_RATE_PER_SECOND);
  const messenger = new Messenger({ connector: o.connector, limiter, members, log: o.log, now });
  const repos = createRepositories(o.store, partnershipId, now);
  const audit = new AuditLog(o.store, partnershipId, now);
  const overrides = new ContentOverrides(repos.content, audit, now, o.content, o.log);
  const services: Services = {
    config: o.config,
    // The pack with the business unit's active overrides, as of this turn's refresh (router, scheduler).
    get content() {
      return overrides.effective();
    },
    log: o.log,
    clock: o.clock,
    partnershipId,
    instanceId: o.instanceId,
    store: o.store,
    members,
    settings: new SettingsRepository(o.store, partnershipId),
    audit,
    leases: new Leases(o.store, () => now().getTime()),
    notifications: new Notifications(o.store, partnershipId, now),
    repos,
    messenger,
    overrides,
    background: new BackgroundWork(o.log),
    // Set just below: the tracker's API needs the rest of Services to exist first.
    actions: undefined as unknown as ActionsApi,
  };
  services.actions = createActionsApi(services);
  return services;
}
