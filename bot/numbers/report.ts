/**
 * One report: the figures for a period and the period before, headlines with change, the summary,
 * and the published figures for the reporting year. The only I/O is loading the records and two
 * point reads of published figures; everything else is the pure rules.
 */
import type { Services } from '../core/contract';
import { londonDate } from '../shared/time/working-days';
import { computeFigures, type Figures } from './figures';
import { headlinesWithChange, type HeadlineWithChange } from './headlines';
import { figureContext, type FigureContext, type History } from './history';
import { publishedRows, type PublishedRow } from './published';
import { previousPeriod, reportingYearOf, type Period } from './periods';
import { loadHistory } from './records';
import { summarise, type Sentence } from './summary';

export interface Report {
  period: Period;
  previous: Period;
  /** The reporting year the period belongs to, and the one before (published figures). */
  year: Period;
  previousYear: Period;
  today: string;
  now: Figures;
  before: Figures;
  headlines: HeadlineWithChange[];
  summary: Sentence[];
  published: PublishedRow[];
  ctx: FigureContext;
  history: History;
}

/** Pure: a report from records already loaded (the table tests call this directly). */
export function reportFrom(history: History, ctx: FigureContext, period: Period, today: string, published: PublishedRow[], boardName: string): Omit<Report, 'year' | 'previousYear'> {
  const previous = previousPeriod(period);
  const now = computeFigures(history, ctx, period, today);
  const before = computeFigures(history, ctx, previous, today);
  return {
    period,
    previous,
    today,
    now,
    before,
    headlines: headlinesWithChange(now, before),
    summary: summarise(now, before, { board: boardName, current: period.to >= today }),
    published,
    ctx,
    history,
  };
}

export async function buildReport(services: Services, period: Period): Promise<Report> {
  const today = londonDate(services.clock.now());
  const ctx = figureContext(services.content);
  const previous = previousPeriod(period);
  const year = reportingYearOf(period);
  const previousYear = previousPeriod(year);
  const [history, stored, storedBefore] = await Promise.all([
    loadHistory(services, previous.from, period.to),
    services.repos.numbers.year(year.arg),
    services.repos.numbers.year(previousYear.arg),
  ]);
  const published = publishedRows(services.content.numbers.publishedFigures, year.arg, previousYear.arg, stored, storedBefore);
  const board = ctx.series.find((s) => s.id === ctx.boardSeries)?.name ?? 'Board';
  return { ...reportFrom(history, ctx, period, today, published, board), year, previousYear };
}
