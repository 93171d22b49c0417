import type { Feature, Services } from '../../core/contract';
import { ROLE_LABELS, effectiveRoles } from '../../core/roles';
import { usage } from '../../shared/format';
import { DEMO_PERSONAS, findPersona, personaAgency } from './demo-members';

/**
 * `dev as [role]`: in the local demo only, gives the person chatting the roles and agency of one of
 * the demo people, so the business unit's, a chair's, a partner's and a practitioner's views can all
 * be tried in the Playground. It is not one of the product's features: only the dev entry point
 * (bot/edge/dev/local-chat.ts) adds it, and startApp refuses it unless the bot is anonymous and on
 * loopback, so a production bot has no such command.
 */
export function createDevSwitchFeature(services: Services): Feature {
  const choices = DEMO_PERSONAS.map((p) => p.key).join(', ');
  return {
    name: 'system',
    commands: [
      {
        feature: 'system',
        name: 'dev as',
        usage: usage('dev as {role}'),
        description: `Development only: see the bot as ${choices}.`,
        patterns: [/^dev as(?: (?<who>.+))?$/i],
        run: async (turn, args) => {
          const persona = args.who ? findPersona(args.who) : undefined;
          if (!persona) return void (await turn.reply(`Try one of: ${DEMO_PERSONAS.map((p) => `dev as ${p.key}`).join('; ')}.`));
          const agencyId = personaAgency(services.content, persona);
          await services.members.members.mutate(turn.member.id, turn.member.pk, (m) => ({ ...m, roles: [...persona.roles], agency: agencyId, updatedAt: services.clock.now().toISOString() }));
          const agency = services.content.partnership.agencies.find((a) => a.id === agencyId)?.name ?? 'none in this pack';
          await turn.reply(`Development only: you now see the bot as ${persona.name}. Roles: ${effectiveRoles(persona.roles).map((r) => ROLE_LABELS[r]).join(', ')}. Agency: ${agency}. Type help to see what they can do${persona.roles.includes('businessUnit') ? '' : ', or dev as business unit to go back'}.`);
        },
      },
    ],
  };
}
