import { DateTime } from 'luxon';
import { ZONE } from '../shared/time/working-days';

export interface Cadence {
  kind: 'weeks' | 'months' | 'fixed-months' | 'as-needed';
  every?: number;
  months?: number[];
}

export interface CadenceOverride {
  from: string;
  to: string;
  kind: 'weeks' | 'months';
  every: number;
}

/**
 * Meetings a cadence plans in [from, to] (ISO dates, inclusive), counting override periods at their own
 * rate. Undefined when nothing is planned to count against: no cadence set, or a group convened as needed.
 */
export function plannedCount(cadence: Cadence | undefined, overrides: readonly CadenceOverride[], from: string, to: string): number | undefined {
  if (!cadence || cadence.kind === 'as-needed') return undefined;
  if (to < from) return 0;
  let total = 0;
  let cursor = from;
  for (const o of [...overrides].sort((a, b) => a.from.localeCompare(b.from))) {
    if (o.to < cursor || o.from > to) continue;
    if (o.from > cursor) total += countIn(cadence, cursor, dayBefore(o.from));
    const end = o.to < to ? o.to : to;
    const start = o.from > cursor ? o.from : cursor;
    total += countIn({ kind: o.kind, every: o.every }, start, end);
    cursor = dayAfter(end);
    if (cursor > to) return total;
  }
  return total + countIn(cadence, cursor, to);
}

const dayBefore = (d: string) => DateTime.fromISO(d, { zone: ZONE }).minus({ days: 1 }).toISODate()!;
const dayAfter = (d: string) => DateTime.fromISO(d, { zone: ZONE }).plus({ days: 1 }).toISODate()!;

function countIn(c: Cadence, from: string, to: string): number {
  if (to < from) return 0;
  const a = DateTime.fromISO(from, { zone: ZONE });
  const b = DateTime.fromISO(to, { zone: ZONE }).plus({ days: 1 });
  if (c.kind === 'fixed-months') {
    let n = 0;
    for (let m = a.startOf('month'); m < b; m = m.plus({ months: 1 })) {
      // A fixed month counts when the period covers most of it, so a period starting on the 20th does not claim it.
      const covered = Math.min(b.toMillis(), m.endOf('month').toMillis()) - Math.max(a.toMillis(), m.toMillis());
      if ((c.months ?? []).includes(m.month) && covered >= m.daysInMonth! * 86_400_000 / 2) n++;
    }
    return n;
  }
  const every = c.every ?? 1;
  if (c.kind === 'weeks') return Math.floor(b.diff(a, 'days').days / (7 * every));
  return Math.floor(b.diff(a, 'months').months / every + 1e-9);
}

export interface HeldMeeting {
  status: 'draft' | 'published' | 'held' | 'cancelled';
  attendance?: { agency: string; present: boolean }[];
}

export interface AgencyRow {
  agency: string;
  attended: number;
  held: number;
  percent: number;
}

/**
 * Per agency, the share of held meetings it attended (in person or by a named deputy), shaped like the
 * attendance table in a partnership annual report. Agencies that were expected (on the attendance
 * list) but never present score 0%.
 */
export function attendanceByAgency(meetings: readonly HeldMeeting[]): { held: number; rows: AgencyRow[] } {
  const held = meetings.filter((m) => m.status === 'held' && m.attendance);
  const agencies = new Map<string, number>();
  for (const m of held) {
    const present = new Set(m.attendance!.filter((a) => a.present).map((a) => a.agency));
    for (const a of m.attendance!) if (!agencies.has(a.agency)) agencies.set(a.agency, 0);
    for (const a of present) agencies.set(a, (agencies.get(a) ?? 0) + 1);
  }
  const rows = [...agencies.entries()].map(([agency, attended]) => ({ agency, attended, held: held.length, percent: held.length ? Math.round((attended / held.length) * 100) : 0 }));
  rows.sort((x, y) => y.percent - x.percent || x.agency.localeCompare(y.agency));
  return { held: held.length, rows };
}
