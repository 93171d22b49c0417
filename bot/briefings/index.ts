import type { Feature, Services } from '../core/contract';
import { broadcastEngine } from './broadcast-engine';
import { authoringVerbs } from './authoring';
import { responseVerbs } from './responses';
import { reachVerbs } from './reach-verbs';
import { briefingCommands } from './commands';
import { broadcastSweep } from './sweep';

/** 7-minute briefings: authoring, broadcast to the partnership, read/useful capture and reach figures. */
export function createBriefingsFeature(services: Services): Feature {
  const engine = broadcastEngine(services);
  return {
    name: 'briefings',
    commands: briefingCommands(services, engine),
    verbs: [...authoringVerbs(services, engine), ...responseVerbs(services, engine), ...reachVerbs(services, engine)],
    sweeps: [broadcastSweep()],
  };
}
