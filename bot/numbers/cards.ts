/**
 * Card data for the numbers feature. Charts carry numbers (Teams plots them); every text a client
 * shows is a string. Each chart's fallback is a table, for clients that do not draw charts.
 */
import type { AdaptiveCard } from '../core/contract';
import type { NumbersSection, PublishedFigure } from '../../content/schema/numbers';
import type { PublishedFigures } from '../../storage/numbers/schema';
import { cardNumber, expandCard, type CardNumber } from '../../cards/expand';
import { formatDate } from '../shared/time/working-days';
import { BREAKDOWN_HOW, heldOfPlanned, shownValue } from './headlines';
import { agencyLabel } from './history';
import { NUMBERS_TUNING } from './consts';
import { pct, type Ratio } from './ratio';
import { inputId, valueFor, type PublishedRow } from './published';
import type { Report } from './report';
import type { AttendanceMatrix } from './appendix';
import { MARK_TEXT } from './appendix';

/** A small table drawn as a fact set: the first fact names the columns, each row's value joins its cells. */
export interface TableData {
  title: string;
  header: { title: string; value: string };
  rows: { title: string; value: string }[];
}

const table = (title: string, columns: string[], rows: string[][]): TableData => ({ title, header: { title: columns[0], value: columns.slice(1).join(' · ') }, rows: rows.map(([first, ...rest]) => ({ title: first, value: rest.join(' · ') })) });

export interface ChartData extends TableData {
  kind: 'hbar' | 'vbar' | 'donut' | 'line' | 'empty';
  legend?: string;
  /** Chart values stay numbers (Teams plots them); everything shown as text is a string. */
  points: { x: string; y: CardNumber }[];
  emptyText?: string;
}

const SECTIONS: { id: NumbersSection; heading: string }[] = [
  { id: 'governance', heading: 'Governance' },
  { id: 'learning', heading: 'Learning into practice' },
  { id: 'assurance', heading: 'Assurance' },
  { id: 'reach', heading: 'Learning reach' },
  { id: 'questions', heading: "Practitioners' questions" },
];

const n = (v: number) => v.toLocaleString('en-GB');
const pctText = (r: Ratio) => (r.d ? `${pct(r)}%` : 'n/a');
const of = (r: Ratio) => (r.d ? `${n(r.n)} of ${n(r.d)}` : 'n/a');

function chart(kind: ChartData['kind'], title: string, points: { x: string; y: number }[], columns: string[], rows: string[][], emptyText: string, legend?: string): ChartData {
  return points.length ? { kind, points: points.map((p) => ({ x: p.x, y: cardNumber(p.y) })), legend, ...table(title, columns, rows) } : { kind: 'empty', title, points: [], emptyText, header: { title: '', value: '' }, rows: [] };
}

/** The first rows as they are and the rest summed as "Other", so a chart stays readable. */
function topWithOther<T extends { name: string }>(rows: T[], max: number, sum: (xs: T[]) => T): T[] {
  return rows.length <= max ? rows : [...rows.slice(0, max - 1), { ...sum(rows.slice(max - 1)), name: 'Other' }];
}

