import type { z } from 'zod';
import type { Turn, VerbResult } from '../core/contract';
import type { Meeting, Rsvp } from '../../storage/meetings/schema';
import { agendaCard, groupMembers } from './agenda-card';
import { refreshPosts } from './publish';
import { seriesById } from './groups';
import type { S } from './verb-schemas';
import { resolvePerson } from '../members/resolve-person';

/** The returned card can replace the posted one for everyone, so the banner names who replied rather than saying "you". */
const REPLY: Record<Rsvp['response'], string> = {
  attending: 'attending',
  deputy: 'sending a named deputy',
  apologies: 'apologies',
};

/**
 * Records a reply from a group member, or from the deputy a member has named. The deputy is found as
 * a member when named, and later recognised by their member id, never by a name on a card.
 * Membership is checked against the stored group, never the card.
 */
export async function recordRsvp(turn: Turn, data: z.infer<typeof S.rsvp>): Promise<VerbResult> {
  const services = turn.services;
  const store = services.repos.meetings;
  const meeting = await store.get(data.meetingId);
  if (!meeting) return { message: 'That meeting no longer exists. Nothing was changed.' };
  if (meeting.status !== 'published' || new Date(meeting.startsAt).getTime() <= services.clock.now().getTime()) {
    return { message: 'This meeting is no longer taking replies. Nothing was changed.' };
  }
  if (data.deputyAgency && !services.content.partnership.agencies.some((a) => a.id === data.deputyAgency)) return { message: "Deputy's agency: please choose one from the list. Nothing was changed." };
  const members = await groupMembers(services, meeting.seriesId);
  const me = turn.member;
  const isMember = members.some((m) => m.id === me.id);
  // A named deputy speaks for the member who named them: confirming keeps the deputy, apologies withdraw them.
  const principal = isMember ? undefined : members.find((m) => meeting.rsvps[m.id]?.response === 'deputy' && meeting.rsvps[m.id]?.deputyId === me.id);
  if (!isMember && !principal) {
    const name = seriesById(services.content, meeting.seriesId)?.name ?? 'this group';
    return { message: `Only members of the ${name} (or a deputy a member has named) can reply to this agenda. Nothing was changed. If you should be in the group, ask the business unit.` };
  }
  if (principal && data.response === 'deputy') return { message: 'You are already the named deputy for this meeting; a deputy cannot send another deputy. Nothing was changed.' };
  let deputy: { id: string; name: string } | undefined;
  if (!principal && data.response === 'deputy') {
    const found = await resolvePerson(services, data.deputyName);
    if (typeof found === 'string') return { message: `${found} Nothing was changed.` };
    if (found.id === me.id) return { message: 'You cannot be your own deputy: choose Attending instead. Nothing was changed.' };
    deputy = { id: found.id, name: found.name };
  }
  const at = services.clock.now().toISOString();
  const forId = principal?.id ?? me.id;
  const next: Rsvp = principal
    ? data.response === 'apologies'
      ? { response: 'apologies', at }
      : { ...meeting.rsvps[forId], at }
    : data.response === 'deputy'
      ? { response: 'deputy', deputyId: deputy!.id, deputyName: deputy!.name, deputyAgency: data.deputyAgency || undefined, at }
      : { response: data.response, at };
  const { doc } = await store.meetings.mutate(meeting.id, meeting.pk, (m): Meeting => ({ ...m, rsvps: { ...m.rsvps, [forId]: next } }));
  await services.audit.record({ actorId: me.id, feature: 'meetings', action: 'rsvp', entityType: 'meeting', entityId: meeting.id, beforeEtag: meeting._etag, afterEtag: doc._etag, detail: { response: next.response, onBehalf: principal ? forId : null } });
  await refreshPosts(services, doc, members);
  const banner = principal
    ? `Thank you. Latest reply: ${me.name}, ${data.response === 'apologies' ? `deputy for ${principal.name}, withdrawn (apologies)` : `confirmed as deputy for ${principal.name}`}.`
    : `Thank you. Latest reply: ${me.name}, ${REPLY[next.response]}.`;
  return { card: await agendaCard(services, doc, { members, banner: { text: banner, tone: 'good' } }) };
}
