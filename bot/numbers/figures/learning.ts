import { DateTime } from 'luxon';
import type { ActionFigureRow } from '../../../storage/actions/repository';
import { completedOn, doneOn, dueOn, returnedDays, statusOn } from '../action-history';
import type { FigureContext } from '../history';
import { londonDay, type Period } from '../periods';
import { median, ratio, type Ratio } from '../ratio';

export interface LearningBreakdown {
  id: string;
  name: string;
  opened: number;
  completed: number;
  /** Completed in the period on or before their agreed due date. */
  onTime: number;
  overdue: number;
}

export interface LearningFigures {
  opened: number;
  completed: number;
  completedOnTime: number;
  /** Of the actions whose agreed due date fell in the period (to `asOf`), those completed by that date. */
  dueOnTime: Ratio;
  /** The same, for review actions only (the pack's review sources). */
  reviewDueOnTime: Ratio;
  overdueAtEnd: number;
  medianDaysToComplete?: number;
  /** Actions returned to their owner after being marked complete, in the period. */
  reopened: number;
  bySource: LearningBreakdown[];
  byPriority: LearningBreakdown[];
}

const inRange = (d: string | undefined, from: string, to: string) => !!d && d >= from && d <= to;
const days = (from: string, to: string) => Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days);

/**
 * Learning into practice, from the tracker. Dates are London days; "on time" compares with the due
 * date agreed at the time (approved extensions count), and overdue is read at the end of the period.
 */
export function learningFigures(actions: readonly ActionFigureRow[], ctx: FigureContext, p: Period, asOf: string): LearningFigures {
  const existing = actions.filter((a) => londonDay(a.createdAt) <= asOf);
  const opened = (a: ActionFigureRow) => inRange(londonDay(a.createdAt), p.from, asOf);
  const completedIn = (a: ActionFigureRow) => inRange(completedOn(a), p.from, asOf);
  const onTime = (a: ActionFigureRow) => completedIn(a) && completedOn(a)! <= a.dueDate;
  const overdue = (a: ActionFigureRow) => !doneOn(a, asOf) && dueOn(a, asOf) < asOf;
  const dueIn = (a: ActionFigureRow) => inRange(dueOn(a, asOf), p.from, asOf) && statusOn(a, dueOn(a, asOf)) !== 'cancelled';
  const dueMet = (a: ActionFigureRow) => {
    const done = completedOn(a);
    return !!done && done <= dueOn(a, asOf);
  };
  const due = existing.filter(dueIn);
  const review = due.filter((a) => ctx.reviewSources.includes(a.source));
  const breakdown = (id: string, name: string, of: (a: ActionFigureRow) => boolean): LearningBreakdown => {
    const xs = existing.filter(of);
    return { id, name, opened: xs.filter(opened).length, completed: xs.filter(completedIn).length, onTime: xs.filter(onTime).length, overdue: xs.filter(overdue).length };
  };
  const done = existing.filter(completedIn);
  return {
    opened: existing.filter(opened).length,
    completed: done.length,
    completedOnTime: done.filter(onTime).length,
    dueOnTime: ratio(due.filter(dueMet).length, due.length),
    reviewDueOnTime: ratio(review.filter(dueMet).length, review.length),
    overdueAtEnd: existing.filter(overdue).length,
    medianDaysToComplete: median(done.map((a) => days(londonDay(a.createdAt), completedOn(a)!))),
    reopened: existing.flatMap(returnedDays).filter((d) => inRange(d, p.from, asOf)).length,
    bySource: ctx.sources.map((s) => breakdown(s.id, s.name, (a) => a.source === s.id)),
    byPriority: [...ctx.priorities.map((x) => breakdown(x.id, x.name, (a) => a.priority === x.id)), breakdown('', 'No priority', (a) => !a.priority || !ctx.priorities.some((x) => x.id === a.priority))],
  };
}
