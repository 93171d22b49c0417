import type { Feature, Services } from '../core/contract';
import { createNumbersCommands } from './commands';
import { createNumbersVerbs } from './verbs';
import { createQuarterlySweep } from './quarterly-sweep';

/**
 * Partnership in numbers: the board's figures from what the bot already records, with charts, a
 * plain summary, the published figures the business unit records, CSV and an appendix for the
 * annual report, and a quarterly post to the board.
 */
export function createNumbersFeature(services: Services): Feature {
  return {
    name: 'numbers',
    commands: createNumbersCommands(services),
    verbs: createNumbersVerbs(services),
    sweeps: [createQuarterlySweep()],
  };
}
