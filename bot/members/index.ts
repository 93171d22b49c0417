import type { Feature, Services } from '../core/contract';
import { parseRole, ROLE_WORDS } from './parse-role';
import { resolvePerson } from './resolve-person';
import { createRosterCommands, createRosterSweep } from './roster-commands';
import { membersLeftTeam, syncTeam } from './roster-sync';
import { ROLE_LABELS, effectiveRoles } from '../core/roles';

export function createMembersFeature(services: Services): Feature {
  const agencies = services.content.partnership.agencies;
  const agencyList = agencies.map((a) => a.id).join(', ');
  const findAgency = (text: string) => agencies.find((a) => a.id === text.trim().toLowerCase() || a.name.toLowerCase() === text.trim().toLowerCase());

  return {
    name: 'members',
    sweeps: [createRosterSweep()],
    onTeamInstalled: async (teamId) => {
      const r = await syncTeam(services, teamId);
      services.log.info({ event: 'roster-synced', found: r.found, added: r.added, left: r.left, pages: r.pages, error: r.error ?? null }, 'team roster read after install');
    },
    onMembersLeft: async (teamId, ids) => {
      await membersLeftTeam(services, teamId, ids);
    },
    commands: [
      ...createRosterCommands(services),
      {
        feature: 'members',
        name: 'whoami',
        usage: 'my roles',
        description: 'See your roles and agency.',
        patterns: [/^(whoami|who am i|my roles?|my role)$/i],
        run: async (turn) => {
          const m = turn.member;
          const agency = agencies.find((a) => a.id === m.agency)?.name ?? 'not set';
          await turn.reply(`You are **${m.name || 'unnamed'}**. Roles: ${effectiveRoles(m.roles).map((r) => ROLE_LABELS[r]).join(', ')}. Agency: ${agency}.`);
        },
      },
      {
        feature: 'members',
        name: 'grant',
        usage: 'grant <role> to <person> [agency <agency>]',
        description: 'Give someone a role (and set their agency).',
        roles: ['businessUnit'],
        patterns: [/^grant (?<role>business unit|businessunit|bu|dsp|lsp|chair|practitioner) (?:role )?to (?<who>.+?)(?: agency (?<agency>[\w -]+))?$/i],
        run: async (turn, args) => {
          const role = parseRole(args.role);
          if (!role) return void (await turn.reply(`Roles are ${ROLE_WORDS}.`));
          const agency = args.agency ? findAgency(args.agency) : undefined;
          if (args.agency && !agency) return void (await turn.reply(`I do not know the agency "${args.agency}". Agencies: ${agencyList}.`));
          const person = await resolvePerson(services, args.who, turn.mentions);
          if (typeof person === 'string') return void (await turn.reply(person));
          const { doc, changed } = await services.members.setRoles(person.id, (r) => [...r, role], agency?.id);
          if (changed) {
            await services.audit.record({ actorId: turn.member.id, feature: 'members', action: 'grant', entityType: 'member', entityId: person.id, beforeEtag: person._etag, afterEtag: doc._etag, detail: { role, agency: agency?.id ?? null } });
          }
          await turn.reply(`${doc.name} now has the ${ROLE_LABELS[role]} role${agency ? ` (agency: ${agency.name})` : ''}.`);
        },
      },
      {
        feature: 'members',
        name: 'revoke',
        usage: 'revoke <role> from <person>',
        description: 'Take a role away from someone.',
        roles: ['businessUnit'],
        patterns: [/^revoke (?<role>business unit|businessunit|bu|dsp|lsp|chair|practitioner) (?:role )?from (?<who>.+)$/i],
        run: async (turn, args) => {
          const role = parseRole(args.role)!;
          const person = await resolvePerson(services, args.who, turn.mentions);
          if (typeof person === 'string') return void (await turn.reply(person));
          if (person.id === turn.member.id && role === 'businessUnit') {
            return void (await turn.reply('You cannot remove your own business unit role; ask a colleague to do it.'));
          }
          const { doc, changed } = await services.members.setRoles(person.id, (r) => r.filter((x) => x !== role));
          if (changed) {
            await services.audit.record({ actorId: turn.member.id, feature: 'members', action: 'revoke', entityType: 'member', entityId: person.id, beforeEtag: person._etag, afterEtag: doc._etag, detail: { role } });
          }
          await turn.reply(`${doc.name} no longer has the ${ROLE_LABELS[role]} role.`);
        },
      },
      {
        feature: 'members',
        name: 'set agency',
        usage: 'set agency <agency> for <person>',
        description: "Record which agency someone works for.",
        roles: ['businessUnit'],
        patterns: [/^set agency (?<agency>[\w -]+?) for (?<who>.+)$/i],
        run: async (turn, args) => {
          const agency = findAgency(args.agency);
          if (!agency) return void (await turn.reply(`I do not know the agency "${args.agency}". Agencies: ${agencyList}.`));
          const person = await resolvePerson(services, args.who, turn.mentions);
          if (typeof person === 'string') return void (await turn.reply(person));
          const { doc, changed } = await services.members.setRoles(person.id, (r) => r, agency.id);
          if (changed) {
            await services.audit.record({ actorId: turn.member.id, feature: 'members', action: 'set-agency', entityType: 'member', entityId: person.id, beforeEtag: person._etag, afterEtag: doc._etag, detail: { agency: agency.id } });
          }
          await turn.reply(`${doc.name} is recorded as working for ${agency.name}.`);
        },
      },
      {
        feature: 'members',
        name: 'members',
        usage: 'members',
        description: 'List the people I know, with roles and agencies.',
        roles: ['businessUnit'],
        patterns: [/^(members|people|list members)$/i],
        run: async (turn) => {
          const all = await services.members.all();
          const lines = all
            .sort((a, b) => a.name.localeCompare(b.name))
            .slice(0, 100)
            .map((m) => `- ${m.name || m.id}: ${effectiveRoles(m.roles).map((r) => ROLE_LABELS[r]).join(', ')}; ${agencies.find((a) => a.id === m.agency)?.shortName ?? m.agency ?? 'no agency'}${m.reachable ? '' : ' (unreachable)'}`);
          await turn.reply(`**${all.length} people**\n\n${lines.join('\n')}`);
        },
      },
      {
        feature: 'members',
        name: 'business unit channel',
        usage: 'use this channel for the business unit',
        description: 'Send query tickets and escalations to this channel.',
        roles: ['businessUnit'],
        scopes: ['channel', 'groupChat'],
        patterns: [/^use this (channel|chat) for (the )?business unit$/i],
        run: async (turn) => {
          await services.members.saveConversation({ kind: turn.conversation.kind, ref: turn.conversation.ref, installed: true, teamId: turn.conversation.teamId });
          await services.settings.setBusinessUnitConversation(turn.conversation.docId);
          await services.audit.record({ actorId: turn.member.id, feature: 'members', action: 'set-business-unit-channel', entityType: 'conversation', entityId: turn.conversation.docId });
          await turn.reply('Done: query tickets and escalations will come to this conversation.');
        },
      },
      {
        feature: 'members',
        name: 'audit log',
        usage: 'audit log',
        description: 'Recent changes: who changed what, and when.',
        roles: ['businessUnit'],
        patterns: [/^(audit log|change log|changes)$/i],
        run: async (turn) => {
          const recent = await services.audit.recent(30);
          const lines = recent.map((c) => `- ${c.at.slice(0, 16).replace('T', ' ')} ${c.feature}.${c.action} ${c.entityType} ${c.entityId.slice(0, 12)} by ${c.actorId.slice(0, 12)}`);
          await turn.reply(lines.length ? `**Recent changes**\n\n${lines.join('\n')}` : 'No changes recorded yet.');
        },
      },
    ],
  };
}
