/**
 * The annual report's appendix: attendance by agency and meeting for each group (in the shape
 * partnerships publish: one row per agency, the share of meetings attended), and the published
 * figures beside the year before. Pure: records in, rows out.
 */
import { DateTime } from 'luxon';
import { attendanceByAgency } from '../meetings/attendance-report';
import { ZONE } from '../shared/time/working-days';
import { agencyLabel, type FigureContext, type MeetingRecord } from './history';
import { londonDay, type Period } from './periods';

export interface AttendanceMatrix {
  groupId: string;
  group: string;
  /** Held meetings, oldest first. */
  meetings: { id: string; date: string; label: string }[];
  rows: { agency: string; name: string; marks: ('present' | 'absent' | 'not listed')[]; attended: number; held: number; percent: number }[];
}

export const MARK_TEXT = { present: '✓', absent: '✗', 'not listed': '–' } as const;

export function attendanceMatrix(meetings: readonly MeetingRecord[], ctx: FigureContext, p: Period): AttendanceMatrix[] {
  return ctx.series.map((s) => {
    const held = meetings
      .filter((m) => m.seriesId === s.id && m.status === 'held' && m.attendance && londonDay(m.startsAt) >= p.from && londonDay(m.startsAt) <= p.to)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const report = attendanceByAgency(held);
    return {
      groupId: s.id,
      group: s.name,
      meetings: held.map((m) => ({ id: m.id, date: londonDay(m.startsAt), label: DateTime.fromISO(m.startsAt).setZone(ZONE).toFormat('d LLL yyyy') })),
      rows: report.rows.map((r) => ({
        agency: r.agency,
        name: agencyLabel(ctx, r.agency),
        marks: held.map((m) => (m.attendance!.some((a) => a.agency === r.agency && a.present) ? 'present' : m.attendance!.some((a) => a.agency === r.agency) ? 'absent' : 'not listed')),
        attended: r.attended,
        held: r.held,
        percent: r.percent,
      })),
    };
  });
}
