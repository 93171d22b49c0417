import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { Services, Turn, VerbResult } from '../core/contract';
import type { Meeting } from '../../storage/meetings/schema';
import type { Stored } from '../../storage/repository';
import { newId } from '../../storage/ids';
import { ZONE } from '../shared/time/working-days';
import { agendaCard, groupMembers } from './agenda-card';
import { chairFor } from './chair-rota';
import { meetingForm, itemForm } from './forms';
import { agencyName, seriesById } from './groups';
import { parseQuickAgenda } from './quick-agenda';
import { defaultPapersDeadline } from './reminder-schedule';
import { MAX_ITEMS } from './consts';
import { CONFIRM_ON_FORM, judgeFields } from '../shared/privacy/purpose';
import type { S } from './verb-schemas';

export const STALE = 'Someone else changed this meeting while you were editing. Nothing was saved; your entries are kept below, on top of their changes: check them and submit again.';

export function startsAtFrom(date: string, time: string): string | undefined {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
  return dt.isValid ? dt.toUTC().toISO()! : undefined;
}

/**
 * Who the group's chair rule puts in the chair: on a rota, the agency due and, when one of the group's
 * members is from it and holds a partner role, their name; an independent chair or a post, by name.
 */
async function suggestChair(services: Services, seriesId: string, startsAt: string): Promise<{ agency: string; name: string }> {
  const series = seriesById(services.content, seriesId);
  if (!series) return { agency: '', name: '' };
  const earlier = await services.repos.meetings.meetings.count('c.pk = @pk AND c.seriesId = @s AND c.startsAt < @t AND c.status != "cancelled"', [
    { name: '@pk', value: services.partnershipId },
    { name: '@s', value: seriesId },
    { name: '@t', value: startsAt },
  ]);
  const due = chairFor(series.chair, startsAt.slice(0, 10), earlier, services.content.partnership.people);
  const agency = due.agency ?? '';
  if (!agency || due.name) return { agency, name: due.name ?? '' };
  const members = await groupMembers(services, seriesId);
  const person = members.find((m) => m.agency === agency && m.roles.some((r) => r === 'dsp' || r === 'lsp' || r === 'chair'));
  return { agency, name: person?.name ?? '' };
}

type MeetingData = z.infer<typeof S.meeting>;

/** Checks that need the clock or the pack; returns the message to show, or the normalised values. */
function checkMeeting(services: Services, data: MeetingData): { error: string } | { startsAt: string; papersDeadline: string } {
  const startsAt = startsAtFrom(data.meetingDate, data.meetingTime);
  if (!startsAt) return { error: 'Date: that is not a real date and time.' };
  if (new Date(startsAt).getTime() <= services.clock.now().getTime()) return { error: 'Date: that date and time has already passed. Please choose a time in the future.' };
  if (data.chairAgency && !services.content.partnership.agencies.some((a) => a.id === data.chairAgency)) return { error: "Chair's agency: please choose one from the list." };
  const papersDeadline = data.papersDeadline || defaultPapersDeadline(startsAt, services.content.meetings.papersDeadlineWorkingDays);
  if (papersDeadline > data.meetingDate) return { error: 'Papers deadline: must be on or before the meeting date.' };
  return { startsAt, papersDeadline };
}

export async function createMeeting(turn: Turn, data: MeetingData): Promise<VerbResult> {
  const services = turn.services;
  const reshow = (text: string, privacyAsk = false) => ({ card: meetingForm(services, { values: data as never, banner: { text, tone: 'attention', privacyAsk } }) });
  const series = seriesById(services.content, data.seriesId);
  if (!series) return reshow('Group: please choose one from the list.');
  const checked = checkMeeting(services, data);
  if ('error' in checked) return reshow(checked.error);
  const quick = parseQuickAgenda(data.quick, services.content.partnership.agencies);
  if (quick.errors.length) return reshow(`Nothing was saved. Agenda items: ${quick.errors.slice(0, 5).join(' ')}`);
  const flagged = judgeFields(quick.items.flatMap((it, i) => [
    { label: `Agenda items, line ${i + 1}`, text: it.title, purpose: 'narrative' as const },
    { label: `Agenda items, line ${i + 1}`, text: it.presenter, purpose: 'person' as const },
  ]));
  if (flagged) return reshow(`Nothing was saved. ${flagged.label}: ${flagged.verdict.message}${flagged.verdict.outcome === 'ask' ? ` ${CONFIRM_ON_FORM}` : ''}`, flagged.verdict.outcome === 'ask');
  if (quick.items.length > MAX_ITEMS) return reshow(`Agenda items: at most ${MAX_ITEMS} items.`);
  const chair = data.chairAgency || data.chairName ? { agency: data.chairAgency, name: data.chairName } : await suggestChair(services, series.id, checked.startsAt);
  const at = services.clock.now().toISOString();
  const meeting: Meeting = {
    type: 'meeting',
    id: newId(),
    pk: services.partnershipId,
    seriesId: series.id,
    title: data.title,
    startsAt: checked.startsAt,
    lengthMinutes: data.lengthMinutes,
    place: data.place,
    link: data.link,
    chairAgency: chair.agency,
    chairName: chair.name,
    papersDeadline: checked.papersDeadline,
    items: quick.items.map((i) => ({ ...i, id: newId().slice(0, 8) })),
    status: 'draft',
    rsvps: {},
    posts: [],
    decisions: [],
    actionIds: [],
    createdBy: turn.member.id,
    createdAt: at,
    updatedAt: at,
    updatedBy: turn.member.id,
  };
  const saved = await services.repos.meetings.meetings.create(meeting);
  await services.audit.record({ actorId: turn.member.id, feature: 'meetings', action: 'create', entityType: 'meeting', entityId: saved.id, afterEtag: saved._etag, detail: { seriesId: series.id, items: saved.items.length } });
  const chairNote = !data.chairAgency && !data.chairName && (chair.agency || chair.name) ? ` The chair was taken from the group's chair rule (${chair.name || agencyName(services.content, chair.agency)}).` : '';
  return { card: await agendaCard(services, saved, { manage: true, banner: { text: `Draft saved.${chairNote} Add items, then publish.`, tone: 'good' } }) };
}

