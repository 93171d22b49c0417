import { checkReference, matchScale, nextField, reminderDue, summarise, csv } from '../../bot/audits/rules';
import { defaultContentPack } from '../../content/load';
import type { CheckIn } from '../../storage/audits/schema';

const t = defaultContentPack().audits.templates.find((x) => x.id === 'multi-agency-case-audit')!;

describe('audit references', () => {
  it.each([
    ['MACA-2026-014', true],
    ['fd-2025-11-03', true],
    ['S11-2026-POLICE', true],
    ['Jane Smith', false],
    ['Jayden Bloggs-Smith', false],
    ['jane smith', false],
    ['MACA', false],
    ['', false],
    ['case 14', false],
    ['MACA/2026/014', true],
  ])('%j accepted: %s', (ref, ok) => {
    expect(checkReference(ref).ok).toBe(ok);
  });
  it('says a name-like reference looks like a name', () => {
    const r = checkReference('Jane Smith');
    expect(r.ok === false && r.message).toMatch(/looks like a name/);
  });
});

describe('answer scales', () => {
  it.each([
    ['yes', 'yes'],
    ['Partly.', 'partly'],
    ['N/A', 'not applicable'],
    ['na', 'not applicable'],
    ['3', 'no'],
    ['maybe', undefined],
    ['5', undefined],
  ])('%j → %s', (text, expected) => {
    expect(matchScale(t.answerScale, text)).toBe(expected);
  });
  it('takes "RI" for requires improvement on the grade scale', () => {
    expect(matchScale(t.gradeScale, 'RI')).toBe('requires improvement');
  });
});

describe('next question from the draft', () => {
  const blank = { answers: {} as Record<string, string> };
  it.each([
    [{ ...blank }, 'reference'],
    [{ reference: 'MACA-1', answers: {} }, 'question'],
    [{ reference: 'MACA-1', answers: Object.fromEntries(t.questions.map((q) => [q.id, 'yes'])) }, 'grade'],
    [{ reference: 'MACA-1', answers: Object.fromEntries(t.questions.map((q) => [q.id, 'yes'])), grade: 'good' }, 'strengths'],
    [{ reference: 'MACA-1', answers: Object.fromEntries(t.questions.map((q) => [q.id, 'yes'])), grade: 'good', strengths: '', improvements: '' }, 'proposedActions'],
    [{ reference: 'MACA-1', answers: Object.fromEntries(t.questions.map((q) => [q.id, 'yes'])), grade: 'good', strengths: '', improvements: '', proposedActions: '' }, 'done'],
  ])('%j → %s', (draft, kind) => {
    expect(nextField(t, draft).kind).toBe(kind);
  });
  it('asks the first unanswered question, whatever order answers came in', () => {
    const f = nextField(t, { reference: 'MACA-1', answers: { [t.questions[0].id]: 'yes', [t.questions[2].id]: 'no' } });
    expect(f).toEqual({ kind: 'question', id: t.questions[1].id, index: 1 });
  });
});

describe('reminders on working days', () => {
  it.each([
    ['2026-12-10', '2026-12-09', undefined],
    ['2026-12-10', '2026-12-10', '2026-12-10'],
    ['2026-12-10', '2026-12-16', '2026-12-10'],
    ['2026-12-10', '2026-12-17', '2026-12-17'],
    ['2026-12-18', '2026-12-24', '2026-12-18'],
    ['2026-12-18', '2026-12-29', '2026-12-29'], // Christmas Day and the Boxing Day substitute are not working days
    ['2026-12-18', '2026-12-31', '2026-12-29'],
  ])('due %s, today %s → reminder for %s', (due, today, expected) => {
    expect(reminderDue(due, today, 5)).toBe(expected);
  });
});

describe('summary', () => {
  const answers = (a: string) => Object.fromEntries(t.questions.map((q) => [q.id, a]));
  const ci = (id: string, a: string, grade: string, status: 'draft' | 'submitted', agency = 'police'): CheckIn => ({
    type: 'checkin', id, pk: 'p', roundId: 'r', auditorId: id, agency, reference: `MACA-${id}1`, answers: answers(a), grade, strengths: 'Chronology up to date', improvements: '', proposedActions: id === 'a' ? 'Refresh GCP2 training' : '', status, learningActionIds: [], createdAt: '', updatedAt: '',
  });
  it('counts submitted check-ins only, with percentages per question and grade', () => {
    const s = summarise(t, [ci('a', 'yes', 'good', 'submitted'), ci('b', 'no', 'inadequate', 'submitted', 'icb'), ci('c', 'yes', 'good', 'draft')], 3);
    expect(s.submitted).toBe(2);
    expect(s.questions[0].counts.find((c) => c.answer === 'yes')).toEqual({ answer: 'yes', count: 1, percent: 50 });
    expect(s.grades.find((g) => g.grade === 'good')).toEqual({ grade: 'good', count: 1, percent: 50 });
    expect(s.agencies).toEqual(['icb', 'police']);
    expect(s.proposedActions).toEqual([{ checkInId: 'a', text: 'Refresh GCP2 training', created: false }]);
    expect(csv(t, s).split('\n')[1]).toMatch(/^Is the voice.*,1,50,0,0,1,50,0,0,2$/);
  });
});
