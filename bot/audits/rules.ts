import type { AuditTemplate } from '../../content/schema/audits';
import type { CheckIn } from '../../storage/audits/schema';
import { addWorkingDays, workingDaysBetween } from '../shared/time/working-days';

/**
 * Case references are pseudonymous codes (MACA-2026-014), never names. A reference must contain a
 * digit and no spaces; anything that reads like a person's name is refused.
 */
export function checkReference(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = text.trim().toUpperCase();
  if (!value) return { ok: false, message: 'Please give the audit reference.' };
  if (/^[A-Z][a-z]+(?:[\s-]+[A-Z][a-z]+)+$/.test(text.trim()) || /\s/.test(text.trim())) {
    return { ok: false, message: 'That looks like a name. Use the pseudonymous audit reference (for example MACA-2026-014), never a child\'s or family\'s name.' };
  }
  if (!/\d/.test(value) || !/^[A-Z0-9][A-Z0-9\-/_.]{2,39}$/.test(value)) {
    return { ok: false, message: 'An audit reference is letters and digits with hyphens, like MACA-2026-014.' };
  }
  return { ok: true, value };
}

export type Field = { kind: 'reference' } | { kind: 'question'; id: string; index: number } | { kind: 'grade' } | { kind: 'strengths' } | { kind: 'improvements' } | { kind: 'proposedActions' } | { kind: 'done' };

/** The next thing to ask, from what the draft already holds: the dialog can resume from any point. */
export function nextField(t: AuditTemplate, c: Pick<CheckIn, 'reference' | 'answers' | 'grade' | 'strengths' | 'improvements' | 'proposedActions'>): Field {
  if (!c.reference) return { kind: 'reference' };
  const index = t.questions.findIndex((q) => !c.answers[q.id]);
  if (index >= 0) return { kind: 'question', id: t.questions[index].id, index };
  if (!c.grade) return { kind: 'grade' };
  if (c.strengths === undefined) return { kind: 'strengths' };
  if (c.improvements === undefined) return { kind: 'improvements' };
  if (c.proposedActions === undefined) return { kind: 'proposedActions' };
  return { kind: 'done' };
}

/** Matches what people type against a scale: "Partly", "partly.", "n/a" for "not applicable", or its number. */
export function matchScale(scale: readonly string[], text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/[.!]+$/, '');
  const aliases: Record<string, string> = { na: 'not applicable', 'n/a': 'not applicable', ri: 'requires improvement', y: 'yes', n: 'no' };
  const wanted = aliases[t] ?? t;
  const byNumber = /^\d+$/.test(wanted) ? scale[Number(wanted) - 1] : undefined;
  return byNumber ?? scale.find((s) => s.toLowerCase() === wanted);
}

export interface QuestionSummary {
  id: string;
  text: string;
  counts: { answer: string; count: number; percent: number }[];
  answered: number;
}

export interface RoundSummary {
  submitted: number;
  expected: number;
  questions: QuestionSummary[];
  grades: { grade: string; count: number; percent: number }[];
  agencies: string[];
  strengths: string[];
  improvements: string[];
  proposedActions: { checkInId: string; text: string; created: boolean }[];
}

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((100 * n) / d));

/** Counts and percentages per question and grade, over submitted check-ins only. */
export function summarise(t: AuditTemplate, checkIns: CheckIn[], expectedAuditors: number): RoundSummary {
  const done = checkIns.filter((c) => c.status === 'submitted');
  return {
    submitted: done.length,
    expected: expectedAuditors,
    questions: t.questions.map((q) => {
      const answered = done.filter((c) => c.answers[q.id]).length;
      return {
        id: q.id,
        text: q.text,
        answered,
        counts: t.answerScale.map((a) => {
          const count = done.filter((c) => c.answers[q.id] === a).length;
          return { answer: a, count, percent: pct(count, answered) };
        }),
      };
    }),
    grades: t.gradeScale.map((g) => {
      const count = done.filter((c) => c.grade === g).length;
      return { grade: g, count, percent: pct(count, done.length) };
    }),
    agencies: [...new Set(done.map((c) => c.agency).filter((a): a is string => Boolean(a)))].sort(),
    strengths: done.map((c) => c.strengths).filter((s): s is string => Boolean(s)),
    improvements: done.map((c) => c.improvements).filter((s): s is string => Boolean(s)),
    proposedActions: done.filter((c) => c.proposedActions).map((c) => ({ checkInId: c.id, text: c.proposedActions!, created: c.learningActionIds.length > 0 })),
  };
}

/** Reminder dates for a round: the due date, then every `every` working days while it is unfinished. */
export function reminderDue(dueDate: string, today: string, every: number): string | undefined {
  if (today < dueDate) return undefined;
  const over = workingDaysBetween(dueDate, today);
  const step = Math.floor(over / every) * every;
  return addWorkingDays(dueDate, step);
}

export function csv(t: AuditTemplate, s: RoundSummary): string {
  const esc = (v: string | number) => {
    const x = String(v);
    const safe = /^[=+\-@]/.test(x) ? `'${x}` : x;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows: (string | number)[][] = [['question', ...t.answerScale.flatMap((a) => [`${a} (n)`, `${a} (%)`]), 'answered']];
  for (const q of s.questions) rows.push([q.text, ...q.counts.flatMap((c) => [c.count, c.percent]), q.answered]);
  rows.push([]);
  rows.push(['grade', 'count', 'percent']);
  for (const g of s.grades) rows.push([g.grade, g.count, g.percent]);
  return rows.map((r) => r.map(esc).join(',')).join('\n') + '\n';
}
