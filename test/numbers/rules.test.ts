import { ctx, history } from './fixture';
import { computeFigures } from '../../bot/numbers/figures';
import { asOfDate, firstWorkingDayAfter, monthsOf, parsePeriod, previousPeriod, quarter, quarterContaining, reportingYear, reportingYearContaining } from '../../bot/numbers/periods';
import { dueOn, statusOn, doneOn } from '../../bot/numbers/action-history';
import { reportFrom } from '../../bot/numbers/report';
import { describeChange, headlinesWithChange } from '../../bot/numbers/headlines';
import { quarterDue } from '../../bot/numbers/quarterly-sweep';
import { MAX_SENTENCES, MIN_SENTENCES, summarise } from '../../bot/numbers/summary';
import { attendanceMatrix } from '../../bot/numbers/appendix';
import { appendixCsv, figuresCsv } from '../../bot/numbers/csv';
import { median, pct } from '../../bot/numbers/ratio';
import { defaultContentPack } from '../../content/load';
import { describeProblems, mergeValues, parseFiguresCsv, publishedRows, recordSchema } from '../../bot/numbers/published';

const TODAY = '2026-04-15';
const q1 = computeFigures(history, ctx, quarter(2026, 1), TODAY);
const q4 = computeFigures(history, ctx, quarter(2025, 4), TODAY);
const year = computeFigures(history, ctx, reportingYear(2025), TODAY);

describe('periods, Europe/London', () => {
  it.each([
    ['', '2026-02-11', '2026-01-01', '2026-03-31', '2026 Q1'],
    ['this quarter', '2026-02-11', '2026-01-01', '2026-03-31', '2026 Q1'],
    ['last quarter', '2026-02-11', '2025-10-01', '2025-12-31', '2025 Q4'],
    ['2026 Q3', '2026-11-01', '2026-07-01', '2026-09-30', '2026 Q3'],
    ['q3 2026', '2026-11-01', '2026-07-01', '2026-09-30', '2026 Q3'],
    ['2025/26', '2026-02-11', '2025-04-01', '2026-03-31', '2025/26'],
    ['2025-26', '2026-02-11', '2025-04-01', '2026-03-31', '2025/26'],
    ['2025/2026', '2026-02-11', '2025-04-01', '2026-03-31', '2025/26'],
    ['this year', '2026-02-11', '2025-04-01', '2026-03-31', '2025/26'],
    ['this year', '2026-04-01', '2026-04-01', '2027-03-31', '2026/27'],
    ['last year', '2026-04-01', '2025-04-01', '2026-03-31', '2025/26'],
  ])('"%s" on %s is %s to %s (%s)', (text, today, from, to, arg) => {
    const p = parsePeriod(text, today);
    expect(p.ok && { from: p.period.from, to: p.period.to, arg: p.period.arg }).toEqual({ from, to, arg });
  });

  it.each([
    ['2026 Q4', '2026-09-30', 'October to December 2026 has not started yet, so there are no figures for it. Try **numbers** (this quarter), **numbers last quarter**, **numbers 2026 Q3** (July to September 2026) or **numbers 2025/26** (April 2025 to March 2026).'],
    ['2025/27', '2026-02-11', 'A reporting year runs April to March, so it is written like 2025/26. Try **numbers** (this quarter), **numbers last quarter**, **numbers 2026 Q3** (July to September 2026) or **numbers 2025/26** (April 2025 to March 2026).'],
    ['fortnight', '2026-02-11', 'I did not understand the period "fortnight". Try **numbers** (this quarter), **numbers last quarter**, **numbers 2026 Q3** (July to September 2026) or **numbers 2025/26** (April 2025 to March 2026).'],
  ])('refuses "%s" on %s with a plain sentence', (text, today, message) => {
    expect(parsePeriod(text, today)).toEqual({ ok: false, message });
  });

  it('steps back across a year end and a reporting-year end', () => {
    expect(previousPeriod(quarter(2026, 1)).arg).toBe('2025 Q4');
    expect(previousPeriod(reportingYear(2025)).arg).toBe('2024/25');
    expect(quarterContaining('2026-12-31').arg).toBe('2026 Q4');
    expect(reportingYearContaining('2026-03-31').arg).toBe('2025/26');
  });

  it('counts a running period to today only', () => {
    expect(asOfDate(quarter(2026, 1), '2026-02-11')).toBe('2026-02-11');
    expect(asOfDate(quarter(2026, 1), TODAY)).toBe('2026-03-31');
    expect(monthsOf(quarter(2026, 1), '2026-02-11').map((m) => m.label)).toEqual(['Jan 2026', 'Feb 2026']);
  });

  it.each([
    ['2025 Q4', quarter(2025, 4), '2026-01-02'], // 1 January is a bank holiday
    ['2026 Q1', quarter(2026, 1), '2026-04-01'],
    ['2024 Q1', quarter(2024, 1), '2024-04-02'], // 1 April 2024 was Easter Monday
    ['2026 Q2', quarter(2026, 2), '2026-07-01'],
    ['2026 Q3', quarter(2026, 3), '2026-10-01'],
    ['2026 Q4', quarter(2026, 4), '2027-01-04'], // New Year's Day 2027 is a Friday
  ])('the first working day after %s is %s', (_name, q, day) => {
    expect(firstWorkingDayAfter(q)).toBe(day);
  });

  it.each([
    ['2026-01-01', undefined],
    ['2026-01-02', '2025 Q4'],
    ['2026-01-07', '2025 Q4'],
    ['2026-01-08', undefined],
    ['2026-03-31', undefined],
    ['2026-04-01', '2026 Q1'],
    ['2024-04-01', undefined],
    ['2024-04-02', '2024 Q1'],
  ])('on %s the quarterly post due is %s (3 catch-up working days)', (today, arg) => {
    expect(quarterDue(today, 3)?.arg).toBe(arg);
  });
});

