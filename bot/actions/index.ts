import type { Feature, Services } from '../core/contract';
import { createActionCommands } from './commands';
import { createActionVerbs } from './verbs';
import { createNudgeSweep } from './nudge-sweep';

/** The actions feature: registered commands, card verbs, dialogs and sweeps. */
export function createActionsFeature(services: Services): Feature {
  return {
    name: 'actions',
    commands: createActionCommands(services),
    verbs: createActionVerbs(services),
    sweeps: [createNudgeSweep()],
  };
}
