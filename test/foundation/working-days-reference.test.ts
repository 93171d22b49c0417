import fc from 'fast-check';
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { addWorkingDays, isWorkingDay, workingDaysBetween, formatDate } from '../../bot/shared/time/working-days';

/**
 * The engine does arithmetic on day numbers; this reference walks the calendar one day at a time
 * with luxon and date-holidays, the slow obvious way. The two must agree everywhere.
 */
const bankHolidays = new Holidays('GB', 'ENG');
const publicHolidays = new Map<number, Set<string>>();
function referenceWorkingDay(iso: string): boolean {
  const d = DateTime.fromISO(iso, { zone: 'Europe/London' });
  if (!publicHolidays.has(d.year)) publicHolidays.set(d.year, new Set(bankHolidays.getHolidays(d.year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10))));
  return d.weekday <= 5 && !publicHolidays.get(d.year)!.has(iso);
}
function referenceAdd(iso: string, n: number): string {
  let d = DateTime.fromISO(iso, { zone: 'Europe/London' });
  for (let left = Math.abs(n); left > 0; ) {
    d = d.plus({ days: n >= 0 ? 1 : -1 });
    if (referenceWorkingDay(d.toISODate()!)) left--;
  }
  return d.toISODate()!;
}
function referenceBetween(from: string, to: string): number {
  const sign = to >= from ? 1 : -1;
  let d = DateTime.fromISO(from, { zone: 'Europe/London' });
  let count = 0;
  while (d.toISODate() !== to) {
    d = d.plus({ days: sign });
    if (referenceWorkingDay(d.toISODate()!)) count++;
  }
  return sign * count;
}

const isoDay = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));

describe('the working-day engine agrees with a day-by-day reference', () => {
  it('on working days', () => fc.assert(fc.property(isoDay, (d) => isWorkingDay(d) === referenceWorkingDay(d)), { numRuns: 500 }));
  it('on moving n working days', () => fc.assert(fc.property(isoDay, fc.integer({ min: -40, max: 40 }), (d, n) => addWorkingDays(d, n) === referenceAdd(d, n)), { numRuns: 400 }));
  it('on counting working days between dates', () => fc.assert(fc.property(isoDay, isoDay, (a, b) => workingDaysBetween(a, b) === referenceBetween(a, b)), { numRuns: 150 }));
  it.each([
    ['2026-12-24', 1, '2026-12-29'],
    ['2027-03-25', 1, '2027-03-30'],
    ['2026-10-23', 1, '2026-10-26'], // across the end of British Summer Time
    ['2027-03-26', -1, '2027-03-25'],
    ['2026-12-31', -3, '2026-12-24'],
  ])('%s + %i = %s', (d, n, expected) => expect(addWorkingDays(d, n)).toBe(expected));
  it.each([
    ['2026-11-24', 'Tue 24 Nov 2026'],
    ['2027-01-01', 'Fri 1 Jan 2027'],
    ['2028-02-29', 'Tue 29 Feb 2028'],
  ])('formats %s as %s', (d, label) => expect(formatDate(d)).toBe(label));
});
