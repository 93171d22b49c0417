import type { AdaptiveCard, CommandDef, FeatureName } from '../core/contract';
import type { Role } from '../../content/schema/partnership';
import type { ConversationKind } from '../../storage/members/schema';
import { expandCard } from '../../cards/expand';
import { hasAnyRole, ROLE_LABELS, effectiveRoles } from '../core/roles';

const SECTION_TITLES: Record<FeatureName, string> = {
  help: 'Getting started',
  queries: 'Ask a question',
  actions: 'Action tracker',
  meetings: 'Meetings',
  briefings: '7-minute briefings',
  audits: 'Audit check-ins',
  numbers: 'Partnership in numbers',
  content: 'Content',
  members: 'People and roles',
  system: 'System',
};

const ORDER: FeatureName[] = ['queries', 'actions', 'meetings', 'briefings', 'audits', 'numbers', 'content', 'members', 'help'];

export interface HelpCardData {
  partnership: string;
  roles: string;
  agency: string;
  emergency: string;
  sections: { title: string; commands: { usage: string; description: string }[] }[];
}

/** What this person may do here: only commands their roles allow, in this kind of conversation. */
export function helpSections(commands: readonly CommandDef[], roles: readonly Role[], kind: ConversationKind): HelpCardData['sections'] {
  const visible = commands.filter((c) => hasAnyRole(roles, c.roles) && (!c.scopes || c.scopes.includes(kind)));
  return ORDER.map((feature) => ({
    title: SECTION_TITLES[feature],
    commands: visible.filter((c) => c.feature === feature).map((c) => ({ usage: c.usage ?? c.name, description: c.description })),
  })).filter((s) => s.commands.length > 0);
}

export function helpCard(args: {
  commands: readonly CommandDef[];
  roles: readonly Role[];
  kind: ConversationKind;
  partnership: string;
  agency?: string;
  /** The immediate-danger line with the front door, from the pack (content/describe.ts emergencyLine). */
  emergency: string;
}): AdaptiveCard {
  const data: HelpCardData = {
    partnership: args.partnership,
    roles: effectiveRoles(args.roles).map((r) => ROLE_LABELS[r]).join(', '),
    agency: args.agency ?? 'not set yet (the business unit can set it)',
    emergency: args.emergency,
    sections: helpSections(args.commands, args.roles, args.kind),
  };
  return expandCard('help', 'help', data);
}
