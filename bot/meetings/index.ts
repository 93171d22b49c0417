import type { Feature, Services } from '../core/contract';
import { createMeetingCommands } from './commands';
import { createMeetingVerbs } from './verbs';
import { createReminderSweep } from './reminders';

/** The meetings feature: registered commands, card verbs, dialogs and sweeps. */
export function createMeetingsFeature(services: Services): Feature {
  return {
    name: 'meetings',
    commands: createMeetingCommands(services),
    verbs: createMeetingVerbs(services),
    sweeps: [createReminderSweep()],
  };
}