describe('an action as it stood on a day', () => {
  const byId = (id: string) => history.actions.find((a) => a.id === id)!;
  it.each([
    ['A2', '2026-03-09', '2026-03-13', 'in_progress'],
    ['A2', '2026-03-10', '2026-04-30', 'in_progress'],
    ['A3', '2026-01-29', '2026-01-30', 'completed_pending_evidence'],
    ['A3', '2026-02-05', '2026-01-30', 'in_progress'],
    ['A3', '2026-02-12', '2026-01-30', 'completed'],
    ['A8', '2026-03-31', '2026-03-27', 'completed_pending_evidence'],
    ['A9', '2026-03-04', '2026-02-13', 'acknowledged'],
    ['A9', '2026-03-05', '2026-05-29', 'acknowledged'],
    ['A6', '2026-03-01', '2026-03-20', 'open'],
    ['A6', '2026-03-20', '2026-03-20', 'cancelled'],
  ])('%s at the end of %s: due %s, %s', (id, day, due, status) => {
    expect(dueOn(byId(id), day)).toBe(due);
    expect(statusOn(byId(id), day)).toBe(status);
  });

  it('counts work awaiting sign-off as done by its owner', () => {
    expect(doneOn(byId('A8'), '2026-03-31')).toBe(true);
    expect(doneOn(byId('A4'), '2026-03-31')).toBe(false);
  });
});

