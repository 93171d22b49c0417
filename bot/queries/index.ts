import type { Feature, Services } from '../core/contract';
import { Answering } from './answering';
import { createQueryCommands } from './commands';
import { createQueryVerbs } from './verbs';
import { Teaching } from './teaching';

/**
 * The queries feature: practitioners ask in their own words and get the partnership's answer from
 * the content pack; what the bot cannot answer goes to the business unit as a ticket.
 */
export function createQueriesFeature(services: Services): Feature {
  const answering = new Answering(services);
  const teaching = new Teaching(services, answering);
  return {
    name: 'queries',
    fallback: async (turn) => {
      if (turn.conversation.kind !== 'personal' && turn.text.length < 3) return false;
      await answering.answer(turn, turn.text);
      return true;
    },
    commands: createQueryCommands(services, answering, teaching),
    verbs: createQueryVerbs(services, answering, teaching),
    // Trained now rather than on the first question, so nobody asking just after a restart waits.
    onStarted: async () => void (await answering.matchers.current()),
  };
}
