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
import { agencyOfKind } from '../../content/describe';

const DEMO_ID = 'demo-board-upcoming';
const DEMO_PAST_ID = 'demo-board-previous';

type Who = 'council' | 'police' | 'health' | 'education' | '';
type DemoItem = Omit<Meeting['items'][number], 'id' | 'agency'> & { who: Who };

const OPENING: DemoItem[] = [
  { title: 'Welcome, apologies and minutes of the last meeting', presenter: 'Chair', who: '', minutes: 10, kind: 'information', paperUrl: '' },
  { title: 'Matters arising: the tracker of recommendations', presenter: 'Business manager', who: 'council', minutes: 15, kind: 'assurance', paperUrl: '' },
  { title: 'Rapid review update: learning and actions agreed', presenter: 'Chair of the review group', who: 'council', minutes: 20, kind: 'assurance', paperUrl: 'website' },
];
const CLOSING: DemoItem = { title: 'Any other business', presenter: 'Chair', who: '', minutes: 10, kind: 'information', paperUrl: '' };
const LEADS: Who[] = ['police', 'health', 'education', 'council'];

/** The demo agenda in the pack's own priorities and agencies, so it reads right for any partnership. */
function agenda(services: Services): Omit<Meeting['items'][number], 'id'>[] {
  const pack = services.content;
  const agency: Record<Who, string> = { council: agencyOfKind(pack, 'local-authority') ?? '', police: agencyOfKind(pack, 'police') ?? '', health: agencyOfKind(pack, 'health') ?? '', education: agencyOfKind(pack, 'education') ?? '', '': '' };
  const priorities: DemoItem[] = pack.partnership.priorities.slice(0, 4).map((p, i) => ({ title: `${p.name}: progress against the plan`, presenter: 'Priority lead', who: LEADS[i % LEADS.length], minutes: 20, kind: i % 2 ? 'decision' : 'assurance', paperUrl: '' }));
  return [...OPENING, ...priorities, CLOSING].map(({ who, ...i }) => ({ ...i, agency: agency[who], paperUrl: i.paperUrl === 'website' ? pack.partnership.website : i.paperUrl }));
}

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
    items: agenda(services).map((i, n) => ({ ...i, id: `item-${n + 1}` })),
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
    items: agenda(services).slice(0, 3).map((i, n) => ({ ...i, id: `item-${n + 1}` })),
    status: 'held',
    rsvps: {},
    attendance: [
      { name: 'Director of Children\'s Services (demo)', agency: agencyOfKind(services.content, 'local-authority') ?? 'unknown', present: true },
      { name: 'Detective Chief Superintendent (demo)', agency: agencyOfKind(services.content, 'police') ?? 'unknown', present: true },
      { name: 'Director of Quality (demo)', agency: agencyOfKind(services.content, 'health') ?? 'unknown', present: true, deputyName: 'Designated nurse (demo)' },
      { name: 'Education lead (demo)', agency: agencyOfKind(services.content, 'education') ?? 'unknown', present: false },
    ],
    decisions: ['The partnership plan priorities for the year were confirmed.'],
  });
}