describe('figures for 2026 Q1 against 2025 Q4', () => {
  it('governance: held against planned, cancelled, quorate, attendance by partner and agency', () => {
    const g = q1.governance;
    expect(g.groups.map((x) => [x.id, x.planned, x.held, x.cancelled, x.quorate, x.attendance])).toEqual([
      ['board', 2, 2, 1, { n: 1, d: 2 }, { n: 6, d: 8 }],
      ['qa', 1, 1, 0, { n: 0, d: 0 }, { n: 2, d: 2 }],
    ]);
    expect([g.planned, g.held, g.cancelled, pct(g.quorate)]).toEqual([3, 3, 1, 50]);
    expect(g.partners.map((p) => [p.id, p.attended.n, p.attended.d])).toEqual([['la', 2, 2], ['police', 2, 2], ['health', 1, 2]]);
    expect(g.boardAgencies.map((a) => [a.agency, a.attended, a.percent])).toEqual([['council', 2, 100], ['police', 2, 100], ['icb', 1, 50], ['school', 1, 50]]);
    expect(pct(q4.governance.board!.attendance)).toBe(67);
    expect([q4.governance.board!.planned, q4.governance.held]).toEqual([2, 1]);
  });

  it('learning into practice: opened, completed, on time, overdue at period end, median, reopened', () => {
    const l = q1.learning;
    expect({ opened: l.opened, completed: l.completed, onTime: l.completedOnTime, due: l.dueOnTime, review: l.reviewDueOnTime, overdue: l.overdueAtEnd, median: l.medianDaysToComplete, reopened: l.reopened }).toEqual({
      opened: 5,
      completed: 2,
      onTime: 1,
      due: { n: 1, d: 4 },
      review: { n: 1, d: 2 },
      overdue: 2,
      median: 107.5,
      reopened: 1,
    });
    expect(l.bySource.map((s) => [s.id, s.opened, s.completed, s.onTime, s.overdue])).toEqual([
      ['rapid-review', 2, 1, 1, 1],
      ['lcspr', 1, 1, 0, 0],
      ['multi-agency-audit', 1, 0, 0, 1],
      ['meeting', 1, 0, 0, 0],
    ]);
    expect(l.byPriority.map((s) => [s.id, s.opened, s.completed, s.overdue])).toEqual([['neglect', 1, 2, 0], ['exploitation', 2, 0, 0], ['', 2, 0, 2]]);
    expect({ opened: q4.learning.opened, completed: q4.learning.completed, overdue: q4.learning.overdueAtEnd, median: q4.learning.medianDaysToComplete }).toEqual({ opened: 4, completed: 1, overdue: 1, median: 78 });
  });

  it('assurance: rounds due, returns, grades and learning actions', () => {
    expect(q1.assurance).toEqual({ rounds: 1, returns: { n: 2, d: 3 }, submitted: 3, grades: [{ grade: 'good', count: 2 }, { grade: 'requires improvement', count: 1 }], learningActions: 1 });
    expect(q4.assurance).toEqual({ rounds: 1, returns: { n: 1, d: 2 }, submitted: 1, grades: [{ grade: 'inadequate', count: 1 }], learningActions: 0 });
  });

  it('learning reach: delivered, read and useful, by agency; a briefing sent after midnight BST on 31 March belongs to April', () => {
    const r = q1.reach;
    expect([r.briefings, r.delivered, r.notDelivered, r.read, pct(r.reach), pct(r.readRate), pct(r.usefulRate)]).toEqual([1, 4, 1, 4, 80, 100, 67]);
    expect(r.byAgency.map((a) => [a.name, a.delivered, a.read, a.yes, a.rated])).toEqual([['Police', 2, 2, 1, 2], ['Council', 1, 0, 0, 0], ['ICB', 1, 1, 0, 0], ['Schools', 0, 1, 1, 1]]);
  });

  it('questions: by topic and month, unanswered, tickets answered across Christmas in working days', () => {
    const q = q1.questions;
    expect([q.asked, q.unanswered.n, pct(q.unanswered)]).toEqual([6, 2, 33]);
    expect(q.byTopic.map((t) => [t.name, t.count])).toEqual([['Escalation route', 3], ['Acronyms (glossary)', 1], ['Levels of need', 1], ['Not matched to a topic', 1]]);
    expect(q.byMonth.map((m) => [m.label, m.count])).toEqual([['Jan 2026', 3], ['Feb 2026', 2], ['Mar 2026', 1]]);
    expect([q.ticketsOpened, q.ticketsAnswered, q.medianWorkingDaysToAnswer]).toEqual([2, 2, 3]);
    expect(q4.questions.asked).toBe(1);
  });

  it('the reporting year 2025/26 counts April to March, so a board held at 00:30 BST on 1 April 2026 is not in it', () => {
    expect([year.learning.opened, year.learning.completed, year.governance.held, year.questions.asked]).toEqual([9, 3, 4, 7]);
    expect(year.governance.groups.find((g) => g.id === 'board')!.held).toBe(3);
  });
});

