import fc from 'fast-check';
import { shiftWorkingDays, workingDaysFrom, isWorkingDayFast } from '../../bot/actions/calendar';
import { addWorkingDays, workingDaysBetween, isWorkingDay } from '../../bot/shared/time/working-days';

const isoDay = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));

describe('fast working-day arithmetic agrees with bot/time/working-days', () => {
  it('on working days', () => fc.assert(fc.property(isoDay, (d) => isWorkingDayFast(d) === isWorkingDay(d)), { numRuns: 500 }));
  it('on moving n working days', () => fc.assert(fc.property(isoDay, fc.integer({ min: -40, max: 40 }), (d, n) => shiftWorkingDays(d, n) === addWorkingDays(d, n)), { numRuns: 500 }));
  it('on counting working days between dates', () => fc.assert(fc.property(isoDay, isoDay, (a, b) => workingDaysFrom(a, b) === workingDaysBetween(a, b)), { numRuns: 200 }));
  it.each([
    ['2026-12-24', 1, '2026-12-29'],
    ['2027-03-25', 1, '2027-03-30'],
    ['2026-10-23', 1, '2026-10-26'], // across the end of British Summer Time
    ['2027-03-26', -1, '2027-03-25'],
  ])('%s + %i = %s', (d, n, expected) => expect(shiftWorkingDays(d, n)).toBe(expected));
});
