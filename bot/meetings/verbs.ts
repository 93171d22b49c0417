import type { z } from 'zod';
import { defineVerb, type Services, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import { agendaCard, groupMembers } from './agenda-card';
import { attendanceCard, attendanceFigures, partnershipYear } from './attendance-view';
import { friendlyInvalid, itemForm, meetingForm, recordForm } from './forms';
import { seriesById } from './groups';
import { addItem, createMeeting, editMeeting } from './meeting-edits';
import { publishMeeting } from './publish';
import { recordMeeting } from './record';
import { recordRsvp } from './rsvp';
import { S } from './verb-schemas';
import { londonDate } from '../shared/time/working-days';

const GONE = { message: 'That meeting no longer exists. Type **meetings** to see what is coming up.' } as const;

export function createMeetingVerbs(services: Services): VerbDef[] {
  const store = services.repos.meetings;
  const load = (raw: Record<string, unknown>) => (typeof raw.meetingId === 'string' && /^[A-Za-z0-9-]{1,100}$/.test(raw.meetingId) ? store.get(raw.meetingId) : Promise.resolve(undefined));
  const message = (schema: z.ZodType, raw: Record<string, unknown>, fallback: string) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? fallback : friendlyInvalid(parsed.error);
  };
  const isStale = (m: string) => /someone else changed/i.test(m);

  /** Re-renders the form the user was on with what they typed, so a mistake never loses their entries. */
  const invalidMeeting = async (turn: Turn, raw: Record<string, unknown>, fallback: string): Promise<VerbResult> => {
    const text = isStale(fallback) ? fallback : message(S.meeting, raw, fallback);
    const meeting = await load(raw);
    return { card: meetingForm(services, { meeting, values: raw, banner: { text, tone: 'attention' } }) };
  };

  return [
    defineVerb({
      feature: 'meetings',
      verb: 'meetings.show',
      schema: S.ref,
      run: async (turn, data) => {
        const m = await store.get(data.meetingId);
        return m ? { card: await agendaCard(services, m, { manage: turn.member.roles.includes('businessUnit') }) } : GONE;
      },
    }),
    defineVerb({ feature: 'meetings', verb: 'meetings.new.open', schema: S.newOpen, roles: ['businessUnit'], run: async (_turn, data) => ({ card: meetingForm(services, { seriesId: data.seriesId }) }) }),
    defineVerb({ feature: 'meetings', verb: 'meetings.new', schema: S.meeting, roles: ['businessUnit'], invalid: invalidMeeting, run: createMeeting }),
    defineVerb({
      feature: 'meetings',
      verb: 'meetings.edit.open',
      schema: S.ref,
      roles: ['businessUnit'],
      run: async (_turn, data) => {
        const m = await store.get(data.meetingId);
        return m ? { card: meetingForm(services, { meeting: m }) } : GONE;
      },
    }),
    defineVerb({ feature: 'meetings', verb: 'meetings.edit', schema: S.meeting, roles: ['businessUnit'], invalid: invalidMeeting, run: editMeeting }),
    defineVerb({
      feature: 'meetings',
      verb: 'meetings.item.open',
      schema: S.ref,
      roles: ['businessUnit'],
      run: async (_turn, data) => {
        const m = await store.get(data.meetingId);
        return m ? { card: itemForm(services, m) } : GONE;
      },
    }),
    defineVerb({
      feature: 'meetings',
      verb: 'meetings.item.add',
      schema: S.item,
      roles: ['businessUnit'],
      invalid: async (_turn, raw, fallback) => {
        const m = await load(raw);
        if (!m) return GONE;
        const text = isStale(fallback) ? fallback : message(S.item, raw, fallback);
        return { card: itemForm(services, m, { values: raw, banner: { text, tone: 'attention' } }) };
      },
      run: addItem,
    }),
    defineVerb({
      feature: 'meetings',
      verb: 'meetings.publish',
      schema: S.ref,
      roles: ['businessUnit'],
      run: async (turn, data) => {
        const m = await store.get(data.meetingId);
        if (!m) return GONE;
        if (m.status === 'held' || m.status === 'cancelled') return { message: 'This meeting has already been held or cancelled, so it cannot be published again.' };
        if (new Date(m.startsAt).getTime() <= services.clock.now().getTime()) return { message: 'This meeting is in the past, so it cannot be published. Edit the date first.' };
        if (!(await services.repos.meetings.getGroup(m.seriesId))?.memberIds.length) {
          const name = seriesById(services.content, m.seriesId)?.name ?? 'group';
          return { card: await agendaCard(services, m, { manage: true, banner: { text: `The ${name} has no members yet, so there is no one to send the agenda to. Use "add <person> to group ${m.seriesId}" first.`, tone: 'attention' } }) };
        }
        const { meeting, outcome } = await publishMeeting(services, m, turn.member.id);
        const where = outcome.where === 'channel' ? "the group's channel" : `${outcome.posted + outcome.updated} member${outcome.posted + outcome.updated === 1 ? '' : 's'} 1:1`;
        const text = `${outcome.updated && !outcome.posted ? 'Updated the posted agenda in place' : outcome.updated ? `Updated ${outcome.updated} and posted ${outcome.posted}` : 'Published'} to ${where}.${outcome.failed ? ` ${outcome.failed} could not be reached.` : ''}`;
        return { card: await agendaCard(services, meeting, { manage: true, banner: { text, tone: outcome.failed ? 'warning' : 'good' } }) };
      },
    }),
    defineVerb({ feature: 'meetings', verb: 'meetings.rsvp', schema: S.rsvp, invalid: async (_turn, raw, fallback) => ({ message: `${message(S.rsvp, raw, fallback)}. Nothing was changed.` }), run: recordRsvp }),
    defineVerb({
      feature: 'meetings',
      verb: 'meetings.record.open',
      schema: S.ref,
      roles: ['businessUnit'],
      run: async (_turn, data) => {
        const m = await store.get(data.meetingId);
        return m ? { card: recordForm(services, m, await groupMembers(services, m.seriesId)) } : GONE;
      },
    }),
    defineVerb({
      feature: 'meetings',
      verb: 'meetings.record',
      schema: S.record,
      roles: ['businessUnit'],
      invalid: async (_turn, raw, fallback) => {
        const m = await load(raw);
        if (!m) return GONE;
        const text = isStale(fallback) ? fallback : message(S.record, raw, fallback);
        return { card: recordForm(services, m, await groupMembers(services, m.seriesId), { values: raw, banner: { text, tone: 'attention' } }) };
      },
      run: recordMeeting,
    }),
    defineVerb({
      feature: 'meetings',
      verb: 'meetings.attendance',
      schema: S.attendance,
      roles: ['businessUnit', 'chair'],
      run: async (_turn, data) => {
        const series = data.seriesId ? seriesById(services.content, data.seriesId) : undefined;
        const period = data.from && data.to ? { from: data.from, to: data.to } : partnershipYear(londonDate(services.clock.now()));
        const figures = await attendanceFigures(services, series ? [series] : services.content.partnership.meetingSeries, period);
        return { card: attendanceCard(services, figures, period, series) };
      },
    }),
  ];
}