function sectionCharts(r: Report, section: NumbersSection): { charts: ChartData[]; tables: TableData[] } {
  const f = r.now;
  const max = NUMBERS_TUNING.maxChartRows;
  if (section === 'governance') {
    const partners = f.governance.partners.filter((p) => p.attended.d > 0);
    const groups = f.governance.groups.filter((g) => g.planned || g.held || g.cancelled);
    const tables: TableData[] = [table('Meetings by group', ['Group', 'held of planned', 'quorate', 'attendance'], groups.map((g) => [g.name, `${g.planned === undefined ? `${n(g.held)} (meets as needed)` : heldOfPlanned(g.held, g.planned)}${g.cancelled ? ` (${n(g.cancelled)} cancelled)` : ''}`, pctText(g.quorate), pctText(g.attendance)]))];
    if (f.governance.boardAgencies.length) tables.push(table(`${f.governance.board?.name ?? 'Board'} attendance by agency`, ['Agency', 'meetings attended', '%'], f.governance.boardAgencies.map((a) => [agencyLabel(r.ctx, a.agency), `${n(a.attended)} of ${n(a.held)}`, `${a.percent}%`])));
    return {
      charts: [chart('hbar', 'Attendance by statutory partner (%)', partners.map((p) => ({ x: p.label, y: pct(p.attended)! })), ['Partner', 'meetings attended', '%'], partners.map((p) => [p.label, of(p.attended), pctText(p.attended)]), 'no meetings of groups with a quorum rule were held')],
      tables: groups.length ? tables : [],
    };
  }
  if (section === 'learning') {
    const sources = f.learning.bySource.filter((s) => s.opened || s.completed || s.overdue);
    const priorities = f.learning.byPriority.filter((s) => s.opened || s.completed || s.overdue);
    return {
      charts: [chart('vbar', 'Actions completed by source', sources.map((s) => ({ x: s.name, y: s.completed })), ['Source', 'opened', 'completed', 'on time', 'overdue'], sources.map((s) => [s.name, n(s.opened), n(s.completed), n(s.onTime), n(s.overdue)]), 'no actions were opened, completed or overdue')],
      tables: priorities.length ? [table('Actions by priority', ['Priority', 'opened', 'completed', 'overdue'], priorities.map((p) => [p.name, n(p.opened), n(p.completed), n(p.overdue)]))] : [],
    };
  }
  if (section === 'assurance') {
    const total = f.assurance.grades.reduce((t, g) => t + g.count, 0);
    return {
      charts: [chart('donut', 'Grades given', f.assurance.grades.map((g) => ({ x: g.grade, y: g.count })), ['Grade', 'check-ins', '%'], f.assurance.grades.map((g) => [g.grade, n(g.count), `${pct({ n: g.count, d: total })}%`]), 'no graded check-ins were submitted')],
      tables: [],
    };
  }
  if (section === 'reach') {
    const rows = topWithOther(f.reach.byAgency, max, (xs) => ({ id: 'other', name: 'Other', delivered: xs.reduce((t, x) => t + x.delivered, 0), read: xs.reduce((t, x) => t + x.read, 0), yes: xs.reduce((t, x) => t + x.yes, 0), rated: xs.reduce((t, x) => t + x.rated, 0) }));
    const shown = rows.filter((a) => a.delivered > 0);
    return {
      charts: [chart('hbar', 'Read by agency (%)', shown.map((a) => ({ x: a.name, y: pct({ n: a.read, d: a.delivered })! })), ['Agency', 'delivered', 'read', 'useful'], rows.map((a) => [a.name, n(a.delivered), `${n(a.read)} (${pctText({ n: a.read, d: a.delivered })})`, pctText({ n: a.yes, d: a.rated })]), 'no briefings were delivered to people 1:1')],
      tables: [],
    };
  }
  const q = f.questions;
  const topics = topWithOther(q.byTopic, max, (xs) => ({ id: 'other', name: 'Other', count: xs.reduce((t, x) => t + x.count, 0) }));
  return {
    charts: [
      chart('hbar', 'Questions by topic', topics.map((t) => ({ x: t.name, y: t.count })), ['Topic', 'questions', '%'], topics.map((t) => [t.name, n(t.count), `${pct({ n: t.count, d: q.asked })}%`]), 'no questions were asked'),
      chart('line', 'Questions by month', q.asked ? q.byMonth.map((m) => ({ x: m.label, y: m.count })) : [], ['Month', 'questions'], q.byMonth.map((m) => [m.label, n(m.count)]), 'no questions were asked', 'Questions'),
    ],
    tables: [],
  };
}

const BREAKDOWNS: Record<NumbersSection, string[]> = {
  governance: ['groups', 'partners', 'agencies'],
  learning: ['sources', 'priorities'],
  assurance: ['grades'],
  reach: ['reachAgencies'],
  questions: ['topics', 'months'],
};

