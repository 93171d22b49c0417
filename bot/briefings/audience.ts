import type { Services } from '../core/contract';
import type { Audience, Delivery } from '../../storage/briefings/schema';
import type { BriefingsRepository } from '../../storage/briefings/repository';
import { effectiveRoles } from '../core/roles';

/** One place to send a briefing: a member's 1:1 chat or a channel / group chat. */
export type Recipient = Omit<Delivery, 'type' | 'id' | 'pk' | 'briefingId' | 'status' | 'claimUntil' | 'attempts' | 'shown' | 'updatedAt' | 'roles'> & { roles: string[] };

/**
 * Who receives a briefing. Every conversation appears once (a person in two selected agencies gets
 * one card), which also means a broadcast never sends twice to one conversation, so the per-conversation
 * limits of Teams (7/s, 60/30 s) cannot be hit by a broadcast, only the per-tenant one.
 */
export async function resolveAudience(services: Services, audience: Audience): Promise<Recipient[]> {
  const out = new Map<string, Recipient>();
  if (audience.kind === 'conversations') {
    for (const id of audience.conversations) {
      const c = await services.members.getConversation(id);
      if (!c || !c.installed) continue;
      // A reference captured from a reply carries ";messageid=…": posting to it would bury the briefing in that thread.
      const ref = { ...c.ref, conversation: { ...c.ref.conversation, id: c.ref.conversation.id.split(';')[0] } };
      out.set(`conv:${c.id}`, { recipient: `conv:${c.id}`, kind: c.kind, ref, needsOpen: false, roles: [] });
    }
    return [...out.values()];
  }
  // Everyone in the partnership: found in a team roster, listed in the directory, or who has talked to
  // the bot; not those who have left its teams.
  let members = await services.members.active();
  if (audience.kind === 'roles') members = members.filter((m) => effectiveRoles(m.roles).some((r) => audience.roles.includes(r)));
  if (audience.kind === 'agencies') members = members.filter((m) => m.agency && audience.agencies.includes(m.agency));
  for (const m of members) {
    if (m.reachable === false && !m.personal) continue;
    const ref = m.personal ?? m.seenIn;
    if (!ref) continue;
    out.set(`member:${m.id}`, {
      recipient: `member:${m.id}`,
      kind: 'personal',
      memberId: m.id,
      agency: m.agency,
      roles: effectiveRoles(m.roles),
      ref,
      needsOpen: !m.personal,
      userId: m.userId,
    });
  }
  return [...out.values()];
}

/** A sentence for the confirmation and progress cards. */
export function describeAudience(services: Services, audience: Audience): string {
  const agencies = services.content.partnership.agencies;
  switch (audience.kind) {
    case 'everyone':
      return 'everyone in the partnership';
    case 'roles':
      return `members with the role ${audience.roles.join(', ') || '(none chosen)'}`;
    case 'agencies':
      return `members of ${audience.agencies.map((a) => agencies.find((x) => x.id === a)?.shortName ?? agencies.find((x) => x.id === a)?.name ?? a).join(', ') || '(no agency chosen)'}`;
    case 'conversations':
      return `${audience.conversations.length} team channel(s) or chat(s)`;
  }
}

export function deliveriesFor(repo: BriefingsRepository, briefingId: string, recipients: Recipient[], at: string, ttl?: number): Delivery[] {
  return recipients.map((r) => ({
    ...r,
    type: 'delivery' as const,
    id: repo.deliveryId(briefingId, r.recipient),
    pk: briefingId,
    briefingId,
    status: 'queued' as const,
    claimUntil: 0,
    attempts: 0,
    shown: 0,
    updatedAt: at,
    ...(ttl ? { ttl } : {}),
  }));
}