export async function editMeeting(turn: Turn, data: MeetingData): Promise<VerbResult> {
  const services = turn.services;
  const store = services.repos.meetings;
  const current = await store.get(data.meetingId);
  if (!current) return { message: 'That meeting no longer exists.' };
  const reshow = (m: Stored<Meeting>, text: string) => ({ card: meetingForm(services, { meeting: m, values: data as never, banner: { text, tone: 'attention' } }) });
  if (data.etag !== current._etag) return reshow(current, STALE);
  const checked = checkMeeting(services, { ...data, seriesId: current.seriesId });
  if ('error' in checked) return reshow(current, checked.error);
  const next: Stored<Meeting> = {
    ...current,
    title: data.title,
    startsAt: checked.startsAt,
    lengthMinutes: data.lengthMinutes,
    place: data.place,
    link: data.link,
    chairName: data.chairName,
    chairAgency: data.chairAgency || current.chairAgency,
    papersDeadline: checked.papersDeadline,
    updatedAt: services.clock.now().toISOString(),
    updatedBy: turn.member.id,
    _etag: data.etag,
  };
  const saved = await store.meetings.replace(next);
  await services.audit.record({ actorId: turn.member.id, feature: 'meetings', action: 'edit', entityType: 'meeting', entityId: saved.id, beforeEtag: current._etag, afterEtag: saved._etag });
  return { card: await agendaCard(services, saved, { manage: true, banner: { text: saved.status === 'draft' ? 'Saved.' : 'Saved. Publish again to update the posted agenda.', tone: 'good' } }) };
}

export async function addItem(turn: Turn, data: z.infer<typeof S.item>): Promise<VerbResult> {
  const services = turn.services;
  const store = services.repos.meetings;
  const current = await store.get(data.meetingId);
  if (!current) return { message: 'That meeting no longer exists.' };
  const reshow = (text: string) => ({ card: itemForm(services, current, { values: data as never, banner: { text, tone: 'attention' } }) });
  if (data.etag !== current._etag) return reshow(STALE);
  if (current.status === 'held' || current.status === 'cancelled') return reshow('This meeting has already been held or cancelled; its agenda can no longer change.');
  if (data.agency && !services.content.partnership.agencies.some((a) => a.id === data.agency)) return reshow('Agency: please choose one from the list.');
  if (current.items.length >= MAX_ITEMS) return reshow(`The agenda already has ${MAX_ITEMS} items.`);
  const item = { id: newId().slice(0, 8), title: data.title, presenter: data.presenter, agency: data.agency, minutes: data.minutes, kind: data.kind, paperUrl: data.paperUrl };
  const saved = await store.meetings.replace({ ...current, items: [...current.items, item], updatedAt: services.clock.now().toISOString(), updatedBy: turn.member.id, _etag: data.etag });
  await services.audit.record({ actorId: turn.member.id, feature: 'meetings', action: 'add-item', entityType: 'meeting', entityId: saved.id, beforeEtag: current._etag, afterEtag: saved._etag, detail: { kind: item.kind, minutes: item.minutes } });
  return { card: await agendaCard(services, saved, { manage: true, banner: { text: `Item added.${saved.status === 'published' ? ' Publish again to update the posted agenda.' : ''}`, tone: 'good' } }) };
}
