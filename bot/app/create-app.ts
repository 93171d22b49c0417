import { randomUUID } from 'node:crypto';
import type { Clock, Feature, FeatureFactory, OutMessage, Services, Turn } from '../core/contract';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import type { ContentPack } from '../../content/load';
import type { Store } from '../../storage/cosmos';
import type { Connector } from '../core/outbound/connector';
import { Router } from '../core/router';
import { Scheduler } from '../core/scheduler';
import { createRetentionSweep } from '../core/retention-sweep';
import { helpMessage } from '../help';
import { createServices } from './services';
import { createFeatures } from './features';

export interface CoreApp {
  services: Services;
  features: Feature[];
  router: Router;
  scheduler: Scheduler;
  help: (turn: Turn) => Promise<OutMessage>;
}

export interface CoreAppOptions {
  config: Config;
  log: Logger;
  content: ContentPack;
  store: Store;
  connector: Connector;
  clock?: Clock;
  instanceId?: string;
  /** Features only the local demo adds (the "dev as" switch); matched before the product's own. */
  devFeatures?: FeatureFactory[];
}

/** Everything but the Teams edge: services, features, the router and the scheduler. No SDK here. */
export function createCoreApp(o: CoreAppOptions): CoreApp {
  const services = createServices({
    config: o.config,
    content: o.content,
    store: o.store,
    log: o.log,
    clock: o.clock ?? { now: () => new Date() },
    instanceId: o.instanceId ?? randomUUID(),
    connector: o.connector,
  });
  const features = [...(o.devFeatures ?? []).map((f) => f(services)), ...createFeatures(services)];
  const commands = () => features.flatMap((f) => f.commands ?? []);
  const help = helpMessage(services, commands);
  const router = new Router(services, features, help);
  const scheduler = new Scheduler(services, [...features.flatMap((f) => f.sweeps ?? []), createRetentionSweep()]);
  return { services, features, router, scheduler, help };
}