function publishedValue(p: PublishedRow, previousYear: string): string {
  if (p.value === undefined) return p.toConfirm ? 'not recorded yet (to be confirmed)' : 'not recorded yet';
  const before = p.previous === undefined ? `${previousYear}: not recorded` : `${previousYear}: ${shownValue(p.unit, p.previous)}`;
  return `${shownValue(p.unit, p.value)} · ${before} · ${p.change}`;
}

export interface NumbersCardOptions {
  partnership: string;
  canRecord: boolean;
}

export function numbersData(r: Report, o: NumbersCardOptions) {
  const running = r.period.to > r.now.asOf;
  return {
    partnership: o.partnership,
    period: `${r.period.label} (${r.period.arg})`,
    asOfNote: `${running ? `Figures to ${formatDate(r.now.asOf)}, as the ${r.period.kind} is still running. ` : ''}Changes are against ${r.previous.label}.`,
    summary: r.summary.map((s) => ({ text: s.text })),
    sections: SECTIONS.map((s) => {
      const hs = r.headlines.filter((h) => h.section === s.id);
      const published = r.published.filter((p) => p.section === s.id);
      return {
        heading: s.heading,
        facts: hs.map((h) => ({ title: h.label, value: `${h.shown} · ${h.change}` })),
        ...sectionCharts(r, s.id),
        publishedHeading: `Published figures, ${r.year.arg}`,
        published: published.map((p) => ({ title: p.label, value: publishedValue(p, r.previousYear.arg) })),
        howId: `how-${s.id}`,
        how: [
          ...hs.map((h) => ({ label: h.label, text: h.how })),
          ...BREAKDOWNS[s.id].map((k) => ({ label: BREAKDOWN_HOW[k].label, text: BREAKDOWN_HOW[k].how })),
          ...published.map((p) => ({ label: p.label, text: `${p.meaning} ${r.year.arg}: ${p.provenance}.${p.toConfirm ? ` To confirm: ${p.toConfirm}` : ''}` })),
        ],
      };
    }),
    footnote: `Counted from what the bot records: meetings, the action tracker, audit rounds, briefings and questions. Published figures: ${BREAKDOWN_HOW.published.how}`,
    previous: { title: `Previous: ${r.previous.arg}`, period: r.previous.arg },
    year: r.year.arg,
    canRecord: o.canRecord,
  };
}

export function numbersCard(r: Report, o: NumbersCardOptions): AdaptiveCard {
  return expandCard('numbers', 'numbers', numbersData(r, o));
}

/** A real table (the appendix reads across meetings, so it needs columns). */
export interface GridData {
  title: string;
  note: string;
  header: string[];
  /** Table column widths: numbers by the schema, so CardNumber. */
  widths: CardNumber[];
  rows: { cells: string[] }[];
}

export interface AppendixInput {
  year: { arg: string; label: string };
  previousYear: string;
  matrices: AttendanceMatrix[];
  board: string;
  published: PublishedRow[];
  maxColumns: number;
}

/** The appendix card: the board's attendance by agency and meeting, other groups in brief, published figures. */
export function appendixCard(a: AppendixInput): AdaptiveCard {
  return expandCard('numbers', 'appendix', appendixData(a));
}

