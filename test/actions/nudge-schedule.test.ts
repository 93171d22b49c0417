import { nudgeDueToday, escalationDue, dueDayNudgeDate, digestDueToday, digestDateForWeek } from '../../bot/actions/nudge-schedule';
import type { ActionStatus } from '../../storage/actions/schema';

const rules = { beforeDue: [10, 2], onDueDate: true, overdueEvery: 5, escalateAfter: 10, digestWeekday: 1 };
const action = (due: string, dueSetOn = '2026-09-01', status: ActionStatus = 'acknowledged') => ({ due, dueSetOn, status });

describe('owner nudge schedule (working days, England and Wales)', () => {
  // Due Tue 5 Jan 2027: Christmas Day, the Boxing Day substitute (28 Dec) and New Year's Day are skipped.
  it.each([
    ['2026-12-16', undefined],
    ['2026-12-17', 'before-10'],
    ['2026-12-24', 'before-10'],
    ['2026-12-25', undefined], // Christmas Day: nothing is sent
    ['2026-12-28', undefined], // Boxing Day substitute
    ['2026-12-31', 'before-2'],
    ['2027-01-01', undefined], // New Year's Day
    ['2027-01-04', 'before-2'],
    ['2027-01-05', 'due'],
    ['2027-01-11', 'due'],
    ['2027-01-12', 'overdue-1'],
    ['2027-01-18', 'overdue-1'],
    ['2027-01-19', 'overdue-2'],
    ['2027-01-26', 'overdue-3'],
  ])('due 2027-01-05, today %s -> %s', (today, key) => {
    expect(nudgeDueToday(action('2027-01-05'), today, rules)?.key).toBe(key);
  });

  // Due Easter Monday 2027 (29 Mar): Good Friday and Easter Monday are not working days.
  it.each([
    ['2027-03-11', undefined],
    ['2027-03-12', 'before-10'],
    ['2027-03-24', 'before-2'],
    ['2027-03-25', 'due'], // the last working day before a due date that falls on a bank holiday
    ['2027-03-26', undefined],
    ['2027-03-29', undefined],
    ['2027-04-02', 'due'],
    ['2027-04-05', 'overdue-1'],
  ])('due Easter Monday 2027, today %s -> %s', (today, key) => {
    expect(nudgeDueToday(action('2027-03-29'), today, rules)?.key).toBe(key);
  });

  it('puts the due-date nudge on the last working day before a bank-holiday due date', () => {
    expect(dueDayNudgeDate('2027-03-29')).toBe('2027-03-25');
    expect(dueDayNudgeDate('2026-12-25')).toBe('2026-12-24');
    expect(dueDayNudgeDate('2027-01-05')).toBe('2027-01-05');
  });

  it.each([
    ['2026-12-17', 'before-10', '2026-12-01'],
    ['2026-12-17', undefined, '2026-12-17'], // set today: the owner has just been told
    ['2026-12-31', 'before-2', '2026-12-20'], // set after the 10-day rule: that rule is skipped, not sent late
  ])('a due date set on %s... today %s gives %s', (today, key, setOn) => {
    expect(nudgeDueToday(action('2027-01-05', setOn), today, rules)?.key).toBe(key);
  });

  it.each<ActionStatus>(['completed', 'cancelled', 'completed_pending_evidence'])('sends nothing for %s actions', (status) => {
    expect(nudgeDueToday(action('2027-01-05', '2026-09-01', status), '2027-01-12', rules)).toBeUndefined();
    expect(escalationDue(action('2027-01-05', '2026-09-01', status), '2027-02-12', rules)).toBeUndefined();
  });

  it('nudges blocked and open actions like any other', () => {
    expect(nudgeDueToday(action('2027-01-05', '2026-09-01', 'blocked'), '2027-01-05', rules)?.key).toBe('due');
    expect(nudgeDueToday(action('2027-01-05', '2026-09-01', 'open'), '2027-01-05', rules)?.key).toBe('due');
  });

  it('follows the content pack rules', () => {
    const custom = { ...rules, beforeDue: [5], onDueDate: false, overdueEvery: 2 };
    expect(nudgeDueToday(action('2027-01-05'), '2026-12-23', custom)?.key).toBeUndefined();
    expect(nudgeDueToday(action('2027-01-05'), '2026-12-24', custom)?.key).toBe('before-5');
    expect(nudgeDueToday(action('2027-01-05'), '2027-01-05', custom)?.key).toBe('before-5');
    expect(nudgeDueToday(action('2027-01-05'), '2027-01-07', custom)?.key).toBe('overdue-1');
  });
});

describe('overdue escalation', () => {
  it.each([
    ['2027-03-29', '2027-04-09', false],
    ['2027-03-29', '2027-04-12', true], // 10 working days after Easter Monday
    ['2027-01-05', '2027-01-18', false],
    ['2027-01-19', '2027-02-02', true],
    ['2027-01-05', '2027-01-19', true],
  ])('due %s, today %s: escalate %s', (due, today, expected) => {
    expect(Boolean(escalationDue(action(due), today, rules))).toBe(expected);
  });
});

describe('weekly digest day', () => {
  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-25', true], // later in the same week (catch-up; the claim id keeps it to one a week)
    ['2026-11-28', false], // Saturday
    ['2026-12-28', false], // Monday is the Boxing Day substitute
    ['2026-12-29', true], // so the digest goes on Tuesday
    ['2027-03-29', false], // Easter Monday
    ['2027-03-30', true],
  ])('%s digest due: %s', (today, expected) => {
    expect(Boolean(digestDueToday(today, 1))).toBe(expected);
  });

  it('skips a week whose chosen day and later days are all holidays', () => {
    expect(digestDateForWeek('2026-12-24', 5).date).toBeUndefined();
    expect(digestDateForWeek('2026-12-29', 1)).toEqual({ weekStart: '2026-12-28', date: '2026-12-29' });
  });
});
