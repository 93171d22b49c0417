import type { z } from 'zod';
import { defineVerb, type AdaptiveCard, type Role, type Services, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import type { Meeting } from '../../storage/meetings/schema';
import type { Stored } from '../../storage/repository';
import { agendaCard, groupMembers } from './agenda-card';
import { attendanceCard, attendanceFigures, partnershipYear } from './attendance-view';
import { friendlyInvalid, itemForm, meetingForm, recordForm, type FormBanner } from './forms';
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

  /**
   * Re-renders the form the user was on with what they typed and a plain message, so a mistake never
   * loses their entries. `render` draws the form for the stored meeting (undefined for a new one).
   */
  const invalidForm =
    (schema: z.ZodType, needsMeeting: boolean, render: (m: Stored<Meeting> | undefined, values: Record<string, unknown>, banner: FormBanner) => Promise<AdaptiveCard> | AdaptiveCard) =>
    async (_turn: Turn, raw: Record<string, unknown>, fallback: string): Promise<VerbResult> => {
      const meeting = await load(raw);
      if (needsMeeting && !meeting) return GONE;
      const text = isStale(fallback) ? fallback : message(schema, raw, fallback);
      return { card: await render(meeting, raw, { text, tone: 'attention' }) };
    };
  /** A button that names one meeting: loaded first, and a missing one gets one plain answer. */
  const meetingVerb = (verb: string, roles: Role[] | undefined, step: (turn: Turn, m: Stored<Meeting>) => Promise<VerbResult>): VerbDef =>
    defineVerb({
      feature: 'meetings',
      verb,
      roles,
      schema: S.ref,
      run: async (turn, data) => {
        const m = await store.get(data.meetingId);
        return m ? step(turn, m) : GONE;
      },
    });
  const invalidMeeting = invalidForm(S.meeting, false, (meeting, values, banner) => meetingForm(services, { meeting, values, banner }));

  return [
    meetingVerb('meetings.show', undefined, async (turn, m) => {
      const manage = turn.member.roles.includes('businessUnit');
      // Drafts are the business unit's; a published agenda is for its group's members and their named deputies.
      if (!manage) {
        const group = await store.getGroup(m.seriesId);
        const isDeputy = Object.values(m.rsvps).some((r) => r.deputyId === turn.member.id);
        if (m.status === 'draft' || !(group?.memberIds.includes(turn.member.id) || isDeputy)) {
          const name = seriesById(services.content, m.seriesId)?.name ?? 'its group';
          return { message: `That agenda is for the members of the ${name}. If you should be in the group, ask the business unit.` };
        }
      }
      return { card: await agendaCard(services, m, { manage }) };
    }),
    defineVerb({ feature: 'meetings', verb: 'meetings.new.open', schema: S.newOpen, roles: ['businessUnit'], run: async (_turn, data) => ({ card: meetingForm(services, { seriesId: data.seriesId }) }) }),
    defineVerb({ feature: 'meetings', verb: 'meetings.new', schema: S.meeting, roles: ['businessUnit'], invalid: invalidMeeting, run: createMeeting }),
    meetingVerb('meetings.edit.open', ['businessUnit'], async (_turn, m) => ({ card: meetingForm(services, { meeting: m }) })),
    defineVerb({ feature: 'meetings', verb: 'meetings.edit', schema: S.meeting, roles: ['businessUnit'], invalid: invalidMeeting, run: editMeeting }),
    meetingVerb('meetings.item.open', ['businessUnit'], async (_turn, m) => ({ card: itemForm(services, m) })),
    defineVerb({
      feature: 'meetings',
      verb: 'meetings.item.add',
      schema: S.item,
      roles: ['businessUnit'],
      invalid: invalidForm(S.item, true, (m, values, banner) => itemForm(services, m!, { values, banner })),
      run: addItem,
    }),
    meetingVerb('meetings.publish', ['businessUnit'], async (turn, m) => {
      if (m.status === 'held' || m.status === 'cancelled') return { message: 'This meeting has already been held or cancelled, so it cannot be published again.' };
      if (new Date(m.startsAt).getTime() <= services.clock.now().getTime()) return { message: 'This meeting is in the past, so it cannot be published. Edit the date first.' };
      if (!(await store.getGroup(m.seriesId))?.memberIds.length) {
        const name = seriesById(services.content, m.seriesId)?.name ?? 'group';
        return { card: await agendaCard(services, m, { manage: true, banner: { text: `The ${name} has no members yet, so there is no one to send the agenda to. Use "add <person> to group ${m.seriesId}" first.`, tone: 'attention' } }) };
      }
      const { meeting, outcome } = await publishMeeting(services, m, turn.member.id);
      const where = outcome.where === 'channel' ? "the group's channel" : `${outcome.posted + outcome.updated} member${outcome.posted + outcome.updated === 1 ? '' : 's'} 1:1`;
      const text = `${outcome.updated && !outcome.posted ? 'Updated the posted agenda in place' : outcome.updated ? `Updated ${outcome.updated} and posted ${outcome.posted}` : 'Published'} to ${where}.${outcome.failed ? ` ${outcome.failed} could not be reached.` : ''}`;
      return { card: await agendaCard(services, meeting, { manage: true, banner: { text, tone: outcome.failed ? 'warning' : 'good' } }) };
    }),
    defineVerb({ feature: 'meetings', verb: 'meetings.rsvp', schema: S.rsvp, invalid: async (_turn, raw, fallback) => ({ message: `${message(S.rsvp, raw, fallback)}. Nothing was changed.` }), run: recordRsvp }),
    meetingVerb('meetings.record.open', ['businessUnit'], async (_turn, m) => ({ card: recordForm(services, m, await groupMembers(services, m.seriesId)) })),
    defineVerb({
      feature: 'meetings',
      verb: 'meetings.record',
      schema: S.record,
      roles: ['businessUnit'],
      invalid: invalidForm(S.record, true, async (m, values, banner) => recordForm(services, m!, await groupMembers(services, m!.seriesId), { values, banner })),
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
