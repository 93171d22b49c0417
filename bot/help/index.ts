import type { CommandDef, Feature, OutMessage, Services, Turn } from '../core/contract';
import { helpCard } from './help-card';
import { emergencyLine } from '../../content/describe';

export function helpMessage(services: Services, commands: () => readonly CommandDef[]) {
  return async (turn: Turn): Promise<OutMessage> => {
    const p = services.content.partnership;
    const agency = p.agencies.find((a) => a.id === turn.member.agency)?.name;
    return {
      card: helpCard({
        commands: commands(),
        roles: turn.member.roles,
        kind: turn.conversation.kind,
        partnership: p.name,
        agency,
        emergency: emergencyLine(services.content),
      }),
      summary: 'What I can do for you',
    };
  };
}

export function createHelpFeature(services: Services, commands: () => readonly CommandDef[] = () => []): Feature {
  const message = helpMessage(services, commands);
  return {
    name: 'help',
    commands: [
      {
        feature: 'help',
        name: 'help',
        description: 'Show what you can do here.',
        patterns: [/^(help|menu|commands|what can you do|\?|hi|hello|start)$/i],
        run: async (turn) => {
          await turn.reply(await message(turn));
        },
      },
    ],
  };
}
