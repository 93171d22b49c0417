import { ragFor, isOverdue } from '../../bot/actions/rag';
import { summarise, financialQuarter } from '../../bot/actions/summary';
import type { ActionStatus } from '../../storage/actions/schema';
import { inWorkingHours } from '../../bot/shared/time/working-days';
import type { IndexEntry } from '../../storage/actions/schema';

describe('RAG is derived from status and dates', () => {
  it.each<[ActionStatus, string, string, string]>([
    ['open', '2027-01-05', '2026-11-24', 'green'],
    ['in_progress', '2027-01-05', '2026-12-16', 'green'],
    ['in_progress', '2027-01-05', '2026-12-17', 'amber'], // 10 working days before, across Christmas
    ['acknowledged', '2027-01-05', '2027-01-05', 'amber'], // due today
    ['acknowledged', '2027-01-05', '2027-01-06', 'red'], // overdue
    ['blocked', '2027-06-30', '2026-11-24', 'red'],
    ['completed_pending_evidence', '2026-01-05', '2026-11-24', 'complete'],
    ['completed', '2026-01-05', '2026-11-24', 'complete'],
    ['cancelled', '2026-01-05', '2026-11-24', 'cancelled'],
    ['open', '2027-04-09', '2027-03-24', 'amber'], // Easter: 10 working days before Fri 9 Apr is Wed 24 Mar
    ['open', '2027-04-09', '2027-03-23', 'green'],
  ])('%s due %s on %s is %s', (status, due, today, rag) => {
    expect(ragFor({ status, due }, today, 10)).toBe(rag);
  });

  it('counts overdue only for work still with the owner', () => {
    expect(isOverdue({ status: 'in_progress', due: '2026-11-20' }, '2026-11-24')).toBe(true);
    expect(isOverdue({ status: 'completed_pending_evidence', due: '2026-11-20' }, '2026-11-24')).toBe(false);
    expect(isOverdue({ status: 'in_progress', due: '2026-11-24' }, '2026-11-24')).toBe(false);
  });
});

describe('working hours across the clock changes (Europe/London)', () => {
  const hours = { start: '09:00', end: '17:00' };
  it.each([
    ['2026-10-23T08:30:00Z', true], // Friday, BST: 09:30 in London
    ['2026-10-26T08:30:00Z', false], // Monday after the clocks go back: 08:30 in London
    ['2026-10-26T09:00:00Z', true],
    ['2026-10-26T16:59:00Z', true],
    ['2026-10-26T17:00:00Z', false],
    ['2027-03-26T10:00:00Z', false], // Good Friday
    ['2027-03-30T08:00:00Z', true], // Tuesday after Easter, BST: 09:00 in London
    ['2027-03-30T07:59:00Z', false],
    ['2027-03-30T16:00:00Z', false], // 17:00 BST
  ])('%s in working hours: %s', (at, expected) => {
    expect(inWorkingHours(new Date(at), hours)).toBe(expected);
  });
});

describe('tracker summary', () => {
  const e = (id: string, status: ActionStatus, due: string, extra: Partial<IndexEntry> = {}): IndexEntry => ({ id, ref: id.toUpperCase(), title: `Action ${id}`, owner: 'o1', due, dueSetOn: '2026-09-01', status, ...extra });
  it('counts by status, RAG and priority, lists overdue (oldest first) and completed this quarter', () => {
    const s = summarise(
      [
        e('a', 'open', '2026-11-02', { priority: 'neglect', agency: 'police' }),
        e('b', 'in_progress', '2026-11-20', { priority: 'neglect' }),
        e('c', 'acknowledged', '2027-03-01', { priority: 'child-sexual-abuse' }),
        e('d', 'completed', '2026-10-30', { closedOn: '2026-10-28', priority: 'neglect' }),
        e('f', 'completed', '2026-09-01', { closedOn: '2026-09-20' }),
        e('g', 'completed_pending_evidence', '2026-11-30', { ext: true }),
        e('h', 'cancelled', '2026-12-01', { closedOn: '2026-11-01' }),
      ],
      '2026-11-24',
      10,
    );
    expect(s.byStatus).toMatchObject({ open: 1, in_progress: 1, acknowledged: 1, completed: 2, completed_pending_evidence: 1, cancelled: 1, blocked: 0 });
    expect(s.byRag).toEqual({ red: 2, amber: 0, green: 1, complete: 3, cancelled: 1 });
    expect(s.byPriority).toEqual({ neglect: 2, 'child-sexual-abuse': 1, '': 1 });
    expect(s.overdue.map((x) => x.id)).toEqual(['a', 'b']);
    expect(s.overdue[0].workingDaysOver).toBe(16);
    expect(s.completedThisQuarter.map((x) => x.id)).toEqual(['d']);
    expect(s.awaitingSignOff.map((e) => e.ref)).toHaveLength(1);
    expect(s.extensionRequests.map((e) => e.ref)).toHaveLength(1);
  });

  it.each([
    ['2026-11-24', '2026-10-01', '2026-12-31', 'Q3 2026/27'],
    ['2027-02-10', '2027-01-01', '2027-03-31', 'Q4 2026/27'],
    ['2027-04-01', '2027-04-01', '2027-06-30', 'Q1 2027/28'],
  ])('the financial quarter of %s runs %s to %s (%s)', (today, start, end, label) => {
    const q = financialQuarter(today);
    expect([q.start, q.end]).toEqual([start, end]);
    expect(q.label).toContain(label);
  });
});
