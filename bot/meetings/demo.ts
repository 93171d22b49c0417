/**
 * Demo data for the local Playground chat: one upcoming partnership board with an agenda on the four
 * priorities, a rapid review update and the tracker, and one earlier board with attendance recorded so
 * the attendance report has something to show. No child is described anywhere.
 */
import { DateTime } from 'luxon';
import type { Services } from '../core/contract';
import type { Meeting } from '../../storage/meetings/schema';
import { ZONE, londonDate, nextWorkingDay } from '../shared/time/working-days';
import { defaultPapersDeadline } from './reminder-schedule';
import { chairFor } from './chair-rota';
import { seriesById } from './groups';

const DEMO_ID = 'demo-board-upcoming';
const DEMO_PAST_ID = 'demo-board-previous';

const AGENDA: Omit<Meeting['items'][number], 'id'>[] = [
  { title: 'Welcome, apologies and minutes of the last meeting', presenter: 'Chair', agency: '', minutes: 10, kind: 'information', paperUrl: '' },
  { title: 'Matters arising: the tracker of recommendations', presenter: 'Business manager', agency: 'council-childrens', minutes: 15, kind: 'assurance', paperUrl: '' },
  { title: 'Rapid review update: learning and actions agreed', presenter: 'Chair of the CSPR group', agency: 'council-childrens', minutes: 20, kind: 'assurance', paperUrl: 'https://www.cescp.org.uk/homepage.aspx' },
  { title: 'Contextual safeguarding: exploitation pathway progress', presenter: 'Detective Chief Superintendent, public protection', agency: 'police', minutes: 20, kind: 'assurance', paperUrl: '' },
  { title: 'Child sexual abuse: adopting one signs and indicators tool', presenter: 'Designated nurse', agency: 'icb', minutes: 25, kind: 'decision', paperUrl: '' },
  { title: 'Education as a protective factor: attendance and inclusion', presenter: 'Director of Education', agency: 'education', minutes: 20, kind: 'discussion', paperUrl: '' },
  { title: 'Neglect: screening tool audit findings', presenter: 'Quality assurance officer', agency: 'council-childrens', minutes: 20, kind: 'decision', paperUrl: '' },
  { title: 'Any other business', presenter: 'Chair', agency: '', minutes: 10, kind: 'information', paperUrl: '' },
];

export async function seedDemo(services: Services, demo: { memberId: string }): Promise<void> {
  const store = services.repos.meetings;
  if (await store.get(DEMO_ID)) return;
  const series = services.content.partnership.meetingSeries.find((s) => s.main);
  if (!series) return;
  await store.changeGroup(series.id, (g) => ({ ...g, memberIds: [...new Set([...g.memberIds, demo.memberId])] }));
  const now = services.clock.now();
  const at = now.toISOString();
  const day = nextWorkingDay(DateTime.fromISO(londonDate(now), { zone: ZONE }).plus({ days: 14 }).toISODate()!);
  const startsAt = DateTime.fromISO(`${day}T10:00`, { zone: ZONE }).toUTC().toISO()!;
  const chair = chairFor(series.chair, day, 0, services.content.partnership.people);
  const base = { type: 'meeting' as const, pk: services.partnershipId, seriesId: series.id, title: series.name, lengthMinutes: series.defaultLengthMinutes, place: 'Committee room, municipal buildings', link: '', chairName: chair.name ?? '', chairAgency: chair.agency ?? '', posts: [], actionIds: [], createdBy: 'demo-business-unit', createdAt: at, updatedAt: at, updatedBy: 'demo-business-unit' };
  await store.meetings.createIfAbsent({
    ...base,
    id: DEMO_ID,
    startsAt,
    papersDeadline: defaultPapersDeadline(startsAt, services.content.meetings.papersDeadlineWorkingDays),
    items: AGENDA.map((i, n) => ({ ...i, id: `item-${n + 1}` })),
    status: 'published',
    rsvps: {},
    decisions: [],
  });
  const pastDay = nextWorkingDay(DateTime.fromISO(londonDate(now), { zone: ZONE }).minus({ days: 42 }).toISODate()!);
  const pastStart = DateTime.fromISO(`${pastDay}T10:00`, { zone: ZONE }).toUTC().toISO()!;
  await store.meetings.createIfAbsent({
    ...base,
    id: DEMO_PAST_ID,
    startsAt: pastStart,
    papersDeadline: defaultPapersDeadline(pastStart, services.content.meetings.papersDeadlineWorkingDays),
    items: AGENDA.slice(0, 3).map((i, n) => ({ ...i, id: `item-${n + 1}` })),
    status: 'held',
    rsvps: {},
    attendance: [
      { name: 'Director of Children\'s Services (demo)', agency: 'council-childrens', present: true },
      { name: 'Detective Chief Superintendent (demo)', agency: 'police', present: true },
      { name: 'Associate Director of Quality (demo)', agency: 'icb', present: true, deputyName: 'Designated nurse (demo)' },
      { name: 'Director of Education (demo)', agency: 'education', present: false },
      { name: 'Voluntary sector representative (demo)', agency: 'voluntary', present: true },
    ],
    decisions: ['The partnership plan priorities for the year were confirmed.'],
  });
}
