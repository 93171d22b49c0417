import { DateTime } from 'luxon';
import { stringify } from 'csv-stringify/sync';
import type { AdaptiveCard, Services } from '../core/contract';
import type { MeetingSeries } from '../../content/schema/partnership';
import { expandCard } from '../../cards/expand';
import { ZONE, londonDate, formatDate } from '../shared/time/working-days';
import { count, plural } from '../shared/format';
import { attendanceByAgency, plannedCount } from './attendance-report';
import { agencyName } from './groups';

export interface Period {
  from: string;
  to: string;
}

/** The partnership year (April to March) containing the date, as annual reports use. */
export function partnershipYear(isoDate: string): Period {
  const d = DateTime.fromISO(isoDate, { zone: ZONE });
  const startYear = d.month >= 4 ? d.year : d.year - 1;
  return { from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

interface GroupFigures {
  series: MeetingSeries;
  /** Undefined when the group has no cadence to plan against (not set, or convened as needed). */
  planned: number | undefined;
  held: number;
  cancelled: number;
  agencies: { agency: string; attended: number; held: number; percent: number }[];
}

/** Held against planned (planned only up to today, so a year in progress is not counted short) and attendance by agency. */
export async function attendanceFigures(services: Services, series: MeetingSeries[], period: Period): Promise<GroupFigures[]> {
  const today = londonDate(services.clock.now());
  const plannedTo = period.to < today ? period.to : today;
  const end = DateTime.fromISO(period.to, { zone: ZONE }).plus({ days: 1 }).toUTC().toISO()!;
  const start = DateTime.fromISO(period.from, { zone: ZONE }).toUTC().toISO()!;
  const out: GroupFigures[] = [];
  for (const s of series) {
    const meetings = await services.repos.meetings.between(start, end, s.id);
    const overrides = services.content.meetings.cadenceOverrides.filter((o) => o.series === s.id);
    const report = attendanceByAgency(meetings);
    out.push({
      series: s,
      planned: plannedCount(s.cadence, overrides, period.from, plannedTo),
      held: report.held,
      cancelled: meetings.filter((m) => m.status === 'cancelled').length,
      agencies: report.rows,
    });
  }
  return out;
}

const verdict = (g: GroupFigures) => (g.planned === undefined ? 'No planned number' : g.held >= g.planned ? 'Yes' : `No: ${count(g.planned - g.held)} short`);

export function attendanceCard(services: Services, figures: GroupFigures[], period: Period, single?: MeetingSeries): AdaptiveCard {
  const focus = single ? figures.find((f) => f.series.id === single.id) : undefined;
  return expandCard('meetings', 'attendance', {
    heading: single ? `Attendance: ${single.name}` : 'Governance meetings: held and attendance',
    period: `${formatDate(period.from)} to ${formatDate(period.to)}. Planned counts run to today.`,
    groups: figures.map((g) => ({ name: g.series.name, planned: g.planned === undefined ? 'not set' : count(g.planned), held: count(g.held), cancelled: count(g.cancelled), verdict: verdict(g) })),
    agencyHeading: focus ? `Attendance by agency (${plural(focus.held, 'meeting')} held)` : 'Attendance by agency: choose a group, e.g. "attendance partnership-board"',
    rows: (focus?.agencies ?? []).map((r) => ({ agency: agencyName(services.content, r.agency), attended: `${count(r.attended)} of ${count(r.held)}`, percent: `${count(r.percent)}%` })),
    footnote: `Attendance counts named deputies. For a CSV, type: attendance csv${single ? ` ${single.id}` : ''}`,
  });
}

/** One CSV with both tables, so it opens in a spreadsheet as the annual report's appendix. */
export function attendanceCsv(services: Services, figures: GroupFigures[], period: Period): string {
  const rows: (string | number)[][] = [['section', 'group', 'agency', 'planned', 'held', 'cancelled', 'attended', 'percent', 'from', 'to']];
  for (const g of figures) {
    rows.push(['meetings', g.series.name, '', g.planned ?? '', g.held, g.cancelled, '', '', period.from, period.to]);
    for (const a of g.agencies) rows.push(['attendance', g.series.name, agencyName(services.content, a.agency), '', a.held, '', a.attended, a.percent, period.from, period.to]);
  }
  return stringify(rows);
}
