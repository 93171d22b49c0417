import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { OutMessage, Services, Turn, VerbResult } from '../core/contract';
import type { Member } from '../../storage/members/schema';
import type { Stored } from '../../storage/repository';
import type { Attendee, Meeting } from '../../storage/meetings/schema';
import { expandCard } from '../../cards/expand';
import { CONFIRM_ON_FORM, judgeText } from '../shared/privacy/purpose';
import { plural } from '../shared/format';
import { formatDate, formatDateTime, londonDate } from '../shared/time/working-days';
import { agendaCard, groupMembers } from './agenda-card';
import { quorum } from './quorum';
import { recordForm } from './forms';
import { agencyName, agencyPartner, seriesById } from './groups';
import { STALE } from './meeting-edits';
import type { S } from './verb-schemas';

interface PlannedAction {
  title: string;
  owner: Stored<Member>;
  dueDate: string;
}

function nameMatches(members: readonly Stored<Member>[], name: string): Stored<Member>[] {
  const n = name.trim().toLowerCase();
  const exact = members.filter((m) => m.name.toLowerCase() === n);
  return exact.length ? exact : members.filter((m) => m.name.toLowerCase().includes(n));
}

/** Checks every line before anything is stored, so a bad line never leaves half a record behind. */
async function parseActions(services: Services, text: string, today: string): Promise<{ actions: PlannedAction[]; errors: string[]; asks: number }> {
  const actions: PlannedAction[] = [];
  const errors: string[] = [];
  let asks = 0;
  const everyone = text.trim() ? await services.members.all() : [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const [title = '', owner = '', due = ''] = line.split('|').map((p) => p.trim());
    const n = `Action line ${i + 1}`;
    if (!title) errors.push(`${n}: needs a title.`);
    else if (title.length > 200) errors.push(`${n}: the title is longer than 200 characters.`);
    else {
      const verdict = judgeText(title, 'narrative');
      if (verdict.outcome !== 'ok') errors.push(`${n}: ${verdict.message}`);
      if (verdict.outcome === 'ask') asks++;
    }
    const found = owner ? nameMatches(everyone, owner) : [];
    if (!owner) errors.push(`${n}: needs an owner (the person's name as I know it).`);
    else if (found.length !== 1) errors.push(`${n}: ${found.length ? `more than one person matches "${owner}"` : `I do not know anyone called "${owner}"`}.`);
    const date = DateTime.fromISO(due);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || !date.isValid) errors.push(`${n}: the due date must be a date such as 2026-03-31.`);
    else if (due < today) errors.push(`${n}: the due date is in the past.`);
    if (title && found.length === 1 && date.isValid && due >= today) actions.push({ title, owner: found[0], dueDate: due });
  }
  return { actions, errors, asks };
}

function parseDecisions(text: string): { decisions: string[]; errors: string[]; asks: number } {
  const decisions = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const errors: string[] = [];
  let asks = 0;
  decisions.forEach((d, i) => {
    if (d.length > 1000) errors.push(`Decision ${i + 1}: please keep each decision to 1,000 characters or fewer.`);
    const verdict = judgeText(d, 'narrative');
    if (verdict.outcome !== 'ok') errors.push(`Decision ${i + 1}: ${verdict.message}`);
    if (verdict.outcome === 'ask') asks++;
  });
  return { decisions, errors, asks };
}

export function attendanceFrom(meeting: Meeting, members: readonly Member[], raw: Record<string, unknown>): Attendee[] {
  return members.map((m) => {
    const r = meeting.rsvps[m.id];
    const present = raw[`present-${m.id}`] === 'true' || raw[`present-${m.id}`] === true;
    const deputy = present && r?.response === 'deputy' && r.deputyName ? r : undefined;
    return { memberId: m.id, name: m.name, agency: m.agency || 'unknown', present, ...(deputy ? { deputyName: deputy.deputyName } : {}) };
  });
}

/** Sends a message to the group: its channel if it has one, else each member 1:1. */
export async function tellGroup(services: Services, seriesId: string, msg: OutMessage): Promise<number> {
  const group = await services.repos.meetings.getGroup(seriesId);
  if (group?.channel) return (await services.messenger.send(group.channel, msg)).ok ? 1 : 0;
  let sent = 0;
  for (const m of await groupMembers(services, seriesId)) if ((await services.messenger.sendToMember(m, msg)).ok) sent++;
  return sent;
}

