import type { AdaptiveCard, Services } from '../core/contract';
import type { ConversationRef, Member } from '../../storage/members/schema';
import type { Stored } from '../../storage/repository';
import type { Meeting } from '../../storage/meetings/schema';
import { agendaCard, groupMembers } from './agenda-card';

type Post = Meeting['posts'][number];

export interface PublishOutcome {
  posted: number;
  updated: number;
  failed: number;
  where: 'channel' | 'members';
}

/**
 * Posts the agenda to the group's channel, or to each member 1:1 when the group has no channel.
 * A conversation that already has the card gets it updated in place, so re-publishing never
 * duplicates it. Activity ids are kept on the meeting for later updates (RSVPs, edits).
 */
export async function publishMeeting(services: Services, meeting: Stored<Meeting>, actorId: string): Promise<{ meeting: Stored<Meeting>; outcome: PublishOutcome }> {
  const store = services.repos.meetings;
  const group = await store.getGroup(meeting.seriesId);
  const members = await groupMembers(services, meeting.seriesId);
  const wasDraft = meeting.status === 'draft';
  const { doc: published } = await store.meetings.mutate(meeting.id, meeting.pk, (m) => (m.status === 'draft' ? { ...m, status: 'published', updatedAt: services.clock.now().toISOString(), updatedBy: actorId } : undefined));
  const card = await agendaCard(services, published, { members });
  const outcome: PublishOutcome = { posted: 0, updated: 0, failed: 0, where: group?.channel ? 'channel' : 'members' };
  const newPosts: Post[] = [];
  const existing = new Map(published.posts.map((p) => [p.key, p]));

  const deliver = async (key: string, send: () => Promise<{ ok: boolean; activityId?: string; ref?: ConversationRef }>) => {
    const post = existing.get(key);
    if (post) {
      const r = await services.messenger.update(post.ref, post.activityId, { card, summary: `Agenda: ${published.title}` });
      if (r.ok) return void outcome.updated++;
      if (r.kind !== 'unreachable') return void outcome.failed++;
    }
    const sent = await send();
    if (sent.ok && sent.activityId && sent.ref) {
      newPosts.push({ key, ref: sent.ref, activityId: sent.activityId });
      outcome.posted++;
    } else outcome.failed++;
  };

  if (group?.channel) {
    const ref = group.channel;
    await deliver(`channel:${ref.conversation.id}`, async () => ({ ...(await services.messenger.send(ref, { card, summary: `Agenda: ${published.title}` })), ref }));
  } else {
    for (const m of members) {
      await deliver(`member:${m.id}`, async () => {
        const r = await services.messenger.sendToMember(m, { card, summary: `Agenda: ${published.title}` });
        const ref = (await services.members.get(m.id))?.personal;
        return { ...r, ref };
      });
    }
  }
  let saved = published;
  if (newPosts.length) {
    saved = (
      await store.meetings.mutate(meeting.id, meeting.pk, (m) => {
        const keep = m.posts.filter((p) => !newPosts.some((n) => n.key === p.key));
        return { ...m, posts: [...keep, ...newPosts] };
      })
    ).doc;
  }
  await services.audit.record({ actorId, feature: 'meetings', action: wasDraft ? 'publish' : 'republish', entityType: 'meeting', entityId: meeting.id, beforeEtag: meeting._etag, afterEtag: saved._etag, detail: { ...outcome } });
  return { meeting: saved, outcome };
}

/** Updates every posted copy of the agenda, so everyone sees the new counts and quorum line. */
export async function refreshPosts(services: Services, meeting: Meeting, members?: Stored<Member>[]): Promise<AdaptiveCard> {
  const card = await agendaCard(services, meeting, { members });
  await Promise.all(meeting.posts.map((p) => services.messenger.update(p.ref, p.activityId, { card, summary: `Agenda: ${meeting.title}` })));
  return card;
}
