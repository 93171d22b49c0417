import type { Feature, Services } from '../core/contract';
import { createContentVerbs } from './verbs';
import { listCard } from './cards';

/**
 * The business unit's view of the content pack, in Teams: every fact still to be confirmed and the
 * answers most asked about, each confirmable or changeable from a card. Changes are overrides in the
 * one content store (services.overrides): kept with who and when, audited, seen by every instance at
 * once, revertible. The pack files themselves never change at run time.
 */
export function createContentFeature(services: Services): Feature {
  return {
    name: 'content',
    commands: [
      {
        feature: 'content',
        name: 'content',
        usage: 'content',
        description: 'Facts to confirm, the answers most asked about, and changes to the content: confirm, change or revert them.',
        roles: ['businessUnit'],
        patterns: [/^content( to confirm| review)?$/i],
        run: async (turn) => void (await turn.reply({ card: await listCard(services), summary: 'Content to confirm' })),
      },
    ],
    verbs: createContentVerbs(services),
  };
}
