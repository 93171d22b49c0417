import type { FigureContext, History } from '../history';
import { asOfDate, type Period } from '../periods';
import { assuranceFigures, type AssuranceFigures } from './assurance';
import { governanceFigures, type GovernanceFigures } from './governance';
import { learningFigures, type LearningFigures } from './learning';
import { questionFigures, type QuestionFigures } from './questions';
import { reachFigures, type ReachFigures } from './reach';

export interface Figures {
  period: Period;
  /** The last day counted: the period's end, or today for a period still running. */
  asOf: string;
  governance: GovernanceFigures;
  learning: LearningFigures;
  assurance: AssuranceFigures;
  reach: ReachFigures;
  questions: QuestionFigures;
}

/** Every figure on the card for one period: pure, from the stored records and the pack. */
export function computeFigures(h: History, ctx: FigureContext, period: Period, today: string): Figures {
  const asOf = asOfDate(period, today);
  return {
    period,
    asOf,
    governance: governanceFigures(h.meetings, ctx, period, asOf),
    learning: learningFigures(h.actions, ctx, period, asOf),
    assurance: assuranceFigures(h.rounds, h.checkIns, ctx, period),
    reach: reachFigures(h.briefings, ctx, period),
    questions: questionFigures(h.queries, h.tickets, ctx, period, asOf),
  };
}

export type { AssuranceFigures, GovernanceFigures, LearningFigures, QuestionFigures, ReachFigures };
