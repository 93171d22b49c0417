import type { NudgeRules } from '../../content/schema/actions';
import type { ActionStatus } from '../../storage/actions/schema';
import { DateTime } from 'luxon';
import { isDoneForOwner } from './rag';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../shared/time/working-days';

export interface ScheduledNudge {
  /** Stable within one due date: part of the nudge's deterministic id. */
  key: string;
  kind: 'before' | 'due' | 'overdue';
  /** London date the nudge becomes due. */
  date: string;
  /** Working days before due (before) or overdue (overdue); 0 on the due date. */
  workingDays: number;
}

export interface Schedulable {
  status: ActionStatus;
  due: string;
  /** Date the due date was set: rules on or before it are not sent (the owner just heard about it). */
  dueSetOn: string;
}

/** The due-date nudge goes on the due date, or the last working day before it when that is a holiday. */
export function dueDayNudgeDate(due: string): string {
  return isWorkingDay(due) ? due : addWorkingDays(due, -1);
}

/**
 * The one owner nudge that applies today: the latest rule whose date has arrived. Older rules that were
 * missed (say, the bot was down) are superseded rather than sent late in a burst.
 */
export function nudgeDueToday(a: Schedulable, today: string, rules: NudgeRules): ScheduledNudge | undefined {
  if (isDoneForOwner(a.status) || !isWorkingDay(today)) return undefined;
  let best: ScheduledNudge | undefined;
  const consider = (n: ScheduledNudge) => {
    if (n.date <= today && n.date > a.dueSetOn && (!best || n.date > best.date)) best = n;
  };
  for (const n of rules.beforeDue) consider({ key: `before-${n}`, kind: 'before', date: addWorkingDays(a.due, -n), workingDays: n });
  if (rules.onDueDate) consider({ key: 'due', kind: 'due', date: dueDayNudgeDate(a.due), workingDays: 0 });
  if (today > a.due) {
    const over = workingDaysBetween(a.due, today);
    const k = Math.floor(over / rules.overdueEvery);
    if (k >= 1) consider({ key: `overdue-${k}`, kind: 'overdue', date: addWorkingDays(a.due, k * rules.overdueEvery), workingDays: k * rules.overdueEvery });
  }
  return best;
}

/** Escalation to the chair and business unit, once per action and due date. */
export function escalationDue(a: Schedulable, today: string, rules: NudgeRules): { date: string } | undefined {
  if (isDoneForOwner(a.status) || !isWorkingDay(today) || today <= a.due) return undefined;
  const date = addWorkingDays(a.due, rules.escalateAfter);
  return date <= today && date > a.dueSetOn ? { date } : undefined;
}

/**
 * The working day this week on which the weekly digest goes: the configured weekday, or the next
 * working day in the same week when that is a bank holiday. Undefined when the week has none left.
 */
export function digestDateForWeek(today: string, weekday: number): { weekStart: string; date?: string } {
  const d = DateTime.fromISO(today, { zone: 'Europe/London' });
  const monday = d.minus({ days: d.weekday - 1 });
  const weekStart = monday.toISODate()!;
  for (let wd = weekday; wd <= 5; wd++) {
    const candidate = monday.plus({ days: wd - 1 }).toISODate()!;
    if (isWorkingDay(candidate)) return { weekStart, date: candidate };
  }
  return { weekStart };
}

/** Whether the weekly digest is due today (or was missed earlier this week). */
export function digestDueToday(today: string, weekday: number): { weekStart: string } | undefined {
  if (!isWorkingDay(today)) return undefined;
  const { weekStart, date } = digestDateForWeek(today, weekday);
  return date && date <= today ? { weekStart } : undefined;
}

export function describeNudge(n: ScheduledNudge): string {
  if (n.kind === 'before') return `due in ${n.workingDays} working day${n.workingDays === 1 ? '' : 's'}`;
  if (n.kind === 'due') return 'due today';
  return `overdue by ${n.workingDays} working days`;
}
