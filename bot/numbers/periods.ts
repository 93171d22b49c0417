/**
 * Reporting periods, Europe/London: calendar quarters (`2026 Q3` = July to September 2026) and
 * reporting years (`2025/26` = April 2025 to March 2026, as annual reports run). Pure: dates in, dates out.
 */
import { DateTime } from 'luxon';
import { ZONE, nextWorkingDay } from '../shared/time/working-days';

export type PeriodKind = 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** First day, ISO date, inclusive. */
  from: string;
  /** Last day, ISO date, inclusive. */
  to: string;
  /** For people: "July to September 2026". */
  label: string;
  /** What to type to get it again: "2026 Q3" or "2025/26". */
  arg: string;
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

export function yearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function quarter(year: number, q: number): Period {
  const start = DateTime.fromObject({ year, month: (q - 1) * 3 + 1, day: 1 }, { zone: ZONE });
  const end = start.plus({ months: 3 }).minus({ days: 1 });
  return { kind: 'quarter', from: start.toISODate()!, to: end.toISODate()!, label: `${start.toFormat('LLLL')} to ${end.toFormat('LLLL yyyy')}`, arg: `${year} Q${q}` };
}

export function reportingYear(startYear: number): Period {
  return { kind: 'year', from: `${startYear}-04-01`, to: `${startYear + 1}-03-31`, label: `April ${startYear} to March ${startYear + 1}`, arg: yearLabel(startYear) };
}

export function quarterContaining(isoDate: string): Period {
  const d = day(isoDate);
  return quarter(d.year, Math.floor((d.month - 1) / 3) + 1);
}

export function reportingYearContaining(isoDate: string): Period {
  const d = day(isoDate);
  return reportingYear(d.month >= 4 ? d.year : d.year - 1);
}

/** The period just before: the previous quarter, or the previous reporting year. */
export function previousPeriod(p: Period): Period {
  return p.kind === 'quarter' ? quarterContaining(day(p.from).minus({ days: 1 }).toISODate()!) : reportingYearContaining(day(p.from).minus({ days: 1 }).toISODate()!);
}

/** The reporting year a period belongs to (a quarter belongs to the year its first day is in). */
export function reportingYearOf(p: Period): Period {
  return reportingYearContaining(p.from);
}

/** Figures count up to today for a period still running, so nothing yet to come is counted short. */
export function asOfDate(p: Period, today: string): string {
  return p.to < today ? p.to : today;
}

/** The first working day after the period ends (the quarterly post goes then). */
export function firstWorkingDayAfter(p: Period): string {
  return nextWorkingDay(day(p.to).plus({ days: 1 }).toISODate()!);
}

/** The months a period covers, up to `until`, for the line chart. */
export function monthsOf(p: Period, until: string): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  for (let m = day(p.from).startOf('month'); m.toISODate()! <= until && m.toISODate()! <= p.to; m = m.plus({ months: 1 })) out.push({ key: m.toFormat('yyyy-MM'), label: m.toFormat('LLL yyyy') });
  return out;
}

/** The London day an instant falls on, as the period tests compare it. */
export function londonDay(iso: string): string {
  return DateTime.fromISO(iso).setZone(ZONE).toISODate()!;
}

/** The UTC instant a London day starts, for queries over ISO timestamps. */
export function startOfLondonDay(isoDate: string): string {
  return day(isoDate).startOf('day').toUTC().toISO()!;
}

export const PERIOD_HELP = 'Try **numbers** (this quarter), **numbers last quarter**, **numbers 2026 Q3** (July to September 2026) or **numbers 2025/26** (April 2025 to March 2026).';

/**
 * What people type after `numbers`: nothing or "this quarter", "last quarter", "2026 Q3", "Q3 2026",
 * "this year", "last year", "2025/26", "2025-26", "2025/2026". A period that has not started is refused.
 */
export function parsePeriod(text: string, today: string): { ok: true; period: Period } | { ok: false; message: string } {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  let p: Period | undefined;
  let m: RegExpExecArray | null;
  if (t === '' || t === 'this quarter' || t === 'quarter') p = quarterContaining(today);
  else if (t === 'last quarter' || t === 'previous quarter') p = previousPeriod(quarterContaining(today));
  else if (t === 'this year' || t === 'year') p = reportingYearContaining(today);
  else if (t === 'last year' || t === 'previous year') p = previousPeriod(reportingYearContaining(today));
  else if ((m = /^(\d{4}) ?q([1-4])$/.exec(t)) || (m = /^q([1-4]) ?(\d{4})$/.exec(t))) {
    const [year, q] = /^q/.test(t) ? [Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2])];
    if (year >= 2000 && year <= 2100) p = quarter(year, q);
  } else if ((m = /^(\d{4}) ?[/-] ?(\d{2}|\d{4})$/.exec(t))) {
    const start = Number(m[1]);
    const end = m[2].length === 2 ? Number(`${m[1].slice(0, 2)}${m[2]}`) + (m[2] === '00' ? 100 : 0) : Number(m[2]);
    if (end !== start + 1) return { ok: false, message: `A reporting year runs April to March, so it is written like ${yearLabel(start)}. ${PERIOD_HELP}` };
    if (start >= 2000 && start <= 2100) p = reportingYear(start);
  }
  if (!p) return { ok: false, message: `I did not understand the period "${text.trim().slice(0, 40)}". ${PERIOD_HELP}` };
  if (p.from > today) return { ok: false, message: `${p.label} has not started yet, so there are no figures for it. ${PERIOD_HELP}` };
  return { ok: true, period: p };
}
