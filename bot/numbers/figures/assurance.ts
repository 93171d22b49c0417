import type { CheckInRecord, FigureContext, RoundRecord } from '../history';
import type { Period } from '../periods';
import { ratio, type Ratio } from '../ratio';

export interface AssuranceFigures {
  rounds: number;
  /** Auditors who submitted at least one check-in, of the auditors asked (per round). */
  returns: Ratio;
  submitted: number;
  grades: { grade: string; count: number }[];
  learningActions: number;
}

/** Audit rounds due in the period, with returns, grades given and learning actions raised from them. */
export function assuranceFigures(rounds: readonly RoundRecord[], checkIns: readonly CheckInRecord[], ctx: FigureContext, p: Period): AssuranceFigures {
  const mine = rounds.filter((r) => r.dueDate >= p.from && r.dueDate <= p.to);
  const ids = new Set(mine.map((r) => r.id));
  const done = checkIns.filter((c) => ids.has(c.roundId) && c.status === 'submitted');
  const returned = mine.reduce((t, r) => t + new Set(done.filter((c) => c.roundId === r.id && r.auditorIds.includes(c.auditorId)).map((c) => c.auditorId)).size, 0);
  const graded = done.filter((c) => c.grade);
  const order = [...ctx.grades, ...graded.map((c) => c.grade!).filter((g) => !ctx.grades.includes(g))];
  return {
    rounds: mine.length,
    returns: ratio(returned, mine.reduce((t, r) => t + r.auditorIds.length, 0)),
    submitted: done.length,
    grades: [...new Set(order)].map((grade) => ({ grade, count: graded.filter((c) => c.grade === grade).length })).filter((g) => g.count > 0),
    learningActions: checkIns.filter((c) => ids.has(c.roundId)).reduce((t, c) => t + c.learningActionIds.length, 0),
  };
}
