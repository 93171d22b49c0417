import type { OutMessage, Services, SweepDef } from '../core/contract';
import type { Member } from '../../storage/members/schema';
import type { Stored } from '../../storage/repository';
import type { Meeting } from '../../storage/meetings/schema';
import { deterministicId } from '../../storage/ids';
import { formatDate, formatDateTime, inWorkingHours, londonDate } from '../shared/time/working-days';
import { DateTime } from 'luxon';
import { agendaCard, groupMembers, quorumFor } from './agenda-card';
import { dueReminders } from './reminder-schedule';
import { REMINDER_LOOKAHEAD_DAYS, REMINDER_SWEEP_SECONDS } from './consts';
import { tellBusinessUnit } from '../members/business-unit';

type Stats = Record<string, number>;

/** Claims a deterministic id before sending, so each reminder goes once across sweeps and instances. */
async function sendOnce(services: Services, stats: Stats, parts: (string | number)[], kind: string, subjectId: string, recipientId: string, send: () => Promise<{ ok: boolean; activityId?: string }>) {
  const claim = await services.notifications.claim({ id: deterministicId('meetings', ...parts), feature: 'meetings', kind, subjectId, recipientId });
  if (!claim) return void (stats.skipped = (stats.skipped ?? 0) + 1);
  const r = await send();
  await services.notifications.settle(claim.id, r.ok ? { status: 'sent', activityId: r.activityId } : { status: 'failed', error: 'send failed' });
  stats[r.ok ? kind : 'failed'] = (stats[r.ok ? kind : 'failed'] ?? 0) + 1;
}

function findByName(members: readonly Stored<Member>[], name: string) {
  const n = name.trim().toLowerCase();
  const found = members.filter((m) => m.name.toLowerCase() === n);
  return found.length === 1 ? found[0] : undefined;
}

async function remind(services: Services, meeting: Stored<Meeting>, kind: 'papers' | 'rsvp' | 'quorum', stats: Stats) {
  const members = await groupMembers(services, meeting.seriesId);
  const when = formatDateTime(meeting.startsAt);
  if (kind === 'papers') {
    const everyone = await services.members.all();
    for (const item of meeting.items.filter((i) => !i.paperUrl && i.presenter)) {
      const presenter = findByName(everyone, item.presenter);
      const text = `Papers for **${meeting.title}** (${when}) are due today, ${formatDate(meeting.papersDeadline)}. The agenda has no paper for "${item.title}", which you are presenting. Please send the link to the business unit.`;
      if (presenter) await sendOnce(services, stats, [meeting.id, 'papers', item.id], 'papers', meeting.id, presenter.id, () => services.messenger.sendToMember(presenter, text));
      else await sendOnce(services, stats, [meeting.id, 'papers', item.id, 'bu'], 'papers', meeting.id, 'business-unit', () => tellBusinessUnit(services, `No paper yet for "${item.title}" (presenter ${item.presenter}) at **${meeting.title}**, ${when}; I could not find the presenter to remind them.`));
    }
    return;
  }
  if (kind === 'rsvp') {
    const card = await agendaCard(services, meeting, { members, banner: { text: 'Reminder: you have not replied yet. Please choose Attending, Sending a deputy or Apologies.', tone: 'warning' } });
    for (const m of members.filter((x) => !meeting.rsvps[x.id])) {
      await sendOnce(services, stats, [meeting.id, 'rsvp', m.id], 'rsvp', meeting.id, m.id, () => services.messenger.sendToMember(m, { card, summary: `Please reply: ${meeting.title}` }));
    }
    return;
  }
  const q = quorumFor(services, meeting, members);
  if (!q.applies || q.quorate) return;
  const text = `**${meeting.title}** (${when}) will not be quorate on the replies so far. ${q.line}. Please find representation for the partners marked ✗, or consider moving the meeting.`;
  const chairs = members.filter((m) => m.roles.includes('chair') || (meeting.chairName && m.name.toLowerCase() === meeting.chairName.toLowerCase()));
  for (const c of chairs) await sendOnce(services, stats, [meeting.id, 'quorum', c.id], 'quorum', meeting.id, c.id, () => services.messenger.sendToMember(c, text));
  await sendOnce(services, stats, [meeting.id, 'quorum', 'bu'], 'quorum', meeting.id, 'business-unit', () => tellBusinessUnit(services, text));
}

/**
 * Papers deadline, RSVP chase and quorum warning for published meetings. Only reminders that fall
 * today (London) are sent, in working hours, so a late publish or an outage never sends stale nags.
 */
export async function runReminderSweep(services: Services, now: Date): Promise<Stats> {
  const stats: Stats = {};
  const hours = { start: services.config.WORKING_HOURS_START, end: services.config.WORKING_HOURS_END };
  if (!inWorkingHours(now, hours)) return stats;
  const today = londonDate(now);
  const until = DateTime.fromJSDate(now).plus({ days: REMINDER_LOOKAHEAD_DAYS }).toUTC().toISO()!;
  const meetings = await services.repos.meetings.between(now.toISOString(), until);
  const rules = services.content.meetings.reminders;
  for (const m of meetings.filter((x) => x.status === 'published')) {
    for (const r of dueReminders(m.startsAt, m.papersDeadline, rules, now).filter((x) => x.date === today)) await remind(services, m, r.kind, stats);
  }
  return stats;
}

export function createReminderSweep(): SweepDef {
  return { feature: 'meetings', name: 'reminders', everySeconds: REMINDER_SWEEP_SECONDS, run: runReminderSweep };
}
