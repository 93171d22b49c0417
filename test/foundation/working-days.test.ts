import { addWorkingDays, isWorkingDay, workingDaysBetween, inWorkingHours, nextWorkingMoment, londonDate } from '../../bot/shared/time/working-days';

const hours = { start: '09:00', end: '17:00' };

describe('working days (England and Wales)', () => {
  it.each([
    ['2026-11-24', true], // Tuesday
    ['2026-11-28', false], // Saturday
    ['2026-12-25', false], // Christmas Day (Friday)
    ['2026-12-28', false], // Boxing Day substitute (Monday)
    ['2026-12-29', true],
    ['2027-01-01', false], // New Year's Day
    ['2027-03-26', false], // Good Friday
    ['2027-03-29', false], // Easter Monday
    ['2027-05-03', false], // Early May bank holiday
    ['2027-05-31', false], // Spring bank holiday
    ['2027-08-30', false], // Summer bank holiday (England, not Scotland's)
    ['2027-08-02', true], // Scotland's summer holiday is a working day in England
  ])('%s working day: %s', (d, expected) => {
    expect(isWorkingDay(d)).toBe(expected);
  });

  it.each([
    ['2026-12-23', 1, '2026-12-24'],
    ['2026-12-24', 1, '2026-12-29'],
    ['2026-12-23', 3, '2026-12-30'],
    ['2027-01-08', -10, '2026-12-22'],
    ['2027-03-25', 1, '2027-03-30'],
    ['2027-03-30', -1, '2027-03-25'],
    ['2026-11-27', 0, '2026-11-27'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it.each([
    ['2026-12-23', '2026-12-30', 3],
    ['2026-12-30', '2026-12-23', -3],
    ['2027-03-25', '2027-03-30', 1],
    ['2026-11-24', '2026-11-24', 0],
  ])('working days from %s to %s = %i', (a, b, expected) => {
    expect(workingDaysBetween(a, b)).toBe(expected);
  });
});

describe('working hours across clock changes (Europe/London)', () => {
  it.each([
    ['2027-03-30T08:30:00Z', true], // 09:30 BST
    ['2027-03-30T07:30:00Z', false], // 08:30 BST
    ['2026-11-24T09:30:00Z', true], // 09:30 GMT
    ['2026-11-24T16:59:00Z', true],
    ['2026-11-24T17:00:00Z', false],
    ['2026-12-25T10:00:00Z', false],
  ])('%s in hours: %s', (at, expected) => {
    expect(inWorkingHours(new Date(at), hours)).toBe(expected);
  });

  it.each([
    ['2026-12-24T18:00:00Z', '2026-12-29T09:00:00.000Z'],
    ['2027-03-27T10:00:00Z', '2027-03-30T08:00:00.000Z'], // clocks went forward on 28 March
    ['2026-10-24T12:00:00Z', '2026-10-26T09:00:00.000Z'], // clocks went back on 25 October
    ['2026-11-24T06:00:00Z', '2026-11-24T09:00:00.000Z'],
    ['2026-11-24T10:00:00Z', '2026-11-24T10:00:00.000Z'],
  ])('next working moment after %s is %s', (at, expected) => {
    expect(nextWorkingMoment(new Date(at), hours).toISOString()).toBe(expected);
  });

  it('takes the London date, not the UTC date, near midnight in summer', () => {
    expect(londonDate(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
  });
});
