import type { Services } from '../core/contract';
import type { Stored } from '../../storage/repository';
import type { Ticket } from '../../storage/queries/schema';
import type { QueriesRepository } from '../../storage/queries/repository';
import { ticketCard } from './cards';
import { tellBusinessUnit } from '../members/business-unit';

function agencyName(services: Services, id: string | undefined) {
  return services.content.partnership.agencies.find((a) => a.id === id)?.name;
}

export function ticketMessage(services: Services, t: Ticket, opts: { error?: string; typed?: string; privacyAsk?: boolean; taughtNote?: string } = {}) {
  return { card: ticketCard(services.content.queries, t, agencyName(services, t.askerAgency), opts), summary: 'A question for the business unit' };
}

/**
 * Posts a new ticket to the business unit's channel, or to each business-unit member 1:1 when no
 * channel is set, and records where each copy went so later changes update them in place.
 */
export async function postTicket(services: Services, repo: QueriesRepository, ticket: Stored<Ticket>): Promise<number> {
  const sent = await tellBusinessUnit(services, ticketMessage(services, ticket));
  const posts = sent.posts.filter((p): p is Ticket['posts'][number] => Boolean(p.activityId));
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