describe('change since last period and the summary', () => {
  it.each([
    ['percent', 75, 67, 'up 8 points from 67%'],
    ['count', 2, 5, 'down 3 from 5'],
    ['count', 4, 4, 'no change'],
    ['days', 107.5, 78, 'up 29.5 from 78'],
    ['count', 3, undefined, 'no earlier figure'],
    ['percent', undefined, 40, 'was 40%'],
    ['percent', 98, 99, 'down 1 point from 99%'],
  ] as const)('%s %s against %s reads "%s"', (unit, now, before, text) => {
    expect(describeChange(unit, now, before)).toBe(text);
  });

  it('shows each headline with its change', () => {
    const h = Object.fromEntries(headlinesWithChange(q1, q4).map((x) => [x.id, `${x.shown} · ${x.change}`]));
    expect(h['board-attendance']).toBe('75% (6 of 8 places) · up 8 points from 67%');
    expect(h['overdue-at-end']).toBe('2 · up 1 from 1');
    expect(h['due-on-time']).toBe('25% (1 of 4 due) · down 25 points from 50%'); // 2025 Q4: A5 on time, A7 not
    expect(h['days-to-answer']).toBe('3 working days · no earlier figure');
  });

  const report = reportFrom(history, ctx, quarter(2026, 1), TODAY, [], 'Partnership board');

  it('writes three to six sentences from the figures, most important first when there are more', () => {
    expect(report.summary.map((s) => s.text)).toEqual([
      'All 3 planned governance meetings were held; 1 was cancelled.',
      'Partnership board attendance was 75%, up from 67%.',
      '1 of 2 review actions due in the quarter was completed on time.',
      '2 actions were overdue at the end of the quarter, up from 1.',
      '1 briefing reached 80% of the people it was sent to; 100% read it, and 67% of those who rated it found it useful.',
      'Practitioners asked 6 questions, most often about escalation route; 33% went unanswered.',
    ]);
  });

  it('quotes no number it cannot trace to a figure', () => {
    for (const s of report.summary) {
      const numbers = (s.text.match(/\d[\d,]*(\.\d+)?/g) ?? []).map((x) => Number(x.replace(/,/g, '')));
      expect({ text: s.text, untraced: numbers.filter((x) => !s.refs.some((r) => r.value === x)) }).toEqual({ text: s.text, untraced: [] });
    }
    const values: Record<string, number | undefined> = {
      'meetings-held': q1.governance.held,
      'meetings-planned': q1.governance.planned,
      'meetings-cancelled': q1.governance.cancelled,
      'board-attendance': pct(q1.governance.board!.attendance),
      'board-attendance-before': pct(q4.governance.board!.attendance),
      'review-due-on-time-done': q1.learning.reviewDueOnTime.n,
      'review-due-on-time-due': q1.learning.reviewDueOnTime.d,
      'overdue-at-end': q1.learning.overdueAtEnd,
      'overdue-at-end-before': q4.learning.overdueAtEnd,
      'briefings-sent': q1.reach.briefings,
      reach: pct(q1.reach.reach),
      read: pct(q1.reach.readRate),
      useful: pct(q1.reach.usefulRate),
      'questions-asked': q1.questions.asked,
      unanswered: pct(q1.questions.unanswered),
    };
    for (const r of report.summary.flatMap((s) => s.refs)) expect([r.id, r.value]).toEqual([r.id, values[r.id]]);
  });

  it('says so when a quarter was quiet, and never falls under three sentences', () => {
    const empty = { meetings: [], actions: [], rounds: [], checkIns: [], briefings: [], queries: [], tickets: [] };
    const f = computeFigures(empty, { ...ctx, series: [] }, quarter(2026, 1), TODAY);
    const s = summarise(f, f, { board: 'Partnership board', current: false });
    expect(s.map((x) => x.text)).toEqual(['No governance meetings were planned or held in the quarter.', 'No actions were added, due or completed in the quarter.', 'No audit rounds were due in the quarter.']);
    expect(s.length).toBeGreaterThanOrEqual(MIN_SENTENCES);
    expect(report.summary.length).toBeLessThanOrEqual(MAX_SENTENCES);
  });

  const sentence = (rule: string, f: typeof q1) => summarise(f, q4, { board: 'Partnership board', current: false }).find((s) => s.rule === rule)?.text;
  it.each([
    [3, 3, 0, 'All 3 planned governance meetings were held.'],
    [1, 3, 0, '1 of 3 planned governance meetings was held.'],
    [0, 2, 1, '0 of 2 planned governance meetings were held; 1 was cancelled.'],
    [1, 0, 0, "1 governance meeting was held, none of them planned by a group's agreed cadence."],
    [4, 3, 0, '4 governance meetings were held, more than the 3 planned.'],
  ])('meetings: %i held of %i planned, %i cancelled', (held, planned, cancelled, text) => {
    expect(sentence('meetings', { ...q1, governance: { ...q1.governance, held, planned, cancelled } })).toBe(text);
  });
  it.each([
    [{ n: 1, d: 1 }, 'The one review action due in the quarter was completed on time.'],
    [{ n: 0, d: 1 }, 'The one review action due in the quarter was not completed on time.'],
    [{ n: 3, d: 3 }, 'All 3 review actions due in the quarter were completed on time.'],
    [{ n: 0, d: 3 }, 'None of the 3 review actions due in the quarter were completed on time.'],
    [{ n: 2, d: 5 }, '2 of 5 review actions due in the quarter were completed on time.'],
  ])('reads %j review actions done on time as "%s"', (r, text) => {
    expect(sentence('due', { ...q1, learning: { ...q1.learning, reviewDueOnTime: r } })).toBe(text);
  });

  it.each([
    [{ n: 1, d: 1 }, 0, '1 audit round was due: its auditor returned a check-in, and no learning actions were raised.'],
    [{ n: 0, d: 1 }, 0, '1 audit round was due: its auditor did not return a check-in, and no learning actions were raised.'],
    [{ n: 0, d: 4 }, 2, '1 audit round was due: none of the 4 auditors returned a check-in, and 2 learning actions were raised.'],
    [{ n: 4, d: 4 }, 1, '1 audit round was due: all 4 auditors returned check-ins, and 1 learning action was raised.'],
  ])('reads audit returns %j with %s learning actions as "%s"', (returns, learningActions, text) => {
    // With no briefings there are six sentences, so the audit one (last in priority) is kept.
    expect(sentence('assurance', { ...q1, reach: { ...q1.reach, briefings: 0 }, assurance: { ...q1.assurance, returns, learningActions } })).toBe(text);
  });

  it('names the commonest topic only when one leads outright', () => {
    const tied = { ...q1, questions: { ...q1.questions, byTopic: [{ id: 'levels-of-need', name: 'Levels of need', count: 2 }, { id: 'escalation-route', name: 'Escalation route', count: 2 }] } };
    expect(summarise(tied, q4, { board: 'Partnership board', current: false }).find((s) => s.rule === 'questions')!.text).toBe('Practitioners asked 6 questions; 33% went unanswered.');
  });

  it('says "this quarter" and "now" while the quarter is running', () => {
    const running = reportFrom(history, ctx, quarter(2026, 1), '2026-03-31', [], 'Partnership board');
    expect(running.summary.find((s) => s.rule === 'overdue')!.text).toBe('2 actions are overdue now, up from 1.');
    expect(running.summary.find((s) => s.rule === 'due')!.text).toBe('1 of 2 review actions due this quarter was completed on time.');
  });
});

