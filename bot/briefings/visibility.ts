import type { Briefing } from '../../storage/briefings/schema';
import type { Member } from '../../storage/members/schema';
import { effectiveRoles } from '../core/roles';

/**
 * Who may find a sent briefing in the library: the business unit sees all; others see what was meant
 * for them (everyone, their role, their agency). Briefings posted to chosen channels are shared
 * learning already visible to those channels, so they are listed too.
 */
export function visibleTo(member: Pick<Member, 'roles' | 'agency'>, b: Pick<Briefing, 'audience'>): boolean {
  if (member.roles.includes('businessUnit')) return true;
  const a = b.audience;
  switch (a.kind) {
    case 'everyone':
    case 'conversations':
      return true;
    case 'roles':
      return effectiveRoles(member.roles).some((r) => a.roles.includes(r));
    case 'agencies':
      return !!member.agency && a.agencies.includes(member.agency);
  }
}

/** Reach figures are for the business unit and the briefing's author. */
export function mayViewReach(member: Pick<Member, 'roles' | 'id'>, b: Pick<Briefing, 'authorId'>): boolean {
  return member.roles.includes('businessUnit') || member.id === b.authorId;
}
