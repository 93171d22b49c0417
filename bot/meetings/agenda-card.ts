import type { AdaptiveCard, Services } from '../core/contract';
import type { Member } from '../../storage/members/schema';
import type { Stored } from '../../storage/repository';
import type { Meeting } from '../../storage/meetings/schema';
import { expandCard } from '../../cards/expand';
import type { ActionBrief } from '../../storage/actions/schema';
import { formatDate, formatDateTime, londonDate } from '../shared/time/working-days';
import { count, plural } from '../shared/format';
import { DateTime } from 'luxon';
import { agendaTiming } from './agenda-timing';
import { quorum, type QuorumResult } from './quorum';
import { agencyName, agencyPartner, seriesById } from './groups';
import { MAX_MATTERS_ARISING } from './consts';

export interface Banner {
  text: string;
  tone: 'good' | 'attention' | 'warning';
}

/** The group's members as stored, in the group's order; ids of people no longer known are dropped. */
export async function groupMembers(services: Services, seriesId: string): Promise<Stored<Member>[]> {
  const group = await services.repos.meetings.getGroup(seriesId);
  const out: Stored<Member>[] = [];
  for (const id of group?.memberIds ?? []) {
    const m = await services.members.get(id);
    if (m) out.push(m);
  }
  return out;
}

export function quorumFor(services: Services, meeting: Meeting, members: readonly Member[]): QuorumResult {
  const series = seriesById(services.content, meeting.seriesId);
  const responses = members.flatMap((m) => {
    const r = meeting.rsvps[m.id];
    return r ? [{ agency: m.agency, response: r.response, deputyName: r.deputyName, deputyAgency: r.deputyAgency }] : [];
  });
  return quorum(series?.quorum?.partners ?? [], services.content.partnership.statutoryPartners, (a) => agencyPartner(services.content, a), responses);
}

export function rsvpCounts(meeting: Meeting, members: readonly Member[]) {
  const c = { attending: 0, deputy: 0, apologies: 0, none: 0 };
  for (const m of members) {
    const r = meeting.rsvps[m.id];
    if (!r) c.none++;
    else c[r.response]++;
  }
  return c;
}

export function whenText(meeting: Pick<Meeting, 'startsAt' | 'lengthMinutes'>): string {
  const end = DateTime.fromISO(meeting.startsAt).plus({ minutes: meeting.lengthMinutes }).setZone('Europe/London').toFormat('HH:mm');
  return `${formatDateTime(meeting.startsAt)} to ${end}`;
}

async function matters(services: Services, seriesId: string): Promise<{ list: ActionBrief[]; note: string }> {
  try {
    const all = await services.actions.mattersArising(seriesId, londonDate(services.clock.now()));
    const list = all.slice(0, MAX_MATTERS_ARISING);
    const more = all.length - list.length;
    return { list, note: all.length === 0 ? 'No open actions for this group.' : more > 0 ? `${plural(more, 'more open action')} on the tracker.` : '' };
  } catch {
    // The agenda must still go out when the tracker cannot answer.
    return { list: [], note: 'The action tracker could not be reached; matters arising will appear when it is back.' };
  }
}

/**
 * The agenda card: the same for everyone it is posted to (so one update refreshes every copy), with the
 * business unit's buttons only on the copy shown to the business unit.
 */
export async function agendaCard(services: Services, meeting: Meeting, opts: { manage?: boolean; banner?: Banner; members?: Stored<Member>[] } = {}): Promise<AdaptiveCard> {
  const content = services.content;
  const members = opts.members ?? (await groupMembers(services, meeting.seriesId));
  const series = seriesById(content, meeting.seriesId);
  const timing = agendaTiming(meeting.startsAt, meeting.lengthMinutes, meeting.items);
  const q = quorumFor(services, meeting, members);
  const c = rsvpCounts(meeting, members);
  const m = await matters(services, meeting.seriesId);
  const label = (k: string) => content.meetings.itemTypes.find((t) => t.id === k)?.label ?? k;
  const status =
    meeting.status === 'draft' ? 'Draft: not published yet.' : meeting.status === 'held' ? 'Held: attendance and decisions recorded.' : meeting.status === 'cancelled' ? 'Cancelled.' : `Published${series ? ` (${series.name})` : ''}. Please reply with the buttons below.`;
  return expandCard('meetings', 'agenda', {
    meetingId: meeting.id,
    banner: opts.banner?.text ?? '',
    bannerStyle: opts.banner?.tone ?? 'good',
    title: meeting.title,
    status,
    when: whenText(meeting),
    where: meeting.place || (meeting.link ? 'Microsoft Teams' : 'To be confirmed'),
    chair: meeting.chairName ? `${meeting.chairName}${meeting.chairAgency ? ` (${agencyName(content, meeting.chairAgency)})` : ''}` : meeting.chairAgency ? `${agencyName(content, meeting.chairAgency)} (name to be confirmed)` : 'To be confirmed',
    papersDue: formatDate(meeting.papersDeadline),
    link: /^https:\/\//.test(meeting.link) ? meeting.link : '',
    items: meeting.items.map((it, i) => ({
      number: count(i + 1),
      slot: `${timing.slots[i].start}-${timing.slots[i].end}`,
      title: it.title,
      detail: [it.presenter, it.agency ? agencyName(content, it.agency) : '', `${it.minutes} min`].filter(Boolean).join(', '),
      kindLabel: label(it.kind),
      paperUrl: /^https:\/\//.test(it.paperUrl) ? it.paperUrl : '',
    })),
    timing: `${plural(meeting.items.length, 'item')}, ${count(timing.totalMinutes)} of ${plural(meeting.lengthMinutes, 'minute')}.`,
    timingWarning: timing.warning,
    quorumLine: q.line,
    quorumStyle: !q.applies ? 'emphasis' : q.quorate ? 'good' : 'attention',
    counts: `Attending ${c.attending} · Deputies ${c.deputy} · Apologies ${c.apologies} · No reply ${c.none}`,
    mattersNote: m.note,
    matters: m.list.map((a) => ({
      reference: a.reference,
      title: a.title,
      detail: `${a.ownerName ?? 'Owner'}${a.ownerAgency ? `, ${agencyName(content, a.ownerAgency)}` : ''} · due ${formatDate(a.dueDate)}`,
      state: a.overdue ? 'Overdue' : a.status.replace(/_/g, ' '),
      stateColor: a.overdue ? 'Attention' : 'Default',
    })),
    agencies: [{ title: 'Same as mine', value: 'same' }, ...content.partnership.agencies.map((a) => ({ title: a.shortName ?? a.name, value: a.id }))],
    canRsvp: meeting.status === 'published',
    canManage: !!opts.manage && meeting.status !== 'cancelled',
    publishTitle: meeting.status === 'draft' ? 'Publish' : 'Publish again',
  });
}
