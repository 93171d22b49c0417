/**
 * Working-day arithmetic on ISO calendar dates, memoised. Same rules and results as
 * bot/time/working-days.ts (a property test holds them equal), but on plain UTC day numbers: the sweep
 * and the summary ask about thousands of actions, and luxon per step was the sweep's largest cost.
 */
import { formatDate, isBankHoliday } from '../shared/time/working-days';

const DAY = 86_400_000;
const toDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

const LIMIT = 50_000;
function memo<K, V>(f: (k: K) => V): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) {
      v = f(k);
      if (cache.size > LIMIT) cache.clear();
      cache.set(k, v);
    }
    return v;
  };
}

const workingDayNumber = memo((day: number) => {
  const weekday = new Date(day * DAY).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(toIso(day));
});

export const isWorkingDayFast = (isoDate: string) => workingDayNumber(toDay(isoDate));

const shifted = new Map<string, string>();
/** Moves n working days from a date (n may be negative); n = 0 returns the date itself. */
export function shiftWorkingDays(isoDate: string, n: number): string {
  const key = `${isoDate}|${n}`;
  let v = shifted.get(key);
  if (v === undefined) {
    let d = toDay(isoDate);
    const step = n >= 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; ) {
      d += step;
      if (workingDayNumber(d)) left--;
    }
    v = toIso(d);
    if (shifted.size > LIMIT) shifted.clear();
    shifted.set(key, v);
  }
  return v;
}

const between = new Map<string, number>();
/** Working days after `from` up to and including `to`; negative when `to` is earlier. */
export function workingDaysFrom(from: string, to: string): number {
  const key = `${from}|${to}`;
  let v = between.get(key);
  if (v === undefined) {
    const a = toDay(from);
    const b = toDay(to);
    const sign = b >= a ? 1 : -1;
    let count = 0;
    for (let d = a; d !== b; ) {
      d += sign;
      if (workingDayNumber(d)) count++;
    }
    v = sign * count;
    if (between.size > LIMIT) between.clear();
    between.set(key, v);
  }
  return v;
}

const labels = new Map<string, string>();
/** "Tue 24 Nov 2026", memoised: list and summary cards format the same few hundred dates repeatedly. */
export function dateLabel(isoDate: string): string {
  let v = labels.get(isoDate);
  if (v === undefined) {
    v = formatDate(isoDate);
    if (labels.size > LIMIT) labels.clear();
    labels.set(isoDate, v);
  }
  return v;
}
