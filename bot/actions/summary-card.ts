import type { AdaptiveCard } from '../core/contract';
import { expandCard } from '../../cards/expand';
import { count, formatDate, formatDateTime, plural } from '../shared/format';
import { ACTIONS_TUNING } from './consts';
import type { Labels } from './labels';
import { RAG_STYLES, RAG_LABELS, STATUS_LABELS } from './rag';
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
    asOf: `As of ${formatDateTime(o.now)}. ${plural(s.total, 'action')} on the tracker, ${count(open)} open.`,
    byRag: (Object.keys(RAG_LABELS) as Rag[]).map((r) => ({ label: RAG_LABELS[r], style: RAG_STYLES[r], count: count(s.byRag[r]) })),
    byStatus: (Object.keys(STATUS_LABELS) as ActionStatus[]).map((k) => ({ label: STATUS_LABELS[k], count: count(s.byStatus[k]) })),
    byPriority: Object.entries(s.byPriority)
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => ({ label: id ? o.labels.priority(id) : 'No priority', count: count(n) })),
    // Named, with a way in: "Awaiting sign-off: 1" alone says nothing anyone can act on.
    attention: [
      ...s.awaitingSignOff.map((e) => ({ id: e.id, ref: e.ref, title: e.title, why: 'Awaiting sign-off' })),
      ...s.extensionRequests.map((e) => ({ id: e.id, ref: e.ref, title: e.title, why: 'Extension requested' })),
    ].slice(0, ACTIONS_TUNING.summaryOverdueLimit),
    attentionHeading: `Waiting for a decision (${count(s.awaitingSignOff.length + s.extensionRequests.length)})`,
    overdueCount: count(s.overdue.length),
    overdue: shown.map((e) => ({ id: e.id, ref: e.ref, title: e.title, agency: o.labels.agency(e.agency), due: formatDate(e.due), days: count(e.workingDaysOver) })),
    overdueMore: s.overdue.length > shown.length ? `and ${count(s.overdue.length - shown.length)} more overdue.` : '',
    completedCount: count(s.completedThisQuarter.length),
    quarterLabel: s.quarter.label,
    completed: s.completedThisQuarter.slice(0, 10).map((e) => ({ ref: e.ref, title: e.title, agency: o.labels.agency(e.agency), closedOn: formatDate(e.closedOn ?? e.due) })),
    unreachable: o.unreachable.map((u) => ({ name: u.name, agency: u.agency, openCount: plural(u.openCount, 'open action') })),
  };
}

export function summaryCard(s: TrackerSummary, o: Parameters<typeof summaryCardData>[1]): AdaptiveCard {
  return expandCard('actions', 'summary', summaryCardData(s, o));
}