describe('appendix and CSV', () => {
  it('tabulates board attendance by agency and meeting, as annual reports publish it', () => {
    const [board, qa] = attendanceMatrix(history.meetings, ctx, reportingYear(2025));
    expect(board.meetings.map((m) => m.label)).toEqual(['12 Nov 2025', '14 Jan 2026', '25 Mar 2026']);
    expect(board.rows.map((r) => [r.name, r.marks.join(' '), r.attended, r.held, r.percent])).toEqual([
      ['Council', 'present present present', 3, 3, 100],
      ['ICB', 'present absent present', 2, 3, 67],
      ['Police', 'absent present present', 2, 3, 67],
      ['Schools', 'not listed present absent', 1, 3, 33],
    ]);
    expect(qa.rows.map((r) => [r.name, r.percent])).toEqual([['Council', 100], ['Voluntary sector', 100]]);
    expect(appendixCsv([board, qa]).split('\n').slice(0, 3)).toEqual(['Partnership board,agency,2025-11-12,2026-01-14,2026-03-25,attended,held,percent', 'Partnership board,Council,✓,✓,✓,3,3,100', 'Partnership board,ICB,✓,✗,✓,2,3,67']);
  });

  it('gives the data behind every figure with what it was counted from', () => {
    const csv = figuresCsv([year, q1], ctx, [], '2025/26', '2024/25');
    expect(csv).toContain('2025/26,2025-04-01,2026-03-31,learning,Actions completed,,3,,');
    expect(csv).toContain('2026 Q1,2026-01-01,2026-03-31,governance,Attendance (%),Partnership board,75,6,8');
    expect(csv).toContain('2026 Q1,2026-01-01,2026-03-31,questions,Median time to answer,,3,,');
    expect(csv).toContain('2026 Q1,2026-01-01,2026-03-31,learning,Due actions done on time (%),review actions,50,1,2');
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect([median([]), median([5]), median([9, 1, 5]), median([4, 1, 3, 2])]).toEqual([undefined, 5, 5, 2.5]);
  });
});

