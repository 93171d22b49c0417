import type { Services } from '../core/contract';
import type { Stored } from '../../storage/repository';
import type { Ticket } from '../../storage/queries/schema';
import type { QueriesRepository } from '../../storage/queries/repository';
import { ticketCard } from './cards';

function agencyName(services: Services, id: string | undefined) {
  return services.content.partnership.agencies.find((a) => a.id === id)?.name;
}

export function ticketMessage(services: Services, t: Ticket, opts: { error?: string; typed?: string } = {}) {
  return { card: ticketCard(services.content.queries, t, agencyName(services, t.askerAgency), opts), summary: 'A question for the business unit' };
}

/**
 * Posts a new ticket to the business unit's channel, or to each business-unit member 1:1 when no
 * channel is set, and records where each copy went so later changes update them in place.
 */
export async function postTicket(services: Services, repo: QueriesRepository, ticket: Stored<Ticket>): Promise<number> {
  const posts: Ticket['posts'] = [];
  const settings = await services.settings.get();
  const channel = settings?.businessUnitConversation ? await services.members.getConversation(settings.businessUnitConversation) : undefined;
  if (channel) {
    const r = await services.messenger.send(channel.ref, ticketMessage(services, ticket));
    if (r.ok && r.activityId) posts.push({ conversationDocId: channel.id, activityId: r.activityId });
  } else {
    for (const m of await services.members.withRole('businessUnit')) {
      const r = await services.messenger.sendToMember(m, ticketMessage(services, ticket));
      if (r.ok && r.activityId) posts.push({ memberId: m.id, activityId: r.activityId });
    }
  }
  await repo.tickets.mutate(ticket.id, ticket.pk, (t) => ({ ...t, posts: [...t.posts, ...posts] }));
  return posts.length;
}

/** Updates every posted copy of a ticket card (status, assignee, answer). */
export async function refreshTicketPosts(services: Services, ticket: Ticket, exceptActivityId?: string): Promise<void> {
  for (const p of ticket.posts) {
    if (p.activityId === exceptActivityId) continue;
    const ref = p.conversationDocId
      ? (await services.members.getConversation(p.conversationDocId))?.ref
      : p.memberId
        ? (await services.members.get(p.memberId))?.personal
        : undefined;
    if (ref) await services.messenger.update(ref, p.activityId, ticketMessage(services, ticket));
  }
}
