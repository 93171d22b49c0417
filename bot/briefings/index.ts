import type { Feature, Services } from '../core/contract';
import { BroadcastEngine } from './broadcast-engine';
import { authoringVerbs } from './authoring';
import { lifecycleVerbs } from './lifecycle';
import { responseVerbs } from './responses';
import { reachVerbs } from './reach-verbs';
import { briefingCommands } from './commands';
import { broadcastSweep } from './sweep';

/** 7-minute briefings: authoring, broadcast to the partnership, read/useful capture and reach figures. */
export interface BriefingsFeature extends Feature {
  /** The bot's one broadcast engine (tests and the benchmark watch and stop it). */
  engine: BroadcastEngine;
}

export function createBriefingsFeature(services: Services): BriefingsFeature {
  const engine = new BroadcastEngine(services);
  return {
    engine,
    name: 'briefings',
    commands: briefingCommands(services, engine),
    verbs: [...authoringVerbs(services, engine), ...lifecycleVerbs(services, engine), ...responseVerbs(services, engine), ...reachVerbs(services, engine)],
    sweeps: [broadcastSweep(engine)],
  };
}