describe('published figures: checking what the business unit types', () => {
  const figures = defaultContentPack().numbers.publishedFigures;

  it.each([
    ['figure,value\nrapid-reviews,4\nTraining events cancelled,3', true, [], { 'rapid-reviews': 4, 'training-events-cancelled': 3 }],
    ['Figure,Value,Year\ntraining-attendees,"6,499",2025/26\ns175-return-rate,99%,2025/26', true, [], { 'training-attendees': 6499, 's175-return-rate': 99 }],
    ['rapid-reviews,4', false, ['Paste a header row (figure,value) and at least one figure.'], {}],
    ['name,amount\nrapid-reviews,4', false, ['Row 1: the header row needs the columns figure and value (and year if you like).'], {}],
    ['figure,value\nrapid-reviews,4\nrapid-reviews,5', false, ['Row 3, Rapid reviews held: already given on row 2.'], {}],
    ['figure,value,year\nrapid-reviews,4,2024/25', false, ['Row 2, Rapid reviews held: the year 2024/25 is not 2025/26; import one reporting year at a time.'], {}],
    ['figure,value\ns175-return-rate,101\nrapid-reviews,2.5\ntraining-events,', false, ['Row 2, Section 175 return rate: please enter a percentage from 0 to 100, such as 84.', 'Row 3, Rapid reviews held: please enter a whole number, such as 4.', 'Row 4, In-house multi-agency training events: the value is empty.'], {}],
  ])('CSV %j: ok %s', (csv, ok, problems, values) => {
    const r = parseFiguresCsv(csv, figures, '2025/26', 60);
    expect({ ok: r.ok, problems: r.problems, values: Object.fromEntries(r.values) }).toEqual({ ok, problems, values });
  });

  it('names each field by its label, never its key', () => {
    const parsed = recordSchema(figures).safeParse({ year: '2025', 'f_rapid-reviews': '-1', 'f_training-booked-attendance': 'lots' });
    expect(parsed.success).toBe(false);
    expect(describeProblems(parsed.error!, figures)).toEqual([
      'Reporting year: must be a reporting year such as 2025/26.',
      'Rapid reviews held: please enter a whole number, such as 4.',
      'Booked places attended: please enter a percentage from 0 to 100, such as 84.',
    ]);
  });

  it('keeps who recorded a value and when, until the value changes', () => {
    const by = { id: 'aad-bu', name: 'Business Unit Officer' };
    const first = mergeValues({}, new Map([['rapid-reviews', 4]]), 'replace', by, '2026-04-10T10:00:00Z');
    const again = mergeValues(first.values, new Map([['rapid-reviews', 4], ['training-events', 170]]), 'merge', { id: 'aad-other', name: 'Other' }, '2026-04-11T10:00:00Z');
    expect(again.changed).toBe(1);
    expect(again.values['rapid-reviews']).toEqual({ value: 4, by: 'aad-bu', byName: 'Business Unit Officer', at: '2026-04-10T10:00:00Z' });
    const cleared = mergeValues(again.values, new Map(), 'replace', by, '2026-04-12T10:00:00Z');
    expect([cleared.changed, Object.keys(cleared.values)]).toEqual([2, []]);
  });

  it('sets each year beside the one before, from the record or the annual report it was published in', () => {
    const rows = publishedRows(figures, '2025/26', '2024/25', { values: { 'training-events-cancelled': { value: 2, by: 'aad-bu', byName: 'Business Unit Officer', at: '2026-04-10T10:00:00Z' } } });
    expect(rows.find((r) => r.id === 'training-events-cancelled')).toMatchObject({ value: 2, previous: 3, change: 'down 1 from 3', provenance: 'recorded by Business Unit Officer on 2026-04-10', previousProvenance: 'CESCP Annual Report 2024/25 (seed 002), Training offer and attendance: cancelled events, this year against last' });
    expect(rows.find((r) => r.id === 'rapid-reviews')).toMatchObject({ value: undefined, previous: 4, change: 'not recorded yet' });
    const older = publishedRows(figures, '2024/25', '2023/24');
    expect(older.find((r) => r.id === 'training-events-cancelled')).toMatchObject({ value: 3, previous: 5, change: 'down 2 from 5' });
  });
});