export function appendixData(a: AppendixInput) {
  const board = a.matrices.find((m) => m.groupId === a.board);
  const tables: GridData[] = [];
  if (board) {
    const wide = board.meetings.length > a.maxColumns;
    tables.push({
      title: `Attendance at ${board.group} meetings (${n(board.meetings.length)} held)`,
      note: board.meetings.length === 0 ? 'No meetings were recorded as held in this year.' : wide ? `${board.meetings.length} meetings: the dates are in the CSV below.` : '✓ attended (in person or by a named deputy), ✗ on the list but absent, – not on the list.',
      header: ['Agency', ...(wide ? ['Attended'] : board.meetings.map((m) => m.label)), '%'],
      widths: [3, ...(wide ? [1] : board.meetings.map(() => 1)), 1].map(cardNumber),
      rows: board.rows.map((r) => ({ cells: [r.name, ...(wide ? [`${n(r.attended)} of ${n(r.held)}`] : r.marks.map((k) => MARK_TEXT[k])), `${r.percent}%`] })),
    });
  }
  const others = a.matrices.filter((m) => m.groupId !== a.board && m.meetings.length);
  if (others.length) {
    tables.push({
      title: 'Other groups: attendance by agency',
      note: 'Share of each group\'s held meetings the agency attended.',
      header: ['Group', 'Agency', 'Attended', '%'],
      widths: [2, 2, 1, 1].map(cardNumber),
      rows: others.flatMap((m) => m.rows.map((r) => ({ cells: [m.group, r.name, `${n(r.attended)} of ${n(r.held)}`, `${r.percent}%`] }))),
    });
  }
  tables.push({
    title: 'Published figures',
    note: `Recorded by the business unit, or as published in the annual report named. Change is against ${a.previousYear}.`,
    header: ['Figure', a.year.arg, a.previousYear, 'Change'],
    widths: [3, 1, 1, 2].map(cardNumber),
    rows: a.published.map((p) => ({ cells: [p.label, p.value === undefined ? 'not recorded' : shownValue(p.unit, p.value), p.previous === undefined ? 'not recorded' : shownValue(p.unit, p.previous), p.change] })),
  });
  return {
    heading: `Appendix: partnership figures ${a.year.arg}`,
    intro: `${a.year.label}. For the annual report: attendance by agency and meeting, and the figures the partnership publishes.`,
    tables,
    footnote: 'The CSV below has every group\'s table, meeting by meeting. Attendance counts named deputies.',
  };
}

export interface RecordFormInput {
  year: string;
  figures: readonly PublishedFigure[];
  stored?: Pick<PublishedFigures, 'values'> & { _etag: string };
  /** What the user typed, kept when something was wrong. */
  typed?: Record<string, unknown>;
  banner?: { lines: string[]; tone: 'good' | 'attention' };
}

export function recordForm(o: RecordFormInput): AdaptiveCard {
  return expandCard('numbers', 'record', recordFormData(o));
}

export function recordFormData(o: RecordFormInput) {
  const typed = (k: string) => (o.typed && typeof o.typed[k] !== 'undefined' ? String(o.typed[k] ?? '') : undefined);
  return {
    year: o.year,
    etag: o.stored?._etag ?? '',
    intro: 'Figures the bot cannot count, for the reporting year (April to March). Leave a box empty if the figure is not known yet. Saving replaces this year\'s recorded figures; who saved them and when is kept.',
    banner: o.banner ? { text: o.banner.lines.join(' '), lines: o.banner.lines, style: o.banner.tone === 'good' ? 'good' : 'attention', color: o.banner.tone === 'good' ? 'Good' : 'Attention' } : { text: '', lines: [], style: 'default', color: 'Default' },
    fields: o.figures.map((f) => {
      const v = valueFor(f, o.year, o.stored);
      return {
        id: inputId(f.id),
        label: `${f.label}${f.unit === 'percent' ? ' (%)' : ''}`,
        value: typed(inputId(f.id)) ?? (o.stored?.values[f.id] ? String(o.stored.values[f.id].value) : ''),
        example: f.unit === 'percent' ? 'for example 84' : 'for example 4',
        note: v.recorded ? `Now ${shownValue(f.unit, v.value!)}, ${v.provenance}.` : v.value !== undefined ? `Published as ${shownValue(f.unit, v.value)} (${v.provenance}); record it to confirm or correct it.` : f.toConfirm ?? f.meaning,
      };
    }),
    csv: typed('csv') ?? '',
    csvHelp: `A header row, then one figure per row, for example: figure,value then ${o.figures[0]?.id ?? 'rapid-reviews'},4. Figures: ${o.figures.map((f) => f.id).join(', ')}.`,
  };
}
