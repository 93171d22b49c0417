import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/**
 * The one working-day engine: Europe/London dates, weekends and England and Wales bank holidays
 * (from date-holidays, which is maintained upstream). Dates are ISO calendar dates (yyyy-mm-dd);
 * arithmetic runs on day numbers with a binary search, so a sweep over thousands of actions costs
 * microseconds per question and needs no per-answer cache.
 */
export const ZONE = 'Europe/London';

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday ... 6 = Saturday (1970-01-01, day 0, was a Thursday). */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;
const isWeekday = (day: number) => {
  const w = weekdayOf(day);
  return w !== 0 && w !== 6;
};

/**
 * Bank holidays that fall on a weekday, per year, as sorted day numbers. The one cache in this
 * module: the table is derived from the holidays library and never changes, so bots in one process
 * cannot see anything of each other through it, and computing a year costs about 2 ms.
 */
const holidayCalendar = new Holidays('GB', 'ENG');
const HOLIDAYS_BY_YEAR: Map<number, readonly number[]> = new Map();
function weekdayHolidays(year: number): readonly number[] {
  let days = HOLIDAYS_BY_YEAR.get(year);
  if (!days) {
    days = holidayCalendar
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => dayNumber(h.date.slice(0, 10)))
      .filter(isWeekday)
      .sort((a, b) => a - b);
    HOLIDAYS_BY_YEAR.set(year, days);
  }
  return days;
}
const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

/** Weekdays in the days up to and including `day`, counted from a fixed Monday long ago. */
function weekdaysUpTo(day: number): number {
  const k = day + 3 + 7 * 100_000; // Monday-aligned and positive for any date we will meet
  return Math.floor((k + 1) / 7) * 5 + Math.min((k + 1) % 7, 5);
}

/** Weekday bank holidays in (a, b], a <= b. */
function holidaysBetween(a: number, b: number): number {
  let n = 0;
  for (let y = yearOf(a); y <= yearOf(b); y++) for (const h of weekdayHolidays(y)) if (h > a && h <= b) n++;
  return n;
}

/** Working days in (a, b] for day numbers a <= b. */
function workingIn(a: number, b: number): number {
  return weekdaysUpTo(b) - weekdaysUpTo(a) - holidaysBetween(a, b);
}

/** ISO date (yyyy-mm-dd) in Europe/London. */
export function londonDate(at: Date | DateTime): string {
  const dt = at instanceof Date ? DateTime.fromJSDate(at) : at;
  return dt.setZone(ZONE).toISODate()!;
}

export function isWorkingDay(isoDate: string): boolean {
  const day = dayNumber(isoDate);
  return isWeekday(day) && !weekdayHolidays(yearOf(day)).includes(day);
}

/** Moves n working days from a date (n may be negative); n = 0 returns the date itself. */
export function addWorkingDays(isoDate: string, n: number): string {
  if (n === 0) return isoDate;
  const d = dayNumber(isoDate);
  const span = 2 * Math.abs(n) + 20; // at least 5 working days in any 9 days, bank holidays included
  if (n > 0) {
    // The first day x after d with n working days in (d, x] is itself a working day.
    let lo = d + 1;
    let hi = d + span;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (workingIn(d, mid) >= n) hi = mid;
      else lo = mid + 1;
    }
    return isoOf(lo);
  }
  // The last day x before d with -n working days in [x, d), i.e. in (x - 1, d - 1].
  let lo = d - span;
  let hi = d - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (workingIn(mid - 1, d - 1) >= -n) lo = mid;
    else hi = mid - 1;
  }
  return isoOf(lo);
}

/**
 * Working days from `from` to `to`, walking from `from` and counting each day stepped onto: positive
 * when `to` is later (working days in (from, to], so a due date tomorrow is 1 and today is 0),
 * negative when earlier (working days in [to, from)).
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return b >= a ? workingIn(a, b) : -workingIn(b - 1, a - 1);
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

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats an ISO date for people: "Tue 24 Nov 2026" (plain arithmetic: list cards format hundreds). */
export function formatDate(isoDate: string): string {
  const day = dayNumber(isoDate);
  if (!Number.isFinite(day)) return isoDate;
  return `${DAY_NAMES[weekdayOf(day)]} ${Number(isoDate.slice(8, 10))} ${MONTH_NAMES[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
}

/** Formats an instant in London time: "Tue 24 Nov 2026, 14:30". */
export function formatDateTime(at: string | Date): string {
  const dt = typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  return dt.setZone(ZONE).toFormat("ccc d LLL yyyy, HH:mm");
}
