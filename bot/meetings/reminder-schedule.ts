import { DateTime } from 'luxon';
import { ZONE, addWorkingDays, isWorkingDay, londonDate } from '../shared/time/working-days';

export type ReminderKind = 'papers' | 'rsvp' | 'quorum';

export interface ReminderRules {
  sendAt: string;
  rsvpWorkingDaysBefore: number;
  quorumWarningWorkingDaysBefore: number;
}

export interface ScheduledReminder {
  kind: ReminderKind;
  /** London date the reminder belongs to. */
  date: string;
  at: Date;
}

/** Default papers deadline: n working days before the meeting's London date. */
export function defaultPapersDeadline(startsAt: string, workingDays: number): string {
  return addWorkingDays(londonDate(new Date(startsAt)), -workingDays);
}

/** A date that is not a working day moves back to the working day before, so nothing lands on a weekend. */
function onOrBeforeWorkingDay(isoDate: string): string {
  return isWorkingDay(isoDate) ? isoDate : addWorkingDays(isoDate, -1);
}

function atTime(isoDate: string, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return DateTime.fromISO(isoDate, { zone: ZONE }).set({ hour: h, minute: m }).toJSDate();
}

/** The reminders for one meeting, in order: papers deadline, RSVP chase, quorum warning. */
export function reminderSchedule(startsAt: string, papersDeadline: string, rules: ReminderRules): ScheduledReminder[] {
  const day = londonDate(new Date(startsAt));
  const dates: [ReminderKind, string][] = [
    ['papers', onOrBeforeWorkingDay(papersDeadline)],
    ['rsvp', addWorkingDays(day, -rules.rsvpWorkingDaysBefore)],
    ['quorum', addWorkingDays(day, -rules.quorumWarningWorkingDaysBefore)],
  ];
  return dates.map(([kind, date]) => ({ kind, date, at: atTime(date, rules.sendAt) }));
}

/** Reminders whose moment has come and whose meeting has not started. */
export function dueReminders(startsAt: string, papersDeadline: string, rules: ReminderRules, now: Date): ScheduledReminder[] {
  if (now.getTime() >= new Date(startsAt).getTime()) return [];
  return reminderSchedule(startsAt, papersDeadline, rules).filter((r) => r.at.getTime() <= now.getTime());
}
