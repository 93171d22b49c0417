/**
 * The data behind every figure, as CSV for the annual report: one row per figure or breakdown, with
 * what it was counted from, for the reporting year and each of its quarters; and the appendix's
 * attendance tables. Pure.
 */
import { stringify } from 'csv-stringify/sync';
import { inert } from '../briefings/reach';
import type { Figures } from './figures';
import { headlines } from './headlines';
import { agencyLabel, type FigureContext } from './history';
import { MARK_TEXT, type AttendanceMatrix } from './appendix';
import type { PublishedRow } from './published';
import { pct, type Ratio } from './ratio';

type Cell = string | number;
const HEADER = ['period', 'from', 'to', 'section', 'figure', 'breakdown', 'value', 'counted', 'out_of'];

function figureRows(f: Figures, ctx: FigureContext): Cell[][] {
  const p = [f.period.arg, f.period.from, f.asOf];
  const rows: Cell[][] = [];
  const add = (section: string, figure: string, breakdown: string, value: number | undefined, r?: Ratio) => rows.push([...p, section, figure, breakdown, value ?? '', r ? r.n : '', r ? r.d : '']);
  for (const h of headlines(f)) add(h.section, h.label, '', h.value);
  add('governance', 'Meetings planned', '', f.governance.planned);
  for (const g of f.governance.groups) {
    add('governance', 'Meetings planned', g.name, g.planned);
    add('governance', 'Meetings held', g.name, g.held);
    add('governance', 'Meetings cancelled', g.name, g.cancelled);
    add('governance', 'Meetings quorate (%)', g.name, pct(g.quorate), g.quorate);
    add('governance', 'Attendance (%)', g.name, pct(g.attendance), g.attendance);
  }
  for (const x of f.governance.partners) add('governance', 'Attendance by statutory partner (%)', x.label, pct(x.attended), x.attended);
  for (const a of f.governance.boardAgencies) add('governance', 'Board attendance by agency (%)', agencyLabel(ctx, a.agency), a.percent, { n: a.attended, d: a.held });
  add('learning', 'Due actions done on time (%)', 'review actions', pct(f.learning.reviewDueOnTime), f.learning.reviewDueOnTime);
  add('learning', 'Due actions done on time (%)', 'all actions', pct(f.learning.dueOnTime), f.learning.dueOnTime);
  for (const [kind, list] of [['source', f.learning.bySource], ['priority', f.learning.byPriority]] as const) {
    for (const s of list) {
      add('learning', `Actions opened by ${kind}`, s.name, s.opened);
      add('learning', `Actions completed by ${kind}`, s.name, s.completed);
      add('learning', `Actions completed on time by ${kind}`, s.name, s.onTime);
      add('learning', `Actions overdue at period end by ${kind}`, s.name, s.overdue);
    }
  }
  for (const g of f.assurance.grades) add('assurance', 'Grades given', g.grade, g.count);
  add('reach', 'People delivered to', '', f.reach.delivered);
  add('reach', 'People not reached', '', f.reach.notDelivered);
  add('reach', 'People who read', '', f.reach.read);
  for (const k of ['yes', 'partly', 'no'] as const) add('reach', 'Useful ratings', k, f.reach.useful[k]);
  for (const a of f.reach.byAgency) {
    add('reach', 'Delivered by agency', a.name, a.delivered);
    add('reach', 'Read by agency (%)', a.name, pct({ n: a.read, d: a.delivered }), { n: a.read, d: a.delivered });
    add('reach', 'Useful by agency (%)', a.name, pct({ n: a.yes, d: a.rated }), { n: a.yes, d: a.rated });
  }
  for (const t of f.questions.byTopic) add('questions', 'Questions by topic', t.name, t.count);
  for (const m of f.questions.byMonth) add('questions', 'Questions by month', m.label, m.count);
  add('questions', 'Questions sent to the business unit', '', f.questions.ticketsOpened);
  return rows;
}

/** Figures for the year and each quarter in it, then the published figures with their provenance. */
export function figuresCsv(periods: readonly Figures[], ctx: FigureContext, published: readonly PublishedRow[], year: string, previousYear: string): string {
  const rows: Cell[][] = [HEADER, ...periods.flatMap((f) => figureRows(f, ctx))];
  let csv = stringify(rows);
  const pub: Cell[][] = [['year', 'figure', 'value', 'source_or_recorded', 'previous_year', 'previous_value', 'previous_source_or_recorded', 'change']];
  for (const p of published) pub.push([year, p.label, p.value ?? '', inert(p.provenance), previousYear, p.previous ?? '', inert(p.previousProvenance), p.change]);
  csv += '\n' + stringify(pub);
  return csv;
}

/** One block per group: agency, a mark per meeting, attended, held and percent. */
export function appendixCsv(matrices: readonly AttendanceMatrix[]): string {
  return matrices
    .filter((m) => m.meetings.length)
    .map((m) => stringify([[m.group, 'agency', ...m.meetings.map((x) => x.date), 'attended', 'held', 'percent'], ...m.rows.map((r) => [m.group, r.name, ...r.marks.map((k) => MARK_TEXT[k]), r.attended, r.held, r.percent])]))
    .join('\n');
}