export async function recordMeeting(turn: Turn, data: z.infer<typeof S.record>): Promise<VerbResult> {
  const services = turn.services;
  const store = services.repos.meetings;
  const current = await store.get(data.meetingId);
  if (!current) return { message: 'That meeting no longer exists.' };
  const members = await groupMembers(services, current.seriesId);
  const raw = data as Record<string, unknown>;
  const reshow = (text: string, privacyAsk = false) => ({ card: recordForm(services, current, members, { values: raw, banner: { text, tone: 'attention', privacyAsk } }) });
  if (data.etag !== current._etag) return reshow(STALE);
  if (current.status === 'cancelled') return reshow('This meeting was cancelled.');
  if (current.status === 'held') return reshow('This meeting has already been recorded. Nothing was changed.');
  if (new Date(current.startsAt).getTime() > services.clock.now().getTime()) return reshow('This meeting has not started yet: record it after it has taken place.');
  const today = londonDate(services.clock.now());
  const d = parseDecisions(data.decisions);
  const a = await parseActions(services, data.actions, today);
  const errors = [...d.errors, ...a.errors];
  // Only questions, no refusals: the tick-box lets the writer keep what they wrote.
  const onlyAsks = errors.length > 0 && d.asks + a.asks === errors.length;
  if (errors.length) return reshow(`Nothing was saved. ${errors.slice(0, 4).join(' ')}${onlyAsks ? ` ${CONFIRM_ON_FORM}` : ''}`, onlyAsks);

  const attendance = attendanceFrom(current, members, raw);
  const held = await store.meetings.replace({ ...current, status: 'held', attendance, decisions: d.decisions, updatedAt: services.clock.now().toISOString(), updatedBy: turn.member.id, _etag: data.etag });
  await services.audit.record({ actorId: turn.member.id, feature: 'meetings', action: 'record', entityType: 'meeting', entityId: held.id, beforeEtag: current._etag, afterEtag: held._etag, detail: { present: attendance.filter((x) => x.present).length, decisions: d.decisions.length, actions: a.actions.length } });

  const created: { id: string; text: string }[] = [];
  const failed: string[] = [];
  const api = services.actions;
  for (const p of a.actions) {
    try {
      const r = await api.createAction({ title: p.title, source: 'meeting', sourceRef: `${held.title}, ${formatDate(londonDate(new Date(held.startsAt)))}`, ownerId: p.owner.id, ownerAgency: p.owner.agency, group: seriesById(services.content, held.seriesId) ? held.seriesId : undefined, dueDate: p.dueDate }, turn.member.id);
      created.push({ id: r.id, text: `${r.reference}: ${p.title} (${p.owner.name}, due ${formatDate(p.dueDate)})` });
    } catch (e) {
      failed.push(`${p.title.slice(0, 60)}: ${(e as Error).message}`);
    }
  }
  let saved = held;
  if (created.length) saved = (await store.meetings.mutate(held.id, held.pk, (m) => ({ ...m, actionIds: [...m.actionIds, ...created.map((c) => c.id)] }))).doc;

  const summary = expandCard('meetings', 'minutes', {
    heading: `Summary: ${held.title}`,
    when: formatDateTime(held.startsAt),
    quorumLine: quorum(seriesById(services.content, held.seriesId)?.quorum?.partners ?? [], services.content.partnership.statutoryPartners, (x) => agencyPartner(services.content, x), attendance.map((x) => ({ agency: x.agency, response: x.present ? 'attending' : 'apologies' }))).line.replace(' (not quorate yet)', ' (not quorate)'),
    present: attendance.filter((x) => x.present).map((x) => `${x.deputyName ? `${x.deputyName} for ${x.name}` : x.name} (${agencyName(services.content, x.agency)})`).join(', ') || 'No attendance recorded',
    decisions: d.decisions.map((text) => ({ text })),
    actions: created.map((c) => ({ text: c.text })),
    note: created.length ? 'Owners have their new actions in their chat with me.' : '',
  });
  const sent = await tellGroup(services, held.seriesId, { card: summary, summary: `Summary: ${held.title}` });
  const failNote = failed.length ? ` These actions could not be created and need adding on the tracker: ${failed.join('; ')}.` : '';
  return { card: await agendaCard(services, saved, { manage: false, members, banner: { text: `Recorded. ${plural(created.length, 'action')} created; summary sent${sent ? '' : ' (no one in the group could be reached)'}.${failNote}`, tone: failed.length ? 'warning' : 'good' } }) };
}
