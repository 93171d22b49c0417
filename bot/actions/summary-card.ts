import type { AdaptiveCard } from '../core/contract';
import { expandCard } from '../../cards/expand';
import { formatDateTime } from '../shared/time/working-days';
import { formatDate } from '../shared/time/working-days';
import { ACTIONS_TUNING } from './consts';
import type { Labels } from './labels';
import { RAG_COLOURS, RAG_LABELS, STATUS_LABELS } from './rag';
import type { TrackerSummary } from './summary';
import type { Rag, ActionStatus } from '../../storage/actions/schema';

export interface UnreachableOwner {
  name: string;
  agency: string;
  openCount: number;
}

export function summaryCardData(s: TrackerSummary, o: { labels: Labels; partnership: string; now: Date; unreachable: UnreachableOwner[] }) {
  const shown = s.overdue.slice(0, ACTIONS_TUNING.summaryOverdueLimit);
  const open = s.total - s.byStatus.completed - s.byStatus.cancelled;
  return {
    heading: `${o.partnership}: action tracker`,
    asOf: `As of ${formatDateTime(o.now)}. ${s.total} action${s.total === 1 ? '' : 's'} on the tracker, ${open} open.`,
    byRag: (Object.keys(RAG_LABELS) as Rag[]).map((r) => ({ label: RAG_LABELS[r], colour: RAG_COLOURS[r], count: String(s.byRag[r]) })),
    byStatus: (Object.keys(STATUS_LABELS) as ActionStatus[]).map((k) => ({ label: STATUS_LABELS[k], count: String(s.byStatus[k]) })),
    byPriority: Object.entries(s.byPriority)
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => ({ label: id ? o.labels.priority(id) : 'No priority', count: String(n) })),
    attentionLine: `Awaiting sign-off: ${s.awaitingSignOff}. Extension requests waiting for a decision: ${s.extensionRequests}.`,
    overdueCount: String(s.overdue.length),
    overdue: shown.map((e) => ({ id: e.id, ref: e.ref, title: e.title, agency: o.labels.agency(e.agency), due: formatDate(e.due), days: String(e.workingDaysOver) })),
    overdueMore: s.overdue.length > shown.length ? `and ${s.overdue.length - shown.length} more overdue.` : '',
    completedCount: String(s.completedThisQuarter.length),
    quarterLabel: s.quarter.label,
    completed: s.completedThisQuarter.slice(0, 10).map((e) => ({ ref: e.ref, title: e.title, agency: o.labels.agency(e.agency), closedOn: formatDate(e.closedOn ?? e.due) })),
    unreachable: o.unreachable.map((u) => ({ name: u.name, agency: u.agency, openCount: String(u.openCount) })),
  };
}

export function summaryCard(s: TrackerSummary, o: Parameters<typeof summaryCardData>[1]): AdaptiveCard {
  return expandCard('actions', 'summary', summaryCardData(s, o));
}
