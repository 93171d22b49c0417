import { DateTime } from 'luxon';
import type { IndexEntry } from '../../storage/actions/schema';
import type { ActionStatus, Rag } from '../../storage/actions/schema';
import { RAG_LABELS, STATUS_LABELS, isOverdue, ragFor } from './rag';
import { workingDaysBetween } from '../shared/time/working-days';
import { ZONE } from '../shared/time/working-days';

export interface TrackerSummary {
  total: number;
  byStatus: Record<ActionStatus, number>;
  byRag: Record<Rag, number>;
  /** Open actions (not completed or cancelled) by priority id; '' = no priority. */
  byPriority: Record<string, number>;
  overdue: (IndexEntry & { workingDaysOver: number })[];
  completedThisQuarter: IndexEntry[];
  quarter: { start: string; end: string; label: string };
  /** Completed by their owners and waiting for the business unit or chair to sign off. */
  awaitingSignOff: IndexEntry[];
  /** With an extension request waiting for a decision. */
  extensionRequests: IndexEntry[];
}

/** The UK public-sector financial quarter (Apr-Jun = Q1) containing the date. */
export function financialQuarter(today: string): TrackerSummary['quarter'] {
  const d = DateTime.fromISO(today, { zone: ZONE });
  const startMonth = Math.floor((d.month - 1) / 3) * 3 + 1;
  const start = d.set({ month: startMonth, day: 1 });
  const end = start.plus({ months: 3 }).minus({ days: 1 });
  const fyStart = d.month >= 4 ? d.year : d.year - 1;
  const q = ((Math.floor((d.month - 1) / 3) + 3) % 4) + 1;
  return { start: start.toISODate()!, end: end.toISODate()!, label: `Q${q} ${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')} (${start.toFormat('LLL')} to ${end.toFormat('LLL yyyy')})` };
}

/** Counts for the board's summary card, computed from the index (no per-action reads). */
export function summarise(entries: IndexEntry[], today: string, amberWithinWorkingDays: number): TrackerSummary {
  const byStatus = Object.fromEntries(Object.keys(STATUS_LABELS).map((k) => [k, 0])) as Record<ActionStatus, number>;
  const byRag = Object.fromEntries(Object.keys(RAG_LABELS).map((k) => [k, 0])) as Record<Rag, number>;
  const byPriority: Record<string, number> = {};
  const quarter = financialQuarter(today);
  const overdue: TrackerSummary['overdue'] = [];
  const completedThisQuarter: IndexEntry[] = [];
  const awaitingSignOff: IndexEntry[] = [];
  const extensionRequests: IndexEntry[] = [];
  for (const e of entries) {
    byStatus[e.status]++;
    byRag[ragFor(e, today, amberWithinWorkingDays)]++;
    if (e.status !== 'completed' && e.status !== 'cancelled') byPriority[e.priority ?? ''] = (byPriority[e.priority ?? ''] ?? 0) + 1;
    if (isOverdue(e, today)) overdue.push({ ...e, workingDaysOver: workingDaysBetween(e.due, today) });
    if (e.status === 'completed' && e.closedOn && e.closedOn >= quarter.start && e.closedOn <= quarter.end) completedThisQuarter.push(e);
    if (e.status === 'completed_pending_evidence') awaitingSignOff.push(e);
    if (e.ext) extensionRequests.push(e);
  }
  overdue.sort((a, b) => a.due.localeCompare(b.due) || a.ref.localeCompare(b.ref));
  completedThisQuarter.sort((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? ''));
  awaitingSignOff.sort((a, b) => a.ref.localeCompare(b.ref));
  extensionRequests.sort((a, b) => a.ref.localeCompare(b.ref));
  return { total: entries.length, byStatus, byRag, byPriority, overdue, completedThisQuarter, quarter, awaitingSignOff, extensionRequests };
}
