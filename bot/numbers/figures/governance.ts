import { attendanceByAgency, plannedCount } from '../../meetings/attendance-report';
import { quorum } from '../../meetings/quorum';
import type { FigureContext, MeetingRecord } from '../history';
import type { Period } from '../periods';
import { londonDay } from '../periods';
import { ratio, type Ratio } from '../ratio';

export interface GroupFigures {
  id: string;
  name: string;
  /** Undefined when the group meets as needed or the partnership has set no cadence. */
  planned?: number;
  held: number;
  cancelled: number;
  /** Held meetings, of those with a quorum rule, that were quorate. */
  quorate: Ratio;
  /** Present, of everyone on the attendance lists of held meetings. */
  attendance: Ratio;
}

export interface GovernanceFigures {
  groups: GroupFigures[];
  /** Planned meetings of the groups that have a cadence. */
  planned: number;
  held: number;
  cancelled: number;
  quorate: Ratio;
  board?: GroupFigures;
  /** Per statutory partner: held meetings it was represented at, of those whose quorum needs it. */
  partners: { id: string; label: string; attended: Ratio }[];
  /** The board's attendance by agency, shaped like an annual report's attendance appendix. */
  boardAgencies: { agency: string; attended: number; held: number; percent: number }[];
}

const inPeriod = (m: MeetingRecord, p: Period) => {
  const d = londonDay(m.startsAt);
  return d >= p.from && d <= p.to;
};

/** Whether a held meeting was quorate, from who was recorded present. */
export function wasQuorate(m: MeetingRecord, required: readonly string[], ctx: FigureContext): boolean {
  const partnerOf = (agency: string) => ctx.agencies.find((a) => a.id === agency)?.partner;
  return quorum(required, ctx.partners, partnerOf, (m.attendance ?? []).map((a) => ({ agency: a.agency, response: a.present ? 'attending' : 'apologies' }))).quorate;
}

/**
 * Meetings held against planned per group (planned counted up to `asOf`, so a quarter in progress is
 * not counted short), quorate share, attendance, and representation of each statutory partner.
 */
export function governanceFigures(meetings: readonly MeetingRecord[], ctx: FigureContext, p: Period, asOf: string): GovernanceFigures {
  const mine = meetings.filter((m) => inPeriod(m, p));
  const heldWithList = (ms: readonly MeetingRecord[]) => ms.filter((m) => m.status === 'held' && m.attendance);
  const groups: GroupFigures[] = ctx.series.map((s) => {
    const ms = mine.filter((m) => m.seriesId === s.id);
    const held = heldWithList(ms);
    const listed = held.flatMap((m) => m.attendance!);
    return {
      id: s.id,
      name: s.name,
      planned: plannedCount(s.cadence, s.overrides, p.from, asOf),
      held: ms.filter((m) => m.status === 'held').length,
      cancelled: ms.filter((m) => m.status === 'cancelled').length,
      quorate: s.quorum.length ? ratio(held.filter((m) => wasQuorate(m, s.quorum, ctx)).length, held.length) : ratio(0, 0),
      attendance: ratio(listed.filter((a) => a.present).length, listed.length),
    };
  });
  const partners = ctx.partners.map((partner) => {
    let n = 0;
    let d = 0;
    for (const m of heldWithList(mine)) {
      const s = ctx.series.find((x) => x.id === m.seriesId);
      if (!s?.quorum.includes(partner.id)) continue;
      d++;
      if (m.attendance!.some((a) => a.present && ctx.agencies.find((x) => x.id === a.agency)?.partner === partner.id)) n++;
    }
    return { id: partner.id, label: partner.label, attended: ratio(n, d) };
  });
  const sum = (k: 'planned' | 'held' | 'cancelled') => groups.reduce((t, g) => t + (g[k] ?? 0), 0);
  return {
    groups,
    planned: sum('planned'),
    held: sum('held'),
    cancelled: sum('cancelled'),
    quorate: ratio(groups.reduce((t, g) => t + g.quorate.n, 0), groups.reduce((t, g) => t + g.quorate.d, 0)),
    board: groups.find((g) => g.id === ctx.boardSeries),
    partners,
    boardAgencies: attendanceByAgency(mine.filter((m) => m.seriesId === ctx.boardSeries)).rows,
  };
}
