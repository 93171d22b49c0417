import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

export const ZONE = 'Europe/London';

/** England and Wales bank holidays come from date-holidays (GB, ENG), which is maintained upstream. */
const holidays = new Holidays('GB', 'ENG');
const cache = new Map<number, Set<string>>();

function bankHolidaysFor(year: number): Set<string> {
  let set = cache.get(year);
  if (!set) {
    set = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    cache.set(year, set);
  }
  return set;
}

/** ISO date (yyyy-mm-dd) in Europe/London. */
export function londonDate(at: Date | DateTime): string {
  const dt = at instanceof Date ? DateTime.fromJSDate(at) : at;
  return dt.setZone(ZONE).toISODate()!;
}

export function isBankHoliday(isoDate: string): boolean {
  return bankHolidaysFor(Number(isoDate.slice(0, 4))).has(isoDate);
}

export function isWorkingDay(isoDate: string): boolean {
  const d = DateTime.fromISO(isoDate, { zone: ZONE });
  return d.weekday <= 5 && !isBankHoliday(isoDate);
}

/** Moves n working days from a date (n may be negative); n = 0 returns the date itself. */
export function addWorkingDays(isoDate: string, n: number): string {
  let d = DateTime.fromISO(isoDate, { zone: ZONE });
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    d = d.plus({ days: step });
    if (isWorkingDay(d.toISODate()!)) left--;
  }
  return d.toISODate()!;
}

/**
 * Working days from `from` to `to`: positive when `to` is later. Counts the working days after `from`
 * up to and including `to`, so a due date tomorrow (a working day) is 1 and today is 0.
 */
export function workingDaysBetween(from: string, to: string): number {
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  let d = DateTime.fromISO(from, { zone: ZONE });
  const end = to;
  let count = 0;
  while (d.toISODate() !== end) {
    d = d.plus({ days: sign });
    if (isWorkingDay(d.toISODate()!)) count++;
  }
  return sign * count;
}

/** The first working day on or after the date. */
export function nextWorkingDay(isoDate: string): string {
  return isWorkingDay(isoDate) ? isoDate : addWorkingDays(isoDate, 1);
}

export interface WorkingHours {
  start: string; // HH:MM
  end: string; // HH:MM
}

/** True when `at` is inside working hours on a working day, London time (handles BST/GMT). */
export function inWorkingHours(at: Date, hours: WorkingHours): boolean {
  const local = DateTime.fromJSDate(at).setZone(ZONE);
  if (!isWorkingDay(local.toISODate()!)) return false;
  const hm = local.toFormat('HH:mm');
  return hm >= hours.start && hm < hours.end;
}

/** The next moment (UTC Date) at or after `at` that is inside working hours. */
export function nextWorkingMoment(at: Date, hours: WorkingHours): Date {
  if (inWorkingHours(at, hours)) return at;
  let local = DateTime.fromJSDate(at).setZone(ZONE);
  const [sh, sm] = hours.start.split(':').map(Number);
  if (local.toFormat('HH:mm') >= hours.end || !isWorkingDay(local.toISODate()!)) {
    local = DateTime.fromISO(addWorkingDays(local.toISODate()!, 1), { zone: ZONE });
  }
  return local.set({ hour: sh, minute: sm, second: 0, millisecond: 0 }).toJSDate();
}

/** Formats an ISO date for people: "Tue 24 Nov 2026". */
export function formatDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: ZONE }).toFormat('ccc d LLL yyyy');
}

/** Formats an instant in London time: "Tue 24 Nov 2026, 14:30". */
export function formatDateTime(at: string | Date): string {
  const dt = typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  return dt.setZone(ZONE).toFormat("ccc d LLL yyyy, HH:mm");
}
